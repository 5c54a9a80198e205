// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/openvocab/OpenVocabularyView.h"

#include "app/shell/UndoSteps.h"

#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/shell/ModelChoice.h"
#include "app/workspaces/openvocab/OpenVocabularyViewParts.h"
#include "app/workspaces/openvocab/OpenVocabularyTrainingPanel.h"
#include "widgets/layout/ElidedLabel.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/tiles/MapTile.h"
#include "widgets/layout/ScrollablePage.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoCommand>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace periscope::app {

using namespace openvocabview;

namespace {

// One undoable edit of what the analysis depends on: the prompts (with their colours), the
// templates and the background threshold, before and after.
class SetOpenVocabSettingsCommand : public QUndoCommand {
public:
    struct Settings {
        QList<OpenVocabPrompt> prompts;
        openvocab::PromptTemplates templates;
        std::optional<double> background;
    };
    SetOpenVocabSettingsCommand(OpenVocabularyModel *model, const QString &text, Settings before, Settings after)
        : QUndoCommand(text), m_model(model), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }

private:
    void apply(const Settings &s)
    {
        m_model->setPrompts(s.prompts);
        m_model->setTemplates(s.templates);
        m_model->setBackground(s.background);
    }
    OpenVocabularyModel *m_model;
    Settings m_before, m_after;
};

} // namespace

