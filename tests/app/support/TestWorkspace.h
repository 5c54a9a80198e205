// SPDX-License-Identifier: GPL-3.0-or-later
// A small but real workspace for testing the shell: it opens .txt notes (reads them on a job,
// off the UI thread), shows them in a label, keeps a zoom value in its project state and
// changes it through its undo stack.
#pragma once

#include "app/shell/JobManager.h"
#include "app/shell/Workspace.h"
#include "engine/core/errors/Error.h"

#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QUndoCommand>

namespace periscope::test {

class NotesWorkspace : public app::Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "notes";
    using Workspace::Workspace;
    ~NotesWorkspace() override { delete m_view.data(); }

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return QStringLiteral("Notes"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/welcome.svg")); }
    QStringList fileSuffixes() const override { return {QStringLiteral("txt")}; }
    QWidget *view() override
    {
        if (!m_view) {
            m_view = new QLabel(QStringLiteral("no note"));
            m_view->setObjectName(QStringLiteral("notesView"));
        }
        return m_view;
    }

    bool openFile(const QString &path, QString *error) override
    {
        if (!QFile::exists(path)) {
            *error = QStringLiteral("%1 does not exist").arg(path);
            return false;
        }
        m_files.append(path);
        context().jobs->start(QStringLiteral("Read %1").arg(path),
                              [path](const periscope::JobControl &) {
                                  QFile file(path);
                                  if (!file.open(QIODevice::ReadOnly))
                                      throw periscope::Error("cannot read " + path.toStdString());
                                  return QVariant(QString::fromUtf8(file.readAll()));
                              },
                              this, [this](const QVariant &text) {
                                  m_text = text.toString();
                                  static_cast<QLabel *>(view())->setText(m_text);
                              });
        Q_EMIT fileOpened(path);
        return true;
    }
    QStringList openFiles() const override { return m_files; }
    QJsonObject saveState(const app::ProjectPaths &) const override
    {
        return m_zoom == 1.0 ? QJsonObject() : QJsonObject{{QStringLiteral("zoom"), m_zoom}};
    }
    bool restoreState(const QJsonObject &state, const app::ProjectPaths &, QString *) override
    {
        m_zoom = state.value(QStringLiteral("zoom")).toDouble(1.0);
        return true;
    }
    QList<app::DemoEntry> demoEntries() const override
    {
        return {{id(), QStringLiteral("hello"), QStringLiteral("A short note"), QStringLiteral("Shows a note")}};
    }
    bool openDemo(const QString &demoId, QString *error) override
    {
        if (demoId != QLatin1String("hello"))
            return Workspace::openDemo(demoId, error);
        static_cast<QLabel *>(view())->setText(QStringLiteral("Hello from the notes demo"));
        return true;
    }

    void setZoomUndoable(double zoom)
    {
        struct SetZoom : QUndoCommand {
            SetZoom(NotesWorkspace *w, double from, double to) : w(w), from(from), to(to) {}
            void undo() override { w->m_zoom = from; }
            void redo() override { w->m_zoom = to; }
            NotesWorkspace *w;
            double from, to;
        };
        undoStack()->push(new SetZoom(this, m_zoom, zoom));
    }
    double zoom() const { return m_zoom; }
    QString text() const { return m_text; }

private:
    QPointer<QLabel> m_view;
    QStringList m_files;
    QString m_text;
    double m_zoom = 1.0;
};

} // namespace periscope::test
