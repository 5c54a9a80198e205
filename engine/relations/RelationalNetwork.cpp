// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationalNetwork.h"

#include "engine/core/errors/Error.h"
#include "engine/graphs/RelevanceOps.h"

#include <cmath>
#include <map>

namespace periscope::relations {

namespace {

std::string shapeText(const torch::Tensor &t)
{
    std::string text = "[";
    for (std::int64_t d = 0; d < t.dim(); ++d)
        text += (d ? ", " : "") + std::to_string(t.size(d));
    return text + "]";
}

// The layers <prefix><kind>{0, 1, ...} of a checkpoint as (in, out), in order.
RelationalNetworkConfig::Stack readStack(const StateDict &weights, const std::string &prefix, const std::string &kind, const std::string &file)
{
    RelationalNetworkConfig::Stack stack;
    for (int i = 0;; ++i) {
        const torch::Tensor *w = findTensor(weights, prefix + kind + std::to_string(i) + ".weight");
        if (!w)
            break;
        const bool conv = kind == "conv";
        if (w->dim() != (conv ? 4 : 2) || (conv && (w->size(2) != 3 || w->size(3) != 3)))
            throw Error(file + ": \"" + prefix + kind + std::to_string(i) + ".weight\" is " + shapeText(*w) + ", not a " +
                        (conv ? "3x3 convolution's weight" : "linear layer's weight"));
        if (!stack.empty() && stack.back().second != w->size(1))
            throw Error(file + ": the layers under \"" + prefix + "\" do not chain (" + std::to_string(stack.back().second) + " features into " +
                        std::to_string(w->size(1)) + ")");
        stack.emplace_back(w->size(1), w->size(0));
    }
    return stack;
}

// Layer-wise relevance propagation through a linear layer and a 3x3 convolution, with the Graphs
// workspace's rules (RelevanceOps.h): the epsilon rule for the weights, the bias keeping its
// proportional share. The convolution is the same linear map on every 3x3 patch (unfolded); the
// patches' relevance folds back onto the pixels they share, as a gather's does.
torch::Tensor relevantLinear(const torch::Tensor &x, torch::nn::Linear &layer)
{
    torch::Tensor z = graphs::relevance::linearEpsilon(x, layer->weight);
    return layer->bias.defined() ? graphs::relevance::add(z, layer->bias.expand_as(z)) : z;
}

torch::Tensor relevantConv(const torch::Tensor &x, torch::nn::Conv2d &layer)
{
    const std::int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), out = layer->weight.size(0);
    const torch::Tensor patches = torch::nn::functional::unfold(x, torch::nn::functional::UnfoldFuncOptions({3, 3}).padding(1));
    const torch::Tensor rows = patches.transpose(1, 2).reshape({n * h * w, c * 9});
    torch::Tensor z = graphs::relevance::linearEpsilon(rows, layer->weight.reshape({out, c * 9}));
    if (layer->bias.defined())
        z = graphs::relevance::add(z, layer->bias.expand_as(z));
    return z.reshape({n, h * w, out}).transpose(1, 2).reshape({n, out, h, w});
}

bool propagatingRelevance()
{
    return graphs::BackwardRuleScope::current() == graphs::BackwardRule::Relevance;
}

std::int64_t outOf(const RelationalNetworkConfig::Stack &stack, std::int64_t in)
{
    return stack.empty() ? in : stack.back().second;
}

} // namespace

void RelationBatch::validate() const
{
    auto fail = [](const std::string &what) { throw Error("relations: " + what); };
    if (!objectConvFeatures.defined() || !objectLinearFeatures.defined() || !relationLinearFeatures.defined() || !relationIndexes.defined() ||
        !batch.defined())
        fail("the batch needs object_conv_features, object_linear_features, relation_linear_features, relation_indexes and batch");
    const std::int64_t n = objectLinearFeatures.size(0);
    if (objectConvFeatures.dim() != 4 || objectConvFeatures.size(0) != n)
        fail("object_conv_features must be [N, C, H, W] with N = " + std::to_string(n) + ", not " + shapeText(objectConvFeatures));
    if (objectLinearFeatures.dim() != 2)
        fail("object_linear_features must be [N, F], not " + shapeText(objectLinearFeatures));
    if (relationIndexes.dim() != 2 || relationIndexes.size(0) != 2 || relationIndexes.scalar_type() != torch::kLong)
        fail("relation_indexes must be int64 [2, E], not " + shapeText(relationIndexes));
    if (relationLinearFeatures.dim() != 2 || relationLinearFeatures.size(0) != relationIndexes.size(1))
        fail("relation_linear_features must be [E, F] with E = " + std::to_string(relationIndexes.size(1)) + ", not " +
             shapeText(relationLinearFeatures));
    if (batch.dim() != 1 || batch.size(0) != n || batch.scalar_type() != torch::kLong)
        fail("batch must be int64 [N] with N = " + std::to_string(n) + ", not " + shapeText(batch));
    if (numGraphs < 1)
        fail("a batch needs at least one image");
    if (n > 0 && (batch.min().item<std::int64_t>() < 0 || batch.max().item<std::int64_t>() >= numGraphs))
        fail("batch assigns an object to an image that is not in the batch");
    if (relationIndexes.numel() > 0) {
        if (relationIndexes.min().item<std::int64_t>() < 0 || relationIndexes.max().item<std::int64_t>() >= n)
            fail("relation_indexes names an object that does not exist");
        if (!batch.index_select(0, relationIndexes[0]).equal(batch.index_select(0, relationIndexes[1])))
            fail("an edge joins objects of two different images");
    }
    for (const torch::Tensor *t : {&objectConvFeatures, &objectLinearFeatures, &relationLinearFeatures})
        if (!torch::isfinite(*t).all().item<bool>())
            fail("an input feature is not finite");
}