OpenVocabularyView::OpenVocabularyView(OpenVocabularyModel *model, QUndoStack *undo, QWidget *parent)
    : QWidget(parent), m_model(model), m_undo(undo), m_steps(undo)
{
    auto *openImagesButton = new QPushButton(tr("Open images…"));
    openImagesButton->setObjectName(QStringLiteral("openImages"));
    auto *openFolder = new QPushButton(tr("Open folder…"));
    openFolder->setObjectName(QStringLiteral("openFolder"));
    openFolder->setToolTip(tr("A folder of images, or a scene folder with instance masks (Slots' generator, CLEVR): each prompt is then "
                              "scored against the objects it names"));
    m_modelChoice = new ModelChoice(QStringLiteral("open-vocabulary"), tr("Load an open-vocabulary model"));
    m_modelChoice->setObjectName(QStringLiteral("modelChoice"));
    m_modelChoice->addFixedChoice(tr("dino.txt ViT-L/14 (released)"), releasedOpenVocabModelName());
    m_modelChoice->setToolTip(tr("The small dino.txt built in (trained here on generated scenes), the released dino.txt (its four files from "
                                 "Edit > Models…), a small model's .safetensors (periscope-cli train-open-vocab), or one of the released "
                                 "files (the others beside it)"));
    m_compareChoice = new ModelChoice(QStringLiteral("open-vocabulary"), tr("Load a model to compare"));
    m_compareChoice->setObjectName(QStringLiteral("compareChoice"));
    m_compareChoice->addFixedChoice(tr("No comparison"), QString());
    m_compareChoice->addFixedChoice(tr("dino.txt ViT-L/14 (released)"), releasedOpenVocabModelName());
    m_compareChoice->setToolTip(tr("A second model, shown beside the first on the same prompts"));
    m_compareChoice->setCurrentModel(QString());
    m_modelLabel = new widgets::ElidedLabel(tr("No model"));
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summary"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(openImagesButton);
    bar->addWidget(openFolder);
    bar->addWidget(new QLabel(tr("Model:")));
    bar->addWidget(m_modelChoice);
    bar->addWidget(new QLabel(tr("Compare with:")));
    bar->addWidget(m_compareChoice);
    bar->addWidget(m_modelLabel, 1);
    bar->addWidget(m_summary);

    m_images = new QListWidget;
    m_images->setObjectName(QStringLiteral("imageList"));
    m_images->setIconSize(QSize(64, 48));
    m_images->setMaximumWidth(220);

    // The image views, A and (when comparing) B, linked: they zoom and pan together.
    auto *views = m_views = new QSplitter(Qt::Horizontal);
    for (int s = 0; s < kOpenVocabSides; ++s) {
        m_layers[std::size_t(s)] = new widgets::LayerModel(this);
        m_imageViews[std::size_t(s)] = new widgets::ImageView(m_layers[std::size_t(s)]);
        m_imageViews[std::size_t(s)]->setObjectName(s == 0 ? QStringLiteral("imageViewA") : QStringLiteral("imageViewB"));
        m_sideTitles[std::size_t(s)] = new QLabel;
        m_sideTitles[std::size_t(s)]->setWordWrap(true);
        auto *column = new QWidget;
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->addWidget(m_sideTitles[std::size_t(s)]);
        columnLayout->addWidget(m_imageViews[std::size_t(s)], 1);
        views->addWidget(column);
        if (s == 1)
            m_sideB = column;
    }
    m_sideB->hide(); // linked to A while shown (a hidden view's size would set A's zoom)
    m_imageStatus = new QLabel;
    m_imageStatus->setObjectName(QStringLiteral("imageStatus"));
    m_imageStatus->setWordWrap(true);
    m_imageStatus->hide();

    // The prompts and the settings of the analysis.
    m_promptTable = table(QStringLiteral("promptTable"), {tr("Prompt"), tr("Share"), tr("p")});
    m_promptTable->setToolTip(tr("Double-click a prompt to change its colour"));
    m_promptEdit = new QLineEdit;
    m_promptEdit->setObjectName(QStringLiteral("promptEdit"));
    m_promptEdit->setPlaceholderText(tr("red objects, metal cubes, a photo of a cat…"));
    auto *add = new QPushButton(tr("Add"));
    add->setObjectName(QStringLiteral("addPrompt"));
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(QStringLiteral("removePrompt"));
    m_recolour = new QPushButton(tr("Colour…"));
    m_recolour->setObjectName(QStringLiteral("recolourPrompt"));
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_promptEdit, 1);
    addRow->addWidget(add);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_remove);
    editRow->addWidget(m_recolour);
    editRow->addStretch(1);
    m_templates = new QCheckBox(tr("CLIP's 80 ImageNet templates"));
    m_templates->setObjectName(QStringLiteral("templates"));
    m_templates->setToolTip(tr("Each prompt is embedded as the mean of \"a photo of a {}.\" and 79 other phrasings, as CLIP and dino.txt "
                               "classify ImageNet"));
    m_autoBackground = new QCheckBox(tr("The model's suggestion"));
    m_autoBackground->setObjectName(QStringLiteral("autoBackground"));
    m_autoBackground->setChecked(true);
    m_background = new QDoubleSpinBox;
    m_background->setObjectName(QStringLiteral("background"));
    m_background->setRange(-1.0, 1.0);
    m_background->setSingleStep(0.01);
    m_background->setDecimals(2);
    m_background->setToolTip(tr("A pixel whose best cosine similarity with the prompts is below this is background; -1 keeps every pixel"));
    auto *backgroundRow = new QHBoxLayout;
    backgroundRow->addWidget(m_background);
    backgroundRow->addWidget(m_autoBackground);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    auto *promptPanel = new QWidget;
    auto *promptLayout = new QVBoxLayout(promptPanel);
    promptLayout->addWidget(new QLabel(tr("<b>Prompts</b>")));
    promptLayout->addLayout(addRow);
    promptLayout->addWidget(m_promptTable, 1);
    promptLayout->addLayout(editRow);
    auto *form = new QFormLayout;
    form->addRow(m_templates);
    form->addRow(tr("Background below"), backgroundRow);
    promptLayout->addLayout(form);
    promptLayout->addWidget(m_hint);
    promptPanel->setMinimumWidth(240);

    // Below the image: the maps, the rankings and the folder's scores.
    auto *tiles = new QWidget;
    m_tileGrid = new QGridLayout(tiles);
    m_tileGrid->setSpacing(4);
    auto *tileScroll = new QScrollArea;
    tileScroll->setWidget(tiles);
    tileScroll->setWidgetResizable(true);
    m_ranking = table(QStringLiteral("rankingTable"), {tr("Whole image"), tr("p"), tr("Cosine")});
    m_pixelRanking = table(QStringLiteral("pixelRankingTable"), {tr("At the clicked pixel"), tr("Similarity")});
    auto *rankings = new QSplitter(Qt::Horizontal);
    rankings->addWidget(m_ranking);
    rankings->addWidget(m_pixelRanking);
    m_scores = table(QStringLiteral("scoreTable"), {tr("Prompt"), tr("IoU"), tr("Shuffled"), tr("IoU (B)"), tr("Shuffled (B)")});
    m_scores->setToolTip(tr("Each prompt's pixels against the pixels of the objects it names, summed over the scene folder; \"Shuffled\" "
                            "scores the same segmentations against the next prompt's objects: what overlap alone gives"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("openVocabTabs"));
    m_tabs->addTab(tileScroll, tr("Similarity"));
    m_tabs->addTab(rankings, tr("Ranking"));
    m_tabs->addTab(m_scores, tr("Scene scores"));

    auto *imageColumn = new QSplitter(Qt::Vertical);
    auto *imageBox = new QWidget;
    auto *imageBoxLayout = new QVBoxLayout(imageBox);
    imageBoxLayout->setContentsMargins(0, 0, 0, 0);
    imageBoxLayout->addWidget(m_imageStatus);
    imageBoxLayout->addWidget(views, 1);
    imageColumn->addWidget(imageBox);
    imageColumn->addWidget(m_tabs);
    imageColumn->setStretchFactor(0, 3);
    imageColumn->setStretchFactor(1, 1);
    imageColumn->setSizes({560, 200});
    // The segmentation and the prompts that make it: the analysis, beside the list of images.
    auto *analysis = new QSplitter(Qt::Horizontal);
    analysis->setObjectName(QStringLiteral("mainView")); // Workspace::mainView()
    analysis->addWidget(imageColumn);
    analysis->addWidget(promptPanel);
    analysis->setStretchFactor(0, 1);
    analysis->setSizes({800, 280});
    auto *page = new QSplitter(Qt::Horizontal);
    page->addWidget(m_images);
    page->addWidget(analysis);
    page->setStretchFactor(1, 1);
    page->setSizes({160, 1080});

    // Training has a page of its own: its settings and curves need the room.
    m_training = new OpenVocabularyTrainingPanel(m_model);
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("openVocabPages"));
    m_pages->addTab(page, tr("Segmentation"));
    m_pages->addTab(widgets::scrollable(m_training), tr("Training"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);

    connect(openImagesButton, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open images"), QString(), tr("Images (*.png *.jpg *.jpeg)"));
        if (!files.isEmpty())
            openImages(files);
    });
    connect(openFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of images or a scene folder"));
        if (!folder.isEmpty())
            openImages({folder});
    });
    for (QTabWidget *tabs : {m_tabs, m_pages})
        connect(tabs, &QTabWidget::currentChanged, this, &OpenVocabularyView::viewSettingsChanged);
    connect(m_modelChoice, &ModelChoice::modelChosen, this, [this](const QString &name) { chooseModel(name, OpenVocabSide::A); });
    connect(m_compareChoice, &ModelChoice::modelChosen, this, [this](const QString &name) { chooseModel(name, OpenVocabSide::B); });
    connect(add, &QPushButton::clicked, this, [this] {
        if (addPrompt(m_promptEdit->text()))
            m_promptEdit->clear();
    });
    connect(m_promptEdit, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] { removePrompt(m_promptTable->currentRow()); });
    connect(m_recolour, &QPushButton::clicked, this, [this] {
        const int row = m_promptTable->currentRow();
        if (row < 0 || row >= m_model->prompts().size())
            return;
        const QColor color = QColorDialog::getColor(m_model->prompts()[row].color, this, tr("The colour of \"%1\"").arg(m_model->prompts()[row].text));
        if (color.isValid())
            recolourPrompt(row, color);
    });
    connect(m_promptTable, &QTableWidget::cellDoubleClicked, m_recolour, &QPushButton::click);
    connect(m_promptTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_remove->setEnabled(row >= 0);
        m_recolour->setEnabled(row >= 0);
    });
    connect(m_templates, &QCheckBox::toggled, this, [this](bool on) { setTemplatesOn(on); });
    connect(m_autoBackground, &QCheckBox::toggled, this, [this](bool automatic) {
        setBackgroundValue(automatic ? std::nullopt : std::optional<double>(m_background->value()));
    });
    connect(m_background, &QDoubleSpinBox::editingFinished, this, [this] {
        if (!m_autoBackground->isChecked())
            setBackgroundValue(m_background->value());
    });
    connect(m_images, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_model->select(row);
    });
    for (widgets::ImageView *view : m_imageViews)
        connect(view, &widgets::ImageView::pixelClicked, this, &OpenVocabularyView::rankAt);

    connect(m_model, &OpenVocabularyModel::imagesChanged, this, &OpenVocabularyView::rebuildImageList);
    // Outcomes dropped for a new analysis: the entries' texts, not their thumbnails, change.
    connect(m_model, &OpenVocabularyModel::outcomesReset, this, [this] {
        for (int i = 0; i < m_images->count(); ++i)
            updateImage(i);
        showScores();
    });
    // The folder's scores sum every image's counts: while images stream in, at most a few times a
    // second (once per image would be quadratic in a large folder).
    m_scoresTimer = new QTimer(this);
    m_scoresTimer->setSingleShot(true);
    m_scoresTimer->setInterval(300);
    connect(m_scoresTimer, &QTimer::timeout, this, &OpenVocabularyView::showScores);
    connect(m_model, &OpenVocabularyModel::imageAnalysed, this, [this](int index) {
        updateImage(index);
        if (!m_scoresTimer->isActive())
            m_scoresTimer->start();
    });
    connect(m_model, &OpenVocabularyModel::analysisFinished, this, &OpenVocabularyView::showScores);
    connect(m_model, &OpenVocabularyModel::promptsChanged, this, &OpenVocabularyView::showPrompts);
    connect(m_model, &OpenVocabularyModel::promptsEmbedded, this, &OpenVocabularyView::showHint);
    connect(m_model, &OpenVocabularyModel::settingsChanged, this, &OpenVocabularyView::showSettings);
    connect(m_model, &OpenVocabularyModel::detailReady, this, &OpenVocabularyView::showDetail);
    connect(m_model, &OpenVocabularyModel::modelChanged, this, [this] {
        const OpenVocabModelState &a = m_model->model(OpenVocabSide::A);
        const OpenVocabModelState &b = m_model->model(OpenVocabSide::B);
        m_modelChoice->setCurrentModel(a.name);
        m_compareChoice->setCurrentModel(b.name);
        m_modelLabel->setText(a.model ? a.description : a.name.isEmpty() ? tr("No model") : tr("Loading %1…").arg(a.name));
        m_modelLabel->setDetail(a.name);
        if (m_model->comparing() != m_sideB->isVisible()) {
            m_sideB->setVisible(m_model->comparing());
            if (m_model->comparing()) {
                // Equal halves: linked views share one zoom, which fits both only at one size.
                const int half = std::max(1, m_views->width() / 2);
                m_views->setSizes({half, half});
                m_imageViews[0]->linkWith(m_imageViews[1]);
            }
            else
                m_imageViews[0]->unlink(m_imageViews[1]);
            for (widgets::ImageView *view : m_imageViews)
                view->fitToView();
        }
        m_sideTitles[0]->setVisible(m_model->comparing());
        m_sideTitles[0]->setText(tr("<b>A</b>: %1").arg(a.description.toHtmlEscaped()));
        m_sideTitles[1]->setText(b.model ? tr("<b>B</b>: %1").arg(b.description.toHtmlEscaped()) : tr("<b>B</b>: loading %1…").arg(b.name.toHtmlEscaped()));
        m_scores->setColumnHidden(3, !m_model->comparing());
        m_scores->setColumnHidden(4, !m_model->comparing());
        showSettings();
        Q_EMIT viewSettingsChanged();
    });
    m_scores->setColumnHidden(3, true);
    m_scores->setColumnHidden(4, true);
    m_remove->setEnabled(false);
    m_recolour->setEnabled(false);
    showPrompts();
    showSettings();
}

