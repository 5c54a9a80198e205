// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/studies/StudyStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace periscope::studies {

Proportion wilsonInterval(int successes, int n, double z)
{
    Proportion p;
    p.successes = successes;
    p.n = n;
    if (n <= 0)
        return p;
    const double phat = double(successes) / n, z2 = z * z;
    const double centre = (phat + z2 / (2.0 * n)) / (1.0 + z2 / n);
    const double half = z / (1.0 + z2 / n) * std::sqrt(phat * (1.0 - phat) / n + z2 / (4.0 * n * n));
    p.rate = phat;
    p.low = std::max(0.0, centre - half);
    p.high = std::min(1.0, centre + half);
    return p;
}

double fleissKappa(const std::vector<std::vector<int>> &counts)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> categoryTotals;
    double agreementSum = 0.0, ratings = 0.0;
    int items = 0;
    for (const std::vector<int> &row : counts) {
        int n = 0;
        for (int c : row)
            n += c;
        if (n < 2)
            continue;
        double squares = 0.0;
        for (int c : row)
            squares += double(c) * c;
        agreementSum += (squares - n) / (double(n) * (n - 1));
        ++items;
        if (categoryTotals.size() < row.size())
            categoryTotals.resize(row.size(), 0.0);
        for (std::size_t j = 0; j < row.size(); ++j)
            categoryTotals[j] += row[j];
        ratings += n;
    }
    if (items == 0)
        return nan;
    const double observed = agreementSum / items;
    double expected = 0.0;
    for (double t : categoryTotals)
        expected += (t / ratings) * (t / ratings);
    if (expected >= 1.0)
        return nan; // everyone always gave the same answer: agreement by chance is total
    return (observed - expected) / (1.0 - expected);
}

json::Value StudyResults::toJson() const
{
    auto proportion = [](const Proportion &p) {
        return json::Value(json::Object{{"successes", p.successes}, {"n", p.n}, {"rate", p.rate}, {"low", p.low}, {"high", p.high}});
    };
    json::Array conditionList;
    for (const Condition &c : conditions) {
        json::Value entry = json::Object{{"condition", c.name}};
        if (question == QuestionType::RealOrColorized)
            entry.set("judged_real", proportion(c.judgedReal));
        else if (question == QuestionType::Likert)
            entry.set("likert", json::Object{{"n", c.likert.n}, {"mean", c.likert.mean}, {"sd", c.likert.sd},
                                             {"low", c.likert.low}, {"high", c.likert.high}});
        else
            entry.set("preferred", proportion(c.preferred));
        conditionList.push_back(std::move(entry));
    }
    json::Array imageList;
    for (const ImageRow &r : perImage)
        imageList.emplace_back(json::Object{{"image", r.image}, {"condition", r.condition}, {"n", r.n}, {"value", r.value}});
    json::Array excluded;
    for (const std::string &r : excludedRaters)
        excluded.emplace_back(r);
    json::Value v = json::Object{};
    v.set("question", toString(question));
    v.set("raters", raters);
    v.set("included_raters", includedRaters);
    v.set("excluded_raters", json::Value(std::move(excluded)));
    v.set("answers", answers);
    v.set("conditions", json::Value(std::move(conditionList)));
    v.set("per_image", json::Value(std::move(imageList)));
    v.set("fleiss_kappa", json::finiteOrNull(kappa));
    v.set("kappa_items", kappaItems);
    if (!responseTimesMs.empty()) {
        std::vector<double> sorted = responseTimesMs;
        std::sort(sorted.begin(), sorted.end());
        v.set("median_response_ms", sorted[sorted.size() / 2]);
    }
    return v;
}

StudyResults analyseStudy(const StudyDesign &design, const std::vector<Answer> &answers)
{
    StudyResults r;
    r.question = design.question;
    std::set<std::string> raters, failed;
    for (const Answer &a : answers) {
        raters.insert(a.rater);
        if (a.attentionCheck && a.answer != a.expectedAnswer)
            failed.insert(a.rater);
    }
    r.raters = int(raters.size());
    r.excludedRaters.assign(failed.begin(), failed.end());
    r.includedRaters = r.raters - int(failed.size());

    // Tallies per condition and per (image, condition); agreement items keyed by what was shown.
    std::map<std::string, std::pair<int, int>> real, wins;             // condition -> (yes, n)
    std::map<std::string, std::vector<double>> likert;                 // condition -> scores
    std::map<std::pair<std::string, std::string>, std::vector<double>> perImage;
    std::map<std::string, std::vector<int>> agreement;                 // item -> category counts
    const int categories = design.question == QuestionType::Likert ? 5 : 2;
    for (const Answer &a : answers) {
        if (a.attentionCheck || failed.count(a.rater) || !isValidAnswer(design.question, a.answer) || a.conditions.empty())
            continue;
        ++r.answers;
        r.responseTimesMs.push_back(a.responseMs);
        std::string item;
        int category = 0;
        if (design.question == QuestionType::TwoAlternative) {
            if (a.conditions.size() != 2)
                continue;
            const std::string &chosen = a.conditions[std::size_t(a.answer)], &other = a.conditions[std::size_t(1 - a.answer)];
            ++wins[chosen].first;
            ++wins[chosen].second;
            ++wins[other].second;
            perImage[{a.image, chosen}].push_back(1.0);
            perImage[{a.image, other}].push_back(0.0);
            const std::string first = std::min(chosen, other), second = std::max(chosen, other);
            item = a.image + "\n" + first + "\n" + second;
            category = chosen == first ? 0 : 1;
        } else {
            const std::string &condition = a.conditions.front();
            item = a.image + "\n" + condition;
            if (design.question == QuestionType::Likert) {
                likert[condition].push_back(a.answer);
                category = a.answer - 1;
            } else {
                real[condition].first += a.answer;
                ++real[condition].second;
                category = a.answer;
            }
            perImage[{a.image, condition}].push_back(a.answer);
        }
        std::vector<int> &counts = agreement[item];
        counts.resize(std::size_t(categories), 0);
        ++counts[std::size_t(category)];
    }
    for (const std::string &name : design.conditions()) {
        StudyResults::Condition c;
        c.name = name;
        c.judgedReal = wilsonInterval(real[name].first, real[name].second);
        c.likert = meanInterval(likert[name]);
        c.preferred = wilsonInterval(wins[name].first, wins[name].second);
        r.conditions.push_back(c);
    }
    for (const auto &[key, values] : perImage) {
        double sum = 0.0;
        for (double v : values)
            sum += v;
        r.perImage.push_back({key.first, key.second, int(values.size()), sum / double(values.size())});
    }
    std::vector<std::vector<int>> table;
    for (const auto &[item, counts] : agreement) {
        int n = 0;
        for (int c : counts)
            n += c;
        if (n >= 2) {
            table.push_back(counts);
            ++r.kappaItems;
        }
    }
    r.kappa = fleissKappa(table);
    return r;
}

} // namespace periscope::studies
