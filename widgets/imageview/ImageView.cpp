// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/imageview/ImageView.h"

#include "widgets/imageview/LayerStackItem.h"
#include "widgets/layers/LayerModel.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

namespace periscope::widgets {

namespace {
constexpr double kWheelStep = 1.25; // zoom factor per wheel notch (120 units)
constexpr int kWipeGrabPixels = 6;
} // namespace

ImageView::ImageView(LayerModel *model, QWidget *parent)
    : QGraphicsView(parent), m_model(model), m_item(new LayerStackItem(model))
{
    setObjectName(QStringLiteral("imageView"));
    auto *scene = new QGraphicsScene(this);
    scene->addItem(m_item);
    setScene(scene);
    setBackgroundBrush(QColor(0x30, 0x30, 0x30));
    setDragMode(QGraphicsView::ScrollHandDrag);
    // Zoom anchoring is done here (zoomBy), exactly at the wheel's position; Qt's own anchors
    // use the last mouse-move position and round through centerOn.
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(model, &LayerModel::layersChanged, this, &ImageView::onLayersChanged);
    onLayersChanged();
}

ImageView::~ImageView()
{
    for (const QPointer<ImageView> &other : std::as_const(m_linked))
        if (other)
            other->m_linked.removeAll(this);
}

void ImageView::onLayersChanged()
{
    m_item->refreshGeometry();
    // Leave room to pan the image edge to the view's centre, as image viewers do.
    const QRectF bounds = m_item->boundingRect();
    scene()->setSceneRect(bounds.adjusted(-bounds.width(), -bounds.height(), bounds.width(), bounds.height()));
    if (!m_userZoomed && isVisibleTo(window()))
        fitToView();
    viewport()->update();
}

double ImageView::zoom() const
{
    return transform().m11();
}

void ImageView::setZoom(double zoomLevel)
{
    const QPointF center = centerImagePoint();
    zoomLevel = qBound(kMinZoom, zoomLevel, kMaxZoom);
    setTransform(QTransform::fromScale(zoomLevel, zoomLevel));
    centerOn(center);
    m_userZoomed = true;
    Q_EMIT zoomChanged(zoomLevel);
    broadcastView();
}

void ImageView::zoomBy(double factor, QPoint viewAnchor)
{
    const double target = qBound(kMinZoom, zoom() * factor, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    // Keep the image point under the anchor where it is on screen: scale, then scroll by where
    // that point went.
    const QPointF before = mapToScene(viewAnchor);
    setTransform(QTransform::fromScale(target, target));
    const QPointF moved = mapFromScene(before);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(std::lround(moved.x() - viewAnchor.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(moved.y() - viewAnchor.y())));
    m_userZoomed = true;
    Q_EMIT zoomChanged(target);
    broadcastView();
}

void ImageView::fitToView()
{
    const QRectF bounds = m_item->boundingRect();
    if (bounds.isEmpty() || viewport()->width() < 2)
        return;
    // The colorbar stands right of the image, not over it (#23: it covered a narrow side-by-side
    // view's image).
    const int colorbar = colorbarRect().isValid() ? viewport()->width() - colorbarRect().left() + 4 : 0;
    const int width = viewport()->width() - colorbar > viewport()->width() / 2 ? viewport()->width() - colorbar : viewport()->width();
    const double zoomLevel = qBound(kMinZoom, std::min(width / bounds.width(), viewport()->height() / bounds.height()), kMaxZoom);
    setTransform(QTransform::fromScale(zoomLevel, zoomLevel));
    centerOn(bounds.center() + QPointF((viewport()->width() - width) / 2.0 / zoomLevel, 0.0));
    m_userZoomed = false;
    Q_EMIT zoomChanged(zoomLevel);
    broadcastView();
}

void ImageView::zoomToActualSize()
{
    setZoom(1.0);
}

QPointF ImageView::centerImagePoint() const
{
    return mapToScene(viewport()->rect()).boundingRect().center();
}

void ImageView::centerOnImagePoint(const QPointF &point)
{
    centerOn(point);
    broadcastView();
}

QPointF ImageView::imagePointAt(QPoint viewPosition) const
{
    return mapToScene(viewPosition);
}

void ImageView::linkWith(ImageView *other)
{
    if (!other || other == this || m_linked.contains(other))
        return;
    m_linked.append(other);
    other->m_linked.append(this);
    other->applyLinkedView(zoom(), centerImagePoint(), !m_userZoomed);
}

void ImageView::unlink(ImageView *other)
{
    m_linked.removeAll(other);
    if (other)
        other->m_linked.removeAll(this);
}

void ImageView::broadcastView()
{
    Q_EMIT viewChanged();
    if (m_applyingLink)
        return;
    const double z = zoom();
    const QPointF center = centerImagePoint();
    for (const QPointer<ImageView> &other : std::as_const(m_linked))
        if (other)
            other->applyLinkedView(z, center, !m_userZoomed);
}

void ImageView::applyLinkedView(double zoomLevel, const QPointF &center, bool sourceFitted)
{
    m_applyingLink = true;
    setTransform(QTransform::fromScale(zoomLevel, zoomLevel));
    centerOn(center);
    // A view linked to a fitted one fits again when it is resized (side-by-side views of one
    // size stay fitted as the window changes); one that follows a user's zoom keeps it.
    m_userZoomed = !sourceFitted;
    m_applyingLink = false;
    Q_EMIT zoomChanged(zoomLevel);
    Q_EMIT viewChanged();
}

void ImageView::setWipe(const QString &leftLayerId, const QString &rightLayerId)
{
    setWipe(QStringList{leftLayerId}, QStringList{rightLayerId});
}

void ImageView::setWipe(const QStringList &leftLayerIds, const QStringList &rightLayerIds)
{
    m_item->setWipe(leftLayerIds, rightLayerIds);
}

void ImageView::clearWipe()
{
    m_item->clearWipe();
}

bool ImageView::isWipeActive() const
{
    return m_item->isWipeActive();
}

void ImageView::setWipePosition(double fraction)
{
    m_item->setWipePosition(fraction);
    Q_EMIT wipeMoved(m_item->wipePosition());
}

double ImageView::wipePosition() const
{
    return m_item->wipePosition();
}

bool ImageView::nearWipeLine(QPoint viewPosition) const
{
    if (!isWipeActive())
        return false;
    const double lineX = m_item->boundingRect().width() * wipePosition();
    return std::abs(mapFromScene(QPointF(lineX, 0)).x() - viewPosition.x()) <= kWipeGrabPixels;
}

void ImageView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(kWheelStep, notches), event->position().toPoint());
    event->accept();
}