void OpenVocabularyView::openImages(const QStringList &inputs)
{
    const QString text = inputs.isEmpty() ? tr("Close the images") : tr("Open %1").arg(QFileInfo(inputs.last()).fileName());
    m_steps.push(text, m_model->inputs(), inputs, [this](const QVariant &value) {
        const QStringList images = value.toStringList();
        if (images.isEmpty())
            m_model->clear();
        else
            m_model->open(images);
    });
}

void OpenVocabularyView::chooseModel(const QString &nameOrPath, OpenVocabSide side)
{
    const QString before = m_model->model(side).name;
    const QString text = side == OpenVocabSide::B ? (nameOrPath.isEmpty() ? tr("No comparison") : tr("Compare with %1").arg(QFileInfo(nameOrPath).fileName()))
                                                  : tr("Use the model %1").arg(QFileInfo(nameOrPath).fileName());
    m_steps.push(text, before, nameOrPath, [this, side](const QVariant &value) { m_model->setModel(value.toString(), side); });
}

void OpenVocabularyView::pushSettings(const QString &text, const QList<OpenVocabPrompt> &prompts, openvocab::PromptTemplates templates,
                                      std::optional<double> background)
{
    SetOpenVocabSettingsCommand::Settings before{m_model->prompts(), m_model->templates(), m_model->background()};
    SetOpenVocabSettingsCommand::Settings after{prompts, templates, background};
    if (before.prompts == after.prompts && before.templates == after.templates && before.background == after.background)
        return;
    m_undo->push(new SetOpenVocabSettingsCommand(m_model, text, std::move(before), std::move(after)));
    Q_EMIT viewSettingsChanged();
}

