# The assembly AES variants this target must have (PETREL_AES_ASM_IMPLS, tests/CMakeLists.txt:
# armv4 on 32-bit little-endian ARM, mips32r2 on MIPS32r2, none under PETREL_NO_ASM), for
# AesAsm.NameTable and AesAsm.TargetHasItsVariants; and the patterned call harness of tests/bignum
# for their entry points (tests/aes/aes_asm_arm_test.cpp, aes_asm_test.cpp).
string(REPLACE ";" " " _petrel_aes_asm "${PETREL_AES_ASM_IMPLS}")
target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ASM_IMPLS="${_petrel_aes_asm}")
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS)
  target_sources(aes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ARMV4=1)
endif()
if("mips32r2" IN_LIST PETREL_AES_ASM_IMPLS)
  target_sources(aes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_mips.S)
  target_compile_definitions(aes_test PRIVATE PETREL_TEST_CALL_HARNESS_MIPS=1)
endif()
# The bitsliced NEON variant "armv7-neon" (constant-time, so not in PETREL_AES_ASM_IMPLS, whose
# entries are table variants): in ARMv7-A builds of the library (cmake/PetrelSources.cmake), run
# where the CPU has NEON; AesAsm.NameTable expects it there, aes_asm_arm_test.cpp calls it through
# the patterned harness (r4-r11 and d8-d15).
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS AND PETREL_TARGET_ARMV7A)
  target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ARMV7_NEON=1)
  target_sources(aes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/aes/call_harness_neon_arm.S)
endif()
# The generated assembly of "fixslice-armv4" must be what its committed generator prints
# (crypto/aes/arm/aes_fixslice_armv4_gen.py, run by hand; it also runs its own Python check of
# every round unit against a transcription of aes_fixslice.cpp). Pure Python: registered once,
# in the host builds (about 40 s).
find_program(PETREL_PYTHON3 python3)
if(PETREL_PYTHON3 AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME aes_fixslice_armv4_generated
    COMMAND sh -c "\"$0\" \"$1\" | cmp - \"$2\"" ${PETREL_PYTHON3}
            ${PROJECT_SOURCE_DIR}/crypto/aes/arm/aes_fixslice_armv4_gen.py
            ${PROJECT_SOURCE_DIR}/crypto/aes/arm/aes_fixslice_armv4.S)
  # The same for "armv7-neon": scripts/gen-aes-armv7-neon's output (about 20 s) must be the
  # committed crypto/aes/arm/neon/aes_armv7_neon.S.
  add_test(NAME aes_armv7_neon_generated
    COMMAND sh -c "\"$0\" \"$1\" 2>/dev/null | cmp - \"$2\"" ${PETREL_PYTHON3}
            ${PROJECT_SOURCE_DIR}/scripts/gen-aes-armv7-neon
            ${PROJECT_SOURCE_DIR}/crypto/aes/arm/neon/aes_armv7_neon.S)
endif()
