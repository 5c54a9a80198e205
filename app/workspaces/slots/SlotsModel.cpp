// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsModel.h"

#include "app/shell/JobManager.h"
#include "app/models/BuiltInSlotModels.h"
#include "engine/core/errors/Error.h"
#include "engine/scenes/SceneRenderer.h"
#include "app/figures/ImageConversion.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace periscope::app {
namespace {
struct OpenedScenes {
    QList<SlotsScene> scenes;
    QStringList warnings;
};
} // namespace
} // namespace periscope::app
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::OpenedScenes>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::slot::SlotModel>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::SlotsDetail>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::SlotsEmbedding>)

namespace periscope::app {

namespace {

constexpr int kThumbnailSide = 96;
constexpr std::size_t kChunk = 16; // scenes per streamed batch

int countNonZero(const Image &mask)
{
    int count = 0;
    for (int y = 0; y < mask.height(); ++y) {
        const std::uint8_t *row = mask.row(y);
        for (int x = 0; x < mask.width(); ++x)
            count += row[x] != 0 ? 1 : 0;
    }
    return count;
}

// How many pixels of the arg-max partition (labels 1 + slot, 8-bit) each slot has.
// Each object id's bounding box in an 8-bit instance mask, in its pixels.
QHash<int, QRectF> objectBoxesOf(const Image &mask)
{
    QHash<int, QRect> boxes;
    for (int y = 0; y < mask.height(); ++y) {
        const std::uint8_t *row = mask.row(y);
        for (int x = 0; x < mask.width(); ++x)
            if (row[x] != 0)
                boxes[row[x]] |= QRect(x, y, 1, 1);
    }
    QHash<int, QRectF> out;
    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it)
        out.insert(it.key(), QRectF(it.value()));
    return out;
}

QImage thumbnailOf(const Image &image)
{
    const QImage q = toQImage(image);
    return q.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

struct AnalysedChunk {
    std::size_t begin = 0;
    std::vector<slot::SlotResult> results;
    std::vector<int> scored; // 1 when scores[i] holds a score
    std::vector<slot::SlotScore> scores;
    QStringList errors;      // per scene, empty when fine
};

} // namespace

SlotsModel::SlotsModel(JobManager *jobs, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_scan(jobs), m_modelLoad(jobs), m_analysis(jobs), m_detailLoad(jobs), m_embeddingRun(jobs),
      m_generating(jobs), m_training(jobs)
{
    qRegisterMetaType<periscope::slot::SlotEpoch>();
    for (const JobSlot *jobSlot : {&m_scan, &m_modelLoad, &m_analysis, &m_generating})
        connect(jobSlot, &JobSlot::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_training, &TrainingJob::epochEnded, this, [this](const QVariant &epoch) { Q_EMIT trainingEpoch(epoch.value<slot::SlotEpoch>()); });
    connect(&m_training, &TrainingJob::finished, this, &SlotsModel::trainingFinished);
    connect(&m_training, &TrainingJob::stopped, this, &SlotsModel::trainingStopped);
}

SlotsModel::~SlotsModel() = default;

JobManager *SlotsModel::jobs() const
{
    return m_jobs;
}

bool SlotsModel::hasMasks() const
{
    for (const SlotsScene &s : m_scenes)
        if (!s.entry.maskPath.isEmpty())
            return true;
    return false;
}

void SlotsModel::clear()
{
    cancel();
    ++m_generation;
    ++m_analysisGeneration;
    m_inputs.clear();
    m_warnings.clear();
    m_scenes.clear();
    m_selected = -1;
    m_detail = {};
    m_embedding = {};
    Q_EMIT scenesChanged();
    Q_EMIT detailReady();
    Q_EMIT embeddingReady();
}

void SlotsModel::open(const QStringList &inputs)
{
    if (inputs.isEmpty())
        return;
    clear();
    m_inputs = inputs;
    const quint64 generation = m_generation;
    m_scan.start(
        tr("Open %1").arg(QFileInfo(inputs.first()).fileName()),
        [inputs](const JobControl &control) {
            const SlotImageSet set = loadSlotImages(inputs, control, /*decode=*/false);
            QList<SlotsScene> scenes;
            for (std::size_t i = 0; i < set.images.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / double(set.images.size()), set.images[i].name.toStdString());
                SlotsScene scene;
                scene.entry = set.images[i];
                try {
                    SlotImage decoded = scene.entry;
                    decodeSlotImage(decoded);
                    scene.thumbnail = thumbnailOf(decoded.image);
                } catch (const std::exception &e) {
                    scene.error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
                }
                scenes << scene;
            }
            return QVariant::fromValue(std::shared_ptr<const OpenedScenes>(new OpenedScenes{scenes, set.warnings}));
        },
        [this, generation](const QVariant &result) {
            if (generation != m_generation)
                return;
            const auto opened = result.value<std::shared_ptr<const OpenedScenes>>();
            m_scenes = opened->scenes;
            m_warnings = opened->warnings;
            for (const QString &w : m_warnings)
                Q_EMIT problem(w);
            Q_EMIT scenesChanged();
            Q_EMIT message(tr("%n scene(s) opened", nullptr, int(m_scenes.size())));
            if (!m_scenes.isEmpty())
                select(0);
            analysePending();
        },
        [this](const QString &error) {
            Q_EMIT problem(error);
        });
}

void SlotsModel::setModel(const QString &nameOrPath, const slot::ArchOptions &options)
{
    QString error;
    const QString path = resolveSlotModel(nameOrPath, &error);
    if (path.isEmpty()) {
        Q_EMIT problem(error);
        return;
    }
    m_modelLoad.start(
        tr("Load slot model %1").arg(QFileInfo(path).fileName()),
        [path, options](const JobControl &) {
            return QVariant::fromValue(std::make_shared<const slot::SlotModel>(slot::SlotModel::load(path.toStdString(), options)));
        },
        [this, nameOrPath](const QVariant &result) {
            m_model = result.value<std::shared_ptr<const slot::SlotModel>>();
            m_modelName = nameOrPath;
            m_modelDescription = QString::fromStdString(m_model->describe());
            ++m_analysisGeneration;
            for (SlotsScene &s : m_scenes) {
                s.analysed = s.scored = false;
                s.result = {};
                s.score = {};
            }
            m_embedding = {};
            Q_EMIT modelChanged();
            Q_EMIT scenesChanged();
            Q_EMIT embeddingReady();
            Q_EMIT message(tr("Model: %1").arg(m_modelDescription));
            analysePending();
        },
        [this](const QString &error) {
            Q_EMIT problem(tr("The model could not be loaded: %1").arg(error));
        });
}

void SlotsModel::analysePending()
{
    if (m_model && !m_scenes.isEmpty() && !m_scan.isBusy() && !m_modelLoad.isBusy())
        analyse();
}

void SlotsModel::analyse()
{
    if (!m_model || m_scenes.isEmpty())
        return;
    QList<SlotImage> entries;
    for (const SlotsScene &s : m_scenes)
        entries << s.entry;
    const quint64 generation = m_analysisGeneration;
    const auto model = m_model;
    const bool last = m_lastIteration;
    QPointer<SlotsModel> self(this);
    m_analysis.start(
        tr("Find the slots of %n scene(s)", nullptr, int(entries.size())),
        [entries, model, last, self, generation](const JobControl &control) {
            const int size = model->inputSize();
            for (std::size_t begin = 0; begin < std::size_t(entries.size()); begin += kChunk) {
                control.throwIfCancelled();
                auto chunk = std::make_shared<AnalysedChunk>();
                chunk->begin = begin;
                std::vector<Image> images;
                std::vector<SlotImage> decoded;
                for (std::size_t i = begin; i < std::min(std::size_t(entries.size()), begin + kChunk); ++i) {
                    SlotImage image = entries[qsizetype(i)];
                    try {
                        decodeSlotImage(image);
                        chunk->errors << QString();
                    } catch (const std::exception &e) {
                        image.image = Image(size, size, 3, PixelFormat::UInt8); // a placeholder; the scene shows its error
                        chunk->errors << QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
                    }
                    images.push_back(image.image);
                    decoded.push_back(std::move(image));
                }
                chunk->results = model->run(images);
                for (std::size_t k = 0; k < decoded.size(); ++k) {
                    const bool scorable = !decoded[k].mask.isNull() && chunk->errors[qsizetype(k)].isEmpty();
                    chunk->scored.push_back(scorable ? 1 : 0);
                    chunk->scores.push_back(scorable ? slot::scoreSlots(slot::slotMasks(chunk->results[k], size, last),
                                                                        slot::centreSquare(decoded[k].mask, size, true))
                                                     : slot::SlotScore{});
                }
                postToReceiver(self, [chunk, generation](SlotsModel *m) {
                    if (generation != m->m_analysisGeneration)
                        return;
                    for (std::size_t k = 0; k < chunk->results.size(); ++k) {
                        const int index = int(chunk->begin + k);
                        if (index >= m->m_scenes.size())
                            break;
                        SlotsScene &s = m->m_scenes[index];
                        s.error = chunk->errors[qsizetype(k)];
                        s.analysed = s.error.isEmpty();
                        s.result = chunk->results[k];
                        s.scored = chunk->scored[k] != 0;
                        s.score = chunk->scores[k];
                        Q_EMIT m->sceneAnalysed(index);
                    }
                });
                control.reportProgress(double(std::min(std::size_t(entries.size()), begin + kChunk)) / double(entries.size()));
            }
            return QVariant();
        },
        [this, generation](const QVariant &) {
            if (generation != m_analysisGeneration)
                return;
            const slot::SlotScoreSummary s = summary();
            Q_EMIT message(s.images > 0 ? tr("Slots found; mean IoU %1, FG-ARI %2 over %3 scenes with masks")
                                              .arg(s.meanIoU, 0, 'f', 3)
                                              .arg(s.foregroundAri, 0, 'f', 3)
                                              .arg(s.images)
                                        : tr("Slots found"));
            Q_EMIT analysisFinished();
            if (m_selected >= 0)
                select(m_selected);
            computeEmbedding();
        },
        [this](const QString &error) {
            Q_EMIT problem(error);
        });
}

void SlotsModel::setLastIteration(bool last)
{
    if (last == m_lastIteration)
        return;
    m_lastIteration = last;
    ++m_analysisGeneration;
    analysePending();
}

void SlotsModel::computeEmbedding()
{
    std::vector<float> values;
    QList<SlotsEmbedding::Point> points;
    std::vector<slot::ProbeSample> probeSamples;
    int dim = 0, slotCount = 0;
    for (int i = 0; i < m_scenes.size(); ++i) {
        const SlotsScene &s = m_scenes[i];
        if (!s.analysed)
            continue;
        dim = s.result.dim;
        slotCount = s.result.slotCount;
        values.insert(values.end(), s.result.slotFeatures.begin(), s.result.slotFeatures.end());
        if (!s.entry.objects.empty()) {
            slot::ProbeSample sample;
            sample.slotFeatures = s.result.slotFeatures;
            for (const scenes::SceneObjectAttributes &o : s.entry.objects)
                sample.objects.push_back({o.size, o.color, o.material, o.shape});
            probeSamples.push_back(std::move(sample));
        }
        for (int k = 0; k < s.result.slotCount; ++k)
            points << SlotsEmbedding::Point{i, k, s.scored ? s.score.objectOfSlot[std::size_t(k)] : 0,
                                            s.scored ? s.score.iouOfSlot[std::size_t(k)] : 0.0};
    }
    if (points.size() < 3 || dim < 3)
        return;
    const quint64 generation = m_analysisGeneration;
    m_embeddingRun.start(
        tr("Project %n slot embedding(s)", nullptr, int(points.size())),
        [values, dim, points, probeSamples, slotCount](const JobControl &control) {
            auto e = std::make_shared<SlotsEmbedding>();
            e->points = points;
            e->plane = slot::principalComponents(values, dim, 2);
            e->volume = slot::principalComponents(values, dim, 3);
            control.throwIfCancelled();
            // The linear VQA probe needs scenes with their objects: a scene folder.
            if (probeSamples.size() >= 8) {
                e->probe = slot::trainVqaProbe(probeSamples, slotCount, dim);
                e->probed = true;
            }
            return QVariant::fromValue(std::shared_ptr<const SlotsEmbedding>(e));
        },
        [this, generation](const QVariant &result) {
            if (generation != m_analysisGeneration)
                return;
            m_embedding = *result.value<std::shared_ptr<const SlotsEmbedding>>();
            Q_EMIT embeddingReady();
        },
        [this](const QString &error) {
            Q_EMIT problem(error);
        });
}

void SlotsModel::cancel()
{
    for (JobSlot *jobSlot : {&m_scan, &m_analysis, &m_detailLoad, &m_embeddingRun, &m_generating})
        jobSlot->cancel();
}

void SlotsModel::select(int index)
{
    if (index < 0 || index >= m_scenes.size())
        return;
    m_selected = index;
    const SlotsScene scene = m_scenes[index];
    if (!scene.error.isEmpty()) {
        showUnreadable(index, scene.error);
        return;
    }
    const quint64 generation = m_analysisGeneration;
    const bool last = m_lastIteration;
    m_detailLoad.start(
        tr("Show %1").arg(scene.entry.name),
        [scene, index, last](const JobControl &) {
            auto detail = std::make_shared<SlotsDetail>();
            detail->index = index;
            detail->size = kDetailSize;
            detail->lastIteration = last;
            SlotImage decoded = scene.entry;
            decodeSlotImage(decoded);
            detail->square = toQImage(slot::centreSquare(decoded.image, kDetailSize, false)).convertToFormat(QImage::Format_RGB888);
            if (!decoded.mask.isNull())
                detail->truth = slot::centreSquare(decoded.mask, kDetailSize, true);
            if (!detail->truth.isNull())
                detail->objectBoxes = objectBoxesOf(detail->truth);
            if (scene.analysed) {
                detail->masks = slot::slotMasks(scene.result, kDetailSize, last);
                detail->figure = slotFigure(scene.entry.name, detail->square, detail->masks, scene.scored ? &scene.score : nullptr);
                for (const Image &binary : detail->masks.binary)
                    detail->maskPixels.push_back(countNonZero(binary));
                if (!detail->masks.labels.isNull())
                    detail->labelPixels = slot::labelAreas(detail->masks);
            }
            return QVariant::fromValue(std::shared_ptr<const SlotsDetail>(detail));
        },
        [this, generation, index](const QVariant &result) {
            if (generation != m_analysisGeneration || index != m_selected)
                return;
            m_detail = *result.value<std::shared_ptr<const SlotsDetail>>();
            Q_EMIT detailReady();
        },
        [this, index](const QString &error) {
            if (index == m_selected)
                showUnreadable(index, error);
            Q_EMIT problem(error);
        });
}

void SlotsModel::showUnreadable(int index, const QString &error)
{
    // The scene shown before must not stay on screen as if it were this one.
    m_detailLoad.cancel();
    m_detail = SlotsDetail{};
    m_detail.index = index;
    m_detail.error = error;
    Q_EMIT detailReady();
}

slot::SlotScoreSummary SlotsModel::summary() const
{
    std::vector<slot::SlotScore> scores;
    for (const SlotsScene &s : m_scenes)
        if (s.scored)
            scores.push_back(s.score);
    return slot::summarize(scores);
}

void SlotsModel::generateScenes(const QString &folder, int count, quint64 seed, QSize size)
{
    if (m_generating.isBusy())
        return;
    scenes::SceneSettings settings;
    settings.width = size.width();
    settings.height = size.height();
    m_generating.start(
        tr("Generate %n scene(s)", nullptr, count),
        [folder, count, seed, settings](const JobControl &control) {
            const scenes::DatasetSummary summary = scenes::generateDataset(folder.toStdString(), count, seed, settings, control);
            return QVariant(summary.scenes);
        },
        [this, folder](const QVariant &result) {
            Q_EMIT message(tr("%n scene(s) generated in %1", nullptr, result.toInt()).arg(folder));
            open({folder});
        },
        [this](const QString &error) {
            Q_EMIT problem(tr("The scenes could not be generated: %1").arg(error));
        });
}

void SlotsModel::startTraining(const slot::SlotTrainingSettings &settings)
{
    if (m_training.isRunning())
        return;
    QList<SlotImage> entries;
    for (const SlotsScene &s : m_scenes)
        if (s.error.isEmpty())
            entries << s.entry;
    if (entries.size() < 4) {
        Q_EMIT trainingStopped(tr("Training needs at least 4 images; open or generate scenes first."));
        return;
    }
    m_training.start(
        tr("Train slots on %n image(s)", nullptr, int(entries.size())), QString::fromStdString(settings.outPath),
        [entries, settings](const JobControl &control, const TrainingJob::EpochReporter &epochEnded) {
            std::vector<slot::SlotTrainingSample> samples;
            for (const SlotImage &entry : entries) {
                control.throwIfCancelled();
                SlotImage decoded = entry;
                decodeSlotImage(decoded);
                samples.push_back({decoded.image, decoded.mask});
            }
            const slot::SlotTrainingSummary summary = slot::trainSlots(
                samples, settings, control, [&epochEnded](const slot::SlotEpoch &epoch) { epochEnded(QVariant::fromValue(epoch)); });
            const slot::SlotEpoch last = summary.epochs.empty() ? slot::SlotEpoch{} : summary.epochs.back();
            QString text = tr("%1 epochs on %2 images, %3 s").arg(summary.epochs.size()).arg(summary.trainCount).arg(summary.seconds, 0, 'f', 0);
            if (last.validationIoU >= 0)
                text += tr("; validation IoU %1 (untrained %2), FG-ARI %3 (untrained %4)")
                            .arg(last.validationIoU, 0, 'f', 3)
                            .arg(summary.initialIoU, 0, 'f', 3)
                            .arg(last.validationAri, 0, 'f', 3)
                            .arg(summary.initialAri, 0, 'f', 3);
            return text;
        });
}

void SlotsModel::cancelTraining()
{
    m_training.cancel();
}

} // namespace periscope::app

