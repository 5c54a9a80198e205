// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "app/workspaces/deepfake/DeepfakeVideoFiles.h"

#include <QObject>
#include <QString>
#include <QVector>

namespace periscope::app {

// One video of an opened folder, with its label where the folder has labels.
struct FolderVideo {
    QString path;
    bool labelled = false;
    bool fake = false;
    QString original; // a fake's original video; empty: unknown (or a real video)
    QString masks;    // a fake's mask folder or video; empty: none shipped
};

// The folder the DeepFake workspace has open: a DFDC folder (metadata.json, as `periscope-cli
// fakes` writes it), a FaceForensics++ tree, or a plain folder of videos (readVideoFolder, in a
// job: a large tree is never listed on the UI thread). Says, for each video, what it comes with:
// its original and its masks, or, for a DFDC fake without masks, masks from the difference to its
// original with the threshold and median size set here.
class DeepfakeFolder : public QObject {
    Q_OBJECT
public:
    explicit DeepfakeFolder(JobManager *jobs, QObject *parent = nullptr);

    void open(const QString &folder);
    void clear();
    QString path() const { return m_path; }
    QString layout() const { return m_layout; } // "dfdc", "faceforensics", "plain"; empty: none open
    bool isLabelled() const { return m_labelled; }
    const QVector<FolderVideo> &videos() const { return m_videos; }
    int indexOf(const QString &video) const;
    bool isBusy() const { return m_read.isBusy(); }

    // Explains every video's faces with the detector `weights` and `method` into the explanation
    // cache under `cacheRoot` (what the workspace shows and the metrics read), video after video,
    // what is cached already skipped; a job, cancellable, each batch kept as it is done.
    void explainAll(const QString &weights, const QString &method, const QString &cacheRoot);
    bool isExplaining() const { return m_explainAll.isBusy(); }
    void cancelExplaining() { m_explainAll.cancel(); }

    void setDifferenceSettings(const deepfake::DifferenceMaskSettings &settings) { m_difference = settings; }
    const deepfake::DifferenceMaskSettings &differenceSettings() const { return m_difference; }
    VideoCompanions companionsOf(int row) const;

Q_SIGNALS:
    void changed();
    void problem(const QString &text);
    void explainingChanged(bool busy);
    void explained(qint64 frames); // explainAll finished: this many frames newly explained

private:
    JobSlot m_read, m_explainAll;
    QString m_path, m_layout;
    bool m_labelled = false;
    QVector<FolderVideo> m_videos;
    deepfake::DifferenceMaskSettings m_difference;
};

} // namespace periscope::app
