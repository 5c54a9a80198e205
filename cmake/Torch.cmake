# LibTorch from a Python `torch` package, found through the wheel's own cmake_prefix_path.
#
# PERISCOPE_TORCH_PYTHON names the interpreter whose torch is used. By default that is
# build/python, the virtual environment scripts/install-torch.sh makes (README command 1 and 2);
# on the GPU machine, which has PyTorch but not our venv, it is the python3 on PATH
# (tools/gpu-check.sh). The torch package's folder is put first in CMAKE_PREFIX_PATH so that
# TorchConfig's library searches find the wheel's libraries before any other LibTorch the system
# may have (Debian's libtorch-dev installs libtorch.so into /usr/lib).
#
# Sets PERISCOPE_TORCH_VERSION, PERISCOPE_TORCH_CUDA ("13.0", or empty for a CPU-only torch) and,
# through find_package(Torch), TORCH_LIBRARIES.

set(PERISCOPE_TORCH_PYTHON "" CACHE FILEPATH
    "Python interpreter whose torch package provides LibTorch (default: build/python/bin/python)")

set(_periscope_python "${PERISCOPE_TORCH_PYTHON}")
if(NOT _periscope_python)
  if(EXISTS "${PROJECT_SOURCE_DIR}/build/python/bin/python")
    set(_periscope_python "${PROJECT_SOURCE_DIR}/build/python/bin/python")
  else()
    find_program(_periscope_python NAMES python3 python)
  endif()
endif()
if(NOT _periscope_python)
  message(FATAL_ERROR "Periscope: no Python with torch found. Run scripts/install-deps.sh "
                      "(it makes build/python), or set PERISCOPE_TORCH_PYTHON.")
endif()

execute_process(
  COMMAND "${_periscope_python}" -c
          "import os, torch, torch.utils; print(torch.__version__.split('+')[0]); print(torch.version.cuda or ''); print(torch.utils.cmake_prefix_path); print(os.path.dirname(torch.__file__))"
  RESULT_VARIABLE _periscope_torch_result
  OUTPUT_VARIABLE _periscope_torch_output
  ERROR_VARIABLE _periscope_torch_error
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _periscope_torch_result EQUAL 0)
  message(FATAL_ERROR "Periscope: ${_periscope_python} cannot import torch. Run "
                      "scripts/install-deps.sh, or set PERISCOPE_TORCH_PYTHON.\n${_periscope_torch_error}")
endif()
string(REPLACE "\n" ";" _periscope_torch_lines "${_periscope_torch_output}")
list(GET _periscope_torch_lines 0 PERISCOPE_TORCH_VERSION)
list(GET _periscope_torch_lines 1 PERISCOPE_TORCH_CUDA)
list(GET _periscope_torch_lines 2 _periscope_torch_cmake)
list(GET _periscope_torch_lines 3 PERISCOPE_TORCH_DIR)

# The engine uses the 2.x API (scaled_dot_product_attention, at::autocast with a device type).
if(PERISCOPE_TORCH_VERSION VERSION_LESS 2.4)
  message(FATAL_ERROR "Periscope needs LibTorch 2.4 or newer; ${_periscope_python} has torch "
                      "${PERISCOPE_TORCH_VERSION}. Run scripts/install-deps.sh.")
endif()

list(PREPEND CMAKE_PREFIX_PATH "${PERISCOPE_TORCH_DIR}" "${_periscope_torch_cmake}")
set(Torch_DIR "${_periscope_torch_cmake}/Torch" CACHE PATH "TorchConfig.cmake's folder" FORCE)

# A CUDA torch makes TorchConfig look for a CUDA toolkit. scripts/install-torch.sh puts the wheel's
# own CUDA compiler into the venv when the machine's toolkit is missing or of another version.
get_filename_component(_periscope_site "${PERISCOPE_TORCH_DIR}" DIRECTORY)
if(PERISCOPE_TORCH_CUDA AND EXISTS "${_periscope_site}/nvidia/cu13/bin/nvcc"
   AND NOT CMAKE_CUDA_COMPILER)
  set(_periscope_cuda_root "${_periscope_site}/nvidia/cu13")
  set(CMAKE_CUDA_COMPILER "${_periscope_cuda_root}/bin/nvcc" CACHE FILEPATH "" FORCE)
  set(CUDAToolkit_ROOT "${_periscope_cuda_root}")
  set(CUDA_TOOLKIT_ROOT_DIR "${_periscope_cuda_root}" CACHE PATH "" FORCE)
  message(STATUS "Periscope: CUDA toolkit from the venv (${_periscope_cuda_root})")
endif()
# We compile no CUDA sources; this only keeps TorchConfig from probing for a GPU at configure time.
if(NOT DEFINED TORCH_CUDA_ARCH_LIST AND NOT DEFINED ENV{TORCH_CUDA_ARCH_LIST})
  set(TORCH_CUDA_ARCH_LIST "8.0;9.0")
endif()

# The wheel links Kineto (the profiler) into libtorch_cpu; TorchConfig still looks for a separate
# libkineto and warns. Pointing it at libtorch_cpu is what the wheel means, and already linked.
if(EXISTS "${PERISCOPE_TORCH_DIR}/lib/libtorch_cpu.so" AND NOT EXISTS "${PERISCOPE_TORCH_DIR}/lib/libkineto.a")
  set(kineto_LIBRARY "${PERISCOPE_TORCH_DIR}/lib/libtorch_cpu.so" CACHE FILEPATH "Kineto (inside libtorch_cpu)" FORCE)
endif()
# TorchConfig enables the CUDA language, which (policy CMP0104) sets CMAKE_CUDA_ARCHITECTURES, and
# then warns that it ignores it: TORCH_CUDA_ARCH_LIST is what it reads.
# A re-configure finds the value the first run cached and would warn again: drop it first.
unset(CMAKE_CUDA_ARCHITECTURES CACHE)
cmake_policy(PUSH)
cmake_policy(SET CMP0104 OLD)
find_package(Torch REQUIRED)
cmake_policy(POP)
message(STATUS "Periscope: LibTorch ${PERISCOPE_TORCH_VERSION} "
               "(CUDA ${PERISCOPE_TORCH_CUDA}) from ${PERISCOPE_TORCH_DIR}")

# periscope_torch: what the engine links. LibTorch's CPU half only (libtorch_cpu, libc10), plus the
# CUDA runtime that libtorch_cpu itself needs. The CUDA half (libtorch_cuda and the CUDA libraries,
# ~2.7 GB) is loaded at start-up when present (engine/core/device/CudaLibraries.h), so a package
# without it runs on the CPU. TORCH_LIBRARIES (everything, CUDA linked) stays for tst_cuda.
add_library(periscope_torch INTERFACE)
target_include_directories(periscope_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
target_link_libraries(periscope_torch INTERFACE torch_cpu_library)
if(TORCH_CXX_FLAGS)
  separate_arguments(_periscope_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
  target_compile_options(periscope_torch INTERFACE ${_periscope_torch_flags})
endif()
if(PERISCOPE_TORCH_CUDA)
  target_link_libraries(periscope_torch INTERFACE torch::cudart)
endif()
