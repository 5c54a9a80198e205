// SPDX-License-Identifier: GPL-3.0-or-later
// The Open-vocabulary workspace end to end on the offscreen platform, with the built-in small
// dino.txt on the demo's scene folder (rendered scenes with instance masks): the images read and
// segmented as jobs, the segmentation as a label layer whose legend names the prompts, each
// prompt's IoU over the folder against the shuffled-prompt chance level, the similarity tiles
// and a tile's map over the image, prompts typed, removed, recoloured, undone and redone, the
// background threshold applied at once, a click ranking the prompts at a pixel (checked against
// the segmentation there), two models side by side, bad input, images without masks. What the
// workspace hands on (figure, project, training, screenshot): tst_openvocabularyoutputs.
#include "tests/app/openvocab/OpenVocabWorkspaceFixture.h"

using namespace periscope;
using namespace periscope::app;
using namespace periscope::app::testing;

class TestOpenVocabularyWorkspace : public QObject, private OpenVocabWorkspaceFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!setUp())
            QSKIP("the demo scenes or the built-in open-vocabulary model are not in this tree");
    }
    void init() { startCase(); }
    void cleanup() { endCase(); }
    void demoSegmentsAndScoresTheScenes();
    void tileShowsItsPromptsMap();
    void promptEditsAreUndoable();
    void backgroundThresholdAppliesAtOnce();
    void clickRanksThePromptsThere();
    void twoModelsSideBySide();
    void badInputGetsAMessageNotACrash();
    void imagesWithoutMasksAreNotScored();
    void openAndModelsAreUndone();
};

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

// #23 item 6: besides the prompts, the images opened and each side's model are steps of Undo.
void TestOpenVocabularyWorkspace::openAndModelsAreUndone()
{
    OpenVocabularyModel *model = m_workspace->model();
    OpenVocabularyView *view = m_workspace->openVocabularyView();
    QUndoStack *undo = m_workspace->undoStack();
    QString error;
    const QString folder = m_dir.filePath(QStringLiteral("two"));
    QDir().mkpath(folder);
    const QStringList names = QDir(m_demo + QStringLiteral("/images")).entryList({QStringLiteral("*.png")});
    QVERIFY(QFile::copy(m_demo + QStringLiteral("/images/") + names[0], folder + QStringLiteral("/a.png")));
    QVERIFY(QFile::copy(m_demo + QStringLiteral("/images/") + names[1], folder + QStringLiteral("/b.png")));
    const int start = undo->count();
    QVERIFY(m_workspace->openFile(folder, &error));
    QVERIFY(waitIdle());
    QCOMPARE(undo->count(), start + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Open two"));
    QCOMPARE(model->images().size(), 2);
    // A comparison model for side B, then none again by Undo; then the images closed.
    const QString weights = resolveOpenVocabModel(builtInOpenVocabModelName(), &error);
    const QString copy = m_dir.filePath(QStringLiteral("b.safetensors"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(weights, copy));
    view->chooseModel(copy, OpenVocabSide::B);
    QVERIFY(waitIdle());
    QVERIFY(model->hasModel(OpenVocabSide::B));
    QCOMPARE(undo->count(), start + 2);
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(!model->comparing());
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(model->images().isEmpty());
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->images().size(), 2);
}

QTEST_MAIN(TestOpenVocabularyWorkspace)
#include "tst_openvocabularyworkspace.moc"
