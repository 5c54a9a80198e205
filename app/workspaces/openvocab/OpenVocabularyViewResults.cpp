// SPDX-License-Identifier: GPL-3.0-or-later
// OpenVocabularyView's displays of results: the image's layers (segmentation, a prompt's map, the
// ranked pixel), the similarity tiles, the zero-shot and per-pixel rankings, and the scene scores.
#include "app/workspaces/openvocab/OpenVocabularyView.h"

#include "app/figures/OpenVocabFigure.h"
#include "app/workspaces/openvocab/OpenVocabularyViewParts.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/tiles/MapTile.h"

#include <QGridLayout>
#include <QLabel>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace periscope::app {

using namespace openvocabview;

void OpenVocabularyView::showLayers(OpenVocabSide side)
{
    const OpenVocabDetail &d = m_model->detail();
    widgets::LayerModel *layers = m_layers[std::size_t(side)];
    if (d.index < 0 || d.image.isNull()) {
        layers->clear();
        return;
    }
    widgets::Layer image;
    image.id = kImageLayer;
    image.name = tr("Image");
    image.kind = widgets::LayerKind::Image;
    image.image = d.image;
    if (layers->rowOf(kImageLayer) >= 0)
        layers->replaceLayer(image);
    else
        layers->addLayer(image);
    const std::optional<openvocab::OpenVocabResult> &result = d.result[std::size_t(side)];
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    const bool current = result && result->promptCount() == prompts.size() && result->mapWidth == d.image.width() &&
                         result->mapHeight == d.image.height();
    for (const QString &id : {kSegmentationLayer, kMapLayer, kPixelLayer})
        layers->removeLayer(id);
    if (!current)
        return;
    if (m_shownMap < 0) {
        widgets::Layer segmentation;
        segmentation.id = kSegmentationLayer;
        segmentation.name = tr("Segmentation");
        segmentation.kind = widgets::LayerKind::Labels;
        segmentation.opacity = kSegmentationOpacity;
        segmentation.values = Image(result->mapWidth, result->mapHeight, 1, PixelFormat::UInt8);
        for (int y = 0; y < result->mapHeight; ++y) {
            std::uint8_t *row = segmentation.values.row(y);
            const int *labels = result->labels.data() + std::size_t(y) * std::size_t(result->mapWidth);
            for (int x = 0; x < result->mapWidth; ++x)
                row[x] = std::uint8_t(std::clamp(labels[x] + 1, 0, 255));
        }
        segmentation.labelColors << QColor(Qt::transparent);
        segmentation.labelNames << QString();
        for (const OpenVocabPrompt &p : prompts) {
            segmentation.labelColors << p.color;
            segmentation.labelNames << p.text;
        }
        layers->addLayer(segmentation);
    } else {
        // One prompt's similarity on the scale shared by all prompts (the tiles' scale).
        widgets::Layer map;
        map.id = kMapLayer;
        map.name = tr("Similarity to \"%1\"").arg(prompts[m_shownMap].text);
        map.kind = widgets::LayerKind::ScalarMap;
        map.colormap = Colormap::Magma;
        map.opacity = 0.85;
        const auto [low, high] = std::minmax_element(result->pixelSimilarity.begin(), result->pixelSimilarity.end());
        map.low = *low;
        map.high = std::max(double(*high), double(*low) + 1e-6);
        map.values = Image(result->mapWidth, result->mapHeight, 1, PixelFormat::Float32);
        const float *values = result->similarityMap(m_shownMap);
        for (int y = 0; y < result->mapHeight; ++y)
            std::copy_n(values + std::size_t(y) * std::size_t(result->mapWidth), result->mapWidth, map.values.rowAs<float>(y));
        layers->addLayer(map);
    }
    if (m_rankedPixel.x() >= 0 && m_rankedPixel.x() < result->mapWidth && m_rankedPixel.y() < result->mapHeight) {
        widgets::Layer marker;
        marker.id = kPixelLayer;
        marker.name = tr("Ranked pixel");
        marker.kind = widgets::LayerKind::Vector;
        widgets::VectorItem point;
        point.shape = widgets::VectorItem::Shape::Point;
        point.points << QPointF(m_rankedPixel) + QPointF(0.5, 0.5);
        point.color = Qt::white;
        marker.items << point;
        layers->addLayer(marker);
    }
    m_sideTitles[std::size_t(side)]->setToolTip(m_shownMap >= 0 ? tr("Similarity to \"%1\"").arg(prompts[m_shownMap].text) : QString());
}

void OpenVocabularyView::showTiles()
{
    qDeleteAll(m_tiles);
    m_tiles.clear();
    const OpenVocabDetail &d = m_model->detail();
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    if (!d.figure[0] || d.figure[0]->prompts != m_model->promptTexts())
        return;
    // The figure's maps and captions: what the tiles show is what Export Figure draws.
    const OpenVocabFigure &figure = *d.figure[0];
    for (int p = 0; p < prompts.size(); ++p) {
        auto *tile = new widgets::MapTile(p, prompts[p].color);
        tile->setObjectName(QStringLiteral("promptTile%1").arg(p));
        tile->setMap(figure.similarity.value(p), figure.captions.value(p));
        tile->setHighlighted(p == m_shownMap);
        tile->setCursor(Qt::PointingHandCursor);
        connect(tile, &widgets::MapTile::clicked, this, [this](int prompt) { showPromptMap(prompt == m_shownMap ? -1 : prompt); });
        m_tileGrid->addWidget(tile, p / kTileColumns, p % kTileColumns);
        m_tiles << tile;
    }
}

