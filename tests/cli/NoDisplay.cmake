# Without a display mlaprep prints one line saying what to do and exits 1, instead of Qt's abort text;
# --help still works there. Run: cmake -DAPP=… -P NoDisplay.cmake
set(no_display ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM)
execute_process(COMMAND ${no_display} ${APP} RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 20)
if(NOT exit_code EQUAL 1)
    message(FATAL_ERROR "mlaprep without a display exited with ${exit_code}, not 1:\n${out}${err}")
endif()
string(REGEX MATCHALL "\n" newlines "${err}")
list(LENGTH newlines lines)
if(NOT out STREQUAL "" OR NOT lines EQUAL 1 OR NOT err MATCHES "QT_QPA_PLATFORM=offscreen")
    message(FATAL_ERROR "mlaprep without a display should print one line naming QT_QPA_PLATFORM=offscreen, "
                        "printed:\n${out}${err}")
endif()
execute_process(COMMAND ${no_display} ${APP} --help RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 20)
if(NOT exit_code EQUAL 0 OR NOT out MATCHES "--bundle")
    message(FATAL_ERROR "mlaprep --help without a display exited with ${exit_code}:\n${out}${err}")
endif()
