# Extra hash tests: a differential test against the openssl command (host builds only, since
# the cross builds run under qemu and the command must be the host's).
if(NOT CMAKE_CROSSCOMPILING)
  find_program(PETREL_OPENSSL_EXE openssl)
  petrel_test_helper(petrel_hash_cli ${CMAKE_CURRENT_LIST_DIR}/hash_cli.cpp)
  if(PETREL_OPENSSL_EXE)
    add_test(NAME hash_openssl_dgst
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sha224_openssl.sh $<TARGET_FILE:petrel_hash_cli>)
  endif()
endif()
