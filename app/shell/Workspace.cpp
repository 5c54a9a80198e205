// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/Workspace.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>
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

bool Workspace::exportFigure(const QString &path, QString *error)
{
    return exportWidgetFigure(view(), path, error);
}

bool Workspace::canOpen(const QString &path) const
{
    return fileSuffixes().contains(QFileInfo(path).suffix().toLower());
}

bool exportWidgetFigure(QWidget *widget, const QString &path, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!widget)
        return fail(QObject::tr("There is nothing to export"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(widget->size());
        svg.setViewBox(widget->rect());
        svg.setTitle(widget->windowTitle());
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(QObject::tr("Cannot write %1").arg(path));
        widget->render(&painter);
        return painter.end() || fail(QObject::tr("Cannot write %1").arg(path));
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(widget->size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(72);
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(QObject::tr("Cannot write %1").arg(path));
        widget->render(&painter);
        return painter.end() || fail(QObject::tr("Cannot write %1").arg(path));
    }
    if (!QImageWriter::supportedImageFormats().contains(suffix.toLatin1()))
        return fail(QObject::tr("Unsupported figure format '%1' (use png, svg or pdf)").arg(suffix));
    const QPixmap pixmap = widget->grab();
    QImageWriter writer(path);
    if (!writer.write(pixmap.toImage()))
        return fail(QObject::tr("Cannot write %1: %2").arg(path, writer.errorString()));
    return true;
}

} // namespace periscope::app
