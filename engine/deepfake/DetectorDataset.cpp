// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/DetectorDataset.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/io/PathGuard.h"
#include "engine/core/json/Json.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/ClipTraining.h"
#include "engine/deepfake/DetectorTraining.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

constexpr std::size_t kMaxMetadataBytes = 16u * 1024 * 1024;
// Crops are kept in memory as 8-bit pixels while training.
constexpr double kMaxCropBytes = 6.0 * 1024 * 1024 * 1024;

std::string insideFolder(const fs::path &folder, const std::string &relative, const std::string &what, bool folderAllowed = false)
{
    const fs::path candidate = fs::path(relative).is_absolute() ? fs::path(relative) : folder / relative;
    if (!isInsideFolder(folder, candidate))
        throw Error("metadata.json: " + what + " \"" + relative + "\" is outside the folder " + folder.string());
    std::error_code error;
    if (!fs::is_regular_file(candidate, error) && !(folderAllowed && fs::is_directory(candidate, error)))
        throw Error("metadata.json: " + what + " \"" + relative + "\" is not a file in " + folder.string());
    return fs::weakly_canonical(candidate, error).string();
}

using FaceBoxes = std::map<std::int64_t, std::optional<FaceBox>>;

// The crops of one video: every Nth frame with a face, cropped for the detector, 8-bit; and the
// face of every frame read.
struct VideoCrops {
    std::vector<torch::Tensor> crops;
    std::vector<std::int64_t> frames;
    FaceBoxes boxes;
};

// `given`: the faces to crop (a fake's original's, frame for frame), or null for the video's box
// file or, without one, detection.
VideoCrops readVideoCrops(const LabelledVideo &video, const DetectorTrainingRequest &request, const FaceBoxes *given,
                          const JobControl &control)
{
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video.path, control);
    FaceFollower faces = given ? FaceFollower(*given) : FaceFollower(video.boxes);
    VideoCrops out;
    media::VideoFrame frame;
    while (reader->readNext(frame)) {
        control.throwIfCancelled();
        if (request.maxFramesPerVideo > 0 && frame.index >= request.maxFramesPerVideo)
            break;
        // The follower sees every frame, so its tracker keeps up; crops are taken every Nth.
        const std::optional<FaceBox> face = faces.at(frame.index, frame.rgb);
        out.boxes[frame.index] = face;
        if (!face || frame.index % request.every != 0)
            continue;
        const FaceCrop crop = faceCropFor(*face, request.inputSize);
        out.crops.push_back((imageToTensor(cropFace(frame.rgb, crop)) * 255.0).round().to(torch::kUInt8));
        out.frames.push_back(frame.index);
    }
    return out;
}

void append(CropSet &set, std::vector<torch::Tensor> &crops, std::vector<float> &labels, const VideoCrops &video, std::size_t from,
            std::size_t to, std::int64_t id, bool fake)
{
    for (std::size_t i = from; i < to; ++i) {
        crops.push_back(video.crops[i]);
        labels.push_back(fake ? 1.0f : 0.0f);
        set.video.push_back(id);
        set.frame.push_back(video.frames[i]);
    }
}

void finish(CropSet &set, const std::vector<torch::Tensor> &crops, const std::vector<float> &labels)
{
    if (crops.empty())
        return;
    set.crops = torch::stack(crops);
    set.labels = torch::tensor(labels);
}

// torchvision's ImageNet weights for the features; its 1000-class classifier is left out.
// Every tensor of a checkpoint but the classifier's (torchvision's ImageNet or Kinetics weights):
// the head is the detector's own, one logit.
void loadInitialFeatures(torch::nn::Module &network, const std::string &headPrefix, const std::string &path)
{
    StateDict features;
    for (auto &[name, tensor] : loadStateDict(path))
        if (name.rfind(headPrefix, 0) != 0)
            features.emplace_back(name, tensor);
    const LoadReport report = applyStateDict(network, features, /*strict=*/false);
    if (!report.unexpected.empty() || !report.mismatched.empty() || report.missing.size() != 2)
        throw Error(path + " does not fit the detector's features: " + report.summary());
}

