// SPDX-License-Identifier: GPL-3.0-or-later
// The Relations workspace end to end on the offscreen platform, on the demo's scenes (drawn by the
// generator with their true triplets) and the built-in model: the set read and analysed as jobs,
// the image with its boxes and graph, the predicates and triplets, recall against a random
// ranking; a chosen predicate's node relevance and its hits checked against the truth by brute
// force; boxes drawn with the mouse on a plain image, analysed, undone and redone; figure export;
// bad input; the project state; folder routing; and `periscope --workspace relations --open DIR
// --screenshot`.
#include "app/data/RelationInputs.h"
#include "app/figures/RelationsFigure.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/relations/RelationsModel.h"
#include "app/workspaces/relations/RelationsTrainingPanel.h"
#include "app/workspaces/relations/RelationsView.h"
#include "app/workspaces/relations/RelationsWorkspace.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "engine/relations/RelationPrior.h"
#include "tests/app/cli/CliRun.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <cmath>

using namespace periscope;
using namespace periscope::app;

namespace {

bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestRelationsWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sceneFolderIsAnalysedAndDrawn();
    void aPredicateShowsItsRelevanceAndHits();
    void boxesDrawnByHandAreAnalysedAndUndone();
    void openAndSettingsAreUndone();
    void figureExports();
    void badInputGetsAMessageNotACrash();
    void stateRoundTrips();
    void trainingOffersTheNewModel();
    void foldersGoToTheirWorkspace();
    void screenshotShowsBoxesAndAGraph();

private:
    bool waitIdle() { return m_jobs->waitForIdle(180000); }
    void openScenes();

    QTemporaryDir m_dir;
    QString m_scenes;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<RelationsWorkspace> m_workspace;
};

void TestRelationsWorkspace::initTestCase()
{
    const QString demo = relationsDemoFolder();
    if (demo.isEmpty())
        QSKIP("the Relations demo scenes or the built-in model are not in this tree");
    m_scenes = m_dir.filePath(QStringLiteral("scenes"));
    QVERIFY(copyFolder(demo, m_scenes));
}

void TestRelationsWorkspace::init()
{
    m_jobs = std::make_unique<JobManager>();
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    m_workspace = std::make_unique<RelationsWorkspace>(context);
    m_workspace->view()->resize(1280, 720);
    m_workspace->view()->show();
}

void TestRelationsWorkspace::cleanup()
{
    m_jobs->cancelAll();
    m_jobs->waitForIdle(10000);
    m_workspace.reset();
    m_jobs.reset();
}

void TestRelationsWorkspace::openScenes()
{
    QString error;
    QVERIFY2(m_workspace->openFile(m_scenes, &error), qPrintable(error));
    QVERIFY(waitIdle());
}

