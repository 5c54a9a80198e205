// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/image/SeamlessClone.h"

#include "engine/core/errors/Error.h"

#include <opencv2/core.hpp>
#include <opencv2/photo.hpp>

namespace periscope::media {

namespace {
cv::Mat viewOf(const Image &image)
{
    return cv::Mat(image.height(), image.width(), CV_MAKETYPE(CV_8U, image.channels()), const_cast<std::uint8_t *>(image.bits()),
                   std::size_t(image.rowBytes()));
}
} // namespace

Image seamlessClone(const Image &patch, const Image &mask, const Image &target, int left, int top)
{
    const auto rgb8 = [](const Image &i) { return !i.isNull() && i.channels() == 3 && i.format() == PixelFormat::UInt8; };
    if (!rgb8(patch) || !rgb8(target))
        throw Error("seamless cloning takes 8-bit RGB images");
    if (mask.isNull() || mask.channels() != 1 || mask.format() != PixelFormat::UInt8 || mask.width() != patch.width() ||
        mask.height() != patch.height())
        throw Error("the cloning mask must be 8-bit, one channel, the patch's size");
    if (left < 0 || top < 0 || left + patch.width() > target.width() || top + patch.height() > target.height())
        throw Error("the patch must lie inside the image it is cloned into");
    const cv::Mat maskView = viewOf(mask);
    // OpenCV centres the mask's bounding box at the point given; OpenCV also clears the mask's
    // outermost pixels, so a mask touching the patch's border loses that ring.
    const cv::Rect box = cv::boundingRect(maskView);
    Image out = target.copy();
    if (box.area() == 0)
        return out;
    const cv::Point centre(left + box.x + box.width / 2, top + box.y + box.height / 2);
    cv::Mat targetFull(target.height(), target.width(), CV_8UC3);
    viewOf(target).copyTo(targetFull);
    cv::Mat cloned;
    try {
        cv::seamlessClone(viewOf(patch), targetFull, maskView, centre, cloned, cv::NORMAL_CLONE);
    } catch (const cv::Exception &e) {
        throw Error(std::string("seamless cloning failed: ") + e.err);
    }
    // Only the mask's pixels change: the solver's values elsewhere in its rectangle differ from the
    // target's by rounding.
    cv::Mat outView = viewOf(out);
    cloned(cv::Rect(left, top, patch.width(), patch.height())).copyTo(outView(cv::Rect(left, top, patch.width(), patch.height())), maskView);
    return out;
}

} // namespace periscope::media
