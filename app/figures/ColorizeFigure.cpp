// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/ColorizeFigure.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace periscope::app {

namespace {
class CaptionedImagePanel : public FigurePanel {
public:
    CaptionedImagePanel(QImage image, QString caption, QSize shape, QString missing)
        : m_image(std::move(image)), m_caption(std::move(caption)), m_missing(std::move(missing)), m_shape(shape)
    {
    }

    QSizeF preferredSize() const override { return QSizeF(m_shape.width(), m_shape.height() * 1.12); }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const double captionHeight = target.height() * (0.12 / 1.12);
        const QRectF imageRect(target.topLeft(), QSizeF(target.width(), target.height() - captionHeight));
        if (m_image.isNull()) {
            painter.setPen(QColor(120, 120, 120));
            painter.drawRect(imageRect);
            painter.drawText(imageRect, Qt::AlignCenter | Qt::TextWordWrap, m_missing);
        } else {
            QSizeF fitted = QSizeF(m_image.size()).scaled(imageRect.size(), Qt::KeepAspectRatio);
            const QRectF placed(imageRect.center() - QPointF(fitted.width() / 2, fitted.height() / 2), fitted);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(placed, m_image);
        }
        // As large as the caption's band allows, smaller when the text is wider than the panel.
        painter.setFont(fittedFont(figureFont(std::max(4.0, captionHeight * 0.45)), {m_caption}, target.width() * 0.98,
                                   painter, 3.0));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(target.left(), imageRect.bottom(), target.width(), captionHeight), Qt::AlignCenter, m_caption);
    }

private:
    QImage m_image;
    QString m_caption, m_missing;
    QSize m_shape;
};

QString metricText(double value, int decimals)
{
    return std::isinf(value) ? QStringLiteral("∞") : QString::number(value, 'f', decimals);
}

// "periscope::app": the context lupdate records for these tr() calls in the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("periscope::app", text);
}
} // namespace

QString colorizeFigureCaption(const QString &modelDescription, double temperature, const ColorizeRunMeans &means)
{
    QString caption = tr("Colorized with %1").arg(modelDescription);
    if (std::isfinite(temperature))
        caption += tr(", T = %1").arg(temperature, 0, 'f', 2);
    // What it measurably did: its PSNR beside the gray photo's (the baseline any colorizer must
    // beat) and how much of the true colours' chroma it gave.
    if (means.photos > 0 && std::isfinite(means.psnr) && std::isfinite(means.grayPsnr) && means.truthChroma > 0.0)
        caption += QCoreApplication::translate("periscope::app", ". Mean of %n photo(s): PSNR %1 dB (gray: %2 dB), chroma %3 % of the truth's",
                                               nullptr, means.photos)
                       .arg(means.psnr, 0, 'f', 2)
                       .arg(means.grayPsnr, 0, 'f', 2)
                       .arg(100.0 * means.chroma / means.truthChroma, 0, 'f', 0);
    return caption;
}

std::unique_ptr<FigurePanel> captionedImagePanel(QImage image, QString caption, QSize shape, QString missing)
{
    return std::make_unique<CaptionedImagePanel>(std::move(image), std::move(caption), shape, std::move(missing));
}

QImage previewOf(const QImage &image, int side)
{
    if (image.isNull() || (image.width() <= side && image.height() <= side))
        return image;
    return image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

std::vector<std::unique_ptr<FigurePanel>> colorizeGridPanels(const QList<ColorizeFigureRow> &rows)
{
    std::vector<std::unique_ptr<FigurePanel>> panels;
    for (const ColorizeFigureRow &p : rows) {
        const QSize shape = p.gray.size();
        panels.push_back(captionedImagePanel(p.gray, tr("%1, gray input").arg(p.name), shape));
        panels.push_back(captionedImagePanel(
            p.result,
            p.hasTruth ? tr("result: PSNR %1 dB, SSIM %2, ΔE00 %3").arg(metricText(p.psnr, 1), metricText(p.ssim, 3), metricText(p.meanDeltaE, 1))
                       : tr("result: colourfulness %1").arg(metricText(p.colourfulness, 1)),
            shape));
        panels.push_back(captionedImagePanel(p.truth,
                                             p.hasTruth ? tr("truth: colourfulness %1").arg(metricText(p.truthColourfulness, 1)) : tr("truth"),
                                             shape, tr("no truth (gray photo)")));
    }
    return panels;
}

} // namespace periscope::app
