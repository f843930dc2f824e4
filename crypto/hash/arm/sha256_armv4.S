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
@   two swap each round), r2 W[t] then K[t] and Ch, r0 the Sigma temporaries, r1 W[t-16]
@   (loaded as W[t-15] by the round before) in rounds 16-63; r0/r1 W[t] + K[t] of two rounds
@   (LDRD) in rounds 0-15.
@   Stack: 64 bytes W[t mod 16], 64 bytes W[t] + K[t] for rounds 0-15, then the state pointer,
@   the input pointer, the end of the input and the end of the constants; saves r4-r11 and lr
@   (36 bytes). 184 bytes in all, so that sp stays 8-aligned for LDRD. W and W + K are wiped
@   before return.
@ Per block, first a message pass with all registers free: the 16 big-endian words by LDM and
@   a three-instruction byte swap with the mask 0x00ff00ff (REV on ARMv6+; LDRB/ORR when the
@   input is not word-aligned, chosen per block), stored as W and as W + K (LDM of K, four ADD,
@   STM): 5 instructions per word. Rounds 0-15 then add W + K with one ADD (two rounds' values
@   by one LDRD).
@ Per round: Sigma1 = ror(e ^ ror(e,5) ^ ror(e,19), 6) and Sigma0 = ror(a ^ ror(a,11) ^
@   ror(a,20), 2) as two EORs and the rotated ADD; Ch = ((f^g)&e)^g; 18 instructions. Rounds
@   16-63 load K two at a time (LDM into r2 and r3, the free a^b register of even rounds) and
@   add K[t+1] into g, the next round's h, once Ch is done: 17.5 per round. The message
@   schedule adds 13 (3 loads, sigma0 and sigma1 as 3 each, 3 adds, the store) in rounds 16-63.
@
@ Constant-time status: no branch and no address depends on the state or the message; the only
@   branches are the block count, the input's alignment (public) and the fixed round loop.
@   (No multiplies, so the ARM926EJ-S early-termination caveat of
@   crypto/bignum/arm/mul_add_armv4.S does not arise.)
@
@ Measured (scripts/perf-table --targets armel --algs "sha256 hmac-sha256", guest instructions
@   per byte, 16 KiB): armel sha256 35.49 (portable C++) -> 30.29 (the first version), hmac-sha256
@   37.07 -> 31.65 (OpenSSL 31.15 / 32.82); armhf 34.30 -> 29.04 (OpenSSL's NEON code 23.77).
@   With the message pass and the paired K loads (scripts/insn-count --target armel --n 16384
@   -- build/armel/bench/insn/petrel_insn_driver sha256 {N}): armel 28.87; the README has the
@   perf-table run.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arm
        .text

#if (defined(__ARM_ARCH) && __ARM_ARCH >= 6) || defined(__ARM_ARCH_5TE__) || \
    defined(__ARM_ARCH_5TEJ__)
#define PETREL_HAVE_LDRD 1
#endif

#define F_W 0
#define F_X 64
#define F_STATE 128
#define F_IN 132
#define F_END 136
#define F_KEND 140
@ F_SIZE plus the 36 bytes pushed is a multiple of 8: sp stays 8-aligned for LDRD.
#define F_SIZE 148

@ The byte swap of a loaded word \x: REV on ARMv6+, else three instructions with the mask
@ 0x00ff00ff in r2 (r3 the temporary): ror(x & m, 8) | (ror(x, 24) & m).
        .macro  BSWAP x
#if defined(__ARM_ARCH) && __ARM_ARCH >= 6
        rev     \x, \x
#else
        and     r3, r2, \x, ror #24
        and     \x, \x, r2
        orr     \x, r3, \x, ror #8
#endif
        .endm

@ Four big-endian message words into r4-r7 (r1 advances by 16): one LDM where the input is
@ word-aligned (\aligned = 1); else LDR (ARMv6+, which allows unaligned LDR) or four LDRB and
@ three ORR per word.
        .macro  LOAD4 aligned
        .if     \aligned
        ldmia   r1!, {r4-r7}
        BSWAP   r4
        BSWAP   r5
        BSWAP   r6
        BSWAP   r7
        .else
#if defined(__ARM_ARCH) && __ARM_ARCH >= 6
        ldr     r4, [r1], #4
        ldr     r5, [r1], #4
        ldr     r6, [r1], #4
        ldr     r7, [r1], #4
        rev     r4, r4
        rev     r5, r5
        rev     r6, r6
        rev     r7, r7
#else
        .irp    w, r4, r5, r6, r7
        ldrb    \w, [r1, #3]
        ldrb    r3, [r1, #2]
        orr     \w, \w, r3, lsl #8
        ldrb    r3, [r1, #1]
        orr     \w, \w, r3, lsl #16
        ldrb    r3, [r1], #4
        orr     \w, \w, r3, lsl #24
        .endr
#endif
        .endif
        .endm

@ The message pass before rounds 0-15: W[0..15] to [sp, #F_W], W[t] + K[t] to [sp, #F_X]
@ (r0 and ip the two pointers, lr the constants, which it leaves at K[16]).
        .macro  PREPASS aligned
        .rept   4
        LOAD4   \aligned
        stmia   r0!, {r4-r7}
        ldmia   lr!, {r8-r11}
        add     r4, r4, r8
        add     r5, r5, r9
        add     r6, r6, r10
        add     r7, r7, r11
        stmia   ip!, {r4-r7}
        .endr
        .endm

@ X[t] = W[t] + K[t] and X[t+1] for the rounds t, t+1 < 16 (t even) into r0 and r1.
        .macro  LOADX i
#if defined(PETREL_HAVE_LDRD)
        ldrd    r0, r1, [sp, #F_X+4*\i]
#else
        ldr     r0, [sp, #F_X+4*\i]
        ldr     r1, [sp, #F_X+4*\i+4]
#endif
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

@ One round with W[t] in \w (r2; K[t] loaded and added), or W[t] + K[t] in \w (r0 or r1;
@ rounds 0-15, \k = 0): h += Sigma1(e) + Ch(e,f,g) + K[t] + W[t]; d += h;
@ h += Sigma0(a) + Maj(a,b,c). tab gets a^b; tbc holds b^c (the last round's a^b).
        .macro  ROUND a, b, c, d, e, f, g, h, tab, tbc, w=r2, k=1
        add     \h, \h, \w                      @ h += W[t] (+ K[t])
        .if     \k == 1
        ldmia   lr!, {r2, r3}                   @ K[t], K[t+1]
        eor     r0, \e, \e, ror #5
        add     \h, \h, r2
        .else
        eor     r0, \e, \e, ror #5
        .endif
        eor     r0, r0, \e, ror #19
        eor     r2, \f, \g
        add     \h, \h, r0, ror #6              @ h += Sigma1(e)
        and     r2, r2, \e
        eor     r2, r2, \g
        add     \h, \h, r2                      @ h += Ch(e,f,g)
        .if     \k == 1
        add     \g, \g, r3                      @ K[t+1] into the next round's h
        .endif
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
.Lsha256_mask:
        .word   0x00ff00ff

        .global petrel_sha256_blocks_armv4
        .type   petrel_sha256_blocks_armv4, %function
        .p2align 2
petrel_sha256_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r11, lr}
        sub     sp, sp, #F_SIZE
        add     r2, r1, r2, lsl #6              @ end of the input
        str     r0, [sp, #F_STATE]
        str     r2, [sp, #F_END]
        adr     r3, petrel_sha256_k_armv4
        add     r3, r3, #256
        str     r3, [sp, #F_KEND]               @ end of the constants
.Lsha256_block:
        adr     lr, petrel_sha256_k_armv4
        mov     r0, sp                          @ W
        add     ip, sp, #F_X                    @ W + K
#if !defined(__ARM_ARCH) || __ARM_ARCH < 6
        ldr     r2, .Lsha256_mask               @ the byte-swap mask
#endif
        tst     r1, #3
        bne     .Lsha256_unaligned
        PREPASS 1
.Lsha256_loaded:
        str     r1, [sp, #F_IN]                 @ the next block
        ldr     r0, [sp, #F_STATE]
        ldmia   r0, {r4-r11}                    @ a..h
        eor     ip, r5, r6                      @ b^c for round 0
        LOADX   0
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip, r0, 0
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3, r1, 0
        LOADX   2
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip, r0, 0
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3, r1, 0
        LOADX   4
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip, r0, 0
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3, r1, 0
        LOADX   6
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip, r0, 0
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3, r1, 0
        LOADX   8
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip, r0, 0
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3, r1, 0
        LOADX   10
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip, r0, 0
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3, r1, 0
        LOADX   12
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip, r0, 0
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3, r1, 0
        LOADX   14
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip, r0, 0
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3, r1, 0
        ldr     r1, [sp, #F_W]                  @ W[0] = W[16-16]
.Lsha256_rounds:
        SCHED   0, r3
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        SCHED   1, ip
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3, r2, 2
        SCHED   2, r3
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        SCHED   3, ip
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3, r2, 2
        SCHED   4, r3
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        SCHED   5, ip
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3, r2, 2
        SCHED   6, r3
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        SCHED   7, ip
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3, r2, 2
        SCHED   8, r3
        ROUND   r4, r5, r6, r7, r8, r9, r10, r11, r3, ip
        SCHED   9, ip
        ROUND   r11, r4, r5, r6, r7, r8, r9, r10, ip, r3, r2, 2
        SCHED   10, r3
        ROUND   r10, r11, r4, r5, r6, r7, r8, r9, r3, ip
        SCHED   11, ip
        ROUND   r9, r10, r11, r4, r5, r6, r7, r8, ip, r3, r2, 2
        SCHED   12, r3
        ROUND   r8, r9, r10, r11, r4, r5, r6, r7, r3, ip
        SCHED   13, ip
        ROUND   r7, r8, r9, r10, r11, r4, r5, r6, ip, r3, r2, 2
        SCHED   14, r3
        ROUND   r6, r7, r8, r9, r10, r11, r4, r5, r3, ip
        SCHED   15, ip
        ROUND   r5, r6, r7, r8, r9, r10, r11, r4, ip, r3, r2, 2
        ldr     r0, [sp, #F_KEND]
        cmp     lr, r0
        bne     .Lsha256_rounds
        ldr     r0, [sp, #F_STATE]
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
        ldr     r1, [sp, #F_IN]
        ldr     r2, [sp, #F_END]
        cmp     r1, r2
        bne     .Lsha256_block
        mov     r0, #0                          @ wipe W and W + K
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     ip, sp
        stmia   ip!, {r0-r7}
        stmia   ip!, {r0-r7}
        stmia   ip!, {r0-r7}
        stmia   ip!, {r0-r7}
        add     sp, sp, #F_SIZE
        pop     {r4-r11, pc}
.Lsha256_unaligned:
        PREPASS 0
        b       .Lsha256_loaded
        .size   petrel_sha256_blocks_armv4, . - petrel_sha256_blocks_armv4
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", %progbits
#endif
