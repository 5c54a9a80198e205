// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QStringList>

namespace periscope::widgets {

class LayerModel;
struct Layer;

// Paints every visible layer of a LayerModel in image coordinates, with its opacity and blend
// mode; vector layers use cosmetic pens and unscaled text so they stay legible at any zoom. With
// a wipe, the left layers are clipped to the left of the line and the right ones to its right;
// layers on neither side show across the line.
class LayerStackItem : public QGraphicsItem {
public:
    explicit LayerStackItem(LayerModel *model);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setWipe(const QStringList &left, const QStringList &right);
    void clearWipe();
    bool isWipeActive() const { return !m_wipeLeft.isEmpty(); }
    void setWipePosition(double fraction);
    double wipePosition() const { return m_wipe; }
    void refreshGeometry();
    void setSelection(const QString &layerId, int item);
    QString selectedLayer() const { return m_selectedLayer; }
    int selectedItem() const { return m_selectedItem; }

private:
    void paintVector(QPainter *painter, const Layer &layer) const;

    LayerModel *m_model;
    QRectF m_bounds;
    QStringList m_wipeLeft, m_wipeRight;
    double m_wipe = 0.5;
    QString m_selectedLayer;
    int m_selectedItem = -1;
};

} // namespace periscope::widgets
