# The instruction-count plugin test (host builds that build the plugin, see bench/insn/): counts
# a two-instructions-per-iteration loop cross-built for ARM and MIPS under qemu-user. Skipped
# (exit 77) when no cross toolchain is installed.
if(TARGET petrel_insn_plugin)
  add_test(NAME insn_plugin
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/insn_plugin_test.sh $<TARGET_FILE:petrel_insn_plugin>
            ${CMAKE_BINARY_DIR}/insn_plugin_test)
  set_tests_properties(insn_plugin PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
