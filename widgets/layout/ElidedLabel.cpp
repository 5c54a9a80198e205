// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layout/ElidedLabel.h"

#include <QPainter>

namespace periscope::widgets {

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent) : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setText(text);
}

void ElidedLabel::setText(const QString &text)
{
    m_text = text;
    updateToolTip();
    updateGeometry();
    update();
}

void ElidedLabel::setDetail(const QString &detail)
{
    m_detail = detail;
    updateToolTip();
}

void ElidedLabel::updateToolTip()
{
    setToolTip(m_detail.isEmpty() ? m_text : m_text.isEmpty() ? m_detail : m_text + QLatin1Char('\n') + m_detail);
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width());
}

bool ElidedLabel::isElided() const
{
    return shownText() != m_text;
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_text) + margins.left() + margins.right() + 2,
            fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few letters and the ellipsis; the rest goes when the window is narrow.
    const QMargins margins = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("Model…")) + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(contentsRect(), Qt::AlignLeft | Qt::AlignVCenter, shownText());
}

} // namespace periscope::widgets
