# tests/tls: the tls_test program (tests/tls/*_test.cpp) gets the HTTP parser of `petrel get`
# (tools/petrel/http.cpp, tested in http_test.cpp); the interop tests run petrel s_client and
# petrel get against real servers (openssl s_server, gnutls-serv) on 127.0.0.1.
if(TARGET tls_test)
  target_sources(tls_test PRIVATE ${PROJECT_SOURCE_DIR}/tools/petrel/http.cpp)
endif()
# petrel_tls_script_test(NAME): tests/tls/NAME.sh against servers on 127.0.0.1, labelled
# "tls;NAME": the full set as tls_NAME on host builds (240 s at most), the quick one as
# tls_NAME_quick on cross builds, the tool under CMAKE_CROSSCOMPILING_EMULATOR (300 s).
function(petrel_tls_script_test name)
  set(_script ${CMAKE_CURRENT_LIST_DIR}/${name}.sh)
  if(CMAKE_CROSSCOMPILING)
    add_test(NAME tls_${name}_quick
      COMMAND ${PETREL_BASH} ${_script} $<TARGET_FILE:petrel_tool> quick
              ${CMAKE_CROSSCOMPILING_EMULATOR})
    set_tests_properties(tls_${name}_quick PROPERTIES LABELS "tls;${name}" TIMEOUT 300)
  else()
    add_test(NAME tls_${name} COMMAND ${PETREL_BASH} ${_script} $<TARGET_FILE:petrel_tool> full)
    set_tests_properties(tls_${name} PROPERTIES LABELS "tls;${name}" TIMEOUT 240)
  endif()
endfunction()
# interop.sh PETREL full|quick [EMULATOR...]: host builds run the full set; cross builds a reduced
# one with the tool under CMAKE_CROSSCOMPILING_EMULATOR (the servers run on the host). Needs
# openssl (and gnutls-serv for the legacy cases, skipped without it).
find_program(PETREL_BASH bash)
find_program(PETREL_OPENSSL openssl)
if(TARGET petrel_tool AND PETREL_BASH AND PETREL_OPENSSL)
  petrel_tls_script_test(interop)
else()
  message(STATUS "tls_interop: needs the petrel tool, bash and openssl; not registered")
endif()
# hostile.sh PETREL full|quick [EMULATOR...]: petrel s_client / get against misbehaving servers
# (tests/tls/hostile_server.py, Debian's python3 with its standard library only, alone or as a
# relay in front of openssl s_server; s_server -HTTP with raw responses). Host: every case;
# cross builds: a few with the tool under qemu-user.
find_program(PETREL_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(TARGET petrel_tool AND PETREL_BASH AND PETREL_OPENSSL AND PETREL_PYTHON3)
  petrel_tls_script_test(hostile)
else()
  message(STATUS "tls_hostile: needs the petrel tool, bash, openssl and /usr/bin/python3; not registered")
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

# Memory of a connection (context, buffers, peak stack of a full and a resumed handshake) and a
# soak of 10,000 resumed handshakes (no growth of memory or descriptors), both against a real
# openssl s_server started by tests/tls/local_server.sh (host only: the server runs natively).
# The buffers: input as input_buffer_size(config) (AES128-GCM-SHA256 offered), output 541 bytes
# (one 512-byte GCM record, output_buffer_size(config, 512)), handshake 1700 bytes (the test PKI's
# 1,626-byte server Certificate message and the client's 1,616 bytes of flight and server key;
# tls/client.h). The total budgets are the issue's goals read as decimal kilobytes (stricter than KiB),
# 22,000 bytes with full records and 6,000
# with max_fragment_length 512 (README "TLS client memory"). Stack: full handshake 12288
# (12 KiB, issue 7's goal; 11,736 measured), resumed 8192 (7,528 measured).
find_program(PETREL_OPENSSL_FOR_TLS openssl)
if(PETREL_OPENSSL_FOR_TLS AND NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
  add_executable(tls_handshake_memory ${CMAKE_CURRENT_LIST_DIR}/handshake_memory.cpp)
  target_link_libraries(tls_handshake_memory PRIVATE petrel pthread)
  petrel_set_warnings(tls_handshake_memory)
  add_test(NAME tls_memory
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/local_server.sh ${CMAKE_CURRENT_BINARY_DIR}/tls_memory.work
            "-www -naccept 6"
            -- $<TARGET_FILE:tls_handshake_memory> {PORT} {DIR}/ca.der {DIR}/dev.der {DIR}/dev.key 0 541 1700 12288 8192 22000
            -- $<TARGET_FILE:tls_handshake_memory> {PORT} {DIR}/ca.der {DIR}/dev.der {DIR}/dev.key 512 541 1700 12288 8192 6000)
  petrel_test_helper(tls_soak ${CMAKE_CURRENT_LIST_DIR}/soak.cpp)
  add_test(NAME tls_soak
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/local_server.sh ${CMAKE_CURRENT_BINARY_DIR}/tls_soak.work
            "-rev -no_ticket"
            -- $<TARGET_FILE:tls_soak> {PORT} {DIR}/ca.der {DIR}/dev.der {DIR}/dev.key 10000)
endif()
