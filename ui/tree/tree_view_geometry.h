#pragma once
// Scene and viewport coordinates of the search-tree view. The scene is the
// layout at 1:1 (one layout unit = kColumn pixels, one level = kRow pixels);
// the viewport shows it scaled by (sx, sy) and shifted by (ox, oy).
//
// Why two scales: search trees are far wider than deep (a tuner gives one node
// hundreds of children), so a uniform "fit" would squash the levels into a
// line. Cards are sized by the zoom z, positions use sx, sy >= z: the short
// dimension stretches towards the viewport's shape, never beyond 1:1.
#include <QPointF>
#include <QRectF>

#include "ui/tree/tree_layout.h"

namespace kforge::ui {

struct TreeViewGeometry {
    static constexpr double kColumn = 64;  // one layout unit, in pixels at 1:1
    static constexpr double kRow = 100;    // one level
    static constexpr double kCardWidth = 56;
    static constexpr double kCardHeight = 36;
    static constexpr double kSceneMargin = 40;  // around the outermost cards

    double zoom = 1;  // the size of cards
    double sx = 1;
    double sy = 1;
    double ox = 0;
    double oy = 0;

    static QPointF scenePosition(const TidyPosition& p) { return {p.x * kColumn, p.depth * kRow}; }
    QPointF toViewport(const QPointF& scene) const { return {scene.x() * sx + ox, scene.y() * sy + oy}; }
    QPointF toViewport(const TidyPosition& p) const { return toViewport(scenePosition(p)); }
    QPointF toScene(const QPointF& view) const { return {(view.x() - ox) / sx, (view.y() - oy) / sy}; }
    double cardWidth() const { return kCardWidth * zoom; }
    double cardHeight() const { return kCardHeight * zoom; }
};

}  // namespace kforge::ui
