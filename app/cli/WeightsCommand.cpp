// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli weights FILE: lists the tensors of any weights file the engine reads
// (safetensors, torch.save zip or legacy, TorchScript) as JSON.
#include "app/cli/CliCommands.h"

#include "engine/core/errors/Error.h"
#include "engine/core/weights/TensorInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {
int runWeights(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::printf("usage: periscope-cli weights FILE\n"
                    "Lists the tensors (name, dtype, shape, bytes) of a safetensors file, a torch.save\n"
                    "checkpoint or a TorchScript module as JSON. Nothing in the file is executed.\n");
        return 0;
    }
    if (arguments.size() != 1)
        return cliFail(2, QStringLiteral("weights: expected one FILE (try --help)"));
    periscope::WeightsSummary summary;
    try {
        summary = periscope::inspectWeights(arguments.first().toStdString());
    } catch (const periscope::Error &e) {
        return cliFail(1, QStringLiteral("weights: %1").arg(QString::fromUtf8(e.what())));
    }
    QJsonArray tensors;
    double totalBytes = 0;
    for (const periscope::TensorInfo &t : summary.tensors) {
        QJsonArray shape;
        for (const std::int64_t d : t.shape)
            shape.append(double(d));
        tensors.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(t.name)},
                                   {QStringLiteral("dtype"), QString::fromStdString(t.dtype)},
                                   {QStringLiteral("shape"), shape},
                                   {QStringLiteral("bytes"), double(t.bytes)}});
        totalBytes += double(t.bytes);
    }
    QJsonObject metadata;
    for (const auto &[key, value] : summary.metadata)
        metadata.insert(QString::fromStdString(key), QString::fromStdString(value));
    const QJsonObject out{{QStringLiteral("file"), arguments.first()},
                          {QStringLiteral("format"), QString::fromStdString(periscope::toString(summary.format))},
                          {QStringLiteral("tensorCount"), int(summary.tensors.size())},
                          {QStringLiteral("totalBytes"), totalBytes},
                          {QStringLiteral("metadata"), metadata},
                          {QStringLiteral("tensors"), tensors}};
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
} // namespace

CliCommand weightsCommand()
{
    return {QStringLiteral("weights"), QStringLiteral("list the tensors of a weights file as JSON"), false, runWeights};
}

} // namespace periscope::app
