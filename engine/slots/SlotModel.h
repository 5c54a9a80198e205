// SPDX-License-Identifier: GPL-3.0-or-later
// The object-centric model (SlotNets.h) behind one torch-free interface for the CLI, the
// workspace and the trainer: build it, load its weights (ours or the paper's checkpoints), run it
// on images and read back the slot attention, the slots and the global vector.
//
// Images go in as the paper's test transform has them: centre-cropped to a square, resized to the
// model's input side and normalised with ImageNet's mean and std.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace periscope::slot {

// What the weights do not reveal, as KEY=VALUE (the CLI's --arch, the sidecar's "arch"):
//   heads=4  iterations=3  slots=11 (for sampled queries)  architecture=slot-mean|backbone (or the
//   repository's strings)  attention_scale=false  image_size=128  patch_size=8  dim=64  layers=4
//   queries=learned|sampled  global_pool=auto|cls|avg (auto: avg for slot-mean, cls for backbone)
// The last five only matter for a new, untrained model; loading takes them from the weights.
using ArchOptions = std::vector<std::pair<std::string, std::string>>;
ArchOptions parseArchOption(const std::string &keyEqualsValue, ArchOptions options = {}); // throws Error

// The paper's configuration (128 px, 8 px patches, D 64, 4 blocks, 4 heads, 11 slots, 3
// iterations) and the small one for CPUs (64 px with 4 px patches: the same 16 x 16 tokens from a
// quarter of the pixels, the rest the same).
ArchOptions paperArchitecture();
ArchOptions smallArchitecture();

// One image's pass through the model. Attention rows are slots, columns the grid x grid patch
// tokens in row-major order.
struct SlotResult {
    int slotCount = 0;
    int dim = 0;
    int grid = 0;
    std::vector<float> attentionFirst; // slots x grid^2, first iteration, after the softmax over slots
    std::vector<float> attentionLast;  // the same for the last iteration
    std::vector<float> slotFeatures;   // slots x dim (f_slots)
    std::vector<float> globalFeatures; // dim (f_global)

    const float *attention(bool last, int slot) const
    {
        return (last ? attentionLast : attentionFirst).data() + std::size_t(slot) * std::size_t(grid) * std::size_t(grid);
    }
    const float *slot(int index) const { return slotFeatures.data() + std::size_t(index) * std::size_t(dim); }
};

class SlotModel {
public:
    // A new model with random weights (seeded), for training or as the untrained baseline.
    static SlotModel create(const ArchOptions &options, std::uint64_t seed = 0);
    // Weights in any format the engine reads: our .safetensors (with its .json sidecar holding
    // the architecture) or the paper's torch.save checkpoints ({"model": state_dict, ...}).
    // Every key must match (strict). Throws periscope::Error with a one-line reason.
    static SlotModel load(const std::string &weightsPath, const ArchOptions &overrides = {});

    int inputSize() const;
    int slotCount() const;
    int dim() const;
    int grid() const;
    std::int64_t parameterCount() const;
    ArchOptions architecture() const; // every option, as the sidecar stores them
    std::string describe() const;     // one line for logs and the UI

    // Any size, 8-bit or float [0, 1], RGB (gray is replicated); batched internally.
    std::vector<SlotResult> run(const std::vector<Image> &images, const JobControl &job = {}) const;
    SlotResult run(const Image &image) const;

    // For the trainer (engine-internal): the torch module behind this model.
    struct Net;
    std::shared_ptr<Net> net() const { return m_net; }

private:
    std::shared_ptr<Net> m_net;
};

// The paper's test transform, shared with the evaluation so masks line up with the attention:
// the centred square of side min(width, height), resized to size x size (bilinear for images,
// nearest for label maps).
Image centreSquare(const Image &image, int size, bool nearest);

} // namespace periscope::slot
