// petrel: command-line front end to the Petrel crypto library. Options follow the openssl command
// (enc, dgst, speed, genrsa, rsa, pkeyutl, req, x509, verify, s_client) so that one can be
// swapped for the other in scripts and tests; `get` is Petrel's own (the profile fetch).
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

#include "tools/petrel/tool.h"

namespace {

const char kUsage[] =
    "usage: petrel COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  enc      encrypt or decrypt with AES (ECB, CBC, CTR, GCM) or RC4\n"
    "  dgst     message digests (MD5, SHA-1, SHA-2), HMAC, RSA signatures\n"
    "  speed    measure the throughput of ciphers, hashes and MACs, RSA operations per second\n"
    "  genrsa   generate an RSA private key\n"
    "  rsa      convert, print and check RSA key files\n"
    "  genpkey  generate an EC (P-256, P-384) or X25519 private key\n"
    "  ecparam  EC curve parameters, and SEC 1 key generation (-genkey)\n"
    "  ec       convert and print EC key files\n"
    "  pkeyutl  RSA encryption, decryption, signing and verification\n"
    "  req      create and check PKCS#10 requests and self-signed roots\n"
    "  x509     print certificates, issue certificates from requests\n"
    "  verify   verify certificate chains (as openssl verify)\n"
    "  s_client TLS client for diagnostics (as openssl s_client)\n"
    "  get      fetch a profile over mutual TLS: one HTTPS GET, written only when complete\n"
    "  version  print the version (-a: also the AES implementations)\n"
    "  help     print this message, or 'petrel help COMMAND' for one command\n";

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
};

const Command kCommands[] = {
    {"enc", petrel_tool::cmd_enc},
    {"dgst", petrel_tool::cmd_dgst},
    {"speed", petrel_tool::cmd_speed},
    {"version", petrel_tool::cmd_version},
    {"verify", petrel_tool::cmd_verify},
    {"x509", petrel_tool::cmd_x509},
    {"req", petrel_tool::cmd_req},
    {"genrsa", petrel_tool::cmd_genrsa},
    {"rsa", petrel_tool::cmd_rsa},
    {"pkeyutl", petrel_tool::cmd_pkeyutl},
    {"s_client", petrel_tool::cmd_s_client},
    {"get", petrel_tool::cmd_get},
    {"genpkey", petrel_tool::cmd_genpkey},
    {"ecparam", petrel_tool::cmd_ecparam},
    {"ec", petrel_tool::cmd_ec},
};

const Command* find_command(const char* name) {
  for (const Command& c : kCommands) {
    if (std::strcmp(c.name, name) == 0) {
      return &c;
    }
  }
  return nullptr;
}

int help(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stdout);
    return petrel_tool::kExitOk;
  }
  const Command* c = find_command(argv[1]);
  if (c == nullptr) {
    return petrel_tool::fail("help", "unknown command '%s'", argv[1]);
  }
  // Every command prints its own usage for -help.
  char help_flag[] = "-help";
  char* sub_argv[] = {argv[1], help_flag, nullptr};
  return c->run(2, sub_argv);
}

// The commands throw nothing themselves; the standard library may (std::bad_alloc on a huge
// allocation). Caught here and reported in the usual form ("petrel CMD: out of memory", exit 1),
// never an abort.
int run_guarded(int (*run)(int, char**), const char* name, int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    return petrel_tool::fail(name, "out of memory");
  } catch (const std::exception& e) {
    return petrel_tool::fail(name, "internal error: %s", e.what());
  }
}

int run_main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return petrel_tool::kExitFail;
  }
  const char* name = argv[1];
  if (std::strcmp(name, "help") == 0 || std::strcmp(name, "-help") == 0 ||
      std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0) {
    return help(argc - 1, argv + 1);
  }
  if (std::strcmp(name, "-version") == 0 || std::strcmp(name, "--version") == 0) {
    return petrel_tool::cmd_version(argc - 1, argv + 1);
  }
  const Command* c = find_command(name);
  if (c == nullptr) {
    std::fprintf(stderr, "petrel: unknown command '%s' (try 'petrel help')\n", name);
    return petrel_tool::kExitFail;
  }
  return c->run(argc - 1, argv + 1);
}

}  // namespace

int main(int argc, char** argv) {
  return run_guarded(run_main, argc > 1 ? argv[1] : "", argc, argv);
}
