// SPDX-License-Identifier: GPL-3.0-or-later
// #23 item 16, the workbench in Swedish and Italian as a user meets it: the scenes' objects and
// relations are named in the language ("liten grå kub av metall", "samma form"), the model
// catalogue describes its models in it, and every number in a view is written one way, with a
// decimal point (spin boxes and plots had "0,40" beside labels with "0.174").
#include "app/common/SceneWords.h"
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
#include "app/shell/ModelsDialog.h"
#include "app/shell/Translations.h"
#include "app/shell/Workspace.h"
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/relations/RelationsView.h"
#include "app/workspaces/slots/SlotsView.h"

#include <QAbstractSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace periscope::app;

namespace {
// Every text a view shows: labels, spin boxes, table and tree cells.
QStringList shownTexts(const QWidget *view)
{
    QStringList texts;
    for (const QLabel *label : view->findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractSpinBox *spin : view->findChildren<QAbstractSpinBox *>())
        texts << spin->text();
    for (const QTableWidget *table : view->findChildren<QTableWidget *>())
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                if (table->item(r, c))
                    texts << table->item(r, c)->text();
    for (const QTreeWidget *tree : view->findChildren<QTreeWidget *>())
        for (int r = 0; r < tree->topLevelItemCount(); ++r)
            for (int c = 0; c < tree->columnCount(); ++c)
                texts << tree->topLevelItem(r)->text(c);
    return texts;
}

// A decimal comma ("0,40"), a decimal point ("0.174").
const QRegularExpression kDecimalComma(QStringLiteral("\\d,\\d")), kDecimalPoint(QStringLiteral("\\d\\.\\d"));

QStringList withDecimalCommas(const QStringList &texts)
{
    QStringList found;
    for (const QString &text : texts)
        if (text.contains(kDecimalComma))
            found << text;
    return found;
}

// Visible column headers whose text does not fit their section (the header elides it).
QStringList clippedHeaders(const QWidget *view)
{
    QStringList clipped;
    for (const QHeaderView *header : view->findChildren<QHeaderView *>()) {
        if (!header->isVisible() || header->orientation() != Qt::Horizontal)
            continue;
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i))
                continue;
            const QString text = header->model()->headerData(i, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(text) + 8; // the style's margins
            if (!text.isEmpty() && header->sectionSize(i) < needed)
                clipped << QStringLiteral("%1 (%2 of %3 px)").arg(text).arg(header->sectionSize(i)).arg(needed);
        }
    }
    return clipped;
}

QStringList column(const QTreeWidget *tree, int c)
{
    QStringList out;
    for (int r = 0; r < tree->topLevelItemCount(); ++r)
        out << tree->topLevelItem(r)->text(c);
    return out;
}
} // namespace

class TestTranslatedViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void scenesAreNamedInTheLanguageWithDecimalPoints_data();
    void scenesAreNamedInTheLanguageWithDecimalPoints();
    void italianAgreesWithTheNoun();
};

void TestTranslatedViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("periscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translatedviews"));
    QSettings().clear();
}

void TestTranslatedViews::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"), nullptr);
}

void TestTranslatedViews::scenesAreNamedInTheLanguageWithDecimalPoints_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("object");     // a matched object in the Slots table
    QTest::addColumn<QString>("shapeIndex"); // an object of a triplet ("cube 2")
    QTest::addColumn<QStringList>("predicates");
    QTest::addColumn<QString>("catalogue"); // a word of the colorizers' task
    QTest::newRow("sv") << QStringLiteral("sv") << QStringLiteral("\\b(kub|sfär|cylinder) av (metall|gummi)\\b")
                        << QStringLiteral("\\b(kub|sfär|cylinder) \\d") << QStringList{QStringLiteral("samma form"), QStringLiteral("större än")}
                        << QStringLiteral("färgläggning");
    QTest::newRow("it") << QStringLiteral("it") << QStringLiteral("\\b(cubo|sfera|cilindro) \\w+ \\w+ di (metallo|gomma)\\b")
                        << QStringLiteral("\\b(cubo|sfera|cilindro) \\d") << QStringList{QStringLiteral("stessa forma"), QStringLiteral("più grande di")}
                        << QStringLiteral("colorizzazione");
}

