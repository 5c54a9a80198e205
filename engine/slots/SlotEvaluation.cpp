// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotEvaluation.h"

#include <algorithm>

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/metrics/MetricsOps.h"

#include <cmath>
#include <limits>

namespace periscope::slot {

SlotMasks slotMasks(const SlotResult &result, int size, bool lastIteration)
{
    if (result.slotCount < 1 || result.grid < 1 || size < 1)
        throw Error("slot masks: empty result");
    const std::vector<float> &values = lastIteration ? result.attentionLast : result.attentionFirst;
    auto attention = torch::from_blob(const_cast<float *>(values.data()), {1, result.slotCount, result.grid, result.grid}, torch::kFloat);
    namespace F = torch::nn::functional;
    const auto soft = F::interpolate(attention, F::InterpolateFuncOptions()
                                                    .size(std::vector<std::int64_t>{size, size})
                                                    .mode(torch::kBilinear)
                                                    .align_corners(false))
                          .squeeze(0)
                          .contiguous(); // [S, size, size]
    SlotMasks masks;
    masks.size = size;
    masks.labels = imageFromTensor((soft.argmax(0) + 1).to(torch::kUInt8));
    const double total = attention.sum().item<double>();
    for (int s = 0; s < result.slotCount; ++s) {
        const auto map = soft[s];
        const double threshold = otsuThreshold(map);
        masks.binary.push_back(imageFromTensor((map > threshold).to(torch::kUInt8) * 255));
        masks.soft.push_back(imageFromTensor(map.clone()));
        masks.mass.push_back(total > 0 ? attention[0][s].sum().item<double>() / total : 0.0);
    }
    return masks;
}

SlotScore scoreSlots(const SlotMasks &masks, const Image &truth)
{
    if (truth.isNull() || truth.width() != masks.size || truth.height() != masks.size || truth.channels() != 1)
        throw Error("slot scores: the true mask must be one channel, " + std::to_string(masks.size) + " x " + std::to_string(masks.size));
    const auto truthLabels = imageAsTensorHWC(truth).squeeze(2).to(torch::kLong);
    SlotScore score;
    score.objectOfSlot.assign(masks.binary.size(), 0);
    score.iouOfSlot.assign(masks.binary.size(), 0.0);
    std::vector<std::int64_t> ids;
    {
        const auto unique = std::get<0>(torch::_unique(truthLabels.flatten(), /*sorted=*/true));
        for (std::int64_t i = 0; i < unique.size(0); ++i)
            if (unique[i].item<std::int64_t>() != 0)
                ids.push_back(unique[i].item<std::int64_t>());
    }
    score.objects = int(ids.size());
    if (ids.empty()) {
        score.foregroundAri = std::numeric_limits<double>::quiet_NaN();
        return score;
    }
    std::vector<torch::Tensor> truthMasks, predicted;
    for (std::int64_t id : ids)
        truthMasks.push_back(truthLabels == id);
    for (const Image &binary : masks.binary)
        predicted.push_back(imageAsTensorHWC(binary).squeeze(2) > 0);
    const MaskMatching matching = matchMasksByIoU(torch::stack(predicted), torch::stack(truthMasks));
    score.meanIoU = matching.meanIoU;
    for (std::size_t s = 0; s < predicted.size(); ++s) {
        const int t = matching.truthOfPredicted[s];
        score.objectOfSlot[s] = t >= 0 ? int(ids[std::size_t(t)]) : 0;
        score.iouOfSlot[s] = t >= 0 ? matching.iou[s] : 0.0;
    }
    const auto labels = imageAsTensorHWC(masks.labels).squeeze(2).to(torch::kLong);
    const auto partition = labels.unsqueeze(0) == torch::arange(1, std::int64_t(masks.binary.size()) + 1, torch::kLong).view({-1, 1, 1});
    const MaskMatching partitionMatching = matchMasksByIoU(partition, torch::stack(truthMasks));
    score.partitionIoU = partitionMatching.meanIoU;
    for (double best : partitionMatching.bestIoUOfTruth)
        score.bestSlotIoU += best / double(ids.size());
    const std::int64_t foreground = (truthLabels != 0).sum().item<std::int64_t>();
    score.foregroundAri = foreground >= 2 ? adjustedRandIndex(labels, truthLabels, /*ignoreBackground=*/true)
                                          : std::numeric_limits<double>::quiet_NaN();
    return score;
}

SlotScoreSummary summarize(const std::vector<SlotScore> &scores)
{
    SlotScoreSummary summary;
    int ariCount = 0;
    for (const SlotScore &s : scores) {
        if (s.objects == 0)
            continue;
        ++summary.images;
        summary.meanIoU += s.meanIoU;
        summary.partitionIoU += s.partitionIoU;
        summary.bestSlotIoU += s.bestSlotIoU;
        if (!std::isnan(s.foregroundAri)) {
            summary.foregroundAri += s.foregroundAri;
            ++ariCount;
        }
    }
    if (summary.images > 0) {
        summary.meanIoU /= summary.images;
        summary.partitionIoU /= summary.images;
        summary.bestSlotIoU /= summary.images;
    }
    summary.foregroundAri = ariCount > 0 ? summary.foregroundAri / ariCount : std::numeric_limits<double>::quiet_NaN();
    return summary;
}

std::vector<int> labelAreas(const SlotMasks &masks)
{
    const int slotCount = int(masks.soft.size());
    std::vector<int> areas(std::size_t(slotCount), 0);
    for (int y = 0; y < masks.labels.height(); ++y) {
        const std::uint8_t *row = masks.labels.row(y);
        for (int x = 0; x < masks.labels.width(); ++x)
            if (row[x] > 0 && row[x] <= slotCount)
                ++areas[std::size_t(row[x] - 1)];
    }
    return areas;
}

int backgroundSlot(const SlotMasks &masks, const std::vector<int> &objectOfSlot)
{
    if (masks.labels.isNull())
        return -1;
    const std::vector<int> areas = labelAreas(masks);
    if (areas.empty())
        return -1;
    const auto largest = std::max_element(areas.begin(), areas.end());
    const int slot = int(largest - areas.begin());
    if (*largest < 0.4 * double(masks.labels.width()) * double(masks.labels.height()))
        return -1;
    if (slot < int(objectOfSlot.size()) && objectOfSlot[std::size_t(slot)] > 0)
        return -1;
    return slot;
}

} // namespace periscope::slot
