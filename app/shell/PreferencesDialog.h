// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/common/Preferences.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace periscope::app {

// Edit > Preferences: compute device, CPU threads, precision, default colormap, language,
// where models and datasets live, autosave interval.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;

private:
    QLineEdit *folderRow(const QString &value, QWidget **row);

    QComboBox *m_device;
    QSpinBox *m_threads;
    QComboBox *m_precision;
    QComboBox *m_colormap;
    QComboBox *m_language;
    QLineEdit *m_models;
    QLineEdit *m_datasets;
    QSpinBox *m_autosave;
    QSpinBox *m_maxImage;
    QSpinBox *m_explanationCache;
};

} // namespace periscope::app
