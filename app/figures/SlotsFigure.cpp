// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/SlotsFigure.h"

#include "app/figures/ImageConversion.h"
#include "app/figures/LabelFigure.h"
#include "engine/core/color/Colormap.h"

#include <QCoreApplication>

#include <algorithm>

namespace periscope::app {

namespace {
constexpr double kMaskOpacity = 0.55; // as the workspace's slot-mask layer
constexpr int kColumns = 4;           // attention small multiples per row

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
    // The background slot faint, so that the floor of the scene shows through.
    QList<FigureLabel> legend;
    int slotCount = int(figure.attention.size());
    for (int y = 0; y < figure.labels.height(); ++y)
        for (int x = 0; x < figure.labels.width(); ++x)
            slotCount = std::max(slotCount, int(figure.labels.constScanLine(y)[x]));
    for (int slot = 0; slot < slotCount; ++slot) {
        QColor colour = slotColor(slot), swatch = slotColor(slot);
        colour.setAlpha(slot == figure.backgroundSlot ? kBackgroundSlotAlpha : int(255 * kMaskOpacity));
        legend.append({slotName(slot, figure.backgroundSlot), colour, swatch});
    }
    return labelMapPanel(figure.square, figure.labels, legend);
}

std::unique_ptr<FigurePanel> slotAttentionPanel(const SlotFigure &figure)
{
    QList<QColor> frames;
    for (int i = 0; i < figure.attention.size(); ++i)
        frames << slotColor(i);
    return smallMultiplesPanel(figure.attention, figure.captions, frames, kColumns);
}

} // namespace periscope::app
