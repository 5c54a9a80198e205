// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeView.h"

#include "app/shell/UndoSteps.h"


#include "app/shell/JobManager.h"
#include "app/shell/ModelChoice.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"
#include "app/workspaces/deepfake/DeepfakeMetricsPanel.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeOverlays.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/layers/LayerPanel.h"
#include "widgets/timeline/Timeline.h"
#include "widgets/layout/FlowLayout.h"
#include "widgets/layout/ScrollablePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QStandardItemModel>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QDir>
#include <QHeaderView>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QSignalBlocker>
#include <QUndoStack>
#include <QVariantMap>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace periscope::app {

const QString DeepfakeView::kFrameLayer = QStringLiteral("frame");
const QString DeepfakeView::kOriginalLayer = QStringLiteral("original");
const QString DeepfakeView::kMaskLayer = QStringLiteral("mask");
const QString DeepfakeView::kHeatmapLayer = QStringLiteral("explanation");
const QString DeepfakeView::kFaceLayer = QStringLiteral("face");

namespace {

const QColor kScoreColour(220, 60, 40);
const QColor kFaceColour(90, 150, 220);

// Bottom to top: what each layer must be above.
const QStringList &layerOrder()
{
    static const QStringList order{DeepfakeView::kFrameLayer, DeepfakeView::kOriginalLayer, DeepfakeView::kMaskLayer,
                                   DeepfakeView::kHeatmapLayer, DeepfakeView::kFaceLayer};
    return order;
}

QString percent(double p)
{
    return std::isnan(p) ? DeepfakeView::tr("not explained yet") : QStringLiteral("%1").arg(p, 0, 'f', 3);
}

} // namespace

