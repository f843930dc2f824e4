# AES-128/192/256 (FIPS 197) with four T-tables per direction, for MIPS32 Release 2 (either
# byte order): variant "mips32r2" of the AES table (crypto/aes/aes.cpp; the portable "table"
# variant, crypto/aes/aes_table.cpp, gives the algorithm: Daemen and Rijmen's combined
# SubBytes/ShiftRows/MixColumns lookups, and the equivalent inverse cipher of FIPS 197 5.3.5).
#
# NOT constant-time: every table index is a byte of the state, which depends on the key and the
# data, so the cache lines touched leak them (as with "table"). The trace check lists it as a
# must-leak case (ct_trace.leak_aes_mips32r2, tests/ct/trace.cmake). The default AES stays "ct".
#
# Calling convention: O32 (the extern "C" contract of crypto/aes/aes_internal.h).
#   void petrel_aes_encrypt_blocks_mips32r2(const uint32_t* schedule, unsigned rounds,
#                                           uint8_t* out, const uint8_t* in, size_t nblocks)
#   void petrel_aes_decrypt_blocks_mips32r2(...the same...)
#     $a0 schedule, $a1 rounds (10/12/14), $a2 out, $a3 in, 16($sp) nblocks (may be 0).
#     ECB on whole blocks; in == out allowed; no alignment required of in and out (a block loop
#     with LW/SW when both are word-aligned, LWL/LWR and SWL/SWR otherwise).
# Schedule: the key expansion is the portable table code (petrel_aes_expand_mips32r2 in
#   aes_mips32r2_expand.cpp calls it): encryption round keys in words 0..59, the equivalent
#   inverse cipher's in 60..119, as with "table", but each word in the CPU's byte order (the
#   state is loaded with plain LW: on mipsel every word is byte-swapped against "table").
# State form: row r of a column is the byte at bit P(r) = 8r (mipsel) or 24 - 8r (mips), i.e.
#   at memory byte r on both. Te_r[x] is MixColumns of S[x] placed in row r, Td_r[x]
#   InvMixColumns of InvS[x]; memory byte 1 of Te_0[x] is S[x] (the last round's S-box). The
#   tables (4 KiB per direction, 1 KiB aligned, plus the 256-byte InvS) are generated below
#   by the assembler from the S-box lists and sit in .text after the code, found PC-relative
#   (BAL), so the code works the same in static, PIC and PIE builds.
# Lookup: the table base sits in a register whose bits 2..9 are free (1 KiB alignment), and
#   INS base, byte, 2, 8 writes the index into it: SRL (for rows not at bit 0) + INS + LW. One
#   column is 4 lookups (4 INS, 3 SRL, 4 LW), the LW of its round-key word and 4 XOR: 16
#   instructions, 64 per round (65 with the round-key pointer step).
# Register plan: $t0-$t3 and $t4-$t7 the two state sets (rounds alternate between them, two
#   rounds per loop pass), $s0-$s3 the bases of T_0..T_3, $v0 $v1 $t8 $t9 the looked-up words,
#   $at the shifted byte, $s4 the round-key pointer, $s5 its loop bound, $s6 the end of in,
#   $s7 0 when in and out are both word-aligned, $a1 the InvS base in the last decryption
#   round, $a2/$a3 out/in. Saves $s0-$s7 and $ra (BAL) in a 40-byte frame; $fp and $gp are
#   untouched. .set noreorder: delay slots filled by hand.
#
# Cost, counted from the code: per block 153 + 131 * (Nr - 2) / 2 instructions (load, first
#   round, loop passes of two rounds, last round, store): 677 for AES-128, 808 for AES-192, 939
#   for AES-256, plus 37 per call (frame, table addresses).
# Measured (scripts/perf-table --targets "mipsel mips" --algs "aes-128-cbc aes-256-cbc
#   aes-256-ctr aes-256-gcm rc4", 8a93b9f, guest instructions per byte through AesCbc/AesCtr/
#   AesGcm): mipsel AES-128-CBC 49.71 (table 73.21, OpenSSL 56.37), AES-256-CBC 66.09 (98.21,
#   76.12), AES-256-CTR 66.12 (97.86, 83.12), AES-256-GCM 128.67 (160.54, 136.44); mips the same
#   within 0.2.
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32

