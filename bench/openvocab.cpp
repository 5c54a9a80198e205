// SPDX-License-Identifier: GPL-3.0-or-later
// dino.txt at the released size, as JSON lines (weights random and seeded: speed does not depend
// on them): the vision tower (DINOv2 ViT-L/14 with 4 registers, then dino.txt's two-block head)
// on --size images, and the text encoder (1280 wide, 24 blocks) on --prompts 77-token prompts,
// in fp32 and under bf16 autocast. bench/reference/openvocab_reference.py times the paper's own
// modules in PyTorch eager on the same shapes. With --load DIR it instead writes the three
// weight files at the released size into DIR (once) and reports the time and the growth of peak
// resident memory of loading them through the pipeline (memory-mapped, strict), in fp32 or bf16.
//
//   bench_openvocab [--device auto] [--threads 0] [--size 518] [--prompts 8] [--seconds 3] [--precision fp32,bf16]
//   bench_openvocab --load DIR [--precision fp32]
#include "BenchCommon.h"

#include "engine/core/precision/PrecisionOps.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/openvocab/ClipTokenizer.h"
#include "engine/openvocab/DinoTxtNets.h"
#include "engine/openvocab/OpenVocabModel.h"

#include <fstream>
#include <sys/resource.h>

namespace {
using namespace periscope;
using namespace periscope::openvocab;

VitConfig vitL14Registers()
{
    VitConfig config = VitConfig::large14();
    config.imageSize = 518; // the released pos_embed: 37 x 37 patches
    config.registers = 4;
    config.layerScale = true;
    config.maskToken = true;
    config.interpolatePositions = true;
    config.interpolateOffset = 0.0;
    config.interpolateAntialias = true;
    return config;
}

VisionHeadConfig releasedHead()
{
    return VisionHeadConfig{1024, 16, 2, alignedSwiGluHidden(4096, 64), true, 0};
}

long peakResidentKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void writeReleasedSizeWeights(const std::filesystem::path &folder)
{
    std::filesystem::create_directories(folder);
    torch::NoGradGuard noGrad;
    if (!std::filesystem::exists(folder / "backbone.safetensors"))
        writeSafetensors((folder / "backbone.safetensors").string(), stateDictOf(*VisionTransformer(vitL14Registers())));
    if (!std::filesystem::exists(folder / "vision_head.safetensors"))
        writeSafetensors((folder / "vision_head.safetensors").string(), stateDictOf(*VisionHead(releasedHead())));
    if (!std::filesystem::exists(folder / "text_encoder.safetensors"))
        writeSafetensors((folder / "text_encoder.safetensors").string(), stateDictOf(*TextTower(TextConfig{})));
    // A vocabulary file in CLIP's layout with made-up merges: loading needs one, timing does not care.
    if (!std::filesystem::exists(folder / "bpe_simple_vocab_made_up.txt")) {
        std::ofstream out(folder / "bpe_simple_vocab_made_up.txt");
        out << "#version: 0.2\n";
        for (int i = 0; i < ClipTokenizer::kMerges; ++i)
            out << "a b\n";
    }
}

void benchLoading(const bench::Arguments &args, const DeviceInfo &info)
{
    const std::filesystem::path folder = args.text("load");
    writeReleasedSizeWeights(folder);
    std::uintmax_t bytes = 0;
    for (const char *name : {"backbone.safetensors", "vision_head.safetensors", "text_encoder.safetensors"})
        bytes += std::filesystem::file_size(folder / name);
    const bool bf16 = args.list("precision").front() == "bf16";
    const long before = peakResidentKiB();
    const auto start = std::chrono::steady_clock::now();
    const auto model = OpenVocabModel::load({(folder / "backbone.safetensors").string(), (folder / "vision_head.safetensors").string(),
                                             (folder / "text_encoder.safetensors").string(), (folder / "bpe_simple_vocab_made_up.txt").string()},
                                            {parseDevicePreference(args.text("device")), bf16},
                                            JobControl(nullptr, [](double fraction, const std::string &message) {
                                                if (!message.empty()) // the stages: what each file's loading added
                                                    std::fprintf(stderr, "%5.1f %%  peak %ld MiB  %s\n", 100.0 * fraction, peakResidentKiB() / 1024, message.c_str());
                                            }));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"bench\": \"openvocab_load\", \"impl\": \"periscope\", \"precision\": \"%s\", \"file_mib\": %.1f, \"seconds\": %.3f, "
                "\"peak_rss_growth_mib\": %.1f, \"parameters\": %lld, \"device\": \"%s\"}\n",
                bf16 ? "bf16" : "fp32", double(bytes) / 1048576.0, seconds, double(peakResidentKiB() - before) / 1024.0,
                static_cast<long long>(model->parameterCount()), info.torchName().c_str());
}
} // namespace

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"size", "518"}, {"prompts", "8"}, {"seconds", "3"},
                                                 {"precision", "fp32,bf16"}, {"load", ""}});
        const DeviceInfo info = bench::setUpDevice(args);
        if (!args.text("load").empty()) {
            benchLoading(args, info);
            return 0;
        }
        const torch::Device device(info.torchName());
        torch::NoGradGuard noGrad;
        VisionTransformer backbone(vitL14Registers());
        VisionHead head(releasedHead());
        TextTower text(TextConfig{});
        for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(backbone.get()), static_cast<torch::nn::Module *>(head.get()),
                                     static_cast<torch::nn::Module *>(text.get())}) {
            m->to(device);
            m->eval();
        }
        const std::int64_t size = args.integer("size"), prompts = args.integer("prompts");
        const torch::Tensor images = torch::randn({1, 3, size, size}, torch::TensorOptions().device(device));
        torch::Tensor ids = torch::randint(1, 49000, {prompts, 77}, torch::TensorOptions().dtype(torch::kLong).device(device));
        ids.select(1, 20).fill_(49407); // the end token: pooled there
        ids.narrow(1, 21, 56).zero_();
        for (const std::string &name : args.list("precision")) {
            const Precision precision = name == "bf16" ? Precision::Bf16 : Precision::Fp32;
            const double vision = bench::secondsPerCall(device, [&] {
                AutocastScope autocast(device, precision);
                runVisionTower(*backbone, *head, images);
            }, args.number("seconds"), 1000);
            std::printf("{\"bench\": \"openvocab_vision\", \"impl\": \"periscope\", \"precision\": \"%s\", \"size\": %lld, \"seconds\": %.5f, "
                        "\"images_per_s\": %.3f, \"device\": \"%s\"}\n",
                        name.c_str(), static_cast<long long>(size), vision, 1.0 / vision, info.torchName().c_str());
            std::fflush(stdout);
            const double textSeconds = bench::secondsPerCall(device, [&] {
                AutocastScope autocast(device, precision);
                text->forward(ids);
            }, args.number("seconds"), 1000);
            std::printf("{\"bench\": \"openvocab_text\", \"impl\": \"periscope\", \"precision\": \"%s\", \"prompts\": %lld, \"seconds\": %.5f, "
                        "\"prompts_per_s\": %.3f, \"device\": \"%s\"}\n",
                        name.c_str(), static_cast<long long>(prompts), textSeconds, double(prompts) / textSeconds, info.torchName().c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_openvocab: %s\n", e.what());
        return 1;
    }
    return 0;
}
