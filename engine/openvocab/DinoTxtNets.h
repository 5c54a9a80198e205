// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// dino.txt (Jose et al., CVPR 2025) as its code builds it (facebookresearch/dinov2,
// dinov2/hub/text): the vision tower is a frozen DINOv2 backbone (VisionTransformer, its own
// checkpoint) and a head of DINOv2 blocks with SwiGLU feed-forward layers, LayerScale and no qkv
// bias, then `ln_final`; the image embedding concatenates the head's [CLS] token with the mean of
// its patch tokens. The text tower is a causal pre-norm transformer (token and position
// embeddings, blocks of attention_norm / attention / ffn_norm / feed_forward, ln_final) pooled at
// the end-of-text token (the largest id) and projected to the image embedding's width. Names
// follow the released `*_vision_head.pth` (block_list.N.*, ln_final) and `*_text_encoder.pth`
// (backbone.*, head.linear_projection.weight), so they load strictly.
#pragma once

#include "engine/core/models/VisionTransformer.h"
#include "engine/core/weights/StateDict.h"

#include <torch/torch.h>

namespace periscope::openvocab {

struct VisionHeadConfig {
    std::int64_t dim = 1024;
    std::int64_t heads = 16;
    std::int64_t blocks = 2;
    std::int64_t hidden = 2752;     // SwiGLU width: alignedSwiGluHidden(4 * dim, 64)
    bool layerScale = true;
    std::int64_t projection = 0;    // > 0: a linear projection (no bias) to this width per half

    std::int64_t embeddingWidth() const { return 2 * (projection > 0 ? projection : dim); }
};

class VisionHeadImpl : public torch::nn::Module {
public:
    explicit VisionHeadImpl(const VisionHeadConfig &config);
    // Backbone tokens [N, 1 + registers + patches, dim] -> the head's tokens, same layout.
    torch::Tensor forward(const torch::Tensor &tokens);
    const VisionHeadConfig &config() const { return m_config; }

    torch::nn::ModuleList block_list{nullptr};
    torch::nn::LayerNorm ln_final{nullptr};
    torch::nn::Linear linear_projection{nullptr};

private:
    VisionHeadConfig m_config;
};
TORCH_MODULE(VisionHead);

struct TextConfig {
    std::int64_t vocabulary = 49408;
    std::int64_t context = 77;
    std::int64_t dim = 1280;
    std::int64_t heads = 20;
    std::int64_t layers = 24;
    std::int64_t hidden = 5120;
    bool layerScale = false;
    std::int64_t headBlocks = 0;    // dino.txt's text head blocks (0 in the released model)
    std::int64_t projection = 2048; // 0: no projection (the embedding is `dim` wide)

    std::int64_t embeddingWidth() const { return projection > 0 ? projection : dim; }
};

// dino.txt's CausalAttentionBlock: pre-norm attention and MLP, optionally LayerScaled.
class TextBlockImpl : public torch::nn::Module {
public:
    TextBlockImpl(std::int64_t dim, std::int64_t heads, std::int64_t hidden, bool layerScale, bool causal);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::LayerNorm attention_norm{nullptr}, ffn_norm{nullptr};
    VitAttention attention{nullptr};
    VitMlp feed_forward{nullptr};
    LayerScale ls1{nullptr}, ls2{nullptr};
};
TORCH_MODULE(TextBlock);

class TextTransformerImpl : public torch::nn::Module {
public:
    explicit TextTransformerImpl(const TextConfig &config);
    torch::Tensor forward(const torch::Tensor &tokenIds);
    void appendBlock(const TextConfig &config);

    torch::nn::Embedding token_embedding{nullptr};
    torch::Tensor positional_embedding;
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm ln_final{nullptr};
};
TORCH_MODULE(TextTransformer);

class TextHeadImpl : public torch::nn::Module {
public:
    explicit TextHeadImpl(const TextConfig &config);
    torch::Tensor forward(const torch::Tensor &tokens);

    torch::nn::ModuleList block_list{nullptr};
    torch::nn::LayerNorm ln_final{nullptr};
    torch::nn::Linear linear_projection{nullptr};
};
TORCH_MODULE(TextHead);

// The text tower: `backbone.*` and `head.*`, as the released text encoder file names them.
class TextTowerImpl : public torch::nn::Module {
public:
    explicit TextTowerImpl(const TextConfig &config);
    // Token ids [N, context] (int64) -> text embeddings [N, embeddingWidth], not normalised.
    torch::Tensor forward(const torch::Tensor &tokenIds);
    // The same with the rows of the embedding table given and the position to pool at: for a
    // small model whose table holds only the words it was trained on (its rows are not CLIP's
    // ids, and the end token is no longer the largest).
    torch::Tensor encode(const torch::Tensor &rows, const torch::Tensor &poolAt);
    const TextConfig &config() const { return m_config; }
    // One more backbone block (config().layers grows by one), as VisionTransformerImpl::appendBlock.
    void appendBlock();

    TextTransformer backbone{nullptr};
    TextHead head{nullptr};

private:
    TextConfig m_config;
};
TORCH_MODULE(TextTower);

// The [CLS] token and the patch tokens after the head, and the image embedding made of them.
struct VisionOutputs {
    torch::Tensor cls;            // [N, D]
    torch::Tensor patchTokens;    // [N, rows * cols, D], row-major
    torch::Tensor imageEmbedding; // [N, 2 D]: cls ‖ mean of the patch tokens
    std::int64_t rows = 0, cols = 0;
};

// The head's tokens [N, 1 + registers + rows * cols, D] -> [CLS], patch tokens, embedding.
VisionOutputs poolHeadTokens(const torch::Tensor &tokens, std::int64_t registers, std::int64_t rows, std::int64_t cols);

// The backbone, then the head, then the pooling: dino.txt's VisionTower.
VisionOutputs runVisionTower(VisionTransformerImpl &backbone, VisionHeadImpl &head, const torch::Tensor &images);

// Configurations read from the released files' tensors (names as they store them). Throw
// periscope::Error naming `file` when a tensor the layout needs is missing or misshapen.
VisionHeadConfig visionHeadConfig(const StateDict &weights, const std::string &file);
TextConfig textConfig(const StateDict &weights, const std::string &file);

} // namespace periscope::openvocab
