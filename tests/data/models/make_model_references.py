#!/usr/bin/env python3
# Writes model_references.json: what torchvision's ResNets and timm's ViT compute, for
# tst_models to compare the engine's ResNet and VisionTransformer with, parameter by parameter
# name and output by output.
#
# No weights are stored (a ResNet is megabytes): every tensor is filled by a formula that C++ and
# Python evaluate to the same float32 bits (integer arithmetic, then one division and one
# multiplication in double, rounded once to float). The k-th tensor of the state dict, in its
# order, element i:
#     u = ((i * 7919 + k * 104729) mod 2001 - 1000) / 1000            (in [-1, 1])
#     weight of a conv or linear map   u / sqrt(fan_in)
#     1-D weight (a norm's), BN var      1 + u / 4     (a variance stays positive)
#     anything else (biases, means,    u / 8
#       class token, positions, layer scales)
# and the input image, element i, is ((i * 7919) mod 2001 - 1000) / 1000.
# The references are computed in float64, so they are the exact outputs of these weights; the
# engine's float32 result differs by its own rounding only.
#   build/python/bin/pip install torchvision==0.26.0 timm==1.0.31 pillow   (not needed to build or test)
#   build/python/bin/python tests/data/models/make_model_references.py
import json
import math
import os

import timm
import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))


def formula(count, k):
    i = torch.arange(count, dtype=torch.int64)
    return ((i * 7919 + k * 104729) % 2001 - 1000).to(torch.float64) / 1000.0


def fill(model):
    state = model.state_dict()
    names = []
    for k, (name, tensor) in enumerate(state.items()):
        if name.endswith("num_batches_tracked"):
            continue
        names.append({"name": name, "index": k, "shape": list(tensor.shape)})
        u = formula(tensor.numel(), k)
        leaf = name.rsplit(".", 1)[-1]
        if leaf == "weight" and tensor.dim() >= 2:
            value = u / math.sqrt(tensor.numel() // tensor.shape[0])
        elif leaf == "weight" or leaf == "running_var":  # 1-D weights are the norms' here
            value = 1.0 + u / 4.0
        else:
            value = u / 8.0
        # Rounded to float32 once, as the C++ side does, then widened for the float64 reference.
        tensor.copy_(value.to(torch.float32).reshape(tensor.shape).to(tensor.dtype))
    return names


def image(shape):
    count = math.prod(shape)
    return formula(count, 0).to(torch.float32).reshape(shape).double()


def run(model, shape):
    names = fill(model)
    model = model.double().eval()
    with torch.no_grad():
        out = model(image(shape))
    return {"input": shape, "parameters": names, "output": out.flatten().tolist(), "output_shape": list(out.shape)}


torch.set_grad_enabled(False)
references = {
    # Full-width ResNets with one block per stage (the stages' strides, downsampling and
    # bottleneck expansion are all exercised), 5 classes, two 64 x 64 images.
    "resnet_basic_1111": run(torchvision.models.resnet.ResNet(torchvision.models.resnet.BasicBlock, [1, 1, 1, 1], num_classes=5), [2, 3, 64, 64]),
    "resnet_bottleneck_1111": run(torchvision.models.resnet.ResNet(torchvision.models.resnet.Bottleneck, [1, 1, 1, 1], num_classes=5), [2, 3, 64, 64]),
    # timm's ViT: 56 px in 14 px patches, D 64, 2 blocks, 4 heads, MLP ratio 2, layer scale, 7 classes.
    "vit_56_14_d64": run(timm.models.vision_transformer.VisionTransformer(img_size=56, patch_size=14, embed_dim=64, depth=2, num_heads=4,
                                                                         mlp_ratio=2.0, init_values=1e-5, num_classes=7), [2, 3, 56, 56]),
}
with open(os.path.join(HERE, "model_references.json"), "w") as f:
    json.dump({"torchvision": torchvision.__version__, "timm": timm.__version__, "models": references}, f, indent=1)
for name, r in references.items():
    print(name, len(r["parameters"]), "tensors, output", [round(v, 4) for v in r["output"][:5]])
