// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "app/shell/TrainingJob.h"
#include "app/figures/GraphScene.h"
#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/graphs/ExplainGraph.h"
#include "engine/graphs/GraphTraining.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace periscope::app {

class JobManager;

// What the Graph workspace shows and computes: the input (a generated infection graph, a
// SMILES, or a molecule of an opened file), the model, the explained output, and all four
// methods' explanations; plus training and 3-D embedding. All work runs as jobs; results come
// back through the signals on the UI thread.
class GraphsModel : public QObject {
    Q_OBJECT
public:
    static QStringList methods() { return {QStringLiteral("sa"), QStringLiteral("gbp"), QStringLiteral("lrp"), QStringLiteral("ig")}; }

    struct Input {
        GraphScene::Kind kind = GraphScene::Kind::None;
        quint64 seed = 1;                 // infection
        graphs::InfectionSettings infection;
        QString smiles;                   // molecule typed in
        QString moleculeFile;             // or a molecule of this file...
        int moleculeIndex = -1;           // ...at this index
    };

    struct TrainingRequest {
        graphs::GraphTrainingSettings settings; // task, epochs, outPath, ...
        int infectionGraphs = 2000;
        QString moleculeTarget = QStringLiteral("esol"); // esol | logp | measured (the opened CSV's target)
        bool useOpenedMolecules = false;                 // else the built-in NCI molecules
        int moleculeLimit = 0;
    };

    explicit GraphsModel(JobManager *jobs, QObject *parent = nullptr);
    ~GraphsModel() override;

    // Inputs; each starts an explanation job.
    void showInfection(quint64 seed, const graphs::InfectionSettings &settings = {});
    void showSmiles(const QString &smiles);
    // Reads the file as a job, then shows its first molecule. For a CSV, the SMILES column (empty:
    // the one named "smiles") and the target column (empty: none) are chosen here.
    void openMoleculeFile(const QString &path, const QString &smilesColumn = {}, const QString &targetColumn = {}, int index = 0);
    QStringList csvColumns() const { return m_csvColumns; } // of the open CSV, else empty
    QString smilesColumn() const { return m_smilesColumn; }
    QString targetColumn() const { return m_targetColumn; }
    void selectMolecule(int index);
    // Nothing shown: no input, no explanation (what undoing the first input leaves).
    void clear();
    // "" → the built-in default for the input (infection or esol); a built-in name; a file.
    void setModel(const QString &nameOrPath);
    // What the weights may not say (the paper's .pt checkpoints): "sum", "mean", "max", or empty to
    // read it from MODEL.json or experiment.latest.yaml beside them.
    void setAggregation(const QString &aggregation);
    QString aggregation() const { return m_aggregation; }
    // "global" or "node:K"; infection graphs start on their first infected, not sick node.
    void setTarget(const QString &target);

    const Input &input() const { return m_input; }
    QString model() const { return m_model; }
    QString target() const { return m_target; }
    const GraphExplanations &explanations() const { return m_explanations; }
    QStringList moleculeNames() const;
    std::shared_ptr<const chem::MoleculeSet> molecules() const { return m_molecules; }
    bool isBusy() const { return m_explain.isBusy(); }

    void startTraining(const TrainingRequest &request);
    bool isTraining() const { return m_training.isRunning(); }
    void cancelTraining();
    void embed3d(); // the current molecule; conformerReady when done

Q_SIGNALS:
    void explanationsChanged();
    void modelChanged(); // setModel: the weights the explanations use from now on
    void moleculesChanged();
    void busyChanged(bool busy);
    void failed(const QString &message); // a sentence for the user
    // A molecule file could not be read: the view shows "cannot open" and nothing else. failed()
    // follows with the same reason.
    void openFailed(const QString &fileName, const QString &reason);
    void trainingEpoch(const periscope::graphs::GraphEpoch &epoch, const QString &metric);
    void trainingFinished(const QString &weights, const QString &summary);
    void trainingStopped(const QString &reason);
    void conformerReady(const periscope::chem::Conformer3d &conformer);

private:
    void explain();
    void showOpenFailure(const QString &path, const QString &reason);
    QString resolvedModel(QString *error) const;

    Input m_input;
    QString m_model;
    QString m_target;
    QString m_aggregation;
    QString m_smilesColumn, m_targetColumn;
    QStringList m_csvColumns;
    GraphExplanations m_explanations;
    std::shared_ptr<const chem::MoleculeSet> m_molecules;
    JobSlot m_explain;   // a newer question supersedes the running one
    TrainingJob m_training;
    QString m_trainingMetric; // "node accuracy" or "RMSE", for the epochs of the running training
    JobSlot m_moleculeFile;
    JobSlot m_conformer;
};

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::graphs::GraphEpoch)
Q_DECLARE_METATYPE(periscope::chem::Conformer3d)
Q_DECLARE_METATYPE(std::shared_ptr<void>)
