// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsView.h"

#include "app/shell/UndoSteps.h"
#include "app/common/SceneWords.h"

#include "app/shell/ModelChoice.h"

#include "app/models/BuiltInSlotModels.h"
#include "app/workspaces/slots/SlotsEmbeddingView.h"
#include "app/workspaces/slots/SlotsModel.h"
#include "app/workspaces/slots/SlotsTrainingPanel.h"
#include "widgets/layout/ElidedLabel.h"
#include "widgets/imageview/ImageView.h"
#include "app/figures/ImageConversion.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/layout/ScrollablePage.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QSignalBlocker>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {

QString objectWords(const scenes::SceneObjectAttributes &o)
{
    return SceneWords::object(o.size, o.color, o.material, o.shape);
}

const QString kImageLayer = QStringLiteral("scene");
const QString kSlotsLayer = QStringLiteral("slots");
const QString kTruthLayer = QStringLiteral("objects");
const QString kHighlightLayer = QStringLiteral("highlight");

QTableWidgetItem *item(const QString &text)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(it->flags() & ~Qt::ItemIsEditable);
    return it;
}

} // namespace

SlotsView::SlotsView(SlotsModel *model, QUndoStack *undo, QWidget *parent)
    : QWidget(parent), m_model(model), m_steps(undo)
{
    auto *open = new QPushButton(tr("Open scenes…"));
    open->setObjectName(QStringLiteral("openScenes"));
    open->setToolTip(tr("A scene folder (generated here, or CLEVR with its scenes JSON) or any folder of images"));
    auto *generate = new QPushButton(tr("Generate scenes…"));
    generate->setObjectName(QStringLiteral("generateScenes"));
    generate->setToolTip(tr("Render CLEVR-like scenes with instance masks (spheres, cubes, cylinders; rubber or metal)"));
    m_modelChoice = new ModelChoice(QStringLiteral("slots"), tr("Load a slot model"));
    m_modelChoice->setToolTip(tr("Built-in, added or downloaded models (Edit > Models…), or a weights file: our .safetensors or the "
                                 "paper's torch.save checkpoints (baldassarreFe/iclr-osc-22)"));
    m_modelLabel = new widgets::ElidedLabel(tr("No model"));
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_iteration = new QComboBox;
    m_iteration->setObjectName(QStringLiteral("iteration"));
    m_iteration->addItem(tr("Last iteration"), true);
    m_iteration->addItem(tr("First iteration"), false);
    m_iteration->setToolTip(tr("Which slot-attention iteration's maps make the masks"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summary"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(open);
    bar->addWidget(generate);
    bar->addWidget(m_modelChoice);
    bar->addWidget(m_iteration);
    bar->addWidget(m_modelLabel, 1);
    bar->addWidget(m_summary);

    m_scenes = new QListWidget;
    m_scenes->setObjectName(QStringLiteral("sceneList"));
    m_scenes->setViewMode(QListView::ListMode);
    m_scenes->setIconSize(QSize(64, 48));
    m_scenes->setMaximumWidth(190);

    m_layers = new widgets::LayerModel(this);
    m_imageView = new widgets::ImageView(m_layers);
    m_imageView->setObjectName(QStringLiteral("sceneView"));

    auto *tiles = new QWidget;
    m_tileGrid = new QGridLayout(tiles);
    m_tileGrid->setSpacing(4);
    auto *tileScroll = new QScrollArea;
    tileScroll->setWidget(tiles);
    tileScroll->setWidgetResizable(true);
    tileScroll->setMinimumWidth(380);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("slotTable"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Slot"), tr("Matched object"), tr("IoU"), tr("Share"), tr("Pixels")});
    m_table->horizontalHeaderItem(3)->setToolTip(tr("The slot's share of all attention"));
    m_table->horizontalHeaderItem(4)->setToolTip(tr("Pixels in the slot's mask"));
    // The numbers as wide as they need, the matched object the rest (beside the scene, the
    // column is narrow).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMouseTracking(true);

    // The slots' tiles above their table, beside the scene: what each slot found, in one column,
    // so that the scene keeps the window's height (#23).
    auto *slotColumn = new QSplitter(Qt::Vertical);
    slotColumn->addWidget(tileScroll);
    slotColumn->addWidget(m_table);
    slotColumn->setStretchFactor(0, 3);
    slotColumn->setStretchFactor(1, 2);
    slotColumn->setSizes({360, 220});
    auto *imageAndTiles = new QSplitter(Qt::Horizontal);
    imageAndTiles->addWidget(m_imageView);
    imageAndTiles->addWidget(slotColumn);
    imageAndTiles->setStretchFactor(0, 3);
    imageAndTiles->setStretchFactor(1, 2);
    // Above the scene: why a scene that could not be read shows nothing.
    m_sceneStatus = new QLabel;
    m_sceneStatus->setObjectName(QStringLiteral("sceneStatus"));
    m_sceneStatus->setWordWrap(true);
    m_sceneStatus->hide();
    auto *sceneBox = new QWidget;
    sceneBox->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    auto *sceneBoxLayout = new QVBoxLayout(sceneBox);
    sceneBoxLayout->setContentsMargins(0, 0, 0, 0);
    sceneBoxLayout->addWidget(m_sceneStatus);
    sceneBoxLayout->addWidget(imageAndTiles, 1);
    imageAndTiles->setSizes({560, 420});
    auto *scenePage = new QSplitter(Qt::Horizontal);
    scenePage->addWidget(m_scenes);
    scenePage->addWidget(sceneBox);
    scenePage->setStretchFactor(1, 1);
    scenePage->setSizes({180, 1000});

    m_embedding = new SlotsEmbeddingView(model);
    m_training = new SlotsTrainingPanel(model);
    connect(m_training, &TrainingPanel::useWeightsRequested, this, &SlotsView::chooseModel);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("slotsTabs"));
    m_tabs->addTab(scenePage, tr("Scene"));
    m_tabs->addTab(m_embedding, tr("Embeddings"));
    m_tabs->addTab(widgets::scrollable(m_training), tr("Training"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a scene folder or a folder of images"));
        if (!folder.isEmpty())
            openScenes({folder});
    });
    connect(generate, &QPushButton::clicked, this, &SlotsView::generateDialog);
    connect(m_modelChoice, &ModelChoice::modelChosen, this, &SlotsView::chooseModel);
    connect(m_iteration, &QComboBox::activated, this, [this] { chooseIteration(m_iteration->currentData().toBool()); });
    connect(m_scenes, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_model->selected())
            m_model->select(row);
    });
    connect(m_table, &QTableWidget::cellEntered, this, [this](int row, int) { highlightSlot(row); });
    connect(m_imageView, &widgets::ImageView::pixelHovered, this, [this](QPoint pixel, const QStringList &) {
        const slot::SlotMasks &masks = m_model->detail().masks;
        if (masks.labels.isNull() || pixel.x() < 0 || pixel.y() < 0 || pixel.x() >= masks.size || pixel.y() >= masks.size)
            return;
        highlightSlot(int(masks.labels.sample(pixel.x(), pixel.y(), 0)) - 1);
    });
    connect(m_embedding, &SlotsEmbeddingView::sceneRequested, this, [this](int scene, int slot) {
        m_tabs->setCurrentIndex(0);
        m_model->select(scene);
        m_highlighted = slot;
    });
    connect(m_model, &SlotsModel::scenesChanged, this, &SlotsView::rebuildSceneList);
    connect(m_model, &SlotsModel::sceneAnalysed, this, &SlotsView::updateScene);
    connect(m_model, &SlotsModel::analysisFinished, this, &SlotsView::updateSummary);
    connect(m_model, &SlotsModel::detailReady, this, &SlotsView::showDetail);
    connect(m_model, &SlotsModel::modelChanged, this, [this] {
        m_modelChoice->setCurrentModel(m_model->modelName());
        // Which weights, first (#23: after training one could not tell the new from the old).
        const QString name = m_model->modelName();
        const QString weights = QFileInfo(name).isAbsolute() ? tr("Weights %1").arg(QFileInfo(name).fileName()) : tr("Built-in %1").arg(name);
        m_modelLabel->setText(name.isEmpty() ? tr("No model") : tr("%1 · %2").arg(weights, m_model->modelDescription()));
        m_modelLabel->setDetail(name);
    });
}

