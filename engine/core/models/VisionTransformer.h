// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// A Vision Transformer whose parameter names follow timm's and DINOv2's (patch_embed.proj,
// cls_token, register_tokens, pos_embed, blocks.N.norm1 / attn.qkv / attn.proj / ls1.gamma /
// norm2 / mlp.fc1 / mlp.fc2 / ls2.gamma, norm, head), so their checkpoints load without renaming.
// Attention runs through LibTorch 2.x's fused scaled_dot_product_attention.
#pragma once

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

    static VitConfig base14() { return {}; }                             // ViT-B/14
    static VitConfig small14() { return {224, 14, 3, 384, 12, 6, 4.0}; } // ViT-S/14
    static VitConfig large14() { return {224, 14, 3, 1024, 24, 16, 4.0}; } // ViT-L/14
    std::int64_t patches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
    std::int64_t tokens() const { return 1 + registers + patches(); }
    double forwardFlops() const; // multiply-adds x 2, per image
};

class VitAttentionImpl : public torch::nn::Module {
public:
    VitAttentionImpl(std::int64_t dim, std::int64_t heads);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear qkv{nullptr}, proj{nullptr};

private:
    std::int64_t m_heads;
};
TORCH_MODULE(VitAttention);

class VitMlpImpl : public torch::nn::Module {
public:
    VitMlpImpl(std::int64_t dim, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(VitMlp);

class LayerScaleImpl : public torch::nn::Module {
public:
    explicit LayerScaleImpl(std::int64_t dim);
    torch::Tensor forward(const torch::Tensor &x) { return x * gamma; }
    torch::Tensor gamma;
};
TORCH_MODULE(LayerScale);

class VitBlockImpl : public torch::nn::Module {
public:
    VitBlockImpl(std::int64_t dim, std::int64_t heads, double mlpRatio, bool layerScale);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    VitAttention attn{nullptr};
    VitMlp mlp{nullptr};
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
    // Tokens after the final norm: [N, 1 + registers + patches, dim].
    torch::Tensor features(const torch::Tensor &images);
    // Class scores from the [CLS] token when the model has a head, else the [CLS] features.
    torch::Tensor forward(const torch::Tensor &images);
    const VitConfig &config() const { return m_config; }

    PatchEmbed patch_embed{nullptr};
    torch::Tensor cls_token, register_tokens, pos_embed;
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear head{nullptr};

private:
    VitConfig m_config;
};
TORCH_MODULE(VisionTransformer);

} // namespace periscope
