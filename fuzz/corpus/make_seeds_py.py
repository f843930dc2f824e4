#!/usr/bin/env python3
"""Seed corpora that need arithmetic or record framing (called by fuzz/corpus/make_seeds.sh).

Uses python's `cryptography` package (OpenSSL underneath, an implementation independent of
Petrel) to build records and to open RSA outputs of the openssl command; the layouts are those
the targets' header comments describe (fuzz/tls_record.cpp, fuzz/diff_rsa.cpp, fuzz/http.cpp,
fuzz/diff_cipher.cpp, fuzz/diff_hash.cpp)."""
import hashlib
import hmac
import os
import struct
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def rsa_seeds(key_pem, padding_dir, out_dir):
    key = serialization.load_pem_private_key(open(key_pem, "rb").read(), None)
    nums = key.private_numbers()
    n, e, d = nums.public_numbers.n, nums.public_numbers.e, nums.d
    k = (n.bit_length() + 7) // 8

    def body(name):
        return open(os.path.join(padding_dir, name), "rb").read()[1:]

    def i2b(x):
        return x.to_bytes(k, "big")

    sig15 = body("v15_sha256_sig.bin")
    sigpss = body("pss_sha256_sig.bin")
    ct = body("pkcs1_encrypted.bin")
    write(os.path.join(out_dir, "em_v15_sha256.bin"), b"\x00" + i2b(pow(int.from_bytes(sig15, "big"), e, n)))
    write(os.path.join(out_dir, "em_pss_sha256.bin"), b"\x01" + i2b(pow(int.from_bytes(sigpss, "big"), e, n)))
    write(os.path.join(out_dir, "em_pkcs1_encrypt.bin"), b"\x02" + i2b(pow(int.from_bytes(ct, "big"), d, n)))
    write(os.path.join(out_dir, "sig_v15_sha256.bin"), b"\x03" + sig15)
    write(os.path.join(out_dir, "sig_pss_sha256.bin"), b"\x04" + sigpss)
    write(os.path.join(out_dir, "ct_pkcs1.bin"), b"\x05" + ct)
    # An EM with a DigestInfo lacking the NULL parameters (a known lenient shape elsewhere).
    digest = hashlib.sha256(b"petrel rsa_padding fuzz target").digest()
    di = bytes.fromhex("302f300b0609608648016503040201") + b"\x04\x20" + digest
    em = b"\x00\x01" + b"\xff" * (k - 3 - len(di)) + b"\x00" + di
    write(os.path.join(out_dir, "em_v15_no_null.bin"), b"\x00" + em)


CONFIGS = [  # (cipher, key_len, mac, version, etm), as kConfigs in fuzz/tls_record.cpp
    ("gcm", 16, None, 0x0303, False),
    ("gcm", 32, None, 0x0303, False),
    ("cbc", 16, "sha1", 0x0301, False),
    ("cbc", 16, "sha1", 0x0302, False),
    ("cbc", 16, "sha1", 0x0303, False),
    ("cbc", 32, "sha256", 0x0303, False),
    ("cbc", 16, "sha1", 0x0301, True),
    ("cbc", 16, "sha1", 0x0303, True),
    ("cbc", 32, "sha256", 0x0303, True),
    ("cbc", 32, "sha1", 0x0302, True),
    ("rc4", 16, "sha1", 0x0303, False),
    ("rc4", 16, "md5", 0x0301, False),
    ("chacha", 32, None, 0x0303, False),
    ("null", 0, None, 0x0303, False),
]
TYPES = [23, 22, 21, 20]
SEQS = [0, 1, (1 << 32) + 7, (1 << 64) - 2]
MAC_KEY = bytes(range(32))
ENC_KEY = bytes(0x40 + i for i in range(32))
FIXED_IV = bytes(0x80 + i for i in range(16))


def seal(cfg, type_, seq, pt, pad_extra=0):
    cipher, klen, mac, version, etm = cfg
    hdr = struct.pack(">QBH", seq, type_, version)
    if cipher == "null":
        return pt
    if cipher == "gcm":
        explicit = struct.pack(">Q", seq)
        aad = hdr + struct.pack(">H", len(pt))
        return explicit + AESGCM(ENC_KEY[:klen]).encrypt(FIXED_IV[:4] + explicit, pt, aad)
    if cipher == "chacha":
        # RFC 7905: the 12-byte fixed IV xored with the sequence number, no explicit nonce.
        nonce = bytes(a ^ b for a, b in zip(FIXED_IV[:12], b"\x00" * 4 + struct.pack(">Q", seq)))
        aad = hdr + struct.pack(">H", len(pt))
        return ChaCha20Poly1305(ENC_KEY[:klen]).encrypt(nonce, pt, aad)
    mac_key = MAC_KEY[: {"sha1": 20, "sha256": 32, "md5": 16}[mac]]
    h = getattr(hashlib, mac)
    if cipher == "rc4":
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        tag = hmac.new(mac_key, hdr + struct.pack(">H", len(pt)) + pt, h).digest()
        enc = Cipher(ARC4(ENC_KEY[:klen]), mode=None).encryptor()
        return enc.update(pt + tag)
    explicit_iv = version >= 0x0302
    iv = os.urandom(16) if explicit_iv else FIXED_IV
    data = pt
    if not etm:
        data += hmac.new(mac_key, hdr + struct.pack(">H", len(pt)) + pt, h).digest()
    pad = 15 - len(data) % 16 + 16 * pad_extra
    data += bytes([pad]) * (pad + 1)
    enc = Cipher(algorithms.AES(ENC_KEY[:klen]), modes.CBC(iv)).encryptor()
    frag = (iv if explicit_iv else b"") + enc.update(data) + enc.finalize()
    if etm:
        frag += hmac.new(mac_key, hdr + struct.pack(">H", len(frag)) + frag, h).digest()
    return frag


