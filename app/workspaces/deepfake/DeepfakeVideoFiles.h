// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake workspace reads from a video and keeps of it on disk, apart from its model:
// frames read in order where it can (playback, the explanation job) and by seeking otherwise,
// and the face boxes found in it, cached so that a video opened again is not searched again.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/ManipulationMasks.h"
#include "engine/media/video/VideoReader.h"

#include <QImage>
#include <QString>
#include <QVector>

#include <memory>
#include <mutex>
#include <optional>

namespace periscope::app {

// One reader, one caller at a time: frame `index` by readNext when it follows the last one read,
// by a seek otherwise. Opens the file on first use; throws periscope::Error like VideoReader.
class VideoFrameSource {
public:
    explicit VideoFrameSource(QString path) : m_path(std::move(path)) {}
    media::VideoFrame frame(qint64 index);
    QImage image(qint64 index); // 8-bit RGB, a deep copy

private:
    std::mutex m_mutex;
    QString m_path;
    std::unique_ptr<media::VideoReader> m_reader;
    qint64 m_next = -1; // what readNext would return
};

// What a video of a labelled folder comes with: the real video a fake was made from, and where
// its frames were manipulated (mask images or a mask video, or the difference to the original).
struct VideoCompanions {
    QString original;          // empty: none (a real video, or a fake whose original is unknown)
    QString masks;             // a mask folder or video; empty: none
    bool differenceMasks = false; // without masks: the difference to the original, DFDC-style
    deepfake::DifferenceMaskSettings difference;
    bool isEmpty() const { return original.isEmpty() && masks.isEmpty(); }
    bool hasMasks() const { return !masks.isEmpty() || (differenceMasks && !original.isEmpty()); }
    // The masks as the engine reads them; null without any. Throws periscope::Error.
    std::unique_ptr<deepfake::ManipulationMasks> openMasks(const QString &video) const;
};

// A video's original frame and mask, frame by frame, one caller at a time; what cannot be read
// (past the original's end, a damaged mask) comes back null with the reason.
class CompanionSource {
public:
    CompanionSource(QString video, VideoCompanions companions);
    struct Frame {
        QImage original;  // 8-bit RGB; null: none
        QImage mask;      // 8-bit gray, 255 where manipulated; null: none
        QString error;
    };
    Frame at(qint64 index);
    const VideoCompanions &companions() const { return m_companions; }

private:
    std::mutex m_mutex;
    QString m_video;
    VideoCompanions m_companions;
    std::unique_ptr<VideoFrameSource> m_original;
    std::unique_ptr<deepfake::ManipulationMasks> m_masks;
    bool m_masksOpened = false;
};

// The face boxes of every frame of `video`, as writeFaceBoxCache left them under `root`
// (<root>/faces/<sha1 of path, size and time>.json); nullopt when there are none, or they are
// for another version of the file or another frame count.
std::optional<QVector<std::optional<deepfake::FaceBox>>> readFaceBoxCache(const QString &root, const QString &video, qint64 frameCount);
// Best effort: a cache that cannot be written means the faces are searched again next time.
void writeFaceBoxCache(const QString &root, const QString &video, const QVector<std::optional<deepfake::FaceBox>> &faces);

} // namespace periscope::app

namespace periscope::deepfake {
class ExplanationCache;
class FrameExplainer;
} // namespace periscope::deepfake

namespace periscope::app {

// Explains every frame of `video` with a face that `cache` does not hold yet, in one pass over the
// video: the faces from the face-box cache under `faceCacheRoot` (found with the Haar detector and
// tracker when it has none, and then kept there, as the workspace's own scan does), the frames in
// the explainer's batches, each batch stored as it is done (a cancelled pass keeps what it did).
// Returns the number of frames explained. Throws periscope::Error; cancellable between frames.
qint64 explainVideoIntoCache(const QString &video, deepfake::FrameExplainer &explainer, deepfake::ExplanationCache &cache,
                             const QString &faceCacheRoot, const JobControl &control);

} // namespace periscope::app
