// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/relations/RelationsView.h"

#include "app/common/SceneWords.h"
#include "app/figures/RelationsFigure.h"
#include "app/shell/ModelChoice.h"
#include "app/workspaces/relations/RelationsModel.h"
#include "app/workspaces/relations/RelationsTrainingPanel.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/layout/FlowLayout.h"
#include "widgets/layout/ScrollablePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace periscope::app {

const QString RelationsView::kImageLayer = QStringLiteral("image");
const QString RelationsView::kRelevanceLayer = QStringLiteral("relevance");
const QString RelationsView::kGraphLayer = QStringLiteral("graph");

namespace {

constexpr int kGroundTruth = 0, kDetections = 1; // the box source choices

// An image's own relationship recall@kRecallShown, NaN without truth or result.
double imageRecall(const RelationsImage &image)
{
    if (!image.analysed || !image.result.error.empty() || image.image.truth.empty())
        return std::nan("");
    const relations::RelationPredictions p{image.result.image.objects, image.result.analysis.triplets, image.image.truthObjects, image.image.truth};
    const std::vector<int> ranks = relations::firstMatchRanks(p, relations::MatchMode::Relationship);
    const auto recalled = std::count_if(ranks.begin(), ranks.end(), [](int r) { return r >= 0 && r < kRecallShown; });
    return double(recalled) / double(ranks.size());
}

} // namespace

