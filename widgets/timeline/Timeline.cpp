// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/timeline/Timeline.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QtConcurrent>

#include <cmath>

namespace periscope::widgets {

namespace {
constexpr int kRulerHeight = 26;
constexpr int kThumbnailHeight = 54;
constexpr int kMargin = 8;
} // namespace

Timeline::Timeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(kRulerHeight + 40);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_current + 1 >= m_frameCount) {
            pause();
            return;
        }
        setCurrentFrame(m_current + 1);
    });
}

Timeline::~Timeline()
{
    stopThumbnails();
}

void Timeline::setVideo(qint64 frameCount, double frameRate)
{
    pause();
    stopThumbnails();
    m_frameCount = std::max<qint64>(0, frameCount);
    m_frameRate = frameRate > 0 ? frameRate : 25.0;
    m_current = 0;
    m_tracks.clear();
    m_markers.clear();
    m_thumbnails.clear();
    m_hasThumbnails = false;
    m_timer.setInterval(int(std::lround(1000.0 / m_frameRate)));
    update();
    Q_EMIT currentFrameChanged(m_current);
}

void Timeline::setCurrentFrame(qint64 frame)
{
    frame = m_frameCount > 0 ? std::clamp<qint64>(frame, 0, m_frameCount - 1) : 0;
    if (frame == m_current)
        return;
    m_current = frame;
    update();
    Q_EMIT currentFrameChanged(frame);
}

