// SPDX-License-Identifier: GPL-3.0-or-later
// The engine on a CUDA device: what the CPU suites check, run again where a GPU is. CTest label
// `cuda`. Without a GPU every case is skipped with the reason (exit code 77, CTest's SKIP), so the
// suite runs in every CI build. It needs LibTorch alone (no Qt): tools/gpu-check.sh builds and
// runs it on the GPU machine, which has no Qt.
//
// Each model runs once on the CPU and once on the GPU with the same weights and input. TF32 is
// turned off for the fp32 comparisons: with it, cuBLAS and cuDNN round products to 10 mantissa
// bits and the outputs differ from the CPU's by ~1e-3, which would hide a real difference. fp32
// then differs only by summation order: for a sum of K products the forward error bound is about
// K * 2^-24 of the sum of magnitudes, and layer after layer it stays well under 1e-4 of the
// output's scale for these depths (measured on an H200: see docs/benchmarks.md).
//
//   tst_cuda [case ...]     (no argument: every case)
#include "engine/colorize/ColorizationNets.h"
#include "engine/core/device/Device.h"
#include "engine/core/models/BenchmarkModels.h"
#include "engine/core/precision/PrecisionOps.h"
#include "engine/core/training/BatchNormStatistics.h"
#include "engine/deepfake/DetectorTraining.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/ClipTraining.h"
#include "engine/deepfake/FrameDetector.h"
#include "engine/graphs/GraphExplanation.h"
#include "engine/graphs/GraphNetwork.h"
#include "engine/graphs/InfectionData.h"
#include "engine/openvocab/DenseSimilarity.h"
#include "engine/openvocab/DinoTxtNets.h"
#include "engine/slots/SlotModelInternal.h"
#include "engine/slots/SlotNets.h"

#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kSkipped = 77;

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void check(bool condition, const std::string &what)
{
    if (!condition)
        throw Failure(what);
}

// max |a - b| relative to max |a|: one number that says "same output" independent of scale.
double relativeDifference(const torch::Tensor &cpu, const torch::Tensor &gpu)
{
    const torch::Tensor a = cpu.detach().to(torch::kCPU, torch::kDouble);
    const torch::Tensor b = gpu.detach().to(torch::kCPU, torch::kDouble);
    check(a.sizes() == b.sizes(), "shapes differ between CPU and GPU");
    const double scale = a.abs().max().item<double>();
    return (a - b).abs().max().item<double>() / std::max(scale, 1e-30);
}

void checkClose(const torch::Tensor &cpu, const torch::Tensor &gpu, double tolerance, const std::string &what)
{
    const double difference = relativeDifference(cpu, gpu);
    std::printf("  %s: max |cpu - gpu| / max |cpu| = %.2e (tolerance %.0e)\n", what.c_str(), difference, tolerance);
    check(std::isfinite(difference) && difference <= tolerance, what + ": GPU output differs from the CPU's");
}

// fp32 on the GPU without TF32, restored afterwards.
class ExactFp32 {
public:
    ExactFp32()
        : m_matmul(at::globalContext().allowTF32CuBLAS()), m_cudnn(at::globalContext().allowTF32CuDNN())
    {
        at::globalContext().setAllowTF32CuBLAS(false);
        at::globalContext().setAllowTF32CuDNN(false);
    }
    ~ExactFp32()
    {
        at::globalContext().setAllowTF32CuBLAS(m_matmul);
        at::globalContext().setAllowTF32CuDNN(m_cudnn);
    }

private:
    bool m_matmul, m_cudnn;
};

// The device under test: the GPU, or with --cpu-stand-in the CPU, so that CI (which has no GPU)
// runs every case's code and catches a fault in the test itself (once, an empty vector's back()
// that only a GPU run reached). Against itself the CPU must agree to the same tolerances.
torch::Device kCuda(torch::kCUDA, 0);
bool standIn = false;

