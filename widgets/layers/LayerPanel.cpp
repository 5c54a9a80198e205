// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layers/LayerPanel.h"

#include "widgets/layers/LayerModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QListView>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <QAbstractProxyModel>

namespace periscope::widgets {

// Shows the model's rows in reverse, so the top layer is listed first. Structural changes are
// forwarded as resets (reversal renumbers every row); data changes are mapped row by row.
class TopFirstProxy : public QAbstractProxyModel {
public:
    using QAbstractProxyModel::QAbstractProxyModel;

    void setSourceModel(QAbstractItemModel *source) override
    {
        QAbstractProxyModel::setSourceModel(source);
        auto begin = [this] { beginResetModel(); };
        auto end = [this] { endResetModel(); };
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
        connect(source, &QAbstractItemModel::rowsInserted, this, end);
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
        connect(source, &QAbstractItemModel::rowsRemoved, this, end);
        connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
        connect(source, &QAbstractItemModel::rowsMoved, this, end);
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, begin);
        connect(source, &QAbstractItemModel::modelReset, this, end);
        connect(source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                    Q_EMIT dataChanged(mapFromSource(bottomRight), mapFromSource(topLeft), roles);
                });
    }
    QModelIndex mapToSource(const QModelIndex &proxy) const override
    {
        if (!proxy.isValid() || !sourceModel())
            return {};
        return sourceModel()->index(sourceModel()->rowCount() - 1 - proxy.row(), 0);
    }
    QModelIndex mapFromSource(const QModelIndex &source) const override
    {
        if (!source.isValid() || !sourceModel())
            return {};
        return createIndex(sourceModel()->rowCount() - 1 - source.row(), 0);
    }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || !sourceModel() ? 0 : sourceModel()->rowCount();
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || row < 0 || row >= rowCount() || column != 0 ? QModelIndex() : createIndex(row, column);
    }
    QModelIndex parent(const QModelIndex &) const override { return {}; }
};

namespace {
const std::pair<const char *, QPainter::CompositionMode> kBlendModes[] = {
    {QT_TRANSLATE_NOOP("periscope::widgets::LayerPanel", "Normal"), QPainter::CompositionMode_SourceOver},
    {QT_TRANSLATE_NOOP("periscope::widgets::LayerPanel", "Multiply"), QPainter::CompositionMode_Multiply},
    {QT_TRANSLATE_NOOP("periscope::widgets::LayerPanel", "Screen"), QPainter::CompositionMode_Screen},
    {QT_TRANSLATE_NOOP("periscope::widgets::LayerPanel", "Overlay"), QPainter::CompositionMode_Overlay},
    {QT_TRANSLATE_NOOP("periscope::widgets::LayerPanel", "Difference"), QPainter::CompositionMode_Difference},
};
} // namespace