void ImageView::keyPressEvent(QKeyEvent *event)
{
    const QPoint center = viewport()->rect().center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(kWheelStep, center); break;
    case Qt::Key_Minus: zoomBy(1.0 / kWheelStep, center); break;
    case Qt::Key_0: fitToView(); break;
    case Qt::Key_1: zoomToActualSize(); break;
    default: QGraphicsView::keyPressEvent(event); return;
    }
    event->accept();
}

QString ImageView::selectedVectorLayer() const
{
    return m_item->selectedLayer();
}

int ImageView::selectedVectorItem() const
{
    return m_item->selectedItem();
}

void ImageView::selectVectorItem(const QString &layerId, int item)
{
    if (layerId == m_item->selectedLayer() && item == m_item->selectedItem())
        return;
    m_item->setSelection(layerId, item);
    Q_EMIT vectorItemSelected(layerId, item);
}

void ImageView::setBoxDrawing(bool on)
{
    m_boxDrawing = on;
    m_drawingBox = false;
    setDragMode(on ? QGraphicsView::NoDrag : QGraphicsView::ScrollHandDrag);
    viewport()->setCursor(on ? Qt::CrossCursor : Qt::OpenHandCursor);
    viewport()->update();
}

void ImageView::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->position().toPoint();
    if (m_boxDrawing && event->button() == Qt::LeftButton) {
        m_drawingBox = true;
        m_boxStart = m_boxEnd = mapToScene(m_pressPosition);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && nearWipeLine(event->position().toPoint())) {
        m_draggingWipe = true;
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void ImageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_draggingWipe) {
        const double width = m_item->boundingRect().width();
        setWipePosition(width > 0 ? mapToScene(position).x() / width : 0.5);
        event->accept();
        return;
    }
    if (m_drawingBox) {
        m_boxEnd = mapToScene(position);
        reportHover(position);
        viewport()->update();
        event->accept();
        return;
    }
    viewport()->setCursor(m_boxDrawing ? Qt::CrossCursor : nearWipeLine(position) ? Qt::SplitHCursor : Qt::OpenHandCursor);
    reportHover(position);
    QGraphicsView::mouseMoveEvent(event);
}

void ImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drawingBox && event->button() == Qt::LeftButton) {
        m_drawingBox = false;
        m_boxEnd = mapToScene(event->position().toPoint());
        const QRectF box = QRectF(m_boxStart, m_boxEnd).normalized().intersected(m_item->boundingRect());
        viewport()->update();
        event->accept();
        // A click is not a box: at least two image pixels each way.
        if (box.width() >= 2.0 && box.height() >= 2.0)
            Q_EMIT boxDrawn(box);
        return;
    }
    if (m_draggingWipe) {
        m_draggingWipe = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    // A click (not a pan) selects the vector item under it, 4 screen pixels of slack.
    if (event->button() == Qt::LeftButton && (event->position().toPoint() - m_pressPosition).manhattanLength() <= 3) {
        const LayerModel::VectorHit hit = m_model->hitTest(mapToScene(event->position().toPoint()), 4.0 / zoom());
        selectVectorItem(hit.isValid() ? m_model->layer(hit.row).id : QString(), hit.item);
        const QPointF point = mapToScene(event->position().toPoint());
        Q_EMIT pixelClicked(QPoint(int(std::floor(point.x())), int(std::floor(point.y()))));
    }
}

void ImageView::reportHover(QPoint viewPosition)
{
    const QPointF point = mapToScene(viewPosition);
    const QPoint pixel(int(std::floor(point.x())), int(std::floor(point.y())));
    QStringList values;
    for (int row = 0; row < m_model->count(); ++row) {
        const Layer &layer = m_model->layer(row);
        if (!layer.visible || layer.kind == LayerKind::Vector)
            continue;
        const QString value = m_model->valueAt(row, pixel);
        if (!value.isEmpty())
            values << QStringLiteral("%1: %2").arg(layer.name, value);
    }
    m_lastHover = values;
    Q_EMIT pixelHovered(pixel, values);
}

void ImageView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // A hidden view (another page of a stack) must not impose its size on the views linked to it.
    if (!m_userZoomed && isVisibleTo(window()))
        fitToView();
}

void ImageView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (!m_userZoomed)
        fitToView();
}

void ImageView::setOverlaysVisible(bool visible)
{
    m_overlays = visible;
    viewport()->update();
}

void ImageView::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    viewport()->update();
}

bool ImageView::isShowingEmptyMessage() const
{
    return !m_emptyMessage.isEmpty() && m_model->count() == 0;
}

void ImageView::drawEmptyMessage(QPainter *painter)
{
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect().adjusted(16, 16, -16, -16);
    painter->setPen(QColor(0xd0, 0xd0, 0xd0)); // on the view's fixed dark background
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyMessage);
    painter->restore();
}

int ImageView::topVisibleScalarRow() const
{
    for (int row = m_model->count() - 1; row >= 0; --row)
        if (m_model->layer(row).visible && m_model->layer(row).kind == LayerKind::ScalarMap)
            return row;
    return -1;
}

QRect ImageView::colorbarRect() const
{
    const int row = topVisibleScalarRow();
    if (!m_overlays || row < 0)
        return {};
    const Layer &layer = m_model->layer(row);
    const QRect area = viewport()->rect().adjusted(10, 10, -10, -10);
    const QFontMetrics metrics(font());
    const int barHeight = std::min(160, area.height() / 2);
    const int textWidth = std::max(metrics.horizontalAdvance(QString::number(layer.high, 'g', 3)),
                                   metrics.horizontalAdvance(QString::number(layer.low, 'g', 3)));
    return {area.right() - textWidth - 30, area.bottom() - barHeight - metrics.height() - 8, textWidth + 30, barHeight + metrics.height() + 8};
}

