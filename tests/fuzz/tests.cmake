# Corpus replay of the fuzz targets, for every preset (gcc, clang, the cross toolchains under
# qemu): each fuzz/<target>.cpp is linked with fuzz/replay_main.cpp and run over
# fuzz/corpus/<target>/ as an ordinary test. Independent of PETREL_BUILD_FUZZ.
file(GLOB _petrel_fuzz_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*.cpp)
foreach(_src ${_petrel_fuzz_sources})
  get_filename_component(_name ${_src} NAME_WE)
  if(_name STREQUAL "driver" OR _name STREQUAL "replay_main")
    continue()
  endif()
  add_executable(fuzz_replay_${_name} ${_src} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
  target_link_libraries(fuzz_replay_${_name} PRIVATE petrel)
  target_include_directories(fuzz_replay_${_name} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_definitions(fuzz_replay_${_name} PRIVATE PETREL_FUZZ_TARGET="${_name}")
  petrel_set_warnings(fuzz_replay_${_name})
  add_test(NAME fuzz_replay_${_name}
    COMMAND fuzz_replay_${_name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${_name})
endforeach()
