#include "task/expr.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "util/error.h"
#include "util/text.h"

namespace kforge {

struct Expr::Node {
    enum class Kind { Number, Name, Unary, Binary, Call } kind;
    double number = 0;
    std::string op;  // name, operator or function
    std::vector<std::shared_ptr<const Node>> args;
    size_t column = 0;  // of the operator, for errors during evaluation
    int depth = 1;      // of the subtree: evaluation, naming and destruction recurse this deep
};

namespace {

using NodePtr = std::shared_ptr<const Expr::Node>;

class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    NodePtr parseAll() {
        if (s_.size() > Expr::kMaxLength)
            throw Error(
                phrase(QT_TRANSLATE_NOOP("Phrase", "%1 characters, more than the limit of %2"), s_.size(), Expr::kMaxLength));
        NodePtr n = parseOr();
        skipSpace();
        if (pos_ != s_.size()) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "unexpected '%1'"), printable(s_.substr(pos_, 1))));
        return n;
    }

private:
    [[noreturn]] void fail(const Phrase& what) const {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "column %1: %2"), pos_ + 1, what));
    }
    void skipSpace() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool accept(std::string_view token) {
        skipSpace();
        if (s_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    // Every node goes through here, so no tree is deeper than the limit, however
    // it was built (parentheses, unary chains, long left-associative sums).
    NodePtr finish(std::shared_ptr<Expr::Node> n, size_t column) const {
        n->column = column;
        for (const auto& a : n->args) n->depth = std::max(n->depth, a->depth + 1);
        if (n->depth > Expr::kMaxDepth) fail(tooDeep());
        return n;
    }
    static Phrase tooDeep() {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "nested deeper than %1 levels (the limit)"), Expr::kMaxDepth);
    }
    NodePtr binary(std::string op, NodePtr a, NodePtr b, size_t column) const {
        auto n = std::make_shared<Expr::Node>();
        n->kind = Expr::Node::Kind::Binary;
        n->op = std::move(op);
        n->args = {std::move(a), std::move(b)};
        return finish(std::move(n), column);
    }
    // Guards the recursion of the descent itself (before any node exists).
    struct Nest {
        Parser& p;
        explicit Nest(Parser& parser) : p(parser) {
            if (++p.nesting_ > Expr::kMaxDepth) p.fail(tooDeep());
        }
        ~Nest() { --p.nesting_; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;
    };
    size_t opColumn(size_t tokenSize) const { return pos_ - tokenSize + 1; }

    NodePtr parseOr() {
        NodePtr n = parseAnd();
        while (accept("||")) {
            const size_t col = opColumn(2);
            n = binary("||", n, parseAnd(), col);
        }
        return n;
    }
    NodePtr parseAnd() {
        NodePtr n = parseCompare();
        while (accept("&&")) {
            const size_t col = opColumn(2);
            n = binary("&&", n, parseCompare(), col);
        }
        return n;
    }
    NodePtr parseCompare() {
        NodePtr n = parseAdd();
        for (;;) {
            std::string op;
            for (std::string_view candidate : {"==", "!=", "<=", ">=", "<", ">"})
                if (accept(candidate)) {
                    op = candidate;
                    break;
                }
            if (op.empty()) return n;
            const size_t col = opColumn(op.size());
            n = binary(op, n, parseAdd(), col);
        }
    }
    NodePtr parseAdd() {
        NodePtr n = parseMul();
        for (;;) {
            std::string op;
            if (accept("+")) op = "+";
            else if (accept("-")) op = "-";
            else return n;
            const size_t col = opColumn(1);
            n = binary(op, n, parseMul(), col);
        }
    }
    NodePtr parseMul() {
        NodePtr n = parseUnary();
        for (;;) {
            skipSpace();
            if (s_.substr(pos_, 2) == "**") return n;  // handled in parsePower
            std::string op;
            if (accept("*")) op = "*";
            else if (accept("/")) op = "/";
            else if (accept("%")) op = "%";
            else return n;
            const size_t col = opColumn(1);
            n = binary(op, n, parseUnary(), col);
        }
    }
    NodePtr parseUnary() {
        const Nest nest(*this);
        if (accept("-") || accept("!")) {
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Kind::Unary;
            n->op = std::string(1, s_[pos_ - 1]);
            const size_t col = opColumn(1);
            n->args = {parseUnary()};
            return finish(std::move(n), col);
        }
        if (accept("+")) return parseUnary();
        return parsePower();
    }
    NodePtr parsePower() {
        NodePtr base = parsePrimary();
        if (accept("**")) {
            const size_t col = opColumn(2);
            return binary("**", base, parseUnary(), col);  // right-associative
        }
        return base;
    }
    NodePtr parsePrimary() {
        const Nest nest(*this);
        skipSpace();
        if (pos_ >= s_.size()) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "expression ends too early")));
        const char c = s_[pos_];
        if (accept("(")) {
            NodePtr n = parseOr();
            if (!accept(")")) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "missing ')'")));
            return n;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            double v = 0;
            const char* begin = s_.data() + pos_;
            const auto [end, ec] = std::from_chars(begin, s_.data() + s_.size(), v);
            if (ec == std::errc::result_out_of_range) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "number out of range")));
            if (ec != std::errc() || !std::isfinite(v)) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "bad number")));
            const size_t col = pos_ + 1;
            pos_ += static_cast<size_t>(end - begin);
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Kind::Number;
            n->number = v;
            return finish(std::move(n), col);
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const size_t start = pos_;
            const size_t col = pos_ + 1;
            while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
            std::string name(s_.substr(start, pos_ - start));
            auto n = std::make_shared<Expr::Node>();
            n->op = name;
            if (accept("(")) {
                if (name != "min" && name != "max")
                    fail(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown function '%1' (min and max are known)"), printable(name)));
                n->kind = Expr::Node::Kind::Call;
                n->args.push_back(parseOr());
                while (accept(",")) n->args.push_back(parseOr());
                if (!accept(")")) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "missing ')' after the arguments of %1"), name));
                if (n->args.size() < 2) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "%1 takes two or more arguments"), name));
            } else {
                n->kind = Expr::Node::Kind::Name;
            }
            return finish(std::move(n), col);
        }
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "unexpected '%1'"), printable(std::string_view(&c, 1))));
    }

    std::string_view s_;
    size_t pos_ = 0;
    int nesting_ = 0;
};

