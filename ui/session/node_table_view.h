#pragma once
// The node table, kept in step with a NodeSelection both ways: rows the
// engineer selects become the selection (in the order picked), and a
// selection made elsewhere selects and reveals its rows here. Rows the filter
// hides stay selected in the NodeSelection.
#include <QList>
#include <QTableView>

namespace kforge::ui {

class NodeFilterModel;
class NodeSelection;

class NodeTableView : public QTableView {
    Q_OBJECT

public:
    explicit NodeTableView(QWidget* parent = nullptr);

    // `model` must be set before binding; neither is owned.
    void setNodeModel(NodeFilterModel* model);
    void bindSelection(NodeSelection* selection);

private:
    // Sizes the short columns to what they hold instead of 100 px each.
    void sizeColumns();
    void fromView();
    void toView();
    qint64 idAt(const QModelIndex& index) const;

    NodeFilterModel* model_ = nullptr;
    NodeSelection* selection_ = nullptr;
    bool syncing_ = false;
    // While the proxy inserts, removes or re-sorts rows, QItemSelectionModel
    // reports rows leaving the view as deselected: not the engineer's doing.
    bool modelChanging_ = false;
};

}  // namespace kforge::ui
