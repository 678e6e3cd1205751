# One INTERFACE target carries the language standard, warnings and Qt strictness defines (house rule 2).
add_library(mlaprep_config INTERFACE)
target_compile_features(mlaprep_config INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(mlaprep_config INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wshadow
    $<$<BOOL:${MLAPREP_WERROR}>:-Werror>)
target_compile_definitions(mlaprep_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