void TestRelationsWorkspace::sceneFolderIsAnalysedAndDrawn()
{
    openScenes();
    RelationsModel *model = m_workspace->model();
    QVERIFY(model->hasModel()); // the built-in model, loaded on first open
    QCOMPARE(model->datasetKind(), QStringLiteral("scenes"));
    QCOMPARE(model->images().size(), 10);
    QVERIFY(model->options().explainLogits); // the workspace's default, said in the bar's tooltip
    for (const RelationsImage &image : model->images()) {
        QVERIFY2(image.analysed && image.result.error.empty(), image.result.error.c_str());
        QVERIFY(!image.image.truth.empty());
        QCOMPARE(image.result.analysis.predicateScores.size(), model->predicateClasses().size());
        QVERIFY(!image.result.analysis.triplets.empty());
    }
    // Recall over the set, far above a random ranking of the same candidates (0.50 against 0.24
    // when the demo was made; the margin leaves room for another CPU's last bits).
    const relations::RelationRunSummary &summary = model->summary();
    QCOMPARE(summary.withTruth, 10);
    QVERIFY2(summary.relationship.recall.front() > summary.randomRecall.front() + 0.1,
             qPrintable(QStringLiteral("%1 vs %2").arg(summary.relationship.recall.front()).arg(summary.randomRecall.front())));
    RelationsView *view = m_workspace->relationsView();
    // It fits a 1280 x 720 screen beside the workspace bar.
    QVERIFY2(view->minimumSizeHint().width() <= 1100 && view->minimumSizeHint().height() <= 560,
             qPrintable(QStringLiteral("%1 x %2").arg(view->minimumSizeHint().width()).arg(view->minimumSizeHint().height())));
    QCOMPARE(view->recallTable()->rowCount(), 5);
    QCOMPARE(view->recallTable()->item(2, 0)->text(), QString::number(summary.relationship.recall.front(), 'f', 3));
    QVERIFY(view->predicatePlot()->seriesCount() >= 2);
    QCOMPARE(view->imageList()->topLevelItemCount(), 10);
    QVERIFY(!view->imageList()->topLevelItem(0)->text(3).isEmpty()); // each image's own recall

    // The first image: its pixels, its boxes and the graph of its top triplets.
    QCOMPARE(model->selected(), 0);
    const widgets::Layer *graph = view->layers()->layer(RelationsView::kGraphLayer);
    QVERIFY(view->layers()->layer(RelationsView::kImageLayer));
    QVERIFY(graph);
    QVERIFY(!view->layers()->layer(RelationsView::kRelevanceLayer)); // only for a chosen predicate
    const RelationsImage &first = model->images()[0];
    int boxes = 0, edges = 0;
    for (const widgets::VectorItem &item : graph->items) {
        boxes += item.shape == widgets::VectorItem::Shape::Box;
        edges += item.shape == widgets::VectorItem::Shape::Edge;
    }
    QCOMPARE(boxes, int(first.image.objects.size()));
    QVERIFY(edges >= 1 && edges <= kGraphTriplets);
    // The top triplet's arrow goes from its subject's centre to its object's, in its predicate's colour.
    const relations::RelationTriplet &top = first.result.analysis.triplets.front();
    const widgets::VectorItem *topEdge = nullptr;
    for (const widgets::VectorItem &item : graph->items)
        if (item.shape == widgets::VectorItem::Shape::Edge && !topEdge)
            topEdge = &item;
    QCOMPARE(topEdge->color, predicateColor(top.predicate));
    QCOMPARE(topEdge->points.at(0), QPointF(first.image.objects[std::size_t(top.subject)].box.centreX(),
                                            first.image.objects[std::size_t(top.subject)].box.centreY()));
    // The figure's legend names it in that colour.
    const RelationFigure figure = view->currentFigure();
    const QString topName = relationPredicateName(model->predicateClasses(), top.predicate); // "same shape" for same_shape
    QVERIFY(std::any_of(figure.legend.begin(), figure.legend.end(),
                        [&](const RelationFigureLine &l) { return l.text == topName && l.color == predicateColor(top.predicate); }));
    // Predicates: "all", then every class by score.
    QCOMPARE(view->predicateList()->topLevelItemCount(), 1 + int(model->predicateClasses().size()));
    QCOMPARE(view->tripletList()->topLevelItemCount(), std::min<int>(kRecallShown, int(first.result.analysis.triplets.size())));

    // Another image by the list.
    view->imageList()->setCurrentItem(view->imageList()->topLevelItem(4));
    QVERIFY(waitIdle());
    QCOMPARE(model->selected(), 4);
    QCOMPARE(view->layers()->layer(RelationsView::kImageLayer)->image.size(), QSize(320, 240));
}

