# SHA-1 block function for MIPS32 Release 2 (either byte order): variant "mips32r2" of the SHA-1
# table (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha1.cpp is the reference).
# FIPS 180-4 sections 6.1.2 (the 80 rounds) and 4.1.1 (the functions).
#
# Calling convention: O32.
#   void petrel_sha1_blocks_mips32r2(uint32_t state[5], const uint8_t* in, size_t nblocks)
#     $a0 state (H0..H4), $a1 in (any alignment), $a2 nblocks (may be 0).
# Register plan (names are the cpp defines below): HA-HE the working variables a..e ($v0, $v1,
#   $a3, $t8, $t9; roles rotate with the round in the macro arguments, back in place after 5
#   rounds and so after 80); the 16 schedule words W[t mod 16] all live in registers, W0-W15 =
#   $t0-$t7, $s0-$s7; the four round constants stay in K1-K4 = $gp, $fp, $ra, $a0 for the whole
#   call; TMP = $at the one temporary; $a1 the input pointer, $a2 the end of the input.
#   Frame 72 bytes: $s0-$s7, $gp, $fp, $ra saved, the state pointer, and the chaining value
#   H0..H4 (copied from state at entry, written back once at the end). No message word is
#   stored to memory. $gp is restored before return (the function calls nothing and needs no
#   GOT; the constants are LUI/ORI immediates).
# Per round: rotl(a,5) as ROTR 27, Ch = ((c^d)&b)^d (3), parity (2), Maj = (b&c) + ((b^c)&d)
#   (3 plus an add), ROTR b by 2, and four adds (e += rotl(a,5) + f + K + W): 9, 8 and 10
#   instructions. The schedule W[t] = rotl(W[t-3]^W[t-8]^W[t-14]^W[t-16], 1) is 3 XOR and a
#   ROTR in place. Rounds 0-15 load big-endian words: LW when the input is word-aligned (plus
#   WSBH and ROTR 16 on little-endian), LWL/LWR otherwise; the alignment, which is the same for
#   every block of a call, picks one of two copies of the block loop (the LOOP macro) once per
#   call (2,118 instructions, 8.3 KiB, in all), so that no block pays an alignment test.
# Cost, counted from the code (aligned input): 972 instructions per block on mips, 1004 on
#   mipsel, plus 17 per block around them (the chaining value in the frame and the loop):
#   15.45 and 15.95 per byte. Misaligned input: +16 per block.
# Constant-time status: no branch and no address depends on the state or the message; the
#   branches are the block count and the input's alignment (public). No multiplies.
# Measured (scripts/perf-table --targets "mipsel mips" --algs "sha1", guest instructions per
#   byte, 16 KiB in 4096-byte updates, aligned): mipsel 16.96 (portable C++, README) -> 15.99
#   (OpenSSL 16.38, mbedTLS 19.79); mips 15.49 (no baseline there). The first version, with an
#   alignment test in every block, measured 16.02 on mipsel.
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro
        .set    noat

#define HA $2
#define HB $3
#define HC $7
#define HD $24
#define HE $25
#define W0 $8
#define W1 $9
#define W2 $10
#define W3 $11
#define W4 $12
#define W5 $13
#define W6 $14
#define W7 $15
#define W8 $16
#define W9 $17
#define W10 $18
#define W11 $19
#define W12 $20
#define W13 $21
#define W14 $22
#define W15 $23
#define K1 $28
#define K2 $30
#define K3 $31
#define K4 $4
#define TMP $1
#define INP $5
#define END $6

# Frame offsets.
#define F_STATE 44
#define F_H 48

# W[t], t < 16, from the input at \off: big-endian word, aligned (LW) or any (LWL/LWR).
        .macro  LOADW w, off, aligned
        .if     \aligned
        lw      \w, \off(INP)
#if defined(__MIPSEL__)
        wsbh    \w, \w
        rotr    \w, \w, 16
