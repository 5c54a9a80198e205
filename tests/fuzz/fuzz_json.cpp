// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON reader every scene, graph, project sidecar and safetensors header goes through;
// what it reads must also write back.
#include "FuzzSupport.h"

#include "engine/core/json/Json.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    periscope::fuzz::expectOnlyOurErrors([&] {
        const periscope::json::Value value =
            periscope::json::Value::parse(std::string_view(reinterpret_cast<const char *>(data), size));
        const std::string text = value.dump();
        periscope::json::Value::parse(text); // what we write, we read
    });
    return 0;
}
