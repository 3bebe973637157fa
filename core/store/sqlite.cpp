#include "store/sqlite.h"

#include <sqlite3.h>

#include "util/error.h"

namespace kforge {

Database::Database(const std::filesystem::path& file, bool readOnly) : file_(file) {
    if (!readOnly && file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: cannot create the directory: %2"), file.parent_path().string(),
                               ec.message()));
    }
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        const Phrase why = db_ ? verbatim(sqlite3_errmsg(db_)) : phrase(QT_TRANSLATE_NOOP("Phrase", "out of memory"));
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: cannot open the database: %2"), file.string(), why));
    }
    // Another process (a second kforge, the GUI) may hold the write lock for a moment.
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA foreign_keys = ON");
    if (!readOnly) {
        exec("PRAGMA journal_mode = WAL");
        // NORMAL under WAL: a commit survives a killed process; only a power cut can lose the last ones.
        exec("PRAGMA synchronous = NORMAL");
    }
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(const Phrase& what) const {
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2: %3"), file_.string(), what, sqlite3_errmsg(db_)));
}

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const Phrase why = message ? verbatim(message) : phrase(QT_TRANSLATE_NOOP("Phrase", "unknown error"));
        sqlite3_free(message);
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2 (in: %3)"), file_.string(), why, std::string(sql.substr(0, 80))));
    }
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::changes() const { return sqlite3_changes64(db_); }

int64_t Database::scalarInt(std::string_view sql) {
    Statement s(*this, sql);
    return s.step() ? s.int64(0) : 0;
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        db.fail(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot prepare \"%1\""), std::string(sql.substr(0, 80))));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_->fail(phrase(QT_TRANSLATE_NOOP("Phrase", "bind")));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_->fail(phrase(QT_TRANSLATE_NOOP("Phrase", "bind")));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        db_->fail(phrase(QT_TRANSLATE_NOOP("Phrase", "bind")));
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_->fail(phrase(QT_TRANSLATE_NOOP("Phrase", "bind")));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot run \"%1\""), std::string(sqlite3_sql(stmt_)).substr(0, 80)));
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<int64_t> Statement::optionalInt64(int column) const {
    return isNull(column) ? std::nullopt : std::optional<int64_t>(int64(column));
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const Error&) {
            // Nothing to do: SQLite rolls back by itself when the statement failed hard.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace kforge
