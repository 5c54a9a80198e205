// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>
#include <QPointer>
#include <QStringList>

namespace periscope::widgets {

class LayerModel;
class LayerStackItem;

// Shows a LayerModel's layers, bottom first, in image pixel coordinates.
// - Wheel zooms about the cursor (1.25x a notch), +/- zoom about the centre, 0 fits the image,
//   1 shows it at 1:1; dragging pans.
// - Moving the mouse reports the value under it in every visible raster layer (pixelHovered).
// - Views linked with linkWith() keep the same zoom and centre, for side-by-side comparison.
// - A wipe shows layers left of a vertical line and others right of it; drag the line.
class ImageView : public QGraphicsView {
    Q_OBJECT
public:
    explicit ImageView(LayerModel *model, QWidget *parent = nullptr);
    ~ImageView() override;

    LayerModel *model() const { return m_model; }

    double zoom() const; // view pixels per image pixel
    void setZoom(double zoom);
    void zoomBy(double factor, QPoint viewAnchor);
    void fitToView();
    void zoomToActualSize();
    QPointF centerImagePoint() const;
    void centerOnImagePoint(const QPointF &point);
    QPointF imagePointAt(QPoint viewPosition) const;

    void linkWith(ImageView *other);
    void unlink(ImageView *other);

    void setWipe(const QString &leftLayerId, const QString &rightLayerId);
    // Several layers a side: an overlay that belongs to one side (an error map over the result)
    // is clipped with it instead of covering both.
    void setWipe(const QStringList &leftLayerIds, const QStringList &rightLayerIds);
    void clearWipe();
    bool isWipeActive() const;
    void setWipePosition(double fraction); // 0 = all right layer, 1 = all left layer
    double wipePosition() const;

    QStringList lastHoverValues() const { return m_lastHover; }

    // Clicking a vector item selects it (and highlights it); clicking elsewhere clears.
    QString selectedVectorLayer() const;
    int selectedVectorItem() const;
    void selectVectorItem(const QString &layerId, int item);

    // Box drawing: while on, a left drag draws a rectangle (in image pixels, clipped to the image)
    // instead of panning, and boxDrawn reports it when the button is released.
    void setBoxDrawing(bool on);
    bool isBoxDrawing() const { return m_boxDrawing; }

    // Overlays drawn over the image in screen space: a colorbar for the top visible scalar map
    // and a legend for visible label layers. On by default.
    void setOverlaysVisible(bool visible);
    bool overlaysVisible() const { return m_overlays; }

    // Said in the middle of the view while it has no layer to show: why it is empty ("Cannot
    // open x.png: …", "Open photos to start"), so that a blank view is never left unexplained.
    void setEmptyMessage(const QString &message);
    QString emptyMessage() const { return m_emptyMessage; }
    bool isShowingEmptyMessage() const;
    // Where the colorbar of the top visible scalar map is drawn, in viewport pixels (fitting
    // leaves room for it beside the image); invalid when none is shown.
    QRect colorbarRect() const;

    static constexpr double kMinZoom = 1.0 / 64.0;
    static constexpr double kMaxZoom = 64.0;

Q_SIGNALS:
    void zoomChanged(double zoom);
    void viewChanged();
    void pixelHovered(QPoint pixel, const QStringList &values);
    void wipeMoved(double fraction);
    void vectorItemSelected(const QString &layerId, int item); // item -1: selection cleared
    void boxDrawn(const QRectF &imageRect);
    // A left click that did not pan (at most 3 screen pixels of movement), at an image pixel
    // (possibly outside the image); emitted after the vector selection it also makes.
    void pixelClicked(QPoint pixel);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void onLayersChanged();
    void broadcastView();
    void applyLinkedView(double zoom, const QPointF &center, bool sourceFitted);
    bool nearWipeLine(QPoint viewPosition) const;
    void reportHover(QPoint viewPosition);
    void drawEmptyMessage(QPainter *painter);
    int topVisibleScalarRow() const;

    LayerModel *m_model;
    LayerStackItem *m_item;
    QList<QPointer<ImageView>> m_linked;
    bool m_applyingLink = false;
    bool m_userZoomed = false;
    bool m_draggingWipe = false;
    QPoint m_pressPosition;
    QStringList m_lastHover;
    bool m_overlays = true;
    QString m_emptyMessage;
    bool m_boxDrawing = false;
    bool m_drawingBox = false;
    QPointF m_boxStart, m_boxEnd; // image pixels
};

} // namespace periscope::widgets
