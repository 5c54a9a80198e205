// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/DinoTxtNets.h"

#include "engine/core/errors/Error.h"

namespace periscope::openvocab {

namespace {
// torch.nn.LayerNorm's default: dino.txt's head and text blocks use it, the backbone 1e-6.
constexpr double kTorchNormEps = 1e-5;

torch::nn::LayerNorm layerNorm(std::int64_t dim)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(kTorchNormEps));
}

const torch::Tensor &tensorOf(const StateDict &weights, const std::string &name, const std::string &file, const char *what)
{
    const torch::Tensor *tensor = findTensor(weights, name);
    if (!tensor)
        throw Error(file + " is not a dino.txt " + what + ": it has no tensor \"" + name + "\"");
    return *tensor;
}

std::int64_t countBlocks(const StateDict &weights, const std::string &prefix, const std::string &leaf)
{
    std::int64_t count = 0;
    while (findTensor(weights, prefix + std::to_string(count) + leaf))
        ++count;
    return count;
}

// dino.txt's heads are 64 wide at every size (ViT-L: 16; its text encoder: 20 of 1280).
std::int64_t headsFor(std::int64_t dim, const std::string &file)
{
    if (dim <= 0 || dim % 64 != 0)
        throw Error(file + ": a width of " + std::to_string(dim) + " does not split into 64-wide heads");
    return dim / 64;
}
} // namespace

VisionHeadImpl::VisionHeadImpl(const VisionHeadConfig &config) : m_config(config)
{
    block_list = register_module("block_list", torch::nn::ModuleList());
    VitBlockOptions block;
    block.dim = config.dim;
    block.heads = config.heads;
    block.hidden = config.hidden;
    block.feedForward = FeedForward::SwiGlu;
    block.layerScale = config.layerScale;
    block.qkvBias = false;
    block.normEps = kTorchNormEps;
    for (std::int64_t i = 0; i < config.blocks; ++i)
        block_list->push_back(VitBlock(block));
    if (config.blocks > 0)
        ln_final = register_module("ln_final", layerNorm(config.dim));
    if (config.projection > 0)
        linear_projection = register_module("linear_projection", torch::nn::Linear(torch::nn::LinearOptions(config.dim, config.projection).bias(false)));
}

torch::Tensor VisionHeadImpl::forward(const torch::Tensor &tokens)
{
    torch::Tensor x = tokens;
    for (const auto &block : *block_list)
        x = block->as<VitBlock>()->forward(x);
    if (ln_final)
        x = ln_final->forward(x);
    return linear_projection ? linear_projection->forward(x) : x;
}

TextBlockImpl::TextBlockImpl(std::int64_t dim, std::int64_t heads, std::int64_t hidden, bool layerScale, bool causal)
{
    // Registered in the released file's order of names: ls1, attention_norm, attention, ffn_norm,
    // feed_forward, ls2.
    if (layerScale)
        ls1 = register_module("ls1", LayerScale(dim));
    attention_norm = register_module("attention_norm", layerNorm(dim));
    attention = register_module("attention", VitAttention(dim, heads, /*qkvBias=*/false, causal));
    ffn_norm = register_module("ffn_norm", layerNorm(dim));
    feed_forward = register_module("feed_forward", VitMlp(dim, hidden));
    if (layerScale)
        ls2 = register_module("ls2", LayerScale(dim));
}

torch::Tensor TextBlockImpl::forward(const torch::Tensor &x)
{
    torch::Tensor a = attention->forward(attention_norm->forward(x));
    if (ls1)
        a = ls1->forward(a);
    const torch::Tensor y = x + a;
    torch::Tensor m = feed_forward->forward(ffn_norm->forward(y));
    if (ls2)
        m = ls2->forward(m);
    return y + m;
}

TextTransformerImpl::TextTransformerImpl(const TextConfig &config)
{
    token_embedding = register_module("token_embedding", torch::nn::Embedding(config.vocabulary, config.dim));
    positional_embedding = register_parameter("positional_embedding", torch::randn({config.context, config.dim}) * 0.01);
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.layers; ++i)
        appendBlock(config);
    ln_final = register_module("ln_final", layerNorm(config.dim));
}

void TextTransformerImpl::appendBlock(const TextConfig &config)
{
    blocks->push_back(TextBlock(config.dim, config.heads, config.hidden, config.layerScale, /*causal=*/true));
}

torch::Tensor TextTransformerImpl::forward(const torch::Tensor &tokenIds)
{
    const std::int64_t length = tokenIds.size(1);
    if (length > positional_embedding.size(0))
        throw Error("dino.txt text: " + std::to_string(length) + " tokens, and the encoder's context is " + std::to_string(positional_embedding.size(0)));
    torch::Tensor x = token_embedding->forward(tokenIds) + positional_embedding.narrow(0, 0, length);
    for (const auto &block : *blocks)
        x = block->as<TextBlock>()->forward(x);
    return ln_final->forward(x);
}

TextHeadImpl::TextHeadImpl(const TextConfig &config)
{
    block_list = register_module("block_list", torch::nn::ModuleList());
    // dino.txt's text head blocks attend to all tokens (text_model_head_blocks_is_causal=False).
    for (std::int64_t i = 0; i < config.headBlocks; ++i)
        block_list->push_back(TextBlock(config.dim, config.heads, config.hidden, false, /*causal=*/false));
    if (config.headBlocks > 0)
        ln_final = register_module("ln_final", layerNorm(config.dim));
    if (config.projection > 0)
        linear_projection = register_module("linear_projection", torch::nn::Linear(torch::nn::LinearOptions(config.dim, config.projection).bias(false)));
}

