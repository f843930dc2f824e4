@ Poly1305 block function (RFC 8439 section 2.5) in ARM assembly, ARMv4 baseline (UMULL/UMLAL;
@ no UMAAL, no NEON: runs on armel's ARM926EJ-S and on armhf): variant "armv4" of
@ crypto/chacha/poly1305.cpp. Radix 2^32: h = h0 + h1 2^32 + h2 2^64 + h3 2^96 + h4 2^128,
@ r = r0 + r1 2^32 + r2 2^64 + r3 2^96, with s_i = r_i + (r_i >> 2) = 5 r_i / 4 (exact: the
@ clamp clears the low two bits of r1..r3), so 2^128 r_i == s_i mod 2^130 - 5. The key set-up
@ and the final reduction are C++ (crypto/chacha/arm/poly1305_armv4_glue.cpp).
@
@ Calling convention: AAPCS (EABI), ARM state, little-endian, callable from ARM and Thumb code
@ (pop {..., pc} interworks on ARMv5T and later). Contract of crypto/chacha/poly1305_internal.h:
@   void petrel_poly1305_blocks_armv4(void* state, const uint8_t* m, size_t nblocks,
@                                     uint32_t last)
@     r0 state, r1 m (any alignment: a word path when m is 4-byte aligned, else unaligned LDR on
@     ARMv6 and later, bytes on ARMv5), r2 nblocks (may be 0), r3 last (1: no 2^128 bit).
@ State layout (words; the glue writes it): [0,4) r0 r1 r2 r3, [4,8) s3 r0 r1 r2, [8,12) s2 s3
@   r0 r1, [12,16) s1 s2 s3 r0: the row of coefficients that h0, h1, h2, h3 meet in d0..d3 (h4
@   meets s1 s2 s3 in d1..d3 and r0 in d4: the last row again); [16,21) h0..h4; [21,25) s (pad).
@ Register plan (per block): r0 state (post-indexed row by row, put back), d0..d3 as 64-bit
@   pairs r1:r2, r3:r4, r5:r6, r7:r8 (after the carry h0..h4 = r1, r3, r5, r7, r8), r9-r12 one
@   row of coefficients (the message words while adding), lr the limb h_j of the current row.
@   Stack: [sp] m, [sp, #4] blocks left, [sp, #8] the 2^128 bit (1 - last). Saves r4-r11, lr.
@ Bounds: h4 <= 6 after adding a block, r_i < 2^28, s_i < 2^28 + 2^26: each d_i is a sum of at
@   most five products below 2^61, so no 64-bit accumulator overflows; the partial reduction
@   (h4 >> 2) * 5 into h0 leaves h4 <= 4, h < 2 (2^130 - 5), which the glue's final reduction
@   takes.
@
@ Constant-time status: straight-line multiplies, additions with carry and fixed shifts; the
@ branches are the block count and the alignment of m (public); no address depends on the key,
@ the accumulator or the message (the trace check, tests/ct, sees instruction and data
@ addresses). Multiplier timing is not something the trace sees: UMULL/UMLAL are taken to be
@ of fixed latency on the target cores (Cortex-A7; ARM926EJ-S), as OpenSSL's poly1305-armv4 does.
@
@ Cost (counted from the code): 61 instructions per 16-byte block on the word path (3.8 per
@ byte). Measured (guest instructions per byte, scripts/insn-count --target armhf --n 16384 --
@ build/armhf/bench/insn/petrel_insn_driver poly1305 {N}): armhf 3.77 (donna32 C++: 5.96);
@ in the AEAD with the armv7-neon ChaCha20, scripts/perf-table --targets "armhf" --algs
@ "chacha20-poly1305": 10.60 (OpenSSL 11.96). armel: see the final figures in README.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#if defined(__ARMEB__)
#error "poly1305_armv4.S is little-endian only"
#endif
        .syntax unified
        .arm
        .text

        .equ    MP, 0
        .equ    NB, 4
        .equ    PAD, 8

@ h += m (with the 2^128 bit), h stored for the rows; leaves lr = the next m.
.macro  ADDMSG
        adds    r1, r1, r9
        adcs    r3, r3, r10
        adcs    r5, r5, r11
        adcs    r7, r7, r12
        ldr     r9, [sp, #PAD]
        adc     r8, r8, r9
        str     lr, [sp, #MP]
        add     r9, r0, #64
        stmia   r9, {r1, r3, r5, r7, r8}
.endm

@ h *= r mod 2^130 - 5 (partially reduced), h from the state words [16,21).
.macro  MULR
        ldr     lr, [r0, #64]           @ h0 x (r0 r1 r2 r3)
        ldmia   r0!, {r9-r12}
        umull   r1, r2, lr, r9
        umull   r3, r4, lr, r10
        umull   r5, r6, lr, r11
        umull   r7, r8, lr, r12
        ldr     lr, [r0, #52]           @ h1 x (s3 r0 r1 r2)
        ldmia   r0!, {r9-r12}
        umlal   r1, r2, lr, r9
        umlal   r3, r4, lr, r10
        umlal   r5, r6, lr, r11
        umlal   r7, r8, lr, r12
        ldr     lr, [r0, #40]           @ h2 x (s2 s3 r0 r1)
        ldmia   r0!, {r9-r12}
        umlal   r1, r2, lr, r9
        umlal   r3, r4, lr, r10
        umlal   r5, r6, lr, r11
        umlal   r7, r8, lr, r12
        ldr     lr, [r0, #28]           @ h3 x (s1 s2 s3 r0)
        ldmia   r0, {r9-r12}
        umlal   r1, r2, lr, r9
        umlal   r3, r4, lr, r10
        umlal   r5, r6, lr, r11
        umlal   r7, r8, lr, r12
        ldr     lr, [r0, #32]           @ h4 x (s1 s2 s3) into d1..d3, h4 x r0 = d4
        umlal   r3, r4, lr, r9
        umlal   r5, r6, lr, r10
        umlal   r7, r8, lr, r11
        mul     r9, lr, r12
        sub     r0, r0, #48
        adds    r3, r3, r2              @ carry: h0 = d0 lo, ..., h4 = d4 + d3 hi
        adc     r4, r4, #0
        adds    r5, r5, r4
        adc     r6, r6, #0
        adds    r7, r7, r6
        adc     r8, r8, #0
        add     r8, r8, r9
        bic     r9, r8, #3              @ (h4 >> 2) * 5 into h0, h4 &= 3
        and     r8, r8, #3
        add     r9, r9, r9, lsr #2
        adds    r1, r1, r9
        adcs    r3, r3, #0
        adcs    r5, r5, #0
        adcs    r7, r7, #0
        adc     r8, r8, #0
        ldr     lr, [sp, #NB]
        subs    lr, lr, #1
        str     lr, [sp, #NB]
.endm

        .global petrel_poly1305_blocks_armv4
        .type   petrel_poly1305_blocks_armv4, %function
        .p2align 2
petrel_poly1305_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r11, lr}
        sub     sp, sp, #12
        str     r1, [sp, #MP]
        str     r2, [sp, #NB]
        rsb     r3, r3, #1
        str     r3, [sp, #PAD]
        add     r9, r0, #64
        ldmia   r9, {r1, r3, r5, r7, r8}  @ h0..h4
        ldr     lr, [sp, #MP]
        tst     lr, #3
        bne     .Lunaligned
.Laligned:
        ldr     lr, [sp, #MP]
        ldmia   lr!, {r9-r12}
        ADDMSG
        MULR
        bne     .Laligned
        b       .Ldone
.Lunaligned:
        ldr     lr, [sp, #MP]
#if __ARM_ARCH >= 6
        ldr     r9, [lr], #4            @ ARMv6 and later: LDR may be unaligned (not LDM)
        ldr     r10, [lr], #4
        ldr     r11, [lr], #4
        ldr     r12, [lr], #4
#else
        ldrb    r9, [lr], #1            @ ARMv5: bytes
        ldrb    r10, [lr], #1
        orr     r9, r9, r10, lsl #8
        ldrb    r10, [lr], #1
        orr     r9, r9, r10, lsl #16
        ldrb    r10, [lr], #1
        orr     r9, r9, r10, lsl #24
        ldrb    r10, [lr], #1
        ldrb    r11, [lr], #1
        orr     r10, r10, r11, lsl #8
        ldrb    r11, [lr], #1
        orr     r10, r10, r11, lsl #16
        ldrb    r11, [lr], #1
        orr     r10, r10, r11, lsl #24
        ldrb    r11, [lr], #1
        ldrb    r12, [lr], #1
        orr     r11, r11, r12, lsl #8
        ldrb    r12, [lr], #1
        orr     r11, r11, r12, lsl #16
        ldrb    r12, [lr], #1
        orr     r11, r11, r12, lsl #24
        ldrb    r12, [lr], #1
        ldrb    r2, [lr], #1            @ r2 (d0 hi) is free until MULR
        orr     r12, r12, r2, lsl #8
        ldrb    r2, [lr], #1
        orr     r12, r12, r2, lsl #16
        ldrb    r2, [lr], #1
        orr     r12, r12, r2, lsl #24
#endif
        ADDMSG
        MULR
        bne     .Lunaligned
.Ldone:
        add     r9, r0, #64
        stmia   r9, {r1, r3, r5, r7, r8}
        add     sp, sp, #12
        pop     {r4-r11, pc}
        .size   petrel_poly1305_blocks_armv4, . - petrel_poly1305_blocks_armv4
#endif
        .section .note.GNU-stack, "", %progbits
