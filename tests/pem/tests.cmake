# Host-only cross-checks of base64/PEM against the openssl command (tests/pem/openssl_check.sh),
# through the test helper der_tool defined in tests/asn1/tests.cmake.
if(NOT CMAKE_CROSSCOMPILING AND TARGET der_tool AND PETREL_OPENSSL)
  add_test(NAME pem_openssl
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/openssl_check.sh $<TARGET_FILE:der_tool>
            ${CMAKE_CURRENT_BINARY_DIR}/pem_openssl)
endif()
