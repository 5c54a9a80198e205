// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QOpenGLWidget>

#include <vtkProp.h>
#include <vtkSmartPointer.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;

namespace periscope::widgets {

// A VTK scene in a QOpenGLWidget. Debian's VTK Qt module is built for Qt 5, so this hosts a
// vtkGenericOpenGLRenderWindow in Qt 6's own OpenGL widget (the recipe in DESIGN.md) and forwards
// mouse and wheel events to a trackball-camera interactor by hand: left drag rotates, middle
// (or shift + left) drag pans, right drag or wheel zooms. A click picks the actor under it.
// High-DPI aware. Without OpenGL, renderOffscreen() still renders a scene into an image.
class VtkView : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkView(QWidget *parent = nullptr);
    ~VtkView() override;

    vtkRenderer *renderer() const;
    vtkGenericOpenGLRenderWindow *renderWindow() const;
    void resetCamera();

    // The actor (or other prop) under a widget position, or nullptr.
    vtkProp *pickAt(QPoint position);

    // Whether views can be made here: not on the offscreen or minimal platforms (headless
    // screenshots cannot host a QOpenGLWidget, DESIGN.md), nor where no OpenGL context can be made.
    static bool isAvailable();
    // Why not, for the place where a view would have been: one sentence, in the interface's language.
    static QString unavailableNote();
    // Readies a top-level `window` for VtkViews before it is first shown. Qt destroys and
    // recreates a visible window when its first QOpenGLWidget arrives (to composite it with
    // OpenGL): the window flashes and a window manager forgets where it was. A hidden, empty
    // OpenGL widget made here makes that choice before the window exists. No-op when !isAvailable().
    static void prepareWindow(QWidget *window);

    // Renders `renderer`'s scene without a widget, into an image of `size` pixels.
    static QImage renderOffscreen(vtkRenderer *renderer, QSize size);

Q_SIGNALS:
    void propPicked(vtkProp *prop);

protected:
    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void forwardPosition(const QPointF &position, Qt::KeyboardModifiers modifiers);

    vtkSmartPointer<vtkGenericOpenGLRenderWindow> m_window;
    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkSmartPointer<vtkGenericRenderWindowInteractor> m_interactor;
    QPoint m_pressPosition;
};

} // namespace periscope::widgets
// For queued connections and QSignalSpy on propPicked.
Q_DECLARE_METATYPE(vtkProp *)
