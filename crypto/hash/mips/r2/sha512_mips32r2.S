# SHA-512 (and so SHA-384) block function for MIPS32 Release 2 (either byte order): variant
# "mips32r2" of the SHA-512 table (crypto/hash/hash_impl.cpp; the portable C++ in
# crypto/hash/sha512.cpp is the reference). FIPS 180-4 sections 6.4.2 (the 80 rounds) and 4.1.3
# (the functions).
#
# Calling convention: O32.
#   void petrel_sha512_blocks_mips32r2(uint64_t state[8], const uint8_t* in, size_t nblocks)
#     $a0 state (H0..H7, native 64-bit words: low word first on mipsel, high word first on
#     mips), $a1 in (any alignment: LWL/LWR), $a2 nblocks (may be 0). No return value.
# Register plan (names are the cpp defines below; a 64-bit value is a pair low, high):
#   VA-VH the eight working variables a..h in $t0-$t7, $s0-$s7 (roles rotate with the round in
#   the macro arguments, back in place after 8 rounds and so after 80); PA/PB ($t8:$t9,
#   $v0:$v1) a^b of the last round (b^c of this one, for Maj) and the temporary pair that
#   becomes a^b of this round (the two swap each round); T1 ($a1:$a2) W[t] and then the round's
#   accumulator; S ($a3:$gp) Sigma, Ch, Maj and the loaded constant; KP ($a0) the round-constant
#   pointer; U, V ($fp, $ra) temporaries of the schedule and of the chaining add; INP ($at) the
#   input pointer in rounds 0-15, a temporary of the schedule after them.
#   Frame 192 bytes: W[t mod 16] at [sp, 0..127] (low word, then high word), the state pointer,
#   the end of the input, the input pointer, the constants' start and end, and $s0-$s7, $gp,
#   $fp, $ra saved. The chaining value stays in state (read and written back once per block);
#   W is wiped before return. $gp is restored before return (the function calls nothing and
#   needs no GOT: the constants are found PC-relative with BAL).
# The 64-bit rotations without 64-bit shifts: for Sigma1 (ROTR 14, 18, 41) the low half is
#   R(lo) ^ Q(lo ^ hi) and the high half R(hi) ^ Q(lo ^ hi), with R(x) = ROTR32 14 ^ 18 ^ 9
#   (three nested ROTR32 and two XOR: ROTR(ROTR(ROTR(x,4)^x,5)^x,9)) and Q(d) = d<<18 ^ d<<14 ^
#   d>>9 (5 instructions): 18 instructions where the shift-and-XOR of each term costs 22. The
#   same for Sigma0 (ROTR 28, 34, 39), sigma0 (ROTR 1, 8, SHR 7) and sigma1 (ROTR 19, 61, SHR 6),
#   the SHR terms added on: 18 instructions each.
# Per round: Sigma1 and Sigma0 (18 each), Ch = ((f^g)&e)^g and Maj = ((a^b)&(b^c))^b with the
#   carried b^c (6 each), the K load (2) and seven 64-bit adds of 4 instructions (ADDU, SLTU for
#   the carry, ADDU, ADDU): 78. The schedule adds 58 in rounds 16-79 (sigma0, sigma1, three adds,
#   eight loads and two stores; W[t] stays in T1 for its round); rounds 0-15 load big-endian
#   words with LWL/LWR (plus WSBH and ROTR 16 per word on little-endian) and store them: 10 per
#   round on mipsel, 6 on mips. Rounds 0-15 are one unrolled copy, rounds 16-79 a loop of four
#   passes over one unrolled copy of 16 rounds.
# Cost, counted from the code: 80 x 78 + 64 x 58 + 16 x 10 + about 80 per 128-byte block
#   (the chaining add, b^c, the loop): 10,392 on mipsel, 81.2 per byte; mips 80.7.
# Constant-time status: no branch and no address depends on the state or the message; the
#   branches are the block count and the fixed round loop. No multiplies.
# Measured (scripts/insn-count --target mipsel|mips --n 16384 --
#   build/<T>/bench/insn/petrel_insn_driver sha512 {N}, guest instructions per byte, 16 KiB in
#   4096-byte updates): mipsel 103.26 (portable C++ c64, README) -> 79.80, mips 79.30; the
#   README has the scripts/perf-table run beside OpenSSL (117.79) and mbedTLS.
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro
        .set    noat

