// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeModel.h"

#include "app/common/Preferences.h"
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include "app/figures/ImageConversion.h"
#include "app/models/BuiltInDeepfakeModels.h"
#include "app/shell/JobManager.h"
#include "engine/core/errors/Error.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/media/video/VideoReader.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent>

#include <cmath>
#include <limits>

namespace periscope::app {

struct DeepfakeModel::ExplainedBatch {
    quint64 generation = 0;
    std::vector<deepfake::FrameExplanation> frames;
};

} // namespace periscope::app

Q_DECLARE_METATYPE(std::shared_ptr<periscope::deepfake::FrameExplainer>)
Q_DECLARE_METATYPE(std::shared_ptr<periscope::deepfake::ExplanationCache>)
Q_DECLARE_METATYPE(std::shared_ptr<periscope::Image>)

namespace periscope::app {

namespace {

constexpr int kRecentFramesKB = 256 * 1024; // decoded frames kept for scrubbing back
constexpr int kCropMapsKB = 128 * 1024;     // crop maps kept (a 224 px map is 196 KB)
constexpr qint64 kFacesPerPost = 32;        // face boxes handed over together while scanning
constexpr qint64 kFacesBeforeExplaining = 64; // while scanning, an explanation job starts for at least this many
constexpr qint64 kMaxFrames = 10'000'000;
constexpr qint64 kMaxPixels = 8192ll * 8192ll;

struct ScannedFaces {
    quint64 generation = 0;
    qint64 first = 0;
    QVector<std::optional<deepfake::FaceBox>> boxes;
};

} // namespace

qint64 DeepfakeVideo::explained() const
{
    return std::count_if(scores.cbegin(), scores.cend(), [](double s) { return !std::isnan(s); });
}

double DeepfakeVideo::meanScore() const
{
    double sum = 0.0;
    qint64 n = 0;
    for (const double s : scores)
        if (!std::isnan(s)) {
            sum += s;
            ++n;
        }
    return n > 0 ? sum / double(n) : std::numeric_limits<double>::quiet_NaN();
}

DeepfakeModel::DeepfakeModel(JobManager *jobs, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_scan(jobs), m_prepare(jobs), m_explain(jobs), m_recentFrames(kRecentFramesKB),
      m_cropMaps(kCropMapsKB), m_recentCompanions(kRecentFramesKB)
{
    for (JobSlot *slot : {&m_scan, &m_prepare, &m_explain})
        connect(slot, &JobSlot::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_decode, &QFutureWatcher<std::shared_ptr<DecodedFrame>>::finished, this, &DeepfakeModel::frameDecoded);
}

DeepfakeModel::~DeepfakeModel()
{
    // A decode still running finishes on its own copy of the source; its result goes nowhere.
    m_decode.disconnect(this);
}

JobManager *DeepfakeModel::jobs() const
{
    return m_jobs;
}

QString DeepfakeModel::defaultCacheRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/deepfake");
}

QStringList DeepfakeModel::methods()
{
    QStringList out;
    for (const std::string &name : deepfake::clipExplanationMethodNames())
        out << QString::fromStdString(name);
    return out;
}

bool DeepfakeModel::explainsClips() const
{
    return m_explainer && deepfake::isClipArchitecture(m_explainer->spec().architecture);
}

void DeepfakeModel::clear()
{
    ++m_videoGeneration;
    ++m_detectorGeneration;
    m_scan.cancel();
    m_prepare.cancel();
    m_explain.cancel();
    m_video = {};
    m_cache.reset();
    m_entries.clear();
    m_source.reset();
    m_recentFrames.clear();
    m_cropMaps.clear();
    m_recentCompanions.clear();
    m_companions = {};
    m_companionSource.reset();
    m_companionProblemSaid = false;
    m_frame = {};
    m_currentIndex = -1;
    m_pendingFrame = -1;
    Q_EMIT videoChanged();
    Q_EMIT frameReady();
}

void DeepfakeModel::open(const QString &path, qint64 startFrame, const VideoCompanions &companions)
{
    clear();
    m_video.path = QFileInfo(path).absoluteFilePath();
    m_companions = companions;
    m_startAtFirstFace = startFrame == 0;
    if (!companions.isEmpty())
        m_companionSource = std::make_shared<CompanionSource>(m_video.path, companions);
    const quint64 generation = m_videoGeneration;
    const QString video = m_video.path;
    m_scan.start(
        tr("Open %1").arg(QFileInfo(path).fileName()),
        [video, startFrame](const JobControl &control) {
            const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video.toStdString(), control);
            const media::VideoInfo &info = reader->info();
            if (info.frameCount < 1 || info.frameCount > kMaxFrames)
                throw Error(QFileInfo(video).fileName().toStdString() + " has " + std::to_string(info.frameCount) + " frames");
            if (qint64(info.width) * info.height > kMaxPixels)
                throw Error(QFileInfo(video).fileName().toStdString() + " is larger than 8192 x 8192 pixels");
            // The first frame shown comes with the video, so the view is never empty once it is open.
            const qint64 first = std::clamp<qint64>(startFrame, 0, info.frameCount - 1);
            return QVariant(QVariantMap{{QStringLiteral("width"), info.width},
                                        {QStringLiteral("height"), info.height},
                                        {QStringLiteral("frameRate"), info.frameRate > 0.0 ? info.frameRate : 25.0},
                                        {QStringLiteral("frameCount"), qint64(info.frameCount)},
                                        {QStringLiteral("first"), first},
                                        {QStringLiteral("picture"), toQImage(reader->frameAt(first).rgb).copy()}});
        },
        [this, generation, startFrame](const QVariant &result) {
            if (generation != m_videoGeneration)
                return;
            const QVariantMap opened = result.toMap();
            m_video.width = opened.value(QStringLiteral("width")).toInt();
            m_video.height = opened.value(QStringLiteral("height")).toInt();
            m_video.frameRate = opened.value(QStringLiteral("frameRate")).toDouble();
            m_video.frameCount = opened.value(QStringLiteral("frameCount")).toLongLong();
            m_video.faces = QVector<std::optional<deepfake::FaceBox>>(m_video.frameCount);
            m_video.scores = QVector<double>(m_video.frameCount, std::numeric_limits<double>::quiet_NaN());
            m_entries = QVector<deepfake::ExplanationCache::Entry>(m_video.frameCount);
            m_source = std::make_shared<VideoFrameSource>(m_video.path);
            const QImage picture = opened.value(QStringLiteral("picture")).value<QImage>();
            const qint64 first = opened.value(QStringLiteral("first")).toLongLong();
            if (!m_companionSource) // with companions, the first frame is decoded with them
                m_recentFrames.insert(first, new QImage(picture), cacheCost(picture.sizeInBytes()));
            Q_EMIT videoChanged();
            Q_EMIT message(tr("%1: %2 x %3, %4 frames at %5 fps")
                               .arg(QFileInfo(m_video.path).fileName())
                               .arg(m_video.width)
                               .arg(m_video.height)
                               .arg(m_video.frameCount)
                               .arg(m_video.frameRate, 0, 'f', 2));
            setCurrentFrame(first);
            scanFaces();
            prepareDetector();
        },
        [this, generation, path](const QString &error) {
            if (generation != m_videoGeneration)
                return;
            const QString name = QFileInfo(path).fileName();
            m_video = {};
            Q_EMIT videoChanged();
            Q_EMIT problem(tr("%1 cannot be opened as a video: %2").arg(name, error));
        });
}

