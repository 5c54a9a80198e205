// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FrameExplanations.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/json/Json.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/models/MViT.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/TensorInfo.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/FrameDetector.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <set>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

constexpr int kCacheFormat = 1;
// A cache file holds at most this many frames; more is not something store() writes.
constexpr std::int64_t kMaxFramesPerFile = 4096;
constexpr int kMaxCropSide = 2048;

std::string fileIdentity(const std::string &path, const char *what)
{
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    const auto size = fs::file_size(absolute, error);
    if (error)
        throw Error(std::string("cannot read the ") + what + " " + path + ": " + error.message());
    const auto modified = fs::last_write_time(absolute, error);
    const auto ticks = error ? 0 : std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count();
    return absolute.lexically_normal().string() + "|" + std::to_string(size) + "|" + std::to_string(ticks);
}

// FNV-1a: a stable name for the key's folder (not a security measure: key.json is compared too).
std::string hex64(const std::string &text)
{
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

std::string readSmallFile(const fs::path &path)
{
    const std::shared_ptr<MappedFile> file = MappedFile::open(path.string());
    if (file->size() > (1u << 20))
        throw Error(path.string() + " is too large for a cache key");
    return std::string(reinterpret_cast<const char *>(file->data()), file->size());
}

const torch::Tensor &tensorNamed(const StateDict &tensors, const std::string &name)
{
    const torch::Tensor *tensor = findTensor(tensors, name);
    if (!tensor)
        throw Error("no tensor " + name);
    return *tensor;
}

} // namespace

// --- FrameExplainer ------------------------------------------------------------------------------

std::string detectorArchitectureOfWeights(const std::string &weights)
{
    WeightsSummary summary;
    try {
        summary = inspectWeights(weights);
    } catch (const std::exception &) {
        return {}; // loading it will say what is wrong with it
    }
    // Blocks by their first two name parts ("blocks.3", "features.2.1") and the widths that tell
    // the variants apart.
    std::set<std::string> mvitBlocks, efficientNetBlocks;
    std::int64_t mvitWidth = -1, lastChannels = -1;
    for (const TensorInfo &t : summary.tensors) {
        const std::string &n = t.name;
        if (n == "conv_proj.weight" && !t.shape.empty())
            mvitWidth = t.shape[0];
        if (n == "features.8.0.weight" && !t.shape.empty())
            lastChannels = t.shape[0];
        std::size_t dot = 0;
        if (n.rfind("blocks.", 0) == 0 && (dot = n.find('.', 7)) != std::string::npos && n.compare(dot, 6, ".attn.") == 0)
            mvitBlocks.insert(n.substr(0, dot));
        if (n.rfind("features.", 0) == 0 && n.size() > 11 && n[9] >= '1' && n[9] <= '7' && n[10] == '.') {
            const std::size_t end = n.find('.', 11);
            if (end != std::string::npos && end > 11)
                efficientNetBlocks.insert(n.substr(0, end));
        }
    }
    if (mvitWidth > 0) {
        for (const char *name : {"mvit_v2_s", "mvit_v2_mini"}) {
            const MViTConfig config = MViTConfig::named(name, 1);
            if (mvitBlocks.size() == config.blocks.size() && mvitWidth == config.blocks.front().inputChannels)
                return name;
        }
        return {};
    }
    if (lastChannels > 0) {
        const int variant = efficientNetVariantOf(std::int64_t(efficientNetBlocks.size()), lastChannels);
        if (variant >= 0)
            return "efficientnet_b" + std::to_string(variant);
    }
    return {};
}

