#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the reference tst_efficientnet checks our EfficientNet against: torchvision's own
# EfficientNet (torchvision 0.26, torch 2.11) at a small width and depth (0.25, 0.34: every stage
# kept, one or two blocks each, 8-16 channels), with random weights AND random batch-norm
# statistics, one output logit, in evaluation mode, on a fixed 2 x 3 x 64 x 48 input.
#   efficientnet_tiny.pt     its state_dict, torchvision's names (torch.save, zip format)
#   efficientnet_tiny_io.pt  {"input": [2, 3, 64, 48], "features": the last feature map, "output": [2, 5]}
# Run where torchvision is installed:  python3 make_efficientnet_reference.py  (in this folder)
import torch
from functools import partial
from torchvision.models.efficientnet import EfficientNet, MBConvConfig

torch.manual_seed(20261204)
conf = partial(MBConvConfig, width_mult=0.1, depth_mult=0.34)
setting = [conf(1, 3, 1, 32, 16, 1), conf(6, 3, 2, 16, 24, 2), conf(6, 5, 2, 24, 40, 2), conf(6, 3, 2, 40, 80, 3),
           conf(6, 5, 1, 80, 112, 3), conf(6, 5, 2, 112, 192, 4), conf(6, 3, 1, 192, 320, 1)]
model = EfficientNet(setting, dropout=0.2, num_classes=5)
# Random affine batch norms, and running statistics measured on random batches (as a trained
# network's would be), so that every layer's output depends on the input in evaluation.
with torch.no_grad():
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.weight.uniform_(0.5, 1.5)
            module.bias.uniform_(-0.2, 0.2)
            module.momentum = None  # a cumulative average
    model.train()
    for _ in range(4):
        model(torch.randn(8, 3, 64, 48))
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.momentum = 0.1
model.eval()
x = torch.randn(2, 3, 64, 48)
with torch.no_grad():
    features = model.features(x)
    y = model(x)
torch.save(model.state_dict(), "efficientnet_tiny.pt")
torch.save({"input": x, "features": features, "output": y}, "efficientnet_tiny_io.pt")
print("output", y.flatten().tolist(), "tensors", len(model.state_dict()))

# The real networks' parameter names and shapes (no weights): efficientnet_b0's every tensor, and
# the parameter counts of b0 .. b7 (what torchvision's documentation lists).
import json
from torchvision.models import efficientnet_b0, efficientnet_b1, efficientnet_b2, efficientnet_b3
from torchvision.models import efficientnet_b4, efficientnet_b5, efficientnet_b6, efficientnet_b7
b0 = efficientnet_b0().state_dict()
counts = {name: sum(p.numel() for p in build().parameters())
          for name, build in [("b0", efficientnet_b0), ("b1", efficientnet_b1), ("b2", efficientnet_b2), ("b3", efficientnet_b3),
                              ("b4", efficientnet_b4), ("b5", efficientnet_b5), ("b6", efficientnet_b6), ("b7", efficientnet_b7)]}
with open("efficientnet_b0_shapes.json", "w") as out:
    json.dump({"parameters": counts, "tensors": [[k, list(v.shape)] for k, v in b0.items()]}, out, separators=(",", ":"))
print(counts)