void SlotsView::openScenes(const QStringList &inputs)
{
    const QString text = inputs.isEmpty() ? tr("Close the scenes")
                                          : tr("Open %1").arg(QFileInfo(inputs.last()).fileName().isEmpty() ? inputs.last() : QFileInfo(inputs.last()).fileName());
    m_steps.push(text, m_model->inputs(), inputs, [this](const QVariant &value) {
        const QStringList scenes = value.toStringList();
        if (scenes.isEmpty())
            m_model->clear();
        else
            m_model->open(scenes);
    });
}

void SlotsView::chooseModel(const QString &nameOrPath)
{
    m_steps.push(tr("Use the model %1").arg(QFileInfo(nameOrPath).fileName()), m_model->modelName(), nameOrPath,
                 [this](const QVariant &value) { m_model->setModel(value.toString()); });
}

void SlotsView::chooseIteration(bool last)
{
    m_steps.push(last ? tr("Masks from the last iteration") : tr("Masks from the first iteration"), m_model->lastIteration(), last,
                 [this](const QVariant &value) {
                     m_model->setLastIteration(value.toBool());
                     const QSignalBlocker block(m_iteration);
                     m_iteration->setCurrentIndex(m_iteration->findData(value.toBool()));
                     Q_EMIT viewSettingsChanged();
                 });
}