void DeepfakeModel::scanFaces()
{
    const QString video = m_video.path;
    const qint64 frameCount = m_video.frameCount;
    const quint64 generation = m_videoGeneration;
    const QString root = m_cacheRoot;
    QPointer<DeepfakeModel> self(this);
    m_scan.start(
        tr("Find the faces in %1").arg(QFileInfo(video).fileName()),
        [video, frameCount, generation, root, self](const JobControl &control) {
            if (const auto cached = readFaceBoxCache(root, video, frameCount)) {
                auto all = std::make_shared<ScannedFaces>(ScannedFaces{generation, 0, *cached});
                postToReceiver(self, [all](DeepfakeModel *m) {
                    if (all->generation == m->m_videoGeneration) {
                        std::copy(all->boxes.cbegin(), all->boxes.cend(), m->m_video.faces.begin());
                        m->m_video.facesScanned = all->boxes.size();
                        Q_EMIT m->facesChanged(0, all->boxes.size() - 1);
                        m->showFirstFaceIfAtStart();
                        if (m->m_currentIndex >= 0 && !m->m_frame.rgb.isNull())
                            m->compose(m->m_currentIndex, m->m_frame.rgb, {});
                        m->explainIfIdle();
                    }
                });
                return QVariant();
            }
            const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video.toStdString(), control);
            deepfake::FaceFollower follower{std::string()};
            QVector<std::optional<deepfake::FaceBox>> all;
            all.reserve(frameCount);
            auto chunk = std::make_shared<ScannedFaces>(ScannedFaces{generation, 0, {}});
            auto hand = [&] {
                if (chunk->boxes.isEmpty())
                    return;
                postToReceiver(self, [chunk](DeepfakeModel *m) {
                    if (chunk->generation != m->m_videoGeneration)
                        return;
                    const qint64 last = std::min<qint64>(chunk->first + chunk->boxes.size(), m->m_video.faces.size());
                    for (qint64 i = chunk->first; i < last; ++i)
                        m->m_video.faces[i] = chunk->boxes[i - chunk->first];
                    m->m_video.facesScanned = std::max(m->m_video.facesScanned, last);
                    Q_EMIT m->facesChanged(chunk->first, last - 1);
                    m->showFirstFaceIfAtStart();
                    if (m->m_currentIndex >= chunk->first && m->m_currentIndex < last && !m->m_frame.rgb.isNull())
                        m->compose(m->m_currentIndex, m->m_frame.rgb, {});
                    // A job per handful of faces would crowd the Jobs panel: wait for a few batches' worth.
                    m->explainIfIdle(kFacesBeforeExplaining);
                });
                chunk = std::make_shared<ScannedFaces>(ScannedFaces{generation, chunk->first + chunk->boxes.size(), {}});
            };
            media::VideoFrame frame;
            while (all.size() < frameCount && reader->readNext(frame)) {
                control.throwIfCancelled();
                const std::optional<deepfake::FaceBox> box = follower.at(frame.index, frame.rgb);
                all.append(box);
                chunk->boxes.append(box);
                if (chunk->boxes.size() >= kFacesPerPost) {
                    hand();
                    control.reportProgress(double(all.size()) / double(frameCount), "frame " + std::to_string(all.size()));
                }
            }
            hand();
            all.resize(frameCount); // a damaged tail has no faces
            writeFaceBoxCache(root, video, all);
            return QVariant();
        },
        [this](const QVariant &) {
            explainIfIdle(); // the faces found since the last job started
        },
        [this, generation](const QString &error) {
            if (generation == m_videoGeneration)
                Q_EMIT problem(tr("The faces could not be searched: %1").arg(error));
        });
}

