#!/usr/bin/env python3
# Writes the TorchScript fixtures that tests/engine/weights/tst_checkpoint.cpp reads as data
# (Periscope never runs TorchScript code). Run with the build's torch from this folder:
#   ../../../build/python/bin/python make_torchscript_fixtures.py
# Values are arange-based so the C++ test recomputes them; the expected parameter and buffer
# names are TorchScript's own and are written to torchscript_names.txt.
import torch


def fill(module):
    with torch.no_grad():
        for i, (name, t) in enumerate(list(module.named_parameters()) + list(module.named_buffers())):
            if t.is_floating_point():
                t.copy_(torch.arange(t.numel(), dtype=t.dtype).reshape(t.shape) / 10.0 + i)


class Block(torch.nn.Module):
    def __init__(self, n: int):
        super().__init__()
        self.lin = torch.nn.Linear(n, n)
        self.bn = torch.nn.BatchNorm1d(n)
        self.register_buffer("scale", torch.ones(n))
        self.extra = torch.zeros(2)  # a plain tensor attribute: neither parameter nor buffer

    def forward(self, x):
        return self.bn(self.lin(x)) * self.scale + self.extra.sum()


class Stateful(torch.nn.Module):
    """A module whose __setstate__ is TorchScript code: loading with torch.jit.load runs it."""

    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.zeros(3))
        self.loaded = False

    def forward(self, x):
        return x * self.weight

    @torch.jit.export
    def __getstate__(self):
        return (self.weight, self.training)

    @torch.jit.export
    def __setstate__(self, state: tuple[torch.Tensor, bool]):
        self.weight = state[0]
        self.training = state[1]
        self.loaded = True


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = torch.nn.Sequential(Block(3), Block(4))
        self.head = torch.nn.ModuleList([torch.nn.Linear(3, 4), torch.nn.Linear(4, 2)])
        self.stateful = Stateful()

    def forward(self, x):
        x = self.head[0](x)
        return self.head[1](self.blocks[1](x)) + self.stateful(x)[:, :2].sum()


net = Net()
fill(net)
scripted = torch.jit.script(net)
scripted.save("scripted_nested.pt")
with open("torchscript_names.txt", "w") as f:
    for name, t in list(scripted.named_parameters()) + list(scripted.named_buffers()):
        f.write(f"{name} {list(t.shape)} {t.double().sum().item():.6f}\n")
print("scripted_nested.pt written")

# The same state dict as ordered_state_dict.pt (make_fixtures.py) in a zip whose entries are
# deflated instead of stored: PyTorch reads it; so must Periscope, within the declared sizes.
import zipfile

torch.manual_seed(0)
plain = {"w": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 4, "b": torch.zeros(1000)}
torch.save(plain, "stored_tmp.pt")
with zipfile.ZipFile("stored_tmp.pt") as src, zipfile.ZipFile("deflated_state_dict.pt", "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        dst.writestr(info.filename, src.read(info.filename))
import os

os.remove("stored_tmp.pt")
assert torch.equal(torch.load("deflated_state_dict.pt")["w"], plain["w"])
print("deflated_state_dict.pt written")
