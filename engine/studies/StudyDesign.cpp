// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/studies/StudyDesign.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/Sha256.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace periscope::studies {

std::string toString(QuestionType type)
{
    switch (type) {
    case QuestionType::RealOrColorized:
        return "real-or-colorized";
    case QuestionType::Likert:
        return "likert";
    case QuestionType::TwoAlternative:
        return "2afc";
    }
    return {};
}

QuestionType parseQuestionType(const std::string &text)
{
    for (QuestionType t : {QuestionType::RealOrColorized, QuestionType::Likert, QuestionType::TwoAlternative})
        if (toString(t) == text)
            return t;
    throw Error("unknown question type '" + text + "' (real-or-colorized, likert, 2afc)");
}

std::vector<std::string> StudyDesign::images() const
{
    std::set<std::string> out;
    for (const Stimulus &s : stimuli)
        out.insert(s.image);
    return {out.begin(), out.end()};
}

std::vector<std::string> StudyDesign::conditions() const
{
    std::set<std::string> names;
    bool original = false;
    for (const Stimulus &s : stimuli) {
        if (s.condition == kOriginalCondition)
            original = true;
        else
            names.insert(s.condition);
    }
    std::vector<std::string> out;
    if (original)
        out.push_back(kOriginalCondition);
    out.insert(out.end(), names.begin(), names.end());
    return out;
}

const Stimulus *StudyDesign::find(const std::string &image, const std::string &condition) const
{
    for (const Stimulus &s : stimuli)
        if (s.image == image && s.condition == condition)
            return &s;
    return nullptr;
}

namespace {

// Every unordered pair of conditions an image has, for 2AFC.
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> conditionPairs(const StudyDesign &design)
{
    std::map<std::string, std::vector<std::string>> byImage;
    for (const Stimulus &s : design.stimuli)
        byImage[s.image].push_back(s.condition);
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> pairs;
    for (auto &[image, conditions] : byImage) {
        std::sort(conditions.begin(), conditions.end());
        for (std::size_t a = 0; a < conditions.size(); ++a)
            for (std::size_t b = a + 1; b < conditions.size(); ++b)
                pairs.push_back({image, {conditions[a], conditions[b]}});
    }
    return pairs;
}

} // namespace

int distinctTrials(const StudyDesign &design)
{
    return design.question == QuestionType::TwoAlternative ? int(conditionPairs(design).size()) : int(design.stimuli.size());
}

void StudyDesign::validate() const
{
    if (stimuli.empty())
        throw Error("the study has no images: add photos and at least one condition");
    std::set<std::pair<std::string, std::string>> seen;
    for (const Stimulus &s : stimuli) {
        if (s.image.empty() || s.condition.empty() || s.path.empty())
            throw Error("every stimulus needs an image id, a condition and a file");
        if (!seen.insert({s.image, s.condition}).second)
            throw Error("image '" + s.image + "' appears twice in condition '" + s.condition + "'");
    }
    if (trialsPerRater < 1 || trialsPerRater > 10000)
        throw Error("trials per rater must be between 1 and 10000");
    if (attentionChecks < 0 || attentionChecks > trialsPerRater)
        throw Error("attention checks must be between 0 and the number of trials");
    if (question == QuestionType::TwoAlternative && conditionPairs(*this).empty())
        throw Error("a two-alternative study needs at least two conditions of some image");
}

json::Value StudyDesign::toJson() const
{
    json::Array list;
    for (const Stimulus &s : stimuli)
        list.emplace_back(json::Object{{"image", s.image}, {"condition", s.condition}, {"path", s.path}});
    json::Value v = json::Object{};
    v.set("title", title);
    v.set("question", toString(question));
    v.set("trials_per_rater", trialsPerRater);
    v.set("attention_checks", attentionChecks);
    v.set("seed", std::to_string(seed)); // as text: JSON numbers lose 64-bit integers
    v.set("stimuli", json::Value(std::move(list)));
    return v;
}

