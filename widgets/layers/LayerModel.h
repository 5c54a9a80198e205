// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/layers/Layer.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QUndoStack>

namespace periscope::widgets {

// The layers of an ImageView, bottom first (row 0 is drawn first). Every user edit - showing,
// hiding, renaming, opacity, colormap, value range, reordering - goes through the undo stack
// given to it, so Edit > Undo reverts it. Rendered images (colormapped maps, coloured labels) are
// cached and rebuilt only when their layer changes.
class LayerModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        OpacityRole,
        BlendModeRole,
        ColormapRole, // QString, e.g. "viridis"
        LowRole,
        HighRole,
    };

    explicit LayerModel(QObject *parent = nullptr);

    // Without a stack, edits apply directly (and cannot be undone).
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }

    // Adding and removing layers is what the workspace does when it loads or recomputes data;
    // those are not user edits and are not undoable.
    void addLayer(const Layer &layer);
    void replaceLayer(const Layer &layer); // same id: new data, user settings kept
    bool removeLayer(const QString &id);
    void clear();

    int count() const { return int(m_layers.size()); }
    const Layer &layer(int row) const { return m_layers.at(row); }
    const Layer *layer(const QString &id) const;
    int rowOf(const QString &id) const;
    QSize imageSize() const; // the largest raster layer's size

    // The layer as pixels (ARGB32 premultiplied), for raster kinds; cached.
    QImage rendered(int row) const;
    // Human-readable value of a raster layer at an image pixel ("R 12 G 200 B 3", "0.734", "3: cat").
    QString valueAt(int row, QPoint pixel) const;

    // The topmost visible vector item within `tolerance` image pixels of `point`: boxes by their
    // outline or inside, points, polylines and edges by distance, text by its anchor.
    struct VectorHit {
        int row = -1;
        int item = -1;
        bool isValid() const { return row >= 0; }
    };
    VectorHit hitTest(const QPointF &point, double tolerance) const;

    // Undoable edits (also reachable through setData and moveRows, as views use them).
    void setVisible(int row, bool visible);
    void setOpacity(int row, double opacity);
    void rename(int row, const QString &name);
    void setColormap(int row, periscope::Colormap map);
    void setRange(int row, double low, double high);
    void setBlendMode(int row, QPainter::CompositionMode mode);
    void moveLayer(int from, int to);

    // QAbstractItemModel
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

Q_SIGNALS:
    void layersChanged(); // anything that changes the picture

private:
    friend class LayerEditCommand;
    friend class LayerMoveCommand;
    void applyLayer(int row, const Layer &layer, const QVector<int> &roles);
    void applyMove(int from, int to);
    void pushEdit(int row, const Layer &after, const QString &text, const QVector<int> &roles);

    QList<Layer> m_layers;
    mutable QHash<QString, QImage> m_renderCache;
    QPointer<QUndoStack> m_undo;
};

} // namespace periscope::widgets
