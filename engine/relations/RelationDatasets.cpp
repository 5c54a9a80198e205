// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationDatasets.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"
#include "engine/core/json/Json.h"
#include "engine/scenes/SceneFolder.h"
#include "engine/scenes/SceneRelations.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace periscope::relations {

namespace {

constexpr std::size_t kMaxObjectsPerImage = 1000;

json::Value readJsonFile(const fs::path &path)
{
    return json::readJsonFile(path.string());
}

const json::Value *field(const json::Value &v, const char *key)
{
    return v.isObject() ? v.find(key) : nullptr;
}

bool finiteNumber(const json::Value *v)
{
    return v && v->isNumber() && std::isfinite(v->asNumber()) && std::abs(v->asNumber()) < 1e9;
}

// An integer field, or -1.
long long integerField(const json::Value &v, const char *key)
{
    const json::Value *f = field(v, key);
    if (!finiteNumber(f) || f->asNumber() != std::floor(f->asNumber()))
        return -1;
    return (long long)f->asNumber();
}

// Four finite numbers, or nothing.
bool readFour(const json::Value *v, double out[4])
{
    if (!v || !v->isArray() || v->asArray().size() != 4)
        return false;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!finiteNumber(&v->asArray()[i]))
            return false;
        out[i] = v->asArray()[i].asNumber();
    }
    return true;
}

std::vector<std::string> stringList(const fs::path &path)
{
    const json::Value v = readJsonFile(path);
    if (!v.isArray())
        throw Error(path.string() + ": expected a list of names");
    std::vector<std::string> out;
    for (const json::Value &s : v.asArray()) {
        if (!s.isString())
            throw Error(path.string() + ": expected a list of names");
        out.push_back(s.asString());
    }
    return out;
}

// The first of `candidates` (relative to `root`) that is a file inside it.
fs::path firstFileInside(const fs::path &root, const std::vector<fs::path> &candidates)
{
    for (const fs::path &c : candidates) {
        const fs::path p = root / c;
        std::error_code error;
        if (fs::is_regular_file(p, error) && isInsideFolder(root, p))
            return fs::absolute(p);
    }
    return {};
}

// A file name from an annotation: a bare name, never a path (it is data from the file).
bool isBareName(const std::string &name)
{
    return !name.empty() && name.size() < 512 && name.find('/') == std::string::npos && name.find('\\') == std::string::npos && name != "." &&
           name != "..";
}

const std::vector<std::pair<int, std::string>> &cocoCategories()
{
    static const std::vector<std::pair<int, std::string>> list = {
        {1, "person"}, {2, "bicycle"}, {3, "car"}, {4, "motorcycle"}, {5, "airplane"}, {6, "bus"}, {7, "train"}, {8, "truck"},
        {9, "boat"}, {10, "traffic light"}, {11, "fire hydrant"}, {13, "stop sign"}, {14, "parking meter"}, {15, "bench"},
        {16, "bird"}, {17, "cat"}, {18, "dog"}, {19, "horse"}, {20, "sheep"}, {21, "cow"}, {22, "elephant"}, {23, "bear"},
        {24, "zebra"}, {25, "giraffe"}, {27, "backpack"}, {28, "umbrella"}, {31, "handbag"}, {32, "tie"}, {33, "suitcase"},
        {34, "frisbee"}, {35, "skis"}, {36, "snowboard"}, {37, "sports ball"}, {38, "kite"}, {39, "baseball bat"},
        {40, "baseball glove"}, {41, "skateboard"}, {42, "surfboard"}, {43, "tennis racket"}, {44, "bottle"}, {46, "wine glass"},
        {47, "cup"}, {48, "fork"}, {49, "knife"}, {50, "spoon"}, {51, "bowl"}, {52, "banana"}, {53, "apple"}, {54, "sandwich"},
        {55, "orange"}, {56, "broccoli"}, {57, "carrot"}, {58, "hot dog"}, {59, "pizza"}, {60, "donut"}, {61, "cake"}, {62, "chair"},
        {63, "couch"}, {64, "potted plant"}, {65, "bed"}, {67, "dining table"}, {70, "toilet"}, {72, "tv"}, {73, "laptop"},
        {74, "mouse"}, {75, "remote"}, {76, "keyboard"}, {77, "cell phone"}, {78, "microwave"}, {79, "oven"}, {80, "toaster"},
        {81, "sink"}, {82, "refrigerator"}, {84, "book"}, {85, "clock"}, {86, "vase"}, {87, "scissors"}, {88, "teddy bear"},
        {89, "hair drier"}, {90, "toothbrush"}};
    return list;
}

