// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli colorize: colorizes photos (files or folders, recursively) with a trained
// colorizer (eccv16, siggraph17, Deep Koalarization) at full resolution, writing PNGs.
#include "app/cli/CliCommands.h"
#include "app/shell/ImageInputs.h"
#include "app/workspaces/colorize/BuiltInColorizers.h"

#include "engine/colorize/ColorizationMetrics.h"
#include "engine/colorize/Colorizer.h"
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli colorize INPUT... [--model NAME|FILE] [--arch eccv16|siggraph17|koalarization]\n"
    "                             [--inception FILE] --out DIR\n"
    "Colorizes photos at full resolution: each is resized to the network's input, its ab predicted\n"
    "from L, upsampled and joined with the photo's own L. INPUT is an image or a folder (searched\n"
    "recursively for JPEG, PNG, TIFF, WebP, BMP); colour photos are colorized from their lightness.\n"
    "--model takes safetensors or torch.save weights (the authors' eccv16/siggraph17 .pth load as\n"
    "they are) or the built-in koalarization-opencv (the default); the architecture is recognised\n"
    "from the keys, else --arch names it. A Koalarization in the paper's layout needs --inception:\n"
    "Inception-ResNet-v2 weights in timm's names, its global features. Writes DIR/<name>.png (sub-folders kept), progress on\n"
    "stderr, a JSON summary on stdout: per photo, and for colour photos their PSNR, SSIM, mean\n"
    "CIEDE2000 and colourfulness against the original colours, beside the same figures for the gray\n"
    "photo itself (the baseline a colorizer must beat), with the means over them.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("colorize: ") + message);
}

int runColorize(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    QStringList inputs;
    QString model, arch, outDir, inception;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!argument.startsWith(QLatin1String("--"))) {
            inputs << argument;
            continue;
        }
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(argument));
        const QString value = arguments[++i];
        if (argument == QLatin1String("--model"))
            model = value;
        else if (argument == QLatin1String("--arch"))
            arch = value;
        else if (argument == QLatin1String("--out"))
            outDir = value;
        else if (argument == QLatin1String("--inception"))
            inception = value;
        else
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(argument));
    }
    if (inputs.isEmpty())
        return fail(QStringLiteral("give at least one image or folder"));
    if (outDir.isEmpty())
        return fail(QStringLiteral("--out DIR is required"));
    if (model.isEmpty())
        model = builtInColorizerName();
    if (!arch.isEmpty() && arch != QLatin1String("eccv16") && arch != QLatin1String("siggraph17") && arch != QLatin1String("koalarization"))
        return fail(QStringLiteral("--arch takes eccv16, siggraph17 or koalarization, not '%1'").arg(arch));

    // Inputs first, so a typo fails before the model loads.
    struct Job {
        QString input, output;
    };
    QList<Job> jobs;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir()) {
            for (const QString &path : imageFilesIn(info.absoluteFilePath())) {
                const QString relative = QDir(info.absoluteFilePath()).relativeFilePath(path);
                jobs.append({path, QDir(outDir).filePath(QFileInfo(relative).path() + QLatin1Char('/') + QFileInfo(relative).completeBaseName() +
                                                         QStringLiteral(".png"))});
            }
        } else if (info.isFile()) {
            jobs.append({info.absoluteFilePath(), QDir(outDir).filePath(info.completeBaseName() + QStringLiteral(".png"))});
        } else {
            return cliFail(1, QStringLiteral("colorize: %1 does not exist").arg(input));
        }
    }
    if (jobs.isEmpty())
        return cliFail(1, QStringLiteral("colorize: no images found in %1").arg(inputs.join(QStringLiteral(", "))));

    QString modelError;
    const QString modelPath = resolveColorizer(model, &modelError);
    if (modelPath.isEmpty())
        return cliFail(1, QStringLiteral("colorize: ") + modelError);
    try {
        const colorize::Colorizer colorizer = colorize::Colorizer::load(modelPath.toStdString(), arch.toStdString(), inception.toStdString());
        json::Array done, failed;
        // PSNR, SSIM, ΔE00, colourfulness, truth colourfulness; then PSNR, SSIM, ΔE00 of the gray photo
        double sums[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        int judged = 0;
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
                if (!file.isGrayscale) {
                    // The photo's own colours are the truth the result is judged against.
                    const colorize::ColorComparison c = colorize::compareColors(result, pixels);
                    const double truthColourfulness = colorize::colourfulness(pixels);
                    entry.set("psnr", std::isfinite(c.psnr) ? json::Value(c.psnr) : json::Value());
                    entry.set("ssim", c.ssim);
                    entry.set("mean_delta_e2000", c.meanDeltaE2000);
                    entry.set("truth_colourfulness", truthColourfulness);
                    // The reference every colorizer must beat: leaving the photo gray.
                    const colorize::ColorComparison gray = colorize::compareColors(colorize::grayVersion(pixels), pixels);
                    entry.set("gray_psnr", gray.psnr);
                    entry.set("gray_ssim", gray.ssim);
                    entry.set("gray_mean_delta_e2000", gray.meanDeltaE2000);
                    if (std::isfinite(c.psnr)) {
                        sums[0] += c.psnr;
                        sums[1] += c.ssim;
                        sums[2] += c.meanDeltaE2000;
                        sums[3] += colourfulness;
                        sums[4] += truthColourfulness;
                        sums[5] += gray.psnr;
                        sums[6] += gray.ssim;
                        sums[7] += gray.meanDeltaE2000;
                        ++judged;
                    }
                }
                done.emplace_back(std::move(entry));
                std::fprintf(stderr, "colorized %d/%d %s\n", i + 1, int(jobs.size()), qPrintable(job.input));
            } catch (const std::exception &e) {
                const std::string reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0).toStdString();
                failed.emplace_back(json::Object{{"input", job.input.toStdString()}, {"error", reason}});
                std::fprintf(stderr, "colorize: warning: %s: %s\n", qPrintable(job.input), reason.c_str());
            }
        }
        const bool anyDone = !done.empty();
        json::Value summary = json::Object{};
        summary.set("model", modelPath.toStdString());
        summary.set("architecture", colorizer.architecture());
        summary.set("input_size", colorizer.inputSize());
        if (!colorizer.globalFeatures().empty())
            summary.set("global_features", colorizer.globalFeatures());
        summary.set("images", json::Value(std::move(done)));
        if (judged > 0)
            summary.set("means", json::Object{{"photos", judged},
                                              {"psnr", sums[0] / judged},
                                              {"ssim", sums[1] / judged},
                                              {"mean_delta_e2000", sums[2] / judged},
                                              {"colourfulness", sums[3] / judged},
                                              {"truth_colourfulness", sums[4] / judged},
                                              {"gray_psnr", sums[5] / judged},
                                              {"gray_ssim", sums[6] / judged},
                                              {"gray_mean_delta_e2000", sums[7] / judged}});
        summary.set("failed", json::Value(std::move(failed)));
        std::fputs((summary.dump(1) + "\n").c_str(), stdout);
        if (!anyDone)
            return cliFail(1, QStringLiteral("colorize: no image could be colorized"));
    } catch (const std::exception &e) {
        return cliFail(QStringLiteral("colorize"), e);
    }
    return 0;
}
} // namespace

CliCommand colorizeCommand()
{
    return {QStringLiteral("colorize"), QStringLiteral("colorize photos at full resolution with eccv16, siggraph17 or Koalarization"),
            false, runColorize};
}

} // namespace periscope::app