LayerPanel::LayerPanel(LayerModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new TopFirstProxy(this)), m_list(new QListView(this)),
      m_opacity(new QSlider(Qt::Horizontal, this)), m_blend(new QComboBox(this)), m_colormap(new QComboBox(this)),
      m_low(new QDoubleSpinBox(this)), m_high(new QDoubleSpinBox(this)), m_raise(new QToolButton(this)),
      m_lower(new QToolButton(this))
{
    setObjectName(QStringLiteral("layerPanel"));
    m_proxy->setSourceModel(model);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_opacity->setRange(0, 100);
    m_opacity->setPageStep(10);
    for (const auto &[name, mode] : kBlendModes)
        m_blend->addItem(tr(name), int(mode));
    for (const std::string &name : periscope::colormapNames())
        m_colormap->addItem(QString::fromStdString(name), QString::fromStdString(name));
    for (QDoubleSpinBox *box : {m_low, m_high}) {
        box->setRange(-1e9, 1e9);
        box->setDecimals(4);
        box->setKeyboardTracking(false);
    }
    m_raise->setArrowType(Qt::UpArrow);
    m_raise->setToolTip(tr("Move the layer up"));
    m_lower->setArrowType(Qt::DownArrow);
    m_lower->setToolTip(tr("Move the layer down"));

    auto *order = new QHBoxLayout;
    order->addStretch();
    order->addWidget(m_raise);
    order->addWidget(m_lower);
    auto *form = new QFormLayout;
    form->addRow(tr("Opacity:"), m_opacity);
    form->addRow(tr("Blend:"), m_blend);
    form->addRow(tr("Colormap:"), m_colormap);
    auto *range = new QHBoxLayout;
    range->addWidget(m_low);
    range->addWidget(m_high);
    form->addRow(tr("Range:"), range);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list);
    layout->addLayout(order);
    layout->addLayout(form);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayerPanel::syncControls);
    connect(model, &LayerModel::dataChanged, this, &LayerPanel::syncControls);
    connect(model, &LayerModel::rowsMoved, this, &LayerPanel::syncControls);
    connect(model, &LayerModel::modelReset, this, &LayerPanel::syncControls);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (!m_syncing && selectedLayerRow() >= 0)
            m_model->setOpacity(selectedLayerRow(), value / 100.0);
    });
    connect(m_blend, &QComboBox::currentIndexChanged, this, [this](int) {
        if (!m_syncing && selectedLayerRow() >= 0)
            m_model->setBlendMode(selectedLayerRow(), QPainter::CompositionMode(m_blend->currentData().toInt()));
    });
    connect(m_colormap, &QComboBox::currentIndexChanged, this, [this](int) {
        if (!m_syncing && selectedLayerRow() >= 0)
            m_model->setData(m_model->index(selectedLayerRow()), m_colormap->currentData(), LayerModel::ColormapRole);
    });
    auto applyRange = [this] {
        if (!m_syncing && selectedLayerRow() >= 0)
            m_model->setRange(selectedLayerRow(), m_low->value(), m_high->value());
    };
    connect(m_low, &QDoubleSpinBox::valueChanged, this, applyRange);
    connect(m_high, &QDoubleSpinBox::valueChanged, this, applyRange);
    connect(m_raise, &QToolButton::clicked, this, [this] {
        const int row = selectedLayerRow();
        if (row >= 0 && row + 1 < m_model->count()) {
            m_model->moveLayer(row, row + 1);
            selectLayer(row + 1);
        }
    });
    connect(m_lower, &QToolButton::clicked, this, [this] {
        const int row = selectedLayerRow();
        if (row > 0) {
            m_model->moveLayer(row, row - 1);
            selectLayer(row - 1);
        }
    });
    syncControls();
}

int LayerPanel::selectedLayerRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_list->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void LayerPanel::selectLayer(int modelRow)
{
    m_list->setCurrentIndex(m_proxy->mapFromSource(m_model->index(modelRow)));
}

void LayerPanel::syncControls()
{
    m_syncing = true;
    const int row = selectedLayerRow();
    const bool has = row >= 0;
    const bool isMap = has && m_model->layer(row).kind == LayerKind::ScalarMap;
    for (QWidget *w : std::initializer_list<QWidget *>{m_opacity, m_blend, m_raise, m_lower})
        w->setEnabled(has);
    for (QWidget *w : std::initializer_list<QWidget *>{m_colormap, m_low, m_high})
        w->setEnabled(isMap);
    if (has) {
        const Layer &layer = m_model->layer(row);
        m_opacity->setValue(int(std::lround(layer.opacity * 100.0)));
        m_blend->setCurrentIndex(std::max(0, m_blend->findData(int(layer.blendMode))));
        m_colormap->setCurrentIndex(std::max(0, m_colormap->findData(QString::fromStdString(periscope::toString(layer.colormap)))));
        m_low->setValue(layer.low);
        m_high->setValue(layer.high);
        m_raise->setEnabled(row + 1 < m_model->count());
        m_lower->setEnabled(row > 0);
    }
    m_syncing = false;
}

} // namespace periscope::widgets