DeepfakeView::DeepfakeView(DeepfakeModel *model, DeepfakeFolder *folder, DeepfakeMetrics *metrics, QUndoStack *undo, QWidget *parent)
    : QWidget(parent), m_model(model), m_steps(undo), m_folder(folder)
{
    auto *layout = new QVBoxLayout(this);

    auto *bar = new widgets::FlowLayout; // wraps on a narrow window
    auto *openVideoButton = new QPushButton(tr("Open video..."));
    openVideoButton->setObjectName(QStringLiteral("openVideo"));
    connect(openVideoButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open a video"), QString(),
                                                          tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm *.m4v);;All files (*)"));
        if (!file.isEmpty())
            openVideo(file);
    });
    auto *openFolderButton = new QPushButton(tr("Open folder..."));
    openFolderButton->setObjectName(QStringLiteral("openFolder"));
    openFolderButton->setToolTip(tr("A DFDC folder (metadata.json), a FaceForensics++ tree or any folder of videos"));
    connect(openFolderButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of videos"));
        if (!dir.isEmpty())
            openFolder(dir);
    });
    m_modelChoice = new ModelChoice(QStringLiteral("deepfake"), tr("Open detector weights"));
    m_modelChoice->setObjectName(QStringLiteral("modelChoice"));
    m_modelChoice->setMinimumWidth(220);
    connect(m_modelChoice, &ModelChoice::modelChosen, this, &DeepfakeView::chooseModel);
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("methodChoice"));
    for (const QString &method : DeepfakeModel::methods())
        m_method->addItem(explanationMethodLabel(method), method);
    m_method->setToolTip(tr("How the detector's decision is explained; each method's explanations are cached separately"));
    enableClipMethods();
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        m_steps.push(tr("Explain with %1").arg(m_method->currentText()), m_model->method(), m_method->currentData().toString(),
                     [this](const QVariant &value) {
                         m_model->setMethod(value.toString());
                         const QSignalBlocker block(m_method);
                         m_method->setCurrentIndex(m_method->findData(value.toString()));
                         Q_EMIT viewSettingsChanged();
                     });
    });
    m_explain = new QCheckBox(tr("Explain"));
    m_explain->setObjectName(QStringLiteral("explainToggle"));
    m_explain->setToolTip(tr("Score and explain the frames in the background, from the playhead on"));
    m_explain->setChecked(m_model->isExplaining());
    connect(m_explain, &QCheckBox::clicked, this, [this](bool on) {
        m_steps.push(on ? tr("Explain the frames") : tr("Stop explaining"), !on, on, [this](const QVariant &value) {
            m_model->setExplaining(value.toBool());
            const QSignalBlocker block(m_explain);
            m_explain->setChecked(value.toBool());
        });
    });
    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName(QStringLiteral("threshold"));
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setValue(m_model->threshold());
    m_threshold->setToolTip(tr("P(fake) at which a frame counts as fake; the timeline marks where the score rises past it"));
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double threshold) {
        // One step for a run of arrow presses or keystrokes.
        m_steps.push(tr("Threshold %1").arg(threshold, 0, 'f', 2), m_model->threshold(), threshold,
                     [this](const QVariant &value) {
                         m_model->setThreshold(value.toDouble());
                         const QSignalBlocker block(m_threshold);
                         m_threshold->setValue(value.toDouble());
                     },
                     kThresholdStep);
    });
    m_compare = new QCheckBox(tr("Compare with the original"));
    m_compare->setObjectName(QStringLiteral("compareToggle"));
    m_compare->setToolTip(tr("A wipe between this fake (left) and the real video it was made from (right); drag the line"));
    m_compare->setEnabled(false);
    connect(m_compare, &QCheckBox::toggled, this, &DeepfakeView::updateWipe);
    bar->addGroup({openVideoButton, openFolderButton});
    bar->addSpacing(12);
    bar->addGroup({new QLabel(tr("Detector")), m_modelChoice}, 1);
    bar->addGroup({new QLabel(tr("Method")), m_method, m_explain});
    bar->addGroup({new QLabel(tr("Threshold")), m_threshold});
    bar->addWidget(m_compare);
    layout->addLayout(bar);

    m_layers = new widgets::LayerModel(this);
    m_imageView = new widgets::ImageView(m_layers);
    m_imageView->setObjectName(QStringLiteral("frameView"));
    m_layerPanel = new widgets::LayerPanel(m_layers);
    m_frameInfo = new QLabel;
    m_frameInfo->setObjectName(QStringLiteral("frameInfo"));
    m_frameInfo->setWordWrap(true);
    m_frameInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("videoSummary"));
    m_summary->setWordWrap(true);
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_layerPanel, 1);
    sideLayout->addWidget(m_frameInfo);
    sideLayout->addWidget(m_summary);
    sideLayout->addWidget(makeExportButtons());
    m_videos = new QTreeWidget;
    m_videos->setObjectName(QStringLiteral("videoList"));
    m_videos->setRootIsDecorated(false);
    m_videos->setHeaderLabels({tr("Video"), tr("Label"), tr("Masks")});
    m_videos->header()->setStretchLastSection(false);
    m_videos->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_videos, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int row = m_videos->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_folder->videos().size() && m_folder->videos()[row].path != m_model->video().path)
            m_model->open(m_folder->videos()[row].path, 0, m_folder->companionsOf(row));
    });
    m_sideTabs = new QTabWidget;
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(widgets::scrollable(side), tr("Frame"));
    auto *videosTab = new QWidget;
    auto *videosLayout = new QVBoxLayout(videosTab);
    videosLayout->setContentsMargins(0, 0, 0, 0);
    videosLayout->addWidget(m_videos, 1);
    // DFDC ships no masks: they are the fake's difference to its original, cleaned by a median.
    auto *difference = new QHBoxLayout;
    m_differenceThreshold = new QSpinBox;
    m_differenceThreshold->setObjectName(QStringLiteral("differenceThreshold"));
    m_differenceThreshold->setRange(0, 254);
    m_differenceThreshold->setValue(m_folder->differenceSettings().threshold);
    m_differenceThreshold->setToolTip(tr("A pixel is manipulated where the fake and its original differ by more than this (of 255) "
                                         "in some channel: above the videos' coding noise"));
    m_differenceMedian = new QSpinBox;
    m_differenceMedian->setObjectName(QStringLiteral("differenceMedian"));
    m_differenceMedian->setRange(1, 99);
    m_differenceMedian->setSingleStep(2);
    m_differenceMedian->setValue(m_folder->differenceSettings().medianSize);
    m_differenceMedian->setToolTip(tr("Side of the median filter that removes isolated pixels (odd; 1: none)"));
    difference->addWidget(new QLabel(tr("Difference masks: threshold")));
    difference->addWidget(m_differenceThreshold);
    difference->addWidget(new QLabel(tr("median")));
    difference->addWidget(m_differenceMedian);
    videosLayout->addLayout(difference);
    const auto applyDifference = [this] {
        int median = m_differenceMedian->value();
        if (median % 2 == 0)
            m_differenceMedian->setValue(++median); // odd only; the spin box's own step keeps it so
        m_folder->setDifferenceSettings({m_differenceThreshold->value(), median});
        const int row = m_folder->indexOf(m_model->video().path);
        if (row >= 0 && m_model->companions().differenceMasks) // the masks on screen change: open it again where it is
            m_model->open(m_model->video().path, std::max<qint64>(0, m_model->currentFrame()), m_folder->companionsOf(row));
    };
    connect(m_differenceThreshold, &QSpinBox::editingFinished, this, applyDifference);
    connect(m_differenceMedian, &QSpinBox::editingFinished, this, applyDifference);
    m_sideTabs->addTab(videosTab, tr("Videos"));
    m_sideTabs->setMaximumWidth(380);
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(m_imageView);
    middle->addWidget(m_sideTabs);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 0);
    middle->setSizes({1000, 320});

    m_timeline = new widgets::Timeline;
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setMinimumHeight(150);
    connect(m_timeline, &widgets::Timeline::currentFrameChanged, m_model, &DeepfakeModel::setCurrentFrame);

    m_metricsPanel = new DeepfakeMetricsPanel(m_model, m_folder, metrics);
    m_bottomTabs = new QTabWidget;
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->addTab(m_timeline, tr("Timeline"));
    m_bottomTabs->addTab(m_metricsPanel, tr("Metrics"));
    // The frame, its panel and the timeline under them: the video as it plays.
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    vertical->addWidget(middle);
    vertical->addWidget(m_bottomTabs);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    layout->addWidget(vertical, 1);
    m_status = new QLabel(tr("Open a video: its faces are found, then scored and explained by the detector, frame by frame."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_model, &DeepfakeModel::videoChanged, this, &DeepfakeView::onVideoChanged);
    connect(m_model, &DeepfakeModel::facesChanged, this, &DeepfakeView::onFacesChanged);
    connect(m_model, &DeepfakeModel::scoresChanged, this, &DeepfakeView::onScoresChanged);
    connect(m_model, &DeepfakeModel::frameReady, this, &DeepfakeView::showFrame);
    connect(m_model, &DeepfakeModel::thresholdChanged, this, [this] {
        m_threshold->setValue(m_model->threshold());
        updateMarkers();
        showSummary();
        Q_EMIT viewSettingsChanged();
    });
    connect(m_model, &DeepfakeModel::methodChanged, this, [this] {
        const int index = m_method->findData(m_model->method());
        if (index >= 0 && index != m_method->currentIndex())
            m_method->setCurrentIndex(index);
    });
    connect(m_model, &DeepfakeModel::modelChanged, this, [this] {
        m_modelChoice->setCurrentModel(m_model->modelName());
        enableClipMethods();
        showSummary();
    });
    connect(m_model, &DeepfakeModel::message, m_status, &QLabel::setText);
    connect(m_folder, &DeepfakeFolder::changed, this, &DeepfakeView::showFolder);
    connect(m_folder, &DeepfakeFolder::problem, this, [this](const QString &text) {
        m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped()));
    });
    connect(m_model, &DeepfakeModel::problem, this, [this](const QString &text) {
        m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped()));
    });
    showSummary();
}

