// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake workspace suites share: 24 frames of opencv-doc's Megamind.avi re-encoded into
// a test folder, a one-logit EfficientNet-B0 with random weights (the workspace is checked, not a
// detector), and a workspace with its own job manager and an empty explanation cache per case.
#pragma once

#include <torch/torch.h>

#include "app/shell/JobManager.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeWorkspace.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"
#include "tests/engine/deepfake/RandomDetector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace periscope::app::testing {

const QString kMegamind = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
constexpr int kFrames = 24;

class DeepfakeWorkspaceFixture {
public:
    // False where opencv-doc's footage is not installed (the suite skips).
    bool setUp()
    {
        if (!QFile::exists(kMegamind) || !m_dir.isValid())
            return false;
        clip = m_dir.filePath(QStringLiteral("megamind-24.mp4"));
        const auto reader = media::VideoReader::open(kMegamind.toStdString());
        const auto writer = media::VideoWriter::create(clip.toStdString(), reader->quickInfo().width, reader->quickInfo().height);
        media::VideoFrame frame;
        for (int i = 0; i < kFrames && reader->readNext(frame); ++i)
            writer->write(frame.rgb);
        writer->finish();
        weights = m_dir.filePath(QStringLiteral("detector.safetensors"));
        writeSafetensors(weights.toStdString(), stateDictOf(*deepfake::testing::randomDetectorNetwork(5)));
        return true;
    }

    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<DeepfakeWorkspace> makeWorkspace()
    {
        WorkspaceContext context;
        context.jobs = jobs.get();
        auto made = std::make_unique<DeepfakeWorkspace>(context);
        made->model()->setCacheRoot(cache);
        made->view()->resize(1280, 800);
        made->view()->show();
        return made;
    }

    // Each case starts with nothing cached and its own jobs.
    void startCase()
    {
        static int run = 0;
        cache = m_dir.filePath(QStringLiteral("cache-%1").arg(++run));
        jobs = std::make_unique<JobManager>();
        workspace = makeWorkspace();
    }

    void endCase()
    {
        jobs->cancelAll();
        jobs->waitForIdle(20000);
        workspace.reset();
        jobs.reset();
    }

    bool waitIdle() { return jobs->waitForIdle(180000); }

    QString clip, weights, cache;
    std::unique_ptr<JobManager> jobs;
    std::unique_ptr<DeepfakeWorkspace> workspace;

private:
    QTemporaryDir m_dir;
};

} // namespace periscope::app::testing
