# Differential tests of the petrel tool's RSA commands against the openssl command (host presets
# only: key generation and 4096-bit operations under qemu would take too long, and the test runs
# openssl on the build machine).
if(NOT CMAKE_CROSSCOMPILING AND TARGET petrel_tool)
  find_program(PETREL_OPENSSL openssl)
  find_program(PETREL_BASH_RSA bash)
  if(PETREL_OPENSSL AND PETREL_BASH_RSA)
    add_test(NAME rsa_openssl_diff
      COMMAND ${PETREL_BASH_RSA} ${CMAKE_CURRENT_LIST_DIR}/openssl_diff.sh $<TARGET_FILE:petrel_tool>)
    set_tests_properties(rsa_openssl_diff PROPERTIES LABELS tools TIMEOUT 900)
  else()
    message(STATUS "openssl or bash not found: rsa_openssl_diff is not registered")
  endif()
endif()

# Every big-number kernel runs the RSA vectors: the plain `rsa` test runs the default kernel,
# these one run each of the others (tests/common/bn_impl_env.cc, PETREL_BN_OTHER_KERNELS): the
# published vectors only (RSA Labs PKCS#1 v1.5 and v2.1 sign/verify/encrypt/decrypt, NIST
# SigGen/SigVer), which is every private and public operation shape; not key generation (minutes
# under qemu, and its primality tests run the same mont_mul), the stack-depth measurement, the
# key-file formats or the negative cases (no kernel-dependent arithmetic beyond the above).
target_sources(rsa_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/common/bn_impl_env.cc)
foreach(_k ${PETREL_BN_OTHER_KERNELS})
  add_test(NAME rsa.kernel.${_k}
    COMMAND rsa_test --gtest_filter=RsaLabs.*:RsaLabsV21.*:RsaNist.*)
  set_tests_properties(rsa.kernel.${_k} PROPERTIES
    ENVIRONMENT "PETREL_TEST_BN_IMPL=${_k};PETREL_VECTOR_SAMPLE=${PETREL_VECTOR_SAMPLE}")
endforeach()