#define VA $8, $9
#define VB $10, $11
#define VC $12, $13
#define VD $14, $15
#define VE $16, $17
#define VF $18, $19
#define VG $20, $21
#define VH $22, $23
#define PA $24, $25
#define PB $2, $3
#define T1L $5
#define T1H $6
#define SL $7
#define SH $28
#define KP $4
#define U $30
#define V $31
#define INP $1

# The state's 64-bit words: offsets of the low and high halves.
#if defined(__MIPSEL__)
#define SLO 0
#define SHI 4
#else
#define SLO 4
#define SHI 0
#endif

# Frame offsets.
#define F_STATE 128
#define F_END 132
#define F_IN 136
#define F_K 140
#define F_KEND 144
#define F_SAVE 148
#define F_SIZE 192

# dl:dh += sl:sh; c the carry temporary (may be sl, which is then lost).
        .macro  ADD64 dl, dh, sl, sh, c
        addu    \dl, \dl, \sl
        sltu    \c, \dl, \sl
        addu    \dh, \dh, \sh
        addu    \dh, \dh, \c
        .endm

# Sigma1(x) = ROTR 14 ^ ROTR 18 ^ ROTR 41 of il:ih into ol:oh (t1, t2 temporaries).
        .macro  BSIG1 ol, oh, il, ih, t1, t2
        rotr    \ol, \il, 4
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 5
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 9
        rotr    \oh, \ih, 4
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 5
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 9
        xor     \t1, \il, \ih
        sll     \t2, \t1, 4
        xor     \t2, \t2, \t1
        sll     \t2, \t2, 14
        srl     \t1, \t1, 9
        xor     \t2, \t2, \t1
        xor     \ol, \ol, \t2
        xor     \oh, \oh, \t2
        .endm

# Sigma0(x) = ROTR 28 ^ ROTR 34 ^ ROTR 39: R(x) = ROTR32 28 ^ 2 ^ 7, Q(d) = d<<4 ^ d>>2 ^ d>>7.
        .macro  BSIG0 ol, oh, il, ih, t1, t2
        rotr    \ol, \il, 21
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 5
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 2
        rotr    \oh, \ih, 21
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 5
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 2
        xor     \t1, \il, \ih
        srl     \t2, \t1, 5
        xor     \t2, \t2, \t1
        srl     \t2, \t2, 2
        sll     \t1, \t1, 4
        xor     \t2, \t2, \t1
        xor     \ol, \ol, \t2
        xor     \oh, \oh, \t2
        .endm

# sigma0(x) = ROTR 1 ^ ROTR 8 ^ SHR 7: R(x) = ROTR32 1 ^ 8, Q(d) = d<<31 ^ d<<24, then the SHR.
        .macro  SSIG0 ol, oh, il, ih, t1, t2
        rotr    \ol, \il, 7
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 1
        rotr    \oh, \ih, 7
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 1
        xor     \t1, \il, \ih
        sll     \t2, \t1, 7
        xor     \t2, \t2, \t1
        sll     \t2, \t2, 24
        xor     \ol, \ol, \t2
        xor     \oh, \oh, \t2
        srl     \t1, \il, 7
        xor     \ol, \ol, \t1
        sll     \t1, \ih, 25
        xor     \ol, \ol, \t1
        srl     \t1, \ih, 7
        xor     \oh, \oh, \t1
        .endm

# sigma1(x) = ROTR 19 ^ ROTR 61 ^ SHR 6: R(x) = ROTR32 19 ^ 29, Q(d) = d<<13 ^ d>>29, the SHR.
        .macro  SSIG1 ol, oh, il, ih, t1, t2
        rotr    \ol, \il, 10
        xor     \ol, \ol, \il
        rotr    \ol, \ol, 19
        rotr    \oh, \ih, 10
        xor     \oh, \oh, \ih
        rotr    \oh, \oh, 19
        xor     \t1, \il, \ih
        sll     \t2, \t1, 13
        srl     \t1, \t1, 29
        xor     \t2, \t2, \t1
        xor     \ol, \ol, \t2
        xor     \oh, \oh, \t2
        srl     \t1, \il, 6
        xor     \ol, \ol, \t1
        sll     \t1, \ih, 26
        xor     \ol, \ol, \t1
        srl     \t1, \ih, 6
        xor     \oh, \oh, \t1
        .endm

