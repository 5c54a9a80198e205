// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// dino.txt at the scale of this machine, trained here (OpenVocabTraining.h) because the released
// weights are out of reach offline. The recipe is the paper's: a frozen self-supervised backbone
// (here the Slots workspace's ViT, trained without labels as DINOv2 is), dino.txt's vision head
// on its tokens ([pooled] + patches, as [CLS] + patches), the image embedding [CLS] ‖ mean of the
// patch tokens, and a text encoder trained with CLIP's contrastive loss. The words differ: the
// text encoder reads whole words (WordVocabulary.h), not CLIP's byte pairs, so that the built-in
// model needs no vocabulary file; and the loss has a region term the scenes' masks allow
// (OpenVocabTraining.h).
//
// One safetensors file holds `vision_head.*` and `text_encoder.*` with the released layouts'
// names under those prefixes, and `logit_scale`; its metadata says what the tensors cannot:
//   architecture = dinotxt-small, words = the word list (space-separated, row order),
//   backbone = the Slots model's name or file name, backbone_sha256 = that file's hash,
//   background = the similarity below which a pixel is background (chosen on validation scenes).
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/openvocab/DinoTxtNets.h"
#include "engine/slots/SlotModel.h"

#include <torch/torch.h>

#include <string>

namespace periscope::openvocab {

constexpr const char *kSmallArchitecture = "dinotxt-small";

class SmallDinoTxtImpl : public torch::nn::Module {
public:
    SmallDinoTxtImpl(const VisionHeadConfig &head, const TextConfig &text);
    VisionHead vision_head{nullptr};
    TextTower text_encoder{nullptr};
    torch::Tensor logit_scale; // CLIP's learnable temperature, log(1 / 0.07) at the start
};
TORCH_MODULE(SmallDinoTxt);

// The Slots model's ViT as a frozen dino.txt backbone. It sees the whole image squeezed to its
// square input (its training crops vary the aspect by as much), so the maps cover the whole
// image with no crop.
class SlotVisionBackbone {
public:
    // Throws periscope::Error naming the file.
    static SlotVisionBackbone load(const std::string &path, const torch::Device &device);

    // [3, H, W] in [0, 1] -> [1, 3, side, side], resized with antialiasing and ImageNet-normalised.
    torch::Tensor prepare(const torch::Tensor &rgb) const;
    // [N, 3, side, side] -> [N, 1 + patches, dim]: the pooled token first, as DINOv2's [CLS], each
    // token normalised (mean 0, variance 1) as DINOv2's final norm leaves them.
    torch::Tensor tokens(const torch::Tensor &images) const;

    int side() const { return m_side; }
    int grid() const { return m_grid; }
    int dim() const { return m_dim; }
    int depth() const { return m_depth; }
    const std::string &sha256() const { return m_sha256; }
    torch::nn::Module &module() const;

private:
    slot::SlotModel m_model;
    int m_side = 0, m_grid = 0, m_dim = 0, m_depth = 0;
    std::string m_sha256;
};

// The metadata value or empty.
std::string metadataValue(const Metadata &metadata, const std::string &key);

} // namespace periscope::openvocab
