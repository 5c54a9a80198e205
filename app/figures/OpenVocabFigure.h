// SPDX-License-Identifier: GPL-3.0-or-later
// The Open-vocabulary figure: the image with its segmentation by the prompts and a legend, and
// each prompt's dense similarity as small multiples on one shared scale, captioned with its share
// of the pixels and its zero-shot probability. `periscope-cli open-vocab --figure` draws it (and
// the workspace will, in the same colours).
#pragma once

#include "app/figures/Figure.h"
#include "engine/core/image/Image.h"
#include "engine/openvocab/OpenVocabModel.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace periscope::app {

// A prompt's colour in the segmentation, its legend and the frame of its map.
QColor promptColor(int prompt);

struct OpenVocabFigure {
    QString title;
    QImage image;            // RGB at the maps' size
    QImage labels;           // 8-bit: 0 background, 1 + the prompt
    QStringList prompts;
    QList<QColor> colors;     // per prompt; promptColor(p) where missing (the workspace lets users recolour)
    QList<QImage> similarity; // per prompt, through magma on one scale shared by all prompts
    QStringList captions;     // per prompt: "red objects · 12.5% · p 0.41"
    float low = 0.0f, high = 0.0f; // the shared scale (cosine)
};

// Everything the figure shows of one analysed image (`image` as analysed, any size).
OpenVocabFigure openVocabFigure(const QString &title, const Image &image, const openvocab::OpenVocabResult &result,
                                const std::vector<std::string> &prompts);

// The labels and captions again after the result was relabelled at another background threshold
// (the maps, the expensive part, stay).
void relabelOpenVocabFigure(OpenVocabFigure &figure, const openvocab::OpenVocabResult &result);

// The colour prompt `prompt` is drawn in.
QColor figurePromptColor(const OpenVocabFigure &figure, int prompt);

std::unique_ptr<FigurePanel> openVocabSegmentationPanel(const OpenVocabFigure &figure);
std::unique_ptr<FigurePanel> openVocabSimilarityPanel(const OpenVocabFigure &figure);

} // namespace periscope::app
