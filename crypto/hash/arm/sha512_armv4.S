@ SHA-512 (and so SHA-384) block function, ARM state, ARMv4 baseline: variant "armv4" of the
@ SHA-512 table (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha512.cpp is the
@ reference). FIPS 180-4 sections 6.4.2 (the 80 rounds) and 4.1.3 (the functions).
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ BX LR or POP {..., pc}, which interwork on ARMv5T and later).
@   void petrel_sha512_blocks_armv4(uint64_t state[8], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H7, each as low word then high word), r1 in (any alignment), r2 nblocks
@     (may be 0). No return value.
@
@ Each 64-bit value is a pair of registers (low, high). Register plan: r0:r1 a and r2:r3 e (kept
@   in registers from one round to the next, and also stored in their slots, since they become
@   b and f), r6:r7 W[t] and then T1 (the accumulator of the round), r4:r5 Sigma and Maj,
@   r8:r9 and r10:r11 the loaded operands, r12 the round-constant pointer, lr the input pointer.
@   Stack (208 bytes, 8-aligned): the eight working variables in slots at [sp, #0..63] whose
@   roles rotate with the round in the macro arguments (role r at slot (r - t) mod 8, so no
@   value moves: a new a is written over h's slot, a new e over d's); W[t mod 16] at
@   [sp, #64..191]; the state pointer, the end of the input, the constants' start and end, and
@   the input pointer. Saves r4-r12 and lr (40 bytes). The frame (W and the variables) is wiped
@   before return.
@   Pairs move with LDRD/STRD (one instruction each) where the target has them (ARMv5TE and
@   later: armel, armhf); a plain ARMv4 build uses two LDR/STR instead.
@ Per round: Sigma1 and Sigma0 as 12 shifted-operand EOR/MOV each (a 64-bit rotation is two
@   shifted terms per half; ROTR 41, 34 and 39 swap the halves), Ch = ((f^g)&e)^g and
@   Maj = ((a^b)&(b^c))^b on both halves (6 and 8), seven 64-bit ADDS/ADC pairs, nine pair
@   loads and two pair stores: 63 instructions. The schedule adds 33 in rounds 16-79 (sigma0,
@   sigma1 as 11 each, three 64-bit adds, four loads, the store); rounds 0-15 load big-endian
@   words: LDR + REV where the target is ARMv6 or later (armhf), else 8 LDRB and 6 ORR per
@   64-bit word (armel, any alignment either way). Rounds 0-15 are one unrolled copy, rounds
@   16-79 a loop of four passes over one unrolled copy of 16 rounds.
@
@ Constant-time status: no branch and no address depends on the state or the message; the only
@   branches are the block count and the fixed round loop. No multiplies.
@
@ Cost, counted from the code: 80 x 63 + 64 x 33 + 16 x 15 (ARMv5TE loads; 5 on ARMv6+) plus
@   about 60 per 128-byte block: 58.2 instructions per byte on armel, 57.1 on armhf.
@ Measured (scripts/perf-table --targets "armhf armel" --algs "rc4 sha512", guest instructions
@   per byte, 16 KiB in 4096-byte updates, at f558393): armel sha512 68.73 (portable C++) ->
@   57.01 (OpenSSL 70.01, mbedTLS 81.28); armhf 65.93 -> 55.76 (OpenSSL's NEON code 22.70).
@   Code: about 2,650 instructions (32 unrolled rounds) plus the 640-byte constant table.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arm
        .text

#if (defined(__ARM_ARCH) && __ARM_ARCH >= 6) || defined(__ARM_ARCH_5TE__) || \
    defined(__ARM_ARCH_5TEJ__)
#define PETREL_HAVE_LDRD 1
#endif

#define F_STATE 192
#define F_END 196
#define F_K 200
#define F_KEND 204
#define F_IN 208
#define F_SIZE 216

@ A register pair from / to the frame at [sp, #\off].
        .macro  LDD lo, hi, off
#if defined(PETREL_HAVE_LDRD)
        ldrd    \lo, \hi, [sp, #\off]
#else
        ldr     \lo, [sp, #\off]
        ldr     \hi, [sp, #\off+4]
#endif
        .endm

        .macro  STD lo, hi, off
#if defined(PETREL_HAVE_LDRD)
        strd    \lo, \hi, [sp, #\off]
#else
        str     \lo, [sp, #\off]
        str     \hi, [sp, #\off+4]
#endif
        .endm

@ 64-bit add: lo:hi += lo2:hi2.
        .macro  ADD64 lo, hi, lo2, hi2
        adds    \lo, \lo, \lo2
        adc     \hi, \hi, \hi2
        .endm

@ Sigma1(x) = ROTR 14 ^ ROTR 18 ^ ROTR 41 of lo:hi into olo:ohi.
        .macro  BSIG1 olo, ohi, lo, hi
        mov     \olo, \lo, lsr #14
        eor     \olo, \olo, \hi, lsl #18
        eor     \olo, \olo, \lo, lsr #18
        eor     \olo, \olo, \hi, lsl #14
        eor     \olo, \olo, \hi, lsr #9
        eor     \olo, \olo, \lo, lsl #23
        mov     \ohi, \hi, lsr #14
        eor     \ohi, \ohi, \lo, lsl #18
        eor     \ohi, \ohi, \hi, lsr #18
        eor     \ohi, \ohi, \lo, lsl #14
        eor     \ohi, \ohi, \lo, lsr #9
        eor     \ohi, \ohi, \hi, lsl #23
        .endm

@ Sigma0(x) = ROTR 28 ^ ROTR 34 ^ ROTR 39.
        .macro  BSIG0 olo, ohi, lo, hi
        mov     \olo, \lo, lsr #28
        eor     \olo, \olo, \hi, lsl #4
        eor     \olo, \olo, \hi, lsr #2
        eor     \olo, \olo, \lo, lsl #30
        eor     \olo, \olo, \hi, lsr #7
        eor     \olo, \olo, \lo, lsl #25
        mov     \ohi, \hi, lsr #28
        eor     \ohi, \ohi, \lo, lsl #4
        eor     \ohi, \ohi, \lo, lsr #2
        eor     \ohi, \ohi, \hi, lsl #30
        eor     \ohi, \ohi, \lo, lsr #7
        eor     \ohi, \ohi, \hi, lsl #25
        .endm

@ sigma0(x) = ROTR 1 ^ ROTR 8 ^ SHR 7.
        .macro  SSIG0 olo, ohi, lo, hi
        mov     \olo, \lo, lsr #1
        eor     \olo, \olo, \hi, lsl #31
        eor     \olo, \olo, \lo, lsr #8
        eor     \olo, \olo, \hi, lsl #24
        eor     \olo, \olo, \lo, lsr #7
        eor     \olo, \olo, \hi, lsl #25
        mov     \ohi, \hi, lsr #1
        eor     \ohi, \ohi, \lo, lsl #31
        eor     \ohi, \ohi, \hi, lsr #8
        eor     \ohi, \ohi, \lo, lsl #24
        eor     \ohi, \ohi, \hi, lsr #7
        .endm

@ sigma1(x) = ROTR 19 ^ ROTR 61 ^ SHR 6.
        .macro  SSIG1 olo, ohi, lo, hi
        mov     \olo, \lo, lsr #19
        eor     \olo, \olo, \hi, lsl #13
        eor     \olo, \olo, \hi, lsr #29
        eor     \olo, \olo, \lo, lsl #3
        eor     \olo, \olo, \lo, lsr #6
        eor     \olo, \olo, \hi, lsl #26
        mov     \ohi, \hi, lsr #19
        eor     \ohi, \ohi, \lo, lsl #13
        eor     \ohi, \ohi, \lo, lsr #29
        eor     \ohi, \ohi, \hi, lsl #3
        eor     \ohi, \ohi, \hi, lsr #6
        .endm

@ W[t], t < 16, into r6:r7 and its slot at [sp, #\off]; lr advances by 8.
        .macro  LOADW off
#if defined(__ARM_ARCH) && __ARM_ARCH >= 6
        ldr     r7, [lr], #4
        ldr     r6, [lr], #4
        rev     r7, r7
        rev     r6, r6
#else
        ldrb    r6, [lr, #7]
        ldrb    r8, [lr, #6]
        orr     r6, r6, r8, lsl #8
        ldrb    r8, [lr, #5]
        orr     r6, r6, r8, lsl #16
        ldrb    r8, [lr, #4]
        orr     r6, r6, r8, lsl #24
        ldrb    r7, [lr, #3]
        ldrb    r8, [lr, #2]
        orr     r7, r7, r8, lsl #8
        ldrb    r8, [lr, #1]
        orr     r7, r7, r8, lsl #16
        ldrb    r8, [lr], #8
        orr     r7, r7, r8, lsl #24
#endif
        STD     r6, r7, \off
        .endm

@ W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], t >= 16, into r6:r7 and the slot
@ of W[t-16] (\w16).
        .macro  SCHED w2, w7, w15, w16
        LDD     r8, r9, \w2
        SSIG1   r6, r7, r8, r9
        LDD     r8, r9, \w7
        ADD64   r6, r7, r8, r9
        LDD     r8, r9, \w15
        SSIG0   r10, r11, r8, r9
        ADD64   r6, r7, r10, r11
        LDD     r8, r9, \w16
        ADD64   r6, r7, r8, r9
        STD     r6, r7, \w16
        .endm

@ One round with W[t] in r6:r7, a in r0:r1 and e in r2:r3; the slots of h, f, g, d, b, c.
@ T1 = h + K[t] + W[t] + Sigma1(e) + Ch(e,f,g); e' = d + T1 (over d); a' = T1 + Sigma0(a) +
@ Maj(a,b,c) (over h).
        .macro  ROUND h, f, g, d, b, c
        LDD     r8, r9, \h
        ADD64   r6, r7, r8, r9
#if defined(PETREL_HAVE_LDRD)
        ldrd    r8, r9, [r12], #8
#else
        ldr     r8, [r12], #4
        ldr     r9, [r12], #4
#endif
        ADD64   r6, r7, r8, r9
        BSIG1   r4, r5, r2, r3
        ADD64   r6, r7, r4, r5
        LDD     r8, r9, \f
        LDD     r10, r11, \g
        eor     r8, r8, r10
        and     r8, r8, r2
        eor     r8, r8, r10
        eor     r9, r9, r11
        and     r9, r9, r3
        eor     r9, r9, r11
        ADD64   r6, r7, r8, r9
        LDD     r8, r9, \d
        adds    r2, r8, r6
        adc     r3, r9, r7
        STD     r2, r3, \d
        BSIG0   r4, r5, r0, r1
        ADD64   r6, r7, r4, r5
        LDD     r8, r9, \b
        LDD     r10, r11, \c
        eor     r4, r0, r8
        eor     r10, r8, r10
        and     r4, r4, r10
        eor     r4, r4, r8
        eor     r5, r1, r9
        eor     r11, r9, r11
        and     r5, r5, r11
        eor     r5, r5, r9
        adds    r0, r6, r4
        adc     r1, r7, r5
        STD     r0, r1, \h
        .endm

@ H[4i..4i+3] += the slots 4i..4i+3 (r12 = state + 32i, advanced), and the slots = the new H.
        .macro  ADDH4 i
        ldm     r12, {r4-r11}
        LDD     r0, r1, 32*\i
        ADD64   r4, r5, r0, r1
        LDD     r2, r3, 32*\i+8
        ADD64   r6, r7, r2, r3
        LDD     r0, r1, 32*\i+16
        ADD64   r8, r9, r0, r1
        LDD     r2, r3, 32*\i+24
        ADD64   r10, r11, r2, r3
        stm     r12!, {r4-r11}
        STD     r4, r5, 32*\i
        STD     r6, r7, 32*\i+8
        STD     r8, r9, 32*\i+16
        STD     r10, r11, 32*\i+24
        .endm

        .p2align 3
        .type   petrel_sha512_k_armv4, %object
petrel_sha512_k_armv4:
        .word   0xd728ae22, 0x428a2f98, 0x23ef65cd, 0x71374491
        .word   0xec4d3b2f, 0xb5c0fbcf, 0x8189dbbc, 0xe9b5dba5
        .word   0xf348b538, 0x3956c25b, 0xb605d019, 0x59f111f1
        .word   0xaf194f9b, 0x923f82a4, 0xda6d8118, 0xab1c5ed5
        .word   0xa3030242, 0xd807aa98, 0x45706fbe, 0x12835b01
        .word   0x4ee4b28c, 0x243185be, 0xd5ffb4e2, 0x550c7dc3
        .word   0xf27b896f, 0x72be5d74, 0x3b1696b1, 0x80deb1fe
        .word   0x25c71235, 0x9bdc06a7, 0xcf692694, 0xc19bf174
        .word   0x9ef14ad2, 0xe49b69c1, 0x384f25e3, 0xefbe4786
        .word   0x8b8cd5b5, 0x0fc19dc6, 0x77ac9c65, 0x240ca1cc
        .word   0x592b0275, 0x2de92c6f, 0x6ea6e483, 0x4a7484aa
        .word   0xbd41fbd4, 0x5cb0a9dc, 0x831153b5, 0x76f988da
        .word   0xee66dfab, 0x983e5152, 0x2db43210, 0xa831c66d
        .word   0x98fb213f, 0xb00327c8, 0xbeef0ee4, 0xbf597fc7
        .word   0x3da88fc2, 0xc6e00bf3, 0x930aa725, 0xd5a79147
        .word   0xe003826f, 0x06ca6351, 0x0a0e6e70, 0x14292967
        .word   0x46d22ffc, 0x27b70a85, 0x5c26c926, 0x2e1b2138
        .word   0x5ac42aed, 0x4d2c6dfc, 0x9d95b3df, 0x53380d13
        .word   0x8baf63de, 0x650a7354, 0x3c77b2a8, 0x766a0abb
        .word   0x47edaee6, 0x81c2c92e, 0x1482353b, 0x92722c85
        .word   0x4cf10364, 0xa2bfe8a1, 0xbc423001, 0xa81a664b
        .word   0xd0f89791, 0xc24b8b70, 0x0654be30, 0xc76c51a3
        .word   0xd6ef5218, 0xd192e819, 0x5565a910, 0xd6990624
        .word   0x5771202a, 0xf40e3585, 0x32bbd1b8, 0x106aa070
        .word   0xb8d2d0c8, 0x19a4c116, 0x5141ab53, 0x1e376c08
        .word   0xdf8eeb99, 0x2748774c, 0xe19b48a8, 0x34b0bcb5
        .word   0xc5c95a63, 0x391c0cb3, 0xe3418acb, 0x4ed8aa4a
        .word   0x7763e373, 0x5b9cca4f, 0xd6b2b8a3, 0x682e6ff3
        .word   0x5defb2fc, 0x748f82ee, 0x43172f60, 0x78a5636f
        .word   0xa1f0ab72, 0x84c87814, 0x1a6439ec, 0x8cc70208
        .word   0x23631e28, 0x90befffa, 0xde82bde9, 0xa4506ceb
        .word   0xb2c67915, 0xbef9a3f7, 0xe372532b, 0xc67178f2
        .word   0xea26619c, 0xca273ece, 0x21c0c207, 0xd186b8c7
        .word   0xcde0eb1e, 0xeada7dd6, 0xee6ed178, 0xf57d4f7f
        .word   0x72176fba, 0x06f067aa, 0xa2c898a6, 0x0a637dc5
        .word   0xbef90dae, 0x113f9804, 0x131c471b, 0x1b710b35
        .word   0x23047d84, 0x28db77f5, 0x40c72493, 0x32caab7b
        .word   0x15c9bebc, 0x3c9ebe0a, 0x9c100d4c, 0x431d67c4
        .word   0xcb3e42b6, 0x4cc5d4be, 0xfc657e2a, 0x597f299c
        .word   0x3ad6faec, 0x5fcb6fab, 0x4a475817, 0x6c44198c
        .size   petrel_sha512_k_armv4, . - petrel_sha512_k_armv4

        .global petrel_sha512_blocks_armv4
        .type   petrel_sha512_blocks_armv4, %function
        .p2align 2
petrel_sha512_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r12, lr}
        sub     sp, sp, #F_SIZE
        str     r0, [sp, #F_STATE]
        add     r2, r1, r2, lsl #7
        str     r2, [sp, #F_END]
        adr     r12, petrel_sha512_k_armv4
        str     r12, [sp, #F_K]
        add     r12, r12, #640
        str     r12, [sp, #F_KEND]
        mov     lr, r1
        @ The slots = H (state may be 4-aligned only: LDM, not LDRD).
        ldm     r0!, {r4-r11}
        STD     r4, r5, 0
        STD     r6, r7, 8
        STD     r8, r9, 16
        STD     r10, r11, 24
        ldm     r0, {r4-r11}
        STD     r4, r5, 32
        STD     r6, r7, 40
        STD     r8, r9, 48
        STD     r10, r11, 56
.Lsha512_block:
        LDD     r0, r1, 0                       @ a
        LDD     r2, r3, 32                      @ e
        ldr     r12, [sp, #F_K]
        LOADW   64
        ROUND   56, 40, 48, 24, 8, 16
        LOADW   72
        ROUND   48, 32, 40, 16, 0, 8
        LOADW   80
        ROUND   40, 24, 32, 8, 56, 0
        LOADW   88
        ROUND   32, 16, 24, 0, 48, 56
        LOADW   96
        ROUND   24, 8, 16, 56, 40, 48
        LOADW   104
        ROUND   16, 0, 8, 48, 32, 40
        LOADW   112
        ROUND   8, 56, 0, 40, 24, 32
        LOADW   120
        ROUND   0, 48, 56, 32, 16, 24
        LOADW   128
        ROUND   56, 40, 48, 24, 8, 16
        LOADW   136
        ROUND   48, 32, 40, 16, 0, 8
        LOADW   144
        ROUND   40, 24, 32, 8, 56, 0
        LOADW   152
        ROUND   32, 16, 24, 0, 48, 56
        LOADW   160
        ROUND   24, 8, 16, 56, 40, 48
        LOADW   168
        ROUND   16, 0, 8, 48, 32, 40
        LOADW   176
        ROUND   8, 56, 0, 40, 24, 32
        LOADW   184
        ROUND   0, 48, 56, 32, 16, 24
        str     lr, [sp, #F_IN]
.Lsha512_rounds:
        SCHED   176, 136, 72, 64
        ROUND   56, 40, 48, 24, 8, 16
        SCHED   184, 144, 80, 72
        ROUND   48, 32, 40, 16, 0, 8
        SCHED   64, 152, 88, 80
        ROUND   40, 24, 32, 8, 56, 0
        SCHED   72, 160, 96, 88
        ROUND   32, 16, 24, 0, 48, 56
        SCHED   80, 168, 104, 96
        ROUND   24, 8, 16, 56, 40, 48
        SCHED   88, 176, 112, 104
        ROUND   16, 0, 8, 48, 32, 40
        SCHED   96, 184, 120, 112
        ROUND   8, 56, 0, 40, 24, 32
        SCHED   104, 64, 128, 120
        ROUND   0, 48, 56, 32, 16, 24
        SCHED   112, 72, 136, 128
        ROUND   56, 40, 48, 24, 8, 16
        SCHED   120, 80, 144, 136
        ROUND   48, 32, 40, 16, 0, 8
        SCHED   128, 88, 152, 144
        ROUND   40, 24, 32, 8, 56, 0
        SCHED   136, 96, 160, 152
        ROUND   32, 16, 24, 0, 48, 56
        SCHED   144, 104, 168, 160
        ROUND   24, 8, 16, 56, 40, 48
        SCHED   152, 112, 176, 168
        ROUND   16, 0, 8, 48, 32, 40
        SCHED   160, 120, 184, 176
        ROUND   8, 56, 0, 40, 24, 32
        SCHED   168, 128, 64, 184
        ROUND   0, 48, 56, 32, 16, 24
        ldr     r4, [sp, #F_KEND]
        cmp     r12, r4
        bne     .Lsha512_rounds
        ldr     r12, [sp, #F_STATE]
        ADDH4   0
        ADDH4   1
        ldr     lr, [sp, #F_IN]
        ldr     r4, [sp, #F_END]
        cmp     lr, r4
        bne     .Lsha512_block
        @ Wipe the frame's W and variables (192 bytes).
        mov     r0, #0
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     r12, sp
        stm     r12!, {r0-r7}
        stm     r12!, {r0-r7}
        stm     r12!, {r0-r7}
        stm     r12!, {r0-r7}
        stm     r12!, {r0-r7}
        stm     r12!, {r0-r7}
        add     sp, sp, #F_SIZE
        pop     {r4-r12, pc}
        .size   petrel_sha512_blocks_armv4, . - petrel_sha512_blocks_armv4
#endif
        .section .note.GNU-stack, "", %progbits
