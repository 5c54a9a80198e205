// SPDX-License-Identifier: GPL-3.0-or-later
// `periscope-cli forward --arch dinotxt_vision | dinotxt_text`: dino.txt's towers run on a tensor,
// for checking them against the paper's code and for using them outside the workspace. No torch
// in this header.
#pragma once

#include <string>

namespace periscope::openvocab {

struct DinoTxtForwardRequest {
    std::string architecture; // "dinotxt_vision" or "dinotxt_text"
    std::string weights;      // vision: the DINOv2 backbone (dinov2_vitl14_reg4_pretrain.pth); text: the text encoder
    std::string headWeights;  // vision: the dino.txt vision head (..._vision_head.pth)
    std::string input;        // safetensors "input": images [N, 3, H, W] (ImageNet-normalised), or token ids [N, L] (integers)
    std::string output;       // vision: cls [N, D], patch_tokens [N, P, D], image_embedding [N, 2 D]; text: text_embedding [N, E]
};

// Builds each tower from its weights' shapes, loads them strictly, runs it on the CPU in
// evaluation mode and writes the outputs. Throws periscope::Error with a one-line reason.
void runDinoTxtForward(const DinoTxtForwardRequest &request);

bool isDinoTxtArchitecture(const std::string &name);

} // namespace periscope::openvocab