void DeepfakeModel::showFirstFaceIfAtStart()
{
    // Many clips open on black or titles: a video opened at its start shows its first face
    // instead, unless the playhead was moved meanwhile.
    if (!m_startAtFirstFace)
        return;
    if (m_currentIndex > 0) {
        m_startAtFirstFace = false;
        return;
    }
    for (qint64 i = 0; i < m_video.facesScanned; ++i)
        if (m_video.faces[i]) {
            m_startAtFirstFace = false;
            if (i > 0)
                setCurrentFrame(i);
            return;
        }
}

void DeepfakeModel::setModel(const QString &nameOrPath)
{
    if (nameOrPath == m_modelName && (m_explainer || m_prepare.isBusy()))
        return;
    m_modelName = nameOrPath;
    m_modelDescription.clear();
    m_explainer.reset();
    Q_EMIT modelChanged();
    prepareDetector();
}

void DeepfakeModel::setMethod(const QString &method)
{
    if (method == m_method || !methods().contains(method))
        return;
    m_method = method;
    Q_EMIT methodChanged();
    prepareDetector();
}

void DeepfakeModel::prepareDetector()
{
    // New explanations for every frame: the old ones belong to another model or method.
    ++m_detectorGeneration;
    m_explain.cancel();
    m_cache.reset();
    m_explainer.reset();
    m_cropMaps.clear();
    m_entries.fill({});
    m_video.scores.fill(std::numeric_limits<double>::quiet_NaN());
    Q_EMIT scoresChanged(0, m_video.frameCount - 1);
    if (m_currentIndex >= 0)
        compose(m_currentIndex, m_frame.rgb, {});
    if (m_modelName.isEmpty() || !hasVideo()) {
        m_prepare.cancel();
        return;
    }
    QString error;
    const QString weights = resolveDeepfakeModel(m_modelName, &error);
    if (weights.isEmpty()) {
        Q_EMIT problem(tr("The detector cannot be used: %1").arg(error));
        return;
    }
    const std::string method = m_method.toStdString();
    const std::string video = m_video.path.toStdString();
    const std::string root = cacheRoot().toStdString();
    const quint64 generation = m_detectorGeneration;
    const std::uint64_t cacheLimit = std::uint64_t(Preferences::load().explanationCacheMegabytes) << 20;
    m_prepare.start(
        tr("Load the detector %1").arg(QFileInfo(weights).fileName()),
        [weights, method, video, root, cacheLimit, current = m_currentIndex](const JobControl &control) {
            control.reportProgress(-1.0, "loading the weights");
            const deepfake::DetectorSpec spec = deepfake::detectorSpecFor(weights.toStdString(), method);
            auto explainer = std::make_shared<deepfake::FrameExplainer>(spec);
            auto cache = std::make_shared<deepfake::ExplanationCache>(root, video, explainer->spec());
            // Within the preferences' size, this video's explanations kept.
            deepfake::pruneExplanationCaches(root, cacheLimit, cache->folder());
            // The map of the frame on screen, when it was explained before: shown as the detector is.
            auto map = std::make_shared<periscope::Image>(current >= 0 ? cache->heatmap(current) : periscope::Image());
            return QVariant::fromValue(QVariantList{QVariant::fromValue(explainer), QVariant::fromValue(cache), QVariant::fromValue(map), current});
        },
        [this, generation, weights](const QVariant &result) {
            if (generation != m_detectorGeneration)
                return;
            const QVariantList parts = result.toList();
            m_explainer = parts.at(0).value<std::shared_ptr<deepfake::FrameExplainer>>();
            m_cache = parts.at(1).value<std::shared_ptr<deepfake::ExplanationCache>>();
            const auto mapOf = parts.at(2).value<std::shared_ptr<periscope::Image>>();
            const qint64 mapFrame = parts.at(3).toLongLong();
            const deepfake::DetectorSpec &spec = m_explainer->spec();
            m_modelDescription = tr("%1: %2 on %3 px faces, %4, on %5")
                                     .arg(QFileInfo(weights).fileName(), QString::fromStdString(spec.architecture))
                                     .arg(spec.inputSize)
                                     .arg(m_method, QString::fromStdString(m_explainer->deviceName()));
            qint64 first = m_video.frameCount, last = -1;
            for (const deepfake::ExplanationCache::Entry &e : m_cache->entries()) {
                if (e.frame >= m_video.frameCount)
                    continue;
                m_entries[e.frame] = e;
                m_video.scores[e.frame] = e.score;
                first = std::min<qint64>(first, e.frame);
                last = std::max<qint64>(last, e.frame);
            }
            Q_EMIT modelChanged();
            if (last >= 0) {
                Q_EMIT scoresChanged(first, last);
                Q_EMIT message(tr("%n frame(s) explained before, read from the cache", nullptr, int(m_cache->size())));
            }
            if (!mapOf->isNull() && mapFrame >= 0 && mapFrame < m_video.frameCount && m_entries[mapFrame].frame >= 0)
                m_cropMaps.insert(mapFrame, new periscope::Image(*mapOf), cacheCost(qint64(mapOf->width()) * mapOf->height() * 4));
            if (m_currentIndex >= 0 && m_entries[m_currentIndex].frame >= 0)
                setCurrentFrame(m_currentIndex); // with its map: from memory when it was on screen, else read
            explainFrom(std::max<qint64>(0, m_currentIndex));
        },
        [this, generation](const QString &error) {
            if (generation == m_detectorGeneration)
                Q_EMIT problem(tr("The detector cannot be used: %1").arg(error));
        });
}

