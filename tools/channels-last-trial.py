#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Channels-last trial (docs/benchmarks.md): the colorization nets of bench/reference in PyTorch
# eager, contiguous against torch.channels_last, fp32 and bf16 autocast, two threads.
#   build/python/bin/python tools/channels-last-trial.py
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "reference"))
import torch
from timing import seconds_per_call
import colorize_reference as cr

torch.set_num_threads(2)
torch.manual_seed(0)
for name, make, shape in [("eccv16", cr.Eccv16, (1, 1, 256, 256)), ("eccv16", cr.Eccv16, (8, 1, 256, 256)),
                          ("siggraph17", cr.Siggraph17, (1, 1, 256, 256)), ("koalarization", cr.Koalarization, (1, 1, 224, 224))]:
    net = make().eval()
    x = torch.rand(*shape) * 100
    for precision in ("fp32", "bf16"):
        row = {"model": name, "batch": shape[0], "precision": precision}
        for layout in ("contiguous", "channels_last"):
            fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
            n = net.to(memory_format=fmt)
            xi = x.to(memory_format=fmt)
            with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
                row[layout + "_ms"] = round(seconds_per_call(lambda: n(xi), 1.5, 20) * 1e3, 2)
        row["speedup"] = round(row["contiguous_ms"] / row["channels_last_ms"], 3)
        print(json.dumps(row), flush=True)
