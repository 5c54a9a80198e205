#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue #17's bad-input test: makes the corpus (make_bad_inputs.py), runs every CLI command that
# takes such a file over it, and checks each run:
#   - it ends on its own within the time limit, without a signal;
#   - a bad input exits 1 or 2 with exactly one "periscope-cli: COMMAND: reason" line (other
#     stderr lines may only be that command's own warnings or progress);
#   - an input that was once wrongly refused now succeeds (exit 0);
#   - peak memory stays under 2 GB;
#   - no marker file appears (nothing ran code) and no file outside the run's output folder
#     changed.
# Prints a table of outcomes; exits 1 if any run broke a rule.
#   run_bad_inputs.py BIN_DIR WORK_DIR [SOURCE_DIR] [--part quick|rest]
# --part splits the runs for CTest: `quick` (per commit) has every bad file through the parser
# that reads it and each hostile checkpoint through one model-loading command in turn; `rest`
# (label slow) has the other commands over the same checkpoints. Together they are every run.
import os
import pathlib
import shutil
import subprocess
import sys
import time

arguments = sys.argv[1:]
part = None
if "--part" in arguments:
    at = arguments.index("--part")
    part = arguments[at + 1]
    del arguments[at:at + 2]
    if part not in ("quick", "rest"):
        sys.exit("--part takes quick or rest")
bin_dir = pathlib.Path(arguments[0])
work = pathlib.Path(arguments[1])
source = pathlib.Path(arguments[2]) if len(arguments) > 2 else pathlib.Path(__file__).resolve().parents[2]
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
inputs = work / "inputs"
marker = work / "MARKER-code-ran"
runtime = work / "runtime"  # Qt wants its runtime folder private
runtime.mkdir(mode=0o700)
subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("make_bad_inputs.py")), str(inputs), str(marker)],
               check=True)
video = source / "tests/fuzz/corpus/video/tiny.mkv"
shutil.copy(video, inputs / "good" / "tiny.mkv")
good_video = inputs / "good" / "tiny.mkv"
photo = inputs / "good" / "photo.png"
LIMIT_SECONDS = 60
LIMIT_KB = 2 * 1024 * 1024

cli = str(bin_dir / "periscope-cli")
cases = []  # (name, arguments, expect "fail" | "ok", environment additions)


def case(name, arguments, expect="fail", env=None, quick=True):
    if part is None or quick == (part == "quick"):
        cases.append((name, [cli] + arguments, expect, env or {}))


def out(name):
    folder = work / "out" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


weights = sorted(p for p in inputs.iterdir() if p.suffix in (".pt", ".safetensors"))
# Valid files that once hung or ran code: listing them must work (and run nothing).
valid_weights = {"many-tensors.safetensors", "torchscript-setstate.pt"}
for i, w in enumerate(weights):
    case(f"weights {w.name}", ["weights", str(w)], expect="ok" if w.name in valid_weights else "fail")
    # The three model loaders take the checkpoints in turn per commit, all of them under `rest`.
    case(f"colorize --model {w.name}", ["colorize", str(photo), "--model", str(w), "--out", str(out("c-" + w.name))],
         quick=i % 3 == 0)
    case(f"slots --model {w.name}", ["slots", str(photo), "--model", str(w), "--out", str(out("s-" + w.name))],
         quick=i % 3 == 1)
    case(f"explain-graph --model {w.name}",
         ["explain-graph", "--infection-seed", "1", "--model", str(w), "--out", str(out("g-" + w.name) / "g.json")],
         quick=i % 3 == 2)
images = sorted(p for p in inputs.iterdir() if p.suffix in (".png", ".jpg"))
for image in images:
    case(f"colorize {image.name}", ["colorize", str(image), "--out", str(out("ci-" + image.name))])
    case(f"slots {image.name}", ["slots", str(image), "--out", str(out("si-" + image.name))])
videos = [inputs / n for n in ("fifo.mp4", "live.m3u8", "loop.ffconcat", "text.mp4")] + \
         [pathlib.Path(f"concat:{good_video}|{good_video}"), pathlib.Path("http://127.0.0.1:9/x.mp4")]
for v in videos:
    case(f"probe {v.name}", ["probe", str(v)])
    case(f"frame {v.name}", ["frame", str(v), "--index", "0", "--out", str(out("f-" + v.name) / "f.png")])
    case(f"fakes {v.name}", ["fakes", str(v), "--out", str(out("fk-" + v.name))])
