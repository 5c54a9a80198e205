// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeMetricsPanel.h"

#include "app/models/BuiltInDeepfakeModels.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "widgets/plotview/PlotView.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace periscope::app {

namespace {

QString interval(const MeanInterval &m)
{
    if (m.n == 0)
        return QStringLiteral("–");
    if (m.n == 1 || !std::isfinite(m.low))
        return QStringLiteral("%1").arg(m.mean, 0, 'f', 3);
    return QStringLiteral("%1 [%2, %3]").arg(m.mean, 0, 'f', 3).arg(m.low, 0, 'f', 3).arg(m.high, 0, 'f', 3);
}

} // namespace

DeepfakeMetricsPanel::DeepfakeMetricsPanel(DeepfakeModel *model, DeepfakeFolder *folder, DeepfakeMetrics *metrics, QWidget *parent)
    : QWidget(parent), m_model(model), m_folder(folder), m_metrics(metrics)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("metricsScope"));
    m_scope->addItem(tr("This video"));
    m_scope->addItem(tr("The whole folder"));
    m_scope->setToolTip(tr("Over this video's explained frames, or over the folder's explained videos (each video's mean counts once)"));
    m_score = new QPushButton(tr("Score explanations"));
    m_score->setObjectName(QStringLiteral("scoreExplanations"));
    m_score->setToolTip(tr("The metrics of every method's explanations computed so far (read from the cache; nothing is explained again)"));
    m_explainFolder = new QPushButton(tr("Explain the folder"));
    m_explainFolder->setObjectName(QStringLiteral("explainFolder"));
    m_explainFolder->setToolTip(tr("Explain every video of the folder with the current detector and method (what is cached is "
                                   "skipped), then score the folder"));
    m_explainFolder->setEnabled(false);
    m_export = new QPushButton(tr("Export CSV..."));
    m_export->setObjectName(QStringLiteral("exportMetrics"));
    m_export->setEnabled(false);
    m_chartMetric = new QComboBox;
    m_chartMetric->setObjectName(QStringLiteral("chartMetric"));
    for (const ExplanationMetricInfo &info : explanationMetricInfos())
        m_chartMetric->addItem(info.label, info.key);
    bar->addWidget(m_scope);
    bar->addWidget(m_score);
    bar->addWidget(m_explainFolder);
    bar->addWidget(m_export);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Chart")));
    bar->addWidget(m_chartMetric);
    layout->addLayout(bar);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_plot = new widgets::PlotView;
    m_plot->setObjectName(QStringLiteral("metricsChart"));
    m_plot->setMinimumWidth(260);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_summary = new QLabel(tr("Explain frames (the Explain box, with each method you want to compare), then score their explanations here."));
    m_summary->setObjectName(QStringLiteral("metricsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    connect(m_score, &QPushButton::clicked, this, &DeepfakeMetricsPanel::score);
    connect(m_export, &QPushButton::clicked, this, &DeepfakeMetricsPanel::exportCsv);
    connect(m_explainFolder, &QPushButton::clicked, this, [this] {
        if (m_folder->isExplaining())
            m_folder->cancelExplaining();
        else
            explainFolder();
    });
    connect(m_folder, &DeepfakeFolder::explainingChanged, this, [this](bool busy) {
        m_explainFolder->setText(busy ? tr("Stop explaining") : tr("Explain the folder"));
    });
    connect(m_folder, &DeepfakeFolder::explained, this, [this](qint64 frames) {
        // The open video's explanations were stored by another job: read them again, then score.
        m_model->reloadExplanations();
        if (frames >= 0)
            m_summary->setText(tr("%n frame(s) explained; scoring the folder...", nullptr, int(frames)));
        setScope(Scope::Folder);
        score();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &DeepfakeMetricsPanel::showResults);
    connect(m_chartMetric, &QComboBox::currentIndexChanged, this, &DeepfakeMetricsPanel::showResults);
    connect(m_metrics, &DeepfakeMetrics::resultsChanged, this, &DeepfakeMetricsPanel::showResults);
    connect(m_metrics, &DeepfakeMetrics::busyChanged, this, [this](bool busy) { m_score->setEnabled(!busy); });
    connect(m_metrics, &DeepfakeMetrics::problem, m_summary, &QLabel::setText);
    connect(m_model, &DeepfakeModel::videoChanged, this, &DeepfakeMetricsPanel::showResults);
    connect(m_folder, &DeepfakeFolder::changed, this, [this] {
        m_explainFolder->setEnabled(!m_folder->videos().isEmpty());
        if (m_folder->videos().isEmpty() && scope() == Scope::Folder)
            setScope(Scope::Video);
        showResults();
    });
    showResults();
}

void DeepfakeMetricsPanel::setScope(Scope scope)
{
    m_scope->setCurrentIndex(scope == Scope::Folder ? 1 : 0);
}

DeepfakeMetricsPanel::Scope DeepfakeMetricsPanel::scope() const
{
    return m_scope->currentIndex() == 1 ? Scope::Folder : Scope::Video;
}

QString DeepfakeMetricsPanel::summaryText() const
{
    return m_summary->text();
}

void DeepfakeMetricsPanel::score()
{
    QString error;
    const QString weights = resolveDeepfakeModel(m_model->modelName(), &error);
    if (weights.isEmpty()) {
        m_summary->setText(tr("Choose a detector first: the explanations are kept per detector (%1)").arg(error));
        return;
    }
    QVector<MetricsVideo> videos;
    if (scope() == Scope::Folder) {
        for (int row = 0; row < m_folder->videos().size(); ++row) {
            const FolderVideo &v = m_folder->videos()[row];
            videos.append({v.path, m_folder->companionsOf(row), v.labelled, v.fake});
        }
    } else if (m_model->hasVideo()) {
        const int row = m_folder->indexOf(m_model->video().path);
        const FolderVideo *v = row >= 0 ? &m_folder->videos()[row] : nullptr;
        videos.append({m_model->video().path, m_model->companions(), v && v->labelled, v && v->fake});
    }
    if (videos.isEmpty()) {
        m_summary->setText(scope() == Scope::Folder ? tr("Open a folder of videos first") : tr("Open a video first"));
        return;
    }
    m_summary->setText(tr("Scoring..."));
    m_metrics->score(videos, weights, DeepfakeModel::methods(), m_model->cacheRoot());
}

void DeepfakeMetricsPanel::explainFolder()
{
    QString error;
    const QString weights = resolveDeepfakeModel(m_model->modelName(), &error);
    if (weights.isEmpty()) {
        m_summary->setText(tr("Choose a detector first (%1)").arg(error));
        return;
    }
    m_summary->setText(tr("Explaining the folder's videos with %1...").arg(m_model->method()));
    m_folder->explainAll(weights, m_model->method(), m_model->cacheRoot());
}

void DeepfakeMetricsPanel::showResults()
{
    const DeepfakeMetricsResults &results = m_metrics->results();
    const QVector<ExplanationMetricInfo> infos = explanationMetricInfos();
    m_export->setEnabled(!results.isEmpty());
    m_table->clear();
    m_plot->clear();
    QStringList headers{tr("Method"), scope() == Scope::Folder ? tr("Videos") : tr("Frames")};
    for (const ExplanationMetricInfo &info : infos)
        headers << info.label;
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(0);
    if (results.isEmpty())
        return;

    // Rows: the methods that have explanations in this scope.
    struct Row {
        QString method;
        int count = 0;
        const deepfake::ExplanationSummary *summary = nullptr;
    };
    QVector<Row> rows;
    const VideoMetrics *current = results.video(m_model->video().path);
    if (scope() == Scope::Video) {
        if (current)
            for (const VideoMethodMetrics &m : current->methods)
                rows.append({m.method, m.frames, &m.summary});
    } else {
        for (const QString &method : results.methods)
            if (const auto it = results.folder.constFind(method); it != results.folder.cend())
                rows.append({method, it.value().videos, &it.value().summary});
    }
    m_table->setRowCount(int(rows.size()));
    QVector<double> x, heights, lows, highs;
    QStringList names;
    const int chart = std::max(0, m_chartMetric->currentIndex());
    for (int r = 0; r < rows.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(rows[r].method));
        m_table->setItem(r, 1, new QTableWidgetItem(QString::number(rows[r].count)));
        for (int c = 0; c < infos.size(); ++c) {
            const MeanInterval &m = infos[c].of(*rows[r].summary);
            auto *item = new QTableWidgetItem(interval(m));
            item->setToolTip(tr("n = %1").arg(m.n));
            m_table->setItem(r, 2 + c, item);
        }
        const MeanInterval &m = infos[chart].of(*rows[r].summary);
        x << r;
        heights << (m.n > 0 ? m.mean : 0.0);
        lows << (m.n > 1 ? m.low : std::nan(""));
        highs << (m.n > 1 ? m.high : std::nan(""));
        names << rows[r].method;
    }
    m_table->resizeColumnsToContents();
    if (!rows.isEmpty()) {
        const int bars = m_plot->addBars(infos[chart].label, x, heights, 0.6);
        m_plot->setBarIntervals(bars, lows, highs);
        m_plot->setXTickLabels(x, names);
        m_plot->setLabels(tr("Method"), infos[chart].label);
    }

    QString text;
    if (scope() == Scope::Video) {
        if (!current)
            text = tr("This video was not among those scored: score again.");
        else if (!current->error.isEmpty())
            text = tr("This video could not be scored: %1").arg(current->error);
        else if (rows.isEmpty())
            text = tr("No explanations of this video by this detector yet.");
        else
            text = tr("Means over the explained frames with 95 % intervals; the mask metrics where the folder gives masks.");
    } else {
        int explained = 0, failed = 0;
        for (const VideoMetrics &v : results.videos) {
            explained += v.methods.isEmpty() ? 0 : 1;
            failed += v.error.isEmpty() ? 0 : 1;
        }
        text = tr("%1 of %2 videos have explanations (open a video, or explain the whole folder); each video's mean counts once.")
                   .arg(explained)
                   .arg(results.videos.size());
        if (failed > 0)
            text += QLatin1Char(' ') + tr("%n could not be scored (see the CSV).", nullptr, failed);
        if (results.detection)
            text += QLatin1Char(' ') + tr("Detection over %1 labelled videos: ROC AUC %2, AP %3, log loss %4.")
                                           .arg(results.detection->videos)
                                           .arg(results.detection->rocAuc, 0, 'f', 3)
                                           .arg(results.detection->averagePrecision, 0, 'f', 3)
                                           .arg(results.detection->logLoss, 0, 'f', 3);
    }
    m_summary->setText(text);
}

void DeepfakeMetricsPanel::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the metrics"), QStringLiteral("explanation-metrics.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_metrics->results().writeCsv(path, &error))
        m_summary->setText(tr("%1 cannot be written: %2").arg(QFileInfo(path).fileName(), error));
    else
        m_summary->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace periscope::app
