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
