// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layout/PanelTabs.h"

#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTimer>

#include <algorithm>

namespace periscope::widgets {

PanelTabs::PanelTabs(QWidget *parent) : QTabWidget(parent)
{
    connect(tabBar(), &QTabBar::tabBarClicked, this, [this](int index) {
        if (index < 0)
            return;
        if (m_folded)
            setFolded(false);
        else if (index == currentIndex())
            setFolded(true);
    });
}

QSplitter *PanelTabs::splitter() const
{
    return qobject_cast<QSplitter *>(parentWidget());
}

int PanelTabs::foldedHeight() const
{
    return tabBar()->sizeHint().height() + 2;
}

QSize PanelTabs::minimumSizeHint() const
{
    // Folded, the pages' own minimum no longer counts: only the tab bar shows.
    if (m_folded)
        return {QTabWidget::minimumSizeHint().width(), foldedHeight()};
    return QTabWidget::minimumSizeHint();
}

void PanelTabs::setFolded(bool folded)
{
    if (folded == m_folded)
        return;
    QSplitter *parentSplitter = splitter();
    const int index = parentSplitter ? parentSplitter->indexOf(this) : -1;
    if (folded)
        m_unfoldedHeight = height();
    m_folded = folded;
    // The pages go with the fold: the tab bar alone is left.
    if (auto *pages = findChild<QStackedWidget *>(QString(), Qt::FindDirectChildrenOnly))
        pages->setVisible(!folded);
    setMaximumHeight(folded ? foldedHeight() : QWIDGETSIZE_MAX);
    updateGeometry();
    if (parentSplitter && index >= 0 && parentSplitter->orientation() == Qt::Vertical) {
        QList<int> sizes = parentSplitter->sizes();
        int total = 0;
        for (int size : sizes)
            total += size;
        const int mine = folded ? foldedHeight() : std::max(m_unfoldedHeight, std::min(240, total / 3));
        const int others = std::max(1, int(sizes.size()) - 1);
        for (int i = 0; i < sizes.size(); ++i)
            sizes[i] = i == index ? mine : std::max(0, (total - mine) / others);
        parentSplitter->setSizes(sizes);
    }
    Q_EMIT foldedChanged(folded);
}

void PanelTabs::showEvent(QShowEvent *event)
{
    QTabWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // After the window has its size: the fold depends on it.
    QTimer::singleShot(0, this, [this] {
        if (m_foldBelow > 0 && window()->height() < m_foldBelow)
            setFolded(true);
    });
}

} // namespace periscope::widgets
