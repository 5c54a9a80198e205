// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli colorize: colorizes photos (files or folders, recursively) with a trained
// colorizer (eccv16, siggraph17, Deep Koalarization) at full resolution, writing PNGs.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/data/ImageInputs.h"
#include "app/figures/ColorizeFigure.h"
#include "app/figures/ImageConversion.h"
#include "app/models/BuiltInColorizers.h"

#include "engine/colorize/ColorizationMetrics.h"
#include "engine/colorize/Colorizer.h"
#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>

namespace periscope::app {

namespace {
CliOptions colorizeOptions()
{
    CliOptions options(
        QStringLiteral("colorize"),
        QStringLiteral(
            "Colorizes photos at full resolution: each is resized to the network's input, its ab predicted\n"
            "from L, upsampled and joined with the photo's own L. Colour photos are colorized from their\n"
            "lightness. --model takes safetensors or torch.save weights (the authors' eccv16/siggraph17 .pth\n"
            "load as they are) or a built-in model's name; the architecture is recognised from the keys, else\n"
            "--arch names it. A Koalarization in the paper's layout needs --inception: Inception-ResNet-v2\n"
            "weights in timm's names, its global features. Writes DIR/<name>.png (sub-folders kept), progress\n"
            "on stderr, a JSON summary on stdout: per photo, and for colour photos their PSNR, SSIM, mean\n"
            "CIEDE2000, colourfulness and mean chroma against the original colours, beside the same figures\n"
            "for the gray photo itself (the baseline a colorizer must beat), with the means over them.\n"
            "--temperature sets eccv16's annealed mean (Zhang et al.): 1 is the mean of the likely colours,\n"
            "lower moves towards each pixel's likeliest colour."));
    options.positionals(QStringLiteral("INPUT"), QStringLiteral("an image, or a folder searched recursively for JPEG, PNG, TIFF, WebP, BMP"), 1,
                        -1, QStringLiteral("give at least one image or folder"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--model"), QStringLiteral("NAME|FILE"), QStringLiteral("the colorizer"))
        .byDefault(builtInColorizerName());
    options.choice(QStringLiteral("--arch"), {QStringLiteral("eccv16"), QStringLiteral("siggraph17"), QStringLiteral("koalarization")},
                   QStringLiteral("the architecture, where the weights' keys do not say"));
    options.text(QStringLiteral("--inception"), QStringLiteral("FILE"), QStringLiteral("Inception-ResNet-v2 weights (timm's names)"));
    options.number(QStringLiteral("--temperature"), colorize::Colorizer::kMinTemperature, 1.0,
                   QStringLiteral("eccv16's annealed mean: 1 the mean colour, lower towards the likeliest (default: the weights' own, else 1)"));
    options.figure(QStringLiteral("a figure of the first photos (gray input, result with its metrics, truth), as the workbench exports it"));
    options.imageLimit();
    options.shardable();
    return options;
}

// The run's summary from its items, each {"ordinal", "image": {...}} or {"ordinal", "failed":
// {...}} in the run's order: one run and `merge` both print this, so the means are always taken
// over the photos themselves.
MergeOutcome colorizeSummary(const json::Value &context, const std::vector<json::Value> &items)
{
    json::Array done, failed;
    // PSNR, SSIM, ΔE00, colourfulness and chroma with the truth's; then PSNR, SSIM, ΔE00 of the gray photo
    static constexpr const char *kMeans[] = {"psnr",        "ssim",         "mean_delta_e2000", "colourfulness",
                                             "truth_colourfulness", "chroma", "truth_chroma", "gray_psnr",
                                             "gray_ssim",   "gray_mean_delta_e2000"};
    constexpr int kMeanCount = int(std::size(kMeans));
    double sums[kMeanCount] = {};
    int judged = 0;
    for (const json::Value &item : items) {
        if (const json::Value *failure = item.find("failed")) {
            failed.push_back(*failure);
            continue;
        }
        const json::Value &image = member(item, "image");
        // Photos with their own colours and a finite PSNR (a result equal to the truth has none).
        if (const json::Value *psnr = image.find("psnr"); psnr && psnr->isNumber()) {
            for (int k = 0; k < kMeanCount; ++k)
                sums[k] += member(image, kMeans[k]).asNumber();
            ++judged;
        }
        done.push_back(image);
    }
    MergeOutcome outcome;
    outcome.summary = context;
    outcome.summary.set("images", json::Value(std::move(done)));
    if (judged > 0) {
        json::Value means = json::Object{{"photos", judged}};
        for (int k = 0; k < kMeanCount; ++k)
            means.set(kMeans[k], sums[k] / judged);
        outcome.summary.set("means", std::move(means));
    }
    outcome.summary.set("failed", json::Value(std::move(failed)));
    if (outcome.summary.find("images")->asArray().empty())
        outcome.failure = QStringLiteral("no image could be colorized");
    return outcome;
}

int runColorize(const QStringList &arguments)
{
    CliOptions options = colorizeOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList inputs = options.positionalValues();
    const QString model = options.value(QStringLiteral("--model"));
    const QString arch = options.value(QStringLiteral("--arch"));
    const QString outDir = options.value(QStringLiteral("--out"));
    const QString inception = options.value(QStringLiteral("--inception"));
    const QString figurePath = options.value(QStringLiteral("--figure"));
    BatchRun run(options, arguments);
    if (run.isShard() && !figurePath.isEmpty())
        return options.usageError(QStringLiteral("--figure shows the run's first photos, which one shard may not have: draw it in a run without --shard"));

    // Inputs first, so a typo fails before the model loads.
    // Every shard lists every input, so that all number the photos alike (`ordinal`); the key
    // (the input's place and the photo's path under it) decides whose photo it is.
    struct Job {
        QString input, output;
        int ordinal = 0;
    };
    QList<Job> jobs;
    int total = 0;
    for (int argument = 0; argument < inputs.size(); ++argument) {
        const QFileInfo info(inputs[argument]);
        const QString input = inputs[argument];
        auto add = [&](const QString &path, const QString &output, const QString &relative) {
            const QString key = QStringLiteral("%1:%2").arg(argument).arg(relative);
            if (run.selection().ownsKey(key))
                jobs.append({path, output, total});
            ++total;
        };
        if (info.isDir()) {
            for (const QString &path : imageFilesIn(info.absoluteFilePath())) {
                const QString relative = QDir(info.absoluteFilePath()).relativeFilePath(path);
                add(path,
                    QDir::cleanPath(QDir(outDir).filePath(QFileInfo(relative).path() + QLatin1Char('/') + QFileInfo(relative).completeBaseName() +
                                                          QStringLiteral(".png"))),
                    relative);
            }
        } else if (info.isFile()) {
            add(info.absoluteFilePath(), QDir(outDir).filePath(info.completeBaseName() + QStringLiteral(".png")), info.fileName());
        } else if (info.exists()) {
            return options.failure(QStringLiteral("%1 is not a regular file or folder (a FIFO, socket or device)").arg(input));
        } else {
            return options.failure(QStringLiteral("%1 does not exist").arg(input));
        }
    }
    if (total == 0)
        return options.failure(QStringLiteral("no images found in %1").arg(inputs.join(QStringLiteral(", "))));
    // An output that is one of the inputs (`colorize DIR --out DIR` with PNG photos, or any link
    // to one) would replace the original photo: refused before anything is written. Compared by
    // device and inode, so no spelling of the path slips through.
    {
        std::map<FileIdentity, QString> originals;
        for (const Job &job : jobs)
            if (const std::optional<FileIdentity> id = fileIdentity(job.input.toStdString()))
                originals.emplace(*id, job.input);
        for (const Job &job : jobs)
            if (const std::optional<FileIdentity> id = fileIdentity(job.output.toStdString()); id && originals.count(*id))
                return options.failure(QStringLiteral("the output %1 is the input %2: choose another --out folder (nothing was written)")
                                           .arg(job.output, originals.at(*id)));
    }

    QString modelError;
    const QString modelPath = resolveColorizer(model, &modelError);
    if (modelPath.isEmpty())
        return options.failure(modelError);
    try {
        colorize::Colorizer colorizer = colorize::Colorizer::load(modelPath.toStdString(), arch.toStdString(), inception.toStdString());
        if (options.isSet(QStringLiteral("--temperature"))) {
            if (!colorizer.hasTemperature())
                return options.failure(QStringLiteral("--temperature sets how a network that classifies colours decodes them (eccv16); %1 "
                                                      "predicts colours directly")
                                           .arg(QString::fromStdString(colorizer.architecture())));
            colorizer.setTemperature(options.numberValue(QStringLiteral("--temperature")));
        }
        QList<ColorizeFigureRow> figureRows;
        for (int i = 0; i < jobs.size(); ++i) {
            const Job &job = jobs[i];
            try {
                const media::ImageFile file = media::readImage(job.input.toStdString());
                Image pixels = file.pixels;
                if (file.hasAlpha)
                    throw Error("images with transparency are not colorized (drop the alpha channel first)");
                const Image result = colorizer.colorize(pixels);
                if (!QDir().mkpath(QFileInfo(job.output).absolutePath()))
                    throw Error("cannot create " + QFileInfo(job.output).absolutePath().toStdString());
                media::writeImage(job.output.toStdString(), result);
                json::Value entry = json::Object{{"input", job.input.toStdString()},
                                                 {"output", job.output.toStdString()},
                                                 {"width", result.width()},
                                                 {"height", result.height()},
                                                 {"was_gray", file.isGrayscale}};
                const double colourfulness = colorize::colourfulness(result);
                entry.set("colourfulness", colourfulness);
                ColorizeFigureRow row; // for --figure
                row.name = QFileInfo(job.input).fileName();
                row.hasTruth = !file.isGrayscale;
                row.colourfulness = colourfulness;
                if (!file.isGrayscale) {
                    // The photo's own colours are the truth the result is judged against.
                    const colorize::ColorComparison c = colorize::compareColors(result, pixels);
                    const double truthColourfulness = colorize::colourfulness(pixels);
                    row.psnr = c.psnr;
                    row.ssim = c.ssim;
                    row.meanDeltaE = c.meanDeltaE2000;
                    row.truthColourfulness = truthColourfulness;
                    entry.set("psnr", std::isfinite(c.psnr) ? json::Value(c.psnr) : json::Value());
                    entry.set("ssim", c.ssim);
                    entry.set("mean_delta_e2000", c.meanDeltaE2000);
                    entry.set("truth_colourfulness", truthColourfulness);
                    entry.set("chroma", c.resultChroma);
                    entry.set("truth_chroma", c.truthChroma);
                    // The reference every colorizer must beat: leaving the photo gray.
                    const colorize::ColorComparison gray = colorize::compareColors(colorize::grayVersion(pixels), pixels);
                    entry.set("gray_psnr", gray.psnr);
                    entry.set("gray_ssim", gray.ssim);
                    entry.set("gray_mean_delta_e2000", gray.meanDeltaE2000);
                } else {
                    entry.set("chroma", colorize::meanChroma(result));
                }
                if (!figurePath.isEmpty() && figureRows.size() < kColorizeFigureRows) {
                    row.gray = previewOf(toQImage(colorize::grayVersion(pixels)));
                    row.result = previewOf(toQImage(result));
                    if (row.hasTruth)
                        row.truth = previewOf(toQImage(pixels));
                    figureRows.append(row);
                }
                run.add(job.ordinal, json::Object{{"image", std::move(entry)}});
                std::fprintf(stderr, "colorized %d/%d %s\n", i + 1, int(jobs.size()), qPrintable(job.input));
            } catch (const std::exception &e) {
                const std::string reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0).toStdString();
                run.add(job.ordinal, json::Object{{"failed", json::Object{{"input", job.input.toStdString()}, {"error", reason}}}});
                options.warn(QStringLiteral("%1: %2").arg(job.input, QString::fromStdString(reason)));
            }
        }
        json::Value context = json::Object{};
        context.set("model", modelPath.toStdString());
        context.set("architecture", colorizer.architecture());
        context.set("input_size", colorizer.inputSize());
        if (colorizer.hasTemperature())
            context.set("temperature", colorizer.temperature());
        if (!colorizer.globalFeatures().empty())
            context.set("global_features", colorizer.globalFeatures());
        if (run.isShard())
            return run.finishShard(outDir, total, context);
        MergeOutcome outcome = colorizeSummary(context, run.items());
        json::Value &summary = outcome.summary;
        if (!figurePath.isEmpty() && !figureRows.isEmpty()) {
            const std::vector<std::unique_ptr<FigurePanel>> owned = colorizeGridPanels(figureRows);
            FigureOptions figure;
            ColorizeRunMeans runMeans;
            if (const json::Value *means = summary.find("means")) {
                runMeans.photos = int(member(*means, "photos").asNumber());
                runMeans.psnr = member(*means, "psnr").asNumber();
                runMeans.grayPsnr = member(*means, "gray_psnr").asNumber();
                runMeans.chroma = member(*means, "chroma").asNumber();
                runMeans.truthChroma = member(*means, "truth_chroma").asNumber();
            }
            figure.caption = colorizeFigureCaption(describeColorizer(model, QString::fromStdString(colorizer.architecture()),
                                                                     colorizer.widthDivisor(), QString::fromStdString(colorizer.globalFeatures())),
                                                   colorizer.hasTemperature() ? colorizer.temperature() : std::nan(""), runMeans);
            QString error;
            if (!exportFigure(panelList(owned), 3, figure, figurePath, &error))
                throw Error(error.toStdString());
            summary.set("figure", figurePath.toStdString());
        }
        std::fputs((summary.dump(1) + "\n").c_str(), stdout);
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand colorizeCommand()
{
    return {QStringLiteral("colorize"), QStringLiteral("colorize photos at full resolution with eccv16, siggraph17 or Koalarization"),
            true, // --figure draws text: a GUI application (offscreen)
            runColorize, colorizeOptions, [](const MergedRun &run) { return colorizeSummary(run.context, run.items); }};
}

} // namespace periscope::app
