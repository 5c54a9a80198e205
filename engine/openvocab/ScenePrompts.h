// SPDX-License-Identifier: GPL-3.0-or-later
// Prompts about generated scenes, read as the objects they name, so that open-vocabulary
// segmentation can be scored against the generator's masks: "red objects", "metal cubes",
// "small spheres", "a large red metal sphere" select the objects with those attributes (CLEVR's
// 8 colours, rubber or metal, sphere / cube / cylinder, large or small). Plain strings, no scene
// type: the caller matches the attributes of its own objects.
#pragma once

#include "engine/core/json/Json.h"

#include <optional>
#include <string>
#include <vector>

namespace periscope::openvocab {

struct AttributeQuery {
    std::string color, material, shape, size; // empty: any

    bool matches(const std::string &objectColor, const std::string &objectMaterial, const std::string &objectShape,
                 const std::string &objectSize) const;
    bool isEmpty() const { return color.empty() && material.empty() && shape.empty() && size.empty(); }
};

// The attributes a prompt names, or nothing when it holds a word that is not an attribute, a
// shape, a plural, an article or "object(s)" / "thing(s)" (such a prompt cannot be scored by
// attributes), or when it names two values of one attribute ("red blue cubes").
std::optional<AttributeQuery> parseScenePrompt(const std::string &prompt);

// Intersection over union of each prompt's predicted pixels (labels == prompt) with its true
// pixels, the pixels summed over images added one by one; the mean is over prompts whose truth
// or prediction is not empty anywhere.
class PromptIoU {
public:
    explicit PromptIoU(int prompts);
    // labels: the best prompt per pixel (-1 background); truth[p]: prompt p's true pixels. All the
    // same length; throws periscope::Error otherwise.
    void add(const std::vector<int> &labels, const std::vector<std::vector<bool>> &truth);
    // NaN for a prompt with neither truth nor prediction.
    std::vector<double> perPrompt() const;
    double mean() const;
    // Adds another count over the same prompts (other images); throws Error otherwise.
    void merge(const PromptIoU &other);
    // The pixel counts themselves (whole numbers: their sums do not depend on the order).
    const std::vector<double> &intersections() const { return m_intersection; }
    const std::vector<double> &unions() const { return m_union; }
    void addCounts(const std::vector<double> &intersections, const std::vector<double> &unions); // throws Error on other prompts

private:
    std::vector<double> m_intersection, m_union;
};

// A set of images scored by prompt: the IoU of every prompt that names attributes, and the
// chance level the CLI and the workspace report beside it, the same segmentations scored against
// the truth of the next scored prompt (what overlap alone gives, each prompt's share of pixels
// kept). Prompts that name no attributes are not scored.
class SceneScoreboard {
public:
    explicit SceneScoreboard(const std::vector<std::string> &prompts);

    int promptCount() const { return int(m_scored.size()); }
    bool isScored(int prompt) const { return m_scored.at(std::size_t(prompt)); }
    bool hasChance() const { return m_order.size() >= 2; } // a shuffled baseline needs two scored prompts
    int images() const { return m_images; }

    // One image: its labels and every prompt's true pixels (promptTruth), all the same length.
    void add(const std::vector<int> &labels, const std::vector<std::vector<bool>> &truth);
    void merge(const SceneScoreboard &other); // the same prompts, other images
    // The counts behind the scores as JSON, and adding such counts, for boards filled in other
    // processes (the shards of `periscope-cli open-vocab --shard`): the images, and each prompt's
    // intersection and union in pixels, against its truth and the shuffled one.
    json::Value counts() const;
    void addCounts(const json::Value &counts); // throws Error when they are not of these prompts

    std::vector<double> perPrompt() const;         // NaN where not scored or empty
    std::vector<double> shuffledPerPrompt() const; // NaN where not scored, empty, or without chance
    double mean() const;                           // over the scored prompts with a value; NaN if none
    double shuffledMean() const;

private:
    std::vector<bool> m_scored;
    std::vector<std::size_t> m_order; // the scored prompts
    PromptIoU m_iou, m_shuffled;
    int m_images = 0;
};

} // namespace periscope::openvocab
