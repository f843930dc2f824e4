# SHA-256 block function for MIPS32 Release 2 (either byte order): variant "mips32r2" of the
# SHA-256 table (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha256.cpp is the
# reference). FIPS 180-4 sections 6.2.2 (the 64 rounds) and 4.1.2 (the functions).
#
# Calling convention: O32.
#   void petrel_sha256_blocks_mips32r2(uint32_t state[8], const uint8_t* in, size_t nblocks)
#     $a0 state (H0..H7), $a1 in (any alignment), $a2 nblocks (may be 0).
# Register plan: $s0-$s7 the working variables a..h (roles rotate with the round in the macro
#   arguments, back in place after 8 rounds); the 16 schedule words W[t mod 16] all live in
#   registers: $t0-$t7, $a3, $v0, $v1, $t8, $t9, $at, $gp, $fp (in rounds 0-15 $fp is the input
#   pointer until W[15] replaces it); $a2 the round-constant pointer (constant: every round
#   finds K[t] at a fixed offset), $a0 the temporary, $a1/$ra a^b of this round and of the last
#   (Maj(a,b,c) = ((a^b)&(b^c))^b; the two swap each round; the free one is the schedule's
#   second temporary). Frame 96 bytes: $s0-$s7, $gp, $fp, $ra saved, then the state pointer,
#   the end of the input and the input pointer, then the chaining values H0..H7 (copied from the
#   state on entry, back on return; H7 is kept as H7 + K[0], which is round 0's h + K, so the
#   first round loads no K). No message word is stored to memory, and the working variables
#   are not reloaded per block: after the chaining add they are the next block's a..h. $gp is
#   restored before return (the function calls nothing and needs no GOT: the constants are
#   found PC-relative with BAL).
# Per round: Sigma1 and Sigma0 as nested ROTR/XOR (ROTR(ROTR(ROTR(e,14)^e,5)^e,6) is
#   ROTR 6 ^ 11 ^ 25, one temporary), Ch = ((f^g)&e)^g, Maj with the carried b^c, the K load and
#   seven adds: 24 instructions. The schedule adds 13 in rounds 16-63 (sigma0 and sigma1 as two
#   ROTR, XOR, SRL, XOR each, three adds); rounds 0-15 load big-endian words: LW when the input
#   is word-aligned (plus WSBH and ROTR 16 on little-endian), LWL/LWR otherwise: two copies of
#   the whole block loop, one for each, chosen once per call by the (public) alignment of the
#   input (a block of 64 bytes keeps it). All 64 rounds unrolled (4,555 instructions, 17.8 KiB
#   with both copies; a call runs one).
# Cost, counted from the code (aligned input, mipsel): 16 x (24 + 3) - 1 + 48 x (24 + 13) + 30
#   per 64-byte block (2 for the pointer, 24 for the chaining add, 4 for the loop test and b^c)
#   = 2,237, 34.95 per byte; mips 32 fewer per block (no WSBH/ROTR). Per call about 70.
# Constant-time status: no branch and no address depends on the state or the message; the
#   branches are the block count and the input's alignment (public). No multiplies.
# Measured (guest instructions per byte, 16 KiB in 4096-byte updates):
#   scripts/insn-count --target mipsel --n 16384 -- build/mipsel/bench/insn/petrel_insn_driver
#   sha256 {N}: 34.98 (hmac-sha256 36.92); --target mips (build/mips): 34.48 (36.42). Beside
#   OpenSSL and mbedTLS: the README section "Assembly: the SHA block functions".
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro
        .set    noat

# Frame offsets.
#define F_STATE 44
#define F_END 48
#define F_IN 52
#define F_H 64
#define F_SIZE 96

# W[t], t < 15, the big-endian word at $fp + \off: LW (\aligned) or LWL/LWR.
        .macro  LOADW w, off, aligned
        .if     \aligned
        lw      \w, \off($30)
#if defined(__MIPSEL__)
        wsbh    \w, \w
        rotr    \w, \w, 16
#endif
        .else
#if defined(__MIPSEL__)
        lwl     \w, \off+3($30)
        lwr     \w, \off($30)
        wsbh    \w, \w
        rotr    \w, \w, 16
#else
        lwl     \w, \off($30)
        lwr     \w, \off+3($30)
#endif
        .endif
        .endm

