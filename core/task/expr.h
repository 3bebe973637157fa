#pragma once
// Arithmetic over axis values, as tasks write it for bytes, flops, constraints
// and @constraint lines: numbers, names, + - * / % ** ( ), comparisons,
// && || !, min(a, b) and max(a, b). Values are doubles; comparisons give 0/1.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kforge {

class Expr {
public:
    // Limits a hostile task or candidate cannot get past: evaluation recurses
    // as deep as the tree, so the tree's depth is bounded, however it is built.
    static constexpr size_t kMaxLength = 10000;  // characters
    static constexpr int kMaxDepth = 100;        // nested operators, parentheses and calls

    // Throws kforge::Error "column C: what is wrong" on a syntax error or a limit.
    static Expr parse(std::string_view text);

    using Lookup = std::function<std::optional<double>(std::string_view name)>;
    // Throws kforge::Error "column C: ..." on an unknown name or a division by zero.
    double eval(const Lookup& lookup) const;
    // Every name the expression reads, in order of first use.
    std::vector<std::string> names() const;
    const std::string& text() const { return text_; }

    struct Node;

private:
    std::string text_;
    std::shared_ptr<const Node> root_;
};

}  // namespace kforge
