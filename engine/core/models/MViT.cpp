// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/MViT.h"

#include "engine/core/errors/Error.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace periscope {

namespace F = torch::nn::functional;

namespace {
constexpr double kNormEps = 1e-6; // torchvision builds every MViT layer norm with it
const Extent3 kPatchKernel{3, 7, 7}, kPatchStride{2, 4, 4}, kPatchPadding{1, 3, 3};

std::int64_t volume(const Extent3 &e) { return e[0] * e[1] * e[2]; }
Extent3 halfOf(const Extent3 &kernel) { return {kernel[0] / 2, kernel[1] / 2, kernel[2] / 2}; }
std::vector<std::int64_t> vec(const Extent3 &e) { return {e[0], e[1], e[2]}; }

torch::nn::LayerNorm layerNorm(std::int64_t channels)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels}).eps(kNormEps));
}

torch::nn::Linear linear(std::int64_t in, std::int64_t out)
{
    torch::nn::Linear layer(in, out);
    // torchvision: truncated normal (std 0.02, cut at +-2, which it never reaches) and zero bias.
    torch::NoGradGuard noGrad;
    layer->weight.normal_(0.0, 0.02);
    layer->bias.zero_();
    return layer;
}

// LibTorch's C++ Linear module multiplies a [B, N, C] input with matmul and then adds the bias in a
// second pass; ATen's linear folds both into one addmm, as PyTorch's Python module does (2-4 %
// faster on these token shapes on a CPU, and the same operations as the reference's profile).
torch::Tensor linearOf(const torch::nn::Linear &layer, const torch::Tensor &x) { return torch::linear(x, layer->weight, layer->bias); }

// Applies `pool` to the grid tokens of x ([B, heads, 1 + t*h*w, C]: the class token first) and
// puts the class token back in front. Returns the pooled tokens and their grid.
std::pair<torch::Tensor, Extent3> poolTokens(const torch::Tensor &x, const Extent3 &grid,
                                             const std::function<torch::Tensor(const torch::Tensor &)> &pool)
{
    const std::int64_t b = x.size(0), heads = x.size(1), tokens = x.size(2), channels = x.size(3);
    const torch::Tensor classToken = x.narrow(2, 0, 1);
    torch::Tensor cells = x.narrow(2, 1, tokens - 1).transpose(2, 3).reshape({b * heads, channels, grid[0], grid[1], grid[2]});
    cells = pool(cells.contiguous());
    const Extent3 pooled{cells.size(2), cells.size(3), cells.size(4)};
    cells = cells.reshape({b, heads, channels, -1}).transpose(2, 3);
    return {torch::cat({classToken, cells}, 2), pooled};
}

// "row" stochastic depth: in training each sample's branch is dropped with probability p and the
// survivors scaled up; in evaluation the branch passes unchanged.
torch::Tensor dropBranch(const torch::Tensor &x, double p, bool training)
{
    if (!training || p <= 0.0)
        return x;
    const double keep = 1.0 - p;
    const torch::Tensor mask = torch::empty({x.size(0), 1, 1}, x.options()).bernoulli_(keep);
    return x * mask / keep;
}

// A depthwise convolution over the grid, then a layer norm over channels: how MViT pools queries,
// keys and values. torchvision's "Pool" with "pool" and "norm_act.0".
class MViTPoolImpl : public torch::nn::Module {
public:
    MViTPoolImpl(std::int64_t channels, const Extent3 &kernel, const Extent3 &stride)
        : m_kernel(kernel), m_stride(stride)
    {
        pool = register_module("pool", torch::nn::Conv3d(torch::nn::Conv3dOptions(channels, channels, vec(kernel))
                                                             .stride(vec(stride))
                                                             .padding(vec(halfOf(kernel)))
                                                             .groups(channels)
                                                             .bias(false)));
        norm_act = register_module("norm_act", torch::nn::Sequential(layerNorm(channels)));
    }
    std::pair<torch::Tensor, Extent3> forward(const torch::Tensor &x, const Extent3 &grid)
    {
        auto [pooled, pooledGrid] = poolTokens(x, grid, [this](const torch::Tensor &cells) { return pool->forward(cells); });
        return {norm_act->forward(pooled), pooledGrid};
    }
    const Extent3 &kernel() const { return m_kernel; }
    const Extent3 &stride() const { return m_stride; }

