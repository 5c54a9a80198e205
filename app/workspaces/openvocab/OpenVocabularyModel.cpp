// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/openvocab/OpenVocabularyModel.h"

#include "app/figures/ImageConversion.h"
#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/shell/ComputeState.h"
#include "app/shell/JobManager.h"

#include "engine/openvocab/OpenVocabTraining.h"
#include "engine/scenes/Scene.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace periscope::app {
namespace {

constexpr int kThumbnailSide = 96;
// Colours closer than this (summed over R, G and B) are told apart only side by side.
constexpr int kDistinctColour = 120;

struct OpenedImages {
    QList<OpenVocabImage> images;
    QStringList warnings;
};

// What a job needs of the models: each side's network and embedded prompts (null when unused).
struct SideInputs {
    std::array<std::shared_ptr<const openvocab::OpenVocabModel>, kOpenVocabSides> models;
    std::array<std::shared_ptr<const openvocab::PromptSet>, kOpenVocabSides> prompts;
    std::array<double, kOpenVocabSides> background{};
};

struct EmbeddedPrompts {
    std::array<std::shared_ptr<const openvocab::OpenVocabModel>, kOpenVocabSides> models;
    std::array<std::shared_ptr<const openvocab::PromptSet>, kOpenVocabSides> prompts;
};

struct AnalysedImage {
    int index = 0;
    QString error;
    std::array<OpenVocabOutcome, kOpenVocabSides> outcome;
};

QString firstLine(const std::exception &e)
{
    return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
}

openvocab::OpenVocabOptions analysisOptions(double background)
{
    openvocab::OpenVocabOptions options;
    options.background = background;
    options.mapSide = OpenVocabularyModel::kMapSide;
    return options;
}

} // namespace
} // namespace periscope::app

Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::OpenedImages>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::openvocab::OpenVocabModel>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::EmbeddedPrompts>)
Q_DECLARE_METATYPE(std::shared_ptr<const periscope::app::OpenVocabDetail>)

