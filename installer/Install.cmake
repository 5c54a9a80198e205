# What `cmake --install` puts where, and which package each file goes to (installer/Packaging.cmake).
#
#   bin/periscope, bin/periscope-cli        RUNPATH $ORIGIN/../lib/periscope
#   lib/periscope/                          LibTorch's CPU half and the CUDA runtime it needs
#                                           (component Runtime: package periscope), and
#                                           LibTorch's CUDA half with its CUDA libraries
#                                           (component Cuda: package periscope-cuda)
#   share/periscope/{models,scenes}         the built-in models and demo data
#   share/applications, share/metainfo,     desktop integration: the launcher, AppStream data,
#   share/mime/packages, share/icons        the .periscope MIME type, icons in the hicolor sizes
#   share/man/man1                          man pages made by help2man from the programs' --help
#   share/doc/periscope                     README, copyright, changelog
#
# The engine loads the CUDA half at start-up when it is beside libtorch_cpu.so
# (engine/core/device/CudaLibraries.h), so the periscope package alone runs on the CPU.

set(PERISCOPE_APP_ID "io.github.periscope.Periscope")
set(PERISCOPE_HOMEPAGE "https://periscope.example.org" CACHE STRING
    "The project's home page, named in the AppStream metadata (screenshots are under <page>/screenshots)")
set(_private_lib "lib/periscope")
set(_linux "${PROJECT_SOURCE_DIR}/installer/linux")

set_target_properties(periscope periscope-cli PROPERTIES INSTALL_RPATH "\$ORIGIN/../${_private_lib}")
install(TARGETS periscope periscope-cli RUNTIME DESTINATION bin COMPONENT Runtime)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/models" "${PROJECT_SOURCE_DIR}/resources/scenes"
        DESTINATION share/periscope COMPONENT Runtime)

# LibTorch. The libraries are the wheel's own files; their RUNPATH includes $ORIGIN, so in one flat
# folder they find each other. The CPU half is what the programs link (cmake/Torch.cmake).
get_filename_component(_site_packages "${PERISCOPE_TORCH_DIR}" DIRECTORY)
set(_torch_lib "${PERISCOPE_TORCH_DIR}/lib")
install(FILES "${_torch_lib}/libtorch_cpu.so" "${_torch_lib}/libc10.so" "${_torch_lib}/libgomp.so.1"
        DESTINATION "${_private_lib}" COMPONENT Runtime)
