// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "app/shell/TrainingJob.h"

#include "engine/relations/RelationDatasets.h"
#include "engine/relations/RelationModel.h"
#include "engine/relations/RelationRun.h"
#include "engine/relations/RelationTraining.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

namespace periscope::app {

class JobManager;

// One image of the open set as the model sees it, with what the explanation recovered.
struct RelationsImage {
    relations::RelationImage image;  // objects in the model's classes, from the chosen box source or drawn
    bool handDrawn = false;          // the objects were drawn (or edited) in the workspace
    bool analysed = false;
    relations::ImageRelationResult result; // set once analysed (result.error says why it failed)
};

// Where an image's objects come from.
struct RelationBoxSource {
    QString detections;      // empty: the ground truth's boxes; else a COCO results file
    double minScore = 0.3;   // detections under it are dropped
    bool operator==(const RelationBoxSource &other) const { return detections == other.detections && minScore == other.minScore; }
};

// What the Relations workspace holds and computes: the open images (a scene folder, VRD,
// HICO-DET, or image files), where their boxes come from (the ground truth, a detector's file,
// or drawn by hand), the model, the relations recovered for every image by explaining it, the
// selected image's pixels and the recall over the set. Every read, decode and model call is a job;
// results arrive by signals.
class RelationsModel : public QObject {
    Q_OBJECT
public:
    explicit RelationsModel(JobManager *jobs, QObject *parent = nullptr);
    ~RelationsModel() override;
    JobManager *jobs() const;

    // One dataset folder or image files; read as a job, replacing what was open; then image
    // `select` is selected (the first when out of range).
    void open(const QStringList &inputs, const QString &split = QStringLiteral("test"), int select = 0);
    void clear();
    QStringList inputs() const { return m_inputs; }
    QString split() const { return m_split; }
    QString datasetKind() const; // "scenes", "vrd", "hico-det", "images"; empty when nothing is open
    const QList<RelationsImage> &images() const { return m_images; }
    // The objects' and predicates' names (the model's once it is loaded, else the dataset's).
    const std::vector<std::string> &objectClasses() const;
    const std::vector<std::string> &predicateClasses() const;

    void setBoxSource(const RelationBoxSource &source); // reads the detections again as a job
    RelationBoxSource boxSource() const { return m_boxSource; }

    void setModel(const QString &nameOrPath);
    QString modelName() const { return m_modelName; }
    bool hasModel() const { return m_model != nullptr; }
    const relations::RelationModelInfo &modelInfo() const { return m_info; }

    void setOptions(const relations::ExplainerOptions &options); // analyses again
    relations::ExplainerOptions options() const { return m_options; }

    // The paper's triplet-frequency prior, counted (a job) in the true triplets of `folder`'s
    // training split (VRD, HICO-DET; a scene folder as it is); an empty folder removes it. The
    // images are analysed again with it.
    void setPrior(const QString &kind, const QString &folder);
    QString priorKind() const { return m_priorKind; }
    QString priorFolder() const { return m_priorFolder; }

    // Objects drawn by hand for an image (by its path), replacing its source's; nullopt restores
    // the source's. The image is analysed again.
    void setDrawnObjects(int index, const std::optional<std::vector<relations::RelationObject>> &objects);
    std::optional<std::vector<relations::RelationObject>> drawnObjects(int index) const;
    QHash<QString, std::vector<relations::RelationObject>> allDrawnObjects() const { return m_drawn; }
    void setAllDrawnObjects(const QHash<QString, std::vector<relations::RelationObject>> &drawn);

    void analyse();   // every image, streamed; then the summary
    void cancel();
    bool isBusy() const { return JobSlot::anyBusy({&m_scan, &m_modelLoad, &m_analysis, &m_single, &m_detailLoad, &m_priorCount}); }

    void select(int index); // decodes it for the view (a job)
    int selected() const { return m_selected; }
    QImage selectedPixels() const { return m_pixels; } // null until decoded
    void selectPredicate(int predicate); // -1: all
    int selectedPredicate() const { return m_predicate; }

    // Trains a model on the open dataset's image-level labels (the images need a truth);
    // `settings.outPath` set by the caller. trainingFinished says where the weights are; setModel
    // switches to them when the user asks.
    void startTraining(const relations::RelationTrainingSettings &settings);
    void cancelTraining();
    bool isTraining() const { return m_training.isRunning(); }

    // Over the analysed images; images == 0 when nothing is analysed yet.
    const relations::RelationRunSummary &summary() const { return m_summary; }
    QString note() const { return m_note; } // what the dataset reader or the class alignment skipped

Q_SIGNALS:
    void imagesChanged();
    void imageAnalysed(int index);
    void summaryChanged();
    void modelChanged();
    void selectionChanged();
    void predicateChanged();
    void priorChanged();
    void detailReady();
    void busyChanged(bool busy);
    void message(const QString &text);
    void problem(const QString &text);
    void trainingEpoch(const periscope::relations::RelationEpoch &epoch);
    void trainingFinished(const QString &weightsPath, const QString &summary);
    void trainingStopped(const QString &reason);

private:
    struct LoadedModel;
    void readInputs();
    void rebuildImages();
    void analyseOne(int index);
    void recomputeSummary();

    QPointer<JobManager> m_jobs;
    QStringList m_inputs;
    QString m_split = QStringLiteral("test");
    RelationBoxSource m_boxSource;
    std::shared_ptr<const relations::RelationDataset> m_dataset; // as read, with the box source applied
    QList<RelationsImage> m_images;
    QHash<QString, std::vector<relations::RelationObject>> m_drawn; // by image path
    QString m_modelName, m_note;
    QString m_priorKind, m_priorFolder;
    std::shared_ptr<LoadedModel> m_model;
    relations::RelationModelInfo m_info;
    relations::ExplainerOptions m_options;
    relations::RelationRunSummary m_summary;
    JobSlot m_scan, m_modelLoad, m_analysis, m_single, m_detailLoad, m_priorCount;
    TrainingJob m_training;
    quint64 m_analysisGeneration = 0; // bumped when the images, the model or the options change
    int m_selected = -1;
    int m_selectAfterRead = 0;
    int m_predicate = -1;
    QImage m_pixels;
};

// The workspace's explanation defaults: the paper's, but explaining logits (see
// ExplainerOptions::explainLogits): on the built-in model it raises relationship recall@20 on
// fresh scenes from 0.18 to 0.54 (docs/benchmarks.md).
relations::ExplainerOptions defaultRelationsOptions();

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::relations::RelationEpoch)
