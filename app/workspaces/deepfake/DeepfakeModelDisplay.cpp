// SPDX-License-Identifier: GPL-3.0-or-later
// DeepfakeModel's display side: the frame under the playhead decoded off the UI thread (the latest
// request winning), with its explanation map read from the cache when it is not in memory and, for
// a fake from a folder, its original frame and mask; recent frames and maps kept in memory so
// scrubbing back over them never waits.
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include <QtConcurrent>

#include <cmath>
#include <limits>

namespace periscope::app {

struct DeepfakeModel::DecodedFrame {
    qint64 index = -1;
    quint64 video = 0;      // the video generation it was decoded for
    quint64 generation = 0; // the detector generation its map belongs to
    QImage rgb;
    periscope::Image cropMap; // read from the cache when the frame is explained but its map is not in memory
    std::optional<CompanionSource::Frame> companion;
    QString error;
};

std::function<QImage(qint64, QSize)> DeepfakeModel::thumbnailProvider() const
{
    auto source = std::make_shared<VideoFrameSource>(m_video.path);
    return [source](qint64 frame, QSize size) {
        try {
            return source->image(frame).scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        } catch (const std::exception &) {
            return QImage(); // the timeline shows a gap; the frame view reports the damage
        }
    };
}

void DeepfakeModel::setCurrentFrame(qint64 frame)
{
    if (!hasVideo())
        return;
    frame = std::clamp<qint64>(frame, 0, m_video.frameCount - 1);
    m_currentIndex = frame;
    // Far from where the explanation job is working: move it here, unless this frame is done.
    if (m_explain.isBusy() && m_entries[frame].frame < 0 && m_video.faces[frame] &&
        (frame < m_explainFrom || frame > m_explainFrontier + 32))
        explainFrom(frame);
    if (const QImage *rgb = m_recentFrames.object(frame);
        rgb && (m_entries[frame].frame < 0 || hasCropMap(frame)) && (!m_companionSource || m_recentCompanions.contains(frame))) {
        compose(frame, *rgb, {}); // everything is in memory: no wait at all
        return;
    }
    requestFrame(frame);
}

bool DeepfakeModel::hasCropMap(qint64 frame) const
{
    return m_cropMaps.contains(frame);
}

void DeepfakeModel::requestFrame(qint64 frame)
{
    if (!m_source)
        return;
    if (m_decode.isRunning()) {
        m_pendingFrame = frame; // the latest request wins; those in between are skipped
        return;
    }
    m_pendingFrame = -1;
    auto source = m_source;
    auto cache = (m_entries[frame].frame >= 0 && !hasCropMap(frame)) ? m_cache : nullptr;
    auto companions = m_recentCompanions.contains(frame) ? nullptr : m_companionSource;
    const quint64 generation = m_detectorGeneration, video = m_videoGeneration;
    m_decode.setFuture(QtConcurrent::run([source, cache, companions, frame, generation, video] {
        auto out = std::make_shared<DecodedFrame>();
        out->index = frame;
        out->video = video;
        out->generation = generation;
        try {
            out->rgb = source->image(frame);
            if (cache)
                out->cropMap = cache->heatmap(frame);
            if (companions)
                out->companion = companions->at(frame);
        } catch (const std::exception &e) {
            out->error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        }
        return out;
    }));
}

void DeepfakeModel::frameDecoded()
{
    const std::shared_ptr<DecodedFrame> decoded = m_decode.result();
    const qint64 pending = m_pendingFrame;
    if (!decoded || decoded->video != m_videoGeneration) {
        // Decoded for a video no longer open.
    } else if (decoded->error.isEmpty() && m_video.frameCount > decoded->index) {
        m_recentFrames.insert(decoded->index, new QImage(decoded->rgb), cacheCost(decoded->rgb.sizeInBytes()));
        if (decoded->companion) {
            const CompanionSource::Frame &c = *decoded->companion;
            if (!c.error.isEmpty() && !std::exchange(m_companionProblemSaid, true))
                Q_EMIT problem(tr("Frame %1: %2").arg(decoded->index).arg(c.error));
            m_recentCompanions.insert(decoded->index, new CompanionSource::Frame(c),
                                      cacheCost(c.original.sizeInBytes() + c.mask.sizeInBytes()));
        }
        if (decoded->generation == m_detectorGeneration && !decoded->cropMap.isNull())
            m_cropMaps.insert(decoded->index, new periscope::Image(decoded->cropMap),
                              cacheCost(qint64(decoded->cropMap.width()) * decoded->cropMap.height() * 4));
        if (decoded->index == m_currentIndex)
            compose(decoded->index, decoded->rgb, {});
    } else if (!decoded->error.isEmpty()) {
        Q_EMIT problem(tr("Frame %1 cannot be decoded: %2").arg(decoded->index).arg(decoded->error));
    }
    if (pending >= 0 && hasVideo())
        requestFrame(pending);
}

void DeepfakeModel::compose(qint64 index, const QImage &rgb, const periscope::Image &cropMap)
{
    DeepfakeFrame frame;
    frame.index = index;
    frame.rgb = rgb;
    frame.box = index < m_video.faces.size() ? m_video.faces[index] : std::nullopt;
    frame.score = index < m_video.scores.size() ? m_video.scores[index] : std::numeric_limits<double>::quiet_NaN();
    if (const CompanionSource::Frame *companion = m_recentCompanions.object(index)) {
        frame.original = companion->original;
        frame.mask = companion->mask;
    }
    if (index < m_entries.size() && m_entries[index].frame >= 0) {
        const deepfake::ExplanationCache::Entry &e = m_entries[index];
        frame.box = e.box; // the box the detector was given
        const periscope::Image *map = cropMap.isNull() ? m_cropMaps.object(index) : &cropMap;
        if (map && !rgb.isNull()) {
            try {
                frame.heatmap = deepfake::heatmapInFrame(*map, e.crop, rgb.width(), rgb.height(), true);
            } catch (const std::exception &error) {
                Q_EMIT problem(tr("The explanation of frame %1 cannot be shown: %2").arg(index).arg(QString::fromUtf8(error.what())));
            }
        }
    }
    m_frame = std::move(frame);
    Q_EMIT frameReady();
}

int DeepfakeModel::cacheCost(qint64 bytes)
{
    return int(std::max<qint64>(1, bytes / 1024));
}

} // namespace periscope::app
