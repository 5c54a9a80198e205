// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/TensorInfo.h"
#include "engine/core/weights/TorchArchive.h"
#include "engine/core/weights/TorchCheckpoint.h"

#include <cstring>

namespace periscope {

namespace {
TensorInfo describe(const std::string &name, const torch::Tensor &t)
{
    return {name, dtypeName(t.scalar_type()), t.sizes().vec(), std::int64_t(t.numel()) * std::int64_t(t.element_size())};
}

bool isTorchScriptArchive(const std::string &path)
{
    try {
        // TorchScript archives hold their code's constants; a torch.save checkpoint never does
        // (both have a data.pkl).
        return TorchArchive(path).has("constants.pkl");
    } catch (const Error &) {
        return false; // not a readable archive: the checkpoint loader says why
    }
}
} // namespace

std::string toString(WeightsFormat format)
{
    switch (format) {
    case WeightsFormat::Safetensors: return "safetensors";
    case WeightsFormat::TorchZip: return "torch-zip";
    case WeightsFormat::TorchLegacy: return "torch-legacy";
    case WeightsFormat::TorchScript: return "torchscript";
    }
    return "unknown";
}

WeightsFormat detectWeightsFormat(const std::string &path)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path);
    const std::uint8_t *bytes = file->data();
    const std::size_t size = file->size();
    if (size == 0)
        throw Error(path + ": the file is empty, not a weights file");
    if (looksLikeZip(bytes, size))
        return isTorchScriptArchive(path) ? WeightsFormat::TorchScript : WeightsFormat::TorchZip;
    if (looksLikeLegacyTorch(bytes, size))
        return WeightsFormat::TorchLegacy;
    const bool namedSafetensors = path.size() > 12 && path.compare(path.size() - 12, 12, ".safetensors") == 0;
    if ((size >= 9 && bytes[8] == '{') || namedSafetensors)
        return WeightsFormat::Safetensors;
    throw Error(path + ": not a weights file (expected safetensors, a torch.save checkpoint or a TorchScript module)");
}

WeightsSummary inspectWeights(const std::string &path)
{
    WeightsSummary summary;
    summary.format = detectWeightsFormat(path);
    switch (summary.format) {
    case WeightsFormat::TorchScript:
        for (const auto &[name, tensor] : loadTorchScriptWeights(path))
            summary.tensors.push_back(describe(name, tensor));
        break;
    case WeightsFormat::TorchZip:
    case WeightsFormat::TorchLegacy:
        for (const auto &[name, tensor] : loadTorchCheckpoint(path))
            summary.tensors.push_back(describe(name, tensor));
        break;
    case WeightsFormat::Safetensors: {
        // Reading the header alone is enough to list a safetensors file.
        std::shared_ptr<MappedFile> file = MappedFile::open(path);
        const SafetensorsHeader header = parseSafetensorsHeader(file->data(), file->size(), path);
        summary.metadata = header.metadata;
        for (const SafetensorsEntry &e : header.entries)
            summary.tensors.push_back({e.name, dtypeName(e.dtype), e.shape, std::int64_t(e.end - e.begin)});
        break;
    }
    }
    return summary;
}

const torch::Tensor *findTensor(const StateDict &tensors, const std::string &name)
{
    for (const auto &[key, tensor] : tensors)
        if (key == name)
            return &tensor;
    return nullptr;
}

StateDict stateDictOf(const torch::nn::Module &module, const std::string &prefix)
{
    StateDict tensors;
    for (const auto &p : module.named_parameters(true))
        tensors.emplace_back(prefix + p.key(), p.value());
    for (const auto &b : module.named_buffers(true))
        tensors.emplace_back(prefix + b.key(), b.value());
    return tensors;
}

StateDict loadStateDict(const std::string &path)
{
    switch (detectWeightsFormat(path)) {
    case WeightsFormat::Safetensors: return readSafetensors(path).tensors;
    case WeightsFormat::TorchZip:
    case WeightsFormat::TorchLegacy: return loadTorchCheckpoint(path);
    case WeightsFormat::TorchScript: return loadTorchScriptWeights(path);
    }
    return {};
}

} // namespace periscope
