# x509 tests beyond the GoogleTest unit tests (tests/x509/*_test.cpp, every preset):
#  - x509_corpus: make_corpus.sh builds the chain corpus with the openssl command into the build
#    directory (fixed validity dates, a fixed -attime);
#  - x509_openssl_compare: openssl verify and petrel verify on every chain, same verdicts;
#  - x509_issue_interop: Petrel's requests and certificates checked by openssl, and the reverse;
#  - x509_bundles: petrel verify with bundles holding unusable blocks, and the system bundle;
#  - x509_search_limits: the path search over 180 untrusted certificates, 150 store roots
#    without key identifiers, and the search_limit verdict.
# Host presets only (they run the openssl command against the host petrel binary).
if(TARGET petrel_tool AND NOT CMAKE_CROSSCOMPILING)
  find_program(PETREL_BASH bash)
  find_program(PETREL_OPENSSL openssl)
  if(PETREL_BASH AND PETREL_OPENSSL)
    set(_x509_corpus ${CMAKE_CURRENT_BINARY_DIR}/x509_corpus)
    add_test(NAME x509_corpus
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/make_corpus.sh ${_x509_corpus})
    set_tests_properties(x509_corpus PROPERTIES FIXTURES_SETUP x509_corpus TIMEOUT 300
      LABELS x509)
    add_test(NAME x509_openssl_compare
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/verify_compare.sh
              $<TARGET_FILE:petrel_tool> ${_x509_corpus})
    set_tests_properties(x509_openssl_compare PROPERTIES FIXTURES_REQUIRED x509_corpus
      TIMEOUT 300 LABELS x509)
    add_test(NAME x509_issue_interop
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/issue_interop.sh
              $<TARGET_FILE:petrel_tool> ${CMAKE_CURRENT_BINARY_DIR}/x509_interop)
    set_tests_properties(x509_issue_interop PROPERTIES TIMEOUT 300 LABELS x509)
    add_test(NAME x509_bundles
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/bundle_test.sh
              $<TARGET_FILE:petrel_tool> ${CMAKE_CURRENT_BINARY_DIR}/x509_bundles)
    set_tests_properties(x509_bundles PROPERTIES TIMEOUT 300 LABELS x509)
    add_test(NAME x509_search_limits
      COMMAND ${PETREL_BASH} ${CMAKE_CURRENT_LIST_DIR}/search_test.sh
              $<TARGET_FILE:petrel_tool> ${CMAKE_CURRENT_BINARY_DIR}/x509_search)
    set_tests_properties(x509_search_limits PROPERTIES TIMEOUT 300 LABELS x509)
    # The parser robustness test over the generated corpus too (truncations, byte flips).
    if(TARGET x509_test)
      add_test(NAME x509_corpus_mutations
        COMMAND x509_test --gtest_filter=X509Robustness.GeneratedCorpus*)
      set_tests_properties(x509_corpus_mutations PROPERTIES FIXTURES_REQUIRED x509_corpus
        ENVIRONMENT "PETREL_X509_CORPUS=${_x509_corpus}/der" TIMEOUT 600 LABELS x509)
    endif()
  else()
    message(STATUS "bash or openssl not found: the x509 openssl tests are not registered")
  endif()
endif()
