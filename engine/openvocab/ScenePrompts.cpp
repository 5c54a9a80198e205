// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/ScenePrompts.h"

#include "engine/core/errors/Error.h"

#include <cctype>
#include <cmath>
#include <limits>
#include <sstream>

namespace periscope::openvocab {

namespace {
const char *const kColors[] = {"gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow"};
const char *const kMaterials[] = {"rubber", "metal"};
const char *const kShapes[] = {"sphere", "cube", "cylinder"};
const char *const kSizes[] = {"large", "small"};
// Words a prompt may carry that select nothing.
const char *const kNeutral[] = {"a", "an", "the", "all", "object", "objects", "thing", "things", "one", "some"};

template <std::size_t N>
bool isOneOf(const std::string &word, const char *const (&values)[N])
{
    for (const char *value : values)
        if (word == value)
            return true;
    return false;
}

// Sets `slot` to `word` when it is empty; a second, different value makes the prompt unreadable.
bool assign(std::string &slot, const std::string &word)
{
    if (!slot.empty() && slot != word)
        return false;
    slot = word;
    return true;
}

std::string singular(const std::string &word)
{
    if (word == "spheres" || word == "cubes" || word == "cylinders")
        return word.substr(0, word.size() - 1);
    // CLEVR's synonyms, as its questions use them.
    if (word == "ball" || word == "balls")
        return "sphere";
    if (word == "block" || word == "blocks")
        return "cube";
    if (word == "grey")
        return "gray";
    if (word == "metallic" || word == "shiny")
        return "metal";
    if (word == "matte")
        return "rubber";
    if (word == "big")
        return "large";
    if (word == "tiny")
        return "small";
    return word;
}
} // namespace

bool AttributeQuery::matches(const std::string &objectColor, const std::string &objectMaterial, const std::string &objectShape,
                             const std::string &objectSize) const
{
    return (color.empty() || color == objectColor) && (material.empty() || material == objectMaterial) && (shape.empty() || shape == objectShape) &&
           (size.empty() || size == objectSize);
}

std::optional<AttributeQuery> parseScenePrompt(const std::string &prompt)
{
    std::string lowered;
    for (char c : prompt)
        lowered.push_back(std::isalpha(static_cast<unsigned char>(c)) ? char(std::tolower(static_cast<unsigned char>(c))) : ' ');
    AttributeQuery query;
    std::istringstream words(lowered);
    for (std::string word; words >> word;) {
        word = singular(word);
        bool ok = true;
        if (isOneOf(word, kColors))
            ok = assign(query.color, word);
        else if (isOneOf(word, kMaterials))
            ok = assign(query.material, word);
        else if (isOneOf(word, kShapes))
            ok = assign(query.shape, word);
        else if (isOneOf(word, kSizes))
            ok = assign(query.size, word);
        else if (!isOneOf(word, kNeutral))
            ok = false;
        if (!ok)
            return std::nullopt;
    }
    return query;
}

PromptIoU::PromptIoU(int prompts) : m_intersection(std::size_t(std::max(0, prompts)), 0.0), m_union(std::size_t(std::max(0, prompts)), 0.0) {}

void PromptIoU::add(const std::vector<int> &labels, const std::vector<std::vector<bool>> &truth)
{
    if (truth.size() != m_union.size())
        throw Error("prompt IoU: " + std::to_string(truth.size()) + " truth masks for " + std::to_string(m_union.size()) + " prompts");
    for (std::size_t p = 0; p < truth.size(); ++p) {
        if (truth[p].size() != labels.size())
            throw Error("prompt IoU: a truth mask of " + std::to_string(truth[p].size()) + " pixels for labels of " + std::to_string(labels.size()));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const bool predicted = labels[i] == int(p);
            m_intersection[p] += double(predicted && truth[p][i]);
            m_union[p] += double(predicted || truth[p][i]);
        }
    }
}

std::vector<double> PromptIoU::perPrompt() const
{
    std::vector<double> out;
    for (std::size_t p = 0; p < m_union.size(); ++p)
        out.push_back(m_union[p] > 0.0 ? m_intersection[p] / m_union[p] : std::numeric_limits<double>::quiet_NaN());
    return out;
}

