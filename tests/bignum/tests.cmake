# What Bignum.ReportsLimbImplementation expects, from the toolchain rather than from the
# library's own preprocessor test (tests/CMakeLists.txt, PETREL_BN_KERNELS): the fastest kernel
# the target must have, armv7-neon on armhf, armv4 on armel, mips32r2 on mipsel and mips, c64
# where pointers are 8 bytes (the hosts), c32 otherwise. A target that silently fell back to the
# portable loop fails. MulAddVariants.NameTable checks the assembly kernels the same way.
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(_petrel_expect_limb_bits 64)
else()
  set(_petrel_expect_limb_bits 32)
endif()
string(REPLACE ";" " " _petrel_asm_kernels "${PETREL_BN_ASM_KERNELS}")
target_compile_definitions(bignum_test PRIVATE
  PETREL_EXPECT_MUL_ADD="${PETREL_BN_DEFAULT_KERNEL}"
  PETREL_EXPECT_LIMB_BITS=${_petrel_expect_limb_bits}
  PETREL_TEST_ASM_KERNELS="${_petrel_asm_kernels}"
  PETREL_TEST_PROCESSOR="${CMAKE_SYSTEM_PROCESSOR}")

# The kernel selector (tests/common/bn_impl_env.cc), the patterned call harness of the assembly
# kernels, and one more run of the whole program (its vectors included) per kernel other than
# the default (PETREL_BN_OTHER_KERNELS, tests/CMakeLists.txt).
target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/common/bn_impl_env.cc)
if("armv4" IN_LIST PETREL_BN_ASM_KERNELS)
  target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/call_harness_arm.S)
  target_compile_definitions(bignum_test PRIVATE PETREL_TEST_CALL_HARNESS_ARM=1)
  # The NEON kernel: the harness that also fills d8-d15 (tests/aes, shared).
  if("armv7-neon" IN_LIST PETREL_BN_ASM_KERNELS)
    target_sources(bignum_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/aes/call_harness_neon_arm.S)
    target_compile_definitions(bignum_test PRIVATE PETREL_TEST_CALL_HARNESS_NEON=1)
  endif()
elseif("mips32r2" IN_LIST PETREL_BN_ASM_KERNELS)
  target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/call_harness_mips.S)
  target_compile_definitions(bignum_test PRIVATE PETREL_TEST_CALL_HARNESS_MIPS=1)
endif()
foreach(_k ${PETREL_BN_OTHER_KERNELS})
  add_test(NAME bignum.kernel.${_k} COMMAND bignum_test)
  set_tests_properties(bignum.kernel.${_k} PROPERTIES
    ENVIRONMENT "PETREL_TEST_BN_IMPL=${_k};PETREL_VECTOR_SAMPLE=${PETREL_VECTOR_SAMPLE}")
endforeach()