for t in ("-1", "nan", "inf", "1e400"):
    case(f"frame --time {t}", ["frame", str(good_video), "--time", t, "--out", str(out("ft") / "f.png")])
case("frame --out /dev/full", ["frame", str(good_video), "--index", "0", "--out", "/dev/full"])
case("frame --out the video itself", ["frame", str(good_video), "--index", "0", "--out", str(good_video)])
case("colorize --out the photos' folder", ["colorize", str(inputs / "good"), "--out", str(inputs / "good")])
for s in ("hostile-study.sqlite", "csv-as-study.sqlite"):
    case(f"study results {s}", ["study", "results", str(inputs / s)])
case("slots on a scene folder escaping itself", ["slots", str(inputs / "escaping-scenes"), "--out", str(out("scenes"))])
for g in ("graph-bad-index.json", "graph-nan.json"):
    case(f"explain-graph --graph {g}", ["explain-graph", "--graph", str(inputs / g), "--model", "infection",
                                        "--out", str(out("gg-" + g) / "g.json")])
case("explain-graph --sdf garbage", ["explain-graph", "--sdf", str(inputs / "sdf-garbage.sdf"), "--out", str(out("sdf") / "g.json")])
case("explain-graph --smiles with a line break", ["explain-graph", "--smiles", "CC\nO", "--out", str(out("sm1") / "g.json")])
case("explain-graph --smiles 5,000 carbons", ["explain-graph", "--smiles", "C" * 5000, "--out", str(out("sm2") / "g.json")])
case("train-graph --layers 0", ["train-graph", "--task", "molecules", "--layers", "0", "--out", str(out("tg") / "m.safetensors")])
case("info with PERISCOPE_THREADS=99999", ["info"], env={"PERISCOPE_THREADS": "99999"})
for h, extra in (("explanations/heatmaps-nan.safetensors", []), ("explanations/heatmaps-2d.safetensors", []), ("fifo.pt", []),
                 ("good/heatmaps.safetensors", ["--masks", str(inputs / "explanations/masks-3x3.safetensors")]),
                 ("good/heatmaps.safetensors", ["--boxes", str(inputs / "graph-nan.json")])):
    case(f"explanation-metrics --heatmaps {h} {' '.join(extra[:1])}".strip(),
         ["explanation-metrics", "--heatmaps", str(inputs / h), "--out", str(out("em-" + h.replace("/", "-")) / "m.json")] + extra)
# The DeepFake detector's weights, as hostile as any checkpoint (the marker must never appear).
for w in ("reduce-os-system.pt", "torchscript-setstate.pt", "zip-bomb.pt", "fifo.pt", "deep-pickle.pt"):
    case(f"deepfake --model {w}", ["deepfake", str(good_video), "--model", str(inputs / w), "--out", str(out("df-" + w))])
for d in ("escaping-fakes", "escaping-boxes"):
    case(f"train-deepfake --data {d}", ["train-deepfake", "--data", str(inputs / d), "--out", str(out("td-" + d) / "d.safetensors")])
for w in ("reduce-os-system.pt", "zip-bomb.pt", "fifo.pt"):
    case(f"train-deepfake --init {w}", ["train-deepfake", "--data", str(inputs / "escaping-fakes"), "--init", str(inputs / w),
                                       "--out", str(out("ti-" + w) / "d.safetensors")])
case("train-deepfake --batch-size 3", ["train-deepfake", "--data", str(inputs / "escaping-fakes"), "--batch-size", "3",
                                       "--out", str(out("tb") / "d.safetensors")])
clash = inputs / "clash"
case("explain-graph --out the --graph (a link)", ["explain-graph", "--graph", str(clash / "graph.json"), "--model", "infection",
                                                  "--out", str(clash / "same.json")])
case("train-graph --out the --data", ["train-graph", "--task", "molecules", "--data", str(clash / "graph.json"),
                                      "--out", str(clash / "graph.json")])
# Shard results and Slurm plans from elsewhere: refused in one line, nothing written, no sbatch.
for d in ("shards-garbage", "shards-deep", "shards-types", "shards-total", "shards-ordinal", "shards-renamed", "shards-no-image",
          "shards-half-means", "shards-scenes-args", "shards-prompts", "shards-counts", "shards-slots-probe", "shards-slots-count",
          "shards-relations-object", "shards-relations-predicate"):
    case(f"merge {d}", ["merge", str(inputs / d)])
