// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class OpenVocabularyModel;
class OpenVocabularyView;

// Open-vocabulary segmentation (Jose et al., "DINOv2 Meets Text", dino.txt, CVPR 2025): type
// prompts and see where they are in images: the segmentation by the prompts, each prompt's
// similarity map, the zero-shot ranking of the prompts for the whole image and at a pixel, two
// models side by side, and on scene folders each prompt's IoU against the objects it names.
// Engine: engine/openvocab (DINOv2, the dino.txt towers, the tokenizers, the small model and its
// training); model: OpenVocabularyModel; view: OpenVocabularyView; figure: app/figures/OpenVocabFigure.
class OpenVocabularyWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "open-vocabulary";

    explicit OpenVocabularyWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~OpenVocabularyWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Open vocabulary"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    bool opensFolders() const override { return true; }
    QWidget *view() override;

    // An image (images opened one by one gather), a folder of images or a scene folder.
    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    // The selected image segmented with its legend and every prompt's similarity map, as
    // `periscope-cli open-vocab --figure` draws them (model B's segmentation too when comparing).
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    OpenVocabularyModel *model() const { return m_model; }
    OpenVocabularyView *openVocabularyView() const;

    // The prompts the demo starts with (and a new session with the built-in model): CLEVR's colours.
    static QStringList demoPrompts();

private:
    void ensureModel();

    OpenVocabularyModel *m_model;
    QPointer<OpenVocabularyView> m_view;
};

} // namespace periscope::app
