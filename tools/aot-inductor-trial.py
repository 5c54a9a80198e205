#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# AOTInductor trial (docs/benchmarks.md): compiles a model's inference ahead of time with
# torch.export + aoti_compile_and_package, loads the package, and compares its outputs and speed
# with eager in the same session (two threads, the references' timing loop). JSON lines on stdout.
#   build/python/bin/python tools/aot-inductor-trial.py [slots1 slots16 eccv16 koala]
#   FREEZE=1 ... (Inductor's freezing: weights folded in as constants)
import json, os, sys, time
# The compiled wrapper resolves LibTorch's C shim from the process; Python loads torch's libraries
# locally unless told otherwise (a C++ program that links LibTorch needs nothing of the kind).
sys.setdlopenflags(os.RTLD_GLOBAL | os.RTLD_LAZY)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "reference"))
import torch
from timing import seconds_per_call
import slots_reference as sr
import colorize_reference as cr

torch.set_num_threads(2)
torch.manual_seed(0)

def flat(out):
    if isinstance(out, torch.Tensor):
        return [out]
    r = []
    for o in out:
        r += flat(o)
    return r

def trial(name, model, x, seconds=2.0):
    model.eval()
    with torch.no_grad():
        eager = flat(model(x))
        t_eager = seconds_per_call(lambda: model(x), seconds, 50)
    t0 = time.perf_counter()
    ep = torch.export.export(model, (x,))
    path = torch._inductor.aoti_compile_and_package(ep, package_path=os.path.join(OUT, name + ".pt2"), inductor_configs=CONFIGS)
    compile_s = time.perf_counter() - t0
    runner = torch._inductor.aoti_load_package(path)
    with torch.no_grad():
        got = flat(runner(x))
        t_aot = seconds_per_call(lambda: runner(x), seconds, 50)
    diff = max(((a - b).abs().max() / a.abs().max().clamp_min(1e-30)).item() for a, b in zip(eager, got))
    print(json.dumps({"model": name, "batch": x.shape[0], "eager_ms": round(t_eager * 1e3, 3), "aot_ms": round(t_aot * 1e3, 3),
                      "speedup": round(t_eager / t_aot, 3), "max_rel_diff": diff, "compile_s": round(compile_s, 1),
                      "package_bytes": os.path.getsize(path)}), flush=True)

OUT = os.environ.get("OUT", "build/aot-trial")
os.makedirs(OUT, exist_ok=True)
CONFIGS = {"freezing": True} if os.environ.get("FREEZE") else {}
which = sys.argv[1:] or ["slots1", "slots16", "eccv16", "koala"]
for w in which:
    if w == "slots1":
        trial("slots-small-b1", sr.Model(size=64, patch=4), torch.rand(1, 3, 64, 64))
    if w == "slots16":
        trial("slots-small-b16", sr.Model(size=64, patch=4), torch.rand(16, 3, 64, 64))
    if w == "eccv16":
        trial("eccv16-b1", cr.Eccv16(), torch.rand(1, 1, 256, 256) * 100)
    if w == "koala":
        trial("koalarization-b1", cr.Koalarization(), torch.rand(1, 1, 224, 224) * 100)
