// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/Figure.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace periscope::app {

QFont figureFont(double points, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

QFont fittedFont(QFont font, const QStringList &texts, double width, QPainter &painter, double minimumPoints)
{
    // Measured as the painter lays text out. Figures are painted at 72 DPI through a scale, and
    // Qt lays text out at the unscaled size with each advance rounded: font metrics said a slot
    // caption at 2.5 points took 31.7 points, and it was drawn 36 points wide.
    painter.save();
    for (int step = 0; step < 30 && font.pointSizeF() > minimumPoints; ++step) {
        painter.setFont(font);
        double widest = 0.0;
        for (const QString &text : texts)
            widest = std::max(widest, painter.boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::AlignLeft | Qt::AlignTop, text).width());
        if (widest <= width)
            break;
        font.setPointSizeF(std::max(minimumPoints, font.pointSizeF() * std::min(0.95, width / widest)));
    }
    painter.restore();
    return font;
}

namespace {
constexpr double kPointsPerInch = 72.0;
constexpr double kGap = 10.0;       // points between panels
constexpr double kLetterSpace = 14.0;


struct Layout {
    QSizeF size; // points
    QList<QRectF> cells;
    QRectF caption;
};

// Room for the caption at 9 points, wrapped to the figure's width: two lines at least, more when a
// long caption needs them (a third line was cut off when two were all there was). Lines are
// counted with the font's metrics at 9 pixels a point, and given 1.3 em each with a 5 %
// narrower measure for the rounding the comment on fittedFont describes.
double captionHeightFor(const QString &caption, double width)
{
    if (caption.isEmpty())
        return 0.0;
    QFont font = figureFont(9);
    font.setPixelSize(9); // metrics in points, whatever the screen's DPI
    const QFontMetricsF metrics(font);
    const QRectF box = metrics.boundingRect(QRectF(0, 0, width * 0.95, 1e6), Qt::AlignLeft | Qt::TextWordWrap, caption);
    const int lines = std::max(1, int(std::ceil(box.height() / metrics.lineSpacing() - 0.01)));
    return std::max(24.0, lines * 9.0 * 1.3 + 4.0);
}

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
    const double captionHeight = captionHeightFor(options.caption, width);
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
        painter.drawText(layout.caption, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, options.caption);
    }
}
} // namespace

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
    // Writing into a FIFO would block and into a device would go nowhere useful.
    if (QFileInfo(path).exists() && !QFileInfo(path).isFile())
        return fail(QObject::tr("Cannot write %1: it exists and is not a regular file").arg(path));
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

QList<const FigurePanel *> panelList(const std::vector<std::unique_ptr<FigurePanel>> &panels)
{
    QList<const FigurePanel *> list;
    for (const auto &panel : panels)
        list.append(panel.get());
    return list;
}

} // namespace periscope::app
