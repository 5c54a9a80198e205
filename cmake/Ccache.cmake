# Use ccache when it is installed. The sloppiness settings let ccache cache objects that use
# the precompiled torch header (it otherwise refuses to, and every rebuild pays ~20 s a file).
find_program(PERISCOPE_CCACHE ccache)
if(PERISCOPE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(_launcher ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${PERISCOPE_CCACHE})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  message(STATUS "Periscope: compiling through ccache (${PERISCOPE_CCACHE})")
endif()