for d in ("plan-directive", "plan-elsewhere", "plan-command", "plan-arguments"):
    case(f"slurm --resubmit {d}", ["slurm", "--resubmit", str(inputs / d), "--submit"])
# The window's project loading, in screenshot mode (the first problem ends the run with its line).
gui = str(bin_dir / "periscope")
for project in ("fifo.periscope", "deep.periscope", "truncated.periscope", "future.periscope", "sent/outside.periscope"):
    if part == "rest":
        continue
    cases.append((f"periscope --project {project}",
                  [gui, "--project", str(inputs / project), "--screenshot", str(out("gui-" + project) / "s.png")], "fail", {}))
# Once wrongly refused: these must work.
case("explanation-metrics on good heatmaps", ["explanation-metrics", "--heatmaps", str(inputs / "good/heatmaps.safetensors"),
                                              "--out", str(out("em-good") / "m.json")], expect="ok")
case("explain-graph on a one-node graph", ["explain-graph", "--graph", str(inputs / "good/one-node.json"), "--model", "infection",
                                           "--out", str(out("one") / "g.json")], expect="ok")
case("frame to a 255-byte file name", ["frame", str(good_video), "--index", "0", "--out", str(out("long") / ("w" * 251 + ".png"))],
     expect="ok")


def snapshot():
    state = {}
    for root, _, files in os.walk(work):
        for f in files:
            p = pathlib.Path(root) / f
            if (work / "out") in p.parents or runtime in p.parents:
                continue
            try:
                st = p.lstat()
                state[str(p)] = (st.st_size, st.st_mtime_ns, st.st_mode)
            except FileNotFoundError:
                pass
    return state


def run(arguments, extra_env):
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime), "PERISCOPE_THREADS": "2"})
    env.update(extra_env)
    started = time.monotonic()
    process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = b""
    os.set_blocking(process.stderr.fileno(), False)
    status = None
    usage = None
    while status is None:
        chunk = process.stderr.read()
        if chunk:
            stderr += chunk
        pid, raw, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = raw
            break
        if time.monotonic() - started > LIMIT_SECONDS:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            return None, stderr, usage, time.monotonic() - started
        time.sleep(0.02)
    rest = process.stderr.read()
    stderr += rest or b""
    return status, stderr, usage, time.monotonic() - started


problems = []
outcomes = {"refused cleanly": 0, "succeeded as it should": 0}
before = snapshot()
for name, arguments, expect, extra_env in cases:
    status, stderr, usage, seconds = run(arguments, extra_env)
    text = stderr.decode(errors="replace")
    lines = [line for line in text.splitlines() if line.strip()]
    command = arguments[1] if arguments[0] == cli else None
    prefix = "periscope-cli: " if command else "periscope: "
    why = None
    if status is None:
        why = f"still running after {LIMIT_SECONDS} s (killed)"
    elif os.WIFSIGNALED(status):
        why = f"killed by signal {os.WTERMSIG(status)}"
    else:
        code = os.WEXITSTATUS(status)
        if expect == "ok" and code != 0:
            why = f"exit {code}, expected success: {lines[-1] if lines else ''}"
        elif expect == "fail":
            ours = [line for line in lines if line.startswith(prefix)]
            others = [line for line in lines if not line.startswith(prefix) and not (command and line.startswith(command + ": "))]
            if code not in (1, 2):
                why = f"exit {code}, expected 1 or 2"
            elif len(ours) != 1 or others:
                why = "not one reason line: " + " | ".join(lines[:4])
    if usage is not None and usage.ru_maxrss > LIMIT_KB:
        why = (why + "; " if why else "") + f"peak memory {usage.ru_maxrss // 1024} MB"
    if marker.exists():
        why = (why + "; " if why else "") + "the marker file appeared: code ran"
    after = snapshot()
    if after != before:
        changed = sorted(set(after.items()) ^ set(before.items()))[:3]
        why = (why + "; " if why else "") + f"files outside the output changed: {changed}"
        before = after
    if why:
        problems.append(f"{name}: {why}")
    else:
        outcomes["refused cleanly" if expect == "fail" else "succeeded as it should"] += 1
    print(f"{'FAIL' if why else 'ok  '} {seconds:5.1f} s  {name}" + (f"  <- {why}" if why else ""), flush=True)

print(f"\n{len(cases)} runs: {outcomes['refused cleanly']} refused cleanly, {outcomes['succeeded as it should']} succeeded as "
      f"they should, {len(problems)} broke a rule")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
