// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include "app/figures/ImageConversion.h"
#include "engine/core/errors/Error.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/deepfake/FrameExplanations.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace periscope::app {

media::VideoFrame VideoFrameSource::frame(qint64 index)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_reader) {
        m_reader = media::VideoReader::open(m_path.toStdString());
        m_next = 0;
    }
    media::VideoFrame frame;
    if (index != m_next || !m_reader->readNext(frame) || frame.index != index)
        frame = m_reader->frameAt(index);
    m_next = index + 1;
    return frame;
}

QImage VideoFrameSource::image(qint64 index)
{
    return toQImage(frame(index).rgb).copy();
}

std::unique_ptr<deepfake::ManipulationMasks> VideoCompanions::openMasks(const QString &video) const
{
    if (!masks.isEmpty())
        return deepfake::ManipulationMasks::fromFile(masks.toStdString());
    if (differenceMasks && !original.isEmpty())
        return deepfake::ManipulationMasks::fromDifference(video.toStdString(), original.toStdString(), difference);
    return nullptr;
}

CompanionSource::CompanionSource(QString video, VideoCompanions companions)
    : m_video(std::move(video)), m_companions(std::move(companions))
{
    if (!m_companions.original.isEmpty())
        m_original = std::make_unique<VideoFrameSource>(m_companions.original);
}

CompanionSource::Frame CompanionSource::at(qint64 index)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    Frame out;
    const auto reason = [](const std::exception &e) { return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0); };
    if (m_original) {
        try {
            out.original = m_original->image(index);
        } catch (const std::exception &e) {
            out.error = QObject::tr("the original has no frame %1 (%2)").arg(index).arg(reason(e));
        }
    }
    try {
        if (!m_masksOpened) {
            m_masksOpened = true;
            m_masks = m_companions.openMasks(m_video);
        }
        if (m_masks) {
            const periscope::Image mask = m_masks->at(index);
            if (!mask.isNull())
                out.mask = toQImage(mask).copy();
        }
    } catch (const std::exception &e) {
        out.error = QObject::tr("the mask of frame %1 cannot be read: %2").arg(index).arg(reason(e));
    }
    return out;
}

namespace {

// The face boxes of a video, kept beside the explanations so a video opened again is not
// searched again: <cache>/deepfake/faces/<sha1 of path, size and time>.json.
QString faceCachePath(const QString &root, const QString &video)
{
    const QFileInfo file(video);
    const QByteArray key = (file.absoluteFilePath() + QLatin1Char('|') + QString::number(file.size()) + QLatin1Char('|') +
                            QString::number(file.lastModified().toMSecsSinceEpoch()))
                               .toUtf8();
    return root + QStringLiteral("/faces/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex()) + QStringLiteral(".json");
}

} // namespace

std::optional<QVector<std::optional<deepfake::FaceBox>>> readFaceBoxCache(const QString &root, const QString &video, qint64 frameCount)
{
    QFile file(faceCachePath(root, video));
    if (file.size() > 64ll * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray boxes = json.value(QStringLiteral("boxes")).toArray();
    if (json.value(QStringLiteral("format")).toInt() != 1 || boxes.size() != frameCount)
        return std::nullopt;
    QVector<std::optional<deepfake::FaceBox>> out(frameCount);
    for (qint64 i = 0; i < frameCount; ++i) {
        const QJsonArray b = boxes.at(i).toArray();
        if (b.size() == 4 && b.at(2).toDouble() > 0.0 && b.at(3).toDouble() > 0.0)
            out[i] = deepfake::FaceBox{b.at(0).toDouble(), b.at(1).toDouble(), b.at(2).toDouble(), b.at(3).toDouble()};
    }
    return out;
}

void writeFaceBoxCache(const QString &root, const QString &video, const QVector<std::optional<deepfake::FaceBox>> &faces)
{
    QJsonArray boxes;
    for (const std::optional<deepfake::FaceBox> &b : faces)
        boxes.append(b ? QJsonValue(QJsonArray{b->left, b->top, b->width, b->height}) : QJsonValue());
    const QString path = faceCachePath(root, video);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("boxes"), boxes}}).toJson(QJsonDocument::Compact));
        file.commit(); // a cache: when it cannot be written the faces are searched again next time
    }
}

qint64 explainVideoIntoCache(const QString &video, deepfake::FrameExplainer &explainer, deepfake::ExplanationCache &cache,
                             const QString &faceCacheRoot, const JobControl &control)
{
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video.toStdString(), control);
    const qint64 frameCount = reader->info().frameCount;
    if (frameCount < 1)
        throw Error(QFileInfo(video).fileName().toStdString() + " has no frames");
    const auto known = readFaceBoxCache(faceCacheRoot, video, frameCount);
    std::unique_ptr<deepfake::FaceFollower> follower = known ? nullptr : std::make_unique<deepfake::FaceFollower>(std::string());
    QVector<std::optional<deepfake::FaceBox>> found;
    std::vector<deepfake::FaceFrame> batch;
    qint64 explained = 0;
    const auto flush = [&] {
        if (batch.empty())
            return;
        cache.store(explainer.explain(batch, control));
        explained += qint64(batch.size());
        batch.clear();
    };
    media::VideoFrame frame;
    while (frame.index + 1 < frameCount && reader->readNext(frame)) {
        control.throwIfCancelled();
        const std::optional<deepfake::FaceBox> box = known ? (*known)[frame.index] : follower->at(frame.index, frame.rgb);
        if (!known)
            found.append(box);
        if (box && !cache.contains(frame.index))
            batch.push_back({frame.index, frame.rgb.copy(), *box});
        if (std::int64_t(batch.size()) >= explainer.batchFrames())
            flush();
        if (frame.index % 16 == 0)
            control.reportProgress(double(frame.index + 1) / double(frameCount), "frame " + std::to_string(frame.index + 1));
    }
    flush();
    if (!known) {
        found.resize(frameCount); // a damaged tail has no faces
        writeFaceBoxCache(faceCacheRoot, video, found);
    }
    return explained;
}

} // namespace periscope::app
