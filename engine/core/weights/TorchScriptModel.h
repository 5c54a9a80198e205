// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/weights/StateDict.h"

#include <torch/script.h>

#include <string>

namespace periscope {

// The escape hatch for models Periscope does not implement: a TorchScript module (torch.jit.save)
// run as a function of one tensor. Unlike a pickle, TorchScript runs no Python; it executes the
// module's own TorchScript code inside LibTorch.
class TorchScriptModel {
public:
    // Throws periscope::Error naming the file when it is not a loadable TorchScript module.
    static TorchScriptModel load(const std::string &path, const torch::Device &device = torch::kCPU);

    // forward(input); errors inside the module come back as periscope::Error.
    torch::Tensor forward(const torch::Tensor &input);
    StateDict parameters() const;
    const std::string &path() const { return m_path; }

private:
    TorchScriptModel(torch::jit::Module module, std::string path) : m_module(std::move(module)), m_path(std::move(path)) {}
    torch::jit::Module m_module;
    std::string m_path;
};

} // namespace periscope
