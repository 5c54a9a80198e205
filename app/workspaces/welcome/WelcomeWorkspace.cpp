// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/welcome/WelcomeWorkspace.h"

#include "app/workspaces/welcome/WelcomeView.h"

namespace periscope::app {

WelcomeWorkspace::WelcomeWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent)
{
}

WelcomeWorkspace::~WelcomeWorkspace()
{
    delete m_view.data();
}

QIcon WelcomeWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/welcome.svg"));
}

QWidget *WelcomeWorkspace::view()
{
    if (!m_view)
        m_view = new WelcomeView(context());
    return m_view;
}

} // namespace periscope::app
