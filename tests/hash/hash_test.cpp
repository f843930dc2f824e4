// Hash known-answer tests: NIST SHAVS (ShortMsg, LongMsg, Monte) for SHA-1/256/384/512, RFC 1321
// for MD5, FIPS 180-4 example values for SHA-224; streaming vs one-shot; HashCtx forking.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "tests/common/file_test.h"
#include "tests/common/hash_impls.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

std::vector<uint8_t> digest(HashAlg alg, const std::vector<uint8_t>& msg) {
  std::vector<uint8_t> out(hash_digest_size(alg));
  EXPECT_EQ(hash(alg, MutableBytes(out), ByteView(msg)), Status::ok);
  return out;
}

// Len (bits) / Msg / MD files: SHAVS byte-oriented ShortMsg/LongMsg and RFC 1321.
void run_msg_file_once(const std::string& path, const std::string& label, HashAlg alg) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const unsigned long long len_bits = c.number("Len");
    std::vector<uint8_t> msg = c.bytes("Msg");
    const std::vector<uint8_t> md = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(len_bits % 8, 0u) << c.where() << ": bit-oriented message";
    if (len_bits == 0) {
      msg.clear();  // Len = 0 is written as Msg = 00
    }
    ASSERT_EQ(msg.size() * 8, len_bits) << c.where();
    ASSERT_EQ(md.size(), hash_digest_size(alg)) << c.where();
    EXPECT_EQ(to_hex(digest(alg, msg)), to_hex(md)) << c.where();
    n++;
  }
  report_cases(label, n);
}

// SHAVS section 6.4 Monte Carlo: MD0 = MD1 = MD2 = Seed; 1000 iterations of
// MDi = H(MD(i-3) || MD(i-2) || MD(i-1)); the last becomes the checkpoint and the next Seed.
void run_monte_file_once(const std::string& path, const std::string& label, HashAlg alg) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  const size_t dlen = hash_digest_size(alg);
  std::vector<uint8_t> seed;
  size_t checkpoints = 0;
  for (VectorCase& c : f.cases()) {
    if (c.has("Seed")) {
      seed = c.bytes("Seed");
      check_all_read(c);
      ASSERT_EQ(seed.size(), dlen) << c.where();
      ASSERT_EQ(std::to_string(dlen), c.header("L")) << c.where();
      continue;
    }
    const unsigned long long count = c.number("COUNT");
    const std::vector<uint8_t> expected = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(count, checkpoints) << c.where();
    ASSERT_EQ(seed.size(), dlen) << c.where() << ": checkpoint before Seed";
    std::vector<uint8_t> m(3 * dlen);
    std::vector<uint8_t> md(dlen);
    std::memcpy(m.data(), seed.data(), dlen);
    std::memcpy(m.data() + dlen, seed.data(), dlen);
    std::memcpy(m.data() + 2 * dlen, seed.data(), dlen);
    for (int i = 3; i < 1003; i++) {
      ASSERT_EQ(hash(alg, MutableBytes(md), ByteView(m)), Status::ok);
      std::memmove(m.data(), m.data() + dlen, 2 * dlen);
      std::memcpy(m.data() + 2 * dlen, md.data(), dlen);
    }
    ASSERT_EQ(to_hex(md), to_hex(expected)) << c.where();
    seed = md;
    checkpoints++;
  }
  EXPECT_EQ(checkpoints, 100u) << path;
  report_cases(label, checkpoints);
}

// Each file on every available block-function variant of alg's table (md5 has none: once).
void run_msg_file(const std::string& path, HashAlg alg) {
  if (alg == HashAlg::md5) {
    run_msg_file_once(path, path, alg);
    return;
  }
  for (HashImpl impl : petrel_test::all_hash_impls(alg)) {
    petrel_test::HashImplScope scope(alg, impl);
    run_msg_file_once(path, path + " [" + hash_impl_name(alg, impl) + "]", alg);
  }
}

void run_monte_file(const std::string& path, HashAlg alg) {
  for (HashImpl impl : petrel_test::all_hash_impls(alg)) {
    petrel_test::HashImplScope scope(alg, impl);
    run_monte_file_once(path, path + " [" + hash_impl_name(alg, impl) + "]", alg);
  }
}