json::Value validationJson(const DetectorValidation &v)
{
    json::Value out = json::Object{};
    out.set("step", v.step);
    out.set("train_loss", json::finiteOrNull(v.trainLoss));
    out.set("roc_auc", json::finiteOrNull(v.rocAuc));
    out.set("log_loss", json::finiteOrNull(v.logLoss));
    out.set("spatial_smoothness", json::finiteOrNull(v.spatialSmoothness));
    out.set("temporal_smoothness", json::finiteOrNull(v.temporalSmoothness));
    return out;
}
} // namespace

std::vector<std::string> frameDetectorArchitectures()
{
    std::vector<std::string> names;
    for (char n = '0'; n <= '7'; ++n)
        names.push_back(std::string("efficientnet_b") + n);
    return names;
}

json::Value DetectorTrainingReport::toJson() const
{
    json::Value out = json::Object{};
    out.set("weights", weights);
    out.set("sidecar", sidecar);
    out.set("train_videos", trainVideos);
    out.set("validation_videos", validationVideos);
    out.set("train_crops", trainCrops);
    out.set("validation_crops", validationCrops);
    out.set("steps", steps);
    out.set("roc_auc", json::finiteOrNull(rocAuc));
    out.set("log_loss", json::finiteOrNull(logLoss));
    out.set("spatial_smoothness", json::finiteOrNull(spatialSmoothness));
    out.set("temporal_smoothness", json::finiteOrNull(temporalSmoothness));
    out.set("seconds", seconds);
    out.set("device", device);
    return out;
}

namespace {
// FaceForensics++'s layout: <kind>_sequences/<source or method>/<compression>/videos/<name>.mp4.
constexpr std::size_t kMaxVideosInFolder = 100000;

std::vector<fs::path> videosUnder(const fs::path &sequences)
{
    std::vector<fs::path> found;
    std::error_code error;
    for (const fs::directory_entry &group : fs::directory_iterator(sequences, error))
        for (const fs::directory_entry &compression : fs::directory_iterator(group.path(), error)) {
            if (compression.path().filename() == "masks") // the manipulations' masks, not videos to judge
                continue;
            for (const fs::directory_entry &video : fs::directory_iterator(compression.path() / "videos", error)) {
                if (video.path().extension() != ".mp4")
                    continue;
                if (found.size() >= kMaxVideosInFolder)
                    throw Error(sequences.string() + " holds over 100,000 videos");
                found.push_back(video.path());
            }
        }
    return found;
}

std::vector<LabelledVideo> readFaceForensicsFolder(const fs::path &folder)
{
    std::vector<LabelledVideo> videos;
    const auto checked = [&](const fs::path &path) {
        if (!isInsideFolder(folder, path))
            throw Error(path.string() + " leads outside the folder " + folder.string());
        std::error_code error;
        return fs::weakly_canonical(path, error).string();
    };
    for (const fs::path &path : videosUnder(folder / "original_sequences"))
        videos.push_back({checked(path), false, checked(path), {}, {}});
    for (const fs::path &path : videosUnder(folder / "manipulated_sequences")) {
        LabelledVideo video{checked(path), true, {}, {}, {}};
        // NNN_MMM.mp4: the target NNN's original, at the same compression.
        const std::string stem = path.stem().string();
        const fs::path original = folder / "original_sequences" / "youtube" / path.parent_path().parent_path().filename() / "videos" /
                                  (stem.substr(0, stem.find('_')) + ".mp4");
        std::error_code error;
        video.original = fs::is_regular_file(original, error) ? checked(original) : video.path;
        const fs::path masks = path.parent_path().parent_path().parent_path() / "masks" / "videos" / path.filename();
        if (fs::is_regular_file(masks, error))
            video.masks = checked(masks);
        videos.push_back(std::move(video));
    }
    if (videos.empty())
        throw Error(folder.string() + ": no videos under original_sequences/*/*/videos or manipulated_sequences/*/*/videos");
    std::sort(videos.begin(), videos.end(), [](const LabelledVideo &a, const LabelledVideo &b) { return a.path < b.path; });
    return videos;
}
} // namespace

