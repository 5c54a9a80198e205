#!/usr/bin/python3
# Writes the torch.save fixtures that tests/engine/checkpoint reads, with Debian's python3-torch
# (PyTorch 1.13). Values are deterministic (arange-based) so the C++ test can recompute them.
# Run from this folder: /usr/bin/python3 make_fixtures.py
import collections
import os

import torch


def tiny_model():
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(3, 4, 3),
        torch.nn.BatchNorm2d(4),
        torch.nn.ReLU(),
        torch.nn.Flatten(),
        torch.nn.Linear(4, 2),
    )
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) / 100.0)
        model[1].running_mean.copy_(torch.tensor([0.5, 1.5, 2.5, 3.5]))
        model[1].num_batches_tracked.fill_(7)
    return model


sd = tiny_model().state_dict()  # an OrderedDict with _metadata, as every real checkpoint
assert isinstance(sd, collections.OrderedDict) and hasattr(sd, "_metadata")
torch.save(sd, "ordered_state_dict.pt")
torch.save(sd, "legacy_state_dict.pt", _use_new_zipfile_serialization=False)
torch.save({"model": sd, "epoch": 3, "lr": 0.1, "name": "tiny", "history": [1.5, 0.75]}, "nested_checkpoint.pt")
torch.save({"w": torch.nn.Parameter(torch.arange(6.0).reshape(2, 3))}, "parameters.pt")

base = torch.arange(12, dtype=torch.float32)
torch.save({"base": base, "tail": base[4:], "grid_t": base.reshape(3, 4).t(), "every_other": base[::2]},
           "views.pt")
torch.save({"half": torch.arange(4, dtype=torch.float16) / 4,
            "bf16": torch.arange(4, dtype=torch.bfloat16) / 2,
            "ints": torch.arange(3, dtype=torch.int32) - 1,
            "flags": torch.tensor([True, False, True]),
            "scalar": torch.tensor(2.5)},
           "dtypes.pt")


class Evil:
    """A checkpoint that runs a shell command when Python's unpickler loads it."""

    def __reduce__(self):
        return (os.system, ("echo periscope-was-here > /tmp/periscope-pwned",))


torch.save({"weight": torch.zeros(2), "payload": Evil()}, "malicious.pt")
print("fixtures written")


class Scripted(torch.nn.Module):
    """A model Periscope does not implement, shipped as TorchScript: y = 2 * relu(conv(x)) summed."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 1, bias=False)
        with torch.no_grad():
            self.conv.weight.copy_(torch.tensor([1.0, -1.0]).reshape(2, 1, 1, 1))

    def forward(self, x):
        return 2.0 * torch.relu(self.conv(x)).sum(dim=(2, 3))


torch.jit.script(Scripted()).save("scripted.pt")
print("torchscript fixture written")
