# The assembly GHASH variants this target must have (crypto/modes/gcm.cpp, kGhash), from the
# toolchain as tests/CMakeLists.txt does for AES: "armv4" and "mips32r2" where the AES rows of the
# same name are, "armv7-neon" where the compiler targets ARMv7-A (the armhf preset; used if the
# CPU has NEON). tests/modes/ghash_asm_test.cpp checks they are there and calls each entry point
# through the patterned call harness of tests/bignum.
set(PETREL_GHASH_ASM_IMPLS ${PETREL_AES_ASM_IMPLS})
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS AND PETREL_TARGET_ARMV7A)
  list(APPEND PETREL_GHASH_ASM_IMPLS armv7-neon)
endif()
string(REPLACE ";" " " _petrel_ghash_asm "${PETREL_GHASH_ASM_IMPLS}")
target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ASM_IMPLS="${_petrel_ghash_asm}")
if("armv4" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_sources(modes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ARMV4=1)
endif()
if("armv7-neon" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ARMV7_NEON=1)
endif()
if("mips32r2" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_sources(modes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_mips.S)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_MIPS32R2=1)
endif()