std::vector<LabelledVideo> readLabelledFolder(const std::string &folderText)
{
    std::error_code error;
    const fs::path folder = fs::weakly_canonical(fs::absolute(folderText, error), error);
    const fs::path metadataPath = folder / "metadata.json";
    if (!fs::is_regular_file(metadataPath, error)) {
        if (fs::is_directory(folder / "original_sequences", error) || fs::is_directory(folder / "manipulated_sequences", error))
            return readFaceForensicsFolder(folder);
        throw Error(folderText + " has no metadata.json (make one with periscope-cli fakes) and is not laid out as FaceForensics++");
    }
    const std::shared_ptr<MappedFile> file = MappedFile::open(metadataPath.string());
    if (file->size() > kMaxMetadataBytes)
        throw Error(metadataPath.string() + " is over 16 MB");
    const json::Value root = json::Value::parse(std::string_view(reinterpret_cast<const char *>(file->data()), file->size()));
    if (!root.isObject())
        throw Error(metadataPath.string() + " is not a JSON object of videos");
    std::vector<LabelledVideo> videos;
    for (const auto &[name, entry] : root.asObject()) {
        const json::Value *label = entry.find("label");
        if (!label || !label->isString() || (label->asString() != "FAKE" && label->asString() != "REAL"))
            throw Error("metadata.json: \"" + name + "\" has no label FAKE or REAL");
        LabelledVideo video;
        video.path = insideFolder(folder, name, "video");
        video.fake = label->asString() == "FAKE";
        const json::Value *original = entry.find("original");
        video.original = video.fake && original && original->isString() ? insideFolder(folder, original->asString(), "original")
                                                                          : video.path;
        const json::Value *boxes = entry.find("boxes");
        if (boxes && boxes->isString())
            video.boxes = insideFolder(folder, boxes->asString(), "boxes");
        const json::Value *mask = entry.find("mask");
        if (video.fake && mask && mask->isString())
            video.masks = insideFolder(folder, mask->asString(), "mask", /*folderAllowed=*/true);
        videos.push_back(std::move(video));
    }
    std::sort(videos.begin(), videos.end(), [](const LabelledVideo &a, const LabelledVideo &b) { return a.path < b.path; });
    return videos;
}

VideoFolder readVideoFolder(const std::string &folderText)
{
    std::error_code error;
    const fs::path folder = fs::weakly_canonical(fs::absolute(folderText, error), error);
    if (!fs::is_directory(folder, error))
        throw Error(folderText + " is not a folder");
    VideoFolder out;
    if (fs::is_regular_file(folder / "metadata.json", error)) {
        out.layout = "dfdc";
    } else if (fs::is_directory(folder / "original_sequences", error) || fs::is_directory(folder / "manipulated_sequences", error)) {
        out.layout = "faceforensics";
    } else {
        out.layout = "plain";
        for (const fs::directory_entry &entry : fs::directory_iterator(folder, error)) {
            std::string suffix = entry.path().extension().string();
            std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            static const std::set<std::string> kSuffixes{".mp4", ".avi", ".mkv", ".mov", ".webm", ".m4v"};
            std::error_code entryError;
            if (!kSuffixes.count(suffix) || !entry.is_regular_file(entryError) || !isInsideFolder(folder, entry.path()))
                continue;
            if (out.videos.size() >= kMaxVideosInFolder)
                throw Error(folderText + " holds over 100,000 videos");
            const std::string path = fs::weakly_canonical(entry.path(), entryError).string();
            out.videos.push_back({path, false, path, {}, {}});
        }
        if (error)
            throw Error("cannot list " + folderText + ": " + error.message());
        if (out.videos.empty())
            throw Error(folderText + " holds no videos (mp4, avi, mkv, mov, webm, m4v), no metadata.json and no FaceForensics++ folders");
        std::sort(out.videos.begin(), out.videos.end(), [](const LabelledVideo &a, const LabelledVideo &b) { return a.path < b.path; });
        return out;
    }
    out.labelled = true;
    out.videos = readLabelledFolder(folder.string());
    return out;
}

