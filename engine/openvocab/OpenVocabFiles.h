// SPDX-License-Identifier: GPL-3.0-or-later
// Where a dino.txt model's four files are: a folder holding the released files by their names
// (dinov2_vitl14_reg4_pretrain.pth, ..._vision_head.pth, ..._text_encoder.pth, and CLIP's
// bpe_simple_vocab_16e6.txt.gz beside them), or ours (backbone.*, vision_head.*, text_encoder.*).
#pragma once

#include "engine/openvocab/OpenVocabModel.h"

#include <string>

namespace periscope::openvocab {

// The four files of the model in `folder`. A file given in `overrides` (non-empty) is taken as
// it is. Throws periscope::Error saying which file is missing or which two compete.
OpenVocabFiles findOpenVocabFiles(const std::string &folder, const OpenVocabFiles &overrides = {});

} // namespace periscope::openvocab
