// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// MViT-v2 (Li et al., CVPR 2022), the video transformer the DeepFake workspace explains, with
// torchvision's parameter names (conv_proj, pos_encoding.class_token, blocks.N.norm1 / attn.qkv /
// attn.pool_q|k|v.pool / .norm_act.0 / attn.rel_pos_h|w|t / attn.project.0 / norm2 / mlp.0|3 /
// project, norm, head.1), so torchvision's Kinetics-400 checkpoint of mvit_v2_s loads as it is and
// gives the same logits. As torchvision builds v2: pooled attention with residual pooling (not on
// the class token), decomposed relative positions, the channel projection after attention.
//
// forwardTraced also returns what explanations need: each block's attention (the heads' mean) with
// the pooling geometry that relates its query, key and input grids, for attention rollout, and the
// last block's tokens, for Grad-CAM on tokens.
#pragma once

#include <torch/torch.h>

#include <array>
#include <string>
#include <vector>

namespace periscope {

using Extent3 = std::array<std::int64_t, 3>; // (t, h, w)

struct MViTBlockSetting {
    std::int64_t heads = 1;
    std::int64_t inputChannels = 96;
    std::int64_t outputChannels = 96;
    Extent3 kernelQ{3, 3, 3};
    Extent3 kernelKv{3, 3, 3};
    Extent3 strideQ{1, 1, 1};
    Extent3 strideKv{1, 1, 1};

    // A block with 3 x 3 x 3 pooling kernels, as every v2 block has.
    static MViTBlockSetting of(std::int64_t heads, std::int64_t in, std::int64_t out, Extent3 strideQ, Extent3 strideKv);
};

struct MViTConfig {
    std::int64_t frames = 16;   // the clip's length the network is built for
    std::int64_t height = 224;  // and its frame size; the relative tables depend on them
    std::int64_t width = 224;
    std::vector<MViTBlockSetting> blocks;
    double dropout = 0.5;          // before the head, in training
    double stochasticDepth = 0.2;  // the last block's drop probability in training
    std::int64_t classes = 400;

    // torchvision's mvit_v2_s: 16 blocks, 96 to 768 channels, 16 frames at 224 x 224.
    static MViTConfig v2S(std::int64_t classes = 400);
    // Ours, for training on two CPU cores: mvit_v2_s's pattern (query pooling at blocks 1 and 3,
    // adaptive key/value strides) in 5 blocks of 32 to 128 channels, 8 frames at 112 x 112.
    static MViTConfig v2Mini(std::int64_t classes = 1);
    // "mvit_v2_s" or "mvit_v2_mini"; throws periscope::Error naming them otherwise.
    static MViTConfig named(const std::string &architecture, std::int64_t classes);

    // The normalisation torchvision's Kinetics weights expect of RGB in [0, 1].
    static constexpr double kMean = 0.45;
    static constexpr double kStd = 0.225;
};

// One block's attention as rollout needs it. Token 0 of every sequence is the class token; the
// others are grids (t, h, w) in raster order.
struct MViTBlockAttention {
    torch::Tensor weights; // [N, queries, keys], the mean over heads of the softmax, on the CPU
    Extent3 inputGrid{}, queryGrid{}, keyGrid{};
    Extent3 keyKernel{1, 1, 1}, keyStride{1, 1, 1}, keyPadding{0, 0, 0};    // input -> key grid
    Extent3 skipKernel{1, 1, 1}, skipStride{1, 1, 1}, skipPadding{0, 0, 0}; // input -> query grid (the residual)
};

struct MViTTrace {
    torch::Tensor logits;    // [N, classes]
    torch::Tensor tokens;    // the last block's input, [N, 1 + t*h*w, C]
    Extent3 tokenGrid{};     // its (t, h, w)
    std::vector<MViTBlockAttention> attention; // per block, when asked for
};

class MViTImpl : public torch::nn::Module {
public:
    explicit MViTImpl(const MViTConfig &config);
    // [N, 3, T, H, W] normalised, exactly the configured T, H, W -> logits [N, classes].
    torch::Tensor forward(const torch::Tensor &clips);
    MViTTrace forwardTraced(const torch::Tensor &clips, bool keepAttention);
    // The two halves of forward: the patch embedding and the first `blocks` blocks (tokens
    // [N, 1 + t*h*w, C] and their grid; each block's attention where `attention` is given), then
    // the remaining blocks, the final norm and the head on the class token. Grad-CAM
    // differentiates the logits with respect to the last block's input: only the last block's
    // attention carries the grid into the class token the head reads.
    std::pair<torch::Tensor, Extent3> encode(const torch::Tensor &clips, std::size_t blocks,
                                             std::vector<MViTBlockAttention> *attention = nullptr);
    torch::Tensor finish(const torch::Tensor &tokens, const Extent3 &grid, std::size_t fromBlock,
                         std::vector<MViTBlockAttention> *attention = nullptr);
    std::size_t blockCount() const { return m_config.blocks.size(); }
    const MViTConfig &config() const { return m_config; }
    // Throws periscope::Error with a one-line reason when `clips` is not what forward takes.
    void checkInput(const torch::Tensor &clips) const;

    torch::nn::Conv3d conv_proj{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Sequential head{nullptr};
    torch::Tensor classToken; // "pos_encoding.class_token"

private:
    MViTConfig m_config;
};
TORCH_MODULE(MViT);

// Attention rollout (Abnar and Zuidema, ACL 2020) carried through MViT's pooling: starting from the
// class token at the top, each block passes its relevance down half through its attention (heads
// averaged) and half through its residual path. Pooled grids are undone by spreading each pooled
// token's share evenly over the positions of its pooling window (so every step keeps the total),
// last through the patch convolution to pixels. Returns [N, T, H, W] on the CPU, non-negative.
torch::Tensor mvitAttentionRollout(const MViTTrace &trace, const MViTConfig &config);

// The [out, in] matrix that spreads each of `out` pooled positions evenly over the in-range
// positions of its window (kernel, stride, padding) along one axis; each row sums to 1.
torch::Tensor poolingSpread(std::int64_t out, std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t padding);

} // namespace periscope