void DeepfakeView::openVideo(const QString &path)
{
    QVariantMap after{{QStringLiteral("folder"), m_folder->path()}, {QStringLiteral("video"), QFileInfo(path).absoluteFilePath()}};
    pushInputs(tr("Open %1").arg(QFileInfo(path).fileName()), after);
}

void DeepfakeView::openFolder(const QString &folder)
{
    QVariantMap after{{QStringLiteral("folder"), QFileInfo(folder).absoluteFilePath()}, {QStringLiteral("video"), QString()}};
    pushInputs(tr("Open %1").arg(QFileInfo(folder).fileName()), after);
}

void DeepfakeView::pushInputs(const QString &text, const QVariantMap &after)
{
    const QVariantMap before{{QStringLiteral("folder"), m_folder->path()}, {QStringLiteral("video"), m_model->video().path}};
    m_steps.push(text, before, after, [this](const QVariant &value) {
        // A folder opens its first video once listed; a video alone replaces the one shown.
        const QVariantMap inputs = value.toMap();
        const QString folder = inputs.value(QStringLiteral("folder")).toString(), video = inputs.value(QStringLiteral("video")).toString();
        if (folder != m_folder->path()) {
            if (folder.isEmpty())
                m_folder->clear();
            else
                m_folder->open(folder);
        }
        if (!folder.isEmpty() && video.isEmpty())
            return;
        if (video.isEmpty())
            m_model->clear();
        else if (video != m_model->video().path)
            m_model->open(video);
    });
}

