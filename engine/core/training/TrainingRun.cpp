// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/training/TrainingRun.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/StateDict.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace periscope {

DataSplit seededSplit(std::size_t count, double validationFraction, std::uint64_t seed)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    DataSplit split;
    split.heldOut = count == 0 ? 0 : std::min(std::size_t(std::floor(validationFraction * double(count))), count - 1);
    split.train.assign(order.begin() + std::ptrdiff_t(split.heldOut), order.end());
    split.validation = split.heldOut > 0 ? std::vector<std::size_t>(order.begin(), order.begin() + std::ptrdiff_t(split.heldOut)) : split.train;
    return split;
}

std::string checkpointStemFor(const std::string &weightsPath)
{
    return std::filesystem::path(weightsPath).replace_extension(".checkpoint").string();
}

void writeWeightsAndSidecar(const std::string &weightsPath, const torch::nn::Module &module, const Metadata &metadata,
                            const json::Value &sidecar)
{
    StateDict tensors;
    for (const auto &[name, tensor] : stateDictOf(module))
        tensors.emplace_back(name, tensor.detach().contiguous());
    writeSafetensors(weightsPath, tensors, metadata);
    writeSidecar(weightsPath, sidecar);
}

std::string sidecarPathFor(const std::string &weightsPath)
{
    return std::filesystem::path(weightsPath).replace_extension(".json").string();
}

void writeSidecar(const std::string &weightsPath, const json::Value &sidecar)
{
    const std::string text = sidecar.dump(1) + "\n";
    writeFileAtomically(sidecarPathFor(weightsPath), text.data(), text.size());
}

std::optional<json::Value> readSidecar(const std::string &weightsPath)
{
    constexpr std::size_t kMaxSidecarBytes = std::size_t(16) << 20;
    const std::string path = sidecarPathFor(weightsPath);
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return std::nullopt;
    try {
        const std::shared_ptr<MappedFile> file = MappedFile::open(path); // refuses FIFOs, devices, folders
        if (file->size() > kMaxSidecarBytes)
            return std::nullopt;
        return json::Value::parse(std::string(reinterpret_cast<const char *>(file->data()), file->size()));
    } catch (const Error &) {
        return std::nullopt;
    }
}

} // namespace periscope