const HashAlg kAll[] = {HashAlg::md5,    HashAlg::sha1,   HashAlg::sha224,
                        HashAlg::sha256, HashAlg::sha384, HashAlg::sha512};

}  // namespace

TEST(Sha1, ShortMsg) { run_msg_file("nist/sha/SHA1ShortMsg.rsp", HashAlg::sha1); }
TEST(Sha1, LongMsg) { run_msg_file("nist/sha/SHA1LongMsg.rsp", HashAlg::sha1); }
TEST(Sha1, Monte) { run_monte_file("nist/sha/SHA1Monte.rsp", HashAlg::sha1); }
TEST(Sha256, ShortMsg) { run_msg_file("nist/sha/SHA256ShortMsg.rsp", HashAlg::sha256); }
TEST(Sha256, LongMsg) { run_msg_file("nist/sha/SHA256LongMsg.rsp", HashAlg::sha256); }
TEST(Sha256, Monte) { run_monte_file("nist/sha/SHA256Monte.rsp", HashAlg::sha256); }
TEST(Sha384, ShortMsg) { run_msg_file("nist/sha/SHA384ShortMsg.rsp", HashAlg::sha384); }
TEST(Sha384, LongMsg) { run_msg_file("nist/sha/SHA384LongMsg.rsp", HashAlg::sha384); }
TEST(Sha384, Monte) { run_monte_file("nist/sha/SHA384Monte.rsp", HashAlg::sha384); }
TEST(Sha512, ShortMsg) { run_msg_file("nist/sha/SHA512ShortMsg.rsp", HashAlg::sha512); }
TEST(Sha512, LongMsg) { run_msg_file("nist/sha/SHA512LongMsg.rsp", HashAlg::sha512); }
TEST(Sha512, Monte) { run_monte_file("nist/sha/SHA512Monte.rsp", HashAlg::sha512); }
TEST(Md5, Rfc1321) { run_msg_file("md5/rfc-1321.txt", HashAlg::md5); }

// SHA-224: NIST has no SHAVS file in vectors/. These are the FIPS 180-4 example values published
// by NIST (csrc.nist.gov "SHA224.pdf" / FIPS 180-2 change notice examples): "abc", the 448-bit
// two-block message and one million 'a'. tests/hash/sha224_openssl.sh adds a differential test
// against `openssl dgst -sha224` on the host.
TEST(Sha224, Fips180Examples) {
  for (HashImpl impl : petrel_test::all_hash_impls(HashAlg::sha224)) {
  petrel_test::HashImplScope scope(HashAlg::sha224, impl);
  const std::string abc = "abc";
  const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  const std::string million(1000000, 'a');
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(abc.begin(), abc.end()))),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(two.begin(), two.end()))),
            "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525");
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(million.begin(), million.end()))),
            "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67");
  report_cases(std::string("FIPS 180-4 SHA-224 examples [") + hash_impl_name(HashAlg::sha224, impl) + "]", 3);
  }
}

// Streaming with random chunk sizes (including empty updates and block-boundary straddles)
// must equal the one-shot digest, for every algorithm and many lengths.
TEST(HashCtx, StreamingEqualsOneShot) {
  std::mt19937 rng(12345);
  size_t checks = 0;
  for (HashAlg alg : kAll) {
    for (size_t len : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 111u, 112u, 127u, 128u, 129u, 1000u, 4097u}) {
      std::vector<uint8_t> msg(len);
      for (auto& b : msg) {
        b = static_cast<uint8_t>(rng());
      }
      const std::vector<uint8_t> want = digest(alg, msg);
      for (int trial = 0; trial < 8; trial++) {
        HashCtx ctx;
        ASSERT_EQ(ctx.init(alg), Status::ok);
        size_t pos = 0;
        while (pos < len) {
          size_t chunk = rng() % 150;
          if (chunk > len - pos) {
            chunk = len - pos;
          }
          ctx.update(ByteView(msg.data() + pos, chunk));
          pos += chunk;
        }
        ctx.update(ByteView());
        std::vector<uint8_t> got(ctx.digest_size());
        ASSERT_EQ(ctx.final(MutableBytes(got)), Status::ok);
        ASSERT_EQ(to_hex(got), to_hex(want)) << hash_name(alg) << " len " << len;
        checks++;
      }
    }
  }
  EXPECT_GT(checks, 0u);
}

