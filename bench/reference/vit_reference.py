#!/usr/bin/env python3
# PyTorch eager reference for bench_models: the same ViTs (timm's layout, attention written out
# as ours is), same input size, batches, precisions and threads, printing JSON lines in the same
# schema with "impl": "pytorch-eager". Run with build/python's torch (the engine's LibTorch):
#   build/python/bin/python bench/reference/vit_reference.py --threads 2 --batches 1,8 --device cpu
#   ... --models vit_l14_518 --device cuda     (DINOv2's ViT-L/14 at 518 px)
import argparse
import json
import math

import torch
from torch import nn

from timing import seconds_per_call


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q = qkv[0] * (1.0 / math.sqrt(c // self.heads))
        attention = torch.softmax(q @ qkv[1].transpose(-2, -1), dim=-1)
        return self.proj((attention @ qkv[2]).transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(torch.nn.functional.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, 4 * dim)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(self, dim, patch):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class VisionTransformer(nn.Module):
    def __init__(self, size=224, patch=14, dim=768, depth=12, heads=12, classes=1000):
        super().__init__()
        self.patch_embed = PatchEmbed(dim, patch)
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim) * 0.02)
        self.pos_embed = nn.Parameter(torch.randn(1, 1 + (size // patch) ** 2, dim) * 0.02)
        self.blocks = nn.ModuleList([Block(dim, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, classes)

    def forward(self, images):
        x = self.patch_embed(images)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x)[:, 0])


def vit_flops(size=224, patch=14, dim=768, depth=12, classes=1000):
    patches = (size // patch) ** 2
    n = patches + 1
    per_block = n * dim * 3 * dim + 2 * n * n * dim + n * dim * dim + 2 * n * dim * 4 * dim
    return 2.0 * (patches * 3 * patch * patch * dim + depth * per_block + dim * classes)


# The same names and sizes as engine/core/models/BenchmarkModels.cpp.
MODELS = {
    "vit_b14": dict(size=224, patch=14, dim=768, depth=12, heads=12),
    "vit_l14_518": dict(size=518, patch=14, dim=1024, depth=24, heads=16),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="vit_b14")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batches", default="1,8")
    parser.add_argument("--precisions", default="fp32,bf16")
    parser.add_argument("--modes", default="forward")
    parser.add_argument("--min-seconds", type=float, default=2.0)
    parser.add_argument("--max-repeats", type=int, default=10)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    for model_name in args.models.split(","):
        bench_model(model_name, MODELS[model_name], device, name, args)


def bench_model(model_name, config, device, name, args):
    model = VisionTransformer(**config).to(device)
    flops_config = {k: v for k, v in config.items() if k != "heads"}
    for batch in [int(b) for b in args.batches.split(",")]:
        images = torch.rand(batch, 3, config["size"], config["size"], device=device)
        for precision in args.precisions.split(","):
            for mode in args.modes.split(","):
                train = mode == "train"
                model.train(train)

                def step():
                    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=precision == "bf16"):
                        if train:
                            model.zero_grad()
                            model(images).float().mean().backward()
                        else:
                            with torch.no_grad():
                                model(images)

                seconds = seconds_per_call(step, args.min_seconds, args.max_repeats, device)
                flops = vit_flops(**flops_config) * batch * (3.0 if train else 1.0)
                print(json.dumps({"bench": "model", "impl": "pytorch-eager", "model": model_name, "device": name,
                                  "threads": torch.get_num_threads(), "batch": batch, "precision": precision,
                                  "mode": mode, "ms_per_batch": round(seconds * 1e3, 2),
                                  "images_per_s": round(batch / seconds, 3), "gflops": round(flops / seconds / 1e9, 1),
                                  "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
