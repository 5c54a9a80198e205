// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/ColorizeView.h"

#include "app/shell/ModelChoice.h"

#include "app/models/BuiltInColorizers.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeTrainingPanel.h"
#include "app/workspaces/colorize/StudyPanel.h"
#include "engine/colorize/Colorizer.h"
#include "widgets/layout/ElidedLabel.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/layout/FlowLayout.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/layout/ScrollablePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace periscope::app {

namespace {

const QString kImageLayer = QStringLiteral("photo");
const QString kErrorLayer = QStringLiteral("delta-e");
constexpr double kErrorScaleTop = 30.0; // ΔE00 above ~30 is a different colour altogether

widgets::Layer imageLayer(const QString &id, const QString &name, const QImage &image)
{
    widgets::Layer layer;
    layer.id = id;
    layer.name = name;
    layer.kind = widgets::LayerKind::Image;
    layer.image = image;
    return layer;
}

QString number(double value, int decimals)
{
    if (std::isinf(value))
        return QStringLiteral("∞");
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

// A titled column around an image view.
QWidget *titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title));
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

ColorizeView::ColorizeView(ColorizeModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);

    // Inputs, model, actions.
    // A row that wraps on a narrow window (widgets/layout/FlowLayout.h).
    auto *bar = new widgets::FlowLayout;
    auto *openPhotos = new QPushButton(tr("Open photos..."));
    auto *openFolder = new QPushButton(tr("Open folder..."));
    connect(openPhotos, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open photos"), QString(),
                                                                tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)"));
        Q_EMIT openRequested(files);
    });
    connect(openFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of photos"));
        if (!folder.isEmpty())
            Q_EMIT openRequested({folder});
    });
    auto *clear = new QPushButton(tr("Clear"));
    clear->setObjectName(QStringLiteral("clearButton"));
    clear->setToolTip(tr("Close every photo (Edit > Undo brings them back)"));
    connect(clear, &QPushButton::clicked, this, &ColorizeView::clearRequested);
    m_modelChoice = new ModelChoice(QStringLiteral("colorize"), tr("Open colorizer weights"));
    m_modelChoice->setMinimumWidth(220);
    connect(m_modelChoice, &ModelChoice::modelChosen, this, &ColorizeView::modelRequested);
    // The annealed-mean temperature: shown for colorizers that classify colours (eccv16). Applied
    // when released, not on every step of a drag: each change recolorizes every photo.
    m_temperatureLabel = new QLabel(tr("Temperature"));
    m_temperatureSlider = new QSlider(Qt::Horizontal);
    m_temperatureSlider->setObjectName(QStringLiteral("temperatureSlider"));
    m_temperatureSlider->setRange(temperaturePosition(1.0), temperaturePosition(colorize::Colorizer::kMinTemperature));
    m_temperatureSlider->setPageStep(10);
    m_temperatureSlider->setTracking(false);
    m_temperatureSlider->setMinimumWidth(100);
    m_temperatureValue = new QLabel;
    m_temperatureValue->setObjectName(QStringLiteral("temperatureValue"));
    m_temperatureValue->setMinimumWidth(m_temperatureValue->fontMetrics().horizontalAdvance(QStringLiteral("T = 0.00")));
    for (QWidget *w : std::initializer_list<QWidget *>{m_temperatureLabel, m_temperatureSlider, m_temperatureValue})
        w->setToolTip(tr("Zhang et al.'s annealed-mean temperature T: how the network's probabilities over colours become one "
                         "colour per pixel. Left, T = 1: their mean. Right, towards the single likeliest colour: bolder where the "
                         "network is sure of a vivid colour, more muted where its likeliest colour is a muted one, and wrong more "
                         "often. The authors' network looks more vivid at their T = 0.38; the built-in model is both more "
                         "colourful and closer to the truth at T = 1 (docs/benchmarks.md)."));
    setTemperatureControlsVisible(false); // until a model that has a temperature loads
    connect(m_temperatureSlider, &QSlider::sliderMoved, this, [this](int position) { showTemperature(temperatureAt(position)); });
    connect(m_temperatureSlider, &QSlider::valueChanged, this, [this](int position) {
        showTemperature(temperatureAt(position));
        Q_EMIT temperatureRequested(temperatureAt(position));
    });
    m_colorizeButton = new QPushButton(tr("Colorize all"));
    m_colorizeButton->setObjectName(QStringLiteral("colorizeButton"));
    connect(m_colorizeButton, &QPushButton::clicked, this, [this] { m_model->colorize(); });
    m_cancelButton = new QPushButton(tr("Cancel"));
    connect(m_cancelButton, &QPushButton::clicked, m_model, &ColorizeModel::cancel);
    m_exportButton = new QPushButton(tr("Export results..."));
    m_exportButton->setToolTip(tr("Write every colorized photo at full resolution as NAME.colorized.png, and their metrics as colorize-metrics.csv"));
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        // Where the last export went, else the Pictures folder: never the photos' own folder,
        // which a hurried Enter would fill with results (#23).
        QSettings settings;
        const QString start = settings.value(QStringLiteral("colorize/exportFolder"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the colorized photos to"), start);
        if (folder.isEmpty())
            return;
        settings.setValue(QStringLiteral("colorize/exportFolder"), folder);
        m_model->exportResults(folder);
    });
    m_modeChoice = new QComboBox;
    m_modeChoice->setObjectName(QStringLiteral("modeChoice"));
    m_modeChoice->addItem(tr("Side by side"));
    m_modeChoice->addItem(tr("Wipe: result | truth"));
    m_errorLayer = new QCheckBox(tr("ΔE2000 error"));
    m_errorLayer->setObjectName(QStringLiteral("errorLayer"));
    m_errorLayer->setToolTip(tr("The CIEDE2000 difference between result and truth per pixel, over the result"));
    bar->addGroup({openPhotos, openFolder, clear});
    bar->addSpacing(12);
    bar->addGroup({new QLabel(tr("Model")), m_modelChoice}, 1);
    bar->addGroup({m_colorizeButton, m_cancelButton, m_exportButton});
    bar->addSpacing(12);
    bar->addGroup({m_modeChoice, m_errorLayer});
    layout->addLayout(bar);
    m_modelLabel = new widgets::ElidedLabel(tr("No model loaded"));
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    // The model's line carries its temperature: a group of its own in the tool bar would wrap it
    // to a second row at 1280 x 720 and take that height from the photos.
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_modelLabel, 1);
    modelRow->addWidget(m_temperatureLabel);
    modelRow->addWidget(m_temperatureSlider);
    modelRow->addWidget(m_temperatureValue);
    layout->addLayout(modelRow);

    // Thumbnails | views.
    m_thumbnails = new QListWidget;
    m_thumbnails->setObjectName(QStringLiteral("thumbnails"));
    m_thumbnails->setViewMode(QListView::IconMode);
    m_thumbnails->setFlow(QListView::TopToBottom);
    m_thumbnails->setWrapping(false);
    m_thumbnails->setIconSize(QSize(120, 90));
    m_thumbnails->setMovement(QListView::Static);
    m_thumbnails->setMaximumWidth(170);
    connect(m_thumbnails, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_model->selected())
            m_model->select(row);
    });

    m_grayLayers = new widgets::LayerModel(this);
    m_resultLayers = new widgets::LayerModel(this);
    m_truthLayers = new widgets::LayerModel(this);
    m_wipeLayers = new widgets::LayerModel(this);
    m_grayView = new widgets::ImageView(m_grayLayers);
    m_resultView = new widgets::ImageView(m_resultLayers);
    m_truthView = new widgets::ImageView(m_truthLayers);
    m_wipeView = new widgets::ImageView(m_wipeLayers);
    m_grayView->linkWith(m_resultView);
    m_grayView->linkWith(m_truthView);
    m_resultView->linkWith(m_truthView);
    m_wipeView->linkWith(m_resultView);
    setEmptyMessages(noPhotosMessage());
    auto *sideBySide = new QWidget;
    auto *sides = new QHBoxLayout(sideBySide);
    sides->setContentsMargins(0, 0, 0, 0);
    sides->addWidget(titled(tr("Gray input"), m_grayView), 1);
    sides->addWidget(titled(tr("Result"), m_resultView), 1);
    sides->addWidget(titled(tr("Truth"), m_truthView), 1);
    m_views = new QStackedWidget;
    m_views->addWidget(sideBySide);
    m_views->addWidget(titled(tr("Result (left) and truth (right): drag the line"), m_wipeView));
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    middle->addWidget(m_thumbnails);
    middle->addWidget(m_views);
    middle->setStretchFactor(1, 1);

    // Metrics, histograms, training.
    m_metrics = new QTableWidget;
    m_metrics->setObjectName(QStringLiteral("metricsTable"));
    m_metrics->setColumnCount(6);
    m_metrics->setHorizontalHeaderLabels({tr("Photo"), tr("PSNR (dB)"), tr("SSIM"), tr("mean ΔE2000"), tr("Colourfulness"),
                                          tr("Truth colourfulness")});
    m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_metrics->verticalHeader()->setDefaultSectionSize(m_metrics->fontMetrics().height() + 6); // compact rows
    connect(m_metrics, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row < m_model->photos().size())
            m_model->select(row);
    });
    m_resultAb = new widgets::PlotView;
    m_resultAb->setObjectName(QStringLiteral("resultHistogram"));
    m_truthAb = new widgets::PlotView;
    m_truthAb->setObjectName(QStringLiteral("truthHistogram"));
    for (widgets::PlotView *plane : {m_resultAb, m_truthAb}) {
        plane->setEqualAspect(true); // the a/b plane is a plane: one unit of a is one of b
        plane->setMinimumSize(240, 200);
    }
    auto *histograms = new QWidget;
    auto *histogramLayout = new QHBoxLayout(histograms);
    histogramLayout->addWidget(m_resultAb);
    histogramLayout->addWidget(m_truthAb);
    m_training = new ColorizeTrainingPanel(m_model);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(widgets::scrollable(histograms), tr("ab histograms"));
    m_tabs->addTab(widgets::scrollable(m_training), tr("Train"));
    m_study = new StudyPanel(m_model, m_model->jobs());
    m_tabs->addTab(widgets::scrollable(m_study), tr("Study"));

    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(middle);
    vertical->addWidget(m_tabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    vertical->setSizes({520, 105}); // the photos first; the table shows 3 rows at 720 px, more when dragged
    layout->addWidget(vertical, 1);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_modeChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_views->setCurrentIndex(index);
        fitVisibleView();
        Q_EMIT viewSettingsChanged();
    });
    connect(m_errorLayer, &QCheckBox::toggled, this, [this](bool on) {
        for (widgets::LayerModel *layers : {m_resultLayers, m_wipeLayers}) {
            const int row = layers->rowOf(kErrorLayer);
            if (row >= 0 && layers->layer(row).visible != on)
                layers->setVisible(row, on);
        }
        Q_EMIT viewSettingsChanged();
    });
    connect(m_model, &ColorizeModel::photosChanged, this, &ColorizeView::onPhotosChanged);
    connect(m_model, &ColorizeModel::photoChanged, this, &ColorizeView::onPhotoChanged);
    connect(m_model, &ColorizeModel::detailReady, this, &ColorizeView::onDetailReady);
    connect(m_model, &ColorizeModel::modelChanged, this, &ColorizeView::onModelChanged);
    connect(m_model, &ColorizeModel::busyChanged, this, &ColorizeView::updateButtons);
    connect(m_model, &ColorizeModel::needsInception, this, [this](const QString &weights) {
        const QString inception = QFileDialog::getOpenFileName(
            this, tr("%1 takes its global features from Inception-ResNet-v2: open its weights").arg(QFileInfo(weights).fileName()),
            QFileInfo(weights).absolutePath(), tr("Weights (*.safetensors *.pth *.pt *.bin);;All files (*)"));
        if (inception.isEmpty()) {
            m_status->setText(tr("%1 needs Inception-ResNet-v2 weights (timm's inception_resnet_v2) to colorize.").arg(QFileInfo(weights).fileName()));
            return;
        }
        m_model->setInceptionWeights(inception);
        m_model->setModel(weights);
    });
    connect(m_model, &ColorizeModel::message, m_status, &QLabel::setText);
    connect(m_model, &ColorizeModel::problem, this, [this](const QString &text) {
        m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped()));
    });
    connect(m_study, &StudyPanel::problem, this, [this](const QString &text) {
        m_status->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped()));
    });
    showHistogram(m_resultAb, tr("Result: ab plane"), false);
    showHistogram(m_truthAb, tr("Truth: ab plane"), true);
    updateButtons();
}

