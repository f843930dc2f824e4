# Host-only cross-checks against the openssl command (tests/asn1/openssl_check.sh), through the
# test helper der_tool (also used by tests/pem/tests.cmake).
if(NOT CMAKE_CROSSCOMPILING)
  petrel_test_helper(der_tool ${CMAKE_CURRENT_LIST_DIR}/der_tool.cpp)
  find_program(PETREL_OPENSSL openssl)
  if(PETREL_OPENSSL)
    add_test(NAME asn1_openssl
      COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/openssl_check.sh $<TARGET_FILE:der_tool>
              ${CMAKE_CURRENT_BINARY_DIR}/asn1_openssl)
  else()
    message(WARNING "openssl not found: the asn1_openssl cross-check is not registered")
  endif()
endif()
