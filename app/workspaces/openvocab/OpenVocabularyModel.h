// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/data/SlotImageSet.h"
#include "app/figures/OpenVocabFigure.h"
#include "app/shell/JobSlot.h"
#include "app/shell/TrainingJob.h"

#include "engine/openvocab/OpenVocabModel.h"
#include "engine/openvocab/OpenVocabTraining.h"
#include "engine/openvocab/ScenePrompts.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <array>
#include <limits>
#include <memory>
#include <optional>

namespace periscope::app {

class ComputeState;
class JobManager;

// One prompt of the list: its text and the colour its pixels, legend and map frame are drawn in.
struct OpenVocabPrompt {
    QString text;
    QColor color;
    bool operator==(const OpenVocabPrompt &other) const { return text == other.text && color == other.color; }
};

// Two models can be compared side by side: A is the one analysed always, B the optional other.
enum class OpenVocabSide { A = 0, B = 1 };
constexpr int kOpenVocabSides = 2;

// What one model made of one image, kept for every open image (the maps are not: they are made
// again for the selected image only).
struct OpenVocabOutcome {
    bool analysed = false;
    QString error;                            // the analysis failed: why
    std::vector<float> zeroShot;              // per prompt
    std::vector<double> coverage;             // per prompt, share of the pixels
    std::optional<openvocab::SceneScoreboard> score; // a scene with masks
};

struct OpenVocabImage {
    SlotImage entry; // paths, mask path, object attributes (pixels not kept)
    QImage thumbnail;
    QString error;   // it could not be read
    std::array<OpenVocabOutcome, kOpenVocabSides> outcome;
};

// The selected image with every model's full result at map size.
struct OpenVocabDetail {
    int index = -1;
    QString error;    // it could not be read or analysed: why
    QImage image;     // RGB at the maps' size
    std::array<std::optional<openvocab::OpenVocabResult>, kOpenVocabSides> result;
    // What the figure and the view's tiles draw of each result (the maps through the colour map,
    // made in the job; colours are the prompts' at drawing time).
    std::array<std::optional<OpenVocabFigure>, kOpenVocabSides> figure;
};

// One model in use: what was asked for, what was loaded, and the prompts embedded by it.
struct OpenVocabModelState {
    QString name;        // built-in name, released name, folder or file
    QString description;
    double suggestedBackground = std::numeric_limits<double>::quiet_NaN();
    std::shared_ptr<const openvocab::OpenVocabModel> model;
    std::shared_ptr<const openvocab::PromptSet> prompts; // null until embedded for the current prompts
};

// What the Open-vocabulary workspace holds and computes: the open images (image files, a folder,
// or a scene folder with masks), the prompt list with colours, the templates and the background
// threshold, one or two models (dino.txt: the built-in small one or the released ViT-L/14), the
// zero-shot ranking and coverage of every image, each prompt's IoU over a scene folder with the
// shuffled-prompt chance level, and the selected image's maps. Every decode and model call is a
// job; results arrive by signals.
class OpenVocabularyModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxPrompts = 64;
    static constexpr int kMaxPromptLength = 1000;
    static constexpr int kMapSide = 1024; // the maps' longer side at most (as the CLI's default)

    // `compute` (may be null: the engine's defaults) says where models load and whether their
    // weights are kept in bfloat16 (the Preferences' precision "bf16": half the memory of the
    // released ViT-L/14 and text encoder).
    explicit OpenVocabularyModel(JobManager *jobs, ComputeState *compute = nullptr, QObject *parent = nullptr);
    ~OpenVocabularyModel() override;

    // Image files, image folders or scene folders; listed as a job, replacing what was open.
    void open(const QStringList &inputs);
    void clear();
    QStringList inputs() const { return m_inputs; }
    const QList<OpenVocabImage> &images() const { return m_images; }
    bool hasMasks() const;

    // The prompts, replacing the list (texts simplified; empty and repeated ones dropped; an
    // invalid colour becomes the suggested one).
    void setPrompts(const QList<OpenVocabPrompt> &prompts);
    const QList<OpenVocabPrompt> &prompts() const { return m_prompts; }
    QStringList promptTexts() const;
    // Why `text` cannot be added (empty, too long, already there, too many), or empty.
    QString promptProblem(const QString &text) const;
    // A colour for a new prompt: the colour it names where that is one of CLEVR's ("red objects"
    // in CLEVR's red), else the first of the palette no prompt has.
    QColor nextPromptColor(const QString &text) const { return suggestedPromptColor(text, m_prompts); }
    static QColor suggestedPromptColor(const QString &text, const QList<OpenVocabPrompt> &taken);