void TestTranslatedViews::scenesAreNamedInTheLanguageWithDecimalPoints()
{
    QFETCH(QString, language);
    QFETCH(QString, object);
    QFETCH(QString, shapeIndex);
    QFETCH(QStringList, predicates);
    QFETCH(QString, catalogue);
    QString error;
    QVERIFY2(installTranslations(language, &error), qPrintable(error));
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Slots: the matched objects of the demo scenes.
    QVERIFY(window.activateWorkspace(QStringLiteral("slots")));
    Workspace *slotsWorkspace = window.workspace(QStringLiteral("slots"));
    QVERIFY2(slotsWorkspace->openDemo(QStringLiteral("scenes"), &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(120000));
    auto *slotsView = qobject_cast<SlotsView *>(slotsWorkspace->view());
    QTRY_VERIFY(slotsView->slotTable()->rowCount() > 0);
    QStringList objects;
    for (int r = 0; r < slotsView->slotTable()->rowCount(); ++r)
        objects << slotsView->slotTable()->item(r, 1)->text();
    const QString named = objects.join(QStringLiteral(" | "));
    QVERIFY2(named.contains(QRegularExpression(object)), qPrintable(named));
    QVERIFY2(!named.contains(QRegularExpression(QStringLiteral("\\b(metal|rubber|cube|sphere|small|large)\\b"))), qPrintable(named));
    QVERIFY2(clippedHeaders(slotsView).isEmpty(), qPrintable(clippedHeaders(slotsView).join(QStringLiteral(", "))));
    QStringList texts = shownTexts(slotsView);
    QVERIFY2(withDecimalCommas(texts).isEmpty(), qPrintable(withDecimalCommas(texts).join(QStringLiteral(" | "))));
    QVERIFY(!texts.filter(kDecimalPoint).isEmpty()); // the numbers are there

    // Relations: predicates and objects of the demo's first image.
    QVERIFY(window.activateWorkspace(QStringLiteral("relations")));
    Workspace *relations = window.workspace(QStringLiteral("relations"));
    QVERIFY2(relations->openDemo(QStringLiteral("scenes"), &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(120000));
    auto *relationsView = qobject_cast<RelationsView *>(relations->view());
    QTRY_VERIFY(relationsView->predicateList()->topLevelItemCount() > 1);
    const QString predicateNames = column(relationsView->predicateList(), 0).join(QStringLiteral(" | "));
    for (const QString &predicate : predicates)
        QVERIFY2(predicateNames.contains(predicate), qPrintable(predicateNames));
    QVERIFY2(!predicateNames.contains(QLatin1Char('_')), qPrintable(predicateNames));
    const QString triplets = column(relationsView->tripletList(), 0).join(QStringLiteral(" | "));
    QVERIFY2(triplets.contains(QRegularExpression(shapeIndex)), qPrintable(triplets));
    QVERIFY2(clippedHeaders(relationsView).isEmpty(), qPrintable(clippedHeaders(relationsView).join(QStringLiteral(", "))));
    texts = shownTexts(relationsView);
    QVERIFY2(withDecimalCommas(texts).isEmpty(), qPrintable(withDecimalCommas(texts).join(QStringLiteral(" | "))));

    // Every spin box of every workspace: a decimal point.
    for (const QString &id : {QStringLiteral("deepfake"), QStringLiteral("open-vocabulary"), QStringLiteral("graphs"), QStringLiteral("colorize")}) {
        QVERIFY(window.activateWorkspace(id));
        QVERIFY2(clippedHeaders(window.workspace(id)->view()).isEmpty(),
                 qPrintable(id + QStringLiteral(": ") + clippedHeaders(window.workspace(id)->view()).join(QStringLiteral(", "))));
        const QStringList spins = shownTexts(window.workspace(id)->view()).filter(QRegularExpression(QStringLiteral("^[\\d.,\\s%]+$")));
        QVERIFY2(withDecimalCommas(spins).isEmpty(), qPrintable(id + QStringLiteral(": ") + withDecimalCommas(spins).join(QStringLiteral(" | "))));
    }

    // The model catalogue describes the models in the language.
    ModelsDialog models(window.jobs(), &window);
    const QString described = shownTexts(&models).join(QStringLiteral(" | "));
    QVERIFY2(described.contains(catalogue), qPrintable(described.left(600)));
    QVERIFY2(!described.contains(QLatin1String("trained here")), qPrintable(described.left(600)));
}

void TestTranslatedViews::italianAgreesWithTheNoun()
{
    QString error;
    QVERIFY2(installTranslations(QStringLiteral("it"), &error), qPrintable(error));
    QCOMPARE(SceneWords::object("small", "gray", "metal", "sphere"), QStringLiteral("sfera piccola grigia di metallo"));
    QCOMPARE(SceneWords::object("large", "yellow", "rubber", "cube"), QStringLiteral("cubo grande giallo di gomma"));
    QCOMPARE(SceneWords::predicate("same_color"), QStringLiteral("stesso colore"));
    // A word the scenes do not have (another dataset's) is shown as it is.
    QCOMPARE(SceneWords::shape("giraffe"), QStringLiteral("giraffe"));
    QCOMPARE(SceneWords::object("huge", "teal", "glass", "torus"), QStringLiteral("huge teal glass torus"));
    QVERIFY2(installTranslations(QStringLiteral("en"), &error), qPrintable(error));
    QCOMPARE(SceneWords::object("small", "gray", "metal", "sphere"), QStringLiteral("small gray metal sphere"));
    QCOMPARE(SceneWords::predicate("larger_than"), QStringLiteral("larger than"));
    QCOMPARE(QLocale().toString(0.5, 'f', 2), QStringLiteral("0.50"));
}

QTEST_MAIN(TestTranslatedViews)
#include "tst_translatedviews.moc"