DetectorSpec detectorSpecFor(const std::string &weights, const std::string &method)
{
    DetectorSpec spec;
    spec.weights = weights;
    spec.method = method;
    const fs::path sidecar = fs::path(weights).replace_extension(".json");
    std::error_code error;
    if (!fs::is_regular_file(sidecar, error)) {
        // No sidecar (weights from elsewhere, torchvision's own): what the tensors say.
        if (const std::string sniffed = detectorArchitectureOfWeights(weights); !sniffed.empty())
            spec.architecture = sniffed;
        if (isClipArchitecture(spec.architecture))
            spec.inputSize = int(MViTConfig::named(spec.architecture, 1).height);
        return spec;
    }
    const json::Value meta = json::Value::parse(readSmallFile(sidecar));
    if (const json::Value *architecture = meta.find("architecture"); architecture && architecture->isString()) {
        const std::string &name = architecture->asString();
        const bool frameModel = name.size() == 15 && name.rfind("efficientnet_b", 0) == 0 && name[14] >= '0' && name[14] <= '7';
        if (!frameModel && name != "mvit_v2_s" && name != "mvit_v2_mini")
            throw Error(sidecar.string() + " names the architecture '" + name +
                        "'; a detector is efficientnet_b0 to efficientnet_b7, mvit_v2_s or mvit_v2_mini");
        spec.architecture = name;
    }
    if (isClipArchitecture(spec.architecture)) {
        // A clip model's crops have the size its relative positions were made for.
        spec.inputSize = int(MViTConfig::named(spec.architecture, 1).height);
        return spec;
    }
    if (const json::Value *size = meta.find("input_size"); size && size->isInteger()) {
        if (size->asInt64() < 32 || size->asInt64() > kMaxCropSide)
            throw Error(sidecar.string() + ": input_size " + std::to_string(size->asInt64()) + " is outside 32 to " + std::to_string(kMaxCropSide));
        spec.inputSize = int(size->asInt64());
    }
    return spec;
}

struct FrameExplainer::Impl {
    DetectorSpec spec;
    ExplanationMethod method;
    DeviceInfo device;
    std::mutex mutex; // one explain() at a time: the network keeps gradients between passes
    // One of the two: a frame model explains each face, a clip model runs of consecutive faces.
    std::optional<FrameDetector> frames;
    std::optional<ClipDetector> clips;
    Impl(const DetectorSpec &s, ExplanationMethod m, DeviceInfo d)
        : spec(s), method(m), device(std::move(d))
    {
        const torch::Device where(device.torchName());
        if (isClipArchitecture(spec.architecture)) {
            clips = ClipDetector::load(spec.architecture, spec.weights, where);
            spec.inputSize = int(clips->cropSize()); // the network's own: its relative positions depend on it
        } else {
            if (method == ExplanationMethod::AttentionRollout)
                throw Error("attention rollout explains a transformer's attention; " + spec.architecture +
                            " has none (choose a clip model, mvit_v2_s or mvit_v2_mini)");
            frames = FrameDetector::load(spec.architecture, spec.weights, where);
        }
    }
};

FrameExplainer::FrameExplainer(const DetectorSpec &spec)
{
    if (spec.inputSize < 32 || spec.inputSize > kMaxCropSide)
        throw Error("the detector's crop must be 32 to " + std::to_string(kMaxCropSide) + " pixels, not " + std::to_string(spec.inputSize));
    const ExplanationMethod method = parseExplanationMethod(spec.method);
    d = std::make_unique<Impl>(spec, method, selectDevice(spec.device));
}

FrameExplainer::~FrameExplainer() = default;

const DetectorSpec &FrameExplainer::spec() const
{
    return d->spec;
}

std::string FrameExplainer::deviceName() const
{
    return d->device.name;
}

int FrameExplainer::batchFrames() const
{
    if (d->clips)
        return int(d->clips->framesPerClip());
    return d->frames->device().is_cuda() ? 64 : 8;
}

std::vector<FrameExplanation> FrameExplainer::explain(const std::vector<FaceFrame> &faces, const JobControl &control)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    std::vector<FrameExplanation> out;
    out.reserve(faces.size());
    const std::size_t batch = std::size_t(batchFrames());
    for (std::size_t begin = 0; begin < faces.size(); begin += batch) {
        control.throwIfCancelled();
        const std::size_t end = std::min(faces.size(), begin + batch);
        std::vector<torch::Tensor> crops;
        std::vector<FrameExplanation> part;
        for (std::size_t i = begin; i < end; ++i) {
            FrameExplanation e;
            e.frame = faces[i].frame;
            e.box = faces[i].box;
            e.crop = faceCropFor(faces[i].box, d->spec.inputSize);
            crops.push_back(imageToTensor(cropFace(faces[i].rgb, e.crop)));
            part.push_back(std::move(e));
        }
        torch::Tensor probability, maps;
        if (d->clips) {
            // The batch is one clip: its score is every frame's, its map one per frame.
            const torch::Tensor clip = d->clips->input(torch::stack(crops));
            probability = d->clips->probabilities(clip).expand({std::int64_t(part.size())});
            maps = d->clips->explain(d->method, clip, control)[0].contiguous();
        } else {
            const torch::Tensor input = d->frames->input(torch::stack(crops));
            probability = d->frames->probabilities(input);
            maps = d->frames->explain(d->method, input, control).contiguous();
        }
        for (std::size_t k = 0; k < part.size(); ++k) {
            part[k].score = probability[std::int64_t(k)].item<double>();
            part[k].heatmap = imageFromTensor(maps[std::int64_t(k)].unsqueeze(0));
            out.push_back(std::move(part[k]));
        }
    }
    return out;
}

