// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layers/LayerModel.h"

#include <QUndoCommand>

#include <cmath>

namespace periscope::widgets {

QString toString(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Image: return QStringLiteral("image");
    case LayerKind::ScalarMap: return QStringLiteral("scalar");
    case LayerKind::Labels: return QStringLiteral("labels");
    case LayerKind::Vector: return QStringLiteral("vector");
    }
    return {};
}

QSize Layer::size() const
{
    if (kind == LayerKind::Image)
        return image.size();
    if (kind == LayerKind::ScalarMap || kind == LayerKind::Labels)
        return QSize(values.width(), values.height());
    return {};
}

// Replaces a layer's settings by id, so it still finds its layer after reordering.
class LayerEditCommand : public QUndoCommand {
public:
    LayerEditCommand(LayerModel *model, const Layer &before, const Layer &after, const QString &text, QVector<int> roles)
        : QUndoCommand(text), m_model(model), m_before(before), m_after(after), m_roles(std::move(roles))
    {
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }
    // Consecutive opacity changes of one layer (a slider drag) undo as one step.
    int id() const override { return m_roles == QVector<int>{LayerModel::OpacityRole} ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const LayerEditCommand *>(other);
        if (next->m_after.id != m_after.id)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    void apply(const Layer &layer)
    {
        const int row = m_model->rowOf(layer.id);
        if (row >= 0)
            m_model->applyLayer(row, layer, m_roles);
    }
    LayerModel *m_model;
    Layer m_before, m_after;
    QVector<int> m_roles;
};

class LayerMoveCommand : public QUndoCommand {
public:
    LayerMoveCommand(LayerModel *model, int from, int to)
        : QUndoCommand(LayerModel::tr("Move Layer")), m_model(model), m_from(from), m_to(to)
    {
    }
    void redo() override { m_model->applyMove(m_from, m_to); }
    void undo() override { m_model->applyMove(m_to, m_from); }

private:
    LayerModel *m_model;
    int m_from, m_to;
};

LayerModel::LayerModel(QObject *parent) : QAbstractListModel(parent) {}

void LayerModel::addLayer(const Layer &layer)
{
    const int row = int(m_layers.size());
    beginInsertRows({}, row, row);
    m_layers.append(layer);
    endInsertRows();
    Q_EMIT layersChanged();
}

void LayerModel::replaceLayer(const Layer &layer)
{
    const int row = rowOf(layer.id);
    if (row < 0) {
        addLayer(layer);
        return;
    }
    Layer updated = layer;
    const Layer &old = m_layers.at(row);
    updated.name = old.name;
    updated.visible = old.visible;
    updated.opacity = old.opacity;
    updated.blendMode = old.blendMode;
    m_layers[row] = updated;
    m_renderCache.remove(layer.id);
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT layersChanged();
}

bool LayerModel::removeLayer(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_layers.removeAt(row);
    m_renderCache.remove(id);
    endRemoveRows();
    Q_EMIT layersChanged();
    return true;
}

void LayerModel::clear()
{
    beginResetModel();
    m_layers.clear();
    m_renderCache.clear();
    endResetModel();
    Q_EMIT layersChanged();
}

const Layer *LayerModel::layer(const QString &id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_layers.at(row) : nullptr;
}

int LayerModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_layers.size(); ++row)
        if (m_layers.at(row).id == id)
            return row;
    return -1;
}

QSize LayerModel::imageSize() const
{
    QSize size;
    for (const Layer &l : m_layers)
        size = size.expandedTo(l.size());
    return size;
}