bool OpenVocabularyView::addPrompt(const QString &text)
{
    const QString problem = m_model->promptProblem(text);
    if (!problem.isEmpty()) {
        m_hint->setText(problem);
        return false;
    }
    QList<OpenVocabPrompt> prompts = m_model->prompts();
    prompts << OpenVocabPrompt{text.simplified(), m_model->nextPromptColor(text)};
    pushSettings(tr("Add the prompt \"%1\"").arg(text.simplified()), prompts, m_model->templates(), m_model->background());
    return true;
}

void OpenVocabularyView::removePrompt(int index)
{
    QList<OpenVocabPrompt> prompts = m_model->prompts();
    if (index < 0 || index >= prompts.size())
        return;
    const QString text = prompts.takeAt(index).text;
    pushSettings(tr("Remove the prompt \"%1\"").arg(text), prompts, m_model->templates(), m_model->background());
}

void OpenVocabularyView::recolourPrompt(int index, const QColor &color)
{
    QList<OpenVocabPrompt> prompts = m_model->prompts();
    if (index < 0 || index >= prompts.size() || !color.isValid())
        return;
    prompts[index].color = color;
    pushSettings(tr("Recolour \"%1\"").arg(prompts[index].text), prompts, m_model->templates(), m_model->background());
}

void OpenVocabularyView::setTemplatesOn(bool on)
{
    pushSettings(on ? tr("Use the ImageNet templates") : tr("Use the prompts alone"), m_model->prompts(),
                 on ? openvocab::PromptTemplates::ImageNet : openvocab::PromptTemplates::None, m_model->background());
}

