// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake workspace on folders, on the offscreen platform: a DFDC folder made by `fakes` from
// 24 frames of Megamind.avi, its fake beside its original (wipe) and its mask (the PNGs', pixel for
// pixel), the explanations scored per video and per folder (table, bars, detection quality, CSV),
// the annotated clip and the figure, the project restoring the folder; "Explain the folder" with
// DFDC's difference masks; and folders that cannot be opened.
#include "tests/app/deepfake/DeepfakeWorkspaceFixture.h"

#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"
#include "app/workspaces/deepfake/DeepfakeMetricsPanel.h"
#include "app/workspaces/deepfake/DeepfakeView.h"
#include "engine/deepfake/FakeVideos.h"
#include "engine/media/image/ImageFile.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace periscope;
using namespace periscope::app;

class TestDeepfakeFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!m_fixture.setUp())
            QSKIP("opencv-doc's Megamind.avi is not installed");
    }
    void init() { m_fixture.startCase(); }
    void cleanup() { m_fixture.endCase(); }
    void aFolderShowsFakesBesideTheirOriginalsAndScoresThem();
    void theWholeFolderIsExplainedWithDifferenceMasks();
    void badFoldersGetAMessage();

private:
    bool waitIdle() { return m_fixture.waitIdle(); }
    std::unique_ptr<DeepfakeWorkspace> makeWorkspace() { return m_fixture.makeWorkspace(); }
    // A DFDC folder as `periscope-cli fakes` makes it from the clip: its self-blended fake, masks
    // and metadata.json.
    QString makeFakesFolder(deepfake::FakeVideoResult *made);

    testing::DeepfakeWorkspaceFixture m_fixture;
    const QString &m_clip = m_fixture.clip;
    const QString &m_weights = m_fixture.weights;
    const QString &m_cache = m_fixture.cache;
    std::unique_ptr<DeepfakeWorkspace> &m_workspace = m_fixture.workspace;
};

QString TestDeepfakeFolder::makeFakesFolder(deepfake::FakeVideoResult *made)
{
    const QString folder = m_fixture.filePath(QStringLiteral("dfdc-%1").arg(QFileInfo(m_cache).fileName()));
    deepfake::FakeVideoRequest request;
    request.input = m_clip.toStdString();
    request.outFolder = folder.toStdString();
    *made = deepfake::makeSelfBlendedFake(request);
    deepfake::writeFakesMetadata(folder.toStdString(), {*made});
    return folder;
}

