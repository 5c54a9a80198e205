// SPDX-License-Identifier: GPL-3.0-or-later
// What tests of refusals ask: the one-line reason a call gives, or "" when it gives none.
#pragma once

#include "engine/core/errors/Error.h"

#include <functional>
#include <string>

namespace periscope::testing {

inline std::string reasonOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

} // namespace periscope::testing
