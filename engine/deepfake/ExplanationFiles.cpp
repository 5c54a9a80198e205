// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ExplanationFiles.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/ManipulationMasks.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

constexpr std::size_t kMaxBoxesBytes = 256u * 1024 * 1024;

torch::Tensor tensorNamed(const SafetensorsContents &contents, const std::string &name, const std::string &path)
{
    const torch::Tensor *tensor = findTensor(contents.tensors, name);
    if (!tensor)
        throw Error(path + " has no tensor named \"" + name + "\"");
    return *tensor;
}

} // namespace

// Frame index -> face box from {"frames": [{"index": I, "face_box": [l, t, w, h] | null}]}.
std::map<std::int64_t, std::optional<FaceBox>> readFaceBoxes(const std::string &path)
{
    const std::shared_ptr<MappedFile> file = MappedFile::open(path);
    if (file->size() > kMaxBoxesBytes)
        throw Error(path + " is over 256 MB, too large for a list of face boxes");
    const json::Value root = json::Value::parse(std::string_view(reinterpret_cast<const char *>(file->data()), file->size()));
    const json::Value *list = root.isObject() ? root.find("frames") : nullptr;
    if (!list || !list->isArray())
        throw Error(path + ": expected {\"frames\": [{\"index\": I, \"face_box\": [left, top, width, height]}, ...]}");
    std::map<std::int64_t, std::optional<FaceBox>> boxes;
    for (const json::Value &entry : list->asArray()) {
        const json::Value *index = entry.isObject() ? entry.find("index") : nullptr;
        if (!index || !index->isNumber())
            throw Error(path + ": a frame entry has no \"index\"");
        const json::Value *box = entry.find("face_box");
        std::optional<FaceBox> face;
        if (box && box->isArray()) {
            const json::Array &v = box->asArray();
            if (v.size() != 4 || !std::all_of(v.begin(), v.end(), [](const json::Value &x) { return x.isNumber(); }))
                throw Error(path + ": a face_box must be [left, top, width, height]");
            face = FaceBox{v[0].asNumber(), v[1].asNumber(), v[2].asNumber(), v[3].asNumber()};
            if (!(face->width >= 0.0 && face->height >= 0.0))
                throw Error(path + ": a face_box has a negative or undefined size");
        } else if (box && !box->isNull()) {
            throw Error(path + ": a face_box must be [left, top, width, height] or null");
        }
        boxes[std::int64_t(index->asNumber())] = face;
    }
    return boxes;
}

void writeFaceBoxes(const std::string &path, const std::map<std::int64_t, std::optional<FaceBox>> &boxes)
{
    json::Array frames;
    for (const auto &[index, box] : boxes) {
        json::Value entry = json::Object{};
        entry.set("index", index);
        entry.set("face_box", box ? json::Value(json::Array{box->left, box->top, box->width, box->height}) : json::Value());
        frames.push_back(std::move(entry));
    }
    json::Value root = json::Object{};
    root.set("frames", json::Value(std::move(frames)));
    const std::string text = root.dump(0) + "\n";
    writeFileAtomically(path, text.data(), text.size());
}

at::Tensor readManipulationMasks(const std::string &path, const std::vector<std::int64_t> &frames, std::int64_t height, std::int64_t width)
{
    if (fs::path(path).extension() == ".safetensors" && !fs::is_directory(path)) {
        const torch::Tensor masks = tensorNamed(readSafetensors(path), "masks", path);
        if (masks.dim() != 3)
            throw Error(path + ": \"masks\" must be [T, H, W]");
        return masks.ne(0);
    }
    const std::unique_ptr<ManipulationMasks> source = ManipulationMasks::fromFile(path);
    return readManipulationMasks(*source, path, frames, height, width);
}

at::Tensor readManipulationMasks(ManipulationMasks &source, const std::string &name, const std::vector<std::int64_t> &frames,
                                 std::int64_t height, std::int64_t width)
{
    std::vector<torch::Tensor> masks;
    for (const std::int64_t frame : frames) {
        const Image mask = source.at(frame);
        if (mask.isNull())
            throw Error(name + " has no mask for frame " + std::to_string(frame));
        if (mask.height() != height || mask.width() != width)
            throw Error(name + ": the mask of frame " + std::to_string(frame) + " is " + std::to_string(mask.width()) + " x " +
                        std::to_string(mask.height()) + ", the heatmaps " + std::to_string(width) + " x " + std::to_string(height));
        masks.push_back(imageAsTensorHWC(mask).select(2, 0).ne(0));
    }
    return torch::stack(masks);
}

json::Value scoreExplanationFiles(const ExplanationFiles &files)
{
    const SafetensorsContents contents = readSafetensors(files.heatmaps);
    const torch::Tensor heatmaps = tensorNamed(contents, "heatmaps", files.heatmaps);
    if (heatmaps.dim() != 3)
        throw Error(files.heatmaps + ": \"heatmaps\" must be [T, H, W], not " + std::to_string(heatmaps.dim()) + "-dimensional");
    std::vector<std::int64_t> frames;
    if (const torch::Tensor *found = findTensor(contents.tensors, "frames")) {
        const torch::Tensor indices = found->to(torch::kLong).flatten().contiguous();
        if (indices.numel() != heatmaps.size(0))
            throw Error(files.heatmaps + ": \"frames\" has " + std::to_string(indices.numel()) + " indices for " +
                        std::to_string(heatmaps.size(0)) + " heatmaps");
        frames.assign(indices.data_ptr<std::int64_t>(), indices.data_ptr<std::int64_t>() + indices.numel());
    } else {
        for (std::int64_t i = 0; i < heatmaps.size(0); ++i)
            frames.push_back(i);
    }
    const torch::Tensor masks = files.masks.empty() ? torch::Tensor() : readManipulationMasks(files.masks, frames, heatmaps.size(1), heatmaps.size(2));
    std::vector<std::optional<FaceBox>> boxes;
    if (!files.boxes.empty()) {
        const std::map<std::int64_t, std::optional<FaceBox>> byFrame = readFaceBoxes(files.boxes);
        for (const std::int64_t frame : frames) {
            const auto it = byFrame.find(frame);
            boxes.push_back(it != byFrame.end() ? it->second : std::nullopt);
        }
    }
    json::Value out = scoreExplanations(heatmaps, masks, boxes, frames).toJson(files.perFrame);
    json::Value result = json::Object{};
    result.set("heatmaps", files.heatmaps);
    if (!files.masks.empty())
        result.set("masks", files.masks);
    if (!files.boxes.empty())
        result.set("boxes", files.boxes);
    for (const auto &[key, value] : out.asObject())
        result.set(key, value);
    return result;
}

} // namespace periscope::deepfake
