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
    // Throws kforge::Error "column C: what is wrong" on a syntax error.
    static Expr parse(std::string_view text);

    using Lookup = std::function<std::optional<double>(std::string_view name)>;
    // Throws kforge::Error on an unknown name or a division by zero.
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
