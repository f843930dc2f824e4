# SHA-256 block function for MIPS32 Release 2 (either byte order): variant "mips32r2" of the
# SHA-256 table (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha256.cpp is the
# reference). FIPS 180-4 sections 6.2.2 (the 64 rounds) and 4.1.2 (the functions).
#
# Calling convention: O32.
#   void petrel_sha256_blocks_mips32r2(uint32_t state[8], const uint8_t* in, size_t nblocks)
#     $a0 state (H0..H7), $a1 in (any alignment: LWL/LWR), $a2 nblocks (may be 0).
# Register plan: $s0-$s7 the working variables a..h (roles rotate with the round in the
#   generated code, back in place after 8 rounds); the 16 schedule words W[t mod 16] all live in
#   registers: $t0-$t7, $a3, $v0, $v1, $t8, $t9, $at, $gp, $fp (in rounds 0-15 $fp is the input
#   pointer until W[15] replaces it); $a2 the round constant pointer, $a0 the temporary, $a1/$ra
#   a^b of this round and of the last (Maj(a,b,c) = ((a^b)&(b^c))^b; the two swap each round).
#   Frame 64 bytes: $s0-$s7, $gp, $fp, $ra saved, then the state pointer, the end of the input,
#   the constants' start and end, and the input pointer. No message word is stored to memory.
#   $gp is restored before return (the function calls nothing and needs no GOT: the constants
#   are found PC-relative with BAL).
# Per round: Sigma1 and Sigma0 as three ROTR and two XOR each, Ch = ((f^g)&e)^g, the K load and
#   seven adds: 24 instructions. The schedule adds 13 in rounds 16-63 (sigma0 and sigma1 as two
#   ROTR, SRL and two XOR each, three adds); rounds 0-15 load big-endian words with LWL/LWR
#   (plus WSBH and ROTR on little-endian).
# Constant-time status: no branch and no address depends on the state or the message; the
#   branches are the block count and the fixed round loop. No multiplies.
# Measured (scripts/perf-table --targets mipsel --algs "sha256 hmac-sha256", guest
#   instructions per byte, 16 KiB): mipsel sha256 38.78 (portable C++) -> 35.68, hmac-sha256
#   40.67 -> 37.38 (OpenSSL 38.23 / 40.31). Big-endian mips saves the WSBH/ROTR of the loads
#   (not measured: no baseline there).
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro
        .set    noat

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
        addiu   $sp, $sp, -64                   # (delay slot; undone at .Lsha256_ret)
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
        sw      $4, 44($sp)                     # state
        sll     $6, $6, 6
        addu    $6, $5, $6
        sw      $6, 48($sp)                     # end of the input
        bal     1f
        move    $30, $5                         # (delay slot) input pointer
1:      addiu   $6, $31, petrel_sha256_k_mips32r2 - 1b
        sw      $6, 52($sp)                     # the constants
        addiu   $6, $6, 256
        sw      $6, 56($sp)                     # their end
.Lsha256_block:
        lw      $4, 44($sp)
        lw      $6, 52($sp)
        lw      $16, 0($4)
        lw      $17, 4($4)
        lw      $18, 8($4)
        lw      $19, 12($4)
        lw      $20, 16($4)
        lw      $21, 20($4)
        lw      $22, 24($4)
        lw      $23, 28($4)
        xor     $31, $17, $18                   # b^c for round 0
#if defined(__MIPSEL__)
        lwl     $8, 3($30)
        lwr     $8, 0($30)
        wsbh    $8, $8
        rotr    $8, $8, 16
#else
        lwl     $8, 0($30)
        lwr     $8, 3($30)
#endif
        lw      $4, 0($6)
        addu    $23, $23, $8
        addu    $23, $23, $4
        rotr    $4, $20, 6
        rotr    $5, $20, 11
        xor     $4, $4, $5
        rotr    $5, $20, 25
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma1(e)
        xor     $4, $21, $22
        and     $4, $4, $20
        xor     $4, $4, $22
        addu    $23, $23, $4              # Ch(e,f,g)
        addu    $19, $19, $23
        rotr    $4, $16, 2
        rotr    $5, $16, 13
        xor     $4, $4, $5
        rotr    $5, $16, 22
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma0(a)
        xor     $5, $16, $17
        and     $31, $31, $5
        xor     $31, $31, $17
        addu    $23, $23, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $9, 7($30)
        lwr     $9, 4($30)
        wsbh    $9, $9
        rotr    $9, $9, 16
#else
        lwl     $9, 4($30)
        lwr     $9, 7($30)
#endif
        lw      $4, 4($6)
        addu    $22, $22, $9
        addu    $22, $22, $4
        rotr    $4, $19, 6
        rotr    $31, $19, 11
        xor     $4, $4, $31
        rotr    $31, $19, 25
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma1(e)
        xor     $4, $20, $21
        and     $4, $4, $19
        xor     $4, $4, $21
        addu    $22, $22, $4              # Ch(e,f,g)
        addu    $18, $18, $22
        rotr    $4, $23, 2
        rotr    $31, $23, 13
        xor     $4, $4, $31
        rotr    $31, $23, 22
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma0(a)
        xor     $31, $23, $16
        and     $5, $5, $31
        xor     $5, $5, $16
        addu    $22, $22, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $10, 11($30)
        lwr     $10, 8($30)
        wsbh    $10, $10
        rotr    $10, $10, 16
