// SPDX-License-Identifier: GPL-3.0-or-later
// Does the small preset train? 400 generated scenes at 160 x 120 (seed 7: the first 400 of the
// built-in model's recipe, tools/train-slots-model.sh) rendered by the generator (VTK, so under
// the GL label), the small preset (64 px in 4 px patches, 30 epochs) trained on 360 of them, and
// its contrastive losses on the 40 held out.
//
// The thresholds come from five seeds of this very run (seed = split, order and initial weights;
// another CPU's last bits act like another seed), 2026-12-06:
//   seed               0      1      2      3      4
//   global loss      1.65   1.78   1.72   1.53   1.79   (chance log 63 = 4.14)
//   object loss     0.024  0.020  0.021  0.032  0.012   (chance log 21 = 3.04)
//   held-out loss    1.35   1.65   1.21   1.03   1.51   (6.38-6.52 after epoch 1)
//   held-out IoU    +.039  +.013  -.038  -.037  +.023   (trained minus untrained)
//   held-out FG-ARI +.055  -.012  -.112  +.101  +.051
// The losses fall far below chance in every seed; the masks' IoU and ARI on 40 scenes do not
// move one way, so no mask score is asserted here (it once was: +0.025 IoU, which seed 0 passes
// and seeds 2 and 3 fail). docs/benchmarks.md ("how far training goes") has why: this objective
// is met by slots that group objects by appearance. The masks' scoring itself is checked by hand
// in tst_slots, the built-in model's masks against shuffled weights in tst_slotscli.
// Slow (about 4 minutes on one core): labelled `slow`.
#include "engine/core/device/Device.h"
#include "engine/media/image/ImageFile.h"
#include "engine/scenes/SceneFolder.h"
#include "engine/scenes/SceneRenderer.h"
#include "engine/slots/SlotTraining.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace periscope;

class TestSlotLearning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smallPresetTrainsToHeldOutScenes();
};

void TestSlotLearning::smallPresetTrainsToHeldOutScenes()
{
    // One thread: on this 64 px model the second thread costs more than it gives (2.3x slower
    // steps on the 2-vCPU CI machine, docs/benchmarks.md), and the figures stay reproducible.
    setThreadCount(1);
    QTemporaryDir dir;
    scenes::SceneSettings sceneSettings;
    sceneSettings.width = 160;
    sceneSettings.height = 120;
    const std::string folder = dir.filePath(QStringLiteral("scenes")).toStdString();
    scenes::generateDataset(folder, 400, 7, sceneSettings);
    const scenes::SceneFolder scenes = scenes::readSceneFolder(folder);
    QVERIFY(scenes.hasMasks);
    std::vector<slot::SlotTrainingSample> samples;
    for (const scenes::SceneEntry &entry : scenes.scenes) {
        Image mask = media::readImage(entry.maskPath).pixels;
        Image ids(mask.width(), mask.height(), 1, PixelFormat::UInt8);
        for (int y = 0; y < mask.height(); ++y)
            for (int x = 0; x < mask.width(); ++x)
                ids.setSample(x, y, 0, mask.sample(x, y, 0));
        samples.push_back({media::readImage(entry.imagePath).pixels, ids});
    }
    slot::SlotTrainingSettings settings = slot::trainingPreset("small");
    settings.outPath = dir.filePath(QStringLiteral("slots.safetensors")).toStdString();
    const slot::SlotTrainingSummary summary = slot::trainSlots(samples, settings);
    const slot::SlotEpoch &last = summary.epochs.back();
    qInfo("untrained: IoU %.3f, FG-ARI %.3f; after %d epochs (%.0f s): IoU %.3f, FG-ARI %.3f", summary.initialIoU, summary.initialAri,
          int(summary.epochs.size()), summary.seconds, last.validationIoU, last.validationAri);
    // The objective is met, with margins of 1.4 and 10 times the worst seed's ...
    const double globalChance = std::log(2.0 * settings.batchSize - 1.0), objectChance = std::log(2.0 * 11 - 1.0);
    QVERIFY2(last.globalLoss < 0.6 * globalChance, qPrintable(QString::number(last.globalLoss)));
    QVERIFY2(last.objectLoss < 0.1 * objectChance, qPrintable(QString::number(last.objectLoss)));
    // ... and holds on scenes it never trained on (worst seed 1.65: a margin of 1.7).
    QVERIFY2(last.validationLoss < 0.4 * (globalChance + objectChance), qPrintable(QString::number(last.validationLoss)));
    QVERIFY2(last.validationLoss < 0.5 * summary.epochs.front().validationLoss, qPrintable(QString::number(last.validationLoss)));
    // The held-out masks were scored every epoch.
    for (const slot::SlotEpoch &epoch : summary.epochs)
        QVERIFY(epoch.validationIoU > 0.0 && epoch.validationIoU < 1.0 && epoch.validationAri > -1.0 && epoch.validationAri <= 1.0);
}

QTEST_GUILESS_MAIN(TestSlotLearning)
#include "tst_slotlearning.moc"
