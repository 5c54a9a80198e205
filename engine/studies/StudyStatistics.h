// SPDX-License-Identifier: GPL-3.0-or-later
// What a study's answers say (no Qt, no torch): per condition the share judged real with its
// Wilson 95 % interval, Likert means with t intervals, two-alternative preference, a per-image
// table, response times, and inter-rater agreement (Fleiss' kappa). Raters who fail an attention
// check are left out of every figure (and counted).
#pragma once

#include "engine/core/json/Json.h"
#include "engine/core/metrics/MeanInterval.h"
#include "engine/studies/StudyDesign.h"

#include <string>
#include <vector>

namespace periscope::studies {

struct Proportion {
    int successes = 0, n = 0;
    double rate = 0.0, low = 0.0, high = 0.0; // all 0 when n = 0
};
// Wilson score interval (z = 1.96 for 95 %).
Proportion wilsonInterval(int successes, int n, double z = 1.959963984540054);

// Student t 95 % intervals (engine/core/metrics/MeanInterval.h).
using periscope::MeanInterval;
using periscope::meanInterval;

// Fleiss' kappa over items x categories counts (how many raters put item i in category j). Items
// rated fewer than twice are left out; items may have different numbers of ratings (each item's
// agreement uses its own count). NaN when fewer than one usable item or no variation at all.
double fleissKappa(const std::vector<std::vector<int>> &counts);

struct Answer {
    std::string rater;                   // anonymous id
    int trial = 0;
    std::string image;
    std::vector<std::string> conditions; // as shown (two for 2AFC: left, right)
    int answer = 0;                      // see isValidAnswer
    double responseMs = 0.0;
    bool attentionCheck = false;
    int expectedAnswer = -1;
};

struct StudyResults {
    QuestionType question = QuestionType::RealOrColorized;
    int raters = 0, includedRaters = 0, answers = 0;
    std::vector<std::string> excludedRaters; // failed an attention check
    struct Condition {
        std::string name;
        Proportion judgedReal; // real-or-colorized
        MeanInterval likert;   // likert
        Proportion preferred;  // 2afc: chosen over the other side, of its appearances
    };
    std::vector<Condition> conditions;
    struct ImageRow {
        std::string image, condition;
        int n = 0;
        double value = 0.0; // share judged real, mean Likert, or share preferred
    };
    std::vector<ImageRow> perImage;
    std::vector<double> responseTimesMs;
    double kappa = 0.0; // Fleiss' kappa (NaN when not computable)
    int kappaItems = 0;

    json::Value toJson() const;
};

StudyResults analyseStudy(const StudyDesign &design, const std::vector<Answer> &answers);

} // namespace periscope::studies
