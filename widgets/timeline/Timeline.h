// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFuture>
#include <QImage>
#include <QMap>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

namespace periscope::widgets {

// A video scrubber: thumbnails along the top (made on a worker thread by a provider the
// workspace gives, e.g. one that decodes with its own VideoReader), a ruler with frame numbers
// and the current timecode, and a track area where workspaces draw per-frame curves (a
// detector's score, an explanation's faithfulness) and markers. Click or drag to scrub;
// Space plays and pauses, Left/Right step, Home/End jump.
class Timeline : public QWidget {
    Q_OBJECT
public:
    using ThumbnailProvider = std::function<QImage(qint64 frame, QSize size)>;

    explicit Timeline(QWidget *parent = nullptr);
    ~Timeline() override;

    void setVideo(qint64 frameCount, double frameRate);
    qint64 frameCount() const { return m_frameCount; }
    double frameRate() const { return m_frameRate; }
    qint64 currentFrame() const { return m_current; }
    void setCurrentFrame(qint64 frame);

    bool isPlaying() const { return m_timer.isActive(); }
    void play();
    void pause();
    void togglePlay();
    void step(qint64 frames);

    // "HH:MM:SS:FF", frames counted within the second.
    static QString timecode(qint64 frame, double frameRate);

    int addTrack(const QString &name, const QVector<double> &values, QColor color, double low = 0.0, double high = 1.0);
    void setTrackValue(int track, qint64 frame, double value);
    void addMarker(qint64 frame, const QString &label, QColor color);
    void clearMarkers();
    int markerCount() const { return int(m_markers.size()); }
    void clearTracks(); // and the markers

    // Requests `count` evenly spaced thumbnails; replaces any request still running.
    void setThumbnailProvider(ThumbnailProvider provider, int count = 12);
    int thumbnailCount() const { return int(m_thumbnails.size()); }
    // Every thumbnail asked for has arrived (or none was asked for).
    bool thumbnailsComplete() const { return !m_hasThumbnails || m_thumbnails.size() >= m_thumbnailsRequested; }

    int xOfFrame(qint64 frame) const;
    qint64 frameAtX(int x) const;

Q_SIGNALS:
    void currentFrameChanged(qint64 frame);
    void playingChanged(bool playing);
    void thumbnailsReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override { return QSize(640, 140); }

private:
    struct Track {
        QString name;
        QVector<double> values;
        QColor color;
        double low, high;
    };
    struct Marker {
        qint64 frame;
        QString label;
        QColor color;
    };
    void stopThumbnails();
    QRect thumbnailStrip() const;
    QRect ruler() const;
    QRect trackArea() const;

    qint64 m_frameCount = 0;
    double m_frameRate = 25.0;
    qint64 m_current = 0;
    QTimer m_timer;
    QVector<Track> m_tracks;
    QVector<Marker> m_markers;
    QMap<qint64, QImage> m_thumbnails;
    qsizetype m_thumbnailsRequested = 0;
    bool m_hasThumbnails = false;
    QFuture<void> m_thumbnailJob;
    std::shared_ptr<std::atomic<bool>> m_thumbnailCancel;
};

} // namespace periscope::widgets
