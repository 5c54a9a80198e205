// SPDX-License-Identifier: GPL-3.0-or-later
// Molecules through RDKit: the paper's featurisation checked by hand, parsing of SMILES, SD and
// CSV files with their failure modes, RDKit-computed targets, coordinates, and the solubility
// model on real molecules (the published checkpoint when ../shared is here, one trained here).
#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/graphs/ExplainGraph.h"
#include "engine/graphs/GraphNetwork.h"
#include "engine/graphs/GraphTraining.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace periscope;
using namespace periscope::chem;

namespace {
QString testData(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/chem/") + QLatin1String(name);
}

float nodeFeature(const Molecule &m, int atom, int feature)
{
    return m.graph.nodeFeatures[std::size_t(atom * kNodeFeatureCount + feature)];
}

std::vector<float> edgeRow(const Molecule &m, int edge)
{
    const auto begin = m.graph.edgeFeatures.begin() + edge * kEdgeFeatureCount;
    return {begin, begin + kEdgeFeatureCount};
}

int symbolColumn(const char *symbol)
{
    const auto &symbols = featureSymbols();
    return 3 + int(std::find(symbols.begin(), symbols.end(), symbol) - symbols.begin());
}

// Each atom's one-hot has exactly one 1, in its symbol's column.
void checkOneHot(const Molecule &m)
{
    for (int a = 0; a < m.numAtoms(); ++a) {
        float sum = 0.0f;
        for (int f = 3; f < kNodeFeatureCount; ++f)
            sum += nodeFeature(m, a, f);
        QCOMPARE(sum, 1.0f);
        QCOMPARE(nodeFeature(m, a, symbolColumn(m.atomSymbols[std::size_t(a)].c_str())), 1.0f);
    }
}

double rmse(const std::vector<double> &a, const std::vector<double> &b)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += (a[i] - b[i]) * (a[i] - b[i]);
    return std::sqrt(s / double(a.size()));
}
} // namespace

class TestMolecules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void featureNamesFollowThePaper();
    void benzeneByHand();
    void phenolByHand();
    void ethanolByHand();
    void symbolsOutsideTheListLeaveTheOneHotEmpty();
    void invalidSmilesGetAClearError_data();
    void invalidSmilesGetAClearError();
    void largeMoleculesAreRefusedBeforeTheyCostMinutes();
    void csvWithAByteOrderMarkReads();
    void crippenContributionsSumToLogPAndEsolFollowsDelaney();
    void sdfSkipsABrokenRecordWithAWarning();
    void csvReadsChosenColumnsAndSkipsBadRows();
    void smilesFilesAndMissingFiles();
    void builtInMoleculesLoad();
    void depictionAndConformerHaveChemicalGeometry();
    void publishedSolubilityModelPredictsMeasuredSolubility();
    void logPModelTrainsAndItsLrpFollowsCrippen();
};

void TestMolecules::featureNamesFollowThePaper()
{
    QCOMPARE(int(featureSymbols().size()), 44);
    QCOMPARE(featureSymbols().front(), std::string("C"));
    QCOMPARE(featureSymbols()[29], std::string("H"));
    QCOMPARE(featureSymbols().back(), std::string("Unknown"));
    QCOMPARE(int(nodeFeatureNames().size()), kNodeFeatureCount);
    QCOMPARE(nodeFeatureNames()[1], std::string("hydrogens"));
    QCOMPARE(int(edgeFeatureNames().size()), kEdgeFeatureCount);
}

