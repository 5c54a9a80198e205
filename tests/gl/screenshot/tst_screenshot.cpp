// SPDX-License-Identifier: GPL-3.0-or-later
// `periscope --screenshot` on a real X server (xvfb-run, xcb platform, Mesa): the window is
// rendered and written, and the picture is a real window, not a blank or single-colour image.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesANonBlankWindow_data();
    void writesANonBlankWindow();

private:
    QImage m_english; // the first row's window, which the Swedish row is compared with
};

void TestScreenshot::writesANonBlankWindow_data()
{
    QTest::addColumn<QStringList>("extraArguments");
    QTest::newRow("english") << QStringList{};
    QTest::newRow("swedish") << QStringList{QStringLiteral("--lang"), QStringLiteral("sv")};
}

void TestScreenshot::writesANonBlankWindow()
{
    QFETCH(QStringList, extraArguments);
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X server: CTest runs this suite under xvfb-run");
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("w.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PERISCOPE_BIN_DIR "/periscope"), QStringList{QStringLiteral("--screenshot"), shot} + extraArguments);
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 800 && image.height() >= 500,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    // A real window has text, icons, frames: many colours, and no colour covers it all.
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            ++histogram[image.pixel(x, y)];
    const int samples = ((image.width() + 1) / 2) * ((image.height() + 1) / 2);
    int mostCommon = 0;
    for (int count : std::as_const(histogram))
        mostCommon = qMax(mostCommon, count);
    QVERIFY2(histogram.size() > 30, qPrintable(QString::number(histogram.size())));
    QVERIFY2(mostCommon < samples * 0.9, qPrintable(QStringLiteral("%1 of %2").arg(mostCommon).arg(samples)));

    // The same window in Swedish: the menu bar ("Arkiv", "Redigera" for "File", "Edit") is
    // drawn with other words, so the strip it occupies differs from the English window's.
    if (extraArguments.isEmpty()) {
        m_english = image;
    } else if (!m_english.isNull()) {
        QCOMPARE(image.size(), m_english.size());
        const int strip = 24; // the menu bar's height at the default font
        int differing = 0;
        for (int y = 0; y < strip; ++y)
            for (int x = 0; x < image.width() / 2; ++x)
                differing += image.pixel(x, y) != m_english.pixel(x, y) ? 1 : 0;
        QVERIFY2(differing > 100, qPrintable(QStringLiteral("%1 pixels of the menu bar differ from the English window's").arg(differing)));
    }
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