#else
        lwl     $10, 8($30)
        lwr     $10, 11($30)
#endif
        lw      $4, 8($6)
        addu    $21, $21, $10
        addu    $21, $21, $4
        rotr    $4, $18, 6
        rotr    $5, $18, 11
        xor     $4, $4, $5
        rotr    $5, $18, 25
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma1(e)
        xor     $4, $19, $20
        and     $4, $4, $18
        xor     $4, $4, $20
        addu    $21, $21, $4              # Ch(e,f,g)
        addu    $17, $17, $21
        rotr    $4, $22, 2
        rotr    $5, $22, 13
        xor     $4, $4, $5
        rotr    $5, $22, 22
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma0(a)
        xor     $5, $22, $23
        and     $31, $31, $5
        xor     $31, $31, $23
        addu    $21, $21, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $11, 15($30)
        lwr     $11, 12($30)
        wsbh    $11, $11
        rotr    $11, $11, 16
#else
        lwl     $11, 12($30)
        lwr     $11, 15($30)
#endif
        lw      $4, 12($6)
        addu    $20, $20, $11
        addu    $20, $20, $4
        rotr    $4, $17, 6
        rotr    $31, $17, 11
        xor     $4, $4, $31
        rotr    $31, $17, 25
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma1(e)
        xor     $4, $18, $19
        and     $4, $4, $17
        xor     $4, $4, $19
        addu    $20, $20, $4              # Ch(e,f,g)
        addu    $16, $16, $20
        rotr    $4, $21, 2
        rotr    $31, $21, 13
        xor     $4, $4, $31
        rotr    $31, $21, 22
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma0(a)
        xor     $31, $21, $22
        and     $5, $5, $31
        xor     $5, $5, $22
        addu    $20, $20, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $12, 19($30)
        lwr     $12, 16($30)
        wsbh    $12, $12
        rotr    $12, $12, 16
#else
        lwl     $12, 16($30)
        lwr     $12, 19($30)
#endif
        lw      $4, 16($6)
        addu    $19, $19, $12
        addu    $19, $19, $4
        rotr    $4, $16, 6
        rotr    $5, $16, 11
        xor     $4, $4, $5
        rotr    $5, $16, 25
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma1(e)
        xor     $4, $17, $18
        and     $4, $4, $16
        xor     $4, $4, $18
        addu    $19, $19, $4              # Ch(e,f,g)
        addu    $23, $23, $19
        rotr    $4, $20, 2
        rotr    $5, $20, 13
        xor     $4, $4, $5
        rotr    $5, $20, 22
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma0(a)
        xor     $5, $20, $21
        and     $31, $31, $5
        xor     $31, $31, $21
        addu    $19, $19, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $13, 23($30)
        lwr     $13, 20($30)
        wsbh    $13, $13
        rotr    $13, $13, 16
#else
        lwl     $13, 20($30)
        lwr     $13, 23($30)
#endif
        lw      $4, 20($6)
        addu    $18, $18, $13
        addu    $18, $18, $4
        rotr    $4, $23, 6
        rotr    $31, $23, 11
        xor     $4, $4, $31
        rotr    $31, $23, 25
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma1(e)
        xor     $4, $16, $17
        and     $4, $4, $23
        xor     $4, $4, $17
        addu    $18, $18, $4              # Ch(e,f,g)
        addu    $22, $22, $18
        rotr    $4, $19, 2
        rotr    $31, $19, 13
        xor     $4, $4, $31
        rotr    $31, $19, 22
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma0(a)
        xor     $31, $19, $20
        and     $5, $5, $31
        xor     $5, $5, $20
        addu    $18, $18, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $14, 27($30)
        lwr     $14, 24($30)
        wsbh    $14, $14
        rotr    $14, $14, 16
#else
        lwl     $14, 24($30)
        lwr     $14, 27($30)
#endif
        lw      $4, 24($6)
        addu    $17, $17, $14
        addu    $17, $17, $4
        rotr    $4, $22, 6
        rotr    $5, $22, 11
        xor     $4, $4, $5
        rotr    $5, $22, 25
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma1(e)
        xor     $4, $23, $16
        and     $4, $4, $22
        xor     $4, $4, $16
        addu    $17, $17, $4              # Ch(e,f,g)
        addu    $21, $21, $17
        rotr    $4, $18, 2
        rotr    $5, $18, 13
        xor     $4, $4, $5
        rotr    $5, $18, 22
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma0(a)
        xor     $5, $18, $19
        and     $31, $31, $5
        xor     $31, $31, $19
        addu    $17, $17, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $15, 31($30)
        lwr     $15, 28($30)
        wsbh    $15, $15
        rotr    $15, $15, 16
#else
        lwl     $15, 28($30)
        lwr     $15, 31($30)
