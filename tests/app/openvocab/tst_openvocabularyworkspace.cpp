// SPDX-License-Identifier: GPL-3.0-or-later
// The Open-vocabulary workspace end to end on the offscreen platform, with the built-in small
// dino.txt on the demo's scene folder (rendered scenes with instance masks): the images read and
// segmented as jobs, the segmentation as a label layer whose legend names the prompts, each
// prompt's IoU over the folder against the shuffled-prompt chance level, the similarity tiles
// and a tile's map over the image, prompts typed, removed, recoloured, undone and redone, the
// background threshold applied at once, a click ranking the prompts at a pixel (checked against
// the segmentation there), two models side by side, figure export in the chosen colours, the
// project state, bad input, images without masks, and `periscope --workspace open-vocabulary
// --open IMAGE --screenshot`.
#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/shell/ComputeState.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/openvocab/OpenVocabularyModel.h"
#include "app/workspaces/openvocab/OpenVocabularyTrainingPanel.h"
#include "app/workspaces/openvocab/OpenVocabularyView.h"
#include "app/workspaces/openvocab/OpenVocabularyWorkspace.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "tests/app/cli/CliRun.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/tiles/MapTile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace periscope;
using namespace periscope::app;

namespace {

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance && std::abs(a.blue() - b.blue()) <= tolerance;
}

int promptIndex(const OpenVocabularyModel *model, const QString &text)
{
    return int(model->promptTexts().indexOf(text));
}

} // namespace

class TestOpenVocabularyWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void demoSegmentsAndScoresTheScenes();
    void tileShowsItsPromptsMap();
    void promptEditsAreUndoable();
    void backgroundThresholdAppliesAtOnce();
    void clickRanksThePromptsThere();
    void twoModelsSideBySide();
    void figureExportsInThePromptsColours();
    void stateRoundTrips();
    void badInputGetsAMessageNotACrash();
    void imagesWithoutMasksAreNotScored();
    void trainingOffersTheNewModel();
    void smallModelIgnoresBf16();
    void screenshotShowsTheSegmentationAndItsLegend();

private:
    bool waitIdle() { return m_jobs->waitForIdle(180000); }
    void openDemo();

    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<OpenVocabularyWorkspace> m_workspace;
};

void TestOpenVocabularyWorkspace::initTestCase()
{
    m_demo = slotsDemoFolder();
    QString error;
    if (m_demo.isEmpty() || resolveOpenVocabModel(builtInOpenVocabModelName(), &error).isEmpty())
        QSKIP("the demo scenes or the built-in open-vocabulary model are not in this tree");
}

void TestOpenVocabularyWorkspace::init()
{
    m_jobs = std::make_unique<JobManager>();
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    m_workspace = std::make_unique<OpenVocabularyWorkspace>(context);
    m_workspace->view()->resize(1280, 720);
    m_workspace->view()->show();
}

void TestOpenVocabularyWorkspace::cleanup()
{
    m_jobs->cancelAll();
    m_jobs->waitForIdle(10000);
    m_workspace.reset();
    m_jobs.reset();
}

void TestOpenVocabularyWorkspace::openDemo()
{
    QString error;
    QVERIFY2(m_workspace->openDemo(QStringLiteral("scenes"), &error), qPrintable(error));
    QVERIFY(waitIdle());
}

