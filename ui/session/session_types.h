#pragma once
// The core's session values as Qt meta-types, so that they travel through
// queued signals between the worker threads and the UI thread.
#include <QMetaType>
#include <QString>

#include <memory>
#include <string>
#include <vector>

#include "session/engine.h"
#include "model/node.h"
#include "model/session_config.h"
#include "model/session_tree.h"
#include "store/agent_records.h"

namespace kforge::ui {

// A loaded tree is shared, never copied: a session may hold 10,000 nodes.
using SharedSessionTree = std::shared_ptr<const kforge::SessionTree>;
using SessionRecordList = std::vector<kforge::SessionRecord>;
using LlmExchangeList = std::vector<kforge::LlmExchange>;
using KnowledgeNoteList = std::vector<kforge::KnowledgeNote>;

// Registers the types below with Qt's meta-type system; call before queuing
// them (the session classes call it in their constructors; calling twice is harmless).
void registerSessionMetaTypes();

inline QString toQString(const std::string& s) { return QString::fromStdString(s); }

}  // namespace kforge::ui

Q_DECLARE_METATYPE(kforge::Node)
Q_DECLARE_METATYPE(kforge::SessionProgress)
Q_DECLARE_METATYPE(kforge::SessionRecord)
Q_DECLARE_METATYPE(kforge::SessionConfig)
Q_DECLARE_METATYPE(kforge::ui::SharedSessionTree)
Q_DECLARE_METATYPE(kforge::ui::SessionRecordList)
Q_DECLARE_METATYPE(kforge::LlmExchange)
Q_DECLARE_METATYPE(kforge::KnowledgeNote)
Q_DECLARE_METATYPE(kforge::ui::LlmExchangeList)
Q_DECLARE_METATYPE(kforge::ui::KnowledgeNoteList)
