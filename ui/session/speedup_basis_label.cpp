#include "ui/session/speedup_basis_label.h"

#include <QCoreApplication>

#include "model/session_config.h"

namespace kforge::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::SpeedupBasis)
};
}  // namespace

QString speedupBasisLabel(const kforge::SessionRecord& session) {
    if (session.config.speedupAgainst == kforge::SpeedupBasis::Best)
        return Text::tr("the best PyTorch op");
    return Text::tr("the task's %1").arg(QString::fromStdString(session.baselineName));
}

}  // namespace kforge::ui
