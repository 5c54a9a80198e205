// SPDX-License-Identifier: GPL-3.0-or-later
// OpenVocabularyModel's training: a small dino.txt on the open scene folder, as a TrainingJob.
#include "app/workspaces/openvocab/OpenVocabularyModel.h"

namespace periscope::app {

int OpenVocabularyModel::trainableScenes() const
{
    int count = 0;
    for (const OpenVocabImage &image : m_images)
        count += image.error.isEmpty() && !image.entry.objects.empty();
    return count;
}

void OpenVocabularyModel::startTraining(const openvocab::OpenVocabTrainingSettings &settings)
{
    if (m_training.isRunning())
        return;
    if (trainableScenes() < 2) {
        Q_EMIT trainingStopped(tr("Training needs a scene folder (Slots' generator or CLEVR): its objects' colours, materials, shapes "
                                  "and sizes make the captions. Open one first."));
        return;
    }
    QList<SlotImage> entries;
    for (const OpenVocabImage &image : m_images)
        if (image.error.isEmpty() && !image.entry.objects.empty())
            entries << image.entry;
    m_training.start(
        tr("Train a small dino.txt on %n scene(s)", nullptr, int(entries.size())), QString::fromStdString(settings.outPath),
        [entries, settings](const JobControl &control, const TrainingJob::EpochReporter &epochEnded) {
            std::vector<openvocab::OpenVocabTrainingSample> samples;
            for (qsizetype i = 0; i < entries.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(0.0, entries[i].name.toStdString());
                SlotImage image = entries[i];
                decodeSlotImage(image);
                samples.push_back({image.image, image.mask, image.objects});
            }
            const openvocab::OpenVocabTrainingSummary summary = openvocab::trainOpenVocab(
                samples, settings, control, [&epochEnded](const openvocab::OpenVocabEpoch &epoch) { epochEnded(QVariant::fromValue(epoch)); });
            const openvocab::OpenVocabEpoch last = summary.epochs.empty() ? openvocab::OpenVocabEpoch{} : summary.epochs.back();
            QString text = tr("%1 epochs on %2 scenes, %3 s; held-out caption accuracy %4")
                               .arg(summary.epochs.size())
                               .arg(summary.trainCount)
                               .arg(summary.seconds, 0, 'f', 0)
                               .arg(last.validationAccuracy, 0, 'f', 3);
            if (last.validationMiou >= 0)
                text += tr(", prompt mIoU %1 at background %2").arg(last.validationMiou, 0, 'f', 3).arg(last.background, 0, 'f', 2);
            return text;
        });
}

void OpenVocabularyModel::cancelTraining()
{
    m_training.cancel();
}

} // namespace periscope::app