// HICO's 117 interactions, by verb id 1-117 (alphabetical, as HICO lists them).
const std::vector<std::string> &hicoVerbs()
{
    static const std::vector<std::string> list = {
        "adjust", "assemble", "block", "blow", "board", "break", "brush_with", "buy", "carry", "catch", "chase", "check", "clean",
        "control", "cook", "cut", "cut_with", "direct", "drag", "dribble", "drink_with", "drive", "dry", "eat", "eat_at", "exit",
        "feed", "fill", "flip", "flush", "fly", "greet", "grind", "groom", "herd", "hit", "hold", "hop_on", "hose", "hug", "hunt",
        "inspect", "install", "jump", "kick", "kiss", "lasso", "launch", "lick", "lie_on", "lift", "light", "load", "lose", "make",
        "milk", "move", "no_interaction", "open", "operate", "pack", "paint", "park", "pay", "peel", "pet", "pick", "pick_up",
        "point", "pour", "pull", "push", "race", "read", "release", "repair", "ride", "row", "run", "sail", "scratch", "serve",
        "set", "shear", "sign", "sip", "sit_at", "sit_on", "slide", "smell", "spin", "squeeze", "stab", "stand_on", "stand_under",
        "stick", "stir", "stop_at", "straddle", "swing", "tag", "talk_on", "teach", "text_on", "throw", "tie", "toast", "train",
        "turn", "type_on", "walk", "wash", "watch", "wave", "wear", "wield", "zip"};
    return list;
}

std::string withSkipped(std::string note, int count, const std::string &what)
{
    if (count == 0)
        return note;
    return note + (note.empty() ? "" : "; ") + std::to_string(count) + " " + what;
}

RelationDataset readScenes(const fs::path &root, const JobControl &job)
{
    const scenes::SceneFolder folder = scenes::readSceneFolder(root.string(), {}, job);
    RelationDataset d;
    d.root = root.string();
    d.kind = "scenes";
    d.objectClasses = scenes::sceneObjectCategories();
    d.predicateClasses = scenes::scenePredicates();
    int withoutBoxes = 0;
    for (const scenes::SceneEntry &entry : folder.scenes) {
        RelationImage image;
        image.name = fs::path(entry.imagePath).filename().string();
        image.imagePath = entry.imagePath;
        image.width = entry.width;
        image.height = entry.height;
        bool boxes = true;
        for (const scenes::SceneObjectAttributes &o : entry.objects) {
            const auto category = std::find(d.objectClasses.begin(), d.objectClasses.end(), o.shape);
            RelationObject r;
            r.box = {double(o.box[0]), double(o.box[1]), double(o.box[0] + o.box[2]), double(o.box[1] + o.box[3])};
            r.category = category == d.objectClasses.end() ? 0 : int(category - d.objectClasses.begin());
            boxes = boxes && r.box.isValid() && category != d.objectClasses.end();
            image.objects.push_back(r);
        }
        if (!boxes) {
            ++withoutBoxes;
            continue;
        }
        for (const scenes::SceneTriplet &t : entry.triplets)
            image.truth.push_back({t.subject, t.predicate, t.object, 1.0});
        image.truthObjects = image.objects;
        d.images.push_back(std::move(image));
    }
    d.note = withSkipped(folder.note, withoutBoxes, "scenes without a box for every object (CLEVR's own JSON has none) left out");
    return d;
}

// What an annotation reader skipped, and its progress through the entries.
struct ReadTally {
    int missing = 0, malformed = 0, outside = 0;
    std::size_t read = 0;

    // Every 256 entries: cancellation, and the share read so far.
    void next(const JobControl &job, std::size_t total, const fs::path &file)
    {
        if (++read % 256 != 0)
            return;
        job.throwIfCancelled();
        job.reportProgress(double(read) / double(total), "reading " + file.filename().string());
    }
    std::string note(const std::string &malformedWhat, const std::string &outsideWhat) const
    {
        std::string text = withSkipped({}, missing, "images named in the annotations are not in the folder");
        text = withSkipped(text, malformed, malformedWhat);
        return withSkipped(text, outside, outsideWhat);
    }
};

