// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/UndoSteps.h"
#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class ColorizeModel;
class ColorizeView;

// Colorization (Baldassarre, Morín & Rodés-Guirao, "Deep Koalarization", 2017; Zhang et al.'s
// eccv16 and siggraph17): colorize photos from their lightness, compare with their true colours
// (PSNR, SSIM, CIEDE2000, colourfulness, ab histograms), train on your own photos. Engine:
// engine/colorize; model: ColorizeModel; view: ColorizeView.
class ColorizeWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "colorize";

    explicit ColorizeWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~ColorizeWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Colorize"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    bool opensFolders() const override { return true; }
    QWidget *view() override;

    // A photo or a folder of photos.
    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    // A grid of gray input / result / truth with captions (file, PSNR, SSIM, ΔE2000) for up to six
    // colorized photos from the selected one on, and the selected photo's ab histograms.
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    ColorizeModel *model() const { return m_model; }
    ColorizeView *colorizeView() const;

private:
    void ensureModel();
    void recordViewSettings(); // a changed view mode or ΔE layer: one undo step
    struct ViewSettings {
        int mode = 0;
        bool errorLayer = false;
    };
    ViewSettings viewSettings() const;
    void applyViewSettings(const QVariant &value);

    ColorizeModel *m_model;
    QPointer<ColorizeView> m_view;
    UndoSteps m_steps;
    ViewSettings m_recordedView; // as the last step left it
    bool m_restoring = false;    // a project or a demo sets the view: no step
};

} // namespace periscope::app
