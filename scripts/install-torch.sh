#!/usr/bin/env bash
# Installs LibTorch as the PyPI `torch` wheel (CUDA 13.0 build) into build/python, a virtual
# environment that the build owns; CMake finds it through the wheel's own cmake_prefix_path
# (cmake/Torch.cmake). Called by scripts/install-deps.sh. Idempotent: a venv that already has the
# pinned version is left alone. pip keeps the downloaded wheels in its cache (~/.cache/pip), so a
# fresh clone on the same machine installs without downloading again.
#
# Why 2.11.0: the newest release whose default PyPI wheel is built for CUDA 13.0, the toolkit the
# development and CI machines have, and the version the GPU machine's PyTorch has, so engine and
# reference benches there run the same LibTorch (README, "LibTorch").
#
# CMake's Torch package needs a CUDA toolkit to configure (it declares the CUDA libraries as
# targets). When the machine has none, or one of another CUDA version, the toolkit's compiler
# pieces come from PyPI into the venv too (nvidia-cuda-nvcc, -crt, -nvvm, -cccl; ~100 MB), pinned
# to the CUDA release the wheel was built with.
#   PERISCOPE_VENV   where the venv goes (default: build/python)
#   PERISCOPE_PYTHON the interpreter that makes it (default: Debian's /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."

torch_version=2.11.0
cuda_version=13.0        # torch 2.11.0's PyPI wheel: cuda-toolkit==13.0.2
nvcc_version=13.0.88     # the nvcc of CUDA 13.0.2
cccl_version=13.0.85     # CUDA 13.0.2's libcu++ headers
numpy_version=2.3.5      # only so that the bench references import torch without a warning

venv=${PERISCOPE_VENV:-build/python}
base_python=${PERISCOPE_PYTHON:-/usr/bin/python3}
pip_flags=(--disable-pip-version-check --no-input --progress-bar off)

installed_version() {
  "$venv/bin/python" - 2>/dev/null <<'EOF' || true
import importlib.metadata as m
print(m.version("torch"))
EOF
}

if [ ! -x "$venv/bin/python" ]; then
  echo "install-torch: making the virtual environment $venv"
  "$base_python" -m venv "$venv"
fi

if [ "$(installed_version)" != "$torch_version" ]; then
  echo "install-torch: installing torch==$torch_version (LibTorch with CUDA $cuda_version) into $venv"
  start=$(date +%s)
  "$venv/bin/python" -m pip install "${pip_flags[@]}" "torch==$torch_version" "numpy==$numpy_version"
  echo "install-torch: torch installed in $(( $(date +%s) - start )) s"
else
  echo "install-torch: torch $torch_version present in $venv"
fi

# The machine's CUDA toolkit serves when its version is the wheel's; otherwise PyPI's nvcc.
system_nvcc=$(command -v nvcc || true)
[ -z "$system_nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ] && system_nvcc=/usr/local/cuda/bin/nvcc
system_cuda=""
if [ -n "$system_nvcc" ]; then
  system_cuda=$("$system_nvcc" --version | sed -n 's/.*release \([0-9]*\.[0-9]*\).*/\1/p')
fi
if [ "$system_cuda" = "$cuda_version" ]; then
  echo "install-torch: using the machine's CUDA $system_cuda toolkit ($system_nvcc)"
else
  if "$venv/bin/python" -c "import importlib.metadata as m; m.version('nvidia-cuda-nvcc'); m.version('nvidia-cuda-cccl')" 2>/dev/null; then
    echo "install-torch: using the venv's CUDA $cuda_version compiler (the machine has ${system_cuda:-none})"
  else
    echo "install-torch: the machine's CUDA toolkit is ${system_cuda:-absent}; installing CUDA $cuda_version's nvcc into $venv"
    # nvcc, its front end and NVVM, and libcu++ (CCCL: <nv/target>, which cuda_fp16.h includes).
    "$venv/bin/python" -m pip install "${pip_flags[@]}" "nvidia-cuda-nvcc==$nvcc_version" \
      "nvidia-cuda-crt==$nvcc_version" "nvidia-nvvm==$nvcc_version" "nvidia-cuda-cccl==$cccl_version"
  fi
  # CMake's CUDA modules look for libcudart.so, libcublas.so, ... by their link names; the wheels
  # ship only the versioned files (libcudart.so.13). The links a toolkit's -dev packages would
  # provide are made beside them. Checked by a build with no CUDA toolkit on the machine.
  cuda_lib=$("$venv/bin/python" -c "import os, nvidia; print(os.path.join(list(nvidia.__path__)[0], 'cu13', 'lib'))")
  for versioned in "$cuda_lib"/lib*.so.*; do
    [ -e "$versioned" ] || continue
    link="${versioned%%.so.*}.so"
    [ -e "$link" ] || ln -s "$(basename "$versioned")" "$link"
  done
  # nvcc links its test programs from <toolkit>/lib64, where the wheels have lib/.
  [ -e "$cuda_lib/../lib64" ] || ln -s lib "$cuda_lib/../lib64"
fi
