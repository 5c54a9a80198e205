// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeMetrics.h"

#include "engine/core/errors/Error.h"
#include "engine/deepfake/FrameExplanations.h"
#include "engine/media/video/VideoReader.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(std::shared_ptr<periscope::app::DeepfakeMetricsResults>)

namespace periscope::app {

VideoMetrics scoreVideoMetrics(const MetricsVideo &input, const QString &weights, const QStringList &methods, const QString &cacheRoot,
                               const JobControl &control)
{
    VideoMetrics out;
    out.path = input.path;
    out.labelled = input.labelled;
    out.fake = input.fake;
    out.score = std::numeric_limits<double>::quiet_NaN();
    const std::string video = input.path.toStdString();
    int width = 0, height = 0;
    for (const QString &method : methods) {
        control.throwIfCancelled();
        const deepfake::DetectorSpec spec = deepfake::detectorSpecFor(weights.toStdString(), method.toStdString());
        if (!deepfake::ExplanationCache::exists(cacheRoot.toStdString(), video, spec))
            continue;
        const deepfake::ExplanationCache cache(cacheRoot.toStdString(), video, spec);
        if (cache.size() == 0)
            continue;
        if (width == 0) {
            const auto reader = media::VideoReader::open(video, control);
            width = reader->quickInfo().width;
            height = reader->quickInfo().height;
        }
        if (std::isnan(out.score)) { // every method sees the same scores
            double sum = 0.0;
            const std::vector<deepfake::ExplanationCache::Entry> entries = cache.entries();
            for (const auto &e : entries)
                sum += e.score;
            out.score = sum / double(entries.size());
        }
        std::unique_ptr<deepfake::ManipulationMasks> masks = input.companions.openMasks(input.path);
        const auto maskOf = [&masks](std::int64_t frame) { return masks ? masks->at(frame) : periscope::Image(); };
        const deepfake::ExplanationMetrics metrics = deepfake::scoreCachedExplanations(cache, width, height, maskOf, control);
        out.methods.append({method, int(metrics.frames.size()), metrics.emptyFrames, metrics.summary});
    }
    return out;
}

namespace {

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 8) : QString();
}

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

} // namespace

const VideoMetrics *DeepfakeMetricsResults::video(const QString &path) const
{
    for (const VideoMetrics &v : videos)
        if (v.path == path)
            return &v;
    return nullptr;
}

bool DeepfakeMetricsResults::writeCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QTextStream out(&file);
    out << "scope,label,method,metric,n,mean,low,high\n";
    const QVector<ExplanationMetricInfo> infos = explanationMetricInfos();
    const auto row = [&](const QString &scope, const QString &label, const QString &method, const QString &metric, const MeanInterval &m) {
        out << csvField(scope) << ',' << label << ',' << method << ',' << metric << ',' << m.n << ',' << (m.n ? number(m.mean) : QString())
            << ',' << (m.n ? number(m.low) : QString()) << ',' << (m.n ? number(m.high) : QString()) << '\n';
    };
    for (const VideoMetrics &v : videos) {
        const QString label = !v.labelled ? QString() : v.fake ? QStringLiteral("fake") : QStringLiteral("real");
        for (const VideoMethodMetrics &m : v.methods)
            for (const ExplanationMetricInfo &info : infos)
                row(v.path, label, m.method, info.key, info.of(m.summary));
    }
    for (auto it = folder.cbegin(); it != folder.cend(); ++it)
        for (const ExplanationMetricInfo &info : infos)
            row(QStringLiteral("folder"), QString(), it.key(), info.key, info.of(it.value().summary));
    if (detection) {
        out << "folder,,,detection_roc_auc," << detection->videos << ',' << number(detection->rocAuc) << ",,\n";
        out << "folder,,,detection_average_precision," << detection->videos << ',' << number(detection->averagePrecision) << ",,\n";
        out << "folder,,,detection_log_loss," << detection->videos << ',' << number(detection->logLoss) << ",,\n";
    }
    out.flush();
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

DeepfakeMetrics::DeepfakeMetrics(JobManager *jobs, QObject *parent) : QObject(parent), m_job(jobs)
{
    connect(&m_job, &JobSlot::busyChanged, this, &DeepfakeMetrics::busyChanged);
}

void DeepfakeMetrics::clear()
{
    m_job.cancel();
    m_results = {};
    Q_EMIT resultsChanged();
}

void DeepfakeMetrics::score(const QVector<MetricsVideo> &videos, const QString &weights, const QStringList &methods, const QString &cacheRoot)
{
    m_job.start(
        tr("Score the explanations of %n video(s)", nullptr, int(videos.size())),
        [videos, weights, methods, cacheRoot](const JobControl &control) {
            auto results = std::make_shared<DeepfakeMetricsResults>();
            results->weights = weights;
            results->methods = methods;
            QMap<QString, std::vector<deepfake::ExplanationMetrics>> perMethod;
            std::vector<double> scores;
            std::vector<bool> labels;
            for (qsizetype i = 0; i < videos.size(); ++i) {
                const JobControl part = control.subRange(double(i) / double(videos.size()), double(i + 1) / double(videos.size()));
                part.reportProgress(0.0, QFileInfo(videos[i].path).fileName().toStdString());
                VideoMetrics v;
                try {
                    v = scoreVideoMetrics(videos[i], weights, methods, cacheRoot, part);
                } catch (const CancelledError &) {
                    throw;
                } catch (const std::exception &e) {
                    v.path = videos[i].path;
                    v.labelled = videos[i].labelled;
                    v.fake = videos[i].fake;
                    v.score = std::numeric_limits<double>::quiet_NaN();
                    v.error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
                }
                for (const VideoMethodMetrics &m : v.methods) {
                    deepfake::ExplanationMetrics summaryOnly;
                    summaryOnly.summary = m.summary;
                    perMethod[m.method].push_back(summaryOnly);
                }
                if (v.labelled && std::isfinite(v.score)) {
                    scores.push_back(v.score);
                    labels.push_back(v.fake);
                }
                results->videos.append(v);
            }
            for (auto it = perMethod.cbegin(); it != perMethod.cend(); ++it)
                results->folder.insert(it.key(), deepfake::aggregateVideos(it.value()));
            const bool bothClasses = std::count(labels.begin(), labels.end(), true) > 0 && std::count(labels.begin(), labels.end(), false) > 0;
            if (bothClasses)
                results->detection = deepfake::detectionQuality(scores, labels);
            return QVariant::fromValue(results);
        },
        [this](const QVariant &result) {
            m_results = *result.value<std::shared_ptr<DeepfakeMetricsResults>>();
            Q_EMIT resultsChanged();
        },
        [this](const QString &error) { Q_EMIT problem(tr("The explanations could not be scored: %1").arg(error)); });
}

} // namespace periscope::app