DetectorTrainingReport trainDetectorOnFolder(const DetectorTrainingRequest &asked, const std::function<void(const std::string &)> &onLine,
                                             const JobControl &control)
{
    const std::vector<std::string> architectures = frameDetectorArchitectures();
    const bool clip = isClipArchitecture(asked.architecture);
    if (!clip && std::find(architectures.begin(), architectures.end(), asked.architecture) == architectures.end())
        throw Error("the detector must be efficientnet_b0 .. efficientnet_b7, mvit_v2_s or mvit_v2_mini, not \"" + asked.architecture + "\"");
    // A clip model's crops have the size its relative positions were made for.
    DetectorTrainingRequest request = asked;
    if (clip)
        request.inputSize = int(MViTConfig::named(request.architecture, 1).height);
    if (request.every < 1 || request.inputSize < 32 || request.epochs < 1 || request.batchSize < 2 || (!clip && request.batchSize % 2 != 0))
        throw Error("train with a crop every N >= 1 frames, of at least 32 pixels, for at least one epoch, in even batches");
    // The output's folder is made before minutes of reading, and a folder that cannot be is said now.
    std::error_code folderError;
    const fs::path outFolder = fs::absolute(request.outPath, folderError).parent_path();
    fs::create_directories(outFolder, folderError);
    if (!fs::is_directory(outFolder, folderError))
        throw Error("cannot create the folder " + outFolder.string() + " for " + request.outPath);
    // The network and its initial weights before minutes of reading videos: a bad file fails now.
    torch::manual_seed(request.seed);
    EfficientNet frameNetwork{nullptr};
    MViT clipNetwork{nullptr};
    if (clip)
        clipNetwork = MViT(MViTConfig::named(request.architecture, 1));
    else
        frameNetwork = EfficientNet(EfficientNetConfig::b(request.architecture.back() - '0', 1));
    torch::nn::Module &network = clip ? static_cast<torch::nn::Module &>(*clipNetwork) : *frameNetwork;
    if (!request.initialWeights.empty())
        loadInitialFeatures(network, clip ? "head." : "classifier.", request.initialWeights);
    const std::vector<LabelledVideo> videos = readLabelledFolder(request.data);
    const auto say = [&](const std::string &line) {
        if (onLine)
            onLine(line);
    };

    // The originals, split: validation holds out whole footage.
    std::vector<std::string> originals;
    for (const LabelledVideo &v : videos)
        originals.push_back(v.original);
    std::sort(originals.begin(), originals.end());
    originals.erase(std::unique(originals.begin(), originals.end()), originals.end());
    std::set<std::string> heldOut;
    const bool splitByFrames = originals.size() < 2;
    if (!splitByFrames) {
        const DataSplit split = seededSplit(originals.size(), std::max(request.validationFraction, 1e-9), request.seed);
        const std::size_t count = std::max<std::size_t>(1, split.heldOut);
        std::vector<std::size_t> order = split.validation;
        for (std::size_t i = 0; i < count && i < order.size(); ++i)
            heldOut.insert(originals[order[i]]);
    }

    // Every video's crops, checked against the memory limit as they come.
    const double cropBytes = 3.0 * request.inputSize * request.inputSize;
    CropSet train, validation;
    std::vector<torch::Tensor> trainCrops, validationCrops;
    std::vector<float> trainLabels, validationLabels;
    DetectorTrainingReport report;
    std::set<std::string> trainVideos, validationVideos;
    // Real videos first: their faces are found once and cropped again in each fake made from them,
    // so a fake's crops show the same face region as its original's (the blend can hide a face
    // from the detector).
    std::vector<std::size_t> order(videos.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return !videos[a].fake && videos[b].fake; });
    std::map<std::string, FaceBoxes> facesOfOriginal;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        control.reportProgress(double(k) / double(videos.size()), "reading " + videos[i].path);
        const auto known = videos[i].fake && videos[i].boxes.empty() ? facesOfOriginal.find(videos[i].original) : facesOfOriginal.end();
        VideoCrops crops = readVideoCrops(videos[i], request, known != facesOfOriginal.end() ? &known->second : nullptr, control);
        if (!videos[i].fake)
            facesOfOriginal[videos[i].path] = std::move(crops.boxes);
        const std::int64_t id = std::int64_t(i);
        if (splitByFrames) {
            const std::size_t cut = std::size_t(std::lround(double(crops.crops.size()) * (1.0 - request.validationFraction)));
            append(train, trainCrops, trainLabels, crops, 0, cut, id, videos[i].fake);
            append(validation, validationCrops, validationLabels, crops, cut, crops.crops.size(), id, videos[i].fake);
        } else if (heldOut.count(videos[i].original)) {
            append(validation, validationCrops, validationLabels, crops, 0, crops.crops.size(), id, videos[i].fake);
            validationVideos.insert(videos[i].path);
        } else {
            append(train, trainCrops, trainLabels, crops, 0, crops.crops.size(), id, videos[i].fake);
            trainVideos.insert(videos[i].path);
        }
        say(videos[i].path + ": " + std::to_string(crops.crops.size()) + " face crops (" + (videos[i].fake ? "fake" : "real") + ")");
        if (double(trainCrops.size() + validationCrops.size()) * cropBytes > kMaxCropBytes)
            throw Error("the face crops would take over 6 GB; take fewer frames (--every, --max-frames) or a smaller --size");
    }
    finish(train, trainCrops, trainLabels);
    finish(validation, validationCrops, validationLabels);
    if (train.size() == 0 || validation.size() == 0)
        throw Error(request.data + ": no faces found for " + (train.size() == 0 ? "training" : "validation") +
                    " (too few videos or frames, or faces smaller than the detector finds)");
    report.trainVideos = splitByFrames ? int(videos.size()) : int(trainVideos.size());
    report.validationVideos = splitByFrames ? int(videos.size()) : int(validationVideos.size());
    report.trainCrops = train.size();
    report.validationCrops = validation.size();

    DetectorTrainingSettings settings;
    // A step takes batchSize crops: pairs of consecutive frames, or whole clips.
    const std::int64_t clipFrames = clip ? clipNetwork->config().frames : 2;
    settings.batchPairs = std::max<std::int64_t>(1, request.batchSize / clipFrames);
    const std::int64_t runs = clip ? std::int64_t(train.consecutiveRuns(clipFrames, false).size()) : std::int64_t(train.consecutivePairs().size());
    settings.steps = std::max<std::int64_t>(1, std::int64_t(request.epochs) * std::max<std::int64_t>(1, runs / settings.batchPairs));
    settings.evalEvery = std::max<std::int64_t>(1, settings.steps / request.epochs);
    settings.learningRate = request.learningRate;
    settings.seed = request.seed;
    settings.spatialTvWeight = request.spatialTvWeight;
    settings.temporalTvWeight = request.temporalTvWeight;
    settings.checkpointStem = checkpointStemFor(request.outPath);
    settings.resume = request.resume;
    const DeviceInfo device = selectDevice(request.device);
    settings.device = torch::Device(device.torchName());
    report.device = device.name;

    json::Array history;
    const json::Value reportSoFar = report.toJson();
    const auto writeOut = [&](const DetectorValidation &v) {
        history.push_back(validationJson(v));
        json::Value sidecar = json::Object{};
        sidecar.set("model", std::string(clip ? "DeepFake clip detector (" : "DeepFake frame detector (") + request.architecture + ", one logit: fake)");
        if (clip)
            sidecar.set("clip_frames", clipFrames);
        sidecar.set("architecture", request.architecture);
        sidecar.set("input_size", request.inputSize);
        sidecar.set("data", request.data);
        for (const char *key : {"train_videos", "validation_videos", "train_crops", "validation_crops", "device"})
            sidecar.set(key, *reportSoFar.find(key));
        sidecar.set("split", splitByFrames ? "frames (one original)" : "originals");
        sidecar.set("spatial_tv_weight", request.spatialTvWeight);
        sidecar.set("temporal_tv_weight", request.temporalTvWeight);
        sidecar.set("history", json::Value(history));
        writeWeightsAndSidecar(request.outPath, network,
                               {{"architecture", request.architecture}, {"input_size", std::to_string(request.inputSize)}}, sidecar);
        char line[256];
        std::snprintf(line, sizeof line, "step %lld: train loss %.4f, validation AUC %.3f, log loss %.4f, smoothness %.4f / %.4f",
                      static_cast<long long>(v.step), v.trainLoss, v.rocAuc, v.logLoss, v.spatialSmoothness, v.temporalSmoothness);
        say(line);
    };
    if (clip)
        say(request.architecture + ": clips of " + std::to_string(clipFrames) + " crops of " + std::to_string(request.inputSize) + " px, " +
            std::to_string(settings.batchPairs) + " a step");
    const DetectorTrainingSummary summary = clip ? trainClipDetector(clipNetwork, train, validation, settings, writeOut, control)
                                                 : trainFrameDetector(frameNetwork, train, validation, settings, writeOut, control);
    const DetectorValidation &last = summary.history.empty() ? summary.initial : summary.history.back();
    report.weights = request.outPath;
    report.sidecar = fs::path(request.outPath).replace_extension(".json").string();
    report.steps = summary.steps;
    report.rocAuc = last.rocAuc;
    report.logLoss = last.logLoss;
    report.spatialSmoothness = last.spatialSmoothness;
    report.temporalSmoothness = last.temporalSmoothness;
    report.seconds = summary.seconds;
    return report;
}

} // namespace periscope::deepfake