StudyDesign StudyDesign::fromJson(const json::Value &value)
{
    auto field = [&](const char *name) -> const json::Value & {
        const json::Value *f = value.find(name);
        if (!f)
            throw Error(std::string("the study definition lacks '") + name + "'");
        return *f;
    };
    StudyDesign d;
    d.title = field("title").asString();
    d.question = parseQuestionType(field("question").asString());
    d.trialsPerRater = int(field("trials_per_rater").asInt64());
    d.attentionChecks = int(field("attention_checks").asInt64());
    try {
        d.seed = std::stoull(field("seed").asString());
    } catch (const std::logic_error &) {
        throw Error("the study's seed is not a number");
    }
    for (const json::Value &s : field("stimuli").asArray()) {
        const json::Value *image = s.find("image"), *condition = s.find("condition"), *path = s.find("path");
        if (!image || !condition || !path)
            throw Error("a stimulus of the study definition lacks its image, condition or path");
        d.stimuli.push_back({image->asString(), condition->asString(), path->asString()});
    }
    return d;
}

std::string StudyDesign::fingerprint() const
{
    const std::string text = toJson().dump(-1);
    Sha256 hash;
    hash.update(text.data(), text.size());
    return hash.hexDigest();
}

std::vector<Trial> planTrials(const StudyDesign &design, int raterNumber)
{
    design.validate();
    // One generator per rater, from the study's seed and the rater's number (splitmix-style mix,
    // so neighbouring raters do not get correlated streams).
    std::uint64_t mixed = design.seed + 0x9E3779B97F4A7C15ULL * std::uint64_t(raterNumber + 1);
    mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9ULL;
    mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBULL;
    std::mt19937_64 random(mixed ^ (mixed >> 31));

    // The pool of what can be shown: stimuli, or condition pairs for 2AFC (by index).
    std::vector<Trial> pool;
    if (design.question == QuestionType::TwoAlternative) {
        for (const auto &[image, pair] : conditionPairs(design))
            pool.push_back({0, image, {pair.first, pair.second}, false, -1});
    } else {
        std::vector<Stimulus> sorted = design.stimuli;
        std::sort(sorted.begin(), sorted.end(), [](const Stimulus &a, const Stimulus &b) {
            return std::tie(a.image, a.condition) < std::tie(b.image, b.condition);
        });
        for (const Stimulus &s : sorted)
            pool.push_back({0, s.image, {s.condition}, false, -1});
    }

    const int regular = design.trialsPerRater - design.attentionChecks;
    std::vector<Trial> trials;
    std::vector<Trial> deck;
    while (int(trials.size()) < regular) {
        if (deck.empty()) {
            deck = pool;
            std::shuffle(deck.begin(), deck.end(), random);
        }
        Trial t = deck.back();
        deck.pop_back();
        if (t.conditions.size() == 2 && std::uniform_int_distribution<int>(0, 1)(random) == 1)
            std::swap(t.conditions[0], t.conditions[1]); // which side each condition is on
        trials.push_back(t);
    }
    // Attention checks: a pooled stimulus with an instruction naming the answer to give.
    for (int k = 0; k < design.attentionChecks; ++k) {
        Trial check = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(random)];
        check.attentionCheck = true;
        check.expectedAnswer = design.question == QuestionType::Likert ? std::uniform_int_distribution<int>(1, 5)(random)
                                                                       : std::uniform_int_distribution<int>(0, 1)(random);
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, trials.size())(random);
        trials.insert(trials.begin() + std::ptrdiff_t(at), check);
    }
    for (std::size_t i = 0; i < trials.size(); ++i)
        trials[i].index = int(i);
    return trials;
}

bool isValidAnswer(QuestionType type, int answer)
{
    return type == QuestionType::Likert ? (answer >= 1 && answer <= 5) : (answer == 0 || answer == 1);
}

} // namespace periscope::studies
