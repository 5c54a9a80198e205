// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plotview/PlotView.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace periscope::widgets {

namespace {
// Colour-blind-safe categorical palette (Okabe-Ito).
const QColor kPalette[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(204, 121, 167),
                           QColor(86, 180, 233), QColor(213, 94, 0), QColor(240, 228, 66), QColor(0, 0, 0)};
} // namespace

PlotView::PlotView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("plotView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->legend->setVisible(false);
    styleAxes();
    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_cursor->setVisible(false);
    m_plot->installEventFilter(this);
    // After the layout has sized the axis rect and before anything is drawn.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (m_equalAspect)
            applyEqualAspect();
        placeLegend();
    });
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &range) {
        if (m_syncing)
            return;
        for (const QPointer<PlotView> &other : std::as_const(m_linked)) {
            if (!other)
                continue;
            other->m_syncing = true;
            other->m_plot->xAxis->setRange(range);
            other->m_plot->replot(QCustomPlot::rpQueuedReplot);
            other->m_syncing = false;
        }
    });
}

void PlotView::styleAxes()
{
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1));
        axis->grid()->setSubGridVisible(false);
        axis->setBasePen(QPen(QColor(90, 90, 90)));
        axis->setTickPen(QPen(QColor(90, 90, 90)));
        axis->setSubTickPen(Qt::NoPen);
    }
}

void PlotView::placeLegend()
{
    // The legend goes in the corner of the axes that covers the fewest data points (#23: it hid
    // the deletion curves where they mattered). Lines are judged by their points.
    if (!m_plot->legend->visible() || m_plot->graphCount() == 0)
        return;
    const QRect area = m_plot->axisRect()->rect();
    const QSize size = m_plot->legend->minimumOuterSizeHint() + QSize(12, 12); // and its margin
    const Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft, Qt::AlignBottom | Qt::AlignRight,
                                     Qt::AlignBottom | Qt::AlignLeft};
    Qt::Alignment best = corners[0];
    int fewest = -1;
    for (const Qt::Alignment corner : corners) {
        const QRect box(corner & Qt::AlignLeft ? area.left() : area.right() - size.width(),
                        corner & Qt::AlignTop ? area.top() : area.bottom() - size.height(), size.width(), size.height());
        int covered = 0;
        for (int g = 0; g < m_plot->graphCount(); ++g) {
            QCPGraph *graph = m_plot->graph(g);
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                covered += box.contains(graph->coordsToPixels(it->key, it->value).toPoint()) ? 1 : 0;
        }
        if (fewest < 0 || covered < fewest) {
            fewest = covered;
            best = corner;
        }
    }
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, best);
}

Qt::Alignment PlotView::legendCorner() const
{
    return m_plot->axisRect()->insetLayout()->insetAlignment(0);
}

QColor PlotView::nextColor()
{
    return kPalette[m_colorIndex++ % int(std::size(kPalette))];
}

void PlotView::setLabels(const QString &x, const QString &y, const QString &title)
{
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
    if (!title.isEmpty()) {
        if (m_plot->plotLayout()->rowCount() == 1) {
            m_plot->plotLayout()->insertRow(0);
            m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, title, QFont(font().family(), 11, QFont::Bold)));
        } else if (auto *text = qobject_cast<QCPTextElement *>(m_plot->plotLayout()->element(0, 0))) {
            text->setText(title);
        }
    }
    m_plot->replot();
}

QString PlotView::title() const
{
    if (m_plot->plotLayout()->rowCount() < 2)
        return {};
    auto *text = qobject_cast<QCPTextElement *>(m_plot->plotLayout()->element(0, 0));
    return text ? text->text() : QString();
}

int PlotView::addLine(const QString &name, const QVector<double> &x, const QVector<double> &y, QColor color)
{
    QCPGraph *graph = m_plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(color.isValid() ? color : nextColor(), 2.0));
    graph->setData(x, y);
    m_plot->legend->setVisible(m_plot->graphCount() > 1);
    m_plot->rescaleAxes();
    m_plot->replot();
    return m_plot->plottableCount() - 1;
}

int PlotView::addScatter(const QString &name, const QVector<double> &x, const QVector<double> &y, QColor color)
{
    QCPGraph *graph = m_plot->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsNone);
    const QColor c = color.isValid() ? color : nextColor();
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 6));
    graph->setData(x, y);
    m_plot->legend->setVisible(m_plot->graphCount() > 1); // which colour is which group
    m_plot->rescaleAxes();
    m_plot->replot();
    return m_plot->plottableCount() - 1;
}