RelationsView::RelationsView(RelationsModel *model, QUndoStack *undo, QWidget *parent) : QWidget(parent), m_model(model), m_steps(undo)
{
    auto *layout = new QVBoxLayout(this);

    // The bar: what is open, the model, the boxes and how relations are explained.
    auto *bar = new widgets::FlowLayout; // wraps on a narrow window
    auto *openImages = new QPushButton(tr("Open images..."));
    connect(openImages, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open images"), QString(),
                                                                tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)"));
        if (!files.isEmpty())
            openInputs(files, m_model->split());
    });
    auto *openFolder = new QPushButton(tr("Open dataset..."));
    openFolder->setToolTip(tr("A scene folder (periscope-cli scenes --relations), VRD (json_dataset/, sg_dataset/) or HICO-DET "
                              "(annotations/, images/)"));
    connect(openFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a relations dataset"));
        if (!dir.isEmpty())
            openInputs({dir}, m_split->currentData().toString());
    });
    m_split = new QComboBox;
    m_split->setObjectName(QStringLiteral("splitChoice"));
    m_split->addItem(tr("test split"), QStringLiteral("test"));
    m_split->addItem(tr("train split"), QStringLiteral("train"));
    m_split->setToolTip(tr("VRD and HICO-DET: which split to read"));
    connect(m_split, &QComboBox::activated, this, [this] {
        if (!m_model->inputs().isEmpty() && m_model->split() != m_split->currentData().toString())
            openInputs(m_model->inputs(), m_split->currentData().toString());
    });
    m_modelChoice = new ModelChoice(QStringLiteral("relations"), tr("Open relations weights"));
    m_modelChoice->setObjectName(QStringLiteral("modelChoice"));
    m_modelChoice->setMinimumWidth(160);
    connect(m_modelChoice, &ModelChoice::modelChosen, this, &RelationsView::chooseModel);
    m_boxes = new QComboBox;
    m_boxes->setObjectName(QStringLiteral("boxSource"));
    m_boxes->addItem(tr("Ground-truth boxes"));
    m_boxes->addItem(tr("Detections file..."));
    m_boxes->setToolTip(tr("The graph's nodes: the dataset's own boxes, or a detector's in COCO's results format "
                           "([{image_id, category_id, bbox [x, y, w, h], score}])"));
    connect(m_boxes, &QComboBox::activated, this, [this](int index) {
        if (index == kDetections)
            chooseDetections();
        else
            m_model->setBoxSource({});
    });
    m_explained = new QComboBox;
    m_explained->setObjectName(QStringLiteral("explainedChoice"));
    m_explained->addItem(tr("Explain logits"), true);
    m_explained->addItem(tr("Explain scores (paper)"), false);
    m_explained->setToolTip(tr("The paper explains each predicate's sigmoid score; a classifier sure of a predicate saturates it, so "
                               "its gradient (and the relevance of the objects behind it) nearly vanishes. Explaining the logit keeps "
                               "it: on the built-in model relationship recall@20 rises from 0.18 to 0.54."));
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("methodChoice"));
    m_method->addItem(tr("Gradient"), QStringLiteral("gradient"));
    m_method->addItem(tr("Integrated gradients"), QStringLiteral("integrated_gradients"));
    m_method->addItem(tr("LRP"), QStringLiteral("lrp"));
    m_method->setToolTip(tr("How node and edge relevance are computed: the gradient (the paper), integrated gradients from "
                            "all-zero inputs (32 steps, slower), or layer-wise relevance propagation of the logit (the Graphs "
                            "workspace's rules; relevance adds up to the logit)"));
    connect(m_explained, &QComboBox::activated, this, &RelationsView::applyOptions);
    connect(m_method, &QComboBox::activated, this, &RelationsView::applyOptions);
    bar->addGroup({openImages, openFolder, m_split});
    bar->addSpacing(8);
    bar->addGroup({new QLabel(tr("Model")), m_modelChoice}, 1);
    bar->addWidget(m_boxes);
    bar->addWidget(m_explained);
    bar->addWidget(m_method);
    layout->addLayout(bar);

    // Drawing boxes by hand: a category, then drag on the image.
    auto *drawBar = new QHBoxLayout;
    m_draw = new QCheckBox(tr("Draw boxes"));
    m_draw->setObjectName(QStringLiteral("drawToggle"));
    m_draw->setToolTip(tr("Drag on the image to add an object of the chosen category (the image is then analysed again); "
                          "Edit > Undo takes it back"));
    m_category = new QComboBox;
    m_category->setObjectName(QStringLiteral("categoryChoice"));
    m_removeBox = new QPushButton(tr("Remove box"));
    m_removeBox->setToolTip(tr("Removes the box selected on the image (click its outline)"));
    m_removeBox->setEnabled(false);
    m_resetBoxes = new QPushButton(tr("Source boxes"));
    m_resetBoxes->setToolTip(tr("Forget the boxes drawn on this image and use those of the box source again"));
    m_resetBoxes->setEnabled(false);
    drawBar->addWidget(m_draw);
    drawBar->addWidget(m_category);
    drawBar->addWidget(m_removeBox);
    drawBar->addWidget(m_resetBoxes);
    drawBar->addStretch(1);
    m_prior = new QComboBox;
    m_prior->setObjectName(QStringLiteral("priorChoice"));
    m_prior->addItem(tr("No triplet prior"), QString());
    m_prior->addItem(tr("Prior P(s, o | p)..."), QStringLiteral("s,o|p"));
    m_prior->addItem(tr("Prior P(s, p, o)..."), QStringLiteral("s,p,o"));
    m_prior->setToolTip(tr("The paper's triplet-frequency prior: every candidate's score times how often its classes form that "
                           "triplet in a dataset you choose (its training split), before the best are kept"));
    connect(m_prior, &QComboBox::activated, this, &RelationsView::choosePrior);
    drawBar->addWidget(m_prior);
    layout->addLayout(drawBar);

    m_layers = new widgets::LayerModel(this);
    m_imageView = new widgets::ImageView(m_layers);
    m_imageView->setObjectName(QStringLiteral("relationsImage"));
    connect(m_draw, &QCheckBox::toggled, m_imageView, &widgets::ImageView::setBoxDrawing);
    connect(m_imageView, &widgets::ImageView::boxDrawn, this, [this](const QRectF &box) {
        if (m_category->currentIndex() >= 0)
            Q_EMIT boxDrawn(box, m_category->currentIndex());
    });
    connect(m_imageView, &widgets::ImageView::vectorItemSelected, this, [this](const QString &layer, int item) {
        const int index = m_model->selected();
        const bool isBox = layer == kGraphLayer && index >= 0 && item >= 0 && std::size_t(item) < m_model->images()[index].image.objects.size();
        m_removeBox->setEnabled(isBox);
        m_removeBox->setProperty("object", isBox ? item : -1);
    });
    connect(m_removeBox, &QPushButton::clicked, this, [this] {
        const int object = m_removeBox->property("object").toInt();
        m_removeBox->setEnabled(false);
        if (object >= 0)
            Q_EMIT removeBoxRequested(object);
    });
    connect(m_resetBoxes, &QPushButton::clicked, this, &RelationsView::resetBoxesRequested);

    // The side: this image's predicates and triplets; the images; the recall over them.
    auto *imageTab = new QWidget;
    auto *imageLayout = new QVBoxLayout(imageTab);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    m_imageInfo = new QLabel;
    m_imageInfo->setObjectName(QStringLiteral("imageInfo"));
    m_imageInfo->setWordWrap(true);
    m_predicates = new QTreeWidget;
    m_predicates->setObjectName(QStringLiteral("predicateList"));
    m_predicates->setRootIsDecorated(false);
    m_predicates->setHeaderLabels({tr("Predicate"), tr("Score"), tr("In truth")});
    m_predicates->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_predicates->header()->setStretchLastSection(false);
    m_predicates->setToolTip(tr("The classifier's score for each predicate in this image; choose one to see which objects and "
                                "pairs its explanation points at"));
    connect(m_predicates, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            m_model->selectPredicate(item->data(0, Qt::UserRole).toInt());
    });
    m_triplets = new QTreeWidget;
    m_triplets->setObjectName(QStringLiteral("tripletList"));
    m_triplets->setRootIsDecorated(false);
    m_triplets->setHeaderLabels({tr("Triplet")});
    auto *lists = new QSplitter(Qt::Vertical);
    lists->addWidget(m_predicates);
    lists->addWidget(m_triplets);
    imageLayout->addWidget(m_imageInfo);
    imageLayout->addWidget(lists, 1);

    m_images = new QTreeWidget;
    m_images->setObjectName(QStringLiteral("imageList"));
    m_images->setRootIsDecorated(false);
    m_images->setHeaderLabels({tr("Image"), tr("Objects"), tr("Truth"), tr("R@%1").arg(kRecallShown)});
    m_images->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_images->header()->setStretchLastSection(false);
    m_images->headerItem()->setToolTip(3, tr("Share of the image's true triplets found among its first %1 (relationship detection)").arg(kRecallShown));
    connect(m_images, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int row = item ? m_images->indexOfTopLevelItem(item) : -1;
        if (row >= 0 && row != m_model->selected())
            m_model->select(row);
    });

    auto *recallTab = new QWidget;
    auto *recallLayout = new QVBoxLayout(recallTab);
    recallLayout->setContentsMargins(0, 0, 0, 0);
    m_recall = new QTableWidget;
    m_recall->setObjectName(QStringLiteral("recallTable"));
    m_recall->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recall->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_predicatePlot = new widgets::PlotView;
    m_predicatePlot->setObjectName(QStringLiteral("predicatePlot"));
    m_predicatePlot->setMinimumHeight(160);
    auto *recallSplit = new QSplitter(Qt::Vertical);
    recallSplit->addWidget(m_recall);
    recallSplit->addWidget(m_predicatePlot);
    recallLayout->addWidget(recallSplit, 1);

    m_sideTabs = new QTabWidget;
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(widgets::scrollable(imageTab), tr("Image"));
    m_sideTabs->addTab(m_images, tr("Images"));
    m_sideTabs->addTab(widgets::scrollable(recallTab), tr("Recall"));
    m_training = new RelationsTrainingPanel(m_model);
    m_sideTabs->addTab(widgets::scrollable(m_training), tr("Train"));
    m_sideTabs->setMinimumWidth(260);
    connect(m_sideTabs, &QTabWidget::currentChanged, this, &RelationsView::viewSettingsChanged);
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    middle->addWidget(m_imageView);
    middle->addWidget(m_sideTabs);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 0);
    middle->setCollapsible(0, false);
    middle->setSizes({900, 360});
    layout->addWidget(middle, 1);

    m_status = new QLabel(tr("Open a relations dataset or images: the model classifies each image's predicates, and explaining "
                             "each predicate finds which objects it relates."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_model, &RelationsModel::imagesChanged, this, &RelationsView::showImages);
    connect(m_model, &RelationsModel::imageAnalysed, this, [this](int index) {
        updateImageRow(index);
        if (index == m_model->selected())
            showSelected();
    });
    connect(m_model, &RelationsModel::selectionChanged, this, &RelationsView::showSelected);
    connect(m_model, &RelationsModel::detailReady, this, &RelationsView::showGraph);
    connect(m_model, &RelationsModel::predicateChanged, this, [this] {
        showTriplets();
        showGraph();
        Q_EMIT viewSettingsChanged();
    });
    connect(m_model, &RelationsModel::summaryChanged, this, &RelationsView::showSummary);
    connect(m_model, &RelationsModel::modelChanged, this, [this] {
        m_modelChoice->setCurrentModel(m_model->modelName());
        updateCategories();
    });
    connect(m_model, &RelationsModel::priorChanged, this, [this] {
        m_prior->setCurrentIndex(std::max(0, m_prior->findData(m_model->priorKind())));
        m_prior->setToolTip(m_model->priorFolder().isEmpty() ? m_prior->toolTip().section(QLatin1Char('\n'), 0, 0)
                                                             : m_prior->toolTip().section(QLatin1Char('\n'), 0, 0) + QLatin1Char('\n') +
                                                                   tr("Counted in %1").arg(QDir::toNativeSeparators(m_model->priorFolder())));
    });
    connect(m_model, &RelationsModel::message, this, [this](const QString &text) { setStatus(text, false); });
    connect(m_model, &RelationsModel::problem, this, [this](const QString &text) { setStatus(text, true); });
    updateCategories();
    showSummary();
}

