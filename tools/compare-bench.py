#!/usr/bin/env python3
# Joins bench_models and reference JSON lines (same model, batch, precision, mode) into a
# Markdown table of throughput ratios: ours / PyTorch eager; bench_graphs lines (same data and
# method) into a second table; bench_deepfake lines (same method, batch, size) into another. Reads JSON lines on stdin.
import json
import sys

ours, reference = {}, {}
graphs_ours, graphs_reference = {}, {}
colorize_ours, colorize_reference = {}, {}
slots_ours, slots_reference = {}, {}
deepfake_ours, deepfake_reference = {}, {}
video_ours, video_reference = {}, {}
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    row = json.loads(line)
    if row.get("bench") == "colorize":
        key = (row["model"], row["mode"], row["batch"])
        (colorize_ours if row["impl"] == "periscope" else colorize_reference)[key] = row
        continue
    if row.get("bench") == "deepfake_video":
        key = (row["method"], row["size"], row["frames"])
        (video_ours if row["impl"] == "periscope" else video_reference)[key] = row
        continue
    if row.get("bench") == "deepfake":
        key = (row["model"], row["method"], row["batch"], row["size"])
        (deepfake_ours if row["impl"] == "periscope" else deepfake_reference)[key] = row
        continue
    if row.get("bench") in ("slots_inference", "slots_train_step"):
        key = (row["bench"], row.get("mode", "forward"), row["batch"], row["size"])
        (slots_ours if row["impl"] == "periscope" else slots_reference)[key] = row
        continue
    if row.get("bench") == "graphs":
        key = (row["data"], row["method"])
        (graphs_ours if row["impl"] == "periscope" else graphs_reference)[key] = row
        continue
    if row.get("bench") != "model":
        continue
    key = (row["model"], row["batch"], row["precision"], row["mode"])
    (ours if row["impl"] == "periscope" else reference)[key] = row

if video_ours:
    print("| pipeline | method | crop | frames | Periscope frames/s | Python frames/s | ratio |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(video_ours):
        if key in video_reference:
            a, b = video_ours[key]["frames_per_s"], video_reference[key]["frames_per_s"]
            print(f"| video | {key[0]} | {key[1]} | {key[2]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    if not deepfake_ours and not ours and not graphs_ours and not colorize_ours and not slots_ours:
        sys.exit(0)
    print()

if deepfake_ours:
    print("| detector | method | batch | size | Periscope crops/s | PyTorch eager crops/s | ratio |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(deepfake_ours):
        if key in deepfake_reference:
            a, b = deepfake_ours[key]["crops_per_s"], deepfake_reference[key]["crops_per_s"]
            print(f"| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    if not ours and not graphs_ours and not colorize_ours and not slots_ours:
        sys.exit(0)
    print()

if slots_ours:
    print("| slots | mode | batch | size | Periscope /s | PyTorch eager /s | ratio |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(slots_ours):
        if key in slots_reference:
            field = "images_per_s" if key[0] == "slots_inference" else "steps_per_s"
            a, b = slots_ours[key][field], slots_reference[key][field]
            print(f"| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    if not ours and not graphs_ours and not colorize_ours:
        sys.exit(0)
    print()

if colorize_ours:
    print("| model | mode | batch | Periscope img/s | PyTorch eager img/s | ratio |")
    print("|---|---|---|---|---|---|")
    for key in sorted(colorize_ours):
        if key in colorize_reference:
            a, b = colorize_ours[key]["images_per_s"], colorize_reference[key]["images_per_s"]
            print(f"| {key[0]} | {key[1]} | {key[2]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    if not ours and not graphs_ours:
        sys.exit(0)
    print()

if graphs_ours:
    print("| data | method | Periscope graphs/s | PyTorch eager graphs/s | ratio |")
    print("|---|---|---|---|---|")
    for key in sorted(graphs_ours):
        a = graphs_ours[key]["graphs_per_second"]
        if key in graphs_reference:
            b = graphs_reference[key]["graphs_per_second"]
            print(f"| {key[0]} | {key[1]} | {a:.1f} | {b:.1f} | {a / b:.2f} |")
        else:
            print(f"| {key[0]} | {key[1]} | {a:.1f} | (no reference) | |")
    if not ours:
        sys.exit(0)
    print()

print("| model | batch | precision | mode | Periscope img/s | PyTorch eager img/s | ratio |")
print("|---|---|---|---|---|---|---|")
for key in sorted(ours):
    if key in reference:
        a, b = ours[key]["images_per_s"], reference[key]["images_per_s"]
        print(f"| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
