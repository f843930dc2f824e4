# The fuzz targets and what each needs, shared by the libFuzzer build (fuzz/CMakeLists.txt) and
# the corpus replay (tests/fuzz/tests.cmake):
#   fuzz/<target>.cpp       the target (petrel_fuzz_one, fuzz/driver.h)
#   fuzz/<target>.sources   optional: more sources compiled into it, one path a line relative to
#                           the repository root (# comments). A target whose listed source is
#                           missing from the tree is skipped with a message.
#   diff_<name>             differential targets: linked with OpenSSL's libcrypto (a test-only
#                           dependency), made only when find_package(OpenSSL) finds it and the
#                           build is not a cross build.
include_guard(GLOBAL)

# Sets <out_var> to the names of the targets this build can make.
function(petrel_fuzz_target_names out_var)
  file(GLOB _srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*.cpp)
  list(SORT _srcs)
  set(_with_openssl OFF)
  if(NOT CMAKE_CROSSCOMPILING)
    find_package(OpenSSL QUIET COMPONENTS Crypto)
    if(OpenSSL_FOUND AND TARGET OpenSSL::Crypto)
      set(_with_openssl ON)
    endif()
  endif()
  set(_names "")
  foreach(_src ${_srcs})
    get_filename_component(_name ${_src} NAME_WE)
    if(_name STREQUAL "driver" OR _name STREQUAL "replay_main")
      continue()
    endif()
    if(_name MATCHES "^diff_" AND NOT _with_openssl)
      message(STATUS "fuzz target ${_name}: not built (needs libcrypto, host builds only)")
      continue()
    endif()
    petrel_fuzz_extra_sources(_extra _missing ${_name})
    if(_missing)
      message(STATUS "fuzz target ${_name}: not built (missing ${_missing})")
      continue()
    endif()
    list(APPEND _names ${_name})
  endforeach()
  set(${out_var} ${_names} PARENT_SCOPE)
endfunction()

# Sets <out_var> to the absolute paths of fuzz/<name>.sources, <missing_var> to those absent.
function(petrel_fuzz_extra_sources out_var missing_var name)
  set(_list ${PROJECT_SOURCE_DIR}/fuzz/${name}.sources)
  set(_out "")
  set(_missing "")
  if(EXISTS ${_list})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_list})
    file(STRINGS ${_list} _lines)
    foreach(_line ${_lines})
      string(STRIP "${_line}" _line)
      if(_line STREQUAL "" OR _line MATCHES "^#")
        continue()
      endif()
      if(EXISTS ${PROJECT_SOURCE_DIR}/${_line})
        list(APPEND _out ${PROJECT_SOURCE_DIR}/${_line})
      else()
        list(APPEND _missing ${_line})
      endif()
    endforeach()
  endif()
  set(${out_var} ${_out} PARENT_SCOPE)
  set(${missing_var} ${_missing} PARENT_SCOPE)
endfunction()

# add_executable(<exe>) for target <name>: fuzz/<name>.cpp, its extra sources and <harness>
# (fuzz/driver.cpp or fuzz/replay_main.cpp), linked with petrel (and libcrypto for diff_*).
function(petrel_add_fuzz_executable exe name harness)
  petrel_fuzz_extra_sources(_extra _missing ${name})
  add_executable(${exe} ${PROJECT_SOURCE_DIR}/fuzz/${name}.cpp ${_extra} ${harness})
  target_link_libraries(${exe} PRIVATE petrel_test_hooks petrel)
  if(name MATCHES "^diff_")
    target_link_libraries(${exe} PRIVATE OpenSSL::Crypto)
  endif()
  target_include_directories(${exe} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_definitions(${exe} PRIVATE PETREL_FUZZ_TARGET="${name}")
  petrel_set_warnings(${exe})
endfunction()
