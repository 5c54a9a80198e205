// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize command lines through the real executable: colorize (folders, full resolution,
// metrics against the photos' own colours, the built-in model), train-colorizer, and study
// (create, simulate, results), with their one-line errors.
// Torch headers before any Qt header: Qt's `slots` keyword breaks them (DESIGN.md).
#include "engine/colorize/ColorizationNets.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"

#include "tests/app/cli/CliRun.h"

#include <array>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

class TestColorizeCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void colorizesFoldersAtFullResolution();
    void builtInColorizerBeatsGray();
    void figureIsTheWorkbenchGrid();
    void studiesAreCreatedRehearsedAndAnalysed();
    void workbenchScreenshotShowsTheColorizedPhoto();

private:
    QTemporaryDir m_dir;
};

void TestColorizeCli::colorizesFoldersAtFullResolution()
{
    // Weights of a Koalarization (random: the test is about files, sizes and reports).
    const QString weights = m_dir.filePath(QStringLiteral("koala.safetensors"));
    {
        periscope::colorize::Koalarization net;
        periscope::StateDict tensors;
        for (const auto &[name, tensor] : periscope::stateDictOf(*net))
            tensors.emplace_back(name, tensor.detach().contiguous());
        periscope::writeSafetensors(weights.toStdString(), tensors);
    }
    const QString photos = m_dir.filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(photos + QStringLiteral("/trip")));
    QImage colour(120, 80, QImage::Format_RGB32);
    colour.fill(QColor(200, 120, 40));
    QVERIFY(colour.save(photos + QStringLiteral("/trip/beach.png")));
    QImage gray(64, 96, QImage::Format_Grayscale8);
    gray.fill(128);
    QVERIFY(gray.save(photos + QStringLiteral("/old.png")));
    QFile broken(photos + QStringLiteral("/broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a png");
    broken.close();

    const QString out = m_dir.filePath(QStringLiteral("colorized"));
    const CliRun result = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--model"), weights,
                                                             QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("broken.png"), result.err.constData()); // skipped with a warning
    const QJsonObject summary = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(summary.value(QStringLiteral("architecture")).toString(), QStringLiteral("koalarization"));
    QCOMPARE(summary.value(QStringLiteral("images")).toArray().size(), 2);
    QCOMPARE(summary.value(QStringLiteral("failed")).toArray().size(), 1);
    // Full resolution, sub-folders kept.
    QCOMPARE(QImage(out + QStringLiteral("/trip/beach.png")).size(), QSize(120, 80));
    QCOMPARE(QImage(out + QStringLiteral("/old.png")).size(), QSize(64, 96));
    // The colour photo is judged against its own colours; the gray one only for colourfulness.
    for (const QJsonValue &image : summary.value(QStringLiteral("images")).toArray()) {
        const QJsonObject entry = image.toObject();
        const bool wasGray = entry.value(QStringLiteral("was_gray")).toBool();
        QCOMPARE(entry.contains(QStringLiteral("mean_delta_e2000")), !wasGray);
        QVERIFY(entry.value(QStringLiteral("colourfulness")).toDouble() >= 0.0);
    }
    // --out the photos' own folder: old.png would be replaced by its colorization. Refused before
    // anything is written; the originals are byte for byte what they were.
    const QByteArray original = [&] {
        QFile f(photos + QStringLiteral("/old.png"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const CliRun overwrite = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--model"), weights,
                                                                QStringLiteral("--out"), photos});
    QCOMPARE(overwrite.exitCode, 1);
    QVERIFY2(overwrite.err.contains("is the input"), overwrite.err.constData());
    QFile unchanged(photos + QStringLiteral("/old.png"));
    QVERIFY(unchanged.open(QIODevice::ReadOnly));
    QCOMPARE(unchanged.readAll(), original);

    // --max-pixels: the 120 x 80 photo (9,600 pixels) is refused from its header; the 64 x 96 one
    // (6,144) is colorized.
    const CliRun limited = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--model"), weights,
                                                              QStringLiteral("--out"), m_dir.filePath(QStringLiteral("limited")),
                                                              QStringLiteral("--max-pixels"), QStringLiteral("8000")});
    QVERIFY2(limited.exitCode == 0, limited.err.constData());
    QVERIFY2(limited.err.contains("120 x 80 pixels is over the limit of 8000"), limited.err.constData());
    QCOMPARE(QJsonDocument::fromJson(limited.out).object().value(QStringLiteral("images")).toArray().size(), 1);
    const QJsonObject means = summary.value(QStringLiteral("means")).toObject();
    QCOMPARE(means.value(QStringLiteral("photos")).toInt(), 1);
    QVERIFY(means.value(QStringLiteral("ssim")).toDouble() > 0.0);
    QVERIFY(means.value(QStringLiteral("truth_colourfulness")).toDouble() > 40.0); // the orange fill
    // Without --model: the built-in colorizer.
    const CliRun builtIn = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos + QStringLiteral("/old.png"),
                                                              QStringLiteral("--out"), m_dir.filePath(QStringLiteral("built-in"))});
    QVERIFY2(builtIn.exitCode == 0, builtIn.err.constData());
    QVERIFY(QJsonDocument::fromJson(builtIn.out).object().value(QStringLiteral("model")).toString().endsWith(
        QLatin1String("eccv16-photos.safetensors")));

    // Training on the folder: one colour photo is not enough (the gray one and the broken one are
    // skipped with warnings); with a second one it trains, and its weights colorize at their side.
    const QString trained = m_dir.filePath(QStringLiteral("trained.safetensors"));
    const QStringList train = {QStringLiteral("train-colorizer"), QStringLiteral("--data"), photos, QStringLiteral("--size"), QStringLiteral("64"),
                               QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--batch-size"), QStringLiteral("2"),
                               QStringLiteral("--out"), trained};
    CliRun training = runProgram(QStringLiteral("periscope-cli"), train);
    QCOMPARE(training.exitCode, 1);
    QVERIFY2(training.err.contains("holds 1 colour photos"), training.err.constData());
    QImage second(100, 70, QImage::Format_RGB32);
    second.fill(QColor(30, 90, 200));
    QVERIFY(second.save(photos + QStringLiteral("/trip/sea.png")));
    training = runProgram(QStringLiteral("periscope-cli"), train);
    QVERIFY2(training.exitCode == 0, training.err.constData());
    QVERIFY2(training.err.contains("old.png skipped (gray") && training.err.contains("epoch 1/1"), training.err.constData());
    QCOMPARE(QJsonDocument::fromJson(training.out).object().value(QStringLiteral("photos")).toInt(), 2);
    const CliRun again = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos + QStringLiteral("/trip"), QStringLiteral("--model"), trained,
                                                            QStringLiteral("--out"), m_dir.filePath(QStringLiteral("colorized-again"))});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("input_size")).toInt(), 64);

    // Weights that are no colorizer, or no weights at all: one line, exit 1, nothing written.
    for (const QString &model : {QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/graphs/esol.safetensors"),
                                 QStringLiteral(PERISCOPE_SOURCE_DIR "/README.md")}) {
        const QString nowhere = m_dir.filePath(QStringLiteral("not-written"));
        const CliRun bad = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--model"), model,
                                                             QStringLiteral("--out"), nowhere});
        QCOMPARE(bad.exitCode, 1);
        const QString err = QString::fromUtf8(bad.err).trimmed();
        QVERIFY2(err.startsWith(QLatin1String("periscope-cli: colorize: ")) && !err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY(!QDir(nowhere).exists());
    }
}