void TestMolecules::benzeneByHand()
{
    const Molecule m = moleculeFromSmiles("c1ccccc1", "benzene");
    QCOMPARE(m.numAtoms(), 6);
    QCOMPARE(m.graph.nodeFeatureCount, std::int64_t(47));
    QCOMPARE(m.graph.edgeFeatureCount, std::int64_t(6));
    for (int a = 0; a < 6; ++a) {
        QCOMPARE(nodeFeature(m, a, 0), 2.0f); // degree
        QCOMPARE(nodeFeature(m, a, 1), 1.0f); // total H
        QCOMPARE(nodeFeature(m, a, 2), 1.0f); // implicit valence
        QCOMPARE(nodeFeature(m, a, 3), 1.0f); // is C
    }
    checkOneHot(m);
    // 6 bonds, each twice (begin->end, then end->begin): conjugated, in ring, aromatic.
    QCOMPARE(m.graph.numEdges(), std::int64_t(12));
    for (int e = 0; e < 12; ++e)
        QCOMPARE(edgeRow(m, e), (std::vector<float>{1, 1, 0, 0, 0, 1}));
    QCOMPARE(m.graph.senders[0], m.graph.receivers[1]);
    QCOMPARE(m.graph.receivers[0], m.graph.senders[1]);
    QCOMPARE(m.graph.senders[0], std::int64_t(m.bonds[0].begin));
    QCOMPARE(m.bonds[0].order, 1.5);
}

void TestMolecules::phenolByHand()
{
    const Molecule m = moleculeFromSmiles("Oc1ccccc1");
    QCOMPARE(m.numAtoms(), 7);
    QCOMPARE(m.atomSymbols[0], std::string("O"));
    QCOMPARE(nodeFeature(m, 0, 0), 1.0f);
    QCOMPARE(nodeFeature(m, 0, 1), 1.0f);
    QCOMPARE(nodeFeature(m, 0, 2), 1.0f);
    QCOMPARE(nodeFeature(m, 0, symbolColumn("O")), 1.0f);
    QCOMPARE(nodeFeature(m, 1, 0), 3.0f); // the ipso carbon: three neighbours, no H
    QCOMPARE(nodeFeature(m, 1, 1), 0.0f);
    QCOMPARE(nodeFeature(m, 1, 2), 0.0f);
    checkOneHot(m);
    // O-C: single, conjugated with the ring (the oxygen's lone pair), not in the ring.
    QCOMPARE(edgeRow(m, 0), (std::vector<float>{1, -1, 1, 0, 0, 0}));
    QCOMPARE(edgeRow(m, 2), (std::vector<float>{1, 1, 0, 0, 0, 1}));
    QCOMPARE(m.graph.numEdges(), std::int64_t(14));
}

void TestMolecules::ethanolByHand()
{
    const Molecule m = moleculeFromSmiles("CCO");
    QCOMPARE(m.numAtoms(), 3);
    const float expected[3][3] = {{1, 3, 3}, {2, 2, 2}, {1, 1, 1}}; // degree, H, implicit valence
    for (int a = 0; a < 3; ++a)
        for (int f = 0; f < 3; ++f)
            QCOMPARE(nodeFeature(m, a, f), expected[a][f]);
    checkOneHot(m);
    QCOMPARE(m.graph.numEdges(), std::int64_t(4));
    for (int e = 0; e < 4; ++e)
        QCOMPARE(edgeRow(m, e), (std::vector<float>{-1, -1, 1, 0, 0, 0}));
    QCOMPARE(m.graph.senders, (std::vector<std::int64_t>{0, 1, 1, 2}));
    QCOMPARE(m.graph.receivers, (std::vector<std::int64_t>{1, 0, 2, 1}));
    // Double and triple bonds get their own columns.
    QCOMPARE(edgeRow(moleculeFromSmiles("C=C"), 0)[3], 1.0f);
    QCOMPARE(edgeRow(moleculeFromSmiles("C#N"), 0)[4], 1.0f);
}

void TestMolecules::symbolsOutsideTheListLeaveTheOneHotEmpty()
{
    // Xenon is not among the 44 symbols; the paper's pandas code then leaves the row all zero.
    const Molecule m = moleculeFromSmiles("[Xe]");
    QCOMPARE(m.numAtoms(), 1);
    for (int f = 3; f < kNodeFeatureCount; ++f)
        QCOMPARE(nodeFeature(m, 0, f), 0.0f);
    QCOMPARE(m.graph.numEdges(), std::int64_t(0));
    // Salts: two fragments, charges kept.
    const Molecule salt = moleculeFromSmiles("[Na+].[Cl-]");
    QCOMPARE(salt.numAtoms(), 2);
    QCOMPARE(salt.atomCharges, (std::vector<int>{1, -1}));
    QCOMPARE(nodeFeature(salt, 0, symbolColumn("Na")), 1.0f);
}

