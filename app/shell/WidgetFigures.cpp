// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/WidgetFigures.h"

#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <qcustomplot.h>

#include <QPainter>
#include <QPicture>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {
using namespace periscope::widgets;

// The smallest size a plot is laid out at in a figure: room for its title, tick labels and axis
// titles at the screen font.
constexpr QSize kSmallestPlot(420, 300);

class ImageViewPanel : public FigurePanel {
public:
    ImageViewPanel(ImageView *view, const FigureOptions &options) : m_view(view), m_options(options)
    {
        // What the user sees: the visible part of the image.
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        const QSize image = view->model()->imageSize();
        m_source = visible.intersected(QRectF(QPointF(0, 0), QSizeF(image)));
        if (m_source.isEmpty())
            m_source = QRectF(QPointF(0, 0), QSizeF(image.isValid() ? image : QSize(1, 1)));
        for (int row = view->model()->count() - 1; row >= 0; --row) {
            const Layer &layer = view->model()->layer(row);
            if (!layer.visible)
                continue;
            if (layer.kind == LayerKind::ScalarMap && m_scalarRow < 0)
                m_scalarRow = row;
            if (layer.kind == LayerKind::Labels)
                m_labelRows.append(row);
        }
    }

    QSizeF preferredSize() const override
    {
        const double colorbar = hasColorbar() ? 0.16 * m_source.width() : 0.0;
        const double legend = hasLegend() ? 0.12 * m_source.height() : 0.0;
        return {m_source.width() + colorbar, m_source.height() + legend};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const QSizeF preferred = preferredSize();
        const double scale = std::min(target.width() / preferred.width(), target.height() / preferred.height());
        const QRectF imageRect(target.topLeft(), m_source.size() * scale);
        m_view->scene()->render(&painter, imageRect, m_source, Qt::KeepAspectRatio);
        if (hasColorbar())
            drawColorbar(painter, QRectF(imageRect.right() + 4, imageRect.top() + 4, 0.16 * m_source.width() * scale - 4, imageRect.height() - 8));
        if (hasLegend())
            drawLegend(painter, QRectF(imageRect.left(), imageRect.bottom() + 3, imageRect.width(), 0.12 * m_source.height() * scale - 3));
        if (m_options.scaleBar && m_options.pixelsPerUnit > 0)
            drawScaleBar(painter, imageRect, scale);
    }

private:
    bool hasColorbar() const { return m_options.colorbar && m_scalarRow >= 0; }
    bool hasLegend() const { return m_options.legend && !m_labelRows.isEmpty(); }

