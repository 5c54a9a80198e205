#!/usr/bin/env python3
# PyTorch eager reference for the Slots model (Baldassarre & Azizpour, ICLR-W 2022): the same
# network as engine/slots/SlotNets, written independently in Python with the parameter names of
# the paper's repository (baldassarreFe/iclr-osc-22), so that
#   - bench_slots can compare ours with PyTorch eager on the same input (--bench), and
#   - tests/data/slots/paper-checkpoint.pth can be made (--fixture): a torch.save checkpoint in
#     the repository's format ({"model": state_dict, "optimizer": ..., "steps": ...}) with the
#     outputs of this implementation for a fixed input, which tst_slots compares against ours.
# Run with build/python's torch (or any PyTorch):
#   build/python/bin/python bench/reference/slots_reference.py --fixture tests/data/slots
#   build/python/bin/python bench/reference/slots_reference.py --bench --threads 2
import argparse
import json
import math

import torch
from torch import nn

from timing import seconds_per_call


class Mlp(nn.Module):
    def __init__(self, dim, hidden, out, out_bias=True):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, out, bias=out_bias)

    def forward(self, x):
        return self.fc2(nn.functional.gelu(self.fc1(x)))


class PatchEmbed(nn.Module):
    def __init__(self, patch, dim):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class PosEmbed(nn.Module):
    def __init__(self, tokens, dim):
        super().__init__()
        self.embed = nn.Parameter(torch.randn(tokens, dim) * 0.02)

    def forward(self, x):
        return x + self.embed