void TestDeepfakeFolder::aFolderShowsFakesBesideTheirOriginalsAndScoresThem()
{
    deepfake::FakeVideoResult made;
    const QString folder = makeFakesFolder(&made);

    DeepfakeModel *model = m_workspace->model();
    model->setModel(m_weights);
    QString error;
    QVERIFY2(m_workspace->openFile(folder, &error), qPrintable(error));
    QVERIFY(waitIdle());
    DeepfakeView *view = m_workspace->deepfakeView();
    QCOMPARE(view->videoList()->topLevelItemCount(), 2);
    QCOMPARE(view->videoList()->topLevelItem(0)->text(1), QStringLiteral("fake"));
    QCOMPARE(view->videoList()->topLevelItem(1)->text(1), QStringLiteral("real"));
    // The first video, the fake, opened with its original and masks, and was explained.
    const QString fake = QDir(folder).filePath(QString::fromStdString(made.fake));
    QCOMPARE(QFileInfo(model->video().path).fileName(), QFileInfo(fake).fileName());
    QVERIFY(!model->companions().original.isEmpty());
    QVERIFY(!model->companions().masks.isEmpty());
    QVERIFY(model->video().explained() > 0);

    // A frame with a face: the original frame beside it and the mask of that very frame.
    qint64 k = 0;
    while (!model->video().faces[k])
        ++k;
    model->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().mask.isNull() && !model->frame().original.isNull(), 10000);
    QCOMPARE(model->frame().original.size(), QSize(model->video().width, model->video().height));
    char name[32];
    std::snprintf(name, sizeof name, "/%06lld.png", static_cast<long long>(k));
    const Image truth = media::readImage(folder.toStdString() + "/" + made.masks + name).pixels;
    int truthOn = 0, shownOn = 0;
    for (int y = 0; y < truth.height(); ++y)
        for (int x = 0; x < truth.width(); ++x) {
            truthOn += truth.sample(x, y, 0) >= 128.0f ? 1 : 0;
            shownOn += model->frame().mask.pixelColor(x, y).red() > 0 ? 1 : 0;
        }
    QVERIFY(truthOn > 0);
    QCOMPARE(shownOn, truthOn);
    widgets::LayerModel *layers = view->layers();
    QVERIFY(layers->layer(DeepfakeView::kOriginalLayer));
    QVERIFY(!layers->layer(DeepfakeView::kOriginalLayer)->visible); // it would hide the fake until compared
    QVERIFY(layers->layer(DeepfakeView::kMaskLayer)->visible);
    // Bottom to top: frame, original, mask, explanation, face.
    QCOMPARE(layers->rowOf(DeepfakeView::kFrameLayer), 0);
    QVERIFY(layers->rowOf(DeepfakeView::kOriginalLayer) < layers->rowOf(DeepfakeView::kMaskLayer));
    QVERIFY(layers->rowOf(DeepfakeView::kMaskLayer) < layers->rowOf(DeepfakeView::kHeatmapLayer));
    QVERIFY(layers->rowOf(DeepfakeView::kHeatmapLayer) < layers->rowOf(DeepfakeView::kFaceLayer));
    QVERIFY(view->compareToggle()->isEnabled());
    view->compareToggle()->setChecked(true);
    QVERIFY(view->imageView()->isWipeActive());
    QVERIFY(layers->layer(DeepfakeView::kOriginalLayer)->visible);

    // The metrics of this video: Grad-CAM's, over every explained frame, with the mask metrics on
    // exactly the explained frames whose mask is not empty.
    DeepfakeMetricsPanel *panel = view->metricsPanel();
    panel->setScope(DeepfakeMetricsPanel::Scope::Video);
    panel->score();
    QVERIFY(waitIdle());
    const DeepfakeMetricsResults &results = m_workspace->metrics()->results();
    const VideoMetrics *scored = results.video(model->video().path);
    QVERIFY(scored);
    QVERIFY2(scored->error.isEmpty(), qPrintable(scored->error));
    QCOMPARE(scored->methods.size(), 1);
    QCOMPARE(scored->methods[0].method, QStringLiteral("gradcam"));
    QCOMPARE(qint64(scored->methods[0].frames), model->video().explained());
    int masked = 0;
    for (qint64 i = 0; i < model->video().frameCount; ++i) {
        if (std::isnan(model->video().scores[i]))
            continue;
        std::snprintf(name, sizeof name, "/%06lld.png", static_cast<long long>(i));
        const Image mask = media::readImage(folder.toStdString() + "/" + made.masks + name).pixels;
        bool any = false;
        for (int y = 0; y < mask.height() && !any; ++y)
            for (int x = 0; x < mask.width() && !any; ++x)
                any = mask.sample(x, y, 0) >= 128.0f;
        masked += any ? 1 : 0;
    }
    const deepfake::ExplanationSummary &summary = scored->methods[0].summary;
    QCOMPARE(summary.maskTopKIoU.n, masked);
    QCOMPARE(summary.locality.n + scored->methods[0].emptyFrames, scored->methods[0].frames);
    QCOMPARE(panel->table()->rowCount(), 1);
    QVERIFY(panel->table()->item(0, 2)->text().contains(QLatin1Char('[')));
    QVERIFY(panel->plot()->seriesCount() >= 1);

    // The real video, explained, and the whole folder: both videos, per-folder means, and the
    // detection quality of the two labelled videos.
    view->videoList()->setCurrentItem(view->videoList()->topLevelItem(1));
    Q_EMIT view->videoList()->itemActivated(view->videoList()->topLevelItem(1), 0);
    QVERIFY(waitIdle());
    QCOMPARE(QFileInfo(model->video().path).fileName(), QFileInfo(m_clip).fileName());
    QVERIFY(model->companions().isEmpty());
    QVERIFY(!view->compareToggle()->isEnabled());
    panel->setScope(DeepfakeMetricsPanel::Scope::Folder);
    panel->score();
    QVERIFY(waitIdle());
    QCOMPARE(results.videos.size(), 2);
    QVERIFY(results.folder.contains(QStringLiteral("gradcam")));
    QCOMPARE(results.folder[QStringLiteral("gradcam")].videos, 2);
    QVERIFY(results.detection.has_value());
    QCOMPARE(results.detection->videos, 2);
    QVERIFY2(panel->summaryText().contains(QStringLiteral("2 of 2 videos")), qPrintable(panel->summaryText()));

    const QString csv = m_fixture.filePath(QStringLiteral("metrics.csv"));
    QVERIFY2(results.writeCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(QStringLiteral("scope,label,method,metric,n,mean,low,high\n")));
    QVERIFY(text.contains(QStringLiteral("folder,,gradcam,spatial_smoothness,2,")));
    QVERIFY(text.contains(QStringLiteral(",fake,gradcam,mask_top_k_iou,%1,").arg(masked)));
    QVERIFY(text.contains(QStringLiteral("folder,,,detection_roc_auc,2,")));

    // The figure: the frame with its layers and the metrics chart, side by side, captioned.
    const QString svg = m_fixture.filePath(QStringLiteral("deepfake-figure.svg"));
    QVERIFY2(m_workspace->exportFigure(svg, &error), qPrintable(error));
    QFile figure(svg);
    QVERIFY(figure.open(QIODevice::ReadOnly));
    const QByteArray drawn = figure.readAll();
    QVERIFY(drawn.contains("gradcam"));        // the chart's category and the caption
    QVERIFY(drawn.contains("megamind-24.mp4")); // the caption names the video

    // The annotated clip of the open video: one frame per explained frame.
    const QString clip = m_fixture.filePath(QStringLiteral("annotated.mp4"));
    view->exportClip(clip);
    QVERIFY(waitIdle());
    QVERIFY2(view->statusText().contains(QStringLiteral("annotated.mp4")), qPrintable(view->statusText()));
    QCOMPARE(media::VideoReader::open(clip.toStdString())->info().frameCount, model->video().explained());

    // The project keeps the folder: reopened, the fake comes back with its original and masks.
    model->open(fake, 0, m_workspace->folder()->companionsOf(0));
    QVERIFY(waitIdle());
    const ProjectPaths paths(m_fixture.filePath(QStringLiteral("folder.periscope")), false);
    const QJsonObject state = m_workspace->saveState(paths);
    m_workspace.reset();
    m_workspace = makeWorkspace();
    QVERIFY2(m_workspace->restoreState(state, paths, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->folder()->videos().size(), 2);
    QCOMPARE(QFileInfo(m_workspace->model()->video().path).fileName(), QFileInfo(fake).fileName());
    QVERIFY(!m_workspace->model()->companions().masks.isEmpty());
}

