// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli study: create a perception study file from folders of photos, answer it with a
// scripted rater (for rehearsals and the kill-safety test), and read its results as JSON and CSV.
#include "app/cli/CliCommands.h"
#include "app/shell/ImageInputs.h"
#include "app/workspaces/colorize/StudyStore.h"

#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <cstdio>
#include <map>
#include <random>

namespace periscope::app {

namespace {

const char *const kUsage =
    "usage: periscope-cli study create --out STUDY.sqlite --photos DIR [--condition NAME=DIR]...\n"
    "                                  [--question real-or-colorized|likert|2afc] [--trials N]\n"
    "                                  [--attention N] [--seed N] [--title TEXT]\n"
    "       periscope-cli study simulate STUDY.sqlite [--rater N|new] [--count N] [--seed N]\n"
    "                                  [--delay-ms N] [--fail-attention]\n"
    "       periscope-cli study results STUDY.sqlite [--csv OUT.csv]\n"
    "create: the photos in DIR are the \"original\" condition; each --condition adds the photos of\n"
    "its folder with the same file stem (e.g. the output of periscope-cli colorize). Images that not\n"
    "every condition has are left out with a warning.\n"
    "simulate: a scripted rater answers the next N trials at random (attention checks as told),\n"
    "each committed before the next, printing 'answered RATER TRIAL' per line: for rehearsals.\n"
    "results: per condition the share judged real (Wilson 95 %), Likert means or 2AFC preference,\n"
    "per image, Fleiss' kappa, as JSON; --csv writes every answer.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("study: ") + message);
}

// NAME -> (stem -> path) for a folder of photos.
std::map<std::string, std::string> photosByStem(const QString &folder)
{
    std::map<std::string, std::string> out;
    for (const QString &path : imageFilesIn(folder))
        out[QFileInfo(path).completeBaseName().toStdString()] = QFileInfo(path).absoluteFilePath().toStdString();
    return out;
}

int runCreate(const QStringList &arguments)
{
    studies::StudyDesign design;
    design.title = "Colorization study";
    QString out, photos;
    QList<QPair<QString, QString>> conditions;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        bool ok = true;
        if (option == QLatin1String("--out"))
            out = value;
        else if (option == QLatin1String("--photos"))
            photos = value;
        else if (option == QLatin1String("--title"))
            design.title = value.toStdString();
        else if (option == QLatin1String("--condition")) {
            const int eq = int(value.indexOf(QLatin1Char('=')));
            if (eq <= 0 || eq == value.size() - 1 || value.left(eq) == QLatin1String(studies::kOriginalCondition))
                return fail(QStringLiteral("--condition takes NAME=DIR (NAME not 'original'), not '%1'").arg(value));
            conditions.append({value.left(eq), value.mid(eq + 1)});
        } else if (option == QLatin1String("--question")) {
            try {
                design.question = studies::parseQuestionType(value.toStdString());
            } catch (const Error &e) {
                return fail(QString::fromUtf8(e.what()));
            }
        } else if (option == QLatin1String("--trials"))
            design.trialsPerRater = value.toInt(&ok);
        else if (option == QLatin1String("--attention"))
            design.attentionChecks = value.toInt(&ok);
        else if (option == QLatin1String("--seed"))
            design.seed = value.toULongLong(&ok);
        else
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        if (!ok)
            return fail(QStringLiteral("%1 takes a non-negative integer, not '%2'").arg(option, value));
    }
    if (out.isEmpty() || photos.isEmpty())
        return fail(QStringLiteral("--out STUDY.sqlite and --photos DIR are required"));
    for (const QString &folder : QStringList{photos} + [&] {
             QStringList f;
             for (const auto &c : conditions)
                 f << c.second;
             return f;
         }())
        if (!QFileInfo(folder).isDir())
            return cliFail(1, QStringLiteral("study: %1 is not a folder").arg(folder));