// Copying a HashCtx forks it: both copies continue independently (TLS transcript hashes).
TEST(HashCtx, CopyForks) {
  for (HashAlg alg : kAll) {
    const std::vector<uint8_t> a(100, 0x11);
    const std::vector<uint8_t> b(70, 0x22);
    const std::vector<uint8_t> c(200, 0x33);
    HashCtx base;
    ASSERT_EQ(base.init(alg), Status::ok);
    base.update(ByteView(a));
    HashCtx fork = base;
    base.update(ByteView(b));
    fork.update(ByteView(c));
    std::vector<uint8_t> got_base(hash_digest_size(alg));
    std::vector<uint8_t> got_fork(hash_digest_size(alg));
    ASSERT_EQ(base.final(MutableBytes(got_base)), Status::ok);
    ASSERT_EQ(fork.final(MutableBytes(got_fork)), Status::ok);
    std::vector<uint8_t> ab = a;
    ab.insert(ab.end(), b.begin(), b.end());
    std::vector<uint8_t> ac = a;
    ac.insert(ac.end(), c.begin(), c.end());
    EXPECT_EQ(to_hex(got_base), to_hex(digest(alg, ab))) << hash_name(alg);
    EXPECT_EQ(to_hex(got_fork), to_hex(digest(alg, ac))) << hash_name(alg);
  }
}

TEST(HashCtx, Errors) {
  uint8_t out[kMaxDigestSize];
  for (HashAlg alg : kAll) {
    const size_t n = hash_digest_size(alg);
    EXPECT_EQ(hash(alg, MutableBytes(out, n - 1), ByteView()), Status::buffer_too_small);
    HashCtx ctx;
    ASSERT_EQ(ctx.init(alg), Status::ok);
    EXPECT_EQ(ctx.final(MutableBytes(out, n - 1)), Status::buffer_too_small);
    EXPECT_EQ(ctx.final(MutableBytes(out, n)), Status::ok);
    // final() ends the context: a second final() without init() is an error.
    EXPECT_EQ(ctx.final(MutableBytes(out, n)), Status::invalid_argument);
  }
  HashCtx never_init;
  EXPECT_EQ(never_init.final(MutableBytes(out, sizeof(out))), Status::invalid_argument);
}

TEST(HashNames, RoundTrip) {
  for (HashAlg alg : kAll) {
    HashAlg got = HashAlg::md5;
    ASSERT_EQ(hash_from_name(&got, hash_name(alg)), Status::ok);
    EXPECT_EQ(got, alg);
  }
}

// The names OpenSSL 3.0 gives these digests: PROV_NAMES_MD5 ... PROV_NAMES_SHA2_512 in its
// providers/implementations/include/prov/names.h, colon-separated as there. Each must be taken,
// in upper and lower case, and map to its digest; the first is the name openssl prints.
// (tests/tools/digest_names_test.sh checks the same against the openssl command itself.)
TEST(HashNames, OpenSslProviderNames) {
  const struct {
    const char* names;
    HashAlg alg;
  } kProvNames[] = {
      {"MD5:SSL3-MD5:1.2.840.113549.2.5", HashAlg::md5},
      {"SHA1:SHA-1:SSL3-SHA1:1.3.14.3.2.26", HashAlg::sha1},
      {"SHA2-224:SHA-224:SHA224:2.16.840.1.101.3.4.2.4", HashAlg::sha224},
      {"SHA2-256:SHA-256:SHA256:2.16.840.1.101.3.4.2.1", HashAlg::sha256},
      {"SHA2-384:SHA-384:SHA384:2.16.840.1.101.3.4.2.2", HashAlg::sha384},
      {"SHA2-512:SHA-512:SHA512:2.16.840.1.101.3.4.2.3", HashAlg::sha512},
  };
  size_t cases = 0;
  for (const auto& row : kProvNames) {
    const std::string all = row.names;
    EXPECT_EQ(all.substr(0, all.find(':')), hash_openssl_name(row.alg));
    size_t start = 0;
    while (start <= all.size()) {
      size_t end = all.find(':', start);
      if (end == std::string::npos) {
        end = all.size();
      }
      std::string name = all.substr(start, end - start);
      for (int lower = 0; lower < 2; lower++) {
        if (lower != 0) {
          for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          }
        }
        HashAlg got = HashAlg::md5;
        EXPECT_EQ(hash_from_name(&got, name.c_str()), Status::ok) << name;
        EXPECT_EQ(got, row.alg) << name;
        cases++;
      }
      start = end + 1;
    }
  }
  std::printf("hash names: %zu cases\n", cases);
  EXPECT_EQ(cases, 46u);
}

