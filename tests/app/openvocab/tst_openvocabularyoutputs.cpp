// SPDX-License-Identifier: GPL-3.0-or-later
// What the Open-vocabulary workspace hands on, with the built-in small dino.txt on the demo's
// scene folder: the exported figure in the prompts' colours, the project state round trip,
// training a model and offering it, bf16 on a small model, and `periscope --workspace
// open-vocabulary --open IMAGE --screenshot`. The workspace itself: tst_openvocabularyworkspace.
#include "tests/app/openvocab/OpenVocabWorkspaceFixture.h"

using namespace periscope;
using namespace periscope::app;
using namespace periscope::app::testing;

class TestOpenVocabularyOutputs : public QObject, private OpenVocabWorkspaceFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!setUp())
            QSKIP("the demo scenes or the built-in open-vocabulary model are not in this tree");
    }
    void init() { startCase(); }
    void cleanup() { endCase(); }
    void figureExportsInThePromptsColours();
    void stateRoundTrips();
    void trainingOffersTheNewModel();
    void smallModelIgnoresBf16();
    void screenshotShowsTheSegmentationAndItsLegend();
};

void TestOpenVocabularyOutputs::figureExportsInThePromptsColours()
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

void TestOpenVocabularyOutputs::stateRoundTrips()
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

void TestOpenVocabularyOutputs::trainingOffersTheNewModel()
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

void TestOpenVocabularyOutputs::smallModelIgnoresBf16()
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

void TestOpenVocabularyOutputs::screenshotShowsTheSegmentationAndItsLegend()
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

QTEST_MAIN(TestOpenVocabularyOutputs)
#include "tst_openvocabularyoutputs.moc"