void TestOpenVocabularyWorkspace::demoSegmentsAndScoresTheScenes()
{
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    QVERIFY(model->hasModel(OpenVocabSide::A));
    QCOMPARE(model->promptTexts(), OpenVocabularyWorkspace::demoPrompts());
    QCOMPARE(model->images().size(), 16);
    for (const OpenVocabImage &image : model->images()) {
        QVERIFY2(image.outcome[0].analysed, qPrintable(image.outcome[0].error));
        QCOMPARE(int(image.outcome[0].zeroShot.size()), 8);
        QVERIFY(image.outcome[0].score.has_value());
        QVERIFY(!image.outcome[1].analysed); // no second model
    }
    // The model's own threshold (chosen on its validation scenes) until the user sets one.
    QVERIFY(!model->background().has_value());
    QVERIFY(std::isfinite(model->model(OpenVocabSide::A).suggestedBackground));
    QCOMPARE(model->effectiveBackground(OpenVocabSide::A), model->model(OpenVocabSide::A).suggestedBackground);

    // Colour prompts find their objects far above what overlap alone gives (the CLI's test holds
    // the built-in model to the same margin on the same scenes).
    const std::optional<openvocab::SceneScoreboard> score = model->folderScore(OpenVocabSide::A);
    QVERIFY(score.has_value());
    QCOMPARE(score->images(), 16);
    QVERIFY2(score->mean() > score->shuffledMean() + 0.3, qPrintable(QStringLiteral("%1 vs %2").arg(score->mean()).arg(score->shuffledMean())));
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QCOMPARE(view->scoreTable()->rowCount(), 9); // the prompts and their mean
    QCOMPARE(view->scoreTable()->item(8, 1)->text(), QLocale().toString(score->mean(), 'f', 3));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QLocale().toString(score->mean(), 'f', 3)));

    // The selected image: the image and the segmentation, a label layer naming the prompts in
    // their colours, made of the detail's labels (background 0).
    const OpenVocabDetail &detail = model->detail();
    QCOMPARE(detail.index, 0);
    QVERIFY(detail.result[0].has_value());
    const openvocab::OpenVocabResult &result = *detail.result[0];
    QCOMPARE(QSize(result.mapWidth, result.mapHeight), QImage(model->images()[0].entry.imagePath).size());
    widgets::LayerModel *layers = view->layers();
    QVERIFY(layers->layer(QStringLiteral("image")));
    const widgets::Layer *segmentation = layers->layer(QStringLiteral("segmentation"));
    QVERIFY(segmentation);
    QVERIFY(segmentation->kind == widgets::LayerKind::Labels);
    QCOMPARE(segmentation->labelNames.mid(1), model->promptTexts());
    for (int p = 0; p < 8; ++p)
        QCOMPARE(segmentation->labelColors[p + 1], model->prompts()[p].color);
    int labelled = 0;
    for (int y = 0; y < result.mapHeight; ++y)
        for (int x = 0; x < result.mapWidth; ++x) {
            const int label = result.labels[std::size_t(y * result.mapWidth + x)];
            QCOMPARE(int(segmentation->values.row(y)[x]), label + 1);
            labelled += label >= 0;
        }
    // Objects are a small part of a scene: most pixels are background at the model's threshold.
    QVERIFY(labelled > 0 && labelled < result.mapWidth * result.mapHeight / 2);
    // "red objects" is drawn in CLEVR's red, so the legend reads as the scene does.
    QCOMPARE(model->prompts()[promptIndex(model, QStringLiteral("red objects"))].color, QColor(173, 35, 35));
    // A tile per prompt; the zero-shot ranking sorted by probability.
    QCOMPARE(view->tiles().size(), 8);
    QCOMPARE(view->rankingTable()->rowCount(), 8);
    const auto best = std::max_element(result.zeroShot.begin(), result.zeroShot.end()) - result.zeroShot.begin();
    QCOMPARE(view->rankingTable()->item(0, 0)->text(), model->promptTexts()[int(best)]);

    // The workspace fits a 1280 x 720 screen beside the workspace bar, docks and status bar.
    QVERIFY2(view->minimumSizeHint().width() <= 1000 && view->minimumSizeHint().height() <= 480,
             qPrintable(QStringLiteral("%1 x %2").arg(view->minimumSizeHint().width()).arg(view->minimumSizeHint().height())));
    // Another image by the list, as a user clicks it.
    auto *list = view->findChild<QListWidget *>(QStringLiteral("imageList"));
    list->setCurrentRow(5);
    QVERIFY(waitIdle());
    QCOMPARE(model->detail().index, 5);
}

void TestOpenVocabularyWorkspace::tileShowsItsPromptsMap()
{
    openDemo();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    widgets::MapTile *tile = view->tiles().at(2);
    QTest::mouseClick(tile, Qt::LeftButton, Qt::NoModifier, tile->rect().center());
    QCOMPARE(view->shownPromptMap(), 2);
    const widgets::Layer *map = view->layers()->layer(QStringLiteral("similarity"));
    QVERIFY(map);
    QVERIFY(!view->layers()->layer(QStringLiteral("segmentation")));
    const openvocab::OpenVocabResult &result = *m_workspace->model()->detail().result[0];
    QCOMPARE(map->values.rowAs<float>(7)[9], result.similarityMap(2)[7 * result.mapWidth + 9]);
    QVERIFY(map->name.contains(m_workspace->model()->promptTexts()[2]));
    // Clicking it again goes back to the segmentation.
    QTest::mouseClick(view->tiles().at(2), Qt::LeftButton, Qt::NoModifier, view->tiles().at(2)->rect().center());
    QCOMPARE(view->shownPromptMap(), -1);
    QVERIFY(view->layers()->layer(QStringLiteral("segmentation")));
}

