// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The relational network of Baldassarre et al. (ECCV 2020; baldassarreFe/ws-vrd,
// src/xib/models/relational_network.py and common.py), with its parameter names so that its
// checkpoints load as they are:
//   input_node_model.convs.conv{i}          3x3 convolutions over each object's RoI features
//   input_node_model.linear_fcs.linear{i}   over each object's linear features (box, class)
//   input_node_model.combined_fcs.linear{i} over both, concatenated (convolutions flattened)
//   input_edge_model.linear_fcs.linear{i}   over each edge's 10 geometric features
//   edge_model.fcs.linear{i}                over [sender, edge, receiver]: one message pass
//   output_global_model.fcs.linear{i}, .fcs.output
// every layer but the output followed by a ReLU. The readout pools the edges of each image
// (max, mean or sum; an image without edges pools to 0) and applies the fcs after pooling
// (FC_AGG) or before (AGG_FC). Sizes come from the weights; readout mode and pooling cannot, and
// are given.
#pragma once

#include "engine/core/weights/StateDict.h"
#include "engine/graphs/GraphNetwork.h"

#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

namespace periscope::relations {

// The inputs of a batch of images, as the paper's Batch holds them.
struct RelationBatch {
    torch::Tensor objectConvFeatures;     // [N, C, S, S] (RoIAlign of a feature map)
    torch::Tensor objectLinearFeatures;   // [N, F] (box features, then class scores)
    torch::Tensor relationLinearFeatures; // [E, 10]
    torch::Tensor relationIndexes;        // [2, E] int64: sender and receiver of each edge
    torch::Tensor batch;                  // [N] int64: the image of each object
    std::int64_t numGraphs = 1;

    std::int64_t numNodes() const { return objectLinearFeatures.size(0); }
    std::int64_t numEdges() const { return relationIndexes.size(1); }
    // Shapes, index ranges and finiteness; throws periscope::Error naming what is wrong.
    void validate() const;
    RelationBatch to(const torch::Device &device) const;
};

enum class ReadoutMode { FcAgg, AggFc };
ReadoutMode parseReadoutMode(const std::string &name); // "FC_AGG", "AGG_FC"
std::string readoutModeName(ReadoutMode mode);

struct RelationalNetworkConfig {
    // Each stack's layers as (in, out) features (channels for the convolutions).
    using Stack = std::vector<std::pair<std::int64_t, std::int64_t>>;
    Stack convs, nodeLinear, nodeCombined, edgeLinear, message, readout;
    std::int64_t classes = 0;
    bool lastBias = true;
    ReadoutMode mode = ReadoutMode::FcAgg;
    graphs::Aggregation pooling = graphs::Aggregation::Max;

    // The paper's configuration (config/relational_network.yaml): two layers of `width` in every
    // stack, over RoI features [convChannels, roiSize, roiSize], `linearFeatures` per object and
    // 10 per edge.
    static RelationalNetworkConfig paper(std::int64_t convChannels, std::int64_t roiSize, std::int64_t linearFeatures, std::int64_t classes,
                                         std::int64_t width = 256, std::int64_t convWidth = 256);
    // Every stack read from a checkpoint's tensors; throws periscope::Error naming the file when
    // a layer is missing or the stacks do not chain.
    static RelationalNetworkConfig fromWeights(const StateDict &weights, ReadoutMode mode, graphs::Aggregation pooling, const std::string &file);
};

// A stack of layers named conv{i} (3x3, padding 1) or linear{i}, each followed by a ReLU, and
// optionally a last linear layer named `output` without one.
class LayerStackImpl : public torch::nn::Module {
public:
    struct Output {
        std::int64_t in = 0, out = 0;
        bool bias = true;
    };
    LayerStackImpl(const RelationalNetworkConfig::Stack &layers, bool convolutional, std::optional<Output> output = std::nullopt);
    torch::Tensor forward(torch::Tensor x);

private:
    std::vector<torch::nn::Linear> m_linear;
    std::vector<torch::nn::Conv2d> m_conv;
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(LayerStack);

class RelationalNetworkImpl : public torch::nn::Module {
public:
    explicit RelationalNetworkImpl(const RelationalNetworkConfig &config);
    // Predicate logits [numGraphs, classes]. Under graphs::BackwardRuleScope(Relevance) the same
    // values, whose backward pass carries layer-wise relevance (the Graphs workspace's rules).
    torch::Tensor forward(const RelationBatch &inputs);
    // Node embeddings [N, D] after the input node model.
    torch::Tensor nodes(const RelationBatch &inputs);
    const RelationalNetworkConfig &config() const { return m_config; }

    struct InputNodeModel : torch::nn::Module {
        LayerStack convs{nullptr}, linear_fcs{nullptr}, combined_fcs{nullptr};
    };
    struct InputEdgeModel : torch::nn::Module {
        LayerStack linear_fcs{nullptr};
    };
    struct EdgeModel : torch::nn::Module {
        LayerStack fcs{nullptr};
    };
    struct OutputGlobalModel : torch::nn::Module {
        LayerStack fcs{nullptr}; // linear{i}, then output
    };
    std::shared_ptr<InputNodeModel> input_node_model;
    std::shared_ptr<InputEdgeModel> input_edge_model;
    std::shared_ptr<EdgeModel> edge_model;
    std::shared_ptr<OutputGlobalModel> output_global_model;

private:
    RelationalNetworkConfig m_config;
};
TORCH_MODULE(RelationalNetwork);

} // namespace periscope::relations
