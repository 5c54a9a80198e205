// SPDX-License-Identifier: GPL-3.0-or-later
// Any weights file: format detection, then the torch zip, legacy, TorchScript or safetensors
// reader, as `periscope-cli weights` and every --model option reach them.
#include "FuzzSupport.h"

#include "engine/core/weights/StateDict.h"
#include "engine/core/weights/TensorInfo.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = periscope::fuzz::writeInput(data, size, ".weights");
    periscope::fuzz::expectOnlyOurErrors([&] { periscope::inspectWeights(path); });
    periscope::fuzz::expectOnlyOurErrors([&] {
        for (const auto &[name, tensor] : periscope::loadStateDict(path))
            (void)tensor.sum().item<double>(); // every tensor is readable where it claims to be
    });
    return 0;
}
