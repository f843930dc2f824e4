# Extra hash tests: a differential test against the openssl command (host builds only, since
# the cross builds run under qemu and the command must be the host's).
if(NOT CMAKE_CROSSCOMPILING)
  find_program(PETREL_OPENSSL_EXE openssl)
  add_executable(petrel_hash_cli ${CMAKE_CURRENT_LIST_DIR}/hash_cli.cpp)
  target_link_libraries(petrel_hash_cli PRIVATE petrel)
  petrel_set_warnings(petrel_hash_cli)
  if(PETREL_OPENSSL_EXE)
    add_test(NAME hash_openssl_dgst
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sha224_openssl.sh $<TARGET_FILE:petrel_hash_cli>)
  endif()
endif()
