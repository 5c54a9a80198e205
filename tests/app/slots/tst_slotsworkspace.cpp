// SPDX-License-Identifier: GPL-3.0-or-later
// The Slots workspace end to end on the offscreen platform, on a scene folder drawn here (discs
// and squares with their instance masks and CLEVR's scene JSON, no renderer needed): scenes
// opened and analysed as jobs with the built-in model, the masks as a label layer, the attention
// tiles, the slot table, hover highlighting, the embedding scatter and its click, figure export,
// a CLEVR-like folder without masks, bad input, the project state, training, and the demo.
#include "app/shell/JobManager.h"
#include "app/models/BuiltInSlotModels.h"
#include "app/data/SlotImageSet.h"
#include "app/workspaces/slots/SlotsEmbeddingView.h"
#include "app/figures/SlotsFigure.h"
#include "app/workspaces/slots/SlotsModel.h"
#include "app/workspaces/slots/SlotsTrainingPanel.h"
#include "widgets/layout/ElidedLabel.h"
#include "app/workspaces/slots/SlotsView.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QPainter>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace periscope;
using namespace periscope::app;

namespace {

// `count` scenes of 2-4 coloured discs and squares on a gray floor, 120 x 90, with instance masks
// and CLEVR's aggregate scenes.json; `withMasks` false lays them out as the real CLEVR_v1.0 does
// (images/val/*.png, scenes/CLEVR_val_scenes.json, no masks).
void writeSceneFolder(const QString &folder, int count, bool withMasks)
{
    const QString images = folder + (withMasks ? QStringLiteral("/images") : QStringLiteral("/images/val"));
    QDir().mkpath(images);
    if (withMasks)
        QDir().mkpath(folder + QStringLiteral("/masks"));
    static const char *colours[] = {"red", "blue", "green", "yellow"};
    static const QColor rgb[] = {QColor(173, 35, 35), QColor(42, 75, 215), QColor(29, 105, 20), QColor(255, 238, 51)};
    QJsonArray scenes;
    for (int i = 0; i < count; ++i) {
        QImage image(120, 90, QImage::Format_RGB888);
        image.fill(QColor(140, 140, 140));
        QImage mask(120, 90, QImage::Format_Grayscale8);
        mask.fill(0);
        QPainter paint(&image), paintMask(&mask);
        paint.setPen(Qt::NoPen);
        paintMask.setPen(Qt::NoPen);
        QJsonArray objects;
        const int n = 2 + i % 3;
        for (int k = 0; k < n; ++k) {
            const QRectF box(15 + ((i * 37 + k * 29) % 70), 15 + ((i * 23 + k * 31) % 45), 22, 22);
            paint.setBrush(rgb[(i + k) % 4]);
            paintMask.setBrush(QColor(k + 1, k + 1, k + 1));
            if (k % 2 == 0) {
                paint.drawEllipse(box);
                paintMask.drawEllipse(box);
            } else {
                paint.drawRect(box);
                paintMask.drawRect(box);
            }
            objects.append(QJsonObject{{"shape", k % 2 == 0 ? "sphere" : "cube"},
                                       {"color", colours[(i + k) % 4]},
                                       {"material", "rubber"},
                                       {"size", "large"}});
        }
        paint.end();
        paintMask.end();
        const QString name = QStringLiteral("CLEVR_%1_%2").arg(withMasks ? QStringLiteral("test") : QStringLiteral("val")).arg(i, 6, 10, QLatin1Char('0'));
        image.save(images + QLatin1Char('/') + name + QStringLiteral(".png"));
        QJsonObject scene{{"image_index", i}, {"image_filename", name + QStringLiteral(".png")}, {"objects", objects}};
        if (!withMasks)
            scene.insert(QStringLiteral("split"), QStringLiteral("val"));
        if (withMasks) {
            mask.save(folder + QStringLiteral("/masks/") + name + QStringLiteral(".png"));
            scene.insert(QStringLiteral("mask_filename"), name + QStringLiteral(".png"));
        }
        scenes.append(scene);
    }
    if (!withMasks)
        QDir().mkpath(folder + QStringLiteral("/scenes"));
    QFile file(folder + (withMasks ? QStringLiteral("/scenes.json") : QStringLiteral("/scenes/CLEVR_val_scenes.json")));
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(QJsonObject{{"info", QJsonObject{}}, {"scenes", scenes}}).toJson());
}

} // namespace

class TestSlotsWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sceneFolderIsAnalysedWithMasksAndScores();
    void hoverHighlightsASlotEverywhere();
    void embeddingScatterOpensScenes();
    void figureExports();
    void folderWithoutMasksSaysSo();
    void badInputGetsAMessageNotACrash();
    void stateRoundTrips();
    void trainingOffersTheNewModel();
    void openIterationAndModelAreUndone();
    void demoOpens();

private:
    bool waitIdle() { return m_jobs->waitForIdle(120000); }
    QString sceneFolder(bool masks = true)
    {
        const QString folder = m_dir.filePath(masks ? QStringLiteral("scenes") : QStringLiteral("clevr"));
        if (!QFileInfo::exists(folder))
            writeSceneFolder(folder, 12, masks);
        return folder;
    }
    QTemporaryDir m_dir;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<SlotsWorkspace> m_workspace;
};

void TestSlotsWorkspace::init()
{
    m_jobs = std::make_unique<JobManager>();
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    m_workspace = std::make_unique<SlotsWorkspace>(context);
    m_workspace->view()->resize(1400, 900);
    m_workspace->view()->show();
}

void TestSlotsWorkspace::cleanup()
{
    m_jobs->cancelAll();
    m_jobs->waitForIdle(10000);
    m_workspace.reset();
    m_jobs.reset();
}

void TestSlotsWorkspace::sceneFolderIsAnalysedWithMasksAndScores()
{
    // The view alone (reached from the workspace bar) already has the built-in model: its own
    // Open button bypasses openFile.
    QVERIFY(waitIdle());
    QVERIFY(m_workspace->model()->hasModel());
    QString error;
    QVERIFY2(m_workspace->openFile(sceneFolder(), &error), qPrintable(error));
    QVERIFY(waitIdle());
    SlotsModel *model = m_workspace->model();
    QVERIFY(model->hasModel()); // the built-in model, loaded on first open
    QCOMPARE(model->scenes().size(), 12);
    for (const SlotsScene &s : model->scenes()) {
        QVERIFY2(s.analysed, qPrintable(s.error));
        QVERIFY(s.scored);
        QCOMPARE(s.score.objects, int(s.entry.objects.size()));
        QVERIFY(s.score.meanIoU >= 0.0 && s.score.meanIoU <= 1.0);
        QCOMPARE(int(s.result.attentionLast.size()), model->slotModel()->slotCount() * model->slotModel()->grid() * model->slotModel()->grid());
    }
    const slot::SlotScoreSummary summary = model->summary();
    QCOMPARE(summary.images, 12);
    auto *label = m_workspace->view()->findChild<QLabel *>(QStringLiteral("summary"));
    QVERIFY(label->text().contains(QStringLiteral("IoU")));
    // Beside the paper's IoU, the partition's: what the engine summed, as the CLI reports it.
    QVERIFY(summary.bestSlotIoU >= summary.partitionIoU && summary.partitionIoU > 0.0);
    QVERIFY2(label->text().contains(QStringLiteral("partition IoU %1").arg(summary.partitionIoU, 0, 'f', 3)), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QString::number(summary.bestSlotIoU, 'f', 3)), qPrintable(label->text()));

    // The selected scene: image, true objects, slot masks (a label layer with one name per slot),
    // the matched-object outline layer; a tile and a table row per slot.
    const SlotsView *view = m_workspace->slotsView();
    QCOMPARE(model->detail().index, 0);
    widgets::LayerModel *layers = view->layers();
    QCOMPARE(layers->count(), 4);
    const widgets::Layer *slotsLayer = layers->layer(QStringLiteral("slots"));
    QVERIFY(slotsLayer);
    QVERIFY(slotsLayer->kind == widgets::LayerKind::Labels);
    QCOMPARE(slotsLayer->labelNames.size(), model->slotModel()->slotCount() + 1);
    QCOMPARE(slotsLayer->values.width(), SlotsModel::kDetailSize);
    QVERIFY(layers->layer(QStringLiteral("objects")));
    QCOMPARE(view->tiles().size(), model->slotModel()->slotCount());
    QCOMPARE(view->slotTable()->rowCount(), model->slotModel()->slotCount());
    // Matched slots name their object's attributes in the table.
    const SlotsScene &scene = model->scenes()[0];
    for (int s = 0; s < view->slotTable()->rowCount(); ++s)
        if (scene.score.objectOfSlot[std::size_t(s)] > 0)
            QVERIFY(view->slotTable()->item(s, 1)->text().contains(QStringLiteral("rubber")));

    // Another scene by selection; the first iteration's masks on request.
    model->select(3);
    QVERIFY(waitIdle());
    QCOMPARE(model->detail().index, 3);
    model->setLastIteration(false);
    QVERIFY(waitIdle());
    QVERIFY(!model->detail().lastIteration || model->detail().index != 3);
}

