# SPDX-License-Identifier: GPL-3.0-or-later
"""The PyTorch references' timing loop, the same as bench/BenchCommon.h's secondsPerCall so that
both sides of every ratio are timed alike: one warm-up call, then calls until min_seconds have
passed or max_repeats were made; CUDA work is waited for after each call."""
import time

import torch


def seconds_per_call(work, min_seconds, max_repeats, device=None):
    def run():
        work()
        if device is not None and torch.device(device).type == "cuda":
            torch.cuda.synchronize()

    run()
    repeats, start = 0, time.perf_counter()
    while True:
        run()
        repeats += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds or repeats >= max_repeats:
            return elapsed / repeats
