// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationExplainer.h"

#include "engine/core/errors/Error.h"
#include "engine/graphs/GraphNetwork.h"

#include <algorithm>
#include <numeric>

namespace periscope::relations {

namespace {

torch::Tensor pooled(const torch::Tensor &relevance, RelevancePool pool)
{
    const torch::Tensor flat = relevance.flatten(1);
    switch (pool) {
    case RelevancePool::SumPositives: return flat.relu().sum(1);
    case RelevancePool::L1: return flat.abs().sum(1);
    case RelevancePool::L2: return flat.pow(2).sum(1);
    }
    return flat.abs().sum(1);
}

struct InputRelevance {
    torch::Tensor nodes, edges; // [N], [E]
};

// The paper's relevance of the three inputs from their gradients (_relevance_1d, _relevance_2d).
InputRelevance fromGradients(const RelationBatch &x, const std::vector<torch::Tensor> &grads, const ExplainerOptions &o)
{
    const torch::Tensor &gConv = grads[0], &gLinear = grads[1], &gEdge = grads[2];
    auto oneD = [&](const torch::Tensor &input, const torch::Tensor &grad) { return o.activations ? input * grad : grad; };
    torch::Tensor conv;
    if (!o.activations)
        conv = gConv;
    else if (!o.channelMean)
        conv = x.objectConvFeatures * gConv;
    else
        conv = x.objectConvFeatures * gConv.flatten(2).mean(2).unsqueeze(2).unsqueeze(3);
    return {pooled(oneD(x.objectLinearFeatures, gLinear), o.pool) + pooled(conv, o.pool), pooled(oneD(x.relationLinearFeatures, gEdge), o.pool)};
}

// Integrated gradients of `logitsOf(classes)` for every image at once (an image's score depends
// on its own inputs only), pooled.
InputRelevance integratedGradients(RelationalNetworkImpl &network, const RelationBatch &x, const torch::Tensor &classes, const ExplainerOptions &o)
{
    std::vector<torch::Tensor> sums = {torch::zeros_like(x.objectConvFeatures), torch::zeros_like(x.objectLinearFeatures),
                                       torch::zeros_like(x.relationLinearFeatures)};
    for (int step = 1; step <= o.steps; ++step) {
        const double alpha = double(step) / o.steps;
        RelationBatch scaled = x;
        scaled.objectConvFeatures = (x.objectConvFeatures * alpha).detach().requires_grad_(true);
        scaled.objectLinearFeatures = (x.objectLinearFeatures * alpha).detach().requires_grad_(true);
        scaled.relationLinearFeatures = (x.relationLinearFeatures * alpha).detach().requires_grad_(true);
        const torch::Tensor out = network.forward(scaled);
        const torch::Tensor scores = (o.explainLogits ? out : torch::sigmoid(out)).gather(1, classes.unsqueeze(1)).sum();
        const std::vector<torch::Tensor> grads =
            torch::autograd::grad({scores}, {scaled.objectConvFeatures, scaled.objectLinearFeatures, scaled.relationLinearFeatures});
        for (std::size_t i = 0; i < 3; ++i)
            sums[i] += grads[i];
    }
    const torch::Tensor conv = x.objectConvFeatures * sums[0] / o.steps, linear = x.objectLinearFeatures * sums[1] / o.steps;
    const torch::Tensor edge = x.relationLinearFeatures * sums[2] / o.steps;
    return {pooled(linear, o.pool) + pooled(conv, o.pool), pooled(edge, o.pool)};
}

// Layer-wise relevance propagation of each image's logit of `classes` (relevance starts from
// the logit's value and is conserved layer by layer up to the bias' shares), pooled. LRP
// explains the logit whatever explainLogits says: a sigmoid has no relevance rule.
InputRelevance layerwiseRelevance(RelationalNetworkImpl &network, const RelationBatch &x, const torch::Tensor &classes, const ExplainerOptions &o)
{
    graphs::BackwardRuleScope rule(graphs::BackwardRule::Relevance);
    RelationBatch leaf = x;
    leaf.objectConvFeatures = x.objectConvFeatures.detach().requires_grad_(true);
    leaf.objectLinearFeatures = x.objectLinearFeatures.detach().requires_grad_(true);
    leaf.relationLinearFeatures = x.relationLinearFeatures.detach().requires_grad_(true);
    const torch::Tensor out = network.forward(leaf);
    const torch::Tensor seed = torch::zeros_like(out).scatter(1, classes.unsqueeze(1), out.detach().gather(1, classes.unsqueeze(1)));
    std::vector<torch::Tensor> r = torch::autograd::grad({out}, {leaf.objectConvFeatures, leaf.objectLinearFeatures, leaf.relationLinearFeatures},
                                                         {seed}, /*retain_graph=*/false, false, /*allow_unused=*/true);
    const torch::Tensor *in[3] = {&x.objectConvFeatures, &x.objectLinearFeatures, &x.relationLinearFeatures};
    for (std::size_t i = 0; i < 3; ++i)
        if (!r[i].defined())
            r[i] = torch::zeros_like(*in[i]);
    return {pooled(r[1], o.pool) + pooled(r[0], o.pool), pooled(r[2], o.pool)};
}

} // namespace

RelevancePool parseRelevancePool(const std::string &name)
{
    if (name == "sum_positives")
        return RelevancePool::SumPositives;
    if (name == "l1")
        return RelevancePool::L1;
    if (name == "l2")
        return RelevancePool::L2;
    throw Error("unknown relevance pooling \"" + name + "\" (expected sum_positives, l1 or l2)");
}

RelevanceMethod parseRelevanceMethod(const std::string &name)
{
    if (name == "gradient")
        return RelevanceMethod::Gradient;
    if (name == "integrated_gradients")
        return RelevanceMethod::IntegratedGradients;
    if (name == "lrp")
        return RelevanceMethod::Lrp;
    throw Error("unknown relevance method \"" + name + "\" (expected gradient, integrated_gradients or lrp)");
}

std::string relevanceMethodName(RelevanceMethod method)
{
    switch (method) {
    case RelevanceMethod::Gradient: return "gradient";
    case RelevanceMethod::IntegratedGradients: return "integrated_gradients";
    case RelevanceMethod::Lrp: return "lrp";
    }
    return "gradient";
}

std::vector<ImageRelations> explainRelations(RelationalNetworkImpl &network, const RelationBatch &inputs, const torch::Tensor &objectScores,
                                             const ExplainerOptions &options)
{
    inputs.validate();
    if (options.topPredicates < 1 || options.topRelations < 1 || options.steps < 1 || options.steps > 4096)
        throw Error("relations: the explanation needs at least one predicate and one relation, and 1-4096 integration steps");
    if (!options.activations && options.channelMean)
        throw Error("relations: the channel mean needs activations (as in the paper)");
    torch::NoGradGuard off;
    torch::AutoGradMode on(true);
    RelationBatch x = inputs;
    x.objectConvFeatures = inputs.objectConvFeatures.detach().requires_grad_(true);
    x.objectLinearFeatures = inputs.objectLinearFeatures.detach().requires_grad_(true);
    x.relationLinearFeatures = inputs.relationLinearFeatures.detach().requires_grad_(true);
    const torch::Tensor logits = network.forward(x), probabilities = torch::sigmoid(logits); // [B, classes]
    const std::int64_t k = std::min<std::int64_t>(options.topPredicates, probabilities.size(1));
    const auto [topScores, topClasses] = probabilities.topk(k, 1);
    const std::int64_t n = x.numNodes(), e = x.numEdges();
    torch::Tensor nodeRelevance = torch::zeros({n, k}, probabilities.options()), edgeRelevance = torch::zeros({e, k}, probabilities.options());
    for (std::int64_t j = 0; j < k; ++j) {
        InputRelevance r;
        if (options.method == RelevanceMethod::Gradient) {
            const torch::Tensor explained = options.explainLogits ? logits.gather(1, topClasses.select(1, j).unsqueeze(1)).sum() : topScores.select(1, j).sum();
            const std::vector<torch::Tensor> grads = torch::autograd::grad({explained},
                                                                           {x.objectConvFeatures, x.objectLinearFeatures, x.relationLinearFeatures},
                                                                           {}, /*retain_graph=*/true, false, /*allow_unused=*/true);
            std::vector<torch::Tensor> filled = grads;
            const torch::Tensor *in[3] = {&x.objectConvFeatures, &x.objectLinearFeatures, &x.relationLinearFeatures};
            for (std::size_t i = 0; i < 3; ++i)
                if (!filled[i].defined()) // an input no layer reads (no edges, say)
                    filled[i] = torch::zeros_like(*in[i]);
            r = fromGradients(x, filled, options);
        } else if (options.method == RelevanceMethod::IntegratedGradients) {
            r = integratedGradients(network, inputs, topClasses.select(1, j).contiguous(), options);
        } else {
            r = layerwiseRelevance(network, inputs, topClasses.select(1, j).contiguous(), options);
        }
        nodeRelevance.select(1, j).copy_(r.nodes.detach());
        edgeRelevance.select(1, j).copy_(r.edges.detach());
    }
    const torch::Tensor senders = x.relationIndexes[0], receivers = x.relationIndexes[1];
    const torch::Tensor edgeGraph = x.batch.index_select(0, senders);
    torch::Tensor relationScores = nodeRelevance.index_select(0, senders) * edgeRelevance * nodeRelevance.index_select(0, receivers);
    relationScores = relationScores * topScores.detach().index_select(0, edgeGraph);
    if (options.objectScores && objectScores.defined()) {
        if (objectScores.dim() != 1 || objectScores.size(0) != n)
            throw Error("relations: one detector score per object is needed");
        const torch::Tensor s = objectScores.to(relationScores.options());
        relationScores = relationScores * (s.index_select(0, senders) * s.index_select(0, receivers)).unsqueeze(1);
    }

    // Per image: its objects and edges, and its best (edge, predicate) pairs. Read through
    // accessors: one .item() per element would cost more than the ranking itself.
    const torch::Tensor batchCpu = x.batch.cpu().contiguous(), edgeGraphCpu = edgeGraph.cpu().contiguous();
    const torch::Tensor sendersCpu = senders.cpu().contiguous(), receiversCpu = receivers.cpu().contiguous();
    const torch::Tensor scoresCpu = relationScores.detach().cpu().to(torch::kDouble).contiguous();
    const torch::Tensor probabilitiesCpu = probabilities.detach().cpu().to(torch::kDouble).contiguous();
    const torch::Tensor topClassesCpu = topClasses.cpu().contiguous(), nodeRelCpu = nodeRelevance.cpu(), edgeRelCpu = edgeRelevance.cpu();
    const auto nodeImage = batchCpu.accessor<std::int64_t, 1>(), edgeImage = edgeGraphCpu.accessor<std::int64_t, 1>();
    const auto from = sendersCpu.accessor<std::int64_t, 1>(), to = receiversCpu.accessor<std::int64_t, 1>();
    const auto score = scoresCpu.accessor<double, 2>(), probability = probabilitiesCpu.accessor<double, 2>();
    const auto top = topClassesCpu.accessor<std::int64_t, 2>();
    std::vector<ImageRelations> out(std::size_t(x.numGraphs));
    std::vector<std::vector<std::int64_t>> nodesOf(out.size());
    std::vector<std::int64_t> localIndex(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        auto &list = nodesOf[std::size_t(nodeImage[i])];
        localIndex[std::size_t(i)] = std::int64_t(list.size());
        list.push_back(i);
    }
    for (std::int64_t edge = 0; edge < e; ++edge)
        out[std::size_t(edgeImage[edge])].edges.push_back(int(edge));
    for (std::size_t g = 0; g < out.size(); ++g) {
        ImageRelations &image = out[g];
        const auto gi = std::int64_t(g);
        for (std::int64_t c = 0; c < probabilitiesCpu.size(1); ++c)
            image.predicateScores.push_back(probability[gi][c]);
        for (std::int64_t j = 0; j < k; ++j)
            image.topPredicates.push_back(int(top[gi][j]));
        const torch::Tensor nodeIndex = torch::tensor(nodesOf[g], torch::kLong);
        const torch::Tensor edgeIndex = torch::tensor(std::vector<std::int64_t>(image.edges.begin(), image.edges.end()), torch::kLong);
        image.nodeRelevance = nodeRelCpu.index_select(0, nodeIndex);
        image.edgeRelevance = edgeRelCpu.index_select(0, edgeIndex);
        // Rank every (edge, predicate) pair of the image; ties keep the edge order, then the
        // predicate's rank.
        std::vector<std::pair<int, int>> pairs; // (edge of the batch, predicate rank)
        pairs.reserve(image.edges.size() * std::size_t(k));
        for (int edge : image.edges)
            for (int j = 0; j < int(k); ++j)
                pairs.emplace_back(edge, j);
        const std::size_t kept = std::min<std::size_t>(pairs.size(), std::size_t(options.topRelations));
        std::partial_sort(pairs.begin(), pairs.begin() + std::ptrdiff_t(kept), pairs.end(), [&](const auto &p, const auto &q) {
            const double a = score[p.first][p.second], b = score[q.first][q.second];
            return a != b ? a > b : p < q;
        });
        pairs.resize(kept);
        for (const auto &[edge, j] : pairs) {
            RelationTriplet t;
            t.subject = int(localIndex[std::size_t(from[edge])]);
            t.object = int(localIndex[std::size_t(to[edge])]);
            t.predicate = image.topPredicates[std::size_t(j)];
            t.score = score[edge][j];
            image.triplets.push_back(t);
        }
    }
    return out;
}

} // namespace periscope::relations
