#pragma once
// The open session's nodes as a table with its filters above it: free text,
// status and generator. Owns the filter model; the node model and the
// selection are the window's, shared with the other views.
#include <QWidget>

class QComboBox;
class QEvent;
class QLineEdit;

namespace kforge::ui {

class NodeFilterModel;
class NodeSelection;
class NodeTableModel;
class NodeTableView;

class NodesPanel : public QWidget {
    Q_OBJECT

public:
    NodesPanel(NodeTableModel* nodes, NodeSelection* selection, QWidget* parent = nullptr);

    NodeFilterModel* filterModel() const { return filter_; }
    NodeTableView* view() const { return view_; }
    QLineEdit* filterEdit() const { return text_; }
    QComboBox* statusCombo() const { return status_; }
    QComboBox* generatorCombo() const { return generator_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillStatusCombo();
    void fillGeneratorCombo();
    void retranslateUi();

    NodeTableModel* nodes_;
    NodeFilterModel* filter_;
    NodeTableView* view_;
    QLineEdit* text_;
    QComboBox* status_;
    QComboBox* generator_;
};

}  // namespace kforge::ui
