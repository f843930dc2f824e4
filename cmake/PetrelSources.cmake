# Collects the library sources: portable C++ everywhere, and the assembly variants of the
# target's ISA only (crypto/<family>/arm/*.S on ARM, crypto/<family>/mips/*.S on MIPS).
file(GLOB_RECURSE PETREL_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/crypto/*.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/tls/*.cpp)

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _petrel_cpu)
set(PETREL_ARCH "generic")
if(_petrel_cpu MATCHES "^arm" AND NOT _petrel_cpu MATCHES "^arm64")
  set(PETREL_ARCH "arm")
elseif(_petrel_cpu MATCHES "^mips" AND NOT _petrel_cpu MATCHES "64")
  set(PETREL_ARCH "mips")
endif()
if(NOT PETREL_ARCH STREQUAL "generic")
  file(GLOB_RECURSE _petrel_asm CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_SOURCE_DIR}/crypto/*/${PETREL_ARCH}/*.S)
  list(APPEND PETREL_SOURCES ${_petrel_asm})
endif()
message(STATUS "petrel: target architecture ${PETREL_ARCH}")