void TestRelationsWorkspace::aPredicateShowsItsRelevanceAndHits()
{
    openScenes();
    RelationsModel *model = m_workspace->model();
    RelationsView *view = m_workspace->relationsView();
    // The image's top predicate that its truth holds.
    const RelationsImage &image = model->images()[0];
    int chosen = -1;
    for (int p : image.result.analysis.topPredicates)
        for (const relations::RelationTriplet &t : image.image.truth)
            if (chosen < 0 && t.predicate == p)
                chosen = p;
    QVERIFY(chosen >= 0);
    QTreeWidgetItem *row = nullptr;
    for (int i = 0; i < view->predicateList()->topLevelItemCount(); ++i)
        if (view->predicateList()->topLevelItem(i)->data(0, Qt::UserRole).toInt() == chosen)
            row = view->predicateList()->topLevelItem(i);
    QVERIFY(row);
    view->predicateList()->setCurrentItem(row);
    QCOMPARE(model->selectedPredicate(), chosen);

    // Node relevance fills the boxes, normalised so the most relevant object is 1; outside every box: nothing.
    const widgets::Layer *relevance = view->layers()->layer(RelationsView::kRelevanceLayer);
    QVERIFY(relevance);
    float high = 0.0f;
    for (const relations::RelationObject &o : image.image.objects)
        high = std::max(high, relevance->values.sample(int(o.box.centreX()), int(o.box.centreY()), 0));
    QVERIFY(high > 0.0f && high <= 1.0f);
    QVERIFY(std::isnan(relevance->values.sample(0, 0, 0)) || image.image.objects.front().box.x1 < 1);

    // Hits by brute force: same predicate and classes, both boxes with IoU > 0.5 (the paper's
    // relationship detection); each listed triplet of the predicate is marked accordingly.
    const auto &objects = image.image.objects;
    int listed = 0;
    for (const relations::RelationTriplet &p : image.result.analysis.triplets) {
        if (p.predicate != chosen || listed >= kRecallShown)
            continue;
        bool hit = false;
        for (const relations::RelationTriplet &t : image.image.truth) {
            const auto &ts = image.image.truthObjects[std::size_t(t.subject)], &to = image.image.truthObjects[std::size_t(t.object)];
            const auto &ps = objects[std::size_t(p.subject)], &po = objects[std::size_t(p.object)];
            hit = hit || (t.predicate == p.predicate && ts.category == ps.category && to.category == po.category &&
                          relations::boxIou(ts.box, ps.box) > 0.5 && relations::boxIou(to.box, po.box) > 0.5);
        }
        const QString line = view->tripletList()->topLevelItem(listed)->text(0);
        QVERIFY2(line.endsWith(hit ? QStringLiteral("✓") : QStringLiteral("✗")), qPrintable(line));
        QCOMPARE(view->tripletList()->topLevelItem(listed)->foreground(0).color(), (hit ? hitColor() : falseColor()).darker(110));
        ++listed;
    }
    QVERIFY(listed > 0);
    // Arrows in hit / false colours, missed truths in red.
    const widgets::Layer *graph = view->layers()->layer(RelationsView::kGraphLayer);
    for (const widgets::VectorItem &item : graph->items)
        if (item.shape == widgets::VectorItem::Shape::Edge)
            QVERIFY(item.color == hitColor() || item.color == falseColor() || item.color == missedColor());

    // Back to all predicates.
    view->predicateList()->setCurrentItem(view->predicateList()->topLevelItem(0));
    QCOMPARE(model->selectedPredicate(), -1);
    QVERIFY(!view->layers()->layer(RelationsView::kRelevanceLayer));
}

