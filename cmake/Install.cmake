# What `cmake --install` puts under the prefix besides the two programs (installed by their own
# CMakeLists): the bundle, the desktop integration from assets/, the man pages and the Debian copyright.
include(GNUInstallDirs)

set(assets ${PROJECT_SOURCE_DIR}/assets)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mlaprep/content)
if(MLAPREP_GUI)
    install(FILES ${assets}/${MLAPREP_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${assets}/${MLAPREP_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${assets}/icons/mlaprep.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${MLAPREP_APP_ID}.svg)
    foreach(size IN LISTS MLAPREP_ICON_SIZES)
        install(FILES ${assets}/icons/mlaprep-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${MLAPREP_APP_ID}.png)
    endforeach()
endif()
# Debian's policy files for the package: the copyright as it is, the changelog gzipped without a timestamp.
install(FILES ${assets}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
    COMMAND gzip -9 -n -c ${assets}/changelog > ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
    DEPENDS ${assets}/changelog)
add_custom_target(debian_changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
add_custom_command(OUTPUT ${man_dir}/mlaprep-cli.1.gz
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:mlaprep-cli> -DTEMPLATE=${PROJECT_SOURCE_DIR}/docs/man/mlaprep-cli.1.in
            -DOUTPUT=${man_dir}/mlaprep-cli.1.gz -DPROJECT_VERSION=${PROJECT_VERSION}
            -P ${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake
    DEPENDS mlaprep-cli ${PROJECT_SOURCE_DIR}/docs/man/mlaprep-cli.1.in ${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake
    COMMENT "Writing the mlaprep-cli man page from mlaprep-cli --help")
add_custom_command(OUTPUT ${man_dir}/mlaprep.1.gz
    COMMAND ${CMAKE_COMMAND} -DTEMPLATE=${PROJECT_SOURCE_DIR}/docs/man/mlaprep.1.in
            -DOUTPUT=${man_dir}/mlaprep.1.gz -DPROJECT_VERSION=${PROJECT_VERSION}
            -P ${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/mlaprep.1.in ${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake
    COMMENT "Writing the mlaprep man page")
set(man_pages ${man_dir}/mlaprep-cli.1.gz)
if(MLAPREP_GUI)
    list(APPEND man_pages ${man_dir}/mlaprep.1.gz)
endif()
add_custom_target(man_pages ALL DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
