// SPDX-License-Identifier: GPL-3.0-or-later
// The Graph workspace end to end on the offscreen platform: demos, clicking a node to explain
// it, molecules typed or opened, bad input in the UI, training from the panel, figure export
// and the project state.
#include "app/shell/JobManager.h"
#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphsView.h"
#include "app/workspaces/graphs/GraphsWorkspace.h"
#include "app/workspaces/graphs/GraphCanvas.h"
#include "widgets/plotview/PlotView.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace periscope;
using namespace periscope::app;

namespace {
QString testData(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/chem/") + QLatin1String(name);
}
} // namespace

class TestGraphsWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void infectionDemoExplainsAnInfectedNodeWithAllMethods();
    void clickingANodeExplainsThatNode();
    void typedSmilesShowsTheMolecule();
    void badSmilesGetsAMessageNotACrash();
    void openedFileListsItsMolecules();
    void filesThatCannotOpenAreRefused();
    void csvColumnsAreChosenInTheView();
    void figureExportWritesAllPanels();
    void stateRoundTrips();
    void weightsThatDoNotSayTheirAggregationAskForIt();
    void trainingFromThePanelUsesTheNewModel();
    void inputsAndTheExplainedNodeAreUndone();

private:
    bool waitIdle() { return m_jobs->waitForIdle(60000); }
    GraphsView *view() { return qobject_cast<GraphsView *>(m_workspace->view()); }

    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<GraphsWorkspace> m_workspace;
};

void TestGraphsWorkspace::init()
{
    m_jobs = std::make_unique<JobManager>();
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    m_workspace = std::make_unique<GraphsWorkspace>(context);
    m_workspace->view()->resize(1400, 900);
    m_workspace->view()->show();
}

void TestGraphsWorkspace::cleanup()
{
    m_jobs->cancelAll();
    m_jobs->waitForIdle(10000);
    m_workspace.reset();
    m_jobs.reset();
}

void TestGraphsWorkspace::infectionDemoExplainsAnInfectedNodeWithAllMethods()
{
    QString error;
    QVERIFY(m_workspace->openDemo(QStringLiteral("infection"), &error));
    QVERIFY(waitIdle());
    const GraphExplanations &e = m_workspace->model()->explanations();
    QCOMPARE(e.scene.kind, GraphScene::Kind::Infection);
    QCOMPARE(e.methods.size(), 4);
    // The target is an infected node that is not sick itself.
    const QString target = e.methods.first().target;
    QVERIFY(target.startsWith(QLatin1String("node:")));
    const int node = target.mid(5).toInt();
    QVERIFY(e.scene.infected[node] && !e.scene.sick[node]);
    const QList<GraphCanvas *> canvases = view()->canvases();
    QCOMPARE(canvases.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(canvases[i]->picture().nodes.size(), e.scene.nodeCount);
        QVERIFY(canvases[i]->picture().colorbar.has_value());
        QVERIFY(canvases[i]->picture().nodes[node].selected);
        // The built-in InfectionGN finds the cause: every method scores its edges.
        QVERIFY2(e.methods[i].scoreLine.contains(QLatin1String("edge AUC")), qPrintable(e.methods[i].scoreLine));
    }
    QVERIFY(view()->statusText().contains(target));
}

void TestGraphsWorkspace::clickingANodeExplainsThatNode()
{
    QString error;
    QVERIFY(m_workspace->openDemo(QStringLiteral("infection"), &error));
    QVERIFY(waitIdle());
    GraphCanvas *canvas = view()->canvases()[2];
    const app::GraphPictureGeometry geometry(canvas->picture(), QRectF(canvas->rect()));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, geometry.map(canvas->picture().nodes[0].position).toPoint());
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->target(), QStringLiteral("node:0"));
    QCOMPARE(m_workspace->model()->explanations().methods[2].target, QStringLiteral("node:0"));
    QVERIFY(canvas->picture().nodes[0].selected);
}

