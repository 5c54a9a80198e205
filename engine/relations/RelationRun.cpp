// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationRun.h"

#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "engine/relations/RelationTraining.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <sstream>

namespace periscope::relations {

namespace {

int indexOf(const std::vector<std::string> &names, const std::string &name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : int(it - names.begin());
}

// Objects renamed into the model's classes; `kept[i]` is the new index of object i or -1.
std::vector<RelationObject> remapObjects(const std::vector<RelationObject> &objects, const RelationDataset &d, const RelationModelInfo &m,
                                         std::vector<int> &kept, int &dropped)
{
    std::vector<RelationObject> out;
    kept.assign(objects.size(), -1);
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const int category = objects[i].category >= 0 && objects[i].category < int(d.objectClasses.size())
                                 ? indexOf(m.objectClasses, d.objectClasses[std::size_t(objects[i].category)])
                                 : -1;
        if (category < 0) {
            ++dropped;
            continue;
        }
        kept[i] = int(out.size());
        out.push_back(objects[i]);
        out.back().category = category;
    }
    return out;
}

json::Array boxJson(const Box &b)
{
    return json::Array{b.x1, b.y1, b.x2, b.y2};
}

json::Value objectsJson(const std::vector<RelationObject> &objects, const RelationModelInfo &model)
{
    json::Array list;
    for (const RelationObject &o : objects) {
        json::Value v = json::Object{};
        v.set("box", json::Value(boxJson(o.box)));
        v.set("category", model.objectClasses[std::size_t(o.category)]);
        v.set("score", o.score);
        list.push_back(std::move(v));
    }
    return json::Value(std::move(list));
}

json::Value objectRecords(const std::vector<RelationObject> &objects)
{
    json::Array list;
    for (const RelationObject &o : objects)
        list.push_back(json::Array{o.box.x1, o.box.y1, o.box.x2, o.box.y2, o.category, o.score});
    return json::Value(std::move(list));
}

json::Value tripletRecords(const std::vector<RelationTriplet> &triplets, bool withScore)
{
    json::Array list;
    for (const RelationTriplet &t : triplets) {
        json::Array v{t.subject, t.predicate, t.object};
        if (withScore)
            v.push_back(t.score);
        list.push_back(json::Value(std::move(v)));
    }
    return json::Value(std::move(list));
}

const json::Value &field(const json::Value &record, const char *key)
{
    const json::Value *value = record.find(key);
    if (!value)
        throw Error(std::string("an image's relations record has no \"") + key + "\"");
    return *value;
}

int indexIn(const json::Value &value, std::size_t count, const char *what)
{
    const std::int64_t index = value.asInt64();
    if (index < 0 || std::uint64_t(index) >= count)
        throw Error(std::string("an image's relations record names ") + what + " " + std::to_string(index) + " of " + std::to_string(count));
    return int(index);
}

const json::Array &tuple(const json::Value &value, std::size_t size, const char *what)
{
    const json::Array &a = value.asArray();
    if (a.size() != size)
        throw Error(std::string("an image's relations record has ") + what + " of " + std::to_string(a.size()) + " values, not " + std::to_string(size));
    return a;
}

std::vector<RelationObject> objectsFromRecords(const json::Value &list, const RelationModelInfo &model)
{
    std::vector<RelationObject> objects;
    for (const json::Value &v : list.asArray()) {
        const json::Array &a = tuple(v, 6, "an object");
        RelationObject o;
        o.box = {a[0].asNumber(), a[1].asNumber(), a[2].asNumber(), a[3].asNumber()};
        o.category = indexIn(a[4], model.objectClasses.size(), "object class");
        o.score = a[5].asNumber();
        objects.push_back(o);
    }
    return objects;
}

std::vector<RelationTriplet> tripletsFromRecords(const json::Value &list, std::size_t objects, const RelationModelInfo &model, bool withScore)
{
    std::vector<RelationTriplet> triplets;
    for (const json::Value &v : list.asArray()) {
        const json::Array &a = tuple(v, withScore ? 4 : 3, "a triplet");
        RelationTriplet t;
        t.subject = indexIn(a[0], objects, "object");
        t.predicate = indexIn(a[1], model.predicateClasses.size(), "predicate");
        t.object = indexIn(a[2], objects, "object");
        if (withScore)
            t.score = a[3].asNumber();
        triplets.push_back(t);
    }
    return triplets;
}

} // namespace