void ImageView::drawForeground(QPainter *painter, const QRectF &)
{
    if (isShowingEmptyMessage()) {
        drawEmptyMessage(painter);
        return;
    }
    if (m_drawingBox) {
        painter->save();
        QPen pen(Qt::white, 0.0, Qt::DashLine); // cosmetic: one screen pixel at any zoom
        painter->setPen(pen);
        painter->setBrush(QColor(255, 255, 255, 40));
        painter->drawRect(QRectF(m_boxStart, m_boxEnd).normalized());
        painter->restore();
    }
    if (!m_overlays)
        return;
    const int scalarRow = topVisibleScalarRow();
    QList<int> labelRows;
    for (int row = m_model->count() - 1; row >= 0; --row)
        if (m_model->layer(row).visible && m_model->layer(row).kind == LayerKind::Labels)
            labelRows.append(row);
    if (scalarRow < 0 && labelRows.isEmpty())
        return;
    painter->save();
    painter->resetTransform(); // screen space: overlays keep their size at any zoom
    const QRect area = viewport()->rect().adjusted(10, 10, -10, -10);
    const QFontMetrics metrics(font());
    if (scalarRow >= 0) {
        const Layer &layer = m_model->layer(scalarRow);
        const auto &table = periscope::colormapTable(layer.colormap);
        QImage strip(1, 256, QImage::Format_RGB32);
        for (int i = 0; i < 256; ++i)
            strip.setPixel(0, 255 - i, qRgb(table[std::size_t(i)].r, table[std::size_t(i)].g, table[std::size_t(i)].b));
        const QString high = QString::number(layer.high, 'g', 3), low = QString::number(layer.low, 'g', 3);
        const QRect panel = colorbarRect();
        const int barHeight = panel.height() - metrics.height() - 8;
        painter->fillRect(panel, QColor(0, 0, 0, 150));
        const QRect bar(panel.left() + 5, panel.top() + metrics.height() / 2 + 4, 12, barHeight);
        painter->drawImage(bar, strip);
        painter->setPen(Qt::white);
        painter->drawText(QPoint(bar.right() + 5, bar.top() + metrics.ascent() / 2), high);
        painter->drawText(QPoint(bar.right() + 5, bar.bottom() + metrics.ascent() / 2), low);
        // The layer's name above the bar, on a backing of its own width: it reads over any image,
        // and a long name ("Grad-CAM (per frame, 0 to its maximum)", longer translated) is shown
        // whole up to half the view rather than cut to the bar's width (#23).
        const QString title = metrics.elidedText(layer.name, Qt::ElideMiddle, std::max(panel.width(), area.width() / 2));
        const int titleWidth = metrics.horizontalAdvance(title) + 8;
        const QRect titleRect(panel.right() + 1 - titleWidth, panel.top() - metrics.height() - 6, titleWidth, metrics.height() + 4);
        painter->fillRect(titleRect, QColor(0, 0, 0, 150));
        painter->drawText(titleRect.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, title);
    }
    int y = area.top();
    for (int row : labelRows) {
        const Layer &layer = m_model->layer(row);
        for (int label = 1; label < layer.labelNames.size() && !layer.labelColors.isEmpty(); ++label) {
            const QString name = layer.labelNames.at(label);
            const QRect line(area.left(), y, metrics.horizontalAdvance(name) + 26, metrics.height() + 4);
            painter->fillRect(line, QColor(0, 0, 0, 150));
            // The swatch opaque: a label drawn faint over the image (a background slot) must still show
            // its hue here, not the legend's black through it (#23).
            QColor swatch = layer.labelColors.at(label % layer.labelColors.size());
            swatch.setAlpha(255);
            painter->fillRect(QRect(line.left() + 4, line.top() + 3, 12, line.height() - 6), swatch);
            painter->setPen(Qt::white);
            painter->drawText(line.adjusted(20, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, name);
            y += line.height() + 2;
        }
    }
    painter->restore();
}

void ImageView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    broadcastView();
}

} // namespace periscope::widgets