    const std::map<std::string, std::string> originals = photosByStem(photos);
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> others;
    for (const auto &[name, folder] : conditions)
        others.push_back({name.toStdString(), photosByStem(folder)});
    for (const auto &[stem, path] : originals) {
        bool everywhere = true;
        for (const auto &[name, files] : others)
            everywhere = everywhere && files.count(stem);
        if (!everywhere) {
            std::fprintf(stderr, "study: warning: %s is left out (not in every condition)\n", stem.c_str());
            continue;
        }
        design.stimuli.push_back({stem, studies::kOriginalCondition, path});
        for (const auto &[name, files] : others)
            design.stimuli.push_back({stem, name, files.at(stem)});
    }
    QString error;
    const std::unique_ptr<StudyStore> store = StudyStore::create(out, design, &error);
    if (!store)
        return cliFail(1, QStringLiteral("study: ") + error);
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

int runSimulate(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first().startsWith(QLatin1String("--")))
        return fail(QStringLiteral("simulate needs the study file first"));
    QString rater = QStringLiteral("new");
    int count = 1 << 30, delayMs = 0;
    std::uint64_t seed = 1;
    bool failAttention = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (option == QLatin1String("--fail-attention")) {
            failAttention = true;
            continue;
        }
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        bool ok = true;
        if (option == QLatin1String("--rater"))
            rater = value;
        else if (option == QLatin1String("--count"))
            count = value.toInt(&ok);
        else if (option == QLatin1String("--delay-ms"))
            delayMs = value.toInt(&ok);
        else if (option == QLatin1String("--seed"))
            seed = value.toULongLong(&ok);
        else
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        if (!ok)
            return fail(QStringLiteral("%1 takes an integer, not '%2'").arg(option, value));
    }
    QString error;
    const std::unique_ptr<StudyStore> store = StudyStore::open(arguments.first(), &error);
    if (!store)
        return cliFail(1, QStringLiteral("study: ") + error);
    int number = 0;
    if (rater == QLatin1String("new")) {
        StudyStore::Rater r;
        if (!store->startRater(&r, &error))
            return cliFail(1, QStringLiteral("study: ") + error);
        number = r.number;
    } else {
        bool ok = false;
        number = rater.toInt(&ok);
        bool known = false;
        for (const StudyStore::Rater &r : store->raters())
            known = known || r.number == number;
        if (!ok || !known)
            return fail(QStringLiteral("--rater takes 'new' or the number of a rater of this study, not '%1'").arg(rater));
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
            return cliFail(1, QStringLiteral("study: ") + error);
        std::printf("answered %d %d\n", number, t);
        std::fflush(stdout); // the test that kills this process reads it line by line
        ++answered;
    }
    return 0;
}

int runResults(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first().startsWith(QLatin1String("--")))
        return fail(QStringLiteral("results needs the study file first"));
    QString csv;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--csv") && i + 1 < arguments.size())
            csv = arguments[++i];
        else
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(arguments[i]));
    }
    QString error;
    const std::unique_ptr<StudyStore> store = StudyStore::open(arguments.first(), &error);
    if (!store)
        return cliFail(1, QStringLiteral("study: ") + error);
    if (!csv.isEmpty() && !store->exportCsv(csv, &error))
        return cliFail(1, QStringLiteral("study: ") + error);
    json::Value out = store->results().toJson();
    out.set("study", store->path().toStdString());
    out.set("fingerprint", store->fingerprint().toStdString());
    std::fputs((out.dump(1) + "\n").c_str(), stdout);
    return 0;
}

int runStudy(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return fail(QStringLiteral("give a command: create, simulate or results (see the usage with --help)"));
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    const QString sub = arguments.first();
    const QStringList rest = arguments.mid(1);
    try {
        if (sub == QLatin1String("create"))
            return runCreate(rest);
        if (sub == QLatin1String("simulate"))
            return runSimulate(rest);
        if (sub == QLatin1String("results"))
            return runResults(rest);
    } catch (const std::exception &e) {
        return cliFail(QStringLiteral("study"), e);
    }
    return fail(QStringLiteral("unknown study command '%1' (create, simulate, results)").arg(sub));
}

} // namespace

CliCommand studyCommand()
{
    return {QStringLiteral("study"), QStringLiteral("create, rehearse and analyse blinded colorization studies (SQLite)"), false, runStudy};
}

} // namespace periscope::app
