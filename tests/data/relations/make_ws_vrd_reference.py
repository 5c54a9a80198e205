#!/usr/bin/env python3
# Makes ws_vrd_reference.safetensors with the paper's own code (baldassarreFe/ws-vrd): small
# relational networks built by its build path (InputNodeModel, InputEdgeModel, EdgeModel,
# OutputGlobalModel from src/xib/models/common.py, wired as RelationalNetwork.forward), their
# weights under the paper's key names, a batch of two images whose box features come from its
# boxes_to_node_features / boxes_to_edge_features, and the predicate logits it returns, for
# FC_AGG with max pooling and a last bias, and AGG_FC with mean pooling and none.
#
# The paper's modules import torch_geometric and detectron2, which are not installable for this
# torch; the two things they use are given here: scatter_ as torch_geometric 1.x defines it
# (sum, mean or max into dim_size rows, empty rows 0) and detectron2's Boxes (centres, areas,
# pairwise IoU).
#   python make_ws_vrd_reference.py --repo PATH/TO/ws-vrd [--out ws_vrd_reference.safetensors]
import argparse
import importlib.util
import json
import pathlib
import struct
import subprocess
import sys
import types

import torch


def scatter_(name, src, index, dim=0, dim_size=None):
    assert dim == 0
    out = torch.zeros(dim_size, *src.shape[1:], dtype=src.dtype)
    if name == "add":
        return out.index_add(0, index, src)
    if name == "mean":
        count = torch.zeros(dim_size).index_add(0, index, torch.ones(len(index)))
        return out.index_add(0, index, src) / count.clamp(min=1).view(-1, *([1] * (src.dim() - 1)))
    if name == "max":
        filled = torch.full_like(out, -1e38).scatter_reduce(0, index.view(-1, 1).expand_as(src), src, "amax")
        filled[filled < -10000] = 0
        return filled
    raise ValueError(name)


class Boxes:
    def __init__(self, tensor):
        self.tensor = tensor

    def __len__(self):
        return len(self.tensor)

    def get_centers(self):
        return (self.tensor[:, :2] + self.tensor[:, 2:]) / 2

    def area(self):
        return (self.tensor[:, 2] - self.tensor[:, 0]) * (self.tensor[:, 3] - self.tensor[:, 1])


