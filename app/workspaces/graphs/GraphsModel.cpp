// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphsModel.h"

#include "app/shell/JobManager.h"
#include "app/models/BuiltInGraphModels.h"
#include "engine/core/errors/Error.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace periscope::app {

namespace {
QJsonObject toQt(const json::Value &value)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(value.dump())).object();
}

// The first infected node that is not sick itself: its infection has a cause to find.
QString firstInteresting(const QJsonObject &result)
{
    const QJsonObject truth = result.value(QStringLiteral("truth")).toObject();
    const QJsonArray infected = truth.value(QStringLiteral("infected")).toArray();
    const QJsonArray sick = truth.value(QStringLiteral("sick")).toArray();
    for (int i = 0; i < infected.size(); ++i)
        if (infected[i].toBool() && !sick[i].toBool())
            return QStringLiteral("node:%1").arg(i);
    return QStringLiteral("node:0");
}

GraphExplanations runExplanations(const GraphsModel::Input &input, const std::shared_ptr<const chem::MoleculeSet> &set,
                                  const QString &modelPath, const QString &aggregation, QString target, const JobControl &control)
{
    graphs::ExplainGraphRequest request;
    request.modelPath = modelPath.toStdString();
    if (!aggregation.isEmpty())
        request.arch["aggregation"] = aggregation.toStdString();
    std::shared_ptr<const chem::Molecule> molecule;
    json::Value moleculeJson;
    if (input.kind == GraphScene::Kind::Infection) {
        request.infectionSeed = input.seed;
        request.infection = input.infection;
        if (target.isEmpty()) {
            request.target = "global";
            target = firstInteresting(toQt(graphs::runExplainGraph(request)));
        }
    } else {
        if (!input.smiles.isNull())
            molecule = std::make_shared<const chem::Molecule>(chem::moleculeFromSmiles(input.smiles.toStdString()));
        else if (set && input.moleculeIndex >= 0 && std::size_t(input.moleculeIndex) < set->molecules.size())
            molecule = std::make_shared<const chem::Molecule>(set->molecules[std::size_t(input.moleculeIndex)]);
        else
            throw Error("no molecule is selected");
        request.graph = molecule->graph;
        request.nodeTruth = molecule->crippenContributions;
        request.nodeTruthName = "crippen_logp_contribution";
        moleculeJson = chem::moleculeJson(*molecule);
        if (target.isEmpty())
            target = QStringLiteral("global");
    }
    request.target = target.toStdString();

    GraphExplanations out;
    const QStringList methods = GraphsModel::methods();
    for (int i = 0; i < methods.size(); ++i) {
        control.throwIfCancelled();
        control.reportProgress(double(i) / methods.size(), methods[i].toStdString());
        request.method = methods[i].toStdString();
        json::Value result = graphs::runExplainGraph(request);
        if (molecule)
            result.set("molecule", moleculeJson);
        const QJsonObject qt = toQt(result);
        if (i == 0)
            out.scene = GraphScene::fromExplanation(qt);
        out.methods.append(MethodExplanation::fromExplanation(qt));
    }
    out.molecule = molecule;
    return out;
}
} // namespace

GraphsModel::GraphsModel(JobManager *jobs, QObject *parent)
    : QObject(parent), m_explain(jobs), m_training(jobs), m_moleculeFile(jobs), m_conformer(jobs)
{
    connect(&m_explain, &JobSlot::busyChanged, this, &GraphsModel::busyChanged);
    connect(&m_training, &TrainingJob::epochEnded, this,
            [this](const QVariant &epoch) { Q_EMIT trainingEpoch(epoch.value<graphs::GraphEpoch>(), m_trainingMetric); });
    connect(&m_training, &TrainingJob::finished, this, &GraphsModel::trainingFinished);
    connect(&m_training, &TrainingJob::stopped, this, &GraphsModel::trainingStopped);
    qRegisterMetaType<periscope::graphs::GraphEpoch>();
    qRegisterMetaType<periscope::chem::Conformer3d>();
}

GraphsModel::~GraphsModel() = default;

void GraphsModel::showInfection(quint64 seed, const graphs::InfectionSettings &settings)
{
    m_input = Input{};
    m_input.kind = GraphScene::Kind::Infection;
    m_input.seed = seed;
    m_input.infection = settings;
    m_target.clear();
    explain();
}