void SlotsView::rebuildSceneList()
{
    m_scenes->clear();
    for (int i = 0; i < m_model->scenes().size(); ++i) {
        const SlotsScene &s = m_model->scenes()[i];
        auto *entry = new QListWidgetItem(QIcon(QPixmap::fromImage(s.thumbnail)), s.entry.name);
        entry->setToolTip(s.error.isEmpty() ? s.entry.imagePath : s.error);
        m_scenes->addItem(entry);
        updateScene(i);
    }
    updateSummary();
}

void SlotsView::updateScene(int index)
{
    QListWidgetItem *entry = m_scenes->item(index);
    if (!entry)
        return;
    const SlotsScene &s = m_model->scenes()[index];
    QString text = s.entry.name;
    if (!s.error.isEmpty())
        text += QStringLiteral("\n") + tr("cannot open");
    else if (s.scored)
        text += QStringLiteral("\n") + tr("IoU %1 · ARI %2").arg(s.score.meanIoU, 0, 'f', 2).arg(s.score.foregroundAri, 0, 'f', 2);
    entry->setText(text);
}

void SlotsView::updateSummary()
{
    const slot::SlotScoreSummary s = m_model->summary();
    QStringList tip = m_model->warnings();
    if (s.images > 0) {
        // The paper's IoU thresholds each slot's map; the partition's scores tell whether a low
        // IoU comes from that threshold or from slots that hold several objects.
        m_summary->setText(tr("mean IoU %1 · FG-ARI %2 (%n scene(s) with masks)", nullptr, s.images)
                               .arg(s.meanIoU, 0, 'f', 3)
                               .arg(s.foregroundAri, 0, 'f', 3) +
                           QLatin1Char('\n') +
                           tr("partition IoU %1 · best slot per object %2").arg(s.partitionIoU, 0, 'f', 3).arg(s.bestSlotIoU, 0, 'f', 3));
        tip.prepend(tr("Mean IoU: each slot's attention thresholded (Otsu), matched one to one to the objects. Partition IoU: the "
                       "same matching on the slot that wins each pixel, no threshold. Best slot per object: how well the best "
                       "single slot covers each object, matched or not; when it is low too, slots hold several objects."));
    } else if (!m_model->scenes().isEmpty() && !m_model->hasMasks()) {
        m_summary->setText(tr("no instance masks: IoU and ARI off"));
    } else {
        m_summary->clear();
    }
    m_summary->setToolTip(tip.join(QLatin1Char('\n')));
}

