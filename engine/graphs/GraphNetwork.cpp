// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/GraphNetwork.h"

#include "engine/core/errors/Error.h"
#include "engine/graphs/RelevanceOps.h"

#include <torch/version.h>

#include <algorithm>
#include <cmath>

namespace periscope::graphs {

namespace {
thread_local BackwardRule t_rule = BackwardRule::Gradient;

// LibTorch says once per process on stderr that scatter_reduce is "beta": not news to a user,
// and it would break the CLI's one-line errors. The handler is swapped once, under a thread-safe
// static, around a first tiny call.
class QuietWarnings : public c10::WarningHandler {
public:
    void process(const c10::Warning &) override {}
};

void silenceScatterReduceNotice()
{
    static const bool done = [] {
        QuietWarnings quiet;
        c10::WarningUtils::WarningHandlerGuard guard(&quiet);
        const torch::Tensor x = torch::zeros({1, 1});
        (void)x.scatter_reduce(0, torch::zeros({1, 1}, torch::kLong), x, "amax", false);
        return true;
    }();
    (void)done;
}

// One linear map x W^T, hooked like the paper's guided `linear`.
torch::Tensor linearMap(const torch::Tensor &x, const torch::Tensor &w)
{
    if (t_rule == BackwardRule::Relevance)
        return relevance::linearEpsilon(x, w);
    return guided(torch::matmul(x, w.t()));
}

torch::Tensor gatherRows(const torch::Tensor &x, const torch::Tensor &index)
{
    return guided(x.index_select(0, index));
}

// As the paper's _reset_parameters: Kaiming-uniform weights (a = sqrt 5), biases uniform in
// +-1/sqrt(size).
torch::Tensor weight(torch::nn::Module &module, const char *name, std::int64_t out, std::int64_t in)
{
    if (in <= 0)
        return {};
    torch::Tensor w = torch::empty({out, in});
    torch::nn::init::kaiming_uniform_(w, std::sqrt(5.0));
    return module.register_parameter(name, w);
}

torch::Tensor biasParameter(torch::nn::Module &module, std::int64_t out, bool enabled)
{
    if (!enabled)
        return {};
    const double bound = 1.0 / std::sqrt(double(out));
    return module.register_parameter("bias", torch::empty({out}).uniform_(-bound, bound));
}

void accumulate(torch::Tensor &sum, const torch::Tensor &term)
{
    if (t_rule == BackwardRule::Relevance)
        sum = sum.defined() ? relevance::add(sum, term) : term;
    else
        sum = guided(sum.defined() ? sum + term : term);
}

torch::Tensor finish(torch::Tensor sum, const torch::Tensor &bias, std::int64_t rows, std::int64_t out, const torch::TensorOptions &options)
{
    if (bias.defined())
        accumulate(sum, bias.expand({rows, out}));
    return sum.defined() ? sum : torch::zeros({rows, out}, options);
}

torch::Tensor graphIdsOrZeros(const torch::Tensor &ids, std::int64_t count, const torch::Tensor &like)
{
    return ids.defined() ? ids : torch::zeros({count}, like.options().dtype(torch::kLong));
}
} // namespace

BackwardRuleScope::BackwardRuleScope(BackwardRule rule) : m_previous(t_rule)
{
    t_rule = rule;
}

BackwardRuleScope::~BackwardRuleScope()
{
    t_rule = m_previous;
}

BackwardRule BackwardRuleScope::current()
{
    return t_rule;
}

torch::Tensor guided(torch::Tensor t)
{
    if (t_rule == BackwardRule::GuidedBackprop && t.requires_grad())
        t.register_hook([](torch::Tensor grad) { return grad.clamp_min(0); });
    return t;
}

torch::Tensor graphRelu(const torch::Tensor &t)
{
    if (t_rule == BackwardRule::Relevance)
        return relevance::relu(t);
    return guided(torch::relu(t));
}

Aggregation parseAggregation(const std::string &name)
{
    if (name == "sum")
        return Aggregation::Sum;
    if (name == "mean")
        return Aggregation::Mean;
    if (name == "max")
        return Aggregation::Max;
    throw Error("unknown aggregation '" + name + "' (expected sum, mean or max)");
}

torch::Tensor aggregatePlain(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how)
{
    torch::Tensor out = torch::zeros({segments, values.size(1)}, values.options());
    if (values.size(0) == 0)
        return out;
    switch (how) {
    case Aggregation::Sum: return out.index_add(0, index, values);
    case Aggregation::Mean: {
        const torch::Tensor counts = torch::zeros({segments}, values.options()).index_add(0, index, torch::ones({index.size(0)}, values.options()));
        return out.index_add(0, index, values) / counts.clamp_min(1.0).unsqueeze(1);
    }
    case Aggregation::Max: {
        // Empty segments keep their 0; filled ones take the maximum of their values only.
        silenceScatterReduceNotice();
        return out.scatter_reduce(0, index.unsqueeze(1).expand_as(values), values, "amax", /*include_self=*/false);
    }
    }
    return out;
}

torch::Tensor aggregate(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how)
{
    if (t_rule == BackwardRule::Relevance)
        return relevance::aggregate(values, index, segments, how);
    return guided(aggregatePlain(values, index, segments, how));
}

GraphBatch GraphBatch::single(torch::Tensor nodes, torch::Tensor edges, torch::Tensor senders, torch::Tensor receivers)
{
    GraphBatch g;
    g.nodeFeatures = std::move(nodes);
    g.edgeFeatures = std::move(edges);
    g.senders = senders.to(torch::kLong);
    g.receivers = receivers.to(torch::kLong);
    g.nodeGraph = torch::zeros({g.nodeFeatures.size(0)}, torch::kLong);
    g.edgeGraph = torch::zeros({g.senders.size(0)}, torch::kLong);
    g.numGraphs = 1;
    return g;
}

void GraphData::validate() const
{
    if (nodeFeatureCount <= 0 || nodeFeatures.empty() || nodeFeatures.size() % std::size_t(nodeFeatureCount) != 0)
        throw Error("graph: node features must be a non-empty [nodes, features] table");
    if (senders.size() != receivers.size())
        throw Error("graph: " + std::to_string(senders.size()) + " senders but " + std::to_string(receivers.size()) + " receivers");
    if (edgeFeatures.size() != senders.size() * std::size_t(std::max<std::int64_t>(edgeFeatureCount, 0)))
        throw Error("graph: edge features must be a [edges, features] table with one row per edge");
    const std::int64_t n = numNodes();
    for (std::size_t e = 0; e < senders.size(); ++e)
        if (senders[e] < 0 || senders[e] >= n || receivers[e] < 0 || receivers[e] >= n)
            throw Error("graph: edge " + std::to_string(e) + " joins nodes outside [0, " + std::to_string(n) + ")");
}

GraphBatch GraphBatch::fromData(const GraphData &data)
{
    data.validate();
    const auto floats = torch::TensorOptions().dtype(torch::kFloat);
    const auto longs = torch::TensorOptions().dtype(torch::kLong);
    const std::int64_t edges = data.numEdges();
    torch::Tensor nodes = torch::from_blob(const_cast<float *>(data.nodeFeatures.data()), {data.numNodes(), data.nodeFeatureCount}, floats).clone();
    torch::Tensor edgeFeatures = edges > 0 ? torch::from_blob(const_cast<float *>(data.edgeFeatures.data()), {edges, data.edgeFeatureCount}, floats).clone()
                                           : torch::zeros({0, data.edgeFeatureCount}, floats);
    torch::Tensor senders = edges > 0 ? torch::from_blob(const_cast<std::int64_t *>(data.senders.data()), {edges}, longs).clone()
                                      : torch::zeros({0}, longs);
    torch::Tensor receivers = edges > 0 ? torch::from_blob(const_cast<std::int64_t *>(data.receivers.data()), {edges}, longs).clone()
                                        : torch::zeros({0}, longs);
    return single(nodes, edgeFeatures, senders, receivers);
}

GraphData GraphBatch::toData() const
{
    GraphData data;
    const torch::Tensor nodes = nodeFeatures.detach().to(torch::kFloat).contiguous();
    const torch::Tensor edges = edgeFeatures.detach().to(torch::kFloat).contiguous();
    data.nodeFeatureCount = nodes.size(1);
    data.edgeFeatureCount = edges.size(1);
    data.nodeFeatures.assign(nodes.data_ptr<float>(), nodes.data_ptr<float>() + nodes.numel());
    data.edgeFeatures.assign(edges.data_ptr<float>(), edges.data_ptr<float>() + edges.numel());
    const torch::Tensor s = senders.to(torch::kLong).contiguous(), r = receivers.to(torch::kLong).contiguous();
    data.senders.assign(s.data_ptr<std::int64_t>(), s.data_ptr<std::int64_t>() + s.numel());
    data.receivers.assign(r.data_ptr<std::int64_t>(), r.data_ptr<std::int64_t>() + r.numel());
    return data;
}

GraphBatch GraphBatch::to(const torch::Device &device) const
{
    GraphBatch moved = *this;
    for (torch::Tensor *t : {&moved.nodeFeatures, &moved.edgeFeatures, &moved.globalFeatures, &moved.senders,
                             &moved.receivers, &moved.nodeGraph, &moved.edgeGraph})
        if (t->defined())
            *t = t->to(device);
    return moved;
}

GraphBatch GraphBatch::concatenate(const std::vector<GraphBatch> &graphs)
{
    if (graphs.empty())
        throw Error("cannot batch zero graphs");
    std::vector<torch::Tensor> nodes, edges, globals, senders, receivers, nodeGraph, edgeGraph;
    std::int64_t nodeOffset = 0, graphOffset = 0;
    for (const GraphBatch &g : graphs) {
        nodes.push_back(g.nodeFeatures);
        edges.push_back(g.edgeFeatures);
        if (g.globalFeatures.defined())
            globals.push_back(g.globalFeatures);
        senders.push_back(g.senders + nodeOffset);
        receivers.push_back(g.receivers + nodeOffset);
        nodeGraph.push_back(graphIdsOrZeros(g.nodeGraph, g.numNodes(), g.senders) + graphOffset);
        edgeGraph.push_back(graphIdsOrZeros(g.edgeGraph, g.numEdges(), g.senders) + graphOffset);
        nodeOffset += g.numNodes();
        graphOffset += g.numGraphs;
    }
    GraphBatch batch;
    batch.nodeFeatures = torch::cat(nodes);
    batch.edgeFeatures = torch::cat(edges);
    if (globals.size() == graphs.size())
        batch.globalFeatures = torch::cat(globals);
    batch.senders = torch::cat(senders);
    batch.receivers = torch::cat(receivers);
    batch.nodeGraph = torch::cat(nodeGraph);
    batch.edgeGraph = torch::cat(edgeGraph);
    batch.numGraphs = graphOffset;
    return batch;
}

EdgeLinearImpl::EdgeLinearImpl(std::int64_t out, Inputs in, bool hasBias)
{
    W_edge = weight(*this, "W_edge", out, in.edge);
    W_sender = weight(*this, "W_sender", out, in.sender);
    W_receiver = weight(*this, "W_receiver", out, in.receiver);
    W_global = weight(*this, "W_global", out, in.global);
    bias = biasParameter(*this, out, hasBias);
}

torch::Tensor EdgeLinearImpl::forward(const GraphBatch &g)
{
    torch::Tensor sum;
    if (W_edge.defined())
        accumulate(sum, linearMap(g.edgeFeatures, W_edge));
    if (W_sender.defined())
        accumulate(sum, gatherRows(linearMap(g.nodeFeatures, W_sender), g.senders));
    if (W_receiver.defined())
        accumulate(sum, gatherRows(linearMap(g.nodeFeatures, W_receiver), g.receivers));
    if (W_global.defined())
        accumulate(sum, gatherRows(linearMap(g.globalFeatures, W_global), g.edgeGraph));
    const std::int64_t out = bias.defined() ? bias.size(0) : (W_edge.defined() ? W_edge : W_sender.defined() ? W_sender : W_receiver).size(0);
    return finish(sum, bias, g.numEdges(), out, g.nodeFeatures.options());
}

NodeLinearImpl::NodeLinearImpl(std::int64_t out, Inputs in, Aggregation how, bool hasBias) : aggregation(how)
{
    W_node = weight(*this, "W_node", out, in.node);
    W_incoming = weight(*this, "W_incoming", out, in.incoming);
    W_outgoing = weight(*this, "W_outgoing", out, in.outgoing);
    W_global = weight(*this, "W_global", out, in.global);
    bias = biasParameter(*this, out, hasBias);
}

torch::Tensor NodeLinearImpl::forward(const GraphBatch &g)
{
    torch::Tensor sum;
    if (W_node.defined())
        accumulate(sum, linearMap(g.nodeFeatures, W_node));
    if (W_incoming.defined())
        accumulate(sum, linearMap(aggregate(g.edgeFeatures, g.receivers, g.numNodes(), aggregation), W_incoming));
    if (W_outgoing.defined())
        accumulate(sum, linearMap(aggregate(g.edgeFeatures, g.senders, g.numNodes(), aggregation), W_outgoing));
    if (W_global.defined())
        accumulate(sum, gatherRows(linearMap(g.globalFeatures, W_global), g.nodeGraph));
    const std::int64_t out = bias.defined() ? bias.size(0) : (W_node.defined() ? W_node : W_incoming.defined() ? W_incoming : W_outgoing).size(0);
    return finish(sum, bias, g.numNodes(), out, g.nodeFeatures.options());
}

GlobalLinearImpl::GlobalLinearImpl(std::int64_t out, Inputs in, Aggregation how, bool hasBias) : aggregation(how)
{
    W_node = weight(*this, "W_node", out, in.node);
    W_edges = weight(*this, "W_edges", out, in.edge);
    W_global = weight(*this, "W_global", out, in.global);
    bias = biasParameter(*this, out, hasBias);
}

torch::Tensor GlobalLinearImpl::forward(const GraphBatch &g)
{
    torch::Tensor sum;
    if (W_node.defined())
        accumulate(sum, linearMap(aggregate(g.nodeFeatures, g.nodeGraph, g.numGraphs, aggregation), W_node));
    if (W_edges.defined())
        accumulate(sum, linearMap(aggregate(g.edgeFeatures, g.edgeGraph, g.numGraphs, aggregation), W_edges));
    if (W_global.defined())
        accumulate(sum, linearMap(g.globalFeatures, W_global));
    const std::int64_t out = bias.defined() ? bias.size(0) : (W_node.defined() ? W_node : W_edges.defined() ? W_edges : W_global).size(0);
    return finish(sum, bias, g.numGraphs, out, g.nodeFeatures.options());
}

InfectionGNImpl::InfectionGNImpl(Aggregation aggregation, bool bias)
{
    encoder = register_module("encoder", std::make_shared<Encoder>());
    encoder->edge = encoder->register_module("edge", EdgeLinear(4, EdgeLinearImpl::Inputs{2, 0, 0, 0}, bias));
    encoder->node = encoder->register_module("node", NodeLinear(8, NodeLinearImpl::Inputs{4, 0, 0, 0}, aggregation, bias));
    hidden = register_module("hidden", std::make_shared<Hidden>());
    hidden->edge = hidden->register_module("edge", EdgeLinear(8, EdgeLinearImpl::Inputs{4, 8, 0, 0}, bias));
    hidden->node = hidden->register_module("node", NodeLinear(8, NodeLinearImpl::Inputs{8, 8, 0, 0}, aggregation, bias));
    readout_nodes = register_module("readout_nodes", NodeLinear(1, NodeLinearImpl::Inputs{8, 0, 0, 0}, aggregation, true));
    readout_globals = register_module("readout_globals", GlobalLinear(1, GlobalLinearImpl::Inputs{8, 0, 0}, Aggregation::Sum, bias));
}

GraphOutput InfectionGNImpl::forward(const GraphBatch &input)
{
    GraphBatch g = input;
    g.edgeFeatures = graphRelu(encoder->edge->forward(g));
    g.nodeFeatures = graphRelu(encoder->node->forward(g));
    g.edgeFeatures = graphRelu(hidden->edge->forward(g));
    g.nodeFeatures = graphRelu(hidden->node->forward(g));
    return {readout_nodes->forward(g), readout_globals->forward(g)};
}

SolubilityGNImpl::SolubilityGNImpl(int layers, std::int64_t hiddenNode, bool hiddenBias, Aggregation aggregation) : m_layers(layers)
{
    const std::int64_t edge = hiddenNode / 4, global = hiddenNode / 8;
    encoder = register_module("encoder", std::make_shared<Block>());
    encoder->edge = encoder->register_module("edge", EdgeLinear(edge, EdgeLinearImpl::Inputs{6, 0, 0, 0}, true));
    encoder->node = encoder->register_module("node", NodeLinear(hiddenNode, NodeLinearImpl::Inputs{47, 0, 0, 0}, aggregation, true));
    encoder->global = encoder->register_module("global", GlobalLinear(global, GlobalLinearImpl::Inputs{hiddenNode, edge, 0}, aggregation, true));
    hidden = register_module("hidden", torch::nn::ModuleDict());
    for (int i = 0; i < layers; ++i) {
        auto block = std::make_shared<Block>();
        block->edge = block->register_module("edge", EdgeLinear(edge, EdgeLinearImpl::Inputs{edge, hiddenNode, 0, 0}, hiddenBias));
        block->node = block->register_module("node", NodeLinear(hiddenNode, NodeLinearImpl::Inputs{hiddenNode, edge, 0, 0}, aggregation, hiddenBias));
        block->global = block->register_module("global", GlobalLinear(global, GlobalLinearImpl::Inputs{hiddenNode, edge, global}, aggregation, hiddenBias));
        hidden->update(std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>{{"hidden_" + std::to_string(i), block}});
    }
    readout_globals = register_module("readout_globals", GlobalLinear(1, GlobalLinearImpl::Inputs{0, 0, global}, aggregation, true));
}

GraphOutput SolubilityGNImpl::forward(const GraphBatch &input)
{
    GraphBatch g = input;
    auto step = [&g](Block &block) {
        g.edgeFeatures = graphRelu(block.edge->forward(g));
        g.nodeFeatures = graphRelu(block.node->forward(g));
        g.globalFeatures = graphRelu(block.global->forward(g));
    };
    step(*encoder);
    for (int i = 0; i < m_layers; ++i)
        step(*std::dynamic_pointer_cast<Block>(hidden["hidden_" + std::to_string(i)]));
    return {torch::Tensor(), readout_globals->forward(g)};
}

} // namespace periscope::graphs
