// SPDX-License-Identifier: GPL-3.0-or-later
// A .periscope project as the window reads it: the JSON, then every input and model path of
// every workspace resolved as for a project from elsewhere (confined to the project's folder).
#include "FuzzSupport.h"

#include "app/shell/ProjectFile.h"
#include "app/shell/ProjectPaths.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace periscope::app;
    Project project;
    QString error;
    if (!parseProject(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.periscope"), &project, &error)) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    const ProjectPaths paths(QStringLiteral("/tmp/periscope-fuzz-project/p.periscope"), false);
    QStringList refusals;
    for (const ProjectWorkspace &workspace : project.workspaces) {
        paths.resolve(workspace.files, &refusals);
        QString refusal;
        paths.resolveModel(workspace.state.value(QStringLiteral("model")).toString(), &refusal);
        for (const char *key : {"photos", "inputs"}) {
            QStringList stored;
            for (const QJsonValue &value : workspace.state.value(QLatin1String(key)).toArray())
                stored << value.toString();
            paths.resolve(stored, &refusals);
        }
    }
    (void)serializeProject(project);
    return 0;
}
