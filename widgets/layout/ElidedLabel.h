// SPDX-License-Identifier: GPL-3.0-or-later
// One line of text that shortens itself with "…" to the room it has, the whole of it in the
// tooltip: a model's description in a toolbar, which word-wrapped into a block 140 px tall at
// 1280 x 720 (#23).
#pragma once

#include <QFrame>

namespace periscope::widgets {

class ElidedLabel : public QFrame {
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // Shown in the tooltip below the whole text (where the text came from, a file path).
    void setDetail(const QString &detail);
    bool isElided() const; // at the current width
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
    QString m_detail;
};

} // namespace periscope::widgets
