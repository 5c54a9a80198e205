#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the reference tst_mvit checks our MViT-v2 against: torchvision's own MViT (torchvision
# 0.26, torch 2.11) built as mvit_v2_s is (residual pooling, relative positions, projection after
# attention) but tiny: five blocks of 8-32 channels and one to four heads on a 4 x 32 x 24 clip,
# so that every path runs: query pooling with a skip max-pool, adaptive key/value strides, the
# channel projection, relative-position tables interpolated along the narrower width, and
# non-integer query/key ratios. Every parameter is random (layer norms and relative tables too).
#   mvit_tiny.pt     its state_dict, torchvision's names (torch.save, zip format)
#   mvit_tiny_io.pt  {"input": [2, 3, 4, 32, 24], "output": [2, 3]}
#   mvit_v2_s_shapes.json  mvit_v2_s's every tensor name and shape, and its parameter count
# Run where torchvision is installed:  python3 make_mvit_reference.py  (in this folder)
import json
import torch
from torchvision.models.video.mvit import MViT, MSBlockConfig, mvit_v2_s

torch.manual_seed(20261205)
blocks = [  # heads, in, out, kernel q, kernel kv, stride q, stride kv
    MSBlockConfig(1, 8, 8, [3, 3, 3], [3, 3, 3], [1, 1, 1], [1, 4, 4]),
    MSBlockConfig(2, 8, 16, [3, 3, 3], [3, 3, 3], [1, 2, 2], [1, 2, 2]),
    MSBlockConfig(2, 16, 16, [3, 3, 3], [3, 3, 3], [1, 1, 1], [1, 2, 2]),
    MSBlockConfig(2, 16, 32, [3, 3, 3], [3, 3, 3], [1, 2, 2], [1, 1, 1]),
    MSBlockConfig(4, 32, 32, [3, 3, 3], [3, 3, 3], [1, 1, 1], [1, 1, 1]),
]
model = MViT(spatial_size=(32, 24), temporal_size=4, block_setting=blocks, residual_pool=True,
             residual_with_cls_embed=False, rel_pos_embed=True, proj_after_attn=True, num_classes=3)
with torch.no_grad():
    for name, p in model.named_parameters():
        if "rel_pos" in name:
            p.normal_(0.0, 0.5)
        elif name.endswith("bias"):
            p.uniform_(-0.2, 0.2)
        elif "norm" in name:
            p.uniform_(0.5, 1.5)
        else:
            p.normal_(0.0, 0.3)
model.eval()
x = torch.randn(2, 3, 4, 32, 24)
with torch.no_grad():
    y = model(x)
torch.save(model.state_dict(), "mvit_tiny.pt")
torch.save({"input": x, "output": y}, "mvit_tiny_io.pt")
print("output", y.flatten().tolist(), "tensors", len(model.state_dict()))

full = mvit_v2_s()
state = full.state_dict()
with open("mvit_v2_s_shapes.json", "w") as out:
    json.dump({"parameters": sum(p.numel() for p in full.parameters()),
               "tensors": [[k, list(v.shape)] for k, v in state.items()]}, out, separators=(",", ":"))
print("mvit_v2_s parameters", sum(p.numel() for p in full.parameters()), "tensors", len(state))
