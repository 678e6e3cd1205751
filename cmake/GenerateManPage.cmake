# Writes a gzipped man page from a template: @USAGE@ becomes what `CLI --help` prints (when CLI is
# given), so the page cannot drift from the program. Run: cmake -DTEMPLATE=… -DOUTPUT=….gz
# [-DCLI=…] -DPROJECT_VERSION=… -P GenerateManPage.cmake
set(USAGE "")
if(CLI)
    execute_process(COMMAND ${CLI} --help OUTPUT_VARIABLE USAGE RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${CLI} --help exited with ${status}")
    endif()
    # roff: a backslash is an escape, and a line starting with . or ' is a request.
    string(REPLACE "\\" "\\e" USAGE "${USAGE}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" USAGE "${USAGE}")
    string(REGEX REPLACE "\n$" "" USAGE "${USAGE}")
endif()
# string(TIMESTAMP) takes SOURCE_DATE_EPOCH when it is set (reproducible package builds).
string(TIMESTAMP MAN_DATE "%Y-%m-%d" UTC)
configure_file(${TEMPLATE} ${OUTPUT}.page @ONLY)
execute_process(COMMAND gzip -9 -n -c ${OUTPUT}.page OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip failed on ${OUTPUT}.page")
endif()
