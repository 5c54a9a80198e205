// SPDX-License-Identifier: GPL-3.0-or-later
// What the Colorize workspace's views draw, checked on the pixels a user sees (#23): an empty or
// unreadable photo's views say why, the ΔE2000 map in the wipe stays on the result's side, the
// colorbar stands beside the image instead of over it, and the a/b planes are square and say
// what their colours count.
#include "app/shell/JobManager.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"
#include "tests/app/colorize/ColorizePhotos.h"
#include "tests/app/colorize/ColorizeWorkspaceFixture.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace periscope;
using namespace periscope::app;
using namespace periscope::test;

class TestColorizeViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void unreadablePhotoSaysWhyInItsViews();
    void errorMapStaysOnTheResultSideOfTheWipe();
    void colorbarStandsBesideTheImage();
    void abPlanesAreSquareAndLabelled();

private:
    bool waitIdle() { return m_jobs->waitForIdle(120000); }
    ColorizeView *view() { return qobject_cast<ColorizeView *>(m_workspace->view()); }
    QString folderOfPhotos() { return writeFolderOfPhotos(m_dir.path()); }
    void openOnePhoto();
    void setErrorMap(bool on);

    QTemporaryDir m_dir;
    ColorizeWorkspaceFixture m_fixture;
    std::unique_ptr<JobManager> &m_jobs = m_fixture.jobs;
    std::unique_ptr<ColorizeWorkspace> &m_workspace = m_fixture.workspace;
};

void TestColorizeViews::init()
{
    m_fixture.start(QSize(1150, 560)); // what a 1280 x 720 screen leaves the workspace
}

void TestColorizeViews::cleanup()
{
    m_fixture.end();
}

void TestColorizeViews::openOnePhoto()
{
    QVERIFY(m_fixture.openOneColourPhoto(m_dir.path()));
    QTRY_VERIFY(view()->resultView()->model()->count() > 0);
}

void TestColorizeViews::setErrorMap(bool on)
{
    auto *box = view()->findChild<QCheckBox *>(QStringLiteral("errorLayer"));
    if (box->isChecked() != on)
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QCOMPARE(box->isChecked(), on);
}

namespace {
// Light pixels in the middle of a view: the message's text on the dark background.
int lightPixelsInTheMiddle(widgets::ImageView *view)
{
    const QImage shot = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int light = 0;
    for (int y = shot.height() / 4; y < 3 * shot.height() / 4; ++y)
        for (int x = 0; x < shot.width(); ++x)
            light += qGray(shot.pixel(x, y)) > 0x90 ? 1 : 0;
    return light;
}
} // namespace

void TestColorizeViews::unreadablePhotoSaysWhyInItsViews()
{
    // Before anything is opened, the views say how to start.
    QVERIFY(view()->resultView()->isShowingEmptyMessage());
    QVERIFY(view()->resultView()->emptyMessage().contains(QLatin1String("Open photos")));
    QString error;
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    // The user clicks the corrupt photo in the list, as in #23: the views say which file and why,
    // where they were blank before.
    QListWidget *list = view()->thumbnails();
    int row = -1;
    for (int i = 0; i < list->count(); ++i)
        row = list->item(i)->text().contains(QLatin1String("corrupt")) ? i : row;
    QVERIFY(row >= 0);
    list->scrollToItem(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    QVERIFY(waitIdle());
    QTRY_COMPARE(m_workspace->model()->selected(), row);
    const QString reason = m_workspace->model()->photos().at(row).error;
    QVERIFY(!reason.isEmpty());
    for (widgets::ImageView *v : {view()->grayView(), view()->resultView(), view()->truthView(), view()->wipeView()}) {
        QVERIFY(v->isShowingEmptyMessage());
        QVERIFY2(v->emptyMessage().contains(QLatin1String("e-corrupt.jpg")) && v->emptyMessage().contains(reason), qPrintable(v->emptyMessage()));
    }
    // And it is drawn: the same view without the message has no text in it.
    widgets::ImageView *result = view()->resultView();
    const int withMessage = lightPixelsInTheMiddle(result);
    const QString message = result->emptyMessage();
    result->setEmptyMessage(QString());
    QCOMPARE(lightPixelsInTheMiddle(result), 0);
    QVERIFY2(withMessage > 50, qPrintable(QString::number(withMessage)));
    result->setEmptyMessage(message);
    // A readable gray photo: its images are shown, and only the truth view says why it is empty.
    int gray = -1;
    for (int i = 0; i < list->count(); ++i)
        gray = list->item(i)->text().contains(QLatin1String("d-gray")) ? i : gray;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(gray)).center());
    QVERIFY(waitIdle());
    QTRY_COMPARE(m_workspace->model()->selected(), gray);
    QTRY_VERIFY(!view()->resultView()->isShowingEmptyMessage());
    QVERIFY(!view()->grayView()->isShowingEmptyMessage());
    QVERIFY(view()->truthView()->isShowingEmptyMessage());
    QVERIFY(view()->truthView()->emptyMessage().contains(QLatin1String("gray photo")));
}


namespace {
// The image's rectangle in the view's viewport pixels.
QRect imageOnScreen(widgets::ImageView *view)
{
    return view->mapFromScene(QRectF(QPointF(0, 0), QSizeF(view->model()->imageSize()))).boundingRect();
}
} // namespace

