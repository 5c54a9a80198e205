// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotNets.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

namespace periscope::slot {

namespace {

// timm's ViT initialisation, which the repository applies to its backbone: linear weights from
// N(0, 0.02), biases zero, LayerNorm at identity. The tokens and embeddings use the same std.
void initVitWeights(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    for (auto &child : module.modules(/*include_self=*/false)) {
        if (auto *linear = child->as<torch::nn::Linear>()) {
            linear->weight.normal_(0.0, 0.02);
            if (linear->bias.defined())
                linear->bias.zero_();
        } else if (auto *norm = child->as<torch::nn::LayerNorm>()) {
            norm->weight.fill_(1.0);
            norm->bias.zero_();
        }
    }
}

} // namespace

std::string SlotNetConfig::architecture() const
{
    return globalFrom == GlobalFrom::SlotMean ? "backbone-obj_fn(-global_fn-global_proj)-obj_proj"
                                              : "backbone(-global_fn-global_proj)-obj_fn-obj_proj";
}

PatchEmbedImpl::PatchEmbedImpl(std::int64_t patchSize, std::int64_t dim)
{
    proj = register_module("proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, dim, patchSize).stride(patchSize)));
}

torch::Tensor PatchEmbedImpl::forward(const torch::Tensor &images)
{
    return proj(images).flatten(2).transpose(1, 2); // [B, D, h, w] -> [B, hw, D], row-major patches
}

PositionalEmbeddingImpl::PositionalEmbeddingImpl(std::int64_t tokens, std::int64_t dim)
{
    embed = register_parameter("embed", torch::randn({tokens, dim}) * 0.02);
}

SelfAttentionImpl::SelfAttentionImpl(std::int64_t dim, std::int64_t heads, bool scaled) : m_heads(heads), m_scaled(scaled)
{
    // Sequential indices as in the repository: proj_qkv = [Linear, Rearrange],
    // proj_out = [Rearrange, Linear, Dropout]; the parameter-free steps are identities here.
    proj_qkv = register_module("proj_qkv", torch::nn::Sequential(torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * dim).bias(false))));
    proj_out = register_module("proj_out", torch::nn::Sequential(torch::nn::Identity(), torch::nn::Linear(dim, dim)));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor &x)
{
    const auto batch = x.size(0), length = x.size(1), dim = x.size(2), headDim = dim / m_heads;
    // "B L (three H C) -> three B L H C", then heads first for the batched products.
    auto qkv = proj_qkv->forward(x).view({batch, length, 3, m_heads, headDim}).permute({2, 0, 3, 1, 4});
    // Fused attention over [B, H, L, C]. The repository's backbone may leave the scores unscaled
    // (scale 1), which the fused kernel takes as an explicit scale.
    const std::optional<double> scale = m_scaled ? std::optional<double>() : std::optional<double>(1.0);
    auto out = at::scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], /*attn_mask=*/{}, /*dropout_p=*/0.0,
                                                /*is_causal=*/false, scale);
    return proj_out->forward(out.transpose(1, 2).reshape({batch, length, dim}));
}