std::string alignToModel(RelationDataset &d, const RelationModelInfo &m)
{
    int droppedObjects = 0, droppedTruth = 0;
    for (RelationImage &image : d.images) {
        std::vector<int> keptObjects, keptTruth;
        int ignored = 0;
        image.objects = remapObjects(image.objects, d, m, keptObjects, droppedObjects);
        image.truthObjects = remapObjects(image.truthObjects, d, m, keptTruth, ignored);
        std::vector<RelationTriplet> truth;
        for (RelationTriplet t : image.truth) {
            const int predicate = t.predicate >= 0 && t.predicate < int(d.predicateClasses.size())
                                      ? indexOf(m.predicateClasses, d.predicateClasses[std::size_t(t.predicate)])
                                      : -1;
            const int s = t.subject >= 0 && t.subject < int(keptTruth.size()) ? keptTruth[std::size_t(t.subject)] : -1;
            const int o = t.object >= 0 && t.object < int(keptTruth.size()) ? keptTruth[std::size_t(t.object)] : -1;
            if (predicate < 0 || s < 0 || o < 0) {
                ++droppedTruth;
                continue;
            }
            truth.push_back({s, predicate, o, t.score});
        }
        image.truth = std::move(truth);
    }
    d.objectClasses = m.objectClasses;
    d.predicateClasses = m.predicateClasses;
    std::string note;
    if (droppedObjects > 0)
        note = std::to_string(droppedObjects) + " objects of classes the model does not know left out";
    if (droppedTruth > 0)
        note += (note.empty() ? "" : "; ") + std::to_string(droppedTruth) + " true relations the model cannot name left out";
    return note;
}

