#!/usr/bin/env python3
# PyTorch eager reference for bench_relations: the same three steps on the same input, written
# after the paper's code (baldassarreFe/ws-vrd): box and edge features as
# src/xib/detectron2/node_features.py and edge_features.py compute them, RoIAlign 7x7 (aligned,
# adaptive sampling, as torchvision's roi_align) vectorised over the boxes of an image, the
# relational network of src/xib/models/common.py rebuilt from the exported weights, and the
# gradient explanation of visual_relations_explainer.py (L1 relevance, no activations).
#   bench_relations --export build/bench-relations
#   build/python/bin/python bench/reference/relations_reference.py --data build/bench-relations --threads 2
import argparse
import json
import math
import struct

import numpy as np
import torch

from timing import seconds_per_call


def read_safetensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    kinds = {"F32": np.float32, "F64": np.float64, "I64": np.int64}
    out = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[8 + n + a:8 + n + b], dtype=kinds[h["dtype"]]).reshape(h["shape"]).copy())
    return out, meta


def roi_align(features, boxes, scale, out=7):
    # features [C, H, W]; boxes [N, 4]; aligned=True, sampling ratio ceil(side / out) per box.
    c, h, w = features.shape
    pooled = []
    for x1, y1, x2, y2 in (boxes * scale - 0.5).tolist():
        bw, bh = x2 - x1, y2 - y1
        gw, gh = max(1, math.ceil(bw / out)), max(1, math.ceil(bh / out))
        ys = y1 + (torch.arange(out * gh, dtype=torch.float32) + 0.5) * bh / (out * gh)
        xs = x1 + (torch.arange(out * gw, dtype=torch.float32) + 0.5) * bw / (out * gw)

        def axis(p, size):
            valid = (p >= -1) & (p <= size)
            p = p.clamp(min=0)
            low = p.floor().long()
            top = low >= size - 1
            low = torch.where(top, torch.full_like(low, size - 1), low)
            high = torch.where(top, low, low + 1)
            p = torch.where(top, low.float(), p)
            frac = p - low.float()
            return low, high, (1 - frac) * valid, frac * valid

        yl, yh, wyl, wyh = axis(ys, h)
        xl, xh, wxl, wxh = axis(xs, w)
        rows_l, rows_h = features[:, yl], features[:, yh]
        v = (wyl[:, None] * wxl[None] * rows_l[:, :, xl] + wyl[:, None] * wxh[None] * rows_l[:, :, xh]
             + wyh[:, None] * wxl[None] * rows_h[:, :, xl] + wyh[:, None] * wxh[None] * rows_h[:, :, xh])
        pooled.append(v.view(c, out, gh, out, gw).mean((2, 4)))
    return torch.stack(pooled)