fs::path vrdAnnotations(const fs::path &root, const std::string &split)
{
    return firstFileInside(root, {fs::path("json_dataset") / ("annotations_" + split + ".json"), "annotations_" + split + ".json"});
}

RelationDataset readVrd(const fs::path &root, std::string split, const JobControl &job)
{
    if (split.empty())
        split = "test";
    const fs::path annotations = vrdAnnotations(root, split);
    if (annotations.empty())
        throw Error(root.string() + ": no VRD annotations_" + split + ".json (in json_dataset/ or the folder itself)");
    const fs::path base = annotations.parent_path();
    RelationDataset d;
    d.root = root.string();
    d.kind = "vrd";
    d.split = split;
    d.objectClasses = stringList(base / "objects.json");
    d.predicateClasses = stringList(base / "predicates.json");
    const json::Value all = readJsonFile(annotations);
    if (!all.isObject())
        throw Error(annotations.string() + ": expected an object mapping image files to relationships");
    ReadTally tally;
    for (const auto &[file, relations] : all.asObject()) {
        tally.next(job, all.asObject().size(), annotations);
        if (!isBareName(file)) {
            ++tally.outside;
            continue;
        }
        const fs::path image = firstFileInside(root, {fs::path("sg_dataset") / ("sg_" + split + "_images") / file, fs::path("images") / file,
                                                      fs::path(split) / file, fs::path(file)});
        if (image.empty()) {
            ++tally.missing;
            continue;
        }
        RelationImage r;
        r.name = file;
        r.imagePath = image.string();
        // Objects are the distinct (category, box) pairs the relationships name.
        auto objectIndex = [&](const json::Value &side) -> int {
            double b[4];
            const long long category = integerField(side, "category");
            if (!readFour(field(side, "bbox"), b) || category < 0 || category >= (long long)d.objectClasses.size())
                return -1;
            const Box box{b[2], b[0], b[3], b[1]}; // [ymin, ymax, xmin, xmax]
            if (!box.isValid())
                return -1;
            for (std::size_t i = 0; i < r.objects.size(); ++i)
                if (r.objects[i].category == int(category) && r.objects[i].box.x1 == box.x1 && r.objects[i].box.y1 == box.y1 &&
                    r.objects[i].box.x2 == box.x2 && r.objects[i].box.y2 == box.y2)
                    return int(i);
            if (r.objects.size() >= kMaxObjectsPerImage)
                return -1;
            r.objects.push_back({box, int(category), 1.0});
            return int(r.objects.size() - 1);
        };
        bool bad = !relations.isArray();
        if (!bad)
            for (const json::Value &rel : relations.asArray()) {
                const long long predicate = integerField(rel, "predicate");
                const json::Value *subject = field(rel, "subject"), *object = field(rel, "object");
                const int s = subject ? objectIndex(*subject) : -1, o = object ? objectIndex(*object) : -1;
                if (predicate < 0 || predicate >= (long long)d.predicateClasses.size() || s < 0 || o < 0) {
                    bad = true;
                    continue;
                }
                r.truth.push_back({s, int(predicate), o, 1.0});
            }
        tally.malformed += bad;
        r.truthObjects = r.objects;
        d.images.push_back(std::move(r));
    }
    d.note = tally.note("images have a relationship that could not be read (left out of them)",
                        "annotations name a path instead of a file (refused)");
    return d;
}

fs::path hicoAnnotations(const fs::path &root, const std::string &split)
{
    const std::string file = split == "train" ? "trainval_hico.json" : "test_hico.json";
    return firstFileInside(root, {fs::path("annotations") / file, fs::path(file)});
}