void GraphsModel::showSmiles(const QString &smiles)
{
    m_input = Input{};
    m_input.kind = GraphScene::Kind::Molecule;
    m_input.smiles = smiles.isNull() ? QStringLiteral("") : smiles;
    m_target = QStringLiteral("global");
    explain();
}

void GraphsModel::openMoleculeFile(const QString &path, const QString &smilesColumn, const QString &targetColumn, int index)
{
    const std::string file = path.toStdString(), smiles = smilesColumn.toStdString(), target = targetColumn.toStdString();
    struct Loaded {
        std::shared_ptr<chem::MoleculeSet> set; // null when the molecules could not be read
        QStringList columns;                    // a CSV's header, to choose other columns from
        QString error;
    };
    m_moleculeFile.start(
        tr("Read molecules from %1").arg(QFileInfo(path).fileName()),
        [file, smiles, target](const JobControl &control) {
            auto loaded = std::make_shared<Loaded>();
            if (QFileInfo(QString::fromStdString(file)).suffix().toLower() == QLatin1String("csv"))
                for (const std::string &column : chem::csvColumns(file))
                    loaded->columns << QString::fromStdString(column);
            try {
                loaded->set = std::make_shared<chem::MoleculeSet>(chem::readMolecules(file, smiles, target, control));
            } catch (const Error &e) {
                if (loaded->columns.isEmpty())
                    throw;
                loaded->error = QString::fromUtf8(e.what()); // a CSV read with the wrong columns: offer its columns
            }
            return QVariant::fromValue(std::shared_ptr<void>(loaded, loaded.get()));
        },
        [this, path, smilesColumn, targetColumn, index](const QVariant &result) {
            const auto loaded = std::static_pointer_cast<Loaded>(result.value<std::shared_ptr<void>>());
            m_csvColumns = loaded->columns;
            m_smilesColumn = smilesColumn;
            m_targetColumn = targetColumn;
            m_input = Input{};
            m_input.kind = GraphScene::Kind::Molecule;
            m_input.moleculeFile = path;
            m_target = QStringLiteral("global");
            if (!loaded->set) {
                showOpenFailure(path, loaded->error);
                return;
            }
            m_molecules = loaded->set;
            for (const std::string &warning : m_molecules->warnings)
                qWarning("%s", warning.c_str());
            m_input.moleculeIndex = index >= 0 && std::size_t(index) < m_molecules->molecules.size() ? index : 0;
            Q_EMIT moleculesChanged();
            explain();
        },
        [this, path](const QString &error) { showOpenFailure(path, error); });
}

void GraphsModel::showOpenFailure(const QString &path, const QString &reason)
{
    // The previous molecule must not stay on screen as if it were this file's.
    m_molecules.reset();
    m_explanations = GraphExplanations{};
    m_input = Input{};
    m_input.kind = GraphScene::Kind::Molecule;
    m_input.moleculeFile = path;
    Q_EMIT moleculesChanged();
    Q_EMIT explanationsChanged();
    Q_EMIT openFailed(QFileInfo(path).fileName(), reason);
    Q_EMIT failed(reason);
}

void GraphsModel::selectMolecule(int index)
{
    if (!m_molecules || index < 0 || std::size_t(index) >= m_molecules->molecules.size())
        return;
    m_input.kind = GraphScene::Kind::Molecule;
    m_input.smiles = QString();
    m_input.moleculeIndex = index;
    explain();
}

void GraphsModel::clear()
{
    m_explain.cancel();
    m_moleculeFile.cancel();
    m_input = Input{};
    m_target.clear();
    m_molecules.reset();
    m_csvColumns.clear();
    m_explanations = GraphExplanations{};
    Q_EMIT moleculesChanged();
    Q_EMIT explanationsChanged();
}

QStringList GraphsModel::moleculeNames() const
{
    QStringList names;
    if (m_molecules)
        for (const chem::Molecule &m : m_molecules->molecules)
            names << QString::fromStdString(m.name.empty() ? m.smiles : m.name + "  " + m.smiles);
    return names;
}

void GraphsModel::setModel(const QString &nameOrPath)
{
    m_model = nameOrPath;
    Q_EMIT modelChanged();
    if (m_input.kind != GraphScene::Kind::None)
        explain();
}

