// SPDX-License-Identifier: GPL-3.0-or-later
// Help > Periscope Help (F1): the user guide (docs/user-guide.md, built into the resources) in a
// window of its own beside the workbench, opened at a section (the active workspace's).
#pragma once

#include <QDialog>

class QTextBrowser;

namespace periscope::app {

class HelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit HelpDialog(QWidget *parent = nullptr);

    // Scrolls to the heading `section` ("Colorize"); false when the guide has none by that name
    // (then it shows the top).
    bool showSection(const QString &section);
    QTextBrowser *browser() const { return m_browser; }
    // The heading showSection went to, while it is in view; empty otherwise.
    QString shownHeading() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scrollToPending();

    QTextBrowser *m_browser;
    int m_pendingSection = -1; // a document position to bring to the top

};

} // namespace periscope::app