#if defined(__MIPSEL__)
#define P0 0
#define P1 8
#define P2 16
#define P3 24
#else
#define P0 24
#define P1 16
#define P2 8
#define P3 0
#endif

#define SBOX_0 0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76
#define SBOX_1 0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0
#define SBOX_2 0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15
#define SBOX_3 0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75
#define SBOX_4 0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84
#define SBOX_5 0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf
#define SBOX_6 0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8
#define SBOX_7 0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2
#define SBOX_8 0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73
#define SBOX_9 0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb
#define SBOX_A 0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79
#define SBOX_B 0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08
#define SBOX_C 0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a
#define SBOX_D 0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e
#define SBOX_E 0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf
#define SBOX_F 0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16
#define INVS_0 0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb
#define INVS_1 0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb
#define INVS_2 0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e
#define INVS_3 0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25
#define INVS_4 0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92
#define INVS_5 0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84
#define INVS_6 0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06
#define INVS_7 0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b
#define INVS_8 0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73
#define INVS_9 0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e
#define INVS_A 0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b
#define INVS_B 0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4
#define INVS_C 0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f
#define INVS_D 0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef
#define INVS_E 0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61
#define INVS_F 0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d

        .text
        .set    noreorder
        .set    nomacro
        .set    noat

# One lookup: \dst = word at \tb with its bits 2..9 set to byte P of \w.
        .macro  LK dst, tb, w, pos
        .if     \pos
        srl     $at, \w, \pos
        ins     \tb, $at, 2, 8
        .else
        ins     \tb, \w, 2, 8
        .endif
        lw      \dst, 0(\tb)
        .endm

# One column of a full round: \d = T0[row 0 of \w0] ^ T1[row 1 of \w1] ^ T2[row 2 of \w2]
# ^ T3[row 3 of \w3] ^ rk[\off / 4].
        .macro  COL d, w0, w1, w2, w3, off
        LK      $v0, $s0, \w0, P0
        LK      $v1, $s1, \w1, P1
        LK      $t8, $s2, \w2, P2
        LK      $t9, $s3, \w3, P3
        lw      \d, \off($s4)
        xor     \d, \d, $v0
        xor     $v1, $v1, $t8
        xor     \d, \d, $t9
        xor     \d, \d, $v1
        .endm

# Encryption round (ShiftRows: row r from column c + r), decryption round (from c - r).
        .macro  ROUND_E x0, x1, x2, x3, d0, d1, d2, d3
        COL     \d0, \x0, \x1, \x2, \x3, 0
        COL     \d1, \x1, \x2, \x3, \x0, 4
        COL     \d2, \x2, \x3, \x0, \x1, 8
        COL     \d3, \x3, \x0, \x1, \x2, 12
        .endm
        .macro  ROUND_D x0, x1, x2, x3, d0, d1, d2, d3
        COL     \d0, \x0, \x3, \x2, \x1, 0
        COL     \d1, \x1, \x0, \x3, \x2, 4
        COL     \d2, \x2, \x1, \x0, \x3, 8
        COL     \d3, \x3, \x2, \x1, \x0, 12
        .endm

# One S-box byte of the last round: \dst = byte \boff of the entry of \tb indexed (at bit
# \ipos) by byte P of \w.
        .macro  LB dst, tb, w, pos, ipos, boff
        .if     \pos
        srl     $at, \w, \pos
        ins     \tb, $at, \ipos, 8
        .else
        ins     \tb, \w, \ipos, 8
        .endif
        lbu     \dst, \boff(\tb)
        .endm

# One column of the last round: \d = (S[row r of \w_r] at P(r), r = 0..3) ^ rk[\off / 4].
        .macro  FCOL d, w0, w1, w2, w3, off, tb, ipos, boff
