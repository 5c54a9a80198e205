// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/relations/RelationsModel.h"

#include "app/data/RelationInputs.h"
#include "app/figures/ImageConversion.h"
#include "app/models/BuiltInRelationModels.h"

#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "engine/relations/RelationPrior.h"

#include <QFileInfo>

#include <mutex>

namespace periscope::app {

// The loaded network and a lock: a superseded analysis may still be finishing its image while the
// next one starts, and the two must not run the network at once.
struct RelationsModel::LoadedModel {
    std::unique_ptr<relations::RelationModel> network;
    std::mutex lock;
};

namespace {

struct ReadInputs {
    std::shared_ptr<const relations::RelationDataset> dataset;
    QStringList warnings;
};

struct AnalysedImage {
    int index = 0;
    relations::ImageRelationResult result;
};

} // namespace

relations::ExplainerOptions defaultRelationsOptions()
{
    relations::ExplainerOptions options;
    options.explainLogits = true;
    return options;
}

RelationsModel::RelationsModel(JobManager *jobs, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_options(defaultRelationsOptions()), m_scan(jobs), m_modelLoad(jobs), m_analysis(jobs), m_single(jobs),
      m_detailLoad(jobs), m_priorCount(jobs), m_training(jobs)
{
    connect(&m_training, &TrainingJob::epochEnded, this,
            [this](const QVariant &epoch) { Q_EMIT trainingEpoch(epoch.value<relations::RelationEpoch>()); });
    connect(&m_training, &TrainingJob::finished, this, &RelationsModel::trainingFinished);
    connect(&m_training, &TrainingJob::stopped, this, &RelationsModel::trainingStopped);
    for (JobSlot *slot : {&m_scan, &m_modelLoad, &m_analysis, &m_single, &m_detailLoad, &m_priorCount})
        connect(slot, &JobSlot::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
}

RelationsModel::~RelationsModel() = default;

JobManager *RelationsModel::jobs() const
{
    return m_jobs;
}

QString RelationsModel::datasetKind() const
{
    return m_dataset ? QString::fromStdString(m_dataset->kind) : QString();
}

const std::vector<std::string> &RelationsModel::objectClasses() const
{
    static const std::vector<std::string> none;
    return m_model ? m_info.objectClasses : m_dataset ? m_dataset->objectClasses : none;
}

const std::vector<std::string> &RelationsModel::predicateClasses() const
{
    static const std::vector<std::string> none;
    return m_model ? m_info.predicateClasses : m_dataset ? m_dataset->predicateClasses : none;
}

void RelationsModel::open(const QStringList &inputs, const QString &split, int select)
{
    m_selectAfterRead = select;
    m_inputs.clear();
    for (const QString &input : inputs)
        m_inputs << QFileInfo(input).absoluteFilePath();
    m_split = split.isEmpty() ? QStringLiteral("test") : split;
    m_selected = -1;
    m_pixels = QImage();
    readInputs();
}

void RelationsModel::clear()
{
    m_scan.cancel();
    m_analysis.cancel();
    m_single.cancel();
    ++m_analysisGeneration;
    m_inputs.clear();
    m_dataset.reset();
    m_images.clear();
    m_drawn.clear();
    m_summary = {};
    m_selected = -1;
    m_pixels = QImage();
    m_note.clear();
    Q_EMIT imagesChanged();
    Q_EMIT summaryChanged();
    Q_EMIT selectionChanged();
}

void RelationsModel::readInputs()
{
    if (m_inputs.isEmpty())
        return;
    const QStringList inputs = m_inputs;
    const QString split = m_split;
    const RelationBoxSource source = m_boxSource;
    const relations::RelationModelInfo info = m_info;
    m_scan.start(
        tr("Read %1").arg(QFileInfo(inputs.front()).fileName()),
        [inputs, split, source, info](const JobControl &control) {
            ReadInputs read;
            auto dataset = std::make_shared<relations::RelationDataset>(relationInputDataset(inputs, split, info, control));
            if (!dataset->note.empty())
                read.warnings << QString::fromStdString(dataset->note);
            if (!source.detections.isEmpty()) {
                const relations::DetectionReport report = relations::readDetections(source.detections.toStdString(), *dataset, source.minScore);
                if (report.unknownImages > 0 || report.unknownCategories > 0)
                    read.warnings << tr("%1 detections name an image that is not open, %2 a class the data does not have")
                                         .arg(report.unknownImages)
                                         .arg(report.unknownCategories);
            }
            read.dataset = dataset;
            return QVariant::fromValue(std::make_shared<ReadInputs>(std::move(read)));
        },
        [this](const QVariant &result) {
            const auto read = result.value<std::shared_ptr<ReadInputs>>();
            m_dataset = read->dataset;
            m_note = read->warnings.join(QStringLiteral("; "));
            rebuildImages();
            Q_EMIT message(tr("%n image(s) open (%1)", nullptr, int(m_images.size())).arg(datasetKind()));
            if (!m_note.isEmpty())
                Q_EMIT problem(m_note);
            if (!m_images.isEmpty())
                select(m_selectAfterRead >= 0 && m_selectAfterRead < m_images.size() ? m_selectAfterRead : 0);
            analyse();
        },
        [this](const QString &error) {
            m_dataset.reset();
            rebuildImages();
            Q_EMIT problem(tr("Cannot open %1: %2").arg(m_inputs.join(QStringLiteral(", ")), error));
        });
}

void RelationsModel::rebuildImages()
{
    ++m_analysisGeneration;
    m_analysis.cancel();
    m_single.cancel();
    QList<RelationsImage> images;
    if (m_dataset) {
        relations::RelationDataset aligned = *m_dataset;
        if (m_model) {
            const std::string note = relations::alignToModel(aligned, m_info);
            if (!note.empty() && !m_note.contains(QString::fromStdString(note)))
                m_note += (m_note.isEmpty() ? QString() : QStringLiteral("; ")) + QString::fromStdString(note);
        }
        for (relations::RelationImage &image : aligned.images) {
            RelationsImage entry;
            const auto drawn = m_drawn.constFind(QString::fromStdString(image.imagePath));
            if (drawn != m_drawn.cend()) {
                image.objects = *drawn;
                entry.handDrawn = true;
            }
            entry.image = std::move(image);
            images << std::move(entry);
        }
    }
    m_images = std::move(images);
    m_summary = {};
    if (m_selected >= m_images.size())
        m_selected = m_images.isEmpty() ? -1 : 0;
    Q_EMIT imagesChanged();
    Q_EMIT summaryChanged();
}

void RelationsModel::setBoxSource(const RelationBoxSource &source)
{
    if (source == m_boxSource)
        return;
    m_boxSource = source;
    readInputs();
}

void RelationsModel::setModel(const QString &nameOrPath)
{
    QString error;
    const QString weights = resolveRelationModel(nameOrPath, &error);
    if (weights.isEmpty()) {
        Q_EMIT problem(error);
        return;
    }
    m_modelLoad.start(
        tr("Load the relations model %1").arg(QFileInfo(weights).completeBaseName()),
        [weights](const JobControl &) {
            auto loaded = std::make_shared<LoadedModel>();
            loaded->network = relations::RelationModel::load(weights.toStdString());
            return QVariant::fromValue(loaded);
        },
        [this, nameOrPath](const QVariant &result) {
            m_model = result.value<std::shared_ptr<LoadedModel>>();
            m_info = m_model->network->info();
            m_modelName = nameOrPath;
            m_options.prior.reset(); // counted in the previous model's classes
            Q_EMIT modelChanged();
            rebuildImages();
            if (!m_priorFolder.isEmpty())
                setPrior(m_priorKind, m_priorFolder); // analyses once counted
            else
                analyse();
        },
        [this, weights](const QString &error) {
            Q_EMIT problem(tr("The relations model %1 could not be loaded: %2").arg(QFileInfo(weights).fileName(), error));
        });
}

void RelationsModel::setOptions(const relations::ExplainerOptions &options)
{
    m_options = options;
    ++m_analysisGeneration;
    for (RelationsImage &image : m_images)
        image.analysed = false;
    analyse();
}

void RelationsModel::setPrior(const QString &kind, const QString &folder)
{
    if (folder.isEmpty() || kind.isEmpty()) {
        m_priorCount.cancel();
        m_priorKind.clear();
        m_priorFolder.clear();
        relations::ExplainerOptions options = m_options;
        options.prior.reset();
        setOptions(options);
        return;
    }
    // Counted in the model's classes: now, or once the model has loaded (and again for another model).
    m_priorKind = kind;
    m_priorFolder = folder;
    if (!m_model)
        return;
    const relations::RelationModelInfo info = m_info;
    m_priorCount.start(
        tr("Count the triplets of %1").arg(QFileInfo(folder).fileName()),
        [kind, folder, info](const JobControl &control) {
            relations::RelationDataset data = relations::readRelationDataset(folder.toStdString(), "train", control);
            relations::alignToModel(data, info);
            return QVariant::fromValue(
                std::make_shared<const relations::TripletPrior>(relations::countTripletPrior(data, relations::parsePriorKind(kind.toStdString()))));
        },
        [this, kind, folder](const QVariant &result) {
            relations::ExplainerOptions options = m_options;
            options.prior = result.value<std::shared_ptr<const relations::TripletPrior>>();
            Q_EMIT message(tr("The prior %1 counts %n true triplet(s) of %2", nullptr, options.prior->triplets).arg(kind, QFileInfo(folder).fileName()));
            setOptions(options);
            Q_EMIT priorChanged();
        },
        [this, folder](const QString &error) {
            m_priorKind.clear();
            m_priorFolder.clear();
            Q_EMIT problem(tr("No prior from %1: %2").arg(QFileInfo(folder).fileName(), error));
            Q_EMIT priorChanged();
            analyse(); // without it
        });
}

void RelationsModel::analyse()
{
    if (!m_model || m_images.isEmpty() || m_scan.isBusy())
        return;
    m_single.cancel();
    const quint64 generation = ++m_analysisGeneration;
    std::vector<relations::RelationImage> images;
    for (const RelationsImage &image : m_images)
        images.push_back(image.image);
    const auto model = m_model;
    const relations::ExplainerOptions options = m_options;
    const relations::RelationModelInfo info = m_info;
    QPointer<RelationsModel> self(this);
    m_analysis.start(
        tr("Recover the relations of %n image(s)", nullptr, int(images.size())),
        [images, model, options, info, self, generation](const JobControl &control) {
            std::vector<relations::ImageRelationResult> results;
            for (std::size_t i = 0; i < images.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / double(images.size()), images[i].name);
                auto done = std::make_shared<AnalysedImage>();
                done->index = int(i);
                {
                    const std::lock_guard guard(model->lock);
                    done->result = relations::analyseImage(*model->network, images[i], options);
                }
                results.push_back(done->result);
                postToReceiver(self, [done, generation](RelationsModel *m) {
                    if (generation != m->m_analysisGeneration || done->index >= m->m_images.size())
                        return;
                    RelationsImage &image = m->m_images[done->index];
                    image.result = done->result;
                    image.analysed = true;
                    Q_EMIT m->imageAnalysed(done->index);
                });
            }
            return QVariant::fromValue(std::make_shared<relations::RelationRunSummary>(relations::summariseRelations(results, info)));
        },
        [this, generation](const QVariant &result) {
            if (generation != m_analysisGeneration)
                return;
            m_summary = *result.value<std::shared_ptr<relations::RelationRunSummary>>();
            Q_EMIT summaryChanged();
            if (m_summary.withTruth > 0 && !m_summary.relationship.recall.empty())
                Q_EMIT message(tr("Relations recovered for %n image(s); relationship recall@%1 %2 (random ranking %3), predicate mAP %4", nullptr,
                                  m_summary.images - m_summary.failed)
                                   .arg(m_summary.steps.front())
                                   .arg(m_summary.relationship.recall.front(), 0, 'f', 3)
                                   .arg(m_summary.randomRecall.empty() ? 0.0 : m_summary.randomRecall.front(), 0, 'f', 3)
                                   .arg(m_summary.predicateMap.mean, 0, 'f', 3));
            else
                Q_EMIT message(tr("Relations recovered for %n image(s)", nullptr, m_summary.images - m_summary.failed));
            if (m_summary.failed > 0)
                Q_EMIT problem(tr("%n image(s) could not be analysed; the list says why", nullptr, m_summary.failed));
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

void RelationsModel::analyseOne(int index)
{
    if (!m_model || index < 0 || index >= m_images.size() || m_scan.isBusy())
        return;
    if (m_analysis.isBusy()) { // the whole set is being analysed: start it again with the edit in it
        analyse();
        return;
    }
    const quint64 generation = m_analysisGeneration;
    const relations::RelationImage image = m_images[index].image;
    const auto model = m_model;
    const relations::ExplainerOptions options = m_options;
    m_single.start(
        tr("Recover the relations of %1").arg(QString::fromStdString(image.name)),
        [image, model, options](const JobControl &) {
            const std::lock_guard guard(model->lock);
            return QVariant::fromValue(std::make_shared<relations::ImageRelationResult>(relations::analyseImage(*model->network, image, options)));
        },
        [this, index, generation](const QVariant &result) {
            if (generation != m_analysisGeneration || index >= m_images.size())
                return;
            m_images[index].result = *result.value<std::shared_ptr<relations::ImageRelationResult>>();
            m_images[index].analysed = true;
            Q_EMIT imageAnalysed(index);
            recomputeSummary();
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

void RelationsModel::recomputeSummary()
{
    // Matching a few hundred triplets per image is far below a frame's time; the summary of a
    // whole dataset is made in the analysis job.
    std::vector<relations::ImageRelationResult> results;
    for (const RelationsImage &image : m_images)
        if (image.analysed)
            results.push_back(image.result);
    m_summary = results.empty() ? relations::RelationRunSummary{} : relations::summariseRelations(results, m_info);
    Q_EMIT summaryChanged();
}

void RelationsModel::setDrawnObjects(int index, const std::optional<std::vector<relations::RelationObject>> &objects)
{
    if (index < 0 || index >= m_images.size())
        return;
    const QString path = QString::fromStdString(m_images[index].image.imagePath);
    if (objects)
        m_drawn.insert(path, *objects);
    else
        m_drawn.remove(path);
    // Only this image changes: its objects from the source again, or the drawn ones.
    RelationsImage &entry = m_images[index];
    if (objects) {
        entry.image.objects = *objects;
    } else if (m_dataset) {
        relations::RelationDataset one = *m_dataset;
        if (m_model)
            relations::alignToModel(one, m_info);
        for (const relations::RelationImage &image : one.images)
            if (image.imagePath == entry.image.imagePath)
                entry.image.objects = image.objects;
    }
    entry.handDrawn = objects.has_value();
    entry.analysed = false;
    entry.result = {};
    Q_EMIT imageAnalysed(index);
    analyseOne(index);
}

std::optional<std::vector<relations::RelationObject>> RelationsModel::drawnObjects(int index) const
{
    if (index < 0 || index >= m_images.size())
        return std::nullopt;
    const auto drawn = m_drawn.constFind(QString::fromStdString(m_images[index].image.imagePath));
    if (drawn == m_drawn.cend())
        return std::nullopt;
    return *drawn;
}

void RelationsModel::setAllDrawnObjects(const QHash<QString, std::vector<relations::RelationObject>> &drawn)
{
    m_drawn = drawn;
    rebuildImages();
    analyse();
}

void RelationsModel::cancel()
{
    m_scan.cancel();
    m_analysis.cancel();
    m_single.cancel();
}

void RelationsModel::startTraining(const relations::RelationTrainingSettings &settings)
{
    if (m_training.isRunning())
        return;
    if (!m_dataset || m_dataset->kind == "images") {
        Q_EMIT trainingStopped(tr("Training needs a dataset with true triplets (scenes, VRD, HICO-DET): their predicates are the labels."));
        return;
    }
    const auto dataset = m_dataset;
    m_training.start(
        tr("Train relations on %n image(s)", nullptr, int(dataset->images.size())), QString::fromStdString(settings.outPath),
        [dataset, settings](const JobControl &control, const TrainingJob::EpochReporter &epochEnded) {
            const relations::RelationTrainingSummary summary = relations::trainRelations(
                *dataset, settings, control, [&epochEnded](const relations::RelationEpoch &epoch) { epochEnded(QVariant::fromValue(epoch)); });
            const relations::RelationEpoch last = summary.epochs.empty() ? relations::RelationEpoch{} : summary.epochs.back();
            QString text = tr("%1 epochs on %2 images, %3 s; validation predicate mAP %4")
                               .arg(summary.epochs.size())
                               .arg(summary.trainCount)
                               .arg(summary.seconds, 0, 'f', 0)
                               .arg(last.validationMap, 0, 'f', 3);
            if (!last.validationRecallLogits.empty() && !summary.recallSteps.empty())
                text += tr("; relationship recall@%1 %2 explaining logits, %3 scores, %4 random")
                            .arg(summary.recallSteps.front())
                            .arg(last.validationRecallLogits.front(), 0, 'f', 3)
                            .arg(last.validationRecall.front(), 0, 'f', 3)
                            .arg(last.randomRecall.front(), 0, 'f', 3);
            return text;
        });
}

void RelationsModel::cancelTraining()
{
    m_training.cancel();
}

void RelationsModel::select(int index)
{
    if (index < 0 || index >= m_images.size())
        return;
    const bool changed = index != m_selected;
    m_selected = index;
    if (changed) {
        m_pixels = QImage();
        Q_EMIT selectionChanged();
    }
    const QString path = QString::fromStdString(m_images[index].image.imagePath);
    m_detailLoad.start(
        tr("Decode %1").arg(QFileInfo(path).fileName()),
        [path](const JobControl &) { return QVariant::fromValue(toQImage(media::readImage(path.toStdString()).pixels)); },
        [this, index](const QVariant &result) {
            if (index != m_selected)
                return;
            m_pixels = result.value<QImage>();
            Q_EMIT detailReady();
        },
        [this, path](const QString &error) {
            m_pixels = QImage();
            Q_EMIT detailReady();
            Q_EMIT problem(tr("%1 cannot be shown: %2").arg(QFileInfo(path).fileName(), error));
        });
}

void RelationsModel::selectPredicate(int predicate)
{
    if (predicate == m_predicate)
        return;
    m_predicate = predicate;
    Q_EMIT predicateChanged();
}

} // namespace periscope::app
