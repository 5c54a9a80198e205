// SPDX-License-Identifier: GPL-3.0-or-later
// A mean with its Student t 95 % interval (no torch): what studies report per condition and the
// explanation metrics per video and per folder.
#pragma once

#include <vector>

namespace periscope {

struct MeanInterval {
    int n = 0;
    double mean = 0.0, sd = 0.0, low = 0.0, high = 0.0; // n < 2: low = high = mean; n = 0: all 0
};

// Two-sided 95 % quantile of Student's t with `degrees` (>= 1) degrees of freedom.
double studentT95(int degrees);

MeanInterval meanInterval(const std::vector<double> &values);

} // namespace periscope
