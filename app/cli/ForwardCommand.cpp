// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli forward: runs a registered architecture with a checkpoint in its original names
// on a tensor, and writes what the original network returns: for checking our networks against
// the originals' outputs, and for using them outside the workspaces.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/core/models/Architectures.h"
#include "engine/openvocab/OpenVocabForward.h"
#include "engine/relations/RelationsForward.h"

#include <cstdio>

namespace periscope::app {

namespace {
int runForwardCommand(const QStringList &arguments)
{
    QStringList names;
    for (const std::string &name : registeredArchitectures())
        names << QString::fromStdString(name);
    names << QStringLiteral("ws_vrd") << QStringLiteral("dinotxt_vision") << QStringLiteral("dinotxt_text");
    names.sort();
    CliOptions options(QStringLiteral("forward"),
                       QStringLiteral("Runs an architecture in evaluation mode on the CPU on the tensor \"input\" of a safetensors file\n"
                                      "and writes the tensor \"output\" (logits, as the original network computes them). The weights\n"
                                      "must fit the architecture exactly, by the original's names (torchvision's for these).\n"
                                      "ws_vrd (Baldassarre et al. 2020) reads the paper's batch fields instead: object_conv_features,\n"
                                      "object_linear_features, relation_linear_features, relation_indexes and batch, and writes\n"
                                      "predicate_scores; its layer sizes come from the weights, readout and pooling from the options.\n"
                                      "dinotxt_vision (Jose et al. 2025) runs a DINOv2 backbone (--weights) and the dino.txt vision head\n"
                                      "(--head-weights) on images whose sides are multiples of the patch, and writes cls, patch_tokens and\n"
                                      "image_embedding; dinotxt_text runs the text encoder on token ids (periscope-cli tokenize) and writes\n"
                                      "text_embedding."));
    options.choice(QStringLiteral("--arch"), names, QStringLiteral("the architecture")).require();
    options.choice(QStringLiteral("--readout"), {QStringLiteral("FC_AGG"), QStringLiteral("AGG_FC")}, QStringLiteral("ws_vrd: pool the edges, then the fcs (FC_AGG), or the reverse"))
        .byDefault(QStringLiteral("FC_AGG"));
    options.choice(QStringLiteral("--pooling"), {QStringLiteral("max"), QStringLiteral("mean"), QStringLiteral("add")}, QStringLiteral("ws_vrd: how the edges of an image are pooled"))
        .byDefault(QStringLiteral("max"));
    options.text(QStringLiteral("--weights"), QStringLiteral("W"), QStringLiteral("a checkpoint (safetensors, torch.save)")).require();
    options.text(QStringLiteral("--head-weights"), QStringLiteral("W"), QStringLiteral("dinotxt_vision: the dino.txt vision head (..._vision_head.pth)"));
    options.text(QStringLiteral("--input"), QStringLiteral("X.safetensors"), QStringLiteral("\"input\": images [N, 3, H, W], or clips [N, 3, T, H, W] for mvit_*, normalised as the original expects; for ws_vrd the batch fields; for dinotxt_text token ids [N, L]"))
        .require();
    options.text(QStringLiteral("--out"), QStringLiteral("Y.safetensors"), QStringLiteral("the output to write")).require().output();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    ForwardRequest request;
    request.architecture = options.value(QStringLiteral("--arch")).toStdString();
    request.weights = options.value(QStringLiteral("--weights")).toStdString();
    request.input = options.value(QStringLiteral("--input")).toStdString();
    request.output = options.value(QStringLiteral("--out")).toStdString();
    try {
        if (openvocab::isDinoTxtArchitecture(request.architecture))
            openvocab::runDinoTxtForward({request.architecture, request.weights, options.value(QStringLiteral("--head-weights")).toStdString(), request.input,
                                          request.output});
        else if (request.architecture == "ws_vrd")
            relations::runRelationsForward({request.weights, request.input, request.output, options.value(QStringLiteral("--readout")).toStdString(),
                                            options.value(QStringLiteral("--pooling")).toStdString()});
        else
            runForward(request);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    std::printf("%s -> %s\n", request.architecture.c_str(), request.output.c_str());
    return 0;
}
} // namespace

CliCommand forwardCommand()
{
    return {QStringLiteral("forward"), QStringLiteral("run a registered architecture on a tensor (checks against the original network)"), false,
            runForwardCommand};
}

} // namespace periscope::app
