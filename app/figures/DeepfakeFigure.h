// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake figure: a few frames of a video across, the face and each explanation method's map
// over it down (deepfake::ExplanationFigureData), then the methods x metrics table with 95 %
// intervals. `periscope-cli deepfake --figure` and the workspace's frames x methods export draw
// the same panels. Also the names the workspace, the figure and the CSV give methods and metrics.
#pragma once

#include "app/figures/Figure.h"
#include "engine/deepfake/ExplanationFigure.h"
#include "engine/deepfake/ExplanationMetrics.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace periscope::app {

// "gradcam" -> "Grad-CAM", ... "rollout" -> "Attention rollout" (translated); another name as it is.
QString explanationMethodLabel(const QString &method);

// One explanation metric as the panel, the figure and the CSV name it.
struct ExplanationMetricInfo {
    QString key;    // as in the CLI's JSON: "spatial_smoothness", ...
    QString label;  // translated
    std::function<const MeanInterval &(const deepfake::ExplanationSummary &)> of;
};
QVector<ExplanationMetricInfo> explanationMetricInfos();

// "0:04.92" for a time in seconds.
QString figureTimecode(double seconds);

// The frames x methods grid: a header with each frame's index, time and P(fake), the faces, then
// a row per method, and the colormap's key under it.
std::unique_ptr<FigurePanel> deepfakeGridPanel(const deepfake::ExplanationFigureData &data);

// The methods x metrics table: each metric's mean [95 % interval] over the video's frames; the
// metrics no method has (the mask's, without a mask) are left out.
struct DeepfakeMetricsRow {
    QString method; // gradcam, ...
    deepfake::ExplanationSummary summary;
};
std::unique_ptr<FigurePanel> deepfakeMetricsTablePanel(const QVector<DeepfakeMetricsRow> &rows);

// The grid over the table, at least 2 + 1.3 inches per frame wide, written as the suffix says.
// False + *error (a sentence) on failure.
bool exportDeepfakeFigure(const deepfake::ExplanationFigureData &data, const QVector<DeepfakeMetricsRow> &rows, FigureOptions options,
                          const QString &path, QString *error);

} // namespace periscope::app
