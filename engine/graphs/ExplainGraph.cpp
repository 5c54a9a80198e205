// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/ExplainGraph.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/MetricsOps.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/graphs/GraphExplanation.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace periscope::graphs {

namespace {
// A graph without edges (one atom, one isolated node) says nothing about its edge-feature width;
// it takes the model's, so that it is explained rather than refused.
void fitEdgelessGraph(GraphBatch &graph, std::int64_t edgeFeatures)
{
    if (graph.edgeFeatures.size(0) == 0)
        graph.edgeFeatures = torch::zeros({0, edgeFeatures}, graph.nodeFeatures.options());
}
} // namespace

namespace {
std::string readText(const std::string &path, const char *what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(std::string("cannot open ") + what + " " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Rows of numbers, all the same length, as a float tensor [rows, width].
torch::Tensor matrix(const json::Value *value, const char *name, std::int64_t width = -1)
{
    if (!value || !value->isArray())
        throw Error(std::string("G.json: \"") + name + "\" must be a list of lists of numbers");
    const json::Array &rows = value->asArray();
    if (rows.empty())
        return torch::zeros({0, std::max<std::int64_t>(width, 0)});
    std::vector<float> values;
    std::int64_t columns = -1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].isArray())
            throw Error(std::string("G.json: \"") + name + "\"[" + std::to_string(i) + "] is not a list");
        const json::Array &row = rows[i].asArray();
        if (columns < 0)
            columns = std::int64_t(row.size());
        if (std::int64_t(row.size()) != columns)
            throw Error(std::string("G.json: \"") + name + "\"[" + std::to_string(i) + "] has " + std::to_string(row.size()) +
                        " values, the first row " + std::to_string(columns));
        for (const json::Value &v : row) {
            if (!v.isNumber())
                throw Error(std::string("G.json: \"") + name + "\"[" + std::to_string(i) + "] holds a non-number");
            values.push_back(float(v.asNumber()));
        }
    }
    return torch::tensor(values).reshape({std::int64_t(rows.size()), columns});
}

GraphBatch readGraphJson(const std::string &path)
{
    const json::Value root = json::Value::parse(readText(path, "graph file"));
    if (!root.isObject())
        throw Error("G.json: expected an object with nodes, edges and edge_features");
    const torch::Tensor nodes = matrix(root.find("nodes"), "nodes");
    if (nodes.size(0) == 0)
        throw Error("G.json: the graph has no nodes");
    const torch::Tensor edges = matrix(root.find("edges"), "edges", 2);
    if (edges.size(1) != 2)
        throw Error("G.json: each edge must be [sender, receiver]");
    const torch::Tensor edgeFeatures = matrix(root.find("edge_features"), "edge_features");
    if (edgeFeatures.size(0) != edges.size(0))
        throw Error("G.json: " + std::to_string(edges.size(0)) + " edges but " + std::to_string(edgeFeatures.size(0)) + " edge_features rows");
    const torch::Tensor index = edges.to(torch::kLong);
    if (!torch::equal(index.to(torch::kFloat), edges) || (index.numel() > 0 && (index.min().item<std::int64_t>() < 0 ||
                                                                                index.max().item<std::int64_t>() >= nodes.size(0))))
        throw Error("G.json: edge endpoints must be node indices in [0, " + std::to_string(nodes.size(0)) + ")");
    return GraphBatch::single(nodes, edgeFeatures, index.select(1, 0).contiguous(), index.select(1, 1).contiguous());
}