void ColorizeView::setMode(Mode mode)
{
    m_modeChoice->setCurrentIndex(mode == Mode::Wipe ? 1 : 0);
}

ColorizeView::Mode ColorizeView::mode() const
{
    return m_modeChoice->currentIndex() == 1 ? Mode::Wipe : Mode::SideBySide;
}

void ColorizeView::setErrorLayerVisible(bool visible)
{
    m_errorLayer->setChecked(visible);
}

bool ColorizeView::isErrorLayerVisible() const
{
    return m_errorLayer->isChecked();
}

void ColorizeView::onPhotosChanged()
{
    const QSignalBlocker block(m_thumbnails);
    m_thumbnails->clear();
    for (const ColorizePhoto &photo : m_model->photos()) {
        // A file that could not be read says so where it is listed, never as a valid photo.
        const QString name = QFileInfo(photo.path).fileName();
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(photo.thumbnail)),
                                         photo.error.isEmpty() ? name : tr("%1 (cannot open)").arg(name));
        item->setToolTip(photo.error.isEmpty() ? QStringLiteral("%1\n%2 x %3, %4")
                                                     .arg(photo.path)
                                                     .arg(photo.size.width())
                                                     .arg(photo.size.height())
                                                     .arg(photo.hasTruth ? tr("colour: its colours are the truth") : tr("gray: no truth"))
                                               : photo.error);
        m_thumbnails->addItem(item);
    }
    m_thumbnails->setCurrentRow(m_model->selected());
    if (m_model->photos().isEmpty()) {
        for (widgets::LayerModel *layers : {m_grayLayers, m_resultLayers, m_truthLayers, m_wipeLayers})
            layers->clear();
        setEmptyMessages(noPhotosMessage());
    }
    updateMetricsTable();
    updateButtons();
}