// Spellings OpenSSL 3.0 refuses (`openssl dgst -NAME`: "Unknown option or message digest"),
// the legacy signature aliases Petrel leaves out (see hash.h), and digests it lacks (SHA-3,
// SHA-512/224).
TEST(HashNames, Refused) {
  HashAlg got = HashAlg::md5;
  for (const char* name : {"sha_256", "Sha_384", "sha2_256", "SHA-2-256", "md-5", "s-h-a256",
                           "sha256-", "sha--256", "sha2", "sha3-256", "sha512-224", "sha2567",
                           "a-very-long-name-indeed", "", "RSA-SHA256",
                           "sha256WithRSAEncryption"}) {
    EXPECT_EQ(hash_from_name(&got, name), Status::unsupported) << name;
  }
  EXPECT_EQ(hash_from_name(nullptr, "sha1"), Status::invalid_argument);
  EXPECT_EQ(hash_from_name(&got, nullptr), Status::invalid_argument);
  EXPECT_STREQ(hash_name_list(), "md5, sha1, sha224, sha256, sha384, sha512");
  EXPECT_EQ(hash_block_size(HashAlg::sha384), 128u);
  EXPECT_EQ(hash_block_size(HashAlg::md5), 64u);
}

// The variant tables: every listed name looks up to itself, the available ones select, the
// portable row is always there, and an unknown name or md5 is refused.
TEST(HashImpls, Table) {
  for (HashAlg alg : {HashAlg::sha1, HashAlg::sha224, HashAlg::sha256, HashAlg::sha384,
                      HashAlg::sha512}) {
    HashImpl listed[16];
    const size_t n = hash_impls_listed(alg, listed, 16);
    ASSERT_GE(n, 1u);
    const std::vector<HashImpl> avail = petrel_test::all_hash_impls(alg);
    const HashImpl portable =
        (alg == HashAlg::sha384 || alg == HashAlg::sha512) ? HashImpl::c64 : HashImpl::c32;
    EXPECT_TRUE(hash_impl_available(alg, portable)) << hash_name(alg);
    EXPECT_TRUE(hash_impl_is_constant_time(alg, portable));
    HashImpl got = HashImpl::armv4;
    EXPECT_EQ(hash_impl_from_name(alg, &got, "portable"), Status::ok);
    EXPECT_EQ(got, portable);
    for (size_t i = 0; i < n; i++) {
      const Status st = hash_impl_from_name(alg, &got, hash_impl_name(alg, listed[i]));
      if (hash_impl_available(alg, listed[i])) {
        EXPECT_EQ(st, Status::ok) << hash_impl_name(alg, listed[i]);
        EXPECT_EQ(got, listed[i]);
      } else {
        EXPECT_EQ(st, Status::not_available) << hash_impl_name(alg, listed[i]);
        EXPECT_EQ(hash_impl_select(alg, listed[i]), Status::not_available);
      }
    }
    EXPECT_EQ(hash_impl_from_name(alg, &got, "no-such-variant"), Status::unsupported);
    EXPECT_EQ(hash_impl_from_name(alg, nullptr, "c32"), Status::invalid_argument);
    // The default is the first available row.
    EXPECT_EQ(hash_impl_active(alg), avail[0]) << hash_name(alg);
    std::printf("[ variants ] %s: %zu listed, %zu available, default %s\n", hash_name(alg), n,
                avail.size(), hash_impl_name(alg, avail[0]));
  }
  HashImpl got = HashImpl::c32;
  EXPECT_EQ(hash_impl_from_name(HashAlg::md5, &got, "c32"), Status::unsupported);
  EXPECT_EQ(hash_impl_select(HashAlg::md5, HashImpl::c32), Status::unsupported);
  EXPECT_EQ(hash_impls_available(HashAlg::md5, nullptr, 0), 0u);
}