void TestGraphsWorkspace::typedSmilesShowsTheMolecule()
{
    auto *smiles = view()->findChild<QLineEdit *>(QStringLiteral("smilesInput"));
    QVERIFY(smiles);
    smiles->setText(QStringLiteral("CC(=O)Nc1ccc(O)cc1"));
    QTest::keyClick(smiles, Qt::Key_Return);
    QVERIFY(waitIdle());
    const GraphExplanations &e = m_workspace->model()->explanations();
    QVERIFY(e.scene.isMolecule());
    QCOMPARE(e.scene.nodeCount, 11);
    QCOMPARE(e.scene.atoms[3], QStringLiteral("N"));
    QVERIFY(e.molecule);
    const app::GraphPicture &lrp = view()->canvases()[2]->picture();
    QCOMPARE(lrp.style, app::GraphPicture::Style::Molecule);
    int halos = 0;
    for (const app::GraphPictureNode &n : lrp.nodes)
        halos += n.haloSize > 0.0 ? 1 : 0;
    QVERIFY(halos >= 5);
    QCOMPARE(lrp.edges.size(), 11); // each bond once
    QVERIFY(e.methods[3].scoreLine.contains(QLatin1String("Spearman vs Crippen")));
    // The bars and the heatmap show the chosen method.
    QVERIFY(view()->barsPlot()->seriesCount() >= 1);
    QCOMPARE(view()->barsPlot()->seriesValues(0).size(), 11);
    // One deletion curve per method, starting at the explained output.
    QCOMPARE(view()->edgeDeletionPlot()->seriesCount(), 4);
    QCOMPARE(view()->edgeDeletionPlot()->seriesValues(2).first(), e.methods[2].outputValue);
}

void TestGraphsWorkspace::badSmilesGetsAMessageNotACrash()
{
    QSignalSpy failed(m_workspace->model(), &GraphsModel::failed);
    m_workspace->model()->showSmiles(QStringLiteral("C1CC(")); // unclosed ring and branch
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("invalid SMILES")), qPrintable(failed.first().first().toString()));
    auto *status = view()->findChild<QLabel *>(QStringLiteral("graphsStatus"));
    QVERIFY(status->text().contains(QLatin1String("invalid SMILES")));
    // A model that does not fit the input: a message too.
    m_workspace->model()->setModel(QStringLiteral("infection"));
    m_workspace->model()->showSmiles(QStringLiteral("CCO"));
    QVERIFY(waitIdle());
    QVERIFY(status->text().contains(QLatin1String("InfectionGN takes 4 node and 2 edge features")));
}

void TestGraphsWorkspace::openedFileListsItsMolecules()
{
    QString error;
    QVERIFY2(m_workspace->openFile(testData("three.smi"), &error), qPrintable(error));
    QVERIFY(waitIdle());
    auto *list = view()->findChild<QListWidget *>();
    QCOMPARE(list->count(), 3);
    QCOMPARE(m_workspace->model()->explanations().scene.smiles, QStringLiteral("c1ccccc1"));
    list->setCurrentRow(1);
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->explanations().scene.nodeCount, 7); // phenol
    QCOMPARE(m_workspace->openFiles(), QStringList{QFileInfo(testData("three.smi")).absoluteFilePath()});
    // An SD file with a broken record opens its good ones.
    QVERIFY(m_workspace->openFile(testData("broken_record.sdf"), &error));
    QVERIFY(waitIdle());
    QCOMPARE(list->count(), 2);
}

