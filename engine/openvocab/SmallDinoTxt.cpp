// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/SmallDinoTxt.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/Sha256.h"
#include "engine/slots/SlotModelInternal.h"

#include <cmath>

namespace periscope::openvocab {

SmallDinoTxtImpl::SmallDinoTxtImpl(const VisionHeadConfig &head, const TextConfig &text)
{
    vision_head = register_module("vision_head", VisionHead(head));
    text_encoder = register_module("text_encoder", TextTower(text));
    logit_scale = register_parameter("logit_scale", torch::full({}, std::log(1.0 / 0.07)));
}

SlotVisionBackbone SlotVisionBackbone::load(const std::string &path, const torch::Device &device)
{
    SlotVisionBackbone b;
    b.m_model = slot::SlotModel::load(path);
    b.m_sha256 = sha256OfFile(path);
    const auto net = b.m_model.net();
    net->module->to(device);
    net->device = device;
    net->module->eval();
    for (auto &p : net->module->parameters())
        p.set_requires_grad(false);
    b.m_side = int(net->config.imageSize);
    b.m_grid = int(net->config.grid());
    b.m_dim = int(net->config.dim);
    b.m_depth = int(net->config.layers);
    return b;
}

torch::nn::Module &SlotVisionBackbone::module() const
{
    return *m_model.net()->module->backbone;
}

torch::Tensor SlotVisionBackbone::prepare(const torch::Tensor &rgb) const
{
    const torch::Tensor resized = at::_upsample_bilinear2d_aa(rgb.unsqueeze(0).to(torch::kFloat), {m_side, m_side}, false, std::nullopt, std::nullopt);
    return slot::normalizeImageNet(resized.clamp(0.0, 1.0));
}

torch::Tensor SlotVisionBackbone::tokens(const torch::Tensor &images) const
{
    const auto [pooled, patches] = m_model.net()->module->backbone->forward(images);
    // DINOv2 hands dino.txt's head tokens that went through its final norm; the Slots ViT ends
    // without one (its slot attention normalises its own inputs), and its raw residual stream is
    // large enough that the head's LayerScaled updates (from 1e-5) would take tens of thousands of
    // steps to matter. So its tokens are normalised here, without learnt parameters.
    const torch::Tensor tokens = torch::cat({pooled.unsqueeze(1), patches}, 1);
    return torch::layer_norm(tokens, {tokens.size(2)});
}

std::string metadataValue(const Metadata &metadata, const std::string &key)
{
    for (const auto &[k, v] : metadata)
        if (k == key)
            return v;
    return {};
}

} // namespace periscope::openvocab
