// SPDX-License-Identifier: GPL-3.0-or-later
// The model catalogue's texts (task, architecture, input, licence) in the interface language.
// The catalogue is data, so lupdate cannot see its English: tools/catalogue-texts.py lists it in
// CatalogueTexts.cpp, where lupdate can.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace periscope::app {

extern const char *const kCatalogueTexts[];
extern const int kCatalogueTextCount;

// `english` as the interface says it; a text without a translation (or a user's own catalogue
// entry) as it is.
inline QString catalogueText(const QString &english)
{
    return QCoreApplication::translate("periscope::app::CatalogueTexts", english.toUtf8().constData());
}

// The texts CatalogueTexts.cpp lists (to check that it covers the catalogue).
inline QStringList catalogueTextsListed()
{
    QStringList out;
    for (int i = 0; i < kCatalogueTextCount; ++i)
        out << QString::fromUtf8(kCatalogueTexts[i]);
    return out;
}

} // namespace periscope::app
