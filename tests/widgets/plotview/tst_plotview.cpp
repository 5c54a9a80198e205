// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plotview/PlotView.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/PdfReadBack.h"

using periscope::test::PdfReadBack;

using periscope::widgets::PlotView;

class TestPlotView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void histogramCountsIntoBins();
    void linesGrowLive();
    void heatmapUsesTheColormap();
    void linkedAxesFollowEachOther();
    void shiftDragMovesTheCursor();
    void exportsPngSvgPdf();
    void legendStandsOffTheData();
    void equalAspectKeepsOneScale();

private:
    QTemporaryDir m_dir;
};

void TestPlotView::histogramCountsIntoBins()
{
    PlotView plot;
    const int series = plot.addHistogram(QStringLiteral("errors"), {0.0, 0.1, 0.2, 0.55, 0.9, 1.0, std::nan("")}, 4, 0.0, 1.0);
    QCOMPARE(plot.seriesValues(series), (QVector<double>{3, 0, 1, 2})); // 1.0 falls in the last bin, NaN nowhere
}

void TestPlotView::linesGrowLive()
{
    PlotView plot;
    plot.setLabels(QStringLiteral("step"), QStringLiteral("loss"), QStringLiteral("Training"));
    const int loss = plot.addLine(QStringLiteral("loss"), {}, {});
    for (int step = 0; step < 50; ++step)
        plot.appendPoint(loss, step, 1.0 / (step + 1));
    QCOMPARE(plot.seriesValues(loss).size(), 50);
    QCOMPARE(plot.plot()->xAxis->range().upper, 49.0);
    QCOMPARE(plot.seriesCount(), 1);
}

void TestPlotView::heatmapUsesTheColormap()
{
    PlotView plot;
    plot.resize(400, 300);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setHeatmap(QStringLiteral("ab histogram"), 2, 1, {0.0, 1.0}, QRectF(0, 0, 2, 1), periscope::Colormap::Bwr, 0.0, 1.0);
    plot.plot()->replot();
    const QImage shot = plot.grab().toImage();
    const QPoint leftCell(int(plot.plot()->xAxis->coordToPixel(0.5)), int(plot.plot()->yAxis->coordToPixel(0.5)));
    const QPoint rightCell(int(plot.plot()->xAxis->coordToPixel(1.5)), int(plot.plot()->yAxis->coordToPixel(0.5)));
    const QColor low = shot.pixelColor(leftCell), high = shot.pixelColor(rightCell);
    QVERIFY2(low.blue() > 200 && low.red() < 60, qPrintable(low.name())); // bwr: blue at the low end
    QVERIFY2(high.red() > 200 && high.blue() < 60, qPrintable(high.name()));
}

void TestPlotView::linkedAxesFollowEachOther()
{
    PlotView a, b;
    a.addLine(QStringLiteral("score"), {0, 100}, {0, 1});
    b.addLine(QStringLiteral("explanation"), {0, 100}, {1, 0});
    a.linkXAxis(&b);
    a.plot()->xAxis->setRange(20, 40);
    QCOMPARE(b.plot()->xAxis->range().lower, 20.0);
    b.plot()->xAxis->setRange(5, 15);
    QCOMPARE(a.plot()->xAxis->range().upper, 15.0);
}

