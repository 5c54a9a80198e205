# SPDX-License-Identifier: GPL-3.0-or-later
"""PyTorch eager reference for bench_deepfake: torchvision's EfficientNet-B0 with one logit,
scoring and explaining batches of face crops the way a Python user would write it (a forward
hook for Grad-CAM, torch.autograd.grad for the gradient methods), with the same settings and pass
sizes as engine/deepfake/FrameDetector.cpp: IG 32 midpoint steps (and its completeness check),
SmoothGrad 16 samples at 15 % noise, occlusion windows of size/8 at half-window strides, and up
to 8 inputs per pass on the CPU, 64 on a GPU. Prints the same JSON lines as bench_deepfake.

  python deepfake_reference.py --device cuda --batches 1,8 --methods score,gradcam,ig
"""
import argparse
import json

import torch
import torch.nn.functional as F
import torchvision

from timing import seconds_per_call


class Detector:
    def __init__(self, device, pass_batch, calibration):
        self.model = torchvision.models.efficientnet_b0(num_classes=1).to(device)
        # Batch normalisation's statistics from crops like the bench's, as bench_deepfake sets them.
        for m in self.model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.momentum = None
                m.reset_running_stats()
        self.model.eval()
        for m in self.model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.train()
        with torch.no_grad():
            self.model(calibration)
        self.model.eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.device = device
        self.pass_batch = pass_batch
        self.activation = None
        self.model.features.register_forward_hook(lambda module, inputs, output: setattr(self, "activation", output))

    def score(self, x):
        with torch.no_grad():
            return torch.sigmoid(self.model(x)).reshape(-1).cpu()

    def input_gradient(self, x):
        x = x.detach().requires_grad_(True)
        return torch.autograd.grad(self.model(x)[:, 0].sum(), x)[0]

    def gradcam(self, x, plus_plus=False):
        x = x.detach().requires_grad_(True)
        logits = self.model(x)
        a = self.activation
        g = torch.autograd.grad(logits[:, 0].sum(), a)[0]
        if plus_plus:
            g2, g3 = g * g, g * g * g
            denominator = 2 * g2 + a.sum((2, 3), keepdim=True) * g3
            alpha = g2 / torch.where(denominator != 0, denominator, torch.ones_like(denominator))
            weights = (alpha * F.relu(g)).sum((2, 3), keepdim=True)
        else:
            weights = g.mean((2, 3), keepdim=True)
        cam = F.relu((weights * a).sum(1, keepdim=True))
        size = x.shape[-1]
        return F.interpolate(cam, size=(size, size), mode="bilinear", align_corners=False)[:, 0].cpu()

    def integrated_gradients(self, x, steps=32):
        n = x.shape[0]
        per = max(1, max(self.pass_batch, n) // n)
        total = torch.zeros_like(x)
        for start in range(0, steps, per):
            count = min(per, steps - start)
            alphas = (torch.arange(start, start + count, device=x.device, dtype=x.dtype) + 0.5) / steps
            points = (alphas.view(-1, 1, 1, 1, 1) * x.unsqueeze(0)).flatten(0, 1)
            total += self.input_gradient(points).view(count, *x.shape).sum(0)
        attribution = x * total / steps
        with torch.no_grad():  # completeness check, as the engine computes it
            difference = self.model(x)[:, 0] - self.model(torch.zeros_like(x))[:, 0]
            (attribution.flatten(1).sum(1) - difference).abs()
        return attribution.sum(1).cpu()

    def smoothgrad(self, x, samples=16, fraction=0.15):
        n = x.shape[0]
        per = max(1, max(self.pass_batch, n) // n)
        flat = x.flatten(1)
        spread = (flat.max(1).values - flat.min(1).values).view(1, n, 1, 1, 1) * fraction
        generator = torch.Generator().manual_seed(0)
        total = torch.zeros_like(x)
        for start in range(0, samples, per):
            count = min(per, samples - start)
            noise = torch.randn((count, *x.shape), generator=generator).to(x.device) * spread
            total += self.input_gradient((x.unsqueeze(0) + noise).flatten(0, 1)).view(count, *x.shape).sum(0)
        return (total / samples).abs().sum(1).cpu()

    def occlusion(self, x):
        n, _, h, w = x.shape
        window = max(8, h // 8)
        stride = window // 2

        def origins(length):
            last = max(0, length - window)
            o = list(range(0, last + 1, stride))
            return o if o[-1] == last else o + [last]

        patches = [(py, px) for py in origins(h) for px in origins(w)]
        per = max(1, max(self.pass_batch, n) // n)
        with torch.no_grad():
            reference = self.model(x)[:, 0]
            drop = torch.zeros((n, h, w), device=x.device)
            coverage = torch.zeros((n, h, w), device=x.device)
            for start in range(0, len(patches), per):
                chunk = patches[start:start + per]
                batch = x.unsqueeze(0).repeat(len(chunk), 1, 1, 1, 1)
                for i, (py, px) in enumerate(chunk):
                    batch[i, :, :, py:py + window, px:px + window] = 0.0
                scores = self.model(batch.flatten(0, 1))[:, 0].view(len(chunk), n)
                for i, (py, px) in enumerate(chunk):
                    drop[:, py:py + window, px:px + window] += (reference - scores[i]).view(n, 1, 1)
                    coverage[:, py:py + window, px:px + window] += 1.0
            return (drop / coverage.clamp_min(1.0)).cpu()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--batches", default="1,8")
    parser.add_argument("--methods", default="score,gradcam,gradcampp,ig,smoothgrad,occlusion")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    mean = torch.tensor([0.485, 0.456, 0.406], device=device).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225], device=device).view(1, 3, 1, 1)
    calibration = (torch.rand(8, 3, args.size, args.size, device=device) - mean) / std
    detector = Detector(device, 64 if device.type == "cuda" else 8, calibration)
    work = {
        "score": detector.score,
        "gradcam": detector.gradcam,
        "gradcampp": lambda x: detector.gradcam(x, plus_plus=True),
        "ig": detector.integrated_gradients,
        "smoothgrad": detector.smoothgrad,
        "occlusion": detector.occlusion,
    }
    for batch in [int(b) for b in args.batches.split(",")]:
        x = (torch.rand(batch, 3, args.size, args.size, device=device) - mean) / std
        for method in args.methods.split(","):
            seconds = seconds_per_call(lambda: work[method](x), args.seconds, args.repeats, device)
            print(json.dumps({"bench": "deepfake", "impl": "pytorch-eager", "model": "efficientnet_b0", "device": name,
                              "threads": torch.get_num_threads(), "size": args.size, "batch": batch,
                              "pass": detector.pass_batch, "method": method, "ms_per_batch": round(seconds * 1e3, 2),
                              "crops_per_s": round(batch / seconds, 3), "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