RelationBatch RelationBatch::to(const torch::Device &device) const
{
    return {objectConvFeatures.to(device), objectLinearFeatures.to(device), relationLinearFeatures.to(device), relationIndexes.to(device),
            batch.to(device), numGraphs};
}

ReadoutMode parseReadoutMode(const std::string &name)
{
    if (name == "FC_AGG")
        return ReadoutMode::FcAgg;
    if (name == "AGG_FC")
        return ReadoutMode::AggFc;
    throw Error("unknown readout mode \"" + name + "\" (expected FC_AGG or AGG_FC)");
}

std::string readoutModeName(ReadoutMode mode)
{
    return mode == ReadoutMode::FcAgg ? "FC_AGG" : "AGG_FC";
}

RelationalNetworkConfig RelationalNetworkConfig::paper(std::int64_t convChannels, std::int64_t roiSize, std::int64_t linearFeatures,
                                                       std::int64_t classes, std::int64_t width, std::int64_t convWidth)
{
    RelationalNetworkConfig c;
    c.convs = {{convChannels, convWidth}, {convWidth, convWidth}};
    c.nodeLinear = {{linearFeatures, width}, {width, width}};
    c.nodeCombined = {{convWidth * roiSize * roiSize + width, width}, {width, width}};
    c.edgeLinear = {{10, width}, {width, width}};
    c.message = {{3 * width, width}, {width, width}};
    c.readout = {{width, width}, {width, width}};
    c.classes = classes;
    return c;
}

RelationalNetworkConfig RelationalNetworkConfig::fromWeights(const StateDict &weights, ReadoutMode mode, graphs::Aggregation pooling,
                                                             const std::string &file)
{
    RelationalNetworkConfig c;
    c.mode = mode;
    c.pooling = pooling;
    c.convs = readStack(weights, "input_node_model.convs.", "conv", file);
    c.nodeLinear = readStack(weights, "input_node_model.linear_fcs.", "linear", file);
    c.nodeCombined = readStack(weights, "input_node_model.combined_fcs.", "linear", file);
    c.edgeLinear = readStack(weights, "input_edge_model.linear_fcs.", "linear", file);
    c.message = readStack(weights, "edge_model.fcs.", "linear", file);
    c.readout = readStack(weights, "output_global_model.fcs.", "linear", file);
    const torch::Tensor *output = findTensor(weights, "output_global_model.fcs.output.weight");
    if (!output || output->dim() != 2)
        throw Error(file + " has no \"output_global_model.fcs.output.weight\" of a linear layer: not a ws-vrd relational network");
    c.classes = output->size(0);
    c.lastBias = findTensor(weights, "output_global_model.fcs.output.bias") != nullptr;
    // The stacks must chain where the weights say how: the message pass takes [sender, edge,
    // receiver], the readout the messages.
    if (!c.message.empty()) {
        const std::int64_t node = outOf(c.nodeCombined, -1), edge = outOf(c.edgeLinear, -1);
        if (node > 0 && edge > 0 && c.message.front().first != 2 * node + edge)
            throw Error(file + ": edge_model.fcs.linear0 takes " + std::to_string(c.message.front().first) + " features, not 2 x " +
                        std::to_string(node) + " + " + std::to_string(edge));
    }
    const std::int64_t messageOut = outOf(c.message, -1);
    const std::int64_t readoutIn = c.readout.empty() ? output->size(1) : c.readout.front().first;
    if (messageOut > 0 && readoutIn != messageOut)
        throw Error(file + ": the readout takes " + std::to_string(readoutIn) + " features, the edge model gives " + std::to_string(messageOut));
    if (!c.readout.empty() && c.readout.back().second != output->size(1))
        throw Error(file + ": output_global_model.fcs.output takes " + std::to_string(output->size(1)) + " features, not " +
                    std::to_string(c.readout.back().second));
    return c;
}