void TestOpenVocabularyWorkspace::promptEditsAreUndoable()
{
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QUndoStack *undo = m_workspace->undoStack();
    // Typed and entered, as a user does.
    QTest::keyClicks(view->promptEdit(), QStringLiteral("  metal   cubes "));
    QTest::keyClick(view->promptEdit(), Qt::Key_Return);
    QCOMPARE(model->prompts().size(), 9);
    QCOMPARE(model->prompts().last().text, QStringLiteral("metal cubes"));
    // Its colour is told apart from the eight colours in use.
    for (int p = 0; p < 8; ++p) {
        const QColor a = model->prompts()[p].color, b = model->prompts().last().color;
        QVERIFY(std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 120);
    }
    QVERIFY(view->promptEdit()->text().isEmpty());
    QVERIFY(waitIdle());
    QCOMPARE(model->detail().result[0]->promptCount(), 9);
    QCOMPARE(view->tiles().size(), 9);
    QCOMPARE(view->layers()->layer(QStringLiteral("segmentation"))->labelNames.size(), 10);
    QVERIFY(model->images()[0].outcome[0].score->isScored(8));

    // Refused, with the reason where the user looks.
    QVERIFY(!view->addPrompt(QStringLiteral("metal cubes")));
    QVERIFY(view->hint()->text().contains(QStringLiteral("already")));
    QVERIFY(!view->addPrompt(QStringLiteral("   ")));
    QVERIFY(!view->addPrompt(QStringLiteral("red; blue")));
    QCOMPARE(model->prompts().size(), 9);

    // A word the small model never saw is named.
    QVERIFY(view->addPrompt(QStringLiteral("pink dogs")));
    QVERIFY(waitIdle());
    QVERIFY2(view->hint()->text().contains(QStringLiteral("pink")) && view->hint()->text().contains(QStringLiteral("dogs")),
             qPrintable(view->hint()->text()));
    QVERIFY(!model->images()[0].outcome[0].score->isScored(9)); // it names no attribute

    // Recolouring changes the layer at once, without analysing again.
    const QColor chosen(0, 255, 127);
    view->recolourPrompt(0, chosen);
    QVERIFY(!model->isBusy());
    QCOMPARE(view->layers()->layer(QStringLiteral("segmentation"))->labelColors[1], chosen);
    QCOMPARE(view->tiles().at(0)->frameColor(), chosen);

    view->removePrompt(1); // "blue objects"
    QVERIFY(!model->promptTexts().contains(QStringLiteral("blue objects")));
    QVERIFY(waitIdle());
    QCOMPARE(model->detail().result[0]->promptCount(), 9);

    // Undo walks back every edit; redo forward again.
    QCOMPARE(undo->count(), 4);
    undo->undo(); // the removal
    QVERIFY(waitIdle());
    QCOMPARE(model->promptTexts()[1], QStringLiteral("blue objects"));
    QCOMPARE(model->detail().result[0]->promptCount(), 10);
    undo->undo(); // the colour
    QCOMPARE(model->prompts()[0].color, QColor(173, 35, 35));
    undo->undo();
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->promptTexts(), OpenVocabularyWorkspace::demoPrompts());
    QCOMPARE(view->tiles().size(), 8);
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->prompts().size(), 9);
    QCOMPARE(view->tiles().size(), 9);
}

