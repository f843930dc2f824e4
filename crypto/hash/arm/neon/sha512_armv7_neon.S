@ SHA-512 block function in ARMv7-A NEON: variant "armv7-neon" of the SHA-512 table
@ (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha512.cpp is the reference).
@ FIPS 180-4 sections 6.4.2 (the 80 rounds) and 4.1.3 (the functions). Built for ARMv7-A
@ targets (crypto/hash/arm/neon/, armhf) and used only when the CPU has NEON (the variant
@ table's run-time check, crypto/cpu/ arm_neon()); assembled with .fpu neon.
@
@ Calling convention: AAPCS (EABI, either float ABI: no VFP/NEON argument or result), ARM
@ state, little-endian, callable from ARM and Thumb code (bx lr / pop {..., pc}).
@   void petrel_sha512_blocks_armv7_neon(uint64_t state[8], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H7), r1 in (any alignment: vld1.8), r2 nblocks (may be 0). No return value.
@
@ Design: everything in NEON, one 64-bit word per d register lane, in two phases per block.
@   Phase 1, the message schedule: W[0..15] in q0-q7 (two words per q register, a 16-word
@     ring), the next two words at a time (sigma0 / sigma1 as vshr + vsli rotations on both
@     lanes), W[t] + K[t] for all 80 rounds stored to the stack frame; temporaries q12-q15.
@   Phase 2, the 80 rounds: the state in q8-q11 as the pairs {a,e}, {b,f}, {c,g}, {d,h}
@     (a..d in the low lanes, e..h in the high ones; which q register holds which pair rotates
@     with the round in the macro arguments, back in place after 4 rounds). Per round:
@       {Sigma0(a), Sigma1(e)} at once: six VSHL by register (q0-q5 hold per-lane shift counts,
@         right as negative counts, left as 64-n) and five VEOR;
@       {Maj(a,b,c), Ch(e,f,g)} at once: one VBSL, selector {a^c, e} = {a,e} ^ ({c,g} & q6)
@         with q6 = {~0, 0} (Maj(a,b,c) = (a^c) ? b : c, Ch(e,f,g) = e ? f : g);
@       one VADD.I64 of the two pairs, then T1 = h + W+K + Sigma1 + Ch, new e = d + T1 into
@         h's register (high lane) and new a = T1 + Sigma0 + Maj into d's (low lane), so the
@         {d,h} pair becomes the next {a,e}. 19.5 instructions per round (W+K loaded two
@         rounds at a time into q15).
@ Register plan: q0-q7 W (phase 1), q0-q5 shift counts and q6 the lane mask (phase 2),
@   q8-q11 the state (d16 a, d17 e, d18 b, d19 f, d20 c, d21 g, d22 d, d23 h at a block's
@   start), q12-q14 temporaries, q15 W+K; r0 state, r1 in, r2 blocks left, r3 K pointer,
@   r4 the caller's sp, r5 the W+K pointer, r6 the shift-count table, ip loop counter.
@ Stack frame (16-byte aligned): [0,64) the chaining value of the block (the state pairs'
@   layout), [64,704) W[t] + K[t], t = 0..79; wiped before return, as are q0-q7 and q12-q15
@   (d8-d15 are restored). Saves r4-r6, lr and d8-d15 (the AAPCS callee-saved VFP registers).
@
@ Constant-time status: only 64-bit additions, logic and fixed shifts (the VSHL counts are
@   constants) on the state and the message; the branches are the block count and the fixed
@   loop counts; the only addresses are the frame, the input and K[t] by round number.
@
@ Cost (counted from the code): per block 80 x 19.5 (rounds) + 32 x 19 (schedule, two words
@   at a time) + 80 (W+K) + about 40, about 2,290 instructions: about 17.9 per byte.
@ Measured (guest instructions per byte, 16 KiB, qemu-arm -cpu cortex-a7):
@   scripts/perf-table --targets armhf --algs "sha1 sha256 sha512 hmac-sha256" (at 6e5e0a2;
@   the same as scripts/insn-count --target armhf --n 16384 --
@   build/armhf/bench/insn/petrel_insn_driver -impl neon ALG {N}): sha512 18.06 (armv4 55.76;
@   OpenSSL's NEON code 22.70).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "sha512_armv7_neon.S is little-endian only"
#endif
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ Two schedule words: qa = {W[t-16], W[t-15]} becomes {W[t], W[t+1]}; qb = {W[t-14],W[t-13]},
@ q4 = {W[t-8], W[t-7]}, q5 = {W[t-6], W[t-5]}, q7 = {W[t-2], W[t-1]}.
@ W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
        .macro  SCHED qa, qb, q4, q5, q7
        vext.8  q12, \qa, \qb, #8               @ {W[t-15], W[t-14]}
        vext.8  q13, \q4, \q5, #8               @ {W[t-7], W[t-6]}
        vadd.i64 \qa, \qa, q13
        vshr.u64 q13, \q7, #19                  @ sigma1 = ror19 ^ ror61 ^ shr6
        vshr.u64 q14, \q7, #61
        vshr.u64 q15, \q7, #6
        vsli.64 q13, \q7, #45
        vsli.64 q14, \q7, #3
        veor    q15, q15, q13
        veor    q15, q15, q14
        vadd.i64 \qa, \qa, q15
        vshr.u64 q13, q12, #1                   @ sigma0 = ror1 ^ ror8 ^ shr7
        vshr.u64 q14, q12, #8
        vshr.u64 q15, q12, #7
        vsli.64 q13, q12, #63
        vsli.64 q14, q12, #56
        veor    q15, q15, q13
        veor    q15, q15, q14
        vadd.i64 \qa, \qa, q15
        .endm

@ W + K for four words (qx, qy), stored at r5; r3 walks K.
        .macro  KW4 qx, qy
        vld1.64 {d24-d27}, [r3 :128]!
        vadd.i64 q12, q12, \qx
        vadd.i64 q13, q13, \qy
        vst1.64 {d24-d27}, [r5 :128]!
        .endm

@ One round on the pairs pae = {a,e}, pbf = {b,f}, pcg = {c,g}; dd / hd the two halves of
@ the {d,h} pair; kw the d register holding W[t] + K[t].
        .macro  ROUND pae, pbf, pcg, dd, hd, kw
        vshl.u64 q12, \pae, q0                  @ {Sigma0(a), Sigma1(e)}: six shifts
        vshl.u64 q13, \pae, q1
        veor    q12, q12, q13
        vshl.u64 q13, \pae, q2
        veor    q12, q12, q13
        vshl.u64 q13, \pae, q3
        veor    q12, q12, q13
        vshl.u64 q13, \pae, q4
        veor    q12, q12, q13
        vshl.u64 q13, \pae, q5
        veor    q12, q12, q13
        vand    q14, \pcg, q6                   @ {c, 0}
        veor    q14, q14, \pae                  @ {a^c, e}
        vbsl    q14, \pbf, \pcg                 @ {Maj(a,b,c), Ch(e,f,g)}
        vadd.i64 q12, q12, q14                  @ {Sigma0 + Maj, Sigma1 + Ch}
        vadd.i64 d25, d25, \hd
        vadd.i64 d25, d25, \kw                  @ T1
        vadd.i64 \hd, \dd, d25                  @ the new e
        vadd.i64 \dd, d25, d24                  @ the new a
        .endm

        .global petrel_sha512_blocks_armv7_neon
        .type   petrel_sha512_blocks_armv7_neon, %function
        .p2align 2
petrel_sha512_blocks_armv7_neon:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r6, lr}
        vpush   {d8-d15}
        mov     r4, sp
        sub     sp, sp, #704
        bic     sp, sp, #15
        vldr    d16, [r0]                       @ the state as the pairs {a,e} .. {d,h}
        vldr    d18, [r0, #8]
        vldr    d20, [r0, #16]
        vldr    d22, [r0, #24]
        vldr    d17, [r0, #32]
        vldr    d19, [r0, #40]
        vldr    d21, [r0, #48]
        vldr    d23, [r0, #56]
        adrl    r6, .Lcounts
.Lblock:
        vstmia  sp, {d16-d23}                   @ the chaining value
        vld1.8  {d0-d3}, [r1]!
        vld1.8  {d4-d7}, [r1]!
        vld1.8  {d8-d11}, [r1]!
        vld1.8  {d12-d15}, [r1]!
        vrev64.8 q0, q0
        vrev64.8 q1, q1
        vrev64.8 q2, q2
        vrev64.8 q3, q3
        vrev64.8 q4, q4
        vrev64.8 q5, q5
        vrev64.8 q6, q6
        vrev64.8 q7, q7
        sub     r3, r6, #640                    @ .Lk512
        add     r5, sp, #64
        KW4     q0, q1
        KW4     q2, q3
        KW4     q4, q5
        KW4     q6, q7
        mov     ip, #4
.Lsched:                                        @ 16 words per pass, W[16..79]
        SCHED   q0, q1, q4, q5, q7
        SCHED   q1, q2, q5, q6, q0
        KW4     q0, q1
        SCHED   q2, q3, q6, q7, q1
        SCHED   q3, q4, q7, q0, q2
        KW4     q2, q3
        SCHED   q4, q5, q0, q1, q3
        SCHED   q5, q6, q1, q2, q4
        KW4     q4, q5
        SCHED   q6, q7, q2, q3, q5
        SCHED   q7, q0, q3, q4, q6
        KW4     q6, q7
        subs    ip, ip, #1
        bne     .Lsched

        vldmia  r6, {d0-d13}                    @ shift counts and the lane mask
        add     r5, sp, #64
        mov     ip, #10
.Lrounds:                                       @ 8 rounds per pass
        vld1.64 {d30, d31}, [r5 :128]!
        ROUND   q8, q9, q10, d22, d23, d30
        ROUND   q11, q8, q9, d20, d21, d31
        vld1.64 {d30, d31}, [r5 :128]!
        ROUND   q10, q11, q8, d18, d19, d30
        ROUND   q9, q10, q11, d16, d17, d31
        vld1.64 {d30, d31}, [r5 :128]!
        ROUND   q8, q9, q10, d22, d23, d30
        ROUND   q11, q8, q9, d20, d21, d31
        vld1.64 {d30, d31}, [r5 :128]!
        ROUND   q10, q11, q8, d18, d19, d30
        ROUND   q9, q10, q11, d16, d17, d31
        subs    ip, ip, #1
        bne     .Lrounds

        vldmia  sp, {d24-d31}                   @ add the chaining value
        vadd.i64 q8, q8, q12
        vadd.i64 q9, q9, q13
        vadd.i64 q10, q10, q14
        vadd.i64 q11, q11, q15
        subs    r2, r2, #1
        bne     .Lblock

        vstr    d16, [r0]
        vstr    d18, [r0, #8]
        vstr    d20, [r0, #16]
        vstr    d22, [r0, #24]
        vstr    d17, [r0, #32]
        vstr    d19, [r0, #40]
        vstr    d21, [r0, #48]
        vstr    d23, [r0, #56]
        vmov.i64 q0, #0                         @ wipe the frame and the registers
        vmov.i64 q1, #0
        vmov.i64 q2, #0
        vmov.i64 q3, #0
        vmov.i64 q4, #0
        vmov.i64 q5, #0
        vmov.i64 q6, #0
        vmov.i64 q7, #0
        vmov.i64 q12, #0
        vmov.i64 q13, #0
        vmov.i64 q14, #0
        vmov.i64 q15, #0
        mov     r5, sp
        mov     ip, #11
.Lwipe:
        vst1.64 {d0-d3}, [r5 :128]!
        vst1.64 {d4-d7}, [r5 :128]!
        subs    ip, ip, #1
        bne     .Lwipe
        mov     sp, r4
        vpop    {d8-d15}
        pop     {r4-r6, pc}
        .size   petrel_sha512_blocks_armv7_neon, . - petrel_sha512_blocks_armv7_neon

        .p2align 4
.Lk512:                                         @ FIPS 180-4 section 4.2.3
        .quad   0x428a2f98d728ae22, 0x7137449123ef65cd
        .quad   0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc
        .quad   0x3956c25bf348b538, 0x59f111f1b605d019
        .quad   0x923f82a4af194f9b, 0xab1c5ed5da6d8118
        .quad   0xd807aa98a3030242, 0x12835b0145706fbe
        .quad   0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2
        .quad   0x72be5d74f27b896f, 0x80deb1fe3b1696b1
        .quad   0x9bdc06a725c71235, 0xc19bf174cf692694
        .quad   0xe49b69c19ef14ad2, 0xefbe4786384f25e3
        .quad   0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65
        .quad   0x2de92c6f592b0275, 0x4a7484aa6ea6e483
        .quad   0x5cb0a9dcbd41fbd4, 0x76f988da831153b5
        .quad   0x983e5152ee66dfab, 0xa831c66d2db43210
        .quad   0xb00327c898fb213f, 0xbf597fc7beef0ee4
        .quad   0xc6e00bf33da88fc2, 0xd5a79147930aa725
        .quad   0x06ca6351e003826f, 0x142929670a0e6e70
        .quad   0x27b70a8546d22ffc, 0x2e1b21385c26c926
        .quad   0x4d2c6dfc5ac42aed, 0x53380d139d95b3df
        .quad   0x650a73548baf63de, 0x766a0abb3c77b2a8
        .quad   0x81c2c92e47edaee6, 0x92722c851482353b
        .quad   0xa2bfe8a14cf10364, 0xa81a664bbc423001
        .quad   0xc24b8b70d0f89791, 0xc76c51a30654be30
        .quad   0xd192e819d6ef5218, 0xd69906245565a910
        .quad   0xf40e35855771202a, 0x106aa07032bbd1b8
        .quad   0x19a4c116b8d2d0c8, 0x1e376c085141ab53
        .quad   0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8
        .quad   0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb
        .quad   0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3
        .quad   0x748f82ee5defb2fc, 0x78a5636f43172f60
        .quad   0x84c87814a1f0ab72, 0x8cc702081a6439ec
        .quad   0x90befffa23631e28, 0xa4506cebde82bde9
        .quad   0xbef9a3f7b2c67915, 0xc67178f2e372532b
        .quad   0xca273eceea26619c, 0xd186b8c721c0c207
        .quad   0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178
        .quad   0x06f067aa72176fba, 0x0a637dc5a2c898a6
        .quad   0x113f9804bef90dae, 0x1b710b35131c471b
        .quad   0x28db77f523047d84, 0x32caab7b40c72493
        .quad   0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c
        .quad   0x4cc5d4becb3e42b6, 0x597f299cfc657e2a
        .quad   0x5fcb6fab3ad6faec, 0x6c44198c4a475817
@ The VSHL counts of phase 2 (the low byte of each lane counts; negative = right): lane 0
@ Sigma0 = ror28 ^ ror34 ^ ror39, lane 1 Sigma1 = ror14 ^ ror18 ^ ror41; then the mask q6.
.Lcounts:
        .quad   -28, -14
        .quad   36, 50
        .quad   -34, -18
        .quad   30, 46
        .quad   -39, -41
        .quad   25, 23
        .quad   0xffffffffffffffff, 0
#endif
        .section .note.GNU-stack, "", %progbits
