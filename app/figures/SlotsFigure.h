// SPDX-License-Identifier: GPL-3.0-or-later
// The Slots figure: the scene with each slot's mask in its colour and a legend, and each slot's
// attention as small multiples. The workspace's Export Figure and `periscope-cli slots --figure`
// draw the same panels, in the same colours the workspace's views use.
#pragma once

#include "app/figures/Figure.h"
#include "engine/slots/SlotEvaluation.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace periscope::app {

// Distinct hues in an order where neighbours differ; lighter after twelve.
QColor slotColor(int slot);
// The background slot's alpha in the masks: enough to see which slot it is, little enough that
// the floor of the scene shows through.
constexpr int kBackgroundSlotAlpha = 50;
// The side slot masks are drawn at for people (the workspace's detail, figures): larger than the
// model's input, so the masks' pixel edges are the attention grid's, not the image's.
constexpr int kSlotFigureSide = 256;
// "slot 3", or "slot 3 (background)".
QString slotName(int slot, int backgroundSlot);
// "slot 3 · 12.5%" and, for a slot matched to an object, " · IoU 0.52" (iou < 0: unmatched).
QString slotCaption(int slot, double attentionShare, double iou);

struct SlotFigure {
    QString title;            // the image's name
    QImage square;            // the image as the model saw it (centre square), RGB
    QImage labels;            // the arg-max partition: 8-bit, 1 + slot, same size as `square`
    int backgroundSlot = -1;
    QList<QImage> attention;  // per slot, through magma on one scale shared by all slots
    QStringList captions;     // per slot
};

// Everything a figure (or the workspace's detail view) shows of one analysed image. `score` is
// null when the image has no instance mask.
SlotFigure slotFigure(const QString &title, const QImage &square, const slot::SlotMasks &masks, const slot::SlotScore *score);

std::unique_ptr<FigurePanel> slotMasksPanel(const SlotFigure &figure);
std::unique_ptr<FigurePanel> slotAttentionPanel(const SlotFigure &figure);

} // namespace periscope::app
