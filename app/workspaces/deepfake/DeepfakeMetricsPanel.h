// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace periscope::widgets {
class PlotView;
}

namespace periscope::app {

class DeepfakeFolder;
class DeepfakeMetrics;
class DeepfakeModel;

// The DeepFake workspace's metrics: for the open video or the whole folder, a table of explanation
// methods x metrics (mean and 95 % interval over frames, or over videos' means) and bars with
// intervals of one metric across the methods, the detection quality of a labelled folder, and CSV
// export. Scoring reads the explanation cache (DeepfakeMetrics); nothing here computes.
class DeepfakeMetricsPanel : public QWidget {
    Q_OBJECT
public:
    DeepfakeMetricsPanel(DeepfakeModel *model, DeepfakeFolder *folder, DeepfakeMetrics *metrics, QWidget *parent = nullptr);

    enum class Scope { Video, Folder };
    void setScope(Scope scope);
    Scope scope() const;
    void score();                        // starts the job for the scope's videos
    void explainFolder();                // every video of the folder with the current method, then scores the folder
    QTableWidget *table() const { return m_table; }
    widgets::PlotView *plot() const { return m_plot; }
    QString summaryText() const;

private:
    void showResults();
    void exportCsv();

    DeepfakeModel *m_model;
    DeepfakeFolder *m_folder;
    DeepfakeMetrics *m_metrics;
    QComboBox *m_scope, *m_chartMetric;
    QPushButton *m_score, *m_export, *m_explainFolder;
    QTableWidget *m_table;
    widgets::PlotView *m_plot;
    QLabel *m_summary;
};

} // namespace periscope::app
