#!/usr/bin/env python3
# PyTorch eager reference for bench_graphs: the same graph networks (InfectionGN, SolubilityGN,
# sum aggregation, rebuilt from the exported state dict's keys) on the same exported batches,
# timing sensitivity analysis (autograd), guided backprop (a hook clamping the gradient after
# every linear map, gather, aggregation, sum and ReLU, as the paper's src/guidedbackprop does)
# and Integrated Gradients (the same midpoint steps). LRP has no reference here: the paper's
# implementation needs torchgraphs and torch_scatter, which are not on PyPI for this torch.
# The molecules set is there only where bench_graphs was built with RDKit (not on the GPU machine).
#   bench_graphs --export build/bench-graphs
#   build/python/bin/python bench/reference/graph_reference.py --data build/bench-graphs --threads 2 [--device cuda]
import argparse
import json
import os

import torch
import torch.jit._pickle

from timing import seconds_per_call

GUIDED = False


def guided(t):
    if GUIDED and t.requires_grad:
        t.register_hook(lambda g: g.clamp(min=0))
    return t


def linear(x, w):
    return guided(x @ w.t())


def gather(x, index):
    return guided(x.index_select(0, index))


def aggregate(values, index, segments):
    out = torch.zeros(segments, values.shape[1], dtype=values.dtype, device=values.device)
    return guided(out.index_add(0, index, values))


def accumulate(terms, bias):
    total = terms[0]
    for t in terms[1:]:
        total = guided(total + t)
    if bias is not None:
        total = guided(total + bias)
    return total


def relu(t):
    return guided(torch.relu(t))


class Graph:
    def __init__(self, batch, x, e, u=None):
        self.b, self.x, self.e, self.u = batch, x, e, u
        self.n = x.shape[0]
        self.g = int(batch["num_graphs"])


def edge_linear(w, p, g):
    terms = []
    if p + "W_edge" in w:
        terms.append(linear(g.e, w[p + "W_edge"]))
    if p + "W_sender" in w:
        terms.append(gather(linear(g.x, w[p + "W_sender"]), g.b["senders"]))
    if p + "W_receiver" in w:
        terms.append(gather(linear(g.x, w[p + "W_receiver"]), g.b["receivers"]))
    if p + "W_global" in w:
        terms.append(gather(linear(g.u, w[p + "W_global"]), g.b["edge_graph"]))
    return accumulate(terms, w.get(p + "bias"))


def node_linear(w, p, g):
    terms = []
    if p + "W_node" in w:
        terms.append(linear(g.x, w[p + "W_node"]))
    if p + "W_incoming" in w:
        terms.append(linear(aggregate(g.e, g.b["receivers"], g.n), w[p + "W_incoming"]))
    if p + "W_outgoing" in w:
        terms.append(linear(aggregate(g.e, g.b["senders"], g.n), w[p + "W_outgoing"]))
    if p + "W_global" in w:
        terms.append(gather(linear(g.u, w[p + "W_global"]), g.b["node_graph"]))
    return accumulate(terms, w.get(p + "bias"))


def global_linear(w, p, g):
    terms = []
    if p + "W_node" in w:
        terms.append(linear(aggregate(g.x, g.b["node_graph"], g.g), w[p + "W_node"]))
    if p + "W_edges" in w:
        terms.append(linear(aggregate(g.e, g.b["edge_graph"], g.g), w[p + "W_edges"]))
    if p + "W_global" in w:
        terms.append(linear(g.u, w[p + "W_global"]))
    return accumulate(terms, w.get(p + "bias"))


def forward(w, batch, x, e):
    g = Graph(batch, x, e)
    if "readout_nodes.W_node" in w:  # InfectionGN
        for block in ("encoder", "hidden"):
            g.e = relu(edge_linear(w, block + ".edge.", g))
            g.x = relu(node_linear(w, block + ".node.", g))
        return global_linear(w, "readout_globals.", g)
    blocks = ["encoder"]
    i = 0
    while f"hidden.hidden_{i}.node.W_node" in w:
        blocks.append(f"hidden.hidden_{i}")
        i += 1
    for block in blocks:
        g.e = relu(edge_linear(w, block + ".edge.", g))
        g.x = relu(node_linear(w, block + ".node.", g))
        g.u = relu(global_linear(w, block + ".global.", g))
    return global_linear(w, "readout_globals.", g)


def gradient(w, batch, x, e):
    x = x.detach().requires_grad_(True)
    e = e.detach().requires_grad_(True)
    y = forward(w, batch, x, e)[:, 0]
    gx, ge = torch.autograd.grad(y, (x, e), torch.ones_like(y), allow_unused=True)
    return (gx if gx is not None else torch.zeros_like(x)), (ge if ge is not None else torch.zeros_like(e))


def explain(method, w, batch, steps):
    global GUIDED
    x, e = batch["node_features"], batch["edge_features"]
    GUIDED = method == "gbp"
    try:
        if method in ("sa", "gbp"):
            return gradient(w, batch, x, e)
        total_x, total_e = torch.zeros_like(x), torch.zeros_like(e)
        for k in range(steps):
            a = (k + 0.5) / steps
            gx, ge = gradient(w, batch, x * a, e * a)
            total_x += gx
            total_e += ge
        return x * total_x / steps, e * total_e / steps
    finally:
        GUIDED = False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--methods", default="sa,gbp,ig")
    parser.add_argument("--steps", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    for data in ("molecules", "infection"):
        if not os.path.exists(f"{args.data}/{data}_batch.pt"):
            continue
        # LibTorch's pickle_save tags a c10::Dict's types with one allow-listed helper.
        with torch.serialization.safe_globals([torch.jit._pickle.restore_type_tag]):
            batch = torch.load(f"{args.data}/{data}_batch.pt", map_location=device, weights_only=True)
            weights = torch.load(f"{args.data}/{data}_weights.pt", map_location=device, weights_only=True)
        with torch.no_grad():
            ours = batch["global_output"]
            theirs = forward(weights, batch, batch["node_features"], batch["edge_features"])
            if not torch.allclose(ours, theirs, rtol=1e-4, atol=1e-4):
                raise SystemExit(f"{data}: the reference network disagrees with Periscope's "
                                 f"(max difference {(ours - theirs).abs().max().item():.3g})")
        for method in args.methods.split(","):
            seconds = seconds_per_call(lambda: explain(method, weights, batch, args.steps), args.seconds, 20, device)
            graphs = int(batch["num_graphs"])
            row = {"bench": "graphs", "impl": "pytorch-eager", "data": data, "method": method, "graphs": graphs,
                   "device": args.device,
                   "seconds": round(seconds, 6), "graphs_per_second": round(graphs / seconds, 1)}
            if method == "ig":
                row["steps"] = args.steps
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
