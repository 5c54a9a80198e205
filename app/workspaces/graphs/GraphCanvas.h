// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/GraphPicture.h"

#include <QWidget>

namespace periscope::app {

// Shows a GraphPicture; a click on a node emits nodeClicked, hovering one shows its tooltip.
class GraphCanvas : public QWidget {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    void setPicture(const GraphPicture &picture);
    const GraphPicture &picture() const { return m_picture; }
    // One tooltip line per node (same order as the picture's nodes).
    void setNodeTooltips(const QStringList &tooltips);
    int nodeAt(const QPointF &position) const;

    QSize sizeHint() const override { return {360, 320}; }
    QSize minimumSizeHint() const override { return {160, 140}; }

Q_SIGNALS:
    void nodeClicked(int node);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    GraphPicture m_picture;
    QStringList m_tooltips;
};

} // namespace periscope::app