void deviceIsDescribed()
{
    const periscope::DeviceInfo gpu = periscope::selectDevice(periscope::DevicePreference::Cuda);
    std::printf("  %s; %s\n", gpu.summary().c_str(), periscope::cudaStatus().c_str());
    check(gpu.kind == periscope::DeviceKind::Cuda && gpu.torchName() == "cuda:0", "selectDevice(Cuda) is not cuda:0");
    check(!gpu.name.empty() && gpu.name.rfind("CUDA device", 0) != 0, "the device has no real name");
    check(gpu.totalMemoryBytes > 0 && gpu.freeMemoryBytes > 0 && gpu.freeMemoryBytes <= gpu.totalMemoryBytes,
          "device memory is not reported");
    check(periscope::selectDevice(periscope::DevicePreference::Auto).kind == periscope::DeviceKind::Cuda,
          "auto does not pick the GPU");
    check(periscope::cudaStatus().find("GPU (") != std::string::npos, "cudaStatus does not name the GPU");
    check(periscope::deviceHasFastBf16(gpu), "a CUDA device must count as fast bf16");
}

void seedsRepeatOnTheGpu()
{
    periscope::seedEverything(99);
    const torch::Tensor first = torch::randn({1000}, torch::TensorOptions().device(kCuda));
    periscope::seedEverything(99);
    check(torch::equal(first, torch::randn({1000}, torch::TensorOptions().device(kCuda))),
          "seedEverything does not make CUDA draws repeat");
}

// The 518 px ViT-L costs minutes on a CPU; the others cover the same layers.
bool smallEnoughForTheCpu(const periscope::BenchmarkModel &entry)
{
    return entry.forwardFlops < 1e11;
}

void benchmarkModelsMatchTheCpu()
{
    ExactFp32 exact;
    for (const periscope::BenchmarkModel &entry : periscope::benchmarkModels()) {
        if (!smallEnoughForTheCpu(entry))
            continue;
        torch::manual_seed(7);
        std::shared_ptr<torch::nn::Module> model = entry.create();
        model->eval();
        std::vector<std::int64_t> shape = entry.inputShape;
        shape.insert(shape.begin(), 2);
        const torch::Tensor input = torch::rand(shape);
        torch::NoGradGuard noGrad;
        const torch::Tensor cpu = entry.forward(*model, input).clone();
        model->to(kCuda);
        const torch::Tensor gpu = entry.forward(*model, input.to(kCuda));
        checkClose(cpu, gpu, 1e-4, entry.name + " fp32");
    }
}

void bf16AutocastRunsOnTheGpu()
{
    // Autocast through the 2.x API: products in bf16, and the result close to fp32 by the tolerance
    // the precision probe applies (cosine >= 0.999 per sample, same arg-max).
    for (const periscope::BenchmarkModel &entry : periscope::benchmarkModels()) {
        if (standIn && !smallEnoughForTheCpu(entry))
            continue;
        torch::manual_seed(3);
        std::shared_ptr<torch::nn::Module> model = entry.create();
        model->eval();
        model->to(kCuda);
        std::vector<std::int64_t> shape = entry.inputShape;
        shape.insert(shape.begin(), 4);
        const torch::Tensor input = torch::rand(shape, torch::TensorOptions().device(kCuda));
        torch::NoGradGuard noGrad;
        const torch::Tensor fp32 = entry.forward(*model, input);
        torch::Tensor bf16;
        {
            periscope::AutocastScope autocast(kCuda, periscope::Precision::Bf16);
            check(torch::matmul(input.flatten(1).narrow(1, 0, 8), torch::ones({8, 8}, input.options())).scalar_type() ==
                      torch::kBFloat16,
                  "autocast did not run a product in bf16");
            bf16 = entry.forward(*model, input).to(torch::kFloat);
        }
        check(torch::matmul(input.flatten(1).narrow(1, 0, 8), torch::ones({8, 8}, input.options())).scalar_type() ==
                  torch::kFloat,
              "autocast stayed on after its scope");
        const periscope::PrecisionCheck result = periscope::comparePrecision(fp32.cpu(), bf16.cpu(), {0.999, false});
        std::printf("  %s bf16: worst cosine to fp32 %.5f\n", entry.name.c_str(), result.worstCosine);
        check(result.passed, entry.name + ": bf16 autocast drifts from fp32");
    }
}

void colorizersMatchTheCpu()
{
    ExactFp32 exact;
    torch::manual_seed(5);
    periscope::colorize::Eccv16 net;
    net->eval();
    const torch::Tensor l = torch::rand({1, 1, 96, 96}) * 100.0;
    torch::NoGradGuard noGrad;
    const torch::Tensor cpu = net->forward(l).clone();
    net->to(kCuda);
    checkClose(cpu, net->forward(l.to(kCuda)), 1e-4, "eccv16 fp32");
}