void TestColorizeCli::builtInColorizerBeatsGray()
{
    // The built-in model on the four opencv-doc photos its training held out, against the gray
    // photo (L alone, a = b = 0) that colorize also scores. Measured (eccv16-photos, T = 1): PSNR
    // 17.69 against 16.03 dB (+1.65; every photo gains, +0.10 to +3.94), colourfulness 22.7 (the
    // truth's 72.8), mean ΔE2000 16.47 against 16.61 (bold colours cost ΔE where they are wrong:
    // baboon, butterfly and squirrel lose 0.6-2.4, fruits gains 5.7). A colorizer that outputs
    // gray, as one with its weights zeroed does, scores the gray photo's figures exactly and
    // colourfulness 0. The PSNR and colourfulness floors lie at about half the measured figures,
    // so neither passes for the other; ΔE must not be markedly worse than gray.
    const QString samples = QStringLiteral("/usr/share/doc/opencv-doc/examples/data");
    QStringList photos;
    for (const char *name : {"fruits.jpg", "baboon.jpg", "squirrel_cls.jpg", "butterfly.jpg"})
        photos << samples + QLatin1Char('/') + QLatin1String(name);
    if (!QFile::exists(photos.first()))
        QSKIP("opencv-doc is not installed (scripts/install-deps.sh installs it)");
    auto means = [&](const QStringList &inputs, const QStringList &model, const QString &out) {
        const CliRun run = runProgram(QStringLiteral("periscope-cli"), QStringList{QStringLiteral("colorize")} + inputs + model + QStringList{QStringLiteral("--out"), out});
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object().value(QStringLiteral("means")).toObject();
    };
    auto gains = [](const QJsonObject &m) {
        return std::array<double, 3>{m.value(QStringLiteral("psnr")).toDouble() - m.value(QStringLiteral("gray_psnr")).toDouble(),
                                     m.value(QStringLiteral("gray_mean_delta_e2000")).toDouble() - m.value(QStringLiteral("mean_delta_e2000")).toDouble(),
                                     m.value(QStringLiteral("colourfulness")).toDouble(-1)};
    };
    constexpr double kPsnrGain = 0.8, kDeltaELoss = -0.5, kColourfulness = 10.0;
    const QJsonObject builtIn = means(photos, {}, m_dir.filePath(QStringLiteral("held-out")));
    QCOMPARE(builtIn.value(QStringLiteral("photos")).toInt(), 4);
    const std::array<double, 3> good = gains(builtIn);
    QVERIFY2(good[0] > kPsnrGain && good[1] > kDeltaELoss && good[2] > kColourfulness,
             qPrintable(QStringLiteral("PSNR gain %1 dB, ΔE gain %2, colourfulness %3").arg(good[0]).arg(good[1]).arg(good[2])));
    // The control: the built-in model with every weight zeroed.
    const QString source = QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/colorize/eccv16-photos");
    const QString zeroed = m_dir.filePath(QStringLiteral("zeroed"));
    QVERIFY(QFile::copy(source + QStringLiteral(".json"), zeroed + QStringLiteral(".json")));
    {
        const periscope::SafetensorsContents contents = periscope::readSafetensors((source + QStringLiteral(".safetensors")).toStdString());
        periscope::StateDict zeros;
        for (const auto &[name, tensor] : contents.tensors)
            zeros.emplace_back(name, torch::zeros_like(tensor));
        periscope::writeSafetensors((zeroed + QStringLiteral(".safetensors")).toStdString(), zeros, contents.metadata);
    }
    // One photo is enough: gray output gains nothing on any photo.
    const std::array<double, 3> bad =
        gains(means({photos.first()}, {QStringLiteral("--model"), zeroed + QStringLiteral(".safetensors")}, m_dir.filePath(QStringLiteral("zeroed-out"))));
    qInfo("built-in: PSNR +%.2f dB, ΔE -%.2f, colourfulness %.2f over gray; zeroed: %.2f, %.2f, %.3f", good[0], good[1], good[2], bad[0], bad[1], bad[2]);
    QVERIFY2(bad[2] >= 0.0, "the zeroed model did not run");
    QVERIFY(bad[0] < kPsnrGain && bad[2] < kColourfulness);
}