#if defined(__MIPSEL__)
        LB      \d, \tb, \w0, P0, \ipos, \boff
        LB      $v1, \tb, \w1, P1, \ipos, \boff
        LB      $t8, \tb, \w2, P2, \ipos, \boff
        LB      $t9, \tb, \w3, P3, \ipos, \boff
        ins     \d, $v1, 8, 8
        ins     \d, $t8, 16, 8
        ins     \d, $t9, 24, 8
#else
        LB      $v0, \tb, \w0, P0, \ipos, \boff
        LB      $v1, \tb, \w1, P1, \ipos, \boff
        LB      $t8, \tb, \w2, P2, \ipos, \boff
        LB      \d, \tb, \w3, P3, \ipos, \boff
        ins     \d, $v0, 24, 8
        ins     \d, $v1, 16, 8
        ins     \d, $t8, 8, 8
#endif
        lw      $v0, \off($s4)
        xor     \d, \d, $v0
        .endm

# Unaligned word load and store (the byte order decides which of LWL/LWR takes the low address).
        .macro  ULW r, off, base
#if defined(__MIPSEL__)
        lwr     \r, \off(\base)
        lwl     \r, \off+3(\base)
#else
        lwl     \r, \off(\base)
        lwr     \r, \off+3(\base)
#endif
        .endm
        .macro  USW r, off, base
#if defined(__MIPSEL__)
        swr     \r, \off(\base)
        swl     \r, \off+3(\base)
#else
        swl     \r, \off(\base)
        swr     \r, \off+3(\base)
#endif
        .endm

# The whole block function; \dec = 0 encrypts, 1 decrypts.
        .macro  AES_BLOCKS dec
        lw      $t0, 16($sp)            # nblocks
        beqz    $t0, 9f
        sll     $t0, $t0, 4             # (delay slot) bytes
        addiu   $sp, $sp, -40
        sw      $s0, 0($sp)
        sw      $s1, 4($sp)
        sw      $s2, 8($sp)
        sw      $s3, 12($sp)
        sw      $s4, 16($sp)
        sw      $s5, 20($sp)
        sw      $s6, 24($sp)
        sw      $s7, 28($sp)
        sw      $ra, 32($sp)
        addu    $s6, $a3, $t0           # end of in
        or      $s7, $a2, $a3
        andi    $s7, $s7, 3             # 0: in and out word-aligned
        .if     \dec
        addiu   $a0, $a0, 240           # the decryption schedule, words 60..119
        .endif
        sll     $s5, $a1, 4
        addu    $s5, $a0, $s5
        bal     1f
        addiu   $s5, $s5, -16           # (delay slot) loop bound: rk of round Nr - 1
1:
        .if     \dec
        addiu   $s0, $ra, .Ltd - 1b
        addiu   $a1, $ra, .Linvs - 1b
        .else
        addiu   $s0, $ra, .Lte - 1b
        .endif
        addiu   $s1, $s0, 1024
        addiu   $s2, $s0, 2048
        addiu   $s3, $s0, 3072
2:      bnez    $s7, 3f
        lw      $v0, 0($a0)             # (delay slot) rk[0]
        lw      $t0, 0($a3)
        lw      $t1, 4($a3)
        lw      $t2, 8($a3)
        b       4f
        lw      $t3, 12($a3)            # (delay slot)
3:      ULW     $t0, 0, $a3
        ULW     $t1, 4, $a3
        ULW     $t2, 8, $a3
        ULW     $t3, 12, $a3
4:      lw      $v1, 4($a0)
        lw      $t8, 8($a0)
        lw      $t9, 12($a0)
        xor     $t0, $t0, $v0
        xor     $t1, $t1, $v1
        xor     $t2, $t2, $t8
        xor     $t3, $t3, $t9
        addiu   $s4, $a0, 16
        .if     \dec
        ROUND_D $t0, $t1, $t2, $t3, $t4, $t5, $t6, $t7
        .else
        ROUND_E $t0, $t1, $t2, $t3, $t4, $t5, $t6, $t7
        .endif
        addiu   $s4, $s4, 16