    torch::nn::Conv3d pool{nullptr};
    torch::nn::Sequential norm_act{nullptr};

private:
    Extent3 m_kernel, m_stride;
};
TORCH_MODULE(MViTPool);

// A relative-position table resampled linearly to d rows where the grids differ from the ones it
// was made for (torchvision's _interpolate).
torch::Tensor tableOfSize(const torch::Tensor &table, std::int64_t d)
{
    if (table.size(0) == d)
        return table;
    return F::interpolate(table.t().unsqueeze(0), F::InterpolateFuncOptions().size(std::vector<std::int64_t>{d}).mode(torch::kLinear).align_corners(false))
        .squeeze(0)
        .t();
}

// Row index into the table for each (query, key) pair along one axis, with the grids' scales
// matched. In float32 as torchvision computes it, so the truncation picks the same rows.
torch::Tensor axisDistances(std::int64_t q, std::int64_t k)
{
    const double qRatio = std::max(double(k) / double(q), 1.0);
    const double kRatio = std::max(double(q) / double(k), 1.0);
    return (torch::arange(q).unsqueeze(1) * qRatio - (torch::arange(k).unsqueeze(0) + (1.0 - double(k))) * kRatio).to(torch::kLong);
}

class MViTAttentionImpl : public torch::nn::Module {
public:
    MViTAttentionImpl(const Extent3 &inputGrid, const MViTBlockSetting &s)
        : m_heads(s.heads), m_headDim(s.outputChannels / s.heads), m_outputChannels(s.outputChannels)
    {
        if (s.heads < 1 || s.outputChannels % s.heads != 0)
            throw Error("an MViT block's " + std::to_string(s.outputChannels) + " channels do not split into " + std::to_string(s.heads) + " heads");
        qkv = register_module("qkv", linear(s.inputChannels, 3 * s.outputChannels));
        m_project = linear(s.outputChannels, s.outputChannels);
        project = register_module("project", torch::nn::Sequential(m_project));
        if (volume(s.kernelQ) > 1 || volume(s.strideQ) > 1)
            pool_q = register_module("pool_q", MViTPool(m_headDim, s.kernelQ, s.strideQ));
        if (volume(s.kernelKv) > 1 || volume(s.strideKv) > 1) {
            pool_k = register_module("pool_k", MViTPool(m_headDim, s.kernelKv, s.strideKv));
            pool_v = register_module("pool_v", MViTPool(m_headDim, s.kernelKv, s.strideKv));
        }
        // The tables cover the larger of the query and key grids (torchvision sizes them from the
        // larger side, with integer division by the strides).
        const std::int64_t side = std::max(inputGrid[1], inputGrid[2]);
        const std::int64_t spatial = 2 * std::max(side / s.strideQ[1], side / s.strideKv[1]) - 1;
        const std::int64_t temporal = 2 * inputGrid[0] - 1;
        torch::NoGradGuard noGrad;
        rel_pos_h = register_parameter("rel_pos_h", torch::empty({spatial, m_headDim}).normal_(0.0, 0.02));
        rel_pos_w = register_parameter("rel_pos_w", torch::empty({spatial, m_headDim}).normal_(0.0, 0.02));
        rel_pos_t = register_parameter("rel_pos_t", torch::empty({temporal, m_headDim}).normal_(0.0, 0.02));
    }

    std::pair<torch::Tensor, Extent3> forward(const torch::Tensor &x, const Extent3 &grid, MViTBlockAttention *record)
    {
        const std::int64_t b = x.size(0), n = x.size(1);
        const std::vector<torch::Tensor> qkvs = linearOf(qkv, x).reshape({b, n, 3, m_heads, m_headDim}).transpose(1, 3).unbind(2);
        torch::Tensor q = qkvs[0], k = qkvs[1], v = qkvs[2];
        Extent3 keyGrid = grid, queryGrid = grid;
        if (pool_k) {
            std::tie(k, keyGrid) = pool_k->forward(k, grid);
            v = pool_v->forward(v, grid).first;
        }
        if (pool_q)
            std::tie(q, queryGrid) = pool_q->forward(q, grid);

        torch::Tensor attention = torch::matmul(q * (1.0 / std::sqrt(double(m_headDim))), k.transpose(2, 3));
        // In place on the grid block, as torchvision does: a padded copy of the term would cost two
        // more passes over the largest tensor of the network (25089 x 393 per head in block 0).
        attention.narrow(2, 1, attention.size(2) - 1).narrow(3, 1, attention.size(3) - 1).add_(relativePositions(q, queryGrid, keyGrid));
        attention = attention.softmax(-1);
        if (record) {
            record->weights = attention.detach().mean(1).to(torch::kCPU);
            record->queryGrid = queryGrid;
            record->keyGrid = keyGrid;
            if (pool_k) {
                record->keyKernel = pool_k->kernel();
                record->keyStride = pool_k->stride();
                record->keyPadding = halfOf(pool_k->kernel());
            }
        }
        torch::Tensor y = torch::matmul(attention, v);
        // Residual pooling (MViT-v2), on the grid tokens only: torchvision's
        // residual_with_cls_embed=False for mvit_v2_s.
        y.narrow(2, 1, y.size(2) - 1).add_(q.narrow(2, 1, q.size(2) - 1));
        y = y.transpose(1, 2).reshape({b, -1, m_outputChannels});
        return {linearOf(m_project, y), queryGrid};
    }