void TestColorizeCli::figureIsTheWorkbenchGrid()
{
    // Two colour photos: the figure has their rows of (gray input, result, truth), drawn by the
    // same builder as the workbench's Export Figure. The truth column has the photos' colour, the
    // input column none.
    const QString photos = m_dir.filePath(QStringLiteral("figure-photos"));
    QVERIFY(QDir().mkpath(photos));
    for (const auto &[name, colour] : {std::pair{"red.png", QColor(220, 30, 30)}, std::pair{"blue.png", QColor(30, 60, 220)}}) {
        QImage image(200, 150, QImage::Format_RGB32);
        image.fill(colour);
        QVERIFY(image.save(photos + QLatin1Char('/') + QLatin1String(name)));
    }
    const QString figure = m_dir.filePath(QStringLiteral("grid.png"));
    const CliRun result = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--out"),
                                                                       m_dir.filePath(QStringLiteral("figure-out")), QStringLiteral("--figure"), figure});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("figure")).toString() == figure);
    const QImage grid(figure);
    QCOMPARE(grid.width(), 1800); // 6 inches at 300 dpi, the workbench's default
    auto saturatedShare = [&grid](int column, int row) {
        // The middle of a cell: columns are thirds of the width; rows split the height above the
        // caption (up to two lines, under 200 px at 300 dpi), and the window keeps clear of the
        // panel labels above each picture and the captions below.
        const int x0 = column * grid.width() / 3 + grid.width() / 12, x1 = x0 + grid.width() / 6;
        const int rowHeight = (grid.height() - 200) / 2;
        const int y0 = row * rowHeight + rowHeight / 3, y1 = y0 + rowHeight / 4;
        int saturated = 0, all = 0;
        for (int y = y0; y < y1; y += 4)
            for (int x = x0; x < x1; x += 4, ++all)
                saturated += QColor(grid.pixel(x, y)).hsvSaturation() > 120 ? 1 : 0;
        return double(saturated) / all;
    };
    for (int row = 0; row < 2; ++row) {
        QVERIFY2(saturatedShare(0, row) < 0.01, "the gray input has colour");
        QVERIFY2(saturatedShare(2, row) > 0.9, "the truth lost its colour");
    }
    const CliRun bad = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), photos, QStringLiteral("--out"), QStringLiteral("o"),
                                                                    QStringLiteral("--figure"), QStringLiteral("grid.gif")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--figure takes a .png, .svg or .pdf file"), bad.err.constData());
}