RelationDataset readHico(const fs::path &root, std::string split, const JobControl &job)
{
    if (split.empty())
        split = "test";
    const fs::path annotations = hicoAnnotations(root, split);
    if (annotations.empty())
        throw Error(root.string() + ": no HICO-DET " + (split == "train" ? "trainval_hico.json" : "test_hico.json") +
                    " (in annotations/ or the folder itself)");
    RelationDataset d;
    d.root = root.string();
    d.kind = "hico-det";
    d.split = split;
    std::map<int, int> cocoIndex;
    for (const auto &[id, name] : cocoCategories()) {
        cocoIndex[id] = int(d.objectClasses.size());
        d.objectClasses.push_back(name);
    }
    d.predicateClasses = hicoVerbs();
    d.subjectClasses = {"person"};
    const json::Value all = readJsonFile(annotations);
    if (!all.isArray())
        throw Error(annotations.string() + ": expected a list of images");
    const std::string imageFolder = split == "train" ? "train2015" : "test2015";
    ReadTally tally;
    for (const json::Value &entry : all.asArray()) {
        tally.next(job, all.asArray().size(), annotations);
        const json::Value *name = field(entry, "file_name");
        if (!name || !name->isString() || !isBareName(name->asString())) {
            ++tally.outside;
            continue;
        }
        const std::string file = name->asString();
        const fs::path image =
            firstFileInside(root, {fs::path("images") / imageFolder / file, fs::path(imageFolder) / file, fs::path("images") / file, fs::path(file)});
        if (image.empty()) {
            ++tally.missing;
            continue;
        }
        RelationImage r;
        r.name = file;
        r.imagePath = image.string();
        r.width = int(std::max(0ll, integerField(entry, "width")));
        r.height = int(std::max(0ll, integerField(entry, "height")));
        bool bad = false;
        std::vector<int> remap; // annotation index -> object index (-1 for a box that could not be read)
        if (const json::Value *objects = field(entry, "annotations"); objects && objects->isArray())
            for (const json::Value &o : objects->asArray()) {
                double b[4];
                const auto category = cocoIndex.find(int(integerField(o, "category_id")));
                const Box box = readFour(field(o, "bbox"), b) ? Box{b[0], b[1], b[2], b[3]} : Box{};
                if (category == cocoIndex.end() || !box.isValid() || r.objects.size() >= kMaxObjectsPerImage) {
                    bad = true;
                    remap.push_back(-1);
                    continue;
                }
                remap.push_back(int(r.objects.size()));
                r.objects.push_back({box, category->second, 1.0});
            }
        if (const json::Value *hois = field(entry, "hoi_annotation"); hois && hois->isArray())
            for (const json::Value &h : hois->asArray()) {
                const long long s = integerField(h, "subject_id"), o = integerField(h, "object_id"), verb = integerField(h, "category_id");
                if (s < 0 || o < 0 || s >= (long long)remap.size() || o >= (long long)remap.size() || remap[std::size_t(s)] < 0 ||
                    remap[std::size_t(o)] < 0 || verb < 1 || verb > (long long)d.predicateClasses.size()) {
                    bad = true;
                    continue;
                }
                r.truth.push_back({remap[std::size_t(s)], int(verb - 1), remap[std::size_t(o)], 1.0});
            }
        tally.malformed += bad;
        r.truthObjects = r.objects;
        d.images.push_back(std::move(r));
    }
    d.note = tally.note("images have a box or interaction that could not be read (left out of them)",
                        "entries name a path instead of a file (refused)");
    return d;
}

} // namespace

std::vector<int> RelationDataset::predicateLabel(std::size_t i) const
{
    std::vector<int> label(predicateClasses.size(), 0);
    for (const RelationTriplet &t : images.at(i).truth)
        if (t.predicate >= 0 && t.predicate < int(label.size()))
            label[std::size_t(t.predicate)] = 1;
    return label;
}

std::string recogniseRelationFolder(const std::string &folder)
{
    const fs::path root(folder);
    std::error_code error;
    if (!fs::is_directory(root, error))
        return {};
    for (const char *split : {"test", "train"})
        if (!vrdAnnotations(root, split).empty())
            return "vrd";
    for (const char *split : {"test", "train"})
        if (!hicoAnnotations(root, split).empty())
            return "hico-det";
    if (fs::is_regular_file(root / "scenes.json", error) || fs::is_directory(root / "scenes", error))
        return "scenes";
    return {};
}

