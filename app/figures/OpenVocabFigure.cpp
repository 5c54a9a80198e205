// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/OpenVocabFigure.h"

#include "app/figures/ImageConversion.h"
#include "app/figures/LabelFigure.h"
#include "app/figures/SlotsFigure.h"
#include "engine/core/color/Colormap.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace periscope::app {

namespace {
constexpr double kSegmentationOpacity = 0.6;
constexpr int kColumns = 4;

// "periscope::app": the context lupdate records for these tr() calls in the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("periscope::app", text);
}
} // namespace

QColor promptColor(int prompt)
{
    return slotColor(prompt); // the same distinct hues: neighbours differ, lighter after twelve
}

OpenVocabFigure openVocabFigure(const QString &title, const Image &image, const openvocab::OpenVocabResult &result, const std::vector<std::string> &prompts)
{
    OpenVocabFigure figure;
    figure.title = title;
    const QSize size(result.mapWidth, result.mapHeight);
    const QImage shown = toQImage(image).convertToFormat(QImage::Format_RGB888);
    figure.image = shown.size() == size ? shown : shown.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    figure.low = std::numeric_limits<float>::max();
    figure.high = std::numeric_limits<float>::lowest();
    for (float v : result.pixelSimilarity) {
        figure.low = std::min(figure.low, v);
        figure.high = std::max(figure.high, v);
    }
    if (!(figure.high > figure.low))
        figure.high = figure.low + 1e-6f;
    for (int p = 0; p < result.promptCount(); ++p) {
        Image map(size.width(), size.height(), 1, PixelFormat::Float32);
        const float *values = result.similarityMap(p);
        for (int y = 0; y < size.height(); ++y)
            std::copy_n(values + std::size_t(y) * std::size_t(size.width()), size.width(), map.rowAs<float>(y));
        figure.similarity << toQImage(applyColormap(map, Colormap::Magma, figure.low, figure.high));
        figure.prompts << QString::fromStdString(prompts.at(std::size_t(p)));
    }
    relabelOpenVocabFigure(figure, result);
    return figure;
}

void relabelOpenVocabFigure(OpenVocabFigure &figure, const openvocab::OpenVocabResult &result)
{
    const QSize size(result.mapWidth, result.mapHeight);
    figure.labels = QImage(size, QImage::Format_Grayscale8);
    for (int y = 0; y < size.height(); ++y) {
        uchar *row = figure.labels.scanLine(y);
        for (int x = 0; x < size.width(); ++x)
            row[x] = uchar(std::clamp(result.labels[std::size_t(y) * std::size_t(size.width()) + std::size_t(x)] + 1, 0, 255));
    }
    figure.captions.clear();
    for (int p = 0; p < figure.prompts.size() && p < result.promptCount(); ++p)
        figure.captions << tr("%1 · %2% · p %3")
                               .arg(figure.prompts[p])
                               .arg(result.coverage.at(std::size_t(p)) * 100.0, 0, 'f', 1)
                               .arg(double(result.zeroShot.at(std::size_t(p))), 0, 'f', 2);
}

QColor figurePromptColor(const OpenVocabFigure &figure, int prompt)
{
    return prompt < figure.colors.size() && figure.colors[prompt].isValid() ? figure.colors[prompt] : promptColor(prompt);
}

std::unique_ptr<FigurePanel> openVocabSegmentationPanel(const OpenVocabFigure &figure)
{
    QList<FigureLabel> legend;
    for (int p = 0; p < figure.prompts.size(); ++p) {
        QColor colour = figurePromptColor(figure, p);
        colour.setAlpha(int(255 * kSegmentationOpacity));
        legend.append({figure.prompts[p], colour, figurePromptColor(figure, p)});
    }
    return labelMapPanel(figure.image, figure.labels, legend, 2);
}

std::unique_ptr<FigurePanel> openVocabSimilarityPanel(const OpenVocabFigure &figure)
{
    QList<QColor> frames;
    for (int p = 0; p < figure.prompts.size(); ++p)
        frames << figurePromptColor(figure, p);
    return smallMultiplesPanel(figure.similarity, figure.captions, frames, std::min<int>(kColumns, std::max<int>(1, int(figure.prompts.size()))));
}

} // namespace periscope::app
