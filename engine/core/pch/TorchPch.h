// SPDX-License-Identifier: GPL-3.0-or-later
// Precompiled for every engine/core source: the torch headers cost seconds per file otherwise.
// Only engine .cpp files see it (DESIGN.md): nothing outside the engine includes torch.
#pragma once

#include <torch/torch.h>