// Every variant on inputs at every alignment and of 0..5 blocks, in one call and split: the
// digests must equal the portable variant's (which the NIST vectors above pin down), and a
// zero-block call must leave the state alone. This catches what the vector files cannot: an
// unaligned-load or multi-block bug in one variant.
TEST(HashImpls, AlignmentAndBlockCounts) {
  std::mt19937 rng(777);
  std::vector<uint8_t> buf(5 * 128 + 8);
  for (auto& b : buf) {
    b = static_cast<uint8_t>(rng());
  }
  size_t n = 0;
  for (HashAlg alg : {HashAlg::sha1, HashAlg::sha256, HashAlg::sha512}) {
    const HashImpl portable = alg == HashAlg::sha512 ? HashImpl::c64 : HashImpl::c32;
    const size_t bs = hash_block_size(alg);
    for (HashImpl impl : petrel_test::all_hash_impls(alg)) {
      for (size_t off = 0; off < 8; off++) {
        for (size_t len : {size_t{0}, size_t{1}, bs - 9, bs - 8, bs, bs + 1, 2 * bs + 7, 5 * bs}) {
          const ByteView msg(buf.data() + off, len);
          std::vector<uint8_t> want(hash_digest_size(alg));
          std::vector<uint8_t> got(hash_digest_size(alg));
          {
            petrel_test::HashImplScope scope(alg, portable);
            ASSERT_EQ(hash(alg, MutableBytes(want), msg), Status::ok);
          }
          petrel_test::HashImplScope scope(alg, impl);
          ASSERT_EQ(hash(alg, MutableBytes(got), msg), Status::ok);
          EXPECT_EQ(to_hex(got), to_hex(want))
              << hash_name(alg) << " " << hash_impl_name(alg, impl) << " off " << off << " len "
              << len;
          n++;
        }
      }
    }
  }
  for (HashImpl impl : petrel_test::all_hash_impls(HashAlg::sha1)) {
    petrel_test::HashImplScope scope(HashAlg::sha1, impl);
    uint32_t h[5] = {1, 2, 3, 4, 5};
    hash_detail::sha1_compress_blocks(h, buf.data(), 0);
    EXPECT_EQ(h[0] + h[1] + h[2] + h[3] + h[4], 15u) << hash_impl_name(HashAlg::sha1, impl);
    n++;
  }
  for (HashImpl impl : petrel_test::all_hash_impls(HashAlg::sha256)) {
    petrel_test::HashImplScope scope(HashAlg::sha256, impl);
    uint32_t h[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    hash_detail::sha256_compress_blocks(h, buf.data(), 0);
    EXPECT_EQ(h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6] + h[7], 36u);
    n++;
  }
  for (HashImpl impl : petrel_test::all_hash_impls(HashAlg::sha512)) {
    petrel_test::HashImplScope scope(HashAlg::sha512, impl);
    uint64_t h[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    hash_detail::sha512_compress_blocks(h, buf.data(), 0);
    EXPECT_EQ(h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6] + h[7], 36u);
    n++;
  }
  report_cases("variant digests vs portable (alignment, block counts, zero blocks)", n);
}

