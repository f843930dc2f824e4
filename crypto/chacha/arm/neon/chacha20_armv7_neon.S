@ ChaCha20 block function and keystream xor (RFC 8439 sections 2.3-2.4) in ARMv7-A NEON:
@ variant "armv7-neon" of crypto/chacha/chacha20.cpp (the portable C++ there is the reference).
@ Built for ARMv7-A targets (crypto/chacha/arm/neon/, armhf) and used only when the CPU has NEON
@ (the variant table's run-time check, crypto/cpu/ arm_neon()); assembled with .fpu neon.
@
@ Calling convention: AAPCS (EABI, either float ABI: no VFP/NEON argument or result), ARM
@ state, little-endian, callable from ARM and Thumb code (bx lr). Contract of
@ crypto/chacha/chacha20_internal.h:
@   void petrel_chacha20_blocks_armv7_neon(uint8_t* out, const uint8_t* in, size_t nblocks,
@                                          const uint32_t state[16])
@     r0 out, r1 in, r2 nblocks (may be 0), r3 state (read only; state[12] is the first
@     block's counter, the caller guarantees state[12] + nblocks <= 2^32 and advances it).
@     out == in is allowed; no alignment is required of out and in (vld1.8 / vst1.8).
@
@ Layout: one block per four q registers, one row (4 words) each; the column round works on
@   the rows directly, the diagonal round after vext rotates rows 1, 2, 3 by 1, 2, 3 lanes
@   (and back). Rotations: 16 by vrev32.16, 12 / 8 / 7 by vshl + vsri.
@ Register plan:
@   three blocks at a time (.Lthree, while nblocks >= 3): q4-q7 block A, q8-q11 block B,
@     q12-q15 block C, q0-q2 temporaries (one per block), q3 spare; the input state lives in
@     the stack frame meanwhile.
@   one block at a time (.Lone, the last one or two blocks): q0-q3 the input state,
@     q4-q7 the block, q8 temporary, q8-q11 the data, q12 = {1, 0, 0, 0}.
@   r0 out, r1 in, r2 blocks left, ip round counter, r3 then the frame address.
@ Stack frame (16-byte aligned below the saved d8-d15 and r4, lr): [0,48) rows 0-2 of the
@   state, [48,64) row 3 of block A (the counter of the next block), [64,80) {1,0,0,0},
@   [80,96) {2,0,0,0}, [96,112) {3,0,0,0}. Rows 1-2 (key) and the q registers other than
@   d8-d15 (restored) are wiped before return.
@ Saves r4, lr and d8-d15 (the AAPCS callee-saved VFP registers).
@
@ Constant-time status: only additions, xors and fixed shifts/rotations on the state; the
@ branches are the round and block counts (public); no address depends on the key or the data.
@
@ Cost (counted from the code): 36 instructions per double round per block, 360 + about 22 per
@ 64-byte block (about 6.0 instructions per byte). No integer lanes beside the NEON ones (as
@ OpenSSL interleaves): an ARM block costs 12.5 instructions per byte, twice a NEON one, so
@ under the instruction count it does not pay. Measured on armhf (qemu-arm -cpu cortex-a7,
@ guest instructions per byte): scripts/insn-count --target armhf --n 16384 --
@ build/armhf/bench/insn/petrel_insn_driver chacha20 {N}: 6.09 (armv4: 12.92); in the AEAD,
@ scripts/perf-table --targets "armhf" --algs "chacha20-poly1305": 19.63 -> 12.71 with the
@ donna32 Poly1305, 10.60 with the armv4 one (OpenSSL's NEON code 11.96).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "chacha20_armv7_neon.S is little-endian only"
#endif
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text

@ Quarter rounds on the rows of three blocks at once (interleaved for the pipeline).
.macro  QR3 a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2
        vadd.i32 \a0, \a0, \b0
        vadd.i32 \a1, \a1, \b1
        vadd.i32 \a2, \a2, \b2
        veor    \d0, \d0, \a0
        veor    \d1, \d1, \a1
        veor    \d2, \d2, \a2
        vrev32.16 \d0, \d0
        vrev32.16 \d1, \d1
        vrev32.16 \d2, \d2
        vadd.i32 \c0, \c0, \d0
        vadd.i32 \c1, \c1, \d1
        vadd.i32 \c2, \c2, \d2
        veor    q0, \b0, \c0
        veor    q1, \b1, \c1
        veor    q2, \b2, \c2
        vshl.i32 \b0, q0, #12
        vshl.i32 \b1, q1, #12
        vshl.i32 \b2, q2, #12
        vsri.32 \b0, q0, #20
        vsri.32 \b1, q1, #20
        vsri.32 \b2, q2, #20
        vadd.i32 \a0, \a0, \b0
        vadd.i32 \a1, \a1, \b1
        vadd.i32 \a2, \a2, \b2
        veor    q0, \d0, \a0
        veor    q1, \d1, \a1
        veor    q2, \d2, \a2
        vshl.i32 \d0, q0, #8
        vshl.i32 \d1, q1, #8
        vshl.i32 \d2, q2, #8
        vsri.32 \d0, q0, #24
        vsri.32 \d1, q1, #24
        vsri.32 \d2, q2, #24
        vadd.i32 \c0, \c0, \d0
        vadd.i32 \c1, \c1, \d1
        vadd.i32 \c2, \c2, \d2
        veor    q0, \b0, \c0
        veor    q1, \b1, \c1
        veor    q2, \b2, \c2
        vshl.i32 \b0, q0, #7
        vshl.i32 \b1, q1, #7
        vshl.i32 \b2, q2, #7
        vsri.32 \b0, q0, #25
        vsri.32 \b1, q1, #25
        vsri.32 \b2, q2, #25
.endm

@ Quarter rounds on the rows of one block, temporary t.
.macro  QR1 a, b, c, d, t
        vadd.i32 \a, \a, \b
        veor    \d, \d, \a
        vrev32.16 \d, \d
        vadd.i32 \c, \c, \d
        veor    \t, \b, \c
        vshl.i32 \b, \t, #12
        vsri.32 \b, \t, #20
        vadd.i32 \a, \a, \b
        veor    \t, \d, \a
        vshl.i32 \d, \t, #8
        vsri.32 \d, \t, #24
        vadd.i32 \c, \c, \d
        veor    \t, \b, \c
        vshl.i32 \b, \t, #7
        vsri.32 \b, \t, #25
.endm

@ Rows b, c, d of one block rotated left by 1, 2, 3 lanes (diagonals into columns) or back.
.macro  DIAG b, c, d
        vext.32 \b, \b, \b, #1
        vext.32 \c, \c, \c, #2
        vext.32 \d, \d, \d, #3
.endm
.macro  UNDIAG b, c, d
        vext.32 \b, \b, \b, #3
        vext.32 \c, \c, \c, #2
        vext.32 \d, \d, \d, #1
.endm

        .global petrel_chacha20_blocks_armv7_neon
        .type   petrel_chacha20_blocks_armv7_neon, %function
        .p2align 4
petrel_chacha20_blocks_armv7_neon:
        cmp     r2, #0
        bxeq    lr
        push    {r4, lr}
        vpush   {d8-d15}
        mov     r4, sp
        sub     sp, sp, #112
        bic     sp, sp, #15
        vld1.32 {d0-d3}, [r3]!          @ the state into the frame
        vld1.32 {d4-d7}, [r3]
        mov     r3, sp
        vst1.32 {d0-d3}, [r3:128]!
        vst1.32 {d4-d7}, [r3:128]!
        vmov.i32 q0, #0
        mov     ip, #1
        vmov.32 d0[0], ip
        vst1.32 {d0-d1}, [r3:128]!      @ {1, 0, 0, 0}
        mov     ip, #2
        vmov.32 d0[0], ip
        vst1.32 {d0-d1}, [r3:128]!      @ {2, 0, 0, 0}
        mov     ip, #3
        vmov.32 d0[0], ip
        vst1.32 {d0-d1}, [r3:128]       @ {3, 0, 0, 0}
        mov     r3, sp
        cmp     r2, #3
        blo     .Lone_setup

.Lthree:
        vld1.32 {d8-d11}, [r3:128]!     @ block A rows 0, 1
        vld1.32 {d12-d15}, [r3:128]!    @ block A rows 2, 3
        vld1.32 {d0-d3}, [r3:128]       @ {1,0,0,0}, {2,0,0,0}
        sub     r3, r3, #64
        vmov    q8, q4
        vmov    q9, q5
        vmov    q10, q6
        vadd.i32 q11, q7, q0
        vmov    q12, q4
        vmov    q13, q5
        vmov    q14, q6
        vadd.i32 q15, q7, q1
        mov     ip, #10
.Lround3:
        QR3     q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15
        DIAG    q5, q6, q7
        DIAG    q9, q10, q11
        DIAG    q13, q14, q15
        QR3     q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15
        UNDIAG  q5, q6, q7
        UNDIAG  q9, q10, q11
        UNDIAG  q13, q14, q15
        subs    ip, ip, #1
        bne     .Lround3

        @ block A: keystream = x + state; out = in ^ keystream
        vld1.32 {d0-d3}, [r3:128]!
        vld1.32 {d4-d7}, [r3:128]!
        vadd.i32 q4, q4, q0
        vadd.i32 q5, q5, q1
        vadd.i32 q6, q6, q2
        vadd.i32 q7, q7, q3
        vadd.i32 q8, q8, q0             @ rows 0-2 of blocks B and C
        vadd.i32 q9, q9, q1
        vadd.i32 q10, q10, q2
        vadd.i32 q12, q12, q0
        vadd.i32 q13, q13, q1
        vadd.i32 q14, q14, q2
        vld1.32 {d0-d3}, [r3:128]!      @ {1,0,0,0}, {2,0,0,0}
        vadd.i32 q11, q11, q3
        vadd.i32 q15, q15, q3
        vadd.i32 q11, q11, q0           @ row 3 of B: state + 1
        vadd.i32 q15, q15, q1           @ row 3 of C: state + 2
        vld1.32 {d0-d1}, [r3:128]       @ {3,0,0,0}
        sub     r3, r3, #96
        vadd.i32 q3, q3, q0             @ the next counter
        add     ip, r3, #48
        vst1.32 {d6-d7}, [ip:128]
        vld1.8  {d0-d3}, [r1]!
        vld1.8  {d4-d7}, [r1]!
        veor    q4, q4, q0
        veor    q5, q5, q1
        veor    q6, q6, q2
        veor    q7, q7, q3
        vld1.8  {d0-d3}, [r1]!
        vst1.8  {d8-d11}, [r0]!
        vld1.8  {d4-d7}, [r1]!
        vst1.8  {d12-d15}, [r0]!
        veor    q8, q8, q0
        veor    q9, q9, q1
        veor    q10, q10, q2
        veor    q11, q11, q3
        vld1.8  {d0-d3}, [r1]!
        vst1.8  {d16-d19}, [r0]!
        vld1.8  {d4-d7}, [r1]!
        vst1.8  {d20-d23}, [r0]!
        veor    q12, q12, q0
        veor    q13, q13, q1
        veor    q14, q14, q2
        veor    q15, q15, q3
        vst1.8  {d24-d27}, [r0]!
        vst1.8  {d28-d31}, [r0]!
        sub     r2, r2, #3
        cmp     r2, #3
        bhs     .Lthree
        cmp     r2, #0
        beq     .Ldone

.Lone_setup:
        vld1.32 {d0-d3}, [r3:128]!      @ q0-q3 the state, q12 = {1,0,0,0}
        vld1.32 {d4-d7}, [r3:128]!
        vld1.32 {d24-d25}, [r3:128]
        sub     r3, r3, #64
.Lone:
        vmov    q4, q0
        vmov    q5, q1
        vmov    q6, q2
        vmov    q7, q3
        mov     ip, #10
.Lround1:
        QR1     q4, q5, q6, q7, q8
        DIAG    q5, q6, q7
        QR1     q4, q5, q6, q7, q8
        UNDIAG  q5, q6, q7
        subs    ip, ip, #1
        bne     .Lround1
        vadd.i32 q4, q4, q0
        vadd.i32 q5, q5, q1
        vadd.i32 q6, q6, q2
        vadd.i32 q7, q7, q3
        vld1.8  {d16-d19}, [r1]!
        vld1.8  {d20-d23}, [r1]!
        veor    q4, q4, q8
        veor    q5, q5, q9
        veor    q6, q6, q10
        veor    q7, q7, q11
        vst1.8  {d8-d11}, [r0]!
        vst1.8  {d12-d15}, [r0]!
        vadd.i32 q3, q3, q12            @ the next counter
        subs    r2, r2, #1
        bne     .Lone

.Ldone:
        @ wipe the frame (key rows) and the caller-saved q registers (key-derived values)
        vmov.i32 q0, #0
        vmov.i32 q1, #0
        vmov.i32 q2, #0
        vmov.i32 q3, #0
        vst1.32 {d0-d3}, [r3:128]!
        vst1.32 {d0-d3}, [r3:128]!
        vst1.32 {d0-d3}, [r3:128]!
        vst1.32 {d0-d1}, [r3:128]
        vmov.i32 q8, #0
        vmov.i32 q9, #0
        vmov.i32 q10, #0
        vmov.i32 q11, #0
        vmov.i32 q12, #0
        vmov.i32 q13, #0
        vmov.i32 q14, #0
        vmov.i32 q15, #0
        mov     sp, r4
        vpop    {d8-d15}
        pop     {r4, lr}
        bx      lr
        .size   petrel_chacha20_blocks_armv7_neon, . - petrel_chacha20_blocks_armv7_neon
#endif
        .section .note.GNU-stack, "", %progbits
