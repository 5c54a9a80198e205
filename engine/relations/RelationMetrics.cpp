// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationMetrics.h"

#include "engine/core/errors/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace periscope::relations {

namespace {

const RelationObject &objectAt(const std::vector<RelationObject> &objects, int index, const char *what)
{
    if (index < 0 || index >= int(objects.size()))
        throw Error(std::string("relations: a ") + what + " triplet names an object that does not exist");
    return objects[std::size_t(index)];
}

bool matches(const RelationPredictions &image, const RelationTriplet &p, const RelationTriplet &t, MatchMode mode)
{
    const RelationObject &ps = objectAt(image.objects, p.subject, "predicted"), &po = objectAt(image.objects, p.object, "predicted");
    const RelationObject &ts = objectAt(image.truthObjects, t.subject, "true"), &to = objectAt(image.truthObjects, t.object, "true");
    if (p.predicate != t.predicate || ps.category != ts.category || po.category != to.category)
        return false;
    switch (mode) {
    case MatchMode::Predicate: return true;
    case MatchMode::Phrase: return boxIou(boxUnion(ps.box, po.box), boxUnion(ts.box, to.box)) > 0.5;
    case MatchMode::Relationship: return boxIou(ps.box, ts.box) > 0.5 && boxIou(po.box, to.box) > 0.5;
    }
    return false;
}

} // namespace

std::string matchModeName(MatchMode mode)
{
    switch (mode) {
    case MatchMode::Predicate: return "predicate";
    case MatchMode::Phrase: return "phrase";
    case MatchMode::Relationship: return "relationship";
    }
    return "predicate";
}

std::vector<int> firstMatchRanks(const RelationPredictions &image, MatchMode mode)
{
    std::vector<int> ranks;
    ranks.reserve(image.truth.size());
    for (const RelationTriplet &t : image.truth) {
        int rank = -1;
        for (std::size_t r = 0; r < image.ranked.size() && rank < 0; ++r)
            if (matches(image, image.ranked[r], t, mode))
                rank = int(r);
        ranks.push_back(rank);
    }
    return ranks;
}

std::vector<bool> matchingPredictions(const RelationPredictions &image, MatchMode mode)
{
    std::vector<bool> hits;
    hits.reserve(image.ranked.size());
    for (const RelationTriplet &p : image.ranked)
        hits.push_back(std::any_of(image.truth.begin(), image.truth.end(), [&](const RelationTriplet &t) { return matches(image, p, t, mode); }));
    return hits;
}

RecallTable recallAt(const std::vector<RelationPredictions> &images, MatchMode mode, const std::vector<int> &steps)
{
    RecallTable table;
    table.steps = steps;
    table.recall.assign(steps.size(), 0.0);
    std::map<int, std::vector<double>> predicateSums;
    std::map<int, int> predicateImages;
    for (const RelationPredictions &image : images) {
        if (image.truth.empty())
            continue;
        ++table.images;
        const std::vector<int> ranks = firstMatchRanks(image, mode);
        std::map<int, std::pair<std::vector<int>, int>> byPredicate; // predicate -> (recalled per K, true triplets)
        for (std::size_t s = 0; s < steps.size(); ++s) {
            int recalled = 0;
            for (std::size_t t = 0; t < ranks.size(); ++t) {
                const bool hit = ranks[t] >= 0 && ranks[t] < steps[s];
                recalled += hit;
                auto &entry = byPredicate[image.truth[t].predicate];
                entry.first.resize(steps.size(), 0);
                entry.first[s] += hit;
                if (s == 0)
                    ++entry.second;
            }
            table.recall[s] += double(recalled) / double(ranks.size());
        }
        for (const auto &[predicate, entry] : byPredicate) {
            auto &sums = predicateSums[predicate];
            sums.resize(steps.size(), 0.0);
            for (std::size_t s = 0; s < steps.size(); ++s)
                sums[s] += double(entry.first[s]) / entry.second;
            ++predicateImages[predicate];
        }
    }
    if (table.images > 0)
        for (double &r : table.recall)
            r /= table.images;
    for (auto &[predicate, sums] : predicateSums) {
        for (double &s : sums)
            s /= predicateImages[predicate];
        table.perPredicate[predicate] = sums;
    }
    return table;
}

PredicateAveragePrecision predicateAveragePrecision(const std::vector<std::vector<double>> &scores, const std::vector<std::vector<int>> &labels)
{
    if (scores.size() != labels.size())
        throw Error("relations: one row of labels per row of scores is needed");
    const std::size_t classes = scores.empty() ? 0 : scores.front().size();
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (scores[i].size() != classes || labels[i].size() != classes)
            throw Error("relations: every image needs a score and a label for every predicate");
    PredicateAveragePrecision out;
    double sum = 0.0;
    int counted = 0;
    for (std::size_t c = 0; c < classes; ++c) {
        std::vector<std::size_t> order(scores.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a][c] > scores[b][c]; });
        const int positives = int(std::count_if(labels.begin(), labels.end(), [c](const std::vector<int> &l) { return l[c] != 0; }));
        if (positives == 0) {
            out.perClass.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        // Sum over distinct thresholds of (R_n - R_{n-1}) P_n: tied scores form one threshold.
        double ap = 0.0, previousRecall = 0.0;
        int truePositives = 0, seen = 0;
        for (std::size_t r = 0; r < order.size(); ++r) {
            truePositives += labels[order[r]][c] != 0;
            ++seen;
            if (r + 1 < order.size() && scores[order[r + 1]][c] == scores[order[r]][c])
                continue;
            const double recall = double(truePositives) / positives, precision = double(truePositives) / seen;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        out.perClass.push_back(ap);
        sum += ap;
        ++counted;
    }
    out.mean = counted > 0 ? sum / counted : 0.0;
    return out;
}

} // namespace periscope::relations