    torch::nn::Linear qkv{nullptr};
    torch::nn::Sequential project{nullptr};
    MViTPool pool_q{nullptr}, pool_k{nullptr}, pool_v{nullptr};
    torch::Tensor rel_pos_h, rel_pos_w, rel_pos_t;

private:
    // The decomposed relative-position term between the grid cells (the class token has none):
    // for each query cell, its dot products with the tables' rows for the key cell's offset along
    // t, h and w, summed. [N, heads, query cells, key cells].
    torch::Tensor relativePositions(const torch::Tensor &q, const Extent3 &qg, const Extent3 &kg) const
    {
        const torch::Tensor rh = tableOfSize(rel_pos_h, 2 * std::max(qg[1], kg[1]) - 1).index({axisDistances(qg[1], kg[1])});
        const torch::Tensor rw = tableOfSize(rel_pos_w, 2 * std::max(qg[2], kg[2]) - 1).index({axisDistances(qg[2], kg[2])});
        const torch::Tensor rt = tableOfSize(rel_pos_t, 2 * std::max(qg[0], kg[0]) - 1).index({axisDistances(qg[0], kg[0])});
        const std::int64_t b = q.size(0), heads = q.size(1);
        const torch::Tensor cells = q.narrow(2, 1, q.size(2) - 1).reshape({b, heads, qg[0], qg[1], qg[2], m_headDim});
        const torch::Tensor byH = torch::einsum("bythwc,hkc->bythwk", {cells, rh});
        const torch::Tensor byW = torch::einsum("bythwc,wkc->bythwk", {cells, rw});
        const torch::Tensor byT = torch::einsum("bythwc,tkc->bythwk", {cells, rt});
        using torch::indexing::None;
        using torch::indexing::Slice;
        const torch::Tensor all = byH.index({Slice(), Slice(), Slice(), Slice(), Slice(), None, Slice(), None}) +
                                  byW.index({Slice(), Slice(), Slice(), Slice(), Slice(), None, None, Slice()}) +
                                  byT.index({Slice(), Slice(), Slice(), Slice(), Slice(), Slice(), None, None});
        return all.reshape({b, heads, volume(qg), volume(kg)});
    }

    std::int64_t m_heads, m_headDim, m_outputChannels;
    torch::nn::Linear m_project{nullptr}; // project.0
};
TORCH_MODULE(MViTAttention);

class MViTBlockImpl : public torch::nn::Module {
public:
    MViTBlockImpl(const Extent3 &inputGrid, const MViTBlockSetting &s, double dropProbability)
        : m_dropProbability(dropProbability)
    {
        norm1 = register_module("norm1", layerNorm(s.inputChannels));
        attn = register_module("attn", MViTAttention(inputGrid, s));
        norm2 = register_module("norm2", layerNorm(s.outputChannels));
        // torchvision's MLP: Linear, GELU, Dropout, Linear, Dropout (p = 0), so "mlp.0" and "mlp.3".
        m_fc1 = linear(s.outputChannels, 4 * s.outputChannels);
        m_fc2 = linear(4 * s.outputChannels, s.outputChannels);
        mlp = register_module("mlp", torch::nn::Sequential(m_fc1, torch::nn::GELU(), torch::nn::Dropout(0.0), m_fc2, torch::nn::Dropout(0.0)));
        if (s.inputChannels != s.outputChannels)
            project = register_module("project", linear(s.inputChannels, s.outputChannels));
        if (volume(s.strideQ) > 1) {
            m_skip = true;
            for (int d = 0; d < 3; ++d) {
                m_skipKernel[std::size_t(d)] = s.strideQ[std::size_t(d)] > 1 ? s.strideQ[std::size_t(d)] + 1 : s.strideQ[std::size_t(d)];
                m_skipStride[std::size_t(d)] = s.strideQ[std::size_t(d)];
            }
        }
    }

