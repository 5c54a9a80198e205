// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/Workspace.h"

#include "widgets/imageview/ImageView.h"
#include "widgets/plotview/PlotView.h"

#include <QFileInfo>
#include <QWidget>

namespace periscope::app {

Workspace::Workspace(const WorkspaceContext &context, QObject *parent)
    : QObject(parent), m_context(context)
{
}

Workspace::~Workspace() = default;

bool Workspace::openFile(const QString &path, QString *error)
{
    if (error)
        *error = tr("%1 does not open files").arg(title());
    return false;
}

bool Workspace::restoreState(const QJsonObject &, QString *)
{
    return true;
}

bool Workspace::openDemo(const QString &demoId, QString *error)
{
    if (error)
        *error = tr("%1 has no demo named '%2'").arg(title(), demoId);
    return false;
}

bool Workspace::exportFigure(const QString &path, const widgets::FigureOptions &options, QString *error)
{
    QWidget *widget = view();
    if (!widget) {
        if (error)
            *error = tr("There is nothing to export");
        return false;
    }
    const std::unique_ptr<widgets::FigurePanel> panel = figurePanelFor(widget, options);
    return widgets::exportFigure({panel.get()}, 1, options, path, error);
}

bool Workspace::checkReadable(const QString &path, QString *error) const
{
    const QFileInfo file(path);
    if (file.exists() && file.isReadable())
        return true;
    if (error)
        *error = file.exists() ? tr("%1 cannot be read (permissions)").arg(path) : tr("%1 does not exist").arg(path);
    return false;
}

bool Workspace::canOpen(const QString &path) const
{
    const QFileInfo info(path);
    if (info.isDir())
        return opensFolders();
    return fileSuffixes().contains(info.suffix().toLower());
}

std::unique_ptr<widgets::FigurePanel> figurePanelFor(QWidget *widget, const widgets::FigureOptions &options)
{
    if (auto *image = qobject_cast<widgets::ImageView *>(widget))
        return widgets::figurePanel(image, options);
    if (auto *plot = qobject_cast<widgets::PlotView *>(widget))
        return widgets::figurePanel(plot);
    // A view that is mostly one image or one plot.
    if (auto *image = widget->findChild<widgets::ImageView *>())
        if (image->width() * image->height() * 2 > widget->width() * widget->height())
            return widgets::figurePanel(image, options);
    return widgets::figurePanel(widget);
}

} // namespace periscope::app
