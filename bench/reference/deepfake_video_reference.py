# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python pipeline bench_deepfake_video is compared with: the same video explained end to end
as a Python user would write it. OpenCV reads the frames and finds the face (the same frontal Haar
cascade with the same settings, on the equalised grey frame, the largest face kept); the face's
square crop (1.3 x its longer side, black outside the frame) is resized to 224 px; torchvision's
EfficientNet-B0 with one logit scores and explains 8 crops at a time with Grad-CAM (a forward hook);
each map is resized back to its square and placed in a full-frame array; the heatmaps are saved.
It leaves out what ours adds: the tracker's smoothing and the explanation metrics.

  python deepfake_video_reference.py --video /tmp/periscope-bench-1080p.mp4 --frames 120
"""
import argparse
import json
import os
import tempfile
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F
import torchvision

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"


def crop_square(frame, box, size):
    x, y, w, h = box
    side = max(1, round(1.3 * max(w, h)))
    left, top = round(x + w / 2 - side / 2), round(y + h / 2 - side / 2)
    square = np.zeros((side, side, 3), np.uint8)
    fx0, fy0 = max(0, left), max(0, top)
    fx1, fy1 = min(frame.shape[1], left + side), min(frame.shape[0], top + side)
    if fx1 > fx0 and fy1 > fy0:
        square[fy0 - top:fy1 - top, fx0 - left:fx1 - left] = frame[fy0:fy1, fx0:fx1]
    return cv2.resize(square, (size, size), interpolation=cv2.INTER_AREA), (left, top, side)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--video", default="/tmp/periscope-bench-1080p.mp4")
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=8)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    torch.manual_seed(0)
    model = torchvision.models.efficientnet_b0(num_classes=1).to(device).eval()
    for p in model.parameters():
        p.requires_grad_(False)
    store = {}
    model.features.register_forward_hook(lambda m, i, o: store.__setitem__("a", o))
    mean = torch.tensor([0.485, 0.456, 0.406], device=device).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225], device=device).view(1, 3, 1, 1)
    cascade = cv2.CascadeClassifier(CASCADE)

    started = time.perf_counter()
    capture = cv2.VideoCapture(args.video)
    width, height = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    heatmaps = np.zeros((args.frames, height, width), np.float32)
    pending, frames, faces = [], 0, 0

    def flush():
        if not pending:
            return
        crops = np.stack([c for _, c, _ in pending])
        x = (torch.from_numpy(crops).to(device).permute(0, 3, 1, 2).float() / 255.0 - mean) / std
        x.requires_grad_(True)
        logits = model(x)
        with torch.no_grad():
            torch.sigmoid(logits)
        a = store["a"]
        g = torch.autograd.grad(logits[:, 0].sum(), a)[0]
        cam = F.relu((g.mean((2, 3), keepdim=True) * a).sum(1, keepdim=True))
        cam = F.interpolate(cam, size=(224, 224), mode="bilinear", align_corners=False)[:, 0].detach().cpu().numpy()
        for (k, _, (left, top, side)), m in zip(pending, cam):
            square = cv2.resize(m, (side, side), interpolation=cv2.INTER_LINEAR)
            fx0, fy0 = max(0, left), max(0, top)
            fx1, fy1 = min(width, left + side), min(height, top + side)
            if fx1 > fx0 and fy1 > fy0:
                heatmaps[k, fy0:fy1, fx0:fx1] = square[fy0 - top:fy1 - top, fx0 - left:fx1 - left]
        pending.clear()

    while frames < args.frames:
        ok, bgr = capture.read()
        if not ok:
            break
        gray = cv2.equalizeHist(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY))
        found = cascade.detectMultiScale(gray, 1.1, 5, 0, (40, 40))
        if len(found):
            box = max(found, key=lambda r: r[2] * r[3])
            crop, square = crop_square(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), box, 224)
            pending.append((frames, crop, square))
            faces += 1
            if len(pending) >= args.batch:
                flush()
        frames += 1
    flush()
    with tempfile.TemporaryDirectory() as folder:
        np.save(os.path.join(folder, "heatmaps.npy"), heatmaps[:frames])
    seconds = time.perf_counter() - started
    print(json.dumps({"bench": "deepfake_video", "impl": "python-opencv-torch", "method": "gradcam", "size": 224, "frames": frames,
                      "faces": faces, "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
                      "threads": torch.get_num_threads(), "seconds": round(seconds, 2),
                      "frames_per_s": round(frames / seconds, 2)}), flush=True)


if __name__ == "__main__":
    main()