    std::pair<torch::Tensor, Extent3> forward(const torch::Tensor &x, const Extent3 &grid, MViTBlockAttention *record)
    {
        const torch::Tensor normed = norm1->forward(x);
        auto [attended, outputGrid] = attn->forward(normed, grid, record);
        torch::Tensor residual = project ? linearOf(project, normed) : x;
        if (m_skip) {
            const auto maxPool = [this](const torch::Tensor &cells) {
                return F::max_pool3d(cells, F::MaxPool3dFuncOptions(vec(m_skipKernel)).stride(vec(m_skipStride)).padding(vec(halfOf(m_skipKernel))));
            };
            residual = poolTokens(residual.unsqueeze(1), grid, maxPool).first.squeeze(1);
        }
        if (record) {
            record->inputGrid = grid;
            if (m_skip) {
                record->skipKernel = m_skipKernel;
                record->skipStride = m_skipStride;
                record->skipPadding = halfOf(m_skipKernel);
            }
        }
        torch::Tensor y = residual + dropBranch(attended, m_dropProbability, is_training());
        const torch::Tensor hidden = F::gelu(linearOf(m_fc1, norm2->forward(y)));
        return {y + dropBranch(linearOf(m_fc2, hidden), m_dropProbability, is_training()), outputGrid};
    }

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    MViTAttention attn{nullptr};
    torch::nn::Sequential mlp{nullptr};
    torch::nn::Linear project{nullptr};

private:
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr}; // mlp.0, mlp.3
    double m_dropProbability;
    bool m_skip = false;
    Extent3 m_skipKernel{1, 1, 1}, m_skipStride{1, 1, 1};
};
TORCH_MODULE(MViTBlock);

// torchvision's "pos_encoding": with relative positions (v2) only the class token is learnt.
class MViTClassTokenImpl : public torch::nn::Module {
public:
    explicit MViTClassTokenImpl(std::int64_t channels)
    {
        torch::NoGradGuard noGrad;
        class_token = register_parameter("class_token", torch::empty({channels}).normal_(0.0, 0.02));
    }
    torch::Tensor class_token;
};
TORCH_MODULE(MViTClassToken);

} // namespace

MViTBlockSetting MViTBlockSetting::of(std::int64_t heads, std::int64_t in, std::int64_t out, Extent3 strideQ, Extent3 strideKv)
{
    MViTBlockSetting s;
    s.heads = heads;
    s.inputChannels = in;
    s.outputChannels = out;
    s.strideQ = strideQ;
    s.strideKv = strideKv;
    return s;
}

MViTConfig MViTConfig::v2S(std::int64_t classes)
{
    MViTConfig c;
    c.classes = classes;
    const std::int64_t heads[16] = {1, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 8};
    const std::int64_t in[16] = {96, 96, 192, 192, 384, 384, 384, 384, 384, 384, 384, 384, 384, 384, 384, 768};
    const std::int64_t out[16] = {96, 192, 192, 384, 384, 384, 384, 384, 384, 384, 384, 384, 384, 384, 768, 768};
    for (int i = 0; i < 16; ++i) {
        const bool poolsQueries = i == 1 || i == 3 || i == 14;
        // The key/value stride starts at 8 and shrinks with each query pooling (torchvision's
        // table, which its adaptive rule gives).
        const std::int64_t kv = i == 0 ? 8 : i < 3 ? 4 : i < 14 ? 2 : 1;
        c.blocks.push_back(MViTBlockSetting::of(heads[i], in[i], out[i], poolsQueries ? Extent3{1, 2, 2} : Extent3{1, 1, 1}, {1, kv, kv}));
    }
    return c;
}

MViTConfig MViTConfig::v2Mini(std::int64_t classes)
{
    MViTConfig c;
    c.frames = 8;
    c.height = c.width = 112;
    c.classes = classes;
    c.stochasticDepth = 0.1;
    using B = MViTBlockSetting;
    c.blocks = {B::of(1, 32, 32, {1, 1, 1}, {1, 4, 4}), B::of(2, 32, 64, {1, 2, 2}, {1, 2, 2}), B::of(2, 64, 64, {1, 1, 1}, {1, 2, 2}),
                B::of(4, 64, 128, {1, 2, 2}, {1, 1, 1}), B::of(4, 128, 128, {1, 1, 1}, {1, 1, 1})};
    return c;
}

