// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/imageview/LayerStackItem.h"

#include "widgets/layers/LayerModel.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace periscope::widgets {

LayerStackItem::LayerStackItem(LayerModel *model) : m_model(model)
{
    refreshGeometry();
}

void LayerStackItem::refreshGeometry()
{
    const QSize size = m_model->imageSize();
    const QRectF bounds(QPointF(0, 0), QSizeF(size.isValid() ? size : QSize(1, 1)));
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

QRectF LayerStackItem::boundingRect() const
{
    return m_bounds;
}

void LayerStackItem::setWipe(const QStringList &left, const QStringList &right)
{
    m_wipeLeft = left;
    m_wipeRight = right;
    update();
}

void LayerStackItem::clearWipe()
{
    m_wipeLeft.clear();
    m_wipeRight.clear();
    update();
}

void LayerStackItem::setSelection(const QString &layerId, int item)
{
    m_selectedLayer = layerId;
    m_selectedItem = item;
    update();
}

void LayerStackItem::setWipePosition(double fraction)
{
    m_wipe = qBound(0.0, fraction, 1.0);
    update();
}

void LayerStackItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double scale = option ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) : 1.0;
    // Zoomed in, every image pixel must stay a crisp square (a pixel inspector is useless on a
    // blurred image); zoomed out, smoothing avoids aliasing.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, scale < 1.0);
    const double wipeX = m_bounds.width() * m_wipe;
    for (int row = 0; row < m_model->count(); ++row) {
        const Layer &layer = m_model->layer(row);
        if (!layer.visible || layer.opacity <= 0.0)
            continue;
        painter->save();
        painter->setOpacity(layer.opacity);
        painter->setCompositionMode(layer.blendMode);
        if (isWipeActive() && m_wipeLeft.contains(layer.id))
            painter->setClipRect(QRectF(0, 0, wipeX, m_bounds.height()));
        else if (isWipeActive() && m_wipeRight.contains(layer.id))
            painter->setClipRect(QRectF(wipeX, 0, m_bounds.width() - wipeX, m_bounds.height()));
        if (layer.kind == LayerKind::Vector)
            paintVector(painter, layer);
        else
            painter->drawImage(QPointF(0, 0), m_model->rendered(row));
        painter->restore();
    }
    if (isWipeActive()) {
        QPen line(Qt::white, 2.0);
        line.setCosmetic(true);
        painter->setPen(line);
        painter->drawLine(QPointF(wipeX, 0), QPointF(wipeX, m_bounds.height()));
    }
}

void LayerStackItem::paintVector(QPainter *painter, const Layer &layer) const
{
    const QTransform toDevice = painter->worldTransform();
    auto label = [&](const QPointF &at, const QString &text, const QColor &color) {
        if (text.isEmpty())
            return;
        // Text keeps its screen size: draw it untransformed at the mapped position.
        painter->save();
        painter->setWorldTransform(QTransform());
        const QPointF p = toDevice.map(at) + QPointF(4, -4);
        painter->setPen(Qt::black);
        painter->drawText(p + QPointF(1, 1), text);
        painter->setPen(color);
        painter->drawText(p, text);
        painter->restore();
    };
    for (int index = 0; index < layer.items.size(); ++index) {
        const VectorItem &item = layer.items.at(index);
        const bool selected = layer.id == m_selectedLayer && index == m_selectedItem;
        if (selected && item.shape == VectorItem::Shape::Box) {
            // A halo behind the selected box.
            QPen halo(QColor(255, 255, 255, 200), item.lineWidth + 4);
            halo.setCosmetic(true);
            painter->setPen(halo);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(item.box);
        }
        QPen pen(item.color, selected ? item.lineWidth * 2 : item.lineWidth);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        switch (item.shape) {
        case VectorItem::Shape::Box:
            painter->drawRect(item.box);
            label(item.box.topLeft(), item.label, item.color);
            break;
        case VectorItem::Shape::Point:
            if (!item.points.isEmpty()) {
                const QPointF c = toDevice.map(item.points.first());
                painter->save();
                painter->setWorldTransform(QTransform());
                painter->setBrush(item.color);
                painter->drawEllipse(c, 4.0, 4.0);
                painter->restore();
                label(item.points.first(), item.label, item.color);
            }
            break;
        case VectorItem::Shape::Polyline:
            painter->drawPolyline(item.points);
            if (!item.points.isEmpty())
                label(item.points.first(), item.label, item.color);
            break;
        case VectorItem::Shape::Edge:
            if (item.points.size() >= 2) {
                const QPointF from = toDevice.map(item.points.at(0)), to = toDevice.map(item.points.at(1));
                painter->save();
                painter->setWorldTransform(QTransform());
                painter->drawLine(from, to);
                const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
                const QPointF wingA = to - QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * 10.0;
                const QPointF wingB = to - QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * 10.0;
                painter->setBrush(item.color);
                painter->drawPolygon(QPolygonF({to, wingA, wingB}));
                painter->restore();
                label((item.points.at(0) + item.points.at(1)) / 2.0, item.label, item.color);
            }
            break;
        case VectorItem::Shape::Text:
            if (!item.points.isEmpty())
                label(item.points.first(), item.label, item.color);
            break;
        }
    }
}

} // namespace periscope::widgets