    void setTemplates(openvocab::PromptTemplates templates);
    openvocab::PromptTemplates templates() const { return m_templates; }

    // A pixel whose best similarity is below this is background. Unset: each model's suggestion
    // (a small model's, chosen on its validation scenes), -1 (none) for a model without one.
    void setBackground(std::optional<double> background);
    std::optional<double> background() const { return m_background; }
    double effectiveBackground(OpenVocabSide side) const;

    // A model for a side; an empty name removes side B. Loading is a job.
    void setModel(const QString &nameOrPath, OpenVocabSide side = OpenVocabSide::A);
    const OpenVocabModelState &model(OpenVocabSide side) const { return m_models[std::size_t(side)]; }
    bool hasModel(OpenVocabSide side) const { return model(side).model != nullptr; }
    bool comparing() const { return hasModel(OpenVocabSide::B) || !model(OpenVocabSide::B).name.isEmpty(); }
    // Per prompt, the words model A never saw (a small model's vocabulary is closed).
    std::vector<std::vector<std::string>> unknownWords(OpenVocabSide side) const;

    void select(int index); // analyses it at map size for the view (a job)
    int selected() const { return m_selected; }
    const OpenVocabDetail &detail() const { return m_detail; }

    // Over the scene images analysed so far; nullopt when none has masks.
    std::optional<openvocab::SceneScoreboard> folderScore(OpenVocabSide side) const;

    // Trains a small dino.txt on the open scene folder (its objects' attributes make the captions;
    // its masks the held-out prompt mIoU) over `settings.backbonePath`; `settings.outPath` set by
    // the caller. trainingFinished says where the weights are; setModel switches to them when the
    // user asks, never by itself.
    void startTraining(const openvocab::OpenVocabTrainingSettings &settings);
    void cancelTraining();
    bool isTraining() const { return m_training.isRunning(); }
    int trainableScenes() const; // open images with object attributes

    void cancel();
    bool isBusy() const { return JobSlot::anyBusy({&m_scan, &m_loadA, &m_loadB, &m_embedding, &m_analysis, &m_detailLoad}); }

Q_SIGNALS:
    void imagesChanged();  // another set of images (the list is made again)
    void outcomesReset();  // the same images, their outcomes dropped until analysed again
    void imageAnalysed(int index);
    void analysisFinished();
    void promptsChanged();
    void promptsEmbedded(); // unknownWords() is current
    void settingsChanged(); // templates or background
    void modelChanged();
    void detailReady();
    void busyChanged(bool busy);
    void message(const QString &text);
    void problem(const QString &text);
    void trainingEpoch(const periscope::openvocab::OpenVocabEpoch &epoch);
    void trainingFinished(const QString &weightsPath, const QString &summary);
    void trainingStopped(const QString &reason);

private:
    JobSlot &loadSlot(OpenVocabSide side) { return side == OpenVocabSide::A ? m_loadA : m_loadB; }
    // The embeddings are stale (of one side, or of both): embed, then analyse.
    void promptsInvalidated(std::optional<OpenVocabSide> only = std::nullopt);
    void refresh();    // embeds what is missing, then analyses the stale sides and the selected image
    void analyseAll(); // every image, for the sides whose outcomes are stale
    void loadDetail();
    void markStale(std::optional<OpenVocabSide> only = std::nullopt);

    QPointer<JobManager> m_jobs;
    QPointer<ComputeState> m_compute;
    QStringList m_inputs, m_warnings;
    QList<OpenVocabImage> m_images;
    QList<OpenVocabPrompt> m_prompts;
    openvocab::PromptTemplates m_templates = openvocab::PromptTemplates::None;
    std::optional<double> m_background;
    std::array<OpenVocabModelState, kOpenVocabSides> m_models;
    JobSlot m_scan, m_loadA, m_loadB, m_embedding, m_analysis, m_detailLoad;
    TrainingJob m_training;
    quint64 m_analysisGeneration = 0; // streamed images of an older analysis are dropped
    // Sides whose outcomes no longer match the images, prompts, templates, threshold or model:
    // loading model B re-runs B alone (model A may be the released ViT-L/14 on a CPU).
    std::array<bool, kOpenVocabSides> m_stale{true, true};
    int m_selected = -1;
    OpenVocabDetail m_detail;
};

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::openvocab::OpenVocabEpoch)
