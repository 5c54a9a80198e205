// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/DeepfakeFigure.h" // ExplanationMetricInfo
#include "app/shell/JobSlot.h"
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include "engine/deepfake/ExplanationMetrics.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

namespace periscope::app {

// A video to score, with its label and what it comes with.
struct MetricsVideo {
    QString path;
    VideoCompanions companions;
    bool labelled = false, fake = false;
};

struct VideoMethodMetrics {
    QString method;
    int frames = 0;       // frames scored (explained ones)
    int emptyFrames = 0;
    deepfake::ExplanationSummary summary;
};

struct VideoMetrics {
    QString path;
    bool labelled = false, fake = false;
    double score = 0.0;    // mean P(fake) over the explained frames; NaN: none explained
    QVector<VideoMethodMetrics> methods; // those with explanations in the cache
    QString error;         // why it could not be scored (its masks unreadable, ...)
};

struct DeepfakeMetricsResults {
    QString weights;
    QStringList methods;                    // in the order asked for
    QVector<VideoMetrics> videos;
    QMap<QString, deepfake::FolderExplanationMetrics> folder; // per method, over the videos that have it
    std::optional<deepfake::DetectionQuality> detection;      // over labelled, explained videos with both classes
    bool isEmpty() const { return videos.isEmpty(); }
    const VideoMetrics *video(const QString &path) const;
    // Every number as CSV: scope (a video's path or "folder"), method, metric, n, mean, low, high;
    // then the detection quality. False + *error when the file cannot be written.
    bool writeCsv(const QString &path, QString *error) const;
};

// One video's metrics from the caches, for each of `methods` with explanations stored (what
// DeepfakeMetrics::score runs for each video). Throws periscope::Error; cancellable.
VideoMetrics scoreVideoMetrics(const MetricsVideo &video, const QString &weights, const QStringList &methods, const QString &cacheRoot,
                               const JobControl &control);

// The explanation metrics of what the DeepFake workspace has explained, from the cache (nothing is
// computed again): for each video and each method with explanations stored, the metrics of
// Baldassarre et al. over the explained frames with 95 % intervals, the masks where the folder has
// them; per folder, each metric's per-video means with intervals; and the detection quality of the
// video scores where the folder is labelled. Runs as a job; a video that cannot be scored is
// reported and the others still are.
class DeepfakeMetrics : public QObject {
    Q_OBJECT
public:
    explicit DeepfakeMetrics(JobManager *jobs, QObject *parent = nullptr);

    void score(const QVector<MetricsVideo> &videos, const QString &weights, const QStringList &methods, const QString &cacheRoot);
    void clear();
    const DeepfakeMetricsResults &results() const { return m_results; }
    bool isBusy() const { return m_job.isBusy(); }

Q_SIGNALS:
    void resultsChanged();
    void busyChanged(bool busy);
    void problem(const QString &text);

private:
    JobSlot m_job;
    DeepfakeMetricsResults m_results;
};

} // namespace periscope::app
