// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/ForceLayout.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <random>

namespace periscope::app {

QVector<QPointF> forceDirectedLayout(int nodeCount, const QVector<QPair<int, int>> &edges, quint64 seed, int iterations)
{
    QVector<QPointF> position(std::max(nodeCount, 0));
    if (nodeCount <= 0)
        return position;
    if (nodeCount == 1) {
        position[0] = {0.5, 0.5};
        return position;
    }
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (QPointF &p : position)
        p = {unit(random), unit(random)};

    // Each undirected pair once (a directed graph often holds both directions).
    QVector<QPair<int, int>> links;
    QSet<QPair<int, int>> seen;
    for (const auto &[a, b] : edges) {
        if (a == b || a < 0 || b < 0 || a >= nodeCount || b >= nodeCount)
            continue;
        const QPair<int, int> key(std::min(a, b), std::max(a, b));
        if (!seen.contains(key)) {
            seen.insert(key);
            links.append(key);
        }
    }

    const double k = std::sqrt(1.0 / nodeCount); // ideal edge length in the unit square
    double temperature = 0.1;
    const double cooling = temperature / std::max(iterations, 1);
    QVector<QPointF> move(nodeCount);
    for (int iteration = 0; iteration < iterations; ++iteration) {
        std::fill(move.begin(), move.end(), QPointF());
        for (int i = 0; i < nodeCount; ++i) {
            for (int j = i + 1; j < nodeCount; ++j) {
                QPointF d = position[i] - position[j];
                double distance = std::hypot(d.x(), d.y());
                if (distance < 1e-9) { // coincident: push apart in a seeded direction
                    d = {unit(random) - 0.5, unit(random) - 0.5};
                    distance = std::hypot(d.x(), d.y()) + 1e-9;
                }
                const QPointF push = d / distance * (k * k / distance);
                move[i] += push;
                move[j] -= push;
            }
        }
        for (const auto &[a, b] : links) {
            const QPointF d = position[a] - position[b];
            const double distance = std::max(std::hypot(d.x(), d.y()), 1e-9);
            const QPointF pull = d / distance * (distance * distance / k);
            move[a] -= pull;
            move[b] += pull;
        }
        // A weak pull to the centre keeps separate components from drifting off.
        for (int i = 0; i < nodeCount; ++i) {
            move[i] += (QPointF(0.5, 0.5) - position[i]) * (0.05 * k);
            const double length = std::hypot(move[i].x(), move[i].y());
            if (length > 0)
                position[i] += move[i] / length * std::min(length, temperature);
        }
        temperature = std::max(temperature - cooling, 0.002);
    }

    // Fit into [0.05, 0.95]^2, keeping the aspect ratio.
    double minX = position[0].x(), maxX = minX, minY = position[0].y(), maxY = minY;
    for (const QPointF &p : position) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    const double span = std::max({maxX - minX, maxY - minY, 1e-9});
    const QPointF offset((span - (maxX - minX)) / 2, (span - (maxY - minY)) / 2);
    for (QPointF &p : position)
        p = QPointF(0.05, 0.05) + (p - QPointF(minX, minY) + offset) / span * 0.9;
    return position;
}

} // namespace periscope::app