// DFDC proper ships no masks: a fake's masks are its difference to the original. "Explain the
// folder" explains both videos in one job (the open one's explanations read back into the view)
// and scores the folder, with mask metrics from the difference.
void TestDeepfakeFolder::theWholeFolderIsExplainedWithDifferenceMasks()
{
    deepfake::FakeVideoResult made;
    const QString folder = makeFakesFolder(&made);
    {
        QFile metadata(folder + QStringLiteral("/metadata.json"));
        QVERIFY(metadata.open(QIODevice::WriteOnly | QIODevice::Truncate));
        metadata.write(QStringLiteral(R"({"%1": {"label": "FAKE", "original": "%2"}, "%2": {"label": "REAL"}})")
                           .arg(QString::fromStdString(made.fake), QString::fromStdString(made.real))
                           .toUtf8());
    }
    DeepfakeModel *model = m_workspace->model();
    model->setModel(m_weights);
    model->setExplaining(false); // only the folder's job explains
    QString error;
    QVERIFY2(m_workspace->openFile(folder, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QVERIFY(model->companions().differenceMasks);
    QVERIFY(model->companions().masks.isEmpty());
    QCOMPARE(model->video().explained(), qint64(0));
    DeepfakeView *view = m_workspace->deepfakeView();
    QCOMPARE(view->videoList()->topLevelItem(0)->text(2), QStringLiteral("difference"));
    // The blend changes the face by more than the coding noise somewhere in most frames.
    qint64 k = 0;
    while (!model->video().faces[k])
        ++k;
    model->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().mask.isNull(), 10000);

    view->metricsPanel()->explainFolder();
    QVERIFY(waitIdle());
    const qint64 faces = std::count_if(model->video().faces.cbegin(), model->video().faces.cend(), [](const auto &b) { return b.has_value(); });
    QCOMPARE(model->video().explained(), faces); // read back from what the folder's job stored
    const DeepfakeMetricsResults &results = m_workspace->metrics()->results();
    QCOMPARE(results.videos.size(), 2);
    for (const VideoMetrics &v : results.videos) {
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        QCOMPARE(v.methods.size(), 1);
        QVERIFY(v.methods[0].frames > 0);
        // Masks for the fake only; the real video has none.
        QCOMPARE(v.methods[0].summary.maskMass.n > 0, v.fake);
    }
    QVERIFY(results.detection.has_value());
    QCOMPARE(view->metricsPanel()->scope(), DeepfakeMetricsPanel::Scope::Folder);
    QCOMPARE(view->metricsPanel()->table()->rowCount(), 1);
}

// Folders that cannot be opened are said why, in the status line and the log, and nothing crashes:
// no videos, a metadata.json that is not JSON, one that points outside the folder.
void TestDeepfakeFolder::badFoldersGetAMessage()
{
    QString error;
    QVERIFY(!m_workspace->exportFigure(m_fixture.filePath(QStringLiteral("nothing.png")), &error));
    QVERIFY2(error.contains(QStringLiteral("open a video")), qPrintable(error));
    DeepfakeFolder *folder = m_workspace->folder();
    QSignalSpy problems(folder, &DeepfakeFolder::problem);
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    const QString empty = m_fixture.filePath(QStringLiteral("bad-empty"));
    write(empty + QStringLiteral("/notes.txt"), "no videos here\n");
    const QString broken = m_fixture.filePath(QStringLiteral("bad-json"));
    write(broken + QStringLiteral("/metadata.json"), "{\"a.mp4\": {\"label\": ");
    const QString escaping = m_fixture.filePath(QStringLiteral("bad-escape"));
    write(escaping + QStringLiteral("/metadata.json"), "{\"../megamind-24.mp4\": {\"label\": \"REAL\"}}");
    for (const QString &bad : {empty, broken, escaping}) {
        problems.clear();
        QVERIFY(m_workspace->openFile(bad, &error)); // listed in a job
        QVERIFY(waitIdle());
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.first().first().toString().contains(QFileInfo(bad).fileName()), qPrintable(problems.first().first().toString()));
        QVERIFY(folder->videos().isEmpty());
        QVERIFY(m_workspace->deepfakeView()->statusText().contains(QFileInfo(bad).fileName()));
    }
    QVERIFY2(problems.first().first().toString().contains(QStringLiteral("outside")), qPrintable(problems.first().first().toString()));
}

QTEST_MAIN(TestDeepfakeFolder)
#include "tst_deepfakefolder.moc"
