# Extra X25519 tests, host builds only:
#  - ec_x25519_million_<impl>: the 1,000,000-iteration vector of RFC 7748 section 5.2, one test per
#    implementation (ec_test skips it unless PETREL_X25519_MILLION is set; under qemu it would take
#    far too long, so cross builds do not register it). scripts/test runs the host's default
#    implementation's (fe64 on 64-bit hosts, about 60 s); the others carry the ctest label "long",
#    which the host test preset excludes and scripts/long-tests runs (fe32: about 150 s);
#  - ec_x25519_openssl: a differential test against the openssl command (like tests/hash);
#  - ec_p256_openssl: P-256 and P-384 ECDH, public keys and ECDSA both ways against openssl.
if(NOT CMAKE_CROSSCOMPILING)
 # The million iterations once per scripts/test: in the gcc release host build, not under the
 # sanitizers (several times slower) nor again in the clang build.
 if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # One test per implementation: fe64 exists on 64-bit hosts only (a missing one would fail).
  set(_petrel_x25519_impls fe32)
  if(CMAKE_SIZEOF_VOID_P EQUAL 8)
    list(APPEND _petrel_x25519_impls fe64)
  endif()
  # The last one listed is the host's default (crypto/ec/x25519.h kX25519DefaultImpl).
  list(GET _petrel_x25519_impls -1 _petrel_x25519_default)
  foreach(_impl ${_petrel_x25519_impls})
    add_test(NAME ec_x25519_million_${_impl}
             COMMAND ec_test --gtest_filter=X25519.Rfc7748Section5_2IteratedMillion)
    if(NOT _impl STREQUAL _petrel_x25519_default)
      set_tests_properties(ec_x25519_million_${_impl} PROPERTIES LABELS long)
    endif()
    # COST: the longest tests of the host preset (fe32 about 150 s), started first so that the
    # other tests run beside them instead of after them (ctest has no timing history on a clean
    # clone and otherwise starts tests in the order they were added).
    set_tests_properties(ec_x25519_million_${_impl} PROPERTIES
      ENVIRONMENT "PETREL_X25519_MILLION=${_impl}" FAIL_REGULAR_EXPRESSION "SKIPPED \\]"
      COST 1000)
  endforeach()
 endif()
  find_program(PETREL_OPENSSL_EXE openssl)
  petrel_test_helper(petrel_x25519_cli ${CMAKE_CURRENT_LIST_DIR}/x25519_cli.cpp)
  # P-256 / P-384 against the openssl command (tests/ec/ec_openssl.sh).
  petrel_test_helper(petrel_ec_cli ${CMAKE_CURRENT_LIST_DIR}/ec_cli.cpp)
  if(PETREL_OPENSSL_EXE)
    add_test(NAME ec_p256_openssl
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/ec_openssl.sh $<TARGET_FILE:petrel_ec_cli>)
    set_tests_properties(ec_p256_openssl PROPERTIES FAIL_REGULAR_EXPRESSION "MISMATCH")
    add_test(NAME ec_x25519_openssl
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/x25519_openssl.sh $<TARGET_FILE:petrel_x25519_cli>)
  endif()
endif()
# ARMv6 and later (the big-number kernel list has armv6: armhf): the "armv6" X25519 row must be
# available, and its field multiply keeps r4-r11 and sp (the patterned call harness of
# tests/bignum).
if("armv6" IN_LIST PETREL_BN_ASM_KERNELS AND NOT _petrel_test_cpu MATCHES "eb$")
  target_sources(ec_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(ec_test PRIVATE PETREL_TEST_X25519_ARMV6=1)
endif()
