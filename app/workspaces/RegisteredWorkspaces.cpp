// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that lists Periscope's workspaces, in workspace-bar order (Ctrl+1, Ctrl+2, ...).
// Register only a workspace that really works.
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "app/workspaces/deepfake/DeepfakeWorkspace.h"
#include "app/workspaces/graphs/GraphsWorkspace.h"
#include "app/workspaces/openvocab/OpenVocabularyWorkspace.h"
#include "app/workspaces/relations/RelationsWorkspace.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "app/workspaces/welcome/WelcomeWorkspace.h"

namespace periscope::app {

WorkspaceRegistry WorkspaceRegistry::builtIn()
{
    WorkspaceRegistry registry;
    registry.add<WelcomeWorkspace>();
    registry.add<ColorizeWorkspace>();
    registry.add<GraphsWorkspace>();
    registry.add<SlotsWorkspace>();
    registry.add<DeepfakeWorkspace>();
    registry.add<RelationsWorkspace>();
    registry.add<OpenVocabularyWorkspace>();
    return registry;
}

} // namespace periscope::app