void TestColorizeCli::studiesAreCreatedRehearsedAndAnalysed()
{
    // Originals and one model's results, matched by file stem; one original has no result.
    const QString originals = m_dir.filePath(QStringLiteral("study/originals"));
    const QString results = m_dir.filePath(QStringLiteral("study/koala"));
    QVERIFY(QDir().mkpath(originals) && QDir().mkpath(results));
    for (int i = 0; i < 4; ++i) {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(QColor(40 * i, 100, 200 - 30 * i));
        QVERIFY(image.save(QStringLiteral("%1/p%2.png").arg(originals).arg(i)));
        if (i < 3)
            QVERIFY(image.convertToFormat(QImage::Format_Grayscale8).save(QStringLiteral("%1/p%2.png").arg(results).arg(i)));
    }
    const QString study = m_dir.filePath(QStringLiteral("study/s.sqlite"));
    const CliRun created = runProgram(QStringLiteral("periscope-cli"),
                                      {QStringLiteral("study"), QStringLiteral("create"), QStringLiteral("--out"), study, QStringLiteral("--photos"),
                                       originals, QStringLiteral("--condition"), QStringLiteral("koala=") + results, QStringLiteral("--trials"),
                                       QStringLiteral("6"), QStringLiteral("--attention"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QVERIFY2(created.err.contains("p3 is left out"), created.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(created.out).object();
    QCOMPARE(summary.value(QStringLiteral("images")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("fingerprint")).toString().size(), 64);
    // The photos were copied beside the study, which refers only to them: the originals can go.
    for (int i = 0; i < 3; ++i)
        for (const char *condition : {"original", "koala"})
            QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("study/s-photos/%1/p%2.png").arg(QLatin1String(condition)).arg(i))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("study/s-photos/original/p3.png"))));

    // Two rehearsal raters, a third who fails the attention check; the results leave it out.
    for (const QStringList &extra : {QStringList{}, QStringList{}, QStringList{QStringLiteral("--fail-attention")}}) {
        const CliRun rater = runProgram(QStringLiteral("periscope-cli"), QStringList{QStringLiteral("study"), QStringLiteral("simulate"), study} + extra);
        QVERIFY2(rater.exitCode == 0, rater.err.constData());
        QCOMPARE(rater.out.trimmed().split('\n').size(), 6);
    }
    const QString csv = m_dir.filePath(QStringLiteral("study/answers.csv"));
    const CliRun analysed = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("study"), QStringLiteral("results"), study, QStringLiteral("--csv"), csv});
    QVERIFY2(analysed.exitCode == 0, analysed.err.constData());
    const QJsonObject results1 = QJsonDocument::fromJson(analysed.out).object();
    QCOMPARE(results1.value(QStringLiteral("raters")).toInt(), 3);
    QCOMPARE(results1.value(QStringLiteral("included_raters")).toInt(), 2);
    QCOMPARE(results1.value(QStringLiteral("answers")).toInt(), 10); // 2 raters x 5 regular trials
    QCOMPARE(results1.value(QStringLiteral("conditions")).toArray().size(), 2);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed().split('\n').size(), 1 + 18);

    // Bad input: one line, non-zero.
    const QList<QPair<QStringList, QByteArray>> bad = {
        {{QStringLiteral("study")}, "give a command"},
        {{QStringLiteral("study"), QStringLiteral("essay")}, "unknown study command"},
        {{QStringLiteral("study"), QStringLiteral("create"), QStringLiteral("--out"), study, QStringLiteral("--photos"), originals}, "exists already"},
        {{QStringLiteral("study"), QStringLiteral("create"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.sqlite")), QStringLiteral("--photos"),
          originals, QStringLiteral("--question"), QStringLiteral("2afc")}, "two conditions"},
        {{QStringLiteral("study"), QStringLiteral("results"), csv}, "not a Periscope study"},
        {{QStringLiteral("study"), QStringLiteral("simulate"), study, QStringLiteral("--rater"), QStringLiteral("9")}, "--rater takes"},
    };
    for (const auto &[arguments, expected] : bad) {
        const CliRun r = runProgram(QStringLiteral("periscope-cli"), arguments);
        QVERIFY2(r.exitCode != 0, arguments.join(QLatin1Char(' ')).toUtf8().constData());
        const QByteArray err = r.err.trimmed();
        QVERIFY2(err.startsWith("periscope-cli: ") && err.contains(expected), err.constData());
        if (arguments.size() > 1)
            QVERIFY2(!err.contains('\n'), err.constData());
    }
}

