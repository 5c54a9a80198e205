// SPDX-License-Identifier: GPL-3.0-or-later
// The names and shapes of a torchvision network's every tensor, as the reference scripts in
// tests/data/deepfake write them ({"parameters": ..., "tensors": [[name, [shape]], ...]}), and a
// module's own, to compare.
#pragma once

#include "engine/core/json/Json.h"
#include "engine/core/weights/StateDict.h"

#include <torch/torch.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace periscope::testing {

using TensorShapes = std::map<std::string, std::vector<std::int64_t>>;

inline json::Value readJsonFile(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return json::Value::parse(text.str());
}

inline TensorShapes referenceShapes(const json::Value &reference)
{
    TensorShapes shapes;
    for (const json::Value &entry : reference.find("tensors")->asArray()) {
        std::vector<std::int64_t> shape;
        for (const json::Value &d : entry.asArray()[1].asArray())
            shape.push_back(std::int64_t(d.asNumber()));
        shapes[entry.asArray()[0].asString()] = shape;
    }
    return shapes;
}

inline TensorShapes shapesOf(const torch::nn::Module &module)
{
    TensorShapes shapes;
    for (const auto &[name, tensor] : stateDictOf(module))
        shapes[name] = tensor.sizes().vec();
    return shapes;
}

} // namespace periscope::testing
