// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeFolder.h"

#include "engine/core/errors/Error.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/FrameExplanations.h"

#include <QDir>
#include <QFileInfo>

namespace periscope::app {

namespace {
struct ReadFolder {
    deepfake::VideoFolder folder;
};
} // namespace

} // namespace periscope::app

Q_DECLARE_METATYPE(std::shared_ptr<periscope::app::ReadFolder>)

namespace periscope::app {

DeepfakeFolder::DeepfakeFolder(JobManager *jobs, QObject *parent) : QObject(parent), m_read(jobs), m_explainAll(jobs)
{
    connect(&m_explainAll, &JobSlot::busyChanged, this, &DeepfakeFolder::explainingChanged);
}

void DeepfakeFolder::explainAll(const QString &weights, const QString &method, const QString &cacheRoot)
{
    QStringList videos;
    for (const FolderVideo &v : m_videos)
        videos << v.path;
    if (videos.isEmpty())
        return;
    m_explainAll.start(
        tr("Explain the %n video(s) of %1 (%2)", nullptr, int(videos.size())).arg(QDir(m_path).dirName(), method),
        [videos, weights, method, cacheRoot](const JobControl &control) {
            control.reportProgress(-1.0, "loading the detector");
            const deepfake::DetectorSpec spec = deepfake::detectorSpecFor(weights.toStdString(), method.toStdString());
            deepfake::FrameExplainer explainer(spec);
            qint64 explained = 0;
            QStringList failed;
            for (qsizetype i = 0; i < videos.size(); ++i) {
                const JobControl part = control.subRange(double(i) / double(videos.size()), double(i + 1) / double(videos.size()));
                try {
                    deepfake::ExplanationCache cache(cacheRoot.toStdString(), videos[i].toStdString(), spec);
                    explained += explainVideoIntoCache(videos[i], explainer, cache, cacheRoot, part);
                } catch (const CancelledError &) {
                    throw;
                } catch (const std::exception &e) {
                    // One damaged video does not stop the others; it is named at the end.
                    failed << QFileInfo(videos[i]).fileName() + QStringLiteral(" (") +
                                  QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0) + QLatin1Char(')');
                }
            }
            if (!failed.isEmpty())
                throw Error(std::to_string(failed.size()) + " of " + std::to_string(videos.size()) +
                            " videos could not be explained: " + failed.join(QStringLiteral("; ")).toStdString() + " (" +
                            std::to_string(explained) + " frames of the others were)");
            return QVariant(explained);
        },
        [this](const QVariant &result) { Q_EMIT explained(result.toLongLong()); },
        [this](const QString &error) {
            Q_EMIT problem(tr("The folder's videos could not all be explained: %1").arg(error));
            Q_EMIT explained(-1);
        });
}

void DeepfakeFolder::clear()
{
    m_read.cancel();
    m_explainAll.cancel();
    m_path.clear();
    m_layout.clear();
    m_labelled = false;
    m_videos.clear();
    Q_EMIT changed();
}

void DeepfakeFolder::open(const QString &folder)
{
    clear();
    const QString path = QFileInfo(folder).absoluteFilePath();
    m_read.start(
        tr("Read the folder %1").arg(QDir(path).dirName()),
        [path](const JobControl &control) {
            control.reportProgress(-1.0, "listing the videos");
            auto read = std::make_shared<ReadFolder>();
            read->folder = deepfake::readVideoFolder(path.toStdString());
            return QVariant::fromValue(read);
        },
        [this, path](const QVariant &result) {
            const deepfake::VideoFolder &folder = result.value<std::shared_ptr<ReadFolder>>()->folder;
            m_path = path;
            m_layout = QString::fromStdString(folder.layout);
            m_labelled = folder.labelled;
            for (const deepfake::LabelledVideo &v : folder.videos) {
                FolderVideo video;
                video.path = QString::fromStdString(v.path);
                video.labelled = folder.labelled;
                video.fake = v.fake;
                if (v.fake && v.original != v.path)
                    video.original = QString::fromStdString(v.original);
                video.masks = QString::fromStdString(v.masks);
                m_videos.append(video);
            }
            Q_EMIT changed();
        },
        [this, path](const QString &error) { Q_EMIT problem(tr("The folder %1 cannot be opened: %2").arg(path, error)); });
}

int DeepfakeFolder::indexOf(const QString &video) const
{
    for (int i = 0; i < m_videos.size(); ++i)
        if (m_videos[i].path == video)
            return i;
    return -1;
}

VideoCompanions DeepfakeFolder::companionsOf(int row) const
{
    VideoCompanions out;
    if (row < 0 || row >= m_videos.size())
        return out;
    const FolderVideo &video = m_videos[row];
    out.original = video.original;
    out.masks = video.masks;
    // DFDC ships no masks: they come from the difference to the original, as its authors made them.
    out.differenceMasks = video.fake && video.masks.isEmpty() && !video.original.isEmpty();
    out.difference = m_difference;
    return out;
}

} // namespace periscope::app