// The default of each table is the variant the toolchain says this target must have
// (tests/hash/tests.cmake), so an assembly row that silently dropped out of the build fails.
TEST(HashImpls, DefaultsOfThisTarget) {
  EXPECT_STREQ(hash_impl_name(HashAlg::sha1, hash_impl_active(HashAlg::sha1)), PETREL_EXPECT_SHA1);
  EXPECT_STREQ(hash_impl_name(HashAlg::sha256, hash_impl_active(HashAlg::sha256)),
               PETREL_EXPECT_SHA256);
  EXPECT_STREQ(hash_impl_name(HashAlg::sha512, hash_impl_active(HashAlg::sha512)),
               PETREL_EXPECT_SHA512);
}

#if defined(PETREL_TEST_CALL_HARNESS_ARM) || defined(PETREL_TEST_CALL_HARNESS_MIPS)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);

// Each assembly block function, called with the callee-saved registers full of patterns
// (tests/bignum/call_harness_*.S), must hand them back and leave sp where it was, and give the
// portable digest state.
TEST(HashImpls, CalleeSavedRegisters) {
#if defined(PETREL_TEST_CALL_HARNESS_ARM)
  constexpr size_t kSaved = 8;  // r4-r11
#else
  constexpr size_t kSaved = 10;  // s0-s7, fp, gp (tests/bignum/call_harness_mips.S)
#endif
  struct Fn {
    const char* name;
    void (*fn)(uint32_t*, const uint8_t*, size_t) noexcept;
    void (*ref)(uint32_t*, const uint8_t*, size_t) noexcept;
    size_t words;
  };
  const Fn fns[] = {
#if defined(PETREL_TEST_CALL_HARNESS_ARM)
      {"sha1 armv4", petrel_sha1_blocks_armv4, petrel_sha1_blocks_c32, 5},
      {"sha256 armv4", petrel_sha256_blocks_armv4, petrel_sha256_blocks_c32, 8},
#else
      {"sha1 mips32r2", petrel_sha1_blocks_mips32r2, petrel_sha1_blocks_c32, 5},
      {"sha256 mips32r2", petrel_sha256_blocks_mips32r2, petrel_sha256_blocks_c32, 8},
#endif
  };
  std::vector<uint8_t> msg(3 * 64 + 1);
  for (size_t i = 0; i < msg.size(); i++) {
    msg[i] = static_cast<uint8_t>(i * 13 + 5);
  }
  size_t calls = 0;
  for (const Fn& f : fns) {
    for (size_t blocks : {0u, 1u, 3u}) {
      uint32_t st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
      uint32_t ref[8];
      std::memcpy(ref, st, sizeof(st));
      f.ref(ref, msg.data() + 1, blocks);
      const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(st)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(msg.data() + 1)),
                                static_cast<uint32_t>(blocks), 0, 0, 0, 0};
      uint32_t out[kSaved + 1];
      std::memset(out, 0, sizeof(out));
      (void)petrel_test_call_patterned(reinterpret_cast<const void*>(f.fn), args, out);
      for (size_t i = 0; i < f.words; i++) {
        EXPECT_EQ(st[i], ref[i]) << f.name << " blocks " << blocks << " word " << i;
      }
      for (size_t i = 0; i < kSaved; i++) {
        EXPECT_EQ(out[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
            << f.name << " clobbered callee-saved register " << i;
      }
      EXPECT_EQ(out[kSaved], 0u) << f.name << " moved sp";
      calls++;
    }
  }
#if defined(PETREL_TEST_CALL_HARNESS_ARM)
  // SHA-512: 64-bit state words, 128-byte blocks.
  std::vector<uint8_t> msg512(3 * 128 + 1);
  for (size_t i = 0; i < msg512.size(); i++) {
    msg512[i] = static_cast<uint8_t>(i * 29 + 3);
  }
  for (size_t blocks : {0u, 1u, 3u}) {
    uint64_t st[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull,
                      0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                      0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
    uint64_t ref[8];
    std::memcpy(ref, st, sizeof(st));
    petrel_sha512_blocks_c64(ref, msg512.data() + 1, blocks);
    const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(st)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(msg512.data() + 1)),
                              static_cast<uint32_t>(blocks), 0, 0, 0, 0};
    uint32_t out[kSaved + 1];
    std::memset(out, 0, sizeof(out));
    (void)petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_sha512_blocks_armv4),
                                     args, out);
    for (size_t i = 0; i < 8; i++) {
      EXPECT_EQ(st[i], ref[i]) << "sha512 armv4 blocks " << blocks << " word " << i;
    }
    for (size_t i = 0; i < kSaved; i++) {
      EXPECT_EQ(out[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
          << "sha512 armv4 clobbered callee-saved register " << i;
    }
    EXPECT_EQ(out[kSaved], 0u) << "sha512 armv4 moved sp";
    calls++;
  }
#endif
  std::printf("[ sha asm  ] %zu patterned calls, %zu callee-saved registers checked each\n", calls,
              kSaved);
  EXPECT_GT(calls, 0u);
}
#endif