#endif
        lw      $4, 28($6)
        addu    $16, $16, $15
        addu    $16, $16, $4
        rotr    $4, $21, 6
        rotr    $31, $21, 11
        xor     $4, $4, $31
        rotr    $31, $21, 25
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma1(e)
        xor     $4, $22, $23
        and     $4, $4, $21
        xor     $4, $4, $23
        addu    $16, $16, $4              # Ch(e,f,g)
        addu    $20, $20, $16
        rotr    $4, $17, 2
        rotr    $31, $17, 13
        xor     $4, $4, $31
        rotr    $31, $17, 22
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma0(a)
        xor     $31, $17, $18
        and     $5, $5, $31
        xor     $5, $5, $18
        addu    $16, $16, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $7, 35($30)
        lwr     $7, 32($30)
        wsbh    $7, $7
        rotr    $7, $7, 16
#else
        lwl     $7, 32($30)
        lwr     $7, 35($30)
#endif
        lw      $4, 32($6)
        addu    $23, $23, $7
        addu    $23, $23, $4
        rotr    $4, $20, 6
        rotr    $5, $20, 11
        xor     $4, $4, $5
        rotr    $5, $20, 25
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma1(e)
        xor     $4, $21, $22
        and     $4, $4, $20
        xor     $4, $4, $22
        addu    $23, $23, $4              # Ch(e,f,g)
        addu    $19, $19, $23
        rotr    $4, $16, 2
        rotr    $5, $16, 13
        xor     $4, $4, $5
        rotr    $5, $16, 22
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma0(a)
        xor     $5, $16, $17
        and     $31, $31, $5
        xor     $31, $31, $17
        addu    $23, $23, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $2, 39($30)
        lwr     $2, 36($30)
        wsbh    $2, $2
        rotr    $2, $2, 16
#else
        lwl     $2, 36($30)
        lwr     $2, 39($30)
#endif
        lw      $4, 36($6)
        addu    $22, $22, $2
        addu    $22, $22, $4
        rotr    $4, $19, 6
        rotr    $31, $19, 11
        xor     $4, $4, $31
        rotr    $31, $19, 25
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma1(e)
        xor     $4, $20, $21
        and     $4, $4, $19
        xor     $4, $4, $21
        addu    $22, $22, $4              # Ch(e,f,g)
        addu    $18, $18, $22
        rotr    $4, $23, 2
        rotr    $31, $23, 13
        xor     $4, $4, $31
        rotr    $31, $23, 22
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma0(a)
        xor     $31, $23, $16
        and     $5, $5, $31
        xor     $5, $5, $16
        addu    $22, $22, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $3, 43($30)
        lwr     $3, 40($30)
        wsbh    $3, $3
        rotr    $3, $3, 16
#else
        lwl     $3, 40($30)
        lwr     $3, 43($30)
#endif
        lw      $4, 40($6)
        addu    $21, $21, $3
        addu    $21, $21, $4
        rotr    $4, $18, 6
        rotr    $5, $18, 11
        xor     $4, $4, $5
        rotr    $5, $18, 25
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma1(e)
        xor     $4, $19, $20
        and     $4, $4, $18
        xor     $4, $4, $20
        addu    $21, $21, $4              # Ch(e,f,g)
        addu    $17, $17, $21
        rotr    $4, $22, 2
        rotr    $5, $22, 13
        xor     $4, $4, $5
        rotr    $5, $22, 22
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma0(a)
        xor     $5, $22, $23
        and     $31, $31, $5
        xor     $31, $31, $23
        addu    $21, $21, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $24, 47($30)
        lwr     $24, 44($30)
        wsbh    $24, $24
        rotr    $24, $24, 16
#else
        lwl     $24, 44($30)
        lwr     $24, 47($30)
#endif
        lw      $4, 44($6)
        addu    $20, $20, $24
        addu    $20, $20, $4
        rotr    $4, $17, 6
        rotr    $31, $17, 11
        xor     $4, $4, $31
        rotr    $31, $17, 25
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma1(e)
        xor     $4, $18, $19
        and     $4, $4, $17
        xor     $4, $4, $19
        addu    $20, $20, $4              # Ch(e,f,g)
        addu    $16, $16, $20
        rotr    $4, $21, 2
        rotr    $31, $21, 13
        xor     $4, $4, $31
        rotr    $31, $21, 22
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma0(a)
        xor     $31, $21, $22
        and     $5, $5, $31
        xor     $5, $5, $22
        addu    $20, $20, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $25, 51($30)
        lwr     $25, 48($30)
        wsbh    $25, $25
        rotr    $25, $25, 16
#else
        lwl     $25, 48($30)
        lwr     $25, 51($30)
#endif
        lw      $4, 48($6)
        addu    $19, $19, $25
        addu    $19, $19, $4
        rotr    $4, $16, 6
        rotr    $5, $16, 11
        xor     $4, $4, $5
        rotr    $5, $16, 25
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma1(e)
        xor     $4, $17, $18
        and     $4, $4, $16
        xor     $4, $4, $18
        addu    $19, $19, $4              # Ch(e,f,g)
        addu    $23, $23, $19
        rotr    $4, $20, 2
        rotr    $5, $20, 13
        xor     $4, $4, $5
        rotr    $5, $20, 22
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma0(a)
        xor     $5, $20, $21
        and     $31, $31, $5
        xor     $31, $31, $21
        addu    $19, $19, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $1, 55($30)
        lwr     $1, 52($30)
        wsbh    $1, $1
        rotr    $1, $1, 16