# W[15] into $fp, which held the input pointer: the next block's pointer goes to the frame.
        .macro  LOADW15 aligned
        addiu   $30, $30, 64
        sw      $30, F_IN($sp)                  # the next block
        .if     \aligned
        lw      $30, -4($30)
#if defined(__MIPSEL__)
        wsbh    $30, $30
        rotr    $30, $30, 16
#endif
        .else
#if defined(__MIPSEL__)
        lwl     $4, -1($30)
        lwr     $4, -4($30)
        wsbh    $4, $4
        rotr    $30, $4, 16
#else
        lwl     $4, -4($30)
        lwr     $4, -1($30)
        move    $30, $4
#endif
        .endif
        .endm

# W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], t >= 16, in place of W[t-16]
# (\w16); \tmp the free a^b register of the round.
        .macro  SCHED w16, w15, w2, w7, tmp
        rotr    $4, \w15, 11
        xor     $4, $4, \w15
        rotr    $4, $4, 7                       # ROTR 7 ^ ROTR 18
        srl     \tmp, \w15, 3
        xor     $4, $4, \tmp
        addu    \w16, \w16, $4                  # + sigma0(W[t-15])
        rotr    $4, \w2, 2
        xor     $4, $4, \w2
        rotr    $4, $4, 17                      # ROTR 17 ^ ROTR 19
        srl     \tmp, \w2, 10
        xor     $4, $4, \tmp
        addu    \w16, \w16, $4                  # + sigma1(W[t-2])
        addu    \w16, \w16, \w7                 # + W[t-7]
        .endm

# One round with W[t] in \w and K[t] at \k($a2) (already added to h if \kload = 0: round 0,
# whose h is H7 + K[0] from the frame):
# h += W + K + Sigma1(e) + Ch(e,f,g); d += h;
# h += Sigma0(a) + Maj(a,b,c). \tab gets a^b; \tbc holds b^c (the last round's a^b).
        .macro  ROUND a, b, c, d, e, f, g, h, w, k, tab, tbc, kload=1
        .if     \kload
        lw      $4, \k($6)
        .endif
        addu    \h, \h, \w
        .if     \kload
        addu    \h, \h, $4
        .endif
        rotr    $4, \e, 14
        xor     $4, $4, \e
        rotr    $4, $4, 5
        xor     $4, $4, \e
        rotr    $4, $4, 6
        addu    \h, \h, $4                      # Sigma1(e)
        xor     $4, \f, \g
        and     $4, $4, \e
        xor     $4, $4, \g
        addu    \h, \h, $4                      # Ch(e,f,g)
        addu    \d, \d, \h
        rotr    $4, \a, 9
        xor     $4, $4, \a
        rotr    $4, $4, 11
        xor     $4, $4, \a
        rotr    $4, $4, 2
        addu    \h, \h, $4                      # Sigma0(a) = ROTR 2 ^ 13 ^ 22
        xor     \tab, \a, \b
        and     \tbc, \tbc, \tab
        xor     \tbc, \tbc, \b
        addu    \h, \h, \tbc                    # Maj(a,b,c)
        .endm

