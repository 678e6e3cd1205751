# The desktop app starts on the bundled content under the offscreen platform and keeps running for a few
# seconds without printing anything (no Qt warning, no error). `timeout` ends it with 124.
# Run: cmake -DAPP=… -DWORK=<scratch dir> -P AppStaysUp.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/runtime)
file(CHMOD ${WORK}/runtime DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{MLAPREP_DATA_DIR} ${WORK}/data)
# A desktop session always has a runtime folder; without one Qt itself warns before our code runs.
set(ENV{XDG_RUNTIME_DIR} ${WORK}/runtime)
execute_process(COMMAND timeout 4 ${APP} RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT exit_code EQUAL 124)
    message(FATAL_ERROR "mlaprep exited early with ${exit_code}:\n${out}${err}")
endif()
if(NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "mlaprep printed something:\n${out}${err}")
endif()
if(NOT EXISTS ${WORK}/data/progress.sqlite)
    message(FATAL_ERROR "mlaprep did not create its store in MLAPREP_DATA_DIR")
endif()
