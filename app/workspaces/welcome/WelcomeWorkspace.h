// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class WelcomeView;

// The first page: recent files and projects, every workspace's demos, the libraries in use.
// Its "model" is the shell's RecentFiles and the registered demo entries; it keeps no state of
// its own in a project.
class WelcomeWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "welcome";

    explicit WelcomeWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~WelcomeWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Welcome"); }
    QIcon icon() const override;
    QWidget *view() override;

private:
    QPointer<WelcomeView> m_view;
};

} // namespace periscope::app
