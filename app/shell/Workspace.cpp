// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/Workspace.h"

#include "app/shell/LogModel.h"
#include "app/shell/WidgetFigures.h"

#include "widgets/imageview/ImageView.h"
#include "widgets/plotview/PlotView.h"

#include <QFileInfo>
#include <QJsonArray>
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

QWidget *Workspace::mainView()
{
    QWidget *whole = view();
    auto *named = whole->findChild<QWidget *>(QStringLiteral("mainView"));
    return named ? named : whole;
}

void Workspace::logProblem(const QString &text) const
{
    if (m_context.log)
        m_context.log->append(LogLevel::Warning, id(), text);
}

QStringList Workspace::resolveInputs(const QJsonValue &stored, const ProjectPaths &paths, QStringList *refused) const
{
    QStringList storedPaths, present, missing;
    for (const QJsonValue &value : stored.toArray())
        storedPaths << value.toString();
    for (const QString &path : paths.resolve(storedPaths, refused))
        (QFileInfo::exists(path) ? present : missing) << path;
    if (!missing.isEmpty())
        refused->prepend(tr("%n input(s) of the project are missing: %1", nullptr, int(missing.size())).arg(missing.join(QStringLiteral(", "))));
    return present;
}

bool Workspace::finishRestore(const QStringList &refused, QString *error)
{
    if (refused.isEmpty())
        return true;
    if (error)
        *error = refused.join(QStringLiteral("; "));
    return false;
}

QJsonObject Workspace::saveState(const ProjectPaths &) const
{
    return {};
}

bool Workspace::restoreState(const QJsonObject &, const ProjectPaths &, QString *)
{
    return true;
}

bool Workspace::openDemo(const QString &demoId, QString *error)
{
    if (error)
        *error = tr("%1 has no demo named '%2'").arg(title(), demoId);
    return false;
}

bool Workspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    QWidget *widget = view();
    if (!widget) {
        if (error)
            *error = tr("There is nothing to export");
        return false;
    }
    const std::unique_ptr<FigurePanel> panel = figurePanelFor(widget, options);
    return app::exportFigure({panel.get()}, 1, options, path, error);
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

std::unique_ptr<FigurePanel> figurePanelFor(QWidget *widget, const FigureOptions &options)
{
    if (auto *image = qobject_cast<widgets::ImageView *>(widget))
        return figurePanel(image, options);
    if (auto *plot = qobject_cast<widgets::PlotView *>(widget))
        return figurePanel(plot);
    // A view that is mostly one image or one plot.
    if (auto *image = widget->findChild<widgets::ImageView *>())
        if (image->width() * image->height() * 2 > widget->width() * widget->height())
            return figurePanel(image, options);
    return figurePanel(widget);
}

} // namespace periscope::app
