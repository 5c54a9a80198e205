// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QStringList>
#include <QWidget>

namespace periscope::widgets {

// One map of a set of small multiples (a slot's attention, a prompt's similarity): the map as a
// square, framed in its item's colour, with a caption under it. Hovering reports the item (views
// highlight it everywhere); a click reports it too.
class MapTile : public QWidget {
    Q_OBJECT
public:
    MapTile(int item, const QColor &frame, QWidget *parent = nullptr);
    void setMap(const QImage &map, const QString &caption);
    void setHighlighted(bool on);
    int item() const { return m_item; }
    QColor frameColor() const { return m_frame; }
    QImage map() const { return m_map; }
    QString caption() const { return m_caption; }
    QSize sizeHint() const override { return {110, 140}; }
    QStringList captionLines() const; // as drawn at the tile's width: one line, or two

Q_SIGNALS:
    void hovered(int item); // -1 when the pointer leaves
    void clicked(int item);

protected:
    void paintEvent(QPaintEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int m_item;
    QColor m_frame;
    QImage m_map;
    QString m_caption;
    bool m_highlighted = false;
};

} // namespace periscope::widgets
