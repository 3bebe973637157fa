#include "ui/wizard/validation_message.h"

namespace kforge::ui {

ValidationMessage::ValidationMessage(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("validationMessage"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A fixed red reads as an error on light and dark palettes alike.
    setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: 600; }"));
    hide();
}

void ValidationMessage::showProblem(const QString& text) {
    setText(text);
    show();
}

void ValidationMessage::clearProblem() {
    clear();
    hide();
}

}  // namespace kforge::ui
