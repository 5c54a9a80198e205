// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class DeepfakeFolder;
class DeepfakeMetrics;
class DeepfakeModel;
class DeepfakeView;

// DeepFake video explanations (Baldassarre, Debard, Fiz Pontiveros, Wijaya, "Quantitative Metrics
// for Evaluating Explanations of Video DeepFake Detectors", BMVC 2022): scrub a video under a
// frame detector's explanation heatmaps, with the face the detector saw, its score per frame on
// the timeline and markers where the score crosses the threshold; open a labelled folder (DFDC,
// FaceForensics++) to compare fakes with their originals and masks, and score the explanations
// per video and per folder. Engine: engine/deepfake (FrameExplanations: the detector and the
// explanation cache; FaceFollower; ManipulationMasks; the metrics; readVideoFolder); models:
// DeepfakeModel, DeepfakeFolder, DeepfakeMetrics; view: DeepfakeView, DeepfakeMetricsPanel.
class DeepfakeWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "deepfake";

    explicit DeepfakeWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~DeepfakeWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("DeepFake"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    QWidget *view() override;
    bool isSettled() const override;

    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    // The frame on screen with its layers (explanation, face, mask) and, once scored, the metrics
    // chart; the caption names the video, frame, detector and method. Drawn from what is on
    // screen: nothing is decoded or computed for it.
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    DeepfakeModel *model() const { return m_model; }
    DeepfakeFolder *folder() const { return m_folder; }
    DeepfakeMetrics *metrics() const { return m_metrics; }
    DeepfakeView *deepfakeView() const;

private:
    void ensureModel();

    DeepfakeModel *m_model;
    DeepfakeFolder *m_folder;
    DeepfakeMetrics *m_metrics;
    // A restored project's video, opened once its folder is listed (with what the folder gives it).
    QString m_pendingVideo;
    qint64 m_pendingFrame = 0;
    void openPendingVideo();
    QPointer<DeepfakeView> m_view;
};

// The demo's footage: opencv-doc's Megamind.avi when installed, else empty.
QString deepfakeDemoVideo();

} // namespace periscope::app