QString RelationsView::statusText() const
{
    return m_status->text();
}

void RelationsView::setStatus(const QString &text, bool problem)
{
    m_status->setText(problem ? QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped());
}

void RelationsView::chooseDetections()
{
    const QString start = m_model->inputs().isEmpty() ? QString() : QFileInfo(m_model->inputs().front()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a detections file (COCO results)"), start, tr("JSON (*.json);;All files (*)"));
    if (file.isEmpty()) {
        m_boxes->setCurrentIndex(m_model->boxSource().detections.isEmpty() ? kGroundTruth : kDetections);
        return;
    }
    RelationBoxSource source = m_model->boxSource();
    source.detections = file;
    m_model->setBoxSource(source);
    m_boxes->setItemText(kDetections, tr("Detections: %1").arg(QFileInfo(file).fileName()));
    Q_EMIT viewSettingsChanged();
}

void RelationsView::choosePrior()
{
    const QString kind = m_prior->currentData().toString();
    if (kind.isEmpty()) {
        m_model->setPrior({}, {});
        Q_EMIT viewSettingsChanged();
        return;
    }
    const QString start = m_model->priorFolder().isEmpty() && !m_model->inputs().isEmpty() ? m_model->inputs().front() : m_model->priorFolder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("The dataset whose true triplets the prior counts"), start);
    if (folder.isEmpty()) { // back to what is in force
        m_prior->setCurrentIndex(std::max(0, m_prior->findData(m_model->priorKind())));
        return;
    }
    m_model->setPrior(kind, folder);
    Q_EMIT viewSettingsChanged();
}

