// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/TorchScriptModel.h"

#include "engine/core/errors/Error.h"

namespace periscope {

namespace {
std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}
} // namespace

TorchScriptModel TorchScriptModel::load(const std::string &path, const torch::Device &device)
{
    try {
        torch::jit::Module module = torch::jit::load(path, device);
        module.eval();
        return TorchScriptModel(std::move(module), path);
    } catch (const c10::Error &e) {
        throw Error(path + ": not a loadable TorchScript module (" + firstLine(e.msg()) + ")");
    }
}

torch::Tensor TorchScriptModel::forward(const torch::Tensor &input)
{
    try {
        const c10::IValue out = m_module.forward({input});
        if (!out.isTensor())
            throw Error(m_path + ": the module's forward does not return a tensor");
        return out.toTensor();
    } catch (const Error &) {
        throw;
    } catch (const c10::Error &e) {
        throw Error(m_path + ": forward failed (" + firstLine(e.msg()) + ")");
    } catch (const std::exception &e) { // the TorchScript interpreter's own JITException
        throw Error(m_path + ": forward failed (" + firstLine(e.what()) + ")");
    }
}

StateDict TorchScriptModel::parameters() const
{
    StateDict tensors;
    for (const auto &p : m_module.named_parameters(true))
        tensors.emplace_back(p.name, p.value);
    for (const auto &b : m_module.named_buffers(true))
        tensors.emplace_back(b.name, b.value);
    return tensors;
}

} // namespace periscope