def box_features(boxes, height, width):
    x1, y1, x2, y2 = boxes.unbind(1)
    elongation = (y2 - y1) / (x2 - x1)
    area = (x2 - x1) * (y2 - y1)
    nodes = torch.stack([elongation, 1 / elongation, area / (height * width)], 1)
    n = len(boxes)
    idx = torch.from_numpy(np.indices((n, n)).reshape(2, -1))
    centres = (boxes[:, :2] + boxes[:, 2:]) / 2
    delta = (centres[None] - centres[:, None]).view(n * n, 2)
    dist = delta.norm(dim=1) / math.sqrt(height * width)
    angles = torch.atan2(delta[:, 1], delta[:, 0])
    top = torch.sin(angles - math.pi / 4) >= 0
    right = top
    quadrants = torch.stack([top & right, top & ~right, ~top & ~right, ~top & right], 1).float()
    lt = torch.max(boxes[:, None, :2], boxes[None, :, :2])
    rb = torch.min(boxes[:, None, 2:], boxes[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(2)
    iou = (inter / (area[:, None] + area[None] - inter)).view(-1)
    rel = (area[:, None] / area[None]).view(-1)
    edges = torch.stack([dist, torch.sin(angles), torch.cos(angles), *quadrants.unbind(1), iou, rel, 1 / rel], 1)
    keep = idx[0] != idx[1]
    return nodes, edges[keep], idx[:, keep]


def stack(weights, prefix, kind):
    layers, i = [], 0
    while f"{prefix}{kind}{i}.weight" in weights:
        layers.append((weights[f"{prefix}{kind}{i}.weight"], weights[f"{prefix}{kind}{i}.bias"]))
        i += 1
    return layers


def run_stack(x, layers, conv=False):
    for w, b in layers:
        x = torch.relu(torch.nn.functional.conv2d(x, w, b, padding=1) if conv else torch.nn.functional.linear(x, w, b))
    return x


def network(weights):
    p = "network."
    convs = stack(weights, p + "input_node_model.convs.", "conv")
    lin = stack(weights, p + "input_node_model.linear_fcs.", "linear")
    comb = stack(weights, p + "input_node_model.combined_fcs.", "linear")
    edge = stack(weights, p + "input_edge_model.linear_fcs.", "linear")
    msg = stack(weights, p + "edge_model.fcs.", "linear")
    out = stack(weights, p + "output_global_model.fcs.", "linear")
    ow, ob = weights[p + "output_global_model.fcs.output.weight"], weights.get(p + "output_global_model.fcs.output.bias")

    def forward(conv_f, lin_f, edge_f, index, batch, graphs):
        nodes = run_stack(torch.cat([run_stack(conv_f, convs, True).flatten(1), run_stack(lin_f, lin)], 1), comb)
        e = run_stack(torch.cat([nodes[index[0]], run_stack(edge_f, edge), nodes[index[1]]], 1), msg)
        g = batch[index[0]]
        pooled = torch.zeros(graphs, e.shape[1]).scatter_reduce(0, g[:, None].expand_as(e), e, "amax", include_self=False)
        return torch.nn.functional.linear(run_stack(pooled, out), ow, ob)

    return forward


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    t, meta = read_safetensors(f"{args.data}/relations_bench.safetensors")
    width, height, top, classes = int(meta["width"]), int(meta["height"]), int(meta["top"]), int(meta["classes"])
    images = t["boxes"].shape[0]
    forward = network(t)
    state = {}

    def build():
        conv, lin, edges, indexes, batch, offset = [], [], [], [], [], 0
        for i in range(images):
            fmap, boxes = t[f"map{i}"], t["boxes"][i]
            nodes, e, idx = box_features(boxes, height, width)
            onehot = torch.nn.functional.one_hot(t["classes"][i], classes).float()
            conv.append(roi_align(fmap, boxes, fmap.shape[2] / width))
            lin.append(torch.cat([nodes, onehot], 1))
            edges.append(e)
            indexes.append(idx + offset)
            batch += [i] * len(boxes)
            offset += len(boxes)
        state["inputs"] = (torch.cat(conv), torch.cat(lin), torch.cat(edges), torch.cat(indexes, 1), torch.tensor(batch))

    def classify():
        with torch.no_grad():
            state["scores"] = forward(*state["inputs"], images)

    def explain():
        conv, lin, edge, index, batch = state["inputs"]
        conv, lin, edge = (x.detach().requires_grad_() for x in (conv, lin, edge))
        scores, classes_ = torch.topk(torch.sigmoid(forward(conv, lin, edge, index, batch, images)), top, dim=1)
        nodes = torch.zeros(len(lin), top)
        edges = torch.zeros(len(edge), top)
        for k in range(top):
            g = torch.autograd.grad(scores[:, k].sum(), (conv, lin, edge), retain_graph=k < top - 1)
            nodes[:, k] = g[1].abs().flatten(1).sum(1) + g[0].abs().flatten(1).sum(1)
            edges[:, k] = g[2].abs().sum(1)
        rel = nodes[index[0]] * edges * nodes[index[1]] * scores.detach()[batch[index[0]]]
        graph = batch[index[0]]
        for i in range(images):
            torch.topk(rel[graph == i].flatten(), min(100, int((graph == i).sum()) * top))

    timings = {"graph": seconds_per_call(build, args.seconds, 1000), "classify": seconds_per_call(classify, args.seconds, 1000),
               "explain": seconds_per_call(explain, args.seconds, 1000)}
    difference = (state["scores"] - t["predicate_scores"]).abs().max().item()
    for step, s in timings.items():
        print(json.dumps({"bench": "relations_reference", "step": step, "images": images, "seconds": s, "images_per_second": images / s,
                          "max_logit_difference": difference}))


if __name__ == "__main__":
    main()