int PlotView::addBars(const QString &name, const QVector<double> &x, const QVector<double> &heights, double width, QColor color)
{
    auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(name);
    const QColor c = color.isValid() ? color : nextColor();
    bars->setPen(QPen(c.darker(130)));
    bars->setBrush(c);
    bars->setWidth(width);
    bars->setData(x, heights);
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(std::min(0.0, m_plot->yAxis->range().lower));
    m_plot->replot();
    return m_plot->plottableCount() - 1;
}

void PlotView::setBarIntervals(int barSeries, const QVector<double> &low, const QVector<double> &high)
{
    auto *bars = qobject_cast<QCPBars *>(m_plot->plottable(barSeries));
    if (!bars || low.size() != bars->dataCount() || high.size() != bars->dataCount())
        return;
    auto *whiskers = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    whiskers->removeFromLegend();
    whiskers->setDataPlottable(bars);
    whiskers->setPen(QPen(palette().color(QPalette::WindowText), 1.5));
    QVector<double> below(low.size()), above(high.size());
    int i = 0;
    double top = m_plot->yAxis->range().upper, bottom = m_plot->yAxis->range().lower;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it, ++i) {
        // QCustomPlot draws no whisker for a NaN error.
        below[i] = std::isfinite(low[i]) ? std::max(0.0, it->value - low[i]) : std::nan("");
        above[i] = std::isfinite(high[i]) ? std::max(0.0, high[i] - it->value) : std::nan("");
        if (std::isfinite(high[i]))
            top = std::max(top, high[i]);
        if (std::isfinite(low[i]))
            bottom = std::min(bottom, low[i]);
    }
    whiskers->setData(below, above);
    m_plot->yAxis->setRange(bottom, top + 0.05 * (top - bottom));
    m_plot->replot();
}

void PlotView::setIntegerTicks(bool x, bool y)
{
    m_integerX = x;
    m_integerY = y;
    applyTickers();
    m_plot->replot();
}

// A step of 1, or a multiple of it where ones would crowd the axis.
void PlotView::applyTickers()
{
    auto make = [](bool integer) -> QSharedPointer<QCPAxisTicker> {
        if (!integer)
            return QSharedPointer<QCPAxisTicker>::create();
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        return ticker;
    };
    if (!m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>())
        m_plot->xAxis->setTicker(make(m_integerX));
    m_plot->yAxis->setTicker(make(m_integerY));
}

void PlotView::setXTickLabels(const QVector<double> &positions, const QStringList &labels)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < positions.size() && i < labels.size(); ++i)
        ticker->addTick(positions[i], labels[i]);
    m_plot->xAxis->setTicker(ticker);
    m_plot->replot();
}

int PlotView::addHistogram(const QString &name, const QVector<double> &values, int bins, double low, double high, QColor color)
{
    bins = std::max(1, bins);
    if (!(high > low) && !values.isEmpty()) {
        const auto [minimum, maximum] = std::minmax_element(values.begin(), values.end());
        low = *minimum;
        high = *maximum > *minimum ? *maximum : *minimum + 1.0;
    }
    const double width = (high - low) / bins;
    QVector<double> centres(bins), counts(bins, 0.0);
    for (int b = 0; b < bins; ++b)
        centres[b] = low + (b + 0.5) * width;
    for (const double v : values) {
        if (std::isnan(v) || v < low || v > high)
            continue;
        const int b = std::min(bins - 1, int((v - low) / width)); // the top edge belongs to the last bin
        counts[b] += 1.0;
    }
    return addBars(name, centres, counts, width, color);
}

void PlotView::setHeatmap(const QString &name, int columns, int rows, const QVector<double> &values, const QRectF &extent,
                          periscope::Colormap colormap, double low, double high)
{
    auto *map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    map->setName(name);
    map->data()->setSize(columns, rows);
    map->data()->setRange(QCPRange(extent.left(), extent.right()), QCPRange(extent.top(), extent.bottom()));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            map->data()->setCell(c, r, values.value(r * columns + c, std::nan("")));
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const auto &table = periscope::colormapTable(colormap);
    for (int i = 0; i < 256; i += 15)
        gradient.setColorStopAt(i / 255.0, QColor(table[std::size_t(i)].r, table[std::size_t(i)].g, table[std::size_t(i)].b));
    gradient.setColorStopAt(1.0, QColor(table[255].r, table[255].g, table[255].b));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    map->setGradient(gradient);
    map->setDataRange(QCPRange(low, high));
    map->setInterpolate(false);
    // One colour scale beside the plot, reused when the heatmap is set again.
    const int row = m_plot->plotLayout()->rowCount() - 1;
    auto *scale = m_plot->plotLayout()->hasElement(row, 1) ? qobject_cast<QCPColorScale *>(m_plot->plotLayout()->element(row, 1))
                                                           : nullptr;
    if (!scale) {
        scale = new QCPColorScale(m_plot);
        m_plot->plotLayout()->addElement(row, 1, scale);
    }
    scale->setType(QCPAxis::atRight);
    map->setColorScale(scale);
    scale->setGradient(gradient);
    scale->setDataRange(QCPRange(low, high));
    scale->setLabel(name); // what the colours count, on the scale itself
    m_aspectExtent = extent;
    m_plot->xAxis->setRange(extent.left(), extent.right());
    m_plot->yAxis->setRange(extent.top(), extent.bottom());
    m_plot->replot();
}

