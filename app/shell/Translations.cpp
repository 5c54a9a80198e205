// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/Translations.h"

#include "app/common/Preferences.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace periscope::app {

namespace {
QList<QTranslator *> g_installed;

void removeInstalled()
{
    for (QTranslator *translator : std::as_const(g_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    g_installed.clear();
}

void installQtTranslations(const QLocale &locale)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_installed.append(qt);
    } else {
        delete qt;
    }
}
// English is the source language, but "%n photo(s)" needs its plural forms: "1 photo", "2 photos".
void installEnglishPlurals()
{
    auto *plurals = new QTranslator(QCoreApplication::instance());
    if (!plurals->load(QStringLiteral(":/i18n/periscope_en.qm"))) {
        delete plurals;
        return;
    }
    QCoreApplication::installTranslator(plurals);
    g_installed.append(plurals);
}

// Numbers are written one way in every language: with a decimal point and no digit grouping, as
// the files Periscope writes and its command line write them, so that a number read or copied
// from any view (a label, a table, a spin box, a plot's axis) reads back anywhere. With the
// language's own locale, spin boxes and plots said "0,40" beside labels saying "0.174" (#23).
// The language itself is the translators' business.
void writeNumbersWithADecimalPoint()
{
    QLocale numbers = QLocale::c();
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    QLocale::setDefault(numbers);
}
} // namespace

QStringList translatedLanguages()
{
    return {QStringLiteral("sv"), QStringLiteral("it")};
}

bool installTranslations(const QString &language, QString *error)
{
    removeInstalled();
    writeNumbersWithADecimalPoint();
    QString code = language.trimmed().toLower();
    const bool explicitRequest = !code.isEmpty();
    if (code.isEmpty())
        code = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (code == QLatin1String("en") || code == QLatin1String("c") || !translatedLanguages().contains(code)) {
        const bool known = code == QLatin1String("en") || code == QLatin1String("c");
        if (!known && explicitRequest) {
            if (error)
                *error = QCoreApplication::translate("periscope::app", "unknown language '%1' (available: en, %2)")
                             .arg(code, translatedLanguages().join(QStringLiteral(", ")));
            return false;
        }
        installEnglishPlurals();
        return true;
    }
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(QStringLiteral(":/i18n/periscope_%1.qm").arg(code))) {
        delete ours;
        if (error)
            *error = QStringLiteral("the %1 translation is missing from this build").arg(code);
        return false;
    }
    QCoreApplication::installTranslator(ours);
    g_installed.append(ours);
    installQtTranslations(QLocale(code));
    return true;
}

QString startupLanguage(const QString &commandLine)
{
    return commandLine.isEmpty() ? Preferences::load().language : commandLine;
}

} // namespace periscope::app
