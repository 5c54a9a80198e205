// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationModel.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/models/ResNet.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/relations/RelationExplainer.h"
#include "engine/relations/RelationModelInternal.h"
#include "engine/relations/RelationPrior.h"
#include "engine/relations/RoiAlign.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>

namespace periscope::relations {

namespace {

constexpr int kRoiSize = 7;
constexpr std::size_t kMaxObjects = 200; // 39,800 directed edges

std::vector<std::string> stringsOf(const json::Value *v, const std::string &key, const std::string &file)
{
    std::vector<std::string> out;
    if (!v)
        return out;
    if (!v->isArray())
        throw Error(file + ": \"" + key + "\" must be a list of names");
    for (const json::Value &s : v->asArray()) {
        if (!s.isString())
            throw Error(file + ": \"" + key + "\" must be a list of names");
        out.push_back(s.asString());
    }
    return out;
}

json::Array namesJson(const std::vector<std::string> &names)
{
    json::Array a;
    for (const std::string &n : names)
        a.emplace_back(n);
    return a;
}

graphs::Aggregation poolingOf(const std::string &name)
{
    return graphs::parseAggregation(name == "add" ? "sum" : name);
}

// Through layer3 of a torchvision ResNet.
torch::Tensor resnetTrunk(ResNetImpl &r, const torch::Tensor &x)
{
    torch::Tensor y = torch::relu(r.bn1->forward(r.conv1->forward(x)));
    y = torch::max_pool2d(y, 3, 2, 1);
    return r.layer3->forward(r.layer2->forward(r.layer1->forward(y)));
}

} // namespace

json::Value RelationModelInfo::toJson() const
{
    json::Value v = json::Object{};
    v.set("backbone", backbone);
    v.set("object_classes", json::Value(namesJson(objectClasses)));
    v.set("predicate_classes", json::Value(namesJson(predicateClasses)));
    v.set("subject_classes", json::Value(namesJson(subjectClasses)));
    v.set("readout", readout);
    v.set("pooling", pooling);
    v.set("width", double(width));
    v.set("conv_width", double(convWidth));
    v.set("max_side", maxSide);
    return v;
}

RelationModelInfo RelationModelInfo::fromJson(const json::Value &v, const std::string &file)
{
    if (!v.isObject())
        throw Error(file + ": no relations model description");
    RelationModelInfo info;
    auto text = [&](const char *key, std::string &out) {
        if (const json::Value *f = v.find(key); f && f->isString())
            out = f->asString();
    };
    auto number = [&](const char *key, double lo, double hi, double fallback) {
        const json::Value *f = v.find(key);
        if (!f)
            return fallback;
        if (!f->isNumber() || !(f->asNumber() >= lo && f->asNumber() <= hi))
            throw Error(file + ": \"" + key + "\" must be a number in [" + std::to_string(int(lo)) + ", " + std::to_string(int(hi)) + "]");
        return f->asNumber();
    };
    text("backbone", info.backbone);
    text("readout", info.readout);
    text("pooling", info.pooling);
    info.objectClasses = stringsOf(v.find("object_classes"), "object_classes", file);
    info.predicateClasses = stringsOf(v.find("predicate_classes"), "predicate_classes", file);
    info.subjectClasses = stringsOf(v.find("subject_classes"), "subject_classes", file);
    info.width = std::int64_t(number("width", 1, 4096, 128));
    info.convWidth = std::int64_t(number("conv_width", 1, 4096, 64));
    info.maxSide = int(number("max_side", 32, 4096, 320));
    if (info.objectClasses.empty() || info.predicateClasses.empty())
        throw Error(file + ": the model names no object or no predicate classes");
    if (info.backbone != "scene_cnn" && info.backbone != "resnet18" && info.backbone != "resnet50")
        throw Error(file + ": unknown backbone \"" + info.backbone + "\" (expected scene_cnn, resnet18 or resnet50)");
    parseReadoutMode(info.readout);
    poolingOf(info.pooling);
    return info;
}

SceneCnnImpl::SceneCnnImpl()
{
    const std::int64_t channels[] = {3, 32, 32, 64, 64, kChannels};
    const std::int64_t strides[] = {2, 1, 2, 1, 2};
    for (int i = 0; i < 5; ++i)
        m_convs.push_back(register_module("conv" + std::to_string(i),
                                          torch::nn::Conv2d(torch::nn::Conv2dOptions(channels[i], channels[i + 1], 3).stride(strides[i]).padding(1))));
}

torch::Tensor SceneCnnImpl::forward(torch::Tensor x)
{
    for (auto &conv : m_convs)
        x = torch::relu(conv->forward(x));
    return x;
}

RelationPipelineImpl::RelationPipelineImpl(const RelationModelInfo &modelInfo) : info(modelInfo)
{
    if (info.backbone == "scene_cnn") {
        m_backbone = register_module("backbone", SceneCnn().ptr());
        m_channels = SceneCnnImpl::kChannels;
    } else if (info.backbone == "resnet18" || info.backbone == "resnet50") {
        m_backbone = register_module("backbone", ResNet(info.backbone == "resnet18" ? ResNetConfig::resnet18() : ResNetConfig::resnet50()).ptr());
        m_channels = info.backbone == "resnet18" ? 256 : 1024;
    } else {
        throw Error("relations: unknown backbone \"" + info.backbone + "\"");
    }
    if (info.objectClasses.empty() || info.predicateClasses.empty())
        throw Error("relations: a model needs object and predicate classes");
    RelationalNetworkConfig config = RelationalNetworkConfig::paper(m_channels, kRoiSize, 3 + std::int64_t(info.objectClasses.size()),
                                                                    std::int64_t(info.predicateClasses.size()), info.width, info.convWidth);
    config.mode = parseReadoutMode(info.readout);
    config.pooling = poolingOf(info.pooling);
    network = register_module("network", RelationalNetwork(config));
}

void RelationPipelineImpl::setBackboneTrainable(bool trainable)
{
    for (torch::Tensor &p : m_backbone->parameters())
        p.set_requires_grad(trainable);
}

torch::Tensor RelationPipelineImpl::features(const torch::Tensor &image)
{
    const auto options = image.options();
    const torch::Tensor mean = torch::tensor({0.485, 0.456, 0.406}, options).view({3, 1, 1});
    const torch::Tensor deviation = torch::tensor({0.229, 0.224, 0.225}, options).view({3, 1, 1});
    const torch::Tensor x = ((image - mean) / deviation).unsqueeze(0);
    if (auto *cnn = dynamic_cast<SceneCnnImpl *>(m_backbone.get()))
        return cnn->forward(x)[0];
    auto &resnet = static_cast<ResNetImpl &>(*m_backbone);
    resnet.eval(); // torchvision's batch norm statistics, never this batch's
    return resnetTrunk(resnet, x)[0];
}

RelationBatch RelationPipelineImpl::graphInputs(const torch::Tensor &featureMap, int imageWidth, int imageHeight,
                                                const std::vector<RelationObject> &objects, BoxGraph *graphOut) const
{
    if (objects.empty())
        throw Error("relations: an image needs at least one object");
    if (objects.size() > kMaxObjects)
        throw Error("relations: at most " + std::to_string(kMaxObjects) + " objects an image (" + std::to_string(objects.size()) + " given)");
    std::vector<Box> boxes;
    std::vector<bool> subjects;
    for (const RelationObject &o : objects) {
        if (o.category < 0 || o.category >= int(info.objectClasses.size()))
            throw Error("relations: an object's class is not one of the model's " + std::to_string(info.objectClasses.size()));
        if (!(o.score >= 0.0 && o.score <= 1.0))
            throw Error("relations: an object's score must be in [0, 1]");
        boxes.push_back(o.box);
        subjects.push_back(info.subjectClasses.empty() ||
                           std::find(info.subjectClasses.begin(), info.subjectClasses.end(), info.objectClasses[std::size_t(o.category)]) !=
                               info.subjectClasses.end());
    }
    const auto nodes = nodeBoxFeatures(boxes, imageWidth, imageHeight);
    BoxGraph graph = edgeBoxFeatures(boxes, imageWidth, imageHeight, info.subjectClasses.empty() ? nullptr : &subjects);
    const std::int64_t n = std::int64_t(objects.size()), classes = std::int64_t(info.objectClasses.size());
    torch::Tensor linear = torch::zeros({n, 3 + classes}, torch::kFloat);
    for (std::int64_t i = 0; i < n; ++i) {
        for (int k = 0; k < 3; ++k)
            linear[i][k] = float(nodes[std::size_t(i)][std::size_t(k)]);
        // The detector's confidence in the object's class (1 for the ground truth): the paper
        // gives the detector's class probabilities here.
        linear[i][3 + objects[std::size_t(i)].category] = float(objects[std::size_t(i)].score);
    }
    std::vector<float> edgeValues;
    for (const auto &f : graph.features)
        for (double v : f)
            edgeValues.push_back(float(v));
    std::vector<std::int64_t> indexes(graph.senders.begin(), graph.senders.end());
    indexes.insert(indexes.end(), graph.receivers.begin(), graph.receivers.end());
    const auto device = featureMap.device();
    RelationBatch b;
    b.objectConvFeatures = roiAlign(featureMap, boxes, double(featureMap.size(2)) / imageWidth, kRoiSize);
    b.objectLinearFeatures = linear.to(device);
    b.relationLinearFeatures = torch::tensor(edgeValues, torch::kFloat).view({std::int64_t(graph.edgeCount()), 10}).to(device);
    b.relationIndexes = torch::tensor(indexes, torch::kLong).view({2, std::int64_t(graph.edgeCount())}).to(device);
    b.batch = torch::zeros({n}, torch::TensorOptions().dtype(torch::kLong).device(device));
    b.numGraphs = 1;
    if (graphOut)
        *graphOut = std::move(graph);
    return b;
}

RelationBatch concatenateBatches(const std::vector<RelationBatch> &parts)
{
    if (parts.empty())
        throw Error("relations: an empty batch");
    std::vector<torch::Tensor> conv, linear, edges, indexes, batch;
    std::int64_t nodes = 0, graphs = 0;
    for (const RelationBatch &p : parts) {
        conv.push_back(p.objectConvFeatures);
        linear.push_back(p.objectLinearFeatures);
        edges.push_back(p.relationLinearFeatures);
        indexes.push_back(p.relationIndexes + nodes);
        batch.push_back(p.batch + graphs);
        nodes += p.numNodes();
        graphs += p.numGraphs;
    }
    return {torch::cat(conv), torch::cat(linear), torch::cat(edges), torch::cat(indexes, 1), torch::cat(batch), graphs};
}

torch::Tensor modelInput(const Image &rgb, int maxSide)
{
    if (rgb.width() < 1 || rgb.height() < 1)
        throw Error("relations: an empty image");
    torch::Tensor x = imageToTensor(rgb);
    if (x.size(0) == 1)
        x = x.expand({3, x.size(1), x.size(2)});
    else if (x.size(0) >= 3)
        x = x.slice(0, 0, 3);
    else
        throw Error("relations: an image needs 1, 3 or 4 channels");
    const int longer = std::max(rgb.width(), rgb.height());
    if (longer > maxSide) {
        const double scale = double(maxSide) / longer;
        const std::int64_t h = std::max<std::int64_t>(1, std::llround(rgb.height() * scale)), w = std::max<std::int64_t>(1, std::llround(rgb.width() * scale));
        x = torch::nn::functional::interpolate(
                x.unsqueeze(0), torch::nn::functional::InterpolateFuncOptions().size(std::vector<std::int64_t>{h, w}).mode(torch::kBilinear).align_corners(false).antialias(true))[0];
    }
    return x.contiguous();
}

struct RelationModel::State {
    RelationPipeline pipeline{nullptr};
};

RelationModel::RelationModel(const RelationModelInfo &info) : m_state(std::make_unique<State>())
{
    m_state->pipeline = RelationPipeline(info);
    m_state->pipeline->eval();
}

RelationModel::~RelationModel() = default;

RelationModel::State &RelationModel::state()
{
    return *m_state;
}

const RelationModelInfo &RelationModel::info() const
{
    return m_state->pipeline->info;
}

std::int64_t RelationModel::parameterCount() const
{
    std::int64_t count = 0;
    for (const torch::Tensor &p : m_state->pipeline->parameters())
        count += p.numel();
    return count;
}

std::unique_ptr<RelationModel> RelationModel::load(const std::string &weightsPath)
{
    const std::string sidecar = sidecarPathFor(weightsPath);
    const std::optional<json::Value> description = readSidecar(weightsPath);
    if (!description)
        throw Error(weightsPath + ": no readable " + std::filesystem::path(sidecar).filename().string() + " beside it to say what the model is");
    const json::Value *model = description->isObject() ? description->find("relations_model") : nullptr;
    if (!model)
        throw Error(sidecar + ": not the description of a relations model (no \"relations_model\")");
    auto result = std::make_unique<RelationModel>(RelationModelInfo::fromJson(*model, sidecar));
    const StateDict weights = loadStateDict(weightsPath);
    const LoadReport report = applyStateDict(*result->m_state->pipeline, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(weightsPath + " does not fit the relations model its description names: " + report.summary());
    result->m_state->pipeline->eval();
    return result;
}

std::vector<double> RelationModel::predicateScores(const Image &rgb, const std::vector<RelationObject> &objects)
{
    torch::NoGradGuard noGrad;
    RelationPipelineImpl &p = *m_state->pipeline;
    const torch::Tensor map = p.features(modelInput(rgb, p.info.maxSide));
    const RelationBatch batch = p.graphInputs(map, rgb.width(), rgb.height(), objects);
    const torch::Tensor scores = torch::sigmoid(p.network->forward(batch))[0].to(torch::kDouble).contiguous();
    return {scores.data_ptr<double>(), scores.data_ptr<double>() + scores.numel()};
}

RelationAnalysis RelationModel::analyse(const Image &rgb, const std::vector<RelationObject> &objects, const ExplainerOptions &options)
{
    RelationPipelineImpl &p = *m_state->pipeline;
    torch::Tensor map;
    {
        torch::NoGradGuard noGrad;
        map = p.features(modelInput(rgb, p.info.maxSide));
    }
    BoxGraph graph;
    const RelationBatch batch = p.graphInputs(map, rgb.width(), rgb.height(), objects, &graph);
    std::vector<double> scores;
    for (const RelationObject &o : objects)
        scores.push_back(o.score);
    // With a prior every candidate is kept until the prior has weighed it, as the paper's code.
    ExplainerOptions explain = options;
    if (options.prior)
        explain.topRelations = std::numeric_limits<int>::max();
    const ImageRelations r = explainRelations(*p.network, batch, torch::tensor(scores, torch::kDouble), explain)[0];
    RelationAnalysis out;
    out.predicateScores = r.predicateScores;
    out.topPredicates = r.topPredicates;
    out.senders = graph.senders;
    out.receivers = graph.receivers;
    out.triplets = r.triplets;
    if (options.prior) {
        for (RelationTriplet &t : out.triplets)
            t.score *= options.prior->at(objects[std::size_t(t.subject)].category, t.predicate, objects[std::size_t(t.object)].category);
        std::stable_sort(out.triplets.begin(), out.triplets.end(), [](const RelationTriplet &a, const RelationTriplet &b) { return a.score > b.score; });
        if (out.triplets.size() > std::size_t(options.topRelations))
            out.triplets.resize(std::size_t(options.topRelations));
    }
    const torch::Tensor nodes = r.nodeRelevance.to(torch::kDouble).t().contiguous(), edges = r.edgeRelevance.to(torch::kDouble).t().contiguous();
    for (std::int64_t k = 0; k < nodes.size(0); ++k) {
        out.nodeRelevance.emplace_back(nodes[k].data_ptr<double>(), nodes[k].data_ptr<double>() + nodes.size(1));
        out.edgeRelevance.emplace_back(edges[k].data_ptr<double>(), edges[k].data_ptr<double>() + edges.size(1));
    }
    return out;
}

} // namespace periscope::relations