    void drawColorbar(QPainter &painter, const QRectF &area) const
    {
        const Layer &layer = m_view->model()->layer(m_scalarRow);
        const auto &table = periscope::colormapTable(layer.colormap);
        QImage strip(1, 256, QImage::Format_RGB32);
        for (int i = 0; i < 256; ++i)
            strip.setPixel(0, 255 - i, qRgb(table[std::size_t(i)].r, table[std::size_t(i)].g, table[std::size_t(i)].b));
        const QRectF bar(area.left(), area.top(), std::min(area.width() * 0.3, 10.0), area.height());
        painter.drawImage(bar, strip);
        painter.setPen(QPen(Qt::black, 0.5));
        painter.drawRect(bar);
        painter.setFont(figureFont(std::clamp(bar.width() * 0.7, 5.0, 8.0)));
        for (int k = 0; k <= 4; ++k) {
            const double value = layer.low + (layer.high - layer.low) * k / 4.0;
            const double y = bar.bottom() - bar.height() * k / 4.0;
            painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 2, y));
            painter.drawText(QPointF(bar.right() + 3, y + 2), QString::number(value, 'g', 3));
        }
    }

    void drawLegend(QPainter &painter, const QRectF &area) const
    {
        painter.setFont(figureFont(std::clamp(area.height() * 0.45, 5.0, 9.0)));
        double x = area.left();
        for (int row : m_labelRows) {
            const Layer &layer = m_view->model()->layer(row);
            for (int label = 1; label < layer.labelNames.size() && !layer.labelColors.isEmpty(); ++label) {
                const QColor color = layer.labelColors.at(label % layer.labelColors.size());
                const double box = area.height() * 0.5;
                painter.fillRect(QRectF(x, area.top() + box * 0.3, box, box), color);
                painter.setPen(Qt::black);
                const QString name = layer.labelNames.at(label);
                painter.drawText(QPointF(x + box + 2, area.top() + box * 1.2), name);
                x += box + 6 + painter.fontMetrics().horizontalAdvance(name);
            }
        }
    }

    void drawScaleBar(QPainter &painter, const QRectF &imageRect, double scale) const
    {
        // A round number of units about a fifth of the visible width.
        const double visibleUnits = m_source.width() / m_options.pixelsPerUnit;
        double units = std::pow(10.0, std::floor(std::log10(visibleUnits / 5.0)));
        for (const double nice : {2.0, 5.0})
            if (units * nice <= visibleUnits / 4.0)
                units = std::pow(10.0, std::floor(std::log10(visibleUnits / 5.0))) * nice;
        const double length = units * m_options.pixelsPerUnit * scale;
        const QPointF start(imageRect.left() + 8, imageRect.bottom() - 8);
        painter.setPen(QPen(Qt::white, 3));
        painter.drawLine(start, start + QPointF(length, 0));
        painter.setFont(figureFont(7));
        painter.drawText(start + QPointF(0, -5), QStringLiteral("%1 %2").arg(units).arg(m_options.unit));
    }

    ImageView *m_view;
    FigureOptions m_options;
    QRectF m_source;
    int m_scalarRow = -1;
    QList<int> m_labelRows;
};

class PlotPanel : public FigurePanel {
public:
    explicit PlotPanel(PlotView *plot) : m_plot(plot) {}
    // Laid out at its size on screen, but never smaller than a readable chart: a plot squeezed in
    // a small window must still export legibly (#23: a 1800 x 362 study figure).
    // Taller than 0.6 of its width, as a wide short strip on screen is unreadable on paper.
    QSize layoutSize() const
    {
        const QSize size = m_plot->size().expandedTo(kSmallestPlot);
        return {size.width(), std::max(size.height(), int(0.6 * size.width()))};
    }
    QSizeF preferredSize() const override { return QSizeF(layoutSize()); }
    void draw(QPainter &painter, const QRectF &target) const override
    {
        // QCustomPlot draws through its own painter class, in its own pixel units: record that
        // as a picture (drawing commands, so vector stays vector) and replay it scaled.
        const QSize size = layoutSize();
        QPicture picture;
        QCPPainter recorder(&picture);
        m_plot->plot()->toPainter(&recorder, size.width(), size.height());
        recorder.end();
        painter.save();
        painter.translate(target.topLeft());
        const double scale = std::min(target.width() / size.width(), target.height() / size.height());
        painter.scale(scale, scale);
        painter.drawPicture(0, 0, picture);
        painter.restore();
    }

private:
    PlotView *m_plot;
};

class WidgetPanel : public FigurePanel {
public:
    explicit WidgetPanel(QWidget *widget) : m_widget(widget) {}
    QSizeF preferredSize() const override { return QSizeF(m_widget->size()); }
    void draw(QPainter &painter, const QRectF &target) const override
    {
        painter.save();
        painter.translate(target.topLeft());
        const double scale = std::min(target.width() / m_widget->width(), target.height() / m_widget->height());
        painter.scale(scale, scale);
        m_widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
    }

private:
    QWidget *m_widget;
};

} // namespace

std::unique_ptr<FigurePanel> figurePanel(widgets::ImageView *view, const FigureOptions &options)
{
    return std::make_unique<ImageViewPanel>(view, options);
}

std::unique_ptr<FigurePanel> figurePanel(widgets::PlotView *plot)
{
    return std::make_unique<PlotPanel>(plot);
}

std::unique_ptr<FigurePanel> figurePanel(QWidget *widget)
{
    return std::make_unique<WidgetPanel>(widget);
}

} // namespace periscope::app
