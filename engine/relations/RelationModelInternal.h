// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// A relations model from image to predicate scores: a backbone's feature map, RoIAlign 7x7 over
// each object's box, the box features and class of each object, the edge features of the graph,
// and the ws-vrd relational network. Its weights hold the backbone under "backbone." and the
// network under the paper's own names. Backbones:
//   scene_cnn  five 3x3 convolutions (32, 32, 64, 64, 64 channels; strides 2, 1, 2, 1, 2; ReLU),
//              stride 8, trained with the network on generated scenes
//   resnet18, resnet50  torchvision's, through layer3 (stride 16; 256 or 1024 channels), in eval
//              mode (frozen batch norm), named as torchvision names them
#pragma once

#include "engine/core/image/Image.h"
#include "engine/relations/BoxFeatures.h"
#include "engine/relations/RelationModel.h"
#include "engine/relations/RelationalNetwork.h"

#include <torch/torch.h>

namespace periscope::relations {

class SceneCnnImpl : public torch::nn::Module {
public:
    SceneCnnImpl();
    torch::Tensor forward(torch::Tensor x);
    static constexpr std::int64_t kChannels = 64;

private:
    std::vector<torch::nn::Conv2d> m_convs;
};
TORCH_MODULE(SceneCnn);

class RelationPipelineImpl : public torch::nn::Module {
public:
    explicit RelationPipelineImpl(const RelationModelInfo &info);
    // The backbone's feature map [C, h, w] of one image, normalised as ImageNet's.
    torch::Tensor features(const torch::Tensor &image);
    std::int64_t featureChannels() const { return m_channels; }
    void setBackboneTrainable(bool trainable);

    // The inputs of the relational network for one image (RoI features from `featureMap`).
    RelationBatch graphInputs(const torch::Tensor &featureMap, int imageWidth, int imageHeight, const std::vector<RelationObject> &objects,
                              BoxGraph *graph = nullptr) const;

    RelationalNetwork network{nullptr};
    RelationModelInfo info;

private:
    std::shared_ptr<torch::nn::Module> m_backbone;
    std::int64_t m_channels = 0;
};
TORCH_MODULE(RelationPipeline);

// Stacks the inputs of several images into one batch.
RelationBatch concatenateBatches(const std::vector<RelationBatch> &parts);

// [3, H, W] float in [0, 1] from an 8-bit or float RGB image (gray repeated), scaled down so
// that its longer side is at most `maxSide`.
torch::Tensor modelInput(const Image &rgb, int maxSide);

} // namespace periscope::relations