void TestColorizeViews::errorMapStaysOnTheResultSideOfTheWipe()
{
    // #23 item 12: with ΔE2000 on, the wipe showed the error map on both sides, hiding the truth.
    openOnePhoto();
    auto *mode = view()->findChild<QComboBox *>(QStringLiteral("modeChoice"));
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(view()->mode(), ColorizeView::Mode::Wipe);
    widgets::ImageView *wipe = view()->wipeView();
    wipe->setWipePosition(0.5);
    // Each shot where its image is: with the colorbar, fitting moves the image aside for it.
    setErrorMap(false);
    QApplication::processEvents();
    const QImage without = wipe->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect imageWithout = imageOnScreen(wipe);
    setErrorMap(true);
    QApplication::processEvents();
    const QImage with = wipe->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect imageWith = imageOnScreen(wipe);
    QCOMPARE(imageWith.size(), imageWithout.size());
    // Pixels that changed on each side, away from the line (its 2 px) and from the colorbar.
    const QRect colorbar = wipe->colorbarRect().adjusted(0, -30, 0, 0); // with its title
    const int line = imageWith.width() / 2;
    int changedLeft = 0, changedRight = 0, left = 0, right = 0;
    for (int v = 0; v < imageWith.height(); ++v)
        for (int u = 0; u < imageWith.width(); ++u) {
            const QPoint a = imageWith.topLeft() + QPoint(u, v), b = imageWithout.topLeft() + QPoint(u, v);
            if (std::abs(u - line) < 4 || colorbar.contains(a) || !with.rect().contains(a) || !without.rect().contains(b))
                continue;
            const bool changed = with.pixel(a) != without.pixel(b);
            (u < line ? left : right) += 1;
            (u < line ? changedLeft : changedRight) += changed ? 1 : 0;
        }
    QVERIFY(left > 1000 && right > 1000);
    QVERIFY2(changedLeft > left / 2, qPrintable(QStringLiteral("%1 of %2").arg(changedLeft).arg(left)));
    QVERIFY2(changedRight == 0, qPrintable(QStringLiteral("%1 of %2 truth pixels covered").arg(changedRight).arg(right)));
}

void TestColorizeViews::colorbarStandsBesideTheImage()
{
    // #23 item 12: side by side, the ΔE2000 colorbar covered the narrow result view's image.
    openOnePhoto();
    setErrorMap(true);
    widgets::ImageView *result = view()->resultView();
    QTRY_VERIFY(result->colorbarRect().isValid());
    result->fitToView();
    const QRect image = imageOnScreen(result), colorbar = result->colorbarRect();
    QVERIFY2(!image.intersects(colorbar), qPrintable(QStringLiteral("image %1,%2 %3x%4; colorbar %5,%6 %7x%8")
                                                         .arg(image.x()).arg(image.y()).arg(image.width()).arg(image.height())
                                                         .arg(colorbar.x()).arg(colorbar.y()).arg(colorbar.width()).arg(colorbar.height())));
    // Still most of the view: the room taken is the colorbar's.
    QVERIFY(image.width() > result->viewport()->width() - colorbar.width() - 30);
    // Without the map, the image takes the whole width again.
    setErrorMap(false);
    QTRY_VERIFY(!result->colorbarRect().isValid());
    result->fitToView();
    QVERIFY(imageOnScreen(result).width() >= result->viewport()->width() - 2 || imageOnScreen(result).height() >= result->viewport()->height() - 2);
}

void TestColorizeViews::abPlanesAreSquareAndLabelled()
{
    // #23 item 12: the a/b plane was stretched to the panel, and its colorbar said nothing.
    openOnePhoto();
    QTabBar *tabs = view()->findChild<QTabWidget *>()->tabBar();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == QLatin1String("ab histograms"))
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(i).center());
    for (const char *name : {"resultHistogram", "truthHistogram"}) {
        auto *plane = view()->findChild<widgets::PlotView *>(QLatin1String(name));
        QVERIFY(plane);
        QTRY_VERIFY(plane->isVisible());
        QVERIFY2(plane->width() > plane->height() * 1.3, "the panel is wide: the plane must not stretch with it");
        plane->plot()->replot();
        const QRect rect = plane->plot()->axisRect()->rect();
        const double perPixelX = plane->plot()->xAxis->range().size() / rect.width();
        const double perPixelY = plane->plot()->yAxis->range().size() / rect.height();
        QVERIFY2(std::abs(perPixelX / perPixelY - 1.0) < 1e-6, qPrintable(QStringLiteral("%1: %2 vs %3").arg(QLatin1String(name)).arg(perPixelX).arg(perPixelY)));
        // The whole ab extent still in view on both axes.
        QVERIFY(plane->plot()->yAxis->range().size() >= plane->plot()->xAxis->range().size() * rect.height() / rect.width() - 1e-9);
        QCPColorScale *scale = nullptr;
        for (int i = 0; i < plane->plot()->plotLayout()->elementCount() && !scale; ++i)
            scale = qobject_cast<QCPColorScale *>(plane->plot()->plotLayout()->elementAt(i));
        QVERIFY(scale);
        QVERIFY2(scale->axis()->label().contains(QLatin1String("share of pixels")), qPrintable(scale->axis()->label()));
    }
}

QTEST_MAIN(TestColorizeViews)
#include "tst_colorizeviews.moc"