#endif
        .else
#if defined(__MIPSEL__)
        lwl     \w, \off+3(INP)
        lwr     \w, \off(INP)
        wsbh    \w, \w
        rotr    \w, \w, 16
#else
        lwl     \w, \off(INP)
        lwr     \w, \off+3(INP)
#endif
        .endif
        .endm

# W[t], t >= 16, in place of W[t-16] (\w).
        .macro  SCHED w, w3, w8, w14
        xor     \w, \w, \w14
        xor     \w, \w, \w8
        xor     \w, \w, \w3
        rotr    \w, \w, 31
        .endm

# One round, e += rotl(a,5) + f(b,c,d) + K + W; b = rotl(b,30). \kadd = 0 leaves out the K add
# (round 0 does it in the delay slot of the alignment branch).
        .macro  RCH a, b, c, d, e, w, k, kadd
        .if     \kadd
        addu    \e, \e, \k
        .endif
        rotr    TMP, \a, 27
        addu    \e, \e, \w
        addu    \e, \e, TMP
        xor     TMP, \c, \d
        and     TMP, TMP, \b
        xor     TMP, TMP, \d
        rotr    \b, \b, 2
        addu    \e, \e, TMP
        .endm

        .macro  RPAR a, b, c, d, e, w, k, kadd
        addu    \e, \e, \k
        rotr    TMP, \a, 27
        addu    \e, \e, \w
        addu    \e, \e, TMP
        xor     TMP, \b, \c
        xor     TMP, TMP, \d
        rotr    \b, \b, 2
        addu    \e, \e, TMP
        .endm

        .macro  RMAJ a, b, c, d, e, w, k, kadd
        addu    \e, \e, \k
        rotr    TMP, \a, 27
        addu    \e, \e, \w
        addu    \e, \e, TMP
        and     TMP, \b, \c
        addu    \e, \e, TMP
        xor     TMP, \b, \c
        and     TMP, TMP, \d
        rotr    \b, \b, 2
        addu    \e, \e, TMP
        .endm

# Rounds 0-15 (loads and Ch), without round 0's K add (done before the block: in the delay
# slot of the branch that starts the first block or repeats the loop).
        .macro  ROUNDS0_15 aligned
        LOADW   W0, 0, \aligned
        RCH    HA, HB, HC, HD, HE, W0, K1, 0
        LOADW   W1, 4, \aligned
        RCH    HE, HA, HB, HC, HD, W1, K1, 1
        LOADW   W2, 8, \aligned
        RCH    HD, HE, HA, HB, HC, W2, K1, 1
        LOADW   W3, 12, \aligned
        RCH    HC, HD, HE, HA, HB, W3, K1, 1
        LOADW   W4, 16, \aligned
        RCH    HB, HC, HD, HE, HA, W4, K1, 1
        LOADW   W5, 20, \aligned
        RCH    HA, HB, HC, HD, HE, W5, K1, 1
        LOADW   W6, 24, \aligned
        RCH    HE, HA, HB, HC, HD, W6, K1, 1
        LOADW   W7, 28, \aligned
        RCH    HD, HE, HA, HB, HC, W7, K1, 1
        LOADW   W8, 32, \aligned
        RCH    HC, HD, HE, HA, HB, W8, K1, 1
        LOADW   W9, 36, \aligned
        RCH    HB, HC, HD, HE, HA, W9, K1, 1
        LOADW   W10, 40, \aligned
        RCH    HA, HB, HC, HD, HE, W10, K1, 1
        LOADW   W11, 44, \aligned
        RCH    HE, HA, HB, HC, HD, W11, K1, 1
        LOADW   W12, 48, \aligned
        RCH    HD, HE, HA, HB, HC, W12, K1, 1
        LOADW   W13, 52, \aligned
        RCH    HC, HD, HE, HA, HB, W13, K1, 1
        LOADW   W14, 56, \aligned
        RCH    HB, HC, HD, HE, HA, W14, K1, 1
        LOADW   W15, 60, \aligned
        RCH    HA, HB, HC, HD, HE, W15, K1, 1
        .endm