void slotModelMatchesTheCpu()
{
    using namespace periscope::slot;
    ExactFp32 exact;
    torch::manual_seed(11);
    SlotNetConfig config = configFromOptions({{"image_size", "64"}, {"patch_size", "8"}});
    ObjectCentricNet net(config);
    net->eval();
    const torch::Tensor images = torch::rand({2, 3, config.imageSize, config.imageSize});
    torch::NoGradGuard noGrad;
    const SlotNetOutput cpu = net->forward(images, /*keepAttention=*/true);
    net->to(kCuda);
    const SlotNetOutput gpu = net->forward(images.to(kCuda), /*keepAttention=*/true);
    checkClose(cpu.slotFeatures, gpu.slotFeatures, 1e-4, "slot features");
    checkClose(cpu.globalProjection, gpu.globalProjection, 1e-4, "global projection");
    check(!cpu.attention.empty() && cpu.attention.size() == gpu.attention.size(), "no attention kept, or iteration counts differ");
    checkClose(cpu.attention.back(), gpu.attention.back(), 1e-4, "last slot attention");
}

void dinoTxtMatchesTheCpu()
{
    // dino.txt's towers at a small size (DINOv2 with registers at another grid than its stored
    // one, the SwiGLU head, the causal text encoder) and the dense similarity, fp32 and bf16.
    using namespace periscope;
    using namespace periscope::openvocab;
    ExactFp32 exact;
    torch::manual_seed(17);
    VitConfig vit{56, 14, 3, 128, 2, 2, 2.0, 2, true, 0};
    vit.interpolatePositions = true;
    vit.interpolateOffset = 0.0;
    vit.interpolateAntialias = true;
    VisionTransformer backbone(vit);
    VisionHead head(VisionHeadConfig{128, 2, 2, alignedSwiGluHidden(512, 64), true, 0});
    TextConfig textConfig;
    textConfig.vocabulary = 300;
    textConfig.context = 16;
    textConfig.dim = 128;
    textConfig.heads = 2;
    textConfig.layers = 2;
    textConfig.hidden = 256;
    textConfig.projection = 256;
    TextTower text(textConfig);
    for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(backbone.get()), static_cast<torch::nn::Module *>(head.get()),
                                 static_cast<torch::nn::Module *>(text.get())}) {
        m->eval();
        // LayerScale starts at 1e-5, which would leave the blocks out of the comparison.
        torch::NoGradGuard noGrad;
        for (auto &p : m->named_parameters())
            if (p.key().find("gamma") != std::string::npos)
                p.value().fill_(0.5);
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor images = torch::randn({2, 3, 70, 84});
    torch::Tensor ids = torch::randint(1, 290, {3, 16}, torch::kLong);
    ids.select(1, 9).fill_(299);
    const VisionOutputs cpu = runVisionTower(*backbone, *head, images);
    const torch::Tensor cpuText = text->forward(ids);
    const torch::Tensor grid = cpu.patchTokens.select(0, 0).t().reshape({128, cpu.rows, cpu.cols});
    const torch::Tensor prompts = torch::nn::functional::normalize(cpuText.narrow(1, 128, 128), torch::nn::functional::NormalizeFuncOptions().dim(1));
    const torch::Tensor cpuDense = denseSimilarity(grid, prompts, 50, 61, 7);
    backbone->to(kCuda);
    head->to(kCuda);
    text->to(kCuda);
    const VisionOutputs gpu = runVisionTower(*backbone, *head, images.to(kCuda));
    checkClose(cpu.imageEmbedding, gpu.imageEmbedding, 1e-4, "dino.txt image embedding");
    checkClose(cpu.patchTokens, gpu.patchTokens, 1e-4, "dino.txt patch tokens");
    checkClose(cpuText, text->forward(ids.to(kCuda)), 1e-4, "dino.txt text embedding");
    checkClose(cpuDense, denseSimilarity(grid.to(kCuda), prompts.to(kCuda), 50, 61, 7), 1e-4, "dense similarity");
    // bf16 autocast keeps 8 significant bits: over four blocks the embedding stays within 5 %.
    periscope::AutocastScope autocast(kCuda, periscope::Precision::Bf16);
    checkClose(cpu.imageEmbedding, runVisionTower(*backbone, *head, images.to(kCuda)).imageEmbedding.to(torch::kFloat), 5e-2, "dino.txt image embedding, bf16");
}