void TestGraphsWorkspace::filesThatCannotOpenAreRefused()
{
    QString error;
    QVERIFY(!m_workspace->openFile(QStringLiteral("/no/such/molecules.sdf"), &error));
    QVERIFY(error.contains(QLatin1String("does not exist")));
    QVERIFY(!m_workspace->openFile(QStringLiteral(PERISCOPE_SOURCE_DIR "/README.md"), &error));
    QVERIFY(error.contains(QLatin1String("not a molecule file")));
    // A CSV without a smiles column fails in the job, with the columns named.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("no-smiles.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,value\nwater,1\n");
    file.close();
    QSignalSpy failed(m_workspace->model(), &GraphsModel::failed);
    QVERIFY(m_workspace->openFile(csv, &error));
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("columns: name, value")));

    // A file that passes the first look but cannot be read: the molecule shown before goes away,
    // and the status says "cannot open" with the file's name, not "could not explain".
    QVERIFY2(m_workspace->openFile(testData("three.smi"), &error), qPrintable(error));
    QVERIFY(waitIdle());
    QVERIFY(!m_workspace->model()->explanations().methods.isEmpty());
    const QString garbage = dir.filePath(QStringLiteral("garbage.sdf"));
    QFile sdf(garbage);
    QVERIFY(sdf.open(QIODevice::WriteOnly));
    sdf.write("not a molecule\n$$$$\n");
    sdf.close();
    QSignalSpy openFailed(m_workspace->model(), &GraphsModel::openFailed);
    QVERIFY(m_workspace->openFile(garbage, &error));
    QVERIFY(waitIdle());
    QCOMPARE(openFailed.count(), 1);
    QVERIFY(m_workspace->model()->explanations().methods.isEmpty());
    QCOMPARE(view()->findChild<QListWidget *>()->count(), 0);
    const QString status = view()->findChild<QLabel *>(QStringLiteral("graphsStatus"))->text();
    QVERIFY2(status.contains(QLatin1String("garbage.sdf: cannot open:")) && !status.contains(QLatin1String("Could not explain")),
             qPrintable(status));
}

void TestGraphsWorkspace::csvColumnsAreChosenInTheView()
{
    QString error;
    QVERIFY(m_workspace->openFile(testData("measured.csv"), &error));
    QVERIFY(waitIdle());
    auto *smiles = view()->findChild<QComboBox *>(QStringLiteral("smilesColumn"));
    auto *target = view()->findChild<QComboBox *>(QStringLiteral("targetColumn"));
    QVERIFY(smiles->isVisible() && target->isVisible());
    QCOMPARE(smiles->count(), 3);
    QCOMPARE(smiles->currentText(), QStringLiteral("smiles"));
    QCOMPARE(target->currentText(), QStringLiteral("(none)"));
    QVERIFY(!m_workspace->model()->explanations().scene.hasTarget);
    // Choosing the measured column re-reads the file: rows without a number are skipped, and the
    // prediction is shown against the measured value.
    target->setCurrentIndex(3);
    Q_EMIT target->activated(3);
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->targetColumn(), QStringLiteral("measured log solubility"));
    QCOMPARE(view()->findChild<QListWidget *>()->count(), 3);
    const GraphScene &scene = m_workspace->model()->explanations().scene;
    QVERIFY(scene.hasTarget);
    QCOMPARE(scene.target, 1.10);
    // The choice is part of the project.
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QCOMPARE(state.value(QStringLiteral("target_column")).toString(), QStringLiteral("measured log solubility"));
    // And an undo step: undo reads the file again with the columns before, redo with the new.
    QUndoStack *undo = m_workspace->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Read SMILES from smiles and targets from measured log solubility"));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->targetColumn(), QString());
    QCOMPARE(target->currentText(), QStringLiteral("(none)"));
    QVERIFY(!m_workspace->model()->explanations().scene.hasTarget);
    QCOMPARE(view()->findChild<QListWidget *>()->count(), 4);
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->targetColumn(), QStringLiteral("measured log solubility"));
    QVERIFY(m_workspace->model()->explanations().scene.hasTarget);
    // A wrong SMILES column: the columns stay offered, the message names them.
    QSignalSpy failed(m_workspace->model(), &GraphsModel::failed);
    m_workspace->model()->openMoleculeFile(QFileInfo(testData("measured.csv")).absoluteFilePath(), QStringLiteral("name"));
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(smiles->count(), 3);
}