# Rounds 16-79 (schedule, Ch, parity, Maj, parity).
        .macro  ROUNDS16_79
        SCHED   W0, W13, W8, W2
        RCH    HE, HA, HB, HC, HD, W0, K1, 1
        SCHED   W1, W14, W9, W3
        RCH    HD, HE, HA, HB, HC, W1, K1, 1
        SCHED   W2, W15, W10, W4
        RCH    HC, HD, HE, HA, HB, W2, K1, 1
        SCHED   W3, W0, W11, W5
        RCH    HB, HC, HD, HE, HA, W3, K1, 1
        SCHED   W4, W1, W12, W6
        RPAR   HA, HB, HC, HD, HE, W4, K2, 1
        SCHED   W5, W2, W13, W7
        RPAR   HE, HA, HB, HC, HD, W5, K2, 1
        SCHED   W6, W3, W14, W8
        RPAR   HD, HE, HA, HB, HC, W6, K2, 1
        SCHED   W7, W4, W15, W9
        RPAR   HC, HD, HE, HA, HB, W7, K2, 1
        SCHED   W8, W5, W0, W10
        RPAR   HB, HC, HD, HE, HA, W8, K2, 1
        SCHED   W9, W6, W1, W11
        RPAR   HA, HB, HC, HD, HE, W9, K2, 1
        SCHED   W10, W7, W2, W12
        RPAR   HE, HA, HB, HC, HD, W10, K2, 1
        SCHED   W11, W8, W3, W13
        RPAR   HD, HE, HA, HB, HC, W11, K2, 1
        SCHED   W12, W9, W4, W14
        RPAR   HC, HD, HE, HA, HB, W12, K2, 1
        SCHED   W13, W10, W5, W15
        RPAR   HB, HC, HD, HE, HA, W13, K2, 1
        SCHED   W14, W11, W6, W0
        RPAR   HA, HB, HC, HD, HE, W14, K2, 1
        SCHED   W15, W12, W7, W1
        RPAR   HE, HA, HB, HC, HD, W15, K2, 1
        SCHED   W0, W13, W8, W2
        RPAR   HD, HE, HA, HB, HC, W0, K2, 1
        SCHED   W1, W14, W9, W3
        RPAR   HC, HD, HE, HA, HB, W1, K2, 1
        SCHED   W2, W15, W10, W4
        RPAR   HB, HC, HD, HE, HA, W2, K2, 1
        SCHED   W3, W0, W11, W5
        RPAR   HA, HB, HC, HD, HE, W3, K2, 1
        SCHED   W4, W1, W12, W6
        RPAR   HE, HA, HB, HC, HD, W4, K2, 1
        SCHED   W5, W2, W13, W7
        RPAR   HD, HE, HA, HB, HC, W5, K2, 1
        SCHED   W6, W3, W14, W8
        RPAR   HC, HD, HE, HA, HB, W6, K2, 1
        SCHED   W7, W4, W15, W9
        RPAR   HB, HC, HD, HE, HA, W7, K2, 1
        SCHED   W8, W5, W0, W10
        RMAJ   HA, HB, HC, HD, HE, W8, K3, 1
        SCHED   W9, W6, W1, W11
        RMAJ   HE, HA, HB, HC, HD, W9, K3, 1
        SCHED   W10, W7, W2, W12
        RMAJ   HD, HE, HA, HB, HC, W10, K3, 1
        SCHED   W11, W8, W3, W13
        RMAJ   HC, HD, HE, HA, HB, W11, K3, 1
        SCHED   W12, W9, W4, W14
        RMAJ   HB, HC, HD, HE, HA, W12, K3, 1
        SCHED   W13, W10, W5, W15
        RMAJ   HA, HB, HC, HD, HE, W13, K3, 1
        SCHED   W14, W11, W6, W0
        RMAJ   HE, HA, HB, HC, HD, W14, K3, 1
        SCHED   W15, W12, W7, W1
        RMAJ   HD, HE, HA, HB, HC, W15, K3, 1
        SCHED   W0, W13, W8, W2
        RMAJ   HC, HD, HE, HA, HB, W0, K3, 1
        SCHED   W1, W14, W9, W3
        RMAJ   HB, HC, HD, HE, HA, W1, K3, 1
        SCHED   W2, W15, W10, W4
        RMAJ   HA, HB, HC, HD, HE, W2, K3, 1
        SCHED   W3, W0, W11, W5
        RMAJ   HE, HA, HB, HC, HD, W3, K3, 1
        SCHED   W4, W1, W12, W6
        RMAJ   HD, HE, HA, HB, HC, W4, K3, 1
        SCHED   W5, W2, W13, W7
        RMAJ   HC, HD, HE, HA, HB, W5, K3, 1
        SCHED   W6, W3, W14, W8
        RMAJ   HB, HC, HD, HE, HA, W6, K3, 1
        SCHED   W7, W4, W15, W9
        RMAJ   HA, HB, HC, HD, HE, W7, K3, 1
        SCHED   W8, W5, W0, W10
        RMAJ   HE, HA, HB, HC, HD, W8, K3, 1
        SCHED   W9, W6, W1, W11
        RMAJ   HD, HE, HA, HB, HC, W9, K3, 1
        SCHED   W10, W7, W2, W12
        RMAJ   HC, HD, HE, HA, HB, W10, K3, 1
        SCHED   W11, W8, W3, W13
        RMAJ   HB, HC, HD, HE, HA, W11, K3, 1
        SCHED   W12, W9, W4, W14
        RPAR   HA, HB, HC, HD, HE, W12, K4, 1
        SCHED   W13, W10, W5, W15
        RPAR   HE, HA, HB, HC, HD, W13, K4, 1
        SCHED   W14, W11, W6, W0
        RPAR   HD, HE, HA, HB, HC, W14, K4, 1
        SCHED   W15, W12, W7, W1
        RPAR   HC, HD, HE, HA, HB, W15, K4, 1
        SCHED   W0, W13, W8, W2
        RPAR   HB, HC, HD, HE, HA, W0, K4, 1
        SCHED   W1, W14, W9, W3
        RPAR   HA, HB, HC, HD, HE, W1, K4, 1
        SCHED   W2, W15, W10, W4
        RPAR   HE, HA, HB, HC, HD, W2, K4, 1
        SCHED   W3, W0, W11, W5
        RPAR   HD, HE, HA, HB, HC, W3, K4, 1
        SCHED   W4, W1, W12, W6
        RPAR   HC, HD, HE, HA, HB, W4, K4, 1
        SCHED   W5, W2, W13, W7
        RPAR   HB, HC, HD, HE, HA, W5, K4, 1
        SCHED   W6, W3, W14, W8
        RPAR   HA, HB, HC, HD, HE, W6, K4, 1
        SCHED   W7, W4, W15, W9
        RPAR   HE, HA, HB, HC, HD, W7, K4, 1
        SCHED   W8, W5, W0, W10
        RPAR   HD, HE, HA, HB, HC, W8, K4, 1
        SCHED   W9, W6, W1, W11
        RPAR   HC, HD, HE, HA, HB, W9, K4, 1
        SCHED   W10, W7, W2, W12
        RPAR   HB, HC, HD, HE, HA, W10, K4, 1
        SCHED   W11, W8, W3, W13
        RPAR   HA, HB, HC, HD, HE, W11, K4, 1
        SCHED   W12, W9, W4, W14
        RPAR   HE, HA, HB, HC, HD, W12, K4, 1
        SCHED   W13, W10, W5, W15
        RPAR   HD, HE, HA, HB, HC, W13, K4, 1
        SCHED   W14, W11, W6, W0
        RPAR   HC, HD, HE, HA, HB, W14, K4, 1
        SCHED   W15, W12, W7, W1
        RPAR   HB, HC, HD, HE, HA, W15, K4, 1
        .endm

