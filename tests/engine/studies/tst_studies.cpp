// SPDX-License-Identifier: GPL-3.0-or-later
// Perception studies without Qt: trial plans reproducible from the seed, balanced and with their
// attention checks; the statistics against published and hand-computed values (Wilson intervals,
// t intervals, Fleiss' kappa on the textbook table); the analysis of a small set of answers.
#include "engine/core/errors/Error.h"
#include "engine/studies/StudyDesign.h"
#include "engine/studies/StudyStatistics.h"

#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace periscope;
using namespace periscope::studies;

namespace {
StudyDesign design(QuestionType question, int images, const std::vector<std::string> &conditions, int trials, int checks)
{
    StudyDesign d;
    d.title = "test";
    d.question = question;
    d.trialsPerRater = trials;
    d.attentionChecks = checks;
    d.seed = 42;
    for (int i = 0; i < images; ++i)
        for (const std::string &c : conditions)
            d.stimuli.push_back({"img" + std::to_string(i), c, "/photos/" + c + "/img" + std::to_string(i) + ".png"});
    return d;
}

bool near(double a, double b, double tolerance = 5e-4)
{
    return std::abs(a - b) < tolerance;
}
} // namespace

class TestStudies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plansAreReproducibleFromTheSeed();
    void plansUseEveryStimulusBeforeRepeating();
    void twoAlternativePlansPairConditionsOnBothSides();
    void badDesignsAreRefused();
    void definitionRoundTripsAndFingerprints();
    void wilsonIntervalsMatchPublishedValues();
    void meanIntervalsUseStudentsT();
    void fleissKappaMatchesTheTextbookExample();
    void analysisMatchesHandCounts();
};

void TestStudies::plansAreReproducibleFromTheSeed()
{
    const StudyDesign d = design(QuestionType::RealOrColorized, 6, {"original", "koala"}, 10, 2);
    const std::vector<Trial> a = planTrials(d, 0), again = planTrials(d, 0), other = planTrials(d, 1);
    QCOMPARE(int(a.size()), 10);
    auto key = [](const std::vector<Trial> &trials) {
        std::string s;
        for (const Trial &t : trials)
            s += t.image + "/" + t.conditions.front() + (t.attentionCheck ? "!" + std::to_string(t.expectedAnswer) : "") + ";";
        return s;
    };
    QCOMPARE(key(a), key(again));
    QVERIFY(key(a) != key(other));
    StudyDesign reseeded = d;
    reseeded.seed = 43;
    QVERIFY(key(planTrials(reseeded, 0)) != key(a));
    int checks = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].index, int(i));
        if (a[i].attentionCheck) {
            ++checks;
            QVERIFY(a[i].expectedAnswer == 0 || a[i].expectedAnswer == 1);
        }
    }
    QCOMPARE(checks, 2);
}

void TestStudies::plansUseEveryStimulusBeforeRepeating()
{
    // 12 stimuli, 30 regular trials: the first 12 are all different, then the next 12.
    const StudyDesign d = design(QuestionType::Likert, 4, {"original", "eccv16", "koala"}, 30, 0);
    const std::vector<Trial> trials = planTrials(d, 3);
    std::set<std::string> first, second;
    for (int i = 0; i < 12; ++i)
        first.insert(trials[std::size_t(i)].image + trials[std::size_t(i)].conditions.front());
    for (int i = 12; i < 24; ++i)
        second.insert(trials[std::size_t(i)].image + trials[std::size_t(i)].conditions.front());
    QCOMPARE(int(first.size()), 12);
    QCOMPARE(int(second.size()), 12);
    // What the designer warns about: 12 distinct trials, so 30 show some twice. For 2AFC the
    // pairs count: 4 images x C(3, 2).
    QCOMPARE(distinctTrials(d), 12);
    StudyDesign pairs = d;
    pairs.question = QuestionType::TwoAlternative;
    QCOMPARE(distinctTrials(pairs), 4 * 3);
    pairs.stimuli.pop_back(); // img3 loses koala: 2 pairs left for it
    QCOMPARE(distinctTrials(pairs), 3 * 3 + 1);
    // Likert attention checks ask for a score 1-5.
    StudyDesign checked = d;
    checked.attentionChecks = 5;
    for (const Trial &t : planTrials(checked, 0))
        if (t.attentionCheck)
            QVERIFY(t.expectedAnswer >= 1 && t.expectedAnswer <= 5);
}