torch::Tensor TextHeadImpl::forward(const torch::Tensor &tokens)
{
    torch::Tensor x = tokens;
    for (const auto &block : *block_list)
        x = block->as<TextBlock>()->forward(x);
    if (ln_final)
        x = ln_final->forward(x);
    return linear_projection ? linear_projection->forward(x) : x;
}

TextTowerImpl::TextTowerImpl(const TextConfig &config) : m_config(config)
{
    backbone = register_module("backbone", TextTransformer(config));
    head = register_module("head", TextHead(config));
}

void TextTowerImpl::appendBlock()
{
    backbone->appendBlock(m_config);
    ++m_config.layers;
}

torch::Tensor TextTowerImpl::forward(const torch::Tensor &tokenIds)
{
    if (tokenIds.dim() != 2 || tokenIds.scalar_type() != torch::kLong)
        throw Error("dino.txt text: expected token ids [N, context] (int64), got " + c10::str(tokenIds.sizes()));
    // Pooled at the end-of-text token: the largest id of each row (its first occurrence).
    return encode(tokenIds, tokenIds.argmax(1));
}

torch::Tensor TextTowerImpl::encode(const torch::Tensor &rows, const torch::Tensor &poolAt)
{
    if (rows.numel() > 0 && (rows.min().item<std::int64_t>() < 0 || rows.max().item<std::int64_t>() >= m_config.vocabulary))
        throw Error("dino.txt text: a token id is outside the vocabulary of " + std::to_string(m_config.vocabulary));
    const torch::Tensor tokens = head->forward(backbone->forward(rows));
    return tokens.index({torch::arange(tokens.size(0), poolAt.options()), poolAt});
}

VisionOutputs poolHeadTokens(const torch::Tensor &tokens, std::int64_t registers, std::int64_t rows, std::int64_t cols)
{
    VisionOutputs out;
    out.rows = rows;
    out.cols = cols;
    out.cls = tokens.select(1, 0);
    out.patchTokens = tokens.narrow(1, 1 + registers, tokens.size(1) - 1 - registers);
    out.imageEmbedding = torch::cat({out.cls, out.patchTokens.mean(1)}, -1);
    return out;
}

VisionOutputs runVisionTower(VisionTransformerImpl &backbone, VisionHeadImpl &head, const torch::Tensor &images)
{
    const std::int64_t p = backbone.config().patchSize;
    return poolHeadTokens(head.forward(backbone.features(images)), backbone.config().registers, images.size(2) / p, images.size(3) / p);
}

VisionHeadConfig visionHeadConfig(const StateDict &weights, const std::string &file)
{
    VisionHeadConfig config;
    config.blocks = countBlocks(weights, "block_list.", ".norm1.weight");
    if (config.blocks > 0) {
        config.dim = tensorOf(weights, "block_list.0.norm1.weight", file, "vision head").size(0);
        config.hidden = tensorOf(weights, "block_list.0.mlp.w1.weight", file, "vision head").size(0);
        config.layerScale = findTensor(weights, "block_list.0.ls1.gamma") != nullptr;
    }
    if (const torch::Tensor *projection = findTensor(weights, "linear_projection.weight")) {
        if (projection->dim() != 2)
            throw Error(file + ": \"linear_projection.weight\" is not a linear layer's weight");
        config.projection = projection->size(0);
        if (config.blocks == 0)
            config.dim = projection->size(1);
    } else if (config.blocks == 0) {
        throw Error(file + " is not a dino.txt vision head: it has neither blocks (block_list.N) nor a projection");
    }
    config.heads = headsFor(config.dim, file);
    return config;
}

TextConfig textConfig(const StateDict &weights, const std::string &file)
{
    TextConfig config;
    const torch::Tensor &embedding = tensorOf(weights, "backbone.token_embedding.weight", file, "text encoder");
    const torch::Tensor &positions = tensorOf(weights, "backbone.positional_embedding", file, "text encoder");
    if (embedding.dim() != 2 || positions.dim() != 2 || positions.size(1) != embedding.size(1))
        throw Error(file + ": the token and position embeddings of the text encoder do not fit together");
    config.vocabulary = embedding.size(0);
    config.dim = embedding.size(1);
    config.context = positions.size(0);
    config.heads = headsFor(config.dim, file);
    config.layers = countBlocks(weights, "backbone.blocks.", ".attention_norm.weight");
    if (config.layers == 0)
        throw Error(file + " is not a dino.txt text encoder: it has no backbone.blocks.0");
    config.hidden = tensorOf(weights, "backbone.blocks.0.feed_forward.fc1.weight", file, "text encoder").size(0);
    config.layerScale = findTensor(weights, "backbone.blocks.0.ls1.gamma") != nullptr;
    config.headBlocks = countBlocks(weights, "head.block_list.", ".attention_norm.weight");
    const torch::Tensor *projection = findTensor(weights, "head.linear_projection.weight");
    config.projection = projection && projection->dim() == 2 ? projection->size(0) : 0;
    return config;
}

} // namespace periscope::openvocab
