// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotModel.h"

#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/json/Json.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/slots/SlotModelInternal.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

namespace periscope::slot {

namespace {

const std::map<std::string, std::string> &defaultOptions()
{
    static const std::map<std::string, std::string> defaults = {
        {"image_size", "128"}, {"patch_size", "8"},  {"dim", "64"},          {"layers", "4"},
        {"heads", "4"},        {"slots", "11"},      {"iterations", "3"},    {"architecture", "slot-mean"},
        {"attention_scale", "false"}, {"queries", "learned"}, {"global_pool", "auto"},
    };
    return defaults;
}

std::string valueOf(const ArchOptions &options, const std::string &key)
{
    for (auto it = options.rbegin(); it != options.rend(); ++it)
        if (it->first == key)
            return it->second;
    return defaultOptions().at(key);
}

std::int64_t positiveInt(const ArchOptions &options, const std::string &key)
{
    const std::string text = valueOf(options, key);
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != text.size() || value <= 0 || value > 100000)
        throw Error("--arch " + key + "=" + text + ": expected a positive whole number");
    return value;
}

bool boolean(const ArchOptions &options, const std::string &key)
{
    const std::string text = valueOf(options, key);
    if (text == "true" || text == "1" || text == "yes")
        return true;
    if (text == "false" || text == "0" || text == "no")
        return false;
    throw Error("--arch " + key + "=" + text + ": expected true or false");
}

void set(ArchOptions &options, const std::string &key, const std::string &value)
{
    for (auto &[k, v] : options)
        if (k == key) {
            v = value;
            return;
        }
    options.emplace_back(key, value);
}

// The options the weights determine: shapes and which keys exist.
ArchOptions optionsFromWeights(const StateDict &tensors, const std::string &path)
{
    const torch::Tensor *patch = findTensor(tensors, "backbone.patch_emb.proj.weight");
    const torch::Tensor *positions = findTensor(tensors, "backbone.pos_embed.embed");
    if (!patch || !positions || patch->dim() != 4 || positions->dim() != 2)
        throw Error(path + ": not an object-centric model (no backbone.patch_emb.proj.weight / backbone.pos_embed.embed)");
    ArchOptions options;
    const auto grid = std::int64_t(std::llround(std::sqrt(double(positions->size(0)))));
    if (grid * grid != positions->size(0))
        throw Error(path + ": backbone.pos_embed.embed has " + std::to_string(positions->size(0)) + " positions, not a square grid");
    set(options, "dim", std::to_string(patch->size(0)));
    set(options, "patch_size", std::to_string(patch->size(2)));
    set(options, "image_size", std::to_string(grid * patch->size(2)));
    std::int64_t layers = 0;
    while (findTensor(tensors, "backbone.attn_blocks." + std::to_string(layers) + ".norm1.weight"))
        ++layers;
    if (layers == 0)
        throw Error(path + ": no backbone.attn_blocks.0.*");
    set(options, "layers", std::to_string(layers));
    set(options, "global_pool", findTensor(tensors, "backbone.cls_token") ? "cls" : "avg");
    if (const torch::Tensor *tokens = findTensor(tensors, "obj_queries.tokens")) {
        set(options, "queries", "learned");
        set(options, "slots", std::to_string(tokens->size(0)));
    } else if (findTensor(tensors, "obj_queries.mu")) {
        set(options, "queries", "sampled");
    } else {
        throw Error(path + ": no object queries (obj_queries.tokens or obj_queries.mu); a global-only model has no slots");
    }
    return options;
}

std::int64_t hiddenOf(const StateDict &tensors, const std::string &name, std::int64_t fallback)
{
    const torch::Tensor *t = findTensor(tensors, name);
    return t && t->dim() == 2 ? t->size(0) : fallback;
}

// The architecture our sidecar records; nothing from a sidecar that is not ours (the defaults
// and --arch decide then).
ArchOptions sidecarArchitecture(const std::string &weightsPath)
{
    ArchOptions options;
    const std::optional<json::Value> meta = readSidecar(weightsPath);
    if (!meta || !meta->isObject())
        return options;
    if (const json::Value *arch = meta->find("arch"); arch && arch->isObject())
        for (const auto &[key, value] : arch->asObject())
            if (value.isString() && defaultOptions().count(key))
                options.emplace_back(key, value.asString());
    return options;
}

} // namespace

