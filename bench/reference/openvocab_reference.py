#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# PyTorch eager reference for bench_openvocab: the paper's own modules (facebookresearch/dinov2:
# DinoVisionTransformer as dinov2_vitl14_reg builds it, VisionTower with the two-block head, and
# TextTransformer + TextTower as dinov2/hub/dinotxt.py builds the released model), random
# weights, timed on the same shapes with the same loop (timing.py). fp32, and bf16 autocast.
#   build/python/bin/python bench/reference/openvocab_reference.py --dinov2 PATH/TO/dinov2 --threads 2
import argparse
import json
import os
import sys

os.environ.setdefault("XFORMERS_DISABLED", "1")
import torch  # noqa: E402

from timing import seconds_per_call  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dinov2", required=True, help="a checkout of facebookresearch/dinov2")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--size", type=int, default=518)
    parser.add_argument("--prompts", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--precision", default="fp32,bf16")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    sys.path.insert(0, args.dinov2)
    import warnings

    warnings.filterwarnings("ignore")
    from functools import partial

    from dinov2.layers import MemEffAttention, NestedTensorBlock
    from dinov2.models.vision_transformer import DinoVisionTransformer
    from dinov2.hub.text.dinov2_wrapper import DINOv2Wrapper
    from dinov2.hub.text.text_tower import TextTower
    from dinov2.hub.text.text_transformer import TextTransformer
    from dinov2.hub.text.vision_tower import VisionTower

    torch.manual_seed(0)
    device = torch.device(args.device)
    backbone = DinoVisionTransformer(img_size=518, patch_size=14, embed_dim=1024, depth=24, num_heads=16, mlp_ratio=4,
                                     block_fn=partial(NestedTensorBlock, attn_class=MemEffAttention), init_values=1.0,
                                     block_chunks=0, num_register_tokens=4, interpolate_antialias=True, interpolate_offset=0.0)
    vision = VisionTower(DINOv2Wrapper(backbone), True, 2048, 2, 0.3, True, True, 1, "mean", False).to(device).eval()
    text = TextTower(TextTransformer(77, 49408, 1280, 20, 24, 4, True, None), False, 2048, 0, False, 0.0, "argmax", True).to(device).eval()
    images = torch.randn(1, 3, args.size, args.size, device=device)
    ids = torch.randint(1, 49000, (args.prompts, 77), device=device)
    ids[:, 20] = 49407
    ids[:, 21:] = 0
    for precision in args.precision.split(","):
        dtype = torch.bfloat16 if precision == "bf16" else torch.float32

        def run_vision():
            with torch.no_grad(), torch.autocast(device.type, dtype=dtype, enabled=precision == "bf16"):
                vision(images)

        def run_text():
            with torch.no_grad(), torch.autocast(device.type, dtype=dtype, enabled=precision == "bf16"):
                text(ids)

        s = seconds_per_call(run_vision, args.seconds, 1000, args.device)
        print(json.dumps({"bench": "openvocab_vision", "impl": "pytorch", "precision": precision, "size": args.size, "seconds": s,
                          "images_per_s": 1 / s, "device": args.device}), flush=True)
        s = seconds_per_call(run_text, args.seconds, 1000, args.device)
        print(json.dumps({"bench": "openvocab_text", "impl": "pytorch", "precision": precision, "prompts": args.prompts, "seconds": s,
                          "prompts_per_s": args.prompts / s, "device": args.device}), flush=True)


main()