# The wheel keeps the static symbol tables of these two (debuggers' names, 10 MB); an installed
# library does not need them. The dynamic symbols stay.
install(CODE "
  foreach(_lib libtorch_cpu.so libc10.so)
    execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded
                            \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${_private_lib}/\${_lib}\" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"strip failed on \${_lib}\")
    endif()
  endforeach()
  " COMPONENT Runtime)
if(PERISCOPE_TORCH_CUDA)
  # libtorch_cpu.so itself needs the CUDA runtime and CUPTI (5 MB): they belong to the CPU package.
  set(_cuda_lib "${_site_packages}/nvidia/cu13/lib")
  install(FILES "${_cuda_lib}/libcudart.so.13" "${_cuda_lib}/libcupti.so.13"
          DESTINATION "${_private_lib}" COMPONENT Runtime)
  # The CUDA half: what libtorch_cuda.so needs, found at install time by following the libraries'
  # NEEDED entries through the wheels' folders, plus what LibTorch and cuDNN open by name later
  # (the lazy linear algebra, NVRTC, cuDNN's engine libraries). The driver (libcuda.so.1) is the
  # system's.
  file(GLOB _cudnn_libs "${_site_packages}/nvidia/cudnn/lib/libcudnn*.so.9")
  set(_cuda_roots
      "${_torch_lib}/libtorch_cuda.so" "${_torch_lib}/libc10_cuda.so" "${_torch_lib}/libtorch_cuda_linalg.so"
      "${_torch_lib}/libtorch_nvshmem.so" "${_torch_lib}/libcaffe2_nvrtc.so" ${_cudnn_libs}
      "${_cuda_lib}/libnvrtc.so.13" "${_cuda_lib}/libnvrtc-builtins.so.13.0")
  file(GLOB _cuda_dirs LIST_DIRECTORIES true "${_site_packages}/nvidia/*/lib")
  install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
      LIBRARIES ${_cuda_roots}
      DIRECTORIES \"${_torch_lib}\" ${_cuda_dirs}
      RESOLVED_DEPENDENCIES_VAR _resolved
      UNRESOLVED_DEPENDENCIES_VAR _unresolved
      POST_INCLUDE_REGEXES \"^${_site_packages}/\"
      POST_EXCLUDE_REGEXES \".*\")
    # The CPU package's files stay there.
    list(FILTER _resolved EXCLUDE REGEX \"/(libtorch_cpu|libc10|libgomp|libcudart|libcupti)\\\\.so\")
    list(FILTER _unresolved EXCLUDE REGEX \"^libcuda\\\\.so\")
    if(_unresolved)
      message(FATAL_ERROR \"periscope-cuda: libraries not found: \${_unresolved}\")
    endif()
    file(INSTALL ${_cuda_roots} \${_resolved} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${_private_lib}\"
         FOLLOW_SYMLINK_CHAIN)
    # Some come with static symbol tables (LibTorch's, NCCL's, NVSHMEM's): strip those, as above.
    foreach(_lib ${_cuda_roots} \${_resolved})
      get_filename_component(_name \"\${_lib}\" NAME)
      set(_installed \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${_private_lib}/\${_name}\")
      execute_process(COMMAND readelf -S \"\${_installed}\" OUTPUT_VARIABLE _sections ERROR_QUIET)
      if(_sections MATCHES \"[.]symtab\")
        execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded \"\${_installed}\" RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
          message(FATAL_ERROR \"strip failed on \${_name}\")
        endif()
      endif()
    endforeach()
    " COMPONENT Cuda)
endif()

# Desktop integration.
install(FILES "${_linux}/${PERISCOPE_APP_ID}.desktop" DESTINATION share/applications COMPONENT Runtime)
install(FILES "${_linux}/periscope-mime.xml" DESTINATION share/mime/packages RENAME periscope.xml
        COMPONENT Runtime)
# The release's date, fixed with its version (and in installer/debian/changelog), so that two
# builds of one release make the same metadata.
set(PERISCOPE_RELEASE_DATE "2026-12-05")
# Screenshots: tools/screenshots.sh writes them with captions.tsv (file, workspace, title, size).
set(_captions "${PROJECT_SOURCE_DIR}/docs/screenshots/1920x1080/captions.tsv")
set(PERISCOPE_METAINFO_SCREENSHOTS "")
set(_type "default")
if(EXISTS "${_captions}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_captions}")
  file(STRINGS "${_captions}" _lines)
  foreach(_line IN LISTS _lines)
    string(REPLACE "\t" ";" _fields "${_line}")
    list(GET _fields 0 _shot)
    list(GET _fields 2 _caption)
    string(REPLACE "&" "&amp;" _caption "${_caption}")
    string(REPLACE "<" "&lt;" _caption "${_caption}")
    string(APPEND PERISCOPE_METAINFO_SCREENSHOTS
           "    <screenshot type=\"${_type}\">\n      <caption>${_caption}</caption>\n"
           "      <image type=\"source\" width=\"1920\" height=\"1080\">${PERISCOPE_HOMEPAGE}/screenshots/1920x1080/${_shot}</image>\n"
           "    </screenshot>\n")
    set(_type "extra")
  endforeach()
endif()
configure_file("${_linux}/${PERISCOPE_APP_ID}.metainfo.xml.in"
               "${PROJECT_BINARY_DIR}/installer/${PERISCOPE_APP_ID}.metainfo.xml" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/installer/${PERISCOPE_APP_ID}.metainfo.xml" DESTINATION share/metainfo
        COMPONENT Runtime)

# Icons: the SVG, and PNGs in the hicolor sizes drawn from it by rsvg-convert at install time.
set(_icon "${PROJECT_SOURCE_DIR}/resources/icons/periscope.svg")
install(FILES "${_icon}" DESTINATION share/icons/hicolor/scalable/apps RENAME "${PERISCOPE_APP_ID}.svg"
        COMPONENT Runtime)
install(FILES "${_icon}" DESTINATION share/icons/hicolor/scalable/mimetypes
        RENAME "application-x-periscope-project.svg" COMPONENT Runtime)
set(PERISCOPE_ICON_SIZES 16 22 24 32 48 64 128 256 512)
install(CODE "
  find_program(_rsvg rsvg-convert REQUIRED)
  foreach(_size ${PERISCOPE_ICON_SIZES})
    set(_png \"${PROJECT_BINARY_DIR}/installer/icons/\${_size}/${PERISCOPE_APP_ID}.png\")
    file(MAKE_DIRECTORY \"${PROJECT_BINARY_DIR}/installer/icons/\${_size}\")
    execute_process(COMMAND \"\${_rsvg}\" -w \${_size} -h \${_size} -o \"\${_png}\" \"${_icon}\"
                    RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"rsvg-convert failed for \${_size} px\")
    endif()
    file(INSTALL \"\${_png}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/share/icons/hicolor/\${_size}x\${_size}/apps\")
  endforeach()
  " COMPONENT Runtime)

# Man pages, from the programs' own --help (installer/ManPage.cmake).
set(_man "${PROJECT_BINARY_DIR}/installer/man")
install(CODE "
  foreach(_page periscope periscope-cli)
    if(_page STREQUAL periscope)
      set(_program \"$<TARGET_FILE:periscope>\")
      set(_summary \"a workbench for looking inside vision models\")
      set(_sub OFF)
    else()
      set(_program \"$<TARGET_FILE:periscope-cli>\")
      set(_summary \"Periscope's batch commands: analyse, explain and train vision models\")
      set(_sub ON)
    endif()
    execute_process(COMMAND \"${CMAKE_COMMAND}\" -DPROGRAM=\${_program} -DNAME=\${_page}
                            \"-DSUMMARY=\${_summary}\" -DOUT=${_man}/\${_page}.1 -DSUBCOMMANDS=\${_sub}
                            -P \"${PROJECT_SOURCE_DIR}/installer/ManPage.cmake\"
                    RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"the man page of \${_page} failed\")
    endif()
    file(INSTALL \"${_man}/\${_page}.1.gz\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/share/man/man1\")
  endforeach()
  " COMPONENT Runtime)

# Documentation, as Debian wants it: copyright, a gzipped changelog, and the README.
set(_debian "${PROJECT_SOURCE_DIR}/installer/debian")
install(FILES "${_debian}/copyright" "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/periscope
        COMPONENT Runtime)
install(FILES "${_debian}/copyright" DESTINATION share/doc/periscope-cuda COMPONENT Cuda)
install(FILES "${_debian}/periscope.lintian-overrides" DESTINATION share/lintian/overrides
        RENAME periscope COMPONENT Runtime)
install(FILES "${_debian}/periscope-cuda.lintian-overrides" DESTINATION share/lintian/overrides
        RENAME periscope-cuda COMPONENT Cuda)
foreach(_component Runtime Cuda)
  if(_component STREQUAL Runtime)
    set(_package periscope)
  else()
    set(_package periscope-cuda)
  endif()
  set(_gz "${PROJECT_BINARY_DIR}/installer/${_package}/changelog.gz")
  install(CODE "
    file(MAKE_DIRECTORY \"${PROJECT_BINARY_DIR}/installer/${_package}\")
    execute_process(COMMAND gzip -9 -n -c \"${_debian}/changelog\" OUTPUT_FILE \"${_gz}\" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"gzip of the changelog failed\")
    endif()
    file(INSTALL \"${_gz}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/share/doc/${_package}\")
    " COMPONENT ${_component})
endforeach()
