// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Channels-last ("NHWC") layout for convolutional networks. oneDNN on the CPU and cuDNN on CUDA
// run convolutions on NHWC tensors without reordering them first: measured on 2 vCPUs with
// LibTorch 2.11, eccv16, siggraph17 and Koalarization ran 1.10-1.28x faster in fp32 and bf16
// (docs/benchmarks.md). A network converts its weights once, when it is built, and its input on
// entry; layers keep the layout, and its outputs go back to the usual contiguous layout so that
// nothing downstream has to care.
#pragma once

#include <torch/torch.h>

namespace periscope {

// Every 4-D parameter and buffer of `module` and its children, in place. Loading weights later
// (copy_) and moving to another device (to()) keep the layout.
void useChannelsLast(torch::nn::Module &module);

// A 4-D tensor in channels-last layout (a no-op when it already is); other tensors unchanged.
torch::Tensor channelsLast(const torch::Tensor &x);

} // namespace periscope
