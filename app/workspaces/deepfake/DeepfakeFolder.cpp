// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeFolder.h"

#include "engine/deepfake/DetectorDataset.h"

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

DeepfakeFolder::DeepfakeFolder(JobManager *jobs, QObject *parent) : QObject(parent), m_read(jobs) {}

void DeepfakeFolder::clear()
{
    m_read.cancel();
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
