#include "task/expr.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "util/error.h"

namespace kforge {

struct Expr::Node {
    enum class Kind { Number, Name, Unary, Binary, Call } kind;
    double number = 0;
    std::string op;  // name, operator or function
    std::vector<std::shared_ptr<const Node>> args;
};

namespace {

using NodePtr = std::shared_ptr<const Expr::Node>;

class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    NodePtr parseAll() {
        NodePtr n = parseOr();
        skipSpace();
        if (pos_ != s_.size()) fail("unexpected '" + std::string(1, s_[pos_]) + "'");
        return n;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw Error("column " + std::to_string(pos_ + 1) + ": " + what);
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
    static NodePtr binary(std::string op, NodePtr a, NodePtr b) {
        auto n = std::make_shared<Expr::Node>();
        n->kind = Expr::Node::Kind::Binary;
        n->op = std::move(op);
        n->args = {std::move(a), std::move(b)};
        return n;
    }

    NodePtr parseOr() {
        NodePtr n = parseAnd();
        while (accept("||")) n = binary("||", n, parseAnd());
        return n;
    }
    NodePtr parseAnd() {
        NodePtr n = parseCompare();
        while (accept("&&")) n = binary("&&", n, parseCompare());
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
            n = binary(op, n, parseAdd());
        }
    }
    NodePtr parseAdd() {
        NodePtr n = parseMul();
        for (;;) {
            if (accept("+")) n = binary("+", n, parseMul());
            else if (accept("-")) n = binary("-", n, parseMul());
            else return n;
        }
    }
    NodePtr parseMul() {
        NodePtr n = parseUnary();
        for (;;) {
            skipSpace();
            if (s_.substr(pos_, 2) == "**") return n;  // handled in parsePower
            if (accept("*")) n = binary("*", n, parseUnary());
            else if (accept("/")) n = binary("/", n, parseUnary());
            else if (accept("%")) n = binary("%", n, parseUnary());
            else return n;
        }
    }
    NodePtr parseUnary() {
        if (accept("-") || accept("!")) {
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Kind::Unary;
            n->op = std::string(1, s_[pos_ - 1]);
            n->args = {parseUnary()};
            return n;
        }
        if (accept("+")) return parseUnary();
        return parsePower();
    }
    NodePtr parsePower() {
        NodePtr base = parsePrimary();
        if (accept("**")) return binary("**", base, parseUnary());  // right-associative
        return base;
    }
    NodePtr parsePrimary() {
        skipSpace();
        if (pos_ >= s_.size()) fail("expression ends too early");
        const char c = s_[pos_];
        if (accept("(")) {
            NodePtr n = parseOr();
            if (!accept(")")) fail("missing ')'");
            return n;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            const std::string rest(s_.substr(pos_));
            char* end = nullptr;
            const double v = std::strtod(rest.c_str(), &end);
            if (end == rest.c_str()) fail("bad number");
            pos_ += static_cast<size_t>(end - rest.c_str());
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Kind::Number;
            n->number = v;
            return n;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const size_t start = pos_;
            while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
            std::string name(s_.substr(start, pos_ - start));
            auto n = std::make_shared<Expr::Node>();
            n->op = name;
            if (accept("(")) {
                if (name != "min" && name != "max") fail("unknown function '" + name + "' (min and max are known)");
                n->kind = Expr::Node::Kind::Call;
                n->args.push_back(parseOr());
                while (accept(",")) n->args.push_back(parseOr());
                if (!accept(")")) fail("missing ')' after the arguments of " + name);
                if (n->args.size() < 2) fail(name + " takes two or more arguments");
            } else {
                n->kind = Expr::Node::Kind::Name;
            }
            return n;
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    std::string_view s_;
    size_t pos_ = 0;
};

double evalNode(const Expr::Node& n, const Expr::Lookup& lookup) {
    using K = Expr::Node::Kind;
    switch (n.kind) {
        case K::Number: return n.number;
        case K::Name: {
            const auto v = lookup(n.op);
            if (!v) throw Error("unknown name '" + n.op + "'");
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
        if (b == 0) throw Error("division by zero");
        return a / b;
    }
    if (n.op == "%") {
        if (b == 0) throw Error("modulo by zero");
        return std::fmod(a, b);
    }
    if (n.op == "**") return std::pow(a, b);
    if (n.op == "==") return a == b ? 1.0 : 0.0;
    if (n.op == "!=") return a != b ? 1.0 : 0.0;
    if (n.op == "<") return a < b ? 1.0 : 0.0;
    if (n.op == "<=") return a <= b ? 1.0 : 0.0;
    if (n.op == ">") return a > b ? 1.0 : 0.0;
    if (n.op == ">=") return a >= b ? 1.0 : 0.0;
    throw Error("unknown operator " + n.op);
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
