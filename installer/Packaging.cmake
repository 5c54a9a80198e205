# CPack: `cpack -G DEB` in the build folder makes two Debian packages (installer/Install.cmake
# says which file goes where):
#   periscope       the programs, LibTorch's CPU half, the built-in models and demo data, desktop
#                   integration, man pages. Runs on the CPU of any x86-64 bookworm machine.
#   periscope-cuda  LibTorch's CUDA half and the CUDA libraries (cuBLAS, cuDNN, NCCL...), which
#                   periscope recommends: with it and an NVIDIA driver the same programs use the GPU.
# Checked by tests/package (labels `package`, `slow`): lintian, and an install into a clean
# bookworm root made with debootstrap.
include("${PROJECT_SOURCE_DIR}/installer/Install.cmake")

set(CPACK_PACKAGE_NAME "periscope")
set(CPACK_PACKAGE_VENDOR "Periscope developers")
set(CPACK_PACKAGE_CONTACT "Periscope developers <periscope@example.org>")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY above every package's description unless it is
# CPack's own default text; both packages' descriptions start with their own synopses, so the
# summary is set to that default (it defaults to the project's description otherwise).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_PACKAGE_NAME} built using CMake")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "periscope")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON) # the programs (install(TARGETS)); the wheel's libraries come stripped
set(CPACK_THREADS 0)      # compress with every core

set(CPACK_GENERATOR "DEB")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime)
if(PERISCOPE_TORCH_CUDA)
  list(APPEND CPACK_COMPONENTS_ALL Cuda)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # periscope_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PERISCOPE_HOMEPAGE}")
# gzip: xz would take a quarter of an hour on the 2.9 GB of CUDA libraries on two cores, and
# lintian refuses zstd (not an official Debian archive member).
set(CPACK_DEBIAN_COMPRESSION_TYPE "gzip")

# periscope: its dependencies come from dpkg-shlibdeps (Qt 6, OpenCV, FFmpeg, VTK, RDKit...),
# looking into the private library folder for LibTorch.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "periscope")
set(CPACK_DEBIAN_RUNTIME_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "usr/lib/periscope")
# What is opened by name, so shlibdeps cannot see it: Qt's plugins (the X11 platform, SVG icons,
# image formats, the SQLite driver of the study files), Mesa's OpenGL drivers, the fonts of the
# figures. xvfb lets `periscope-cli scenes` render without a display; rdkit-data has the molecule
# set that Graphs trains on when given none; opencv-doc has the photos and the video of the
# Colorize and DeepFake demos (96 MB: recommended, and each demo says so when it is missing).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS
    "libqt6svg6, qt6-image-formats-plugins, libqt6sql6-sqlite, libgl1-mesa-dri, fonts-dejavu-core")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "periscope-cuda (= ${PROJECT_VERSION}), xvfb, xauth, rdkit-data, opencv-doc")
# Descriptions: the synopsis, then the text; CPack indents it and marks empty lines.
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
    "workbench for looking inside vision models
Periscope opens images, videos and molecules and shows what vision models do
with them: colorization with blinded user studies, deepfake explanations,
visual relations, object slots, open-vocabulary segmentation and graph
attribution, each after a published method, with figures for papers.

This package runs every model on the CPU. Install periscope-cuda as well to
run them on an NVIDIA GPU.")

# periscope-cuda: NVIDIA's libraries need only the C and C++ runtimes (and the driver, which
# loads at run time); dpkg-shlibdeps would stop at libcuda.so.1, which no Debian package in main has.
set(CPACK_DEBIAN_CUDA_PACKAGE_NAME "periscope-cuda")
set(CPACK_DEBIAN_CUDA_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_CUDA_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_CUDA_PACKAGE_DEPENDS "periscope (= ${PROJECT_VERSION}), libc6 (>= 2.28), libstdc++6 (>= 12), libgcc-s1")
set(CPACK_DEBIAN_CUDA_PACKAGE_SUGGESTS "nvidia-driver")
set(CPACK_DEBIAN_CUDA_PACKAGE_SECTION "contrib/science")
set(CPACK_DEBIAN_CUDA_DESCRIPTION
    "CUDA support for the Periscope workbench
LibTorch's CUDA libraries and the NVIDIA CUDA 13 libraries they need
(cuBLAS, cuDNN, cuFFT, cuSPARSE, NCCL...). With this package and an NVIDIA
driver, Periscope runs its models on the GPU; without them, on the CPU.")

include(CPack)
cpack_add_component(Runtime DISPLAY_NAME "Periscope" REQUIRED)
cpack_add_component(Cuda DISPLAY_NAME "CUDA support" DEPENDS Runtime)
