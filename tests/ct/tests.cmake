# Constant-time checks under valgrind memcheck (STYLE.md "Secrets"; BoringSSL CONSTTIME_SECRET,
# Monocypher ctgrind). ct_check marks keys and secret data as undefined (CT_POISON) and calls the
# secret-handling APIs; memcheck then reports every branch and every memory index that depends
# on them. The library is rebuilt here with PETREL_CT_VALGRIND so that its own declassification
# points (CT_UNPOISON of a public result) are honoured.
#
# Cases named leak_* must be caught: a secret-indexed table (the T-table AES, the 4-bit GHASH, a
# deliberate self-test leak). If valgrind ever stops seeing them, the check itself is broken and
# fails.
# The cross targets get the trace check instead (tests/ct/trace.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/trace.cmake)
if(CMAKE_CROSSCOMPILING OR CMAKE_CXX_FLAGS MATCHES "sanitize")
  return()
endif()
# Statistical timing (dudect-style Welch t-test, tests/ct/dudect.cpp): the TLS CBC record check
# and PKCS#1 v1.5 decoding, and a deliberately leaky comparison that must be caught.
add_executable(dudect ${CMAKE_CURRENT_LIST_DIR}/dudect.cpp)
target_link_libraries(dudect PRIVATE petrel_test_hooks petrel)
target_include_directories(dudect PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(dudect PRIVATE PETREL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
petrel_set_warnings(dudect)
foreach(_case tls_cbc_padlen tls_cbc_failure rsa_pkcs1_decrypt selftest_leak)
  add_test(NAME dudect.${_case} COMMAND dudect ${_case})
endforeach()

find_program(PETREL_VALGRIND valgrind)
if(NOT PETREL_VALGRIND OR NOT EXISTS "/usr/include/valgrind/memcheck.h")
  message(WARNING "valgrind or its memcheck.h is missing: constant-time checks are not built")
  return()
endif()

# With the test hooks (the RSA key poisoning must see PETREL_CT_VALGRIND too).
add_library(petrel_ctgrind STATIC ${PETREL_SOURCES} ${PETREL_TEST_HOOK_SOURCES})
target_include_directories(petrel_ctgrind PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_definitions(petrel_ctgrind PUBLIC PETREL_CT_VALGRIND=1)
target_compile_definitions(petrel_ctgrind PRIVATE ${PETREL_ARCH_DEFINES})
target_compile_options(petrel_ctgrind PRIVATE -fno-exceptions -fno-rtti -gdwarf-4)
# One program: ct_check.cpp (the case list, main) and the cases per family (tests/ct/ct_cases.h).
add_executable(ct_check ${CMAKE_CURRENT_LIST_DIR}/ct_check.cpp ${CMAKE_CURRENT_LIST_DIR}/ct_symmetric.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ct_rsa.cpp ${CMAKE_CURRENT_LIST_DIR}/ct_curves.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ct_tls.cpp)
# DWARF 4: valgrind 3.19 cannot read clang 14's default DWARF 5.
target_compile_options(ct_check PRIVATE -gdwarf-4)
target_link_libraries(ct_check PRIVATE petrel_ctgrind)
petrel_set_warnings(ct_check)

# The case list comes from the program itself: after each build, ct_check writes a CTest include
# file with one test per case (fixed cases plus one per available variant of every family, from
# the variant tables: a variant that claims constant time must pass under memcheck, one that does
# not is a leak_* case that must be reported). ct.case_list fails if that file is missing or
# stale, or if a family's table gave no variant.
set(_petrel_ct_file ${CMAKE_CURRENT_BINARY_DIR}/ct_cases.cmake)
add_custom_command(TARGET ct_check POST_BUILD
  COMMAND $<TARGET_FILE:ct_check> --ctest-file ${_petrel_ct_file} ${PETREL_VALGRIND}
  COMMENT "ct_check: writing the constant-time case list")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${_petrel_ct_file})
add_test(NAME ct.case_list COMMAND $<TARGET_FILE:ct_check> --check-file ${_petrel_ct_file})