void ColorizeView::onPhotoChanged(int index)
{
    if (QListWidgetItem *item = m_thumbnails->item(index)) {
        const ColorizePhoto &photo = m_model->photos().at(index);
        item->setIcon(QIcon(QPixmap::fromImage(photo.thumbnail)));
        if (photo.isColorized() && photo.hasTruth)
            item->setToolTip(tr("%1\nPSNR %2 dB, SSIM %3, mean ΔE2000 %4")
                                 .arg(photo.path, number(photo.psnr, 2), number(photo.ssim, 3), number(photo.meanDeltaE, 2)));
    }
    // One photo changed: its row and the mean, not the whole table (a folder has thousands).
    if (index >= 0 && index < m_model->photos().size() && m_metrics->rowCount() == m_model->photos().size() + 1) {
        updateMetricsRow(index);
        updateMeanRow();
    } else {
        updateMetricsTable();
    }
    updateButtons();
}

void ColorizeView::onDetailReady()
{
    const ColorizeDetail &d = m_model->detail();
    {
        const QSignalBlocker block(m_thumbnails);
        m_thumbnails->setCurrentRow(d.index);
    }
    const bool keepZoom = m_grayLayers->count() > 0 && m_grayLayers->imageSize() == d.gray.size();
    m_grayLayers->clear();
    m_resultLayers->clear();
    m_truthLayers->clear();
    m_wipeLayers->clear();
    if (!d.gray.isNull())
        m_grayLayers->addLayer(imageLayer(kImageLayer, tr("Gray input"), d.gray));
    if (!d.truth.isNull()) {
        m_truthLayers->addLayer(imageLayer(kImageLayer, tr("Truth"), d.truth));
        m_wipeLayers->addLayer(imageLayer(QStringLiteral("truth"), tr("Truth"), d.truth));
    } else if (!d.gray.isNull()) {
        m_wipeLayers->addLayer(imageLayer(QStringLiteral("truth"), tr("Gray input"), d.gray));
    }
    const QImage shownResult = d.result.isNull() ? d.gray : d.result;
    if (!shownResult.isNull()) {
        m_resultLayers->addLayer(imageLayer(kImageLayer, d.result.isNull() ? tr("Not colorized yet") : tr("Result"), shownResult));
        m_wipeLayers->addLayer(imageLayer(QStringLiteral("result"), tr("Result"), shownResult));
    }
    if (!d.deltaE.isNull()) {
        widgets::Layer error;
        error.id = kErrorLayer;
        error.name = tr("ΔE2000");
        error.kind = widgets::LayerKind::ScalarMap;
        error.values = d.deltaE;
        error.colormap = Colormap::Magma;
        error.low = 0.0;
        error.high = kErrorScaleTop;
        error.opacity = 0.85;
        error.visible = m_errorLayer->isChecked();
        m_resultLayers->addLayer(error);
        m_wipeLayers->addLayer(error);
    }
    // A view left empty says why: the file could not be read, or a gray photo has no truth.
    const QList<ColorizePhoto> &photos = m_model->photos();
    if (d.index >= 0 && d.index < photos.size()) {
        const ColorizePhoto &photo = photos[d.index];
        const QString name = QFileInfo(photo.path).fileName();
        if (!photo.error.isEmpty())
            setEmptyMessages(tr("Cannot open %1: %2").arg(name, photo.error));
        else
            m_truthView->setEmptyMessage(tr("%1 is a gray photo: it has no colours to compare with.").arg(name));
    }
    if (m_wipeLayers->rowOf(QStringLiteral("result")) >= 0 && m_wipeLayers->rowOf(QStringLiteral("truth")) >= 0)
        // The ΔE2000 map is the result's error: it is clipped with the result, never over the truth.
        m_wipeView->setWipe(QStringList{QStringLiteral("result"), kErrorLayer}, QStringList{QStringLiteral("truth")});
    if (!keepZoom)
        fitVisibleView();
    showHistogram(m_resultAb, tr("Result: ab plane"), false);
    showHistogram(m_truthAb, tr("Truth: ab plane"), true);
    if (d.index >= 0 && d.index < m_metrics->rowCount())
        m_metrics->selectRow(d.index);
}

