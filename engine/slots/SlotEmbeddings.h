// SPDX-License-Identifier: GPL-3.0-or-later
// Principal components of slot embeddings (every slot of every image of a folder), for the Slots
// workspace's 2-D and 3-D scatters: the rows centred, projected on the leading right singular
// vectors. Signs are fixed (each component's largest coordinate positive) so that the same
// embeddings always give the same picture.
#pragma once

#include <vector>

namespace periscope::slot {

struct EmbeddingProjection {
    int rows = 0;
    int components = 0;
    std::vector<float> coordinates;        // rows x components
    std::vector<double> explainedVariance; // per component: its share of the total variance
};

// `values`: rows x dim, row-major. Throws periscope::Error when there are fewer than 2 rows or
// `components` exceeds dim.
EmbeddingProjection principalComponents(const std::vector<float> &values, int dim, int components);

} // namespace periscope::slot