Image heatmapInFrame(const Image &cropHeatmap, const FaceCrop &crop, int frameWidth, int frameHeight, bool normalise)
{
    if (cropHeatmap.isNull() || cropHeatmap.channels() != 1 || cropHeatmap.format() != PixelFormat::Float32)
        throw Error("a crop heatmap is one float channel");
    if (frameWidth < 1 || frameHeight < 1)
        throw Error("a frame has at least one pixel");
    torch::Tensor full = heatmapToFrame(imageAsTensorHWC(cropHeatmap).select(2, 0), crop, frameHeight, frameWidth);
    if (normalise) {
        full = torch::relu(full);
        const float peak = full.max().item<float>();
        if (peak > 0.0f)
            full = full / peak;
    }
    return imageFromTensor(full.unsqueeze(0).contiguous());
}

// --- ExplanationCache ----------------------------------------------------------------------------

std::string ExplanationCache::keyOf(const std::string &video, const DetectorSpec &spec)
{
    json::Value key = json::Object{};
    key.set("format", kCacheFormat);
    key.set("video", fileIdentity(video, "video"));
    key.set("weights", fileIdentity(spec.weights, "model"));
    key.set("architecture", spec.architecture);
    key.set("method", spec.method);
    key.set("input_size", spec.inputSize);
    return key.dump(1) + "\n";
}

ExplanationCache::ExplanationCache(const std::string &root, const std::string &video, const DetectorSpec &spec)
{
    const std::string key = keyOf(video, spec);
    const fs::path folder = fs::path(root) / hex64(key);
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        throw Error("cannot make the explanation cache " + folder.string() + ": " + error.message());
    m_folder = folder.string();
    const fs::path keyFile = folder / "key.json";
    bool sameKey = false;
    try {
        sameKey = fs::exists(keyFile) && readSmallFile(keyFile) == key;
    } catch (const Error &) {
        sameKey = false;
    }
    if (!sameKey) {
        // A new folder, or (rarely) another key with the same name: what is there is not ours to show.
        for (const fs::directory_entry &entry : fs::directory_iterator(folder, error))
            if (entry.path().extension() == ".safetensors")
                fs::remove(entry.path(), error);
        writeFileAtomically(keyFile.string(), key.data(), key.size());
    }
    // Used now: pruneExplanationCaches removes the folders used longest ago first.
    fs::last_write_time(keyFile, fs::file_time_type::clock::now(), error);
    index();
}

std::uint64_t pruneExplanationCaches(const std::string &root, std::uint64_t maxBytes, const std::string &keep)
{
    struct Folder {
        fs::path path;
        fs::file_time_type lastUse;
        std::uint64_t bytes = 0;
    };
    std::error_code error;
    std::vector<Folder> folders;
    std::uint64_t total = 0;
    const fs::path kept = keep.empty() ? fs::path() : fs::weakly_canonical(keep, error);
    for (const fs::directory_entry &entry : fs::directory_iterator(root, error)) {
        if (entry.is_symlink(error) || !entry.is_directory(error))
            continue;
        const fs::path keyFile = entry.path() / "key.json";
        if (!fs::is_regular_file(fs::symlink_status(keyFile, error)))
            continue; // not a cache folder: never ours to remove
        Folder folder{entry.path(), fs::last_write_time(keyFile, error), 0};
        for (const fs::directory_entry &file : fs::directory_iterator(entry.path(), error))
            if (file.is_regular_file(error))
                folder.bytes += std::uint64_t(file.file_size(error));
        total += folder.bytes;
        folders.push_back(std::move(folder));
    }
    if (maxBytes == 0 || total <= maxBytes)
        return 0;
    std::sort(folders.begin(), folders.end(), [](const Folder &a, const Folder &b) { return a.lastUse < b.lastUse; });
    std::uint64_t removed = 0;
    for (const Folder &folder : folders) {
        if (total - removed <= maxBytes)
            break;
        if (!kept.empty() && fs::weakly_canonical(folder.path, error) == kept)
            continue;
        // The key first: a reader that races this sees a folder that is no cache, not a half one.
        // File by file (a cache folder is flat), not std::filesystem::remove_all: the PyPI
        // LibTorch exports its own build of it, which the dynamic linker may pick, and that one
        // crashes (a null call inside it, seen with torch 2.11).
        fs::remove(folder.path / "key.json", error);
        std::vector<fs::path> files;
        for (const fs::directory_entry &file : fs::directory_iterator(folder.path, error))
            files.push_back(file.path());
        bool gone = true;
        for (const fs::path &file : files)
            gone = fs::remove(file, error) && gone;
        if (gone && fs::remove(folder.path, error))
            removed += folder.bytes;
    }
    return removed;
}