# W[t], t < 16, the big-endian 64-bit word at INP + \off, into T1 and its slot [sp, \off].
        .macro  LOADW off
#if defined(__MIPSEL__)
        lwl     T1H, \off+3(INP)
        lwr     T1H, \off(INP)
        lwl     T1L, \off+7(INP)
        lwr     T1L, \off+4(INP)
        wsbh    T1H, T1H
        wsbh    T1L, T1L
        rotr    T1H, T1H, 16
        rotr    T1L, T1L, 16
#else
        lwl     T1H, \off(INP)
        lwr     T1H, \off+3(INP)
        lwl     T1L, \off+4(INP)
        lwr     T1L, \off+7(INP)
#endif
        sw      T1L, \off($sp)
        sw      T1H, \off+4($sp)
        .endm

# W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], t >= 16, into T1 and the slot of
# W[t-16] (\w16); x the free pair of the next round, S, U, V and INP temporaries.
        .macro  SCHED w2, w7, w15, w16, xl, xh
        lw      SL, \w2($sp)
        lw      SH, \w2+4($sp)
        SSIG1   T1L, T1H, SL, SH, U, V
        lw      SL, \w7($sp)
        lw      SH, \w7+4($sp)
        ADD64   T1L, T1H, SL, SH, SL
        lw      U, \w15($sp)
        lw      V, \w15+4($sp)
        SSIG0   \xl, \xh, U, V, SL, SH
        ADD64   T1L, T1H, \xl, \xh, \xl
        lw      SL, \w16($sp)
        lw      SH, \w16+4($sp)
        ADD64   T1L, T1H, SL, SH, SL
        sw      T1L, \w16($sp)
        sw      T1H, \w16+4($sp)
        .endm

# One round with W[t] in T1: T1 = W + K[t] + h + Sigma1(e) + Ch(e,f,g); d += T1;
# h = T1 + Sigma0(a) + Maj(a,b,c) (h's registers become the new a, d's the new e). p holds b^c
# (a^b of the last round) and gets the Maj term; x gets a^b (p of the next round) and is a
# temporary before that. \k the offset of K[t] from KP.
        .macro  ROUND al, ah, bl, bh, cl, ch, dl, dh, el, eh, fl, fh, gl, gh, hl, hh, pl, ph, \
                xl, xh, k
        lw      SL, \k(KP)
        lw      SH, \k+4(KP)
        ADD64   T1L, T1H, SL, SH, SL
        ADD64   T1L, T1H, \hl, \hh, \hl
        BSIG1   SL, SH, \el, \eh, \xl, \xh
        ADD64   T1L, T1H, SL, SH, SL
        xor     SL, \fl, \gl
        xor     SH, \fh, \gh
        and     SL, SL, \el
        and     SH, SH, \eh
        xor     SL, SL, \gl
        xor     SH, SH, \gh
        ADD64   T1L, T1H, SL, SH, SL
        ADD64   \dl, \dh, T1L, T1H, SL
        BSIG0   SL, SH, \al, \ah, \xl, \xh
        addu    \hl, T1L, SL
        sltu    SL, \hl, SL
        addu    \hh, T1H, SH
        addu    \hh, \hh, SL
        xor     \xl, \al, \bl
        xor     \xh, \ah, \bh
        and     \pl, \pl, \xl
        and     \ph, \ph, \xh
        xor     \pl, \pl, \bl
        xor     \ph, \ph, \bh
        ADD64   \hl, \hh, \pl, \ph, \pl
        .endm