ArchOptions parseArchOption(const std::string &keyEqualsValue, ArchOptions options)
{
    const auto eq = keyEqualsValue.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == keyEqualsValue.size())
        throw Error("--arch " + keyEqualsValue + ": expected KEY=VALUE");
    std::string key = keyEqualsValue.substr(0, eq);
    const std::string value = keyEqualsValue.substr(eq + 1);
    // The repository's config names are accepted too.
    if (key == "num_heads")
        key = "heads";
    else if (key == "num_iters")
        key = "iterations";
    else if (key == "num_objects" || key == "num_slots")
        key = "slots";
    if (!defaultOptions().count(key)) {
        std::string known;
        for (const auto &[k, v] : defaultOptions())
            known += (known.empty() ? "" : ", ") + k;
        throw Error("--arch " + key + ": unknown option (known: " + known + ")");
    }
    set(options, key, value);
    configFromOptions(options); // validates now, not at load time
    return options;
}

ArchOptions paperArchitecture() { return {}; }

// 64 px with 4 px patches keeps the paper's 16 x 16 token grid at a quarter of the pixels: with 8 px
// patches (8 x 8 tokens) the slots learn to partition the objects but their upsampled maps are too
// coarse for per-object masks (perfect 8 x 8 maps score 0.34 IoU, 16 x 16 ones 0.64), and the mean
// IoU did not rise over the untrained model's; with 16 x 16 tokens it does (README, Slots).
ArchOptions smallArchitecture() { return {{"image_size", "64"}, {"patch_size", "4"}}; }

SlotNetConfig configFromOptions(const ArchOptions &options)
{
    SlotNetConfig config;
    config.imageSize = positiveInt(options, "image_size");
    config.patchSize = positiveInt(options, "patch_size");
    config.dim = positiveInt(options, "dim");
    config.layers = positiveInt(options, "layers");
    config.heads = positiveInt(options, "heads");
    config.slotCount = positiveInt(options, "slots");
    config.iterations = positiveInt(options, "iterations");
    config.scaleBackboneAttention = boolean(options, "attention_scale");
    if (config.imageSize % config.patchSize != 0)
        throw Error("--arch: image_size " + std::to_string(config.imageSize) + " is not a multiple of patch_size " +
                    std::to_string(config.patchSize));
    if (config.dim % config.heads != 0)
        throw Error("--arch: dim " + std::to_string(config.dim) + " does not split into " + std::to_string(config.heads) + " heads");
    const std::string architecture = valueOf(options, "architecture");
    if (architecture == "slot-mean" || architecture == "backbone-obj_fn(-global_fn-global_proj)-obj_proj")
        config.globalFrom = GlobalFrom::SlotMean;
    else if (architecture == "backbone" || architecture == "backbone(-global_fn-global_proj)-obj_fn-obj_proj")
        config.globalFrom = GlobalFrom::Backbone;
    else
        throw Error("--arch architecture=" + architecture + ": expected slot-mean or backbone");
    const std::string queries = valueOf(options, "queries");
    if (queries != "learned" && queries != "sampled")
        throw Error("--arch queries=" + queries + ": expected learned or sampled");
    config.sampledQueries = queries == "sampled";
    // The repository's configurations: a class token when the global head reads the backbone
    // (vit_global_obj), average pooling when it reads the mean of slots (vit_obj_global, where a
    // class token would only ride along unused).
    const std::string pool = valueOf(options, "global_pool");
    if (pool != "cls" && pool != "avg" && pool != "auto")
        throw Error("--arch global_pool=" + pool + ": expected cls, avg or auto");
    config.clsToken = pool == "cls" || (pool == "auto" && config.globalFrom == GlobalFrom::Backbone);
    config.blockHidden = config.slotHidden = config.globalHidden = config.globalProjHidden = 2 * config.dim;
    config.objectProjHidden = 4 * config.dim;
    return config;
}