def record_seeds(out_dir):
    for i, cfg in enumerate(CONFIGS):
        for t in range(4):
            for s in ((0, 3) if t == 0 else (1,)):
                pt = (b"GET /profile HTTP/1.1\r\n" * (1 + i % 3))[: 5 + 7 * i + 3 * t]
                flags = (t << 1) | (s << 3)
                frag = seal(cfg, TYPES[t], SEQS[s], pt)
                write(os.path.join(out_dir, "open_%02d_t%d_s%d.bin" % (i, t, s)),
                      bytes([i, flags, t]) + frag)
                write(os.path.join(out_dir, "rt_%02d_t%d_s%d.bin" % (i, t, s)),
                      bytes([i, flags | 1, t]) + pt)
        if CONFIGS[i][0] == "cbc":
            frag = seal(cfg, 23, 0, b"long padding", pad_extra=3)
            write(os.path.join(out_dir, "open_%02d_longpad.bin" % i), bytes([i, 0, 0]) + frag)
    write(os.path.join(out_dir, "rt_gcm_16k.bin"), bytes([0, 1, 0]) + b"A" * 16384)


HTTP = {
    "length.txt": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
    "length_list.txt": b"HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc",
    "length_conflict.txt": b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
    "length_short.txt": b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
    "length_extra.txt": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabc",
    "chunked.txt": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n"
                   b"A\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n",
    "chunked_no_last.txt": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n",
    "chunked_and_length.txt": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    "to_close.txt": b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the connection closes",
    "continue.txt": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "no_content.txt": b"HTTP/1.1 204 No Content\r\n\r\n",
    "not_modified.txt": b"HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n",
    "switching.txt": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
    "obs_fold.txt": b"HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 0\r\n\r\n",
    "bare_lf.txt": b"HTTP/1.1 200 OK\nContent-Length: 1\n\nx",
    "space_colon.txt": b"HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\nx",
    "huge_header.txt": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 20000 + b"\r\nContent-Length: 0\r\n\r\n",
    "url.txt": b"https://[2001:db8::1]:8443/profile?mac=001122\r\n",
    "s_server_www.txt": b"HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\n"
                        b"[profile]\nsip_server=192.0.2.10\nuser=phone-0042\n",
}


def http_seeds(out_dir):
    for i, (name, resp) in enumerate(sorted(HTTP.items())):
        # byte 0: chunking (0 = byte by byte, else pieces around that size); byte 1: header limit
        step = [0, 1, 7, 64, 200][i % 5]
        write(os.path.join(out_dir, name.replace(".txt", ".bin")), bytes([step, 0]) + resp)
    write(os.path.join(out_dir, "small_limit.bin"), bytes([3, 2]) + HTTP["length.txt"])


def sym_seeds(cipher_dir, hash_dir):
    key = bytes.fromhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    iv = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
    pt = bytes.fromhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                       "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
    for mode in range(5):
        for ks in range(3):
            for ln in (0, 15, 16, 33, 64):
                split = (ln * 7 + mode) % 256
                params = 0xb0 | (11 if mode == 3 else 15)  # GCM: 12-byte IV, 15-byte tag
                write(os.path.join(cipher_dir, "m%d_k%d_l%02d.bin" % (mode, ks, ln)),
                      bytes([mode, ks, split, params]) + key + iv + (pt * 2)[:ln])
    msg = b"The quick brown fox jumps over the lazy dog" * 5
    for alg in range(6):
        for keylen, ln in ((0, 0), (20, 55), (64, 56), (131, 112), (16, 200)):
            write(os.path.join(hash_dir, "a%d_k%03d_l%03d.bin" % (alg, keylen, ln)),
                  bytes([alg, keylen, ln // 3 % 256, ln // 2 % 256]) + bytes(range(keylen)) + msg[:ln])


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "rsa":
        rsa_seeds(*sys.argv[2:5])
    elif cmd == "record":
        record_seeds(sys.argv[2])
    elif cmd == "http":
        http_seeds(sys.argv[2])
    elif cmd == "sym":
        sym_seeds(sys.argv[2], sys.argv[3])