#else
        lwl     $1, 52($30)
        lwr     $1, 55($30)
#endif
        lw      $4, 52($6)
        addu    $18, $18, $1
        addu    $18, $18, $4
        rotr    $4, $23, 6
        rotr    $31, $23, 11
        xor     $4, $4, $31
        rotr    $31, $23, 25
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma1(e)
        xor     $4, $16, $17
        and     $4, $4, $23
        xor     $4, $4, $17
        addu    $18, $18, $4              # Ch(e,f,g)
        addu    $22, $22, $18
        rotr    $4, $19, 2
        rotr    $31, $19, 13
        xor     $4, $4, $31
        rotr    $31, $19, 22
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma0(a)
        xor     $31, $19, $20
        and     $5, $5, $31
        xor     $5, $5, $20
        addu    $18, $18, $5             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $28, 59($30)
        lwr     $28, 56($30)
        wsbh    $28, $28
        rotr    $28, $28, 16
#else
        lwl     $28, 56($30)
        lwr     $28, 59($30)
#endif
        lw      $4, 56($6)
        addu    $17, $17, $28
        addu    $17, $17, $4
        rotr    $4, $22, 6
        rotr    $5, $22, 11
        xor     $4, $4, $5
        rotr    $5, $22, 25
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma1(e)
        xor     $4, $23, $16
        and     $4, $4, $22
        xor     $4, $4, $16
        addu    $17, $17, $4              # Ch(e,f,g)
        addu    $21, $21, $17
        rotr    $4, $18, 2
        rotr    $5, $18, 13
        xor     $4, $4, $5
        rotr    $5, $18, 22
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma0(a)
        xor     $5, $18, $19
        and     $31, $31, $5
        xor     $31, $31, $19
        addu    $17, $17, $31             # Maj(a,b,c)
#if defined(__MIPSEL__)
        lwl     $4, 63($30)
        lwr     $4, 60($30)
        addiu   $30, $30, 64
        sw      $30, 60($sp)                # the next block
        wsbh    $4, $4
        rotr    $30, $4, 16
#else
        lwl     $4, 60($30)
        lwr     $4, 63($30)
        addiu   $30, $30, 64
        sw      $30, 60($sp)                # the next block
        move    $30, $4
#endif
        lw      $4, 60($6)
        addu    $16, $16, $30
        addu    $16, $16, $4
        rotr    $4, $21, 6
        rotr    $31, $21, 11
        xor     $4, $4, $31
        rotr    $31, $21, 25
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma1(e)
        xor     $4, $22, $23
        and     $4, $4, $21
        xor     $4, $4, $23
        addu    $16, $16, $4              # Ch(e,f,g)
        addu    $20, $20, $16
        rotr    $4, $17, 2
        rotr    $31, $17, 13
        xor     $4, $4, $31
        rotr    $31, $17, 22
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma0(a)
        xor     $31, $17, $18
        and     $5, $5, $31
        xor     $5, $5, $18
        addu    $16, $16, $5             # Maj(a,b,c)
