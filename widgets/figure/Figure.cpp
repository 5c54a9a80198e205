// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/figure/Figure.h"

#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QSvgGenerator>

#include <cmath>

namespace periscope::widgets {

namespace {
constexpr double kPointsPerInch = 72.0;
constexpr double kGap = 10.0;       // points between panels
constexpr double kLetterSpace = 14.0;

QFont figureFont(double points, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

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
    QSizeF preferredSize() const override { return QSizeF(m_plot->size()); }
    void draw(QPainter &painter, const QRectF &target) const override
    {
        // QCustomPlot draws through its own painter class, in its own pixel units: record that
        // as a picture (drawing commands, so vector stays vector) and replay it scaled.
        QPicture picture;
        QCPPainter recorder(&picture);
        m_plot->plot()->toPainter(&recorder, m_plot->width(), m_plot->height());
        recorder.end();
        painter.save();
        painter.translate(target.topLeft());
        const double scale = std::min(target.width() / m_plot->width(), target.height() / m_plot->height());
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

struct Layout {
    QSizeF size; // points
    QList<QRectF> cells;
    QRectF caption;
};

Layout layOut(const QList<const FigurePanel *> &panels, int columns, const FigureOptions &options)
{
    Layout layout;
    columns = std::max(1, std::min(columns, int(panels.size())));
    const int rows = (int(panels.size()) + columns - 1) / columns;
    const double width = options.widthInches * kPointsPerInch;
    const double letter = panels.size() > 1 ? kLetterSpace : 0.0;
    const double cellWidth = (width - kGap * (columns - 1)) / columns;
    double y = 0.0;
    for (int r = 0; r < rows; ++r) {
        double rowHeight = 0.0;
        for (int c = 0; c < columns && r * columns + c < panels.size(); ++c) {
            const QSizeF preferred = panels.at(r * columns + c)->preferredSize();
            rowHeight = std::max(rowHeight, cellWidth * preferred.height() / std::max(1.0, preferred.width()));
        }
        for (int c = 0; c < columns && r * columns + c < panels.size(); ++c)
            layout.cells.append(QRectF(c * (cellWidth + kGap), y + letter, cellWidth, rowHeight));
        y += letter + rowHeight + kGap;
    }
    const double captionHeight = options.caption.isEmpty() ? 0.0 : 24.0;
    layout.caption = QRectF(0, y, width, captionHeight);
    layout.size = QSizeF(width, y - kGap + captionHeight + (captionHeight > 0 ? kGap : 0.0));
    return layout;
}

void paintFigure(QPainter &painter, const QList<const FigurePanel *> &panels, const Layout &layout, const FigureOptions &options)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), layout.size), Qt::white);
    for (int i = 0; i < panels.size(); ++i) {
        if (panels.size() > 1) {
            painter.setPen(Qt::black);
            painter.setFont(figureFont(10, true));
            painter.drawText(QPointF(layout.cells.at(i).left(), layout.cells.at(i).top() - 3), QStringLiteral("(%1)").arg(QChar('a' + i)));
        }
        panels.at(i)->draw(painter, layout.cells.at(i));
    }
    if (!options.caption.isEmpty()) {
        painter.setPen(Qt::black);
        painter.setFont(figureFont(9));
        painter.drawText(layout.caption, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, options.caption);
    }
}
} // namespace

std::unique_ptr<FigurePanel> figurePanel(ImageView *view, const FigureOptions &options)
{
    return std::make_unique<ImageViewPanel>(view, options);
}

std::unique_ptr<FigurePanel> figurePanel(PlotView *plot)
{
    return std::make_unique<PlotPanel>(plot);
}

std::unique_ptr<FigurePanel> figurePanel(QWidget *widget)
{
    return std::make_unique<WidgetPanel>(widget);
}

bool exportFigure(const QList<const FigurePanel *> &panels, int columns, const FigureOptions &options, const QString &path,
                  QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (panels.isEmpty())
        return fail(QObject::tr("The figure has no panels"));
    if (!(options.dpi >= 30.0 && options.dpi <= 2400.0) || !(options.widthInches > 0.5 && options.widthInches <= 40.0))
        return fail(QObject::tr("Choose 30-2400 DPI and a width of 0.5-40 inches"));
    const Layout layout = layOut(panels, columns, options);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        const double scale = options.dpi / kPointsPerInch;
        QImage image((layout.size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white); // the layout's size is not a whole number of pixels: no translucent edge
        // Layout is in points and the painter scales points to pixels; Qt also converts font
        // point sizes by the device's DPI, so paint at 72 DPI and record the real one afterwards.
        const int pointsPerMeter = int(std::lround(kPointsPerInch / 0.0254));
        image.setDotsPerMeterX(pointsPerMeter);
        image.setDotsPerMeterY(pointsPerMeter);
        QPainter painter(&image);
        painter.scale(scale, scale);
        paintFigure(painter, panels, layout, options);
        painter.end();
        image.setDotsPerMeterX(int(std::lround(options.dpi / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(options.dpi / 0.0254)));
        QImageWriter writer(path, "png");
        if (!writer.write(image))
            return fail(QObject::tr("Cannot write %1: %2").arg(path, writer.errorString()));
        return true;
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(layout.size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), layout.size));
        svg.setResolution(int(kPointsPerInch));
        svg.setTitle(options.caption);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(QObject::tr("Cannot write %1").arg(path));
        paintFigure(painter, panels, layout, options);
        return painter.end() || fail(QObject::tr("Cannot write %1").arg(path));
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setResolution(int(kPointsPerInch));
        pdf.setPageSize(QPageSize(layout.size, QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setTitle(options.caption);
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(QObject::tr("Cannot write %1").arg(path));
        paintFigure(painter, panels, layout, options);
        return painter.end() || fail(QObject::tr("Cannot write %1").arg(path));
    }
    return fail(QObject::tr("Unsupported figure format '%1' (use png, svg or pdf)").arg(suffix));
}

} // namespace periscope::widgets