void TestOpenVocabularyWorkspace::backgroundThresholdAppliesAtOnce()
{
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    // -1 keeps every pixel: each takes its best prompt, without waiting for a job.
    view->setBackgroundValue(-1.0);
    const openvocab::OpenVocabResult &result = *model->detail().result[0];
    double covered = 0.0;
    for (double c : result.coverage)
        covered += c;
    QCOMPARE(covered, 1.0);
    const widgets::Layer *segmentation = view->layers()->layer(QStringLiteral("segmentation"));
    for (int y = 0; y < result.mapHeight; y += 7)
        for (int x = 0; x < result.mapWidth; x += 7) {
            const std::vector<float> here = result.similarityAt(x, y);
            const auto best = std::max_element(here.begin(), here.end()) - here.begin();
            QCOMPARE(int(segmentation->values.row(y)[x]), int(best) + 1);
        }
    // A cosine is at most 1: at 1 every pixel is background.
    view->setBackgroundValue(1.0);
    for (int label : model->detail().result[0]->labels)
        QCOMPARE(label, -1);
    QVERIFY(waitIdle());
    // Over the folder nothing is found now, and the table says so.
    QCOMPARE(model->folderScore(OpenVocabSide::A)->mean(), 0.0);
    // Undo returns to the model's suggestion.
    m_workspace->undoStack()->undo();
    m_workspace->undoStack()->undo();
    QVERIFY(!model->background().has_value());
    QVERIFY(waitIdle());
    QVERIFY(model->folderScore(OpenVocabSide::A)->mean() > 0.3);
}