void TestRelationsWorkspace::boxesDrawnByHandAreAnalysedAndUndone()
{
    // A plain image (no truth, no boxes): it cannot be analysed until objects are drawn.
    const QString photo = m_dir.filePath(QStringLiteral("photo.png"));
    QFile::remove(photo);
    QVERIFY(QFile::copy(m_scenes + QStringLiteral("/images/CLEVR_periscope_000003.png"), photo));
    QString error;
    QVERIFY2(m_workspace->openFile(photo, &error), qPrintable(error));
    QVERIFY(waitIdle());
    RelationsModel *model = m_workspace->model();
    QCOMPARE(model->datasetKind(), QStringLiteral("images"));
    QCOMPARE(model->images().size(), 1);
    QVERIFY(model->images()[0].analysed);
    QVERIFY(QString::fromStdString(model->images()[0].result.error).contains(QStringLiteral("no objects")));

    RelationsView *view = m_workspace->relationsView();
    QVERIFY(view->drawToggle()->isEnabled());
    view->drawToggle()->setChecked(true);
    widgets::ImageView *image = view->imageView();
    image->fitToView();
    const auto drag = [&](QPointF from, QPointF to) {
        const QPoint a = image->mapFromScene(from), b = image->mapFromScene(to);
        QTest::mousePress(image->viewport(), Qt::LeftButton, Qt::NoModifier, a);
        QTest::mouseMove(image->viewport(), (a + b) / 2);
        QTest::mouseMove(image->viewport(), b);
        QTest::mouseRelease(image->viewport(), Qt::LeftButton, Qt::NoModifier, b);
    };
    view->categoryChoice()->setCurrentIndex(1);
    drag({60, 60}, {140, 150});
    QVERIFY(waitIdle());
    QCOMPARE(model->images()[0].image.objects.size(), std::size_t(1));
    const relations::Box box = model->images()[0].image.objects[0].box;
    const double slack = 1.0 / image->zoom() + 1e-9; // a screen pixel in image pixels
    QVERIFY(std::abs(box.x1 - 60) <= slack && std::abs(box.y1 - 60) <= slack && std::abs(box.x2 - 140) <= slack && std::abs(box.y2 - 150) <= slack);
    QCOMPARE(model->images()[0].image.objects[0].category, 1);
    QVERIFY(model->images()[0].handDrawn);
    drag({180, 80}, {250, 170});
    QVERIFY(waitIdle());
    QCOMPARE(model->images()[0].image.objects.size(), std::size_t(2));
    const RelationsImage &two = model->images()[0];
    QVERIFY2(two.result.error.empty(), two.result.error.c_str());
    QCOMPARE(two.result.analysis.senders.size(), std::size_t(2)); // the complete directed graph on two nodes
    QVERIFY(!two.result.analysis.triplets.empty());

    // Undo and redo through the workspace's stack (after the image opened: three steps); a click
    // (no drag) adds nothing.
    QUndoStack *undo = m_workspace->undoStack();
    QCOMPARE(undo->count(), 3);
    drag({30, 30}, {30.2, 30.2});
    QCOMPARE(undo->count(), 3);
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->images()[0].image.objects.size(), std::size_t(1));
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(!model->images()[0].handDrawn);
    QVERIFY(model->images()[0].image.objects.empty());
    undo->redo();
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->images()[0].image.objects.size(), std::size_t(2));
    QVERIFY(model->images()[0].result.error.empty());
}

// #23 item 6: the dataset opened, how relations are explained and the model are steps of Undo too.
void TestRelationsWorkspace::openAndSettingsAreUndone()
{
    openScenes();
    QUndoStack *undo = m_workspace->undoStack();
    RelationsModel *model = m_workspace->model();
    QCOMPARE(undo->count(), 1);
    const int images = int(model->images().size());
    // "Explain scores (paper)" chosen in its box by keyboard.
    auto *explained = m_workspace->relationsView()->findChild<QComboBox *>(QStringLiteral("explainedChoice"));
    QVERIFY(model->options().explainLogits);
    explained->setFocus();
    QTest::keyClick(explained, Qt::Key_Down);
    QVERIFY(waitIdle());
    QVERIFY(!model->options().explainLogits);
    QCOMPARE(undo->count(), 2);
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(model->options().explainLogits);
    QCOMPARE(explained->currentData().toBool(), true);
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(model->images().isEmpty());
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(int(model->images().size()), images);
    undo->redo();
    QVERIFY(waitIdle());
    QVERIFY(!model->options().explainLogits);
    QCOMPARE(explained->currentData().toBool(), false);
}

