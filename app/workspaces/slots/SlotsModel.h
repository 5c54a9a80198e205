// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/SlotsFigure.h"
#include "app/shell/JobSlot.h"
#include "app/shell/TrainingJob.h"
#include "app/data/SlotImageSet.h"

#include "engine/slots/SlotEmbeddings.h"
#include "engine/slots/SlotEvaluation.h"
#include "engine/slots/SlotModel.h"
#include "engine/slots/SlotProbe.h"
#include "engine/slots/SlotTraining.h"

#include <QHash>
#include <QImage>
#include <QRectF>
#include <QObject>
#include <QPointer>

#include <limits>
#include <memory>

namespace periscope::app {

class JobManager;

// One opened image with what the model made of it.
struct SlotsScene {
    SlotImage entry;           // paths, mask path, object attributes (pixels not kept)
    QImage thumbnail;          // at most 96 px
    QString error;             // why it could not be read
    bool analysed = false;
    slot::SlotResult result;   // attention, slots, global
    bool scored = false;       // it has a mask and was scored
    slot::SlotScore score;
};

// The selected scene at display size: the centred square the model sees, its slot masks and,
// with a mask, the true objects.
struct SlotsDetail {
    int index = -1;
    int size = 0;
    QString error;             // the scene could not be read: why (nothing else is set)
    QImage square;             // size x size, RGB
    periscope::Image truth;    // size x size instance ids; null without a mask
    slot::SlotMasks masks;     // at size x size
    bool lastIteration = true;
    // Made in the job too, so the view only shows them: each slot's attention through magma on a
    // scale shared by all slots, each slot's mask area, each true object's box.
    SlotFigure figure;            // attention maps, captions, the background slot (app/figures)
    std::vector<int> maskPixels;  // each slot's Otsu mask (masks may overlap)
    std::vector<int> labelPixels; // each slot's share of the arg-max partition (the label layer)
    QHash<int, QRectF> objectBoxes;
};

// Every slot of every analysed scene, projected on its principal components.
struct SlotsEmbedding {
    struct Point {
        int scene = 0, slot = 0;
        int object = 0;        // the matched object's id (1-based), 0 when none
        double iou = 0.0;
    };
    QList<Point> points;
    slot::EmbeddingProjection plane;  // 2 components
    slot::EmbeddingProjection volume; // 3 components
    bool probed = false;              // the VQA probe ran (enough scenes with objects)
    slot::ProbeResult probe;
};

// What the Slots workspace holds and computes: the opened scenes (a scene folder, CLEVR, or
// plain images), the model (built-in, trained here or loaded, e.g. the paper's checkpoints), its
// slots for every scene with their scores, the selected scene's masks, the embedding projection,
// scene generation and training. Everything long runs as a job; results arrive by signals.
class SlotsModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kDetailSize = kSlotFigureSide; // the detail is what the figure draws

    explicit SlotsModel(JobManager *jobs, QObject *parent = nullptr);
    ~SlotsModel() override;
    JobManager *jobs() const;

    // Scene folders, image folders or image files; listed and thumbnailed as a job, replacing
    // what was open.
    void open(const QStringList &inputs);
    void clear();
    const QList<SlotsScene> &scenes() const { return m_scenes; }
    QStringList inputs() const { return m_inputs; }
    bool hasMasks() const;
    QStringList warnings() const { return m_warnings; }

    // Weights (ours, or the paper's .pth) or the built-in name, with --arch-like options.
    void setModel(const QString &nameOrPath, const slot::ArchOptions &options = {});
    QString modelName() const { return m_modelName; }
    QString modelDescription() const { return m_modelDescription; }
    bool hasModel() const { return m_model != nullptr; }
    std::shared_ptr<const slot::SlotModel> slotModel() const { return m_model; }

    // Runs the model on every scene (streamed as they are done), then projects the embeddings.
    void analyse();
    void setLastIteration(bool last); // which iteration's attention makes the masks
    bool lastIteration() const { return m_lastIteration; }
    void cancel();
    bool isBusy() const { return JobSlot::anyBusy({&m_scan, &m_modelLoad, &m_analysis, &m_generating}); }

    void select(int index);
    int selected() const { return m_selected; }
    const SlotsDetail &detail() const { return m_detail; }
    const SlotsEmbedding &embedding() const { return m_embedding; }
    slot::SlotScoreSummary summary() const; // over the scored scenes

    // Renders `count` scenes into `folder` (VTK offscreen; needs an X server) and opens them.
    void generateScenes(const QString &folder, int count, quint64 seed, QSize size);

    // Trains on the opened scenes; `settings.outPath` set by the caller. trainingFinished says
    // where the weights are; setModel switches to them when the user asks.
    void startTraining(const slot::SlotTrainingSettings &settings);
    void cancelTraining();
    bool isTraining() const { return m_training.isRunning(); }

Q_SIGNALS:
    void scenesChanged();
    void sceneAnalysed(int index);
    void analysisFinished();
    void modelChanged();
    void detailReady();
    void embeddingReady();
    void busyChanged(bool busy);
    void message(const QString &text);
    void problem(const QString &text);
    void trainingEpoch(const periscope::slot::SlotEpoch &epoch);
    void trainingFinished(const QString &weightsPath, const QString &summary);
    void trainingStopped(const QString &reason);

private:
    void showUnreadable(int index, const QString &error);
    void analysePending();
    void computeEmbedding();

    QPointer<JobManager> m_jobs;
    QStringList m_inputs, m_warnings;
    QList<SlotsScene> m_scenes;
    QString m_modelName, m_modelDescription;
    std::shared_ptr<const slot::SlotModel> m_model;
    JobSlot m_scan, m_modelLoad, m_analysis, m_detailLoad, m_embeddingRun, m_generating;
    TrainingJob m_training;
    quint64 m_generation = 0;         // bumped when the scenes change: older scans are dropped
    quint64 m_analysisGeneration = 0; // bumped when the scenes, the model or the iteration change
    int m_selected = -1;
    bool m_lastIteration = true;
    SlotsDetail m_detail;
    SlotsEmbedding m_embedding;
};

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::slot::SlotEpoch)
