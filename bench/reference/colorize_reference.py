#!/usr/bin/env python3
# PyTorch eager reference for bench_colorize: the same eccv16, siggraph17 (automatic mode) and
# Deep Koalarization networks, and the same full-resolution pipeline on a 1920x1080 photo
# (antialiased resize, sRGB -> Lab with the same constants, network, bilinear ab upsampling, the
# full L joined back, Lab -> sRGB), printing JSON lines with "impl": "pytorch-eager".
#   build/python/bin/python bench/reference/colorize_reference.py --threads 2 --batches 1,16 [--device cuda]
import argparse
import json

import torch
import torch.nn.functional as F
from torch import nn

from timing import seconds_per_call

RGB_TO_XYZ = torch.tensor([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                           [0.0193339, 0.1191920, 0.9503041]])
XYZ_TO_RGB = torch.tensor([[3.2404542, -1.5371385, -0.4985314], [-0.9692660, 1.8760108, 0.0415560],
                           [0.0556434, -0.2040259, 1.0572252]])
WHITE = torch.tensor([0.95047, 1.0, 1.08883]).reshape(3, 1, 1)
DELTA = 6.0 / 29.0


def mix(x, m):
    return torch.matmul(x.movedim(-3, -1), m.to(x.device).t()).movedim(-1, -3)


def srgb_to_lab(x):
    lin = torch.where(x <= 0.04045, x / 12.92, ((x.clamp_min(0.04045) + 0.055) / 1.055) ** 2.4)
    t = mix(lin, RGB_TO_XYZ) / WHITE.to(x.device)
    eps = DELTA ** 3
    f = torch.where(t > eps, t.clamp_min(eps) ** (1 / 3), t / (3 * DELTA * DELTA) + 4 / 29)
    fx, fy, fz = f[:, 0], f[:, 1], f[:, 2]
    return torch.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], 1)


def lab_to_srgb(lab):
    fy = (lab[:, 0] + 16) / 116
    f = torch.stack([fy + lab[:, 1] / 500, fy, fy - lab[:, 2] / 200], 1)
    t = torch.where(f > DELTA, f ** 3, 3 * DELTA * DELTA * (f - 4 / 29)) * WHITE.to(lab.device)
    lin = mix(t, XYZ_TO_RGB).clamp(0, 1)
    return torch.where(lin <= 0.0031308, lin * 12.92, 1.055 * lin.clamp_min(0.0031308) ** (1 / 2.4) - 0.055).clamp(0, 1)


def block(channels, dilation=1, init_relu=False, last_stride=1, norm=True):
    layers = [nn.ReLU(True)] if init_relu else []
    for i, (a, b) in enumerate(zip(channels[:-1], channels[1:])):
        stride = last_stride if i == len(channels) - 2 else 1
        layers += [nn.Conv2d(a, b, 3, stride=stride, padding=dilation, dilation=dilation), nn.ReLU(True)]
    if norm:
        layers.append(nn.BatchNorm2d(channels[-1]))
    return nn.Sequential(*layers)


class Eccv16(nn.Module):
    def __init__(self):
        super().__init__()
        self.model1 = block([1, 64, 64], last_stride=2)
        self.model2 = block([64, 128, 128], last_stride=2)
        self.model3 = block([128, 256, 256, 256], last_stride=2)
        self.model4 = block([256, 512, 512, 512])
        self.model5 = block([512, 512, 512, 512], 2)
        self.model6 = block([512, 512, 512, 512], 2)
        self.model7 = block([512, 512, 512, 512])
        self.model8 = nn.Sequential(nn.ConvTranspose2d(512, 256, 4, 2, 1), nn.ReLU(True), nn.Conv2d(256, 256, 3, padding=1),
                                    nn.ReLU(True), nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(True), nn.Conv2d(256, 313, 1))
        self.model_out = nn.Conv2d(313, 2, 1, bias=False)

    def forward(self, l):
        x = self.model1((l - 50) / 100)
        for m in (self.model2, self.model3, self.model4, self.model5, self.model6, self.model7, self.model8):
            x = m(x)
        return F.interpolate(self.model_out(torch.softmax(x, 1)), scale_factor=4, mode="bilinear", align_corners=False) * 110


