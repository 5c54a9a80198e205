// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/VisionTransformer.h"

#include "engine/core/errors/Error.h"

#include <ATen/autocast_mode.h>

#include <cmath>
#include <limits>

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

namespace {
// Under CPU bf16 autocast, sequences up to this long use the written-out attention (see forward).
constexpr std::int64_t kLongestWrittenOut = 512;
} // namespace

VitAttentionImpl::VitAttentionImpl(std::int64_t dim, std::int64_t heads, bool qkvBias, bool causal) : m_heads(heads), m_causal(causal)
{
    if (heads <= 0 || dim % heads != 0)
        throw Error("ViT: dim " + std::to_string(dim) + " is not divisible by " + std::to_string(heads) + " heads");
    qkv = register_module("qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * dim).bias(qkvBias)));
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
    // Long sequences go to the fused kernel even then: at 1374 tokens (ViT-L/14 at 518 px, dino.txt)
    // the written-out [n, n] scores made the vision tower 1.18x slower than PyTorch eager's.
    if (!x.is_cuda() && at::autocast::is_autocast_enabled(at::kCPU) && n <= kLongestWrittenOut) {
        const torch::Tensor q = qkvOut[0] * (1.0 / std::sqrt(double(headDim)));
        torch::Tensor scores = torch::matmul(q, qkvOut[1].transpose(-2, -1));
        if (m_causal)
            scores = scores.masked_fill(torch::ones({n, n}, torch::TensorOptions().dtype(torch::kBool).device(x.device())).triu(1),
                                        -std::numeric_limits<float>::infinity());
        const torch::Tensor attention = torch::softmax(scores, -1);
        return proj->forward(torch::matmul(attention, qkvOut[2]).transpose(1, 2).reshape({b, n, c}));
    }
    const torch::Tensor mixed = at::scaled_dot_product_attention(qkvOut[0], qkvOut[1], qkvOut[2], {}, 0.0, m_causal);
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

SwiGluFusedImpl::SwiGluFusedImpl(std::int64_t dim, std::int64_t hidden)
{
    w12 = register_module("w12", torch::nn::Linear(dim, 2 * hidden));
    w3 = register_module("w3", torch::nn::Linear(hidden, dim));
}

torch::Tensor SwiGluFusedImpl::forward(const torch::Tensor &x)
{
    const std::vector<torch::Tensor> halves = w12->forward(x).chunk(2, -1);
    return w3->forward(torch::silu(halves[0]) * halves[1]);
}

SwiGluImpl::SwiGluImpl(std::int64_t dim, std::int64_t hidden)
{
    w1 = register_module("w1", torch::nn::Linear(dim, hidden));
    w2 = register_module("w2", torch::nn::Linear(dim, hidden));
    w3 = register_module("w3", torch::nn::Linear(hidden, dim));
}

torch::Tensor SwiGluImpl::forward(const torch::Tensor &x)
{
    return w3->forward(torch::silu(w1->forward(x)) * w2->forward(x));
}

std::int64_t alignedSwiGluHidden(std::int64_t hidden, std::int64_t alignTo)
{
    const auto twoThirds = std::int64_t(double(hidden) * 2.0 / 3.0);
    return (twoThirds + alignTo - 1) / alignTo * alignTo;
}

LayerScaleImpl::LayerScaleImpl(std::int64_t dim)
{
    gamma = register_parameter("gamma", torch::full({dim}, 1e-5));
}

VitBlockImpl::VitBlockImpl(const VitBlockOptions &options)
{
    const std::int64_t dim = options.dim;
    const auto normOptions = torch::nn::LayerNormOptions({dim}).eps(options.normEps);
    norm1 = register_module("norm1", torch::nn::LayerNorm(normOptions));
    attn = register_module("attn", VitAttention(dim, options.heads, options.qkvBias));
    norm2 = register_module("norm2", torch::nn::LayerNorm(normOptions));
    switch (options.feedForward) {
    case FeedForward::Mlp: mlp = torch::nn::AnyModule(VitMlp(dim, options.hidden)); break;
    case FeedForward::SwiGluFused: mlp = torch::nn::AnyModule(SwiGluFused(dim, options.hidden)); break;
    case FeedForward::SwiGlu: mlp = torch::nn::AnyModule(SwiGlu(dim, options.hidden)); break;
    }
    register_module("mlp", mlp.ptr());
    if (options.layerScale) {
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
    torch::Tensor m = mlp.forward(norm2->forward(y));
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
    if (config.patchSize <= 0 || config.imageSize % config.patchSize != 0)
        throw Error("ViT: image size " + std::to_string(config.imageSize) + " is not a multiple of the patch size");
    patch_embed = register_module("patch_embed", PatchEmbed(config.channels, config.dim, config.patchSize));
    cls_token = register_parameter("cls_token", torch::randn({1, 1, config.dim}) * 0.02);
    if (config.registers > 0)
        register_tokens = register_parameter("register_tokens", torch::zeros({1, config.registers, config.dim}));
    // DINOv2 and timm keep no position for the registers: pos_embed covers [CLS] + patches.
    pos_embed = register_parameter("pos_embed", torch::randn({1, 1 + config.patches(), config.dim}) * 0.02);
    if (config.maskToken)
        mask_token = register_parameter("mask_token", torch::zeros({1, config.dim}), /*requires_grad=*/false);
    blocks = register_module("blocks", torch::nn::ModuleList());
    m_config.depth = 0;
    for (std::int64_t i = 0; i < config.depth; ++i)
        appendBlock();
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.dim}).eps(1e-6)));
    if (config.classes > 0)
        head = register_module("head", torch::nn::Linear(config.dim, config.classes));
}

