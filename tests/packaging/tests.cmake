# Build and packaging tests (include()d by tests/CMakeLists.txt).
#
# build.no_heap         libpetrel.a references no allocator and no exception runtime
#                       (every preset, with the target's own nm)
# build.no_heap_canary  the same check over a library that allocates and throws on purpose
#                       must fail and name each reference (so build.no_heap can fail)
# build.no_test_hooks   libpetrel.a holds no test hook (*_for_testing, the private-access
#                       structs); the self-test over petrel_test_hooks must fail and name each
#                       hook, and the test programs that use the hooks define them
# build.package         cmake --install + find_package(petrel) from a tiny consumer (host only)
# build.subdirectory    add_subdirectory(<petrel>) from the same consumer (host only)
# build.minimal         scripts/footprint --check for this preset's target: the PETREL_MINIMAL
#                       library and tools/footprint at -Os, static; its size against the goal
#                       and the budget (over budget fails), and real handshakes against a local
#                       openssl s_server (full records, MFL 512, a CBC suite)

set(_petrel_build_dir ${CMAKE_CURRENT_LIST_DIR})

if(NOT CMAKE_NM)
  message(FATAL_ERROR "CMAKE_NM is not set: the no-heap check needs nm (binutils)")
endif()
add_test(NAME build.no_heap
  COMMAND bash ${_petrel_build_dir}/check_no_heap.sh ${CMAKE_NM} $<TARGET_FILE:petrel>)

add_library(petrel_heap_canary STATIC ${_petrel_build_dir}/heap_canary.cpp)
add_test(NAME build.no_heap_canary
  COMMAND bash ${_petrel_build_dir}/check_no_heap.sh --expect-fail
          ${CMAKE_NM} $<TARGET_FILE:petrel_heap_canary>
          malloc free _Znw _Zdl __cxa_allocate_exception __cxa_throw _ZSt[0-9]+__throw_
          __cxa_guard_acquire)

add_test(NAME build.no_test_hooks
  COMMAND bash ${_petrel_build_dir}/check_no_test_hooks.sh ${CMAKE_NM} $<TARGET_FILE:petrel>)
set(_petrel_hooks rsa_ct_poison_secrets_for_testing rsa_flip_key_bit_for_testing
    hmac_drbg_export_state_for_testing record_set_sequence_for_testing)
add_test(NAME build.no_test_hooks_canary
  COMMAND bash ${_petrel_build_dir}/check_no_test_hooks.sh --expect-fail
          ${CMAKE_NM} $<TARGET_FILE:petrel_test_hooks> ${_petrel_hooks})
add_test(NAME build.test_hooks_used
  COMMAND bash -c
          "bash $0 --defined $1 $2 rsa_flip_key_bit_for_testing && bash $0 --defined $1 $3 hmac_drbg_export_state_for_testing && bash $0 --defined $1 $4 record_set_sequence_for_testing"
          ${_petrel_build_dir}/check_no_test_hooks.sh ${CMAKE_NM}
          $<TARGET_FILE:rsa_test> $<TARGET_FILE:rand_test> $<TARGET_FILE:tls_test>)

# Packaging: only where the consumer can run here, i.e. not when cross compiling (the cross
# presets check the same install rules by building; see README "Consuming Petrel").
if(CMAKE_CROSSCOMPILING)
  set(_petrel_packaging_default OFF)
else()
  set(_petrel_packaging_default ON)
endif()
option(PETREL_PACKAGING_TESTS "Test cmake --install/find_package and add_subdirectory"
  ${_petrel_packaging_default})
if(PETREL_PACKAGING_TESTS)
  set(_petrel_consumer_args
    -G ${CMAKE_GENERATOR}
    -DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}
    -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
    -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
    -DPETREL_WERROR=${PETREL_WERROR})
  add_test(NAME build.package
    COMMAND ${CMAKE_COMMAND} -E env CMAKE_COMMAND=${CMAKE_COMMAND}
            bash ${_petrel_build_dir}/package_test.sh package
            ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${PROJECT_BINARY_DIR}/packaging/package
            ${_petrel_consumer_args})
  # add_subdirectory compiles the whole library again inside the consumer: what it checks is the
  # CMake wiring (targets, include paths, no test targets), not code generation, which the
  # preset's own build covers. So it runs once per scripts/test (the gcc host build, not again
  # in host-clang) and at -O0, about a fifth of the -O3 compile time.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    set(_petrel_subdir_args ${_petrel_consumer_args})
    list(FILTER _petrel_subdir_args EXCLUDE REGEX "^-DCMAKE_BUILD_TYPE=")
    add_test(NAME build.subdirectory
      COMMAND ${CMAKE_COMMAND} -E env CMAKE_COMMAND=${CMAKE_COMMAND}
              bash ${_petrel_build_dir}/package_test.sh subdirectory
              ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${PROJECT_BINARY_DIR}/packaging/subdirectory
              ${_petrel_subdir_args} -DCMAKE_BUILD_TYPE=Debug
              -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DCMAKE_C_FLAGS_DEBUG=-O0)
  endif()
endif()

# The source lists per target (cmake/PetrelSourceLists.cmake) on a scratch tree.
add_test(NAME build.source_lists
  COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_LIST_DIR}/sources_test.cmake
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

# The minimal configuration (issue 10): scripts/footprint builds it in a tree of its own (under
# this build tree) for the target of this preset's compiler.
set(_petrel_footprint_target host)
if(CMAKE_CROSSCOMPILING)
  get_filename_component(_petrel_cxx ${CMAKE_CXX_COMPILER} NAME)
  if(_petrel_cxx MATCHES "^arm-linux-gnueabihf-")
    set(_petrel_footprint_target armhf)
  elseif(_petrel_cxx MATCHES "^arm-linux-gnueabi-")
    set(_petrel_footprint_target armel)
  elseif(_petrel_cxx MATCHES "^mipsel-linux-gnu-")
    set(_petrel_footprint_target mipsel)
  elseif(_petrel_cxx MATCHES "^mips-linux-gnu-")
    set(_petrel_footprint_target mips)
  else()
    set(_petrel_footprint_target "")
  endif()
endif()
# It builds a second library, so scripts/test runs it only for the two targets the goals name
# (Thumb-2: armhf, MIPS32: mipsel); the minimal code paths compile in every build anyway (they
# sit behind constants, crypto/util/build_config.h), and `scripts/footprint --check` measures
# every target on demand.
if(_petrel_footprint_target MATCHES "^(armhf|mipsel)$")
  add_test(NAME build.minimal
    COMMAND ${CMAKE_COMMAND} -E env FOOTPRINT_BUILD_ROOT=${PROJECT_BINARY_DIR}/minimal
            FOOTPRINT_JOBS=2
            bash ${PROJECT_SOURCE_DIR}/scripts/footprint --check ${_petrel_footprint_target})
  set_tests_properties(build.minimal PROPERTIES LABELS footprint TIMEOUT 1200)
endif()
