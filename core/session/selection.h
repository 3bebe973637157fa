#pragma once
// Which node the generators expand next.
//  - ucb:  upper confidence bound over the tree. A node's value is the mean
//          normalized fitness of its subtree (fitness / best fitness; a failed
//          or pending descendant counts as 0, so failures count against their
//          parent), plus c * sqrt(ln N / n) with n the subtree's size and N the
//          tree's. Every expandable node competes, deep or shallow.
//  - best: the fittest expandable node.
//  - beam: the `width` fittest expandable nodes take turns (the one with
//          fewest children goes next).
// Before anything has passed, every policy expands the earliest expandable node.
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>
#include <string_view>

#include "model/session_tree.h"

namespace kforge {

class SelectionPolicy {
public:
    virtual ~SelectionPolicy() = default;
    virtual std::string_view name() const = 0;
    virtual std::optional<int64_t> select(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) = 0;
};

// A policy as the command line, the wizard and the session config know it.
struct SelectionPolicyInfo {
    std::string_view name;  // "ucb": --strategy, SessionConfig::selection
    const char* title;      // "Upper confidence bound": a Phrase pattern, shown translated
    // Each takes the settings it uses of the session's (UCB's exploration, the beam's width).
    std::unique_ptr<SelectionPolicy> (*make)(double exploration, int beamWidth);
};

// Every policy, the default first (selection.cpp's table).
std::span<const SelectionPolicyInfo> selectionPolicies();
std::vector<std::string> selectionPolicyNames();
// Throws kforge::Error naming the known policies for an unknown name.
std::unique_ptr<SelectionPolicy> makeSelectionPolicy(std::string_view name, double exploration, int beamWidth);

}  // namespace kforge
