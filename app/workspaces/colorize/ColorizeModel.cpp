// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/ColorizeModel.h"

#include "app/common/AtomicFile.h"
#include "app/figures/ColorizeFigure.h"

#include "app/data/ImageInputs.h"
#include "app/shell/JobManager.h"
#include "app/models/BuiltInColorizers.h"
#include "engine/colorize/Colorizer.h"
#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "app/figures/ImageConversion.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <utility>

namespace periscope::app {

namespace {

constexpr int kThumbnailSide = 160;

// The photo as 8-bit RGB (16-bit files are rounded; alpha is refused: it has no colour to judge).
Image readPhoto(const QString &path, bool *hasColour)
{
    media::ImageFile file = media::readImage(path.toStdString());
    if (file.hasAlpha)
        throw Error("images with transparency are not colorized");
    Image pixels = file.pixels;
    if (pixels.format() != PixelFormat::UInt8 || pixels.channels() != 3) {
        const QImage q = toQImage(pixels).convertToFormat(QImage::Format_RGB888);
        pixels = fromQImage(q);
    }
    if (hasColour)
        *hasColour = !file.isGrayscale;
    return pixels;
}

QString resultFileFor(const QTemporaryDir &cache, int index, const QString &path)
{
    return cache.filePath(QStringLiteral("%1-%2.png").arg(index).arg(QFileInfo(path).completeBaseName()));
}

double meanOf(const QList<ColorizePhoto> &photos, double ColorizePhoto::*field)
{
    double sum = 0.0;
    int n = 0;
    for (const ColorizePhoto &p : photos)
        if (std::isfinite(p.*field)) {
            sum += p.*field;
            ++n;
        }
    return n > 0 ? sum / n : ColorizePhoto::kNone;
}

} // namespace

ColorizeModel::ColorizeModel(JobManager *jobs, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_scan(jobs), m_modelLoad(jobs), m_colorizing(jobs), m_detailLoad(jobs), m_export(jobs), m_training(jobs)
{
    qRegisterMetaType<periscope::colorize::ColorizerEpoch>();
    connect(&m_training, &TrainingJob::epochEnded, this,
            [this](const QVariant &epoch) { Q_EMIT trainingEpoch(epoch.value<colorize::ColorizerEpoch>()); });
    connect(&m_training, &TrainingJob::finished, this, &ColorizeModel::trainingFinished);
    connect(&m_training, &TrainingJob::stopped, this, &ColorizeModel::trainingStopped);
    for (const JobSlot *jobSlot : {&m_scan, &m_colorizing})
        connect(jobSlot, &JobSlot::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
}

ColorizeModel::~ColorizeModel() = default;

JobManager *ColorizeModel::jobs() const
{
    return m_jobs;
}

QStringList ColorizeModel::paths() const
{
    QStringList out;
    for (const ColorizePhoto &p : m_photos)
        out << p.path;
    return out;
}

void ColorizeModel::addPaths(const QStringList &pathsOrFolders)
{
    if (pathsOrFolders.isEmpty())
        return;
    // Opened while another scan of these photos runs: read next. A scan that a clear cancelled is
    // not waited for: its result is dropped, and paths queued behind it were lost (#23 item 2:
    // a project's photos, added after its restore had cleared the list, never appeared).
    if (m_scan.isBusy() && m_scanGeneration == m_generation) {
        m_pendingPaths << pathsOrFolders;
        return;
    }
    const quint64 generation = m_generation;
    m_scanGeneration = generation;
    m_scan.start(
        tr("Open %n photo(s)", nullptr, int(pathsOrFolders.size())),
        [pathsOrFolders](const JobControl &control) {
            QStringList files;
            for (const QString &p : pathsOrFolders)
                files << (QFileInfo(p).isDir() ? imageFilesIn(p) : QStringList{p});
            QList<ColorizePhoto> photos;
            for (int i = 0; i < files.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / std::max<qsizetype>(1, files.size()), QFileInfo(files[i]).fileName().toStdString());
                ColorizePhoto photo;
                photo.path = QFileInfo(files[i]).absoluteFilePath();
                try {
                    bool colour = false;
                    const Image pixels = readPhoto(files[i], &colour);
                    photo.hasTruth = colour;
                    photo.size = QSize(pixels.width(), pixels.height());
                    photo.thumbnail = previewOf(toQImage(pixels), kThumbnailSide);
                } catch (const std::exception &e) {
                    photo.error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
                }
                photos << photo;
            }
            return QVariant::fromValue(photos);
        },
        [this, generation](const QVariant &result) {
            if (generation != m_generation)
                return;
            if (!m_pendingPaths.isEmpty())
                addPaths(std::exchange(m_pendingPaths, {}));
            const auto photos = result.value<QList<ColorizePhoto>>();
            int unreadable = 0;
            for (const ColorizePhoto &p : photos) {
                unreadable += p.error.isEmpty() ? 0 : 1;
                if (!p.error.isEmpty())
                    Q_EMIT problem(tr("%1: %2").arg(QFileInfo(p.path).fileName(), p.error));
            }
            if (photos.isEmpty())
                Q_EMIT problem(tr("No photos found (JPEG, PNG, TIFF, WebP or BMP)."));
            m_photos << photos;
            Q_EMIT photosChanged();
            Q_EMIT message(tr("%n photo(s) opened", nullptr, int(photos.size() - unreadable)));
            if (m_selected < 0 && !m_photos.isEmpty())
                select(0);
            colorizePending();
        },
        [this](const QString &error) { Q_EMIT problem(error); }, [this] { Q_EMIT message(tr("Cancelled")); });
}

void ColorizeModel::clear()
{
    cancel();
    ++m_generation;
    m_pendingPaths.clear();
    m_photos.clear();
    m_selected = -1;
    m_detail = {};
    Q_EMIT photosChanged();
    Q_EMIT detailReady();
    Q_EMIT message(tr("No photos open")); // not the count of the photos just closed (#23)
}

void ColorizeModel::restorePhotos(const QList<ColorizePhoto> &photos, int selected)
{
    clear();
    m_photos = photos;
    Q_EMIT photosChanged();
    Q_EMIT message(tr("%n photo(s) open", nullptr, int(m_photos.size())));
    if (selected >= 0 && selected < m_photos.size())
        select(selected);
}

void ColorizeModel::setModel(const QString &nameOrPath, double temperature)
{
    QString error;
    const QString path = resolveColorizer(nameOrPath, &error);
    if (path.isEmpty()) {
        Q_EMIT problem(error);
        return;
    }
    m_modelLoad.start(
        tr("Load colorizer %1").arg(QFileInfo(path).fileName()),
        [path, inception = m_inception, temperature](const JobControl &) {
            auto colorizer = std::make_shared<colorize::Colorizer>(colorize::Colorizer::load(path.toStdString(), {}, inception.toStdString()));
            if (colorizer->hasTemperature() && std::isfinite(temperature))
                colorizer->setTemperature(std::clamp(temperature, colorize::Colorizer::kMinTemperature, 1.0));
            return QVariant::fromValue(std::shared_ptr<const void>(colorizer, colorizer.get()));
        },
        [this, nameOrPath](const QVariant &result) {
            m_colorizer = std::static_pointer_cast<const colorize::Colorizer>(result.value<std::shared_ptr<const void>>());
            m_modelName = nameOrPath;
            m_modelDescription = describeColorizer(nameOrPath, QString::fromStdString(m_colorizer->architecture()), m_colorizer->widthDivisor(),
                                                   QString::fromStdString(m_colorizer->globalFeatures()));
            Q_EMIT modelChanged();
            Q_EMIT message(m_modelDescription);
            colorizePending();
        },
        [this, path](const QString &error) {
            if (error.contains(QLatin1String("--inception")) && m_inception.isEmpty()) {
                Q_EMIT needsInception(path);
                return;
            }
            Q_EMIT problem(tr("Cannot use %1 as a colorizer: %2").arg(QFileInfo(path).fileName(), error));
        });
}

void ColorizeModel::colorize(const QList<int> &indices)
{
    if (m_colorizing.isBusy())
        return;
    startColorizing(indices);
}

bool ColorizeModel::hasTemperature() const
{
    return m_colorizer && m_colorizer->hasTemperature();
}

double ColorizeModel::temperature() const
{
    return hasTemperature() ? m_colorizer->temperature() : ColorizePhoto::kNone;
}

double ColorizeModel::defaultTemperature() const
{
    return hasTemperature() ? m_colorizer->defaultTemperature() : ColorizePhoto::kNone;
}

void ColorizeModel::setTemperature(double temperature)
{
    if (!hasTemperature() || !std::isfinite(temperature))
        return;
    temperature = std::clamp(temperature, colorize::Colorizer::kMinTemperature, 1.0);
    if (temperature == m_colorizer->temperature())
        return;
    // A copy shares the network; only the decoding differs. Jobs holding the old one finish with it
    // and their results are dropped (they are no longer m_colorizer's).
    auto changed = std::make_shared<colorize::Colorizer>(*m_colorizer);
    changed->setTemperature(temperature);
    m_colorizer = std::move(changed);
    Q_EMIT modelChanged();
    Q_EMIT message(tr("Annealed-mean temperature: T = %1").arg(temperature, 0, 'f', 2));
    bool any = false;
    for (const ColorizePhoto &p : m_photos)
        any = any || p.error.isEmpty();
    if (any)
        startColorizing({});
}

void ColorizeModel::startColorizing(const QList<int> &indices)
{
    if (!m_colorizer) {
        Q_EMIT problem(tr("Choose a model first."));
        return;
    }
    QList<int> todo;
    for (int i = 0; i < m_photos.size(); ++i)
        if ((indices.isEmpty() || indices.contains(i)) && m_photos[i].error.isEmpty())
            todo << i;
    if (todo.isEmpty()) {
        Q_EMIT problem(tr("There is no readable photo to colorize."));
        return;
    }
    struct Task {
        int index;
        QString path, output;
    };
    QList<Task> tasks;
    for (int i : todo)
        tasks.append({i, m_photos[i].path, resultFileFor(m_cache, i, m_photos[i].path)});
    const auto colorizer = m_colorizer;
    const QString modelName = m_modelName;
    const quint64 generation = m_generation;
    QPointer<ColorizeModel> self(this);
    m_colorizing.start(
        tr("Colorize %n photo(s)", nullptr, int(tasks.size())),
        [tasks, colorizer, modelName, self, generation](const JobControl &control) {
            int done = 0;
            for (int t = 0; t < tasks.size(); ++t) {
                control.throwIfCancelled();
                const Task &task = tasks[t];
                control.reportProgress(double(t) / tasks.size(), QFileInfo(task.path).fileName().toStdString());
                ColorizePhoto result;
                result.path = task.path;
                try {
                    bool colour = false;
                    const Image original = readPhoto(task.path, &colour);
                    const Image gray = colorize::grayVersion(original);
                    const Image colored = colorizer->colorize(gray);
                    media::writeImage(task.output.toStdString(), colored);
                    result.resultPath = task.output;
                    result.resultModel = modelName;
                    result.colourfulness = colorize::colourfulness(colored);
                    result.grayPreview = previewOf(toQImage(gray), kColorizeFigurePreviewSide);
                    result.resultPreview = previewOf(toQImage(colored), kColorizeFigurePreviewSide);
                    if (colour) {
                        const colorize::ColorComparison c = colorize::compareColors(colored, original);
                        result.psnr = c.psnr;
                        result.ssim = c.ssim;
                        result.meanDeltaE = c.meanDeltaE2000;
                        result.truthColourfulness = colorize::colourfulness(original);
                        result.chroma = c.resultChroma;
                        result.truthChroma = c.truthChroma;
                        result.grayPsnr = colorize::colorPsnr(gray, original);
                        result.truthPreview = previewOf(toQImage(original), kColorizeFigurePreviewSide);
                    }
                    ++done;
                } catch (const CancelledError &) {
                    throw;
                } catch (const std::exception &e) {
                    result.error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
                }
                const int index = task.index;
                postToReceiver(self, [result, index, generation, colorizer](ColorizeModel *model) {
                    if (generation == model->m_generation && colorizer == model->m_colorizer)
                        model->applyResult(result, index);
                });
            }
            return QVariant(done);
        },
        [this](const QVariant &done) {
            Q_EMIT message(tr("%n photo(s) colorized", nullptr, done.toInt()));
            colorizePending();
        },
        [this](const QString &error) { Q_EMIT message(error); }, [this] { Q_EMIT message(tr("Cancelled")); });
}

void ColorizeModel::colorizePending()
{
    if (!m_autoColorize || !m_colorizer || m_colorizing.isBusy())
        return;
    QList<int> pending;
    for (int i = 0; i < m_photos.size(); ++i)
        if (!m_photos[i].isColorized() && m_photos[i].error.isEmpty())
            pending << i;
    if (!pending.isEmpty())
        colorize(pending);
}

void ColorizeModel::applyResult(const ColorizePhoto &result, int index)
{
    if (index < 0 || index >= m_photos.size() || m_photos[index].path != result.path)
        return;
    ColorizePhoto &photo = m_photos[index];
    photo.error = result.error;
    if (!result.error.isEmpty()) {
        Q_EMIT problem(tr("%1: %2").arg(QFileInfo(photo.path).fileName(), result.error));
    } else {
        photo.resultPath = result.resultPath;
        photo.resultModel = result.resultModel;
        photo.psnr = result.psnr;
        photo.ssim = result.ssim;
        photo.meanDeltaE = result.meanDeltaE;
        photo.colourfulness = result.colourfulness;
        photo.truthColourfulness = result.truthColourfulness;
        photo.grayPsnr = result.grayPsnr;
        photo.chroma = result.chroma;
        photo.truthChroma = result.truthChroma;
        photo.grayPreview = result.grayPreview;
        photo.resultPreview = result.resultPreview;
        photo.truthPreview = result.truthPreview;
        photo.thumbnail = previewOf(result.resultPreview, kThumbnailSide);
    }
    Q_EMIT photoChanged(index);
    if (index == m_selected)
        select(index);
}

void ColorizeModel::cancel()
{
    m_colorizing.cancel();
    m_scan.cancel();
}

void ColorizeModel::select(int index)
{
    if (index < 0 || index >= m_photos.size())
        return;
    m_selected = index;
    const ColorizePhoto photo = m_photos[index];
    if (!photo.error.isEmpty() && !photo.isColorized()) {
        m_detail = {};
        m_detail.index = index;
        Q_EMIT detailReady();
        return;
    }
    const quint64 generation = m_generation;
    m_detailLoad.start(
        tr("Show %1").arg(QFileInfo(photo.path).fileName()),
        [photo, index](const JobControl &control) {
            ColorizeDetail d;
            d.index = index;
            bool colour = false;
            const Image original = readPhoto(photo.path, &colour);
            const Image gray = colorize::grayVersion(original);
            d.gray = toQImage(gray);
            control.throwIfCancelled();
            if (colour) {
                d.truth = toQImage(original);
                d.truthAb = colorize::abHistogram(original);
            }
            if (photo.isColorized()) {
                const Image result = readPhoto(photo.resultPath, nullptr);
                d.result = toQImage(result);
                d.resultAb = colorize::abHistogram(result);
                control.throwIfCancelled();
                if (colour && result.width() == original.width() && result.height() == original.height())
                    d.deltaE = colorize::compareColors(result, original, true).deltaE2000;
            }
            return QVariant::fromValue(d);
        },
        [this, generation](const QVariant &result) {
            if (generation != m_generation)
                return;
            ColorizeDetail d = result.value<ColorizeDetail>();
            if (d.index != m_selected)
                return;
            m_detail = std::move(d);
            Q_EMIT detailReady();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT problem(error);
        });
}

ColorizeFolderMetrics ColorizeModel::folderMetrics() const
{
    ColorizeFolderMetrics m;
    QList<ColorizePhoto> judged;
    for (const ColorizePhoto &p : m_photos) {
        m.colorized += p.isColorized() ? 1 : 0;
        if (p.isColorized() && p.hasTruth)
            judged << p;
    }
    m.count = int(judged.size());
    m.psnr = meanOf(judged, &ColorizePhoto::psnr);
    m.ssim = meanOf(judged, &ColorizePhoto::ssim);
    m.meanDeltaE = meanOf(judged, &ColorizePhoto::meanDeltaE);
    m.truthColourfulness = meanOf(judged, &ColorizePhoto::truthColourfulness);
    m.colourfulness = meanOf(judged, &ColorizePhoto::colourfulness); // the same photos as the truth's
    m.grayPsnr = meanOf(judged, &ColorizePhoto::grayPsnr);
    m.chroma = meanOf(judged, &ColorizePhoto::chroma);
    m.truthChroma = meanOf(judged, &ColorizePhoto::truthChroma);
    return m;
}

void ColorizeModel::exportResults(const QString &folder)
{
    QList<QPair<QString, QString>> copies;
    for (const ColorizePhoto &p : m_photos)
        if (p.isColorized())
            copies.append({p.resultPath, QDir(folder).filePath(QFileInfo(p.path).completeBaseName() + QStringLiteral(".colorized.png"))});
    if (copies.isEmpty()) {
        Q_EMIT problem(tr("Nothing to export: colorize the photos first."));
        return;
    }
    // The figures beside the images (#23): one row per exported photo as the table shows it, then
    // the folder's means; numbers with a point whatever the locale, empty where there is no truth.
    auto number = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 6) : QString(); };
    QString csv = QStringLiteral("photo,result,psnr_db,ssim,mean_delta_e2000,colourfulness,truth_colourfulness\n");
    auto quoted = [](QString text) { return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    for (const ColorizePhoto &p : m_photos)
        if (p.isColorized())
            csv += QStringList{quoted(p.path), quoted(QFileInfo(p.path).completeBaseName() + QStringLiteral(".colorized.png")), number(p.psnr),
                               number(p.ssim), number(p.meanDeltaE), number(p.colourfulness), number(p.truthColourfulness)}
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
    const ColorizeFolderMetrics m = folderMetrics();
    csv += QStringList{QStringLiteral("\"mean over %1 photo(s) with truth\"").arg(m.count), QString(), number(m.psnr), number(m.ssim),
                       number(m.meanDeltaE), number(m.colourfulness), number(m.truthColourfulness)}
               .join(QLatin1Char(',')) +
           QLatin1Char('\n');
    m_export.start(
        tr("Export %n colorized photo(s)", nullptr, int(copies.size())),
        [copies, folder, csv](const JobControl &control) {
            if (!QDir().mkpath(folder))
                throw Error("cannot create the folder " + folder.toStdString());
            for (int i = 0; i < copies.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / copies.size(), QFileInfo(copies[i].second).fileName().toStdString());
                QFile::remove(copies[i].second);
                if (!QFile::copy(copies[i].first, copies[i].second))
                    throw Error("cannot write " + copies[i].second.toStdString() + " (is the folder writable and the disk not full?)");
            }
            const QString metrics = QDir(folder).filePath(QStringLiteral("colorize-metrics.csv"));
            QString error;
            if (!writeFileAtomically(metrics, csv.toUtf8(), &error))
                throw Error(error.toStdString());
            return QVariant(int(copies.size()));
        },
        [this, folder](const QVariant &n) { Q_EMIT message(tr("%n photo(s) written to %1", nullptr, n.toInt()).arg(folder)); },
        [this](const QString &error) { Q_EMIT problem(error); });
}