TwoLayerMlpImpl::TwoLayerMlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out, bool outBias)
{
    fc1 = register_module("fc1", torch::nn::Linear(in, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(torch::nn::LinearOptions(hidden, out).bias(outBias)));
}

SelfAttentionBlockImpl::SelfAttentionBlockImpl(std::int64_t dim, std::int64_t heads, std::int64_t hidden, bool scaled)
{
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    attn = register_module("attn", SelfAttention(dim, heads, scaled));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    mlp = register_module("mlp", TwoLayerMlp(dim, hidden, dim));
}

torch::Tensor SelfAttentionBlockImpl::forward(torch::Tensor x)
{
    x = x + attn(norm1(x));
    return x + mlp(norm2(x));
}

VitBackboneImpl::VitBackboneImpl(const SlotNetConfig &config) : m_config(config)
{
    patch_emb = register_module("patch_emb", PatchEmbed(config.patchSize, config.dim));
    pos_embed = register_module("pos_embed", PositionalEmbedding(config.tokens(), config.dim));
    attn_blocks = register_module("attn_blocks", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.layers; ++i)
        attn_blocks->push_back(SelfAttentionBlock(config.dim, config.heads, config.blockHidden, config.scaleBackboneAttention));
    if (config.clsToken)
        cls_token = register_parameter("cls_token", torch::randn({config.dim}) * 0.02);
    initVitWeights(*this);
}

std::pair<torch::Tensor, torch::Tensor> VitBackboneImpl::forward(const torch::Tensor &images)
{
    const auto batch = images.size(0);
    auto x = patch_emb(images);
    const bool cls = cls_token.defined();
    if (cls)
        x = torch::cat({cls_token.expand({batch, 1, -1}), x}, 1);
    for (std::size_t i = 0; i < attn_blocks->size(); ++i) {
        if (i == 0 || m_config.posEmbedEveryLayer) {
            // The class token carries no position.
            x = cls ? torch::cat({x.narrow(1, 0, 1), pos_embed(x.narrow(1, 1, x.size(1) - 1))}, 1) : pos_embed(x);
        }
        x = attn_blocks[i]->as<SelfAttentionBlock>()->forward(x);
    }
    if (cls)
        return {x.select(1, 0), x.narrow(1, 1, x.size(1) - 1)};
    return {x.mean(1), x};
}

SlotAttentionImpl::SlotAttentionImpl(std::int64_t dim, std::int64_t hidden, std::int64_t iterations, double eps)
    : iterations(iterations), m_eps(eps)
{
    to_q = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(dim, dim).bias(false)));
    to_k = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(dim, dim).bias(false)));
    to_v = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(dim, dim).bias(false)));
    gru = register_module("gru", torch::nn::GRUCell(dim, dim));
    mlp = register_module("mlp", torch::nn::Sequential(torch::nn::Linear(dim, hidden), torch::nn::ReLU(), torch::nn::Linear(hidden, dim)));
    norm_input = register_module("norm_input", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    norm_slots = register_module("norm_slots", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    norm_pre_ff = register_module("norm_pre_ff", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
}

torch::Tensor SlotAttentionImpl::forward(torch::Tensor queries, torch::Tensor inputs, std::vector<torch::Tensor> *attention)
{
    torch::Tensor slots = queries;
    const auto batch = slots.size(0), count = slots.size(1), dim = slots.size(2);
    inputs = norm_input(inputs);
    const auto k = to_k(inputs), v = to_v(inputs);
    const double scale = std::sqrt(double(dim));
    for (std::int64_t i = 0; i < iterations; ++i) {
        const auto previous = slots;
        const auto q = to_q(norm_slots(slots)) / scale;
        // Slots compete for each input: softmax over the slot axis.
        auto attn = torch::matmul(q, k.transpose(1, 2)).softmax(1); // [B, S, N]
        if (attention)
            attention->push_back(attn.detach());
        attn = attn + m_eps;
        attn = attn / attn.sum(-1, true); // a weighted mean over the inputs
        const auto updates = torch::matmul(attn, v);
        slots = gru(updates.reshape({-1, dim}), previous.reshape({-1, dim})).reshape({batch, count, dim});
        slots = slots + mlp->forward(norm_pre_ff(slots));
    }
    return slots;
}

ObjectQueriesImpl::ObjectQueriesImpl(std::int64_t count, std::int64_t dim, bool sampled) : m_slots(count), m_sampled(sampled)
{
    if (sampled) {
        const double limit = std::sqrt(6.0 / double(dim)); // the repository's Glorot-style bound
        mu = register_parameter("mu", torch::empty({dim}).uniform_(-limit, limit));
        log_sigma = register_parameter("log_sigma", torch::empty({dim}).uniform_(-limit, limit));
    } else {
        tokens = register_parameter("tokens", torch::randn({count, dim}) * 0.02);
    }
}

torch::Tensor ObjectQueriesImpl::forward(std::int64_t batch)
{
    if (!m_sampled)
        return tokens.unsqueeze(0).expand({batch, -1, -1});
    torch::Tensor noise;
    if (is_training()) {
        noise = torch::randn({batch, m_slots, mu.size(0)}, mu.options());
    } else {
        // Evaluation draws the same slots every time, as the repository does with a fixed seed.
        auto generator = at::make_generator<at::CPUGeneratorImpl>(18327415066407224732ull);
        noise = torch::randn({batch, m_slots, mu.size(0)}, generator, torch::kFloat).to(mu.device());
    }
    return mu + log_sigma.exp() * noise;
}

ObjectCentricNetImpl::ObjectCentricNetImpl(const SlotNetConfig &config) : m_config(config)
{
    backbone = register_module("backbone", VitBackbone(config));
    global_fn = register_module("global_fn", TwoLayerMlp(config.dim, config.globalHidden, config.dim));
    global_proj = register_module("global_proj", TwoLayerMlp(config.dim, config.globalProjHidden, config.dim, false));
    obj_queries = register_module("obj_queries", ObjectQueries(config.slotCount, config.dim, config.sampledQueries));
    obj_fn = register_module("obj_fn", SlotAttention(config.dim, config.slotHidden, config.iterations));
    obj_proj = register_module("obj_proj", TwoLayerMlp(config.dim, config.objectProjHidden, config.dim, false));
}

SlotNetOutput ObjectCentricNetImpl::forward(const torch::Tensor &images, bool keepAttention)
{
    SlotNetOutput out;
    auto [pooled, patches] = backbone(images);
    out.patches = patches;
    out.slotFeatures = obj_fn(obj_queries(images.size(0)), patches, keepAttention ? &out.attention : nullptr);
    out.slotProjections = obj_proj(out.slotFeatures);
    out.globalFeatures = global_fn(m_config.globalFrom == GlobalFrom::SlotMean ? out.slotFeatures.mean(1) : pooled);
    out.globalProjection = global_proj(out.globalFeatures);
    return out;
}

} // namespace periscope::slot
