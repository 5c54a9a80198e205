// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The Colorize workspace's networks. Each predicts the ab channels of CIE Lab from L (in [0,
// 100]) and returns them in Lab units; the caller upsamples them and recombines them with the
// full-resolution L (LabPipeline.h).
// - Zhang, Isola & Efros, ECCV 2016 ("eccv16") and the automatic mode of Zhang et al., SIGGRAPH
//   2017 ("siggraph17"): parameter names, layer indices and normalisations as in the authors'
//   PyTorch release (richzhang/colorization, colorizers/eccv16.py and siggraph17.py), so their
//   published .pth state dicts load strictly.
// - Baldassarre, Morín & Rodés-Guirao, "Deep Koalarization" (2017): encoder, fusion with a global
//   embedding tiled over 28 x 28, decoder. The global embedding comes from a small branch trained
//   jointly with the rest (our names: encoder.N, global_branch.N, fusion, decoder.N).
#pragma once

#include <torch/torch.h>

#include <string>

namespace periscope::colorize {

class Eccv16Impl : public torch::nn::Module {
public:
    // `width`: channel divisor, 1 for the published network (64 ... 512 channels), 2, 4 or 8 for
    // a narrower one of the same layout and names (the built-in model is 4: trainable on a CPU).
    // The 313 classes stay.
    explicit Eccv16Impl(std::int64_t width = 1);
    // l: [N, 1, H, W] in [0, 100]; returns ab [N, 2, H', W'] (H' = 4 * ceil(H / 8)), Lab units.
    // The classes are decoded by the annealed mean of the paper (section 2.3): the mean of the
    // distribution sharpened to softmax(logits / temperature). 1 is the plain mean (the authors'
    // PyTorch port); towards 0 the mode. The paper's 0.38 makes their network more vivid.
    torch::Tensor forward(const torch::Tensor &l, double temperature = 1.0);
    // The 313-way classification before the softmax, [N, 313, H/4, W/4] (for the class-rebalanced
    // loss), and the ab of each class, [313, 2] in Lab units (model_out's weights).
    torch::Tensor classLogits(const torch::Tensor &l);
    torch::Tensor bins() const;

    torch::nn::Sequential model1{nullptr}, model2{nullptr}, model3{nullptr}, model4{nullptr}, model5{nullptr}, model6{nullptr},
        model7{nullptr}, model8{nullptr};
    torch::nn::Conv2d model_out{nullptr}; // 313 -> 2, no bias: the ab of each colour bin
    std::int64_t width = 1;
};
TORCH_MODULE(Eccv16);

class Siggraph17Impl : public torch::nn::Module {
public:
    explicit Siggraph17Impl(std::int64_t classes = 529);
    // Automatic mode (no user hints): l [N, 1, H, W] in [0, 100], H and W multiples of 8; returns ab
    // [N, 2, H, W] in Lab units.
    torch::Tensor forward(const torch::Tensor &l);
    // The classification head on the quarter-resolution features, [N, classes, H/4, W/4]; its
    // classes are the 23 x 23 ab grid of abGridBins() (ColorBins.h).
    torch::Tensor classLogits(const torch::Tensor &l);

    torch::nn::Sequential model1{nullptr}, model2{nullptr}, model3{nullptr}, model4{nullptr}, model5{nullptr}, model6{nullptr},
        model7{nullptr}, model8up{nullptr}, model3short8{nullptr}, model8{nullptr}, model9up{nullptr}, model2short9{nullptr},
        model9{nullptr}, model10up{nullptr}, model1short10{nullptr}, model10{nullptr}, model_class{nullptr}, model_out{nullptr};

private:
    struct Features {
        torch::Tensor conv1, conv2, conv8;
    };
    Features encode(const torch::Tensor &l);
};
TORCH_MODULE(Siggraph17);

struct KoalarizationConfig {
    std::int64_t size = 224;         // the network's input side
    std::int64_t embedding = 1000;   // the global vector's length (1000: timm logits, 1001: TF-slim)
    double abScale = 127.0;          // ab = tanh output x this
    // Channel divisor: 1 is the published network (64 ... 512 channels); 2 or 4 a narrower one of
    // the same layout and names (the built-in demo model is 2: under 10 MB, trainable on a CPU).
    std::int64_t width = 1;
    // false: the paper's layout, global features from Inception-ResNet-v2 logits passed to
    // forward(); true: a small branch trained jointly takes its place (no Inception weights).
    bool globalBranch = true;
};

class KoalarizationImpl : public torch::nn::Module {
public:
    explicit KoalarizationImpl(KoalarizationConfig config = {});
    // l: [N, 1, size, size] in [0, 100]; returns ab [N, 2, size, size] in Lab units. `embedding`
    // [N, E] when given (e.g. Inception-ResNet-v2 logits); else the jointly trained global branch.
    torch::Tensor forward(const torch::Tensor &l, const torch::Tensor &embedding = {});
    torch::Tensor globalEmbedding(const torch::Tensor &scaledL); // the branch's [N, E]

    torch::nn::Sequential encoder{nullptr}, global_branch{nullptr}, decoder{nullptr};
    torch::nn::Conv2d fusion{nullptr};
    KoalarizationConfig config;
};
TORCH_MODULE(Koalarization);

// Which architecture a state dict is, from its keys: "eccv16", "siggraph17", "koalarization",
// or empty when none fits.
std::string recogniseColorizer(const std::vector<std::string> &keys);

} // namespace periscope::colorize