void TestColorizeCli::workbenchScreenshotShowsTheColorizedPhoto()
{
    // periscope --workspace colorize --open PHOTO --screenshot OUT.png: the photo opened, colorized
    // with the built-in model and shown beside its truth before the window is written.
    const QString photo = m_dir.filePath(QStringLiteral("shot.png"));
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(QColor(30, 60, 200));
    QPainter painter(&image);
    painter.fillRect(QRect(100, 50, 100, 100), QColor(220, 20, 20));
    painter.end();
    QVERIFY(image.save(photo));
    const QString shot = m_dir.filePath(QStringLiteral("window.png"));
    const CliRun r = runProgram(QStringLiteral("periscope"), {QStringLiteral("--workspace"), QStringLiteral("colorize"), QStringLiteral("--open"), photo,
                                                              QStringLiteral("--screenshot"), shot});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QImage window(shot);
    QVERIFY(!window.isNull());
    // The truth view shows the red square and the blue ground: both colours are in the window.
    bool red = false, blue = false;
    for (int y = 0; y < window.height(); y += 2)
        for (int x = 0; x < window.width(); x += 2) {
            const QColor c = window.pixelColor(x, y);
            red = red || (c.red() > 190 && c.green() < 50 && c.blue() < 50);
            blue = blue || (c.blue() > 170 && c.red() < 60 && c.green() < 90);
        }
    QVERIFY(red && blue);
}

QTEST_GUILESS_MAIN(TestColorizeCli)
#include "tst_colorizecli.moc"
