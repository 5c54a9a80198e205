// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationsForward.h"

#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/relations/RelationalNetwork.h"

namespace periscope::relations {

namespace {

torch::Tensor field(const StateDict &tensors, const std::string &name, const std::string &file)
{
    if (const torch::Tensor *t = findTensor(tensors, name))
        return *t;
    throw Error(file + " has no tensor named \"" + name + "\"");
}

graphs::Aggregation poolingOf(const std::string &name)
{
    return graphs::parseAggregation(name == "add" ? "sum" : name); // the paper calls the sum "add"
}

} // namespace

void runRelationsForward(const RelationsForwardRequest &request)
{
    const StateDict weights = loadStateDict(request.weights);
    const RelationalNetworkConfig config =
        RelationalNetworkConfig::fromWeights(weights, parseReadoutMode(request.readout), poolingOf(request.pooling), request.weights);
    RelationalNetwork network(config);
    const LoadReport report = applyStateDict(*network, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(request.weights + " does not fit the ws-vrd relational network: " + report.summary());
    network->eval();
    const StateDict inputs = readSafetensors(request.input).tensors;
    RelationBatch batch;
    batch.objectConvFeatures = field(inputs, "object_conv_features", request.input).to(torch::kFloat);
    batch.objectLinearFeatures = field(inputs, "object_linear_features", request.input).to(torch::kFloat);
    batch.relationLinearFeatures = field(inputs, "relation_linear_features", request.input).to(torch::kFloat);
    batch.relationIndexes = field(inputs, "relation_indexes", request.input);
    batch.batch = field(inputs, "batch", request.input);
    for (torch::Tensor *index : {&batch.relationIndexes, &batch.batch})
        if (!torch::isIntegralType(index->scalar_type(), /*includeBool=*/false))
            throw Error(request.input + ": relation_indexes and batch must hold integers");
    batch.relationIndexes = batch.relationIndexes.to(torch::kLong);
    batch.batch = batch.batch.to(torch::kLong);
    batch.numGraphs = batch.batch.numel() > 0 ? batch.batch.max().item<std::int64_t>() + 1 : 1;
    if (batch.numGraphs > 1000000)
        throw Error(request.input + ": batch names more than a million images");
    try {
        batch.validate();
    } catch (const Error &e) {
        throw Error(request.input + ": " + e.what());
    }
    // The input widths the first layers expect, where the weights say.
    if (!config.nodeLinear.empty() && batch.objectLinearFeatures.size(1) != config.nodeLinear.front().first)
        throw Error(request.input + ": object_linear_features has " + std::to_string(batch.objectLinearFeatures.size(1)) + " features, the weights take " +
                    std::to_string(config.nodeLinear.front().first));
    if (!config.convs.empty() && batch.objectConvFeatures.size(1) != config.convs.front().first)
        throw Error(request.input + ": object_conv_features has " + std::to_string(batch.objectConvFeatures.size(1)) + " channels, the weights take " +
                    std::to_string(config.convs.front().first));
    if (!config.edgeLinear.empty() && batch.relationLinearFeatures.size(1) != config.edgeLinear.front().first)
        throw Error(request.input + ": relation_linear_features has " + std::to_string(batch.relationLinearFeatures.size(1)) +
                    " features, the weights take " + std::to_string(config.edgeLinear.front().first));
    torch::NoGradGuard noGrad;
    torch::Tensor scores;
    try {
        scores = network->forward(batch);
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw Error("the ws-vrd network cannot run on " + request.input + ": " + what.substr(0, what.find('\n')));
    }
    writeSafetensors(request.output, {{"predicate_scores", scores.contiguous()}});
}

} // namespace periscope::relations
