// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/InfectionData.h"

#include "engine/core/errors/Error.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace periscope::graphs {

namespace {
// Barabasi-Albert preferential attachment as networkx 2.x grew it in 2019: start from m
// unconnected nodes, each new node links to m distinct nodes drawn from the multiset of
// earlier link ends (so well-linked nodes are drawn more often).
std::vector<std::pair<int, int>> barabasiAlbert(int nodes, int m, std::mt19937_64 &random)
{
    std::vector<std::pair<int, int>> edges;
    std::vector<int> targets(static_cast<std::size_t>(m));
    std::iota(targets.begin(), targets.end(), 0);
    std::vector<int> repeated;
    for (int source = m; source < nodes; ++source) {
        for (int t : targets)
            edges.emplace_back(source, t);
        repeated.insert(repeated.end(), targets.begin(), targets.end());
        repeated.insert(repeated.end(), std::size_t(m), source);
        std::set<int> chosen;
        std::uniform_int_distribution<std::size_t> pick(0, repeated.size() - 1);
        while (int(chosen.size()) < m)
            chosen.insert(repeated[pick(random)]);
        targets.assign(chosen.begin(), chosen.end());
    }
    return edges;
}

int uniformInt(std::mt19937_64 &random, int low, int highExclusive)
{
    return highExclusive <= low ? low : std::uniform_int_distribution<int>(low, highExclusive - 1)(random);
}
} // namespace

InfectionGraph generateInfectionGraph(const InfectionParameters &p, std::mt19937_64 &random)
{
    if (p.minNodes < 3 || p.maxNodes <= p.minNodes || p.maxPercentSick + p.maxPercentImmune > 1.0)
        throw Error("infection graphs: need 3 <= min nodes < max nodes and sick + immune <= 100 %");
    const int n = uniformInt(random, p.minNodes, p.maxNodes);

    // Directed, with a fraction of the directed edges kept.
    std::vector<std::pair<int, int>> real;
    std::bernoulli_distribution keep(p.keptEdges);
    for (const auto &[a, b] : barabasiAlbert(n, 2, random)) {
        if (keep(random))
            real.emplace_back(a, b);
        if (keep(random))
            real.emplace_back(b, a);
    }

    // Who is sick and who is immune: disjoint, drawn at random (not by node id, which in a
    // Barabasi-Albert graph would single out the hubs).
    const int sickCount = uniformInt(random, 1, std::max(1, int(n * p.maxPercentSick)) + 1);
    const int immuneCount = uniformInt(random, 0, int(n * p.maxPercentImmune) + 1);
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<bool> sick(static_cast<std::size_t>(n), false), immune(static_cast<std::size_t>(n), false);
    for (int i = 0; i < sickCount; ++i)
        sick[std::size_t(order[std::size_t(i)])] = true;
    for (int i = sickCount; i < std::min(n, sickCount + immuneCount); ++i)
        immune[std::size_t(order[std::size_t(i)])] = true;

    // Virtual edges: drawn with replacement between distinct nodes; they never transmit.
    const int virtualCount = uniformInt(random, 0, int(double(real.size()) * p.maxPercentVirtual) + 1);
    std::vector<std::pair<int, int>> edges = real;
    for (int i = 0; i < virtualCount; ++i) {
        const int a = uniformInt(random, 0, n);
        int b = uniformInt(random, 0, n - 1);
        if (b >= a)
            ++b;
        edges.emplace_back(a, b);
    }

    std::uniform_real_distribution<float> noise(0.0f, 1.0f);
    torch::Tensor nodes = torch::empty({n, 4});
    for (int i = 0; i < n; ++i) {
        nodes[i][0] = sick[std::size_t(i)] ? 1.0f : -1.0f;
        nodes[i][1] = immune[std::size_t(i)] ? 1.0f : -1.0f;
        nodes[i][2] = noise(random);
        nodes[i][3] = noise(random);
    }
    const std::int64_t e = std::int64_t(edges.size());
    torch::Tensor edgeFeatures = torch::empty({e, 2}), senders = torch::empty({e}, torch::kLong), receivers = torch::empty({e}, torch::kLong);
    InfectionGraph out;
    out.virtualEdge = torch::zeros({e}, torch::kBool);
    out.causalEdge = torch::zeros({e}, torch::kBool);
    std::vector<bool> infected = sick;
    for (std::int64_t i = 0; i < e; ++i) {
        const auto [s, r] = edges[std::size_t(i)];
        const bool isVirtual = i >= std::int64_t(real.size());
        senders[i] = s;
        receivers[i] = r;
        edgeFeatures[i][0] = isVirtual ? 1.0f : -1.0f;
        edgeFeatures[i][1] = noise(random);
        out.virtualEdge[i] = isVirtual;
        if (!isVirtual && sick[std::size_t(s)] && !sick[std::size_t(r)] && !immune[std::size_t(r)]) {
            infected[std::size_t(r)] = true;
            out.causalEdge[i] = true;
        }
    }
    out.graph = GraphBatch::single(nodes, edgeFeatures, senders, receivers);
    auto toTensor = [n](const std::vector<bool> &flags) {
        torch::Tensor t = torch::zeros({n}, torch::kBool);
        for (int i = 0; i < n; ++i)
            t[i] = bool(flags[std::size_t(i)]);
        return t;
    };
    out.sick = toTensor(sick);
    out.immune = toTensor(immune);
    out.infected = toTensor(infected);
    return out;
}

} // namespace periscope::graphs
