# The assembly AES variants this target must have, from the toolchain (the same condition as the
# bignum kernels in tests/CMakeLists.txt: mips32r2 on MIPS32r2 processors unless PETREL_NO_ASM),
# for AesAsm.NameTable; and the patterned call harness of the MIPS assembly
# (tests/bignum/call_harness_mips.S) for AesAsm.CalleeSavedRegisters.
set(_petrel_aes_asm "")
if("mips32r2" IN_LIST PETREL_BN_ASM_KERNELS)
  list(APPEND _petrel_aes_asm mips32r2)
  target_sources(aes_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/bignum/call_harness_mips.S)
  target_compile_definitions(aes_test PRIVATE PETREL_TEST_CALL_HARNESS_MIPS=1)
endif()
string(REPLACE ";" " " _petrel_aes_asm "${_petrel_aes_asm}")
target_compile_definitions(aes_test PRIVATE PETREL_TEST_AES_ASM="${_petrel_aes_asm}")
