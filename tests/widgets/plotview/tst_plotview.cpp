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
    QVERIFY(!plot.exportTo(m_dir.filePath(QStringLiteral("plot.bmp")), &error));
    QVERIFY(error.contains(QStringLiteral("bmp")));
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