void PlotView::setEqualAspect(bool on)
{
    m_equalAspect = on;
    if (on) {
        const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
        m_aspectExtent = QRectF(x.lower, y.lower, x.size(), y.size());
    }
    m_plot->setInteractions(on ? QCP::Interactions() : QCP::Interactions(QCP::iRangeZoom | QCP::iRangeDrag));
    m_plot->replot();
}

void PlotView::applyEqualAspect()
{
    const QRect rect = m_plot->axisRect()->rect();
    if (rect.width() < 2 || rect.height() < 2 || m_aspectExtent.width() <= 0 || m_aspectExtent.height() <= 0)
        return;
    // Units per pixel: the larger of the two fits the extent on both axes.
    const double unit = std::max(m_aspectExtent.width() / rect.width(), m_aspectExtent.height() / rect.height());
    const QPointF centre = m_aspectExtent.center();
    m_plot->xAxis->setRange(centre.x(), unit * rect.width(), Qt::AlignCenter);
    m_plot->yAxis->setRange(centre.y(), unit * rect.height(), Qt::AlignCenter);
}

void PlotView::appendPoint(int series, double x, double y)
{
    auto *graph = qobject_cast<QCPGraph *>(m_plot->plottable(series));
    if (!graph)
        return;
    graph->addData(x, y);
    m_plot->rescaleAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot); // many points a second: coalesce repaints
}

void PlotView::clear()
{
    m_plot->clearPlottables();
    QCPLayoutGrid *layout = m_plot->plotLayout();
    for (int row = 0; row < layout->rowCount(); ++row)
        if (layout->hasElement(row, 1))
            if (auto *scale = qobject_cast<QCPColorScale *>(layout->element(row, 1)))
                layout->remove(scale);
    layout->simplify();
    if (m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>())
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    if (m_integerX || m_integerY) // other plots keep tickers their owners set
        applyTickers();
    m_colorIndex = 0;
    m_plot->replot();
}

int PlotView::seriesCount() const
{
    return m_plot->plottableCount();
}

QVector<double> PlotView::seriesValues(int series) const
{
    QVector<double> values;
    if (auto *graph = qobject_cast<QCPGraph *>(m_plot->plottable(series))) {
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            values << it->value;
    } else if (auto *bars = qobject_cast<QCPBars *>(m_plot->plottable(series))) {
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            values << it->value;
    }
    return values;
}

void PlotView::setCursorX(double x)
{
    m_cursorX = x;
    m_cursor->point1->setCoords(x, 0);
    m_cursor->point2->setCoords(x, 1);
    m_cursor->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT cursorMoved(x);
}

void PlotView::linkXAxis(PlotView *other)
{
    if (!other || other == this || m_linked.contains(other))
        return;
    m_linked.append(other);
    other->m_linked.append(this);
    other->m_plot->xAxis->setRange(m_plot->xAxis->range());
    other->m_plot->replot();
}

bool PlotView::eventFilter(QObject *watched, QEvent *event)
{
    // Shift + click or drag places the cursor; plain drags pan the x-axis.
    if (watched == m_plot && (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseMove ||
                              event->type() == QEvent::MouseButtonRelease)) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (event->type() == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton && mouse->modifiers() & Qt::ShiftModifier)
            m_draggingCursor = true;
        if (m_draggingCursor && event->type() != QEvent::MouseButtonRelease) {
            setCursorX(m_plot->xAxis->pixelToCoord(mouse->position().x()));
            return true;
        }
        if (m_draggingCursor && event->type() == QEvent::MouseButtonRelease) {
            m_draggingCursor = false;
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool PlotView::exportTo(const QString &path, QString *error, double scale)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    layout()->activate(); // a plot never shown has not been given its size yet
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = m_plot->savePng(path, m_plot->width(), m_plot->height(), scale);
    } else if (suffix == QLatin1String("pdf")) {
        ok = m_plot->savePdf(path, m_plot->width(), m_plot->height());
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), m_plot->size()));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
            ok = painter.end();
        }
    } else if (error) {
        *error = tr("Unsupported plot format '%1' (use png, svg or pdf)").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = tr("Cannot write %1").arg(path);
    return ok;
}

} // namespace periscope::widgets
