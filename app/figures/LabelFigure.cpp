// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/LabelFigure.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace periscope::app {

namespace {
constexpr double kLegendRow = 0.08;   // a legend row's height, as a share of the image's
constexpr double kCaptionBand = 0.26; // a small multiple's two caption lines, as a share of the cell

class LabelMapPanel : public FigurePanel {
public:
    LabelMapPanel(const QImage &image, const QImage &labels, const QList<FigureLabel> &legend, int legendColumns)
        : m_image(image.convertToFormat(QImage::Format_RGB888)), m_legend(legend), m_columns(std::max(1, legendColumns))
    {
        // The overlay is made once: each label's colour where it is.
        const QImage ids = labels.convertToFormat(QImage::Format_Grayscale8);
        QImage overlay(ids.size(), QImage::Format_ARGB32);
        overlay.fill(Qt::transparent);
        QList<bool> present(legend.size(), false);
        for (int y = 0; y < ids.height(); ++y) {
            const uchar *row = ids.constScanLine(y);
            QRgb *out = reinterpret_cast<QRgb *>(overlay.scanLine(y));
            for (int x = 0; x < ids.width(); ++x) {
                const int label = row[x] - 1;
                if (label < 0 || label >= legend.size())
                    continue;
                out[x] = legend[label].colour.rgba();
                present[label] = true;
            }
        }
        for (int i = 0; i < legend.size(); ++i)
            if (present[i])
                m_present.append(i);
        m_overlay = overlay;
    }

    QSizeF preferredSize() const override
    {
        const QSizeF image(m_image.size());
        return {image.width(), image.height() * (1.0 + kLegendRow * legendRows())};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const QSizeF image(m_image.size());
        const double scale = target.width() / image.width();
        const QRectF imageRect(target.topLeft(), image * scale);
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // labels keep their pixel edges
        painter.drawImage(imageRect, m_image);
        painter.drawImage(imageRect, m_overlay);
        // The legend: swatches with the names, the font as large as the widest name allows.
        const double rowHeight = image.height() * kLegendRow * scale, cellWidth = target.width() / m_columns;
        QStringList names;
        for (int label : m_present)
            names << m_legend[label].name;
        painter.setFont(fittedFont(figureFont(std::max(3.0, rowHeight * 0.5)), names, cellWidth - rowHeight * 1.2, painter));
        for (int i = 0; i < m_present.size(); ++i) {
            const FigureLabel &label = m_legend[m_present[i]];
            const QRectF cell(target.left() + (i % m_columns) * cellWidth, imageRect.bottom() + (i / m_columns) * rowHeight, cellWidth, rowHeight);
            const QRectF swatch(cell.left() + rowHeight * 0.15, cell.top() + rowHeight * 0.2, rowHeight * 0.6, rowHeight * 0.6);
            painter.fillRect(swatch, label.swatch.isValid() ? label.swatch : label.colour);
            painter.setPen(Qt::black);
            painter.drawRect(swatch);
            painter.drawText(cell.adjusted(rowHeight, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label.name);
        }
        painter.restore();
    }

private:
    int legendRows() const { return int((m_present.size() + m_columns - 1) / m_columns); }

    QImage m_image, m_overlay;
    QList<FigureLabel> m_legend;
    QList<int> m_present;
    int m_columns;
};

class SmallMultiplesPanel : public FigurePanel {
public:
    SmallMultiplesPanel(const QList<QImage> &images, const QStringList &captions, const QList<QColor> &frames, int columns)
        : m_images(images), m_captions(captions), m_frames(frames), m_columns(std::max(1, columns))
    {
    }

    QSizeF preferredSize() const override
    {
        const int rows = int((m_images.size() + m_columns - 1) / m_columns);
        const QSizeF cell = cellAspect();
        return {m_columns * 100.0, std::max(1, rows) * (100.0 * cell.height() / cell.width() + 100.0 * kCaptionBand)};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        // Captions in two lines, the name over its figures: one line did not fit a cell legibly
        // once a figure is three panels wide.
        QStringList lines, captions;
        for (const QString &text : m_captions) {
            const qsizetype split = text.indexOf(QStringLiteral(" · "));
            const QString twoLines = split < 0 ? text : text.left(split) + QLatin1Char('\n') + text.mid(split + 3);
            captions << twoLines;
            lines << twoLines.split(QLatin1Char('\n'));
        }
        const QSizeF aspect = cellAspect();
        const double width = target.width() / m_columns, height = width * aspect.height() / aspect.width(), caption = width * kCaptionBand;
        painter.save();
        painter.setFont(fittedFont(figureFont(std::max(3.5, caption * 0.3)), lines, width * 0.96, painter));
        for (int i = 0; i < m_images.size(); ++i) {
            const QRectF cell(target.left() + (i % m_columns) * width, target.top() + (i / m_columns) * (height + caption), width, height);
            const double inset = width * 0.03;
            painter.drawImage(cell.adjusted(inset, inset, -inset, -inset), m_images[i]);
            if (i < m_frames.size() && m_frames[i].isValid()) {
                painter.setPen(QPen(m_frames[i], std::max(1.0, width * 0.02)));
                painter.drawRect(cell.adjusted(width * 0.02, width * 0.02, -width * 0.02, -width * 0.02));
            }
            painter.setPen(Qt::black);
            painter.drawText(QRectF(cell.left(), cell.bottom(), width, caption), Qt::AlignHCenter | Qt::AlignTop, captions.value(i));
        }
        painter.restore();
    }

private:
    // Every cell has the first image's shape (square when there is none).
    QSizeF cellAspect() const { return m_images.isEmpty() || m_images.first().isNull() ? QSizeF(1, 1) : QSizeF(m_images.first().size()); }

    QList<QImage> m_images;
    QStringList m_captions;
    QList<QColor> m_frames;
    int m_columns;
};
} // namespace

std::unique_ptr<FigurePanel> labelMapPanel(const QImage &image, const QImage &labels, const QList<FigureLabel> &legend, int legendColumns)
{
    // Labels of another size are scaled to the image's, without smoothing.
    const QImage sized = labels.size() == image.size() ? labels : labels.scaled(image.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return std::make_unique<LabelMapPanel>(image, sized, legend, legendColumns);
}

std::unique_ptr<FigurePanel> smallMultiplesPanel(const QList<QImage> &images, const QStringList &captions, const QList<QColor> &frames, int columns)
{
    return std::make_unique<SmallMultiplesPanel>(images, captions, frames, columns);
}

} // namespace periscope::app
