// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/GraphExplanation.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/MetricsOps.h"


namespace periscope::graphs {

namespace {
// The explained scalar of one forward pass.
torch::Tensor selectTarget(const GraphOutput &out, const GraphTarget &target)
{
    const torch::Tensor &table = target.kind == GraphTarget::Kind::Node ? out.nodes : out.globals;
    const char *what = target.kind == GraphTarget::Kind::Node ? "node" : "graph";
    if (!table.defined())
        throw Error(std::string("this model has no ") + (target.kind == GraphTarget::Kind::Node ? "node" : "global") + " output to explain");
    if (target.kind != GraphTarget::Kind::EveryGraph && (target.index < 0 || target.index >= table.size(0)))
        throw Error(std::string("cannot explain ") + what + " " + std::to_string(target.index) + ": the input has " +
                    std::to_string(table.size(0)) + (target.kind == GraphTarget::Kind::Node ? " nodes" : " graphs"));
    if (target.output < 0 || target.output >= table.size(1))
        throw Error("cannot explain output " + std::to_string(target.output) + ": the model has " + std::to_string(table.size(1)));
    if (target.kind == GraphTarget::Kind::EveryGraph)
        return table.select(1, target.output); // [G]
    return table[target.index][target.output];
}

struct Gradients {
    torch::Tensor node, edge;
    double value = 0;
};

// The backward pass from the target seeded with 1 (gradients) or, for LRP, with its value.
Gradients gradientAt(const GraphModel &model, const GraphBatch &graph, const torch::Tensor &nodes, const torch::Tensor &edges,
                     const GraphTarget &target, bool seedWithValue = false)
{
    GraphBatch g = graph;
    g.nodeFeatures = nodes.detach().requires_grad_(true);
    g.edgeFeatures = edges.detach().requires_grad_(true);
    const torch::Tensor y = selectTarget(model(g), target);
    Gradients out;
    out.value = y.sum().item<double>();
    // allow_unused: a node that cannot reach the target gets no gradient at all (zero).
    const torch::Tensor seed = seedWithValue ? y.detach().clone() : torch::ones_like(y);
    const auto grads = torch::autograd::grad({y}, {g.nodeFeatures, g.edgeFeatures}, {seed}, /*retain_graph=*/false,
                                             /*create_graph=*/false, /*allow_unused=*/true);
    out.node = grads[0].defined() ? grads[0] : torch::zeros_like(nodes);
    out.edge = grads[1].defined() ? grads[1] : torch::zeros_like(edges);
    return out;
}

// Summed absolute relevance per row, for ranking nodes or edges.
torch::Tensor rowMagnitude(const torch::Tensor &relevance)
{
    return relevance.abs().sum(1).to(torch::kDouble);
}
} // namespace

GraphMethod parseGraphMethod(const std::string &name)
{
    if (name == "sa")
        return GraphMethod::Sensitivity;
    if (name == "gbp")
        return GraphMethod::GuidedBackprop;
    if (name == "lrp")
        return GraphMethod::Lrp;
    if (name == "ig")
        return GraphMethod::IntegratedGradients;
    throw Error("unknown explanation method '" + name + "' (expected sa, gbp, lrp or ig)");
}

std::string graphMethodKey(GraphMethod method)
{
    switch (method) {
    case GraphMethod::Sensitivity: return "sa";
    case GraphMethod::GuidedBackprop: return "gbp";
    case GraphMethod::Lrp: return "lrp";
    case GraphMethod::IntegratedGradients: return "ig";
    }
    return "sa";
}

GraphTarget GraphTarget::parse(const std::string &text)
{
    GraphTarget t;
    auto number = [&text](const std::string &digits) {
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 12)
            throw Error("bad target '" + text + "' (expected global, global:G or node:K)");
        return std::stoll(digits);
    };
    if (text == "global")
        return t;
    if (text == "global:all") {
        t.kind = Kind::EveryGraph;
        return t;
    }
    if (text.rfind("global:", 0) == 0) {
        t.index = number(text.substr(7));
        return t;
    }
    if (text.rfind("node:", 0) == 0) {
        t.kind = Kind::Node;
        t.index = number(text.substr(5));
        return t;
    }
    throw Error("bad target '" + text + "' (expected global, global:G or node:K)");
}