# H[i] += the variable in vl:vh, written back to state (KP = state here); the variable keeps
# the new H[i] for the next block.
        .macro  ADDH vl, vh, i
        lw      U, 8*\i+SLO(KP)
        lw      V, 8*\i+SHI(KP)
        ADD64   \vl, \vh, U, V, U
        sw      \vl, 8*\i+SLO(KP)
        sw      \vh, 8*\i+SHI(KP)
        .endm

        .macro  LDH vl, vh, i
        lw      \vl, 8*\i+SLO($4)
        lw      \vh, 8*\i+SHI($4)
        .endm

        .p2align 3
        .type   petrel_sha512_k_mips32r2, @object
petrel_sha512_k_mips32r2:
        .word   0xd728ae22, 0x428a2f98, 0x23ef65cd, 0x71374491
        .word   0xec4d3b2f, 0xb5c0fbcf, 0x8189dbbc, 0xe9b5dba5
        .word   0xf348b538, 0x3956c25b, 0xb605d019, 0x59f111f1
        .word   0xaf194f9b, 0x923f82a4, 0xda6d8118, 0xab1c5ed5
        .word   0xa3030242, 0xd807aa98, 0x45706fbe, 0x12835b01
        .word   0x4ee4b28c, 0x243185be, 0xd5ffb4e2, 0x550c7dc3
        .word   0xf27b896f, 0x72be5d74, 0x3b1696b1, 0x80deb1fe
        .word   0x25c71235, 0x9bdc06a7, 0xcf692694, 0xc19bf174
        .word   0x9ef14ad2, 0xe49b69c1, 0x384f25e3, 0xefbe4786
        .word   0x8b8cd5b5, 0x0fc19dc6, 0x77ac9c65, 0x240ca1cc
        .word   0x592b0275, 0x2de92c6f, 0x6ea6e483, 0x4a7484aa
        .word   0xbd41fbd4, 0x5cb0a9dc, 0x831153b5, 0x76f988da
        .word   0xee66dfab, 0x983e5152, 0x2db43210, 0xa831c66d
        .word   0x98fb213f, 0xb00327c8, 0xbeef0ee4, 0xbf597fc7
        .word   0x3da88fc2, 0xc6e00bf3, 0x930aa725, 0xd5a79147
        .word   0xe003826f, 0x06ca6351, 0x0a0e6e70, 0x14292967
        .word   0x46d22ffc, 0x27b70a85, 0x5c26c926, 0x2e1b2138
        .word   0x5ac42aed, 0x4d2c6dfc, 0x9d95b3df, 0x53380d13
        .word   0x8baf63de, 0x650a7354, 0x3c77b2a8, 0x766a0abb
        .word   0x47edaee6, 0x81c2c92e, 0x1482353b, 0x92722c85
        .word   0x4cf10364, 0xa2bfe8a1, 0xbc423001, 0xa81a664b
        .word   0xd0f89791, 0xc24b8b70, 0x0654be30, 0xc76c51a3
        .word   0xd6ef5218, 0xd192e819, 0x5565a910, 0xd6990624
        .word   0x5771202a, 0xf40e3585, 0x32bbd1b8, 0x106aa070
        .word   0xb8d2d0c8, 0x19a4c116, 0x5141ab53, 0x1e376c08
        .word   0xdf8eeb99, 0x2748774c, 0xe19b48a8, 0x34b0bcb5
        .word   0xc5c95a63, 0x391c0cb3, 0xe3418acb, 0x4ed8aa4a
        .word   0x7763e373, 0x5b9cca4f, 0xd6b2b8a3, 0x682e6ff3
        .word   0x5defb2fc, 0x748f82ee, 0x43172f60, 0x78a5636f
        .word   0xa1f0ab72, 0x84c87814, 0x1a6439ec, 0x8cc70208
        .word   0x23631e28, 0x90befffa, 0xde82bde9, 0xa4506ceb
        .word   0xb2c67915, 0xbef9a3f7, 0xe372532b, 0xc67178f2
        .word   0xea26619c, 0xca273ece, 0x21c0c207, 0xd186b8c7
        .word   0xcde0eb1e, 0xeada7dd6, 0xee6ed178, 0xf57d4f7f
        .word   0x72176fba, 0x06f067aa, 0xa2c898a6, 0x0a637dc5
        .word   0xbef90dae, 0x113f9804, 0x131c471b, 0x1b710b35
        .word   0x23047d84, 0x28db77f5, 0x40c72493, 0x32caab7b
        .word   0x15c9bebc, 0x3c9ebe0a, 0x9c100d4c, 0x431d67c4
        .word   0xcb3e42b6, 0x4cc5d4be, 0xfc657e2a, 0x597f299c
        .word   0x3ad6faec, 0x5fcb6fab, 0x4a475817, 0x6c44198c
        .size   petrel_sha512_k_mips32r2, . - petrel_sha512_k_mips32r2

        .globl  petrel_sha512_blocks_mips32r2
        .type   petrel_sha512_blocks_mips32r2, @function
        .ent    petrel_sha512_blocks_mips32r2
