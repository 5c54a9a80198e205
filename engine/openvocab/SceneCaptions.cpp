// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/SceneCaptions.h"

#include <algorithm>
#include <map>

namespace periscope::openvocab {

namespace {
using Objects = std::vector<scenes::SceneObjectAttributes>;

const char *const kNumbers[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

bool chance(std::mt19937_64 &random, double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(random) < p;
}

// A synonym now and then (CLEVR's questions use them).
std::string word(const std::string &w, std::mt19937_64 &random)
{
    static const std::map<std::string, std::string> synonyms = {{"sphere", "ball"}, {"cube", "block"}, {"metal", "shiny"}, {"rubber", "matte"},
                                                                {"large", "big"},   {"small", "tiny"}, {"gray", "grey"}};
    const auto found = synonyms.find(w);
    return found != synonyms.end() && chance(random, 0.15) ? found->second : w;
}

std::string plural(const std::string &noun)
{
    return noun + "s";
}

// `mask` says which attributes a phrase names: bit 0 size, 1 colour, 2 material, 3 shape.
bool fits(const scenes::SceneObjectAttributes &candidate, const scenes::SceneObjectAttributes &like, int mask)
{
    return (!(mask & 1) || candidate.size == like.size) && (!(mask & 2) || candidate.color == like.color) &&
           (!(mask & 4) || candidate.material == like.material) && (!(mask & 8) || candidate.shape == like.shape);
}

// "large red metal" + "sphere"/"spheres"/"object"/"objects"
std::string nounPhrase(const scenes::SceneObjectAttributes &like, int mask, bool many, std::mt19937_64 &random)
{
    std::string out;
    const auto add = [&](const std::string &w) {
        if (!out.empty())
            out += ' ';
        out += w;
    };
    if (mask & 1)
        add(word(like.size, random));
    if (mask & 2)
        add(word(like.color, random));
    if (mask & 4)
        add(word(like.material, random));
    const std::string noun = (mask & 8) ? word(like.shape, random) : std::string(chance(random, 0.8) ? "object" : "thing");
    add(many ? plural(noun) : noun);
    return out;
}

std::string article(const std::string &phrase)
{
    return (phrase.front() == 'a' || phrase.front() == 'e' || phrase.front() == 'i' || phrase.front() == 'o' || phrase.front() == 'u') ? "an " : "a ";
}

// A phrase about the objects like one chosen object (its attributes in `mask`), counted or not.
std::string groupPhrase(const Objects &objects, std::mt19937_64 &random)
{
    const auto &like = objects[std::uniform_int_distribution<std::size_t>(0, objects.size() - 1)(random)];
    // Mostly two attributes or more, mostly with the colour: phrases that single out a few
    // objects are what teaches where things are (a scene of 3 to 10 objects has most single
    // attributes somewhere).
    int mask = 0;
    while (mask == 0 || (__builtin_popcount(unsigned(mask)) < 2 && chance(random, 0.6)) || (!(mask & 2) && chance(random, 0.5)))
        mask = std::uniform_int_distribution<int>(1, 15)(random);
    const int count = int(std::count_if(objects.begin(), objects.end(), [&](const auto &o) { return fits(o, like, mask); }));
    const bool counted = chance(random, 0.5);
    if (count == 1) {
        const std::string phrase = nounPhrase(like, mask, false, random);
        return (counted && chance(random, 0.3) ? "one " : article(phrase)) + phrase;
    }
    const std::string phrase = nounPhrase(like, mask, true, random);
    return counted && count <= 10 ? std::string(kNumbers[count]) + " " + phrase : phrase;
}

// "two cubes and a cylinder"
std::string shapeCount(const Objects &objects, std::mt19937_64 &random)
{
    std::vector<std::string> parts;
    for (const char *shape : {"cube", "sphere", "cylinder"}) {
        const int n = int(std::count_if(objects.begin(), objects.end(), [&](const auto &o) { return o.shape == shape; }));
        if (n == 0)
            continue;
        const std::string noun = word(shape, random);
        parts.push_back(n == 1 ? "a " + noun : std::string(n <= 10 ? kNumbers[n] : "many") + " " + plural(noun));
    }
    std::shuffle(parts.begin(), parts.end(), random);
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}
} // namespace

std::vector<std::string> sceneCaptions(const Objects &objects, int count, std::mt19937_64 &random)
{
    std::vector<std::string> out;
    if (objects.empty() || count <= 0)
        return out;
    for (int attempt = 0; attempt < count * 8 && int(out.size()) < count; ++attempt) {
        std::string caption;
        const int kind = std::uniform_int_distribution<int>(0, 9)(random);
        if (kind < 6)
            caption = groupPhrase(objects, random);
        else if (kind < 8)
            caption = groupPhrase(objects, random) + " and " + groupPhrase(objects, random);
        else
            caption = shapeCount(objects, random);
        if (std::find(out.begin(), out.end(), caption) == out.end())
            out.push_back(std::move(caption));
    }
    return out;
}

std::optional<std::vector<CaptionClaim>> captionClaims(const std::string &caption)
{
    std::string text = caption;
    for (std::size_t at; (at = text.find(", ")) != std::string::npos;)
        text.replace(at, 2, " and ");
    std::vector<CaptionClaim> claims;
    for (std::size_t begin = 0; begin <= text.size();) {
        const std::size_t at = std::min(text.find(" and ", begin), text.size());
        std::string phrase = text.substr(begin, at - begin);
        begin = at + 5;
        CaptionClaim claim;
        const std::size_t space = phrase.find(' ');
        const std::string first = phrase.substr(0, space);
        for (int n = 1; n <= 10; ++n)
            if (first == kNumbers[n])
                claim.count = n;
        if (space != std::string::npos && (claim.count > 0 || first == "a" || first == "an" || first == "many"))
            phrase = phrase.substr(space + 1);
        const std::optional<AttributeQuery> query = parseScenePrompt(phrase);
        if (!query || phrase.empty())
            return std::nullopt;
        claim.query = *query;
        claims.push_back(claim);
    }
    return claims;
}

bool claimsHold(const std::vector<CaptionClaim> &claims, const Objects &objects)
{
    for (const CaptionClaim &claim : claims) {
        const int n = int(std::count_if(objects.begin(), objects.end(), [&](const auto &o) { return claim.query.matches(o.color, o.material, o.shape, o.size); }));
        if (claim.count < 0 ? n == 0 : n != claim.count)
            return false;
    }
    return true;
}

std::vector<std::vector<std::string>> sceneEvaluationPromptGroups()
{
    return {{"gray objects", "red objects", "blue objects", "green objects", "brown objects", "purple objects", "cyan objects", "yellow objects"},
            {"spheres", "cubes", "cylinders"},
            {"metal objects", "rubber objects"},
            {"large objects", "small objects"}};
}

} // namespace periscope::openvocab
