// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/SlotsFigure.h"

#include "app/figures/ImageConversion.h"
#include "engine/core/color/Colormap.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace periscope::app {

namespace {
constexpr double kMaskOpacity = 0.55; // as the workspace's slot-mask layer
constexpr int kColumns = 4;           // attention small multiples per row
constexpr double kCaptionBand = 0.26; // an attention caption's two lines, as a share of the cell
constexpr int kLegendColumns = 3;
constexpr double kLegendRow = 0.08;   // a legend row's height, as a share of the image's

// "periscope::app": the context lupdate records for these tr() calls in the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("periscope::app", text);
}

float maxOf(const Image &image)
{
    float high = 0.0f;
    for (int y = 0; y < image.height(); ++y) {
        const float *row = image.rowAs<float>(y);
        for (int x = 0; x < image.width(); ++x)
            high = std::max(high, row[x]);
    }
    return high;
}

// The scene under its slot masks, with a legend of the slots that have pixels.
class SlotMasksPanel : public FigurePanel {
public:
    explicit SlotMasksPanel(SlotFigure figure) : m_figure(std::move(figure))
    {
        // The overlay is made once: each slot's colour where it wins the arg-max.
        QImage overlay(m_figure.labels.size(), QImage::Format_ARGB32);
        overlay.fill(Qt::transparent);
        for (int y = 0; y < m_figure.labels.height(); ++y) {
            const uchar *row = m_figure.labels.constScanLine(y);
            QRgb *out = reinterpret_cast<QRgb *>(overlay.scanLine(y));
            for (int x = 0; x < m_figure.labels.width(); ++x) {
                if (row[x] == 0)
                    continue;
                const int slot = row[x] - 1;
                QColor colour = slotColor(slot);
                colour.setAlpha(slot == m_figure.backgroundSlot ? kBackgroundSlotAlpha : int(255 * kMaskOpacity));
                out[x] = colour.rgba();
                if (!m_present.contains(slot))
                    m_present.append(slot);
            }
        }
        std::sort(m_present.begin(), m_present.end());
        m_overlay = overlay;
    }

    QSizeF preferredSize() const override
    {
        const QSizeF image(m_figure.square.size());
        return {image.width(), image.height() * (1.0 + kLegendRow * legendRows())};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const QSizeF image(m_figure.square.size());
        const double scale = target.width() / image.width();
        const QRectF imageRect(target.topLeft(), image * scale);
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // masks keep their pixel edges
        painter.drawImage(imageRect, m_figure.square);
        painter.drawImage(imageRect, m_overlay);
        // The legend: swatches with the slots' names, the font as large as the widest name allows.
        const double rowHeight = image.height() * kLegendRow * scale, cellWidth = target.width() / kLegendColumns;
        QStringList names;
        for (int slot : m_present)
            names << slotName(slot, m_figure.backgroundSlot);
        painter.setFont(fittedFont(figureFont(std::max(3.0, rowHeight * 0.5)), names, cellWidth - rowHeight * 1.2, painter));
        for (int i = 0; i < m_present.size(); ++i) {
            const int slot = m_present[i];
            const QRectF cell(target.left() + (i % kLegendColumns) * cellWidth, imageRect.bottom() + (i / kLegendColumns) * rowHeight, cellWidth,
                              rowHeight);
            QColor colour = slotColor(slot);
            colour.setAlpha(slot == m_figure.backgroundSlot ? kBackgroundSlotAlpha * 2 : 255);
            const QRectF swatch(cell.left() + rowHeight * 0.15, cell.top() + rowHeight * 0.2, rowHeight * 0.6, rowHeight * 0.6);
            painter.fillRect(swatch, colour);
            painter.setPen(Qt::black);
            painter.drawRect(swatch);
            painter.drawText(cell.adjusted(rowHeight, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, slotName(slot, m_figure.backgroundSlot));
        }
        painter.restore();
    }

private:
    int legendRows() const { return int((m_present.size() + kLegendColumns - 1) / kLegendColumns); }

    SlotFigure m_figure;
    QImage m_overlay;
    QList<int> m_present;
};

// Each slot's attention with a frame in its colour and its caption.
class SlotAttentionPanel : public FigurePanel {
public:
    explicit SlotAttentionPanel(SlotFigure figure) : m_figure(std::move(figure)) {}