petrel_sha512_blocks_mips32r2:
        beqz    $6, .Lsha512_ret
        addiu   $sp, $sp, -F_SIZE               # (delay slot; undone at .Lsha512_ret)
        sw      $16, F_SAVE($sp)
        sw      $17, F_SAVE+4($sp)
        sw      $18, F_SAVE+8($sp)
        sw      $19, F_SAVE+12($sp)
        sw      $20, F_SAVE+16($sp)
        sw      $21, F_SAVE+20($sp)
        sw      $22, F_SAVE+24($sp)
        sw      $23, F_SAVE+28($sp)
        sw      $28, F_SAVE+32($sp)
        sw      $30, F_SAVE+36($sp)
        sw      $31, F_SAVE+40($sp)
        sw      $4, F_STATE($sp)
        LDH     VA, 0
        LDH     VB, 1
        LDH     VC, 2
        LDH     VD, 3
        LDH     VE, 4
        LDH     VF, 5
        LDH     VG, 6
        LDH     VH, 7
        sll     $6, $6, 7
        addu    $6, $5, $6
        sw      $6, F_END($sp)                  # end of the input
        bal     1f
        move    INP, $5                         # (delay slot) input pointer
1:      addiu   KP, $31, petrel_sha512_k_mips32r2 - 1b
        sw      KP, F_K($sp)                    # the constants
        addiu   U, KP, 640
        sw      U, F_KEND($sp)                  # their end
.Lsha512_block:
        xor     $24, $10, $12                   # PA = b^c for round 0
        xor     $25, $11, $13
        LOADW   0
        ROUND   VA, VB, VC, VD, VE, VF, VG, VH, PA, PB, 0
        LOADW   8
        ROUND   VH, VA, VB, VC, VD, VE, VF, VG, PB, PA, 8
        LOADW   16
        ROUND   VG, VH, VA, VB, VC, VD, VE, VF, PA, PB, 16
        LOADW   24
        ROUND   VF, VG, VH, VA, VB, VC, VD, VE, PB, PA, 24
        LOADW   32
        ROUND   VE, VF, VG, VH, VA, VB, VC, VD, PA, PB, 32
        LOADW   40
        ROUND   VD, VE, VF, VG, VH, VA, VB, VC, PB, PA, 40
        LOADW   48
        ROUND   VC, VD, VE, VF, VG, VH, VA, VB, PA, PB, 48
        LOADW   56
        ROUND   VB, VC, VD, VE, VF, VG, VH, VA, PB, PA, 56
        LOADW   64
        ROUND   VA, VB, VC, VD, VE, VF, VG, VH, PA, PB, 64
        LOADW   72
        ROUND   VH, VA, VB, VC, VD, VE, VF, VG, PB, PA, 72
        LOADW   80
        ROUND   VG, VH, VA, VB, VC, VD, VE, VF, PA, PB, 80
        LOADW   88
        ROUND   VF, VG, VH, VA, VB, VC, VD, VE, PB, PA, 88
        LOADW   96
        ROUND   VE, VF, VG, VH, VA, VB, VC, VD, PA, PB, 96
        LOADW   104
        ROUND   VD, VE, VF, VG, VH, VA, VB, VC, PB, PA, 104
        LOADW   112
        ROUND   VC, VD, VE, VF, VG, VH, VA, VB, PA, PB, 112
        LOADW   120
        ROUND   VB, VC, VD, VE, VF, VG, VH, VA, PB, PA, 120
        addiu   INP, INP, 128
        sw      INP, F_IN($sp)
        addiu   KP, KP, 128