void VisionTransformerImpl::appendBlock()
{
    VitBlockOptions block;
    block.dim = m_config.dim;
    block.heads = m_config.heads;
    block.layerScale = m_config.layerScale;
    block.hidden = m_config.swigluHidden > 0 ? m_config.swigluHidden : std::int64_t(std::llround(double(m_config.dim) * m_config.mlpRatio));
    block.feedForward = m_config.swigluHidden > 0 ? FeedForward::SwiGluFused : FeedForward::Mlp;
    blocks->push_back(VitBlock(block));
    ++m_config.depth;
}

torch::Tensor VisionTransformerImpl::positionsFor(std::int64_t rows, std::int64_t cols) const
{
    const std::int64_t stored = pos_embed.size(1) - 1;
    const auto side = std::int64_t(std::llround(std::sqrt(double(stored))));
    if (rows * cols == stored && rows == cols)
        return pos_embed;
    if (!m_config.interpolatePositions || side * side != stored)
        throw Error("ViT: the position embedding covers " + std::to_string(stored) + " patches, not a " + std::to_string(rows) + " x " +
                    std::to_string(cols) + " grid");
    const std::int64_t dim = pos_embed.size(2);
    const torch::Tensor positions = pos_embed.to(torch::kFloat);
    const torch::Tensor grid = positions.narrow(1, 1, stored).reshape({1, side, side, dim}).permute({0, 3, 1, 2});
    torch::Tensor resampled;
    if (m_config.interpolateOffset != 0.0) {
        // DINOv2 passes scale factors (grid + offset) / side, which the kernel uses as given.
        resampled = at::upsample_bicubic2d(grid, {rows, cols}, false, (double(rows) + m_config.interpolateOffset) / double(side),
                                           (double(cols) + m_config.interpolateOffset) / double(side));
    } else if (m_config.interpolateAntialias) {
        resampled = at::_upsample_bicubic2d_aa(grid, {rows, cols}, false, std::nullopt, std::nullopt);
    } else {
        resampled = at::upsample_bicubic2d(grid, {rows, cols}, false, std::nullopt, std::nullopt);
    }
    resampled = resampled.permute({0, 2, 3, 1}).reshape({1, rows * cols, dim});
    return torch::cat({positions.narrow(1, 0, 1), resampled}, 1).to(pos_embed.scalar_type());
}