MViTConfig MViTConfig::named(const std::string &architecture, std::int64_t classes)
{
    if (architecture == "mvit_v2_s")
        return v2S(classes);
    if (architecture == "mvit_v2_mini")
        return v2Mini(classes);
    throw Error("the clip model must be mvit_v2_s or mvit_v2_mini, not \"" + architecture + "\"");
}

MViTImpl::MViTImpl(const MViTConfig &config)
    : m_config(config)
{
    if (config.blocks.empty())
        throw Error("an MViT needs at least one block");
    const std::int64_t channels = config.blocks.front().inputChannels;
    conv_proj = register_module("conv_proj", torch::nn::Conv3d(torch::nn::Conv3dOptions(3, channels, vec(kPatchKernel))
                                                                   .stride(vec(kPatchStride))
                                                                   .padding(vec(kPatchPadding))));
    auto encoding = register_module("pos_encoding", MViTClassToken(channels));
    classToken = encoding->class_token;
    blocks = register_module("blocks", torch::nn::ModuleList());
    // Each block's grid as torchvision sizes its relative tables: integer division by the strides.
    Extent3 grid{config.frames / kPatchStride[0], config.height / kPatchStride[1], config.width / kPatchStride[2]};
    const double last = std::max<double>(1.0, double(config.blocks.size()) - 1.0);
    for (std::size_t i = 0; i < config.blocks.size(); ++i) {
        const MViTBlockSetting &s = config.blocks[i];
        if (i > 0 && s.inputChannels != config.blocks[i - 1].outputChannels)
            throw Error("MViT block " + std::to_string(i) + " takes " + std::to_string(s.inputChannels) + " channels, the one before gives " +
                        std::to_string(config.blocks[i - 1].outputChannels));
        blocks->push_back(MViTBlock(grid, s, config.stochasticDepth * double(i) / last));
        for (int d = 0; d < 3; ++d)
            grid[std::size_t(d)] /= s.strideQ[std::size_t(d)];
    }
    const std::int64_t out = config.blocks.back().outputChannels;
    norm = register_module("norm", layerNorm(out));
    head = register_module("head", torch::nn::Sequential(torch::nn::Dropout(config.dropout), linear(out, config.classes)));
}

void MViTImpl::checkInput(const torch::Tensor &clips) const
{
    const auto expected = [this] {
        return std::to_string(m_config.frames) + " frames of " + std::to_string(m_config.width) + " x " + std::to_string(m_config.height);
    };
    if (clips.dim() != 5 || clips.size(1) != 3)
        throw Error("an MViT takes clips [N, 3, T, H, W] of " + expected());
    if (clips.size(2) != m_config.frames || clips.size(3) != m_config.height || clips.size(4) != m_config.width)
        throw Error("this MViT takes clips of " + expected() + ", not " + std::to_string(clips.size(2)) + " frames of " +
                    std::to_string(clips.size(4)) + " x " + std::to_string(clips.size(3)));
}

torch::Tensor MViTImpl::forward(const torch::Tensor &clips)
{
    const auto [tokens, grid] = encode(clips, blockCount());
    return finish(tokens, grid, blockCount());
}

MViTTrace MViTImpl::forwardTraced(const torch::Tensor &clips, bool keepAttention)
{
    MViTTrace trace;
    std::vector<MViTBlockAttention> *attention = keepAttention ? &trace.attention : nullptr;
    std::tie(trace.tokens, trace.tokenGrid) = encode(clips, blockCount() - 1, attention);
    trace.logits = finish(trace.tokens, trace.tokenGrid, blockCount() - 1, attention);
    return trace;
}

std::pair<torch::Tensor, Extent3> MViTImpl::encode(const torch::Tensor &clips, std::size_t count, std::vector<MViTBlockAttention> *attention)
{
    checkInput(clips);
    torch::Tensor x = conv_proj->forward(clips);
    Extent3 grid{x.size(2), x.size(3), x.size(4)};
    x = x.flatten(2).transpose(1, 2);
    x = torch::cat({classToken.expand({x.size(0), -1}).unsqueeze(1), x}, 1);
    if (attention)
        attention->assign(blocks->size(), MViTBlockAttention{});
    for (std::size_t i = 0; i < std::min(count, blocks->size()); ++i)
        std::tie(x, grid) = blocks[i]->as<MViTBlockImpl>()->forward(x, grid, attention ? &(*attention)[i] : nullptr);
    return {x, grid};
}