void graphExplanationsMatchTheCpu()
{
    using namespace periscope::graphs;
    ExactFp32 exact;
    torch::manual_seed(13);
    std::mt19937_64 random(13);
    const InfectionGraph example = generateInfectionGraph(InfectionParameters{}, random);
    InfectionGN net(Aggregation::Sum, true);
    net->eval();
    const GraphModel model = [&net](const GraphBatch &g) { return net->forward(g); };
    const GraphTarget target = GraphTarget::parse("node:0");
    for (GraphMethod method : {GraphMethod::Sensitivity, GraphMethod::GuidedBackprop, GraphMethod::Lrp,
                               GraphMethod::IntegratedGradients}) {
        net->to(torch::kCPU);
        const GraphRelevance cpu = explainGraph(model, example.graph, target, method);
        net->to(kCuda);
        const GraphRelevance gpu = explainGraph(model, example.graph.to(kCuda), target, method);
        checkClose(cpu.node, gpu.node, 1e-4, "infection " + graphMethodKey(method) + " node relevance");
        checkClose(cpu.edge, gpu.edge, 1e-4, "infection " + graphMethodKey(method) + " edge relevance");
    }
}

// On the stand-in both sides are the CPU, and comparing them would only compare the CPU with
// itself: there the first method alone runs, on both sides, for the code path; every method's
// maps are checked on the CPU by tst_framedetector and tst_clipdetector. On a GPU all run.
bool repeatsTheCpu(std::size_t methodIndex)
{
    return standIn && methodIndex > 0;
}

void deepfakeDetectorMatchesTheCpu()
{
    // The frame detector scores and explains a batch of crops on the GPU as on the CPU, by every
    // method. Random weights, with batch normalisation's statistics from crops like these and a
    // head that gives logits of order one, so the network behaves like a trained one
    // (tst_framedetector).
    using namespace periscope::deepfake;
    ExactFp32 exact;
    torch::manual_seed(17);
    periscope::EfficientNet network(periscope::EfficientNetConfig::b(0, 1));
    FrameDetector cpu(network, torch::kCPU);
    periscope::updateBatchNormStatistics(*network, {cpu.input(torch::rand({8, 3, 128, 128}))},
                                         [&](const torch::Tensor &x) { network->forward(x); });
    {
        torch::NoGradGuard noGrad;
        for (torch::Tensor &p : network->classifier->parameters())
            p.normal_(0.0, 0.1);
    }
    const torch::Tensor crops = torch::rand({3, 3, 128, 128});
    const torch::Tensor cpuInput = cpu.input(crops);
    const torch::Tensor cpuScores = cpu.probabilities(cpuInput);
    std::vector<torch::Tensor> cpuMaps;
    for (const std::string &name : explanationMethodNames())
        cpuMaps.push_back(repeatsTheCpu(cpuMaps.size()) ? torch::Tensor() : cpu.explain(parseExplanationMethod(name), cpuInput));
    FrameDetector gpu(network, kCuda); // moves the network
    const torch::Tensor gpuInput = gpu.input(crops);
    check(gpuInput.device() == kCuda, "the detector's input is not on the device under test");
    checkClose(cpuScores, gpu.probabilities(gpuInput), 1e-4, "detector probabilities");
    for (std::size_t i = 0; i < cpuMaps.size(); ++i) {
        const std::string name = explanationMethodNames()[i];
        if (repeatsTheCpu(i))
            continue;
        // Occlusion subtracts nearly equal scores; SmoothGrad and IG sum many gradients: their
        // relative error is that of one gradient times the cancellation, well under 1e-3 in fp32.
        checkClose(cpuMaps[i], gpu.explain(parseExplanationMethod(name), gpuInput), name == "occlusion" ? 1e-3 : 1e-4,
                   "detector " + name);
    }
}

