// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// Languages the shell is translated into, besides English.
QStringList translatedLanguages(); // {"sv", "it"}

// Installs Periscope's and Qt's own translators for `language` ("en", "sv", "it"; empty
// means the system's language, falling back to English silently). An explicitly requested
// language that Periscope does not have returns false with a reason. In every language numbers
// are written with a decimal point (the default QLocale is C's, without digit grouping).
bool installTranslations(const QString &language, QString *error);

// The interface language to start in: `commandLine` (--lang) when given, else the Preferences'
// "Language (after restart)" (empty: the system's).
QString startupLanguage(const QString &commandLine);

} // namespace periscope::app