void TestSlotsWorkspace::hoverHighlightsASlotEverywhere()
{
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    SlotsView *view = m_workspace->slotsView();
    // Hovering tile 2 (an event, as the user's pointer makes it).
    AttentionTile *tile = view->tiles().at(2);
    QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5));
    QCoreApplication::sendEvent(tile, &enter);
    QCOMPARE(view->highlightedSlot(), 2);
    QCOMPARE(view->slotTable()->currentRow(), 2);
    const widgets::Layer *slotsLayer = view->layers()->layer(QStringLiteral("slots"));
    QCOMPARE(slotsLayer->labelColors[3].alpha(), 255); // slot 2 is label 3
    QVERIFY(slotsLayer->labelColors[1].alpha() < 100);
    const SlotsScene &scene = m_workspace->model()->scenes()[0];
    const widgets::Layer *outline = view->layers()->layer(QStringLiteral("highlight"));
    QCOMPARE(outline->items.size(), scene.score.objectOfSlot[2] > 0 ? 1 : 0);
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(tile, &leave);
    QCOMPARE(view->highlightedSlot(), -1);
    // Unhighlighted again: every slot at full colour, but the background slot (if any) faint.
    const widgets::Layer *after = view->layers()->layer(QStringLiteral("slots"));
    for (int s = 0; s + 1 < after->labelColors.size(); ++s)
        QCOMPARE(after->labelColors[s + 1].alpha(), s == view->backgroundSlot() ? 50 : 255);
}

void TestSlotsWorkspace::embeddingScatterOpensScenes()
{
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    const SlotsEmbedding &e = m_workspace->model()->embedding();
    const int slotCount = m_workspace->model()->slotModel()->slotCount();
    QCOMPARE(e.points.size(), 12 * slotCount);
    QCOMPARE(e.plane.rows, 12 * slotCount);
    QCOMPARE(e.volume.components, 3);
    SlotsEmbeddingView *embedding = m_workspace->slotsView()->embeddingView();
    QVERIFY(embedding->plane()->seriesCount() >= 2); // colours of matched objects, plus unmatched
    QSignalSpy requested(embedding, &SlotsEmbeddingView::sceneRequested);
    const QPair<int, int> point = embedding->pointAt(0, 0);
    QVERIFY(point.first >= 0 && point.first < 12);
    // The view opens the scene a point belongs to.
    Q_EMIT embedding->sceneRequested(7, 1);
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->detail().index, 7);
    QCOMPARE(m_workspace->slotsView()->tabs()->currentIndex(), 0);
    // The VQA probe ran on the scenes' objects and its scores are shown.
    QVERIFY(e.probed);
    QCOMPARE(e.probe.trainScenes + e.probe.testScenes, 12);
    QVERIFY(embedding->findChild<QLabel *>(QStringLiteral("embeddingNote"))->text().contains(QStringLiteral("VQA")));
    // Colouring by shape regroups the points.
    embedding->findChild<QComboBox *>(QStringLiteral("colourBy"))->setCurrentIndex(1);
    QVERIFY(embedding->plane()->seriesCount() <= 3); // sphere, cube, unmatched
}

