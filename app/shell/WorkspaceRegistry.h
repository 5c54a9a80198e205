// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <functional>
#include <memory>
#include <vector>

namespace periscope::app {

// The workspaces the main window shows, in workspace-bar order. Registering one is one line
// in app/workspaces/RegisteredWorkspaces.cpp:
//     registry.add<ColorizeWorkspace>();
// A workspace class declares its id as `static constexpr const char *kId`, so the command line
// can check `--workspace ID` before any window exists.
class WorkspaceRegistry {
public:
    using Factory = std::function<std::unique_ptr<Workspace>(const WorkspaceContext &)>;

    template <typename T>
    void add()
    {
        m_ids.append(QString::fromLatin1(T::kId));
        m_factories.push_back([](const WorkspaceContext &context) { return std::make_unique<T>(context); });
    }

    QStringList ids() const { return m_ids; }
    std::vector<std::unique_ptr<Workspace>> createAll(const WorkspaceContext &context) const;

    // The workspaces built into Periscope.
    static WorkspaceRegistry builtIn();

private:
    QStringList m_ids;
    std::vector<Factory> m_factories;
};

} // namespace periscope::app