.Lsha512_rounds:
        SCHED   112, 72, 8, 0, PB
        ROUND   VA, VB, VC, VD, VE, VF, VG, VH, PA, PB, 0
        SCHED   120, 80, 16, 8, PA
        ROUND   VH, VA, VB, VC, VD, VE, VF, VG, PB, PA, 8
        SCHED   0, 88, 24, 16, PB
        ROUND   VG, VH, VA, VB, VC, VD, VE, VF, PA, PB, 16
        SCHED   8, 96, 32, 24, PA
        ROUND   VF, VG, VH, VA, VB, VC, VD, VE, PB, PA, 24
        SCHED   16, 104, 40, 32, PB
        ROUND   VE, VF, VG, VH, VA, VB, VC, VD, PA, PB, 32
        SCHED   24, 112, 48, 40, PA
        ROUND   VD, VE, VF, VG, VH, VA, VB, VC, PB, PA, 40
        SCHED   32, 120, 56, 48, PB
        ROUND   VC, VD, VE, VF, VG, VH, VA, VB, PA, PB, 48
        SCHED   40, 0, 64, 56, PA
        ROUND   VB, VC, VD, VE, VF, VG, VH, VA, PB, PA, 56
        SCHED   48, 8, 72, 64, PB
        ROUND   VA, VB, VC, VD, VE, VF, VG, VH, PA, PB, 64
        SCHED   56, 16, 80, 72, PA
        ROUND   VH, VA, VB, VC, VD, VE, VF, VG, PB, PA, 72
        SCHED   64, 24, 88, 80, PB
        ROUND   VG, VH, VA, VB, VC, VD, VE, VF, PA, PB, 80
        SCHED   72, 32, 96, 88, PA
        ROUND   VF, VG, VH, VA, VB, VC, VD, VE, PB, PA, 88
        SCHED   80, 40, 104, 96, PB
        ROUND   VE, VF, VG, VH, VA, VB, VC, VD, PA, PB, 96
        SCHED   88, 48, 112, 104, PA
        ROUND   VD, VE, VF, VG, VH, VA, VB, VC, PB, PA, 104
        SCHED   96, 56, 120, 112, PB
        ROUND   VC, VD, VE, VF, VG, VH, VA, VB, PA, PB, 112
        SCHED   104, 64, 0, 120, PA
        ROUND   VB, VC, VD, VE, VF, VG, VH, VA, PB, PA, 120
        lw      U, F_KEND($sp)
        addiu   KP, KP, 128
        bne     KP, U, .Lsha512_rounds
        nop
        lw      KP, F_STATE($sp)
        ADDH    VA, 0
        ADDH    VB, 1
        ADDH    VC, 2
        ADDH    VD, 3
        ADDH    VE, 4
        ADDH    VF, 5
        ADDH    VG, 6
        ADDH    VH, 7
        lw      INP, F_IN($sp)
        lw      U, F_END($sp)
        bne     INP, U, .Lsha512_block
        lw      KP, F_K($sp)                    # (delay slot) the constants again
        # Wipe W (128 bytes).
        .irp    off, 0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120
        sw      $0, \off($sp)
        sw      $0, \off+4($sp)
        .endr
        lw      $16, F_SAVE($sp)
        lw      $17, F_SAVE+4($sp)
        lw      $18, F_SAVE+8($sp)
        lw      $19, F_SAVE+12($sp)
        lw      $20, F_SAVE+16($sp)
        lw      $21, F_SAVE+20($sp)
        lw      $22, F_SAVE+24($sp)
        lw      $23, F_SAVE+28($sp)
        lw      $28, F_SAVE+32($sp)
        lw      $30, F_SAVE+36($sp)
        lw      $31, F_SAVE+40($sp)
.Lsha512_ret:
        jr      $ra
        addiu   $sp, $sp, F_SIZE                # (delay slot)
        .end    petrel_sha512_blocks_mips32r2
        .size   petrel_sha512_blocks_mips32r2, . - petrel_sha512_blocks_mips32r2
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", @progbits
#endif
