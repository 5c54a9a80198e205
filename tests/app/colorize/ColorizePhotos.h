// SPDX-License-Identifier: GPL-3.0-or-later
// Photos for the Colorize workspace suites (tst_colorizeworkspace, tst_colorizeundo), drawn
// here so that every run has the same ones: colour photos whose hue follows their lightness, a
// gray one, and a folder of five with a sub-folder and a corrupt file.
#pragma once

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QString>

namespace periscope::test {

// A colour photo whose hue follows its lightness (sky above, sand below, a red disc), `w` x `h`.
inline QImage colourPhoto(int w, int h, int variant)
{
    QImage image(w, h, QImage::Format_RGB888);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 0, h);
    gradient.setColorAt(0.0, QColor(40 + 20 * variant, 90, 200));
    gradient.setColorAt(1.0, QColor(230, 190, 120 - 10 * variant));
    painter.fillRect(image.rect(), gradient);
    painter.setBrush(QColor(200, 30, 30));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPointF(w * (0.3 + 0.1 * variant), h * 0.5), w * 0.15, h * 0.2);
    return image;
}

inline QImage grayPhoto(int w, int h)
{
    return colourPhoto(w, h, 0).convertToFormat(QImage::Format_Grayscale8);
}

// 3 colour photos (one in a sub-folder), 1 gray, 1 corrupt, in `root`/photos.
inline QString writeFolderOfPhotos(const QString &root)
{
    const QString folder = QDir(root).filePath(QStringLiteral("photos"));
    QDir().mkpath(folder + QStringLiteral("/more"));
    colourPhoto(160, 120, 0).save(folder + QStringLiteral("/a.png"));
    colourPhoto(150, 100, 1).save(folder + QStringLiteral("/b.jpg"), nullptr, 95);
    colourPhoto(120, 160, 2).save(folder + QStringLiteral("/more/c.png"));
    grayPhoto(128, 96).save(folder + QStringLiteral("/d-gray.png"));
    QFile corrupt(folder + QStringLiteral("/e-corrupt.jpg"));
    corrupt.open(QIODevice::WriteOnly);
    corrupt.write("\xff\xd8\xff\xe0 this is not the rest of a JPEG");
    corrupt.close();
    return folder;
}

} // namespace periscope::test