class Siggraph17(nn.Module):
    def __init__(self):
        super().__init__()
        self.model1 = block([4, 64, 64])
        self.model2 = block([64, 128, 128])
        self.model3 = block([128, 256, 256, 256])
        self.model4 = block([256, 512, 512, 512])
        self.model5 = block([512, 512, 512, 512], 2)
        self.model6 = block([512, 512, 512, 512], 2)
        self.model7 = block([512, 512, 512, 512])
        self.model8up = nn.ConvTranspose2d(512, 256, 4, 2, 1)
        self.model3short8 = nn.Conv2d(256, 256, 3, padding=1)
        self.model8 = block([256, 256, 256], init_relu=True)
        self.model9up = nn.ConvTranspose2d(256, 128, 4, 2, 1)
        self.model2short9 = nn.Conv2d(128, 128, 3, padding=1)
        self.model9 = block([128, 128], init_relu=True)
        self.model10up = nn.ConvTranspose2d(128, 128, 4, 2, 1)
        self.model1short10 = nn.Conv2d(64, 128, 3, padding=1)
        self.model10 = nn.Sequential(nn.ReLU(True), nn.Conv2d(128, 128, 3, padding=1), nn.LeakyReLU(0.2))
        self.model_out = nn.Sequential(nn.Conv2d(128, 2, 1), nn.Tanh())

    def forward(self, l):
        hints = torch.zeros(l.shape[0], 3, l.shape[2], l.shape[3], device=l.device)
        c1 = self.model1(torch.cat([(l - 50) / 100, hints], 1))
        c2 = self.model2(c1[:, :, ::2, ::2])
        c3 = self.model3(c2[:, :, ::2, ::2])
        x = self.model7(self.model6(self.model5(self.model4(c3[:, :, ::2, ::2]))))
        x = self.model8(self.model8up(x) + self.model3short8(c3))
        x = self.model9(self.model9up(x) + self.model2short9(c2))
        x = self.model10(self.model10up(x) + self.model1short10(c1))
        return self.model_out(x) * 110


class Koalarization(nn.Module):
    def __init__(self, embedding=1000):
        super().__init__()
        layers, cin = [], 1
        for cout, stride in [(64, 2), (128, 1), (128, 2), (256, 1), (256, 2), (512, 1), (512, 1), (256, 1)]:
            layers += [nn.Conv2d(cin, cout, 3, stride=stride, padding=1), nn.ReLU(True)]
            cin = cout
        self.encoder = nn.Sequential(*layers)
        g, cin = [], 1
        for cout in (32, 64, 128, 256):
            g += [nn.Conv2d(cin, cout, 3, stride=2, padding=1), nn.ReLU(True)]
            cin = cout
        self.global_branch = nn.Sequential(*g, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(256, embedding))
        self.fusion = nn.Conv2d(256 + embedding, 256, 1)
        up = lambda: nn.Upsample(scale_factor=2, mode="nearest")
        self.decoder = nn.Sequential(nn.Conv2d(256, 128, 3, padding=1), nn.ReLU(True), up(), nn.Conv2d(128, 64, 3, padding=1),
                                     nn.ReLU(True), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(True), up(),
                                     nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(True), nn.Conv2d(32, 2, 3, padding=1), nn.Tanh(), up())

    def forward(self, l):
        scaled = l / 50 - 1
        features = self.encoder(scaled)
        g = self.global_branch(scaled)[:, :, None, None].expand(-1, -1, features.shape[2], features.shape[3])
        return self.decoder(torch.relu(self.fusion(torch.cat([features, g], 1)))) * 127


def colorize_photo(net, rgb, side):
    images = rgb[None]
    full_l = srgb_to_lab(images)[:, :1]
    small = F.interpolate(images, size=(side, side), mode="bilinear", align_corners=False, antialias=True).clamp(0, 1)
    ab = net(srgb_to_lab(small)[:, :1])
    ab = F.interpolate(ab, size=images.shape[2:], mode="bilinear", align_corners=False)
    return lab_to_srgb(torch.cat([full_l, ab], 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--models", default="eccv16,siggraph17,koalarization")
    parser.add_argument("--batches", default="1,16")
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    with torch.no_grad():
        for name in args.models.split(","):
            net = {"eccv16": Eccv16, "siggraph17": Siggraph17, "koalarization": Koalarization}[name]().eval().to(device)
            side = args.size if name == "koalarization" else 256
            for batch in (int(b) for b in args.batches.split(",")):
                l = torch.rand(batch, 1, args.size, args.size, device=device) * 100
                seconds = seconds_per_call(lambda: net(l), args.seconds, 10, device)
                print(json.dumps({"bench": "colorize", "impl": "pytorch-eager", "model": name, "mode": "network", "batch": batch,
                                  "size": args.size, "seconds": round(seconds, 5), "images_per_s": round(batch / seconds, 3),
                                  "device": args.device}), flush=True)
            photo = torch.rand(3, 1080, 1920, device=device)
            seconds = seconds_per_call(lambda: colorize_photo(net, photo, side), args.seconds, 10, device)
            print(json.dumps({"bench": "colorize", "impl": "pytorch-eager", "model": name, "mode": "photo_1080p", "batch": 1,
                              "size": side, "seconds": round(seconds, 5), "images_per_s": round(1 / seconds, 3),
                              "device": args.device}), flush=True)


if __name__ == "__main__":
    main()