namespace periscope::app {

OpenVocabularyModel::OpenVocabularyModel(JobManager *jobs, ComputeState *compute, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_compute(compute), m_scan(jobs), m_loadA(jobs), m_loadB(jobs), m_embedding(jobs), m_analysis(jobs), m_detailLoad(jobs),
      m_training(jobs)
{
    qRegisterMetaType<periscope::openvocab::OpenVocabEpoch>();
    for (const JobSlot *jobSlot : {&m_scan, &m_loadA, &m_loadB, &m_embedding, &m_analysis, &m_detailLoad})
        connect(jobSlot, &JobSlot::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_training, &TrainingJob::epochEnded, this,
            [this](const QVariant &epoch) { Q_EMIT trainingEpoch(epoch.value<openvocab::OpenVocabEpoch>()); });
    connect(&m_training, &TrainingJob::finished, this, &OpenVocabularyModel::trainingFinished);
    connect(&m_training, &TrainingJob::stopped, this, &OpenVocabularyModel::trainingStopped);
}

OpenVocabularyModel::~OpenVocabularyModel() = default;

bool OpenVocabularyModel::hasMasks() const
{
    for (const OpenVocabImage &image : m_images)
        if (!image.entry.maskPath.isEmpty() && !image.entry.objects.empty())
            return true;
    return false;
}

void OpenVocabularyModel::cancel()
{
    for (JobSlot *jobSlot : {&m_scan, &m_loadA, &m_loadB, &m_embedding, &m_analysis, &m_detailLoad})
        jobSlot->cancel();
}

void OpenVocabularyModel::clear()
{
    m_scan.cancel();
    m_analysis.cancel();
    m_detailLoad.cancel();
    ++m_analysisGeneration;
    markStale(); // the images to come have no outcomes yet
    m_inputs.clear();
    m_warnings.clear();
    m_images.clear();
    m_selected = -1;
    m_detail = {};
    Q_EMIT imagesChanged();
    Q_EMIT detailReady();
}

void OpenVocabularyModel::open(const QStringList &inputs)
{
    if (inputs.isEmpty())
        return;
    clear();
    m_inputs = inputs;
    m_scan.start(
        tr("Open %1").arg(QFileInfo(inputs.first()).fileName()),
        [inputs](const JobControl &control) {
            const SlotImageSet set = loadSlotImages(inputs, control, /*decode=*/false);
            auto opened = std::make_shared<OpenedImages>();
            opened->warnings = set.warnings;
            for (std::size_t i = 0; i < set.images.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / double(set.images.size()), set.images[i].name.toStdString());
                OpenVocabImage image;
                image.entry = set.images[i];
                try {
                    SlotImage decoded = image.entry;
                    decodeSlotImage(decoded);
                    image.thumbnail = toQImage(decoded.image).scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
                } catch (const std::exception &e) {
                    image.error = firstLine(e);
                }
                opened->images << image;
            }
            return QVariant::fromValue(std::shared_ptr<const OpenedImages>(opened));
        },
        [this](const QVariant &result) {
            const auto opened = result.value<std::shared_ptr<const OpenedImages>>();
            m_images = opened->images;
            m_warnings = opened->warnings;
            for (const QString &w : m_warnings)
                Q_EMIT problem(w);
            for (const OpenVocabImage &image : m_images)
                if (!image.error.isEmpty())
                    Q_EMIT problem(tr("%1: cannot open: %2").arg(image.entry.name, image.error));
            Q_EMIT imagesChanged();
            Q_EMIT message(tr("%n image(s) opened", nullptr, int(m_images.size())));
            m_selected = m_images.isEmpty() ? -1 : 0;
            refresh();
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

QStringList OpenVocabularyModel::promptTexts() const
{
    QStringList texts;
    for (const OpenVocabPrompt &p : m_prompts)
        texts << p.text;
    return texts;
}

QString OpenVocabularyModel::promptProblem(const QString &text) const
{
    const QString prompt = text.simplified();
    if (prompt.isEmpty())
        return tr("Type a prompt first");
    if (prompt.contains(QLatin1Char(';')))
        return tr("A prompt cannot hold a semicolon (it separates prompts in projects and on the command line)");
    if (prompt.size() > kMaxPromptLength)
        return tr("A prompt is at most %1 characters").arg(kMaxPromptLength);
    if (promptTexts().contains(prompt))
        return tr("\"%1\" is already in the list").arg(prompt);
    if (m_prompts.size() >= kMaxPrompts)
        return tr("At most %1 prompts").arg(kMaxPrompts);
    return {};
}

QColor OpenVocabularyModel::suggestedPromptColor(const QString &text, const QList<OpenVocabPrompt> &taken)
{
    QSet<QRgb> used;
    for (const OpenVocabPrompt &p : taken)
        used.insert(p.color.rgb());
    if (const std::optional<openvocab::AttributeQuery> query = openvocab::parseScenePrompt(text.simplified().toStdString()); query && !query->color.empty())
        for (const auto &[name, rgb] : scenes::clevrColors())
            if (name == query->color && !used.contains(QColor(rgb[0], rgb[1], rgb[2]).rgb()))
                return QColor(rgb[0], rgb[1], rgb[2]);
    // The first palette colour far from every colour in use: "metal objects" in a crimson beside
    // "red objects" in CLEVR's red reads as one prompt.
    auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
    };
    for (int i = 0; i < 2 * kMaxPrompts; ++i) {
        const QColor candidate = promptColor(i);
        bool far = true;
        for (const OpenVocabPrompt &p : taken)
            far = far && distance(candidate, p.color) > kDistinctColour;
        if (far)
            return candidate;
    }
    for (int i = 0;; ++i)
        if (!used.contains(promptColor(i).rgb()) || i >= kMaxPrompts)
            return promptColor(i);
}

void OpenVocabularyModel::setPrompts(const QList<OpenVocabPrompt> &prompts)
{
    QList<OpenVocabPrompt> cleaned;
    QStringList seen;
    for (OpenVocabPrompt p : prompts) {
        p.text = p.text.simplified();
        if (p.text.isEmpty() || p.text.size() > kMaxPromptLength || p.text.contains(QLatin1Char(';')) || seen.contains(p.text) ||
            cleaned.size() >= kMaxPrompts)
            continue;
        if (!p.color.isValid())
            p.color = suggestedPromptColor(p.text, cleaned);
        seen << p.text;
        cleaned << p;
    }
    if (cleaned == m_prompts)
        return;
    const bool textsChanged = seen != promptTexts();
    m_prompts = cleaned;
    Q_EMIT promptsChanged();
    if (textsChanged)
        promptsInvalidated();
}

void OpenVocabularyModel::setTemplates(openvocab::PromptTemplates templates)
{
    if (templates == m_templates)
        return;
    m_templates = templates;
    Q_EMIT settingsChanged();
    promptsInvalidated();
}

double OpenVocabularyModel::effectiveBackground(OpenVocabSide side) const
{
    if (m_background)
        return *m_background;
    const double suggested = model(side).suggestedBackground;
    return std::isfinite(suggested) ? suggested : -1.0;
}

void OpenVocabularyModel::setBackground(std::optional<double> background)
{
    if (background)
        background = std::clamp(*background, -1.0, 1.0);
    if (background == m_background)
        return;
    m_background = background;
    Q_EMIT settingsChanged();
    // The maps stay; only the labels move, at once. The folder's scores need every image again.
    for (int s = 0; s < kOpenVocabSides; ++s)
        if (m_detail.result[std::size_t(s)]) {
            m_detail.result[std::size_t(s)]->relabel(effectiveBackground(OpenVocabSide(s)));
            if (m_detail.figure[std::size_t(s)])
                relabelOpenVocabFigure(*m_detail.figure[std::size_t(s)], *m_detail.result[std::size_t(s)]);
        }
    Q_EMIT detailReady();
    markStale();
    analyseAll();
}

void OpenVocabularyModel::setModel(const QString &nameOrPath, OpenVocabSide side)
{
    OpenVocabModelState &state = m_models[std::size_t(side)];
    if (nameOrPath.isEmpty()) {
        if (side == OpenVocabSide::A)
            return;
        loadSlot(side).cancel();
        state = {};
        for (OpenVocabImage &image : m_images)
            image.outcome[std::size_t(side)] = {};
        m_detail.result[std::size_t(side)].reset();
        m_detail.figure[std::size_t(side)].reset();
        Q_EMIT modelChanged();
        Q_EMIT outcomesReset();
        Q_EMIT detailReady();
        return;
    }
    const QString previous = state.model ? state.name : QString();
    state.name = nameOrPath;
    Q_EMIT modelChanged();
    openvocab::OpenVocabLoadOptions options;
    if (m_compute) {
        options.device = m_compute->device().kind == DeviceKind::Cuda ? DevicePreference::Cuda : DevicePreference::Cpu;
        options.bf16 = m_compute->precisionPreference() == PrecisionPreference::Bf16;
    }
    loadSlot(side).start(
        tr("Load open-vocabulary model %1").arg(QFileInfo(nameOrPath).fileName()),
        [nameOrPath, options](const JobControl &control) {
            std::shared_ptr<const openvocab::OpenVocabModel> loaded = loadOpenVocabModel(nameOrPath, {}, options, control);
            return QVariant::fromValue(loaded);
        },
        [this, side, nameOrPath](const QVariant &result) {
            OpenVocabModelState &s = m_models[std::size_t(side)];
            s.name = nameOrPath;
            s.model = result.value<std::shared_ptr<const openvocab::OpenVocabModel>>();
            s.description = QString::fromStdString(s.model->describe());
            s.suggestedBackground = s.model->suggestedBackground();
            s.prompts.reset();
            Q_EMIT modelChanged();
            Q_EMIT settingsChanged(); // the background may follow the new model's suggestion
            Q_EMIT message(tr("Model: %1").arg(s.description));
            promptsInvalidated(side);
        },
        [this, side, previous](const QString &error) {
            // The model loaded before stays in use.
            OpenVocabModelState &s = m_models[std::size_t(side)];
            s.name = previous;
            if (previous.isEmpty())
                s = {};
            Q_EMIT modelChanged();
            Q_EMIT problem(tr("The open-vocabulary model could not be loaded: %1").arg(error));
        });
}

std::vector<std::vector<std::string>> OpenVocabularyModel::unknownWords(OpenVocabSide side) const
{
    const auto &prompts = model(side).prompts;
    return prompts ? prompts->unknownWords : std::vector<std::vector<std::string>>{};
}

void OpenVocabularyModel::markStale(std::optional<OpenVocabSide> only)
{
    for (int s = 0; s < kOpenVocabSides; ++s)
        if (!only || *only == OpenVocabSide(s))
            m_stale[std::size_t(s)] = true;
}

void OpenVocabularyModel::promptsInvalidated(std::optional<OpenVocabSide> only)
{
    // What is shown was made with other prompts or another model: drop it until the new
    // analysis arrives.
    for (int s = 0; s < kOpenVocabSides; ++s) {
        if (only && *only != OpenVocabSide(s))
            continue;
        m_models[std::size_t(s)].prompts.reset();
        for (OpenVocabImage &image : m_images)
            image.outcome[std::size_t(s)] = {};
        m_detail.result[std::size_t(s)].reset();
        m_detail.figure[std::size_t(s)].reset();
    }
    markStale(only);
    Q_EMIT outcomesReset();
    Q_EMIT detailReady();
    refresh();
}

void OpenVocabularyModel::refresh()
{
    if (m_prompts.isEmpty() || !hasModel(OpenVocabSide::A)) {
        m_embedding.cancel();
        m_analysis.cancel();
        loadDetail(); // the image alone
        return;
    }
    bool missing = false;
    EmbeddedPrompts request;
    for (int s = 0; s < kOpenVocabSides; ++s) {
        const OpenVocabModelState &state = m_models[std::size_t(s)];
        request.models[std::size_t(s)] = state.model;
        request.prompts[std::size_t(s)] = state.prompts;
        missing = missing || (state.model && !state.prompts);
    }
    if (!missing) {
        analyseAll();
        loadDetail();
        return;
    }
    std::vector<std::string> texts;
    for (const OpenVocabPrompt &p : m_prompts)
        texts.push_back(p.text.toStdString());
    const openvocab::PromptTemplates templates = m_templates;
    m_embedding.start(
        tr("Embed %n prompt(s)", nullptr, int(texts.size())),
        [request, texts, templates](const JobControl &control) {
            auto done = std::make_shared<EmbeddedPrompts>(request);
            for (std::size_t s = 0; s < done->models.size(); ++s)
                if (done->models[s] && !done->prompts[s])
                    done->prompts[s] = std::make_shared<const openvocab::PromptSet>(done->models[s]->embedPrompts(texts, templates, control));
            return QVariant::fromValue(std::shared_ptr<const EmbeddedPrompts>(done));
        },
        [this](const QVariant &result) {
            const auto done = result.value<std::shared_ptr<const EmbeddedPrompts>>();
            for (std::size_t s = 0; s < m_models.size(); ++s)
                if (m_models[s].model == done->models[s] && m_models[s].model)
                    m_models[s].prompts = done->prompts[s];
            Q_EMIT promptsEmbedded();
            analyseAll();
            loadDetail();
        },
        [this](const QString &error) { Q_EMIT problem(tr("The prompts could not be embedded: %1").arg(error)); });
}

void OpenVocabularyModel::analyseAll()
{
    if (m_images.isEmpty() || !model(OpenVocabSide::A).prompts) {
        m_analysis.cancel();
        return;
    }
    SideInputs inputs;
    std::array<bool, kOpenVocabSides> sides{};
    for (int s = 0; s < kOpenVocabSides; ++s) {
        const OpenVocabModelState &state = m_models[std::size_t(s)];
        sides[std::size_t(s)] = m_stale[std::size_t(s)] && state.model && state.prompts;
        if (sides[std::size_t(s)]) {
            inputs.models[std::size_t(s)] = state.model;
            inputs.prompts[std::size_t(s)] = state.prompts;
        }
        inputs.background[std::size_t(s)] = effectiveBackground(OpenVocabSide(s));
    }
    if (!sides[0] && !sides[1])
        return; // every side's outcomes are current (a running analysis is of the current settings)
    for (OpenVocabImage &image : m_images)
        for (std::size_t s = 0; s < sides.size(); ++s)
            if (sides[s])
                image.outcome[s] = {};
    Q_EMIT outcomesReset();
    QList<SlotImage> entries;
    for (const OpenVocabImage &image : m_images)
        entries << image.entry;
    std::vector<std::string> texts;
    for (const OpenVocabPrompt &p : m_prompts)
        texts.push_back(p.text.toStdString());
    QPointer<OpenVocabularyModel> self(this);
    const quint64 generation = ++m_analysisGeneration;
    m_analysis.start(
        tr("Segment %n image(s) by the prompts", nullptr, int(entries.size())),
        [entries, inputs, texts, self, generation, sides](const JobControl &control) {
            for (qsizetype i = 0; i < entries.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / double(entries.size()), entries[i].name.toStdString());
                auto analysed = std::make_shared<AnalysedImage>();
                analysed->index = int(i);
                SlotImage image = entries[i];
                try {
                    decodeSlotImage(image);
                    for (std::size_t s = 0; s < inputs.models.size(); ++s) {
                        if (!inputs.models[s])
                            continue;
                        const openvocab::OpenVocabResult result =
                            inputs.models[s]->analyse(image.image, *inputs.prompts[s], analysisOptions(inputs.background[s]), control);
                        OpenVocabOutcome &outcome = analysed->outcome[s];
                        outcome.analysed = true;
                        outcome.zeroShot = result.zeroShot;
                        outcome.coverage = result.coverage;
                        if (!image.mask.isNull() && !image.objects.empty() && image.mask.width() == result.mapWidth &&
                            image.mask.height() == result.mapHeight) {
                            outcome.score.emplace(texts);
                            outcome.score->add(result.labels, openvocab::promptTruth(texts, image.mask, image.objects, result.mapWidth, result.mapHeight));
                        }
                    }
                } catch (const CancelledError &) {
                    throw;
                } catch (const std::exception &e) {
                    analysed->error = firstLine(e);
                }
                postToReceiver(self, [analysed, generation, sides](OpenVocabularyModel *m) {
                    // A newer analysis started since: this one's images belong to other settings.
                    if (m->m_analysisGeneration != generation || analysed->index >= m->m_images.size())
                        return;
                    OpenVocabImage &image = m->m_images[analysed->index];
                    for (std::size_t s = 0; s < sides.size(); ++s)
                        if (sides[s]) {
                            image.outcome[s] = analysed->outcome[s];
                            image.outcome[s].error = analysed->error;
                        }
                    Q_EMIT m->imageAnalysed(analysed->index);
                });
            }
            return QVariant();
        },
        [this, sides](const QVariant &) {
            for (std::size_t s = 0; s < sides.size(); ++s)
                if (sides[s])
                    m_stale[s] = false;
            const std::optional<openvocab::SceneScoreboard> score = folderScore(OpenVocabSide::A);
            if (score && score->images() > 0)
                Q_EMIT message(tr("Prompt mIoU %1 over %n scene(s) (shuffled prompts: %2)", nullptr, score->images())
                                   .arg(score->mean(), 0, 'f', 3)
                                   .arg(score->shuffledMean(), 0, 'f', 3));
            Q_EMIT analysisFinished();
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

void OpenVocabularyModel::select(int index)
{
    if (index < 0 || index >= m_images.size() || index == m_selected)
        return;
    m_selected = index;
    loadDetail();
}

void OpenVocabularyModel::loadDetail()
{
    if (m_selected < 0 || m_selected >= m_images.size()) {
        m_detailLoad.cancel();
        m_detail = {};
        Q_EMIT detailReady();
        return;
    }
    SideInputs inputs;
    for (int s = 0; s < kOpenVocabSides; ++s) {
        const OpenVocabModelState &state = m_models[std::size_t(s)];
        if (state.model && state.prompts && !m_prompts.isEmpty()) {
            inputs.models[std::size_t(s)] = state.model;
            inputs.prompts[std::size_t(s)] = state.prompts;
        }
        inputs.background[std::size_t(s)] = effectiveBackground(OpenVocabSide(s));
    }
    const int index = m_selected;
    const SlotImage entry = m_images[index].entry;
    std::vector<std::string> texts;
    for (const OpenVocabPrompt &p : m_prompts)
        texts.push_back(p.text.toStdString());
    m_detailLoad.start(
        tr("Segment %1").arg(entry.name),
        [entry, index, inputs, texts](const JobControl &control) {
            auto detail = std::make_shared<OpenVocabDetail>();
            detail->index = index;
            SlotImage image = entry;
            try {
                decodeSlotImage(image);
                for (std::size_t s = 0; s < inputs.models.size(); ++s)
                    if (inputs.models[s])
                        detail->result[s] = inputs.models[s]->analyse(image.image, *inputs.prompts[s], analysisOptions(inputs.background[s]), control);
                QImage shown = toQImage(image.image).convertToFormat(QImage::Format_RGB888);
                if (detail->result[0]) {
                    const QSize size(detail->result[0]->mapWidth, detail->result[0]->mapHeight);
                    if (shown.size() != size)
                        shown = shown.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                } else if (std::max(shown.width(), shown.height()) > OpenVocabularyModel::kMapSide) {
                    shown = shown.scaled(OpenVocabularyModel::kMapSide, OpenVocabularyModel::kMapSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
                }
                detail->image = shown;
                for (std::size_t s = 0; s < inputs.models.size(); ++s)
                    if (detail->result[s])
                        detail->figure[s] = openVocabFigure(entry.name, image.image, *detail->result[s], texts);
            } catch (const CancelledError &) {
                throw;
            } catch (const std::exception &e) {
                detail->error = firstLine(e);
                detail->result = {};
                detail->figure = {};
            }
            return QVariant::fromValue(std::shared_ptr<const OpenVocabDetail>(detail));
        },
        [this](const QVariant &result) {
            m_detail = *result.value<std::shared_ptr<const OpenVocabDetail>>();
            if (!m_detail.error.isEmpty())
                Q_EMIT problem(tr("%1: %2").arg(m_images.value(m_detail.index).entry.name, m_detail.error));
            Q_EMIT detailReady();
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

std::optional<openvocab::SceneScoreboard> OpenVocabularyModel::folderScore(OpenVocabSide side) const
{
    std::optional<openvocab::SceneScoreboard> total;
    for (const OpenVocabImage &image : m_images) {
        const OpenVocabOutcome &outcome = image.outcome[std::size_t(side)];
        if (!outcome.score)
            continue;
        if (!total)
            total = *outcome.score;
        else
            total->merge(*outcome.score);
    }
    return total;
}

} // namespace periscope::app
