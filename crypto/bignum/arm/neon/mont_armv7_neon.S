@ Whole Montgomery multiplication with NEON: variant "armv7-neon" of crypto/bignum/mul_add.cpp
@ (the portable C++ there is the reference; its comment gives the algorithm, CIOS, Koc, Acar,
@ Kaliski 1996). ARMv7-A with Advanced SIMD (assembled with .fpu neon; the table row runs it only
@ where crypto/cpu arm_neon() says the CPU has NEON). Only mont_mul is here: the row's mul_add and
@ mont_step are the armv6 (UMAAL) functions, and so is mont_mul for the lengths this file does not
@ take.
@
@ Calling convention: AAPCS (EABI, hard- or soft-float: no VFP arguments), ARM state.
@   void petrel_bn_mont_mul_armv7_neon(uint32_t* r, const uint32_t* a, const uint32_t* b,
@                                      const uint32_t* m, uint32_t m0inv, size_t n)
@     r0 r, r1 a, r2 b, r3 m; [sp] m0inv, [sp, #4] n. The contract of bn_kernel.h: r = a b / 2^(32n)
@     mod m, fully reduced, for a, b < m; r overlaps neither a nor b. n a multiple of 8 in 8..256
@     runs the NEON code; any other n is a tail call of petrel_bn_mont_mul_armv6 (the arguments
@     untouched), so the entry takes every n >= 1.
@
@ Algorithm (the idea of OpenSSL's bn_mul8x_mont_neon, written afresh). VMLAL.U32 by scalar
@ multiplies two 32-bit lanes by one 32-bit limb into two 64-bit lanes. A limb x of b, and each
@ q, is "smashed" into its 16-bit halves {x & 0xffff, x >> 16}, one per lane, so that a column of
@ the running sum t is a q register {lo, hi} worth lo + 2^16 hi, each lane a sum of products
@ below 2^48 (at most 16 of them in a pass, below 2^53 with the carry): the carries stay in the
@ lanes while the column is in a register.
@ The n CIOS steps go in passes of 8 limbs of b. A pass walks a and m in chunks of 8 limbs (d0-d3,
@ d4-d7) with a window of 8 column registers (q8-q15) that slides up one column per limb of b:
@ - the first chunk (the q block): per limb b_i, t += a0..7 b_i; q_i = (low 32 bits of the lowest
@   column) * m0inv; t += m0..7 q_i; the lowest column is now 0 mod 2^32: its value / 2^32 goes
@   into the next column (two VSRA) and its register takes the column 8 above; b_i and q_i
@   smashed are kept for the pass (16 bytes a pair);
@ - the other chunks (the m blocks): per b_i, 16 VMLAL with the kept pair; the lowest column is
@   final for the pass: it becomes a limb (hi += lo >> 16; the limb is the low halfwords of the
@   two lanes, the carry hi >> 16 goes into the next column, still in the window), stored 8
@   columns down (the pass's shift), and the column 8 above is loaded in its place, its limb's
@   halves in the two lanes; two columns at a time, one VST4.16 and one VLD4.16 of lane 0;
@ - at the end of the pass the window's 8 columns become the top 8 limbs, and their carry the
@   top limb (0 or 1: t < 2m), which the next pass reads as column n; columns n+1..n+7 are zero.
@ So the t buffer holds limbs (4 bytes a column, not 16: the stack of the RSA private operation,
@ which runs a 2048-bit public one inside, stays within its budget, tests/rsa/rsa_stack_test.cpp).
@ Then the final subtraction: r = t - m (SBCS chain, four limbs per LDM), then r = t again where
@ it was not due (top 0 and a borrow), by a mask (VBIT).
@ Instructions per limb of a per limb of b, counted from the code: 168 / 64 in the m blocks (per
@ 8 x 8: 8 VLD1 of pairs, 128 VMLAL, 4 x 5 to store and 4 x 3 to load columns), 212 / 64 in the q
@ block; against 10.5 for armv6's UMAAL loop.
@
@ Register plan: r0 r, r1 a, r2 the next limb of b, r3 m, r4 passes left, r5 m blocks per pass
@ (n/8 - 1), r6 the t buffer, r7 the b/q pairs, r8 a chunk, r9 m chunk, r10 t write pointer (the
@ column 8 below the window), lr t read pointer (the column 8 above), ip block counter, r11 sp
@ after the saves. NEON: d0-d3 a chunk, d4-d7 m chunk, d8 the limb of b (lane 1), d9 the low word
@ of the lowest column and q, d10 m0inv (lane 0), d11 the top, d13/d14 the smashed b_i and q_i
@ (d12, d15 take the VMOVL's other half), q8-q15 the columns.
@ Frame: r4-r11, lr (36 bytes), d8-d15 (64 bytes; AAPCS callee-saved), then 128 bytes of b/q
@ pairs at [sp] and the t buffer, n + 8 limbs (t, the top, 7 zero limbs), at [sp, #128], sp
@ rounded down to 16 bytes: 260 + 4n bytes and up to 12 more, about 400 for n = 32 (RSA-2048 CRT
@ halves), 528 for n = 64. The pairs and the t buffer are
@ zeroed before return, and so are the NEON registers other than d8-d15 (restored).
@
@ Constant-time status: no branch and no address depends on limb values (the branches test only
@ n and the loop counters; the final subtraction is an SBCS chain and a mask); the NEON
@ multiplies and adds have fixed timing on the Cortex-A7. Checked by the trace check
@ (tests/ct/trace.cmake, ct_trace.rsa2048_private, one window per kernel).
@
@ Measured (scripts/perf-table --targets armhf --algs "rsa2048-sign rsa2048-verify" at 70b8598,
@ guest instructions per operation): RSA-2048 sign 11,937,798 (armv6: 22,107,378; OpenSSL's NEON
@ code 14,260,876), verify 269,800 (529,262; 309,236). The t buffer as 16-byte columns (limbs
@ only at the end) gave 11.45 M / 0.251 M but 1,044 more bytes of stack in the private
@ operation, over its budget.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARM_ARCH) && __ARM_ARCH >= 7 && \
    !defined(__ARMEB__)
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ Eight VMLALs: columns c0..c7 += s (smashed) * the limbs x0[0], x0[1], ..., x3[1].
        .macro  mla8 s, c0, c1, c2, c3, c4, c5, c6, c7, x0, x1, x2, x3
        vmlal.u32       \c0, \s, \x0[0]
        vmlal.u32       \c1, \s, \x0[1]
        vmlal.u32       \c2, \s, \x1[0]
        vmlal.u32       \c3, \s, \x1[1]
        vmlal.u32       \c4, \s, \x2[0]
        vmlal.u32       \c5, \s, \x2[1]
        vmlal.u32       \c6, \s, \x3[0]
        vmlal.u32       \c7, \s, \x3[1]
        .endm
@ The first seven of them.
        .macro  mla7 s, c0, c1, c2, c3, c4, c5, c6, x0, x1, x2, x3
        vmlal.u32       \c0, \s, \x0[0]
        vmlal.u32       \c1, \s, \x0[1]
        vmlal.u32       \c2, \s, \x1[0]
        vmlal.u32       \c3, \s, \x1[1]
        vmlal.u32       \c4, \s, \x2[0]
        vmlal.u32       \c5, \s, \x2[1]
        vmlal.u32       \c6, \s, \x3[0]
        .endm

@ The two columns qA = {loA, hiA}, qB = {loB, hiB} (consecutive registers) from two limbs of the
@ t buffer at lr: each limb's 16-bit halves in the low bits of the two lanes, the rest zero.
        .macro  ldpair qA, qB, loA, hiA, loB, hiB
        vmov.i64        \qA, #0
        vmov.i64        \qB, #0
        vld4.16         {\loA[0], \hiA[0], \loB[0], \hiB[0]}, [lr]!
        .endm
@ The two columns A, B as limbs to the t buffer at r10, their carries going up into B and into
@ the low lane loC of the column above B: hi += lo >> 16 makes the limb lo & 0xffff | (hi &
@ 0xffff) << 16 and the carry hi >> 16 (the low halfwords of the four lanes, one VST4).
        .macro  stpair loA, hiA, loB, hiB, loC
        vsra.u64        \hiA, \loA, #16
        vsra.u64        \loB, \hiA, #16
        vsra.u64        \hiB, \loB, #16
        vsra.u64        \loC, \hiB, #16
        vst4.16         {\loA[0], \hiA[0], \loB[0], \hiB[0]}, [r10]!
        .endm

@ One limb of b in the q block, up to the products of a0..6 and m0..6 (c0 the lowest column, with
@ halves lo0, hi0; lo1 the low half of c1): b_i smashed, q_i, the pair kept, column c0 retired
@ (it is 0 mod 2^32: its value / 2^32 goes into c1).
        .macro  qstep7 c0, c1, c2, c3, c4, c5, c6, lo0, hi0, lo1
        vld1.32         {d8[1]}, [r2]!                  @ b_i
        vmovl.u16       q6, d8                          @ d13 = {b_i & 0xffff, b_i >> 16}
        mla7            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d0, d1, d2, d3
        vshl.i64        d9, \hi0, #16
        vadd.i64        d9, d9, \lo0                    @ lane 0: the low word of column c0
        vmul.i32        d9, d9, d10[0]                  @ q_i
        vmovl.u16       q7, d9                          @ d14 = q_i smashed
        mla7            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d4, d5, d6, d7
        vst1.64         {d13-d14}, [r7]!                @ the pair, for the m blocks
        vsra.u64        \hi0, \lo0, #16                 @ c0 = 2^16 hi0 now (lo0 & 0xffff = 0)
        vsra.u64        \lo1, \hi0, #16                 @ c1 += c0 / 2^32 (exact)
        .endm
@ Even position: the products of a7, m7 into c7 (loaded by the step before).
        .macro  qstep_even c0, c1, c2, c3, c4, c5, c6, c7, lo0, hi0, lo1
        qstep7          \c0, \c1, \c2, \c3, \c4, \c5, \c6, \lo0, \hi0, \lo1
        vmlal.u32       \c7, d13, d3[1]
        vmlal.u32       \c7, d14, d7[1]
        .endm
@ Odd position: c7 is the register of the previous step's retired column; it and this step's
@ (qA, qB) take the two columns 8 above, then c7's products.
        .macro  qstep_odd c0, c1, c2, c3, c4, c5, c6, c7, lo0, hi0, lo1, qA, qB, loA, hiA, loB, hiB
        qstep7          \c0, \c1, \c2, \c3, \c4, \c5, \c6, \lo0, \hi0, \lo1
        ldpair          \qA, \qB, \loA, \hiA, \loB, \hiB
        vmlal.u32       \c7, d13, d3[1]
        vmlal.u32       \c7, d14, d7[1]
        .endm

@ One limb of b in an m block, even position: the 16 products; its lowest column is final.
        .macro  mstep_even c0, c1, c2, c3, c4, c5, c6, c7
        vld1.64         {d13-d14}, [r7]!
        mla8            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d0, d1, d2, d3
        mla8            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d4, d5, d6, d7
        .endm
@ Odd position: c7 is the register of the previous step's lowest column (A); it and this step's
@ lowest (B) are stored as limbs 8 columns down, the two columns 8 above loaded, then c7's
@ products.
        .macro  mstep_odd c0, c1, c2, c3, c4, c5, c6, c7, qA, qB, loA, hiA, loB, hiB, loC
        vld1.64         {d13-d14}, [r7]!
        mla7            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d0, d1, d2, d3
        mla7            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d4, d5, d6, d7
        stpair          \loA, \hiA, \loB, \hiB, \loC
        ldpair          \qA, \qB, \loA, \hiA, \loB, \hiB
        vmlal.u32       \c7, d13, d3[1]
        vmlal.u32       \c7, d14, d7[1]
        .endm

        .global petrel_bn_mont_mul_armv7_neon
        .type   petrel_bn_mont_mul_armv7_neon, %function
        .p2align 4
petrel_bn_mont_mul_armv7_neon:
        ldr     ip, [sp, #4]            @ n
        tst     ip, #7
        bne     .Lother
        sub     ip, ip, #8
        cmp     ip, #248
        bhi     .Lother
        push    {r4-r11, lr}
        vpush   {d8-d15}
        mov     r11, sp
        ldr     r5, [r11, #104]         @ n
        sub     sp, sp, r5, lsl #2      @ the t buffer, n + 8 limbs
        sub     sp, sp, #160            @ and the b/q pairs (128 bytes)
        bic     sp, sp, #15             @ 16-byte aligned (the caller's sp is back from r11)
        ldr     ip, [r11, #100]
        vmov.32 d10[0], ip              @ m0inv
        add     r6, sp, #128
        @ t = 0, and the top limb and the 7 above it
        vmov.i64 q8, #0
        vmov.i64 q9, #0
        mov     r10, r6
        lsr     ip, r5, #3
        add     ip, ip, #1
0:      vst1.64 {d16-d19}, [r10]!
        subs    ip, ip, #1
        bne     0b
        lsr     r4, r5, #3              @ passes
        sub     r5, r4, #1              @ m blocks per pass

.Lpass:
        mov     r7, sp
        mov     r8, r1
        mov     r9, r3
        mov     r10, r6
        mov     lr, r6
        ldpair  q8,  q9,  d16, d17, d18, d19    @ columns 0..7
        ldpair  q10, q11, d20, d21, d22, d23
        ldpair  q12, q13, d24, d25, d26, d27
        ldpair  q14, q15, d28, d29, d30, d31
        vld1.32 {d0-d3}, [r8]!
        vld1.32 {d4-d7}, [r9]!
        qstep_even q8,  q9,  q10, q11, q12, q13, q14, q15, d16, d17, d18
        qstep_odd q9, q10, q11, q12, q13, q14, q15, q8, d18, d19, d20, q8, q9, d16, d17, d18, d19
        qstep_even q10, q11, q12, q13, q14, q15, q8,  q9,  d20, d21, d22
        qstep_odd q11, q12, q13, q14, q15, q8, q9, q10, d22, d23, d24, q10, q11, d20, d21, d22, d23
        qstep_even q12, q13, q14, q15, q8,  q9,  q10, q11, d24, d25, d26
        qstep_odd q13, q14, q15, q8, q9, q10, q11, q12, d26, d27, d28, q12, q13, d24, d25, d26, d27
        qstep_even q14, q15, q8,  q9,  q10, q11, q12, q13, d28, d29, d30
        qstep_odd q15, q8, q9, q10, q11, q12, q13, q14, d30, d31, d16, q14, q15, d28, d29, d30, d31
        movs    ip, r5
        beq     2f
1:      mov     r7, sp
        vld1.32 {d0-d3}, [r8]!
        vld1.32 {d4-d7}, [r9]!
        mstep_even q8,  q9,  q10, q11, q12, q13, q14, q15
        mstep_odd  q9,  q10, q11, q12, q13, q14, q15, q8,  q8,  q9,  d16, d17, d18, d19, d20
        mstep_even q10, q11, q12, q13, q14, q15, q8,  q9
        mstep_odd  q11, q12, q13, q14, q15, q8,  q9,  q10, q10, q11, d20, d21, d22, d23, d24
        mstep_even q12, q13, q14, q15, q8,  q9,  q10, q11
        mstep_odd  q13, q14, q15, q8,  q9,  q10, q11, q12, q12, q13, d24, d25, d26, d27, d28
        mstep_even q14, q15, q8,  q9,  q10, q11, q12, q13
        mstep_odd  q15, q8,  q9,  q10, q11, q12, q13, q14, q14, q15, d28, d29, d30, d31, d16
        subs    ip, ip, #1
        bne     1b
        @ The top 8 columns as limbs, and the carry out of them, the new top (0 or 1).
2:      stpair  d16, d17, d18, d19, d20
        stpair  d20, d21, d22, d23, d24
        stpair  d24, d25, d26, d27, d28
        vsra.u64 d29, d28, #16
        vsra.u64 d30, d29, #16
        vsra.u64 d31, d30, #16
        vshr.u64 d11, d31, #16
        vst4.16 {d28[0], d29[0], d30[0], d31[0]}, [r10]!
        vst1.32 {d11[0]}, [r10]
        subs    r4, r4, #1
        bne     .Lpass

        @ ---- t + top 2^(32n) < 2m: r = t - m, then r = t unless top = 1 or t >= m ----
        mov     r1, r6
        mov     ip, r0
        ldr     lr, [r11, #104]
        lsr     lr, lr, #2
        cmp     r0, r0                  @ C = 1: no borrow
4:      ldm     r1!, {r2, r4, r5, r6}
        ldm     r3!, {r7, r8, r9, r10}
        sbcs    r2, r2, r7
        sbcs    r4, r4, r8
        sbcs    r5, r5, r9
        sbcs    r6, r6, r10
        stm     ip!, {r2, r4, r5, r6}
        sub     lr, lr, #1
        teq     lr, #0                  @ leaves C
        bne     4b
        mov     r2, #0
        adc     r2, r2, #0              @ 1 if t >= m
        ldr     r4, [r1]                @ top
        orr     r2, r2, r4
        sub     r2, r2, #1              @ all ones: keep t
        vdup.32 q2, r2
        add     r1, sp, #128
        mov     ip, r0
        ldr     lr, [r11, #104]
        lsr     lr, lr, #3
5:      vld1.32 {d16-d19}, [ip]
        vld1.32 {d20-d23}, [r1]!
        vbit    q8, q10, q2
        vbit    q9, q11, q2
        vst1.32 {d16-d19}, [ip]!
        subs    lr, lr, #1
        bne     5b

        @ ---- wipe the pairs and the t buffer, and the NEON registers ----
        vmov.i64 q0, #0
        vmov.i64 q1, #0
        vmov.i64 q2, #0
        vmov.i64 q3, #0
        vmov.i64 q8, #0
        vmov.i64 q9, #0
        vmov.i64 q10, #0
        vmov.i64 q11, #0
        vmov.i64 q12, #0
        vmov.i64 q13, #0
        vmov.i64 q14, #0
        vmov.i64 q15, #0
        mov     r1, sp
        ldr     ip, [r11, #104]
        lsr     ip, ip, #3
        add     ip, ip, #5              @ 128 + 4 (n + 8) bytes, 32 per store
6:      vst1.64 {d16-d19}, [r1]!
        subs    ip, ip, #1
        bne     6b
        mov     sp, r11
        vpop    {d8-d15}
        pop     {r4-r11, pc}

.Lother:
        b       petrel_bn_mont_mul_armv6
        .size   petrel_bn_mont_mul_armv7_neon, . - petrel_bn_mont_mul_armv7_neon
#endif
        .section .note.GNU-stack, "", %progbits
