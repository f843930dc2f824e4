@ SHA-256 block function, ARM state, ARMv4 baseline: variant "armv4" of the SHA-256 table
@ (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha256.cpp is the reference).
@ FIPS 180-4 sections 6.2.2 (the 64 rounds) and 4.1.2 (the functions).
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ pop {..., pc}, which interworks on ARMv5T and later).
@   void petrel_sha256_blocks_armv4(uint32_t state[8], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H7), r1 in (any alignment), r2 nblocks (may be 0). No return value.
@
@ Register plan: r4-r11 the working variables a..h (their roles rotate with the round in the
@   macro arguments, so no value moves; after 8 rounds they are back in place), lr the round
@   constant pointer, r3/ip a^b of this round and of the last (Maj(a,b,c) = ((a^b)&(b^c))^b, the
@   two swap each round), r2 W[t] then K[t] and Ch, r0 the Sigma temporaries, r1 the input
@   pointer in rounds 0-15 and W[t-16] (loaded as W[t-15] by the round before) in rounds 16-63.
@   Stack: 64 bytes W[t mod 16], then the state pointer, the input pointer, the end of the input
@   and the end of the constants; saves r4-r11 and lr (36 bytes). 116 bytes in all. W is wiped
@   before return.
@ Per round: Sigma1 = ror(e ^ ror(e,5) ^ ror(e,19), 6) and Sigma0 = ror(a ^ ror(a,11) ^
@   ror(a,20), 2) as two EORs and the rotated ADD; Ch = ((f^g)&e)^g; 18 instructions. The message
@   schedule adds 13 (3 loads, sigma0 and sigma1 as 3 each, 3 adds, the store) in rounds 16-63;
@   rounds 0-15 load big-endian words: LDR + REV where the target is ARMv6 or later (armhf),
@   else 4 LDRB and 3 ORR (ARMv4/ARMv5TE: armel, any alignment either way).
@
@ Constant-time status: no branch and no address depends on the state or the message; the only
@   branches are the block count and the fixed round loop. (No multiplies, so the ARM926EJ-S
@   early-termination caveat of crypto/bignum/arm/mul_add_armv4.S does not arise.)
@
@ Measured (scripts/perf-table --targets armel --algs "sha256 hmac-sha256", guest instructions
@   per byte, 16 KiB): armel sha256 35.49 (portable C++) -> 30.29, hmac-sha256 37.07 -> 31.65
@   (OpenSSL 31.15 / 32.82). Counted per 64-byte block: 16 x (18 + 8) + 48 x (18 + 13) + about
@   40 on ARMv5TE; 5 fewer per load round on ARMv6+: armhf (--targets armhf) 34.30 -> 29.04,
@   hmac-sha256 35.84 -> 30.33 (OpenSSL's NEON code 23.77 / 25.18).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arm
        .text

@ W[t] into r2 and its slot, for t < 16; r1 advances by 4. r0 is free at a round's start.
        .macro  LOADW i
#if defined(__ARM_ARCH) && __ARM_ARCH >= 6
        ldr     r2, [r1], #4
        rev     r2, r2
#else
        ldrb    r2, [r1, #3]
        ldrb    r0, [r1, #2]
        orr     r2, r2, r0, lsl #8
        ldrb    r0, [r1, #1]
        orr     r2, r2, r0, lsl #16
        ldrb    r0, [r1], #4
        orr     r2, r2, r0, lsl #24
#endif
        str     r2, [sp, #4*\i]
        .endm

@ W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16] into r2 and slot i = t mod 16.
@ r1 holds W[t-16] on entry and W[t-15] (the next round's W[t-16]) on exit. r0 and r3/ip are
@ free here: the a^b register of this round is written only at the round's end.
        .macro  SCHED i, scr
        ldr     r0, [sp, #4*((\i+14)&15)]       @ W[t-2]
        ldr     r2, [sp, #4*((\i+9)&15)]        @ W[t-7]
        add     r2, r2, r1                      @ + W[t-16]
        ldr     r1, [sp, #4*((\i+1)&15)]        @ W[t-15]
        eor     \scr, r0, r0, ror #2
        mov     r0, r0, lsr #10
        eor     r0, r0, \scr, ror #17            @ sigma1(W[t-2])
        add     r2, r2, r0
        eor     \scr, r1, r1, ror #11
        mov     r0, r1, lsr #3
        eor     r0, r0, \scr, ror #7             @ sigma0(W[t-15])
        add     r2, r2, r0
        str     r2, [sp, #4*\i]
        .endm

@ One round with W[t] in r2: h += Sigma1(e) + Ch(e,f,g) + K[t] + W[t]; d += h;
@ h += Sigma0(a) + Maj(a,b,c). tab gets a^b; tbc holds b^c (the last round's a^b).
        .macro  ROUND a, b, c, d, e, f, g, h, tab, tbc
        add     \h, \h, r2                      @ h += W[t]
        ldr     r2, [lr], #4                    @ K[t]
        eor     r0, \e, \e, ror #5
        add     \h, \h, r2
        eor     r0, r0, \e, ror #19
        eor     r2, \f, \g
        add     \h, \h, r0, ror #6              @ h += Sigma1(e)
        and     r2, r2, \e
        eor     r2, r2, \g
        add     \h, \h, r2                      @ h += Ch(e,f,g)
        eor     r0, \a, \a, ror #11
        add     \d, \d, \h
        eor     r0, r0, \a, ror #20
        eor     \tab, \a, \b
        add     \h, \h, r0, ror #2              @ h += Sigma0(a)
        and     \tbc, \tbc, \tab
        eor     \tbc, \tbc, \b
        add     \h, \h, \tbc                    @ h += Maj(a,b,c)
        .endm

        .type   petrel_sha256_k_armv4, %object
        .p2align 2
petrel_sha256_k_armv4:
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
        .size   petrel_sha256_k_armv4, . - petrel_sha256_k_armv4

        .global petrel_sha256_blocks_armv4
        .type   petrel_sha256_blocks_armv4, %function
        .p2align 2
petrel_sha256_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r11, lr}
        sub     sp, sp, #80
        add     r2, r1, r2, lsl #6              @ end of the input
        str     r0, [sp, #64]
        str     r2, [sp, #72]
        adr     r3, petrel_sha256_k_armv4
        add     r3, r3, #256
        str     r3, [sp, #76]                   @ end of the constants
.Lsha256_block:
        ldr     r0, [sp, #64]
        ldmia   r0, {r4-r11}                    @ a..h
        adr     lr, petrel_sha256_k_armv4
        eor     ip, r5, r6                      @ b^c for round 0
        LOADW   0
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        LOADW   1
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3
        LOADW   2
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        LOADW   3
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3
        LOADW   4
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        LOADW   5
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3
        LOADW   6
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        LOADW   7
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3
        LOADW   8
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        LOADW   9
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3
        LOADW   10
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        LOADW   11
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3
        LOADW   12
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        LOADW   13
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3
        LOADW   14
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        LOADW   15
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3
        str     r1, [sp, #68]                   @ the next block
        ldr     r1, [sp, #0]                    @ W[0] = W[16-16]
.Lsha256_rounds:
        SCHED   0, r3
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        SCHED   1, ip
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3
        SCHED   2, r3
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        SCHED   3, ip
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3
        SCHED   4, r3
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        SCHED   5, ip
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3
        SCHED   6, r3
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        SCHED   7, ip
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3
        SCHED   8, r3
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        SCHED   9, ip
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3
        SCHED   10, r3
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        SCHED   11, ip
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3
        SCHED   12, r3
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        SCHED   13, ip
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3
        SCHED   14, r3
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        SCHED   15, ip
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3
        ldr     r0, [sp, #76]
        cmp     lr, r0
        bne     .Lsha256_rounds
        ldr     r0, [sp, #64]
        ldmia   r0, {r1, r2, r3, ip}
        add     r4, r4, r1
        add     r5, r5, r2
        add     r6, r6, r3
        add     r7, r7, ip
        add     r0, r0, #16
        ldmia   r0, {r1, r2, r3, ip}
        add     r8, r8, r1
        add     r9, r9, r2
        add     r10, r10, r3
        add     r11, r11, ip
        sub     r0, r0, #16
        stmia   r0, {r4-r11}
        ldr     r1, [sp, #68]
        ldr     r2, [sp, #72]
        cmp     r1, r2
        bne     .Lsha256_block
        mov     r0, #0                          @ wipe W
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        stmia   sp, {r0-r3}
        add     ip, sp, #16
        stmia   ip!, {r0-r3}
        stmia   ip!, {r0-r3}
        stmia   ip!, {r0-r3}
        add     sp, sp, #80
        pop     {r4-r11, pc}
        .size   petrel_sha256_blocks_armv4, . - petrel_sha256_blocks_armv4
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", %progbits
#endif
