#pragma once
// What an edge of the search tree says: how the child was made from its
// parent. A tuner's child differs from its parent only in @tune values, so the
// edge names those; an LLM's child carries the model's own summary of its
// change; "tuner" on every edge told a reader nothing.
#include <QString>

namespace kforge::ui {

struct GraphNode;

// The full text; the painter elides it to the room an edge has. Empty for a
// root (no edge). `parent` is null for a root or a parent not yet arrived.
QString edgeLabel(const GraphNode& child, const GraphNode* parent);

}  // namespace kforge::ui
