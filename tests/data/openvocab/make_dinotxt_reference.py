#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the dino.txt reference with the paper's own code (facebookresearch/dinov2: its
# DinoVisionTransformer, and dinov2/hub/text's VisionTower, TextTransformer and TextTower, built
# as dinov2/hub/dinotxt.py builds the released model, only smaller):
#   dinov2_reg_backbone.pth   a DINOv2 ViT with 2 registers, LayerScale, trained at 4 x 4 patches
#                             (interpolation with antialiasing, no offset, as the _reg models)
#   dinov2_backbone.pth       one without registers or LayerScale (the 0.1 offset interpolation)
#   dinotxt_vision_head.pth   two SwiGLU blocks and ln_final, as ..._vision_head.pth names them
#   dinotxt_text_encoder.pth  a causal text transformer and its projection, as ..._text_encoder.pth
#   dinotxt_reference.safetensors  inputs and what the paper's code returns for them, and the
#                             dino.txt notebook's dense similarity of the first image's patch
#                             tokens to three made-up text embeddings at a 90 x 101 map
# Every LayerScale and norm is perturbed away from its initial value, so that a wrong scale or
# a swapped norm shows in the outputs.
#   python make_dinotxt_reference.py --dinov2 PATH/TO/dinov2-checkout
import argparse
import json
import os
import struct
import sys

os.environ.setdefault("XFORMERS_DISABLED", "1")
import torch  # noqa: E402


def write_safetensors(path, tensors):
    kinds = {torch.float32: "F32", torch.int64: "I64"}
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": kinds[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def perturb(module, generator):
    for name, p in module.named_parameters():
        if name.endswith("gamma") or "norm" in name or name.startswith("ln_final") or ".ln_final" in name:
            with torch.no_grad():
                p.add_(0.3 * torch.randn(p.shape, generator=generator))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dinov2", required=True, help="a checkout of facebookresearch/dinov2")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    sys.path.insert(0, args.dinov2)
    from functools import partial

    from dinov2.layers import MemEffAttention, NestedTensorBlock
    from dinov2.models.vision_transformer import DinoVisionTransformer
    from dinov2.hub.text.dinov2_wrapper import DINOv2Wrapper
    from dinov2.hub.text.text_tower import TextTower
    from dinov2.hub.text.text_transformer import TextTransformer
    from dinov2.hub.text.vision_tower import VisionTower

    torch.manual_seed(7)
    g = torch.Generator().manual_seed(11)
    block = partial(NestedTensorBlock, attn_class=MemEffAttention)
    # As dinov2_vitl14_reg, at 128 wide (two 64-wide heads), two blocks, mlp ratio 1.
    reg = DinoVisionTransformer(img_size=56, patch_size=14, embed_dim=128, depth=2, num_heads=2, mlp_ratio=1, block_fn=block,
                                init_values=1.0, block_chunks=0, num_register_tokens=2, interpolate_antialias=True,
                                interpolate_offset=0.0).eval()
    # As dinov2_vits14 without registers: LayerScale off, the 0.1 offset.
    plain = DinoVisionTransformer(img_size=42, patch_size=14, embed_dim=64, depth=1, num_heads=1, mlp_ratio=2, block_fn=block,
                                  init_values=None, block_chunks=0, num_register_tokens=0, interpolate_antialias=False,
                                  interpolate_offset=0.1).eval()
    for backbone in (reg, plain):
        with torch.no_grad():
            backbone.pos_embed.normal_(0, 1, generator=g)
            backbone.cls_token.normal_(0, 1, generator=g)
            if backbone.register_tokens is not None:
                backbone.register_tokens.normal_(0, 1, generator=g)
        perturb(backbone, g)

    vision = VisionTower(DINOv2Wrapper(reg), True, 256, 2, 0.3, True, True, 1, "mean", False).eval()
    vision.head.init_weights()
    perturb(vision.head, g)
    text_backbone = TextTransformer(context_length=16, vocab_size=64, dim=128, num_heads=2, num_layers=2, ffn_ratio=1,
                                    is_causal=True, ls_init_value=None, dropout_prob=0.0)
    text = TextTower(text_backbone, False, 256, 0, False, 0.0, "argmax", True).eval()
    text.init_weights()
    perturb(text, g)

    images = torch.randn(2, 3, 70, 84, generator=g)           # a 5 x 6 grid: interpolated positions
    square = torch.randn(1, 3, 56, 56, generator=g)           # the trained grid: positions as stored
    plain_images = torch.randn(2, 3, 56, 70, generator=g)     # 4 x 5 from 3 x 3 with the offset
    ids = torch.randint(1, 60, (3, 16), generator=g)
    for row, length in enumerate((5, 16, 9)):                 # the end token (the largest id, 63) and padding
        ids[row, length - 1] = 63
        ids[row, length:] = 0
    with torch.no_grad():
        cls, patches = vision.get_class_and_patch_tokens(images)
        embedding = vision(images)
        square_embedding = vision(square)
        plain_out = plain.forward_features(plain_images)
        text_embedding = text(ids)
        # The notebook's dense similarity ("Get patch embeddings"), at a map size of its own.
        dense_text = torch.randn(3, 256, generator=g)
        B, P, D = patches.shape
        x = patches[:1].movedim(2, 1).unflatten(2, (5, 6)).float()
        x = torch.nn.functional.interpolate(x, size=(90, 101), mode="bicubic", align_corners=False)
        x = torch.nn.functional.normalize(x, p=2, dim=1)
        y = torch.nn.functional.normalize(dense_text[:, 128:], p=2, dim=1)
        dense_similarity = torch.einsum("bdhw,cd->bchw", x, y)[0]

    torch.save(reg.state_dict(), os.path.join(args.out, "dinov2_reg_backbone.pth"))
    torch.save(plain.state_dict(), os.path.join(args.out, "dinov2_backbone.pth"))
    torch.save(vision.head.state_dict(), os.path.join(args.out, "dinotxt_vision_head.pth"))
    torch.save(text.state_dict(), os.path.join(args.out, "dinotxt_text_encoder.pth"))
    write_safetensors(os.path.join(args.out, "dinotxt_reference.safetensors"), {
        "images": images, "cls": cls, "patch_tokens": patches, "image_embedding": embedding,
        "square_images": square, "square_image_embedding": square_embedding,
        "plain_images": plain_images, "plain_tokens": torch.cat([plain_out["x_norm_clstoken"].unsqueeze(1), plain_out["x_norm_patchtokens"]], 1),
        "token_ids": ids, "text_embedding": text_embedding,
        "dense_text": dense_text, "dense_similarity": dense_similarity,
    })
    print({k: tuple(v.shape) for k, v in vision.head.state_dict().items()})
    print(sorted(text.state_dict().keys())[:8])


main()
