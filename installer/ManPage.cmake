# cmake -DPROGRAM=... -DNAME=... -DSUMMARY=... -DOUT=... [-DSUBCOMMANDS=ON] -P ManPage.cmake
#
# A man page made by help2man from the program's own --help and --version, so it cannot drift
# from the program. With SUBCOMMANDS, every `periscope-cli COMMAND --help` becomes a section of
# its own (read from the command list in the top-level help). Written gzipped with no time stamp
# (gzip -n), as Debian wants. QT_QPA_PLATFORM=offscreen: the GUI's --help needs no display.
foreach(_var PROGRAM NAME SUMMARY OUT)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "ManPage.cmake: ${_var} is not set")
  endif()
endforeach()
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{PERISCOPE_CUDA} off) # a help text needs no GPU libraries

get_filename_component(_dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
# Private to this run: two installs at once (two cpack runs on one build) must not share it.
string(RANDOM LENGTH 8 _tag)
set(_include "${OUT}.${_tag}.include")
file(WRITE "${_include}" "")
if(SUBCOMMANDS)
  execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE _help RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --help failed")
  endif()
  string(REGEX MATCHALL "\n  [a-z][a-z-]+ " _lines "${_help}")
  file(APPEND "${_include}" "[COMMANDS]\n")
  foreach(_line IN LISTS _lines)
    string(STRIP "${_line}" _command)
    execute_process(COMMAND "${PROGRAM}" ${_command} --help OUTPUT_VARIABLE _text ERROR_QUIET
                    RESULT_VARIABLE _rc)
    # Roff: a leading dot or quote would be a request, backslashes escapes.
    string(REPLACE "\\" "\\e" _text "${_text}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" _text "${_text}")
    file(APPEND "${_include}" ".SS ${_command}\n.nf\n${_text}\n.fi\n")
  endforeach()
endif()
file(APPEND "${_include}" "[SEE ALSO]\nperiscope(1), periscope-cli(1); README.md in /usr/share/doc/periscope\n")

execute_process(
  COMMAND "${HELP2MAN}" --no-info --section=1 "--name=${SUMMARY}"
          "--include=${_include}" "--output=${OUT}" "${PROGRAM}"
  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${PROGRAM}: ${_err}")
endif()
file(REMOVE "${_include}" "${OUT}.gz")
execute_process(COMMAND "${GZIP}" -9 -n "${OUT}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "gzip failed for ${OUT}")
endif()
