# The assembly GHASH variants this target must have (PETREL_GHASH_ASM_IMPLS, tests/CMakeLists.txt):
# tests/modes/ghash_asm_test.cpp checks they are there and calls each entry point through the
# patterned call harness of tests/bignum.
string(REPLACE ";" " " _petrel_ghash_asm "${PETREL_GHASH_ASM_IMPLS}")
target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ASM_IMPLS="${_petrel_ghash_asm}")
if("armv4" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_sources(modes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ARMV4=1)
endif()
if("armv7-neon" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_sources(modes_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/call_harness_neon.S)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_ARMV7_NEON=1)
endif()
if("mips32r2" IN_LIST PETREL_GHASH_ASM_IMPLS)
  target_sources(modes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_mips.S)
  target_compile_definitions(modes_test PRIVATE PETREL_TEST_GHASH_MIPS32R2=1)
endif()
# The generated constant-time ARM GHASH must be what its committed generator prints
# (crypto/modes/arm/ghash_armv4_ct_gen.py, run by hand; it checks the allocated code against a
# bit-serial GF(2^128) multiply before printing). Host builds only (pure Python, about 20 s).
find_program(PETREL_PYTHON3 python3)
if(PETREL_PYTHON3 AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME ghash_armv4_ct_generated
    COMMAND sh -c "\"$0\" \"$1\" | cmp - \"$2\"" ${PETREL_PYTHON3}
            ${PROJECT_SOURCE_DIR}/crypto/modes/arm/ghash_armv4_ct_gen.py
            ${PROJECT_SOURCE_DIR}/crypto/modes/arm/ghash_armv4_ct.S)
endif()
