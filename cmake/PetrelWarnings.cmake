# Warnings for Petrel's own targets: -Wall -Wextra and a few more, clean under gcc and clang.
function(petrel_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wshadow -Wcast-align -Wformat=2 -Wundef>)
  if(PETREL_WERROR)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Werror>)
  endif()
endfunction()
