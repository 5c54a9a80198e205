// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationPrior.h"

#include "engine/core/errors/Error.h"

namespace periscope::relations {

PriorKind parsePriorKind(const std::string &name)
{
    if (name == "s,o|p")
        return PriorKind::SubjectObjectGivenPredicate;
    if (name == "s,p,o")
        return PriorKind::Joint;
    throw Error("unknown triplet prior \"" + name + "\" (expected s,o|p or s,p,o)");
}

std::string priorKindName(PriorKind kind)
{
    return kind == PriorKind::Joint ? "s,p,o" : "s,o|p";
}

double TripletPrior::at(int subject, int predicate, int object) const
{
    if (subject < 0 || subject >= objectClasses || object < 0 || object >= objectClasses || predicate < 0 || predicate >= predicateClasses)
        return 0.0;
    return probability[(std::size_t(subject) * std::size_t(predicateClasses) + std::size_t(predicate)) * std::size_t(objectClasses) +
                       std::size_t(object)];
}

TripletPrior countTripletPrior(const RelationDataset &data, PriorKind kind)
{
    constexpr double kMaxEntries = 5e7; // VRD: 100 x 70 x 100 = 7e5
    TripletPrior prior;
    prior.kind = kind;
    prior.objectClasses = int(data.objectClasses.size());
    prior.predicateClasses = int(data.predicateClasses.size());
    if (double(prior.objectClasses) * prior.objectClasses * prior.predicateClasses > kMaxEntries)
        throw Error("relations: a triplet prior over " + std::to_string(prior.objectClasses) + " object and " +
                    std::to_string(prior.predicateClasses) + " predicate classes is too large");
    prior.probability.assign(std::size_t(prior.objectClasses) * std::size_t(prior.predicateClasses) * std::size_t(prior.objectClasses), 0.0);
    std::vector<double> perPredicate(std::size_t(prior.predicateClasses), 0.0);
    for (const RelationImage &image : data.images)
        for (const RelationTriplet &t : image.truth) {
            const auto category = [&](int index) {
                return index >= 0 && std::size_t(index) < image.truthObjects.size() ? image.truthObjects[std::size_t(index)].category : -1;
            };
            const int s = category(t.subject), o = category(t.object);
            if (s < 0 || s >= prior.objectClasses || o < 0 || o >= prior.objectClasses || t.predicate < 0 || t.predicate >= prior.predicateClasses)
                continue;
            prior.probability[(std::size_t(s) * std::size_t(prior.predicateClasses) + std::size_t(t.predicate)) * std::size_t(prior.objectClasses) +
                              std::size_t(o)] += 1.0;
            perPredicate[std::size_t(t.predicate)] += 1.0;
            ++prior.triplets;
        }
    if (prior.triplets == 0)
        throw Error("relations: the prior's data has no true triplet of the model's classes");
    for (int s = 0; s < prior.objectClasses; ++s)
        for (int p = 0; p < prior.predicateClasses; ++p)
            for (int o = 0; o < prior.objectClasses; ++o) {
                double &v = prior.probability[(std::size_t(s) * std::size_t(prior.predicateClasses) + std::size_t(p)) * std::size_t(prior.objectClasses) +
                                              std::size_t(o)];
                const double total = kind == PriorKind::Joint ? double(prior.triplets) : perPredicate[std::size_t(p)];
                v = total > 0 ? v / total : 0.0;
            }
    return prior;
}

} // namespace periscope::relations
