// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake workspace's frames x methods figure: the open video's faces at a few frames that
// every stored method explained, each method's map over them, and the methods x metrics table,
// all from the explanation caches (nothing is explained again). It decodes frames and scores the
// cached maps, so it runs as a job; `periscope-cli deepfake --figure` draws the same panels
// (app/figures/DeepfakeFigure.h).
#pragma once

#include "app/figures/Figure.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"

#include "engine/core/color/Colormap.h"
#include "engine/core/jobs/JobControl.h"

#include <QString>
#include <QStringList>

namespace periscope::app {

struct MethodsFigureRequest {
    MetricsVideo video;       // the open video, with its original and masks where it has them
    QString weights;          // the detector's weights (the caches are per detector)
    QStringList methods;      // those to draw when explained; the ones without explanations are left out
    QString cacheRoot;
    QString path;             // .png, .svg or .pdf
    int frames = 4;
    Colormap colormap = Colormap::Jet;
    FigureOptions figure;     // its caption is filled in when empty
};

// Writes the figure; returns the methods drawn. Throws periscope::Error with a sentence (no method
// explained this video, no frame explained by all of them, the file not writable); cancellable.
QStringList writeMethodsFigure(const MethodsFigureRequest &request, const JobControl &control);

} // namespace periscope::app
