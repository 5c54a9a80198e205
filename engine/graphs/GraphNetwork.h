// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Graph networks as in Baldassarre & Azizpour (ICML-W 2019) and their torchgraphs library:
// linear edge, node and global updates over batches of graphs, with parameter names matching
// the paper's code (W_edge, W_sender, W_receiver, W_global, W_node, W_incoming, W_outgoing,
// W_edges, bias) so its published checkpoints load as they are.
#pragma once

#include "engine/graphs/GraphData.h"

#include <torch/torch.h>

#include <optional>
#include <string>

namespace periscope::graphs {

// Many graphs in one set of tensors: nodes and edges of all graphs stacked, `senders` and
// `receivers` indexing the stacked nodes, and per-item graph ids for the global updates.
struct GraphBatch {
    torch::Tensor nodeFeatures;   // [N, Fn]
    torch::Tensor edgeFeatures;   // [E, Fe]
    torch::Tensor globalFeatures; // [G, Fg] (may be undefined)
    torch::Tensor senders;        // [E] int64
    torch::Tensor receivers;      // [E] int64
    torch::Tensor nodeGraph;      // [N] int64: the graph each node belongs to
    torch::Tensor edgeGraph;      // [E] int64
    std::int64_t numGraphs = 1;

    std::int64_t numNodes() const { return nodeFeatures.size(0); }
    std::int64_t numEdges() const { return senders.size(0); }
    // One graph: graph ids all 0.
    static GraphBatch single(torch::Tensor nodes, torch::Tensor edges, torch::Tensor senders, torch::Tensor receivers);
    // Stacks graphs, offsetting their node indices.
    static GraphBatch concatenate(const std::vector<GraphBatch> &graphs);
    // One graph from plain arrays (validated); the tensors copy the data.
    static GraphBatch fromData(const GraphData &data);
    // The plain arrays of a single graph (the inverse of fromData).
    GraphData toData() const;
    // Every tensor on `device` (CPU or a GPU).
    GraphBatch to(const torch::Device &device) const;
};

// What the backward pass through the graph layers computes on this thread.
// - Gradient: plain autograd.
// - GuidedBackprop: every linear map, gather, aggregation, sum and ReLU clamps the gradient
//   flowing back through its output to be non-negative, exactly as the paper's code
//   (src/guidedbackprop/) hooks each operation.
// - Relevance: layer-wise relevance propagation (RelevanceOps.h): the backward pass carries
//   relevance, seeded with the explained output's value.
// Inference is the same under all three.
enum class BackwardRule { Gradient, GuidedBackprop, Relevance };

// Sets the rule for this thread while it lives.
class BackwardRuleScope {
public:
    explicit BackwardRuleScope(BackwardRule rule);
    ~BackwardRuleScope();
    BackwardRuleScope(const BackwardRuleScope &) = delete;
    BackwardRuleScope &operator=(const BackwardRuleScope &) = delete;
    static BackwardRule current();

private:
    BackwardRule m_previous;
};

// Hooks `t` for guided backpropagation when that rule is on; returns `t`.
torch::Tensor guided(torch::Tensor t);

// ReLU of the graph networks (following the thread's backward rule).
torch::Tensor graphRelu(const torch::Tensor &t);

enum class Aggregation { Sum, Mean, Max };
Aggregation parseAggregation(const std::string &name); // "sum", "mean", "max"

// Aggregates rows of `values` into `segments` buckets by `index`; empty buckets are 0, as with
// torch_scatter (which the paper used).
torch::Tensor aggregate(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how);
// The same with plain autograd whatever the thread's backward rule.
torch::Tensor aggregatePlain(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how);

// e' = W_edge e + W_sender x[s] + W_receiver x[r] + W_global u[g(e)] + b
class EdgeLinearImpl : public torch::nn::Module {
public:
    struct Inputs {
        std::int64_t edge = 0, sender = 0, receiver = 0, global = 0;
    };
    EdgeLinearImpl(std::int64_t out, Inputs in, bool bias);
    torch::Tensor forward(const GraphBatch &graphs);
    torch::Tensor W_edge, W_sender, W_receiver, W_global, bias;
};
TORCH_MODULE(EdgeLinear);

// x' = W_node x + W_incoming agg_in(e) + W_outgoing agg_out(e) + W_global u[g(x)] + b
class NodeLinearImpl : public torch::nn::Module {
public:
    struct Inputs {
        std::int64_t node = 0, incoming = 0, outgoing = 0, global = 0;
    };
    NodeLinearImpl(std::int64_t out, Inputs in, Aggregation aggregation, bool bias);
    torch::Tensor forward(const GraphBatch &graphs);
    torch::Tensor W_node, W_incoming, W_outgoing, W_global, bias;
    Aggregation aggregation;
};
TORCH_MODULE(NodeLinear);

// u' = W_node agg(x) + W_edges agg(e) + W_global u + b
class GlobalLinearImpl : public torch::nn::Module {
public:
    struct Inputs {
        std::int64_t node = 0, edge = 0, global = 0;
    };
    GlobalLinearImpl(std::int64_t out, Inputs in, Aggregation aggregation, bool bias);
    torch::Tensor forward(const GraphBatch &graphs);
    torch::Tensor W_node, W_edges, W_global, bias;
    Aggregation aggregation;
};
TORCH_MODULE(GlobalLinear);

// Outputs of a graph network: per node and per graph.
struct GraphOutput {
    torch::Tensor nodes;   // [N, k] (undefined when the network has no node readout)
    torch::Tensor globals; // [G, k]
};

// The infection model of the paper (src/infection/networks.py): encoder, one hidden message
// passing step over incoming edges, node and global readouts. The node readout always has a
// bias, even in the "no bias" variant.
class InfectionGNImpl : public torch::nn::Module {
public:
    InfectionGNImpl(Aggregation aggregation, bool bias);
    GraphOutput forward(const GraphBatch &graphs);

    struct Encoder : torch::nn::Module {
        EdgeLinear edge{nullptr};
        NodeLinear node{nullptr};
    };
    struct Hidden : torch::nn::Module {
        EdgeLinear edge{nullptr};
        NodeLinear node{nullptr};
    };
    std::shared_ptr<Encoder> encoder;
    std::shared_ptr<Hidden> hidden;
    NodeLinear readout_nodes{nullptr};
    GlobalLinear readout_globals{nullptr};
};
TORCH_MODULE(InfectionGN);

// The solubility model (src/solubility/networks.py): node, edge and global encoders, `layers`
// hidden steps of edge, node and global updates, a global readout. Widths: nodes `hiddenNode`,
// edges hiddenNode/4, globals hiddenNode/8; inputs 47 node and 6 edge features.
class SolubilityGNImpl : public torch::nn::Module {
public:
    SolubilityGNImpl(int layers, std::int64_t hiddenNode, bool hiddenBias, Aggregation aggregation);
    GraphOutput forward(const GraphBatch &graphs);

    struct Block : torch::nn::Module {
        EdgeLinear edge{nullptr};
        NodeLinear node{nullptr};
        GlobalLinear global{nullptr};
    };
    std::shared_ptr<Block> encoder;
    torch::nn::ModuleDict hidden{nullptr};
    GlobalLinear readout_globals{nullptr};

private:
    int m_layers;
};
TORCH_MODULE(SolubilityGN);

} // namespace periscope::graphs
