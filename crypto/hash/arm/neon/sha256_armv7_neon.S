@ SHA-256 block function, ARMv7-A with NEON: variant "armv7-neon" of the SHA-256 table
@ (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha256.cpp is the reference).
@ FIPS 180-4 sections 6.2.2 (the 64 rounds) and 4.1.2 (the functions). Built for ARMv7-A
@ targets (crypto/hash/arm/neon/, armhf) and used only when the CPU has NEON (the variant
@ table's run-time check, crypto/cpu/ arm_neon()); assembled with .fpu neon.
@
@ Calling convention: AAPCS (EABI, either float ABI: no VFP/NEON argument or result), ARM
@ state, little-endian, callable from ARM and Thumb code (returns by pop {..., pc}).
@   void petrel_sha256_blocks_armv7_neon(uint32_t state[8], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H7), r1 in (any alignment: vld1.8), r2 nblocks (may be 0). No return value.
@
@ Design (the classic split): the message schedule in NEON, the rounds in ARM registers.
@   Per block, first W[0..63] + K[0..63] in NEON, four words at a time (W in q0-q3, a 16-word
@   ring; sigma0 on four lanes, sigma1 on two lanes twice, since W[t+2] needs W[t]), stored to
@   the 256-byte frame at sp; then the 64 rounds, which pop the W+K words two at a time
@   (pop {r1, r2}: sp walks up the frame, and comes back by 256 after the block).
@ Register plan, rounds: r4-r11 the working variables a..h (their roles rotate with the round
@   in the macro arguments; after 8 rounds they are back in place), r1/r2 W[t]+K[t] of an even
@   and an odd round, r0 the Sigma temporary, r3 Ch, ip/lr a^b of this round and of the last
@   (Maj(a,b,c) = ((a^b)&(b^c))^b, added to h at the next round's start). Per round 16
@   instructions and half a pop.
@ Register plan, schedule: q0-q3 W, q8-q14 temporaries, r1 in, r3 the K pointer, ip the frame
@   pointer. No d8-d15 (nothing to save but r4-r11, lr).
@ Stack frame: [0,256) W[t]+K[t] (wiped before return), then the state pointer, the input
@   pointer and the end of the input; saves r4-r11 and lr (36 bytes). 304 bytes in all.
@
@ Constant-time status: no branch and no address depends on the state or the message; the
@   branches are the block count; K[t] and the frame are indexed by the round number.
@
@ Cost (counted from the code): per block 64 x 16.5 (rounds) + 12 x 27 (schedule) + 38 (load
@   and W+K) + about 20, about 1,440 instructions: about 22.5 per byte.
@ Measured (guest instructions per byte, 16 KiB, qemu-arm -cpu cortex-a7):
@   scripts/perf-table --targets armhf --algs "sha1 sha256 sha512 hmac-sha256" (at 6e5e0a2;
@   the same as scripts/insn-count --target armhf --n 16384 --
@   build/armhf/bench/insn/petrel_insn_driver -impl neon ALG {N}): sha256 22.58, hmac-sha256
@   23.67 (armv4 29.04 / 30.33; OpenSSL's NEON code 23.77 / 25.18).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "sha256_armv7_neon.S is little-endian only"
#endif
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ Four schedule words: qa = W[t-16..t-13] becomes W[t..t+3]; qb = W[t-12..t-9],
@ qc = W[t-8..t-5], qd = W[t-4..t-1]; dalo/dahi the halves of qa, ddhi the high half of qd.
@ W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
        .macro  SCHED qa, qb, qc, qd, dalo, dahi, ddhi
        vext.8  q8, \qa, \qb, #4                @ W[t-15..t-12]
        vext.8  q9, \qc, \qd, #4                @ W[t-7..t-4]
        vadd.i32 \qa, \qa, q9
        vshr.u32 q10, q8, #7                    @ sigma0 = ror7 ^ ror18 ^ shr3
        vshr.u32 q11, q8, #18
        vshr.u32 q12, q8, #3
        vsli.32 q10, q8, #25
        vsli.32 q11, q8, #14
        veor    q12, q12, q10
        veor    q12, q12, q11
        vadd.i32 \qa, \qa, q12
        vshr.u32 d26, \ddhi, #17                @ sigma1 = ror17 ^ ror19 ^ shr10 of W[t-2..t-1]
        vshr.u32 d27, \ddhi, #19
        vshr.u32 d28, \ddhi, #10
        vsli.32 d26, \ddhi, #15
        vsli.32 d27, \ddhi, #13
        veor    d28, d28, d26
        veor    d28, d28, d27
        vadd.i32 \dalo, \dalo, d28              @ W[t], W[t+1]
        vshr.u32 d26, \dalo, #17                @ sigma1 of W[t..t+1]
        vshr.u32 d27, \dalo, #19
        vshr.u32 d28, \dalo, #10
        vsli.32 d26, \dalo, #15
        vsli.32 d27, \dalo, #13
        veor    d28, d28, d26
        veor    d28, d28, d27
        vadd.i32 \dahi, \dahi, d28              @ W[t+2], W[t+3]
        .endm

@ W + K for eight words (qx, qy), stored at ip; r3 walks K.
        .macro  KW8 qx, qy
        vld1.32 {d16-d19}, [r3]!
        vadd.i32 q8, q8, \qx
        vadd.i32 q9, q9, \qy
        vst1.32 {d16-d19}, [ip]!
        .endm

@ One round with W[t]+K[t] in wk: h += W+K + Sigma1(e) + Ch(e,f,g); d += h; h += Sigma0(a);
@ x holds the last round's Maj (added to a, which is the last round's h) and gets a^b; y holds
@ the last round's a^b (= b^c) and gets this round's Maj.
        .macro  R a, b, c, d, e, f, g, h, wk, x, y
        add     \h, \h, \wk                     @ h += W[t] + K[t]
        eor     r0, \e, \e, ror #5
        add     \a, \a, \x                      @ the last round's h += Maj
        eor     r0, r0, \e, ror #19
        eor     r3, \f, \g
        add     \h, \h, r0, ror #6              @ h += Sigma1(e)
        and     r3, r3, \e
        eor     r3, r3, \g                      @ Ch(e,f,g)
        eor     r0, \a, \a, ror #11
        add     \h, \h, r3                      @ h += Ch
        eor     \x, \a, \b                      @ a^b
        add     \d, \d, \h                      @ d += T1
        eor     r0, r0, \a, ror #20
        and     \y, \y, \x
        add     \h, \h, r0, ror #2              @ h += Sigma0(a)
        eor     \y, \y, \b                      @ Maj(a,b,c)
        .endm

        .macro  R8
        pop     {r1, r2}
        R       r4, r5, r6, r7, r8, r9, r10, r11, r1, ip, lr
        R       r11, r4, r5, r6, r7, r8, r9, r10, r2, lr, ip
        pop     {r1, r2}
        R       r10, r11, r4, r5, r6, r7, r8, r9, r1, ip, lr
        R       r9, r10, r11, r4, r5, r6, r7, r8, r2, lr, ip
        pop     {r1, r2}
        R       r8, r9, r10, r11, r4, r5, r6, r7, r1, ip, lr
        R       r7, r8, r9, r10, r11, r4, r5, r6, r2, lr, ip
        pop     {r1, r2}
        R       r6, r7, r8, r9, r10, r11, r4, r5, r1, ip, lr
        R       r5, r6, r7, r8, r9, r10, r11, r4, r2, lr, ip
        .endm

        .global petrel_sha256_blocks_armv7_neon
        .type   petrel_sha256_blocks_armv7_neon, %function
        .p2align 2
petrel_sha256_blocks_armv7_neon:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r11, lr}
        sub     sp, sp, #268
        add     r2, r1, r2, lsl #6
        str     r0, [sp, #256]
        str     r2, [sp, #264]
        ldm     r0, {r4-r11}
.Lblock:
        adrl    r3, .LK256
        mov     ip, sp
        vld1.8  {d0-d3}, [r1]!
        vld1.8  {d4-d7}, [r1]!
        vrev32.8 q0, q0
        vrev32.8 q1, q1
        vrev32.8 q2, q2
        vrev32.8 q3, q3
        str     r1, [sp, #260]
        KW8     q0, q1
        KW8     q2, q3
        .rept   3                               @ W[16..63], 16 words each
        SCHED   q0, q1, q2, q3, d0, d1, d7
        SCHED   q1, q2, q3, q0, d2, d3, d1
        KW8     q0, q1
        SCHED   q2, q3, q0, q1, d4, d5, d3
        SCHED   q3, q0, q1, q2, d6, d7, d5
        KW8     q2, q3
        .endr
        mov     ip, #0                          @ no Maj to add before round 0
        eor     lr, r5, r6                      @ b^c
        .rept   8
        R8
        .endr
        add     r4, r4, ip                      @ the last Maj
        ldr     r0, [sp]                        @ the frame's top, now at sp
        ldm     r0, {r1, r2, r3, ip}
        add     r4, r4, r1
        add     r5, r5, r2
        add     r6, r6, r3
        add     r7, r7, ip
        stmia   r0!, {r4-r7}
        ldm     r0, {r1, r2, r3, ip}
        add     r8, r8, r1
        add     r9, r9, r2
        add     r10, r10, r3
        add     r11, r11, ip
        stm     r0, {r8-r11}
        ldr     r1, [sp, #4]
        ldr     r2, [sp, #8]
        sub     sp, sp, #256
        cmp     r1, r2
        bne     .Lblock

        vmov.i32 q0, #0                         @ wipe W+K and the NEON registers
        vmov.i32 q1, #0
        vmov.i32 q2, #0
        vmov.i32 q3, #0
        vmov.i32 q8, #0
        vmov.i32 q9, #0
        vmov.i32 q10, #0
        vmov.i32 q11, #0
        vmov.i32 q12, #0
        vmov.i32 q13, #0
        vmov.i32 q14, #0
        mov     ip, sp
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        vst1.32 {d0-d3}, [ip]!
        add     sp, sp, #268
        pop     {r4-r11, pc}
        .size   petrel_sha256_blocks_armv7_neon, . - petrel_sha256_blocks_armv7_neon

        .p2align 4
.LK256:                                         @ FIPS 180-4 section 4.2.2
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
#endif
        .section .note.GNU-stack, "", %progbits
