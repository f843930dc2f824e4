# Constant-time checks under valgrind memcheck (STYLE.md "Secrets"; BoringSSL CONSTTIME_SECRET,
# Monocypher ctgrind). ct_check marks keys and secret data as undefined (CT_POISON) and calls the
# secret-handling APIs; memcheck then reports every branch and every memory index that depends
# on them. The library is rebuilt here with PETREL_CT_VALGRIND so that its own declassification
# points (CT_UNPOISON of a public result) are honoured.
#
# Cases named leak_* must be caught: a secret-indexed table (the T-table AES, a deliberate
# self-test leak). If valgrind ever stops seeing them, the check itself is broken and fails.
# The cross targets get the trace check instead (tests/ct/trace.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/trace.cmake)
if(CMAKE_CROSSCOMPILING OR CMAKE_CXX_FLAGS MATCHES "sanitize")
  return()
endif()
# Statistical timing (dudect-style Welch t-test, tests/ct/dudect.cpp): the TLS CBC record check
# and PKCS#1 v1.5 decoding, and a deliberately leaky comparison that must be caught.
add_executable(dudect ${CMAKE_CURRENT_LIST_DIR}/dudect.cpp)
target_link_libraries(dudect PRIVATE petrel)
target_include_directories(dudect PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(dudect PRIVATE PETREL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
petrel_set_warnings(dudect)
foreach(_case tls_cbc_open rsa_pkcs1_decrypt selftest_leak)
  add_test(NAME dudect.${_case} COMMAND dudect ${_case})
endforeach()

find_program(PETREL_VALGRIND valgrind)
if(NOT PETREL_VALGRIND OR NOT EXISTS "/usr/include/valgrind/memcheck.h")
  message(WARNING "valgrind or its memcheck.h is missing: constant-time checks are not built")
  return()
endif()

add_library(petrel_ctgrind STATIC ${PETREL_SOURCES})
target_include_directories(petrel_ctgrind PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_definitions(petrel_ctgrind PUBLIC PETREL_CT_VALGRIND=1)
target_compile_options(petrel_ctgrind PRIVATE -fno-exceptions -fno-rtti -gdwarf-4)
add_executable(ct_check ${CMAKE_CURRENT_LIST_DIR}/ct_check.cpp)
# DWARF 4: valgrind 3.19 cannot read clang 14's default DWARF 5.
target_compile_options(ct_check PRIVATE -gdwarf-4)
target_link_libraries(ct_check PRIVATE petrel_ctgrind)
petrel_set_warnings(ct_check)

# The case list comes from the program itself, so a case cannot be written and forgotten here.
set(_petrel_ct_cases
  aes_ct_schedule aes_ct_encrypt aes_ct_decrypt cbc_ct_pkcs7 ctr_ct gcm_ct_seal gcm_ct_open
  md5 sha1 sha256 sha512 hmac_sha1 hmac_sha256 hmac_sha384 tls10_prf tls12_prf ct_mem_equal
  rsa_private_op rsa_pkcs1_sign rsa_pss_sign rsa_pkcs1_decrypt_padding rsa_oaep_decrypt
  rsa_tls_premaster bignum_modexp tls_cbc_open tls_gcm_open tls_chacha_open tls_finished tls_premaster_encrypt chacha20 poly1305 chacha20_poly1305_open
  x25519)
set(_petrel_ct_leaks leak_selftest leak_aes_table)
foreach(_case ${_petrel_ct_cases})
  add_test(NAME ct.${_case}
    COMMAND ${PETREL_VALGRIND} -q --error-exitcode=99 --track-origins=yes
            $<TARGET_FILE:ct_check> ${_case})
endforeach()
foreach(_case ${_petrel_ct_leaks})
  # Must be reported by memcheck: exit status 99 exactly (a crash or a clean run both fail).
  add_test(NAME ct.${_case}
    COMMAND sh -c "\"$0\" -q --error-exitcode=99 \"$1\" \"$2\" 2>/dev/null; rc=$?; echo \"valgrind exit $rc (99 = leak caught)\"; test $rc -eq 99"
            ${PETREL_VALGRIND} $<TARGET_FILE:ct_check> ${_case})
endforeach()
add_test(NAME ct.case_list COMMAND $<TARGET_FILE:ct_check> --check-list ${_petrel_ct_cases} ${_petrel_ct_leaks})
