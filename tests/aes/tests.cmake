# The assembly AES variants this target must have (PETREL_AES_ASM_IMPLS, tests/CMakeLists.txt)
# and, on ARM, the patterned call harness of tests/bignum for their entry points
# (tests/aes/aes_asm_test.cpp).
string(REPLACE ";" " " _petrel_aes_asm "${PETREL_AES_ASM_IMPLS}")
target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ASM_IMPLS="${_petrel_aes_asm}")
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS)
  target_sources(aes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ARMV4=1)
endif()
