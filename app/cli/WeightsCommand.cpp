// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli weights FILE: lists the tensors of any weights file the engine reads
// (safetensors, torch.save zip or legacy, TorchScript) as JSON.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

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
    CliOptions options(QStringLiteral("weights"),
                       QStringLiteral("Lists the tensors (name, dtype, shape, bytes) of a safetensors file, a torch.save checkpoint or a "
                                      "TorchScript module as JSON. Nothing in the file is executed."));
    options.positionals(QStringLiteral("FILE"), QStringLiteral("the weights file"), 1, 1);
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString file = options.positionalValues().first();
    periscope::WeightsSummary summary;
    try {
        summary = periscope::inspectWeights(file.toStdString());
    } catch (const std::exception &e) {
        return options.failure(e);
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
    const QJsonObject out{{QStringLiteral("file"), file},
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
