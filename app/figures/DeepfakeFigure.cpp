// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/DeepfakeFigure.h"

#include "app/figures/ImageConversion.h"
#include "engine/core/color/Colormap.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {
// The grid's measures in points at its preferred size; drawing scales them to the target.
constexpr double kCell = 100.0;       // a square
constexpr double kGap = 3.0;          // between squares
constexpr double kLabelWidth = 78.0;  // the row labels' column
constexpr double kHeader = 30.0;      // a frame's two header lines
constexpr double kKey = 26.0;         // the colormap's key under the grid

class DeepfakeGridPanel : public FigurePanel {
public:
    explicit DeepfakeGridPanel(const deepfake::ExplanationFigureData &data)
    {
        for (const deepfake::ExplanationFigureFrame &frame : data.frames) {
            m_faces << toQImage(frame.face);
            m_headers << QCoreApplication::translate("periscope::app::DeepfakeFigure", "Frame %1 · %2")
                             .arg(frame.index)
                             .arg(figureTimecode(frame.time));
        }
        for (const deepfake::ExplanationFigureMethod &method : data.methods) {
            m_methods << explanationMethodLabel(QString::fromStdString(method.method));
            QList<QImage> row;
            for (const Image &overlay : method.overlays)
                row << toQImage(overlay);
            m_overlays << row;
            m_empty << QList<bool>(method.empty.begin(), method.empty.end());
        }
        // The score line: the first method's score (every method explains the same detector).
        for (std::size_t f = 0; f < data.frames.size(); ++f) {
            const std::optional<double> score =
                data.methods.empty() || f >= data.methods.front().scores.size() ? std::nullopt : data.methods.front().scores[f];
            m_scores << (score ? QCoreApplication::translate("periscope::app::DeepfakeFigure", "P(fake) %1").arg(*score, 0, 'f', 3)
                               : QCoreApplication::translate("periscope::app::DeepfakeFigure", "no score"));
        }
        for (const Rgb8 &rgb : colormapTable(data.colormap))
            m_key.push_back(QColor(rgb.r, rgb.g, rgb.b));
    }

    QSizeF preferredSize() const override
    {
        const double columns = std::max<qsizetype>(1, m_faces.size());
        const double rows = 1.0 + double(m_methods.size());
        return {kLabelWidth + columns * (kCell + kGap), kHeader + rows * (kCell + kGap) + kKey};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const double scale = target.width() / preferredSize().width();
        const double cell = kCell * scale, gap = kGap * scale, label = kLabelWidth * scale, header = kHeader * scale;
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.setPen(Qt::black);
        // Headers: two lines per frame, as large as the widest allows.
        QStringList headerTexts = m_headers;
        headerTexts << m_scores;
        painter.setFont(fittedFont(figureFont(std::max(3.0, header * 0.3)), headerTexts, cell * 0.98, painter));
        for (int f = 0; f < m_faces.size(); ++f) {
            const double x = target.left() + label + f * (cell + gap);
            painter.drawText(QRectF(x, target.top(), cell, header / 2), Qt::AlignHCenter | Qt::AlignBottom, m_headers[f]);
            painter.drawText(QRectF(x, target.top() + header / 2, cell, header / 2), Qt::AlignHCenter | Qt::AlignVCenter, m_scores[f]);
        }
        // Row labels, then the squares.
        QStringList labels = m_methods;
        labels << QCoreApplication::translate("periscope::app::DeepfakeFigure", "Face");
        painter.setFont(fittedFont(figureFont(std::max(3.0, cell * 0.11)), labels, label * 0.94, painter));
        for (int row = 0; row <= m_methods.size(); ++row) {
            const double y = target.top() + header + row * (cell + gap);
            const QString name = row == 0 ? QCoreApplication::translate("periscope::app::DeepfakeFigure", "Face") : m_methods[row - 1];
            painter.drawText(QRectF(target.left(), y, label * 0.95, cell), Qt::AlignRight | Qt::AlignVCenter, name);
            const QList<QImage> &images = row == 0 ? m_faces : m_overlays[row - 1];
            for (int f = 0; f < images.size(); ++f)
                painter.drawImage(QRectF(target.left() + label + f * (cell + gap), y, cell, cell), images[f]);
        }
        // A map with nothing positive (Grad-CAM of a face the detector calls real, often) shows
        // the face alone; say so, or it reads as a missing image.
        const QString nothing = QCoreApplication::translate("periscope::app::DeepfakeFigure", "nothing positive");
        const double band = cell * 0.16;
        painter.setFont(fittedFont(figureFont(std::max(3.0, band * 0.55)), {nothing}, cell * 0.9, painter));
        for (int row = 0; row < m_methods.size(); ++row)
            for (int f = 0; f < m_empty.value(row).size(); ++f) {
                if (!m_empty[row][f])
                    continue;
                const QRectF strip(target.left() + label + f * (cell + gap), target.top() + header + (row + 1) * (cell + gap) + cell - band,
                                   cell, band);
                painter.fillRect(strip, QColor(255, 255, 255, 200));
                painter.setPen(Qt::black);
                painter.drawText(strip, Qt::AlignCenter, nothing);
            }
        // The key: the colormap from zero to each map's own largest value.
        const double keyTop = target.top() + header + (1 + m_methods.size()) * (cell + gap) + gap;
        const double keyLeft = target.left() + label, keyWidth = std::max(cell, target.right() - keyLeft - gap);
        const double barHeight = kKey * scale * 0.3;
        const int steps = 64;
        painter.setPen(Qt::NoPen);
        for (int i = 0; i < steps; ++i)
            painter.fillRect(QRectF(keyLeft + keyWidth * i / steps, keyTop, keyWidth / steps + 0.5 * scale, barHeight),
                             m_key[std::size_t(i * 255 / (steps - 1))]);
        painter.setPen(Qt::black);
        const QString zero = QCoreApplication::translate("periscope::app::DeepfakeFigure", "0");
        const QString high =
            QCoreApplication::translate("periscope::app::DeepfakeFigure", "each map's largest value (maps blended over the face by value)");
        painter.setFont(fittedFont(figureFont(std::max(3.0, kKey * scale * 0.3)), {high}, keyWidth * 0.9, painter));
        const QRectF textRow(keyLeft, keyTop + barHeight, keyWidth, kKey * scale * 0.6);
        painter.drawText(textRow, Qt::AlignLeft | Qt::AlignVCenter, zero);
        painter.drawText(textRow, Qt::AlignRight | Qt::AlignVCenter, high);
        painter.restore();
    }

private:
    QList<QImage> m_faces;
    QStringList m_headers, m_scores, m_methods;
    QList<QList<QImage>> m_overlays;
    QList<QList<bool>> m_empty;
    std::vector<QColor> m_key;
};

