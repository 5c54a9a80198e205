// SPDX-License-Identifier: GPL-3.0-or-later
// The linear VQA probe of the ICLR-W 2022 paper: 96 yes/no questions "is there a <size> <colour>
// <material> <shape>?" (2 x 8 x 2 x 3 CLEVR attributes), answered from frozen slots by one linear
// layer applied to every slot and the maximum over slots (an object is there when some slot says
// so). Trained with binary cross-entropy on part of the scenes, scored on the rest by average
// precision and ROC AUC per question, averaged over the questions that have both answers there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace periscope::slot {

struct ObjectAttributes {
    std::string size, color, material, shape;
};

// The 96 questions in a fixed order, each as "large red metal sphere".
const std::vector<std::string> &probeQuestions();
// 1 where the scene holds an object with all four attributes.
std::vector<std::uint8_t> probeAnswers(const std::vector<ObjectAttributes> &objects);

struct ProbeSample {
    std::vector<float> slotFeatures; // slotCount x dim, row-major
    std::vector<ObjectAttributes> objects;
};

struct ProbeSettings {
    int epochs = 200;
    double learningRate = 1e-2;
    double testFraction = 0.25;
    std::uint64_t seed = 0;
};

struct ProbeResult {
    int trainScenes = 0, testScenes = 0, questionsScored = 0;
    double meanAveragePrecision = 0.0;
    double meanRocAuc = 0.0;
    double chanceAveragePrecision = 0.0; // the mean positive rate of the scored questions
    std::vector<double> averagePrecision; // per question; NaN where the test scenes have one answer only
    std::vector<double> rocAuc;
};

// Throws periscope::Error with fewer than 4 samples or inconsistent slot sizes.
ProbeResult trainVqaProbe(const std::vector<ProbeSample> &samples, int slotCount, int dim, const ProbeSettings &settings = {});

} // namespace periscope::slot