void GraphsModel::setAggregation(const QString &aggregation)
{
    m_aggregation = aggregation;
    if (m_input.kind != GraphScene::Kind::None)
        explain();
}

void GraphsModel::setTarget(const QString &target)
{
    m_target = target;
    if (m_input.kind != GraphScene::Kind::None)
        explain();
}

QString GraphsModel::resolvedModel(QString *error) const
{
    QString name = m_model;
    if (name.isEmpty())
        name = m_input.kind == GraphScene::Kind::Infection ? QStringLiteral("infection") : QStringLiteral("esol");
    return resolveGraphModel(name, error);
}

void GraphsModel::explain()
{
    QString error;
    const QString modelPath = resolvedModel(&error);
    if (modelPath.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    const Input input = m_input;
    const auto set = m_molecules;
    const QString target = m_target;
    const QString aggregation = m_aggregation;
    const QString what = input.kind == GraphScene::Kind::Infection ? tr("infection graph %1").arg(input.seed) : tr("molecule");
    m_explain.start(
        tr("Explain %1").arg(what),
        [input, set, modelPath, aggregation, target](const JobControl &control) {
            return QVariant::fromValue(runExplanations(input, set, modelPath, aggregation, target, control));
        },
        [this](const QVariant &result) {
            m_explanations = result.value<GraphExplanations>();
            if (!m_explanations.methods.isEmpty())
                m_target = m_explanations.methods.first().target;
            Q_EMIT explanationsChanged();
        },
        [this](const QString &message) { Q_EMIT failed(message); });
}

void GraphsModel::startTraining(const TrainingRequest &request)
{
    if (m_training.isRunning())
        return;
    const auto set = m_molecules;
    m_trainingMetric = request.settings.task == graphs::GraphTask::Infection ? tr("node accuracy") : tr("RMSE");
    const QString metric = m_trainingMetric;
    m_training.start(
        tr("Train %1").arg(request.settings.task == graphs::GraphTask::Infection ? QStringLiteral("InfectionGN") : QStringLiteral("SolubilityGN")),
        QString::fromStdString(request.settings.outPath),
        [request, set, metric](const JobControl &control, const TrainingJob::EpochReporter &epochEnded) {
            graphs::GraphTrainingSettings settings = request.settings;
            std::vector<graphs::GraphExample> examples;
            if (settings.task == graphs::GraphTask::Infection) {
                examples = graphs::generateInfectionExamples(request.infectionGraphs, settings.seed);
                settings.targetName = "infected";
            } else {
                const chem::MoleculeTarget target = chem::parseMoleculeTarget(request.moleculeTarget.toStdString());
                std::vector<chem::Molecule> molecules;
                if (request.useOpenedMolecules && set)
                    molecules = set->molecules;
                else
                    molecules = chem::readNciMolecules(chem::defaultNciPath(), std::size_t(std::max(request.moleculeLimit, 0)), control).molecules;
                examples = chem::moleculeExamples(molecules, target);
                settings.targetName = chem::moleculeTargetKey(target);
            }
            const graphs::GraphTrainingSummary summary = graphs::trainGraphNetwork(
                examples, settings, control, [&epochEnded](const graphs::GraphEpoch &epoch) { epochEnded(QVariant::fromValue(epoch)); });
            const graphs::GraphEpoch last = summary.epochs.empty() ? graphs::GraphEpoch{} : summary.epochs.back();
            return tr("%1 epochs, validation %2 %3 (%4 s)")
                .arg(summary.epochs.size())
                .arg(metric)
                .arg(last.validationMetric, 0, 'f', 4)
                .arg(summary.seconds, 0, 'f', 1);
        });
}

void GraphsModel::cancelTraining()
{
    m_training.cancel();
}

void GraphsModel::embed3d()
{
    const std::shared_ptr<const chem::Molecule> molecule = m_explanations.molecule;
    if (!molecule)
        return;
    m_conformer.start(
        tr("Embed %1 in 3-D").arg(QString::fromStdString(molecule->smiles)),
        [molecule](const JobControl &) { return QVariant::fromValue(chem::embedMolecule3d(*molecule)); },
        [this](const QVariant &result) { Q_EMIT conformerReady(result.value<chem::Conformer3d>()); },
        [this](const QString &error) { Q_EMIT failed(error); });
}

} // namespace periscope::app