class DeepfakeMetricsTablePanel : public FigurePanel {
public:
    explicit DeepfakeMetricsTablePanel(const QVector<DeepfakeMetricsRow> &rows)
    {
        // Only the metrics some method has: the mask's need a mask.
        QVector<ExplanationMetricInfo> shown;
        for (const ExplanationMetricInfo &info : explanationMetricInfos()) {
            const auto has = [&](const DeepfakeMetricsRow &r) { return info.of(r.summary).n > 0; };
            if (std::any_of(rows.begin(), rows.end(), has)) {
                shown << info;
                m_columns << info.label;
            }
        }
        for (const DeepfakeMetricsRow &row : rows) {
            QStringList cells{explanationMethodLabel(row.method)};
            for (const ExplanationMetricInfo &info : shown) {
                const MeanInterval &m = info.of(row.summary);
                cells << (m.n > 0 && std::isfinite(m.mean)
                              ? QStringLiteral("%1 [%2, %3]").arg(m.mean, 0, 'f', 3).arg(m.low, 0, 'f', 3).arg(m.high, 0, 'f', 3)
                              : QStringLiteral("–"));
            }
            m_rows << cells;
        }
    }

    QSizeF preferredSize() const override
    {
        return {kMethodColumn + kMetricColumn * double(std::max<qsizetype>(1, m_columns.size())),
                kHeaderRow + kRow * double(std::max<qsizetype>(1, m_rows.size()))};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const double scale = target.width() / preferredSize().width();
        const double method = kMethodColumn * scale, metric = kMetricColumn * scale, header = kHeaderRow * scale, row = kRow * scale;
        painter.save();
        painter.setPen(Qt::black);
        QStringList headerWords;
        for (const QString &column : m_columns)
            headerWords << column.split(QLatin1Char(' '));
        QFont headerFont = fittedFont(figureFont(std::max(3.0, row * 0.42), true), headerWords, metric * 0.95, painter);
        QStringList cells;
        for (const QStringList &r : m_rows)
            cells << r.mid(1);
        QFont cellFont = fittedFont(figureFont(std::max(3.0, row * 0.42)), cells, metric * 0.95, painter);
        QStringList methods;
        for (const QStringList &r : m_rows)
            methods << r.value(0);
        QFont methodFont = fittedFont(figureFont(std::max(3.0, row * 0.42), true), methods, method * 0.95, painter);
        painter.setFont(headerFont);
        for (int c = 0; c < m_columns.size(); ++c)
            painter.drawText(QRectF(target.left() + method + c * metric, target.top(), metric, header),
                             Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, m_columns[c]);
        painter.setPen(QPen(Qt::black, std::max(0.5, 0.8 * scale)));
        painter.drawLine(QPointF(target.left(), target.top() + header), QPointF(target.right(), target.top() + header));
        for (int r = 0; r < m_rows.size(); ++r) {
            const double y = target.top() + header + r * row;
            painter.setFont(methodFont);
            painter.drawText(QRectF(target.left(), y, method * 0.97, row), Qt::AlignLeft | Qt::AlignVCenter, m_rows[r].value(0));
            painter.setFont(cellFont);
            for (int c = 0; c < m_columns.size(); ++c)
                painter.drawText(QRectF(target.left() + method + c * metric, y, metric, row), Qt::AlignHCenter | Qt::AlignVCenter,
                                 m_rows[r].value(c + 1));
        }
        painter.restore();
    }

private:
    static constexpr double kMethodColumn = 90.0, kMetricColumn = 95.0, kHeaderRow = 30.0, kRow = 16.0;
    QStringList m_columns;
    QList<QStringList> m_rows;
};
} // namespace