class SelfAttn(nn.Module):
    # As the repository's SelfAttention: no 1/sqrt(d) on the dot products.
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.proj_qkv = nn.Sequential(nn.Linear(dim, 3 * dim, bias=False))
        self.proj_out = nn.Sequential(nn.Identity(), nn.Linear(dim, dim))

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.proj_qkv(x).reshape(b, n, 3, self.heads, c // self.heads).unbind(2)
        dots = torch.einsum("bqhc,bkhc->bhqk", q, k)
        out = torch.einsum("bhqk,bkhc->bqhc", dots.softmax(-1), v).reshape(b, n, c)
        return self.proj_out(out)


class Block(nn.Module):
    def __init__(self, dim, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = SelfAttn(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, hidden, dim)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Backbone(nn.Module):
    def __init__(self, size, patch, dim, layers, heads):
        super().__init__()
        self.patch_emb = PatchEmbed(patch, dim)
        self.pos_embed = PosEmbed((size // patch) ** 2, dim)
        self.attn_blocks = nn.ModuleList([Block(dim, heads, 2 * dim) for _ in range(layers)])
        # vit_obj_global pools by average (global_pool: avg): no class token.

    def forward(self, images):
        x = self.patch_emb(images)
        for block in self.attn_blocks:
            x = self.pos_embed(x)
            x = block(x)
        return x.mean(dim=1), x


class SlotAttn(nn.Module):
    def __init__(self, dim, iters):
        super().__init__()
        self.iters = iters
        self.to_q = nn.Linear(dim, dim, bias=False)
        self.to_k = nn.Linear(dim, dim, bias=False)
        self.to_v = nn.Linear(dim, dim, bias=False)
        self.gru = nn.GRUCell(dim, dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.ReLU(), nn.Linear(2 * dim, dim))
        self.norm_input = nn.LayerNorm(dim)
        self.norm_slots = nn.LayerNorm(dim)
        self.norm_pre_ff = nn.LayerNorm(dim)

    def forward(self, slots, inputs, attns):
        b, s, c = slots.shape
        inputs = self.norm_input(inputs)
        k, v = self.to_k(inputs), self.to_v(inputs)
        for _ in range(self.iters):
            prev = slots
            q = self.to_q(self.norm_slots(slots)) / math.sqrt(c)
            attn = torch.einsum("bsc,bnc->bsn", q, k).softmax(dim=1)
            attns.append(attn)
            attn = attn + 1e-8
            attn = attn / attn.sum(dim=-1, keepdim=True)
            updates = torch.einsum("bsn,bnc->bsc", attn, v)
            slots = self.gru(updates.reshape(-1, c), prev.reshape(-1, c)).reshape(b, s, c)
            slots = slots + self.mlp(self.norm_pre_ff(slots))
        return slots


class Tokens(nn.Module):
    def __init__(self, slots, dim):
        super().__init__()
        self.tokens = nn.Parameter(torch.randn(slots, dim) * 0.02)


class Model(nn.Module):
    # architecture "backbone-obj_fn(-global_fn-global_proj)-obj_proj"
    def __init__(self, size=128, patch=8, dim=64, layers=4, heads=4, slots=11, iters=3):
        super().__init__()
        self.backbone = Backbone(size, patch, dim, layers, heads)
        self.global_fn = Mlp(dim, 2 * dim, dim)
        self.global_proj = Mlp(dim, 2 * dim, dim, out_bias=False)
        self.obj_queries = Tokens(slots, dim)
        self.obj_fn = SlotAttn(dim, iters)
        self.obj_proj = Mlp(dim, 4 * dim, dim, out_bias=False)

    def forward(self, images):
        attns = []
        _, patches = self.backbone(images)
        queries = self.obj_queries.tokens.expand(images.shape[0], -1, -1)
        slots = self.obj_fn(queries, patches, attns)
        f_global = self.global_fn(slots.mean(dim=1))
        return f_global, self.global_proj(f_global), slots, self.obj_proj(slots), attns


def pattern():
    # The fixture's input, a formula tst_slots computes too (cheaper than storing 98,304 floats).
    b, c, y, x = torch.meshgrid(torch.arange(2.0), torch.arange(3.0), torch.arange(128.0), torch.arange(128.0), indexing="ij")
    return torch.sin(0.05 * x * (c + 1) + 0.07 * y + b) * 1.5


def fixture(folder):
    torch.manual_seed(2022)
    model = Model().eval()
    # Larger than the init scale so that attention is far from uniform and errors would show.
    with torch.no_grad():
        model.obj_queries.tokens.normal_(0, 1.0)
        model.backbone.pos_embed.embed.normal_(0, 0.5)
    images = pattern()
    with torch.no_grad():
        f_global, p_global, slots, p_slots, attns = model(images)
    optimizer = torch.optim.AdamW(model.parameters(), lr=7e-4)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "steps": 0},
               f"{folder}/paper-checkpoint.pth")
    expected = {
        "global": f_global.flatten().tolist(),
        "slots": slots.flatten().tolist(),
        "attention_first": attns[0].flatten().tolist(),
        "attention_last": attns[-1].flatten().tolist(),
    }
    with open(f"{folder}/paper-checkpoint-outputs.json", "w") as f:
        json.dump(expected, f)


def bench(threads, batches, size, min_seconds, train_batch, device):
    torch.set_num_threads(threads)
    model = Model(size=size).eval().to(device)
    for batch in batches:
        images = torch.rand(batch, 3, size, size, device=device)
        with torch.no_grad():
            seconds = seconds_per_call(lambda: model(images), min_seconds, 100000, device)
        print(json.dumps({"bench": "slots_inference", "impl": "pytorch-eager", "batch": batch, "size": size,
                          "images_per_s": batch / seconds, "device": device}))
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    images = torch.rand(2 * train_batch, 3, size, size, device=device)

    def step():
        optimizer.zero_grad()
        f_global, p_global, slots, p_slots, _ = model(images)
        # The step's cost is the network's; a simple stand-in loss keeps this free of SciPy.
        loss = p_global.pow(2).mean() + p_slots.pow(2).mean()
        loss.backward()
        optimizer.step()

    seconds = seconds_per_call(step, min_seconds, 50, device)
    print(json.dumps({"bench": "slots_train_step", "impl": "pytorch-eager", "mode": "network", "batch": 2 * train_batch, "size": size,
                      "steps_per_s": 1.0 / seconds, "device": device}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture")
    parser.add_argument("--bench", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batches", default="1,16")
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--train-batch", type=int, default=16)
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    if args.fixture:
        fixture(args.fixture)
    if args.bench:
        bench(args.threads, [int(b) for b in args.batches.split(",")], args.size, args.seconds, args.train_batch, args.device)