void TestMolecules::invalidSmilesGetAClearError_data()
{
    QTest::addColumn<QString>("smiles");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("unclosed ring") << QStringLiteral("C1CC");
    QTest::newRow("unclosed branch") << QStringLiteral("CC(C");
    QTest::newRow("not SMILES") << QStringLiteral("hello world");
    QTest::newRow("pentavalent carbon") << QStringLiteral("C(C)(C)(C)(C)C");
    QTest::newRow("bad aromatic ring") << QStringLiteral("c1cccc1");
    // A SMILES is one line: "CC\nO" was read as "CC" (#17).
    QTest::newRow("line break") << QStringLiteral("CC\nO");
    QTest::newRow("carriage return") << QStringLiteral("CC\rO");
    QTest::newRow("NUL") << QString(QStringLiteral("CC") + QChar(0) + QStringLiteral("O"));
    QTest::newRow("over the length limit") << QString(int(kMaxSmilesLength) + 1, QLatin1Char('C'));
}

void TestMolecules::invalidSmilesGetAClearError()
{
    QFETCH(QString, smiles);
    try {
        moleculeFromSmiles(smiles.toStdString());
        QFAIL("an invalid SMILES was accepted");
    } catch (const Error &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.startsWith(QLatin1String("invalid SMILES")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    }
}

void TestMolecules::largeMoleculesAreRefusedBeforeTheyCostMinutes()
{
    // 600 carbons parse in RDKit in milliseconds; the graph features and explanations would grow
    // with the square of the atoms. Refused with the count; 500 is still read.
    try {
        moleculeFromSmiles(std::string(std::size_t(kMaxMoleculeAtoms) + 100, 'C'));
        QFAIL("a 600-atom molecule was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("600 heavy atoms, over the limit of 500")), e.what());
    }
    QCOMPARE(moleculeFromSmiles(std::string(std::size_t(kMaxMoleculeAtoms), 'C')).numAtoms(), kMaxMoleculeAtoms);
}

void TestMolecules::csvWithAByteOrderMarkReads()
{
    // Excel's "CSV UTF-8" starts with a byte-order mark; the first column is still "smiles".
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bom.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBFsmiles,solubility\nCCO,1.1\nc1ccccc1,-1.64\n");
    file.close();
    const MoleculeSet set = readMoleculeCsv(path.toStdString(), "smiles", "solubility");
    QCOMPARE(int(set.molecules.size()), 2);
    QCOMPARE(*set.molecules[1].target, -1.64);
}

void TestMolecules::crippenContributionsSumToLogPAndEsolFollowsDelaney()
{
    for (const char *smiles : {"c1ccccc1", "Oc1ccccc1", "CCO", "CC(=O)Nc1ccc(O)cc1", "OCC3OC(OCC2OC(OC(C#N)c1ccccc1)C(O)C(O)C2O)C(O)C(O)C3O"}) {
        const Molecule m = moleculeFromSmiles(smiles);
        QCOMPARE(int(m.crippenContributions.size()), m.numAtoms());
        const double sum = std::accumulate(m.crippenContributions.begin(), m.crippenContributions.end(), 0.0);
        QVERIFY2(std::abs(sum - m.logP) < 1e-9, smiles);
        QVERIFY(std::abs(m.esolEstimate - esolEquation(m.logP, m.molecularWeight, m.rotatableBonds, m.aromaticProportion)) < 1e-12);
    }
    // Values RDKit's Python API gives (Crippen.MolLogP, Descriptors.MolWt) for benzene and ethanol.
    const Molecule benzene = moleculeFromSmiles("c1ccccc1");
    QVERIFY(std::abs(benzene.logP - 1.6866) < 1e-4);
    QVERIFY(std::abs(benzene.molecularWeight - 78.114) < 1e-3);
    QCOMPARE(benzene.rotatableBonds, 0);
    QCOMPARE(benzene.aromaticProportion, 1.0);
    // Delaney's equation by hand for benzene: 0.16 - 0.63*1.6866 - 0.0062*78.114 + 0 - 0.74.
    QVERIFY(std::abs(benzene.esolEstimate - (0.16 - 0.63 * 1.6866 - 0.0062 * 78.114 - 0.74)) < 1e-3);
    const Molecule ethanol = moleculeFromSmiles("CCO");
    QVERIFY(std::abs(ethanol.logP - (-0.0014)) < 1e-4);
    QCOMPARE(ethanol.aromaticProportion, 0.0);
    // Butane has one rotatable bond (the central C-C).
    QCOMPARE(moleculeFromSmiles("CCCC").rotatableBonds, 1);
}

void TestMolecules::sdfSkipsABrokenRecordWithAWarning()
{
    const MoleculeSet set = readSdf(testData("broken_record.sdf").toStdString());
    QCOMPARE(int(set.molecules.size()), 2);
    QCOMPARE(set.molecules[0].name, std::string("ethanol"));
    QCOMPARE(set.molecules[0].numAtoms(), 3);
    QCOMPARE(set.molecules[1].name, std::string("methanol"));
    QCOMPARE(int(set.warnings.size()), 1);
    QVERIFY2(QString::fromStdString(set.warnings[0]).contains(QLatin1String("record 2 skipped")), set.warnings[0].c_str());
    // The same through the suffix dispatch.
    QCOMPARE(int(readMolecules(testData("broken_record.sdf").toStdString()).molecules.size()), 2);

    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.sdf"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("nothing here\n");
    file.close();
    QVERIFY_THROWS_EXCEPTION(Error, readSdf(empty.toStdString()));
    QVERIFY_THROWS_EXCEPTION(Error, readSdf(dir.filePath(QStringLiteral("missing.sdf")).toStdString()));
}

void TestMolecules::csvReadsChosenColumnsAndSkipsBadRows()
{
    const std::string path = testData("measured.csv").toStdString();
    const MoleculeSet set = readMoleculeCsv(path, {}, "Measured log solubility");
    QCOMPARE(int(set.molecules.size()), 3); // ethanol, benzene, acetic acid
    QCOMPARE(set.molecules[0].name, std::string("ethanol"));
    QCOMPARE(*set.molecules[0].target, 1.10);
    QCOMPARE(*set.molecules[2].target, 1.22); // quoted number
    QCOMPARE(int(set.warnings.size()), 2);
    QVERIFY(QString::fromStdString(set.warnings[0]).contains(QLatin1String("invalid SMILES")));
    QVERIFY(QString::fromStdString(set.warnings[1]).contains(QLatin1String("not a number")));
    // Without a target column every valid row is read.
    QCOMPARE(int(readMoleculeCsv(path).molecules.size()), 4);
    try {
        readMoleculeCsv(path, "structure");
        QFAIL("a missing column was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("columns: name, smiles, measured log solubility")), e.what());
    }
    // Training examples need the measured value; RDKit's targets exist for any molecule.
    QCOMPARE(moleculeExamples(set.molecules, MoleculeTarget::Measured)[1].globalTarget, -1.64);
    const MoleculeSet unmeasured = readMoleculeCsv(path);
    QVERIFY_THROWS_EXCEPTION(Error, moleculeExamples(unmeasured.molecules, MoleculeTarget::Measured));
    QCOMPARE(moleculeExamples(unmeasured.molecules, MoleculeTarget::LogP)[0].globalTarget, unmeasured.molecules[0].logP);
    QVERIFY_THROWS_EXCEPTION(Error, parseMoleculeTarget("boiling point"));
}

void TestMolecules::smilesFilesAndMissingFiles()
{
    const MoleculeSet set = readMolecules(testData("three.smi").toStdString());
    QCOMPARE(int(set.molecules.size()), 3);
    QCOMPARE(set.molecules[1].name, std::string("phenol"));
    QVERIFY(set.warnings.empty());
    QVERIFY_THROWS_EXCEPTION(Error, readMolecules("/nonexistent/molecules.smi"));
    QVERIFY_THROWS_EXCEPTION(Error, readMolecules(QStringLiteral(PERISCOPE_SOURCE_DIR).toStdString())); // a folder
    QVERIFY_THROWS_EXCEPTION(Error, readNciMolecules("/nonexistent/first_5k.tpsa.csv"));
}

void TestMolecules::builtInMoleculesLoad()
{
    if (!QFile::exists(QString::fromStdString(defaultNciPath())))
        QSKIP("rdkit-data's NCI molecules are not installed");
    const MoleculeSet set = readNciMolecules(defaultNciPath(), 300);
    QCOMPARE(int(set.molecules.size()), 300);
    for (const Molecule &m : set.molecules) {
        QVERIFY(m.numAtoms() > 0);
        QVERIFY(std::isfinite(m.logP) && std::isfinite(m.esolEstimate));
        QCOMPARE(m.graph.numEdges(), std::int64_t(2 * m.bonds.size()));
        m.graph.validate();
    }
}

void TestMolecules::depictionAndConformerHaveChemicalGeometry()
{
    const Molecule m = moleculeFromSmiles("Oc1ccccc1");
    const auto points = depictionCoordinates(m);
    QCOMPARE(int(points.size()), m.numAtoms());
    for (const MoleculeBond &b : m.bonds) {
        const double d = std::hypot(points[std::size_t(b.begin)][0] - points[std::size_t(b.end)][0],
                                    points[std::size_t(b.begin)][1] - points[std::size_t(b.end)][1]);
        QVERIFY2(d > 1.3 && d < 1.7, qPrintable(QString::number(d))); // RDKit depicts bonds 1.5 long
    }
    const Conformer3d c = embedMolecule3d(moleculeFromSmiles("CCO"));
    QCOMPARE(int(c.symbols.size()), 9); // 3 heavy atoms + 6 hydrogens
    QVERIFY(c.optimised);
    QCOMPARE(c.heavyAtom[0], 0);
    for (std::size_t i = 3; i < c.symbols.size(); ++i) {
        QCOMPARE(c.symbols[i], std::string("H"));
        QVERIFY(c.heavyAtom[i] >= 0 && c.heavyAtom[i] < 3);
    }
    auto distance = [&](int a, int b) {
        double s = 0.0;
        for (int k = 0; k < 3; ++k)
            s += std::pow(c.positions[std::size_t(a)][std::size_t(k)] - c.positions[std::size_t(b)][std::size_t(k)], 2);
        return std::sqrt(s);
    };
    QVERIFY2(std::abs(distance(0, 1) - 1.51) < 0.05, qPrintable(QString::number(distance(0, 1)))); // C-C
    QVERIFY2(std::abs(distance(1, 2) - 1.42) < 0.05, qPrintable(QString::number(distance(1, 2)))); // C-O
    // Same seed, same conformer.
    QCOMPARE(embedMolecule3d(moleculeFromSmiles("CCO")).positions, c.positions);
}

void TestMolecules::publishedSolubilityModelPredictsMeasuredSolubility()
{
    const QString weights = QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/gcn-seed/sol.pt");
    const QString esol = QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/esol/delaney-processed.csv");
    if (!QFile::exists(weights) || !QFile::exists(esol))
        QSKIP("../shared/data is not here (a clone outside the team's workspace)");
    const MoleculeSet set = readMoleculeCsv(esol.toStdString(), "smiles", "measured log solubility in mols per litre");
    QCOMPARE(int(set.molecules.size()), 1128);
    const StateDict tensors = loadStateDict(weights.toStdString());
    std::int64_t width = 0;
    for (const auto &[name, t] : tensors)
        if (name == "encoder.node.W_node")
            width = t.size(0);
    graphs::SolubilityGN model(3, width, true, graphs::Aggregation::Sum);
    QVERIFY(applyStateDict(*model, tensors, true).isComplete());
    model->eval();
    std::vector<graphs::GraphBatch> batch;
    std::vector<double> truth, predicted;
    for (const Molecule &m : set.molecules) {
        batch.push_back(graphs::GraphBatch::fromData(m.graph));
        truth.push_back(*m.target);
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor out = model->forward(graphs::GraphBatch::concatenate(batch)).globals.reshape({-1}).to(torch::kDouble);
    for (std::int64_t i = 0; i < out.size(0); ++i)
        predicted.push_back(out[i].item<double>());
    const double error = rmse(predicted, truth);
    const double mean = std::accumulate(truth.begin(), truth.end(), 0.0) / double(truth.size());
    const double spread = rmse(std::vector<double>(truth.size(), mean), truth);
    qInfo("published sol.pt on ESOL (1128 molecules): RMSE %.3f, predicting the mean %.3f", error, spread);
    // The published model learned solubility from exactly these features: far better than the mean.
    QVERIFY2(error < 0.5 * spread, qPrintable(QString::number(error)));
}

void TestMolecules::logPModelTrainsAndItsLrpFollowsCrippen()
{
    if (!QFile::exists(QString::fromStdString(defaultNciPath())))
        QSKIP("rdkit-data's NCI molecules are not installed");
    const MoleculeSet set = readNciMolecules(defaultNciPath(), 600);
    QTemporaryDir dir;
    graphs::GraphTrainingSettings settings;
    settings.task = graphs::GraphTask::Molecules;
    settings.layers = 2;
    settings.width = 32;
    settings.epochs = 25;
    settings.batchSize = 32;
    settings.learningRate = 3e-3;
    settings.seed = 7;
    settings.targetName = "logp";
    settings.outPath = dir.filePath(QStringLiteral("logp.safetensors")).toStdString();
    const std::vector<Molecule> train(set.molecules.begin(), set.molecules.begin() + 500);
    const graphs::GraphTrainingSummary summary = graphs::trainGraphNetwork(moleculeExamples(train, MoleculeTarget::LogP), settings);
    QCOMPARE(int(summary.epochs.size()), 25);
    QCOMPARE(summary.metricName, std::string("rmse"));
    std::vector<double> logp;
    for (const Molecule &m : train)
        logp.push_back(m.logP);
    const double mean = std::accumulate(logp.begin(), logp.end(), 0.0) / double(logp.size());
    const double spread = rmse(std::vector<double>(logp.size(), mean), logp);
    qInfo("logP model: validation RMSE %.3f (first epoch %.3f, predicting the mean %.3f)", summary.epochs.back().validationMetric,
          summary.epochs.front().validationMetric, spread);
    QVERIFY(summary.epochs.back().validationMetric < 0.5 * spread);

    // Held-out molecules: LRP atom relevance ranks atoms like their Crippen contributions.
    double rhoSum = 0.0;
    int counted = 0;
    for (std::size_t i = 500; i < 540; ++i) {
        const Molecule &m = set.molecules[i];
        if (m.numAtoms() < 4)
            continue;
        graphs::ExplainGraphRequest request;
        request.graph = m.graph;
        request.modelPath = settings.outPath;
        request.method = "lrp";
        request.nodeTruth = m.crippenContributions;
        request.nodeTruthName = "crippen";
        const json::Value out = graphs::runExplainGraph(request);
        const json::Value *rho = out.find("scores")->find("node_truth_spearman");
        if (rho && rho->isNumber()) {
            rhoSum += rho->asNumber();
            ++counted;
        }
    }
    QVERIFY(counted > 30);
    qInfo("LRP vs Crippen contributions: mean Spearman %.3f over %d held-out molecules", rhoSum / counted, counted);
    QVERIFY(rhoSum / counted > 0.3);
}

QTEST_GUILESS_MAIN(TestMolecules)
#include "tst_molecules.moc"
