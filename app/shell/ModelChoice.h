// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

namespace periscope::app {

// Tells every open model chooser that models were added or downloaded (Models dialog).
class ModelCatalogueNotifier : public QObject {
    Q_OBJECT
public:
    static ModelCatalogueNotifier *instance();
Q_SIGNALS:
    void changed();
};

// The model chooser every workspace shows: its fixed choices (an "automatic" entry, say), then
// the catalogue's models for this workspace that are on this machine (built in, added or
// downloaded: they appear as soon as the Models dialog gets them), the files opened this
// session, and "Weights file..." which asks for a file. Reports the user's choice as a name or a
// path; the workspace's model says which one is in use (setCurrentModel).
class ModelChoice : public QComboBox {
    Q_OBJECT
public:
    ModelChoice(const QString &workspace, const QString &fileDialogTitle, QWidget *parent = nullptr);

    void addFixedChoice(const QString &label, const QString &model); // before the catalogue's
    void setCurrentModel(const QString &nameOrPath);                 // selects it, adding a file
    void refresh();                                                  // re-reads the catalogue

Q_SIGNALS:
    void modelChosen(const QString &nameOrPath);

private:
    void rebuild();

    QString m_workspace, m_fileDialogTitle, m_current;
    QList<QPair<QString, QString>> m_fixed; // label, model
    QStringList m_files;                    // opened this session
};

} // namespace periscope::app
