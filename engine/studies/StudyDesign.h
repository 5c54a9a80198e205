// SPDX-License-Identifier: GPL-3.0-or-later
// A blinded perception study (no Qt, no torch): which stimuli (an image shown in a condition:
// its original colours or a model's colorization), which question, how many trials per rater,
// attention checks, and the seed every rater's trial order is drawn from. planTrials() is a pure
// function of the design and the rater's number, so a session can be rebuilt after a crash and an
// analysis can reproduce exactly what each rater saw.
#pragma once

#include "engine/core/json/Json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace periscope::studies {

enum class QuestionType {
    RealOrColorized, // "Is this photo's colour real?" yes / no (a colorization Turing test)
    Likert,          // "How natural are the colours?" 1 (not at all) to 5 (completely)
    TwoAlternative,  // two conditions of one image side by side: "Which looks more natural?"
};
std::string toString(QuestionType type); // "real-or-colorized", "likert", "2afc"
QuestionType parseQuestionType(const std::string &text); // throws periscope::Error

constexpr const char *kOriginalCondition = "original";

struct Stimulus {
    std::string image;     // the image's id (its file stem), shared by all its conditions
    std::string condition; // "original" or a model's name
    std::string path;      // the file shown
};

struct StudyDesign {
    std::string title;
    QuestionType question = QuestionType::RealOrColorized;
    std::vector<Stimulus> stimuli;
    int trialsPerRater = 20;
    int attentionChecks = 2;   // instructed-answer trials mixed in, per rater
    std::uint64_t seed = 1;

    std::vector<std::string> images() const;     // sorted, unique
    std::vector<std::string> conditions() const; // "original" first, then sorted
    const Stimulus *find(const std::string &image, const std::string &condition) const;

    // Throws periscope::Error with a sentence when the design cannot run (no stimuli, a 2AFC
    // study with fewer than two conditions of any image, non-positive trial counts, ...).
    void validate() const;

    json::Value toJson() const;
    static StudyDesign fromJson(const json::Value &value); // throws periscope::Error
    // SHA-256 of the canonical JSON: the frozen study's fingerprint.
    std::string fingerprint() const;
};

struct Trial {
    int index = 0;                       // 0-based position in the rater's session
    std::string image;
    std::vector<std::string> conditions; // one (left to right: two for 2AFC)
    bool attentionCheck = false;
    int expectedAnswer = -1;             // for attention checks: the answer the instructions ask for
};

// How many different trials the design can show a rater: its stimuli, or for 2AFC its condition
// pairs. A rater with more regular trials than this sees some twice (#23: the designer now says
// so before the study is made).
int distinctTrials(const StudyDesign &design);

// The rater's trials in order: `trialsPerRater` stimuli (2AFC: condition pairs) drawn without
// repetition until all were used, then again, with the attention checks at random places.
std::vector<Trial> planTrials(const StudyDesign &design, int raterNumber);

// The answers a question takes: 0/1 (colorized / real), 1-5 (Likert), 0/1 (left / right).
bool isValidAnswer(QuestionType type, int answer);

} // namespace periscope::studies
