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
@ below 2^48: a column takes at most 2n of them (n of a b, n of q m) in a whole multiplication,
@ below 2^57 for n = 256, and the carries are left in the lanes until the end.
@ The n CIOS steps go in passes of 8 limbs of b. A pass walks a and m in chunks of 8 limbs (d0-d3,
@ d4-d7) with a window of 8 column registers (q8-q15) that slides up one column per limb of b:
@ - the first chunk (the q block): per limb b_i, t += a0..7 b_i; q_i = (low 32 bits of the lowest
@   column) * m0inv; t += m0..7 q_i; the lowest column is now 0 mod 2^32: its value / 2^32 goes into
@   the next column (two VSRA), and its register takes the column 8 above; b_i and q_i smashed are
@   kept for the pass (16 bytes each pair);
@ - the other chunks (the m blocks): per b_i, 16 VMLAL with the kept pair; the lowest column is
@   final for the pass: stored to the t buffer 8 columns down (the pass's shift), the column 8
@   above loaded in its place, two columns per VST1/VLD1;
@ - at the end of the pass the window holds the top 8 columns.
@ Then the columns are turned into limbs (carry propagation, lo += carry, hi += lo >> 16), and
@ the final subtraction: r = t - m (SBCS chain, four limbs per LDM), then r = t again where the
@ subtraction was not due (the top limb is 0 and it borrowed), by a mask (VBIT).
@ Instructions per limb of a per limb of b: 18 / 8 in the m blocks (one VLD1 of the pair, 16 VMLAL,
@ one VST1 and one VLD1 per two columns), 26 / 8 in the q blocks; against 10.5 for armv6's UMAAL
@ loop. Columns n..n+7 of a pass's input are zero: they are read from .Lzeros below.
@
@ Register plan: r0 r, r1 a, r2 the next limb of b, r3 m, r4 passes left, r5 m blocks per pass
@ (n/8 - 1), r6 the t buffer, r7 the b/q pairs, r8 a chunk, r9 m chunk, r10 t write pointer (the
@ column 8 below the window), lr t read pointer (the column 8 above), ip block counter, r11 sp
@ after the saves. NEON: d0-d3 a chunk, d4-d7 m chunk, d8 the limb of b (lane 1), d9 the low word
@ of the lowest column and q, d10 m0inv (lane 0), d11 carry at the end, d13/d14 the smashed b_i
@ and q_i (d12, d15 take the VMOVL's other half), q8-q15 the columns.
@ Frame: r4-r11, lr (36 bytes), d8-d15 (64 bytes; AAPCS callee-saved), then 128 bytes of b/q
@ pairs at [sp] and the t buffer, 16 bytes per column, n columns, at [sp, #128]: 228 + 16n bytes,
@ 740 for n = 32 (RSA-2048 CRT halves), 1,252 for n = 64. The pairs and the t buffer are zeroed
@ before return, and so are the NEON registers other than d8-d15 (restored).
@
@ Constant-time status: no branch and no address depends on limb values (the branches and the
@ .Lzeros choice test only n and the loop counters; the final subtraction is an SBCS chain and a
@ mask); the NEON multiplies and adds have fixed timing on the Cortex-A7. Checked by the trace
@ check (tests/ct/trace.cmake, ct_trace.rsa2048_private, one window per kernel).
@
@ Measured (scripts/perf-table --targets armhf --algs "rsa2048-sign rsa2048-verify", guest
@ instructions per operation): see the README, "Assembly: the big-number kernels".
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

@ One limb of b in the q block: c0 (halves lo0, hi0) the lowest column, lo1 the low half of c1.
        .macro  qstep c0, c1, c2, c3, c4, c5, c6, c7, lo0, hi0, lo1
        vld1.32         {d8[1]}, [r2]!                  @ b_i
        vmovl.u16       q6, d8                          @ d13 = {b_i & 0xffff, b_i >> 16}
        mla8            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d0, d1, d2, d3
        vshl.i64        d9, \hi0, #16
        vadd.i64        d9, d9, \lo0                    @ lane 0: the low word of column c0
        vmul.i32        d9, d9, d10[0]                  @ q_i
        vmovl.u16       q7, d9                          @ d14 = q_i smashed
        mla8            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d4, d5, d6, d7
        vst1.64         {d13-d14}, [r7]!                @ the pair, for the m blocks
        vsra.u64        \hi0, \lo0, #16                 @ c0 = 2^16 hi0 now (lo0 & 0xffff = 0)
        vsra.u64        \lo1, \hi0, #16                 @ c1 += c0 / 2^32 (exact)
        vld1.64         {\lo0, \hi0}, [lr]!             @ the column 8 above
        .endm

@ One limb of b in an m block, even position: the 16 products; its lowest column is final.
        .macro  mstep_even c0, c1, c2, c3, c4, c5, c6, c7
        vld1.64         {d13-d14}, [r7]!
        mla8            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d0, d1, d2, d3
        mla8            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, \c7, d4, d5, d6, d7
        .endm
@ Odd position: c7 is the register of the previous step's lowest column; it and this step's
@ lowest (the register pair p0-p3) are stored, the two columns 8 above loaded, then c7's products.
        .macro  mstep_odd c0, c1, c2, c3, c4, c5, c6, c7, p0, p3
        vld1.64         {d13-d14}, [r7]!
        mla7            d13, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d0, d1, d2, d3
        mla7            d14, \c0, \c1, \c2, \c3, \c4, \c5, \c6, d4, d5, d6, d7
        vst1.64         {\p0-\p3}, [r10]!
        vld1.64         {\p0-\p3}, [lr]!
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
        sub     sp, sp, r5, lsl #4      @ the t buffer
        sub     sp, sp, #128            @ the b/q pairs
        ldr     ip, [r11, #100]
        vmov.32 d10[0], ip              @ m0inv
        add     r6, sp, #128
        @ t = 0
        vmov.i64 q8, #0
        vmov.i64 q9, #0
        mov     r10, r6
        lsr     ip, r5, #3
0:      vst1.64 {d16-d19}, [r10]!
        vst1.64 {d16-d19}, [r10]!
        vst1.64 {d16-d19}, [r10]!
        vst1.64 {d16-d19}, [r10]!
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
        vld1.64 {d16-d19}, [lr]!        @ columns 0..7
        vld1.64 {d20-d23}, [lr]!
        vld1.64 {d24-d27}, [lr]!
        vld1.64 {d28-d31}, [lr]!
        cmp     r5, #0
        adrleq  lr, .Lzeros            @ n = 8: columns 8..15 are zero
        vld1.32 {d0-d3}, [r8]!
        vld1.32 {d4-d7}, [r9]!
        qstep   q8,  q9,  q10, q11, q12, q13, q14, q15, d16, d17, d18
        qstep   q9,  q10, q11, q12, q13, q14, q15, q8,  d18, d19, d20
        qstep   q10, q11, q12, q13, q14, q15, q8,  q9,  d20, d21, d22
        qstep   q11, q12, q13, q14, q15, q8,  q9,  q10, d22, d23, d24
        qstep   q12, q13, q14, q15, q8,  q9,  q10, q11, d24, d25, d26
        qstep   q13, q14, q15, q8,  q9,  q10, q11, q12, d26, d27, d28
        qstep   q14, q15, q8,  q9,  q10, q11, q12, q13, d28, d29, d30
        qstep   q15, q8,  q9,  q10, q11, q12, q13, q14, d30, d31, d16
        movs    ip, r5
        beq     2f
1:      cmp     ip, #1
        adrleq  lr, .Lzeros            @ the last block: columns n..n+7 are zero
        mov     r7, sp
        vld1.32 {d0-d3}, [r8]!
        vld1.32 {d4-d7}, [r9]!
        mstep_even q8,  q9,  q10, q11, q12, q13, q14, q15
        mstep_odd  q9,  q10, q11, q12, q13, q14, q15, q8,  d16, d19
        mstep_even q10, q11, q12, q13, q14, q15, q8,  q9
        mstep_odd  q11, q12, q13, q14, q15, q8,  q9,  q10, d20, d23
        mstep_even q12, q13, q14, q15, q8,  q9,  q10, q11
        mstep_odd  q13, q14, q15, q8,  q9,  q10, q11, q12, d24, d27
        mstep_even q14, q15, q8,  q9,  q10, q11, q12, q13
        mstep_odd  q15, q8,  q9,  q10, q11, q12, q13, q14, d28, d31
        subs    ip, ip, #1
        bne     1b
2:      vst1.64 {d16-d19}, [r10]!       @ the top 8 columns
        vst1.64 {d20-d23}, [r10]!
        vst1.64 {d24-d27}, [r10]!
        vst1.64 {d28-d31}, [r10]!
        subs    r4, r4, #1
        bne     .Lpass

        @ ---- columns to limbs, in place (limb j at t + 4j, read ahead at t + 16j) ----
        mov     r1, r6
        mov     r2, r6
        ldr     ip, [r11, #104]
        lsr     ip, ip, #2
        vmov.i64 d11, #0                @ carry
3:      vld1.64 {d16-d19}, [r1]!
        vld1.64 {d20-d23}, [r1]!
        vadd.i64 d16, d16, d11
        vsra.u64 d17, d16, #16          @ limb = lo & 0xffff | (hi + lo >> 16) << 16
        vst1.16 {d16[0]}, [r2]!
        vst1.16 {d17[0]}, [r2]!
        vsra.u64 d18, d17, #16          @ the carry, (hi + lo >> 16) >> 16
        vsra.u64 d19, d18, #16
        vst1.16 {d18[0]}, [r2]!
        vst1.16 {d19[0]}, [r2]!
        vsra.u64 d20, d19, #16
        vsra.u64 d21, d20, #16
        vst1.16 {d20[0]}, [r2]!
        vst1.16 {d21[0]}, [r2]!
        vsra.u64 d22, d21, #16
        vsra.u64 d23, d22, #16
        vst1.16 {d22[0]}, [r2]!
        vst1.16 {d23[0]}, [r2]!
        vshr.u64 d11, d23, #16
        subs    ip, ip, #1
        bne     3b

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
        vmov.32 r4, d11[0]              @ top
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
        vst1.64 {d16-d19}, [r1]!        @ the pairs
        vst1.64 {d16-d19}, [r1]!
        vst1.64 {d16-d19}, [r1]!
        vst1.64 {d16-d19}, [r1]!
6:      vst1.64 {d16-d19}, [r1]!        @ 8 columns
        vst1.64 {d16-d19}, [r1]!
        vst1.64 {d16-d19}, [r1]!
        vst1.64 {d16-d19}, [r1]!
        subs    ip, ip, #1
        bne     6b
        mov     sp, r11
        vpop    {d8-d15}
        pop     {r4-r11, pc}

.Lother:
        b       petrel_bn_mont_mul_armv6

        .p2align 4
.Lzeros:
        .space  128
        .size   petrel_bn_mont_mul_armv7_neon, . - petrel_bn_mont_mul_armv7_neon
#endif
        .section .note.GNU-stack, "", %progbits