void TestRelationsWorkspace::figureExports()
{
    QString error;
    QVERIFY(!m_workspace->exportFigure(m_dir.filePath(QStringLiteral("empty.png")), &error));
    QVERIFY(error.contains(QStringLiteral("nothing to export")));
    openScenes();
    const QString png = m_dir.filePath(QStringLiteral("relations.png")), svg = m_dir.filePath(QStringLiteral("relations.svg"));
    QVERIFY2(m_workspace->exportFigure(png, &error), qPrintable(error));
    QVERIFY2(m_workspace->exportFigure(svg, &error), qPrintable(error));
    const QImage figure(png);
    QCOMPARE(figure.width(), 1800); // 6 inches at 300 dpi
    // The top triplet's arrow in its predicate's colour, and the list in the SVG as text.
    const RelationsImage &image = m_workspace->model()->images()[0];
    const relations::RelationTriplet &top = image.result.analysis.triplets.front();
    int arrow = 0;
    for (int y = 0; y < figure.height(); ++y)
        for (int x = 0; x < figure.width() / 2; ++x)
            arrow += near(figure.pixelColor(x, y), predicateColor(top.predicate), 2);
    QVERIFY2(arrow > 100, qPrintable(QString::number(arrow)));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(relationPredicateName(m_workspace->model()->predicateClasses(), top.predicate)));
    QVERIFY(text.contains(QStringLiteral("Top triplets")));
}

void TestRelationsWorkspace::badInputGetsAMessageNotACrash()
{
    QString error;
    const QString plain = m_dir.filePath(QStringLiteral("plain"));
    QDir().mkpath(plain);
    QVERIFY(!m_workspace->openFile(plain, &error));
    QVERIFY2(error.contains(QStringLiteral("not a relations dataset")), qPrintable(error));
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile(text).open(QIODevice::WriteOnly);
    QVERIFY(!m_workspace->openFile(text, &error));
    QVERIFY(error.contains(QStringLiteral("notes.txt")));

    // A scene folder whose scenes.json is cut short: the read fails with a reason, nothing is open.
    const QString broken = m_dir.filePath(QStringLiteral("broken"));
    QVERIFY(copyFolder(m_scenes, broken));
    QFile scenes(broken + QStringLiteral("/scenes.json"));
    QVERIFY(scenes.open(QIODevice::ReadWrite));
    scenes.resize(scenes.size() / 2);
    scenes.close();
    QSignalSpy problems(m_workspace->model(), &RelationsModel::problem);
    QVERIFY(m_workspace->openFile(broken, &error));
    QVERIFY(waitIdle());
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.last().at(0).toString().contains(QStringLiteral("Cannot open")), qPrintable(problems.last().at(0).toString()));
    QVERIFY(m_workspace->relationsView()->statusText().contains(QStringLiteral("Cannot open")));
    QVERIFY(m_workspace->model()->images().isEmpty());

    // A corrupt image among good ones: that image fails with its reason, the others are analysed.
    const QString good = m_dir.filePath(QStringLiteral("good.png")), bad = m_dir.filePath(QStringLiteral("bad.png"));
    QFile::remove(good);
    QVERIFY(QFile::copy(m_scenes + QStringLiteral("/images/CLEVR_periscope_000001.png"), good));
    QFile garbage(bad);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("\x89PNG\r\n\x1a\n this is not a PNG");
    garbage.close();
    QVERIFY(m_workspace->openFile(good, &error));
    QVERIFY(waitIdle());
    QVERIFY(m_workspace->openFile(bad, &error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->images().size(), 2);
    const RelationsImage &second = m_workspace->model()->images()[1];
    QVERIFY(second.analysed && !second.result.error.empty());
    QCOMPARE(m_workspace->relationsView()->imageList()->topLevelItem(1)->text(3), QStringLiteral("failed"));
}

