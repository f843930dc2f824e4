@ ChaCha20 block function and keystream xor (RFC 8439 sections 2.3-2.4), ARM state, ARMv4
@ baseline (no UMAAL, REV, UBFX, Thumb-2 or NEON: runs on armel's ARM926EJ-S): variant "armv4"
@ of crypto/chacha/chacha20.cpp (the portable C++ there is the reference).
@
@ Calling convention: AAPCS (EABI), ARM state, little-endian, callable from ARM and Thumb code
@ (return by pop {..., pc}, which interworks on ARMv5T and later). The contract is the one of
@ crypto/chacha/chacha20_internal.h:
@   void petrel_chacha20_blocks_armv4(uint8_t* out, const uint8_t* in, size_t nblocks,
@                                     const uint32_t state[16])
@     r0 out, r1 in, r2 nblocks (may be 0), r3 state (the 16 input words; state[12] is the
@     first block's counter, the caller ensures state[12] + nblocks <= 2^32 and advances it).
@     out[i] = in[i] ^ keystream for 64 * nblocks bytes; out == in is allowed, no alignment
@     is required (a word path when both are 4-byte aligned, else a byte path on ARMv5 and
@     an unaligned-word path on ARMv6 and later).
@
@ Register plan (rounds): x0..x3 r0-r3, x4..x7 r4-r7, x12..x15 r10, r11, ip, lr; of the third
@   row two words at a time in r8/r9 (x8,x9 for the column rounds of columns 0,1 and the
@   diagonals 2,3; x10,x11 otherwise), the other two in a stack slot: each swap is one stm and
@   one ldm, sp stepping between the two slots (stmia sp! / ldmdb sp!).
@   Rotations are deferred into the barrel shifter (as OpenSSL's chacha-armv4 does): the
@   second row is kept as rotl(b, 7) ror-25-pending and the fourth as d ror-24-pending, so a
@   quarter round is exactly 8 instructions (add/eor with a rotated operand).
@ Stack frame (sp_low after the prologue): [0,64) keystream buffer, of which [32,48) is the
@   two third-row slots during the rounds; [64,128) the working state (its counter word
@   advances per block); 128 round counter, 132 out, 136 in, 140 blocks left. Saves r4-r11, lr.
@
@ Constant-time status: only additions, xors and fixed rotations on the state; the branches
@ are the round and block counts and the alignment of the buffer addresses (all public); no
@ address depends on the key or the data.
@
@ Cost (counted from the code): 8 instructions per quarter round, 71 per double round, about
@ 800 per 64-byte block on the aligned path (12.5 per byte). Measured (guest instructions per
@ byte, scripts/insn-count --target T --n 16384 -- build/T/bench/insn/petrel_insn_driver
@ chacha20 {N}, 4096-byte pieces): armel 25.02 (portable C++) -> 12.92, armhf 12.92; in the
@ AEAD (scripts/perf-table --algs chacha20-poly1305): armel 33.61 -> 21.35 (OpenSSL 25.34),
@ armhf 34.82 -> 19.63 (OpenSSL's NEON code 11.96).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "chacha20_armv4.S is little-endian only"
#endif
        .syntax unified
        .arm
        .text

        .equ    KS, 0
        .equ    ST, 64
        .equ    CNT, 128
        .equ    OUTP, 132
        .equ    INP, 136
        .equ    NB, 140
        .equ    FRAME, 148              @ + 36 bytes of saved registers: 184, 8-aligned

@ One quarter round on (a, b, c, d) with b stored ror-25-pending and d ror-24-pending; leaves
@ them the same way.
.macro  QR a, b, c, d
        add     \a, \a, \b, ror #25
        eor     \d, \a, \d, ror #24
        add     \c, \c, \d, ror #16
        eor     \b, \c, \b, ror #25
        add     \a, \a, \b, ror #20
        eor     \d, \a, \d, ror #16
        add     \c, \c, \d, ror #24
        eor     \b, \c, \b, ror #20
.endm

        .global petrel_chacha20_blocks_armv4
        .type   petrel_chacha20_blocks_armv4, %function
        .p2align 2
petrel_chacha20_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r11, lr}
        sub     sp, sp, #FRAME
        str     r0, [sp, #OUTP]
        str     r1, [sp, #INP]
        str     r2, [sp, #NB]
        ldmia   r3!, {r4-r11}           @ copy the state into the frame
        add     ip, sp, #ST
        stmia   ip!, {r4-r11}
        ldmia   r3, {r4-r11}
        stmia   ip, {r4-r11}

.Lblock:
        mov     ip, #10
        str     ip, [sp, #CNT]
        add     ip, sp, #ST
        ldmia   ip!, {r0-r11}           @ x0..x11
        str     r10, [sp, #40]          @ x10, x11 into the second slot
        str     r11, [sp, #44]
        ldmia   ip, {r10, r11, ip, lr}  @ x12..x15
        add     sp, sp, #32             @ sp at the first slot (x8, x9 live in r8, r9)
        mov     r4, r4, ror #7          @ b row: pending ror 25
        mov     r5, r5, ror #7
        mov     r6, r6, ror #7
        mov     r7, r7, ror #7
        mov     r10, r10, ror #8        @ d row: pending ror 24
        mov     r11, r11, ror #8
        mov     ip, ip, ror #8
        mov     lr, lr, ror #8

.Lround:
        QR      r0, r4, r8, r10         @ column 0: x0 x4 x8 x12
        QR      r1, r5, r9, r11         @ column 1: x1 x5 x9 x13
        stmia   sp!, {r8, r9}           @ x8, x9 out; sp at the second slot
        ldmia   sp, {r8, r9}            @ x10, x11 in
        QR      r2, r6, r8, ip          @ column 2: x2 x6 x10 x14
        QR      r3, r7, r9, lr          @ column 3: x3 x7 x11 x15
        QR      r0, r5, r8, lr          @ diagonal 0: x0 x5 x10 x15
        QR      r1, r6, r9, r10         @ diagonal 1: x1 x6 x11 x12
        stmia   sp, {r8, r9}            @ x10, x11 out
        ldr     r8, [sp, #CNT - 40]
        subs    r8, r8, #1
        str     r8, [sp, #CNT - 40]
        ldmdb   sp!, {r8, r9}           @ x8, x9 in; sp back at the first slot
        QR      r2, r7, r8, r11         @ diagonal 2: x2 x7 x8 x13
        QR      r3, r4, r9, ip          @ diagonal 3: x3 x4 x9 x14
        bne     .Lround

        @ keystream = x + state, into the buffer [sp_low, sp_low + 64)
        stmia   sp, {r8, r9}            @ x8, x9 beside x10, x11: buffer words 8..11
        sub     sp, sp, #32
        stmia   sp, {r0-r3}             @ x0..x3 (state added below)
        add     r0, sp, #ST + 16
        ldmia   r0, {r0-r3}
        add     r4, r0, r4, ror #25
        add     r5, r1, r5, ror #25
        add     r6, r2, r6, ror #25
        add     r7, r3, r7, ror #25
        add     r0, sp, #ST + 48
        ldmia   r0, {r0-r3}
        add     r10, r0, r10, ror #24
        add     r11, r1, r11, ror #24
        add     ip, r2, ip, ror #24
        add     lr, r3, lr, ror #24
        add     r0, sp, #16
        stmia   r0, {r4-r7}
        add     r0, sp, #48
        stmia   r0, {r10, r11, ip, lr}
        ldmia   sp, {r0-r3}
        add     r4, sp, #ST
        ldmia   r4, {r4-r7}
        add     r0, r0, r4
        add     r1, r1, r5
        add     r2, r2, r6
        add     r3, r3, r7
        stmia   sp, {r0-r3}
        add     r8, sp, #32
        ldmia   r8, {r0-r3}
        add     r4, sp, #ST + 32
        ldmia   r4, {r4-r7}
        add     r0, r0, r4
        add     r1, r1, r5
        add     r2, r2, r6
        add     r3, r3, r7
        stmia   r8, {r0-r3}
        ldr     r0, [sp, #ST + 48]      @ the next block's counter
        add     r0, r0, #1
        str     r0, [sp, #ST + 48]

        @ out = in ^ keystream
        ldr     ip, [sp, #INP]
        ldr     lr, [sp, #OUTP]
        mov     r11, sp
        orr     r0, ip, lr
        tst     r0, #3
        bne     .Lbytes
        mov     r10, #4
.Lwords:
        ldmia   ip!, {r0-r3}
        ldmia   r11!, {r4-r7}
        eor     r0, r0, r4
        eor     r1, r1, r5
        eor     r2, r2, r6
        eor     r3, r3, r7
        stmia   lr!, {r0-r3}
        subs    r10, r10, #1
        bne     .Lwords
        b       .Lnext
.Lbytes:
#if __ARM_ARCH >= 6
        @ ARMv6 and later (armhf): single-word LDR/STR may be unaligned (Linux leaves SCTLR.A
        @ clear; LDM/STM may not), so a word at a time.
        mov     r10, #16
.Lunaligned:
        ldr     r0, [ip], #4
        ldr     r4, [r11], #4
        eor     r0, r0, r4
        str     r0, [lr], #4
        subs    r10, r10, #1
        bne     .Lunaligned
        b       .Lnext
#endif
        mov     r10, #16
.Lbyteword:
        ldr     r4, [r11], #4
        ldrb    r0, [ip], #1
        ldrb    r1, [ip], #1
        ldrb    r2, [ip], #1
        ldrb    r3, [ip], #1
        eor     r0, r0, r4
        eor     r1, r1, r4, lsr #8
        eor     r2, r2, r4, lsr #16
        eor     r3, r3, r4, lsr #24
        strb    r0, [lr], #1
        strb    r1, [lr], #1
        strb    r2, [lr], #1
        strb    r3, [lr], #1
        subs    r10, r10, #1
        bne     .Lbyteword
.Lnext:
        str     ip, [sp, #INP]
        str     lr, [sp, #OUTP]
        ldr     r0, [sp, #NB]
        subs    r0, r0, #1
        str     r0, [sp, #NB]
        bne     .Lblock

        @ wipe the keystream buffer and the working state (key words) from the stack
        mov     r0, #0
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
        add     sp, sp, #FRAME
        pop     {r4-r11, pc}
        .size   petrel_chacha20_blocks_armv4, . - petrel_chacha20_blocks_armv4
#endif
        .section .note.GNU-stack, "", %progbits