void TestSlotsWorkspace::figureExports()
{
    QString error;
    QVERIFY(!m_workspace->exportFigure(m_dir.filePath(QStringLiteral("early.png")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    const QString path = m_dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(m_workspace->exportFigure(path, &error), qPrintable(error));
    const QImage figure(path);
    QVERIFY(figure.width() > 600);
    // One attention map a slot, and the legend's swatches in the slots' own colours.
    QCOMPARE(m_workspace->model()->detail().figure.attention.size(), m_workspace->model()->slotModel()->slotCount());
    int swatchPixels = 0;
    for (int y = 0; y < figure.height(); y += 2)
        for (int x = 0; x < figure.width(); x += 2)
            for (int s = 0; s < m_workspace->model()->slotModel()->slotCount(); ++s) {
                const QColor a(figure.pixel(x, y)), b = slotColor(s);
                swatchPixels += std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) <= 6 ? 1 : 0;
            }
    QVERIFY2(swatchPixels > 50, qPrintable(QString::number(swatchPixels)));
    QVERIFY2(m_workspace->exportFigure(m_dir.filePath(QStringLiteral("figure.svg")), &error), qPrintable(error));
}

void TestSlotsWorkspace::folderWithoutMasksSaysSo()
{
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(false), &error));
    QVERIFY(waitIdle());
    SlotsModel *model = m_workspace->model();
    QCOMPARE(model->scenes().size(), 12);
    QVERIFY(!model->hasMasks());
    QVERIFY(model->warnings().join(QLatin1Char(' ')).contains(QStringLiteral("no instance masks")));
    for (const SlotsScene &s : model->scenes()) {
        QVERIFY(s.analysed);
        QVERIFY(!s.scored);
    }
    QCOMPARE(model->summary().images, 0);
    QVERIFY(m_workspace->view()->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("no instance masks")));
    QCOMPARE(m_workspace->slotsView()->slotTable()->rowCount(), model->slotModel()->slotCount());
}

void TestSlotsWorkspace::badInputGetsAMessageNotACrash()
{
    QString error;
    QVERIFY(!m_workspace->openFile(m_dir.filePath(QStringLiteral("missing")), &error));
    QVERIFY(error.contains(QStringLiteral("does not exist")));
    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    text.open(QIODevice::WriteOnly);
    text.write("hello");
    text.close();
    QVERIFY(!m_workspace->openFile(text.fileName(), &error));
    QVERIFY(error.contains(QStringLiteral("neither")));
    // A folder with a broken scene JSON, and one with no images at all: problems, no crash.
    const QString broken = m_dir.filePath(QStringLiteral("broken"));
    QDir().mkpath(broken);
    QFile json(broken + QStringLiteral("/scenes.json"));
    json.open(QIODevice::WriteOnly);
    json.write("{\"scenes\": [");
    json.close();
    QSignalSpy problems(m_workspace->model(), &SlotsModel::problem);
    QVERIFY(m_workspace->openFile(broken, &error));
    QVERIFY(waitIdle());
    QVERIFY(!problems.isEmpty());
    QVERIFY(problems.last().at(0).toString().contains(QStringLiteral("scenes.json")));
    QCOMPARE(m_workspace->model()->scenes().size(), 0);
    const QString empty = m_dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(empty);
    QVERIFY(m_workspace->openFile(empty, &error));
    QVERIFY(waitIdle());
    QVERIFY(problems.last().at(0).toString().contains(QStringLiteral("no images")));
    // A folder with a good image and a corrupt one: the corrupt one is listed as "cannot open",
    // and choosing it after the good one clears the view and says why.
    const QString mixed = m_dir.filePath(QStringLiteral("mixed"));
    QDir().mkpath(mixed);
    QImage good(64, 48, QImage::Format_RGB888);
    good.fill(QColor(90, 140, 200));
    QVERIFY(good.save(mixed + QStringLiteral("/a-good.png")));
    QFile corrupt(mixed + QStringLiteral("/b-broken.png"));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'x'));
    corrupt.close();
    QVERIFY(m_workspace->openFile(mixed, &error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->scenes().size(), 2);
    auto *list = m_workspace->view()->findChild<QListWidget *>();
    QVERIFY(list);
    QVERIFY2(list->item(1)->text().contains(QStringLiteral("cannot open")), qPrintable(list->item(1)->text()));
    auto *sceneStatus = m_workspace->view()->findChild<QLabel *>(QStringLiteral("sceneStatus"));
    list->setCurrentRow(0);
    QVERIFY(waitIdle());
    QVERIFY(!m_workspace->model()->detail().square.isNull());
    QVERIFY(sceneStatus->isHidden());
    list->setCurrentRow(1);
    QVERIFY(waitIdle());
    QVERIFY(m_workspace->model()->detail().square.isNull());
    QVERIFY(!m_workspace->model()->detail().error.isEmpty());
    QVERIFY(!sceneStatus->isHidden());
    QVERIFY2(sceneStatus->text().contains(QStringLiteral("b-broken: cannot open:")), qPrintable(sceneStatus->text()));
    // A model file that is not one.
    m_workspace->model()->setModel(text.fileName());
    QVERIFY(waitIdle());
    QVERIFY(problems.last().at(0).toString().contains(QStringLiteral("could not be loaded")));
}

