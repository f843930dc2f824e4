# What ChaCha20.Implementations expects chacha20_impls_available() to list on this target, from
# the toolchain rather than from the library's own #if (as tests/bignum/tests.cmake does for the
# big-number kernels): "portable" everywhere, then "armv4" on 32-bit ARM unless PETREL_NO_ASM,
# then "armv7-neon" on ARMv7-A targets (armhf; its qemu CPU model cortex-a7 has NEON).
# ARM builds also link the patterned call harness of tests/bignum, which checks that the
# assembly entry points keep the AAPCS callee-saved registers and sp; ARMv7-A builds also the
# NEON one of tests/chacha (r4-r11 and d8-d15).
set(_petrel_chacha_impls "portable")
if(NOT PETREL_NO_ASM AND _petrel_test_cpu MATCHES "^arm" AND NOT _petrel_test_cpu MATCHES "^arm64")
  string(APPEND _petrel_chacha_impls " armv4")
  target_sources(chacha_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(chacha_test PRIVATE PETREL_TEST_CALL_HARNESS_ARM=1
                                                 PETREL_TEST_POLY1305_ARMV4=1)
  if(PETREL_TARGET_ARMV7A)
    string(APPEND _petrel_chacha_impls " armv7-neon")
    target_sources(chacha_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/chacha/call_harness_neon.S)
    target_compile_definitions(chacha_test PRIVATE PETREL_TEST_CALL_HARNESS_NEON=1)
  endif()
endif()
target_compile_definitions(chacha_test PRIVATE PETREL_TEST_CHACHA_IMPLS="${_petrel_chacha_impls}")
