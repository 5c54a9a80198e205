// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeMethodsFigure.h"

#include "app/figures/DeepfakeFigure.h"
#include "engine/core/errors/Error.h"
#include "engine/deepfake/ExplanationFigure.h"
#include "engine/deepfake/FrameExplanations.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <memory>

namespace periscope::app {

QStringList writeMethodsFigure(const MethodsFigureRequest &request, const JobControl &control)
{
    const std::string video = request.video.path.toStdString();
    std::vector<std::string> methods;
    std::vector<std::shared_ptr<const deepfake::ExplanationCache>> caches;
    QStringList drawn;
    for (const QString &method : request.methods) {
        const deepfake::DetectorSpec spec = deepfake::detectorSpecFor(request.weights.toStdString(), method.toStdString());
        if (!deepfake::ExplanationCache::exists(request.cacheRoot.toStdString(), video, spec))
            continue;
        auto cache = std::make_shared<const deepfake::ExplanationCache>(request.cacheRoot.toStdString(), video, spec);
        if (cache->size() == 0)
            continue;
        methods.push_back(method.toStdString());
        caches.push_back(std::move(cache));
        drawn << method;
    }
    if (methods.empty())
        throw Error(QFileInfo(request.video.path).fileName().toStdString() + " has no explanations by this detector yet");
    deepfake::ExplanationFigureOptions options;
    options.frames = request.frames;
    options.colormap = request.colormap;
    const deepfake::ExplanationFigureData data =
        deepfake::explanationFigure(video, methods, caches, options, control.subRange(0.0, 0.3));
    // The table: every drawn method's metrics over the frames it explained.
    const VideoMetrics metrics = scoreVideoMetrics(request.video, request.weights, drawn, request.cacheRoot, control.subRange(0.3, 0.95));
    QVector<DeepfakeMetricsRow> rows;
    int explainedFrames = 0;
    for (const VideoMethodMetrics &m : metrics.methods) {
        rows.push_back({m.method, m.summary});
        explainedFrames = std::max(explainedFrames, m.frames);
    }
    FigureOptions figure = request.figure;
    if (figure.caption.isEmpty())
        figure.caption = QCoreApplication::translate("periscope::app::DeepfakeView",
                                                     "%1, %2: the face in %3 frames and each method's map over it; the metrics over "
                                                     "the explained frames (up to %4; mean [95 % interval]).")
                             .arg(QFileInfo(request.video.path).fileName(), QFileInfo(request.weights).fileName())
                             .arg(data.frames.size())
                             .arg(explainedFrames);
    control.throwIfCancelled();
    QString error;
    if (!exportDeepfakeFigure(data, rows, figure, request.path, &error))
        throw Error(error.toStdString());
    return drawn;
}

} // namespace periscope::app