void DeepfakeView::chooseModel(const QString &nameOrPath)
{
    m_steps.push(tr("Use the detector %1").arg(QFileInfo(nameOrPath).fileName()), m_model->modelName(), nameOrPath,
                 [this](const QVariant &value) { m_model->setModel(value.toString()); });
}

QString DeepfakeView::statusText() const
{
    return m_status->text();
}

QString DeepfakeView::frameText() const
{
    return m_frameInfo->text();
}

void DeepfakeView::onVideoChanged()
{
    const DeepfakeVideo &video = m_model->video();
    m_timeline->clearTracks();
    m_timeline->setVideo(video.frameCount, video.frameRate);
    if (video.frameCount > 0) {
        m_timeline->addTrack(tr("P(fake)"), video.scores, kScoreColour, 0.0, 1.0);
        QVector<double> faces(video.frameCount, std::nan(""));
        m_timeline->addTrack(tr("face found"), faces, kFaceColour, -0.1, 1.1);
        m_timeline->setThumbnailProvider(m_model->thumbnailProvider());
    }
    if (video.frameCount == 0)
        m_layers->clear();
    m_compare->setEnabled(!m_model->companions().original.isEmpty());
    if (!m_compare->isEnabled())
        m_compare->setChecked(false);
    const int row = m_folder->indexOf(video.path);
    if (row >= 0)
        m_videos->setCurrentItem(m_videos->topLevelItem(row));
    showSummary();
}

void DeepfakeView::showFolder()
{
    m_videos->clear();
    const QDir root(m_folder->path());
    for (const FolderVideo &v : m_folder->videos()) {
        auto *item = new QTreeWidgetItem(m_videos);
        item->setText(0, root.relativeFilePath(v.path));
        item->setToolTip(0, v.path);
        item->setText(1, !v.labelled ? tr("unlabelled") : v.fake ? tr("fake") : tr("real"));
        if (v.labelled)
            item->setForeground(1, v.fake ? QColor(198, 40, 40) : QColor(46, 125, 50));
        item->setText(2, !v.masks.isEmpty() ? tr("shipped") : v.fake && !v.original.isEmpty() ? tr("difference") : QString());
        item->setToolTip(2, !v.masks.isEmpty() ? v.masks
                            : v.fake && !v.original.isEmpty() ? tr("From the difference to the original: %1").arg(v.original)
                                                               : QString());
    }
    m_videos->resizeColumnToContents(1);
    m_videos->resizeColumnToContents(2);
    if (m_folder->videos().isEmpty())
        return;
    m_sideTabs->setCurrentIndex(1);
    m_status->setText(tr("%1: %n video(s), %2", nullptr, int(m_folder->videos().size()))
                          .arg(QDir::toNativeSeparators(m_folder->path()),
                               m_folder->layout() == QLatin1String("dfdc")            ? tr("DFDC layout (metadata.json)")
                               : m_folder->layout() == QLatin1String("faceforensics") ? tr("FaceForensics++ layout")
                                                                                      : tr("no labels")));
    const int row = m_folder->indexOf(m_model->video().path);
    if (row < 0) // the first video, unless one of the folder's is open already
        m_model->open(m_folder->videos().first().path, 0, m_folder->companionsOf(0));
    else
        m_videos->setCurrentItem(m_videos->topLevelItem(row));
}

void DeepfakeView::showMetrics()
{
    m_bottomTabs->setCurrentWidget(m_metricsPanel);
}