QString ColorizeView::noPhotosMessage() const
{
    return tr("Open photos or a folder to colorize them: File > Open, the Open buttons, or drop them here.");
}

void ColorizeView::setEmptyMessages(const QString &message)
{
    for (widgets::ImageView *view : {m_grayView, m_resultView, m_truthView, m_wipeView})
        view->setEmptyMessage(message);
}

void ColorizeView::fitVisibleView()
{
    // The views are linked: fitting the one on screen sets the others to the same zoom. Fitting a
    // hidden one would impose its arbitrary size on them. After the layout has settled.
    QTimer::singleShot(0, this, [this] { (mode() == Mode::Wipe ? m_wipeView : m_resultView)->fitToView(); });
}

void ColorizeView::showHistogram(widgets::PlotView *plot, const QString &title, bool truth)
{
    const ColorizeDetail &d = m_model->detail();
    const colorize::AbHistogram &h = truth ? d.truthAb : d.resultAb;
    plot->clear();
    // Named after its photo: an exported figure's ab panels say whose colours they show (#23).
    const QList<ColorizePhoto> &photos = m_model->photos();
    const QString photo = d.index >= 0 && d.index < photos.size() ? QFileInfo(photos[d.index].path).fileName() : QString();
    plot->setLabels(tr("a"), tr("b"), photo.isEmpty() ? title : tr("%1, %2").arg(title, photo));
    if (h.bins <= 0)
        return;
    // log10 of the pixel share, so that rare saturated colours show beside the many neutral ones.
    QVector<double> values(h.counts.size());
    for (std::size_t i = 0; i < h.counts.size(); ++i)
        values[qsizetype(i)] = h.counts[i] > 0.0 ? std::log10(h.counts[i]) : -6.0;
    plot->setHeatmap(tr("log10 share of pixels"), h.bins, h.bins, values, QRectF(-h.range, -h.range, 2 * h.range, 2 * h.range),
                     Colormap::Viridis, -6.0, 0.0);
}

