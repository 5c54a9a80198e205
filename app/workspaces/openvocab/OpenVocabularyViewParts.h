// SPDX-License-Identifier: GPL-3.0-or-later
// What OpenVocabularyView.cpp (layout, prompts, settings) and OpenVocabularyViewResults.cpp (the
// layers, tiles, rankings and scores) share: layer ids and table helpers. Internal to the view.
#pragma once

#include <QColor>
#include <QHeaderView>
#include <QLocale>
#include <QPixmap>
#include <QString>
#include <QStringList>
#include <QTableWidget>

#include <cmath>

namespace periscope::app::openvocabview {

inline const QString kImageLayer = QStringLiteral("image");
inline const QString kSegmentationLayer = QStringLiteral("segmentation");
inline const QString kMapLayer = QStringLiteral("similarity");
inline const QString kPixelLayer = QStringLiteral("ranked-pixel");
constexpr double kSegmentationOpacity = 0.6;
constexpr int kTileColumns = 4;

inline QTableWidgetItem *cell(const QString &text)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(it->flags() & ~Qt::ItemIsEditable);
    return it;
}

// In the user's locale, as every number the view shows (no 0,40 beside 0.174).
inline QString number(double value, int digits = 3)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', digits) : QStringLiteral("–");
}

inline QTableWidget *table(const QString &objectName, const QStringList &headers)
{
    auto *t = new QTableWidget;
    t->setObjectName(objectName);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setTabKeyNavigation(false); // Tab leaves the table (keyboard users are not trapped in it)
    return t;
}

inline QPixmap swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(color);
    return pixmap;
}

} // namespace periscope::app::openvocabview