QString explanationMethodLabel(const QString &method)
{
    if (method == QLatin1String("gradcam"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "Grad-CAM");
    if (method == QLatin1String("gradcampp"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "Grad-CAM++");
    if (method == QLatin1String("ig"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "Integrated Gradients");
    if (method == QLatin1String("smoothgrad"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "SmoothGrad");
    if (method == QLatin1String("occlusion"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "Occlusion");
    if (method == QLatin1String("rollout"))
        return QCoreApplication::translate("periscope::app::DeepfakeView", "Attention rollout");
    return method;
}

QVector<ExplanationMetricInfo> explanationMetricInfos()
{
    using S = deepfake::ExplanationSummary;
    return {
        {QStringLiteral("spatial_smoothness"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Spatial smoothness"),
         [](const S &s) -> const MeanInterval & { return s.spatialSmoothness; }},
        {QStringLiteral("temporal_smoothness"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Temporal smoothness"),
         [](const S &s) -> const MeanInterval & { return s.temporalSmoothness; }},
        {QStringLiteral("sparsity"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Sparsity (Gini)"),
         [](const S &s) -> const MeanInterval & { return s.sparsity; }},
        {QStringLiteral("locality"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Locality (mass on the face)"),
         [](const S &s) -> const MeanInterval & { return s.locality; }},
        {QStringLiteral("mask_mass"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Mass in the mask"),
         [](const S &s) -> const MeanInterval & { return s.maskMass; }},
        {QStringLiteral("mask_auc"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Mask ROC AUC"),
         [](const S &s) -> const MeanInterval & { return s.maskAuc; }},
        {QStringLiteral("mask_top_k_iou"), QCoreApplication::translate("periscope::app::DeepfakeMetrics", "Mask top-k IoU"),
         [](const S &s) -> const MeanInterval & { return s.maskTopKIoU; }},
    };
}

QString figureTimecode(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    const int minutes = int(seconds / 60.0);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds - 60.0 * minutes, 5, 'f', 2, QLatin1Char('0'));
}

std::unique_ptr<FigurePanel> deepfakeGridPanel(const deepfake::ExplanationFigureData &data)
{
    return std::make_unique<DeepfakeGridPanel>(data);
}

std::unique_ptr<FigurePanel> deepfakeMetricsTablePanel(const QVector<DeepfakeMetricsRow> &rows)
{
    return std::make_unique<DeepfakeMetricsTablePanel>(rows);
}

bool exportDeepfakeFigure(const deepfake::ExplanationFigureData &data, const QVector<DeepfakeMetricsRow> &rows, FigureOptions options,
                          const QString &path, QString *error)
{
    std::vector<std::unique_ptr<FigurePanel>> panels;
    panels.push_back(deepfakeGridPanel(data));
    panels.push_back(deepfakeMetricsTablePanel(rows));
    options.widthInches = std::max(options.widthInches, 2.0 + 1.3 * double(data.frames.size()));
    return exportFigure(panelList(panels), 1, options, path, error);
}

} // namespace periscope::app
