#include "ui/session/session_types.h"

namespace kforge::ui {

void registerSessionMetaTypes() {
    qRegisterMetaType<kforge::Node>();
    qRegisterMetaType<kforge::SessionProgress>();
    qRegisterMetaType<kforge::SessionRecord>();
    qRegisterMetaType<kforge::SessionConfig>();
    qRegisterMetaType<SharedSessionTree>();
    qRegisterMetaType<SessionRecordList>();
    qRegisterMetaType<kforge::LlmExchange>();
    qRegisterMetaType<kforge::KnowledgeNote>();
    qRegisterMetaType<LlmExchangeList>();
    qRegisterMetaType<KnowledgeNoteList>();
}

}  // namespace kforge::ui
