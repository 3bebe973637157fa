#pragma once
// A thin RAII layer over SQLite's C API: a connection, prepared statements with
// typed binds and columns, and a transaction that rolls back unless committed.
// Every failure throws kforge::Error naming the database file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "util/phrase.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kforge {

class Database;

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    // Binds by 1-based position; chainable.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    bool step();  // true while a row is ready
    void run();   // steps once, for statements without rows
    void reset();

    bool isNull(int column) const;
    int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<int64_t> optionalInt64(int column) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (creating it and its directory unless readOnly) with WAL and foreign keys on.
    explicit Database(const std::filesystem::path& file, bool readOnly = false);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    int64_t lastInsertId() const;
    int64_t changes() const;  // rows the last INSERT, UPDATE or DELETE touched
    int64_t scalarInt(std::string_view sql);

    const std::filesystem::path& file() const { return file_; }
    sqlite3* handle() const { return db_; }
    // Throws "file: what: SQLite's own message" (the last error on this connection).
    [[noreturn]] void fail(const Phrase& what) const;

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

class Transaction {
public:
    explicit Transaction(Database& db);  // BEGIN IMMEDIATE: writers queue up front, not at commit
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace kforge