# The chaining value H += working variables, in the frame.
        .macro  ADDH x, i
        lw      TMP, F_H+4*\i($sp)
        addu    \x, \x, TMP
        sw      \x, F_H+4*\i($sp)
        .endm


# The block loop for aligned (LW) or any (LWL/LWR) input; round 0's K is already in HE.
        .macro  LOOP aligned
1:      ROUNDS0_15 \aligned
        ROUNDS16_79
        ADDH    HA, 0
        ADDH    HB, 1
        ADDH    HC, 2
        ADDH    HD, 3
        ADDH    HE, 4
        addiu   INP, INP, 64
        bne     INP, END, 1b
        addu    HE, HE, K1                      # (delay slot) the next block's round-0 K
        subu    HE, HE, K1                      # no next block: undone
        .endm

        .globl  petrel_sha1_blocks_mips32r2
        .type   petrel_sha1_blocks_mips32r2, @function
        .ent    petrel_sha1_blocks_mips32r2
petrel_sha1_blocks_mips32r2:
        beqz    $6, .Lsha1_ret
        addiu   $sp, $sp, -72                   # (delay slot; undone at .Lsha1_ret)
        sw      $16, 0($sp)
        sw      $17, 4($sp)
        sw      $18, 8($sp)
        sw      $19, 12($sp)
        sw      $20, 16($sp)
        sw      $21, 20($sp)
        sw      $22, 24($sp)
        sw      $23, 28($sp)
        sw      $28, 32($sp)
        sw      $30, 36($sp)
        sw      $31, 40($sp)
        sw      $4, F_STATE($sp)
        lw      HA, 0($4)
        lw      HB, 4($4)
        lw      HC, 8($4)
        lw      HD, 12($4)
        lw      HE, 16($4)
        sw      HA, F_H($sp)
        sw      HB, F_H+4($sp)
        sw      HC, F_H+8($sp)
        sw      HD, F_H+12($sp)
        sw      HE, F_H+16($sp)
        sll     END, $6, 6
        addu    END, INP, END                   # end of the input
        lui     K1, 0x5a82
        ori     K1, K1, 0x7999
        lui     K2, 0x6ed9
        ori     K2, K2, 0xeba1
        lui     K3, 0x8f1b
        ori     K3, K3, 0xbcdc
        lui     K4, 0xca62
        ori     K4, K4, 0xc1d6
        andi    TMP, INP, 3                     # the alignment, the same for every block
        bnez    TMP, .Lsha1_unaligned
        addu    HE, HE, K1                      # (delay slot) round 0's K
        LOOP    1
        b       .Lsha1_out
        nop
.Lsha1_unaligned:
        LOOP    0
.Lsha1_out:
        lw      $4, F_STATE($sp)
        sw      HA, 0($4)
        sw      HB, 4($4)
        sw      HC, 8($4)
        sw      HD, 12($4)
        sw      HE, 16($4)
        lw      $16, 0($sp)
        lw      $17, 4($sp)
        lw      $18, 8($sp)
        lw      $19, 12($sp)
        lw      $20, 16($sp)
        lw      $21, 20($sp)
        lw      $22, 24($sp)
        lw      $23, 28($sp)
        lw      $28, 32($sp)
        lw      $30, 36($sp)
        lw      $31, 40($sp)
.Lsha1_ret:
        jr      $ra
        addiu   $sp, $sp, 72                    # (delay slot)
        .end    petrel_sha1_blocks_mips32r2
        .size   petrel_sha1_blocks_mips32r2, . - petrel_sha1_blocks_mips32r2
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", @progbits
#endif