std::string GraphTarget::describe() const
{
    if (kind == Kind::Node)
        return "node:" + std::to_string(index);
    if (kind == Kind::EveryGraph)
        return "global:all";
    return index == 0 ? "global" : "global:" + std::to_string(index);
}

GraphRelevance explainGraph(const GraphModel &model, const GraphBatch &graph, const GraphTarget &target, GraphMethod method,
                            const GraphExplainOptions &options)
{
    torch::AutoGradMode gradients(true);
    auto floating = [](const torch::Tensor &t) { return t.is_floating_point() ? t : t.to(torch::kFloat); };
    const torch::Tensor nodes = floating(graph.nodeFeatures), edges = floating(graph.edgeFeatures);
    GraphRelevance out;
    switch (method) {
    case GraphMethod::Sensitivity:
    case GraphMethod::GuidedBackprop:
    case GraphMethod::Lrp: {
        const BackwardRule rule = method == GraphMethod::Sensitivity    ? BackwardRule::Gradient
                                  : method == GraphMethod::GuidedBackprop ? BackwardRule::GuidedBackprop
                                                                          : BackwardRule::Relevance;
        BackwardRuleScope scope(rule);
        const Gradients g = gradientAt(model, graph, nodes, edges, target, method == GraphMethod::Lrp);
        out.node = g.node;
        out.edge = g.edge;
        if (method == GraphMethod::GuidedBackprop) {
            // The seed clamps the gradient reaching the input features too (a hook on the node
            // and edge features in its notebooks), not only after every operation inside.
            out.node = out.node.clamp_min(0);
            out.edge = out.edge.clamp_min(0);
        }
        out.outputValue = g.value;
        if (method == GraphMethod::Lrp)
            out.completenessGap = g.value - (g.node.sum().item<double>() + g.edge.sum().item<double>());
        break;
    }
    case GraphMethod::IntegratedGradients: {
        if (options.integrationSteps < 1)
            throw Error("Integrated Gradients needs at least one step");
        torch::Tensor nodeSum = torch::zeros_like(nodes), edgeSum = torch::zeros_like(edges);
        for (int k = 0; k < options.integrationSteps; ++k) {
            const double alpha = (k + 0.5) / options.integrationSteps;
            const Gradients g = gradientAt(model, graph, nodes * alpha, edges * alpha, target);
            nodeSum += g.node;
            edgeSum += g.edge;
        }
        out.node = nodes * nodeSum / options.integrationSteps;
        out.edge = edges * edgeSum / options.integrationSteps;
        torch::NoGradGuard noGrad;
        GraphBatch baseline = graph;
        baseline.nodeFeatures = torch::zeros_like(nodes);
        baseline.edgeFeatures = torch::zeros_like(edges);
        GraphBatch input = graph;
        input.nodeFeatures = nodes;
        input.edgeFeatures = edges;
        out.outputValue = selectTarget(model(input), target).sum().item<double>();
        const double base = selectTarget(model(baseline), target).sum().item<double>();
        out.completenessGap = (out.outputValue - base) - (out.node.sum().item<double>() + out.edge.sum().item<double>());
        break;
    }
    }
    return out;
}

