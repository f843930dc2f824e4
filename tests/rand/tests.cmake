# The library is built with -fno-rtti, so it emits no typeinfo for its polymorphic classes
# (EntropySource/OsEntropySource). UBSan's vptr check (host-asan preset) in a test that calls
# them through RTTI-enabled code needs that typeinfo; turn only that check off for rand tests.
if(CMAKE_CXX_FLAGS MATCHES "sanitize=[^ ]*undefined")
  target_compile_options(rand_test PRIVATE -fno-sanitize=vptr)
endif()

# A second rand test program with random.cpp compiled under PETREL_FUZZING (deterministic
# random_bytes()); its own definitions of random_bytes()/random_is_deterministic() take the
# place of the library's, so libpetrel.a's random.cpp.o is never pulled in. random.cpp gets the
# library's flags (no exceptions, no RTTI); the GoogleTest file keeps the test flags.
add_library(petrel_random_fuzzing OBJECT ${PROJECT_SOURCE_DIR}/crypto/rand/random.cpp)
target_include_directories(petrel_random_fuzzing PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(petrel_random_fuzzing PRIVATE PETREL_FUZZING=1)
target_compile_options(petrel_random_fuzzing PRIVATE -fno-exceptions -fno-rtti)
petrel_set_warnings(petrel_random_fuzzing)
add_executable(rand_fuzzing_test ${CMAKE_CURRENT_LIST_DIR}/fuzzing_mode.cpp
                                 $<TARGET_OBJECTS:petrel_random_fuzzing>)
target_link_libraries(rand_fuzzing_test PRIVATE petrel_test_common GTest::gtest_main)
petrel_set_warnings(rand_fuzzing_test)
add_test(NAME rand_fuzzing COMMAND rand_fuzzing_test)
