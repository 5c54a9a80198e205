// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/color/Colormap.h"

#include <QColor>
#include <QPointer>
#include <QRectF>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;

namespace periscope::widgets {

// Plots in the project's look: line, scatter, bar, histogram and heatmap series over QCustomPlot,
// a vertical cursor the user drags (a frame, a step, a threshold), x-axes linked across plots,
// points appended live (training curves), and export to PNG, SVG and PDF.
class PlotView : public QWidget {
    Q_OBJECT
public:
    explicit PlotView(QWidget *parent = nullptr);

    void setLabels(const QString &x, const QString &y, const QString &title = {});
    QString title() const; // the title above the plot; empty without one
    // Each returns the series index. An invalid colour takes the next from the palette.
    int addLine(const QString &name, const QVector<double> &x, const QVector<double> &y, QColor color = {});
    int addScatter(const QString &name, const QVector<double> &x, const QVector<double> &y, QColor color = {});
    int addBars(const QString &name, const QVector<double> &x, const QVector<double> &heights, double width, QColor color = {});
    // Counts of `values` in `bins` equal bins over [low, high] (the data's range when low >= high).
    int addHistogram(const QString &name, const QVector<double> &values, int bins, double low = 0, double high = 0, QColor color = {});
    // rows x columns values (row-major) spread over `extent` in plot coordinates, with a colour scale.
    void setHeatmap(const QString &name, int columns, int rows, const QVector<double> &values, const QRectF &extent,
                    periscope::Colormap colormap, double low, double high);
    // Whiskers from low to high on each bar of a bar series (95 % intervals); NaN: none on that bar.
    // The whiskers are drawn by a plottable of their own, so seriesCount() grows by one.
    void setBarIntervals(int barSeries, const QVector<double> &low, const QVector<double> &high);
    // Ticks only on whole numbers (node, atom, feature, epoch indices): never 2.5 on an axis of
    // things that come in ones. Kept until changed; clear() keeps it too.
    void setIntegerTicks(bool x, bool y);
    // One scale on both axes (a plane: the a/b colour plane, a map): the axis that has room to
    // spare shows more around the data instead of stretching it. The data's extent is the
    // heatmap's, or the axes' ranges when this is turned on. Wheel zoom is off while it is on.
    void setEqualAspect(bool on);
    // Text instead of numbers under the x axis (categories: methods, conditions).
    void setXTickLabels(const QVector<double> &positions, const QStringList &labels);
    void appendPoint(int series, double x, double y); // live: rescales as it goes
    void clear();

    int seriesCount() const;
    QVector<double> seriesValues(int series) const; // the y (or bar heights) of a line, scatter or bar series

    void setCursorX(double x);
    double cursorX() const { return m_cursorX; }
    void linkXAxis(PlotView *other);

    // PNG (at `scale` times the widget's pixels), SVG or PDF, by suffix. False + *error on failure.
    bool exportTo(const QString &path, QString *error, double scale = 2.0);

    QCustomPlot *plot() const { return m_plot; }
    // The corner of the axes the legend stands in: the one that covers the fewest data points.
    Qt::Alignment legendCorner() const;

Q_SIGNALS:
    void cursorMoved(double x);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QColor nextColor();
    void styleAxes();
    void applyTickers();
    void applyEqualAspect();
    void placeLegend();

    QCustomPlot *m_plot;
    QCPItemStraightLine *m_cursor = nullptr;
    double m_cursorX = 0.0;
    bool m_draggingCursor = false;
    int m_colorIndex = 0;
    QList<QPointer<PlotView>> m_linked;
    bool m_syncing = false;
    bool m_integerX = false, m_integerY = false;
    bool m_equalAspect = false;
    QRectF m_aspectExtent; // x: left..right, y: top..bottom, in plot units
};

} // namespace periscope::widgets