void TestGraphsWorkspace::figureExportWritesAllPanels()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!m_workspace->exportFigure(dir.filePath(QStringLiteral("empty.png")), &error));
    QVERIFY(error.contains(QLatin1String("nothing to export")));
    QVERIFY(m_workspace->openDemo(QStringLiteral("molecule"), &error));
    QVERIFY(waitIdle());
    const QString png = dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(m_workspace->exportFigure(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(image.width() > 1000 && image.height() > 1000);
    const QString svg = dir.filePath(QStringLiteral("figure.svg"));
    QVERIFY2(m_workspace->exportFigure(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("Integrated Gradients"));
    QVERIFY(text.contains("Spearman vs Crippen"));
}

void TestGraphsWorkspace::stateRoundTrips()
{
    QString error;
    QVERIFY(m_workspace->openDemo(QStringLiteral("infection"), &error));
    QVERIFY(waitIdle());
    m_workspace->model()->setTarget(QStringLiteral("node:2"));
    QVERIFY(waitIdle());
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QCOMPARE(state.value(QStringLiteral("input")).toString(), QStringLiteral("infection"));

    JobManager jobs;
    WorkspaceContext context;
    context.jobs = &jobs;
    GraphsWorkspace restored(context);
    QVERIFY(restored.restoreState(state, ProjectPaths(), &error));
    QVERIFY(jobs.waitForIdle(60000));
    QCOMPARE(restored.model()->target(), QStringLiteral("node:2"));
    QCOMPARE(restored.model()->explanations().scene.nodeCount, m_workspace->model()->explanations().scene.nodeCount);
    QCOMPARE(restored.model()->explanations().methods[2].node, m_workspace->model()->explanations().methods[2].node);
}

void TestGraphsWorkspace::weightsThatDoNotSayTheirAggregationAskForIt()
{
    // A copy of the test model without its MODEL.json sidecar: nothing says it sums.
    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("bare.safetensors"));
    QVERIFY(QFile::copy(QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/graphs/infection_gn_sum.safetensors"), weights));
    QSignalSpy failed(m_workspace->model(), &GraphsModel::failed);
    m_workspace->model()->setModel(weights);
    m_workspace->model()->showInfection(2);
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("do not say how the model aggregates")));
    auto *choice = view()->findChild<QComboBox *>(QStringLiteral("aggregationChoice"));
    choice->setCurrentIndex(1);
    Q_EMIT choice->activated(1); // sum
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_workspace->model()->explanations().methods.size(), 4);
    QVERIFY(m_workspace->model()->explanations().scene.model.contains(QLatin1String("(sum) bare.safetensors")));
    QCOMPARE(m_workspace->saveState(ProjectPaths()).value(QStringLiteral("aggregation")).toString(), QStringLiteral("sum"));

    // The paper's published checkpoint (legacy torch.save), with max aggregation chosen here.
    const QString published = QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/gcn-seed/inf_max_bias.pt");
    if (!QFile::exists(published))
        QSKIP("../shared/data is not here (a clone outside the team's workspace)");
    m_workspace->model()->setAggregation(QStringLiteral("max"));
    m_workspace->model()->setModel(published);
    QVERIFY(waitIdle());
    QCOMPARE(failed.count(), 1);
    QVERIFY(m_workspace->model()->explanations().scene.model.contains(QLatin1String("(max) inf_max_bias.pt")));
    QVERIFY(m_workspace->model()->explanations().methods[2].scoreLine.contains(QLatin1String("edge AUC")));
}

