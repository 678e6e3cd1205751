# `mlaprep-cli validate` on a broken copy of a bundle exits 1 and names file, item id and field.
# Run: cmake -DCLI=… -DDATA=<tests/data> -DWORK=<scratch dir> -P ValidateBrokenCopy.cmake
file(REMOVE_RECURSE ${WORK})
file(COPY ${DATA}/bundles/minimal/ DESTINATION ${WORK})
# file(COPY) skips a file whose timestamp matches the destination's, as every file of a fresh clone does,
# so the defect's files are copied one by one.
set(overlay ${DATA}/bundles/bad-option-without-why)
file(GLOB_RECURSE overlay_files RELATIVE ${overlay} ${overlay}/*)
foreach(relative IN LISTS overlay_files)
    file(COPY_FILE ${overlay}/${relative} ${WORK}/${relative})
endforeach()
execute_process(COMMAND ${CLI} validate ${WORK} RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT exit_code EQUAL 1)
    message(FATAL_ERROR "expected exit 1, got ${exit_code}\n${out}${err}")
endif()
if(NOT err MATCHES "questions/1\\.1\\.json: q-1\\.1-001: options\\[b\\]\\.why: ")
    message(FATAL_ERROR "the problem does not name file, id and field:\n${err}")
endif()
execute_process(COMMAND ${CLI} validate ${DATA}/bundles/minimal --json RESULT_VARIABLE exit_code OUTPUT_VARIABLE out)
if(NOT exit_code EQUAL 0 OR NOT out MATCHES "\"by_type\"")
    message(FATAL_ERROR "the minimal bundle should validate with counts, got ${exit_code}:\n${out}")
endif()
