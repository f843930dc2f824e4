# Collects the library sources: the portable C++ everywhere, and per target the files of the
# architecture folders crypto/<family>/<isa>/ (STYLE.md layout):
#
#   folder                        built for                           define (PRIVATE)
#   crypto/<family>/*.cpp         every target (the portable variants)
#   crypto/<family>/arm/*         any 32-bit ARM (ARMv4T/ARMv5TE baseline: armel, armhf)
#                                                                      PETREL_ASM_ARM=1
#   crypto/<family>/arm/neon/*    ARM whose compiler targets ARMv7-A or later (armhf); used at
#                                 run time only if the CPU has NEON (crypto/cpu/)
#                                                                      PETREL_ASM_ARM_NEON=1
#   crypto/<family>/mips/*        32-bit MIPS, either byte order (mipsel, mips)
#                                                                      PETREL_ASM_MIPS=1
#   crypto/<family>/mips/r2/*     MIPS32 Release 2 or later (-march=mips32r2)
#                                                                      PETREL_ASM_MIPS32R2=1
#
# Each folder holds .S and .cpp files (C++ with intrinsics or inline assembly). The portable glob
# never picks up a file of an architecture folder. PETREL_NO_ASM=ON builds the portable variants
# only (the variant tables then list the assembly ones as not available); PETREL_MINIMAL implies it.
option(PETREL_NO_ASM "Build only the portable C++ variants, no architecture folders" OFF)

include(${CMAKE_CURRENT_LIST_DIR}/PetrelSourceLists.cmake)

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _petrel_cpu)
set(PETREL_ARCH "generic")
if(_petrel_cpu MATCHES "^arm" AND NOT _petrel_cpu MATCHES "^arm64")
  set(PETREL_ARCH "arm")
elseif(_petrel_cpu MATCHES "^mips" AND NOT _petrel_cpu MATCHES "64")
  set(PETREL_ARCH "mips")
endif()
if(PETREL_NO_ASM OR PETREL_MINIMAL)
  set(PETREL_ARCH "generic")
endif()

# What the compiler targets, from its own predefined macros (the toolchain's -march/-mcpu).
include(CheckCXXSourceCompiles)
set(PETREL_ARCH_LEVELS "")
set(PETREL_ARCH_DEFINES "")
if(PETREL_ARCH STREQUAL "arm")
  list(APPEND PETREL_ARCH_LEVELS arm)
  check_cxx_source_compiles("
    #if !defined(__ARM_ARCH) || __ARM_ARCH < 7 || !defined(__ARM_ARCH_PROFILE) || __ARM_ARCH_PROFILE != 'A'
    #error not ARMv7-A
    #endif
    int main() { return 0; }" PETREL_TARGET_ARMV7A)
  if(PETREL_TARGET_ARMV7A)
    list(APPEND PETREL_ARCH_LEVELS arm/neon)
  endif()
elseif(PETREL_ARCH STREQUAL "mips")
  list(APPEND PETREL_ARCH_LEVELS mips)
  check_cxx_source_compiles("
    #if !defined(__mips_isa_rev) || __mips_isa_rev < 2
    #error not MIPS32r2
    #endif
    int main() { return 0; }" PETREL_TARGET_MIPS32R2)
  if(PETREL_TARGET_MIPS32R2)
    list(APPEND PETREL_ARCH_LEVELS mips/r2)
  endif()
endif()

# Per-target source lists: the portable sources plus the files directly in each level's folder.
petrel_collect_sources(${CMAKE_CURRENT_SOURCE_DIR} "${PETREL_ARCH_LEVELS}" PETREL_SOURCES)
# The test hooks (*_test_hooks.cpp), for the petrel_test_hooks library (CMakeLists.txt).
petrel_collect_test_hook_sources(${CMAKE_CURRENT_SOURCE_DIR} PETREL_TEST_HOOK_SOURCES)
foreach(_level ${PETREL_ARCH_LEVELS})
  string(TOUPPER "${_level}" _def)
  string(REPLACE "/" "_" _def "${_def}")
  string(REPLACE "MIPS_R2" "MIPS32R2" _def "${_def}")
  list(APPEND PETREL_ARCH_DEFINES PETREL_ASM_${_def}=1)
endforeach()
# The C++ files of arm/neon/ use arm_neon.h: NEON for them alone (the armhf baseline does not
# guarantee it; crypto/cpu/ decides at run time). A toolchain that already targets NEON keeps
# its own -mfpu.
if("arm/neon" IN_LIST PETREL_ARCH_LEVELS)
  check_cxx_source_compiles("
    #if !defined(__ARM_NEON)
    #error no NEON
    #endif
    int main() { return 0; }" PETREL_TARGET_NEON)
  if(NOT PETREL_TARGET_NEON)
    foreach(_src ${PETREL_SOURCES})
      if(_src MATCHES "/crypto/[^/]+/arm/neon/[^/]+\\.cpp$")
        set_source_files_properties(${_src} PROPERTIES COMPILE_OPTIONS "-mfpu=neon")
      endif()
    endforeach()
  endif()
endif()
message(STATUS "petrel: target architecture ${PETREL_ARCH}; variant folders: "
               "${PETREL_ARCH_LEVELS}")