#if defined(PETREL_TEST_CALL_HARNESS_NEON)
// tests/chacha/call_harness_neon.S: calls fn with r4-r11 and d8-d15 patterned, reports them after.
extern "C" uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4],
                                                    uint32_t out[25]);

// The armv7-neon block functions through the NEON harness: 0, 1 and 3 blocks at an odd address
// give the portable state, and r4-r11, d8-d15 and sp are as before the call.
TEST(HashImpls, NeonCalleeSavedRegisters) {
  if (!hash_impl_available(HashAlg::sha256, HashImpl::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  struct Fn {
    const char* name;
    const void* fn;
    bool wide;  // SHA-512: 64-bit words, 128-byte blocks
  };
  const Fn fns[] = {
      {"sha1 armv7-neon", reinterpret_cast<const void*>(petrel_sha1_blocks_armv7_neon), false},
      {"sha256 armv7-neon", reinterpret_cast<const void*>(petrel_sha256_blocks_armv7_neon), false},
      {"sha512 armv7-neon", reinterpret_cast<const void*>(petrel_sha512_blocks_armv7_neon), true},
  };
  std::vector<uint8_t> msg(3 * 128 + 1);
  for (size_t i = 0; i < msg.size(); i++) {
    msg[i] = static_cast<uint8_t>(i * 29 + 3);
  }
  size_t n = 0;
  for (const Fn& f : fns) {
    for (uint32_t blocks : {0u, 1u, 3u}) {
      uint64_t st64[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull,
                          0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                          0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
      uint32_t st32[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
      uint64_t ref64[8];
      uint32_t ref32[8];
      std::memcpy(ref64, st64, sizeof(st64));
      std::memcpy(ref32, st32, sizeof(st32));
      void* st = f.wide ? static_cast<void*>(st64) : static_cast<void*>(st32);
      if (f.wide) {
        petrel_sha512_blocks_c64(ref64, msg.data() + 1, blocks);
      } else if (std::strncmp(f.name, "sha1", 4) == 0) {
        petrel_sha1_blocks_c32(ref32, msg.data() + 1, blocks);
      } else {
        petrel_sha256_blocks_c32(ref32, msg.data() + 1, blocks);
      }
      const uint32_t args[4] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(st)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(msg.data() + 1)),
                                blocks, 0};
      uint32_t regs[25] = {};
      (void)petrel_test_call_patterned_neon(f.fn, args, regs);
      EXPECT_EQ(std::memcmp(st64, ref64, sizeof(st64)), 0) << f.name << " blocks " << blocks;
      EXPECT_EQ(std::memcmp(st32, ref32, sizeof(st32)), 0) << f.name << " blocks " << blocks;
      for (uint32_t r = 0; r < 8; r++) {
        EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << f.name << " r" << (4 + r);
      }
      for (uint32_t d = 8; d < 16; d++) {
        EXPECT_EQ(regs[8 + 2 * (d - 8)], 0x5a3c0000u + d * 0x101u) << f.name << " d" << d << " low";
        EXPECT_EQ(regs[9 + 2 * (d - 8)], 0x5a3c8000u + d * 0x101u) << f.name << " d" << d << " high";
      }
      EXPECT_EQ(regs[24], 0u) << f.name << " moved sp";
      n++;
    }
  }
  report_cases("armv7-neon SHA through the NEON call harness (r4-r11, d8-d15, sp)", n);
}
#endif