torch::Tensor MViTImpl::finish(const torch::Tensor &tokens, const Extent3 &grid, std::size_t fromBlock, std::vector<MViTBlockAttention> *attention)
{
    torch::Tensor x = tokens;
    Extent3 g = grid;
    for (std::size_t i = fromBlock; i < blocks->size(); ++i)
        std::tie(x, g) = blocks[i]->as<MViTBlockImpl>()->forward(x, g, attention ? &(*attention)[i] : nullptr);
    // The norm works token by token, so normalising the class token alone is the same.
    return head->forward(norm->forward(x.select(1, 0)));
}

torch::Tensor poolingSpread(std::int64_t out, std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t padding)
{
    torch::Tensor spread = torch::zeros({out, in});
    auto cell = spread.accessor<float, 2>();
    for (std::int64_t o = 0; o < out; ++o) {
        const std::int64_t from = std::max<std::int64_t>(0, o * stride - padding);
        const std::int64_t to = std::min(in, o * stride - padding + kernel);
        for (std::int64_t i = from; i < to; ++i)
            cell[o][i] = 1.0f / float(to - from);
    }
    return spread;
}

namespace {
// r [N, t*h*w] on `out` -> [N, in volume], each pooled cell's value spread over its window.
torch::Tensor spreadGrid(const torch::Tensor &r, const Extent3 &out, const Extent3 &in, const Extent3 &kernel, const Extent3 &stride,
                         const Extent3 &padding)
{
    const torch::Tensor t = poolingSpread(out[0], in[0], kernel[0], stride[0], padding[0]);
    const torch::Tensor h = poolingSpread(out[1], in[1], kernel[1], stride[1], padding[1]);
    const torch::Tensor w = poolingSpread(out[2], in[2], kernel[2], stride[2], padding[2]);
    torch::Tensor g = r.reshape({r.size(0), out[0], out[1], out[2]});
    g = torch::einsum("nthw,ta->nahw", {g, t});
    g = torch::einsum("nahw,hb->nabw", {g, h});
    g = torch::einsum("nabw,wc->nabc", {g, w});
    return g.reshape({r.size(0), -1});
}

// The same on a token sequence: the class token keeps its value.
torch::Tensor spreadTokens(const torch::Tensor &r, const Extent3 &out, const Extent3 &in, const Extent3 &kernel, const Extent3 &stride,
                           const Extent3 &padding)
{
    return torch::cat({r.narrow(1, 0, 1), spreadGrid(r.narrow(1, 1, r.size(1) - 1), out, in, kernel, stride, padding)}, 1);
}
} // namespace

torch::Tensor mvitAttentionRollout(const MViTTrace &trace, const MViTConfig &config)
{
    if (trace.attention.empty() || !trace.attention.front().weights.defined())
        throw Error("attention rollout needs the attention of every block (forwardTraced with keepAttention)");
    torch::NoGradGuard noGrad;
    const std::int64_t n = trace.attention.front().weights.size(0);
    torch::Tensor r = torch::zeros({n, trace.attention.back().weights.size(1)});
    r.select(1, 0).fill_(1.0f); // the class token, which the head reads
    for (auto it = trace.attention.rbegin(); it != trace.attention.rend(); ++it) {
        const MViTBlockAttention &a = *it;
        const torch::Tensor keys = torch::bmm(r.unsqueeze(1), a.weights.to(torch::kFloat)).squeeze(1);
        const torch::Tensor viaAttention = spreadTokens(keys, a.keyGrid, a.inputGrid, a.keyKernel, a.keyStride, a.keyPadding);
        const torch::Tensor viaResidual = spreadTokens(r, a.queryGrid, a.inputGrid, a.skipKernel, a.skipStride, a.skipPadding);
        r = 0.5 * viaAttention + 0.5 * viaResidual;
    }
    const Extent3 patches = trace.attention.front().inputGrid;
    const Extent3 pixels{config.frames, config.height, config.width};
    return spreadGrid(r.narrow(1, 1, r.size(1) - 1), patches, pixels, kPatchKernel, kPatchStride, kPatchPadding)
        .reshape({n, config.frames, config.height, config.width});
}

} // namespace periscope
