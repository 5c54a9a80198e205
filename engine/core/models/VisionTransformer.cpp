// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/VisionTransformer.h"

#include "engine/core/errors/Error.h"

#include <ATen/autocast_mode.h>

#include <cmath>

namespace periscope {

double VitConfig::forwardFlops() const
{
    const double n = double(tokens()), d = double(dim), hidden = double(dim) * mlpRatio;
    const double patchEmbed = double(patches()) * double(channels * patchSize * patchSize) * d;
    const double perBlock = n * d * 3.0 * d      // qkv
                            + 2.0 * n * n * d    // q k^T and attn v
                            + n * d * d          // proj
                            + 2.0 * n * d * hidden; // mlp
    return 2.0 * (patchEmbed + double(depth) * perBlock + (classes > 0 ? d * double(classes) : 0.0));
}

VitAttentionImpl::VitAttentionImpl(std::int64_t dim, std::int64_t heads) : m_heads(heads)
{
    if (dim % heads != 0)
        throw Error("ViT: dim " + std::to_string(dim) + " is not divisible by " + std::to_string(heads) + " heads");
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
}

torch::Tensor VitAttentionImpl::forward(const torch::Tensor &x)
{
    const std::int64_t b = x.size(0), n = x.size(1), c = x.size(2), headDim = c / m_heads;
    const torch::Tensor qkvOut = qkv->forward(x).reshape({b, n, 3, m_heads, headDim}).permute({2, 0, 3, 1, 4});
    // The fused kernel (flash / memory-efficient on CUDA) never materialises the [n, n] scores.
    // On the CPU under bf16 autocast it measured 10-18 % slower than the written-out products,
    // which run in oneDNN's bf16 kernels (ViT-B/14, 257 tokens; docs/benchmarks.md), and at parity
    // in fp32: there the formula stays. Both compute softmax(q k^T / sqrt(d)) v (tst_models).
    if (!x.is_cuda() && at::autocast::is_autocast_enabled(at::kCPU)) {
        const torch::Tensor q = qkvOut[0] * (1.0 / std::sqrt(double(headDim)));
        const torch::Tensor attention = torch::softmax(torch::matmul(q, qkvOut[1].transpose(-2, -1)), -1);
        return proj->forward(torch::matmul(attention, qkvOut[2]).transpose(1, 2).reshape({b, n, c}));
    }
    const torch::Tensor mixed = at::scaled_dot_product_attention(qkvOut[0], qkvOut[1], qkvOut[2]);
    return proj->forward(mixed.transpose(1, 2).reshape({b, n, c}));
}

VitMlpImpl::VitMlpImpl(std::int64_t dim, std::int64_t hidden)
{
    fc1 = register_module("fc1", torch::nn::Linear(dim, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, dim));
}

torch::Tensor VitMlpImpl::forward(const torch::Tensor &x)
{
    return fc2->forward(torch::gelu(fc1->forward(x)));
}

LayerScaleImpl::LayerScaleImpl(std::int64_t dim)
{
    gamma = register_parameter("gamma", torch::full({dim}, 1e-5));
}

VitBlockImpl::VitBlockImpl(std::int64_t dim, std::int64_t heads, double mlpRatio, bool layerScale)
{
    const auto normOptions = torch::nn::LayerNormOptions({dim}).eps(1e-6);
    norm1 = register_module("norm1", torch::nn::LayerNorm(normOptions));
    attn = register_module("attn", VitAttention(dim, heads));
    norm2 = register_module("norm2", torch::nn::LayerNorm(normOptions));
    mlp = register_module("mlp", VitMlp(dim, std::int64_t(std::llround(double(dim) * mlpRatio))));
    if (layerScale) {
        ls1 = register_module("ls1", LayerScale(dim));
        ls2 = register_module("ls2", LayerScale(dim));
    }
}

torch::Tensor VitBlockImpl::forward(const torch::Tensor &x)
{
    torch::Tensor a = attn->forward(norm1->forward(x));
    if (ls1)
        a = ls1->forward(a);
    const torch::Tensor y = x + a;
    torch::Tensor m = mlp->forward(norm2->forward(y));
    if (ls2)
        m = ls2->forward(m);
    return y + m;
}

PatchEmbedImpl::PatchEmbedImpl(std::int64_t channels, std::int64_t dim, std::int64_t patch)
{
    proj = register_module("proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, dim, patch).stride(patch)));
}

VisionTransformerImpl::VisionTransformerImpl(const VitConfig &config) : m_config(config)
{
    if (config.imageSize % config.patchSize != 0)
        throw Error("ViT: image size " + std::to_string(config.imageSize) + " is not a multiple of the patch size");
    patch_embed = register_module("patch_embed", PatchEmbed(config.channels, config.dim, config.patchSize));
    cls_token = register_parameter("cls_token", torch::randn({1, 1, config.dim}) * 0.02);
    if (config.registers > 0)
        register_tokens = register_parameter("register_tokens", torch::zeros({1, config.registers, config.dim}));
    // DINOv2 and timm keep no position for the registers: pos_embed covers [CLS] + patches.
    pos_embed = register_parameter("pos_embed", torch::randn({1, 1 + config.patches(), config.dim}) * 0.02);
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.depth; ++i)
        blocks->push_back(VitBlock(config.dim, config.heads, config.mlpRatio, config.layerScale));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.dim}).eps(1e-6)));
    if (config.classes > 0)
        head = register_module("head", torch::nn::Linear(config.dim, config.classes));
}

torch::Tensor VisionTransformerImpl::features(const torch::Tensor &images)
{
    if (images.dim() != 4 || images.size(2) != m_config.imageSize || images.size(3) != m_config.imageSize)
        throw Error("ViT: expected images [N, " + std::to_string(m_config.channels) + ", " + std::to_string(m_config.imageSize) +
                    ", " + std::to_string(m_config.imageSize) + "], got " + c10::str(images.sizes()));
    const std::int64_t b = images.size(0);
    torch::Tensor x = patch_embed->forward(images);
    x = torch::cat({cls_token.expand({b, -1, -1}), x}, 1) + pos_embed;
    if (register_tokens.defined())
        x = torch::cat({x.narrow(1, 0, 1), register_tokens.expand({b, -1, -1}), x.narrow(1, 1, x.size(1) - 1)}, 1);
    for (const auto &block : *blocks)
        x = block->as<VitBlock>()->forward(x);
    return norm->forward(x);
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor &images)
{
    const torch::Tensor cls = features(images).select(1, 0);
    return head ? head->forward(cls) : cls;
}

} // namespace periscope