void OpenVocabularyView::setBackgroundValue(std::optional<double> background)
{
    pushSettings(background ? tr("Background below %1").arg(*background, 0, 'f', 2) : tr("The model's background threshold"),
                 m_model->prompts(), m_model->templates(), background);
}

void OpenVocabularyView::showSettings()
{
    const QSignalBlocker blockTemplates(m_templates), blockAuto(m_autoBackground), blockValue(m_background);
    m_templates->setChecked(m_model->templates() == openvocab::PromptTemplates::ImageNet);
    m_autoBackground->setChecked(!m_model->background().has_value());
    m_background->setValue(m_model->effectiveBackground(OpenVocabSide::A));
    m_background->setEnabled(m_model->background().has_value());
}

void OpenVocabularyView::showPrompts()
{
    const int current = m_promptTable->currentRow();
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    m_promptTable->setRowCount(int(prompts.size()));
    const OpenVocabDetail &detail = m_model->detail();
    const std::optional<openvocab::OpenVocabResult> &result = detail.result[0];
    const bool fresh = result && result->promptCount() == prompts.size();
    for (int p = 0; p < prompts.size(); ++p) {
        auto *name = cell(prompts[p].text);
        name->setIcon(QIcon(swatch(prompts[p].color)));
        m_promptTable->setItem(p, 0, name);
        m_promptTable->setItem(p, 1, cell(fresh ? QStringLiteral("%1%").arg(number(result->coverage[std::size_t(p)] * 100.0, 1)) : QString()));
        m_promptTable->setItem(p, 2, cell(fresh ? number(result->zeroShot[std::size_t(p)], 2) : QString()));
    }
    if (current >= 0 && current < prompts.size())
        m_promptTable->setCurrentCell(current, 0);
    m_remove->setEnabled(m_promptTable->currentRow() >= 0);
    m_recolour->setEnabled(m_promptTable->currentRow() >= 0);
    // Colours show at once; the maps follow when the analysis arrives.
    for (int s = 0; s < kOpenVocabSides; ++s)
        showLayers(OpenVocabSide(s));
    showTiles();
    showHint();
}