    QSizeF preferredSize() const override
    {
        const int rows = int((m_figure.attention.size() + kColumns - 1) / kColumns);
        return {kColumns * 100.0, std::max(1, rows) * (100.0 + 100.0 * kCaptionBand)};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        // Captions in two lines, the slot's name over its figures: one line did not fit a cell
        // legibly once the figure is three panels wide.
        QStringList lines, captions;
        for (const QString &text : m_figure.captions) {
            const qsizetype split = text.indexOf(QStringLiteral(" · "));
            const QString twoLines = split < 0 ? text : text.left(split) + QLatin1Char('\n') + text.mid(split + 3);
            captions << twoLines;
            lines << twoLines.split(QLatin1Char('\n'));
        }
        const double cell = target.width() / kColumns, caption = cell * kCaptionBand;
        painter.save();
        painter.setFont(fittedFont(figureFont(std::max(3.5, caption * 0.3)), lines, cell * 0.96, painter));
        for (int i = 0; i < m_figure.attention.size(); ++i) {
            const QRectF square(target.left() + (i % kColumns) * cell, target.top() + (i / kColumns) * (cell + caption), cell, cell);
            painter.drawImage(square.adjusted(cell * 0.03, cell * 0.03, -cell * 0.03, -cell * 0.03), m_figure.attention[i]);
            painter.setPen(QPen(slotColor(i), std::max(1.0, cell * 0.02)));
            painter.drawRect(square.adjusted(cell * 0.02, cell * 0.02, -cell * 0.02, -cell * 0.02));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(square.left(), square.bottom(), cell, caption), Qt::AlignHCenter | Qt::AlignTop, captions.value(i));
        }
        painter.restore();
    }

private:
    SlotFigure m_figure;
};
} // namespace

QColor slotColor(int slot)
{
    static const QColor palette[] = {QColor(230, 25, 75),  QColor(60, 180, 75),  QColor(0, 130, 200),  QColor(245, 130, 48),
                                     QColor(145, 30, 180), QColor(70, 240, 240), QColor(240, 50, 230), QColor(210, 245, 60),
                                     QColor(250, 190, 212), QColor(0, 128, 128), QColor(170, 110, 40), QColor(255, 225, 25)};
    const QColor c = palette[slot % 12];
    return slot < 12 ? c : c.lighter(140);
}

QString slotName(int slot, int backgroundSlot)
{
    return slot == backgroundSlot ? tr("slot %1 (background)").arg(slot + 1) : tr("slot %1").arg(slot + 1);
}

QString slotCaption(int slot, double attentionShare, double iou)
{
    QString caption = tr("slot %1 · %2%").arg(slot + 1).arg(attentionShare * 100.0, 0, 'f', 1);
    if (iou >= 0)
        caption += tr(" · IoU %1").arg(iou, 0, 'f', 2);
    return caption;
}

SlotFigure slotFigure(const QString &title, const QImage &square, const slot::SlotMasks &masks, const slot::SlotScore *score)
{
    SlotFigure figure;
    figure.title = title;
    figure.square = square.convertToFormat(QImage::Format_RGB888);
    figure.labels = toQImage(masks.labels).convertToFormat(QImage::Format_Grayscale8);
    figure.backgroundSlot = slot::backgroundSlot(masks, score ? score->objectOfSlot : std::vector<int>{});
    // One scale for all slots (0 to the highest attention of any), so they compare.
    float high = 1e-6f;
    for (const Image &soft : masks.soft)
        high = std::max(high, maxOf(soft));
    for (std::size_t s = 0; s < masks.soft.size(); ++s) {
        figure.attention << toQImage(applyColormap(masks.soft[s], Colormap::Magma, 0.0f, high));
        const bool matched = score && s < score->objectOfSlot.size() && score->objectOfSlot[s] > 0;
        figure.captions << slotCaption(int(s), s < masks.mass.size() ? masks.mass[s] : 0.0, matched ? score->iouOfSlot[s] : -1.0);
    }
    return figure;
}

std::unique_ptr<FigurePanel> slotMasksPanel(const SlotFigure &figure)
{
    return std::make_unique<SlotMasksPanel>(figure);
}

std::unique_ptr<FigurePanel> slotAttentionPanel(const SlotFigure &figure)
{
    return std::make_unique<SlotAttentionPanel>(figure);
}

} // namespace periscope::app
