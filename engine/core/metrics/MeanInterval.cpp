// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/metrics/MeanInterval.h"

#include <cmath>

namespace periscope {

namespace {
// Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom.
constexpr double kT95[30] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                             2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                             2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
} // namespace

double studentT95(int degrees)
{
    if (degrees < 1)
        degrees = 1;
    if (degrees <= 30)
        return kT95[degrees - 1];
    return 1.959964 + 2.37 / degrees; // within 0.003 of the exact quantile beyond 30
}

MeanInterval meanInterval(const std::vector<double> &values)
{
    MeanInterval m;
    m.n = int(values.size());
    if (values.empty())
        return m;
    double sum = 0.0;
    for (double v : values)
        sum += v;
    m.mean = sum / m.n;
    m.low = m.high = m.mean;
    if (m.n < 2)
        return m;
    double squares = 0.0;
    for (double v : values)
        squares += (v - m.mean) * (v - m.mean);
    m.sd = std::sqrt(squares / (m.n - 1));
    const double half = studentT95(m.n - 1) * m.sd / std::sqrt(double(m.n));
    m.low = m.mean - half;
    m.high = m.mean + half;
    return m;
}

} // namespace periscope
