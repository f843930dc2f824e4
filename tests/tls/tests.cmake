# tests/tls: the tls_test program (tests/tls/*_test.cpp) gets the HTTP parser of `petrel get`
# (tools/petrel/http.cpp, tested in http_test.cpp); the interop tests run petrel s_client and
# petrel get against real servers (openssl s_server, gnutls-serv) on 127.0.0.1.
if(TARGET tls_test)
  target_sources(tls_test PRIVATE ${PROJECT_SOURCE_DIR}/tools/petrel/http.cpp)
endif()
