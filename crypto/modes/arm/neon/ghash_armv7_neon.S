@ GHASH (NIST SP 800-38D 6.4) with NEON polynomial multiplies: variant "armv7-neon" of
@ crypto/modes/gcm.cpp. ARMv7-A with Advanced SIMD (assembled with .fpu neon; AesGcm uses it only
@ when crypto/cpu arm_neon() says the CPU has NEON, since Debian armhf does not guarantee it).
@
@ Algorithm. Field elements as in the portable "ct" variant: the 16-byte block read big-endian
@ is a 128-bit integer whose bit 127 - k is the coefficient of x^k (GCM's reflected order), so
@ the carry-less integer product of two elements is the reflected field product shifted right by
@ one bit. Per block: Y ^= X; the 128x128 product by one level of Karatsuba, three 64x64
@ carry-less products (Yl*Hl, Yh*Hh, (Yh^Yl)*(Hh^Hl)); a 1-bit left shift of the 256-bit
@ result; reduction modulo x^128 + x^7 + x^2 + x + 1 in two folds (the low 128 bits hold the
@ degrees >= 128: first the bits that land back in the low half, then the fold of the whole low
@ half, L ^ L>>1 ^ L>>2 ^ L>>7, into the high half).
@ The 64x64 product comes from VMULL.P8 (eight 8x8 -> 16 products, lane by lane), after
@ Camara, Gouvea, Lopez and Dahab, "Fast software polynomial multiplication on ARM processors
@ using the NEON engine" (2013): with A_k = A rotated down by k bytes, A_k*B and A*B_k give all
@ byte pairs (i, j) with j - i = +-k mod 8, 16 bits per lane; the pairs |i - j| = k sit 8k bits
@ above their lane, those that wrapped (|i - j| = 8 - k) 64 - 8k bits above it: the lanes that
@ wrapped are folded into the low half (masks k48/k32/k16 keep the ones that did not), then a
@ byte rotation of the 128-bit register moves everything 8k bits up. k = 4 needs only A*B_4
@ (its two halves are the two orientations). Nine VMULL.P8 per 64x64 product.
@
@ Table (petrel_ghash_init_armv7_neon, ghash_armv7_neon.cpp): Hh, Hl, Hh ^ Hl, native 64-bit words.
@
@ Calling convention: AAPCS (EABI, hard- or soft-float: no VFP arguments), ARM state, returns by
@ bx lr. The extern "C" contract of crypto/modes/gcm_internal.h:
@   void petrel_ghash_blocks_armv7_neon(uint8_t* y, const uint64_t* table, const uint8_t* data,
@                                       size_t nblocks)
@     r0 y (16 bytes, read and written), r1 table, r2 data, r3 nblocks (may be 0); no alignment
@     required (VLD1.8/VST1.8 without alignment hints).
@ Register plan: no core register beyond r0-r3; NEON q0-q3 and q8-q15 only (d8-d15, the AAPCS
@ callee-saved ones, are never touched, so nothing is saved). d0/d1 Yh/Yl, d2/d3 X and a
@ product temporary, d4/d5/d6 Hh/Hl/Hh^Hl, d7 Yh^Yl, d16/d17/d18 the masks, q10/q11/q12 the
@ products Yl*Hl, Yh*Hh and the middle one, q13-q15 product temporaries; Y leaves the loop in
@ q11 (d22 low half, d23 high half). Every NEON register used is cleared before return.
@ Cost, counted from the code: 36 instructions per 64x64 product, per block 3 x 36 + 5 (load,
@ xor) + 4 (Karatsuba) + 7 (shift) + 19 (reduction) + 2 (loop) = 145 (9.1 per byte).
@
@ Constant-time status: YES. No table, no branch and no address depends on Y, H or the data;
@ VMULL.P8 and the other NEON data operations have fixed timing on the Cortex-A7 and A8/A9.
@ Checked by the trace check (tests/ct/trace.cmake, ct_trace.ghash_armv7_neon).
@
@ Measured at bd9de58 (scripts/perf-table --targets "armhf armel mipsel" --algs "aes-256-gcm", guest
@ instructions per byte through AesGcm): armhf (cortex-a7) AES-256-GCM 55.53 with the armv4 AES
@ ("Petrel asm"; 114.6 before, with the C++ table4), 159.40 with the "ct" AES ("Petrel ct");
@ OpenSSL 3.0 with NEON 33.60, mbedTLS 148.31. The issue's <= 32 needs a NEON AES as well.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ r (q register, rl its low d) = a * b (d registers), carry-less 64x64 -> 128. Uses q1, q13-q15
@ and the masks d16-d18; a and b must not be among them nor in r.
        .macro  clmul64 r, rl, a, b
        vext.8          d26, \a, \a, #1
        vmull.p8        q13, d26, \b            @ A1*B
        vext.8          \rl, \b, \b, #1
        vmull.p8        \r, \a, \rl             @ A*B1
        veor            q13, q13, \r            @ j - i = +-1 (lanes 0-6), +-7 (lane 7)
        vext.8          d28, \a, \a, #2
        vmull.p8        q14, d28, \b            @ A2*B
        vext.8          \rl, \b, \b, #2
        vmull.p8        \r, \a, \rl             @ A*B2
        veor            q14, q14, \r            @ +-2 (lanes 0-5), +-6 (lanes 6-7)
        vext.8          d30, \a, \a, #3
        vmull.p8        q15, d30, \b            @ A3*B
        vext.8          \rl, \b, \b, #3
        vmull.p8        \r, \a, \rl             @ A*B3
        veor            q15, q15, \r            @ +-3 (lanes 0-4), +-5 (lanes 5-7)
        vext.8          d2, \b, \b, #4
        vmull.p8        q1, \a, d2              @ A*B4: +-4, every lane
        veor            d26, d26, d27           @ wrapped lanes down into the low half,
        vand            d27, d27, d16           @ the others kept in the high half
        veor            d26, d26, d27
        veor            d28, d28, d29
        vand            d29, d29, d17
        veor            d28, d28, d29
        veor            d30, d30, d31
        vand            d31, d31, d18
        veor            d30, d30, d31
        veor            d2, d2, d3
        vmov.i64        d3, #0
        vext.8          q13, q13, q13, #15      @ << 8
        vext.8          q14, q14, q14, #14      @ << 16
        vext.8          q15, q15, q15, #13      @ << 24
        vext.8          q1, q1, q1, #12         @ << 32
        vmull.p8        \r, \a, \b              @ A*B: i = j
        veor            q13, q13, q14
        veor            q15, q15, q1
        veor            \r, \r, q13
        veor            \r, \r, q15
        .endm

        .global petrel_ghash_blocks_armv7_neon
        .type   petrel_ghash_blocks_armv7_neon, %function
        .p2align 4
petrel_ghash_blocks_armv7_neon:
        cmp             r3, #0
        bxeq            lr
        vld1.64         {d4, d5, d6}, [r1]
        vld1.8          {d22, d23}, [r0]
        vrev64.8        q11, q11
        vswp            d22, d23                @ d22 low half of Y, d23 high half
        vmov.i64        d16, #0x0000ffffffffffff
        vmov.i64        d17, #0x00000000ffffffff
        vmov.i64        d18, #0x000000000000ffff
.Lblock:
        vld1.8          {d2, d3}, [r2]!
        vrev64.8        q1, q1                  @ d2 Xh, d3 Xl
        veor            d0, d23, d2             @ Yh
        veor            d1, d22, d3             @ Yl
        veor            d7, d0, d1              @ Yh ^ Yl
        clmul64         q10, d20, d1, d5        @ P0 = Yl*Hl
        clmul64         q11, d22, d0, d4        @ P2 = Yh*Hh
        clmul64         q12, d24, d7, d6        @ P1 = (Yh^Yl)*(Hh^Hl)
        veor            q12, q12, q10
        veor            q12, q12, q11           @ middle M = P1 ^ P0 ^ P2
        veor            d21, d21, d24           @ z1 = P0.hi ^ M.lo
        veor            d22, d22, d25           @ z2 = P2.lo ^ M.hi; q10 = z1:z0, q11 = z3:z2
        @ 256-bit shift left by one
        vshr.u64        q13, q10, #63
        vshr.u64        d28, d22, #63
        vshl.i64        q10, q10, #1
        vshl.i64        q11, q11, #1
        vorr            d21, d21, d26
        vorr            d22, d22, d27
        vorr            d23, d23, d28
        @ reduction, fold 1: the bits of L = z1:z0 that land below bit 128 (from z0 bits 0-6)
        vshl.i64        d26, d20, #63
        vshl.i64        d27, d20, #62
        vshl.i64        d28, d20, #57
        veor            d26, d26, d27
        veor            d26, d26, d28
        veor            d21, d21, d26
        @ fold 2: z3:z2 ^= L ^ L>>1 ^ L>>2 ^ L>>7 (128-bit shifts: per lane, then z1's low bits
        @ into the low lane)
        veor            q11, q11, q10
        vshr.u64        q13, q10, #1
        vshr.u64        q14, q10, #2
        vshr.u64        q15, q10, #7
        veor            q13, q13, q14
        veor            q13, q13, q15
        vshl.i64        d28, d21, #63
        vshl.i64        d29, d21, #62
        vshl.i64        d30, d21, #57
        veor            d28, d28, d29
        veor            d28, d28, d30
        veor            d26, d26, d28
        veor            q11, q11, q13
        subs            r3, r3, #1
        bne             .Lblock
        vswp            d22, d23
        vrev64.8        q11, q11
        vst1.8          {d22, d23}, [r0]
        veor            q0, q0, q0
        veor            q1, q1, q1
        veor            q2, q2, q2
        veor            q3, q3, q3
        veor            q8, q8, q8
        veor            q9, q9, q9
        veor            q10, q10, q10
        veor            q11, q11, q11
        veor            q12, q12, q12
        veor            q13, q13, q13
        veor            q14, q14, q14
        veor            q15, q15, q15
        bx              lr
        .size   petrel_ghash_blocks_armv7_neon, . - petrel_ghash_blocks_armv7_neon
#endif
        .section .note.GNU-stack, "", %progbits