LayerStackImpl::LayerStackImpl(const RelationalNetworkConfig::Stack &layers, bool convolutional, std::optional<Output> output)
{
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto [in, out] = layers[i];
        if (convolutional)
            m_conv.push_back(register_module("conv" + std::to_string(i), torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1))));
        else
            m_linear.push_back(register_module("linear" + std::to_string(i), torch::nn::Linear(in, out)));
    }
    if (output)
        m_output = register_module("output", torch::nn::Linear(torch::nn::LinearOptions(output->in, output->out).bias(output->bias)));
}

torch::Tensor LayerStackImpl::forward(torch::Tensor x)
{
    if (propagatingRelevance()) {
        for (auto &conv : m_conv)
            x = graphs::graphRelu(relevantConv(x, conv));
        for (auto &linear : m_linear)
            x = graphs::graphRelu(relevantLinear(x, linear));
        return m_output ? relevantLinear(x, m_output) : x;
    }
    for (auto &conv : m_conv)
        x = torch::relu(conv->forward(x));
    for (auto &linear : m_linear)
        x = torch::relu(linear->forward(x));
    if (m_output)
        x = m_output->forward(x);
    return x;
}

RelationalNetworkImpl::RelationalNetworkImpl(const RelationalNetworkConfig &config) : m_config(config)
{
    if (config.classes < 1)
        throw Error("relations: the network needs at least one predicate class");
    input_node_model = register_module("input_node_model", std::make_shared<InputNodeModel>());
    input_node_model->convs = input_node_model->register_module("convs", LayerStack(config.convs, true));
    input_node_model->linear_fcs = input_node_model->register_module("linear_fcs", LayerStack(config.nodeLinear, false));
    input_node_model->combined_fcs = input_node_model->register_module("combined_fcs", LayerStack(config.nodeCombined, false));
    input_edge_model = register_module("input_edge_model", std::make_shared<InputEdgeModel>());
    input_edge_model->linear_fcs = input_edge_model->register_module("linear_fcs", LayerStack(config.edgeLinear, false));
    edge_model = register_module("edge_model", std::make_shared<EdgeModel>());
    edge_model->fcs = edge_model->register_module("fcs", LayerStack(config.message, false));
    output_global_model = register_module("output_global_model", std::make_shared<OutputGlobalModel>());
    const std::int64_t readoutIn = config.readout.empty() ? outOf(config.message, -1) : config.readout.back().second;
    if (readoutIn < 1)
        throw Error("relations: the readout's input size is unknown (no edge model and no readout layers)");
    output_global_model->fcs = output_global_model->register_module(
        "fcs", LayerStack(config.readout, false, LayerStackImpl::Output{readoutIn, config.classes, config.lastBias}));
}

torch::Tensor RelationalNetworkImpl::nodes(const RelationBatch &inputs)
{
    const torch::Tensor conv = torch::flatten(input_node_model->convs->forward(inputs.objectConvFeatures), 1);
    const torch::Tensor linear = input_node_model->linear_fcs->forward(inputs.objectLinearFeatures);
    return input_node_model->combined_fcs->forward(torch::cat({conv, linear}, 1));
}

torch::Tensor RelationalNetworkImpl::forward(const RelationBatch &inputs)
{
    const torch::Tensor nodeFeatures = nodes(inputs);
    const torch::Tensor edgeInputs = input_edge_model->linear_fcs->forward(inputs.relationLinearFeatures);
    const torch::Tensor senders = inputs.relationIndexes[0], receivers = inputs.relationIndexes[1];
    const torch::Tensor messages =
        edge_model->fcs->forward(torch::cat({nodeFeatures.index_select(0, senders), edgeInputs, nodeFeatures.index_select(0, receivers)}, 1));
    const torch::Tensor edgeGraph = inputs.batch.index_select(0, senders);
    const auto pool = [&](const torch::Tensor &values) {
        return propagatingRelevance() ? graphs::aggregate(values, edgeGraph, inputs.numGraphs, m_config.pooling)
                                      : graphs::aggregatePlain(values, edgeGraph, inputs.numGraphs, m_config.pooling);
    };
    if (m_config.mode == ReadoutMode::FcAgg)
        return output_global_model->fcs->forward(pool(messages));
    return pool(output_global_model->fcs->forward(messages));
}

} // namespace periscope::relations
