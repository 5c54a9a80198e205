// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli explanation-metrics: scores video explanation heatmaps (ours or any other tool's)
// with the metrics of Baldassarre et al. (BMVC 2022), as docs/explanation-metrics.md defines them.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/core/io/MappedFile.h"
#include "engine/deepfake/ExplanationFiles.h"

#include <cstdio>

namespace periscope::app {

namespace {
CliOptions explanationMetricsOptions()
{
    CliOptions options(QStringLiteral("explanation-metrics"),
                       QStringLiteral("Scores explanation heatmaps of a video: spatial and temporal smoothness, sparsity (Gini),\n"
                                      "mass on the face box, and agreement with the manipulation mask (mass, ROC AUC, top-k IoU),\n"
                                      "per frame and as means with 95 % intervals (docs/explanation-metrics.md). The heatmaps are a\n"
                                      "safetensors file with \"heatmaps\" float [T, H, W] in full-frame pixels and optionally\n"
                                      "\"frames\" int64 [T], each heatmap's frame index in the video."));
    options.text(QStringLiteral("--heatmaps"), QStringLiteral("H.safetensors"), QStringLiteral("the heatmaps")).require();
    options.text(QStringLiteral("--masks"), QStringLiteral("M"),
                 QStringLiteral("manipulation masks: a safetensors file (\"masks\" [T, H, W]), a folder of mask images or a mask video"));
    options.text(QStringLiteral("--boxes"), QStringLiteral("B.json"),
                 QStringLiteral("face boxes: {\"frames\": [{\"index\": I, \"face_box\": [left, top, width, height]}, ...]}"));
    options.flag(QStringLiteral("--summary-only"), QStringLiteral("leave the per-frame values out of OUT.json"));
    options.text(QStringLiteral("--out"), QStringLiteral("OUT.json"), QStringLiteral("the metrics to write")).require().output();
    return options;
}

int runExplanationMetrics(const QStringList &arguments)
{
    CliOptions options = explanationMetricsOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    deepfake::ExplanationFiles files;
    files.heatmaps = options.value(QStringLiteral("--heatmaps")).toStdString();
    files.masks = options.value(QStringLiteral("--masks")).toStdString();
    files.boxes = options.value(QStringLiteral("--boxes")).toStdString();
    files.perFrame = !options.flagValue(QStringLiteral("--summary-only"));
    const std::string out = options.value(QStringLiteral("--out")).toStdString();
    try {
        json::Value metrics = deepfake::scoreExplanationFiles(files);
        const std::string text = metrics.dump(1) + "\n";
        writeFileAtomically(out, text.data(), text.size());
        // The summary on stdout: what a person running it wants to see.
        json::Value summary = json::Object{};
        for (const char *key : {"frames", "empty_frames", "metrics"})
            if (const json::Value *value = metrics.find(key))
                summary.set(key, *value);
        std::fputs((summary.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand explanationMetricsCommand()
{
    return {QStringLiteral("explanation-metrics"), QStringLiteral("score video explanation heatmaps (smoothness, sparsity, locality, mask agreement)"),
            false, runExplanationMetrics};
}

} // namespace periscope::app