RelationDataset readRelationDataset(const std::string &folder, const std::string &split, const JobControl &job)
{
    const fs::path root = fs::absolute(fs::path(folder));
    const std::string kind = recogniseRelationFolder(root.string());
    RelationDataset d;
    if (kind == "vrd")
        d = readVrd(root, split, job);
    else if (kind == "hico-det")
        d = readHico(root, split, job);
    else if (kind == "scenes")
        d = readScenes(root, job);
    else
        throw Error(folder + ": not a relations dataset (expected generated scenes, VRD's json_dataset/ or HICO-DET's annotations/)");
    if (d.images.empty())
        throw Error(folder + ": no image of the " + kind + " dataset could be used" + (d.note.empty() ? "" : " (" + d.note + ")"));
    return d;
}

DetectionReport readDetections(const std::string &file, RelationDataset &dataset, double minScore, int maxPerImage)
{
    const json::Value all = readJsonFile(fs::path(file));
    if (!all.isArray())
        throw Error(file + ": expected COCO's results format, a list of {image_id, category_id, bbox, score}");
    // How image ids name images: file name, stem, or the number a stem spells.
    std::map<std::string, std::size_t> byName;
    std::map<long long, std::size_t> byNumber;
    for (std::size_t i = 0; i < dataset.images.size(); ++i) {
        const fs::path name(dataset.images[i].name);
        byName[name.string()] = i;
        byName[name.stem().string()] = i;
        const std::string stem = name.stem().string();
        const std::size_t digits = stem.find_last_not_of("0123456789");
        const std::string tail = digits == std::string::npos ? stem : stem.substr(digits + 1);
        if (!tail.empty() && tail.size() < 18)
            byNumber.emplace(std::stoll(tail), i);
    }
    std::map<int, int> cocoIndex;
    if (dataset.kind == "hico-det")
        for (std::size_t k = 0; k < cocoCategories().size(); ++k)
            cocoIndex[cocoCategories()[k].first] = int(k);
    DetectionReport report;
    std::map<std::size_t, std::vector<RelationObject>> found;
    std::set<std::string> unknownImageIds;
    for (const json::Value &d : all.asArray()) {
        ++report.detections;
        const json::Value *id = field(d, "image_id"), *category = field(d, "category_id"), *score = field(d, "score");
        double b[4];
        if (!id || !category || !readFour(field(d, "bbox"), b))
            throw Error(file + ": detection " + std::to_string(report.detections) + " lacks image_id, category_id or a bbox of 4 numbers");
        std::size_t image = dataset.images.size();
        if (id->isString()) {
            const auto it = byName.find(id->asString());
            image = it == byName.end() ? image : it->second;
        } else if (finiteNumber(id)) {
            const auto it = byNumber.find((long long)id->asNumber());
            image = it == byNumber.end() ? image : it->second;
        }
        if (image == dataset.images.size()) {
            ++report.unknownImages;
            continue;
        }
        int cls = -1;
        if (category->isString()) {
            const auto it = std::find(dataset.objectClasses.begin(), dataset.objectClasses.end(), category->asString());
            cls = it == dataset.objectClasses.end() ? -1 : int(it - dataset.objectClasses.begin());
        } else if (finiteNumber(category)) {
            const int c = int(category->asNumber());
            if (dataset.kind == "hico-det")
                cls = cocoIndex.count(c) ? cocoIndex[c] : -1;
            else
                cls = c >= 0 && c < int(dataset.objectClasses.size()) ? c : -1;
        }
        if (cls < 0) {
            ++report.unknownCategories;
            continue;
        }
        const double confidence = finiteNumber(score) ? score->asNumber() : 1.0;
        if (confidence < minScore) {
            ++report.belowThreshold;
            continue;
        }
        const Box box{b[0], b[1], b[0] + b[2], b[1] + b[3]};
        if (!box.isValid())
            throw Error(file + ": detection " + std::to_string(report.detections) + " has a box without area");
        found[image].push_back({box, cls, confidence});
    }
    for (RelationImage &image : dataset.images)
        image.objects.clear();
    for (auto &[image, objects] : found) {
        std::stable_sort(objects.begin(), objects.end(), [](const RelationObject &a, const RelationObject &b) { return a.score > b.score; });
        if (int(objects.size()) > maxPerImage)
            objects.resize(std::size_t(std::max(0, maxPerImage)));
        dataset.images[image].objects = std::move(objects);
        ++report.matchedImages;
    }
    return report;
}

} // namespace periscope::relations
