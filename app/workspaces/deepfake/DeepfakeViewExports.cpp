// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake view's exports: the annotated clip and the frames x methods figure, both from the
// explanation cache, both jobs (DeepfakeView.h).
#include "app/workspaces/deepfake/DeepfakeView.h"

#include "app/models/BuiltInDeepfakeModels.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMethodsFigure.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeOverlays.h"
#include "engine/deepfake/CachedExplanationClip.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace periscope::app {

QWidget *DeepfakeView::makeExportButtons()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto add = [&](const QString &name, const QString &text, const QString &tip, const std::function<void()> &onClick) {
        auto *button = new QPushButton(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, onClick);
        layout->addWidget(button);
    };
    add(QStringLiteral("exportClip"), tr("Export annotated clip..."),
        tr("The explained frames as an H.264 video: explanation, face box and score strip drawn in"), [this] {
            askAndExport(tr("Export the annotated clip"), QStringLiteral(".") + m_model->method() + QStringLiteral(".mp4"),
                         tr("MP4 video (*.mp4);;Matroska video (*.mkv)"), &DeepfakeView::exportClip);
        });
    add(QStringLiteral("exportMethodsFigure"), tr("Export methods figure..."),
        tr("A few frames across, every explained method's map over the face down, and the metric table"), [this] {
            askAndExport(tr("Export the methods figure"), QStringLiteral(".methods.png"),
                         tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &DeepfakeView::exportMethodsFigure);
        });
    return box;
}

void DeepfakeView::askAndExport(const QString &title, const QString &suffix, const QString &filter,
                                void (DeepfakeView::*exporter)(const QString &))
{
    if (!m_model->hasVideo())
        return;
    const QFileInfo video(m_model->video().path);
    const QString path = QFileDialog::getSaveFileName(this, title, video.dir().filePath(video.completeBaseName() + suffix), filter);
    if (!path.isEmpty())
        (this->*exporter)(path);
}

void DeepfakeView::reportExportFailure(const QString &path, const QString &error)
{
    m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                          .arg(tr("%1 could not be written: %2").arg(QFileInfo(path).fileName(), error).toHtmlEscaped()));
}

void DeepfakeView::exportClip(const QString &path)
{
    const auto cache = m_model->explanationCache();
    if (!cache || cache->size() == 0) {
        m_status->setText(tr("Nothing is explained yet: let the detector explain some frames first"));
        return;
    }
    const QString video = m_model->video().path;
    m_model->jobs()->start(
        tr("Export the annotated clip %1").arg(QFileInfo(path).fileName()),
        [cache, video, path](const JobControl &control) {
            deepfake::writeCachedExplanationClip(*cache, video.toStdString(), path.toStdString(), control);
            return QVariant();
        },
        this, [this, path](const QVariant &) { m_status->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path))); },
        [this, path](const QString &error) { reportExportFailure(path, error); });
}

void DeepfakeView::exportMethodsFigure(const QString &path)
{
    QString error;
    const QString weights = resolveDeepfakeModel(m_model->modelName(), &error);
    if (!m_model->hasVideo() || weights.isEmpty()) {
        m_status->setText(tr("Open a video and choose a detector first"));
        return;
    }
    MethodsFigureRequest request;
    const int row = m_folder->indexOf(m_model->video().path);
    const FolderVideo *listed = row >= 0 ? &m_folder->videos()[row] : nullptr;
    request.video = {m_model->video().path, m_model->companions(), listed && listed->labelled, listed && listed->fake};
    request.weights = weights;
    request.methods = DeepfakeModel::methods();
    request.cacheRoot = m_model->cacheRoot();
    request.path = path;
    m_model->jobs()->start(
        tr("Export the methods figure %1").arg(QFileInfo(path).fileName()),
        [request](const JobControl &control) { return QVariant(writeMethodsFigure(request, control)); }, this,
        [this, path](const QVariant &drawn) {
            QStringList names;
            for (const QString &method : drawn.toStringList())
                names << explanationMethodLabel(method);
            m_status->setText(tr("Wrote %1 (%2)").arg(QDir::toNativeSeparators(path), names.join(QStringLiteral(", "))));
        },
        [this, path](const QString &error) { reportExportFailure(path, error); });
}

} // namespace periscope::app