std::string trim(const std::string &text)
{
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

// The scalar entries of `model: kwargs:` in the paper's experiment.latest.yaml (written by its
// training script), e.g. aggregation, bias, num_layers. Only that block is read, line by line by
// indentation; a full YAML parser is not needed for a file whose layout the training code fixed.
std::map<std::string, std::string> experimentModelKwargs(const std::string &path)
{
    std::ifstream in(path);
    std::map<std::string, std::string> out;
    std::string line;
    int modelIndent = -1, kwargsIndent = -1;
    while (std::getline(in, line)) {
        const std::string body = trim(line);
        if (body.empty() || body[0] == '#')
            continue;
        const int indent = int(line.find_first_not_of(' '));
        if (modelIndent >= 0 && indent <= modelIndent)
            break; // left the model block
        if (modelIndent < 0) {
            if (body == "model:")
                modelIndent = indent;
            continue;
        }
        if (kwargsIndent >= 0 && indent <= kwargsIndent)
            kwargsIndent = -1;
        if (kwargsIndent < 0) {
            if (body == "kwargs:")
                kwargsIndent = indent;
            continue;
        }
        const auto colon = body.find(':');
        if (colon != std::string::npos)
            out[trim(body.substr(0, colon))] = trim(body.substr(colon + 1));
    }
    return out;
}

std::string aggregationFor(const ExplainGraphRequest &request)
{
    if (auto it = request.arch.find("aggregation"); it != request.arch.end())
        return it->second;
    const std::string sidecar = std::filesystem::path(request.modelPath).replace_extension(".json").string();
    if (std::filesystem::exists(sidecar)) {
        const json::Value meta = json::Value::parse(readText(sidecar, "model sidecar"));
        if (const json::Value *a = meta.find("aggregation"); a && a->isString())
            return a->asString();
    }
    const std::filesystem::path experiment = std::filesystem::path(request.modelPath).parent_path() / "experiment.latest.yaml";
    if (std::filesystem::exists(experiment)) {
        const auto kwargs = experimentModelKwargs(experiment.string());
        if (auto it = kwargs.find("aggregation"); it != kwargs.end())
            return it->second;
    }
    throw Error("the weights do not say how the model aggregates: choose sum, mean or max (--arch aggregation=... on the "
                "command line, the aggregation choice in the workspace, or {\"aggregation\": ...} in " + sidecar + ")");
}

json::Value toJson(const torch::Tensor &t)
{
    const torch::Tensor c = t.detach().to(torch::kDouble).contiguous();
    json::Array rows;
    if (c.dim() == 1) {
        for (std::int64_t i = 0; i < c.size(0); ++i)
            rows.emplace_back(c[i].item<double>());
        return rows;
    }
    const double *data = c.data_ptr<double>();
    for (std::int64_t i = 0; i < c.size(0); ++i) {
        json::Array row;
        for (std::int64_t j = 0; j < c.size(1); ++j)
            row.emplace_back(data[i * c.size(1) + j]);
        rows.emplace_back(std::move(row));
    }
    return rows;
}

json::Value flags(const torch::Tensor &t)
{
    json::Array out;
    for (std::int64_t i = 0; i < t.size(0); ++i)
        out.emplace_back(t[i].item<bool>());
    return out;
}

} // namespace

