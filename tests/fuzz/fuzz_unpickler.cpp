// SPDX-License-Identifier: GPL-3.0-or-later
// The restricted unpickler with everything a torch file may name: torch globals, TorchScript's
// inert classes, and persistent ids that resolve to a small storage, so that tensor rebuilds run.
#include "FuzzSupport.h"

#include "engine/core/weights/TorchArchive.h"
#include "engine/core/weights/Unpickler.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    periscope::fuzz::expectOnlyOurErrors([&] {
        periscope::Unpickler unpickler(data, size, "fuzz.pkl");
        periscope::allowTorchGlobals(unpickler, "fuzz.pkl");
        unpickler.allowInertClasses("__torch__.");
        unpickler.setPersistentLoad([](const periscope::PickleRef &) {
            return periscope::PickleValue::makeTensor(torch::arange(16, torch::kFloat));
        });
        // The legacy format is several pickles in a row.
        for (int i = 0; i < 8 && unpickler.position() < size; ++i)
            unpickler.load();
    });
    return 0;
}
