// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// A Vision Transformer whose parameter names follow timm's and DINOv2's (patch_embed.proj,
// cls_token, register_tokens, pos_embed, blocks.N.norm1 / attn.qkv / attn.proj / ls1.gamma /
// norm2 / mlp.fc1 / mlp.fc2 / ls2.gamma, norm, head), so their checkpoints load without renaming.
// Attention runs through LibTorch 2.x's fused scaled_dot_product_attention.
//
// DINOv2 (Oquab et al. 2023) adds: registers, LayerScale, a mask token (used only in its
// training, but in every checkpoint), SwiGLU feed-forward layers (ViT-g: mlp.w12 / mlp.w3), and
// inputs of any size whose sides are multiples of the patch, the position embedding resampled
// bicubically to the input's grid exactly as its interpolate_pos_encoding does.
#pragma once

#include "engine/core/weights/StateDict.h"

#include <torch/torch.h>

namespace periscope {

struct VitConfig {
    std::int64_t imageSize = 224;
    std::int64_t patchSize = 14;
    std::int64_t channels = 3;
    std::int64_t dim = 768;
    std::int64_t depth = 12;
    std::int64_t heads = 12;
    double mlpRatio = 4.0;
    std::int64_t registers = 0;   // DINOv2 "+registers"
    bool layerScale = false;      // DINOv2's ls1 / ls2
    std::int64_t classes = 0;     // 0: no head, forward returns features
    bool maskToken = false;       // DINOv2 checkpoints hold mask_token [1, dim]
    std::int64_t swigluHidden = 0; // > 0: DINOv2's fused SwiGLU feed-forward of this width (ViT-g)
    // DINOv2: inputs of any multiple of the patch, the position embedding resampled to the grid.
    // Without registers DINOv2 scales by (grid + 0.1) / side (interpolateOffset, a kludge it keeps
    // for its released weights); with registers it asks for the grid size with antialiasing.
    bool interpolatePositions = false;
    double interpolateOffset = 0.1;
    bool interpolateAntialias = false;

    static VitConfig base14() { return {}; }                             // ViT-B/14
    static VitConfig small14() { return {224, 14, 3, 384, 12, 6, 4.0}; } // ViT-S/14
    static VitConfig large14() { return {224, 14, 3, 1024, 24, 16, 4.0}; } // ViT-L/14
    std::int64_t patches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
    std::int64_t tokens() const { return 1 + registers + patches(); }
    double forwardFlops() const; // multiply-adds x 2, per image
};

// Multi-head self-attention. DINOv2's backbone has a qkv bias, its dino.txt heads and text
// blocks do not; the text blocks attend causally (each token to itself and those before it).
class VitAttentionImpl : public torch::nn::Module {
public:
    VitAttentionImpl(std::int64_t dim, std::int64_t heads, bool qkvBias = true, bool causal = false);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear qkv{nullptr}, proj{nullptr};

private:
    std::int64_t m_heads;
    bool m_causal;
};
TORCH_MODULE(VitAttention);

class VitMlpImpl : public torch::nn::Module {
public:
    VitMlpImpl(std::int64_t dim, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(VitMlp);

// DINOv2's SwiGLUFFNFused (ViT-g): w12 makes both halves, silu(x1) * x2, then w3.
class SwiGluFusedImpl : public torch::nn::Module {
public:
    SwiGluFusedImpl(std::int64_t dim, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear w12{nullptr}, w3{nullptr};
};
TORCH_MODULE(SwiGluFused);

// DINOv2's SwiGLUFFNAligned (the dino.txt vision blocks): separate w1 and w2, then w3.
class SwiGluImpl : public torch::nn::Module {
public:
    SwiGluImpl(std::int64_t dim, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear w1{nullptr}, w2{nullptr}, w3{nullptr};
};
TORCH_MODULE(SwiGlu);

// The width DINOv2 gives SwiGLUFFNAligned for a nominal hidden width: two thirds, rounded up to
// a multiple of `alignTo` (4096 -> 2752 for ViT-L's dino.txt blocks).
std::int64_t alignedSwiGluHidden(std::int64_t hidden, std::int64_t alignTo);

class LayerScaleImpl : public torch::nn::Module {
public:
    explicit LayerScaleImpl(std::int64_t dim);
    torch::Tensor forward(const torch::Tensor &x) { return x * gamma; }
    torch::Tensor gamma;
};
TORCH_MODULE(LayerScale);

enum class FeedForward { Mlp, SwiGluFused, SwiGlu };

struct VitBlockOptions {
    std::int64_t dim = 768;
    std::int64_t heads = 12;
    std::int64_t hidden = 3072;          // the feed-forward's width (each half's, for SwiGLU)
    FeedForward feedForward = FeedForward::Mlp;
    bool layerScale = false;
    bool qkvBias = true;
    double normEps = 1e-6;               // DINOv2's backbone; torch's default 1e-5 in its heads
};

class VitBlockImpl : public torch::nn::Module {
public:
    explicit VitBlockImpl(const VitBlockOptions &options);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    VitAttention attn{nullptr};
    torch::nn::AnyModule mlp; // VitMlp, SwiGluFused or SwiGlu, as the options say
    LayerScale ls1{nullptr}, ls2{nullptr};
};
TORCH_MODULE(VitBlock);

class PatchEmbedImpl : public torch::nn::Module {
public:
    PatchEmbedImpl(std::int64_t channels, std::int64_t dim, std::int64_t patch);
    torch::Tensor forward(const torch::Tensor &x) { return proj->forward(x).flatten(2).transpose(1, 2); }
    torch::nn::Conv2d proj{nullptr};
};
TORCH_MODULE(PatchEmbed);

class VisionTransformerImpl : public torch::nn::Module {
public:
    explicit VisionTransformerImpl(const VitConfig &config);
    // Tokens after the final norm: [N, 1 + registers + patches, dim], patches in row-major order.
    torch::Tensor features(const torch::Tensor &images);
    // The position embedding for a grid of patches ([1, 1 + rows * cols, dim]), resampled when
    // the grid is not the checkpoint's (interpolatePositions).
    torch::Tensor positionsFor(std::int64_t rows, std::int64_t cols) const;
    // Class scores from the [CLS] token when the model has a head, else the [CLS] features.
    torch::Tensor forward(const torch::Tensor &images);
    const VitConfig &config() const { return m_config; }
    // One more block at the end (config().depth grows by one): for building a large model block
    // by block, each block's weights loaded before the next is made, so that its random
    // initialisation never exists for the whole model at once.
    void appendBlock();

    PatchEmbed patch_embed{nullptr};
    torch::Tensor cls_token, register_tokens, pos_embed, mask_token;
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear head{nullptr};

private:
    VitConfig m_config;
};
TORCH_MODULE(VisionTransformer);

// The configuration of a DINOv2 backbone read from its checkpoint's tensors (names under
// `prefix`): width, depth, heads (width / 64), patch, the grid it was trained at, registers,
// LayerScale, the feed-forward kind and its width; interpolation as DINOv2's hub builds it.
// Throws periscope::Error naming `file` when the tensors are not a DINOv2 ViT.
VitConfig dinoV2Config(const StateDict &weights, const std::string &prefix, const std::string &file);

} // namespace periscope
