# Constant-time trace check on the cross targets (valgrind does not run the ARM and MIPS builds):
# tests/ct/ct_trace.cpp runs each secret-handling routine between two marker calls, under
# qemu-user with the trace plugin bench/insn/trace_plugin.c, which hashes the executed
# instruction addresses and the data addresses touched; tests/ct/trace_check.sh runs each case
# with two different keys and data and compares the traces. Cases named leak_* must differ (the
# T-table AES, a planted branch, a planted index): if they ever stop differing, the check is
# broken and fails. See README "Constant-time checks" for what the trace cannot see.
if(NOT CMAKE_CROSSCOMPILING OR NOT CMAKE_CROSSCOMPILING_EMULATOR)
  return()
endif()
# The plugin is a host shared object: built with the host's C compiler, not the cross one.
find_program(PETREL_HOST_CC NAMES cc gcc)
if(NOT PETREL_HOST_CC)
  message(WARNING "no host C compiler: the constant-time trace check is not built")
  return()
endif()
set(_petrel_trace_plugin ${CMAKE_BINARY_DIR}/ct_trace/trace_plugin.so)
add_custom_command(OUTPUT ${_petrel_trace_plugin}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/ct_trace
  COMMAND ${PETREL_HOST_CC} -std=c11 -O2 -shared -fPIC -fvisibility=hidden -Wall -Wextra -Werror
          -o ${_petrel_trace_plugin} ${PROJECT_SOURCE_DIR}/bench/insn/trace_plugin.c
  DEPENDS ${PROJECT_SOURCE_DIR}/bench/insn/trace_plugin.c
          ${PROJECT_SOURCE_DIR}/bench/insn/qemu_plugin_api.h
  COMMENT "Building the host trace plugin (bench/insn/trace_plugin.c)")
add_custom_target(petrel_trace_plugin ALL DEPENDS ${_petrel_trace_plugin})

add_executable(ct_trace ${CMAKE_CURRENT_LIST_DIR}/ct_trace.cpp)
target_link_libraries(ct_trace PRIVATE petrel)
target_include_directories(ct_trace PRIVATE ${PROJECT_SOURCE_DIR})
petrel_set_warnings(ct_trace)
add_dependencies(ct_trace petrel_trace_plugin)

set(_petrel_trace_same aes_ct aes_fixslice ghash_ct rsa2048_private x25519 chacha20 poly1305
                        chacha20_poly1305 sha sha_compact)
set(_petrel_trace_leaks leak_aes_table leak_ghash_table4 leak_branch leak_index)
# The table-based assembly AES rows (tests/CMakeLists.txt, PETREL_AES_ASM_IMPLS) leak like
# "table"; ct_trace lists such a case only where the variant is available, and
# ct_trace.case_list ties the two.
foreach(_impl ${PETREL_AES_ASM_IMPLS})
  list(APPEND _petrel_trace_leaks leak_aes_${_impl})
endforeach()
# The bitsliced NEON AES claims constant time: a must-match case where the library has it
# (ARMv7-A builds, tests/aes/tests.cmake's condition); ct_trace lists it where it is available.
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS AND PETREL_TARGET_ARMV7A)
  list(APPEND _petrel_trace_same aes_armv7_neon)
endif()
# The fixsliced AES with assembly rounds ("fixslice-armv4", constant-time) is in every ARM build
# that has the "armv4" rows (the same folder and guard): a must-match case there; so is the
# constant-time ARM GHASH ("armv4-ct").
if("armv4" IN_LIST PETREL_AES_ASM_IMPLS)
  list(APPEND _petrel_trace_same aes_fixslice_armv4 ghash_armv4_ct)
endif()
# The assembly GHASH rows (tests/CMakeLists.txt, PETREL_GHASH_ASM_IMPLS): "armv7-neon" claims
# constant time, the 4-bit table rows must leak.
foreach(_impl ${PETREL_GHASH_ASM_IMPLS})
  string(REPLACE "-" "_" _impl "${_impl}")
  if(_impl STREQUAL "armv7_neon")
    list(APPEND _petrel_trace_same ghash_${_impl})
  else()
    list(APPEND _petrel_trace_leaks leak_ghash_${_impl})
  endif()
endforeach()
foreach(_case ${_petrel_trace_same})
  add_test(NAME ct_trace.${_case}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/trace_check.sh same ${_petrel_trace_plugin}
            $<TARGET_FILE:ct_trace> ${_case} ${CMAKE_CROSSCOMPILING_EMULATOR})
endforeach()
foreach(_case ${_petrel_trace_leaks})
  add_test(NAME ct_trace.${_case}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/trace_check.sh differ ${_petrel_trace_plugin}
            $<TARGET_FILE:ct_trace> ${_case} ${CMAKE_CROSSCOMPILING_EMULATOR})
endforeach()
# The emulator runs the list check too (ct_trace is a target program).
add_test(NAME ct_trace.case_list
  COMMAND ct_trace --check-list ${_petrel_trace_same} ${_petrel_trace_leaks})