void TestOpenVocabularyWorkspace::clickRanksThePromptsThere()
{
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    const openvocab::OpenVocabResult &result = *model->detail().result[0];
    // A pixel some prompt holds: ranked there, that prompt comes first (the segmentation is the
    // arg-max of the same similarities).
    QPoint pixel(-1, -1);
    int label = -1;
    for (int i = 0; i < int(result.labels.size()) && label < 0; ++i)
        if (result.labels[std::size_t(i)] >= 0) {
            label = result.labels[std::size_t(i)];
            pixel = QPoint(i % result.mapWidth, i / result.mapWidth);
        }
    QVERIFY(label >= 0);
    widgets::ImageView *imageView = view->imageView();
    const QPoint at = imageView->mapFromScene(QPointF(pixel) + QPointF(0.5, 0.5));
    QTest::mouseClick(imageView->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(view->rankedPixel(), pixel);
    QCOMPARE(view->tabs()->currentIndex(), 1);
    QTableWidget *ranking = view->pixelRankingTable();
    QCOMPARE(ranking->rowCount(), 8);
    QCOMPARE(ranking->item(0, 0)->text(), model->promptTexts()[label]);
    const std::vector<float> here = result.similarityAt(pixel.x(), pixel.y());
    for (int r = 1; r < 8; ++r)
        QVERIFY(QLocale().toDouble(ranking->item(r - 1, 1)->text()) >= QLocale().toDouble(ranking->item(r, 1)->text()));
    QCOMPARE(ranking->item(0, 1)->text(), QLocale().toString(double(here[std::size_t(label)]), 'f', 3));
    QVERIFY(view->layers()->layer(QStringLiteral("ranked-pixel")));
}

void TestOpenVocabularyWorkspace::twoModelsSideBySide()
{
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QVERIFY(!view->imageView(OpenVocabSide::B)->isVisible());
    // A small model trained elsewhere is a file with its backbone beside it: the built-in's copy.
    QString error;
    const QString weights = resolveOpenVocabModel(builtInOpenVocabModelName(), &error);
    const QString backbone = smallOpenVocabBackbone(weights, &error);
    QVERIFY2(!backbone.isEmpty(), qPrintable(error));
    const QString copy = m_dir.filePath(QStringLiteral("copy.safetensors"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(weights, copy));
    // Loading B analyses B alone: A's outcomes stay in place all along.
    bool aKept = true;
    const auto watch = [model, &aKept] {
        for (const OpenVocabImage &image : model->images())
            aKept = aKept && image.outcome[0].analysed;
    };
    const QMetaObject::Connection c1 = connect(model, &OpenVocabularyModel::imageAnalysed, this, watch);
    const QMetaObject::Connection c2 = connect(model, &OpenVocabularyModel::outcomesReset, this, watch);
    model->setModel(copy, OpenVocabSide::B);
    QVERIFY(waitIdle());
    disconnect(c1);
    disconnect(c2);
    QVERIFY(aKept);
    QVERIFY(model->hasModel(OpenVocabSide::B));
    QVERIFY(view->imageView(OpenVocabSide::B)->isVisible());
    QVERIFY(!view->scoreTable()->isColumnHidden(3));
    for (const OpenVocabImage &image : model->images())
        QVERIFY(image.outcome[1].analysed);
    QVERIFY(view->layers(OpenVocabSide::B)->layer(QStringLiteral("segmentation")));
    // The same weights: the same scores, up to the last bits of the arithmetic.
    QVERIFY(std::abs(model->folderScore(OpenVocabSide::B)->mean() - model->folderScore(OpenVocabSide::A)->mean()) < 0.01);
    QCOMPARE(view->scoreTable()->item(8, 3)->text().left(3), view->scoreTable()->item(8, 1)->text().left(3));
    // The views zoom together.
    view->imageView(OpenVocabSide::A)->setZoom(3.0);
    QCOMPARE(view->imageView(OpenVocabSide::B)->zoom(), 3.0);

    // The figure has both segmentations.
    const QString figure = m_dir.filePath(QStringLiteral("two.svg"));
    QVERIFY2(m_workspace->exportFigure(figure, &error), qPrintable(error));
    QFile svg(figure);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(svg.readAll()).contains(QStringLiteral("beside it copy")));

    model->setModel(QString(), OpenVocabSide::B);
    QVERIFY(!model->comparing());
    QVERIFY(!view->imageView(OpenVocabSide::B)->isVisible());
    QVERIFY(view->scoreTable()->isColumnHidden(3));
}

void TestOpenVocabularyWorkspace::figureExportsInThePromptsColours()
{
    QString error;
    QVERIFY(!m_workspace->exportFigure(m_dir.filePath(QStringLiteral("empty.png")), &error));
    QVERIFY(error.contains(QStringLiteral("nothing to export")));
    openDemo();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    const QColor chosen(0, 255, 127); // no scene and no palette colour
    view->recolourPrompt(0, chosen);
    const QString png = m_dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(m_workspace->exportFigure(png, &error), qPrintable(error));
    const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    // The prompt's frame and legend swatch are in its chosen colour.
    int found = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            found += near(image.pixelColor(x, y), chosen, 2);
    QVERIFY2(found >= 50, qPrintable(QString::number(found)));
    const QString svgPath = m_dir.filePath(QStringLiteral("figure.svg"));
    QVERIFY2(m_workspace->exportFigure(svgPath, &error), qPrintable(error));
    QFile svg(svgPath);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    for (const QString &prompt : m_workspace->model()->promptTexts())
        QVERIFY2(text.contains(prompt), qPrintable(prompt));
    QVERIFY(text.contains(QStringLiteral("prompt mIoU")));
}

void TestOpenVocabularyWorkspace::stateRoundTrips()
{
    openDemo();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QVERIFY(view->addPrompt(QStringLiteral("metal cubes")));
    view->recolourPrompt(1, QColor(10, 20, 30));
    view->setBackgroundValue(0.3);
    QVERIFY(waitIdle());
    m_workspace->model()->select(3);
    QVERIFY(waitIdle());
    view->showPromptMap(2);
    view->tabs()->setCurrentIndex(2);
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    const QList<OpenVocabPrompt> prompts = m_workspace->model()->prompts();

    cleanup();
    init();
    QString error;
    QVERIFY2(m_workspace->restoreState(state, ProjectPaths(), &error), qPrintable(error));
    QVERIFY(waitIdle());
    OpenVocabularyModel *model = m_workspace->model();
    QCOMPARE(model->images().size(), 16);
    QCOMPARE(model->prompts(), prompts);
    QCOMPARE(model->background(), std::optional<double>(0.3));
    QCOMPARE(model->selected(), 3);
    QCOMPARE(model->detail().index, 3);
    QCOMPARE(m_workspace->openVocabularyView()->shownPromptMap(), 2);
    QCOMPARE(m_workspace->openVocabularyView()->tabs()->currentIndex(), 2);
    QCOMPARE(m_workspace->undoStack()->count(), 0);

    // An older or hand-made state: no prompts, no background; a missing input is named.
    QJsonObject missing = state;
    missing.insert(QStringLiteral("inputs"), QJsonArray{m_dir.filePath(QStringLiteral("gone"))});
    missing.remove(QStringLiteral("background"));
    QVERIFY(!m_workspace->restoreState(missing, ProjectPaths(), &error));
    QVERIFY(error.contains(QStringLiteral("gone")));
    QVERIFY(!m_workspace->model()->background().has_value());
}

void TestOpenVocabularyWorkspace::badInputGetsAMessageNotACrash()
{
    QString error;
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image");
    file.close();
    QVERIFY(!m_workspace->openFile(text, &error));
    QVERIFY(error.contains(QStringLiteral("notes.txt")));
    QVERIFY(!m_workspace->openFile(m_dir.filePath(QStringLiteral("nowhere.png")), &error));
    QVERIFY(!error.isEmpty());

    // A folder with a broken PNG beside good ones: the broken one says why, the others are segmented.
    const QString folder = m_dir.filePath(QStringLiteral("mixed"));
    QDir().mkpath(folder);
    const QStringList names = QDir(m_demo + QStringLiteral("/images")).entryList({QStringLiteral("*.png")});
    QVERIFY(QFile::copy(m_demo + QStringLiteral("/images/") + names[0], folder + QStringLiteral("/a.png")));
    QVERIFY(QFile::copy(m_demo + QStringLiteral("/images/") + names[1], folder + QStringLiteral("/b.png")));
    QFile broken(folder + QStringLiteral("/broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG\r\n\x1a\n truncated");
    broken.close();
    QSignalSpy problems(m_workspace->model(), &OpenVocabularyModel::problem);
    QVERIFY(m_workspace->openFile(folder, &error));
    QVERIFY(waitIdle());
    OpenVocabularyModel *model = m_workspace->model();
    QCOMPARE(model->images().size(), 3);
    int failed = 0, analysed = 0;
    for (const OpenVocabImage &image : model->images()) {
        failed += !image.error.isEmpty();
        analysed += image.outcome[0].analysed;
    }
    QCOMPARE(failed, 1);
    QCOMPARE(analysed, 2);
    bool named = false;
    for (const QList<QVariant> &p : problems)
        named = named || p.at(0).toString().contains(QStringLiteral("broken"));
    QVERIFY(named);

    // A model file that is not one: a message, the current model stays.
    const QString bogus = m_dir.filePath(QStringLiteral("bogus.safetensors"));
    QFile weights(bogus);
    QVERIFY(weights.open(QIODevice::WriteOnly));
    weights.write("\x10\x00\x00\x00\x00\x00\x00\x00{\"a\":1}", 16);
    weights.close();
    problems.clear();
    model->setModel(bogus, OpenVocabSide::B);
    QVERIFY(waitIdle());
    QVERIFY(!model->hasModel(OpenVocabSide::B));
    QVERIFY(model->hasModel(OpenVocabSide::A));
    QVERIFY(!problems.isEmpty());
    QVERIFY(problems.last().at(0).toString().contains(QStringLiteral("could not be loaded")));
}

void TestOpenVocabularyWorkspace::imagesWithoutMasksAreNotScored()
{
    const QStringList names = QDir(m_demo + QStringLiteral("/images")).entryList({QStringLiteral("*.png")});
    QString error;
    // Images opened one by one gather.
    for (int i = 0; i < 2; ++i)
        QVERIFY2(m_workspace->openFile(m_demo + QStringLiteral("/images/") + names[i], &error), qPrintable(error));
    QVERIFY(waitIdle());
    OpenVocabularyModel *model = m_workspace->model();
    QCOMPARE(model->images().size(), 2);
    QVERIFY(!model->hasMasks());
    QVERIFY(!model->folderScore(OpenVocabSide::A).has_value());
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QCOMPARE(view->scoreTable()->rowCount(), 0);
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("no instance masks")));
    // The built-in model starts with prompts it knows, and segments.
    QCOMPARE(model->promptTexts(), OpenVocabularyWorkspace::demoPrompts());
    QVERIFY(view->layers()->layer(QStringLiteral("segmentation")));
    QCOMPARE(view->rankingTable()->rowCount(), 8);
}

