// A second RSA-2048 test key (e = 65537) for the constant-time trace check (tests/ct/ct_trace.cpp):
// the private operation runs once under the bench key (bench/insn/rsa2048_test_key.h) and once
// under this one, and the two traces must be identical. Generated once with
// `openssl genrsa -traditional 2048`; it protects nothing.
#ifndef PETREL_TESTS_CT_TRACE_KEYS_H
#define PETREL_TESTS_CT_TRACE_KEYS_H

static const char kTraceKeyBPem[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEogIBAAKCAQEAnPWoCFt7aPblmwDshxU+hs1IXG0XaETKwgjX29A/ZrXdfeFc\n"
    "s6Q2iQ0rl0d3Bqi8MNpeOAO2hR0SDc/sY7zGE82HKqZDH/92pzLNmQ3oQmAkkQRG\n"
    "+RQcC9dpV2lM2MXKTCIuuvg2yksZQDbalguXWs5tuHUOqY1R/YmE5HhpUFmLPd2h\n"
    "Hxyr/ZCz+iIHKH7jKhatQKg8kM7+N4/etx/1fvmy4SHvoF0CXCIkCDFxe58FJYaz\n"
    "K1CMsQ1gS8IqDPwdlRpD6Fz7mG/HrmvY43CPju3zwP250MHb2osddunlq+Dcy/uj\n"
    "v35d0Xxw+KDLVGk2xmd8XrgK+v0V07RUT1cWIQIDAQABAoIBADs9Ed6ZnFGowU6H\n"
    "gj2XXIJm7tUHTUrKj9W8na92AL/EiuRMDn80TmraYCXX0IngXCp5+A5fBF9n8dzp\n"
    "qPeZkw59RvLnTjVA5ujCqUsHLy4B+DsNKLYwC0fC1JyrftffinLCge2J6a/euRh9\n"
    "u3DezhB1EX8JGvAOCLBOWywZb/HlSesufL2KN7OGmuHavcNYnrXbpfEIOYHa0mtI\n"
    "QMRmE6rlpT4bgyGyR0FC0mMjua3EYSO2W8orc+8OC6imqJGd5rE8LLvgX0fSgc93\n"
    "H9E6PhD6tqdwPVRscDthfEJcldYvHx4iNeZSNwFWYS2pM6af86TqNNmzrHU/OPV+\n"
    "g9iMGOMCgYEA2fpigqiybkiqks5+HUsxEDM+FUbBVKT78RhjVTlgAmt9+XKpZ1M/\n"
    "iFzP8xYpospfMtuc4e/oN20T4f7BRs9XgodH4CQoeIH88H7Fjo5KRbyTPGEkIIdk\n"
    "8QGYAnojyfR39/F0t85Ib7hCazM7D+pS9Uu2D6kTs+EzUK1Povzs4+MCgYEAuFaL\n"
    "5E+voSq0JUZOObFFgI2irYcr40H6mG+MtT5w5BhJn8bR+/mTpF1ENkv3BY6vZlFE\n"
    "WRcGa/p0RFwkYWNNLT7B8v5DCq4PwRgyhLkjtUxQm7UfwhGYRxfMGFrcg4dLHTd0\n"
    "nhMFzLGSzH0ylwVNtoh0b12Adzzwldk+zaN/JSsCgYAYPlHgiFS4EVrvUwoRxgAh\n"
    "9iEMir8L5AGlcfnyS5xTCJONP+R5enfReckjFy7wTSPDa0uKkX05VOdmNkhW0M7B\n"
    "1Lv4wOzDYmm4cdEVJtw531xc1c0H1Scz6uJ2PBFo78i8Cd3aZ5YE3vB8Lcl+3qf1\n"
    "YkNQgJSRaBWl/nCiBxFt0wKBgCuAcR7+Fypnk3/AabF/vjEqO5vL7HWDGopiuMgE\n"
    "5ktN2AIWv3NBYLBHOlO99ZugIpB42TJVFrTgtBN10zgQYSQuTUL08glRLnKZLULZ\n"
    "Fi4wxk0Yn1gDIvaUDRwqRSPdB8LrVWAAiTvXJBeR7CBrpf1Pknq9jBWXkgcq74FD\n"
    "9jtlAoGAM7HnwN5EvsV1sDIoznOoP4pNA7LsKuzUJ5az1syVHENypcZtbJGSVYYH\n"
    "0TZRKQin1Iju6iwQgnya4TgvXlzn8cEJdkoUA81YTIwMnRclLPbMl9zPgu25nWpb\n"
    "nzz4CY7cfZNN7uaQ9yz7pLPDQOmbc8Rn2CPINSijiPiKORc+ARk=\n"
    "-----END RSA PRIVATE KEY-----\n"
    ;

#endif  // PETREL_TESTS_CT_TRACE_KEYS_H