void TestSlotsWorkspace::stateRoundTrips()
{
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    m_workspace->model()->setLastIteration(false);
    m_workspace->slotsView()->tabs()->setCurrentIndex(1);
    QVERIFY(waitIdle());
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QCOMPARE(state.value(QStringLiteral("iteration")).toString(), QStringLiteral("first"));

    cleanup();
    init();
    QVERIFY2(m_workspace->restoreState(state, ProjectPaths(), &error), qPrintable(error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->scenes().size(), 12);
    QVERIFY(!m_workspace->model()->lastIteration());
    QCOMPARE(m_workspace->slotsView()->tabs()->currentIndex(), 1);
    QVERIFY(m_workspace->model()->hasModel());

    QJsonObject missing = state;
    missing.insert(QStringLiteral("inputs"), QJsonArray{m_dir.filePath(QStringLiteral("gone"))});
    QVERIFY(!m_workspace->restoreState(missing, ProjectPaths(), &error));
    QVERIFY(error.contains(QStringLiteral("gone")));
}

void TestSlotsWorkspace::trainingOffersTheNewModel()
{
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    slot::SlotTrainingSettings settings = slot::trainingPreset("small");
    settings.architecture = {{"image_size", "32"}, {"layers", "1"}, {"slots", "4"}};
    settings.epochs = 2;
    settings.batchSize = 4;
    settings.validationFraction = 0.25;
    settings.outPath = m_dir.filePath(QStringLiteral("trained.safetensors")).toStdString();
    QSignalSpy epochs(m_workspace->model(), &SlotsModel::trainingEpoch);
    QSignalSpy finished(m_workspace->model(), &SlotsModel::trainingFinished);
    m_workspace->model()->startTraining(settings);
    QVERIFY(m_workspace->model()->isTraining());
    QVERIFY(waitIdle());
    QCOMPARE(epochs.size(), 2);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("IoU")));
    QVERIFY(m_workspace->model()->modelName() != QString::fromStdString(settings.outPath)); // not switched by surprise
    auto *use = m_workspace->slotsView()->findChild<QPushButton *>(QStringLiteral("trainUseWeights"));
    QVERIFY(use && use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(waitIdle()); // the new model loads, then the scenes are analysed with it
    QCOMPARE(m_workspace->model()->slotModel()->slotCount(), 4);
    QCOMPARE(m_workspace->slotsView()->tiles().size(), 4);
    QCOMPARE(m_workspace->model()->modelName(), QString::fromStdString(settings.outPath));
    // The header names the weights now in use (#23 item 9).
    auto *label = m_workspace->slotsView()->findChild<widgets::ElidedLabel *>(QStringLiteral("modelLabel"));
    QVERIFY2(label->text().startsWith(QStringLiteral("Weights trained.safetensors")), qPrintable(label->text()));
}