void TestStudies::twoAlternativePlansPairConditionsOnBothSides()
{
    const StudyDesign d = design(QuestionType::TwoAlternative, 5, {"original", "koala", "eccv16"}, 60, 0);
    std::map<std::string, int> leftCount;
    std::set<std::string> pairs;
    for (int rater = 0; rater < 4; ++rater)
        for (const Trial &t : planTrials(d, rater)) {
            QCOMPARE(int(t.conditions.size()), 2);
            QVERIFY(t.conditions[0] != t.conditions[1]);
            ++leftCount[t.conditions[0]];
            pairs.insert(t.image + std::min(t.conditions[0], t.conditions[1]) + std::max(t.conditions[0], t.conditions[1]));
        }
    QCOMPARE(int(pairs.size()), 15); // 5 images x 3 pairs
    for (const auto &[condition, count] : leftCount)
        QVERIFY2(count > 40 && count < 120, condition.c_str()); // 240 trials, 160 per condition: about half on the left
}

void TestStudies::badDesignsAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, planTrials(design(QuestionType::Likert, 0, {"original"}, 5, 0), 0));
    QVERIFY_THROWS_EXCEPTION(Error, planTrials(design(QuestionType::TwoAlternative, 3, {"original"}, 5, 0), 0));
    QVERIFY_THROWS_EXCEPTION(Error, planTrials(design(QuestionType::Likert, 3, {"original"}, 0, 0), 0));
    QVERIFY_THROWS_EXCEPTION(Error, planTrials(design(QuestionType::Likert, 3, {"original"}, 3, 4), 0));
    StudyDesign twice = design(QuestionType::Likert, 2, {"original"}, 3, 0);
    twice.stimuli.push_back(twice.stimuli.front());
    QVERIFY_THROWS_EXCEPTION(Error, twice.validate());
    QVERIFY_THROWS_EXCEPTION(Error, parseQuestionType("essay"));
}

void TestStudies::definitionRoundTripsAndFingerprints()
{
    StudyDesign d = design(QuestionType::TwoAlternative, 3, {"original", "koala"}, 8, 1);
    d.seed = 18446744073709551557ULL; // a 64-bit seed survives JSON
    const StudyDesign back = StudyDesign::fromJson(json::Value::parse(d.toJson().dump(1)));
    QCOMPARE(back.seed, d.seed);
    QCOMPARE(back.fingerprint(), d.fingerprint());
    QCOMPARE(int(back.stimuli.size()), 6);
    QCOMPARE(back.conditions(), (std::vector<std::string>{"original", "koala"}));
    StudyDesign changed = d;
    changed.trialsPerRater = 9;
    QVERIFY(changed.fingerprint() != d.fingerprint());
    QCOMPARE(int(d.fingerprint().size()), 64);
}

void TestStudies::wilsonIntervalsMatchPublishedValues()
{
    // Newcombe (1998), Table I: 81/263 -> 0.2553 to 0.3662; 0/10 -> 0 to 0.2775; 8/10 -> 0.4902 to 0.9433.
    const Proportion a = wilsonInterval(81, 263);
    QVERIFY(near(a.low, 0.2553) && near(a.high, 0.3662));
    const Proportion zero = wilsonInterval(0, 10);
    QVERIFY(near(zero.low, 0.0) && near(zero.high, 0.2775));
    const Proportion eight = wilsonInterval(8, 10);
    QVERIFY(near(eight.rate, 0.8) && near(eight.low, 0.4902) && near(eight.high, 0.9433));
    QCOMPARE(wilsonInterval(0, 0).n, 0);
}

void TestStudies::meanIntervalsUseStudentsT()
{
    // 1..5: mean 3, sd sqrt(2.5), half-width t(4) sd / sqrt(5) = 2.776 x 0.7071 = 1.963.
    const MeanInterval m = meanInterval({1, 2, 3, 4, 5});
    QVERIFY(near(m.mean, 3.0) && near(m.sd, std::sqrt(2.5)));
    QVERIFY(near(m.low, 3.0 - 1.9630, 1e-3) && near(m.high, 3.0 + 1.9630, 1e-3));
    const MeanInterval one = meanInterval({4});
    QVERIFY(one.n == 1 && one.low == 4.0 && one.high == 4.0);
}