json::Value runExplainGraph(const ExplainGraphRequest &request)
{
    const int inputs = int(request.infectionSeed.has_value()) + int(!request.graphJsonPath.empty()) + int(request.graph.has_value());
    if (inputs != 1)
        throw Error("give exactly one input: an infection seed, a graph JSON file or a graph");
    if (request.modelPath.empty())
        throw Error("no model: pass the weights of a graph network (--model FILE)");
    const GraphMethod method = parseGraphMethod(request.method);
    const GraphTarget target = GraphTarget::parse(request.target);

    std::optional<InfectionGraph> infection;
    GraphBatch graph;
    if (request.infectionSeed) {
        std::mt19937_64 random(*request.infectionSeed);
        const InfectionSettings &settings = request.infection;
        if (settings.minNodes < 2 || settings.maxNodes <= settings.minNodes || settings.maxNodes > 5000)
            throw Error("infection graph size: need 2 <= minimum < maximum <= 5000 nodes");
        for (double p : {settings.maxPercentSick, settings.maxPercentImmune, settings.maxPercentVirtual})
            if (!(p >= 0.0 && p <= 1.0))
                throw Error("infection graph probabilities must be in [0, 1]");
        InfectionParameters parameters = InfectionParameters::test();
        parameters.minNodes = settings.minNodes;
        parameters.maxNodes = settings.maxNodes;
        parameters.maxPercentSick = settings.maxPercentSick;
        parameters.maxPercentImmune = settings.maxPercentImmune;
        parameters.maxPercentVirtual = settings.maxPercentVirtual;
        infection = generateInfectionGraph(parameters, random);
        graph = infection->graph;
    } else if (request.graph) {
        graph = GraphBatch::fromData(*request.graph);
    } else {
        graph = readGraphJson(request.graphJsonPath);
    }
    if (!request.nodeTruth.empty() && std::int64_t(request.nodeTruth.size()) != graph.numNodes())
        throw Error("the node truth has " + std::to_string(request.nodeTruth.size()) + " values for " + std::to_string(graph.numNodes()) +
                    " nodes");

    const StateDict weights = loadStateDict(request.modelPath);
    GraphModel model;
    json::Object description{{"file", request.modelPath}};
    if (findTensor(weights, "readout_nodes.W_node")) {
        const Aggregation aggregation = parseAggregation(aggregationFor(request));
        const bool bias = findTensor(weights, "encoder.edge.bias") != nullptr;
        InfectionGN network(aggregation, bias);
        const LoadReport report = applyStateDict(*network, weights, true);
        if (!report.isComplete())
            throw Error("the weights do not fit an InfectionGN: " + report.summary());
        network->eval();
        fitEdgelessGraph(graph, 2);
        if (graph.nodeFeatures.size(1) != 4 || graph.edgeFeatures.size(1) != 2)
            throw Error("an InfectionGN takes 4 node and 2 edge features; the graph has " + std::to_string(graph.nodeFeatures.size(1)) +
                        " and " + std::to_string(graph.edgeFeatures.size(1)));
        model = [network](const GraphBatch &g) mutable { return network->forward(g); };
        description.emplace_back("architecture", "InfectionGN");
        description.emplace_back("aggregation", aggregationFor(request));
        description.emplace_back("bias", bias);
    } else if (findTensor(weights, "readout_globals.W_global") && findTensor(weights, "encoder.node.W_node")) {
        int layers = 0;
        while (findTensor(weights, "hidden.hidden_" + std::to_string(layers) + ".node.W_node"))
            ++layers;
        std::int64_t width = 0;
        for (const auto &[name, tensor] : weights)
            if (name == "encoder.node.W_node")
                width = tensor.size(0);
        if (width < 8 || width % 8 != 0)
            throw Error("the weights do not fit a SolubilityGN: node width " + std::to_string(width) + " is not a multiple of 8");
        const Aggregation aggregation = parseAggregation(aggregationFor(request));
        const bool hiddenBias = layers > 0 && findTensor(weights, "hidden.hidden_0.node.bias") != nullptr;
        SolubilityGN network(layers, width, hiddenBias, aggregation);
        const LoadReport report = applyStateDict(*network, weights, true);
        if (!report.isComplete())
            throw Error("the weights do not fit a SolubilityGN: " + report.summary());
        network->eval();
        fitEdgelessGraph(graph, 6);
        if (graph.nodeFeatures.size(1) != 47 || graph.edgeFeatures.size(1) != 6)
            throw Error("a SolubilityGN takes 47 node and 6 edge features; the graph has " + std::to_string(graph.nodeFeatures.size(1)) +
                        " and " + std::to_string(graph.edgeFeatures.size(1)));
        model = [network](const GraphBatch &g) mutable { return network->forward(g); };
        description.emplace_back("architecture", "SolubilityGN");
        description.emplace_back("layers", layers);
        description.emplace_back("width", width);
        description.emplace_back("aggregation", aggregationFor(request));
        description.emplace_back("bias", hiddenBias);
    } else {
        throw Error("the weights in " + request.modelPath + " fit no known graph network (InfectionGN or SolubilityGN)");
    }

    GraphExplainOptions options;
    options.integrationSteps = request.integrationSteps;
    const GraphRelevance relevance = explainGraph(model, graph, target, method, options);
    GraphOutput outputs;
    {
        torch::NoGradGuard noGrad;
        outputs = model(graph);
    }

    json::Value out = json::Object{};
    out.set("method", graphMethodKey(method));
    out.set("target", target.describe());
    out.set("output_value", relevance.outputValue);
    out.set("node_outputs", outputs.nodes.defined() ? toJson(outputs.nodes) : json::Value(json::Array{}));
    out.set("global_output", outputs.globals.defined() ? toJson(outputs.globals[0]) : json::Value(json::Array{}));
    out.set("node_relevance", toJson(relevance.node));
    out.set("edge_relevance", toJson(relevance.edge));
    if (method == GraphMethod::IntegratedGradients)
        out.set("completeness_gap", relevance.completenessGap);
    if (method == GraphMethod::Lrp)
        out.set("relevance_lost", relevance.completenessGap);
    out.set("model", json::Value(description));
    auto curveJson = [](const DeletionCurve &curve) {
        json::Array fraction, output;
        for (std::size_t i = 0; i < curve.fraction.size(); ++i) {
            fraction.emplace_back(curve.fraction[i]);
            output.emplace_back(curve.output[i]);
        }
        return json::Value(json::Object{{"fraction", json::Value(std::move(fraction))}, {"output", json::Value(std::move(output))},
                                        {"area", curve.area}});
    };
    out.set("deletion", json::Object{{"edges", curveJson(deletionCurve(model, graph, target, relevance, DeletionItems::Edges))},
                                      {"nodes", curveJson(deletionCurve(model, graph, target, relevance, DeletionItems::Nodes))}});
    out.set("node_relevance_sum", toJson(relevance.node.sum(1)));
    if (!request.nodeTruth.empty()) {
        const double rho = spearman(relevance.node.sum(1).to(torch::kDouble), torch::tensor(request.nodeTruth, torch::kDouble));
        out.set("node_truth", json::Object{{"name", request.nodeTruthName}, {"values", toJson(torch::tensor(request.nodeTruth, torch::kDouble))}});
        out.set("scores", json::Object{{"node_truth_spearman", std::isnan(rho) ? json::Value() : json::Value(rho)}});
    }
    json::Array edges;
    for (std::int64_t e = 0; e < graph.numEdges(); ++e)
        edges.emplace_back(json::Array{graph.senders[e].item<std::int64_t>(), graph.receivers[e].item<std::int64_t>()});
    out.set("graph", json::Object{{"nodes", toJson(graph.nodeFeatures)}, {"edges", json::Value(std::move(edges))},
                                   {"edge_features", toJson(graph.edgeFeatures)}});
    if (infection) {
        out.set("truth", json::Object{{"sick", flags(infection->sick)},
                                       {"immune", flags(infection->immune)},
                                       {"infected", flags(infection->infected)},
                                       {"virtual_edge", flags(infection->virtualEdge)},
                                       {"causal_edge", flags(infection->causalEdge)}});
        if (target.kind == GraphTarget::Kind::Node && target.index < graph.numNodes()) {
            const InfectionExplanationScores s = scoreInfectionExplanation(relevance, *infection, target.index);
            auto number = [](double v) { return std::isnan(v) ? json::Value() : json::Value(v); };
            out.set("scores", json::Object{{"edge_roc_auc", number(s.edgeRocAuc)},
                                            {"edge_average_precision", number(s.edgeAveragePrecision)},
                                            {"incoming_edge_roc_auc", number(s.incomingEdgeRocAuc)},
                                            {"node_roc_auc", number(s.nodeRocAuc)},
                                            {"node_average_precision", number(s.nodeAveragePrecision)}});
        }
    }
    return out;
}

} // namespace periscope::graphs
