// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotEmbeddings.h"

#include "engine/core/errors/Error.h"

#include <torch/torch.h>

namespace periscope::slot {

EmbeddingProjection principalComponents(const std::vector<float> &values, int dim, int components)
{
    if (dim < 1 || values.size() % std::size_t(dim) != 0)
        throw Error("principal components: the values do not form rows of " + std::to_string(dim));
    const auto rows = std::int64_t(values.size() / std::size_t(dim));
    if (rows < 2 || components < 1 || components > dim)
        throw Error("principal components: need at least 2 rows and 1 to " + std::to_string(dim) + " components");
    const auto x = torch::from_blob(const_cast<float *>(values.data()), {rows, dim}, torch::kFloat).to(torch::kDouble);
    const auto centred = x - x.mean(0, true);
    const auto [u, s, vh] = torch::linalg_svd(centred, /*full_matrices=*/false);
    const auto k = std::min<std::int64_t>(components, s.size(0));
    auto basis = vh.narrow(0, 0, k).t().contiguous(); // [dim, k]
    auto projected = torch::matmul(centred, basis);
    // Deterministic signs: the coordinate of largest magnitude in each component is positive.
    const auto pivot = projected.abs().argmax(0);
    const auto signs = projected.gather(0, pivot.unsqueeze(0)).sign().clamp_min(0) * 2 - 1;
    projected = (projected * signs).to(torch::kFloat).contiguous();
    EmbeddingProjection out;
    out.rows = int(rows);
    out.components = components;
    out.coordinates.assign(std::size_t(rows) * std::size_t(components), 0.0f);
    const float *p = projected.data_ptr<float>();
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < k; ++c)
            out.coordinates[std::size_t(r * components + c)] = p[r * k + c];
    const double total = s.pow(2).sum().item<double>();
    for (int c = 0; c < components; ++c)
        out.explainedVariance.push_back(c < k && total > 0 ? s[c].pow(2).item<double>() / total : 0.0);
    return out;
}

} // namespace periscope::slot