void TestGraphsWorkspace::trainingFromThePanelUsesTheNewModel()
{
    QTemporaryDir dir;
    GraphsModel *model = m_workspace->model();
    QString error;
    QVERIFY(m_workspace->openDemo(QStringLiteral("infection"), &error));
    QVERIFY(waitIdle());
    QSignalSpy epochs(model, &GraphsModel::trainingEpoch);
    QSignalSpy finished(model, &GraphsModel::trainingFinished);
    GraphsModel::TrainingRequest request;
    request.settings.task = graphs::GraphTask::Infection;
    request.settings.epochs = 3;
    request.settings.learningRate = 1e-2;
    request.settings.outPath = dir.filePath(QStringLiteral("mine.safetensors")).toStdString();
    request.infectionGraphs = 100;
    model->startTraining(request);
    QVERIFY(model->isTraining());
    QVERIFY(waitIdle());
    QCoreApplication::processEvents(); // the queued epoch signals
    QCOMPARE(epochs.count(), 3);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!model->isTraining());
    QVERIFY(model->model() != dir.filePath(QStringLiteral("mine.safetensors"))); // not switched by surprise
    auto *use = view()->findChild<QPushButton *>(QStringLiteral("trainUseWeights"));
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(waitIdle()); // the explanation with the new model
    QCOMPARE(model->model(), dir.filePath(QStringLiteral("mine.safetensors")));
    QVERIFY(model->explanations().scene.model.contains(QLatin1String("mine.safetensors")));
    auto *choice = view()->findChild<QComboBox *>(QStringLiteral("modelChoice"));
    QCOMPARE(choice->currentData().toString(), dir.filePath(QStringLiteral("mine.safetensors")));

    // Cancelling a long run keeps the last epoch and says so.
    QSignalSpy stopped(model, &GraphsModel::trainingStopped);
    request.settings.epochs = 100000;
    request.settings.outPath = dir.filePath(QStringLiteral("long.safetensors")).toStdString();
    model->startTraining(request);
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 4, 30000);
    model->cancelTraining();
    QVERIFY(waitIdle());
    QCOMPARE(stopped.count(), 1);
    QVERIFY(stopped.first().first().toString().contains(QLatin1String("cancelled")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("long.safetensors"))));
}

// #23 item 6: each input, the explained node and the model are steps of Edit > Undo. Driven as a
// user would: the Infection graph button, a click on a node, SMILES typed, File > Open.
void TestGraphsWorkspace::inputsAndTheExplainedNodeAreUndone()
{
    QUndoStack *undo = m_workspace->undoStack();
    GraphsModel *model = m_workspace->model();
    QTest::mouseClick(view()->findChild<QPushButton *>(QStringLiteral("generateInfection")), Qt::LeftButton);
    QVERIFY(waitIdle());
    QCOMPARE(undo->count(), 1);
    QCOMPARE(model->input().kind, GraphScene::Kind::Infection);
    const QString firstTarget = model->target();
    // A node clicked in the LRP drawing.
    GraphCanvas *canvas = view()->canvases()[2];
    int node = 0;
    while (QStringLiteral("node:%1").arg(node) == firstTarget)
        ++node;
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->geometry().map(canvas->picture().nodes[node].position).toPoint());
    QVERIFY(waitIdle());
    QCOMPARE(model->target(), QStringLiteral("node:%1").arg(node));
    QCOMPARE(undo->count(), 2);
    QCOMPARE(undo->undoText(), QStringLiteral("Explain node %1").arg(node));
    // A molecule typed.
    auto *smiles = view()->findChild<QLineEdit *>(QStringLiteral("smilesInput"));
    smiles->setText(QStringLiteral("CCO"));
    QTest::keyClick(smiles, Qt::Key_Return);
    QVERIFY(waitIdle());
    QCOMPARE(undo->count(), 3);
    QCOMPARE(model->explanations().scene.nodeCount, 3);
    // Back through all three.
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->input().kind, GraphScene::Kind::Infection);
    QCOMPARE(model->target(), QStringLiteral("node:%1").arg(node));
    QCOMPARE(model->explanations().methods[2].target, QStringLiteral("node:%1").arg(node));
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(model->target() != QStringLiteral("node:%1").arg(node));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->input().kind, GraphScene::Kind::None);
    QVERIFY(model->explanations().methods.isEmpty());
    // And forward to the molecule.
    undo->redo();
    undo->redo();
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->input().smiles, QStringLiteral("CCO"));
    QCOMPARE(model->explanations().scene.nodeCount, 3);
    // File > Open, undone to the molecule typed before it.
    QString error;
    QVERIFY(m_workspace->openFile(testData("three.smi"), &error));
    QVERIFY(waitIdle());
    QCOMPARE(undo->undoText(), QStringLiteral("Open three.smi"));
    QVERIFY(!model->input().moleculeFile.isEmpty());
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->input().smiles, QStringLiteral("CCO"));
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->input().moleculeIndex, 0);
    QVERIFY(model->input().moleculeFile.endsWith(QStringLiteral("three.smi")));
}

QTEST_MAIN(TestGraphsWorkspace)
#include "tst_graphsworkspace.moc"
