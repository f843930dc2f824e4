# The kernel selector (tests/common/bn_impl_env.cc), the patterned call harness of the assembly
# kernels, and one more run of the whole program (its vectors included) per kernel other than
# the default (PETREL_BN_OTHER_KERNELS, tests/CMakeLists.txt).
target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/common/bn_impl_env.cc)
if(PETREL_ARCH STREQUAL "arm" AND PETREL_BN_KERNEL_ARMV4)
  target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/call_harness_arm.S)
elseif(PETREL_ARCH STREQUAL "mips" AND PETREL_BN_KERNEL_MIPS32R2)
  target_sources(bignum_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/call_harness_mips.S)
endif()
foreach(_k ${PETREL_BN_OTHER_KERNELS})
  add_test(NAME bignum.kernel.${_k} COMMAND bignum_test)
  set_tests_properties(bignum.kernel.${_k} PROPERTIES
    ENVIRONMENT "PETREL_TEST_BN_IMPL=${_k};PETREL_VECTOR_SAMPLE=${PETREL_VECTOR_SAMPLE}")
endforeach()
