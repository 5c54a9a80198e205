#!/usr/bin/python3
# Records what Python's torch.load reads from the graph-network paper's checkpoints in
# ../shared/data/gcn-seed: every tensor's name (in order), shape, sum and first value. The C++
# loader test compares its own reading against this. Run from this folder.
import json
import os

import torch

folder = os.path.join(os.path.dirname(__file__), "../../../../shared/data/gcn-seed")
reference = {}
for name in sorted(os.listdir(folder)):
    if name.endswith(".pt"):
        sd = torch.load(os.path.join(folder, name), map_location="cpu")
        reference[name] = [
            {"name": k, "shape": list(v.shape), "sum": float(v.double().sum()), "first": float(v.flatten()[0])}
            for k, v in sd.items()
        ]
with open("gcn_seed_reference.json", "w") as f:
    json.dump(reference, f, indent=1)
print("reference written for", ", ".join(reference))