# One 64-byte block: rounds 0-15 with the words loaded by LOADW (\aligned: LW, else LWL/LWR),
# rounds 16-63 with SCHED, the chaining add into the frame, and the branch back to \loop while
# input remains (its delay slot computes round 0's b^c for the next block).
        .macro  BLOCK aligned, loop
        LOADW   $8, 0, \aligned
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $8, 0, $5, $31, 0
        LOADW   $9, 4, \aligned
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $9, 4, $31, $5
        LOADW   $10, 8, \aligned
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $10, 8, $5, $31
        LOADW   $11, 12, \aligned
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $11, 12, $31, $5
        LOADW   $12, 16, \aligned
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $12, 16, $5, $31
        LOADW   $13, 20, \aligned
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $13, 20, $31, $5
        LOADW   $14, 24, \aligned
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $14, 24, $5, $31
        LOADW   $15, 28, \aligned
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $15, 28, $31, $5
        LOADW   $7, 32, \aligned
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $7, 32, $5, $31
        LOADW   $2, 36, \aligned
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $2, 36, $31, $5
        LOADW   $3, 40, \aligned
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $3, 40, $5, $31
        LOADW   $24, 44, \aligned
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $24, 44, $31, $5
        LOADW   $25, 48, \aligned
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $25, 48, $5, $31
        LOADW   $1, 52, \aligned
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $1, 52, $31, $5
        LOADW   $28, 56, \aligned
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $28, 56, $5, $31
        LOADW15 \aligned
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $30, 60, $31, $5
        SCHED   $8, $9, $28, $2, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $8, 64, $5, $31
        SCHED   $9, $10, $30, $3, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $9, 68, $31, $5
        SCHED   $10, $11, $8, $24, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $10, 72, $5, $31
        SCHED   $11, $12, $9, $25, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $11, 76, $31, $5
        SCHED   $12, $13, $10, $1, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $12, 80, $5, $31
        SCHED   $13, $14, $11, $28, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $13, 84, $31, $5
        SCHED   $14, $15, $12, $30, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $14, 88, $5, $31
        SCHED   $15, $7, $13, $8, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $15, 92, $31, $5
        SCHED   $7, $2, $14, $9, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $7, 96, $5, $31
        SCHED   $2, $3, $15, $10, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $2, 100, $31, $5
        SCHED   $3, $24, $7, $11, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $3, 104, $5, $31
        SCHED   $24, $25, $2, $12, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $24, 108, $31, $5
        SCHED   $25, $1, $3, $13, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $25, 112, $5, $31
        SCHED   $1, $28, $24, $14, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $1, 116, $31, $5
        SCHED   $28, $30, $25, $15, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $28, 120, $5, $31
        SCHED   $30, $8, $1, $7, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $30, 124, $31, $5
        SCHED   $8, $9, $28, $2, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $8, 128, $5, $31
        SCHED   $9, $10, $30, $3, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $9, 132, $31, $5
        SCHED   $10, $11, $8, $24, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $10, 136, $5, $31
        SCHED   $11, $12, $9, $25, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $11, 140, $31, $5
        SCHED   $12, $13, $10, $1, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $12, 144, $5, $31
        SCHED   $13, $14, $11, $28, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $13, 148, $31, $5
        SCHED   $14, $15, $12, $30, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $14, 152, $5, $31
        SCHED   $15, $7, $13, $8, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $15, 156, $31, $5
        SCHED   $7, $2, $14, $9, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $7, 160, $5, $31
        SCHED   $2, $3, $15, $10, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $2, 164, $31, $5
        SCHED   $3, $24, $7, $11, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $3, 168, $5, $31
        SCHED   $24, $25, $2, $12, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $24, 172, $31, $5
        SCHED   $25, $1, $3, $13, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $25, 176, $5, $31
        SCHED   $1, $28, $24, $14, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $1, 180, $31, $5
        SCHED   $28, $30, $25, $15, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $28, 184, $5, $31
        SCHED   $30, $8, $1, $7, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $30, 188, $31, $5
        SCHED   $8, $9, $28, $2, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $8, 192, $5, $31
        SCHED   $9, $10, $30, $3, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $9, 196, $31, $5
        SCHED   $10, $11, $8, $24, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $10, 200, $5, $31
        SCHED   $11, $12, $9, $25, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $11, 204, $31, $5
        SCHED   $12, $13, $10, $1, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $12, 208, $5, $31
        SCHED   $13, $14, $11, $28, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $13, 212, $31, $5
        SCHED   $14, $15, $12, $30, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $14, 216, $5, $31
        SCHED   $15, $7, $13, $8, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $15, 220, $31, $5
        SCHED   $7, $2, $14, $9, $5
        ROUND   $16, $17, $18, $19, $20, $21, $22, $23, $7, 224, $5, $31
        SCHED   $2, $3, $15, $10, $31
        ROUND   $23, $16, $17, $18, $19, $20, $21, $22, $2, 228, $31, $5
        SCHED   $3, $24, $7, $11, $5
        ROUND   $22, $23, $16, $17, $18, $19, $20, $21, $3, 232, $5, $31
        SCHED   $24, $25, $2, $12, $31
        ROUND   $21, $22, $23, $16, $17, $18, $19, $20, $24, 236, $31, $5
        SCHED   $25, $1, $3, $13, $5
        ROUND   $20, $21, $22, $23, $16, $17, $18, $19, $25, 240, $5, $31
        SCHED   $1, $28, $24, $14, $31
        ROUND   $19, $20, $21, $22, $23, $16, $17, $18, $1, 244, $31, $5
        SCHED   $28, $30, $25, $15, $5
        ROUND   $18, $19, $20, $21, $22, $23, $16, $17, $28, 248, $5, $31
        SCHED   $30, $8, $1, $7, $31
        ROUND   $17, $18, $19, $20, $21, $22, $23, $16, $30, 252, $31, $5
        lw      $5, F_H($sp)                    # the chaining add (H7 keeps its + K[0])
        addu    $16, $16, $5
        sw      $16, F_H($sp)
        lw      $5, F_H+4($sp)
        addu    $17, $17, $5
        sw      $17, F_H+4($sp)
        lw      $5, F_H+8($sp)
        addu    $18, $18, $5
        sw      $18, F_H+8($sp)
        lw      $5, F_H+12($sp)
        addu    $19, $19, $5
        sw      $19, F_H+12($sp)
        lw      $5, F_H+16($sp)
        addu    $20, $20, $5
        sw      $20, F_H+16($sp)
        lw      $5, F_H+20($sp)
        addu    $21, $21, $5
        sw      $21, F_H+20($sp)
        lw      $5, F_H+24($sp)
        addu    $22, $22, $5
        sw      $22, F_H+24($sp)
        lw      $5, F_H+28($sp)
        addu    $23, $23, $5
        sw      $23, F_H+28($sp)
        lw      $30, F_IN($sp)
        lw      $5, F_END($sp)
        bne     $30, $5, \loop              # the next block
        xor     $31, $17, $18                   # (delay slot) b^c for round 0
        .endm

        .p2align 2
        .type   petrel_sha256_k_mips32r2, @object
