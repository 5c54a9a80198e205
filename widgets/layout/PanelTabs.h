// SPDX-License-Identifier: GPL-3.0-or-later
// Tabs under (or beside) a workspace's main view that fold down to their tab bar, as an IDE's
// bottom panel does: a click on the open tab folds the panel, a click on any tab while folded
// opens it again at the height it had. On a short screen a workspace can start with the panel
// folded (startFoldedBelow), so that the main view gets the height (#23) and the tabs still say
// what is there.
#pragma once

#include <QTabWidget>

class QSplitter;

namespace periscope::widgets {

class PanelTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit PanelTabs(QWidget *parent = nullptr);

    bool isFolded() const { return m_folded; }
    void setFolded(bool folded);
    // Folded on the first show when the window is shorter than `windowHeight` pixels.
    void startFoldedBelow(int windowHeight) { m_foldBelow = windowHeight; }

    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void foldedChanged(bool folded);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QSplitter *splitter() const;
    int foldedHeight() const;

    bool m_folded = false;
    bool m_shownOnce = false;
    int m_foldBelow = 0;
    int m_unfoldedHeight = 0;
};

} // namespace periscope::widgets
