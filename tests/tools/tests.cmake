# Shell tests of the petrel command-line tool (tests/tools/*_test.sh), included by
# tests/CMakeLists.txt. Host presets run the full set; cross presets run a reduced ("quick") set
# with the tool under CMAKE_CROSSCOMPILING_EMULATOR (qemu-user), the scripts themselves and the
# reference openssl command running on the host.
if(TARGET petrel_tool)
  find_program(PETREL_BASH bash)
  if(NOT PETREL_BASH)
    message(STATUS "bash not found: the petrel tool tests are not registered")
    return()
  endif()
  if(CMAKE_CROSSCOMPILING)
    set(_petrel_tool_level quick)
    set(_petrel_tool_emulator ${CMAKE_CROSSCOMPILING_EMULATOR})
  else()
    set(_petrel_tool_level full)
    set(_petrel_tool_emulator)
  endif()
  foreach(_t enc dgst gcm chacha errors speed req keyfile limits dash names keyload subj rsa_opts
             cn_san eckeys
             digest_names options)
    add_test(NAME tools_${_t}
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/${_t}_test.sh $<TARGET_FILE:petrel_tool>
              ${PROJECT_SOURCE_DIR}/vectors ${_petrel_tool_level} ${_petrel_tool_emulator})
    set_tests_properties(tools_${_t} PROPERTIES LABELS tools TIMEOUT 300)
  endforeach()
endif()