void Timeline::play()
{
    if (isPlaying() || m_frameCount <= 1)
        return;
    if (m_current + 1 >= m_frameCount)
        setCurrentFrame(0); // play again from the start
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void Timeline::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void Timeline::togglePlay()
{
    isPlaying() ? pause() : play();
}

void Timeline::step(qint64 frames)
{
    pause();
    setCurrentFrame(m_current + frames);
}

QString Timeline::timecode(qint64 frame, double frameRate)
{
    const qint64 perSecond = std::max<qint64>(1, std::llround(frameRate));
    const qint64 seconds = frame / perSecond;
    return QStringLiteral("%1:%2:%3:%4")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(frame % perSecond, 2, 10, QLatin1Char('0'));
}

int Timeline::addTrack(const QString &name, const QVector<double> &values, QColor color, double low, double high)
{
    m_tracks.append({name, values, color, low, high > low ? high : low + 1.0});
    update();
    return int(m_tracks.size()) - 1;
}

void Timeline::setTrackValue(int track, qint64 frame, double value)
{
    if (track < 0 || track >= m_tracks.size() || frame < 0)
        return;
    QVector<double> &values = m_tracks[track].values;
    if (values.size() <= frame)
        values.resize(frame + 1, std::nan(""));
    values[frame] = value;
    update();
}

void Timeline::addMarker(qint64 frame, const QString &label, QColor color)
{
    m_markers.append({frame, label, color});
    update();
}

void Timeline::clearMarkers()
{
    m_markers.clear();
    update();
}

void Timeline::clearTracks()
{
    m_tracks.clear();
    m_markers.clear();
    update();
}

void Timeline::stopThumbnails()
{
    if (m_thumbnailCancel)
        m_thumbnailCancel->store(true);
    // The provider returns after the frame it is on; waiting here keeps it from outliving what
    // it reads (a decoder the workspace owns).
    m_thumbnailJob.waitForFinished();
}

void Timeline::setThumbnailProvider(ThumbnailProvider provider, int count)
{
    stopThumbnails();
    m_thumbnails.clear();
    m_hasThumbnails = provider && m_frameCount > 0 && count > 0;
    update();
    if (!m_hasThumbnails)
        return;
    count = int(std::min<qint64>(count, m_frameCount));
    m_thumbnailsRequested = count;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_thumbnailCancel = cancel;
    const QSize size(kThumbnailHeight * 16 / 9, kThumbnailHeight);
    const qint64 frames = m_frameCount;
    QPointer<Timeline> self(this);
    m_thumbnailJob = QtConcurrent::run([self, provider, count, size, frames, cancel] {
        for (int k = 0; k < count && !cancel->load(); ++k) {
            const qint64 frame = count == 1 ? 0 : qint64(k) * (frames - 1) / (count - 1);
            const QImage thumbnail = provider(frame, size);
            const bool last = k == count - 1;
            QMetaObject::invokeMethod(
                self.data(), [self, frame, thumbnail, last, cancel] {
                    if (!self || cancel->load())
                        return;
                    self->m_thumbnails.insert(frame, thumbnail);
                    self->update();
                    if (last)
                        Q_EMIT self->thumbnailsReady();
                },
                Qt::QueuedConnection);
        }
    });
}

QRect Timeline::thumbnailStrip() const
{
    return m_hasThumbnails ? QRect(kMargin, 0, width() - 2 * kMargin, kThumbnailHeight) : QRect();
}

QRect Timeline::ruler() const
{
    const int top = m_hasThumbnails ? kThumbnailHeight : 0;
    return QRect(kMargin, top, width() - 2 * kMargin, kRulerHeight);
}

QRect Timeline::trackArea() const
{
    const QRect r = ruler();
    return QRect(kMargin, r.bottom() + 1, width() - 2 * kMargin, std::max(0, height() - r.bottom() - 1));
}

int Timeline::xOfFrame(qint64 frame) const
{
    const QRect r = ruler();
    if (m_frameCount <= 1)
        return r.left();
    return r.left() + int(std::lround(double(frame) * (r.width() - 1) / double(m_frameCount - 1)));
}

qint64 Timeline::frameAtX(int x) const
{
    const QRect r = ruler();
    if (m_frameCount <= 1 || r.width() <= 1)
        return 0;
    return std::clamp<qint64>(std::llround(double(x - r.left()) * double(m_frameCount - 1) / (r.width() - 1)), 0, m_frameCount - 1);
}

void Timeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRect r = ruler(), tracks = trackArea();

    // Thumbnails, each drawn at its frame's position.
    if (m_hasThumbnails) {
        const QRect strip = thumbnailStrip();
        p.fillRect(strip, QColor(30, 30, 30));
        for (auto it = m_thumbnails.constBegin(); it != m_thumbnails.constEnd(); ++it) {
            const QImage &image = it.value();
            const int x = std::clamp(xOfFrame(it.key()) - image.width() / 2, strip.left(), strip.right() - image.width());
            p.drawImage(QRect(QPoint(x, strip.top()), image.size().scaled(strip.size(), Qt::KeepAspectRatio)), image);
        }
    }

    // Ruler: ticks at a readable spacing, labelled with frame numbers.
    p.fillRect(r, palette().window());
    p.setPen(palette().text().color());
    const double pixelsPerFrame = m_frameCount > 1 ? double(r.width()) / double(m_frameCount - 1) : 1.0;
    qint64 stepFrames = 1;
    for (const qint64 candidate : {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000})
        if (candidate * pixelsPerFrame >= 60.0) {
            stepFrames = candidate;
            break;
        }
    for (qint64 frame = 0; frame < m_frameCount; frame += stepFrames) {
        const int x = xOfFrame(frame);
        p.drawLine(x, r.bottom() - 6, x, r.bottom());
        p.drawText(QPoint(x + 2, r.bottom() - 8), QString::number(frame));
    }
    // The current timecode in a box of its own, over the ruler's labels.
    const QString current = QStringLiteral("%1  (%2)").arg(timecode(m_current, m_frameRate)).arg(m_current);
    QRect box = p.fontMetrics().boundingRect(current).adjusted(-4, -1, 4, 1);
    box.moveTopRight(QPoint(r.right(), r.top() + 1));
    p.fillRect(box, palette().window().color().darker(112));
    p.drawText(box, Qt::AlignCenter, current);

    // Tracks: one curve each, scaled to its own range; gaps where values are NaN.
    for (const Track &track : std::as_const(m_tracks)) {
        QPainterPath path;
        bool drawing = false;
        for (qint64 frame = 0; frame < std::min<qint64>(track.values.size(), m_frameCount); ++frame) {
            const double v = track.values.at(frame);
            if (std::isnan(v)) {
                drawing = false;
                continue;
            }
            const double t = std::clamp((v - track.low) / (track.high - track.low), 0.0, 1.0);
            const QPointF point(xOfFrame(frame), tracks.bottom() - 2 - t * (tracks.height() - 4));
            drawing ? path.lineTo(point) : path.moveTo(point);
            drawing = true;
        }
        p.setPen(QPen(track.color, 2.0));
        p.drawPath(path);
    }
    for (const Marker &marker : std::as_const(m_markers)) {
        const int x = xOfFrame(marker.frame);
        p.setPen(QPen(marker.color, 2.0));
        p.drawLine(x, tracks.top(), x, tracks.bottom());
        p.drawText(QPoint(x + 3, tracks.top() + 12), marker.label);
    }

    // The playhead across everything.
    const int x = xOfFrame(m_current);
    p.setPen(QPen(QColor(220, 40, 40), 2.0));
    p.drawLine(x, 0, x, height());
}

void Timeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        pause();
        setCurrentFrame(frameAtX(event->position().toPoint().x()));
    }
}

void Timeline::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        setCurrentFrame(frameAtX(event->position().toPoint().x()));
}

void Timeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space: togglePlay(); break;
    case Qt::Key_Left: step(event->modifiers() & Qt::ShiftModifier ? -10 : -1); break;
    case Qt::Key_Right: step(event->modifiers() & Qt::ShiftModifier ? 10 : 1); break;
    case Qt::Key_Home: step(-m_frameCount); break;
    case Qt::Key_End: step(m_frameCount); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace periscope::widgets