QImage LayerModel::rendered(int row) const
{
    const Layer &l = m_layers.at(row);
    auto cached = m_renderCache.constFind(l.id);
    if (cached != m_renderCache.constEnd())
        return *cached;
    QImage out;
    if (l.kind == LayerKind::Image) {
        out = l.image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    } else if (l.kind == LayerKind::ScalarMap || l.kind == LayerKind::Labels) {
        const periscope::Image &v = l.values;
        out = QImage(v.width(), v.height(), QImage::Format_ARGB32_Premultiplied);
        out.fill(Qt::transparent);
        const auto &table = periscope::colormapTable(l.colormap);
        const double span = l.high > l.low ? l.high - l.low : 1.0;
        for (int y = 0; y < v.height(); ++y) {
            QRgb *line = reinterpret_cast<QRgb *>(out.scanLine(y));
            for (int x = 0; x < v.width(); ++x) {
                const float value = v.sample(x, y, 0);
                if (std::isnan(value))
                    continue;
                if (l.kind == LayerKind::ScalarMap) {
                    const int i = int(std::lround(std::clamp((double(value) - l.low) / span, 0.0, 1.0) * 255.0));
                    line[x] = qRgb(table[std::size_t(i)].r, table[std::size_t(i)].g, table[std::size_t(i)].b);
                } else {
                    const int label = int(value);
                    if (label <= 0 || l.labelColors.isEmpty())
                        continue; // background
                    line[x] = qPremultiply(l.labelColors.at(label % l.labelColors.size()).rgba()); // the image is premultiplied: a faint label stays faint
                }
            }
        }
    }
    m_renderCache.insert(l.id, out);
    return out;
}

QString LayerModel::valueAt(int row, QPoint p) const
{
    const Layer &l = m_layers.at(row);
    const QSize size = l.size();
    if (p.x() < 0 || p.y() < 0 || p.x() >= size.width() || p.y() >= size.height())
        return {};
    switch (l.kind) {
    case LayerKind::Image: {
        const QColor c = l.image.pixelColor(p);
        return l.image.hasAlphaChannel() ? QStringLiteral("R %1 G %2 B %3 A %4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha())
                                         : QStringLiteral("R %1 G %2 B %3").arg(c.red()).arg(c.green()).arg(c.blue());
    }
    case LayerKind::ScalarMap: return QString::number(l.values.sample(p.x(), p.y(), 0), 'g', 4);
    case LayerKind::Labels: {
        const int label = int(l.values.sample(p.x(), p.y(), 0));
        const QString name = label >= 0 && label < l.labelNames.size() ? l.labelNames.at(label) : QString();
        return name.isEmpty() ? QString::number(label) : QStringLiteral("%1: %2").arg(label).arg(name);
    }
    case LayerKind::Vector: return {};
    }
    return {};
}

namespace {
double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF closest = a + t * ab;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
}
} // namespace

LayerModel::VectorHit LayerModel::hitTest(const QPointF &point, double tolerance) const
{
    for (int row = int(m_layers.size()) - 1; row >= 0; --row) {
        const Layer &l = m_layers.at(row);
        if (!l.visible || l.kind != LayerKind::Vector)
            continue;
        for (int i = int(l.items.size()) - 1; i >= 0; --i) {
            const VectorItem &item = l.items.at(i);
            bool hit = false;
            switch (item.shape) {
            case VectorItem::Shape::Box:
                hit = item.box.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(point);
                break;
            case VectorItem::Shape::Point:
            case VectorItem::Shape::Text:
                hit = !item.points.isEmpty() && QLineF(item.points.first(), point).length() <= tolerance * 2;
                break;
            case VectorItem::Shape::Polyline:
            case VectorItem::Shape::Edge:
                for (int k = 1; k < item.points.size() && !hit; ++k)
                    hit = distanceToSegment(point, item.points.at(k - 1), item.points.at(k)) <= tolerance;
                break;
            }
            if (hit)
                return {row, i};
        }
    }
    return {};
}

void LayerModel::applyLayer(int row, const Layer &layer, const QVector<int> &roles)
{
    const bool pixelsChange = roles.contains(ColormapRole) || roles.contains(LowRole) || roles.contains(HighRole);
    m_layers[row] = layer;
    if (pixelsChange)
        m_renderCache.remove(layer.id);
    Q_EMIT dataChanged(index(row), index(row), roles);
    Q_EMIT layersChanged();
}

void LayerModel::applyMove(int from, int to)
{
    if (from == to)
        return;
    // Qt's destination index counts positions before the move.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_layers.move(from, to);
    endMoveRows();
    Q_EMIT layersChanged();
}

