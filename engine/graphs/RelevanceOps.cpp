// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/RelevanceOps.h"

namespace periscope::graphs::relevance {

namespace {
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// R / d where d != 0, else 0 (the relevance is lost there).
torch::Tensor safeRatio(const torch::Tensor &r, const torch::Tensor &d)
{
    return torch::where(d != 0, r / torch::where(d != 0, d, torch::ones_like(d)), torch::zeros_like(r));
}

struct LinearEpsilon : torch::autograd::Function<LinearEpsilon> {
    static constexpr double kEpsilon = 1e-16;
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, const torch::Tensor &w)
    {
        const torch::Tensor z = torch::matmul(x, w.t());
        ctx->save_for_backward({x, w, z});
        return z;
    }
    static variable_list backward(AutogradContext *ctx, variable_list relevanceOut)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &w = saved[1], &z = saved[2];
        const torch::Tensor stabilised = z + torch::where(z >= 0, torch::full_like(z, kEpsilon), torch::full_like(z, -kEpsilon));
        // sum_j x_i w_ji R_j / z_j, without forming the [rows, in, out] contributions.
        return {x * torch::matmul(relevanceOut[0] / stabilised, w), torch::Tensor()};
    }
};

struct AddProportional : torch::autograd::Function<AddProportional> {
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &a, const torch::Tensor &b)
    {
        const torch::Tensor out = a + b;
        ctx->save_for_backward({a, b, out});
        return out;
    }
    static variable_list backward(AutogradContext *ctx, variable_list relevanceOut)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor share = safeRatio(relevanceOut[0], saved[2]);
        return {share * saved[0], share * saved[1]};
    }
};

struct ReluPassThrough : torch::autograd::Function<ReluPassThrough> {
    static torch::Tensor forward(AutogradContext *, const torch::Tensor &x) { return x.clamp_min(0); }
    static variable_list backward(AutogradContext *, variable_list relevanceOut) { return {relevanceOut[0]}; }
};

struct AggregateProportional : torch::autograd::Function<AggregateProportional> {
    // Sum or mean: the relevance of a segment is split over its members in proportion to their
    // values; for the mean, in proportion to the segment's sum, as the paper's code does.
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, bool mean)
    {
        const torch::Tensor sums = torch::zeros({segments, values.size(1)}, values.options()).index_add(0, index, values);
        ctx->save_for_backward({values, index, sums});
        if (!mean)
            return sums;
        const torch::Tensor counts = torch::zeros({segments}, values.options()).index_add(0, index, torch::ones({index.size(0)}, values.options()));
        return sums / counts.clamp_min(1.0).unsqueeze(1);
    }
    static variable_list backward(AutogradContext *ctx, variable_list relevanceOut)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &values = saved[0], &index = saved[1], &sums = saved[2];
        return {safeRatio(relevanceOut[0], sums).index_select(0, index) * values, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

struct AggregateWinner : torch::autograd::Function<AggregateWinner> {
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments)
    {
        const torch::Tensor out = aggregatePlain(values, index, segments, Aggregation::Max);
        ctx->save_for_backward({values, index, out});
        return out;
    }
    static variable_list backward(AutogradContext *ctx, variable_list relevanceOut)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &values = saved[0], &index = saved[1], &out = saved[2];
        const torch::Tensor winner = (values == out.index_select(0, index)).to(values.scalar_type());
        const torch::Tensor winners = torch::zeros_like(out).index_add(0, index, winner);
        const torch::Tensor r = torch::where(out != 0, relevanceOut[0], torch::zeros_like(out));
        return {winner * safeRatio(r, winners).index_select(0, index), torch::Tensor(), torch::Tensor()};
    }
};
} // namespace

torch::Tensor linearEpsilon(const torch::Tensor &x, const torch::Tensor &weight)
{
    return LinearEpsilon::apply(x, weight);
}

torch::Tensor add(const torch::Tensor &a, const torch::Tensor &b)
{
    return AddProportional::apply(a, b);
}

torch::Tensor relu(const torch::Tensor &x)
{
    return ReluPassThrough::apply(x);
}

torch::Tensor aggregate(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how)
{
    if (values.size(0) == 0)
        return torch::zeros({segments, values.size(1)}, values.options());
    if (how == Aggregation::Max)
        return AggregateWinner::apply(values, index, segments);
    return AggregateProportional::apply(values, index, segments, how == Aggregation::Mean);
}

} // namespace periscope::graphs::relevance
