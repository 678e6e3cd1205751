# The .deb (scripts/package): CPack's DEB generator over the install rules, with Depends computed by
# dpkg-shlibdeps from the binaries. Qt's platform plugins (xcb, offscreen) ship in libqt6gui6, which the
# binaries link, and mlaprep loads no other plugin (its icons are PNG), so nothing is named by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mlaprep)
set(CPACK_PACKAGE_VENDOR "The mlaprep developers")
set(CPACK_PACKAGE_CONTACT "The mlaprep developers <mlaprep@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline study desk for the AWS Machine Learning Engineer exam")
# The extended description only: CPack puts the summary above it as the synopsis.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "mlaprep prepares a learner for the AWS Certified Machine Learning Engineer -
Associate (MLA-C01) exam without an account or a network: notes for every task
statement, timed mock exams on the exam's blueprint, practice sessions that
explain every option, an FSRS spaced-repetition queue for cards and missed
questions, statistics, and a readiness estimate with a plan to the exam date.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/mlaprep/mlaprep")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
