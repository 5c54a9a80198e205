#!/usr/bin/env python3
# Writes the seeds of the fuzz corpus that come from files the suite already has (standard
# library only): the torch.save / TorchScript fixtures and their pickles, safetensors, JSON.
# The image and video seeds come from make_fuzz_corpus (MakeCorpus.cpp). Run from the project root:
#   python3 tests/fuzz/make_corpus.py && build/release/bin/make_fuzz_corpus tests/fuzz/corpus
import json
import pathlib
import shutil
import struct
import zipfile

root = pathlib.Path("tests/fuzz/corpus")
weights = pathlib.Path("tests/data/weights")
graphs = pathlib.Path("tests/data/graphs")
for name in ("unpickler", "weights", "zip", "safetensors", "json"):
    (root / name).mkdir(parents=True, exist_ok=True)

small = sorted(p for p in weights.glob("*.pt") if p.stat().st_size < 32_000)
for pt in small:
    shutil.copy(pt, root / "weights" / pt.name)
    if zipfile.is_zipfile(pt):
        shutil.copy(pt, root / "zip" / pt.name)
        with zipfile.ZipFile(pt) as z:
            for info in z.infolist():
                if info.filename.endswith("data.pkl"):
                    (root / "unpickler" / (pt.stem + ".pkl")).write_bytes(z.read(info))
    else:
        shutil.copy(pt, root / "unpickler" / pt.name)  # legacy: pickles in a row

for st in graphs.glob("*.safetensors"):
    shutil.copy(st, root / "safetensors" / st.name)
    shutil.copy(st, root / "weights" / st.name)
header = json.dumps({"__metadata__": {"format": "pt"},
                     "a": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]},
                     "b": {"dtype": "BF16", "shape": [3], "data_offsets": [16, 22]}}).encode()
(root / "safetensors" / "two.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + bytes(22))

for js in graphs.glob("*.json"):
    shutil.copy(js, root / "json" / js.name)
(root / "json" / "scene.json").write_text(json.dumps({"scenes": [{
    "image_filename": "scene_0.png", "mask_filename": "scene_0_mask.png", "split": "val",
    "objects": [{"shape": "cube", "color": "red", "material": "metal", "size": "large",
                 "3d_coords": [1.5, -2.0, 0.7], "rotation": 33.0}],
    "relationships": {"left": [[]], "right": [[]]}}]}, indent=1))
(root / "json" / "numbers.json").write_text('[0, -0.0, 1e308, -1e-308, 12345678901234567890, "\\u00e9\\ud83d\\ude00", true, null, {}]')
(root / "graph").mkdir(exist_ok=True)
shutil.copy(graphs / "tiny_graph.json", root / "graph" / "tiny_graph.json")
(root / "graph" / "one-node.json").write_text('{"nodes": [[-1, 1, 0.1, 0.7]], "edges": [], "edge_features": []}\n')
# Molecule files: the first byte picks the reader (0 SMILES list, 1 SD file, 2 CSV).
(root / "molecules").mkdir(exist_ok=True)
chem = pathlib.Path("tests/data/chem")
for selector, name in enumerate(("three.smi", "broken_record.sdf", "measured.csv")):
    (root / "molecules" / (name + ".seed")).write_bytes(bytes([selector]) + (chem / name).read_bytes())
# Scene folders: the fuzz target's folder holds images/CLEVR_test_000000.png and its mask.
(root / "scenes").mkdir(exist_ok=True)
(root / "scenes" / "clevr.json").write_text(json.dumps({"info": {}, "scenes": [{
    "image_index": 0, "image_filename": "CLEVR_test_000000.png", "mask_filename": "CLEVR_test_000000.png",
    "objects": [{"shape": "sphere", "color": "red", "material": "rubber", "size": "large"},
                {"shape": "cube", "color": "blue", "material": "metal", "size": "small"}]},
    {"image_index": 1, "image_filename": "../../etc/passwd", "objects": []}]}, indent=1))
shutil.copy(root / "json" / "scene.json", root / "scenes" / "periscope.json")
# Projects: one of each workspace's state, and paths that must be refused.
(root / "project").mkdir(exist_ok=True)
(root / "project" / "workspaces.periscope").write_text(json.dumps({
    "format": "periscope-project", "version": 1, "savedBy": "0.1.0", "activeWorkspace": "colorize",
    "workspaces": [
        {"id": "colorize", "files": ["photos/a.jpg", "/etc/hostname"],
         "state": {"photos": ["photos/a.jpg", "../b.png"], "model": "koalarization", "selected": 0, "mode": "wipe"}},
        {"id": "slots", "files": ["scenes"], "state": {"inputs": ["scenes"], "model": "./w.safetensors", "tab": 1}},
        {"id": "graphs", "state": {"input": "file", "file": "m.sdf", "index": 2, "model": "esol"}}]}, indent=1))
(root / "project" / "empty.periscope").write_text('{"format": "periscope-project", "version": 1, "workspaces": []}')
# Study files come from `periscope-cli study create` (MakeCorpus does not link the app): see
# tests/fuzz/corpus/study/README.
print("fuzz seeds written under", root)
