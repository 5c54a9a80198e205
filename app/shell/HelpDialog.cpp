// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/HelpDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace periscope::app {

HelpDialog::HelpDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Periscope Help"));
    m_browser->setOpenExternalLinks(false); // the guide is read here; nothing goes out
    QFile guide(QStringLiteral(":/help/user-guide.md"));
    if (guide.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        m_browser->setPlainText(tr("The user guide is missing from this build."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(720, 640);
}

bool HelpDialog::showSection(const QString &section)
{
    // Headings are their own blocks with a heading level; find the one with this text.
    QTextBlock found;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid() && !found.isValid(); block = block.next())
        if (block.blockFormat().headingLevel() > 0 && block.text().trimmed() == section)
            found = block;
    m_pendingSection = found.isValid() ? found.position() : 0;
    // Scrolling needs the text laid out at the window's width: now if shown, else when shown.
    if (isVisible())
        scrollToPending();
    return found.isValid();
}

void HelpDialog::scrollToPending()
{
    if (m_pendingSection < 0)
        return;
    // From the end first, so that the heading lands at the top of the view.
    m_browser->verticalScrollBar()->setValue(m_browser->verticalScrollBar()->maximum());
    QTextCursor cursor(m_browser->document());
    cursor.setPosition(m_pendingSection);
    m_browser->setTextCursor(cursor);
    m_browser->ensureCursorVisible();
    m_pendingSection = -1;
}

void HelpDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // After the layout has given the browser its size.
    QTimer::singleShot(0, this, &HelpDialog::scrollToPending);
}

QString HelpDialog::shownHeading() const
{
    const QTextBlock block = m_browser->textCursor().block();
    if (block.blockFormat().headingLevel() == 0 || !m_browser->viewport()->rect().contains(m_browser->cursorRect()))
        return {};
    return block.text().trimmed();
}

} // namespace periscope::app