void TestOpenVocabularyWorkspace::trainingOffersTheNewModel()
{
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    OpenVocabularyTrainingPanel *panel = view->trainingPanel();
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("trainButton"));
    auto *status = panel->findChild<QLabel *>(QStringLiteral("trainStatus"));
    // Plain images have no objects to caption: the panel says so.
    const QStringList names = QDir(m_demo + QStringLiteral("/images")).entryList({QStringLiteral("*.png")});
    QString error;
    QVERIFY(m_workspace->openFile(m_demo + QStringLiteral("/images/") + names[0], &error));
    QVERIFY(waitIdle());
    const QString weights = m_dir.filePath(QStringLiteral("trained/small.safetensors"));
    panel->findChild<QLineEdit *>(QStringLiteral("trainOut"))->setText(weights);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(waitIdle());
    QVERIFY2(status->text().contains(QStringLiteral("scene folder")), qPrintable(status->text()));
    QVERIFY(!QFileInfo::exists(weights));

    // On the demo's scenes, two quick epochs through the panel's own fields.
    openDemo();
    panel->findChild<QSpinBox *>(QStringLiteral("trainEpochs"))->setValue(2);
    panel->textLayers()->setValue(1);
    panel->textWidth()->setValue(64);
    panel->captions()->setValue(4);
    panel->batchSize()->setValue(8);
    panel->findChild<QLineEdit *>(QStringLiteral("trainOut"))->setText(weights);
    QSignalSpy epochs(m_workspace->model(), &OpenVocabularyModel::trainingEpoch);
    QSignalSpy finished(m_workspace->model(), &OpenVocabularyModel::trainingFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_workspace->model()->isTraining());
    QVERIFY(waitIdle());
    QCOMPARE(epochs.size(), 2);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("prompt mIoU")), qPrintable(finished.first().at(1).toString()));
    QVERIFY(QFileInfo::exists(weights));
    // Finishing does not switch the model; "Use these weights" does, and the scenes are segmented again.
    QCOMPARE(m_workspace->model()->model(OpenVocabSide::A).name, builtInOpenVocabModelName());
    auto *use = panel->findChild<QPushButton *>(QStringLiteral("trainUseWeights"));
    QVERIFY(use && use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->model(OpenVocabSide::A).name, weights);
    QVERIFY(m_workspace->model()->model(OpenVocabSide::A).description.contains(QStringLiteral("64 wide, 1 block")));
    QVERIFY(m_workspace->model()->images()[0].outcome[0].analysed);
    QVERIFY(m_workspace->model()->folderScore(OpenVocabSide::A).has_value());
}