void TestRelationsWorkspace::stateRoundTrips()
{
    openScenes();
    RelationsModel *model = m_workspace->model();
    model->select(3);
    QVERIFY(waitIdle());
    relations::ExplainerOptions options = model->options();
    options.explainLogits = false;
    model->setOptions(options);
    QVERIFY(waitIdle());
    const int predicate = model->images()[3].result.analysis.topPredicates.front();
    model->selectPredicate(predicate);
    model->setPrior(QStringLiteral("s,o|p"), m_scenes);
    QVERIFY(waitIdle());
    QVERIFY(model->options().prior);
    QCOMPARE(m_workspace->relationsView()->priorChoice()->currentData().toString(), QStringLiteral("s,o|p"));
    // With the prior, a candidate whose classes never form that triplet in the counted truth scores 0.
    for (const relations::RelationTriplet &t : model->images()[0].result.analysis.triplets) {
        const auto &objects = model->images()[0].image.objects;
        const double p = model->options().prior->at(objects[std::size_t(t.subject)].category, t.predicate, objects[std::size_t(t.object)].category);
        QVERIFY(p > 0.0 || t.score == 0.0);
    }
    std::vector<relations::RelationObject> drawn = model->images()[3].image.objects;
    drawn.pop_back();
    model->setDrawnObjects(3, drawn);
    m_workspace->relationsView()->sideTabs()->setCurrentIndex(2);
    QVERIFY(waitIdle());
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QCOMPARE(state.value(QStringLiteral("explain_logits")).toBool(), false);

    cleanup();
    init();
    QString error;
    QVERIFY2(m_workspace->restoreState(state, ProjectPaths(), &error), qPrintable(error));
    QVERIFY(waitIdle());
    model = m_workspace->model();
    QCOMPARE(model->images().size(), 10);
    QCOMPARE(model->selected(), 3);
    QCOMPARE(model->selectedPredicate(), predicate);
    QVERIFY(!model->options().explainLogits);
    QVERIFY(model->images()[3].handDrawn);
    QCOMPARE(model->images()[3].image.objects.size(), drawn.size());
    QVERIFY(model->images()[3].analysed);
    QCOMPARE(m_workspace->relationsView()->sideTabs()->currentIndex(), 2);
    QCOMPARE(model->priorKind(), QStringLiteral("s,o|p"));
    QVERIFY(model->options().prior); // counted again once the model loaded

    QJsonObject missing = state;
    missing.insert(QStringLiteral("inputs"), QJsonArray{m_dir.filePath(QStringLiteral("gone"))});
    QVERIFY(!m_workspace->restoreState(missing, ProjectPaths(), &error));
    QVERIFY(error.contains(QStringLiteral("gone")));
}