int ColorizeModel::trainablePhotoCount() const
{
    int n = 0;
    for (const ColorizePhoto &p : m_photos)
        n += (p.hasTruth && p.error.isEmpty()) ? 1 : 0;
    return n;
}

void ColorizeModel::startTraining(const colorize::ColorizerTrainingSettings &settings)
{
    if (m_training.isRunning())
        return;
    QStringList sources;
    for (const ColorizePhoto &p : m_photos)
        if (p.hasTruth && p.error.isEmpty())
            sources << p.path;
    if (sources.size() < 2) {
        Q_EMIT trainingStopped(tr("Training needs at least 2 colour photos; open some first."));
        return;
    }
    m_trainingInception = QString::fromStdString(settings.inceptionWeights);
    m_training.start(tr("Train a colorizer on %n photo(s)", nullptr, int(sources.size())), QString::fromStdString(settings.outPath),
                     [sources, settings](const JobControl &control, const TrainingJob::EpochReporter &epochEnded) {
                         std::vector<Image> photos;
                         for (const QString &path : sources) {
                             control.throwIfCancelled();
                             photos.push_back(readPhoto(path, nullptr));
                         }
                         const colorize::ColorizerTrainingSummary summary = colorize::trainColorizer(
                             photos, settings, control, [&epochEnded](const colorize::ColorizerEpoch &epoch) { epochEnded(QVariant::fromValue(epoch)); });
                         const colorize::ColorizerEpoch last = summary.epochs.empty() ? colorize::ColorizerEpoch{} : summary.epochs.back();
                         return tr("%1 epochs on %2 photos: validation MSE %3 (predict-gray %4), %5 s")
                             .arg(summary.epochs.size())
                             .arg(summary.trainCount)
                             .arg(last.validationLoss, 0, 'f', 5)
                             .arg(last.grayBaselineLoss, 0, 'f', 5)
                             .arg(summary.seconds, 0, 'f', 0);
                     });
}

void ColorizeModel::cancelTraining()
{
    m_training.cancel();
}

void ColorizeModel::useTrainedWeights(const QString &weightsPath)
{
    if (weightsPath == m_training.weightsPath() && !m_trainingInception.isEmpty())
        m_inception = m_trainingInception; // the new weights need it
    setModel(weightsPath);
}

} // namespace periscope::app
