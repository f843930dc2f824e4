# The CPU probe's answer is checked against the CPU the test runs on: the qemu-user CPU model of
# a cross build (the emulator line of the toolchain file, "-cpu cortex-a7"), else /proc/cpuinfo.
set(_petrel_qemu_cpu "")
if(CMAKE_CROSSCOMPILING_EMULATOR)
  list(FIND CMAKE_CROSSCOMPILING_EMULATOR "-cpu" _i)
  if(_i GREATER -1)
    math(EXPR _i "${_i} + 1")
    list(GET CMAKE_CROSSCOMPILING_EMULATOR ${_i} _petrel_qemu_cpu)
  endif()
endif()
target_compile_definitions(cpu_test PRIVATE PETREL_TEST_QEMU_CPU="${_petrel_qemu_cpu}")
# An ARM build for a CPU without guaranteed NEON (armel, ARMv5TE) runs the same binary once more
# on a NEON CPU model: the run-time probe must then find NEON (arm926: no, cortex-a7: yes).
if(_petrel_qemu_cpu AND CMAKE_SYSTEM_PROCESSOR MATCHES "^arm" AND NOT PETREL_TARGET_ARMV7A)
  list(GET CMAKE_CROSSCOMPILING_EMULATOR 0 _petrel_qemu)
  add_test(NAME cpu.probe_cortex_a7 COMMAND ${_petrel_qemu} -cpu cortex-a7 $<TARGET_FILE:cpu_test>)
  set_tests_properties(cpu.probe_cortex_a7 PROPERTIES ENVIRONMENT "PETREL_QEMU_CPU=cortex-a7")
endif()
