// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "app/shell/TrainingJob.h"
#include "engine/colorize/ColorizationMetrics.h"
#include "engine/colorize/ColorizerTraining.h"
#include "engine/core/image/Image.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QTemporaryDir>

#include <limits>
#include <memory>

namespace periscope::colorize {
class Colorizer;
}

namespace periscope::app {

class JobManager;

// One opened photo. A colour photo is shown gray to the model and keeps its colours as the
// ground truth; a gray one has none.
struct ColorizePhoto {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    QString path;
    QImage thumbnail;          // at most 160 px
    QSize size;
    bool hasTruth = false;
    QString error;             // why it could not be read or colorized
    // After colorization:
    QString resultPath;        // full resolution, PNG, in the session's cache folder
    QString resultModel;       // the model's name or file
    QImage grayPreview, resultPreview, truthPreview; // at most kColorizeFigurePreviewSide, for figure grids
    double psnr = kNone, ssim = kNone, meanDeltaE = kNone; // against the truth
    double colourfulness = kNone, truthColourfulness = kNone;
    double grayPsnr = kNone;                 // the gray photo's PSNR against the truth: the baseline
    double chroma = kNone, truthChroma = kNone; // mean CIELab chroma, for photos with a truth
    bool isColorized() const { return !resultPath.isEmpty(); }
};

// The selected photo at full resolution, with what the views draw of it.
struct ColorizeDetail {
    int index = -1;
    QImage gray, result, truth;        // result null before colorization, truth null for gray photos
    periscope::Image deltaE;           // [1, H, W] CIEDE2000 of result vs truth, when both exist
    colorize::AbHistogram resultAb, truthAb;
};

// Means over the colorized photos that have a truth (count 0: none yet).
struct ColorizeFolderMetrics {
    int count = 0, colorized = 0;
    double psnr = ColorizePhoto::kNone, ssim = ColorizePhoto::kNone, meanDeltaE = ColorizePhoto::kNone;
    double colourfulness = ColorizePhoto::kNone, truthColourfulness = ColorizePhoto::kNone;
    double grayPsnr = ColorizePhoto::kNone, chroma = ColorizePhoto::kNone, truthChroma = ColorizePhoto::kNone;
};

// What the Colorize workspace holds and computes: the opened photos, the chosen model, the
// colorized results with their metrics, the selected photo's detail, and training. Every read,
// model load, colorization and training runs as a job; results arrive through the signals.
class ColorizeModel : public QObject {
    Q_OBJECT
public:
    explicit ColorizeModel(JobManager *jobs, QObject *parent = nullptr);
    ~ColorizeModel() override;
    JobManager *jobs() const;

    // Files and folders (searched recursively for photos); read as a job, appended.
    void addPaths(const QStringList &pathsOrFolders);
    void clear();
    // Puts back photos as they were (results and metrics included), selecting `selected`: what
    // undoing Clear does. The results' files are the session's and outlive a clear.
    void restorePhotos(const QList<ColorizePhoto> &photos, int selected);
    const QList<ColorizePhoto> &photos() const { return m_photos; }
    QStringList paths() const;

    // The built-in name or a weights file (eccv16, siggraph17, Koalarization); loaded as a job.
    // A Koalarization in the paper's layout also needs Inception-ResNet-v2 weights: without them
    // needsInception is emitted (the view asks for the file, then calls setModel again).
    // `temperature`, when finite, is the annealed-mean temperature to start at (a project's) for a model that has one.
    void setModel(const QString &nameOrPath, double temperature = ColorizePhoto::kNone);
    void setInceptionWeights(const QString &path) { m_inception = path; }
    QString inceptionWeights() const { return m_inception; }
    QString model() const { return m_modelName; }
    QString modelDescription() const { return m_modelDescription; }
    bool hasModel() const { return m_colorizer != nullptr; }

    // For colorizers that classify colours (eccv16): the annealed-mean temperature (Zhang et al.
    // 2016), 1 the mean of the colours, lower towards the likeliest. Setting it recolorizes every photo,
    // superseding a colorization under way. NaN when the model has none; a new model starts at
    // its own default (0.38 for the built-in).
    bool hasTemperature() const;
    double temperature() const;
    double defaultTemperature() const;
    void setTemperature(double temperature);

    // Colorizes the photos (all when `indices` is empty) one after another in one job; each result
    // arrives by photoChanged as it is done. Does nothing while a colorization runs. Results of a
    // colorizer that was replaced meanwhile (another model or temperature) are dropped.
    void colorize(const QList<int> &indices = {});
    // Whether opened photos are colorized as soon as they and a model are there (on by default:
    // what a user opening photos expects to see).
    void setAutoColorize(bool on) { m_autoColorize = on; }
    void cancel();
    bool isBusy() const { return JobSlot::anyBusy({&m_scan, &m_colorizing}); }

    void select(int index); // loads the full-resolution detail as a job → detailReady
    int selected() const { return m_selected; }
    const ColorizeDetail &detail() const { return m_detail; }
    ColorizeFolderMetrics folderMetrics() const;

    // Writes every result at full resolution as DIR/<name>.colorized.png (a job).
    void exportResults(const QString &folder);

    // Trains a colorizer on the opened colour photos (settings.outPath set by the caller);
    // trainingFinished says where the weights are, useTrainedWeights switches to them.
    void startTraining(const colorize::ColorizerTrainingSettings &settings);
    bool isTraining() const { return m_training.isRunning(); }
    void cancelTraining();
    // Switches to weights a training wrote (with the Inception weights it used, if any).
    void useTrainedWeights(const QString &weightsPath);
    int trainablePhotoCount() const;

Q_SIGNALS:
    void photosChanged();
    void photoChanged(int index);
    void modelChanged();
    void detailReady();
    void busyChanged(bool busy);
    void message(const QString &text);      // progress and outcomes, for the status line
    void problem(const QString &text);      // something the user should read
    void trainingEpoch(const periscope::colorize::ColorizerEpoch &epoch);
    void needsInception(const QString &weights);
    void trainingFinished(const QString &weightsPath, const QString &summary);
    void trainingStopped(const QString &reason);

private:
    void applyResult(const ColorizePhoto &result, int index);
    void startColorizing(const QList<int> &indices); // supersedes a colorization under way
    void colorizePending(); // the readable photos without a result, when auto-colorizing

    QPointer<JobManager> m_jobs;
    QList<ColorizePhoto> m_photos;
    QStringList m_pendingPaths;
    QString m_modelName, m_modelDescription, m_inception;
    std::shared_ptr<const colorize::Colorizer> m_colorizer;
    JobSlot m_scan, m_modelLoad, m_colorizing, m_detailLoad, m_export;
    TrainingJob m_training;
    QString m_trainingInception; // the Inception weights the last training used
    int m_selected = -1;
    ColorizeDetail m_detail;
    QTemporaryDir m_cache;
    quint64 m_generation = 0; // bumped by clear(): results of older jobs are dropped
    quint64 m_scanGeneration = 0; // the generation the running scan reads for
    bool m_autoColorize = true;
};

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::colorize::ColorizerEpoch)
Q_DECLARE_METATYPE(periscope::app::ColorizePhoto)
Q_DECLARE_METATYPE(periscope::app::ColorizeDetail)
Q_DECLARE_METATYPE(std::shared_ptr<const void>)
