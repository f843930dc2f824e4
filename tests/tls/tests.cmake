# tests/tls: the tls_test program (tests/tls/*_test.cpp) gets the HTTP parser of `petrel get`
# (tools/petrel/http.cpp, tested in http_test.cpp); the interop tests run petrel s_client and
# petrel get against real servers (openssl s_server, gnutls-serv) on 127.0.0.1.
if(TARGET tls_test)
  target_sources(tls_test PRIVATE ${PROJECT_SOURCE_DIR}/tools/petrel/http.cpp)
endif()

# Known answers for the record layer from an independent implementation, OpenSSL's libcrypto
# (tests/tls/openssl/): a test-only dependency, linked into this one program and built on host
# presets only. The pure record tests stay in tls_test, which runs on every target.
if(CMAKE_CROSSCOMPILING)
  message(STATUS "tls_record_openssl_test: not built in a cross build (libcrypto is host-only)")
  return()
endif()
find_package(OpenSSL COMPONENTS Crypto)
if(NOT OPENSSL_FOUND OR NOT TARGET OpenSSL::Crypto)
  message(STATUS "tls_record_openssl_test: libcrypto not found (apt-get install libssl-dev), not built")
  return()
endif()
add_executable(tls_record_openssl_test ${CMAKE_CURRENT_LIST_DIR}/openssl/record_openssl_test.cpp)
target_link_libraries(tls_record_openssl_test PRIVATE petrel_test_common GTest::gtest_main
                                                      OpenSSL::Crypto)
petrel_set_warnings(tls_record_openssl_test)
# RC4() and HMAC() are deprecated in OpenSSL 3 but still exported; they are the plain reference.
target_compile_options(tls_record_openssl_test PRIVATE -Wno-deprecated-declarations)
add_test(NAME tls_record_openssl COMMAND tls_record_openssl_test)