5:
        .if     \dec
        ROUND_D $t4, $t5, $t6, $t7, $t0, $t1, $t2, $t3
        addiu   $s4, $s4, 16
        ROUND_D $t0, $t1, $t2, $t3, $t4, $t5, $t6, $t7
        .else
        ROUND_E $t4, $t5, $t6, $t7, $t0, $t1, $t2, $t3
        addiu   $s4, $s4, 16
        ROUND_E $t0, $t1, $t2, $t3, $t4, $t5, $t6, $t7
        .endif
        bne     $s4, $s5, 5b
        addiu   $s4, $s4, 16            # (delay slot)
        .if     \dec
        FCOL    $t0, $t4, $t7, $t6, $t5, 0, $a1, 0, 0
        FCOL    $t1, $t5, $t4, $t7, $t6, 4, $a1, 0, 0
        FCOL    $t2, $t6, $t5, $t4, $t7, 8, $a1, 0, 0
        FCOL    $t3, $t7, $t6, $t5, $t4, 12, $a1, 0, 0
        .else
        FCOL    $t0, $t4, $t5, $t6, $t7, 0, $s0, 2, 1
        FCOL    $t1, $t5, $t6, $t7, $t4, 4, $s0, 2, 1
        FCOL    $t2, $t6, $t7, $t4, $t5, 8, $s0, 2, 1
        FCOL    $t3, $t7, $t4, $t5, $t6, 12, $s0, 2, 1
        .endif
        bnez    $s7, 6f
        addiu   $a3, $a3, 16            # (delay slot) next in
        sw      $t0, 0($a2)
        sw      $t1, 4($a2)
        sw      $t2, 8($a2)
        b       7f
        sw      $t3, 12($a2)            # (delay slot)
6:      USW     $t0, 0, $a2
        USW     $t1, 4, $a2
        USW     $t2, 8, $a2
        USW     $t3, 12, $a2
7:      bne     $a3, $s6, 2b
        addiu   $a2, $a2, 16            # (delay slot) next out
        lw      $s0, 0($sp)
        lw      $s1, 4($sp)
        lw      $s2, 8($sp)
        lw      $s3, 12($sp)
        lw      $s4, 16($sp)
        lw      $s5, 20($sp)
        lw      $s6, 24($sp)
        lw      $s7, 28($sp)
        lw      $ra, 32($sp)
        addiu   $sp, $sp, 40
9:      jr      $ra
        nop
        .endm

        .globl  petrel_aes_encrypt_blocks_mips32r2
        .type   petrel_aes_encrypt_blocks_mips32r2, @function
        .ent    petrel_aes_encrypt_blocks_mips32r2
petrel_aes_encrypt_blocks_mips32r2:
        AES_BLOCKS 0
        .end    petrel_aes_encrypt_blocks_mips32r2
        .size   petrel_aes_encrypt_blocks_mips32r2, . - petrel_aes_encrypt_blocks_mips32r2

        .globl  petrel_aes_decrypt_blocks_mips32r2
        .type   petrel_aes_decrypt_blocks_mips32r2, @function
        .ent    petrel_aes_decrypt_blocks_mips32r2
petrel_aes_decrypt_blocks_mips32r2:
        AES_BLOCKS 1
        .end    petrel_aes_decrypt_blocks_mips32r2
        .size   petrel_aes_decrypt_blocks_mips32r2, . - petrel_aes_decrypt_blocks_mips32r2

# ---- tables, generated from the S-box lists (FIPS 197 figures 7 and 14) ----------------------
# aes_m<k> = k * x in GF(2^8) mod x^8 + x^4 + x^3 + x + 1, for the current entry's x.
        .macro  GFMUL s
        .set    aes_m1, \s
        .set    aes_m2, ((aes_m1 << 1) ^ ((aes_m1 >> 7) * 0x1b)) & 0xff
        .set    aes_m4, ((aes_m2 << 1) ^ ((aes_m2 >> 7) * 0x1b)) & 0xff
        .set    aes_m8, ((aes_m4 << 1) ^ ((aes_m4 >> 7) * 0x1b)) & 0xff
        .set    aes_m3, aes_m2 ^ aes_m1
        .set    aes_m9, aes_m8 ^ aes_m1
        .set    aes_m11, aes_m8 ^ aes_m2 ^ aes_m1
        .set    aes_m13, aes_m8 ^ aes_m4 ^ aes_m1
        .set    aes_m14, aes_m8 ^ aes_m4 ^ aes_m2
        .endm
