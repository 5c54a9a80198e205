// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include "engine/core/image/Image.h"
#include "engine/deepfake/FrameExplanations.h"

#include <QCache>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace periscope::app {

class JobManager;

// The video as the DeepFake workspace knows it: its size and timing, where the face is in each
// frame, and the detector's score of each explained frame.
struct DeepfakeVideo {
    QString path;
    int width = 0, height = 0;
    double frameRate = 25.0;
    qint64 frameCount = 0;
    qint64 facesScanned = 0;                              // frames 0 .. facesScanned - 1 have been searched
    QVector<std::optional<deepfake::FaceBox>> faces;      // per frame (nullopt: no face, or not searched yet)
    QVector<double> scores;                               // P(fake) per frame; NaN until explained
    qint64 explained() const;
    double meanScore() const;                             // over the explained frames; NaN without any
};

// The frame on screen with what is known of it.
struct DeepfakeFrame {
    qint64 index = -1;
    QImage rgb;                           // the decoded frame
    std::optional<deepfake::FaceBox> box;
    double score = 0.0;                   // P(fake); NaN until explained
    periscope::Image heatmap;             // full-frame, normalised to [0, 1]; null until explained
    QImage original;                      // the fake's original at this frame; null: none
    QImage mask;                          // where it was manipulated (gray, 255: yes); null: none
};

// What the DeepFake workspace holds and computes: the open video, the faces found in it (Haar
// detector and tracker over every frame, a job), the detector (a one-logit EfficientNet) and the
// explanation method, and the score and explanation of every frame, computed by a background job
// that starts at the playhead and goes on through the video, stored on disk per video, model and
// method (ExplanationCache), so scrubbing over explained frames never waits for the network and a
// video reopens explained. Frames are decoded off the UI thread, the latest request winning.
class DeepfakeModel : public QObject {
    Q_OBJECT
public:
    explicit DeepfakeModel(JobManager *jobs, QObject *parent = nullptr);
    ~DeepfakeModel() override;
    JobManager *jobs() const;

    // Opens a video (checked in a job: a file that is not a video gets problem()), with the
    // playhead at `frame` (clamped to the video) once its length is known, and what it comes with
    // in its folder (original, masks), shown beside each frame. Opened at frame 0, the playhead
    // moves to the first face once the scan finds it (unless it was moved meanwhile).
    void open(const QString &path, qint64 frame = 0, const VideoCompanions &companions = {});
    const VideoCompanions &companions() const { return m_companions; }
    void clear();
    const DeepfakeVideo &video() const { return m_video; }
    bool hasVideo() const { return m_video.frameCount > 0; }

    // Weights (a path) or a catalogue name; empty: none (frames and faces only).
    void setModel(const QString &nameOrPath);
    QString modelName() const { return m_modelName; }
    bool hasDetector() const { return m_explainer != nullptr; }
    QString modelDescription() const { return m_modelDescription; }

    // The explanations of this video by this detector and method; null until the detector is loaded.
    std::shared_ptr<deepfake::ExplanationCache> explanationCache() const { return m_cache; }
    // Reads the explanations of the video again from the cache (another job stored more of them).
    void reloadExplanations() { prepareDetector(); }

    // gradcam, gradcampp, ig, smoothgrad, occlusion.
    void setMethod(const QString &method);
    QString method() const { return m_method; }
    static QStringList methods();             // every method; "rollout" needs a clip model
    bool explainsClips() const;               // the loaded detector is a clip model (MViT)

    // Whether the background explanation runs (on by default).
    void setExplaining(bool on);
    bool isExplaining() const { return m_explaining; }

    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    // Where a run of frames at or above the threshold begins: an explained frame at or above it
    // whose previous explained frame (gaps without a face skipped) is below it, or that has none.
    QVector<qint64> thresholdCrossings() const;

    void setCurrentFrame(qint64 frame);
    qint64 currentFrame() const { return m_currentIndex; }
    const DeepfakeFrame &frame() const { return m_frame; }

    // Thumbnails for the timeline, decoded by their own reader on the timeline's worker thread.
    std::function<QImage(qint64 frame, QSize size)> thumbnailProvider() const;

    // Where explanations and face boxes are kept: by default <cache>/deepfake
    // (QStandardPaths::CacheLocation); tests give their own folder.
    static QString defaultCacheRoot();
    QString cacheRoot() const { return m_cacheRoot; }
    void setCacheRoot(const QString &folder) { m_cacheRoot = folder; }

    void cancel();
    bool isBusy() const { return JobSlot::anyBusy({&m_scan, &m_prepare, &m_explain}); }
    // A frame is being decoded for display, or waits to be.
    bool isDecoding() const { return m_decode.isRunning() || m_pendingFrame >= 0; }

Q_SIGNALS:
    void videoChanged();                     // opened, cleared, or its size and length are known
    void facesChanged(qint64 first, qint64 last);
    void scoresChanged(qint64 first, qint64 last);
    void frameReady();                       // frame() changed
    void modelChanged();
    void methodChanged();
    void thresholdChanged();
    void busyChanged(bool busy);
    void message(const QString &text);
    void problem(const QString &text);

private:
    struct DecodedFrame;
    struct ExplainedBatch;

    void scanFaces();
    void showFirstFaceIfAtStart();
    void prepareDetector();
    void explainFrom(qint64 frame, qint64 minimumFrames = 1);
    void explainIfIdle(qint64 minimumFrames = 1);
    void receiveBatch(const ExplainedBatch &batch);
    void requestFrame(qint64 frame);
    void frameDecoded();
    void compose(qint64 index, const QImage &rgb, const periscope::Image &cropMap);
    bool hasCropMap(qint64 frame) const;
    static int cacheCost(qint64 bytes); // of a QCache entry: kilobytes

    QPointer<JobManager> m_jobs;
    DeepfakeVideo m_video;
    QString m_modelName, m_modelDescription;
    QString m_method = QStringLiteral("gradcam");
    QString m_cacheRoot = defaultCacheRoot();
    bool m_explaining = true;
    bool m_startAtFirstFace = false;
    double m_threshold = 0.5;
    quint64 m_videoGeneration = 0;    // bumped when the video changes: older scans are dropped
    quint64 m_detectorGeneration = 0; // bumped when the video, the model or the method change

    std::shared_ptr<deepfake::FrameExplainer> m_explainer;
    std::shared_ptr<deepfake::ExplanationCache> m_cache;
    QVector<deepfake::ExplanationCache::Entry> m_entries; // per frame; frame -1: not explained
    qint64 m_explainFrom = -1, m_explainFrontier = -1;     // the running job's start and last frame done

    JobSlot m_scan, m_prepare, m_explain;

    // Display: one decode in flight, the latest request next; recent frames and maps in memory.
    std::shared_ptr<VideoFrameSource> m_source;
    VideoCompanions m_companions;
    std::shared_ptr<CompanionSource> m_companionSource; // null without companions
    bool m_companionProblemSaid = false;                // one message per video, not one per frame
    QFutureWatcher<std::shared_ptr<DecodedFrame>> m_decode;
    qint64 m_pendingFrame = -1;
    qint64 m_currentIndex = -1;
    DeepfakeFrame m_frame;
    QCache<qint64, QImage> m_recentFrames;         // cost: kilobytes
    QCache<qint64, periscope::Image> m_cropMaps;   // cost: kilobytes
    QCache<qint64, CompanionSource::Frame> m_recentCompanions; // cost: kilobytes
};

} // namespace periscope::app
