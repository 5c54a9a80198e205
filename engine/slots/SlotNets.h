// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The object-centric model of Baldassarre & Azizpour, "Towards Self-Supervised Learning of Global
// and Object-Centric Representations" (ICLR 2022 workshop), with the parameter names of its
// repository (baldassarreFe/iclr-osc-22, March 2022) so that its checkpoints load strictly:
//
//   backbone.patch_emb.proj.{weight,bias}            P x P patches -> D (P = 8 in the paper)
//   backbone.pos_embed.embed                         [N, D], added before every block
//   backbone.cls_token                               [D] (global_pool "cls")
//   backbone.attn_blocks.I.norm1 / attn.proj_qkv.0 / attn.proj_out.1 / norm2 / mlp.fc1 / mlp.fc2
//   obj_queries.tokens                               [S, D] learned (or .mu / .log_sigma: sampled)
//   obj_fn.to_q / to_k / to_v / gru / mlp.0 / mlp.2 / norm_input / norm_slots / norm_pre_ff
//   global_fn.fc1 / fc2, global_proj.fc1 / fc2 (no bias), obj_proj.fc1 / fc2 (no bias)
//
// Two of the repository's choices are kept on purpose, because its checkpoints were trained with
// them: the backbone's self-attention does not divide the dot products by sqrt(head dim) (its
// SelfAttention computes the scale but never applies it; `scaleBackboneAttention` turns the usual
// scaling on), and the slot MLP uses ReLU while the heads use GELU.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace periscope::slot {

// How the global representation is formed (the repository's `architecture` strings).
enum class GlobalFrom {
    SlotMean,  // "backbone-obj_fn(-global_fn-global_proj)-obj_proj": global head on the mean of slots
    Backbone,  // "backbone(-global_fn-global_proj)-obj_fn-obj_proj": on the backbone's pooled output
};

struct SlotNetConfig {
    std::int64_t imageSize = 128;
    std::int64_t patchSize = 8;
    std::int64_t dim = 64;
    std::int64_t layers = 4;
    std::int64_t heads = 4;
    std::int64_t blockHidden = 128;     // mlp_ratio 2
    bool clsToken = true;               // global_pool "cls" (else "avg")
    bool posEmbedEveryLayer = true;
    bool scaleBackboneAttention = false;
    bool sampledQueries = false;        // SampledObjectTokens (mu, log_sigma) instead of learned tokens
    std::int64_t slotCount = 11;
    std::int64_t iterations = 3;
    std::int64_t slotHidden = 128;      // residual MLP D -> 2D -> D
    std::int64_t globalHidden = 128;
    std::int64_t globalProjHidden = 128;
    std::int64_t objectProjHidden = 256; // the repository builds obj_proj with 4D
    GlobalFrom globalFrom = GlobalFrom::SlotMean;

    std::int64_t grid() const { return imageSize / patchSize; }
    std::int64_t tokens() const { return grid() * grid(); }
    std::string architecture() const;
};

struct SlotNetOutput {
    torch::Tensor patches;          // [B, N, D] backbone features
    torch::Tensor globalFeatures;   // [B, D]   f_global
    torch::Tensor globalProjection; // [B, D]   p_global
    torch::Tensor slotFeatures;     // [B, S, D] f_slots
    torch::Tensor slotProjections;  // [B, S, D] p_slots
    // One per iteration: [B, S, N], right after the softmax over slots and before the
    // renormalisation over inputs (where the repository's hook reads it).
    std::vector<torch::Tensor> attention;
};

class PatchEmbedImpl : public torch::nn::Module {
public:
    PatchEmbedImpl(std::int64_t patchSize, std::int64_t dim);
    torch::Tensor forward(const torch::Tensor &images); // [B, 3, H, W] -> [B, N, D]
    torch::nn::Conv2d proj{nullptr};
};
TORCH_MODULE(PatchEmbed);

