// SPDX-License-Identifier: GPL-3.0-or-later
// The Slots workspace where OpenGL is real (xcb under Xvfb, Mesa): scenes generated from the
// workspace as a job (VTK offscreen), opened and analysed; the Embeddings tab's 3-D scatter drawn
// by VTK with one sphere per slot, and a click on a sphere opening its scene.
#include "app/shell/JobManager.h"
#include "app/workspaces/slots/SlotsEmbeddingView.h"
#include "app/workspaces/slots/SlotsModel.h"
#include "app/workspaces/slots/SlotsView.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "widgets/vtkview/VtkView.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkRenderer.h>

using namespace periscope;
using namespace periscope::app;

class TestSlotsGl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatedScenesAndTheVolumeScatter();
};

void TestSlotsGl::generatedScenesAndTheVolumeScatter()
{
    QTemporaryDir dir;
    JobManager jobs;
    WorkspaceContext context;
    context.jobs = &jobs;
    SlotsWorkspace workspace(context);
    workspace.view()->resize(1400, 900);
    workspace.view()->show();
    QVERIFY(QTest::qWaitForWindowExposed(workspace.view()));
    SlotsModel *model = workspace.model();
    model->setModel(QStringLiteral("slots-scenes-small"));
    const QString folder = dir.filePath(QStringLiteral("generated"));
    model->generateScenes(folder, 10, 3, QSize(96, 72));
    QVERIFY(model->isBusy());
    QVERIFY(jobs.waitForIdle(120000));
    QCOMPARE(model->scenes().size(), 10);
    QVERIFY(model->hasMasks());
    for (const SlotsScene &s : model->scenes())
        QVERIFY(s.scored);
    QCOMPARE(model->inputs(), QStringList{folder});

    // The 3-D scatter: made when its page is shown, one sphere per slot.
    workspace.slotsView()->tabs()->setCurrentIndex(1);
    QCoreApplication::processEvents();
    widgets::VtkView *volume = workspace.slotsView()->embeddingView()->volume();
    QVERIFY(volume);
    QCOMPARE(volume->renderer()->GetActors()->GetNumberOfItems(), 10 * model->slotModel()->slotCount());
    const QImage drawn = volume->grabFramebuffer();
    QVERIFY(!drawn.isNull());
    // Clicking a sphere opens its scene (the view picks the actor under the pointer).
    QSignalSpy requested(workspace.slotsView()->embeddingView(), &SlotsEmbeddingView::sceneRequested);
    // Where the first sphere is drawn: its centre projected to the display (VTK's y is upwards, in
    // device pixels).
    vtkActor *first = volume->renderer()->GetActors()->GetLastActor();
    double *position = first->GetPosition();
    volume->renderer()->SetWorldPoint(position[0], position[1], position[2], 1.0);
    volume->renderer()->WorldToDisplay();
    const double *display = volume->renderer()->GetDisplayPoint();
    const double ratio = volume->devicePixelRatioF();
    const QPoint hit(int(display[0] / ratio), volume->height() - 1 - int(display[1] / ratio));
    vtkProp *picked = volume->pickAt(hit);
    QVERIFY2(picked, "no sphere where the first one is drawn");
    Q_EMIT volume->propPicked(picked);
    QCOMPARE(requested.size(), 1);
    QVERIFY(jobs.waitForIdle(30000));
    QCOMPARE(workspace.slotsView()->tabs()->currentIndex(), 0);
    QCOMPARE(model->detail().index, requested.first().at(0).toInt());
}

QTEST_MAIN(TestSlotsGl)
#include "tst_slotsgl.moc"
