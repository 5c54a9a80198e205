// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/weights/StateDict.h"

#include <string>

namespace periscope {

// Loads the state dict of a torch.save checkpoint onto the CPU, in either format:
// - zip (PyTorch >= 1.6): data.pkl plus one record per storage, read through our bounded
//   TorchArchive (sizes, CRC-32); storages are viewed in place, not copied;
// - legacy (older PyTorch): magic, protocol and system-info pickles, the object pickle, the
//   storage keys, then each storage's raw bytes.
// The pickles go through our restricted Unpickler: OrderedDict (with its `_metadata`), tensor
// and parameter rebuilds and storage types are allowed; any other global is refused by name and
// never executed. Tensors saved on CUDA load onto the CPU. When the file holds a dict around the
// state dict ({"model": state_dict, "epoch": 3, ...}) the state dict is found inside it.
StateDict loadTorchCheckpoint(const std::string &path);

// The parameters and buffers of a TorchScript module (torch.jit.save), read as data: data.pkl
// through the restricted Unpickler, its `__torch__.*` objects as inert records, and each class's
// `__parameters__` / `__buffers__` lists read from the archive's code text. No TorchScript code
// runs (no __setstate__, no constructor). Names and order are TorchScript's named_parameters()
// then named_buffers(). A module whose __getstate__ returns a tuple is named from its declared
// parameters and buffers, in order, when the tuple holds exactly that many tensors; otherwise
// its tensors are named "<module>.__state__.<i>".
StateDict loadTorchScriptWeights(const std::string &path);

// The file's first bytes say which of the formats this is (zip also covers TorchScript).
bool looksLikeZip(const std::uint8_t *bytes, std::size_t size);
bool looksLikeLegacyTorch(const std::uint8_t *bytes, std::size_t size);

} // namespace periscope
