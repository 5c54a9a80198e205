// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/MemoryFormat.h"

namespace periscope {

void useChannelsLast(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    for (torch::Tensor &parameter : module.parameters(/*recurse=*/true))
        if (parameter.dim() == 4)
            parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
    for (torch::Tensor &buffer : module.buffers(/*recurse=*/true))
        if (buffer.dim() == 4)
            buffer.set_data(buffer.contiguous(torch::MemoryFormat::ChannelsLast));
}

torch::Tensor channelsLast(const torch::Tensor &x)
{
    return x.dim() == 4 ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x;
}

} // namespace periscope
