# A second rand test program with random.cpp compiled under PETREL_FUZZING (deterministic
# random_bytes()); its own definitions of random_bytes()/random_is_deterministic() take the
# place of the library's, so libpetrel.a's random.cpp.o is never pulled in.
add_executable(rand_fuzzing_test ${CMAKE_CURRENT_LIST_DIR}/fuzzing_mode.cpp
                                 ${PROJECT_SOURCE_DIR}/crypto/rand/random.cpp)
target_compile_definitions(rand_fuzzing_test PRIVATE PETREL_FUZZING=1)
target_compile_options(rand_fuzzing_test PRIVATE -fno-exceptions -fno-rtti)
target_link_libraries(rand_fuzzing_test PRIVATE petrel_test_common GTest::gtest_main)
petrel_set_warnings(rand_fuzzing_test)
add_test(NAME rand_fuzzing COMMAND rand_fuzzing_test)