void TestStudies::fleissKappaMatchesTheTextbookExample()
{
    // Fleiss (1971) as worked on Wikipedia: 10 items, 14 raters, 5 categories, kappa = 0.210.
    const std::vector<std::vector<int>> table = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                                                 {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    QVERIFY2(near(fleissKappa(table), 0.2099, 1e-3), qPrintable(QString::number(fleissKappa(table))));
    QVERIFY(near(fleissKappa({{3, 0}, {0, 3}}), 1.0)); // perfect agreement on varied items
    QVERIFY(std::isnan(fleissKappa({{3, 0}, {3, 0}}))); // no variation at all
    QVERIFY(std::isnan(fleissKappa({{1, 0}})));          // no item rated twice
}

void TestStudies::analysisMatchesHandCounts()
{
    const StudyDesign d = design(QuestionType::RealOrColorized, 2, {"original", "koala"}, 4, 1);
    auto answer = [](const std::string &rater, int trial, const std::string &image, const std::string &condition, int value) {
        Answer a;
        a.rater = rater;
        a.trial = trial;
        a.image = image;
        a.conditions = {condition};
        a.answer = value;
        a.responseMs = 1000.0 + trial;
        return a;
    };
    std::vector<Answer> answers = {
        answer("r1", 0, "img0", "original", 1), answer("r1", 1, "img0", "koala", 1), answer("r1", 2, "img1", "koala", 0),
        answer("r2", 0, "img0", "original", 1), answer("r2", 1, "img0", "koala", 0), answer("r2", 2, "img1", "original", 1),
        answer("r3", 0, "img0", "original", 0), answer("r3", 1, "img1", "koala", 1), // r3 fails the check below
    };
    Answer check = answer("r3", 2, "img1", "koala", 0);
    check.attentionCheck = true;
    check.expectedAnswer = 1;
    answers.push_back(check);
    Answer passed = answer("r1", 3, "img1", "original", 1);
    passed.attentionCheck = true;
    passed.expectedAnswer = 1;
    answers.push_back(passed);

    const StudyResults r = analyseStudy(d, answers);
    QCOMPARE(r.raters, 3);
    QCOMPARE(r.includedRaters, 2);
    QCOMPARE(r.excludedRaters, std::vector<std::string>{"r3"});
    QCOMPARE(r.answers, 6); // r1 and r2's regular trials
    QCOMPARE(int(r.conditions.size()), 2);
    QCOMPARE(r.conditions[0].name, std::string("original"));
    QCOMPARE(r.conditions[0].judgedReal.successes, 3); // 3 of 3 originals judged real
    QCOMPARE(r.conditions[0].judgedReal.n, 3);
    QCOMPARE(r.conditions[1].judgedReal.successes, 1); // 1 of 3 colorizations
    QCOMPARE(r.conditions[1].judgedReal.n, 3);
    QVERIFY(near(r.conditions[1].judgedReal.low, wilsonInterval(1, 3).low));
    // Per image: img0/koala judged real by r1, not by r2.
    bool found = false;
    for (const StudyResults::ImageRow &row : r.perImage)
        if (row.image == "img0" && row.condition == "koala") {
            found = true;
            QCOMPARE(row.n, 2);
            QVERIFY(near(row.value, 0.5));
        }
    QVERIFY(found);
    // Agreement over the items rated twice: img0/original {0 no, 2 yes}, img0/koala {1, 1}.
    QCOMPARE(r.kappaItems, 2);
    QVERIFY(near(r.kappa, fleissKappa({{0, 2}, {1, 1}})));
    QCOMPARE(int(r.responseTimesMs.size()), 6);
    const json::Value j = r.toJson();
    QCOMPARE(j.find("included_raters")->asInt64(), std::int64_t(2));
}

QTEST_GUILESS_MAIN(TestStudies)
#include "tst_studies.moc"