void deepfakeDetectorTrainsOnTheGpu()
{
    // Training with the total-variation regulariser (double backward through EfficientNet) runs on
    // the GPU; before the first step its validation equals the CPU's, and afterwards its numbers
    // are finite and the network is still on the GPU. (Later steps are not compared: AdamW's first
    // updates are about lr * sign(gradient), so a gradient that rounds to the other side of zero
    // moves a weight by lr.)
    using namespace periscope::deepfake;
    ExactFp32 exact;
    torch::manual_seed(19);
    CropSet crops;
    crops.crops = torch::randint(0, 256, {16, 3, 96, 96}).to(torch::kUInt8);
    crops.labels = torch::tensor({0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}).to(torch::kFloat);
    for (std::int64_t i = 0; i < 16; ++i) {
        crops.video.push_back(i % 2);
        crops.frame.push_back(i / 2);
    }
    DetectorTrainingSettings settings;
    settings.steps = 6;
    settings.evalEvery = 3;
    settings.batchPairs = 4;
    settings.spatialTvWeight = settings.temporalTvWeight = 1.0;
    auto run = [&](torch::Device device) {
        torch::manual_seed(23);
        periscope::EfficientNet network(periscope::EfficientNetConfig::b(0, 1));
        settings.device = device;
        const auto started = std::chrono::steady_clock::now();
        DetectorTrainingSummary summary = trainFrameDetector(network, crops, crops, settings);
        std::printf("  %s: 6 steps of 8 crops at 96 px with the regulariser, validations included: %.2f s\n",
                    device.is_cuda() ? "GPU" : "CPU", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        check(network->parameters().front().device() == device, "the network is not where it trained");
        return summary;
    };
    const DetectorTrainingSummary cpu = run(torch::kCPU);
    const DetectorTrainingSummary gpu = run(kCuda);
    checkClose(torch::tensor({cpu.initial.logLoss, cpu.initial.spatialSmoothness}),
               torch::tensor({gpu.initial.logLoss, gpu.initial.spatialSmoothness}), 1e-4, "detector validation before training");
    check(gpu.history.size() == 2, "two validations expected");
    for (const DetectorValidation &v : gpu.history)
        check(std::isfinite(v.trainLoss) && std::isfinite(v.logLoss), "training on the GPU gave a number that is not finite");
}

void clipDetectorMatchesTheCpu()
{
    // The clip detector (MViT-v2 mini, random weights with a head that gives logits of order one)
    // scores and explains a clip on the GPU as on the CPU, by every method, rollout included; then
    // two training steps with the regulariser (double backward through attention and pooling)
    // give finite numbers there.
    using namespace periscope::deepfake;
    ExactFp32 exact;
    torch::manual_seed(29);
    periscope::MViT network(periscope::MViTConfig::v2Mini(1));
    {
        torch::NoGradGuard noGrad;
        for (torch::Tensor &p : network->head->parameters())
            p.normal_(0.0, 1.0);
    }
    ClipDetector cpu(network, torch::kCPU);
    const torch::Tensor crops = torch::rand({6, 3, 112, 112}); // a short run: filled up to 8 frames
    const torch::Tensor cpuClip = cpu.input(crops);
    const torch::Tensor cpuScores = cpu.probabilities(cpuClip);
    std::vector<torch::Tensor> cpuMaps;
    for (const std::string &name : clipExplanationMethodNames())
        cpuMaps.push_back(repeatsTheCpu(cpuMaps.size()) ? torch::Tensor() : cpu.explain(parseExplanationMethod(name), cpuClip));
    ClipDetector gpu(network, kCuda); // moves the network
    const torch::Tensor gpuClip = gpu.input(crops);
    check(gpuClip.device() == kCuda, "the clip detector's input is not on the device under test");
    checkClose(cpuScores, gpu.probabilities(gpuClip), 1e-4, "clip detector probabilities");
    for (std::size_t i = 0; i < cpuMaps.size(); ++i) {
        const std::string name = clipExplanationMethodNames()[i];
        if (repeatsTheCpu(i))
            continue;
        checkClose(cpuMaps[i], gpu.explain(parseExplanationMethod(name), gpuClip), name == "occlusion" ? 1e-3 : 1e-4, "clip detector " + name);
    }

    CropSet set;
    set.crops = torch::randint(0, 256, {18, 3, 112, 112}).to(torch::kUInt8);
    for (std::int64_t i = 0; i < 18; ++i) {
        set.video.push_back(i % 2);
        set.frame.push_back(i / 2);
    }
    set.labels = torch::tensor(std::vector<float>(18, 0.0f));
    for (std::int64_t i = 1; i < 18; i += 2)
        set.labels[i] = 1.0f;
    DetectorTrainingSettings settings;
    settings.steps = 2;
    settings.evalEvery = 2;
    settings.batchPairs = 2;
    settings.spatialTvWeight = settings.temporalTvWeight = 1.0;
    settings.device = kCuda;
    const auto started = std::chrono::steady_clock::now();
    const DetectorTrainingSummary summary = trainClipDetector(network, set, set, settings);
    std::printf("  2 steps of 2 clips of 8 x 112 px with the regulariser, validations included: %.2f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    check(summary.history.size() == 1 && std::isfinite(summary.history.back().trainLoss) && std::isfinite(summary.history.back().logLoss),
          "clip training on the GPU gave a number that is not finite");
    check(network->parameters().front().device() == kCuda, "the clip network is not where it trained");
}

void streamsOverlapWithoutChangingResults()
{
    // Work queued on a side stream gives the same numbers as on the default stream.
    ExactFp32 exact;
    const torch::Tensor a = torch::randn({512, 512}, torch::TensorOptions().device(kCuda));
    const torch::Tensor expected = torch::matmul(a, a);
    at::cuda::CUDAStream side = at::cuda::getStreamFromPool();
    torch::Tensor onSide;
    {
        at::cuda::CUDAStreamGuard guard(side);
        onSide = torch::matmul(a, a);
    }
    side.synchronize();
    checkClose(expected, onSide, 1e-6, "matmul on a side stream");
}

struct Case {
    const char *name;
    std::function<void()> run;
    bool needsCuda = false; // CUDA's own API (device properties, streams): not run on the stand-in
};

} // namespace