void OpenVocabularyView::showPromptMap(int prompt)
{
    m_shownMap = prompt >= 0 && prompt < m_model->prompts().size() ? prompt : -1;
    for (widgets::MapTile *tile : m_tiles)
        tile->setHighlighted(tile->item() == m_shownMap);
    for (int s = 0; s < kOpenVocabSides; ++s)
        showLayers(OpenVocabSide(s));
}

void OpenVocabularyView::rankAt(QPoint pixel)
{
    m_rankedPixel = pixel;
    for (int s = 0; s < kOpenVocabSides; ++s)
        showLayers(OpenVocabSide(s));
    showRanking();
    m_tabs->setCurrentIndex(1);
}

void OpenVocabularyView::showRanking()
{
    const OpenVocabDetail &d = m_model->detail();
    const std::optional<openvocab::OpenVocabResult> &result = d.result[0];
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    m_ranking->setRowCount(0);
    m_pixelRanking->setRowCount(0);
    if (!result || result->promptCount() != prompts.size())
        return;
    auto fill = [&prompts](QTableWidget *t, const std::vector<float> &order, const std::vector<float> &second, int digits) {
        std::vector<int> rank(order.size());
        std::iota(rank.begin(), rank.end(), 0);
        std::stable_sort(rank.begin(), rank.end(), [&order](int a, int b) { return order[std::size_t(a)] > order[std::size_t(b)]; });
        t->setRowCount(int(rank.size()));
        for (int r = 0; r < int(rank.size()); ++r) {
            const int p = rank[std::size_t(r)];
            auto *name = cell(prompts[p].text);
            name->setIcon(QIcon(swatch(prompts[p].color)));
            t->setItem(r, 0, name);
            t->setItem(r, 1, cell(number(order[std::size_t(p)], digits)));
            if (!second.empty())
                t->setItem(r, 2, cell(number(second[std::size_t(p)], 3)));
        }
    };
    fill(m_ranking, result->zeroShot, result->zeroShotCosine, 3);
    const std::vector<float> here = result->similarityAt(m_rankedPixel.x(), m_rankedPixel.y());
    if (!here.empty()) {
        fill(m_pixelRanking, here, {}, 3);
        m_pixelRanking->setHorizontalHeaderItem(0, new QTableWidgetItem(tr("At pixel (%1, %2)").arg(m_rankedPixel.x()).arg(m_rankedPixel.y())));
    } else {
        m_pixelRanking->setHorizontalHeaderItem(0, new QTableWidgetItem(tr("At the clicked pixel (click the image)")));
    }
}

void OpenVocabularyView::showScores()
{
    m_scoresTimer->stop();
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    std::array<std::optional<openvocab::SceneScoreboard>, kOpenVocabSides> scores{m_model->folderScore(OpenVocabSide::A),
                                                                                    m_model->folderScore(OpenVocabSide::B)};
    if (!scores[0] || scores[0]->promptCount() != prompts.size()) {
        m_scores->setRowCount(0);
        m_summary->setText(!m_model->images().isEmpty() && !m_model->hasMasks() ? tr("no instance masks: no scores") : QString());
        return;
    }
    m_scores->setRowCount(int(prompts.size()) + 1);
    for (int s = 0; s < kOpenVocabSides; ++s) {
        if (!scores[std::size_t(s)] || scores[std::size_t(s)]->promptCount() != prompts.size())
            continue;
        const openvocab::SceneScoreboard &score = *scores[std::size_t(s)];
        const std::vector<double> iou = score.perPrompt(), chance = score.shuffledPerPrompt();
        for (int p = 0; p < prompts.size(); ++p) {
            m_scores->setItem(p, 1 + 2 * s, cell(score.isScored(p) ? number(iou[std::size_t(p)]) : tr("not scored")));
            m_scores->setItem(p, 2 + 2 * s, cell(score.isScored(p) ? number(chance[std::size_t(p)]) : QString()));
        }
        m_scores->setItem(int(prompts.size()), 1 + 2 * s, cell(number(score.mean())));
        m_scores->setItem(int(prompts.size()), 2 + 2 * s, cell(number(score.shuffledMean())));
    }
    for (int p = 0; p < prompts.size(); ++p) {
        auto *name = cell(prompts[p].text);
        name->setIcon(QIcon(swatch(prompts[p].color)));
        if (!scores[0]->isScored(p))
            name->setToolTip(tr("Names no attribute of the scenes' objects (colour, material, shape, size)"));
        m_scores->setItem(p, 0, name);
    }
    auto *mean = cell(tr("Mean over %n scene(s)", nullptr, scores[0]->images()));
    QFont bold = mean->font();
    bold.setBold(true);
    mean->setFont(bold);
    m_scores->setItem(int(prompts.size()), 0, mean);
    m_summary->setText(tr("prompt mIoU %1 (shuffled %2)").arg(number(scores[0]->mean()), number(scores[0]->shuffledMean())));
}

} // namespace periscope::app
