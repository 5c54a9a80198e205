# SPDX-License-Identifier: GPL-3.0-or-later
"""PyTorch eager reference for bench_deepfake_clip: torchvision's mvit_v2_s with one logit, scoring
and explaining batches of 16-frame 224 px clips the way a Python user would write it (Grad-CAM
with a forward pre-hook on the last block's input and torch.autograd.grad, upsampled trilinearly
to the clip, as engine/deepfake/ClipDetector.cpp computes it). Prints the same JSON lines as
bench_deepfake_clip.

  python deepfake_clip_reference.py --device cuda --batches 1,4 --methods score,gradcam
"""
import argparse
import json

import torch
import torch.nn.functional as F
import torchvision

from timing import seconds_per_call


class ClipDetector:
    def __init__(self, device):
        self.model = torchvision.models.video.mvit_v2_s(num_classes=1).to(device).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.tokens = None
        self.grid = None

        def keep(module, inputs):
            self.tokens, self.grid = inputs
        self.model.blocks[-1].register_forward_pre_hook(keep)

    def score(self, x):
        with torch.no_grad():
            return torch.sigmoid(self.model(x)).reshape(-1).cpu()

    def gradcam(self, x):
        x = x.detach().requires_grad_(True)
        logits = self.model(x)
        a = self.tokens
        g = torch.autograd.grad(logits[:, 0].sum(), a)[0]
        cells, grads = a[:, 1:], g[:, 1:]
        cam = F.relu((grads.mean(1, keepdim=True) * cells).sum(2)).reshape(x.shape[0], 1, *self.grid)
        return F.interpolate(cam, size=x.shape[2:], mode="trilinear", align_corners=False)[:, 0].cpu()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batches", default="1,4")
    parser.add_argument("--methods", default="score,gradcam")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    detector = ClipDetector(device)
    work = {"score": detector.score, "gradcam": detector.gradcam}
    for batch in [int(b) for b in args.batches.split(",")]:
        x = (torch.rand(batch, 3, 16, 224, 224, device=device) - 0.45) / 0.225
        for method in args.methods.split(","):
            seconds = seconds_per_call(lambda: work[method](x), args.seconds, args.repeats, device)
            print(json.dumps({"bench": "deepfake_clip", "impl": "pytorch-eager", "model": "mvit_v2_s", "device": name,
                              "threads": torch.get_num_threads(), "frames": 16, "size": 224, "batch": batch,
                              "method": method, "ms_per_batch": round(seconds * 1e3, 2),
                              "clips_per_s": round(batch / seconds, 3), "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
