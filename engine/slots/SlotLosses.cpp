// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotLosses.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/Hungarian.h"

#include <limits>

namespace periscope::slot {

namespace {

torch::Tensor l2Normalize(const torch::Tensor &x)
{
    return x / x.norm(2, -1, true).clamp_min(1e-12);
}

// Cross-entropy over rows of `logits` with the given target columns; -inf entries are excluded.
torch::Tensor crossEntropy(const torch::Tensor &logits, const std::vector<std::int64_t> &targets)
{
    const auto target = torch::tensor(targets, torch::kLong).to(logits.device());
    return torch::nn::functional::cross_entropy(logits, target);
}

void checkViews(const torch::Tensor &x, std::int64_t dims, const char *what)
{
    if (x.dim() != dims || x.size(0) < 2 || x.size(0) % 2 != 0)
        throw Error(std::string(what) + ": expected two views of each image stacked along the batch");
}

} // namespace

torch::Tensor ntXentLoss(const torch::Tensor &projections, double temperature)
{
    checkViews(projections, 2, "NT-Xent");
    const auto n = projections.size(0), half = n / 2;
    const auto z = l2Normalize(projections);
    auto logits = torch::matmul(z, z.t()) / temperature;
    logits = logits.masked_fill(torch::eye(n, torch::dtype(torch::kBool).device(z.device())), -std::numeric_limits<float>::infinity());
    std::vector<std::int64_t> targets(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        targets[std::size_t(i)] = (i + half) % n;
    return crossEntropy(logits, targets);
}

ObjectLoss parseObjectLoss(const std::string &text)
{
    if (text == "ctr_img")
        return ObjectLoss::MatchedContrastiveImage;
    if (text == "ctr_all")
        return ObjectLoss::MatchedContrastiveAll;
    if (text == "sim_img")
        return ObjectLoss::MatchedCosine;
    throw Error("unknown object loss '" + text + "' (ctr_img, ctr_all or sim_img)");
}

std::string toString(ObjectLoss loss)
{
    switch (loss) {
    case ObjectLoss::MatchedContrastiveImage: return "ctr_img";
    case ObjectLoss::MatchedContrastiveAll: return "ctr_all";
    case ObjectLoss::MatchedCosine: return "sim_img";
    }
    return {};
}

std::vector<std::vector<int>> matchSlotsAcrossViews(const torch::Tensor &projections)
{
    const torch::Tensor &slots = projections;
    checkViews(slots, 3, "slot matching");
    const auto images = slots.size(0) / 2, count = slots.size(1);
    const auto z = l2Normalize(slots.detach()).to(torch::kCPU, torch::kDouble);
    const auto cosine = torch::matmul(z.narrow(0, 0, images), z.narrow(0, images, images).transpose(1, 2)).contiguous();
    std::vector<std::vector<int>> matches(static_cast<std::size_t>(images));
    for (std::int64_t b = 0; b < images; ++b) {
        const double *c = cosine[b].data_ptr<double>();
        std::vector<double> cost(static_cast<std::size_t>(count * count));
        for (std::size_t i = 0; i < cost.size(); ++i)
            cost[i] = -c[i]; // maximise similarity
        matches[std::size_t(b)] = solveAssignment(cost, int(count), int(count));
    }
    return matches;
}

torch::Tensor objectLoss(const torch::Tensor &projections, ObjectLoss kind, double temperature)
{
    const torch::Tensor &slots = projections;
    const auto matches = matchSlotsAcrossViews(slots);
    const auto images = slots.size(0) / 2, count = slots.size(1), dim = slots.size(2);
    const auto z = l2Normalize(slots);
    const float minusInf = -std::numeric_limits<float>::infinity();

    if (kind == ObjectLoss::MatchedCosine) {
        std::vector<std::int64_t> partner(static_cast<std::size_t>(images * count));
        for (std::int64_t b = 0; b < images; ++b)
            for (std::int64_t k = 0; k < count; ++k)
                partner[std::size_t(b * count + k)] = b * count + matches[std::size_t(b)][std::size_t(k)];
        const auto view0 = z.narrow(0, 0, images).reshape({-1, dim});
        const auto view1 = z.narrow(0, images, images).reshape({-1, dim}).index_select(0, torch::tensor(partner).to(z.device()));
        return -(view0 * view1).sum(-1).mean();
    }

    if (kind == ObjectLoss::MatchedContrastiveAll) {
        // Rows and columns are all 2BK slots, ordered (view, image, slot).
        const auto flat = z.reshape({-1, dim});
        const auto n = flat.size(0);
        auto logits = torch::matmul(flat, flat.t()) / temperature;
        logits = logits.masked_fill(torch::eye(n, torch::dtype(torch::kBool).device(z.device())), minusInf);
        std::vector<std::int64_t> targets(static_cast<std::size_t>(n));
        for (std::int64_t b = 0; b < images; ++b)
            for (std::int64_t k = 0; k < count; ++k) {
                const auto j = matches[std::size_t(b)][std::size_t(k)];
                targets[std::size_t(b * count + k)] = (images + b) * count + j;
                targets[std::size_t((images + b) * count + j)] = b * count + k;
            }
        return crossEntropy(logits, targets);
    }

    // Per image: each slot's row holds its own view's other slots (itself excluded) and the other
    // view's K slots; the target is the matched slot of the other view.
    const auto view0 = z.narrow(0, 0, images), view1 = z.narrow(0, images, images);
    const auto self = torch::eye(count, torch::dtype(torch::kBool).device(z.device()));
    const auto self0 = torch::matmul(view0, view0.transpose(1, 2)).div(temperature).masked_fill(self, minusInf);
    const auto self1 = torch::matmul(view1, view1.transpose(1, 2)).div(temperature).masked_fill(self, minusInf);
    const auto across = torch::matmul(view0, view1.transpose(1, 2)).div(temperature); // [B, K, K]
    const auto rows0 = torch::cat({self0, across}, 2).reshape({-1, 2 * count});                 // own view first
    const auto rows1 = torch::cat({across.transpose(1, 2), self1}, 2).reshape({-1, 2 * count}); // other view first
    std::vector<std::int64_t> targets(static_cast<std::size_t>(2 * images * count));
    for (std::int64_t b = 0; b < images; ++b)
        for (std::int64_t k = 0; k < count; ++k) {
            const auto j = matches[std::size_t(b)][std::size_t(k)];
            targets[std::size_t(b * count + k)] = count + j;
            targets[std::size_t(images * count + b * count + j)] = k;
        }
    return crossEntropy(torch::cat({rows0, rows1}, 0), targets);
}

} // namespace periscope::slot
