// SPDX-License-Identifier: GPL-3.0-or-later
// The layout helpers workspaces use to fit a small screen (#23): PanelTabs folds to its tab bar
// and opens again by clicks on the tabs, and starts folded on a short window; ElidedLabel keeps
// one line and puts the whole text in its tooltip; a MapTile's long caption breaks onto a second
// line rather than losing its end.
#include "widgets/layout/ElidedLabel.h"
#include "widgets/layout/PanelTabs.h"
#include "widgets/tiles/MapTile.h"

#include <QApplication>
#include <QLabel>
#include <QSplitter>
#include <QTabBar>
#include <QTest>

using namespace periscope::widgets;

class TestLayoutWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void panelFoldsAndOpensByClicks();
    void panelStartsFoldedOnAShortWindow();
    void elidedLabelKeepsOneLine();
    void tileCaptionTakesTwoLines();
};

namespace {
void clickTab(PanelTabs *tabs, int index)
{
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
}
} // namespace

void TestLayoutWidgets::panelFoldsAndOpensByClicks()
{
    QSplitter splitter(Qt::Vertical);
    auto *main = new QLabel(QStringLiteral("main view"));
    auto *tabs = new PanelTabs;
    tabs->addTab(new QLabel(QStringLiteral("metrics")), QStringLiteral("Metrics"));
    tabs->addTab(new QLabel(QStringLiteral("plots")), QStringLiteral("Plots"));
    splitter.addWidget(main);
    splitter.addWidget(tabs);
    splitter.resize(600, 600);
    splitter.setSizes({400, 200});
    splitter.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splitter));
    const int open = tabs->height();
    QVERIFY(open > 150);
    // A click on the open tab folds the panel to its tab bar; the main view takes the height.
    clickTab(tabs, 0);
    QVERIFY(tabs->isFolded());
    QTRY_VERIFY(tabs->height() <= tabs->tabBar()->height() + 4);
    QVERIFY(main->height() > 500);
    // A click on another tab opens it again, on that tab, at the height it had.
    clickTab(tabs, 1);
    QVERIFY(!tabs->isFolded());
    QCOMPARE(tabs->currentIndex(), 1);
    QTRY_COMPARE(tabs->height(), open);
    // A click on a tab that is not open switches tabs without folding.
    clickTab(tabs, 0);
    QVERIFY(!tabs->isFolded());
    QCOMPARE(tabs->currentIndex(), 0);
}

void TestLayoutWidgets::panelStartsFoldedOnAShortWindow()
{
    for (const int height : {600, 1000}) {
        QSplitter splitter(Qt::Vertical);
        auto *tabs = new PanelTabs;
        tabs->startFoldedBelow(900);
        tabs->addTab(new QLabel(QStringLiteral("details")), QStringLiteral("Details"));
        splitter.addWidget(new QLabel(QStringLiteral("graphs")));
        splitter.addWidget(tabs);
        splitter.resize(800, height);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        QTRY_COMPARE(tabs->isFolded(), height < 900);
        // Opened by a click when folded.
        if (tabs->isFolded()) {
            clickTab(tabs, 0);
            QVERIFY(!tabs->isFolded());
            QTRY_VERIFY(tabs->height() > 100);
        }
    }
}

void TestLayoutWidgets::elidedLabelKeepsOneLine()
{
    const QString text = QStringLiteral("dino.txt, small, trained here: Slots ViT 64 wide, 4 blocks, 16 x 16 patches at 64 px; "
                                        "head 2 blocks; text 128 wide, 3 blocks, 42 words");
    ElidedLabel label(text);
    label.setDetail(QStringLiteral("openvocab-scenes-small"));
    label.resize(200, label.sizeHint().height());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY(label.isElided());
    QVERIFY(label.shownText().endsWith(QChar(0x2026)));
    QVERIFY(label.fontMetrics().horizontalAdvance(label.shownText()) <= label.contentsRect().width());
    QCOMPARE(label.sizeHint().height(), label.fontMetrics().height() + label.contentsMargins().top() + label.contentsMargins().bottom());
    QVERIFY(label.toolTip().startsWith(text));
    QVERIFY(label.toolTip().endsWith(QStringLiteral("openvocab-scenes-small")));
    // Wide enough: the whole text.
    label.resize(label.sizeHint());
    QVERIFY(!label.isElided());
    QCOMPARE(label.shownText(), text);
    // And it never asks for the whole width as its minimum.
    QVERIFY(label.minimumSizeHint().width() < 100);
}

void TestLayoutWidgets::tileCaptionTakesTwoLines()
{
    MapTile tile(2, Qt::blue);
    const QString caption = QStringLiteral("slot 3 · 2.9% · IoU 0.29");
    tile.setMap(QImage(16, 16, QImage::Format_RGB32), caption);
    tile.resize(tile.sizeHint());
    // At the tile's width (110 px) the whole caption does not fit on one line: two, each whole.
    QVERIFY(tile.fontMetrics().horizontalAdvance(caption) > tile.width());
    const QStringList lines = tile.captionLines();
    QCOMPARE(lines, (QStringList{QStringLiteral("slot 3"), QStringLiteral("2.9% · IoU 0.29")}));
    for (const QString &line : lines)
        QVERIFY2(tile.fontMetrics().horizontalAdvance(line) <= tile.width(), qPrintable(line));
    // Wide enough: one line.
    tile.resize(400, tile.height());
    QCOMPARE(tile.captionLines(), QStringList{caption});
    QCOMPARE(tile.toolTip(), caption);
}

QTEST_MAIN(TestLayoutWidgets)
#include "tst_layoutwidgets.moc"