namespace {
// The graph without the items whose `removed` flag is set.
GraphBatch without(const GraphBatch &graph, const torch::Tensor &removed, DeletionItems items)
{
    GraphBatch g = graph;
    torch::Tensor keepEdges;
    if (items == DeletionItems::Edges) {
        keepEdges = ~removed;
    } else {
        g.nodeFeatures = graph.nodeFeatures.masked_fill(removed.unsqueeze(1), 0.0);
        keepEdges = ~(removed.index_select(0, graph.senders) | removed.index_select(0, graph.receivers));
    }
    const torch::Tensor kept = keepEdges.nonzero().flatten();
    g.edgeFeatures = graph.edgeFeatures.index_select(0, kept);
    g.senders = graph.senders.index_select(0, kept);
    g.receivers = graph.receivers.index_select(0, kept);
    g.edgeGraph = graph.edgeGraph.defined() ? graph.edgeGraph.index_select(0, kept) : graph.edgeGraph;
    return g;
}
} // namespace

DeletionCurve deletionCurve(const GraphModel &model, const GraphBatch &graph, const GraphTarget &target, const GraphRelevance &relevance,
                            DeletionItems items, int maxSteps)
{
    const torch::Tensor &table = items == DeletionItems::Edges ? relevance.edge : relevance.node;
    const std::int64_t count = table.size(0);
    if (count != (items == DeletionItems::Edges ? graph.numEdges() : graph.numNodes()))
        throw Error("the relevance does not belong to this graph");
    const torch::Tensor order = std::get<1>(rowMagnitude(table).sort(/*stable=*/true, 0, /*descending=*/true));
    const std::int64_t steps = std::max<std::int64_t>(1, std::min<std::int64_t>(count, std::max(1, maxSteps)));
    torch::NoGradGuard noGrad;
    DeletionCurve curve;
    for (std::int64_t s = 0; s <= steps; ++s) {
        const std::int64_t removedCount = count == 0 ? 0 : (s * count) / steps;
        torch::Tensor removed = torch::zeros({count}, torch::kBool);
        if (removedCount > 0)
            removed.index_fill_(0, order.slice(0, 0, removedCount), true);
        curve.fraction.push_back(count == 0 ? double(s) / double(steps) : double(removedCount) / double(count));
        curve.output.push_back(selectTarget(model(without(graph, removed, items)), target).sum().item<double>());
    }
    for (std::size_t i = 1; i < curve.output.size(); ++i)
        curve.area += 0.5 * (curve.output[i] + curve.output[i - 1]) * (curve.fraction[i] - curve.fraction[i - 1]);
    return curve;
}

InfectionExplanationScores scoreInfectionExplanation(const GraphRelevance &relevance, const InfectionGraph &graph, std::int64_t node)
{
    const std::int64_t n = graph.graph.numNodes();
    if (node < 0 || node >= n)
        throw Error("node " + std::to_string(node) + " is not in the graph (" + std::to_string(n) + " nodes)");
    InfectionExplanationScores scores;
    const torch::Tensor intoNode = graph.graph.receivers == node;
    const torch::Tensor trueEdges = graph.causalEdge & intoNode;
    torch::Tensor trueNodes = torch::zeros({n}, torch::kBool);
    if (graph.sick[node].item<bool>())
        trueNodes[node] = true;
    else
        trueNodes.index_fill_(0, graph.graph.senders.masked_select(trueEdges), true);
    scores.trueEdges = trueEdges.sum().item<std::int64_t>();
    scores.trueNodes = trueNodes.sum().item<std::int64_t>();
    const torch::Tensor edgeScore = rowMagnitude(relevance.edge), nodeScore = rowMagnitude(relevance.node);
    scores.edgeRocAuc = rocAuc(edgeScore, trueEdges);
    scores.edgeAveragePrecision = scores.trueEdges > 0 ? averagePrecision(edgeScore, trueEdges) : std::nan("");
    scores.incomingEdgeRocAuc = rocAuc(edgeScore.masked_select(intoNode), trueEdges.masked_select(intoNode));
    scores.nodeRocAuc = rocAuc(nodeScore, trueNodes);
    scores.nodeAveragePrecision = scores.trueNodes > 0 ? averagePrecision(nodeScore, trueNodes) : std::nan("");
    return scores;
}

} // namespace periscope::graphs