void TestOpenVocabularyWorkspace::smallModelIgnoresBf16()
{
    // Preferences > precision "bf16" is passed on to the model's load (the released model then
    // keeps its matrices in bfloat16: half of 3.1 GB); the small model (3 MB) stays in fp32, says
    // so, and segments as before.
    ComputeState compute;
    compute.apply(QStringLiteral("cpu"), 0);
    compute.setPrecisionPreference(QStringLiteral("bf16"));
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    context.compute = &compute;
    m_workspace = std::make_unique<OpenVocabularyWorkspace>(context);
    m_workspace->view()->resize(1280, 720);
    openDemo();
    OpenVocabularyModel *model = m_workspace->model();
    QVERIFY2(model->model(OpenVocabSide::A).description.endsWith(QStringLiteral("fp32")), qPrintable(model->model(OpenVocabSide::A).description));
    const std::optional<openvocab::SceneScoreboard> score = model->folderScore(OpenVocabSide::A);
    QVERIFY(score && score->images() == 16);
    QVERIFY2(score->mean() > score->shuffledMean() + 0.3, qPrintable(QStringLiteral("%1 vs %2").arg(score->mean()).arg(score->shuffledMean())));
    m_jobs->cancelAll();
    m_jobs->waitForIdle(10000);
    m_workspace.reset(); // before `compute` goes
}

void TestOpenVocabularyWorkspace::screenshotShowsTheSegmentationAndItsLegend()
{
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    const QString image = m_demo + QStringLiteral("/images/") + QDir(m_demo + QStringLiteral("/images")).entryList({QStringLiteral("*.png")}).first();
    const CliRun run = runProgram(QStringLiteral("periscope"),
                                  {QStringLiteral("--workspace"), QStringLiteral("open-vocabulary"), QStringLiteral("--open"), image,
                                   QStringLiteral("--screenshot"), shot},
                                  180000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage picture = QImage(shot).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!picture.isNull());
    // The image view is left of the prompt list and above the maps: there, only the legend's
    // swatches are in the prompts' exact colours (the segmentation is blended over the scene).
    QStringList missing;
    for (const QString &prompt : OpenVocabularyWorkspace::demoPrompts()) {
        const QColor colour = OpenVocabularyModel::suggestedPromptColor(prompt, {});
        int count = 0;
        for (int y = picture.height() / 12; y < picture.height() / 2; ++y)
            for (int x = picture.width() / 8; x < picture.width() * 3 / 5; ++x)
                count += near(picture.pixelColor(x, y), colour, 2);
        if (count < 30)
            missing << QStringLiteral("%1 (%2 px)").arg(prompt).arg(count);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestOpenVocabularyWorkspace)
#include "tst_openvocabularyworkspace.moc"