class PositionalEmbeddingImpl : public torch::nn::Module {
public:
    PositionalEmbeddingImpl(std::int64_t tokens, std::int64_t dim);
    torch::Tensor forward(const torch::Tensor &x) { return x + embed; }
    torch::Tensor embed;
};
TORCH_MODULE(PositionalEmbedding);

class SelfAttentionImpl : public torch::nn::Module {
public:
    SelfAttentionImpl(std::int64_t dim, std::int64_t heads, bool scaled);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Sequential proj_qkv{nullptr}, proj_out{nullptr};

private:
    std::int64_t m_heads;
    bool m_scaled;
};
TORCH_MODULE(SelfAttention);

// timm's Mlp and the repository's MLP: fc1, activation, fc2.
class TwoLayerMlpImpl : public torch::nn::Module {
public:
    TwoLayerMlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out, bool outBias = true);
    torch::Tensor forward(const torch::Tensor &x) { return fc2(torch::gelu(fc1(x))); }
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(TwoLayerMlp);

class SelfAttentionBlockImpl : public torch::nn::Module {
public:
    SelfAttentionBlockImpl(std::int64_t dim, std::int64_t heads, std::int64_t hidden, bool scaled);
    torch::Tensor forward(torch::Tensor x);
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    SelfAttention attn{nullptr};
    TwoLayerMlp mlp{nullptr};
};
TORCH_MODULE(SelfAttentionBlock);

class VitBackboneImpl : public torch::nn::Module {
public:
    explicit VitBackboneImpl(const SlotNetConfig &config);
    // Returns {pooled [B, D], patches [B, N, D]}.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &images);
    PatchEmbed patch_emb{nullptr};
    PositionalEmbedding pos_embed{nullptr};
    torch::nn::ModuleList attn_blocks{nullptr};
    torch::Tensor cls_token; // undefined with average pooling

private:
    SlotNetConfig m_config;
};
TORCH_MODULE(VitBackbone);

class SlotAttentionImpl : public torch::nn::Module {
public:
    SlotAttentionImpl(std::int64_t dim, std::int64_t hidden, std::int64_t iterations, double eps = 1e-8);
    // slots [B, S, D], inputs [B, N, D] -> slots [B, S, D]; `attention` receives each iteration's
    // [B, S, N] attention when not null.
    torch::Tensor forward(torch::Tensor queries, torch::Tensor inputs, std::vector<torch::Tensor> *attention = nullptr);
    torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::GRUCell gru{nullptr};
    torch::nn::Sequential mlp{nullptr};
    torch::nn::LayerNorm norm_input{nullptr}, norm_slots{nullptr}, norm_pre_ff{nullptr};
    std::int64_t iterations;

private:
    double m_eps;
};
TORCH_MODULE(SlotAttention);

// Learned (`tokens`) or sampled (`mu`, `log_sigma`) slot initialisations, [B, S, D].
class ObjectQueriesImpl : public torch::nn::Module {
public:
    ObjectQueriesImpl(std::int64_t count, std::int64_t dim, bool sampled);
    torch::Tensor forward(std::int64_t batch);
    bool sampled() const { return m_sampled; }
    torch::Tensor tokens, mu, log_sigma;

private:
    std::int64_t m_slots;
    bool m_sampled;
};
TORCH_MODULE(ObjectQueries);

class ObjectCentricNetImpl : public torch::nn::Module {
public:
    explicit ObjectCentricNetImpl(const SlotNetConfig &config);
    // images [B, 3, size, size], ImageNet-normalised.
    SlotNetOutput forward(const torch::Tensor &images, bool keepAttention = false);
    const SlotNetConfig &config() const { return m_config; }

    VitBackbone backbone{nullptr};
    TwoLayerMlp global_fn{nullptr}, global_proj{nullptr}, obj_proj{nullptr};
    ObjectQueries obj_queries{nullptr};
    SlotAttention obj_fn{nullptr};

private:
    SlotNetConfig m_config;
};
TORCH_MODULE(ObjectCentricNet);

} // namespace periscope::slot