ImageRelationResult analyseImage(RelationModel &model, const RelationImage &image, const ExplainerOptions &options)
{
    const auto started = std::chrono::steady_clock::now();
    ImageRelationResult r;
    r.image = image;
    try {
        const Image rgb = media::readImage(image.imagePath).pixels;
        r.image.width = rgb.width();
        r.image.height = rgb.height();
        if (image.objects.empty())
            throw Error("no objects (no boxes from the ground truth or the detections)");
        r.analysis = model.analyse(rgb, image.objects, options);
        if (!image.truth.empty())
            r.hits = matchingPredictions({image.objects, r.analysis.triplets, image.truthObjects, image.truth}, MatchMode::Relationship);
    } catch (const CancelledError &) {
        throw;
    } catch (const std::exception &e) {
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

std::vector<ImageRelationResult> analyseDataset(RelationModel &model, const RelationDataset &dataset, const ExplainerOptions &options,
                                                const JobControl &job, const std::function<void(const ImageRelationResult &)> &onImage)
{
    std::vector<ImageRelationResult> results;
    results.reserve(dataset.images.size());
    for (std::size_t i = 0; i < dataset.images.size(); ++i) {
        job.throwIfCancelled();
        job.reportProgress(double(i) / double(dataset.images.size()), dataset.images[i].name);
        results.push_back(analyseImage(model, dataset.images[i], options));
        if (onImage)
            onImage(results.back());
    }
    job.reportProgress(1.0, "done");
    return results;
}

json::Value RelationRunSummary::toJson(const std::vector<std::string> &predicateClasses) const
{
    auto table = [&](const RecallTable &t) {
        json::Value v = json::Object{};
        for (std::size_t s = 0; s < steps.size() && s < t.recall.size(); ++s)
            v.set("R@" + std::to_string(steps[s]), t.recall[s]);
        json::Value per = json::Object{};
        for (const auto &[predicate, values] : t.perPredicate) {
            json::Value p = json::Object{};
            for (std::size_t s = 0; s < steps.size() && s < values.size(); ++s)
                p.set("R@" + std::to_string(steps[s]), values[s]);
            per.set(predicateClasses[std::size_t(predicate)], std::move(p));
        }
        v.set("per_predicate", std::move(per));
        v.set("images", t.images);
        return v;
    };
    json::Value v = json::Object{};
    v.set("images", images);
    v.set("failed", failed);
    v.set("images_with_truth", withTruth);
    if (withTruth > 0) {
        json::Value recall = json::Object{};
        recall.set("predicate", table(predicate));
        recall.set("phrase", table(phrase));
        recall.set("relationship", table(relationship));
        json::Value random = json::Object{};
        for (std::size_t s = 0; s < steps.size() && s < randomRecall.size(); ++s)
            random.set("R@" + std::to_string(steps[s]), randomRecall[s]);
        recall.set("random_ranking_relationship", std::move(random));
        v.set("recall", std::move(recall));
        json::Value ap = json::Object{};
        for (std::size_t c = 0; c < predicateMap.perClass.size(); ++c)
            if (std::isfinite(predicateMap.perClass[c]))
                ap.set(predicateClasses[c], predicateMap.perClass[c]);
        v.set("predicate_map", predicateMap.mean);
        v.set("predicate_ap", std::move(ap));
    }
    return v;
}

RelationRunSummary summariseRelations(const std::vector<ImageRelationResult> &results, const RelationModelInfo &model, const std::vector<int> &steps)
{
    RelationRunSummary s;
    s.steps = steps;
    std::vector<RelationPredictions> predictions;
    std::vector<RelationImage> scored;
    std::vector<std::vector<double>> scores;
    std::vector<std::vector<int>> labels;
    for (const ImageRelationResult &r : results) {
        ++s.images;
        if (!r.error.empty()) {
            ++s.failed;
            continue;
        }
        if (r.image.truth.empty())
            continue;
        ++s.withTruth;
        predictions.push_back({r.image.objects, r.analysis.triplets, r.image.truthObjects, r.image.truth});
        scored.push_back(r.image);
        scores.push_back(r.analysis.predicateScores);
        std::vector<int> label(model.predicateClasses.size(), 0);
        for (const RelationTriplet &t : r.image.truth)
            label[std::size_t(t.predicate)] = 1;
        labels.push_back(std::move(label));
    }
    s.predicate = recallAt(predictions, MatchMode::Predicate, steps);
    s.phrase = recallAt(predictions, MatchMode::Phrase, steps);
    s.relationship = recallAt(predictions, MatchMode::Relationship, steps);
    s.randomRecall = randomRankingRecall(scored, int(model.predicateClasses.size()), steps, model.objectClasses, model.subjectClasses);
    s.predicateMap = predicateAveragePrecision(scores, labels);
    return s;
}

json::Value relationResultJson(const ImageRelationResult &r, const RelationModelInfo &model)
{
    json::Value v = json::Object{};
    v.set("image", r.image.name);
    v.set("width", r.image.width);
    v.set("height", r.image.height);
    v.set("objects", objectsJson(r.image.objects, model));
    if (!r.error.empty()) {
        v.set("error", r.error);
        return v;
    }
    json::Array predicates;
    std::vector<int> order(r.analysis.predicateScores.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return r.analysis.predicateScores[std::size_t(a)] > r.analysis.predicateScores[std::size_t(b)]; });
    for (int c : order)
        predicates.push_back(json::Object{{"predicate", model.predicateClasses[std::size_t(c)]}, {"score", r.analysis.predicateScores[std::size_t(c)]}});
    v.set("predicates", json::Value(std::move(predicates)));
    json::Array triplets;
    for (std::size_t i = 0; i < r.analysis.triplets.size(); ++i) {
        const RelationTriplet &t = r.analysis.triplets[i];
        json::Value tv = json::Object{};
        tv.set("subject", t.subject);
        tv.set("predicate", model.predicateClasses[std::size_t(t.predicate)]);
        tv.set("object", t.object);
        tv.set("score", t.score);
        if (!r.hits.empty())
            tv.set("hit", bool(r.hits[i]));
        triplets.push_back(std::move(tv));
    }
    v.set("triplets", json::Value(std::move(triplets)));
    if (!r.image.truth.empty()) {
        v.set("truth_objects", objectsJson(r.image.truthObjects, model));
        json::Array truth;
        for (const RelationTriplet &t : r.image.truth)
            truth.push_back(json::Object{{"subject", t.subject}, {"predicate", model.predicateClasses[std::size_t(t.predicate)]}, {"object", t.object}});
        v.set("truth", json::Value(std::move(truth)));
    }
    v.set("seconds", r.seconds);
    return v;
}

json::Value relationScoringRecord(const ImageRelationResult &r)
{
    json::Value v = json::Object{{"name", r.image.name}};
    if (!r.error.empty()) {
        v.set("error", r.error);
        return v;
    }
    v.set("width", r.image.width);
    v.set("height", r.image.height);
    v.set("objects", objectRecords(r.image.objects));
    v.set("truth_objects", objectRecords(r.image.truthObjects));
    v.set("truth", tripletRecords(r.image.truth, false));
    v.set("triplets", tripletRecords(r.analysis.triplets, true));
    json::Array scores;
    for (double score : r.analysis.predicateScores)
        scores.push_back(score);
    v.set("predicate_scores", json::Value(std::move(scores)));
    return v;
}

ImageRelationResult relationResultFromRecord(const json::Value &record, const RelationModelInfo &model)
{
    ImageRelationResult r;
    r.image.name = field(record, "name").asString();
    if (const json::Value *error = record.find("error")) {
        r.error = error->asString();
        if (r.error.empty())
            r.error = "failed";
        return r;
    }
    r.image.width = int(field(record, "width").asInt64());
    r.image.height = int(field(record, "height").asInt64());
    r.image.objects = objectsFromRecords(field(record, "objects"), model);
    r.image.truthObjects = objectsFromRecords(field(record, "truth_objects"), model);
    r.image.truth = tripletsFromRecords(field(record, "truth"), r.image.truthObjects.size(), model, false);
    r.analysis.triplets = tripletsFromRecords(field(record, "triplets"), r.image.objects.size(), model, true);
    for (const json::Value &score : field(record, "predicate_scores").asArray())
        r.analysis.predicateScores.push_back(score.asNumber());
    if (r.analysis.predicateScores.size() != model.predicateClasses.size())
        throw Error("an image's relations record has " + std::to_string(r.analysis.predicateScores.size()) + " predicate scores for " +
                    std::to_string(model.predicateClasses.size()) + " predicates");
    return r;
}

std::string recallCsv(const RelationRunSummary &s, const std::vector<std::string> &predicateClasses)
{
    std::ostringstream out;
    out.precision(6);
    out << "mode,predicate,K,recall\n";
    const std::pair<const char *, const RecallTable *> tables[] = {{"predicate", &s.predicate}, {"phrase", &s.phrase}, {"relationship", &s.relationship}};
    for (const auto &[mode, table] : tables) {
        for (std::size_t k = 0; k < s.steps.size() && k < table->recall.size(); ++k)
            out << mode << ",all," << s.steps[k] << ',' << table->recall[k] << '\n';
        for (const auto &[predicate, values] : table->perPredicate)
            for (std::size_t k = 0; k < s.steps.size() && k < values.size(); ++k)
                out << mode << ',' << predicateClasses[std::size_t(predicate)] << ',' << s.steps[k] << ',' << values[k] << '\n';
    }
    for (std::size_t k = 0; k < s.steps.size() && k < s.randomRecall.size(); ++k)
        out << "random_ranking_relationship,all," << s.steps[k] << ',' << s.randomRecall[k] << '\n';
    return out.str();
}

} // namespace periscope::relations