petrel_sha256_k_mips32r2:
        .word   0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5
        .word   0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
        .word   0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3
        .word   0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
        .word   0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc
        .word   0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
        .word   0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7
        .word   0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
        .word   0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13
        .word   0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
        .word   0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3
        .word   0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
        .word   0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5
        .word   0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
        .word   0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208
        .word   0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
        .size   petrel_sha256_k_mips32r2, . - petrel_sha256_k_mips32r2

        .globl  petrel_sha256_blocks_mips32r2
        .type   petrel_sha256_blocks_mips32r2, @function
        .ent    petrel_sha256_blocks_mips32r2
petrel_sha256_blocks_mips32r2:
        beqz    $6, .Lsha256_ret
        addiu   $sp, $sp, -F_SIZE               # (delay slot; undone at .Lsha256_ret)
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
        lw      $16, 0($4)
        lw      $17, 4($4)
        lw      $18, 8($4)
        lw      $19, 12($4)
        lw      $20, 16($4)
        lw      $21, 20($4)
        lw      $22, 24($4)
        lw      $23, 28($4)
        sll     $6, $6, 6
        addu    $6, $5, $6
        sw      $6, F_END($sp)                  # end of the input
        bal     1f
        move    $30, $5                         # (delay slot) input pointer
1:      addiu   $6, $31, petrel_sha256_k_mips32r2 - 1b
        lw      $4, 0($6)
        addu    $23, $23, $4                    # H7 + K[0]: round 0's K add, done once
        sw      $16, F_H($sp)                   # the chaining values live in the frame
        sw      $17, F_H+4($sp)
        sw      $18, F_H+8($sp)
        sw      $19, F_H+12($sp)
        sw      $20, F_H+16($sp)
        sw      $21, F_H+20($sp)
        sw      $22, F_H+24($sp)
        sw      $23, F_H+28($sp)                # (H7 + K[0])
        andi    $4, $30, 3                      # the alignment (public), once per call
        bnez    $4, .Lsha256_unaligned
        xor     $31, $17, $18                   # (delay slot) b^c for round 0
.Lsha256_block:                                 # word-aligned input
        BLOCK   1, .Lsha256_block
        lw      $4, F_STATE($sp)
.Lsha256_exit:
        lw      $5, 0($6)
        subu    $23, $23, $5                    # H7 without the K[0]
        sw      $16, 0($4)
        sw      $17, 4($4)
        sw      $18, 8($4)
        sw      $19, 12($4)
        sw      $20, 16($4)
        sw      $21, 20($4)
        sw      $22, 24($4)
        sw      $23, 28($4)
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
.Lsha256_ret:
        jr      $ra
        addiu   $sp, $sp, F_SIZE                # (delay slot)
.Lsha256_unaligned:                             # the same with LWL/LWR
        BLOCK   0, .Lsha256_unaligned
        b       .Lsha256_exit
        lw      $4, F_STATE($sp)                # (delay slot)
        .end    petrel_sha256_blocks_mips32r2
        .size   petrel_sha256_blocks_mips32r2, . - petrel_sha256_blocks_mips32r2
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", @progbits
#endif
