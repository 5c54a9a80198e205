// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz targets in the ordinary build: without libFuzzer, each target runs once over every
// file of its seed corpus (tests/fuzz/corpus/<target>/) and of any regression folder given, so a
// crash found by fuzzing stays fixed in every CI run (CTest: fuzz_replay_<target>).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
// Optional, as in libFuzzer: a target that needs set-up once (a QCoreApplication) defines it.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {
int replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(path))
                if (entry.is_regular_file())
                    inputs += replay(entry.path());
        } else if (std::filesystem::is_regular_file(path)) {
            inputs += replay(path);
        }
    }
    std::printf("replayed %d inputs without a crash\n", inputs);
    return inputs > 0 ? 0 : 1; // an empty corpus is a broken setup, not a pass
}
