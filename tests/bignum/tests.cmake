# What Bignum.ReportsLimbImplementation expects, from the toolchain rather than from the
# library's own preprocessor test: 64-bit limbs (c64) where pointers are 8 bytes and the
# compiler has unsigned __int128 (gcc and clang on x86-64 and other 64-bit targets), 32-bit limbs
# (c32) on the 32-bit phone targets. An assembly variant added for a processor changes
# this expectation in the same commit.
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(_petrel_expect_mul_add "c64")
  set(_petrel_expect_limb_bits 64)
else()
  set(_petrel_expect_mul_add "c32")
  set(_petrel_expect_limb_bits 32)
endif()
target_compile_definitions(bignum_test PRIVATE
  PETREL_EXPECT_MUL_ADD="${_petrel_expect_mul_add}"
  PETREL_EXPECT_LIMB_BITS=${_petrel_expect_limb_bits}
  PETREL_TEST_PROCESSOR="${CMAKE_SYSTEM_PROCESSOR}")
