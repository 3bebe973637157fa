#include "ui/session/session_types.h"

namespace kforge::ui {

void registerSessionMetaTypes() {
    qRegisterMetaType<kforge::Node>();
    qRegisterMetaType<kforge::SessionProgress>();
    qRegisterMetaType<kforge::SessionRecord>();
    qRegisterMetaType<kforge::SessionConfig>();
    qRegisterMetaType<SharedSessionTree>();
    qRegisterMetaType<SessionRecordList>();
}

}  // namespace kforge::ui
