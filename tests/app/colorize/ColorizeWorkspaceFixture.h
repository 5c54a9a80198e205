// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize workspace for its suites (tst_colorizeworkspace, tst_colorizeundo,
// tst_colorizeviews, tst_studydesigner): each case starts with a fresh workspace on its own jobs,
// its view shown at a given size, and ends with those jobs cancelled and waited for.
#pragma once

#include "app/shell/JobManager.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "tests/app/colorize/ColorizePhotos.h"

#include <QDir>
#include <QSize>

#include <memory>

namespace periscope::test {

struct ColorizeWorkspaceFixture {
    std::unique_ptr<app::JobManager> jobs;
    std::unique_ptr<app::ColorizeWorkspace> workspace;

    void start(QSize viewSize)
    {
        jobs = std::make_unique<app::JobManager>();
        app::WorkspaceContext context;
        context.jobs = jobs.get();
        workspace = std::make_unique<app::ColorizeWorkspace>(context);
        workspace->view()->resize(viewSize);
        workspace->view()->show();
    }

    void end()
    {
        jobs->cancelAll();
        jobs->waitForIdle(10000);
        workspace.reset();
        jobs.reset();
    }

    bool waitIdle() { return jobs->waitForIdle(120000); }

    // One 200 x 140 colour photo written to `folder`, opened and colorized; false when any step fails.
    bool openOneColourPhoto(const QString &folder)
    {
        const QString photo = QDir(folder).filePath(QStringLiteral("one.png"));
        QString error;
        return colourPhoto(200, 140, 1).save(photo) && workspace->openFile(photo, &error) && waitIdle() &&
               workspace->model()->photos().value(0).isColorized();
    }
    app::ColorizeView *view() const { return qobject_cast<app::ColorizeView *>(workspace->view()); }
};

} // namespace periscope::test
