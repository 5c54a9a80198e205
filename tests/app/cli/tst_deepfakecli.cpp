// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli deepfake as a user runs it: several methods over opencv-doc's Megamind.avi with the
// built-in detector, each method's outputs under its own name, and the frames x methods figure
// with the metric table (a PNG that shows faces and coloured maps, and an SVG with the table's
// text); the option mistakes get one line and a usage exit.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kVideo = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

class TestDeepfakeCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void severalMethodsAndTheirFigure();
    void optionMistakesGetOneLine_data();
    void optionMistakesGetOneLine();
};

void TestDeepfakeCli::severalMethodsAndTheirFigure()
{
    if (!QFile::exists(kVideo))
        QSKIP("opencv-doc is not installed (scripts/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("figure.png")), svg = dir.filePath(QStringLiteral("figure.svg"));
    for (const QString &figure : {png, svg}) {
        const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                      {QStringLiteral("deepfake"), kVideo, QStringLiteral("--model"), QStringLiteral("deepfake-selfblend-b0"),
                                       QStringLiteral("--method"), QStringLiteral("gradcam,gradcampp"), QStringLiteral("--max-frames"),
                                       QStringLiteral("12"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out")),
                                       QStringLiteral("--figure"), figure, QStringLiteral("--figure-frames"), QStringLiteral("3")},
                                      300000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("figure ->"), run.out.constData());
    }
    // Each method's run under its own name, both over the same frames and faces.
    const QJsonObject gradcam = readJson(dir.filePath(QStringLiteral("out/Megamind.gradcam.deepfake.json")));
    const QJsonObject gradcampp = readJson(dir.filePath(QStringLiteral("out/Megamind.gradcampp.deepfake.json")));
    QCOMPARE(gradcam.value(QStringLiteral("method")).toString(), QStringLiteral("gradcam"));
    QCOMPARE(gradcampp.value(QStringLiteral("method")).toString(), QStringLiteral("gradcampp"));
    QCOMPARE(gradcam.value(QStringLiteral("frames")).toArray().size(), 12);
    QCOMPARE(gradcampp.value(QStringLiteral("frames")).toArray().size(), 12);
    for (int k = 0; k < 12; ++k)
        QCOMPARE(gradcam.value(QStringLiteral("frames")).toArray()[k].toObject().value(QStringLiteral("face_box")),
                 gradcampp.value(QStringLiteral("frames")).toArray()[k].toObject().value(QStringLiteral("face_box")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/Megamind.gradcampp.heatmaps.safetensors"))));

    // The PNG: 300 dpi over 2 + 1.3 x 3 inches, with the maps' colours (jet's saturated blues and
    // reds, which a face in this footage does not have) in the grid.
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), qRound(300.0 * (2.0 + 1.3 * 3)));
    int saturated = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y).toHsv();
            saturated += c.hsvSaturation() > 200 && c.value() > 100;
        }
    QVERIFY2(saturated > 2000, qPrintable(QString::number(saturated)));
    // The SVG: the methods' names, three frame headers and the metric table's columns as text.
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    for (const char *expected : {"Grad-CAM", "Grad-CAM++", "Frame 1 ", "Frame 11 ", "P(fake)", "Spatial smoothness", "Sparsity (Gini)", "Locality"})
        QVERIFY2(text.contains(expected), expected);
    QVERIFY2(!text.contains("Mask ROC AUC"), "a metric no method has (no masks) is in the table");
}

void TestDeepfakeCli::optionMistakesGetOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString video = QStringLiteral("/nonexistent/a.mp4");
    QTest::newRow("unknown method") << QStringList{QStringLiteral("deepfake"), video, QStringLiteral("--model"), QStringLiteral("m"),
                                                   QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--method"),
                                                   QStringLiteral("gradcam,magic")}
                                    << QStringLiteral("magic is not a method");
    QTest::newRow("figure of two videos") << QStringList{QStringLiteral("deepfake"), video, video, QStringLiteral("--model"), QStringLiteral("m"),
                                                         QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--figure"),
                                                         QStringLiteral("f.png")}
                                          << QStringLiteral("--figure draws one video");
    QTest::newRow("figure format") << QStringList{QStringLiteral("deepfake"), video, QStringLiteral("--model"), QStringLiteral("m"),
                                                  QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--figure"), QStringLiteral("f.jpg")}
                                   << QStringLiteral(".png, .svg or .pdf");
    QTest::newRow("even median") << QStringList{QStringLiteral("deepfake"), video, QStringLiteral("--model"), QStringLiteral("m"),
                                                QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--difference-median"),
                                                QStringLiteral("4")}
                                 << QStringLiteral("must be odd");
    QTest::newRow("masks twice") << QStringList{QStringLiteral("deepfake"), video, QStringLiteral("--model"), QStringLiteral("m"),
                                                QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--masks"), QStringLiteral("m"),
                                                QStringLiteral("--original"), QStringLiteral("o.mp4")}
                                 << QStringLiteral("give one of them");
}

void TestDeepfakeCli::optionMistakesGetOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestDeepfakeCli)
#include "tst_deepfakecli.moc"
