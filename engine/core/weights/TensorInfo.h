// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace periscope {

// What a weights file holds, without loading it into a model: for `periscope-cli weights`, the
// UI's model pickers and error messages. Plain types: no torch here.
struct TensorInfo {
    std::string name;
    std::string dtype;               // "float32", "bfloat16", "int64", ...
    std::vector<std::int64_t> shape;
    std::int64_t bytes = 0;
};

enum class WeightsFormat { Safetensors, TorchZip, TorchLegacy, TorchScript };

struct WeightsSummary {
    WeightsFormat format = WeightsFormat::Safetensors;
    std::vector<TensorInfo> tensors;
    std::vector<std::pair<std::string, std::string>> metadata;
};

std::string toString(WeightsFormat format);

// The format by content (the .safetensors suffix only decides between safetensors and
// nothing). Throws periscope::Error for an empty file or anything else.
WeightsFormat detectWeightsFormat(const std::string &path);

// Recognises the format by content (not by suffix) and lists the tensors. Throws
// periscope::Error with a one-line reason for anything that is not a valid weights file.
WeightsSummary inspectWeights(const std::string &path);

} // namespace periscope