ArchOptions optionsFromConfig(const SlotNetConfig &config)
{
    return {{"image_size", std::to_string(config.imageSize)},
            {"patch_size", std::to_string(config.patchSize)},
            {"dim", std::to_string(config.dim)},
            {"layers", std::to_string(config.layers)},
            {"heads", std::to_string(config.heads)},
            {"slots", std::to_string(config.slotCount)},
            {"iterations", std::to_string(config.iterations)},
            {"architecture", config.globalFrom == GlobalFrom::SlotMean ? "slot-mean" : "backbone"},
            {"attention_scale", config.scaleBackboneAttention ? "true" : "false"},
            {"queries", config.sampledQueries ? "sampled" : "learned"},
            {"global_pool", config.clsToken ? "cls" : "avg"}};
}

torch::Tensor normalizeImageNet(const torch::Tensor &rgb)
{
    const auto options = rgb.options();
    const auto shape = std::vector<std::int64_t>{3, 1, 1};
    const auto mean = torch::tensor({0.485f, 0.456f, 0.406f}, options).view(shape);
    const auto std = torch::tensor({0.229f, 0.224f, 0.225f}, options).view(shape);
    return (rgb - mean) / std;
}

torch::Tensor preprocessImage(const Image &image, int size)
{
    if (image.isNull() || image.width() < 1 || image.height() < 1)
        throw Error("an empty image cannot go through the model");
    if (image.channels() != 1 && image.channels() != 3 && image.channels() != 4)
        throw Error("images need 1, 3 or 4 channels, got " + std::to_string(image.channels()));
    const Image square = centreSquare(image, size, false);
    torch::Tensor t = imageToTensor(square);
    if (t.size(0) == 1)
        t = t.expand({3, -1, -1});
    else if (t.size(0) == 4)
        t = t.narrow(0, 0, 3);
    return normalizeImageNet(t.clamp(0.0, 1.0).contiguous());
}

Image centreSquare(const Image &image, int size, bool nearest)
{
    if (image.isNull() || size < 1)
        throw Error("centre square: empty image or size");
    const int side = std::min(image.width(), image.height());
    const int x0 = (image.width() - side) / 2, y0 = (image.height() - side) / 2;
    torch::Tensor t = imageAsTensorHWC(image).narrow(0, y0, side).narrow(1, x0, side).permute({2, 0, 1});
    const bool eightBit = image.format() == PixelFormat::UInt8;
    torch::Tensor f = t.to(torch::kFloat).unsqueeze(0);
    namespace F = torch::nn::functional;
    if (side != size) {
        if (nearest)
            f = F::interpolate(f, F::InterpolateFuncOptions().size(std::vector<std::int64_t>{size, size}).mode(torch::kNearest));
        else
            f = F::interpolate(f, F::InterpolateFuncOptions()
                                      .size(std::vector<std::int64_t>{size, size})
                                      .mode(torch::kBilinear)
                                      .align_corners(false)
                                      .antialias(size < side));
    }
    f = f.squeeze(0);
    if (eightBit)
        return imageFromTensor(f.round().clamp(0, 255).to(torch::kUInt8));
    return imageFromTensor(f);
}

SlotModel SlotModel::create(const ArchOptions &options, std::uint64_t seed)
{
    torch::manual_seed(seed);
    SlotModel model;
    model.m_net = std::make_shared<Net>();
    model.m_net->config = configFromOptions(options);
    model.m_net->options = optionsFromConfig(model.m_net->config);
    model.m_net->module = ObjectCentricNet(model.m_net->config);
    model.m_net->module->eval();
    if (cudaAvailable()) {
        model.m_net->device = torch::Device(torch::kCUDA, 0);
        model.m_net->module->to(model.m_net->device);
    }
    return model;
}

