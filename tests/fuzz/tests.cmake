# Corpus replay of the fuzz targets, for every preset (gcc, clang, the cross toolchains under
# qemu): each fuzz/<target>.cpp is linked with fuzz/replay_main.cpp and run over
# fuzz/corpus/<target>/ as an ordinary test. Independent of PETREL_BUILD_FUZZ. Which targets a
# build makes (extra sources, libcrypto for diff_*): cmake/PetrelFuzz.cmake.
include(${PROJECT_SOURCE_DIR}/cmake/PetrelFuzz.cmake)
petrel_fuzz_target_names(_petrel_fuzz_names)
foreach(_name ${_petrel_fuzz_names})
  petrel_add_fuzz_executable(fuzz_replay_${_name} ${_name} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
  add_test(NAME fuzz_replay_${_name}
    COMMAND fuzz_replay_${_name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${_name})
endforeach()