.Lsha256_rounds:
        addiu   $6, $6, 64
        rotr    $4, $9, 7
        rotr    $5, $9, 18
        xor     $4, $4, $5
        srl     $5, $9, 3
        xor     $4, $4, $5
        addu    $8, $8, $4              # + sigma0(W[t-15])
        rotr    $4, $28, 17
        rotr    $5, $28, 19
        xor     $4, $4, $5
        srl     $5, $28, 10
        xor     $4, $4, $5
        addu    $8, $8, $4              # + sigma1(W[t-2])
        addu    $8, $8, $2              # + W[t-7]
        lw      $4, 0($6)
        addu    $23, $23, $8
        addu    $23, $23, $4
        rotr    $4, $20, 6
        rotr    $5, $20, 11
        xor     $4, $4, $5
        rotr    $5, $20, 25
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma1(e)
        xor     $4, $21, $22
        and     $4, $4, $20
        xor     $4, $4, $22
        addu    $23, $23, $4              # Ch(e,f,g)
        addu    $19, $19, $23
        rotr    $4, $16, 2
        rotr    $5, $16, 13
        xor     $4, $4, $5
        rotr    $5, $16, 22
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma0(a)
        xor     $5, $16, $17
        and     $31, $31, $5
        xor     $31, $31, $17
        addu    $23, $23, $31             # Maj(a,b,c)
        rotr    $4, $10, 7
        rotr    $31, $10, 18
        xor     $4, $4, $31
        srl     $31, $10, 3
        xor     $4, $4, $31
        addu    $9, $9, $4              # + sigma0(W[t-15])
        rotr    $4, $30, 17
        rotr    $31, $30, 19
        xor     $4, $4, $31
        srl     $31, $30, 10
        xor     $4, $4, $31
        addu    $9, $9, $4              # + sigma1(W[t-2])
        addu    $9, $9, $3              # + W[t-7]
        lw      $4, 4($6)
        addu    $22, $22, $9
        addu    $22, $22, $4
        rotr    $4, $19, 6
        rotr    $31, $19, 11
        xor     $4, $4, $31
        rotr    $31, $19, 25
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma1(e)
        xor     $4, $20, $21
        and     $4, $4, $19
        xor     $4, $4, $21
        addu    $22, $22, $4              # Ch(e,f,g)
        addu    $18, $18, $22
        rotr    $4, $23, 2
        rotr    $31, $23, 13
        xor     $4, $4, $31
        rotr    $31, $23, 22
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma0(a)
        xor     $31, $23, $16
        and     $5, $5, $31
        xor     $5, $5, $16
        addu    $22, $22, $5             # Maj(a,b,c)
        rotr    $4, $11, 7
        rotr    $5, $11, 18
        xor     $4, $4, $5
        srl     $5, $11, 3
        xor     $4, $4, $5
        addu    $10, $10, $4              # + sigma0(W[t-15])
        rotr    $4, $8, 17
        rotr    $5, $8, 19
        xor     $4, $4, $5
        srl     $5, $8, 10
        xor     $4, $4, $5
        addu    $10, $10, $4              # + sigma1(W[t-2])
        addu    $10, $10, $24              # + W[t-7]
        lw      $4, 8($6)
        addu    $21, $21, $10
        addu    $21, $21, $4
        rotr    $4, $18, 6
        rotr    $5, $18, 11
        xor     $4, $4, $5
        rotr    $5, $18, 25
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma1(e)
        xor     $4, $19, $20
        and     $4, $4, $18
        xor     $4, $4, $20
        addu    $21, $21, $4              # Ch(e,f,g)
        addu    $17, $17, $21
        rotr    $4, $22, 2
        rotr    $5, $22, 13
        xor     $4, $4, $5
        rotr    $5, $22, 22
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma0(a)
        xor     $5, $22, $23
        and     $31, $31, $5
        xor     $31, $31, $23
        addu    $21, $21, $31             # Maj(a,b,c)
        rotr    $4, $12, 7
        rotr    $31, $12, 18
        xor     $4, $4, $31
        srl     $31, $12, 3
        xor     $4, $4, $31
        addu    $11, $11, $4              # + sigma0(W[t-15])
        rotr    $4, $9, 17
        rotr    $31, $9, 19
        xor     $4, $4, $31
        srl     $31, $9, 10
        xor     $4, $4, $31
        addu    $11, $11, $4              # + sigma1(W[t-2])
        addu    $11, $11, $25              # + W[t-7]
        lw      $4, 12($6)
        addu    $20, $20, $11
        addu    $20, $20, $4
        rotr    $4, $17, 6
        rotr    $31, $17, 11
        xor     $4, $4, $31
        rotr    $31, $17, 25
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma1(e)
        xor     $4, $18, $19
        and     $4, $4, $17
        xor     $4, $4, $19
        addu    $20, $20, $4              # Ch(e,f,g)
        addu    $16, $16, $20
        rotr    $4, $21, 2
        rotr    $31, $21, 13
        xor     $4, $4, $31
        rotr    $31, $21, 22
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma0(a)
        xor     $31, $21, $22
        and     $5, $5, $31
        xor     $5, $5, $22
        addu    $20, $20, $5             # Maj(a,b,c)
        rotr    $4, $13, 7
        rotr    $5, $13, 18
        xor     $4, $4, $5
        srl     $5, $13, 3
        xor     $4, $4, $5
        addu    $12, $12, $4              # + sigma0(W[t-15])
        rotr    $4, $10, 17
        rotr    $5, $10, 19
        xor     $4, $4, $5
        srl     $5, $10, 10
        xor     $4, $4, $5
        addu    $12, $12, $4              # + sigma1(W[t-2])
        addu    $12, $12, $1              # + W[t-7]
        lw      $4, 16($6)
        addu    $19, $19, $12
        addu    $19, $19, $4
        rotr    $4, $16, 6
        rotr    $5, $16, 11
        xor     $4, $4, $5
        rotr    $5, $16, 25
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma1(e)
        xor     $4, $17, $18
        and     $4, $4, $16
        xor     $4, $4, $18
        addu    $19, $19, $4              # Ch(e,f,g)
        addu    $23, $23, $19
        rotr    $4, $20, 2
        rotr    $5, $20, 13
        xor     $4, $4, $5
        rotr    $5, $20, 22
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma0(a)
        xor     $5, $20, $21
        and     $31, $31, $5
        xor     $31, $31, $21
        addu    $19, $19, $31             # Maj(a,b,c)
        rotr    $4, $14, 7
        rotr    $31, $14, 18
        xor     $4, $4, $31
        srl     $31, $14, 3
        xor     $4, $4, $31
        addu    $13, $13, $4              # + sigma0(W[t-15])
        rotr    $4, $11, 17
        rotr    $31, $11, 19
        xor     $4, $4, $31
        srl     $31, $11, 10
        xor     $4, $4, $31
        addu    $13, $13, $4              # + sigma1(W[t-2])
        addu    $13, $13, $28              # + W[t-7]
        lw      $4, 20($6)
        addu    $18, $18, $13
        addu    $18, $18, $4
        rotr    $4, $23, 6
        rotr    $31, $23, 11
        xor     $4, $4, $31
        rotr    $31, $23, 25
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma1(e)
        xor     $4, $16, $17
        and     $4, $4, $23
        xor     $4, $4, $17
        addu    $18, $18, $4              # Ch(e,f,g)
        addu    $22, $22, $18
        rotr    $4, $19, 2
        rotr    $31, $19, 13
        xor     $4, $4, $31
        rotr    $31, $19, 22
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma0(a)
        xor     $31, $19, $20
        and     $5, $5, $31
        xor     $5, $5, $20
        addu    $18, $18, $5             # Maj(a,b,c)
        rotr    $4, $15, 7
        rotr    $5, $15, 18
        xor     $4, $4, $5
        srl     $5, $15, 3
        xor     $4, $4, $5
        addu    $14, $14, $4              # + sigma0(W[t-15])
        rotr    $4, $12, 17
        rotr    $5, $12, 19
        xor     $4, $4, $5
        srl     $5, $12, 10
        xor     $4, $4, $5
        addu    $14, $14, $4              # + sigma1(W[t-2])
        addu    $14, $14, $30              # + W[t-7]
        lw      $4, 24($6)
        addu    $17, $17, $14
        addu    $17, $17, $4
        rotr    $4, $22, 6
        rotr    $5, $22, 11
        xor     $4, $4, $5
        rotr    $5, $22, 25
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma1(e)
        xor     $4, $23, $16
        and     $4, $4, $22
        xor     $4, $4, $16
        addu    $17, $17, $4              # Ch(e,f,g)
        addu    $21, $21, $17
        rotr    $4, $18, 2
        rotr    $5, $18, 13
        xor     $4, $4, $5
        rotr    $5, $18, 22
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma0(a)
        xor     $5, $18, $19
        and     $31, $31, $5
        xor     $31, $31, $19
        addu    $17, $17, $31             # Maj(a,b,c)
        rotr    $4, $7, 7
        rotr    $31, $7, 18
        xor     $4, $4, $31
        srl     $31, $7, 3
        xor     $4, $4, $31
        addu    $15, $15, $4              # + sigma0(W[t-15])
        rotr    $4, $13, 17
        rotr    $31, $13, 19
        xor     $4, $4, $31
        srl     $31, $13, 10
        xor     $4, $4, $31
        addu    $15, $15, $4              # + sigma1(W[t-2])
        addu    $15, $15, $8              # + W[t-7]
        lw      $4, 28($6)
        addu    $16, $16, $15
        addu    $16, $16, $4
        rotr    $4, $21, 6
        rotr    $31, $21, 11
        xor     $4, $4, $31
        rotr    $31, $21, 25
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma1(e)
        xor     $4, $22, $23
        and     $4, $4, $21
        xor     $4, $4, $23
        addu    $16, $16, $4              # Ch(e,f,g)
        addu    $20, $20, $16
        rotr    $4, $17, 2
        rotr    $31, $17, 13
        xor     $4, $4, $31
        rotr    $31, $17, 22
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma0(a)
        xor     $31, $17, $18
        and     $5, $5, $31
        xor     $5, $5, $18
        addu    $16, $16, $5             # Maj(a,b,c)
        rotr    $4, $2, 7
        rotr    $5, $2, 18
        xor     $4, $4, $5
        srl     $5, $2, 3
        xor     $4, $4, $5
        addu    $7, $7, $4              # + sigma0(W[t-15])
        rotr    $4, $14, 17
        rotr    $5, $14, 19
        xor     $4, $4, $5
        srl     $5, $14, 10
        xor     $4, $4, $5
        addu    $7, $7, $4              # + sigma1(W[t-2])
        addu    $7, $7, $9              # + W[t-7]
        lw      $4, 32($6)
        addu    $23, $23, $7
        addu    $23, $23, $4
        rotr    $4, $20, 6
        rotr    $5, $20, 11
        xor     $4, $4, $5
        rotr    $5, $20, 25
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma1(e)
        xor     $4, $21, $22
        and     $4, $4, $20
        xor     $4, $4, $22
        addu    $23, $23, $4              # Ch(e,f,g)
        addu    $19, $19, $23
        rotr    $4, $16, 2
        rotr    $5, $16, 13
        xor     $4, $4, $5
        rotr    $5, $16, 22
        xor     $4, $4, $5
        addu    $23, $23, $4              # Sigma0(a)
        xor     $5, $16, $17
        and     $31, $31, $5
        xor     $31, $31, $17
        addu    $23, $23, $31             # Maj(a,b,c)
        rotr    $4, $3, 7
        rotr    $31, $3, 18
        xor     $4, $4, $31
        srl     $31, $3, 3
        xor     $4, $4, $31
        addu    $2, $2, $4              # + sigma0(W[t-15])
        rotr    $4, $15, 17
        rotr    $31, $15, 19
        xor     $4, $4, $31
        srl     $31, $15, 10
        xor     $4, $4, $31
        addu    $2, $2, $4              # + sigma1(W[t-2])
        addu    $2, $2, $10              # + W[t-7]
        lw      $4, 36($6)
        addu    $22, $22, $2
        addu    $22, $22, $4
        rotr    $4, $19, 6
        rotr    $31, $19, 11
        xor     $4, $4, $31
        rotr    $31, $19, 25
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma1(e)
        xor     $4, $20, $21
        and     $4, $4, $19
        xor     $4, $4, $21
        addu    $22, $22, $4              # Ch(e,f,g)
        addu    $18, $18, $22
        rotr    $4, $23, 2
        rotr    $31, $23, 13
        xor     $4, $4, $31
        rotr    $31, $23, 22
        xor     $4, $4, $31
        addu    $22, $22, $4              # Sigma0(a)
        xor     $31, $23, $16
        and     $5, $5, $31
        xor     $5, $5, $16
        addu    $22, $22, $5             # Maj(a,b,c)
        rotr    $4, $24, 7
        rotr    $5, $24, 18
        xor     $4, $4, $5
        srl     $5, $24, 3
        xor     $4, $4, $5
        addu    $3, $3, $4              # + sigma0(W[t-15])
        rotr    $4, $7, 17
        rotr    $5, $7, 19
        xor     $4, $4, $5
        srl     $5, $7, 10
        xor     $4, $4, $5
        addu    $3, $3, $4              # + sigma1(W[t-2])
        addu    $3, $3, $11              # + W[t-7]
        lw      $4, 40($6)
        addu    $21, $21, $3
        addu    $21, $21, $4
        rotr    $4, $18, 6
        rotr    $5, $18, 11
        xor     $4, $4, $5
        rotr    $5, $18, 25
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma1(e)
        xor     $4, $19, $20
        and     $4, $4, $18
        xor     $4, $4, $20
        addu    $21, $21, $4              # Ch(e,f,g)
        addu    $17, $17, $21
        rotr    $4, $22, 2
        rotr    $5, $22, 13
        xor     $4, $4, $5
        rotr    $5, $22, 22
        xor     $4, $4, $5
        addu    $21, $21, $4              # Sigma0(a)
        xor     $5, $22, $23
        and     $31, $31, $5
        xor     $31, $31, $23
        addu    $21, $21, $31             # Maj(a,b,c)
        rotr    $4, $25, 7
        rotr    $31, $25, 18
        xor     $4, $4, $31
        srl     $31, $25, 3
        xor     $4, $4, $31
        addu    $24, $24, $4              # + sigma0(W[t-15])
        rotr    $4, $2, 17
        rotr    $31, $2, 19
        xor     $4, $4, $31
        srl     $31, $2, 10
        xor     $4, $4, $31
        addu    $24, $24, $4              # + sigma1(W[t-2])
        addu    $24, $24, $12              # + W[t-7]
        lw      $4, 44($6)
        addu    $20, $20, $24
        addu    $20, $20, $4
        rotr    $4, $17, 6
        rotr    $31, $17, 11
        xor     $4, $4, $31
        rotr    $31, $17, 25
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma1(e)
        xor     $4, $18, $19
        and     $4, $4, $17
        xor     $4, $4, $19
        addu    $20, $20, $4              # Ch(e,f,g)
        addu    $16, $16, $20
        rotr    $4, $21, 2
        rotr    $31, $21, 13
        xor     $4, $4, $31
        rotr    $31, $21, 22
        xor     $4, $4, $31
        addu    $20, $20, $4              # Sigma0(a)
        xor     $31, $21, $22
        and     $5, $5, $31
        xor     $5, $5, $22
        addu    $20, $20, $5             # Maj(a,b,c)
        rotr    $4, $1, 7
        rotr    $5, $1, 18
        xor     $4, $4, $5
        srl     $5, $1, 3
        xor     $4, $4, $5
        addu    $25, $25, $4              # + sigma0(W[t-15])
        rotr    $4, $3, 17
        rotr    $5, $3, 19
        xor     $4, $4, $5
        srl     $5, $3, 10
        xor     $4, $4, $5
        addu    $25, $25, $4              # + sigma1(W[t-2])
        addu    $25, $25, $13              # + W[t-7]
        lw      $4, 48($6)
        addu    $19, $19, $25
        addu    $19, $19, $4
        rotr    $4, $16, 6
        rotr    $5, $16, 11
        xor     $4, $4, $5
        rotr    $5, $16, 25
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma1(e)
        xor     $4, $17, $18
        and     $4, $4, $16
        xor     $4, $4, $18
        addu    $19, $19, $4              # Ch(e,f,g)
        addu    $23, $23, $19
        rotr    $4, $20, 2
        rotr    $5, $20, 13
        xor     $4, $4, $5
        rotr    $5, $20, 22
        xor     $4, $4, $5
        addu    $19, $19, $4              # Sigma0(a)
        xor     $5, $20, $21
        and     $31, $31, $5
        xor     $31, $31, $21
        addu    $19, $19, $31             # Maj(a,b,c)
        rotr    $4, $28, 7
        rotr    $31, $28, 18
        xor     $4, $4, $31
        srl     $31, $28, 3
        xor     $4, $4, $31
        addu    $1, $1, $4              # + sigma0(W[t-15])
        rotr    $4, $24, 17
        rotr    $31, $24, 19
        xor     $4, $4, $31
        srl     $31, $24, 10
        xor     $4, $4, $31
        addu    $1, $1, $4              # + sigma1(W[t-2])
        addu    $1, $1, $14              # + W[t-7]
        lw      $4, 52($6)
        addu    $18, $18, $1
        addu    $18, $18, $4
        rotr    $4, $23, 6
        rotr    $31, $23, 11
        xor     $4, $4, $31
        rotr    $31, $23, 25
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma1(e)
        xor     $4, $16, $17
        and     $4, $4, $23
        xor     $4, $4, $17
        addu    $18, $18, $4              # Ch(e,f,g)
        addu    $22, $22, $18
        rotr    $4, $19, 2
        rotr    $31, $19, 13
        xor     $4, $4, $31
        rotr    $31, $19, 22
        xor     $4, $4, $31
        addu    $18, $18, $4              # Sigma0(a)
        xor     $31, $19, $20
        and     $5, $5, $31
        xor     $5, $5, $20
        addu    $18, $18, $5             # Maj(a,b,c)
        rotr    $4, $30, 7
        rotr    $5, $30, 18
        xor     $4, $4, $5
        srl     $5, $30, 3
        xor     $4, $4, $5
        addu    $28, $28, $4              # + sigma0(W[t-15])
        rotr    $4, $25, 17
        rotr    $5, $25, 19
        xor     $4, $4, $5
        srl     $5, $25, 10
        xor     $4, $4, $5
        addu    $28, $28, $4              # + sigma1(W[t-2])
        addu    $28, $28, $15              # + W[t-7]
        lw      $4, 56($6)
        addu    $17, $17, $28
        addu    $17, $17, $4
        rotr    $4, $22, 6
        rotr    $5, $22, 11
        xor     $4, $4, $5
        rotr    $5, $22, 25
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma1(e)
        xor     $4, $23, $16
        and     $4, $4, $22
        xor     $4, $4, $16
        addu    $17, $17, $4              # Ch(e,f,g)
        addu    $21, $21, $17
        rotr    $4, $18, 2
        rotr    $5, $18, 13
        xor     $4, $4, $5
        rotr    $5, $18, 22
        xor     $4, $4, $5
        addu    $17, $17, $4              # Sigma0(a)
        xor     $5, $18, $19
        and     $31, $31, $5
        xor     $31, $31, $19
        addu    $17, $17, $31             # Maj(a,b,c)
        rotr    $4, $8, 7
        rotr    $31, $8, 18
        xor     $4, $4, $31
        srl     $31, $8, 3
        xor     $4, $4, $31
        addu    $30, $30, $4              # + sigma0(W[t-15])
        rotr    $4, $1, 17
        rotr    $31, $1, 19
        xor     $4, $4, $31
        srl     $31, $1, 10
        xor     $4, $4, $31
        addu    $30, $30, $4              # + sigma1(W[t-2])
        addu    $30, $30, $7              # + W[t-7]
        lw      $4, 60($6)
        addu    $16, $16, $30
        addu    $16, $16, $4
        rotr    $4, $21, 6
        rotr    $31, $21, 11
        xor     $4, $4, $31
        rotr    $31, $21, 25
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma1(e)
        xor     $4, $22, $23
        and     $4, $4, $21
        xor     $4, $4, $23
        addu    $16, $16, $4              # Ch(e,f,g)
        addu    $20, $20, $16
        rotr    $4, $17, 2
        rotr    $31, $17, 13
        xor     $4, $4, $31
        rotr    $31, $17, 22
        xor     $4, $4, $31
        addu    $16, $16, $4              # Sigma0(a)
        xor     $31, $17, $18
        and     $5, $5, $31
        xor     $5, $5, $18
        addu    $16, $16, $5             # Maj(a,b,c)
        lw      $4, 56($sp)
        addiu   $6, $6, 64
        bne     $6, $4, .Lsha256_rounds
        addiu   $6, $6, -64                     # (delay slot) the loop's first ADDIU redoes it
        lw      $4, 44($sp)
        lw      $8, 0($4)
        lw      $9, 4($4)
        lw      $10, 8($4)
        lw      $11, 12($4)
        lw      $12, 16($4)
        lw      $13, 20($4)
        lw      $14, 24($4)
        lw      $15, 28($4)
        addu    $16, $16, $8
        addu    $17, $17, $9
        addu    $18, $18, $10
        addu    $19, $19, $11
        addu    $20, $20, $12
        addu    $21, $21, $13
        addu    $22, $22, $14
        addu    $23, $23, $15
        sw      $16, 0($4)
        sw      $17, 4($4)
        sw      $18, 8($4)
        sw      $19, 12($4)
        sw      $20, 16($4)
        sw      $21, 20($4)
        sw      $22, 24($4)
        sw      $23, 28($4)
        lw      $30, 60($sp)
        lw      $5, 48($sp)
        bne     $30, $5, .Lsha256_block
        nop
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
        addiu   $sp, $sp, 64                    # (delay slot)
        .end    petrel_sha256_blocks_mips32r2
        .size   petrel_sha256_blocks_mips32r2, . - petrel_sha256_blocks_mips32r2
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", @progbits
#endif
