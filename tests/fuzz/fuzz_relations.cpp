// SPDX-License-Identifier: GPL-3.0-or-later
// Relation datasets as `relations`, `train-relations` and the Relations workspace read them: the
// input is, by its first byte, VRD's annotations_test.json, HICO-DET's test_hico.json, or a
// detector's boxes in COCO's results format over a small VRD folder. Names from the annotations
// are matched to files, which must stay inside the folder; the folder holds two images.
#include "FuzzSupport.h"

#include "engine/relations/RelationDatasets.h"

#include <filesystem>
#include <fstream>

namespace {
namespace fs = std::filesystem;

struct Folders {
    fs::path vrd, hico;
};

const Folders &folders()
{
    static const Folders f = [] {
        const fs::path root = "/tmp/periscope-fuzz-relations-" + std::to_string(::getpid());
        Folders out{root / "vrd", root / "hico"};
        fs::create_directories(out.vrd / "json_dataset");
        fs::create_directories(out.vrd / "sg_dataset" / "sg_test_images");
        fs::create_directories(out.hico / "annotations");
        fs::create_directories(out.hico / "images" / "test2015");
        std::ofstream(out.vrd / "json_dataset" / "objects.json") << R"(["person", "horse", "hat"])";
        std::ofstream(out.vrd / "json_dataset" / "predicates.json") << R"(["on", "wear", "ride"])";
        std::ofstream(out.vrd / "sg_dataset" / "sg_test_images" / "a.jpg") << "x";
        std::ofstream(out.vrd / "sg_dataset" / "sg_test_images" / "000123.jpg") << "x";
        std::ofstream(out.hico / "images" / "test2015" / "HICO_test2015_00000001.jpg") << "x";
        return out;
    }();
    return f;
}

void write(const fs::path &path, const std::uint8_t *data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), std::streamsize(size));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const Folders &f = folders();
    const int mode = data[0] % 3;
    ++data;
    --size;
    periscope::fuzz::expectOnlyOurErrors([&] {
        using namespace periscope::relations;
        if (mode == 0) {
            write(f.vrd / "json_dataset" / "annotations_test.json", data, size);
            (void)readRelationDataset(f.vrd.string());
        } else if (mode == 1) {
            write(f.hico / "annotations" / "test_hico.json", data, size);
            (void)readRelationDataset(f.hico.string());
        } else {
            std::ofstream(f.vrd / "json_dataset" / "annotations_test.json", std::ios::trunc) << R"({"a.jpg": [], "000123.jpg": []})";
            RelationDataset d = readRelationDataset(f.vrd.string());
            const std::string detections = periscope::fuzz::writeInput(data, size, "-detections.json");
            (void)readDetections(detections, d, 0.1, 5);
        }
    });
    return 0;
}
