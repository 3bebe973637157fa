#include "ui/agent/agent_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStringList>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QVBoxLayout>

#include "llm/chat.h"
#include "ui/agent/exchange_model.h"
#include "ui/agent/note_dialog.h"
#include "ui/session/node_selection.h"
#include "ui/session/session_run.h"
#include "ui/session/workspace.h"

namespace kforge::ui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QPlainTextEdit* monospaceView(const QString& name, QWidget* parent) {
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString joinTags(const std::vector<std::string>& tags) {
    QStringList list;
    for (const auto& t : tags) list << q(t);
    return list.join(QStringLiteral(", "));
}
}  // namespace

AgentPanel::AgentPanel(Workspace* workspace, SessionRun* run, NodeSelection* selection, QWidget* parent)
    : QWidget(parent), workspace_(workspace), run_(run), selection_(selection), model_(new ExchangeModel(this)) {
    setObjectName(QStringLiteral("agentPanel"));
    totals_ = new QLabel(this);
    totals_->setObjectName(QStringLiteral("agentTotals"));

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("exchangeTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);  // a session asks hundreds at most
    table_->horizontalHeader()->setSectionResizeMode(ExchangeModel::Result, QHeaderView::Stretch);
    table_->setWordWrap(false);

    outcome_ = new QLabel(this);
    outcome_->setObjectName(QStringLiteral("exchangeOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    prompt_ = monospaceView(QStringLiteral("exchangePrompt"), this);
    answer_ = monospaceView(QStringLiteral("exchangeAnswer"), this);
    live_ = monospaceView(QStringLiteral("liveAnswer"), this);
    liveLabel_ = new QLabel(this);
    liveLabel_->setObjectName(QStringLiteral("liveLabel"));
    liveChoice_ = new QComboBox(this);
    liveChoice_->setObjectName(QStringLiteral("liveStreamChoice"));
    liveChoice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* liveTab = new QWidget(this);
    auto* liveLayout = new QVBoxLayout(liveTab);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    auto* liveHeader = new QHBoxLayout;
    liveHeader->addWidget(liveLabel_, 1);
    liveHeader->addWidget(liveChoice_);
    liveLayout->addLayout(liveHeader);
    liveLayout->addWidget(live_);
    connect(liveChoice_, &QComboBox::activated, this, [this](int index) {
        liveChosen_ = true;
        showLive(liveChoice_->itemData(index).toLongLong());
    });

    notes_ = new QListWidget(this);
    notes_->setObjectName(QStringLiteral("notesList"));
    notes_->setWordWrap(true);
    addNote_ = new QPushButton(this);
    addNote_->setObjectName(QStringLiteral("addNoteButton"));
    removeNote_ = new QPushButton(this);
    removeNote_->setObjectName(QStringLiteral("removeNoteButton"));
    removeNote_->setEnabled(false);
    notesError_ = new QLabel(this);
    notesError_->setObjectName(QStringLiteral("notesError"));
    notesError_->setWordWrap(true);
    notesError_->setStyleSheet(QStringLiteral("color: #c62828;"));
    notesError_->hide();
    notesHint_ = new QLabel(this);
    notesHint_->setWordWrap(true);
    auto* notesTab = new QWidget(this);
    auto* notesLayout = new QVBoxLayout(notesTab);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(notesHint_);
    notesLayout->addWidget(notes_);
    notesLayout->addWidget(notesError_);
    auto* noteButtons = new QHBoxLayout;
    noteButtons->addWidget(addNote_);
    noteButtons->addWidget(removeNote_);
    noteButtons->addStretch();
    notesLayout->addLayout(noteButtons);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("agentTabs"));
    tabs_->addTab(prompt_, QString());
    tabs_->addTab(answer_, QString());
    tabs_->addTab(liveTab, QString());
    tabs_->addTab(notesTab, QString());

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(outcome_);
    rightLayout->addWidget(tabs_, 1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(totals_);
    leftLayout->addWidget(table_, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("agentSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showExchange(current.isValid() ? current.row() : -1); });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const kforge::LlmExchange* e = model_->at(index.row());
        if (e && e->nodeId && selection_) selection_->select(*e->nodeId);
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &AgentPanel::updateTotals);
    connect(model_, &QAbstractItemModel::modelReset, this, &AgentPanel::updateTotals);
    connect(model_, &QAbstractItemModel::dataChanged, this, &AgentPanel::updateTotals);
    if (selection_) connect(selection_, &NodeSelection::currentChanged, this, &AgentPanel::onCurrentNode);
    if (run_) {
        connect(run_, &SessionRun::exchangeRecorded, this, &AgentPanel::onExchangeRecorded);
        connect(run_, &SessionRun::llmTextArrived, this, &AgentPanel::onLlmText);
    }
    if (workspace_) {
        connect(workspace_, &Workspace::exchangesLoaded, this,
                [this](quint64 request, qint64 sessionId, const LlmExchangeList& exchanges) {
                    if (request != pendingLoad_ || sessionId != sessionId_) return;
                    pendingLoad_ = 0;
                    model_->setExchanges(sessionId, exchanges);
                    // What the run recorded while the load was on its way.
                    for (const auto& e : arrivedDuringLoad_) model_->addExchange(e);
                    arrivedDuringLoad_.clear();
                    if (selection_) onCurrentNode(selection_->current());
                    emit exchangesShown(sessionId, model_->rowCount());
                });
        connect(workspace_, &Workspace::notesListed, this, [this](quint64, const KnowledgeNoteList& notes) { showNotes(notes); });
        connect(workspace_, &Workspace::failed, this, &AgentPanel::onWorkspaceFailed);
    }
    connect(addNote_, &QPushButton::clicked, this, [this] { showAddNoteDialog(); });
    connect(removeNote_, &QPushButton::clicked, this, [this] {
        QListWidgetItem* item = notes_->currentItem();
        if (!item || !workspace_) return;
        workspace_->removeNote(item->data(Qt::UserRole).toLongLong());
    });
    connect(notes_, &QListWidget::currentRowChanged, this, [this](int row) { removeNote_->setEnabled(row >= 0); });

    retranslateUi();
    showExchange(-1);
    refreshNotes();
}

void AgentPanel::setSession(qint64 sessionId) {
    if (sessionId != sessionId_) {
        streams_.clear();
        liveChosen_ = false;
        showLive(0);
        updateLiveChoice();
    }
    sessionId_ = sessionId;
    arrivedDuringLoad_.clear();
    if (sessionId == 0) {
        pendingLoad_ = 0;
        model_->clear();
        return;
    }
    if (model_->sessionId() != sessionId) model_->setExchanges(sessionId, {});
    pendingLoad_ = workspace_ ? workspace_->loadExchanges(sessionId) : 0;
}

void AgentPanel::clear() { setSession(0); }

int AgentPanel::currentRow() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AgentPanel::selectRow(int row) {
    if (row < 0 || row >= model_->rowCount()) {
        table_->selectionModel()->clearSelection();
        table_->selectionModel()->setCurrentIndex({}, QItemSelectionModel::Clear);
        return;
    }
    const QModelIndex index = model_->index(row, 0);
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
}

void AgentPanel::onCurrentNode(qint64 nodeId) {
    const int row = model_->rowOfNode(nodeId);
    if (row >= 0) selectRow(row);
}

void AgentPanel::onExchangeRecorded(qint64 sessionId, const kforge::LlmExchange& exchange) {
    if (sessionId != sessionId_ || sessionId == 0) return;
    if (pendingLoad_ != 0) arrivedDuringLoad_.push_back(exchange);
    model_->addExchange(exchange);
    if (exchange.nodeId && selection_ && selection_->current() == *exchange.nodeId) selectRow(model_->rowCount() - 1);
    if (const auto it = streams_.find(exchange.parentId); it != streams_.end()) {
        it->second.done = true;
        updateLiveChoice();
        if (exchange.parentId == liveParent_) updateLiveLabel();
    }
}

void AgentPanel::onLlmText(qint64 parent, int kind, const QString& text) {
    if (run_ && run_->sessionId() != 0 && run_->sessionId() != sessionId_) return;
    const bool isNew = streams_.count(parent) == 0;
    LiveStream& stream = streams_[parent];
    const bool restarted = stream.done;
    if (restarted) stream = LiveStream{};  // another answer about the same node
    const bool retry = kind == static_cast<int>(kforge::ChatStreamEvent::Kind::Retry);
    if (retry) {
        // The text so far is void: the next attempt starts over.
        ++stream.retries;
        stream.text = tr("[retrying: %1]").arg(text) + QLatin1Char('\n');
    } else {
        stream.text += text;
    }
    if (isNew) updateLiveChoice();
    // Show an answer that starts, unless the engineer chose one that still
    // streams; and any answer that streams once the shown one has ended.
    const auto shown = streams_.find(liveParent_);
    const bool shownStreams = shown != streams_.end() && !shown->second.done;
    if (parent != liveParent_ && (!shownStreams || ((isNew || restarted) && !liveChosen_))) {
        liveChosen_ = false;
        showLive(parent);
        return;
    }
    if (parent != liveParent_) return;
    if (retry) {
        live_->setPlainText(stream.text);
    } else {
        const bool atEnd = live_->verticalScrollBar()->value() == live_->verticalScrollBar()->maximum();
        QTextCursor cursor(live_->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text);
        if (atEnd) live_->verticalScrollBar()->setValue(live_->verticalScrollBar()->maximum());
    }
    updateLiveLabel();
}

void AgentPanel::showLive(qint64 parent) {
    liveParent_ = parent;
    const auto it = streams_.find(parent);
    live_->setPlainText(it == streams_.end() ? QString() : it->second.text);
    live_->verticalScrollBar()->setValue(live_->verticalScrollBar()->maximum());
    const int index = liveChoice_->findData(parent);
    if (index >= 0) liveChoice_->setCurrentIndex(index);
    updateLiveLabel();
}

void AgentPanel::updateLiveChoice() {
    liveChoice_->clear();
    for (const auto& [parent, stream] : streams_)
        liveChoice_->addItem(stream.done ? tr("Node #%1 (answered)").arg(parent) : tr("Node #%1 (streaming)").arg(parent), parent);
    liveChoice_->setVisible(streams_.size() > 1);
    const int index = liveChoice_->findData(liveParent_);
    if (index >= 0) liveChoice_->setCurrentIndex(index);
}

void AgentPanel::updateLiveLabel() {
    const auto it = streams_.find(liveParent_);
    if (it == streams_.end()) {
        liveLabel_->setText(tr("No answer is streaming."));
        return;
    }
    const LiveStream& s = it->second;
    if (s.done)
        liveLabel_->setText(tr("The answer about node #%1 (complete):").arg(liveParent_));
    else if (s.retries > 0)
        liveLabel_->setText(tr("The answer about node #%1, streaming (retries: %2):").arg(liveParent_).arg(s.retries));
    else
        liveLabel_->setText(tr("The answer about node #%1, streaming:").arg(liveParent_));
}

void AgentPanel::showExchange(int row) {
    const kforge::LlmExchange* e = model_->at(row);
    if (!e) {
        prompt_->clear();
        answer_->clear();
        outcome_->setText(model_->rowCount() == 0 ? tr("No exchanges with the LLM agent in this session.")
                                                  : tr("Select an exchange to read its prompt and answer."));
        return;
    }
    QString prompt;
    const nlohmann::json& request = e->request;
    if (request.is_object()) {
        if (request.contains("system") && request["system"].is_string())
            prompt += tr("=== System ===") + QLatin1Char('\n') + q(request["system"].get<std::string>()) + QStringLiteral("\n\n");
        if (request.contains("messages") && request["messages"].is_array()) {
            for (const auto& m : request["messages"]) {
                const QString role = q(m.value("role", std::string()));
                prompt += (role == QLatin1String("assistant") ? tr("=== Assistant ===") : tr("=== User ===")) + QLatin1Char('\n') +
                          q(m.value("content", std::string())) + QStringLiteral("\n\n");
            }
        }
    }
    prompt_->setPlainText(prompt);
    answer_->setPlainText(q(e->response));

    QStringList lines;
    lines << tr("<b>%1</b> · %2 · %3 / %4").arg(ExchangeModel::resultText(*e).toHtmlEscaped(), q(e->mode).toHtmlEscaped(),
                                                q(e->provider).toHtmlEscaped(), q(e->model).toHtmlEscaped());
    if (!e->refusal.empty()) lines << tr("Refused: %1").arg(q(e->refusal).toHtmlEscaped());
    if (!e->error.empty()) lines << tr("Error: %1").arg(q(e->error).toHtmlEscaped());
    const QLocale locale;
    lines << tr("Outcome %1; %2 s (first token after %3 s); %4 input + %5 output tokens%6; cost %7")
                 .arg(q(e->outcome).toHtmlEscaped(), locale.toString(e->seconds, 'f', 2),
                      e->firstTokenSeconds >= 0 ? locale.toString(e->firstTokenSeconds, 'f', 2) : tr("—"),
                      locale.toString(static_cast<qlonglong>(e->inputTokens)), locale.toString(static_cast<qlonglong>(e->outputTokens)),
                      e->tokensEstimated ? tr(" (estimated)") : QString(), locale.toString(e->cost, 'f', 4));
    if (e->attempts.is_array() && !e->attempts.empty()) {
        QStringList attempts;
        int n = 0;
        for (const auto& a : e->attempts) {
            ++n;
            const QString error = q(a.value("error", std::string()));
            const long status = a.value("http_status", 0L);
            attempts << tr("%1: HTTP %2, %3 s%4")
                            .arg(n)
                            .arg(status)
                            .arg(locale.toString(a.value("seconds", 0.0), 'f', 2))
                            .arg(error.isEmpty() ? QString() : QStringLiteral(" — ") + error.toHtmlEscaped());
        }
        lines << tr("Attempts: %1").arg(attempts.join(QStringLiteral("; ")));
    }
    outcome_->setText(lines.join(QStringLiteral("<br>")));
}

void AgentPanel::updateTotals() {
    const kforge::LlmUsageTotals t = model_->totals();
    const QLocale locale;
    totals_->setText(tr("Exchanges: %1 · tokens: %2 in + %3 out · cost: %4")
                         .arg(locale.toString(t.exchanges), locale.toString(static_cast<qlonglong>(t.inputTokens)),
                              locale.toString(static_cast<qlonglong>(t.outputTokens)), locale.toString(t.cost, 'f', 4)));
    if (currentRow() < 0) showExchange(-1);
}

QWidget* AgentPanel::showAddNoteDialog() {
    auto* dialog = new NoteDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (workspace_) workspace_->addNote(dialog->note());
    });
    dialog->open();
    return dialog;
}

void AgentPanel::refreshNotes() {
    if (workspace_) workspace_->listNotes();
}

void AgentPanel::showNotes(const KnowledgeNoteList& notes) {
    noteRecords_ = notes;
    notesError_->hide();
    notes_->clear();
    for (const auto& n : notes) {
        auto* item = new QListWidgetItem(tr("%1 — devices: %2; operators: %3; bottlenecks: %4")
                                             .arg(q(n.title), joinTags(n.devices), joinTags(n.opTypes), joinTags(n.bottlenecks)),
                                         notes_);
        item->setData(Qt::UserRole, QVariant::fromValue<qint64>(n.id));
        item->setToolTip(q(n.body));
    }
    removeNote_->setEnabled(notes_->currentRow() >= 0);
    emit notesShown(static_cast<int>(notes.size()));
}

void AgentPanel::onWorkspaceFailed(const WorkspaceError& error) {
    if (error.operation == WorkspaceError::Operation::Notes) {
        notesError_->setText(error.text());
        notesError_->show();
    } else if (error.operation == WorkspaceError::Operation::LoadExchanges && error.request == pendingLoad_) {
        pendingLoad_ = 0;
        outcome_->setText(error.text().toHtmlEscaped());
    }
}

void AgentPanel::retranslateUi() {
    tabs_->setTabText(0, tr("Prompt"));
    tabs_->setTabText(1, tr("Answer"));
    tabs_->setTabText(2, tr("Live"));
    tabs_->setTabText(3, tr("Knowledge Notes"));
    addNote_->setText(tr("Add Note…"));
    removeNote_->setText(tr("Remove"));
    notesHint_->setText(tr("Notes the agent reads when their tags fit the session's device, operator type and bottleneck."));
    updateLiveChoice();
    updateLiveLabel();
    model_->retranslate();
    updateTotals();
    showExchange(currentRow());
}

void AgentPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace kforge::ui
