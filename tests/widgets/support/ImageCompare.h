// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzy image comparison for rendering tests, in the manner of Krita's: a per-channel tolerance
// and a maximum number of pixels allowed to exceed it. On failure the actual and expected images
// are written next to each other (in the test's temporary folder) for a human to look at.
#pragma once

#include <QDir>
#include <QImage>
#include <QString>

namespace periscope::test {

struct ImageDifference {
    int differingPixels = 0;
    int largestChannelDifference = 0;
};

inline ImageDifference compareImages(const QImage &actual, const QImage &expected, int channelTolerance)
{
    ImageDifference d;
    if (actual.size() != expected.size()) {
        d.differingPixels = std::max(actual.width() * actual.height(), expected.width() * expected.height());
        return d;
    }
    const QImage a = actual.convertToFormat(QImage::Format_ARGB32);
    const QImage b = expected.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < a.height(); ++y) {
        const QRgb *ra = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const QRgb *rb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int worst = std::max({std::abs(qRed(ra[x]) - qRed(rb[x])), std::abs(qGreen(ra[x]) - qGreen(rb[x])),
                                        std::abs(qBlue(ra[x]) - qBlue(rb[x])), std::abs(qAlpha(ra[x]) - qAlpha(rb[x]))});
            d.largestChannelDifference = std::max(d.largestChannelDifference, worst);
            if (worst > channelTolerance)
                ++d.differingPixels;
        }
    }
    return d;
}

// True when at most `maxDifferingPixels` pixels differ by more than `channelTolerance`; else
// writes <name>-actual.png and <name>-expected.png into `folder` and returns false.
inline bool fuzzyEqual(const QImage &actual, const QImage &expected, int channelTolerance, int maxDifferingPixels,
                       const QString &folder, const QString &name, QString *report)
{
    const ImageDifference d = compareImages(actual, expected, channelTolerance);
    if (d.differingPixels <= maxDifferingPixels)
        return true;
    actual.save(QDir(folder).filePath(name + QStringLiteral("-actual.png")));
    expected.save(QDir(folder).filePath(name + QStringLiteral("-expected.png")));
    if (report)
        *report = QStringLiteral("%1 pixels differ (largest channel difference %2); see %3/%4-*.png")
                      .arg(d.differingPixels).arg(d.largestChannelDifference).arg(folder, name);
    return false;
}

} // namespace periscope::test