void LayerModel::pushEdit(int row, const Layer &after, const QString &text, const QVector<int> &roles)
{
    if (m_undo)
        m_undo->push(new LayerEditCommand(this, m_layers.at(row), after, text, roles));
    else
        applyLayer(row, after, roles);
}

void LayerModel::setVisible(int row, bool visible)
{
    if (m_layers.at(row).visible == visible)
        return;
    Layer after = m_layers.at(row);
    after.visible = visible;
    pushEdit(row, after, visible ? tr("Show %1").arg(after.name) : tr("Hide %1").arg(after.name), {Qt::CheckStateRole});
}

void LayerModel::setOpacity(int row, double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (qFuzzyCompare(m_layers.at(row).opacity, opacity))
        return;
    Layer after = m_layers.at(row);
    after.opacity = opacity;
    pushEdit(row, after, tr("Change Opacity of %1").arg(after.name), {OpacityRole});
}

void LayerModel::rename(int row, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed == m_layers.at(row).name)
        return;
    Layer after = m_layers.at(row);
    after.name = trimmed;
    pushEdit(row, after, tr("Rename Layer"), {Qt::DisplayRole, Qt::EditRole});
}

void LayerModel::setColormap(int row, periscope::Colormap map)
{
    if (m_layers.at(row).colormap == map)
        return;
    Layer after = m_layers.at(row);
    after.colormap = map;
    pushEdit(row, after, tr("Change Colormap of %1").arg(after.name), {ColormapRole});
}

void LayerModel::setRange(int row, double low, double high)
{
    if (!(high > low))
        return;
    Layer after = m_layers.at(row);
    after.low = low;
    after.high = high;
    pushEdit(row, after, tr("Change Range of %1").arg(after.name), {LowRole, HighRole});
}

void LayerModel::setBlendMode(int row, QPainter::CompositionMode mode)
{
    Layer after = m_layers.at(row);
    after.blendMode = mode;
    pushEdit(row, after, tr("Change Blending of %1").arg(after.name), {BlendModeRole});
}

void LayerModel::moveLayer(int from, int to)
{
    if (from < 0 || to < 0 || from >= count() || to >= count() || from == to)
        return;
    if (m_undo)
        m_undo->push(new LayerMoveCommand(this, from, to));
    else
        applyMove(from, to);
}

int LayerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layers.size());
}

QVariant LayerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Layer &l = m_layers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return l.name;
    case Qt::CheckStateRole: return l.visible ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: return QStringLiteral("%1 (%2)").arg(l.name, toString(l.kind));
    case IdRole: return l.id;
    case KindRole: return int(l.kind);
    case OpacityRole: return l.opacity;
    case BlendModeRole: return int(l.blendMode);
    case ColormapRole: return QString::fromStdString(periscope::toString(l.colormap));
    case LowRole: return l.low;
    case HighRole: return l.high;
    default: return {};
    }
}

bool LayerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    switch (role) {
    case Qt::EditRole: rename(row, value.toString()); return true;
    case Qt::CheckStateRole: setVisible(row, value.toInt() == Qt::Checked); return true;
    case OpacityRole: setOpacity(row, value.toDouble()); return true;
    case BlendModeRole: setBlendMode(row, QPainter::CompositionMode(value.toInt())); return true;
    case ColormapRole:
        try {
            setColormap(row, periscope::parseColormap(value.toString().toStdString()));
            return true;
        } catch (const std::exception &) {
            return false;
        }
    case LowRole: setRange(row, value.toDouble(), m_layers.at(row).high); return true;
    case HighRole: setRange(row, m_layers.at(row).low, value.toDouble()); return true;
    default: return false;
    }
}

Qt::ItemFlags LayerModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled;
}

QHash<int, QByteArray> LayerModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "layerId");
    names.insert(KindRole, "kind");
    names.insert(OpacityRole, "opacity");
    names.insert(ColormapRole, "colormap");
    return names;
}

bool LayerModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                          int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 || sourceRow >= this->count())
        return false;
    // Qt passes the destination as a position before removal; convert to the final row.
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (to < 0 || to >= this->count() || to == sourceRow)
        return false;
    moveLayer(sourceRow, to);
    return true;
}

} // namespace periscope::widgets
