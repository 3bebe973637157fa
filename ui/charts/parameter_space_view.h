#pragma once
// Where in the tuner's parameter space the session's candidates lie: with two
// parameters on the axes a heatmap (a cell per configuration), with more
// parallel coordinates (a vertical axis per parameter, a line per node),
// coloured by speedup on the search tree's scale, failures as grey crosses.
// Combo boxes pick the axes when the tuner varied more than two parameters.
// A click selects the node. Painted with QPainter into a cached pixmap, a
// slice of lines per event-loop pass, so a large session never freezes the
// window and hovering and selecting do not repaint every line; live updates
// are batched, and a hidden tab is not built at all.
#include <QList>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

#include "model/session_config.h"
#include "model/session_tree.h"
#include "ui/charts/parameter_space_data.h"
#include "ui/tree/tree_style.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QHBoxLayout;
class QLabel;
QT_END_NAMESPACE

namespace kforge::ui {

class ParameterSpaceView : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Placeholder, Heatmap, ParallelCoordinates };
    // More axes than this are unreadable in the charts' dock.
    static constexpr int kMaxAxes = 6;

    explicit ParameterSpaceView(QWidget* parent = nullptr);

    void setTree(const kforge::SessionTree& tree);
    void updateNode(const kforge::Node& node);
    void clear();
    void setSelectedIds(const QList<qint64>& ids);
    void setSpeedupBasis(kforge::SpeedupBasis basis);
    // The parameters on the axes, in order (what the combo boxes choose).
    void setShownParameters(const QStringList& names);
    QStringList shownParameters() const;

    Kind kind() const;
    const ParameterSpaceData& data() const;
    QString placeholderText() const;  // empty while something is plotted
    QString summaryText() const;      // the counts under the plot
    // The widget that is painted and clicked, and where a node is drawn in it
    // (a heatmap cell's centre, a point of its line where a click selects it);
    // null when not drawn.
    QWidget* canvas() const;
    QPointF nodePosition(qint64 id) const;
    // False while the parallel coordinates' lines are still being drawn.
    bool plotComplete() const;
    // The node a click at `pos` (canvas coordinates) selects; 0 for none.
    qint64 nodeAt(const QPointF& pos) const;

signals:
    void nodeClicked(qint64 id);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    class Canvas;
    friend class Canvas;

    struct Layout {
        QRectF legend;  // the colour bar and the failure marker's key
        QRectF plot;
        std::vector<double> axisX;  // parallel coordinates: each axis' x
    };

    struct Cell {
        std::size_t shown = 0;  // into data_.points: the fastest passed node, else the first failure
        int count = 0;          // nodes with these values
    };

    void markStale();
    void rebuild();
    // Const: reading what is drawn (tests, painting) must see every update.
    void ensureBuilt() const;
    void rebuildCombos();
    void combosChanged();
    void retranslateUi();
    Layout layout() const;
    QPointF pointAt(const Layout& l, std::size_t point, std::size_t axis) const;
    QRectF cellRect(const Layout& l, int x, int y) const;
    QString axisCaption() const;
    QString nodeText(std::size_t point) const;
    void paintCanvas(QPainter& painter) const;
    void paintLegend(QPainter& painter, const QRectF& area) const;
    void paintHeatmap(QPainter& painter, const Layout& l) const;
    void paintParallelAxes(QPainter& painter, const Layout& l) const;
    void paintLine(QPainter& painter, const Layout& l, std::size_t point) const;
    void paintParallelLabels(QPainter& painter, const Layout& l) const;
    // Draws lines into the cache for a slice of time, and asks for another
    // paint while some are left: thousands of antialiased lines take about a
    // second, which would freeze the window if drawn at once.
    void paintMoreLines() const;
    void paintSelection(QPainter& painter, const Layout& l) const;
    void paintCross(QPainter& painter, const QPointF& centre, double half) const;

    std::map<qint64, ParameterSpaceCandidate> candidates_;
    std::vector<std::string> chosen_;  // the combo boxes' choice; empty: the first kMaxAxes parameters
    QList<qint64> selected_;
    kforge::SpeedupBasis basis_ = kforge::SpeedupBasis::Native;
    bool stale_ = false;
    ParameterSpaceData data_;
    std::map<std::pair<int, int>, Cell> cells_;  // heatmap, by (x, y)
    std::vector<std::size_t> drawOrder_;         // failures under passed nodes, the fastest on top
    SpeedupScale scale_;
    mutable QPixmap cache_;  // everything but the selection
    mutable std::size_t linesDrawn_ = 0;  // of drawOrder_ into cache_; one more once the labels are on top
    mutable QTimer paintTimer_;
    QTimer rebuildTimer_;
    QWidget* axesRow_;
    QHBoxLayout* axesLayout_;
    QLabel* axesLabel_;
    std::vector<QComboBox*> combos_;
    Canvas* canvas_;
    QLabel* summary_;
};

}  // namespace kforge::ui