void SlotsView::showDetail()
{
    const SlotsDetail &d = m_model->detail();
    if (d.index >= 0 && m_scenes->currentRow() != d.index) {
        const QSignalBlocker block(m_scenes);
        m_scenes->setCurrentRow(d.index);
    }
    m_layers->clear();
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_backgroundSlot = -1;
    m_table->setRowCount(0);
    m_sceneStatus->setVisible(!d.error.isEmpty());
    if (d.index >= 0 && !d.error.isEmpty())
        m_sceneStatus->setText(tr("<b>%1: cannot open:</b> %2").arg(m_model->scenes()[d.index].entry.name.toHtmlEscaped(), d.error.toHtmlEscaped()));
    if (d.index < 0 || d.square.isNull())
        return;
    widgets::Layer image;
    image.id = kImageLayer;
    image.name = tr("Scene");
    image.kind = widgets::LayerKind::Image;
    image.image = d.square;
    m_layers->addLayer(image);
    const SlotsScene &scene = m_model->scenes()[d.index];
    if (!d.truth.isNull()) {
        widgets::Layer truth;
        truth.id = kTruthLayer;
        truth.name = tr("True objects");
        truth.kind = widgets::LayerKind::Labels;
        truth.values = d.truth;
        truth.visible = false;
        truth.opacity = 0.6;
        for (int id = 0; id <= 255 && id <= int(scene.entry.objects.size()); ++id) {
            truth.labelColors << (id == 0 ? QColor(Qt::transparent) : QColor::fromHsv((id * 47) % 360, 200, 230));
            truth.labelNames << (id == 0 ? QString() : objectWords(scene.entry.objects[std::size_t(id - 1)]));
        }
        m_layers->addLayer(truth);
    }
    const slot::SlotMasks &masks = d.masks;
    if (!masks.labels.isNull()) {
        widgets::Layer slotsLayer;
        slotsLayer.id = kSlotsLayer;
        slotsLayer.name = tr("Slot masks");
        slotsLayer.kind = widgets::LayerKind::Labels;
        slotsLayer.values = masks.labels;
        slotsLayer.opacity = 0.55;
        slotsLayer.labelColors << QColor(Qt::transparent);
        slotsLayer.labelNames << QString();
        m_backgroundSlot = d.figure.backgroundSlot;
        for (int s = 0; s < int(masks.binary.size()); ++s) {
            QColor color = slotColor(s);
            if (s == m_backgroundSlot)
                color.setAlpha(kBackgroundSlotAlpha);
            slotsLayer.labelColors << color;
            slotsLayer.labelNames << slotName(s, m_backgroundSlot);
        }
        m_layers->addLayer(slotsLayer);
        widgets::Layer highlight;
        highlight.id = kHighlightLayer;
        highlight.name = tr("Matched object");
        highlight.kind = widgets::LayerKind::Vector;
        m_layers->addLayer(highlight);

        const int columns = 4;
        for (int s = 0; s < int(masks.soft.size()); ++s) {
            auto *tile = new AttentionTile(s, slotColor(s));
            tile->setObjectName(QStringLiteral("attentionTile%1").arg(s));
            tile->setMap(d.figure.attention.value(s), d.figure.captions.value(s));
            connect(tile, &AttentionTile::hovered, this, &SlotsView::highlightSlot);
            m_tileGrid->addWidget(tile, s / columns, s % columns);
            m_tiles << tile;
        }

        m_table->setRowCount(int(masks.binary.size()));
        for (int s = 0; s < int(masks.binary.size()); ++s) {
            auto *slotItem = item(tr("slot %1").arg(s + 1));
            slotItem->setData(Qt::DecorationRole, slotColor(s));
            m_table->setItem(s, 0, slotItem);
            QString object = tr("—");
            QString iou = tr("—");
            if (scene.scored) {
                const int id = scene.score.objectOfSlot[std::size_t(s)];
                if (id > 0) {
                    object = id <= int(scene.entry.objects.size()) ? objectWords(scene.entry.objects[std::size_t(id - 1)])
                                                                  : tr("object %1").arg(id);
                    iou = QString::number(scene.score.iouOfSlot[std::size_t(s)], 'f', 3);
                } else {
                    object = tr("none (background or unmatched)");
                }
            } else if (!scene.entry.maskPath.isEmpty() || scene.entry.objects.empty()) {
                object = tr("no mask to match");
            }
            m_table->setItem(s, 1, item(object));
            m_table->setItem(s, 2, item(iou));
            m_table->setItem(s, 3, item(QString::number(masks.mass[std::size_t(s)] * 100.0, 'f', 1) + QStringLiteral(" %")));
            m_table->setItem(s, 4, item(QString::number(d.maskPixels[std::size_t(s)])));
        }
    }
    m_imageView->fitToView();
    const int keep = m_highlighted;
    m_highlighted = -2;
    highlightSlot(keep < int(m_tiles.size()) ? keep : -1);
}

