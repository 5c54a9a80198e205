// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace periscope {

// Optimal assignment (minimum total cost) in O(n^3): the Hungarian algorithm with row and column
// potentials and shortest augmenting paths. `cost` is row-major rows x cols; rectangular
// problems are allowed. Returns, for each row, its column, or -1 when there are more rows than
// columns and the row is left out. Slot matching (ICLR-W 2022) maximises cosine similarity:
// pass its negation.
std::vector<int> solveAssignment(const std::vector<double> &cost, int rows, int cols);

// The total cost of an assignment returned by solveAssignment.
double assignmentCost(const std::vector<double> &cost, int cols, const std::vector<int> &assignment);

} // namespace periscope
