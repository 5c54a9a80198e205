#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the bad-input corpus of issue #17 at test time (standard library only): every class of
# hostile or careless input the sweep found, written into FOLDER. run_bad_inputs.py feeds them to
# every CLI command that takes such a file. Nothing here is committed as a binary.
#   make_bad_inputs.py FOLDER MARKER
# MARKER is a path that would appear if any input managed to run code.
import json
import os
import pathlib
import sqlite3
import struct
import sys
import zipfile
import zlib

out = pathlib.Path(sys.argv[1])
marker = sys.argv[2]
out.mkdir(parents=True, exist_ok=True)


def torch_zip(path, records, prefix="archive"):
    """A zip laid out as torch.save writes it (stored entries under one folder)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in records.items():
            z.writestr(f"{prefix}/{name}", data)
        z.writestr(f"{prefix}/version", b"3\n")


def pickle_global(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def unicode(text):
    data = text.encode()
    return b"X" + struct.pack("<I", len(data)) + data


# --- code execution -------------------------------------------------------------------------
# A pickle whose REDUCE would call os.system (as Python's unpickler would).
evil = (b"\x80\x02" + pickle_global("os", "system") + unicode(f"touch {marker}") + b"\x85R.")
torch_zip(out / "reduce-os-system.pt", {"data.pkl": evil})
(out / "reduce-os-system-legacy.pt").write_bytes(evil)
# A TorchScript archive whose class defines __setstate__ that would write the marker.
state = (b"\x80\x02" + pickle_global("__torch__", "Evil") + b")\x81" + unicode("payload") + b"b.")
code = ("class Evil(Module):\n  __parameters__ = []\n  __buffers__ = []\n"
        f"  def __setstate__(self, state: str):\n    torch.save(state, \"{marker}\")\n")
torch_zip(out / "torchscript-setstate.pt", {"data.pkl": state, "constants.pkl": b"\x80\x02).",
                                            "code/__torch__.py": code.encode()})

# --- crashes --------------------------------------------------------------------------------
depth = 300_000
torch_zip(out / "deep-pickle.pt", {"data.pkl": b"\x80\x02" + b"]" * depth + b"a" * (depth - 1) + b"."})
(out / "deep-tuples.pt").write_bytes(b"\x80\x02" + b"(" * depth + b"t" * depth + b".")
overflow = (b"\x80\x02}(" + unicode("w") + pickle_global("torch._utils", "_rebuild_tensor_v2") + b"((" +
            unicode("storage") + pickle_global("torch", "FloatStorage") + unicode("0") + unicode("cpu") +
            b"K\x04tQK\x00(\x8a\x08" + struct.pack("<q", 1 << 62) + b"K\x01t(\x8a\x08" + struct.pack("<q", 4) +
            b"K\x01t\x89)tRu.")
torch_zip(out / "stride-overflow.pt", {"data.pkl": overflow, "data/0": b"\0" * 16})
(out / "truncated.pt").write_bytes((out / "stride-overflow.pt").read_bytes()[:200])
(out / "not-a-zip.pt").write_bytes(b"PK\x03\x04" + b"\xff" * 64)

# --- memory ---------------------------------------------------------------------------------
# A deflated entry that declares 5.3 GB (and inflates to 64 MB of zeros).
zbomb = out / "zip-bomb.pt"
with zipfile.ZipFile(zbomb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("archive/data.pkl", b"\x80\x02}.")
    z.writestr("archive/data/0", b"\0" * (64 << 20))
raw = bytearray(zbomb.read_bytes())
at = raw.find(b"PK\x01\x02", 0)
while at >= 0:
    name_length = struct.unpack_from("<H", raw, at + 28)[0]
    if raw[at + 46:at + 46 + name_length].endswith(b"data/0"):
        struct.pack_into("<I", raw, at + 24, 0xFFFFFFFF)
    at = raw.find(b"PK\x01\x02", at + 1)
zbomb.write_bytes(bytes(raw))


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"".join(b"\0" + b"\x80" * (3 * min(width, 64)) for _ in range(min(height, 64))))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


(out / "bomb-20000.png").write_bytes(png(20000, 20000))
(out / "bomb-max.png").write_bytes(png(0xFFFFFFFF, 0xFFFFFFFF))
(out / "truncated.png").write_bytes(png(64, 64)[:60])
(out / "text-named.jpg").write_bytes(b"just words, not a picture\n")

# --- hangs ----------------------------------------------------------------------------------
os.mkfifo(out / "fifo.pt")
os.mkfifo(out / "fifo.mp4")
os.mkfifo(out / "fifo.png")
(out / "live.m3u8").write_text("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/a.ts\n")
(out / "loop.ffconcat").write_text("ffconcat version 1.0\nfile loop.ffconcat\n")
(out / "text.mp4").write_text("not a video\n")
header = json.dumps({f"t{i}": {"dtype": "F32", "shape": [1], "data_offsets": [4 * i, 4 * i + 4]}
                     for i in range(200_000)}).encode()
(out / "many-tensors.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + b"\0" * 800_000)
(out / "huge-header.safetensors").write_bytes(struct.pack("<Q", 1 << 40) + b"{}")


def float_safetensors(path, tensors):
    """tensors: name -> (shape, list of float32 values)"""
    header, data = {}, b""
    for name, (shape, values) in tensors.items():
        raw = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    encoded = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(encoded)) + encoded + data)


# Explanation heatmaps (valid safetensors, so apart from the weights): a NaN, a 2-D map, masks of
# another size (and good heatmaps in good/).
(out / "explanations").mkdir(exist_ok=True)
float_safetensors(out / "explanations" / "heatmaps-nan.safetensors", {"heatmaps": ([1, 2, 2], [1.0, float("nan"), 0.0, 1.0])})
float_safetensors(out / "explanations" / "heatmaps-2d.safetensors", {"heatmaps": ([2, 2], [1.0, 0.0, 0.0, 1.0])})
float_safetensors(out / "explanations" / "masks-3x3.safetensors", {"masks": ([1, 3, 3], [1.0] * 9)})

study = out / "hostile-study.sqlite"
with sqlite3.connect(study) as db:
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE raters(number INTEGER PRIMARY KEY, anonymous_id TEXT)")
    db.execute("CREATE TABLE answers(rater INTEGER, trial INTEGER)")
    db.execute("CREATE VIEW spin AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")
    db.execute("CREATE TRIGGER loop AFTER INSERT ON answers BEGIN INSERT INTO answers SELECT * FROM answers; END")
(out / "csv-as-study.sqlite").write_text("rater,answer\n1,2\n")

# --- wrong success / text inputs ------------------------------------------------------------
# A fakes folder whose metadata names videos and box files outside it.
(out / "escaping-fakes").mkdir(exist_ok=True)
(out / "escaping-fakes" / "metadata.json").write_text(json.dumps(
    {"../good/tiny.mkv": {"label": "REAL"}, "/etc/hostname": {"label": "FAKE", "original": "../good/tiny.mkv"}}))
(out / "escaping-boxes").mkdir(exist_ok=True)
(out / "escaping-boxes" / "metadata.json").write_text(json.dumps(
    {"metadata.json": {"label": "REAL", "boxes": "/proc/self/environ"}}))
(out / "escaping-scenes").mkdir(exist_ok=True)
(out / "escaping-scenes" / "scenes.json").write_text(json.dumps(
    {"scenes": [{"image_filename": "/etc/passwd", "objects": []}, {"image_filename": "../../x.png", "objects": []}]}))
(out / "graph-bad-index.json").write_text('{"nodes": [[1, 0, 0, 0]], "edges": [[0, 7]], "edge_features": [[1, 0]]}')
(out / "graph-nan.json").write_text('{"nodes": [[1, 0, 0]], "edges": [], "edge_features": []}')
(out / "sdf-garbage.sdf").write_text("not a molecule\n$$$$\n")

# --- projects for the GUI -------------------------------------------------------------------------
os.mkfifo(out / "fifo.periscope")
(out / "deep.periscope").write_text('{"format": "periscope-project", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
(out / "truncated.periscope").write_text('{"format": "periscope-project", "version": 1, "workspaces": [{"id": "colo')
(out / "future.periscope").write_text('{"format": "periscope-project", "version": 99, "workspaces": []}')
# A project from elsewhere naming files outside its folder: an absolute path, a climb, a model.
(out / "sent").mkdir(exist_ok=True)
(out / "sent" / "outside.periscope").write_text(json.dumps(
    {"format": "periscope-project", "version": 1, "activeWorkspace": "colorize",
     "workspaces": [{"id": "colorize", "files": ["/etc/hostname", "../escaping-scenes/scenes.json"],
                     "state": {"photos": ["/etc/hostname"], "model": "../weights-evil.pt"}},
                    {"id": "graphs", "state": {"input": "file", "file": "/etc/passwd", "model": "/etc/shadow"}}]}))

# --- shard results and Slurm plans (periscope-cli merge, slurm --resubmit) -------------------------
def shard_file(folder, name, content):
    (out / folder / "shards").mkdir(parents=True, exist_ok=True)
    (out / folder / "shards" / name).write_text(content if isinstance(content, str) else json.dumps(content))


def shard(command="colorize", index=1, count=1, total=1, items=None, context=None, arguments=None):
    return {"format": "periscope-shard-results", "version": 1, "command": command, "arguments": arguments or ["p", "--out", "o"],
            "shard": index, "shards": count, "total": total, "seconds": 1.0, "context": context if context is not None else {},
            "items": items if items is not None else [{"ordinal": 0, "image": {"input": "p"}}]}


shard_file("shards-garbage", "colorize-1-of-1.json", "not json {")
shard_file("shards-deep", "colorize-1-of-1.json", '{"format": "periscope-shard-results", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
shard_file("shards-types", "colorize-1-of-1.json", dict(shard(), items="x"))
# A total of two billion items in one small file: refused before anything of that size is made.
shard_file("shards-total", "colorize-1-of-1.json", shard(total=2_000_000_000))
shard_file("shards-ordinal", "colorize-1-of-1.json", shard(items=[{"ordinal": -5}]))
shard_file("shards-renamed", "colorize-1-of-1.json", shard(command="scenes"))
shard_file("shards-no-image", "colorize-1-of-1.json", shard(items=[{"ordinal": 0, "photo": 1}]))
shard_file("shards-half-means", "colorize-1-of-1.json", shard(items=[{"ordinal": 0, "image": {"psnr": 20.0}}]))
shard_file("shards-scenes-args", "scenes-1-of-1.json", shard(command="scenes", arguments=["--count", "-1", "--help"],
                                                              items=[{"ordinal": 0, "scene": {}}]))
shard_file("shards-prompts", "open-vocab-1-of-1.json", shard(command="open-vocab", context={"prompts": "red", "scenes": True},
                                                             items=[{"ordinal": 0, "name": "a"}]))
shard_file("shards-counts", "open-vocab-1-of-1.json", shard(command="open-vocab", context={"prompts": ["red objects"], "scenes": True, "background": 0},
                                                            items=[{"ordinal": 0, "counts": {"images": 1, "intersection": [5, 6],
                                                                                              "union": [1], "shuffled_intersection": [],
                                                                                              "shuffled_union": []}}]))
# Slots: a probe scene whose slots are not the model's slot_count x dim; a slot count of a billion.
slots_context = {"model": "m", "description": "d", "iteration": "last", "probe": True, "slot_count": 2, "dim": 2}
shard_file("shards-slots-probe", "slots-1-of-1.json", shard(command="slots", context=slots_context,
                                                            items=[{"ordinal": 0, "image": "a", "json": "a.json", "name": "a",
                                                                    "probe": {"slots": [[1.0, 2.0, 3.0]], "objects": []}}]))
shard_file("shards-slots-count", "slots-1-of-1.json", shard(command="slots", context=dict(slots_context, slot_count=1_000_000_000),
                                                            items=[{"ordinal": 0, "image": "a", "json": "a.json", "name": "a"}]))
# Relations: a triplet naming an object the image does not have, a predicate past the classes.
relations_context = {"model": "m", "dataset": "scenes", "boxes": "gt", "method": "gradient", "explained": "scores",
                     "object_classes": ["cube"], "predicate_classes": ["on"], "subject_classes": [], "recall_steps": [5]}
relations_item = {"ordinal": 0, "name": "a.png", "width": 4, "height": 4, "objects": [[0, 0, 1, 1, 0, 1.0]], "truth_objects": [],
                  "truth": [], "triplets": [[0, 0, 7, 0.5]], "predicate_scores": [0.5]}
shard_file("shards-relations-object", "relations-1-of-1.json", shard(command="relations", context=relations_context, items=[relations_item]))
shard_file("shards-relations-predicate", "relations-1-of-1.json",
           shard(command="relations", context=relations_context,
                 items=[dict(relations_item, triplets=[], truth_objects=[[0, 0, 1, 1, 0, 1.0]], truth=[[0, 3, 0]])]))
for name, plan in (("plan-directive", {"partition": "gpu\n#SBATCH --uid=0"}), ("plan-elsewhere", {"out": "/etc"}),
                   ("plan-command", {"command": "../../bin/sh"}), ("plan-arguments", {"arguments": ["--no-such-option"]})):
    (out / name / "slurm").mkdir(parents=True, exist_ok=True)
    base = {"format": "periscope-slurm-plan", "version": 1, "executable": "/bin/sh", "work_dir": "/", "command": "colorize",
            "arguments": ["p", "--out", str(out / name)], "out": str(out / name), "shards": 2, "partition": "", "time": "",
            "gpus_per_task": "", "mem": "", "account": "", "cpus_per_task": 0}
    base.update(plan)
    (out / name / "slurm" / "plan.json").write_text(json.dumps(base))

# --- must succeed (once wrongly refused) ------------------------------------------------------
good = out / "good"
good.mkdir(exist_ok=True)
(good / "one-node.json").write_text('{"nodes": [[-1, 1, 0.1, 0.7]], "edges": [], "edge_features": []}')
float_safetensors(good / "heatmaps.safetensors", {"heatmaps": ([2, 2, 2], [1.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.0, 0.0])})
# An output that is an input (spelled through a link): refused before anything is written.
(out / "clash").mkdir(exist_ok=True)
(out / "clash" / "graph.json").write_text('{"nodes": [[-1, 1, 0.1, 0.7]], "edges": [], "edge_features": []}')
if not (out / "clash" / "same.json").exists():
    os.symlink("graph.json", out / "clash" / "same.json")
(good / "bom.csv").write_bytes(b"\xef\xbb\xbfsmiles,y\nCCO,1\nc1ccccc1,2\n")
(good / "photo.png").write_bytes(png(8, 8))
print(f"bad inputs written under {out}")
