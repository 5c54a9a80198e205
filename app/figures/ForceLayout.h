// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QPointF>
#include <QVector>

namespace periscope::app {

// A force-directed layout (Fruchterman & Reingold 1991): edges pull their ends together, all
// nodes push each other apart, and a cooling temperature caps each step. Edge direction is
// ignored. Deterministic for a seed (the initial positions are drawn from it); the result fits
// the unit square [0, 1]^2 with a margin. Quadratic per iteration: fine for graphs of hundreds
// of nodes, which is what the workspace draws.
QVector<QPointF> forceDirectedLayout(int nodeCount, const QVector<QPair<int, int>> &edges, quint64 seed = 1, int iterations = 400);

} // namespace periscope::app