void DeepfakeView::putLayer(const widgets::Layer &layer, bool visibleAtFirst)
{
    if (m_layers->rowOf(layer.id) >= 0) {
        m_layers->replaceLayer(layer);
        return;
    }
    widgets::Layer added = layer;
    added.visible = visibleAtFirst;
    m_layers->addLayer(added);
    // Above every layer that comes before it in the order, below the rest.
    const int place = layerOrder().indexOf(layer.id);
    int target = 0;
    for (int row = 0; row < m_layers->count(); ++row) {
        const int other = layerOrder().indexOf(m_layers->layer(row).id);
        if (m_layers->layer(row).id != layer.id && other >= 0 && other < place)
            target = std::max(target, row + 1);
    }
    const int from = m_layers->rowOf(layer.id);
    if (from != target)
        m_layers->moveLayer(from, target);
}

void DeepfakeView::dropLayer(const QString &id)
{
    if (id == kOriginalLayer)
        m_imageView->clearWipe();
    m_layers->removeLayer(id);
}

void DeepfakeView::updateWipe()
{
    const int row = m_layers->rowOf(kOriginalLayer);
    if (row < 0) {
        m_imageView->clearWipe();
        return;
    }
    m_layers->setVisible(row, m_compare->isChecked());
    if (m_compare->isChecked()) {
        m_imageView->setWipe(kFrameLayer, kOriginalLayer);
        m_imageView->setWipePosition(0.5);
    } else {
        m_imageView->clearWipe();
    }
}

void DeepfakeView::onFacesChanged(qint64 first, qint64 last)
{
    const DeepfakeVideo &video = m_model->video();
    for (qint64 i = std::max<qint64>(0, first); i <= last && i < video.faces.size(); ++i)
        m_timeline->setTrackValue(kFaceTrack, i, video.faces[i] ? 1.0 : 0.0);
    showSummary();
}

void DeepfakeView::onScoresChanged(qint64 first, qint64 last)
{
    const DeepfakeVideo &video = m_model->video();
    for (qint64 i = std::max<qint64>(0, first); i <= last && i < video.scores.size(); ++i)
        m_timeline->setTrackValue(kScoreTrack, i, video.scores[i]);
    updateMarkers();
    showSummary();
}

void DeepfakeView::updateMarkers()
{
    m_timeline->clearMarkers();
    for (const qint64 frame : m_model->thresholdCrossings())
        m_timeline->addMarker(frame, QString(), kScoreColour); // unlabelled: on a long video the labels would overlap
}