void RelationsView::applyOptions()
{
    const relations::ExplainerOptions current = m_model->options();
    const QVariantMap before{{QStringLiteral("logits"), current.explainLogits},
                             {QStringLiteral("method"), QString::fromStdString(relations::relevanceMethodName(current.method))}};
    const QVariantMap after{{QStringLiteral("logits"), m_explained->currentData().toBool()},
                            {QStringLiteral("method"), m_method->currentData().toString()}};
    m_steps.push(tr("Explain %1 by %2").arg(m_explained->currentData().toBool() ? tr("logits") : tr("scores"), m_method->currentText()), before,
                 after, [this](const QVariant &value) {
                     relations::ExplainerOptions options = m_model->options();
                     options.explainLogits = value.toMap().value(QStringLiteral("logits")).toBool();
                     options.method = relations::parseRelevanceMethod(value.toMap().value(QStringLiteral("method")).toString().toStdString());
                     m_model->setOptions(options);
                     updateCategories(); // the boxes follow
                     Q_EMIT viewSettingsChanged();
                 });
}

void RelationsView::openInputs(const QStringList &inputs, const QString &split)
{
    const QVariantMap before{{QStringLiteral("inputs"), m_model->inputs()}, {QStringLiteral("split"), m_model->split()}};
    const QVariantMap after{{QStringLiteral("inputs"), inputs}, {QStringLiteral("split"), split}};
    const QString text = inputs == m_model->inputs() ? tr("Read the %1 split").arg(split)
                         : inputs.isEmpty()          ? tr("Close the images")
                                                     : tr("Open %1").arg(QFileInfo(inputs.last()).fileName());
    m_steps.push(text, before, after, [this](const QVariant &value) {
        const QStringList images = value.toMap().value(QStringLiteral("inputs")).toStringList();
        if (images.isEmpty())
            m_model->clear();
        else
            m_model->open(images, value.toMap().value(QStringLiteral("split")).toString());
    });
}