double PromptIoU::mean() const
{
    double sum = 0.0;
    int count = 0;
    for (double iou : perPrompt())
        if (!std::isnan(iou)) {
            sum += iou;
            ++count;
        }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

void PromptIoU::merge(const PromptIoU &other)
{
    if (other.m_union.size() != m_union.size())
        throw Error("prompt IoU: merging counts of " + std::to_string(other.m_union.size()) + " prompts into " + std::to_string(m_union.size()));
    for (std::size_t p = 0; p < m_union.size(); ++p) {
        m_intersection[p] += other.m_intersection[p];
        m_union[p] += other.m_union[p];
    }
}

void PromptIoU::addCounts(const std::vector<double> &intersections, const std::vector<double> &unions)
{
    if (intersections.size() != m_union.size() || unions.size() != m_union.size())
        throw Error("prompt IoU: counts of " + std::to_string(unions.size()) + " prompts for " + std::to_string(m_union.size()));
    for (std::size_t p = 0; p < m_union.size(); ++p)
        if (!(intersections[p] >= 0.0 && unions[p] >= intersections[p]))
            throw Error("prompt IoU: an intersection larger than its union, or a negative count");
    for (std::size_t p = 0; p < m_union.size(); ++p) {
        m_intersection[p] += intersections[p];
        m_union[p] += unions[p];
    }
}

namespace {
json::Value numberList(const std::vector<double> &values)
{
    return json::Value(json::Array(values.begin(), values.end()));
}

std::vector<double> numbersOf(const json::Value &counts, const char *key)
{
    const json::Value *list = counts.find(key);
    if (!list)
        throw Error(std::string("scene scores: the counts have no ") + key);
    std::vector<double> values;
    for (const json::Value &v : list->asArray())
        values.push_back(v.asNumber());
    return values;
}

double meanOver(const std::vector<double> &values, const std::vector<std::size_t> &prompts)
{
    double sum = 0.0;
    int count = 0;
    for (std::size_t p : prompts)
        if (std::isfinite(values[p])) {
            sum += values[p];
            ++count;
        }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

SceneScoreboard::SceneScoreboard(const std::vector<std::string> &prompts)
    : m_iou(int(prompts.size())), m_shuffled(int(prompts.size()))
{
    for (std::size_t p = 0; p < prompts.size(); ++p) {
        m_scored.push_back(parseScenePrompt(prompts[p]).has_value());
        if (m_scored.back())
            m_order.push_back(p);
    }
}

void SceneScoreboard::add(const std::vector<int> &labels, const std::vector<std::vector<bool>> &truth)
{
    m_iou.add(labels, truth);
    std::vector<std::vector<bool>> rotated = truth;
    for (std::size_t k = 0; k < m_order.size(); ++k)
        rotated[m_order[k]] = truth[m_order[(k + 1) % m_order.size()]];
    m_shuffled.add(labels, rotated);
    ++m_images;
}

void SceneScoreboard::merge(const SceneScoreboard &other)
{
    if (other.m_scored != m_scored)
        throw Error("scene scores: merging the scores of other prompts");
    m_iou.merge(other.m_iou);
    m_shuffled.merge(other.m_shuffled);
    m_images += other.m_images;
}

json::Value SceneScoreboard::counts() const
{
    return json::Object{{"images", m_images},
                        {"intersection", numberList(m_iou.intersections())},
                        {"union", numberList(m_iou.unions())},
                        {"shuffled_intersection", numberList(m_shuffled.intersections())},
                        {"shuffled_union", numberList(m_shuffled.unions())}};
}

void SceneScoreboard::addCounts(const json::Value &counts)
{
    const json::Value *images = counts.find("images");
    if (!images || images->asInt64() < 0)
        throw Error("scene scores: the counts have no image count");
    // Checked whole before anything is added: a bad file leaves the board as it was.
    PromptIoU iou(promptCount()), shuffled(promptCount());
    iou.addCounts(numbersOf(counts, "intersection"), numbersOf(counts, "union"));
    shuffled.addCounts(numbersOf(counts, "shuffled_intersection"), numbersOf(counts, "shuffled_union"));
    m_iou.merge(iou);
    m_shuffled.merge(shuffled);
    m_images += int(images->asInt64());
}

std::vector<double> SceneScoreboard::perPrompt() const
{
    std::vector<double> values = m_iou.perPrompt();
    for (std::size_t p = 0; p < values.size(); ++p)
        if (!m_scored[p])
            values[p] = std::numeric_limits<double>::quiet_NaN();
    return values;
}

std::vector<double> SceneScoreboard::shuffledPerPrompt() const
{
    std::vector<double> values = m_shuffled.perPrompt();
    for (std::size_t p = 0; p < values.size(); ++p)
        if (!m_scored[p] || !hasChance())
            values[p] = std::numeric_limits<double>::quiet_NaN();
    return values;
}

double SceneScoreboard::mean() const
{
    return meanOver(perPrompt(), m_order);
}

double SceneScoreboard::shuffledMean() const
{
    return hasChance() ? meanOver(shuffledPerPrompt(), m_order) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace periscope::openvocab