void DeepfakeModel::setExplaining(bool on)
{
    if (on == m_explaining)
        return;
    m_explaining = on;
    if (on)
        explainFrom(std::max<qint64>(0, m_currentIndex));
    else
        m_explain.cancel();
}

void DeepfakeModel::explainIfIdle(qint64 minimumFrames)
{
    if (!m_explain.isBusy())
        explainFrom(std::max<qint64>(0, m_currentIndex), minimumFrames);
}

void DeepfakeModel::explainFrom(qint64 start, qint64 minimumFrames)
{
    if (!m_explaining || !m_explainer || !m_cache || !hasVideo())
        return;
    // A clip model scores the frames of each block of clipFrames (0 .. T-1, T .. 2T-1, ...)
    // together, wherever the playhead was when the job started: a frame's score and map do not
    // depend on where the user happened to look first, and agree with `periscope-cli deepfake`.
    const qint64 clipFrames = explainsClips() ? m_explainer->batchFrames() : 0;
    if (clipFrames > 0)
        start -= start % clipFrames;
    // The frames with a face and no explanation yet, from `start` to the end, then from the
    // beginning: what is on screen first.
    QVector<qint64> todo;
    auto consider = [&](qint64 i) {
        if (m_video.faces[i] && m_entries[i].frame < 0)
            todo.append(i);
    };
    for (qint64 i = start; i < m_video.facesScanned; ++i)
        consider(i);
    for (qint64 i = 0; i < std::min(start, m_video.facesScanned); ++i)
        consider(i);
    if (todo.isEmpty() || todo.size() < minimumFrames)
        return;
    QVector<deepfake::FaceBox> boxes;
    for (const qint64 i : todo)
        boxes.append(*m_video.faces[i]);
    m_explainFrom = todo.first();
    m_explainFrontier = todo.first();
    const auto explainer = m_explainer;
    const auto cache = m_cache;
    const QString video = m_video.path;
    const quint64 generation = m_detectorGeneration;
    QPointer<DeepfakeModel> self(this);
    m_explain.start(
        tr("Explain %n frame(s) of %1 (%2)", nullptr, int(todo.size())).arg(QFileInfo(video).fileName(), m_method),
        [todo, boxes, explainer, cache, video, generation, clipFrames, self](const JobControl &control) {
            VideoFrameSource source(video);
            const std::size_t batch = std::size_t(explainer->batchFrames());
            std::vector<deepfake::FaceFrame> faces;
            qint64 done = 0;
            auto flush = [&] {
                if (faces.empty())
                    return;
                auto out = std::make_shared<ExplainedBatch>();
                out->generation = generation;
                out->frames = explainer->explain(faces, control);
                cache->store(out->frames);
                done += qint64(faces.size());
                faces.clear();
                postToReceiver(self, [out](DeepfakeModel *m) { m->receiveBatch(*out); });
                control.reportProgress(double(done) / double(todo.size()), std::to_string(done) + " of " + std::to_string(todo.size()) + " frames");
            };
            for (qsizetype k = 0; k < todo.size(); ++k) {
                control.throwIfCancelled();
                const qint64 index = todo[k];
                faces.push_back({index, source.frame(index).rgb, boxes[k]}); // consecutive frames in order, a jump seeks
                const bool wraps = k + 1 < todo.size() && todo[k + 1] < index; // back to the video's start
                const bool blockEnds = clipFrames > 0 && k + 1 < todo.size() && todo[k + 1] / clipFrames != index / clipFrames;
                if (faces.size() >= batch || wraps || blockEnds)
                    flush();
            }
            flush();
            return QVariant();
        },
        [this](const QVariant &) {
            explainIfIdle(m_scan.isBusy() ? kFacesBeforeExplaining : 1); // faces found while it ran
        },
        [this, generation](const QString &error) {
            if (generation == m_detectorGeneration)
                Q_EMIT problem(tr("The frames could not be explained: %1").arg(error));
        });
}

