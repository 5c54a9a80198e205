#!/usr/bin/env python3
# Joins the JSON lines of our benches and their Python references (read on stdin) into one
# Markdown table of ratios per bench: ours / reference, for the rows whose keys match. Which fields
# make a row's key and which one is the rate is said once per bench in TABLES.
import json
import sys

# bench name(s), key fields, column titles for the key, the rate field and its unit,
# the reference's name, and whether a row without a reference is still listed.
TABLES = [
    (("deepfake_video",), ("method", "size", "frames"), ("method", "crop", "frames"), "frames_per_s", "frames/s", "Python", False),
    (("deepfake",), ("model", "method", "batch", "size"), ("detector", "method", "batch", "size"), "crops_per_s", "crops/s",
     "PyTorch eager", False),
    (("deepfake_clip",), ("model", "method", "batch"), ("detector", "method", "batch"), "clips_per_s", "clips/s", "PyTorch eager", True),
    (("slots_inference", "slots_train_step"), ("bench", "mode", "batch", "size"), ("slots", "mode", "batch", "size"), None, "/s",
     "PyTorch eager", False),
    (("colorize",), ("model", "mode", "batch"), ("model", "mode", "batch"), "images_per_s", "img/s", "PyTorch eager", False),
    (("graphs",), ("data", "method"), ("data", "method"), "graphs_per_second", "graphs/s", "PyTorch eager", True),
    (("model",), ("model", "batch", "precision", "mode"), ("model", "batch", "precision", "mode"), "images_per_s", "img/s",
     "PyTorch eager", False),
]


def rate(row, field):
    # Slots' two benches count images (inference) or steps (training).
    if field is None:
        field = "images_per_s" if row["bench"] == "slots_inference" else "steps_per_s"
    return row[field]


def main():
    rows = [json.loads(line) for line in (l.strip() for l in sys.stdin) if line.startswith("{")]
    sections = []
    for benches, key_fields, titles, field, unit, reference_name, list_alone in TABLES:
        ours, reference = {}, {}
        for row in rows:
            if row.get("bench") in benches:
                key = tuple(row.get(f, "forward" if f == "mode" else None) for f in key_fields)
                (ours if row["impl"] == "periscope" else reference)[key] = row
        if not ours:
            continue
        decimals = 1 if field == "graphs_per_second" else 2
        lines = ["| " + " | ".join(titles) + f" | Periscope {unit} | {reference_name} {unit} | ratio |",
                 "|" + "---|" * (len(titles) + 3)]
        for key in sorted(ours, key=lambda k: tuple(str(x) for x in k)):
            a = rate(ours[key], field)
            cells = " | ".join(str(k) for k in key)
            if key in reference:
                b = rate(reference[key], field)
                lines.append(f"| {cells} | {a:.{decimals}f} | {b:.{decimals}f} | {a / b:.2f} |")
            elif list_alone:
                lines.append(f"| {cells} | {a:.{decimals}f} | (no reference) | |")
        sections.append("\n".join(lines))
    print("\n\n".join(sections))


if __name__ == "__main__":
    main()