void RelationsView::chooseModel(const QString &nameOrPath)
{
    m_steps.push(tr("Use the model %1").arg(QFileInfo(nameOrPath).fileName()), m_model->modelName(), nameOrPath,
                 [this](const QVariant &value) { m_model->setModel(value.toString()); });
}

void RelationsView::updateCategories()
{
    const QString current = m_category->currentText();
    m_category->clear();
    for (const std::string &c : m_model->objectClasses())
        m_category->addItem(SceneWords::shape(c));
    m_category->setCurrentIndex(std::max(0, m_category->findText(current)));
    m_draw->setEnabled(m_model->hasModel());
    const relations::ExplainerOptions options = m_model->options();
    m_explained->setCurrentIndex(options.explainLogits ? 0 : 1);
    m_method->setCurrentIndex(std::max(0, m_method->findData(QString::fromStdString(relations::relevanceMethodName(options.method)))));
    const RelationBoxSource source = m_model->boxSource();
    m_boxes->setItemText(kDetections, source.detections.isEmpty() ? tr("Detections file...") : tr("Detections: %1").arg(QFileInfo(source.detections).fileName()));
    m_boxes->setCurrentIndex(source.detections.isEmpty() ? kGroundTruth : kDetections);
}

void RelationsView::showImages()
{
    const QSignalBlocker blocker(m_images);
    m_images->clear();
    for (int i = 0; i < m_model->images().size(); ++i) {
        auto *item = new QTreeWidgetItem(m_images);
        item->setText(0, QString::fromStdString(m_model->images()[i].image.name));
        updateImageRow(i);
    }
    const QString kind = m_model->datasetKind();
    m_split->setEnabled(kind == QLatin1String("vrd") || kind == QLatin1String("hico-det"));
    const int split = m_split->findData(m_model->split());
    if (split >= 0)
        m_split->setCurrentIndex(split);
    updateCategories();
    if (m_model->images().isEmpty())
        m_layers->clear();
    showSelected();
}

void RelationsView::updateImageRow(int index)
{
    QTreeWidgetItem *item = m_images->topLevelItem(index);
    if (!item || index >= m_model->images().size())
        return;
    const RelationsImage &image = m_model->images()[index];
    item->setText(1, image.handDrawn ? tr("%1 drawn").arg(image.image.objects.size()) : QString::number(image.image.objects.size()));
    item->setText(2, image.image.truth.empty() ? QString() : QString::number(image.image.truth.size()));
    const double recall = imageRecall(image);
    if (image.analysed && !image.result.error.empty()) {
        item->setText(3, tr("failed"));
        item->setToolTip(0, QString::fromStdString(image.result.error));
        item->setToolTip(3, QString::fromStdString(image.result.error));
        item->setForeground(3, QColor(176, 0, 32));
    } else {
        item->setText(3, std::isnan(recall) ? QString() : QString::number(recall, 'f', 2));
        item->setToolTip(0, QString::fromStdString(image.image.imagePath));
        item->setForeground(3, palette().text());
    }
}

