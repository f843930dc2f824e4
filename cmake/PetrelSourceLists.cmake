# petrel_collect_sources(ROOT LEVELS OUT): the library sources under ROOT for the architecture
# folder levels LEVELS (e.g. "", "arm;arm/neon", "mips;mips/r2"): every crypto/**/*.cpp and
# tls/**/*.cpp outside crypto/<family>/arm/ and crypto/<family>/mips/, then the .S and .cpp files
# directly in crypto/<family>/<level>/ for each level. Never the test hooks (*_test_hooks.cpp):
# petrel_collect_test_hook_sources() lists those for the petrel_test_hooks library, which only
# tests and fuzzers link. No configure checks here, so that tests/packaging/sources_test.cmake can
# run it in script mode.
function(petrel_collect_sources root levels out)
  set(_dep CONFIGURE_DEPENDS)
  if(CMAKE_SCRIPT_MODE_FILE)
    set(_dep "")  # not allowed (nor needed) in script mode
  endif()
  file(GLOB_RECURSE _all ${_dep} ${root}/crypto/*.cpp ${root}/tls/*.cpp)
  set(_srcs "")
  foreach(_f ${_all})
    file(RELATIVE_PATH _rel ${root} ${_f})
    if(NOT _rel MATCHES "^crypto/[^/]+/(arm|mips)/" AND NOT _rel MATCHES "_test_hooks\\.cpp$")
      list(APPEND _srcs ${_f})
    endif()
  endforeach()
  foreach(_level ${levels})
    file(GLOB _lv ${_dep} ${root}/crypto/*/${_level}/*.S ${root}/crypto/*/${_level}/*.cpp)
    list(APPEND _srcs ${_lv})
  endforeach()
  set(${out} ${_srcs} PARENT_SCOPE)
endfunction()

# petrel_collect_test_hook_sources(ROOT OUT): the test hooks' definitions (crypto/**/ and
# tls/**/*_test_hooks.cpp): private-member access for the tests, kept out of libpetrel.
function(petrel_collect_test_hook_sources root out)
  set(_dep CONFIGURE_DEPENDS)
  if(CMAKE_SCRIPT_MODE_FILE)
    set(_dep "")
  endif()
  file(GLOB_RECURSE _hooks ${_dep} ${root}/crypto/*_test_hooks.cpp ${root}/tls/*_test_hooks.cpp)
  set(${out} ${_hooks} PARENT_SCOPE)
endfunction()