# One entry: rows 0..3 = c0..c3 times the S-box value s, each at its P(r).
        .macro  TENTRY c0, c1, c2, c3, s
        GFMUL   \s
        .word   (aes_\c0 << P0) | (aes_\c1 << P1) | (aes_\c2 << P2) | (aes_\c3 << P3)
        .endm
        .macro  TROW c0, c1, c2, c3, vals:vararg
        .irp    s, \vals
        TENTRY  \c0, \c1, \c2, \c3, \s
        .endr
        .endm
        .macro  ETABLE c0, c1, c2, c3
        TROW    \c0, \c1, \c2, \c3, SBOX_0
        TROW    \c0, \c1, \c2, \c3, SBOX_1
        TROW    \c0, \c1, \c2, \c3, SBOX_2
        TROW    \c0, \c1, \c2, \c3, SBOX_3
        TROW    \c0, \c1, \c2, \c3, SBOX_4
        TROW    \c0, \c1, \c2, \c3, SBOX_5
        TROW    \c0, \c1, \c2, \c3, SBOX_6
        TROW    \c0, \c1, \c2, \c3, SBOX_7
        TROW    \c0, \c1, \c2, \c3, SBOX_8
        TROW    \c0, \c1, \c2, \c3, SBOX_9
        TROW    \c0, \c1, \c2, \c3, SBOX_A
        TROW    \c0, \c1, \c2, \c3, SBOX_B
        TROW    \c0, \c1, \c2, \c3, SBOX_C
        TROW    \c0, \c1, \c2, \c3, SBOX_D
        TROW    \c0, \c1, \c2, \c3, SBOX_E
        TROW    \c0, \c1, \c2, \c3, SBOX_F
        .endm
        .macro  DTABLE c0, c1, c2, c3
        TROW    \c0, \c1, \c2, \c3, INVS_0
        TROW    \c0, \c1, \c2, \c3, INVS_1
        TROW    \c0, \c1, \c2, \c3, INVS_2
        TROW    \c0, \c1, \c2, \c3, INVS_3
        TROW    \c0, \c1, \c2, \c3, INVS_4
        TROW    \c0, \c1, \c2, \c3, INVS_5
        TROW    \c0, \c1, \c2, \c3, INVS_6
        TROW    \c0, \c1, \c2, \c3, INVS_7
        TROW    \c0, \c1, \c2, \c3, INVS_8
        TROW    \c0, \c1, \c2, \c3, INVS_9
        TROW    \c0, \c1, \c2, \c3, INVS_A
        TROW    \c0, \c1, \c2, \c3, INVS_B
        TROW    \c0, \c1, \c2, \c3, INVS_C
        TROW    \c0, \c1, \c2, \c3, INVS_D
        TROW    \c0, \c1, \c2, \c3, INVS_E
        TROW    \c0, \c1, \c2, \c3, INVS_F
        .endm

# Te_r: MixColumns (2 3 1 1 circulant) of S[x] in row r; Td_r: InvMixColumns (14 11 13 9).
        .balign 1024
.Lte:   ETABLE  m2, m1, m1, m3
        ETABLE  m3, m2, m1, m1
        ETABLE  m1, m3, m2, m1
        ETABLE  m1, m1, m3, m2
.Ltd:   DTABLE  m14, m9, m13, m11
        DTABLE  m11, m14, m9, m13
        DTABLE  m13, m11, m14, m9
        DTABLE  m9, m13, m11, m14
.Linvs: .byte   INVS_0
        .byte   INVS_1
        .byte   INVS_2
        .byte   INVS_3
        .byte   INVS_4
        .byte   INVS_5
        .byte   INVS_6
        .byte   INVS_7
        .byte   INVS_8
        .byte   INVS_9
        .byte   INVS_A
        .byte   INVS_B
        .byte   INVS_C
        .byte   INVS_D
        .byte   INVS_E
        .byte   INVS_F
#endif
        .section .note.GNU-stack, "", @progbits
