// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/ModelCatalogue.h"
#include "app/shell/JobSlot.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace periscope::app {

// Models... : the catalogue as a table (name, workspace, task, licence, size, whether and where it
// is here, its source), and what a user does with it: "Locate file..." (a checkpoint downloaded by
// hand is checked against the catalogue's SHA-256 and copied into the store), "Download" (as a
// job in the Jobs panel: progress, cancellable, resumable, refused when the hash differs) and
// "Verify". The workspaces find an added or downloaded model by name at once.
class ModelsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelsDialog(JobManager *jobs, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString status() const;
    // For tests and --mirror users: downloads come from MIRROR/FILE_NAME instead of the source.
    void setMirror(const QString &mirror) { m_mirror = mirror; }
    void locateFile(const QString &path); // what "Locate file..." does once a file is chosen

Q_SIGNALS:
    void catalogueChanged();

private:
    void reload();
    void updateButtons();
    QString selectedName() const;
    void run(const QString &title, std::function<QString(const ModelCatalogue &, const JobControl &)> work);

    ModelCatalogue m_catalogue;
    JobSlot m_job;
    QString m_mirror;
    QTableWidget *m_table = nullptr;
    QPushButton *m_locate = nullptr, *m_download = nullptr, *m_verify = nullptr, *m_cancel = nullptr;
    QLabel *m_status = nullptr, *m_where = nullptr;
};

} // namespace periscope::app
