# The RC4 variants this target must have, fastest first, from the toolchain (the same conditions
# as the bignum kernels and the assembly AES in tests/CMakeLists.txt: mips32r2 on MIPS32r2
# processors, armv4 on little-endian 32-bit ARM, unless PETREL_NO_ASM), for Rc4.NameTable; and
# the patterned call harness of the assembly for Rc4.CalleeSavedRegisters.
set(_petrel_rc4_impls "")
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS)
  list(APPEND _petrel_rc4_impls armv4)
  target_sources(rc4_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_arm.S)
  target_compile_definitions(rc4_test PRIVATE PETREL_TEST_CALL_HARNESS_ARM=1)
endif()
if("mips32r2" IN_LIST PETREL_BN_ASM_KERNELS)
  list(APPEND _petrel_rc4_impls mips32r2)
  target_sources(rc4_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_mips.S)
  target_compile_definitions(rc4_test PRIVATE PETREL_TEST_CALL_HARNESS_MIPS=1)
endif()
list(APPEND _petrel_rc4_impls c)
string(REPLACE ";" " " _petrel_rc4_impls "${_petrel_rc4_impls}")
target_compile_definitions(rc4_test PRIVATE PETREL_TEST_RC4_IMPLS="${_petrel_rc4_impls}")