bool ExplanationCache::exists(const std::string &root, const std::string &video, const DetectorSpec &spec)
{
    try {
        const std::string key = keyOf(video, spec);
        const fs::path keyFile = fs::path(root) / hex64(key) / "key.json";
        std::error_code error;
        return fs::is_regular_file(keyFile, error) && readSmallFile(keyFile) == key;
    } catch (const Error &) {
        return false; // the video or the weights cannot be read: nothing of theirs is usable
    }
}

void ExplanationCache::index()
{
    std::error_code error;
    std::vector<fs::path> files;
    for (const fs::directory_entry &entry : fs::directory_iterator(m_folder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".safetensors" && entry.path().filename().string().rfind("frames-", 0) == 0)
            files.push_back(entry.path());
    std::sort(files.begin(), files.end()); // oldest first: a frame in two files keeps the later one
    std::map<std::int64_t, Stored> frames;
    for (const fs::path &file : files) {
        try {
            const SafetensorsContents contents = readSafetensors(file.string());
            const torch::Tensor ids = tensorNamed(contents.tensors, "frames"), scores = tensorNamed(contents.tensors, "scores"),
                                boxes = tensorNamed(contents.tensors, "boxes"), crops = tensorNamed(contents.tensors, "crops"),
                                maps = tensorNamed(contents.tensors, "maps");
            const std::int64_t n = ids.size(0);
            if (ids.dim() != 1 || ids.scalar_type() != torch::kLong || n > kMaxFramesPerFile || scores.sizes() != torch::IntArrayRef{n} ||
                boxes.sizes() != torch::IntArrayRef{n, 4} || crops.sizes() != torch::IntArrayRef{n, 4} || maps.dim() != 3 || maps.size(0) != n)
                continue;
            const torch::Tensor id = ids.contiguous(), score = scores.to(torch::kDouble).contiguous(),
                                box = boxes.to(torch::kDouble).contiguous(), crop = crops.to(torch::kLong).contiguous();
            for (std::int64_t r = 0; r < n; ++r) {
                Stored s;
                s.file = file.string();
                s.row = r;
                s.entry.frame = id[r].item<std::int64_t>();
                s.entry.score = score[r].item<double>();
                s.entry.box = {box[r][0].item<double>(), box[r][1].item<double>(), box[r][2].item<double>(), box[r][3].item<double>()};
                s.entry.crop.left = int(crop[r][0].item<std::int64_t>());
                s.entry.crop.top = int(crop[r][1].item<std::int64_t>());
                s.entry.crop.side = int(crop[r][2].item<std::int64_t>());
                s.entry.crop.size = int(crop[r][3].item<std::int64_t>());
                if (s.entry.frame < 0 || s.entry.crop.side < 1 || s.entry.crop.size != maps.size(1) || maps.size(1) != maps.size(2) ||
                    !std::isfinite(s.entry.score))
                    continue;
                frames[s.entry.frame] = s;
            }
        } catch (const std::exception &) {
            // Unreadable (cut short by a crash, or not ours): its frames are computed again.
        }
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_frames = std::move(frames);
}

bool ExplanationCache::contains(std::int64_t frame) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_frames.count(frame) != 0;
}

std::optional<ExplanationCache::Entry> ExplanationCache::entry(std::int64_t frame) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_frames.find(frame);
    if (it == m_frames.end())
        return std::nullopt;
    return it->second.entry;
}

std::vector<ExplanationCache::Entry> ExplanationCache::entries() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Entry> out;
    out.reserve(m_frames.size());
    for (const auto &[frame, stored] : m_frames)
        out.push_back(stored.entry);
    return out;
}

std::size_t ExplanationCache::size() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_frames.size();
}

Image ExplanationCache::heatmap(std::int64_t frame) const
{
    std::string file;
    std::int64_t row = 0;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_frames.find(frame);
        if (it == m_frames.end())
            return {};
        file = it->second.file;
        row = it->second.row;
    }
    try {
        const SafetensorsContents contents = readSafetensors(file);
        const torch::Tensor map = tensorNamed(contents.tensors, "maps")[row].to(torch::kFloat).contiguous().clone();
        return imageFromTensor(map.unsqueeze(0));
    } catch (const std::exception &) {
        return {}; // removed or damaged since it was indexed: the frame is computed again
    }
}