void DeepfakeView::showFrame()
{
    const DeepfakeFrame &frame = m_model->frame();
    if (frame.rgb.isNull()) {
        m_frameInfo->clear();
        return;
    }
    widgets::Layer picture;
    picture.id = kFrameLayer;
    picture.name = tr("Frame");
    picture.kind = widgets::LayerKind::Image;
    picture.image = frame.rgb;
    putLayer(picture, true);

    if (!frame.original.isNull()) {
        widgets::Layer original;
        original.id = kOriginalLayer;
        original.name = tr("Original (the real video)");
        original.kind = widgets::LayerKind::Image;
        original.image = frame.original;
        const bool first = m_layers->rowOf(kOriginalLayer) < 0;
        putLayer(original, m_compare->isChecked());
        if (first)
            updateWipe();
    } else if (m_layers->rowOf(kOriginalLayer) >= 0 && m_model->companions().original.isEmpty()) {
        dropLayer(kOriginalLayer);
    }
    if (!frame.mask.isNull()) {
        widgets::Layer mask;
        mask.id = kMaskLayer;
        mask.name = tr("Manipulated region (outline)");
        mask.kind = widgets::LayerKind::Image;
        mask.image = maskOutline(frame.mask);
        putLayer(mask, true);
    } else if (m_layers->rowOf(kMaskLayer) >= 0 && !m_model->companions().hasMasks()) {
        dropLayer(kMaskLayer);
    }

    // The explanation, transparent where it is zero (no evidence for "fake", or outside the face
    // the detector saw) and where it is not known yet; the layer stays, so its settings stay put
    // while scrubbing.
    widgets::Layer heat;
    heat.id = kHeatmapLayer;
    heat.name = tr("%1 (per frame, 0 to its maximum)").arg(explanationMethodLabel(m_model->method()));
    heat.kind = widgets::LayerKind::ScalarMap;
    heat.values = transparentWhereZero(frame.heatmap, frame.rgb.size());
    heat.colormap = periscope::Colormap::Jet;
    heat.opacity = 0.5;
    heat.low = 0.0;
    heat.high = 1.0;
    putLayer(heat, true);

    widgets::Layer face;
    face.id = kFaceLayer;
    face.name = tr("Face");
    face.kind = widgets::LayerKind::Vector;
    if (frame.box) {
        widgets::VectorItem box;
        box.shape = widgets::VectorItem::Shape::Box;
        box.box = QRectF(frame.box->left, frame.box->top, frame.box->width, frame.box->height);
        const bool fake = !std::isnan(frame.score) && frame.score >= m_model->threshold();
        box.color = std::isnan(frame.score) ? QColor(Qt::yellow) : fake ? QColor(230, 40, 40) : QColor(40, 200, 80);
        box.label = std::isnan(frame.score) ? tr("face") : tr("P(fake) %1").arg(frame.score, 0, 'f', 2);
        face.items.append(box);
    }
    putLayer(face, true);

    const DeepfakeVideo &video = m_model->video();
    QString text = tr("<b>Frame %1</b> of %2 (%3)")
                       .arg(frame.index)
                       .arg(video.frameCount)
                       .arg(widgets::Timeline::timecode(frame.index, video.frameRate));
    if (!frame.box)
        text += frame.index < video.facesScanned ? tr("<br>No face found") : tr("<br>Faces not searched this far yet");
    else
        text += tr("<br>Face %1 x %2 at (%3, %4)<br>P(fake): %5")
                    .arg(frame.box->width, 0, 'f', 0)
                    .arg(frame.box->height, 0, 'f', 0)
                    .arg(frame.box->left, 0, 'f', 0)
                    .arg(frame.box->top, 0, 'f', 0)
                    .arg(percent(frame.score));
    m_frameInfo->setText(text);
    if (m_timeline->currentFrame() != frame.index)
        m_timeline->setCurrentFrame(frame.index);
}

void DeepfakeView::enableClipMethods()
{
    // A frame model (EfficientNet) has no attention to roll out; until a clip model is loaded the
    // item stays in the list, greyed, saying why.
    auto *items = qobject_cast<QStandardItemModel *>(m_method->model());
    const int index = m_method->findData(QStringLiteral("rollout"));
    if (!items || index < 0)
        return;
    QStandardItem *rollout = items->item(index);
    const bool clips = m_model->explainsClips();
    rollout->setEnabled(clips || m_model->method() == QLatin1String("rollout"));
    rollout->setToolTip(clips ? tr("Attention rollout through the clip model's pooled attention")
                              : tr("Attention rollout explains a transformer: choose a clip model (MViT) first"));
}

void DeepfakeView::showSummary()
{
    const DeepfakeVideo &video = m_model->video();
    if (video.frameCount == 0) {
        m_summary->setText(m_model->hasDetector() ? m_model->modelDescription() : QString());
        return;
    }
    const qint64 faces = std::count_if(video.faces.cbegin(), video.faces.cend(), [](const auto &b) { return b.has_value(); });
    const double mean = video.meanScore();
    QString verdict;
    if (!std::isnan(mean))
        verdict = mean >= m_model->threshold() ? tr("<b style='color:#c62828'>fake</b>") : tr("<b style='color:#2e7d32'>real</b>");
    m_summary->setText(tr("<b>%1</b><br>Faces in %2 of %3 searched frames<br>Explained: %4 of %5 frames with a face<br>"
                          "Video score (mean P(fake)): %6 %7<br>%8")
                           .arg(QFileInfo(video.path).fileName().toHtmlEscaped())
                           .arg(faces)
                           .arg(video.facesScanned)
                           .arg(video.explained())
                           .arg(faces)
                           .arg(percent(mean), verdict,
                                m_model->hasDetector() ? m_model->modelDescription().toHtmlEscaped()
                                : m_model->modelName().isEmpty() ? tr("No detector chosen: faces only")
                                                                 : tr("Loading the detector...")));
}

} // namespace periscope::app
