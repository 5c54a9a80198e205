# Use ccache when it is installed. The sloppiness settings let ccache cache objects that use
# the precompiled torch header (it otherwise refuses to, and every rebuild pays ~20 s a file).
# BASEDIR and NOHASHDIR make the cache independent of where the checkout lies: CI builds a
# fresh clone at another path, and without them it could use nothing a developer compiled.
find_program(PERISCOPE_CCACHE ccache)
if(PERISCOPE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(_launcher ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
      "CCACHE_NOHASHDIR=true"
      ${PERISCOPE_CCACHE})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  message(STATUS "Periscope: compiling through ccache (${PERISCOPE_CCACHE})")
endif()