[[noreturn]] void evalFail(const Expr::Node& n, const Phrase& what) {
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "column %1: %2"), n.column, what));
}

double evalNode(const Expr::Node& n, const Expr::Lookup& lookup) {
    using K = Expr::Node::Kind;
    switch (n.kind) {
        case K::Number: return n.number;
        case K::Name: {
            const auto v = lookup(n.op);
            if (!v) evalFail(n, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown name '%1'"), n.op));
            return *v;
        }
        case K::Unary: {
            const double a = evalNode(*n.args[0], lookup);
            return n.op == "-" ? -a : (a == 0 ? 1.0 : 0.0);
        }
        case K::Call: {
            double r = evalNode(*n.args[0], lookup);
            for (size_t i = 1; i < n.args.size(); ++i) {
                const double v = evalNode(*n.args[i], lookup);
                r = n.op == "min" ? std::fmin(r, v) : std::fmax(r, v);
            }
            return r;
        }
        case K::Binary: break;
    }
    const double a = evalNode(*n.args[0], lookup);
    if (n.op == "&&") return a != 0 && evalNode(*n.args[1], lookup) != 0 ? 1.0 : 0.0;
    if (n.op == "||") return a != 0 || evalNode(*n.args[1], lookup) != 0 ? 1.0 : 0.0;
    const double b = evalNode(*n.args[1], lookup);
    if (n.op == "+") return a + b;
    if (n.op == "-") return a - b;
    if (n.op == "*") return a * b;
    if (n.op == "/") {
        if (b == 0) evalFail(n, phrase(QT_TRANSLATE_NOOP("Phrase", "division by zero")));
        return a / b;
    }
    if (n.op == "%") {
        if (b == 0) evalFail(n, phrase(QT_TRANSLATE_NOOP("Phrase", "modulo by zero")));
        return std::fmod(a, b);
    }
    if (n.op == "**") return std::pow(a, b);
    if (n.op == "==") return a == b ? 1.0 : 0.0;
    if (n.op == "!=") return a != b ? 1.0 : 0.0;
    if (n.op == "<") return a < b ? 1.0 : 0.0;
    if (n.op == "<=") return a <= b ? 1.0 : 0.0;
    if (n.op == ">") return a > b ? 1.0 : 0.0;
    if (n.op == ">=") return a >= b ? 1.0 : 0.0;
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown operator %1"), n.op));
}

void collectNames(const Expr::Node& n, std::vector<std::string>& out) {
    if (n.kind == Expr::Node::Kind::Name) {
        for (const auto& s : out)
            if (s == n.op) return;
        out.push_back(n.op);
    }
    for (const auto& a : n.args) collectNames(*a, out);
}

}  // namespace

Expr Expr::parse(std::string_view text) {
    Expr e;
    e.text_ = std::string(text);
    e.root_ = Parser(e.text_).parseAll();
    return e;
}

double Expr::eval(const Lookup& lookup) const { return evalNode(*root_, lookup); }

std::vector<std::string> Expr::names() const {
    std::vector<std::string> out;
    collectNames(*root_, out);
    return out;
}

}  // namespace kforge