def pairwise_iou(a, b):
    lt = torch.max(a.tensor[:, None, :2], b.tensor[None, :, :2])
    rb = torch.min(a.tensor[:, None, 2:], b.tensor[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(dim=2)
    return inter / (a.area()[:, None] + b.area()[None, :] - inter)


def stub_modules():
    tg = types.ModuleType("torch_geometric")
    tg_utils = types.ModuleType("torch_geometric.utils")
    tg_utils.scatter_ = scatter_
    sys.modules["torch_geometric"] = tg
    sys.modules["torch_geometric.utils"] = tg_utils
    d2 = types.ModuleType("detectron2")
    d2_structures = types.ModuleType("detectron2.structures")
    d2_structures.Boxes = Boxes
    d2_structures.pairwise_iou = pairwise_iou
    sys.modules["detectron2"] = d2
    sys.modules["detectron2.structures"] = d2_structures


def load(repo, relative, name):
    spec = importlib.util.spec_from_file_location(name, repo / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_safetensors(path, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        t = t.contiguous()
        dtype = {torch.float32: "F32", torch.int64: "I64"}[t.dtype]
        data = t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", required=True, type=pathlib.Path)
    parser.add_argument("--out", default=pathlib.Path(__file__).with_name("ws_vrd_reference.safetensors"), type=pathlib.Path)
    args = parser.parse_args()
    stub_modules()
    common = load(args.repo, "src/xib/models/common.py", "ws_vrd_common")
    node_features = load(args.repo, "src/xib/detectron2/node_features.py", "ws_vrd_node_features")
    edge_features = load(args.repo, "src/xib/detectron2/edge_features.py", "ws_vrd_edge_features")
    torch.manual_seed(2020)

    # Two images: 3 and 4 boxes (x1, y1, x2, y2), 3 object classes, 5 predicates.
    images = [((120, 90), [[10, 12, 50, 60], [40, 30, 100, 80], [70, 5, 90, 25]]),
              ((200, 150), [[0, 0, 80, 150], [60, 40, 120, 100], [150, 20, 190, 70], [100, 100, 180, 140]])]
    classes = [[0, 2, 1], [1, 1, 0, 2]]
    tensors, linear, conv, edges, indexes, batch, offset = {}, [], [], [], [], [], 0
    for g, ((h, w), boxes) in enumerate(images):
        boxes = Boxes(torch.tensor(boxes, dtype=torch.float32))
        onehot = torch.nn.functional.one_hot(torch.tensor(classes[g]), 3).float()
        linear.append(torch.cat([node_features.boxes_to_node_features(boxes, (h, w)), onehot], dim=1))
        conv.append(torch.randn(len(boxes), 4, 7, 7))
        f, i = edge_features.boxes_to_edge_features(boxes, (h, w))
        edges.append(f)
        indexes.append(i + offset)
        batch += [g] * len(boxes)
        tensors[f"image{g}_edge_features"] = f
        tensors[f"image{g}_edge_indexes"] = i
        tensors[f"image{g}_node_box_features"] = node_features.boxes_to_node_features(boxes, (h, w))
        offset += len(boxes)
    inputs = {
        "object_conv_features": torch.cat(conv),
        "object_linear_features": torch.cat(linear),
        "relation_linear_features": torch.cat(edges).float(),
        "relation_indexes": torch.cat(indexes, dim=1),
        "batch": torch.tensor(batch),
    }
    tensors.update(inputs)
    head = subprocess.run(["git", "-C", str(args.repo), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    metadata = {"repo_commit": head, "readouts": ""}
    variants = [("fc_agg_max", "FC_AGG", "max", True), ("agg_fc_mean", "AGG_FC", "mean", False)]
    for name, mode, pooling, bias in variants:
        node = common.InputNodeModel(in_conv_shape=(4, 7, 7), in_linear_features=6, conv_channels=6, conv_layers=2,
                                     lin_features=8, lin_layers=2, fc_features=8, fc_layers=2)
        edge = common.InputEdgeModel(in_linear_features=10, fc_features=8, fc_layers=2)
        message = common.EdgeModel(in_node_features=node.out_features, in_edge_features=edge.out_features, fc_features=8, fc_layers=2)
        readout = common.OutputGlobalModel(in_edge_features=message.out_features, fc_features=8, fc_layers=2, num_classes=5,
                                           mode=mode, pooling=pooling, last_bias=bias)
        model = torch.nn.ModuleDict({"input_node_model": node, "input_edge_model": edge, "edge_model": message,
                                     "output_global_model": readout}).eval()
        # He-initialised weights and biases of 0.1 keep activations and logits near 1 through
        # the 9 layers (the default initialisation shrinks them to about 1e-3).
        with torch.no_grad():
            for key, p in model.named_parameters():
                if key.endswith("weight"):
                    p.normal_(0.0, (2.0 / p[0].numel()) ** 0.5)
                else:
                    p.normal_(0.1, 0.05)
        with torch.no_grad():
            # RelationalNetwork.forward, step by step.
            n = node(linear_features=inputs["object_linear_features"], conv_features=inputs["object_conv_features"])
            e = edge(linear_features=inputs["relation_linear_features"])
            e = message(nodes=n, edges=e, edge_indices=inputs["relation_indexes"])
            scores = readout(edges=e, edge_indices=inputs["relation_indexes"], node_to_graph_idx=inputs["batch"], num_graphs=2)
        for key, value in model.state_dict().items():
            tensors[f"{name}.{key}"] = value
        tensors[f"{name}.predicate_scores"] = scores
    metadata["readouts"] = ",".join(v[0] for v in variants)
    write_safetensors(args.out, tensors, metadata)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
