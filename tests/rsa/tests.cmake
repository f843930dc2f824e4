# Differential tests of the petrel tool's RSA commands against the openssl command (host presets
# only: key generation and 4096-bit operations under qemu would take too long, and the test runs
# openssl on the build machine).
if(NOT CMAKE_CROSSCOMPILING AND TARGET petrel_tool)
  find_program(PETREL_OPENSSL openssl)
  find_program(PETREL_BASH_RSA bash)
  if(PETREL_OPENSSL AND PETREL_BASH_RSA)
    add_test(NAME rsa_openssl_diff
      COMMAND ${PETREL_BASH_RSA} ${CMAKE_CURRENT_LIST_DIR}/openssl_diff.sh $<TARGET_FILE:petrel_tool>)
    set_tests_properties(rsa_openssl_diff PROPERTIES LABELS tools TIMEOUT 900)
  else()
    message(STATUS "openssl or bash not found: rsa_openssl_diff is not registered")
  endif()
endif()
