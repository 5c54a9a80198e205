// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli study: create a perception study file from folders of photos, answer it with a
// scripted rater (for rehearsals and the kill-safety test), and read its results as JSON and CSV.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/data/ImageInputs.h"
#include "app/studies/StudyPhotos.h"
#include "app/studies/StudyStore.h"

#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <cstdio>
#include <map>
#include <random>

namespace periscope::app {

namespace {

// NAME -> (stem -> path) for a folder of photos.
std::map<std::string, std::string> photosByStem(const QString &folder)
{
    std::map<std::string, std::string> out;
    for (const QString &path : imageFilesIn(folder))
        out[QFileInfo(path).completeBaseName().toStdString()] = QFileInfo(path).absoluteFilePath().toStdString();
    return out;
}

CliOptions createOptions()
{
    const studies::StudyDesign defaults;
    CliOptions options(QStringLiteral("study create"),
                       QStringLiteral("Makes a blinded study file. The photos in DIR are the \"original\" condition; each --condition adds\n"
                                      "the photos of its folder with the same file stem (e.g. the output of periscope-cli colorize).\n"
                                      "Images that not every condition has are left out with a warning. The photos are copied beside\n"
                                      "the study, into STUDY-photos/CONDITION/, so that the study can be moved and sent with them."));
    options.text(QStringLiteral("--out"), QStringLiteral("STUDY.sqlite"), QStringLiteral("the study file to create")).require().output();
    options.text(QStringLiteral("--photos"), QStringLiteral("DIR"), QStringLiteral("the original photos")).require();
    options.text(QStringLiteral("--condition"), QStringLiteral("NAME=DIR"), QStringLiteral("another condition's photos"))
        .repeat()
        .validatedBy(
            [](const QString &value) {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                return eq > 0 && eq < value.size() - 1 && value.left(eq) != QLatin1String(studies::kOriginalCondition);
            },
            QStringLiteral("NAME=DIR (NAME not 'original')"));
    options.choice(QStringLiteral("--question"), {QStringLiteral("real-or-colorized"), QStringLiteral("likert"), QStringLiteral("2afc")},
                   QStringLiteral("what raters are asked"))
        .byDefault(QString::fromStdString(studies::toString(defaults.question)));
    options.integer(QStringLiteral("--trials"), 1, 100000, QStringLiteral("trials per rater")).byDefault(QString::number(defaults.trialsPerRater));
    options.integer(QStringLiteral("--attention"), 0, 1000, QStringLiteral("attention checks per rater"))
        .byDefault(QString::number(defaults.attentionChecks));
    options.integer(QStringLiteral("--seed"), 0, kNoLimit, QStringLiteral("seed of every rater's trial order")).byDefault(QString::number(defaults.seed));
    options.text(QStringLiteral("--title"), QStringLiteral("TEXT"), QStringLiteral("the study's title")).byDefault(QStringLiteral("Colorization study"));
    return options;
}

int runCreate(const QStringList &arguments)
{
    CliOptions options = createOptions();
    options.imageLimit();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    studies::StudyDesign design;
    design.title = options.value(QStringLiteral("--title")).toStdString();
    design.question = studies::parseQuestionType(options.value(QStringLiteral("--question")).toStdString());
    design.trialsPerRater = int(options.integerValue(QStringLiteral("--trials")));
    design.attentionChecks = int(options.integerValue(QStringLiteral("--attention")));
    design.seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    const QString out = options.value(QStringLiteral("--out"));
    const QString photos = options.value(QStringLiteral("--photos"));
    QList<QPair<QString, QString>> conditions;
    for (const QString &value : options.values(QStringLiteral("--condition")))
        conditions.append({value.section(QLatin1Char('='), 0, 0), value.section(QLatin1Char('='), 1)});
    for (const QString &folder : QStringList{photos} + [&] {
             QStringList f;
             for (const auto &c : conditions)
                 f << c.second;
             return f;
         }())
        if (!QFileInfo(folder).isDir())
            return options.failure(QStringLiteral("%1 is not a folder").arg(folder));

    const std::map<std::string, std::string> originals = photosByStem(photos);
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> others;
    for (const auto &[name, folder] : conditions)
        others.push_back({name.toStdString(), photosByStem(folder)});
    for (const auto &[stem, path] : originals) {
        bool everywhere = true;
        for (const auto &[name, files] : others)
            everywhere = everywhere && files.count(stem);
        if (!everywhere) {
            options.warn(QStringLiteral("%1 is left out (not in every condition)").arg(QString::fromStdString(stem)));
            continue;
        }
        design.stimuli.push_back({stem, studies::kOriginalCondition, path});
        for (const auto &[name, files] : others)
            design.stimuli.push_back({stem, name, files.at(stem)});
    }
    if (QFileInfo::exists(out))
        return options.failure(QStringLiteral("%1 exists already: a study file is never overwritten").arg(out));
    // The photos go beside the study ("<study>-photos/<condition>/"), where it can find them on
    // any machine it is moved to; a study file refers to nothing outside its folder.
    QString error;
    for (studies::Stimulus &s : design.stimuli) {
        const StudyPhoto photo{QString::fromStdString(s.path), QString::fromStdString(s.image), QString::fromStdString(s.condition)};
        if (!copyStudyPhoto(out, photo, &error))
            return options.failure(error);
        s.path = studyPhotoPath(out, photo).toStdString();
    }
    const std::unique_ptr<StudyStore> store = StudyStore::create(out, design, &error);
    if (!store)
        return options.failure(error);
    json::Value summary = json::Object{};
    summary.set("study", QFileInfo(out).absoluteFilePath().toStdString());
    summary.set("fingerprint", store->fingerprint().toStdString());
    summary.set("images", std::int64_t(design.images().size()));
    json::Array names;
    for (const std::string &c : design.conditions())
        names.emplace_back(c);
    summary.set("conditions", json::Value(std::move(names)));
    summary.set("question", studies::toString(design.question));
    std::fputs((summary.dump(1) + "\n").c_str(), stdout);
    return 0;
}

CliOptions simulateOptions()
{
    CliOptions options(QStringLiteral("study simulate"),
                       QStringLiteral("A scripted rater answers the next N trials at random (attention checks as told), each committed\n"
                                      "before the next, printing 'answered RATER TRIAL' per line: for rehearsals."));
    options.positionals(QStringLiteral("STUDY.sqlite"), QStringLiteral("the study file"), 1, 1);
    options.text(QStringLiteral("--rater"), QStringLiteral("N|new"), QStringLiteral("the rater who answers")).byDefault(QStringLiteral("new"));
    options.integer(QStringLiteral("--count"), 1, 1000000000, QStringLiteral("how many trials to answer (default: all that are left)"));
    options.integer(QStringLiteral("--seed"), 0, kNoLimit, QStringLiteral("seed of the answers")).byDefault(QStringLiteral("1"));
    options.integer(QStringLiteral("--delay-ms"), 0, 60000, QStringLiteral("pause before each answer")).byDefault(QStringLiteral("0"));
    options.flag(QStringLiteral("--fail-attention"), QStringLiteral("answer the attention checks wrongly"));
    return options;
}

int runSimulate(const QStringList &arguments)
{
    CliOptions options = simulateOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString studyPath = options.positionalValues().first();
    const QString rater = options.value(QStringLiteral("--rater"));
    const qint64 count = options.isSet(QStringLiteral("--count")) ? options.integerValue(QStringLiteral("--count")) : kNoLimit;
    const int delayMs = int(options.integerValue(QStringLiteral("--delay-ms")));
    const std::uint64_t seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    const bool failAttention = options.flagValue(QStringLiteral("--fail-attention"));
    QString error;
    const std::unique_ptr<StudyStore> store = StudyStore::open(studyPath, &error);
    if (!store)
        return options.failure(error);
    int number = 0;
    if (rater == QLatin1String("new")) {
        StudyStore::Rater r;
        if (!store->startRater(&r, &error))
            return options.failure(error);
        number = r.number;
    } else {
        bool ok = false;
        number = rater.toInt(&ok);
        bool known = false;
        for (const StudyStore::Rater &r : store->raters())
            known = known || r.number == number;
        if (!ok || !known)
            return options.usageError(QStringLiteral("--rater takes 'new' or the number of a rater of this study, not '%1'").arg(rater));
    }
    const std::vector<studies::Trial> plan = store->plan(number);
    std::mt19937_64 random(seed + std::uint64_t(number));
    const studies::QuestionType question = store->design().question;
    int answered = 0;
    for (int t = store->nextTrial(number); t < int(plan.size()) && answered < count; ++t) {
        const studies::Trial &trial = plan[std::size_t(t)];
        int answer = question == studies::QuestionType::Likert ? std::uniform_int_distribution<int>(1, 5)(random)
                                                                 : std::uniform_int_distribution<int>(0, 1)(random);
        if (trial.attentionCheck)
            answer = failAttention ? (question == studies::QuestionType::Likert ? (trial.expectedAnswer % 5) + 1 : 1 - trial.expectedAnswer)
                                   : trial.expectedAnswer;
        if (delayMs > 0)
            QThread::msleep(std::uint64_t(delayMs));
        if (!store->recordAnswer(number, trial, answer, 400.0 + 50.0 * (t % 7), &error))
            return options.failure(error);
        std::printf("answered %d %d\n", number, t);
        std::fflush(stdout); // the test that kills this process reads it line by line
        ++answered;
    }
    return 0;
}

CliOptions resultsOptions()
{
    CliOptions options(QStringLiteral("study results"),
                       QStringLiteral("Per condition the share judged real (Wilson 95 %), Likert means or 2AFC preference, per image,\n"
                                      "Fleiss' kappa, as JSON."));
    options.positionals(QStringLiteral("STUDY.sqlite"), QStringLiteral("the study file"), 1, 1);
    options.text(QStringLiteral("--csv"), QStringLiteral("OUT.csv"), QStringLiteral("writes every answer")).output();
    return options;
}

int runResults(const QStringList &arguments)
{
    CliOptions options = resultsOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString csv = options.value(QStringLiteral("--csv"));
    QString error;
    const std::unique_ptr<StudyStore> store = StudyStore::open(options.positionalValues().first(), &error);
    if (!store)
        return options.failure(error);
    if (!csv.isEmpty() && !store->exportCsv(csv, &error))
        return options.failure(error);
    json::Value out = store->results().toJson();
    out.set("study", store->path().toStdString());
    out.set("fingerprint", store->fingerprint().toStdString());
    std::fputs((out.dump(1) + "\n").c_str(), stdout);
    return 0;
}

int runStudy(const QStringList &arguments)
{
    return runSubcommands(QStringLiteral("study"),
                          {{QStringLiteral("create"), createOptions, runCreate},
                           {QStringLiteral("simulate"), simulateOptions, runSimulate},
                           {QStringLiteral("results"), resultsOptions, runResults}},
                          arguments);
}

} // namespace

CliCommand studyCommand()
{
    return {QStringLiteral("study"), QStringLiteral("create, rehearse and analyse blinded colorization studies (SQLite)"), false, runStudy};
}

} // namespace periscope::app
