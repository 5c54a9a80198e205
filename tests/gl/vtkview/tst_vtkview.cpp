// SPDX-License-Identifier: GPL-3.0-or-later
// VtkView on a real X server (xvfb-run) with Mesa's OpenGL: what it draws, what it picks, how the
// camera follows the mouse, and the offscreen fallback.
#include "widgets/vtkview/VtkView.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <cmath>

using periscope::widgets::VtkView;

namespace {
vtkSmartPointer<vtkActor> redSphere()
{
    vtkNew<vtkSphereSource> sphere;
    sphere->SetRadius(1.0);
    sphere->SetThetaResolution(64);
    sphere->SetPhiResolution(64);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(1.0, 0.0, 0.0);
    actor->GetProperty()->SetAmbient(1.0); // flat red whatever the light: pixels are easy to count
    actor->GetProperty()->SetDiffuse(0.0);
    return actor;
}

int redPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.red() > 200 && c.green() < 60 && c.blue() < 60;
        }
    return count;
}

// ResetCamera fits the sphere's bounding box (radius sqrt(3)) into a 30 degree view angle; the
// unit sphere then spans tan(asin(1/d)) / tan(15 deg) of the half height, d = sqrt(3) / sin(15 deg).
double expectedSphereArea(int viewSize)
{
    const double pi = 3.14159265358979323846;
    const double distance = std::sqrt(3.0) / std::sin(15.0 * pi / 180.0);
    const double radius = std::tan(std::asin(1.0 / distance)) / std::tan(15.0 * pi / 180.0) * viewSize / 2.0;
    return pi * radius * radius;
}

void click(QWidget *widget, QPoint at)
{
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}
} // namespace

class TestVtkView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rendersASphereWhereProjectionPutsIt();
    void picksTheActorUnderTheCursor();
    void dragRotatesAndWheelZooms();
    void rendersOffscreenWithoutAWidget();
};

void TestVtkView::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X server: CTest runs this suite under xvfb-run");
}

void TestVtkView::rendersASphereWhereProjectionPutsIt()
{
    VtkView view;
    view.resize(200, 200);
    view.renderer()->AddActor(redSphere());
    view.resetCamera();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage frame = view.grabFramebuffer();
    QCOMPARE(frame.size(), QSize(200, 200) * view.devicePixelRatio());
    const double expected = expectedSphereArea(frame.height());
    const int red = redPixels(frame);
    QVERIFY2(std::abs(red - expected) < 0.08 * expected, qPrintable(QStringLiteral("%1 red pixels, expected %2").arg(red).arg(expected)));
    QVERIFY(frame.pixelColor(frame.width() / 2, frame.height() / 2).red() > 200);
    QVERIFY(frame.pixelColor(3, 3).red() < 100); // background
}

void TestVtkView::picksTheActorUnderTheCursor()
{
    VtkView view;
    view.resize(200, 200);
    vtkSmartPointer<vtkActor> sphere = redSphere();
    view.renderer()->AddActor(sphere);
    view.resetCamera();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.grabFramebuffer();
    QCOMPARE(view.pickAt(QPoint(100, 100)), static_cast<vtkProp *>(sphere));
    QCOMPARE(view.pickAt(QPoint(5, 5)), static_cast<vtkProp *>(nullptr));
    QSignalSpy picked(&view, &VtkView::propPicked);
    click(&view, QPoint(100, 100));
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.first().first().value<vtkProp *>(), static_cast<vtkProp *>(sphere));
}

void TestVtkView::dragRotatesAndWheelZooms()
{
    VtkView view;
    view.resize(200, 200);
    view.renderer()->AddActor(redSphere());
    view.resetCamera();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    vtkCamera *camera = view.renderer()->GetActiveCamera();
    double before[3];
    camera->GetPosition(before);
    const double distanceBefore = camera->GetDistance();
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(100, 100), view.mapToGlobal(QPointF(100, 100)), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &press);
    for (int x = 105; x <= 160; x += 5) {
        QMouseEvent move(QEvent::MouseMove, QPointF(x, 100), view.mapToGlobal(QPointF(x, 100)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(160, 100), view.mapToGlobal(QPointF(160, 100)), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &release);
    double after[3];
    camera->GetPosition(after);
    const double moved = std::hypot(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
    QVERIFY2(moved > 0.5, qPrintable(QString::number(moved)));
    QVERIFY(std::abs(camera->GetDistance() - distanceBefore) < 1e-6); // rotation keeps the distance

    QWheelEvent wheel(QPointF(100, 100), view.mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(camera->GetDistance() < distanceBefore);
}

void TestVtkView::rendersOffscreenWithoutAWidget()
{
    vtkNew<vtkRenderer> renderer;
    renderer->AddActor(redSphere());
    renderer->SetBackground(0, 0, 0);
    renderer->ResetCamera();
    const QImage image = VtkView::renderOffscreen(renderer, QSize(160, 160));
    QCOMPARE(image.size(), QSize(160, 160));
    const double expected = expectedSphereArea(160);
    const int red = redPixels(image);
    QVERIFY2(std::abs(red - expected) < 0.08 * expected, qPrintable(QStringLiteral("%1 red pixels, expected %2").arg(red).arg(expected)));
}

QTEST_MAIN(TestVtkView)
#include "tst_vtkview.moc"
