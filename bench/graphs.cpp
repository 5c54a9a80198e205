// SPDX-License-Identifier: GPL-3.0-or-later
// Graph explanations per second, each method, on 1,000 molecules (rdkit-data's NCI set, the
// built-in ESOL model) and 1,000 infection graphs (the built-in InfectionGN), each set explained
// as one batch ("global:all": every graph's global output, one backward pass). With --export DIR
// it also writes the batches and weights for the Python reference (bench/reference/
// graph_reference.py), which times the same computations in PyTorch eager. Built without RDKit
// (the GPU machine's LibTorch-only build) it benches the infection graphs alone.
//
//   bench_graphs [--device cpu] [--threads 0] [--molecules 1000] [--graphs 1000] [--methods sa,gbp,lrp,ig]
//                [--steps 64] [--seconds 2] [--models resources/models/graphs] [--export DIR]
#include "BenchCommon.h"

#if defined(PERISCOPE_BENCH_WITH_CHEM)
#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#endif
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/graphs/GraphExplanation.h"
#include "engine/graphs/GraphTraining.h"

#include <filesystem>
#include <fstream>

namespace {
using namespace periscope;
using namespace periscope::graphs;

GraphBatch batchOf(const std::vector<GraphData> &graphs, const torch::Device &device)
{
    std::vector<GraphBatch> parts;
    for (const GraphData &g : graphs)
        parts.push_back(GraphBatch::fromData(g));
    return GraphBatch::concatenate(parts).to(device);
}

void writePickle(const std::string &path, const c10::IValue &value)
{
    const std::vector<char> bytes = torch::pickle_save(value);
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

void exportFor(const std::string &dir, const std::string &name, const GraphBatch &batch, torch::nn::Module &model,
               const GraphModel &forward)
{
    c10::Dict<std::string, torch::Tensor> data;
    data.insert("node_features", batch.nodeFeatures.cpu());
    data.insert("edge_features", batch.edgeFeatures.cpu());
    data.insert("senders", batch.senders.cpu());
    data.insert("receivers", batch.receivers.cpu());
    data.insert("node_graph", batch.nodeGraph.cpu());
    data.insert("edge_graph", batch.edgeGraph.cpu());
    data.insert("num_graphs", torch::tensor(batch.numGraphs));
    {
        torch::NoGradGuard noGrad;
        data.insert("global_output", forward(batch).globals.detach().cpu()); // the reference checks it computes the same
    }
    writePickle(dir + "/" + name + "_batch.pt", data);
    c10::Dict<std::string, torch::Tensor> weights;
    for (const auto &[key, tensor] : stateDictOf(model))
        weights.insert(key, tensor.detach().cpu());
    writePickle(dir + "/" + name + "_weights.pt", weights);
}

void run(const std::string &data, const GraphModel &model, const GraphBatch &batch, const std::vector<std::string> &methods, int steps,
         double minSeconds, const torch::Device &device)
{
    GraphExplainOptions options;
    options.integrationSteps = steps;
    const GraphTarget target = GraphTarget::parse("global:all");
    for (const std::string &method : methods) {
        const GraphMethod m = parseGraphMethod(method);
        const double best = bench::secondsPerCall(device, [&] { explainGraph(model, batch, target, m, options); }, minSeconds, 20);
        std::printf("{\"bench\": \"graphs\", \"impl\": \"periscope\", \"data\": \"%s\", \"method\": \"%s\", \"graphs\": %lld, "
                    "\"device\": \"%s\", \"seconds\": %.6f, \"graphs_per_second\": %.1f%s}\n",
                    data.c_str(), method.c_str(), static_cast<long long>(batch.numGraphs), device.is_cuda() ? "cuda" : "cpu",
                    best, double(batch.numGraphs) / best,
                    m == GraphMethod::IntegratedGradients ? (", \"steps\": " + std::to_string(steps)).c_str() : "");
        std::fflush(stdout);
    }
}
} // namespace

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "cpu"}, {"threads", "0"}, {"molecules", "1000"}, {"graphs", "1000"},
                                                 {"methods", "sa,gbp,lrp,ig"}, {"steps", "64"}, {"seconds", "2"},
                                                 {"models", "resources/models/graphs"}, {"export", ""}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const std::string models = args.text("models"), exportDir = args.text("export");
        if (!exportDir.empty())
            std::filesystem::create_directories(exportDir);

#if defined(PERISCOPE_BENCH_WITH_CHEM)
        // Molecules: the built-in ESOL model (SolubilityGN, 3 layers, width 64, sum).
        const chem::MoleculeSet set = chem::readNciMolecules(chem::defaultNciPath(), std::size_t(args.integer("molecules")));
        std::vector<GraphData> molecules;
        for (const chem::Molecule &m : set.molecules)
            molecules.push_back(m.graph);
        const GraphBatch moleculeBatch = batchOf(molecules, device);
        SolubilityGN solubility(3, 64, true, Aggregation::Sum);
        applyStateDict(*solubility, loadStateDict(models + "/esol.safetensors"), true);
        solubility->eval();
        solubility->to(device);
        const GraphModel solubilityModel = [solubility](const GraphBatch &g) mutable { return solubility->forward(g); };
        if (!exportDir.empty())
            exportFor(exportDir, "molecules", moleculeBatch, *solubility, solubilityModel);
        run("molecules", solubilityModel, moleculeBatch, args.list("methods"),
            args.integer("steps"), args.number("seconds"), device);
#endif

        // Infection graphs (test-set parameters): the built-in InfectionGN, its global output.
        std::vector<GraphData> graphs;
        for (const GraphExample &e : generateInfectionExamples(args.integer("graphs"), 1, true))
            graphs.push_back(e.graph);
        const GraphBatch infectionBatch = batchOf(graphs, device);
        InfectionGN infection(Aggregation::Sum, true);
        applyStateDict(*infection, loadStateDict(models + "/infection.safetensors"), true);
        infection->eval();
        infection->to(device);
        const GraphModel infectionModel = [infection](const GraphBatch &g) mutable { return infection->forward(g); };
        if (!exportDir.empty())
            exportFor(exportDir, "infection", infectionBatch, *infection, infectionModel);
        run("infection", infectionModel, infectionBatch, args.list("methods"),
            args.integer("steps"), args.number("seconds"), device);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_graphs: %s\n", e.what());
        return 1;
    }
    return 0;
}
