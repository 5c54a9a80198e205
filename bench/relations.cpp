// SPDX-License-Identifier: GPL-3.0-or-later
// Relations per second on a batch of images with random boxes: the graph build (box features,
// edge features and RoIAlign 7x7 over a feature map), the predicate classification (the ws-vrd
// network over the whole batch) and the explanation (the paper's gradients for the top k
// predicates and the triplet ranking). With --export DIR it writes the feature maps, boxes,
// classes and the network's weights for bench/reference/relations_reference.py, which times the
// same three steps in PyTorch eager (the paper's formulas, a vectorised RoIAlign) on the same
// input; the ratio of the two is the figure to quote.
//
//   bench_relations [--device cpu] [--threads 0] [--images 64] [--objects 6] [--classes 3] [--predicates 7]
//                   [--width 128] [--top 7] [--seconds 2] [--export DIR]
#include "BenchCommon.h"

#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/relations/RelationExplainer.h"
#include "engine/relations/RelationModelInternal.h"

#include <random>

namespace {
using namespace periscope;
using namespace periscope::relations;

struct Input {
    std::vector<torch::Tensor> maps; // [C, h, w] per image
    std::vector<std::vector<RelationObject>> objects;
    int width = 320, height = 240;
};

Input makeInput(int images, int objects, int classes, std::int64_t channels, const torch::Device &device)
{
    Input in;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int i = 0; i < images; ++i) {
        in.maps.push_back(torch::rand({channels, 30, 40}, torch::TensorOptions().device(device)));
        std::vector<RelationObject> list;
        for (int k = 0; k < objects; ++k) {
            const double w = 20 + 60 * u(random), h = 20 + 60 * u(random);
            const double x = u(random) * (in.width - w), y = u(random) * (in.height - h);
            list.push_back({{x, y, x + w, y + h}, int(random() % std::uint64_t(classes)), 1.0});
        }
        in.objects.push_back(std::move(list));
    }
    return in;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv,
                                    {{"device", "cpu"}, {"threads", "0"}, {"images", "64"}, {"objects", "6"}, {"classes", "3"}, {"predicates", "7"},
                                     {"width", "128"}, {"top", "7"}, {"seconds", "2"}, {"export", ""}});
        const DeviceInfo deviceInfo = bench::setUpDevice(args);
        const torch::Device device(deviceInfo.torchName());
        RelationModelInfo info;
        for (int c = 0; c < args.integer("classes"); ++c)
            info.objectClasses.push_back("class" + std::to_string(c));
        for (int p = 0; p < args.integer("predicates"); ++p)
            info.predicateClasses.push_back("predicate" + std::to_string(p));
        info.width = args.integer("width");
        RelationPipeline pipeline(info);
        pipeline->to(device);
        pipeline->eval();
        const Input in = makeInput(args.integer("images"), args.integer("objects"), args.integer("classes"), pipeline->featureChannels(), device);
        const double seconds = args.number("seconds");
        const int images = args.integer("images");

        RelationBatch batch;
        auto build = [&] {
            std::vector<RelationBatch> parts;
            for (int i = 0; i < images; ++i)
                parts.push_back(pipeline->graphInputs(in.maps[std::size_t(i)], in.width, in.height, in.objects[std::size_t(i)]));
            batch = concatenateBatches(parts);
        };
        const double buildSeconds = bench::secondsPerCall(device, build, seconds, 1000);
        torch::Tensor scores;
        const double classifySeconds = bench::secondsPerCall(device, [&] {
            torch::NoGradGuard noGrad;
            scores = pipeline->network->forward(batch);
        }, seconds, 1000);
        ExplainerOptions options;
        options.topPredicates = args.integer("top");
        std::vector<ImageRelations> relations;
        const double explainSeconds = bench::secondsPerCall(device, [&] { relations = explainRelations(*pipeline->network, batch, {}, options); },
                                                            seconds, 1000);
        auto line = [&](const char *step, double s) {
            std::printf("{\"bench\": \"relations\", \"step\": \"%s\", \"device\": \"%s\", \"images\": %d, \"objects\": %d, \"edges\": %lld, "
                        "\"seconds\": %.6f, \"images_per_second\": %.2f}\n",
                        step, bench::escape(deviceInfo.name).c_str(), images, args.integer("objects"), (long long)batch.numEdges(), s, images / s);
        };
        line("graph", buildSeconds);
        line("classify", classifySeconds);
        line("explain", explainSeconds);
        if (!args.text("export").empty()) {
            std::filesystem::create_directories(args.text("export"));
            StateDict tensors = stateDictOf(*pipeline->network, "network.");
            std::vector<float> boxes;
            std::vector<std::int64_t> classes;
            for (int i = 0; i < images; ++i) {
                tensors.emplace_back("map" + std::to_string(i), in.maps[std::size_t(i)].cpu());
                for (const RelationObject &o : in.objects[std::size_t(i)]) {
                    boxes.insert(boxes.end(), {float(o.box.x1), float(o.box.y1), float(o.box.x2), float(o.box.y2)});
                    classes.push_back(o.category);
                }
            }
            tensors.emplace_back("boxes", torch::tensor(boxes).view({images, args.integer("objects"), 4}));
            tensors.emplace_back("classes", torch::tensor(classes).view({images, args.integer("objects")}));
            tensors.emplace_back("predicate_scores", scores.cpu());
            for (const auto &[name, t] : std::vector<std::pair<std::string, torch::Tensor>>{
                     {"object_conv_features", batch.objectConvFeatures}, {"object_linear_features", batch.objectLinearFeatures},
                     {"relation_linear_features", batch.relationLinearFeatures}, {"relation_indexes", batch.relationIndexes}, {"batch", batch.batch}})
                tensors.emplace_back(name, t.cpu());
            writeSafetensors(args.text("export") + "/relations_bench.safetensors", tensors,
                             {{"width", std::to_string(in.width)}, {"height", std::to_string(in.height)}, {"top", std::to_string(options.topPredicates)},
                              {"classes", std::to_string(args.integer("classes"))}});
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_relations: %s\n", e.what());
        return 1;
    }
    return 0;
}
