// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Metrics shared by the workspaces, on tensors on any device. Each returns plain numbers or a
// per-pixel map, computed in float64 where sums could lose precision.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace periscope {

// --- segmentation ---
// K x K int64 counts: rows are the true class, columns the predicted one. Pixels whose target
// equals `ignoreIndex` are skipped; labels outside [0, K) are an error.
torch::Tensor confusionMatrix(const torch::Tensor &predicted, const torch::Tensor &target, std::int64_t classes,
                              std::int64_t ignoreIndex = -1);
// Per-class IoU (NaN for a class absent from both prediction and target).
torch::Tensor iouPerClass(const torch::Tensor &confusion);
// Mean over classes that occur (NaN entries skipped).
double meanIoU(const torch::Tensor &confusion);
// IoU of two binary masks (1 when both are empty).
double maskIoU(const torch::Tensor &a, const torch::Tensor &b);

// Adjusted Rand index between two labelings of the same pixels (labels are arbitrary ids).
// With ignoreBackground, pixels whose *true* label is 0 are left out: the "FG-ARI" of the
// object-centric literature (Slot Attention, and the ICLR-W 2022 paper).
double adjustedRandIndex(const torch::Tensor &predicted, const torch::Tensor &truth, bool ignoreBackground = false);

// Otsu's threshold (1979): the value that maximises the between-class variance of the values'
// histogram (`bins` equal bins over their range); pixels above it are foreground. The slot masks
// of the ICLR-W 2022 evaluation are attention maps thresholded this way.
double otsuThreshold(const torch::Tensor &values, std::int64_t bins = 256);

// Predicted masks [P, H, W] matched one to one to true masks [T, H, W] (booleans) by the
// Hungarian algorithm maximising IoU. truthOfPredicted[p] is the true mask of prediction p (-1:
// unmatched); iou[p] its IoU (0 when unmatched); meanIoU averages over the true masks (an
// unmatched true mask counts 0). bestIoUOfTruth[t]: the highest IoU any prediction reaches with
// true mask t, one to one or not (how well the best single prediction covers it).
struct MaskMatching {
    std::vector<int> truthOfPredicted;
    std::vector<double> iou;
    double meanIoU = 0.0;
    std::vector<double> bestIoUOfTruth;
};
MaskMatching matchMasksByIoU(const torch::Tensor &predicted, const torch::Tensor &truth);

// --- image quality ([C, H, W] or [N, C, H, W], values in [0, dataRange]) ---
double psnr(const torch::Tensor &a, const torch::Tensor &b, double dataRange = 1.0);
// Wang et al. 2004: 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03, per channel, the
// mean over the valid area.
double ssim(const torch::Tensor &a, const torch::Tensor &b, double dataRange = 1.0);
// CIEDE2000 colour difference (Sharma, Wu, Dalal 2005) between Lab tensors [..., 3, H, W] -> [..., H, W].
torch::Tensor ciede2000(const torch::Tensor &lab1, const torch::Tensor &lab2);

// --- ranking ---
// Average precision: sum over thresholds of (R_n - R_{n-1}) P_n, as scikit-learn computes it.
double averagePrecision(const torch::Tensor &scores, const torch::Tensor &positive);
// Area under the ROC curve, ties counted half (the Mann-Whitney statistic).
double rocAuc(const torch::Tensor &scores, const torch::Tensor &positive);
// 1-based ranks of the values (flattened), ties sharing their mean rank.
torch::Tensor averageRanks(const torch::Tensor &values);
// Spearman's rank correlation: Pearson's correlation of the average ranks (ties handled as
// scipy.stats.spearmanr does); NaN when either side is constant or has fewer than 2 values.
double spearman(const torch::Tensor &a, const torch::Tensor &b);
// Fraction of queries whose target index is among their k most similar items. similarity:
// [Q, N]; targets: [Q] indices into N.
double recallAtK(const torch::Tensor &similarity, const torch::Tensor &targets, std::int64_t k);

} // namespace periscope