void ColorizeView::onModelChanged()
{
    m_modelLabel->setText(tr("Model: %1").arg(m_model->modelDescription()));
    m_modelChoice->setCurrentModel(m_model->model());
    setTemperatureControlsVisible(m_model->hasTemperature());
    if (m_model->hasTemperature()) {
        const QSignalBlocker blocker(m_temperatureSlider);
        m_temperatureSlider->setValue(temperaturePosition(m_model->temperature()));
        showTemperature(m_model->temperature());
    }
    updateButtons();
}

int ColorizeView::temperaturePosition(double temperature)
{
    return int(std::lround((1.0 - temperature) * 100.0));
}

double ColorizeView::temperatureAt(int position)
{
    return 1.0 - position / 100.0;
}

void ColorizeView::setTemperatureControlsVisible(bool visible)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_temperatureLabel, m_temperatureSlider, m_temperatureValue})
        w->setVisible(visible);
}

void ColorizeView::showTemperature(double temperature)
{
    m_temperatureValue->setText(tr("T = %1").arg(temperature, 0, 'f', 2));
}

void ColorizeView::setMetricsRow(int row, const QString &name, double psnr, double ssim, double deltaE, double colourfulness,
                                  double truthColourfulness, bool bold)
{
    const QString texts[6] = {name, number(psnr, 2), number(ssim, 3), number(deltaE, 2), number(colourfulness, 1), number(truthColourfulness, 1)};
    for (int column = 0; column < 6; ++column) {
        auto *item = new QTableWidgetItem(texts[column]);
        if (column > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (bold) {
            QFont font = m_metrics->font();
            font.setBold(true);
            item->setFont(font);
        }
        m_metrics->setItem(row, column, item);
    }
}

void ColorizeView::updateMetricsRow(int index)
{
    const ColorizePhoto &p = m_model->photos().at(index);
    const QString name = QFileInfo(p.path).fileName();
    const QString label = !p.error.isEmpty() && !p.isColorized() ? tr("%1 (cannot open: %2)").arg(name, p.error)
                          : p.hasTruth                          ? name
                                                                : name + tr(" (gray: no truth)");
    setMetricsRow(index, label, p.psnr, p.ssim, p.meanDeltaE,
                  p.colourfulness, p.truthColourfulness, false);
}

void ColorizeView::updateMeanRow()
{
    const ColorizeFolderMetrics m = m_model->folderMetrics();
    setMetricsRow(int(m_model->photos().size()), tr("Mean over %n photo(s) with truth", nullptr, m.count), m.psnr, m.ssim, m.meanDeltaE,
                  m.colourfulness, m.truthColourfulness, true);
}

void ColorizeView::updateMetricsTable()
{
    m_metrics->setRowCount(int(m_model->photos().size()) + 1);
    for (int i = 0; i < m_model->photos().size(); ++i)
        updateMetricsRow(i);
    updateMeanRow();
}

void ColorizeView::updateButtons()
{
    const bool busy = m_model->isBusy();
    m_colorizeButton->setEnabled(!busy && m_model->hasModel() && !m_model->photos().isEmpty());
    m_cancelButton->setEnabled(busy);
    bool anyResult = false;
    for (const ColorizePhoto &p : m_model->photos())
        anyResult = anyResult || p.isColorized();
    m_exportButton->setEnabled(anyResult && !busy);
}

} // namespace periscope::app
