// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/vtkview/VtkView.h"

#include <QGuiApplication>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <cstring>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkImageData.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLState.h>
#include <vtkPropPicker.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkPointData.h>
#include <vtkWindowToImageFilter.h>

namespace periscope::widgets {

VtkView::VtkView(QWidget *parent)
    : QOpenGLWidget(parent), m_window(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New()),
      m_renderer(vtkSmartPointer<vtkRenderer>::New()),
      m_interactor(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New())
{
    setObjectName(QStringLiteral("vtkView"));
    setMouseTracking(false);
    m_renderer->SetBackground(0.19, 0.19, 0.19);
    m_window->AddRenderer(m_renderer);
    m_interactor->SetRenderWindow(m_window);
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    m_interactor->SetInteractorStyle(style);
    // The interactor must not run its own event loop or timers: Qt drives everything.
    m_interactor->EnableRenderOff();
}

VtkView::~VtkView()
{
    makeCurrent();
    m_window->Finalize();
    doneCurrent();
}

vtkRenderer *VtkView::renderer() const
{
    return m_renderer;
}

vtkGenericOpenGLRenderWindow *VtkView::renderWindow() const
{
    return m_window;
}

void VtkView::resetCamera()
{
    m_renderer->ResetCamera();
    update();
}

void VtkView::initializeGL()
{
    // VTK draws into Qt's context and framebuffer instead of owning a window (DESIGN.md).
    m_window->SetOwnContext(false);
    m_window->SetFrameBlitModeToBlitToCurrent();
    m_window->SetReadyForRendering(true);
    m_window->OpenGLInitContext();
    m_interactor->Initialize();
}

void VtkView::resizeGL(int width, int height)
{
    const double ratio = devicePixelRatioF();
    m_window->SetSize(int(width * ratio), int(height * ratio));
    m_interactor->UpdateSize(int(width * ratio), int(height * ratio));
}

void VtkView::paintGL()
{
    // VTK caches the OpenGL state it set; Qt changes the same context between frames (its
    // framebuffer object is recreated on resize, on a reparent, when the window is recomposited
    // under a dialog). Re-read the state before VTK draws and hand it back as Qt left it: a stale
    // cache draws into a framebuffer that no longer exists, and the view goes blank.
    m_window->SetIsCurrent(true);
    vtkOpenGLState *state = m_window->GetState();
    state->Reset();
    state->Push();
    state->ResetFramebufferBindings();
    m_window->Render();
    state->Pop();
}

void VtkView::forwardPosition(const QPointF &position, Qt::KeyboardModifiers modifiers)
{
    const double ratio = devicePixelRatioF();
    m_interactor->SetEventInformationFlipY(int(position.x() * ratio), int(position.y() * ratio),
                                           modifiers.testFlag(Qt::ControlModifier), modifiers.testFlag(Qt::ShiftModifier));
}

void VtkView::mousePressEvent(QMouseEvent *event)
{
    makeCurrent();
    m_pressPosition = event->position().toPoint();
    forwardPosition(event->position(), event->modifiers());
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonPressEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonPressEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonPressEvent); break;
    default: break;
    }
    update();
}

void VtkView::mouseMoveEvent(QMouseEvent *event)
{
    makeCurrent();
    forwardPosition(event->position(), event->modifiers());
    m_interactor->InvokeEvent(vtkCommand::MouseMoveEvent);
    update();
}

void VtkView::mouseReleaseEvent(QMouseEvent *event)
{
    makeCurrent();
    forwardPosition(event->position(), event->modifiers());
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonReleaseEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonReleaseEvent); break;
    default: break;
    }
    // A click (press and release in place) picks.
    if (event->button() == Qt::LeftButton && (event->position().toPoint() - m_pressPosition).manhattanLength() <= 3)
        Q_EMIT propPicked(pickAt(event->position().toPoint()));
    update();
}

void VtkView::wheelEvent(QWheelEvent *event)
{
    makeCurrent();
    forwardPosition(event->position(), event->modifiers());
    m_interactor->InvokeEvent(event->angleDelta().y() > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent);
    event->accept();
    update();
}

vtkProp *VtkView::pickAt(QPoint position)
{
    makeCurrent();
    m_window->SetIsCurrent(true);
    const double ratio = devicePixelRatioF();
    vtkNew<vtkPropPicker> picker;
    const double x = position.x() * ratio;
    const double y = (height() - 1 - position.y()) * ratio; // VTK's origin is bottom left
    if (!picker->Pick(x, y, 0.0, m_renderer))
        return nullptr;
    return picker->GetViewProp();
}

QString VtkView::unavailableNote()
{
    return tr("The 3-D view needs OpenGL, which the '%1' platform does not offer.").arg(QGuiApplication::platformName());
}

bool VtkView::isAvailable()
{
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return false;
    static const bool canMakeContext = [] {
        QOpenGLContext context;
        return context.create();
    }();
    return canMakeContext;
}

void VtkView::prepareWindow(QWidget *window)
{
    if (!window || !isAvailable() || window->findChild<QOpenGLWidget *>(QStringLiteral("openGlReadiness")))
        return;
    auto *readiness = new QOpenGLWidget(window);
    readiness->setObjectName(QStringLiteral("openGlReadiness"));
    readiness->setAttribute(Qt::WA_DontShowOnScreen);
    readiness->hide();
}

QImage VtkView::renderOffscreen(vtkRenderer *renderer, QSize size)
{
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(size.width(), size.height());
    window->AddRenderer(renderer);
    window->Render();
    vtkNew<vtkWindowToImageFilter> capture;
    capture->SetInput(window);
    capture->SetInputBufferTypeToRGB();
    capture->ReadFrontBufferOff();
    capture->Update();
    vtkImageData *data = capture->GetOutput();
    int dims[3] = {0, 0, 0};
    data->GetDimensions(dims);
    QImage image(dims[0], dims[1], QImage::Format_RGB888);
    auto *pixels = static_cast<unsigned char *>(data->GetScalarPointer());
    for (int y = 0; y < dims[1]; ++y) // VTK rows run bottom to top
        std::memcpy(image.scanLine(dims[1] - 1 - y), pixels + std::size_t(y) * std::size_t(dims[0]) * 3, std::size_t(dims[0]) * 3);
    window->RemoveRenderer(renderer);
    window->Finalize();
    return image;
}

} // namespace periscope::widgets
