// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/WorkspaceRegistry.h"

namespace periscope::app {

std::vector<std::unique_ptr<Workspace>> WorkspaceRegistry::createAll(const WorkspaceContext &context) const
{
    std::vector<std::unique_ptr<Workspace>> workspaces;
    workspaces.reserve(m_factories.size());
    for (const Factory &factory : m_factories)
        workspaces.push_back(factory(context));
    return workspaces;
}

} // namespace periscope::app
