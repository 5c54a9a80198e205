#!/usr/bin/env python3
# Writes infection_reference.json: the node logits of the graph paper's four published
# InfectionGNs (../shared/data/gcn-seed/inf_{max,sum}_{bias,nobias}.pt) on the hand-made graph of
# tst_graphnetwork, computed independently of the engine: in float64 with torch's plain ops,
# following the paper's own layer definitions (torchgraphs' EdgeLinear / NodeLinear and
# src/infection/networks.py):
#   edge  e' = relu(W_edge e + W_sender x[sender] + b)
#   node  x' = relu(W_node x + W_incoming agg_{edges into the node} e' + b)
#   out      = W_node x'' + b            (readout_nodes; it always has a bias)
# with agg = sum, or max where the node has incoming edges and 0 where it has none
# (torch_scatter's scatter_max with its fill value 0, as the paper ran it).
#
# Beside each logit it writes `magnitude`: the same network run on |weights| and |inputs| (every
# ReLU then passes everything, and a max is bounded by the sum's terms). The float32 rounding
# error of any evaluation order is at most gamma_n * magnitude, n the longest chain of
# multiply-adds (Higham, Accuracy and Stability of Numerical Algorithms, 3.5); the test takes its
# tolerance from that, not from one machine's output.
#   build/python/bin/python tests/data/graphs/make_infection_reference.py
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "../../../../shared/data/gcn-seed")

# The graph of tst_graphnetwork: node [sick +-1, immune +-1, noise, noise], edge [virtual +-1,
# noise] with a real edge -1. Edges 0 -> 1, 0 -> 2, 2 -> 3; node 4 isolated.
NODES = [[1, -1, 0.5, 0.5], [-1, -1, 0.5, 0.5], [-1, 1, 0.5, 0.5], [-1, -1, 0.5, 0.5], [-1, -1, 0.5, 0.5]]
SENDERS, RECEIVERS = [0, 0, 2], [1, 2, 3]
EDGES = {"real": [[-1, 0.5], [-1, 0.5], [-1, 0.5]], "first_virtual": [[1, 0.5], [-1, 0.5], [-1, 0.5]]}


def incoming(e, aggregation, count):
    rows = []
    for node in range(count):
        into = [e[k] for k, r in enumerate(RECEIVERS) if r == node]
        if not into:
            rows.append(torch.zeros(e.shape[1], dtype=e.dtype))
        elif aggregation == "sum":
            rows.append(torch.stack(into).sum(0))
        else:
            rows.append(torch.stack(into).max(0).values)
    return torch.stack(rows)


def network(w, x, e, aggregation, magnitude):
    act = (lambda t: t) if magnitude else torch.relu
    agg = "sum" if magnitude else aggregation
    W = {k: (v.abs() if magnitude else v) for k, v in w.items()}
    senders = torch.tensor(SENDERS)

    def term(name, value):
        return value @ W[name].t() if name in W else 0

    def bias(name):
        return W[name] if name in W else 0

    e = act(term("encoder.edge.W_edge", e) + bias("encoder.edge.bias"))
    x = act(term("encoder.node.W_node", x) + bias("encoder.node.bias"))
    e = act(term("hidden.edge.W_edge", e) + term("hidden.edge.W_sender", x)[senders] + bias("hidden.edge.bias"))
    x = act(term("hidden.node.W_node", x) + term("hidden.node.W_incoming", incoming(e, agg, x.shape[0])) + bias("hidden.node.bias"))
    return (term("readout_nodes.W_node", x) + bias("readout_nodes.bias")).flatten()


reference = {"graph": {"nodes": NODES, "senders": SENDERS, "receivers": RECEIVERS, "edges": EDGES}, "checkpoints": {}}
for name in ["inf_max_bias.pt", "inf_max_nobias.pt", "inf_sum_bias.pt", "inf_sum_nobias.pt"]:
    state = torch.load(os.path.join(FOLDER, name), map_location="cpu", weights_only=True)
    w = {k: v.double() for k, v in state.items()}
    aggregation = "max" if "_max_" in name else "sum"
    x = torch.tensor(NODES, dtype=torch.float64)
    entry = {"aggregation": aggregation}
    for case, edges in EDGES.items():
        e = torch.tensor(edges, dtype=torch.float64)
        entry[case] = {"logits": network(w, x, e, aggregation, False).tolist(),
                       "magnitude": network(w, x.abs(), e.abs(), aggregation, True).tolist()}
    reference["checkpoints"][name] = entry

with open(os.path.join(HERE, "infection_reference.json"), "w") as f:
    json.dump(reference, f, indent=1)
for name, entry in reference["checkpoints"].items():
    print(name, [round(v, 4) for v in entry["real"]["logits"]], [round(v, 4) for v in entry["first_virtual"]["logits"]])