void RelationsView::showSelected()
{
    const int index = m_model->selected();
    if (index >= 0 && index < m_images->topLevelItemCount() && m_images->indexOfTopLevelItem(m_images->currentItem()) != index) {
        const QSignalBlocker blocker(m_images);
        m_images->setCurrentItem(m_images->topLevelItem(index));
    }
    m_resetBoxes->setEnabled(index >= 0 && m_model->images()[index].handDrawn);
    m_removeBox->setEnabled(false);
    showPredicates();
    showTriplets();
    showGraph();
}

void RelationsView::showPredicates()
{
    const QSignalBlocker blocker(m_predicates);
    m_predicates->clear();
    const int index = m_model->selected();
    auto *all = new QTreeWidgetItem(m_predicates, {tr("All: the top triplets")});
    all->setData(0, Qt::UserRole, -1);
    if (m_model->selectedPredicate() < 0)
        m_predicates->setCurrentItem(all);
    if (index < 0) {
        m_imageInfo->setText(QString());
        return;
    }
    const RelationsImage &image = m_model->images()[index];
    QString info = tr("%1: %n object(s)", nullptr, int(image.image.objects.size())).arg(QString::fromStdString(image.image.name));
    if (!image.image.truth.empty())
        info += tr(", %n true triplet(s)", nullptr, int(image.image.truth.size()));
    if (image.handDrawn)
        info += tr(" (boxes drawn here)");
    if (image.analysed && !image.result.error.empty())
        info += QStringLiteral("<br><span style='color:#b00020'>%1</span>").arg(tr("Not analysed: %1").arg(QString::fromStdString(image.result.error)).toHtmlEscaped());
    else if (!image.analysed && m_model->hasModel())
        info += QStringLiteral("<br>") + tr("Being analysed...");
    else if (!m_model->hasModel())
        info += QStringLiteral("<br>") + tr("No model loaded.");
    m_imageInfo->setText(info);
    if (!image.analysed || !image.result.error.empty())
        return;
    const std::vector<double> &scores = image.result.analysis.predicateScores;
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
    std::vector<bool> inTruth(scores.size(), false);
    for (const relations::RelationTriplet &t : image.image.truth)
        if (t.predicate >= 0 && std::size_t(t.predicate) < inTruth.size())
            inTruth[std::size_t(t.predicate)] = true;
    for (int p : order) {
        auto *item = new QTreeWidgetItem(m_predicates);
        item->setText(0, relationPredicateName(m_model->predicateClasses(), p));
        item->setData(0, Qt::UserRole, p);
        item->setIcon(0, [&] {
            QPixmap swatch(12, 12);
            swatch.fill(predicateColor(p));
            return QIcon(swatch);
        }());
        item->setText(1, QString::number(scores[std::size_t(p)], 'f', 3));
        item->setText(2, image.image.truth.empty() ? QString() : inTruth[std::size_t(p)] ? tr("yes") : tr("no"));
        if (p == m_model->selectedPredicate())
            m_predicates->setCurrentItem(item);
    }
    m_predicates->resizeColumnToContents(1);
    m_predicates->resizeColumnToContents(2);
}

RelationFigure RelationsView::currentFigure() const
{
    const int index = m_model->selected();
    if (index < 0 || index >= m_model->images().size())
        return {};
    const RelationsImage &image = m_model->images()[index];
    relations::ImageRelationResult result = image.result;
    if (!image.analysed) { // the boxes, before (or without) a result
        result = {};
        result.image = image.image;
    }
    return relationFigure(m_model->selectedPixels(), result, m_model->modelInfo(), m_model->selectedPredicate());
}

void RelationsView::showTriplets()
{
    m_triplets->clear();
    const RelationFigure figure = currentFigure();
    m_triplets->headerItem()->setText(0, figure.listTitle.isEmpty() ? tr("Triplet") : figure.listTitle);
    m_triplets->headerItem()->setToolTip(0, figure.listTitle);
    for (const RelationFigureLine &line : figure.lines) {
        auto *item = new QTreeWidgetItem(m_triplets, {line.text});
        item->setForeground(0, line.color);
        item->setToolTip(0, line.text);
    }
}

} // namespace periscope::app