void TestPlotView::shiftDragMovesTheCursor()
{
    PlotView plot;
    plot.resize(400, 300);
    plot.addLine(QStringLiteral("score"), {0, 10}, {0, 1});
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QSignalSpy moved(&plot, &PlotView::cursorMoved);
    const double pixel = plot.plot()->xAxis->coordToPixel(7.0);
    const QPointF at(pixel, plot.plot()->height() / 2.0);
    QMouseEvent press(QEvent::MouseButtonPress, at, plot.plot()->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
    QApplication::sendEvent(plot.plot(), &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, plot.plot()->mapToGlobal(at), Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
    QApplication::sendEvent(plot.plot(), &release);
    QVERIFY(moved.count() >= 1);
    QVERIFY2(std::abs(plot.cursorX() - 7.0) < 0.1, qPrintable(QString::number(plot.cursorX())));
}

void TestPlotView::legendStandsOffTheData()
{
    // Deletion curves fall from the top left to the bottom right: the legend must not stand on
    // them at the top right (#23), nor anywhere they pass.
    PlotView plot;
    plot.resize(420, 300);
    plot.show();
    QVector<double> x, falling, faster;
    for (int i = 0; i <= 40; ++i) {
        x << i / 40.0;
        falling << 1.0 - i / 40.0;
        faster << std::exp(-6.0 * i / 40.0);
    }
    plot.addLine(QStringLiteral("LRP"), x, falling);
    plot.addLine(QStringLiteral("random"), x, faster);
    auto pointsUnderLegend = [&plot] {
        plot.plot()->replot();
        const QRect legend = plot.plot()->legend->outerRect();
        int covered = 0;
        for (int g = 0; g < plot.plot()->graphCount(); ++g)
            for (auto it = plot.plot()->graph(g)->data()->constBegin(); it != plot.plot()->graph(g)->data()->constEnd(); ++it)
                covered += legend.contains(plot.plot()->graph(g)->coordsToPixels(it->key, it->value).toPoint()) ? 1 : 0;
        return covered;
    };
    QCOMPARE(pointsUnderLegend(), 0);
    QVERIFY(plot.plot()->legend->visible());
    QCOMPARE(plot.legendCorner(), Qt::AlignTop | Qt::AlignRight); // the empty corner above both
    // Curves through the top right (rising): the legend moves off them.
    plot.clear();
    QVector<double> rising, risingFast;
    for (int i = 0; i < x.size(); ++i) {
        rising << x[i];
        risingFast << 1.0 - faster[i];
    }
    plot.addLine(QStringLiteral("a"), x, rising);
    plot.addLine(QStringLiteral("b"), x, risingFast);
    QCOMPARE(pointsUnderLegend(), 0);
    QVERIFY(plot.legendCorner() != (Qt::AlignTop | Qt::AlignRight));
    // Scatter groups get a legend: which colour is which.
    PlotView scatter;
    scatter.addScatter(QStringLiteral("red"), {0, 1}, {0, 1});
    QVERIFY(!scatter.plot()->legend->visible()); // one group needs none
    scatter.addScatter(QStringLiteral("blue"), {0.5}, {0.2});
    QVERIFY(scatter.plot()->legend->visible());
}

void TestPlotView::equalAspectKeepsOneScale()
{
    PlotView plot;
    plot.resize(600, 260);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setHeatmap(QStringLiteral("share"), 4, 4, QVector<double>(16, 0.5), QRectF(-110, -110, 220, 220), periscope::Colormap::Viridis, 0, 1);
    plot.setEqualAspect(true);
    plot.plot()->replot();
    const QRect rect = plot.plot()->axisRect()->rect();
    const double perPixelX = plot.plot()->xAxis->range().size() / rect.width();
    const double perPixelY = plot.plot()->yAxis->range().size() / rect.height();
    QVERIFY(std::abs(perPixelX / perPixelY - 1.0) < 1e-9);
    // The data's whole extent stays in view: the wide axis shows more, the short one all of it.
    QCOMPARE(plot.plot()->yAxis->range().size(), 220.0);
    QVERIFY(plot.plot()->xAxis->range().size() > 220.0);
    QCOMPARE(plot.plot()->xAxis->range().center(), 0.0);
}

void TestPlotView::exportsPngSvgPdf()
{
    PlotView plot;
    plot.resize(300, 200);
    plot.addLine(QStringLiteral("loss"), {0, 1, 2}, {3, 2, 1});
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("plot.png"));
    QVERIFY2(plot.exportTo(png, &error, 2.0), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(600, 400)); // twice the widget's pixels
    const QString svg = m_dir.filePath(QStringLiteral("plot.svg"));
    QVERIFY2(plot.exportTo(svg, &error), qPrintable(error));
    QVERIFY(QSvgRenderer(svg).isValid());
    const QString pdf = m_dir.filePath(QStringLiteral("plot.pdf"));
    QVERIFY2(plot.exportTo(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4) == "%PDF");
    if (PdfReadBack::isAvailable()) {
        // As a reader shows it: the widget's size in points, the tick labels as text, and the
        // same picture as the PNG export (at 144 dpi, the PNG's twice the widget's pixels).
        const QSizeF page = PdfReadBack::pageSize(pdf);
        QVERIFY2(std::abs(page.width() - 300) < 1.5 && std::abs(page.height() - 200) < 1.5, qPrintable(QStringLiteral("%1 x %2").arg(page.width()).arg(page.height())));
        QVERIFY2(PdfReadBack::text(pdf).contains(QLatin1String("1.5")), qPrintable(PdfReadBack::text(pdf)));
        const QImage drawn = PdfReadBack::page(pdf, 144), reference = QImage(png).convertToFormat(QImage::Format_RGB32);
        QVERIFY(std::abs(drawn.width() - reference.width()) <= 2 && std::abs(drawn.height() - reference.height()) <= 2);
        int differing = 0, dark = 0;
        const int w = std::min(drawn.width(), reference.width()), h = std::min(drawn.height(), reference.height());
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const QColor a = drawn.pixelColor(x, y), b = reference.pixelColor(x, y);
                differing += std::abs(a.lightness() - b.lightness()) > 96 ? 1 : 0;
                dark += a.lightness() < 128 ? 1 : 0;
            }
        QVERIFY2(differing < w * h / 100 && dark > 500, qPrintable(QStringLiteral("%1 differing, %2 dark of %3").arg(differing).arg(dark).arg(w * h)));
    }
    QVERIFY(!plot.exportTo(m_dir.filePath(QStringLiteral("plot.bmp")), &error));
    QVERIFY(error.contains(QStringLiteral("bmp")));
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
