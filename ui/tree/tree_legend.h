#pragma once
// The key to the search tree's colours, drawn in the view's top-left corner,
// in a band the tree is never drawn in: the
// speedup scale with its range, each verdict present with its count, and the
// best node's path.
#include <QFont>
#include <QPalette>
#include <QSize>
#include <QString>
#include <QVector>

#include "ui/tree/tree_style.h"

class QPainter;
class QRect;

namespace kforge::ui {

class TreeGraphData;

class TreeLegend {
public:
    // title: what the colour scale measures ("Speedup over the best PyTorch op").
    TreeLegend(const TreeGraphData& data, const SpeedupScale& scale, const QString& title, const QPalette& palette,
               const QFont& font);
    QSize size() const { return size_; }
    void paint(QPainter& painter, const QPoint& topLeft) const;

private:
    struct Entry {
        VerdictKind kind;
        QString text;
    };
    QFont font_;
    QFont titleFont_;
    QPalette palette_;
    SpeedupScale scale_;
    QString title_;
    QVector<Entry> entries_;
    QString bestText_;
    int columnWidth_ = 0;
    int lineHeight_ = 0;
    QSize size_;
};

}  // namespace kforge::ui