int main(int argc, char **argv)
{
    const std::vector<Case> cases = {
        {"deviceIsDescribed", deviceIsDescribed, true},
        {"seedsRepeatOnTheGpu", seedsRepeatOnTheGpu},
        {"benchmarkModelsMatchTheCpu", benchmarkModelsMatchTheCpu},
        {"bf16AutocastRunsOnTheGpu", bf16AutocastRunsOnTheGpu},
        {"colorizersMatchTheCpu", colorizersMatchTheCpu},
        {"slotModelMatchesTheCpu", slotModelMatchesTheCpu},
        {"graphExplanationsMatchTheCpu", graphExplanationsMatchTheCpu},
        {"dinoTxtMatchesTheCpu", dinoTxtMatchesTheCpu},
        {"deepfakeDetectorMatchesTheCpu", deepfakeDetectorMatchesTheCpu},
        {"deepfakeDetectorTrainsOnTheGpu", deepfakeDetectorTrainsOnTheGpu},
        {"clipDetectorMatchesTheCpu", clipDetectorMatchesTheCpu},
        {"streamsOverlapWithoutChangingResults", streamsOverlapWithoutChangingResults, true},
    };
    std::vector<std::string> names;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--cpu-stand-in")
            standIn = true;
        else
            names.emplace_back(argv[i]);
    }
    std::printf("tst_cuda: LibTorch %s, %s%s\n", periscope::torchVersion().c_str(), periscope::cudaStatus().c_str(),
                standIn ? "; the CPU stands in for the GPU" : "");
    if (standIn)
        kCuda = torch::Device(torch::kCPU);
    if (!standIn && !periscope::cudaAvailable()) {
        std::printf("SKIP: every case needs a CUDA device (%s)\n", periscope::cudaStatus().c_str());
        return kSkipped;
    }
    int failed = 0, ran = 0;
    for (const Case &c : cases) {
        bool wanted = names.empty();
        for (const std::string &name : names)
            wanted = wanted || c.name == name;
        if (!wanted || (standIn && c.needsCuda))
            continue;
        ++ran;
        const auto started = std::chrono::steady_clock::now();
        try {
            c.run();
            std::printf("PASS   : %s (%.1f s)\n", c.name, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        } catch (const std::exception &e) {
            ++failed;
            std::printf("FAIL!  : %s: %s\n", c.name, e.what());
        }
        std::fflush(stdout);
    }
    std::printf("Totals: %d passed, %d failed\n", ran - failed, failed);
    return failed == 0 && ran > 0 ? 0 : 1;
}