void ExplanationCache::store(const std::vector<FrameExplanation> &explanations)
{
    if (explanations.empty())
        return;
    if (std::int64_t(explanations.size()) > kMaxFramesPerFile)
        throw Error("at most " + std::to_string(kMaxFramesPerFile) + " frames go in one cache file");
    const std::int64_t n = std::int64_t(explanations.size());
    const int side = explanations.front().crop.size;
    torch::Tensor ids = torch::empty({n}, torch::kLong), scores = torch::empty({n}, torch::kDouble),
                  boxes = torch::empty({n, 4}, torch::kFloat), crops = torch::empty({n, 4}, torch::kInt),
                  maps = torch::empty({n, side, side}, torch::kFloat);
    std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = -1;
    for (std::int64_t k = 0; k < n; ++k) {
        const FrameExplanation &e = explanations[std::size_t(k)];
        if (e.crop.size != side || e.heatmap.width() != side || e.heatmap.height() != side || e.heatmap.channels() != 1 ||
            e.heatmap.format() != PixelFormat::Float32)
            throw Error("the explanations stored together have one crop size and one float map each");
        ids[k] = e.frame;
        scores[k] = e.score;
        boxes[k] = torch::tensor({float(e.box.left), float(e.box.top), float(e.box.width), float(e.box.height)});
        crops[k] = torch::tensor({e.crop.left, e.crop.top, e.crop.side, e.crop.size}, torch::kInt);
        maps[k].copy_(imageAsTensorHWC(e.heatmap).select(2, 0));
        first = std::min(first, e.frame);
        last = std::max(last, e.frame);
    }
    // Named by the time written (zero-padded, so names sort by it: where two files hold a frame,
    // index() keeps the later), then the frames held.
    char name[96];
    std::snprintf(name, sizeof name, "frames-%020llu-%lld-%lld.safetensors",
                  static_cast<unsigned long long>(std::chrono::system_clock::now().time_since_epoch().count()),
                  static_cast<long long>(first), static_cast<long long>(last));
    const std::string file = (fs::path(m_folder) / name).string();
    writeSafetensors(file, {{"frames", ids}, {"scores", scores}, {"boxes", boxes}, {"crops", crops}, {"maps", maps}});
    const std::lock_guard<std::mutex> lock(m_mutex);
    for (std::int64_t k = 0; k < n; ++k) {
        const FrameExplanation &e = explanations[std::size_t(k)];
        m_frames[e.frame] = Stored{Entry{e.frame, e.box, e.crop, e.score}, file, k};
    }
}

// --- Metrics of a cache ------------------------------------------------------------------------

ExplanationMetrics scoreCachedExplanations(const ExplanationCache &cache, int frameWidth, int frameHeight,
                                           const std::function<Image(std::int64_t)> &maskOf, const JobControl &control)
{
    const std::vector<ExplanationCache::Entry> entries = cache.entries();
    ExplanationScorer scorer;
    std::int64_t last = -2;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        control.throwIfCancelled();
        const ExplanationCache::Entry &entry = entries[i];
        const Image cropMap = cache.heatmap(entry.frame);
        if (cropMap.isNull())
            continue;
        if (entry.frame != last + 1)
            scorer.breakSequence();
        last = entry.frame;
        const Image full = heatmapInFrame(cropMap, entry.crop, frameWidth, frameHeight, /*normalise=*/false);
        torch::Tensor mask;
        if (maskOf) {
            const Image m = maskOf(entry.frame);
            if (!m.isNull()) {
                if (m.width() != frameWidth || m.height() != frameHeight || m.channels() != 1)
                    throw Error("the mask of frame " + std::to_string(entry.frame) + " is " + std::to_string(m.width()) + " x " +
                                std::to_string(m.height()) + ", the video " + std::to_string(frameWidth) + " x " +
                                std::to_string(frameHeight));
                mask = imageAsTensorHWC(m).select(2, 0);
            }
        }
        scorer.add(entry.frame, imageAsTensorHWC(full).select(2, 0), mask, entry.box);
        if (i % 8 == 0)
            control.reportProgress(double(i + 1) / double(entries.size()), "frame " + std::to_string(entry.frame));
    }
    return scorer.finish();
}

} // namespace periscope::deepfake