void TestRelationsWorkspace::trainingOffersTheNewModel()
{
    openScenes();
    RelationsModel *model = m_workspace->model();
    relations::RelationTrainingSettings settings;
    settings.epochs = 2;
    settings.batchSize = 4;
    settings.model.width = 16;
    settings.model.convWidth = 8;
    settings.model.maxSide = 128;
    settings.validationFraction = 0.2;
    settings.outPath = m_dir.filePath(QStringLiteral("trained.safetensors")).toStdString();
    QSignalSpy epochs(model, &RelationsModel::trainingEpoch);
    QSignalSpy finished(model, &RelationsModel::trainingFinished);
    model->startTraining(settings);
    QVERIFY(model->isTraining());
    QVERIFY(waitIdle());
    QCOMPARE(epochs.size(), 2);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("mAP")));
    const auto last = epochs.last().at(0).value<relations::RelationEpoch>();
    QVERIFY(std::isfinite(last.trainLoss) && last.validationMap >= 0.0 && last.validationMap <= 1.0);
    QVERIFY(model->modelName() != QString::fromStdString(settings.outPath)); // not switched by surprise
    // The panel's "use these weights" switches, and the images are analysed with them.
    RelationsTrainingPanel *panel = m_workspace->relationsView()->trainingPanel();
    auto *use = panel->findChild<QPushButton *>(QStringLiteral("trainUseWeights"));
    QVERIFY(use && use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(waitIdle());
    QCOMPARE(model->modelName(), QString::fromStdString(settings.outPath));
    QCOMPARE(model->modelInfo().width, 16);
    QVERIFY(model->images()[0].analysed && model->images()[0].result.error.empty());

    // Images without a truth cannot train: a reason, no job.
    const QString photo = m_dir.filePath(QStringLiteral("photo.png"));
    QFile::remove(photo);
    QVERIFY(QFile::copy(m_scenes + QStringLiteral("/images/CLEVR_periscope_000003.png"), photo));
    QString error;
    QVERIFY(m_workspace->openFile(photo, &error));
    QVERIFY(waitIdle());
    QSignalSpy stopped(model, &RelationsModel::trainingStopped);
    model->startTraining(settings);
    QCOMPARE(stopped.size(), 1);
    QVERIFY(stopped.first().at(0).toString().contains(QStringLiteral("true triplets")));
}

void TestRelationsWorkspace::foldersGoToTheirWorkspace()
{
    // Scenes drawn for relations come here, plain scene folders stay the Slots workspace's.
    QVERIFY(m_workspace->recognisesFolder(m_scenes));
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    SlotsWorkspace slotsWorkspace(context);
    QVERIFY(!slotsWorkspace.recognisesFolder(m_scenes));
    const QString plain = m_dir.filePath(QStringLiteral("plain-scenes"));
    QVERIFY(copyFolder(m_scenes, plain));
    QFile manifest(plain + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.remove());
    QVERIFY(slotsWorkspace.recognisesFolder(plain));
    QVERIFY(!m_workspace->recognisesFolder(plain));
    // VRD's layout is recognised by its files.
    const QString vrd = m_dir.filePath(QStringLiteral("vrd"));
    QDir().mkpath(vrd + QStringLiteral("/json_dataset"));
    for (const char *name : {"annotations_test.json", "objects.json", "predicates.json"}) {
        QFile f(vrd + QStringLiteral("/json_dataset/") + QLatin1String(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(name).startsWith("annotations") ? "{}" : "[]");
    }
    QVERIFY(m_workspace->recognisesFolder(vrd));
}

void TestRelationsWorkspace::screenshotShowsBoxesAndAGraph()
{
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    const CliRun run = runProgram(QStringLiteral("periscope"),
                                  {QStringLiteral("--workspace"), QStringLiteral("relations"), QStringLiteral("--open"), m_scenes,
                                   QStringLiteral("--screenshot"), shot},
                                  180000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage image = QImage(shot).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    // The image view fills the left of the window: there, the boxes' white outlines (runs of pure
    // white; the rendered scenes have none that long) and arrows in the predicates' colours.
    int runs = 0, arrows = 0;
    QList<QColor> colours;
    for (int p = 0; p < 7; ++p)
        colours << predicateColor(p);
    for (int y = image.height() / 8; y < image.height() * 3 / 4; ++y) {
        int white = 0;
        for (int x = image.width() / 10; x < image.width() * 2 / 3; ++x) {
            const QColor c = image.pixelColor(x, y);
            white = c == Qt::white ? white + 1 : 0;
            runs += white == 20;
            for (const QColor &colour : colours)
                arrows += near(c, colour, 3);
        }
    }
    QVERIFY2(runs >= 4, qPrintable(QString::number(runs)));
    QVERIFY2(arrows >= 100, qPrintable(QString::number(arrows)));
}

QTEST_MAIN(TestRelationsWorkspace)
#include "tst_relationsworkspace.moc"