torch::Tensor VisionTransformerImpl::features(const torch::Tensor &images)
{
    const std::int64_t p = m_config.patchSize;
    const bool sizeFits = images.dim() == 4 && images.size(1) == m_config.channels &&
                          (m_config.interpolatePositions ? images.size(2) >= p && images.size(3) >= p && images.size(2) % p == 0 && images.size(3) % p == 0
                                                         : images.size(2) == m_config.imageSize && images.size(3) == m_config.imageSize);
    if (!sizeFits)
        throw Error("ViT: expected images [N, " + std::to_string(m_config.channels) + ", " +
                    (m_config.interpolatePositions ? "H, W] with H and W multiples of " + std::to_string(p)
                                                   : std::to_string(m_config.imageSize) + ", " + std::to_string(m_config.imageSize) + "]") +
                    ", got " + c10::str(images.sizes()));
    const std::int64_t b = images.size(0);
    torch::Tensor x = patch_embed->forward(images);
    x = torch::cat({cls_token.expand({b, -1, -1}), x}, 1) + positionsFor(images.size(2) / p, images.size(3) / p);
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

namespace {
const torch::Tensor &tensorOf(const StateDict &weights, const std::string &name, const std::string &file)
{
    if (const torch::Tensor *tensor = findTensor(weights, name))
        return *tensor;
    throw Error(file + " is not a DINOv2 ViT: it has no tensor \"" + name + "\"");
}
} // namespace

VitConfig dinoV2Config(const StateDict &weights, const std::string &prefix, const std::string &file)
{
    const torch::Tensor &patch = tensorOf(weights, prefix + "patch_embed.proj.weight", file);
    const torch::Tensor &positions = tensorOf(weights, prefix + "pos_embed", file);
    if (patch.dim() != 4 || patch.size(2) != patch.size(3) || positions.dim() != 3 || positions.size(2) != patch.size(0))
        throw Error(file + " is not a DINOv2 ViT: its patch embedding and position embedding do not fit together");
    VitConfig config;
    config.dim = patch.size(0);
    config.channels = patch.size(1);
    config.patchSize = patch.size(2);
    // DINOv2 gives every size 64-wide heads (ViT-S 6, B 12, L 16, g 24).
    if (config.dim % 64 != 0)
        throw Error(file + ": a width of " + std::to_string(config.dim) + " does not split into DINOv2's 64-wide heads");
    config.heads = config.dim / 64;
    const auto side = std::int64_t(std::llround(std::sqrt(double(positions.size(1) - 1))));
    if (side * side != positions.size(1) - 1)
        throw Error(file + ": the position embedding's " + std::to_string(positions.size(1) - 1) + " patches are not a square grid");
    config.imageSize = side * config.patchSize;
    config.depth = 0;
    while (findTensor(weights, prefix + "blocks." + std::to_string(config.depth) + ".norm1.weight"))
        ++config.depth;
    if (config.depth == 0)
        throw Error(file + " is not a DINOv2 ViT: it has no blocks.0");
    const torch::Tensor *registers = findTensor(weights, prefix + "register_tokens");
    config.registers = registers && registers->dim() == 3 ? registers->size(1) : 0;
    config.layerScale = findTensor(weights, prefix + "blocks.0.ls1.gamma") != nullptr;
    config.maskToken = findTensor(weights, prefix + "mask_token") != nullptr;
    if (const torch::Tensor *fused = findTensor(weights, prefix + "blocks.0.mlp.w12.weight"))
        config.swigluHidden = fused->size(0) / 2;
    else
        config.mlpRatio = double(tensorOf(weights, prefix + "blocks.0.mlp.fc1.weight", file).size(0)) / double(config.dim);
    config.interpolatePositions = true;
    // As the hub builds them: the register models with antialiasing and no offset.
    config.interpolateOffset = config.registers > 0 ? 0.0 : 0.1;
    config.interpolateAntialias = config.registers > 0;
    return config;
}

} // namespace periscope