SlotModel SlotModel::load(const std::string &weightsPath, const ArchOptions &overrides)
{
    const StateDict tensors = loadStateDict(weightsPath);
    // Sidecar first, then the weights' shapes (which always win), then the user's --arch for what
    // the shapes cannot tell.
    ArchOptions options = sidecarArchitecture(weightsPath);
    for (const auto &[key, value] : overrides)
        set(options, key, value);
    for (const auto &[key, value] : optionsFromWeights(tensors, weightsPath))
        set(options, key, value);
    SlotNetConfig config = configFromOptions(options);
    config.blockHidden = hiddenOf(tensors, "backbone.attn_blocks.0.mlp.fc1.weight", config.blockHidden);
    config.slotHidden = hiddenOf(tensors, "obj_fn.mlp.0.weight", config.slotHidden);
    config.globalHidden = hiddenOf(tensors, "global_fn.fc1.weight", config.globalHidden);
    config.globalProjHidden = hiddenOf(tensors, "global_proj.fc1.weight", config.globalProjHidden);
    config.objectProjHidden = hiddenOf(tensors, "obj_proj.fc1.weight", config.objectProjHidden);

    // Built once with the hidden sizes the weights have, then filled.
    SlotModel model;
    model.m_net = std::make_shared<Net>();
    model.m_net->config = config;
    model.m_net->options = optionsFromConfig(config);
    model.m_net->module = ObjectCentricNet(config);
    if (cudaAvailable())
        model.m_net->device = torch::Device(torch::kCUDA, 0);
    try {
        applyStateDict(*model.m_net->module, tensors, /*strict=*/true);
    } catch (const Error &e) {
        throw Error(weightsPath + ": " + e.what());
    }
    model.m_net->module->eval();
    model.m_net->module->to(model.m_net->device);
    return model;
}

int SlotModel::inputSize() const { return int(m_net->config.imageSize); }
int SlotModel::slotCount() const { return int(m_net->config.slotCount); }
int SlotModel::dim() const { return int(m_net->config.dim); }
int SlotModel::grid() const { return int(m_net->config.grid()); }
ArchOptions SlotModel::architecture() const { return optionsFromConfig(m_net->config); }

std::int64_t SlotModel::parameterCount() const
{
    std::int64_t count = 0;
    for (const auto &p : m_net->module->parameters())
        count += p.numel();
    return count;
}

std::string SlotModel::describe() const
{
    const SlotNetConfig &c = m_net->config;
    std::ostringstream out;
    out << "ViT " << c.imageSize << " px, " << c.patchSize << " px patches (" << c.tokens() << " tokens), D " << c.dim << ", "
        << c.layers << " blocks x " << c.heads << " heads; " << c.slotCount << (c.sampledQueries ? " sampled" : " learned") << " slots, "
        << c.iterations << " iterations; global from " << (c.globalFrom == GlobalFrom::SlotMean ? "the mean of slots" : "the backbone")
        << "; " << parameterCount() << " parameters";
    return out.str();
}

std::vector<SlotResult> SlotModel::run(const std::vector<Image> &images, const JobControl &job) const
{
    torch::NoGradGuard noGrad;
    const SlotNetConfig &c = m_net->config;
    std::vector<SlotResult> results;
    results.reserve(images.size());
    constexpr std::size_t kBatch = 16;
    for (std::size_t begin = 0; begin < images.size(); begin += kBatch) {
        job.throwIfCancelled();
        std::vector<torch::Tensor> inputs;
        for (std::size_t i = begin; i < std::min(images.size(), begin + kBatch); ++i)
            inputs.push_back(preprocessImage(images[i], int(c.imageSize)));
        const SlotNetOutput out = m_net->module->forward(torch::stack(inputs).to(m_net->device), true);
        const auto first = out.attention.front().to(torch::kCPU).contiguous();
        const auto last = out.attention.back().to(torch::kCPU).contiguous();
        const auto slotFeatures = out.slotFeatures.to(torch::kCPU).contiguous();
        const auto global = out.globalFeatures.to(torch::kCPU).contiguous();
        for (std::int64_t b = 0; b < first.size(0); ++b) {
            SlotResult r;
            r.slotCount = int(c.slotCount);
            r.dim = int(c.dim);
            r.grid = int(c.grid());
            auto copy = [](const torch::Tensor &t) {
                const float *p = t.data_ptr<float>();
                return std::vector<float>(p, p + t.numel());
            };
            r.attentionFirst = copy(first[b].contiguous());
            r.attentionLast = copy(last[b].contiguous());
            r.slotFeatures = copy(slotFeatures[b].contiguous());
            r.globalFeatures = copy(global[b].contiguous());
            results.push_back(std::move(r));
        }
        job.reportProgress(double(results.size()) / double(images.size()));
    }
    return results;
}

SlotResult SlotModel::run(const Image &image) const
{
    return run(std::vector<Image>{image}).front();
}

} // namespace periscope::slot