// #23 item 6: every change a user makes in Slots is a step of Edit > Undo: the scenes opened,
// the iteration chosen in its box, the model (also from the training panel's Use button).
void TestSlotsWorkspace::openIterationAndModelAreUndone()
{
    QUndoStack *undo = m_workspace->undoStack();
    SlotsModel *model = m_workspace->model();
    QString error;
    QVERIFY(m_workspace->openFile(sceneFolder(), &error));
    QVERIFY(waitIdle());
    QCOMPARE(undo->count(), 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Open scenes"));
    const int scenes = int(model->scenes().size());
    QVERIFY(scenes > 0);
    // The iteration box, by keyboard.
    auto *iteration = m_workspace->slotsView()->findChild<QComboBox *>(QStringLiteral("iteration"));
    iteration->setFocus();
    QTest::keyClick(iteration, Qt::Key_Down);
    QVERIFY(!model->lastIteration());
    QCOMPARE(undo->count(), 2);
    QVERIFY(waitIdle());
    // Back: the last iteration, in the model and in the box; then the scenes closed.
    undo->undo();
    QVERIFY(model->lastIteration());
    QCOMPARE(iteration->currentData().toBool(), true);
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(int(model->scenes().size()), 0);
    QVERIFY(model->inputs().isEmpty());
    // Forward again: the scenes, analysed, and the first iteration.
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(int(model->scenes().size()), scenes);
    undo->redo();
    QVERIFY(!model->lastIteration());
    QCOMPARE(iteration->currentData().toBool(), false);
    // The model: another weights file chosen, undone to the built-in one.
    const QString before = model->modelName();
    const QString copy = m_dir.filePath(QStringLiteral("copy.safetensors"));
    QVERIFY(QFile::copy(resolveSlotModel(before, &error), copy));
    m_workspace->slotsView()->chooseModel(copy);
    QVERIFY(waitIdle());
    QCOMPARE(model->modelName(), copy);
    QVERIFY(undo->undoText().contains(QStringLiteral("copy.safetensors")));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->modelName(), before);
    QVERIFY(model->hasModel());
    // Choosing what is already there is no step.
    const int steps = undo->count();
    m_workspace->slotsView()->chooseModel(before);
    QCOMPARE(undo->count(), steps);
}

void TestSlotsWorkspace::demoOpens()
{
    if (slotsDemoFolder().isEmpty())
        QSKIP("the demo scenes are not in this tree");
    QString error;
    QVERIFY2(m_workspace->openDemo(QStringLiteral("scenes"), &error), qPrintable(error));
    QVERIFY(waitIdle());
    QVERIFY(m_workspace->model()->scenes().size() >= 8);
    const slot::SlotScoreSummary trained = m_workspace->model()->summary();
    QVERIFY(trained.images >= 8);
    // The built-in model against the same network untrained, on the demo's unseen scenes: its slot
    // masks cover the objects better and partition them better (measured IoU 0.178 vs 0.123,
    // FG-ARI 0.283 vs 0.173).
    const slot::SlotModel untrained = slot::SlotModel::create(m_workspace->model()->slotModel()->architecture(), 0);
    const SlotImageSet set = loadSlotImages({slotsDemoFolder()});
    std::vector<Image> images;
    for (const SlotImage &image : set.images)
        images.push_back(image.image);
    const std::vector<slot::SlotResult> results = untrained.run(images);
    std::vector<slot::SlotScore> scores;
    for (std::size_t i = 0; i < results.size(); ++i)
        scores.push_back(slot::scoreSlots(slot::slotMasks(results[i], untrained.inputSize()),
                                          slot::centreSquare(set.images[i].mask, untrained.inputSize(), true)));
    const slot::SlotScoreSummary baseline = slot::summarize(scores);
    qInfo("demo scenes: built-in IoU %.3f, FG-ARI %.3f; untrained IoU %.3f, FG-ARI %.3f", trained.meanIoU, trained.foregroundAri,
          baseline.meanIoU, baseline.foregroundAri);
    QVERIFY(trained.meanIoU > baseline.meanIoU + 0.03);
    // The first demo scene: one slot takes the floor; it is drawn faint and named so in the legend.
    const SlotsView *view = m_workspace->slotsView();
    const int background = view->backgroundSlot();
    QVERIFY(background >= 0);
    const widgets::Layer *slotsLayer = view->layers()->layer(QStringLiteral("slots"));
    QCOMPARE(slotsLayer->labelColors[background + 1].alpha(), 50);
    QVERIFY(slotsLayer->labelNames[background + 1].contains(QStringLiteral("background")));
    QVERIFY(m_workspace->model()->detail().labelPixels[std::size_t(background)] > 0.4 * SlotsModel::kDetailSize * SlotsModel::kDetailSize);
    QVERIFY(trained.foregroundAri > baseline.foregroundAri + 0.05);
}

QTEST_MAIN(TestSlotsWorkspace)
#include "tst_slotsworkspace.moc"
