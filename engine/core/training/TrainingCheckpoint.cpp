// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/training/TrainingCheckpoint.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"

#include <fstream>
#include <map>
#include <sstream>

namespace periscope {

namespace {
void *stateKey(const torch::Tensor &parameter)
{
    // LibTorch's optimizers key their state by the parameter's TensorImpl address.
    return parameter.unsafeGetTensorImpl();
}

const char *formatName = "periscope-training-checkpoint";
} // namespace

void saveTrainingCheckpoint(const std::string &stem, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                            OptimizerKind kind, const TrainingState &state)
{
    StateDict tensors = stateDictOf(model, "model.");

    json::Value steps(json::Object{});
    auto &optimizerState = optimizer.state();
    for (const auto &p : model.named_parameters(true)) {
        auto found = optimizerState.find(stateKey(p.value()));
        if (found == optimizerState.end())
            continue;
        const std::string prefix = "optimizer." + p.key() + ".";
        if (kind == OptimizerKind::Sgd) {
            const auto &s = static_cast<const torch::optim::SGDParamState &>(*found->second);
            if (s.momentum_buffer().defined())
                tensors.emplace_back(prefix + "momentum_buffer", s.momentum_buffer());
        } else if (kind == OptimizerKind::Adam) {
            const auto &s = static_cast<const torch::optim::AdamParamState &>(*found->second);
            tensors.emplace_back(prefix + "exp_avg", s.exp_avg());
            tensors.emplace_back(prefix + "exp_avg_sq", s.exp_avg_sq());
            steps.set(p.key(), json::Value(std::int64_t(s.step())));
        } else {
            const auto &s = static_cast<const torch::optim::AdamWParamState &>(*found->second);
            tensors.emplace_back(prefix + "exp_avg", s.exp_avg());
            tensors.emplace_back(prefix + "exp_avg_sq", s.exp_avg_sq());
            steps.set(p.key(), json::Value(std::int64_t(s.step())));
        }
    }
    writeSafetensors(stem + ".safetensors", tensors, {{"format", formatName}});

    json::Value sidecar(json::Object{});
    sidecar.set("format", json::Value(formatName));
    sidecar.set("version", json::Value(1));
    sidecar.set("step", json::Value(state.step));
    sidecar.set("learningRate", json::Value(state.learningRate));
    sidecar.set("optimizer", json::Value(toString(kind)));
    sidecar.set("optimizerSteps", steps);
    sidecar.set("extra", state.extra.isNull() ? json::Value(json::Object{}) : state.extra);
    const std::string text = sidecar.dump(2) + "\n";
    writeFileAtomically(stem + ".json", text.data(), text.size());
}

TrainingState loadTrainingCheckpoint(const std::string &stem, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                                     OptimizerKind kind)
{
    std::ifstream in(stem + ".json");
    if (!in)
        throw Error(stem + ".json: cannot read the checkpoint's sidecar");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const json::Value sidecar = json::Value::parse(buffer.str());
    const json::Value *format = sidecar.find("format");
    if (!format || !format->isString() || format->asString() != formatName)
        throw Error(stem + ".json: not a Periscope training checkpoint");
    const json::Value *savedKind = sidecar.find("optimizer");
    if (!savedKind || savedKind->asString() != toString(kind))
        throw Error(stem + ".json: saved with optimizer " + (savedKind ? savedKind->asString() : std::string("?")) +
                    ", resuming with " + toString(kind));

    const SafetensorsContents contents = readSafetensors(stem + ".safetensors");
    std::map<std::string, torch::Tensor> byName;
    StateDict modelTensors;
    for (const auto &[name, tensor] : contents.tensors) {
        if (name.rfind("model.", 0) == 0)
            modelTensors.emplace_back(name.substr(6), tensor);
        else
            byName[name] = tensor;
    }
    applyStateDict(model, modelTensors, /*strict=*/true);

    const json::Value *steps = sidecar.find("optimizerSteps");
    auto &optimizerState = optimizer.state();
    for (const auto &p : model.named_parameters(true)) {
        const std::string prefix = "optimizer." + p.key() + ".";
        auto tensor = [&](const char *what) {
            auto it = byName.find(prefix + what);
            return it == byName.end() ? torch::Tensor() : it->second.to(p.value().device()).clone();
        };
        if (kind == OptimizerKind::Sgd) {
            const torch::Tensor momentum = tensor("momentum_buffer");
            if (!momentum.defined())
                continue;
            auto s = std::make_unique<torch::optim::SGDParamState>();
            s->momentum_buffer(momentum);
            optimizerState[stateKey(p.value())] = std::move(s);
            continue;
        }
        const torch::Tensor expAvg = tensor("exp_avg"), expAvgSq = tensor("exp_avg_sq");
        if (!expAvg.defined() || !expAvgSq.defined())
            continue; // the parameter had no step yet
        const json::Value *step = steps ? steps->find(p.key()) : nullptr;
        const std::int64_t count = step ? step->asInt64() : 0;
        if (kind == OptimizerKind::Adam) {
            auto s = std::make_unique<torch::optim::AdamParamState>();
            s->step(count).exp_avg(expAvg).exp_avg_sq(expAvgSq);
            optimizerState[stateKey(p.value())] = std::move(s);
        } else {
            auto s = std::make_unique<torch::optim::AdamWParamState>();
            s->step(count).exp_avg(expAvg).exp_avg_sq(expAvgSq);
            optimizerState[stateKey(p.value())] = std::move(s);
        }
    }
    TrainingState state;
    state.step = sidecar.find("step")->asInt64();
    state.learningRate = sidecar.find("learningRate")->asNumber();
    setLearningRate(optimizer, state.learningRate);
    if (const json::Value *extra = sidecar.find("extra"))
        state.extra = *extra;
    return state;
}

} // namespace periscope
