// SPDX-License-Identifier: GPL-3.0-or-later
// What the Open-vocabulary workspace suites share: the demo's scene folder and the built-in small
// dino.txt (the suites skip without them), a workspace with its own job manager per case, and
// small helpers for colours and prompts.
#pragma once

#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/shell/ComputeState.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/openvocab/OpenVocabularyModel.h"
#include "app/workspaces/openvocab/OpenVocabularyTrainingPanel.h"
#include "app/workspaces/openvocab/OpenVocabularyView.h"
#include "app/workspaces/openvocab/OpenVocabularyWorkspace.h"
#include "app/workspaces/slots/SlotsWorkspace.h"
#include "tests/app/cli/CliRun.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/tiles/MapTile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

namespace periscope::app::testing {

inline bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance && std::abs(a.blue() - b.blue()) <= tolerance;
}

inline int promptIndex(const OpenVocabularyModel *model, const QString &text)
{
    return int(model->promptTexts().indexOf(text));
}

// A case's workspace: made in startCase(), shown at 1280 x 720, gone after endCase().
class OpenVocabWorkspaceFixture {
public:
    // False where the demo scenes or the built-in model are not in this tree (the suite skips).
    bool setUp()
    {
        m_demo = slotsDemoFolder();
        QString error;
        return !m_demo.isEmpty() && !resolveOpenVocabModel(builtInOpenVocabModelName(), &error).isEmpty();
    }

    void startCase()
    {
        m_jobs = std::make_unique<JobManager>();
        WorkspaceContext context;
        context.jobs = m_jobs.get();
        m_workspace = std::make_unique<OpenVocabularyWorkspace>(context);
        m_workspace->view()->resize(1280, 720);
        m_workspace->view()->show();
    }

    void endCase()
    {
        m_jobs->cancelAll();
        m_jobs->waitForIdle(10000);
        m_workspace.reset();
        m_jobs.reset();
    }

    bool waitIdle() { return m_jobs->waitForIdle(180000); }

    void openDemo()
    {
        QString error;
        QVERIFY2(m_workspace->openDemo(QStringLiteral("scenes"), &error), qPrintable(error));
        QVERIFY(waitIdle());
    }

    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<OpenVocabularyWorkspace> m_workspace;
};

} // namespace periscope::app::testing
