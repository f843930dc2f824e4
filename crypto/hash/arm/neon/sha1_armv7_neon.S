@ SHA-1 block function, ARMv7-A with NEON: variant "armv7-neon" of the SHA-1 table
@ (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha1.cpp is the reference).
@ FIPS 180-4 sections 6.1.2 (the 80 rounds) and 4.1.1 (the functions). Built for ARMv7-A
@ targets (crypto/hash/arm/neon/, armhf) and used only when the CPU has NEON (the variant
@ table's run-time check, crypto/cpu/ arm_neon()); assembled with .fpu neon.
@
@ Calling convention: AAPCS (EABI, either float ABI: no VFP/NEON argument or result), ARM
@ state, little-endian, callable from ARM and Thumb code (returns by pop {..., pc}).
@   void petrel_sha1_blocks_armv7_neon(uint32_t state[5], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H4), r1 in (any alignment: vld1.8), r2 nblocks (may be 0). No return value.
@
@ Design (the classic split): the message schedule in NEON, the rounds in ARM registers.
@   Per block, first W[0..79] + K in NEON, four words at a time, stored to the 320-byte frame
@   at sp: W[16..31] by W[t] = rol1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]) (lane 3 needs W[t]
@   of lane 0: computed with 0 there, then fixed by rol2 of lane 0's input), W[32..79] by the
@   equivalent W[t] = rol2(W[t-6] ^ W[t-16] ^ W[t-28] ^ W[t-32]), which has no dependency
@   inside a group (W[0..31] in q0-q7 as a 32-word ring). Then the 80 rounds, which pop the
@   W+K words two at a time (pop {r9, r10}: sp walks up the frame, back by 320 per block).
@ Register plan, rounds: r3-r7 the working variables a..e (roles rotate with the round in
@   the macro arguments; after 5 rounds they are back in place). c, d and e are kept unrotated
@   (their value is ror(reg, 2): the rol(b, 30) of the round folds into the ror #2 operands of
@   the rounds that use them), so a round is 6 (Ch), 5 (parity) or 7 (Maj) instructions and
@   half a pop; r8 the f temporary, r9/r10 W+K of an even and an odd round, r0 state, r1 in,
@   r2 the end of the input.
@ Register plan, schedule: q0-q7 W, q8-q10 temporaries, q11 zero, q12-q15 the four K
@   (broadcast), ip the frame pointer.
@ Stack frame: [0,320) W[t]+K (wiped before return); saves r4-r10, lr and d8-d15 (the AAPCS
@   callee-saved VFP registers).
@
@ Constant-time status: no branch and no address depends on the state or the message; the
@   branches are the block count.
@
@ Cost (counted from the code): per block 20 x 6 + 40 x 5 + 20 x 7 + 40 pops (rounds),
@   4 x 11 + 12 x 6 + 30 (schedule, W+K) + about 25, about 670 instructions: about 10.5 per
@   byte.
@ Measured (guest instructions per byte, 16 KiB, qemu-arm -cpu cortex-a7):
@   scripts/perf-table --targets armhf --algs "sha1 sha256 sha512 hmac-sha256" (at 6e5e0a2;
@   the same as scripts/insn-count --target armhf --n 16384 --
@   build/armhf/bench/insn/petrel_insn_driver -impl neon ALG {N}): sha1 10.43 (armv4 18.49;
@   OpenSSL's NEON code 12.72).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "sha1_armv7_neon.S is little-endian only"
#endif
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ W[t..t+3] for t = 16..28 into dst: qa = W[t-16..t-13], qb = W[t-12..t-9], qc = W[t-8..t-5],
@ qd = W[t-4..t-1].
        .macro  X16 dst, qa, qb, qc, qd
        vext.8  q8, \qa, \qb, #8                @ W[t-14..t-11]
        veor    q8, q8, \qa
        vext.8  q9, \qd, q11, #4                @ {W[t-3], W[t-2], W[t-1], 0}
        veor    q8, q8, \qc
        veor    q8, q8, q9                      @ x; lane 3 lacks W[t] = rol1(x0)
        vext.8  q9, q11, q8, #4                 @ {0, 0, 0, x0}
        vadd.i32 \dst, q8, q8                   @ rol1(x)
        vsri.32 \dst, q8, #31
        vshl.i32 q10, q9, #2                    @ rol2(x0) = rol1(W[t]) into lane 3
        vsri.32 q10, q9, #30
        veor    \dst, \dst, q10
        .endm

@ W[t..t+3] for t = 32..76 into dst, which holds W[t-32..t-29]; q28 = W[t-28..t-25],
@ q16 = W[t-16..t-13], q8r = W[t-8..t-5], q4r = W[t-4..t-1].
        .macro  X32 dst, q28, q16, q8r, q4r
        vext.8  q8, \q8r, \q4r, #8              @ W[t-6..t-3]
        veor    q8, q8, \q16
        veor    \dst, \dst, \q28
        veor    q8, q8, \dst
        vshl.i32 \dst, q8, #2                   @ rol2
        vsri.32 \dst, q8, #30
        .endm

@ W + K for eight words, stored at ip.
        .macro  KW2 qx, kx, qy, ky
        vadd.i32 q8, \qx, \kx
        vadd.i32 q9, \qy, \ky
        vst1.32 {d16-d19}, [ip]!
        .endm

@ The rounds: e (unrotated) becomes the new a: e = ror(e,2) + W+K + rol(a,5) + f(b,c,d), with
@ c and d as ror(reg, 2).
        .macro  F1 a, b, c, d, e, wk            @ Ch(b,c,d) = d ^ (b & (c ^ d))
        add     \e, \wk, \e, ror #2
        eor     r8, \c, \d
        add     \e, \e, \a, ror #27
        and     r8, \b, r8, ror #2
        eor     r8, r8, \d, ror #2
        add     \e, \e, r8
        .endm
        .macro  F2 a, b, c, d, e, wk            @ b ^ c ^ d
        add     \e, \wk, \e, ror #2
        eor     r8, \c, \d
        add     \e, \e, \a, ror #27
        eor     r8, \b, r8, ror #2
        add     \e, \e, r8
        .endm
        .macro  F3 a, b, c, d, e, wk            @ Maj(b,c,d) = (c & d) + (b & (c ^ d))
        add     \e, \wk, \e, ror #2
        and     r8, \c, \d
        add     \e, \e, \a, ror #27
        add     \e, \e, r8, ror #2
        eor     r8, \c, \d
        and     r8, \b, r8, ror #2
        add     \e, \e, r8
        .endm

        .macro  R10 f
        pop     {r9, r10}
        \f      r3, r4, r5, r6, r7, r9
        \f      r7, r3, r4, r5, r6, r10
        pop     {r9, r10}
        \f      r6, r7, r3, r4, r5, r9
        \f      r5, r6, r7, r3, r4, r10
        pop     {r9, r10}
        \f      r4, r5, r6, r7, r3, r9
        \f      r3, r4, r5, r6, r7, r10
        pop     {r9, r10}
        \f      r7, r3, r4, r5, r6, r9
        \f      r6, r7, r3, r4, r5, r10
        pop     {r9, r10}
        \f      r5, r6, r7, r3, r4, r9
        \f      r4, r5, r6, r7, r3, r10
        .endm

        .global petrel_sha1_blocks_armv7_neon
        .type   petrel_sha1_blocks_armv7_neon, %function
        .p2align 2
petrel_sha1_blocks_armv7_neon:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r10, lr}
        vpush   {d8-d15}
        sub     sp, sp, #320
        add     r2, r1, r2, lsl #6
        adrl    ip, .Lk
        vld1.32 {d24-d27}, [ip]!
        vld1.32 {d28-d31}, [ip]
        vmov.i32 q11, #0
        ldm     r0, {r3-r7}
.Lblock:
        mov     ip, sp
        vld1.8  {d0-d3}, [r1]!
        vld1.8  {d4-d7}, [r1]!
        vrev32.8 q0, q0
        vrev32.8 q1, q1
        vrev32.8 q2, q2
        vrev32.8 q3, q3
        KW2     q0, q12, q1, q12
        KW2     q2, q12, q3, q12
        X16     q4, q0, q1, q2, q3
        X16     q5, q1, q2, q3, q4
        KW2     q4, q12, q5, q13
        X16     q6, q2, q3, q4, q5
        X16     q7, q3, q4, q5, q6
        KW2     q6, q13, q7, q13
        X32     q0, q1, q4, q6, q7
        X32     q1, q2, q5, q7, q0
        KW2     q0, q13, q1, q13
        X32     q2, q3, q6, q0, q1
        X32     q3, q4, q7, q1, q2
        KW2     q2, q14, q3, q14
        X32     q4, q5, q0, q2, q3
        X32     q5, q6, q1, q3, q4
        KW2     q4, q14, q5, q14
        X32     q6, q7, q2, q4, q5
        X32     q7, q0, q3, q5, q6
        KW2     q6, q14, q7, q15
        X32     q0, q1, q4, q6, q7
        X32     q1, q2, q5, q7, q0
        KW2     q0, q15, q1, q15
        X32     q2, q3, q6, q0, q1
        X32     q3, q4, q7, q1, q2
        KW2     q2, q15, q3, q15
        mov     r5, r5, ror #30                 @ c, d, e as rol(value, 2)
        mov     r6, r6, ror #30
        mov     r7, r7, ror #30
        R10     F1
        R10     F1
        R10     F2
        R10     F2
        R10     F3
        R10     F3
        R10     F2
        R10     F2
        ldm     r0, {r8, r9, r10, ip, lr}
        add     r3, r3, r8
        add     r4, r4, r9
        add     r5, r10, r5, ror #2
        add     r6, ip, r6, ror #2
        add     r7, lr, r7, ror #2
        stm     r0, {r3-r7}
        sub     sp, sp, #320
        cmp     r1, r2
        bne     .Lblock

        vmov.i32 q0, #0                         @ wipe W+K and the NEON registers
        vmov.i32 q1, #0
        vmov.i32 q2, #0
        vmov.i32 q3, #0
        vmov.i32 q4, #0
        vmov.i32 q5, #0
        vmov.i32 q6, #0
        vmov.i32 q7, #0
        vmov.i32 q8, #0
        vmov.i32 q9, #0
        vmov.i32 q10, #0
        mov     ip, sp
        mov     r3, #10
.Lwipe:
        vst1.32 {d0-d3}, [ip]!
        subs    r3, r3, #1
        bne     .Lwipe
        add     sp, sp, #320
        vpop    {d8-d15}
        pop     {r4-r10, pc}
        .size   petrel_sha1_blocks_armv7_neon, . - petrel_sha1_blocks_armv7_neon

        .p2align 4
.Lk:                                            @ FIPS 180-4 section 4.2.1, four of each
        .word   0x5a827999, 0x5a827999, 0x5a827999, 0x5a827999
        .word   0x6ed9eba1, 0x6ed9eba1, 0x6ed9eba1, 0x6ed9eba1
        .word   0x8f1bbcdc, 0x8f1bbcdc, 0x8f1bbcdc, 0x8f1bbcdc
        .word   0xca62c1d6, 0xca62c1d6, 0xca62c1d6, 0xca62c1d6
#endif
        .section .note.GNU-stack, "", %progbits
