# Extra hash tests: a differential test against the openssl command (host builds only, since
# the cross builds run under qemu and the command must be the host's).
if(NOT CMAKE_CROSSCOMPILING)
  find_program(PETREL_OPENSSL_EXE openssl)
  petrel_test_helper(petrel_hash_cli ${CMAKE_CURRENT_LIST_DIR}/hash_cli.cpp)
  if(PETREL_OPENSSL_EXE)
    add_test(NAME hash_openssl_dgst
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sha224_openssl.sh $<TARGET_FILE:petrel_hash_cli>)
  endif()
endif()

# The SHA variants each target must have as its default (crypto/hash/hash_impl.cpp), from the
# toolchain as for the bignum kernels (tests/CMakeLists.txt, PETREL_BN_ASM_KERNELS): armv4 for
# SHA-1, SHA-256 and SHA-512 on ARM (armv7-neon on ARMv7-A), mips32r2 for SHA-1 and SHA-256 on MIPS32r2, the portable rows elsewhere. A
# target that silently fell back to the portable code fails HashImpls.DefaultsOfThisTarget. The
# patterned call harness of tests/bignum checks the assembly keeps the callee-saved registers.
set(_petrel_sha1 c32)
set(_petrel_sha256 c32)
set(_petrel_sha512 c64)
if("armv4" IN_LIST PETREL_BN_ASM_KERNELS)
  set(_petrel_sha1 armv4)
  set(_petrel_sha256 armv4)
  set(_petrel_sha512 armv4)
  target_sources(hash_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/bignum/call_harness_arm.S)
  target_compile_definitions(hash_test PRIVATE PETREL_TEST_CALL_HARNESS_ARM=1)
  # ARMv7-A (armhf): the armv7-neon rows come first (the presets' qemu CPU, cortex-a7, has
  # NEON), checked for r4-r11 and d8-d15 by the NEON call harness of tests/chacha.
  if(PETREL_TARGET_ARMV7A)
    set(_petrel_sha1 armv7-neon)
    set(_petrel_sha256 armv7-neon)
    set(_petrel_sha512 armv7-neon)
    target_sources(hash_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/chacha/call_harness_neon.S)
    target_compile_definitions(hash_test PRIVATE PETREL_TEST_CALL_HARNESS_NEON=1)
  endif()
elseif("mips32r2" IN_LIST PETREL_BN_ASM_KERNELS)
  set(_petrel_sha1 mips32r2)
  set(_petrel_sha256 mips32r2)
  target_sources(hash_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/bignum/call_harness_mips.S)
  target_compile_definitions(hash_test PRIVATE PETREL_TEST_CALL_HARNESS_MIPS=1)
endif()
target_compile_definitions(hash_test PRIVATE PETREL_EXPECT_SHA1="${_petrel_sha1}"
                                             PETREL_EXPECT_SHA256="${_petrel_sha256}"
                                             PETREL_EXPECT_SHA512="${_petrel_sha512}")