void OpenVocabularyView::showHint()
{
    QStringList lines;
    if (m_model->prompts().isEmpty())
        lines << tr("Add prompts to segment the image by them.");
    for (int s = 0; s < kOpenVocabSides; ++s) {
        const std::vector<std::vector<std::string>> unknown = m_model->unknownWords(OpenVocabSide(s));
        for (std::size_t p = 0; p < unknown.size() && p < std::size_t(m_model->prompts().size()); ++p) {
            if (unknown[p].empty())
                continue;
            QStringList words;
            for (const std::string &w : unknown[p])
                words << QString::fromStdString(w);
            lines << tr("\"%1\": %2 never saw %3; it reads them as one unknown word.")
                         .arg(m_model->prompts()[int(p)].text, s == 0 ? tr("the model") : tr("model B"), words.join(QLatin1String(", ")));
        }
    }
    m_hint->setText(lines.join(QLatin1Char('\n')));
}

void OpenVocabularyView::rebuildImageList()
{
    const QSignalBlocker block(m_images);
    m_images->clear();
    for (int i = 0; i < m_model->images().size(); ++i) {
        const OpenVocabImage &image = m_model->images()[i];
        auto *entry = new QListWidgetItem(QIcon(QPixmap::fromImage(image.thumbnail)), image.entry.name);
        entry->setToolTip(image.error.isEmpty() ? image.entry.imagePath : image.error);
        m_images->addItem(entry);
        updateImage(i);
    }
    if (m_model->selected() >= 0)
        m_images->setCurrentRow(m_model->selected());
    showScores();
}

void OpenVocabularyView::updateImage(int index)
{
    QListWidgetItem *entry = m_images->item(index);
    if (!entry || index >= m_model->images().size())
        return;
    const OpenVocabImage &image = m_model->images()[index];
    const OpenVocabOutcome &outcome = image.outcome[0];
    QString text = image.entry.name;
    if (!image.error.isEmpty())
        text += QLatin1Char('\n') + tr("cannot open");
    else if (!outcome.error.isEmpty())
        text += QLatin1Char('\n') + tr("failed");
    else if (outcome.analysed && !outcome.zeroShot.empty() && int(outcome.zeroShot.size()) == m_model->prompts().size()) {
        const auto best = std::max_element(outcome.zeroShot.begin(), outcome.zeroShot.end()) - outcome.zeroShot.begin();
        text += QLatin1Char('\n') + m_model->prompts()[int(best)].text;
        if (outcome.score)
            text += QStringLiteral(" · ") + tr("mIoU %1").arg(number(outcome.score->mean(), 2));
    }
    entry->setText(text);
    entry->setToolTip(!outcome.error.isEmpty() ? outcome.error : !image.error.isEmpty() ? image.error : image.entry.imagePath);
}

void OpenVocabularyView::showDetail()
{
    const OpenVocabDetail &d = m_model->detail();
    if (d.index >= 0 && m_images->currentRow() != d.index) {
        const QSignalBlocker block(m_images);
        m_images->setCurrentRow(d.index);
    }
    m_imageStatus->setVisible(!d.error.isEmpty());
    if (d.index >= 0 && !d.error.isEmpty())
        m_imageStatus->setText(tr("<b>%1: cannot analyse:</b> %2").arg(m_model->images().value(d.index).entry.name.toHtmlEscaped(), d.error.toHtmlEscaped()));
    const std::optional<openvocab::OpenVocabResult> &result = d.result[0];
    // A map stays chosen while the image waits for its analysis; it goes when its prompt does.
    if (m_shownMap >= 0 && result && m_shownMap >= result->promptCount())
        m_shownMap = -1;
    const bool newImage = d.index != m_shownIndex || d.image.size() != m_shownSize;
    if (newImage)
        m_rankedPixel = QPoint(-1, -1);
    showPrompts(); // coverage and p, and the layers and tiles
    showRanking();
    if (newImage)
        for (widgets::ImageView *view : m_imageViews)
            view->fitToView();
    m_shownIndex = d.index;
    m_shownSize = d.image.size();
}

} // namespace periscope::app
