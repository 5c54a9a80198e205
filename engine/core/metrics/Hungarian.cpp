// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/metrics/Hungarian.h"

#include "engine/core/errors/Error.h"

#include <cmath>
#include <limits>
#include <string>

namespace periscope {

std::vector<int> solveAssignment(const std::vector<double> &cost, int rows, int cols)
{
    if (rows < 0 || cols < 0 || std::size_t(rows) * std::size_t(cols) != cost.size())
        throw Error("assignment: cost has " + std::to_string(cost.size()) + " entries, not " + std::to_string(rows) + " x " +
                    std::to_string(cols));
    for (const double c : cost)
        if (!std::isfinite(c))
            throw Error("assignment: costs must be finite");
    if (rows == 0)
        return {};
    // The algorithm assigns every row of an n x m problem with n <= m; transpose otherwise.
    const bool transposed = rows > cols;
    const int n = transposed ? cols : rows;
    const int m = transposed ? rows : cols;
    auto at = [&](int i, int j) { return transposed ? cost[std::size_t(j) * cols + i] : cost[std::size_t(i) * cols + j]; };

    // 1-based arrays; column 0 is a virtual column where each augmenting path starts.
    const double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> rowPotential(std::size_t(n) + 1, 0.0), colPotential(std::size_t(m) + 1, 0.0);
    std::vector<int> rowOfCol(std::size_t(m) + 1, 0), way(std::size_t(m) + 1, 0);
    for (int i = 1; i <= n; ++i) {
        rowOfCol[0] = i;
        int col = 0;
        std::vector<double> minSlack(std::size_t(m) + 1, infinity);
        std::vector<char> used(std::size_t(m) + 1, 0);
        do {
            used[std::size_t(col)] = 1;
            const int row = rowOfCol[std::size_t(col)];
            double delta = infinity;
            int nextCol = 0;
            for (int j = 1; j <= m; ++j) {
                if (used[std::size_t(j)])
                    continue;
                const double slack = at(row - 1, j - 1) - rowPotential[std::size_t(row)] - colPotential[std::size_t(j)];
                if (slack < minSlack[std::size_t(j)]) {
                    minSlack[std::size_t(j)] = slack;
                    way[std::size_t(j)] = col;
                }
                if (minSlack[std::size_t(j)] < delta) {
                    delta = minSlack[std::size_t(j)];
                    nextCol = j;
                }
            }
            for (int j = 0; j <= m; ++j) {
                if (used[std::size_t(j)]) {
                    rowPotential[std::size_t(rowOfCol[std::size_t(j)])] += delta;
                    colPotential[std::size_t(j)] -= delta;
                } else {
                    minSlack[std::size_t(j)] -= delta;
                }
            }
            col = nextCol;
        } while (rowOfCol[std::size_t(col)] != 0);
        // Flip the augmenting path back to the virtual column.
        do {
            const int previous = way[std::size_t(col)];
            rowOfCol[std::size_t(col)] = rowOfCol[std::size_t(previous)];
            col = previous;
        } while (col != 0);
    }

    std::vector<int> assignment(std::size_t(rows), -1);
    for (int j = 1; j <= m; ++j) {
        const int row = rowOfCol[std::size_t(j)];
        if (row == 0)
            continue;
        if (transposed)
            assignment[std::size_t(j - 1)] = row - 1;
        else
            assignment[std::size_t(row - 1)] = j - 1;
    }
    return assignment;
}

double assignmentCost(const std::vector<double> &cost, int cols, const std::vector<int> &assignment)
{
    double total = 0.0;
    for (std::size_t row = 0; row < assignment.size(); ++row)
        if (assignment[row] >= 0)
            total += cost[row * std::size_t(cols) + std::size_t(assignment[row])];
    return total;
}

} // namespace periscope