void DeepfakeModel::receiveBatch(const ExplainedBatch &batch)
{
    if (batch.generation != m_detectorGeneration)
        return;
    qint64 first = m_video.frameCount, last = -1;
    bool current = false;
    for (const deepfake::FrameExplanation &e : batch.frames) {
        if (e.frame < 0 || e.frame >= m_video.frameCount)
            continue;
        m_entries[e.frame] = {e.frame, e.box, e.crop, e.score};
        m_video.scores[e.frame] = e.score;
        m_cropMaps.insert(e.frame, new periscope::Image(e.heatmap),
                          cacheCost(qint64(e.heatmap.width()) * e.heatmap.height() * 4));
        first = std::min<qint64>(first, e.frame);
        last = std::max<qint64>(last, e.frame);
        m_explainFrontier = e.frame;
        current = current || e.frame == m_currentIndex;
    }
    if (last >= 0)
        Q_EMIT scoresChanged(first, last);
    if (current && !m_frame.rgb.isNull())
        compose(m_currentIndex, m_frame.rgb, {});
}

void DeepfakeModel::setThreshold(double threshold)
{
    threshold = std::clamp(threshold, 0.0, 1.0);
    if (threshold == m_threshold)
        return;
    m_threshold = threshold;
    Q_EMIT thresholdChanged();
}

QVector<qint64> DeepfakeModel::thresholdCrossings() const
{
    QVector<qint64> out;
    bool above = false; // the previous explained frame's side; none yet counts as below
    for (qint64 i = 0; i < m_video.scores.size(); ++i) {
        const double s = m_video.scores[i];
        if (std::isnan(s))
            continue;
        if (s >= m_threshold && !above)
            out.append(i);
        above = s >= m_threshold;
    }
    return out;
}

void DeepfakeModel::cancel()
{
    m_scan.cancel();
    m_prepare.cancel();
    m_explain.cancel();
}

} // namespace periscope::app