void SlotsView::highlightSlot(int slot)
{
    if (slot == m_highlighted)
        return;
    m_highlighted = slot;
    for (AttentionTile *tile : m_tiles)
        tile->setHighlighted(tile->item() == slot);
    if (slot >= 0 && slot < m_table->rowCount()) {
        const QSignalBlocker block(m_table);
        m_table->selectRow(slot);
    } else {
        m_table->clearSelection();
    }
    const int row = m_layers->rowOf(kSlotsLayer);
    if (row < 0)
        return;
    widgets::Layer layer = m_layers->layer(row);
    for (int s = 0; s + 1 < layer.labelColors.size(); ++s) {
        QColor c = slotColor(s);
        if (slot >= 0 && s != slot)
            c.setAlpha(40);
        else if (slot < 0 && s == m_backgroundSlot)
            c.setAlpha(kBackgroundSlotAlpha);
        layer.labelColors[s + 1] = c;
    }
    m_layers->replaceLayer(layer);
    const int highlightRow = m_layers->rowOf(kHighlightLayer);
    if (highlightRow >= 0) {
        widgets::Layer highlight = m_layers->layer(highlightRow);
        highlight.items.clear();
        const SlotsDetail &d = m_model->detail();
        if (slot >= 0 && d.index >= 0 && !d.truth.isNull()) {
            const SlotsScene &scene = m_model->scenes()[d.index];
            const int id = scene.scored && slot < int(scene.score.objectOfSlot.size()) ? scene.score.objectOfSlot[std::size_t(slot)] : 0;
            const QRectF box = d.objectBoxes.value(id);
            if (!box.isEmpty()) {
                widgets::VectorItem outline;
                outline.box = box;
                outline.color = slotColor(slot);
                outline.label = tr("IoU %1").arg(scene.score.iouOfSlot[std::size_t(slot)], 0, 'f', 2);
                highlight.items << outline;
            }
        }
        m_layers->replaceLayer(highlight);
    }
}


void SlotsView::generateDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Generate scenes"));
    auto *folder = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QStringLiteral("periscope-scenes")));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *count = new QSpinBox;
    count->setRange(1, 100000);
    count->setValue(400); // what the learning test trains on: enough for the small preset to learn
    auto *seed = new QSpinBox;
    seed->setRange(0, 1000000);
    seed->setValue(1);
    auto *width = new QSpinBox;
    width->setRange(32, 1920);
    width->setValue(320);
    auto *height = new QSpinBox;
    height->setRange(32, 1080);
    height->setValue(240);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("Scenes"), count);
    form->addRow(tr("Seed"), seed);
    form->addRow(tr("Width"), width);
    form->addRow(tr("Height"), height);
    auto *hint = new QLabel(tr("The small preset learns from a few hundred scenes: 400 scenes and 30 epochs take about 10 "
                               "minutes on one CPU core."));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString chosen = QFileDialog::getExistingDirectory(&dialog, tr("Folder for the scenes"), folder->text());
        if (!chosen.isEmpty())
            folder->setText(chosen);
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        m_model->generateScenes(folder->text(), count->value(), quint64(seed->value()), QSize(width->value(), height->value()));
}

} // namespace periscope::app
