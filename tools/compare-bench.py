#!/usr/bin/env python3
# Joins bench_models and reference JSON lines (same model, batch, precision, mode) into a
# Markdown table of throughput ratios: ours / PyTorch eager. Reads JSON lines on stdin.
import json
import sys

ours, reference = {}, {}
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    row = json.loads(line)
    if row.get("bench") != "model":
        continue
    key = (row["model"], row["batch"], row["precision"], row["mode"])
    (ours if row["impl"] == "periscope" else reference)[key] = row

print("| model | batch | precision | mode | Periscope img/s | PyTorch eager img/s | ratio |")
print("|---|---|---|---|---|---|---|")
for key in sorted(ours):
    if key in reference:
        a, b = ours[key]["images_per_s"], reference[key]["images_per_s"]
        print(f"| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
