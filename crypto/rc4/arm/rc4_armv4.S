@ RC4 keystream (RFC 6229 section 1's description of the cipher), ARM state, ARMv4 baseline
@ (armel's ARMv5TE and armhf's ARMv7-A alike), little-endian: variant "armv4" of the RC4 table
@ (crypto/rc4/rc4.cpp; its portable loop "c" is the reference). The key schedule stays the
@ portable C++ of rc4.cpp.
@
@ NOT constant-time, like every RC4: S is a 256-byte table indexed by the secret i, j and
@ S[i] + S[j] (the cipher's design; README "RC4"). No trace case (tests/ct) for that reason.
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ BX LR or POP {..., pc}, which interwork on ARMv5T and later); the extern "C" contract of
@ crypto/rc4/rc4_internal.h:
@   void petrel_rc4_crypt_armv4(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len)
@     r0 state (S[0..255], i at 256, j at 257; read and written back), r1 out, r2 in, r3 len
@     (may be 0). in == out allowed; no alignment required.
@
@ Method: j is kept as j << 24, so that j += S[i] wraps mod 256 by itself (ADD with LSL #24) and
@   addresses S[j] through the LSR #24 register offset of LDRB/STRB. Each keystream byte at a
@   fixed offset k from p = S + i + 1 is LDRB S[i], ADD j, LDRB S[j], the two STRB of the swap,
@   ADD/AND S[i] + S[j], LDRB S[S[i] + S[j]] (8 instructions).
@   Word path (in and out word-aligned alike, the usual case): single bytes until out is
@   word-aligned, then passes of two words (LDR, four EOR with the keystream bytes shifted into
@   place, STR) while p <= S + 248 (no wrap of i inside the pass); where it would wrap, one word
@   with i advanced and masked per byte (at most two such words per 256 bytes).
@   Byte path (in and out misaligned to each other): single bytes until i = 7 (mod 8), then
@   passes of eight bytes (LDRB/EOR/STRB each) at fixed offsets from p, which cannot wrap.
@   Then the tail byte by byte.
@
@ Register plan: r0 S, r1 out, r2 in, r3 bytes left (minus 8 in the passes), r4 i (single
@   bytes) or p = S + i + 1 (passes), r5 j << 24, r6 S[i], r7 S[j], r8 S[i] + S[j] then the
@   keystream byte, r9 the data word or byte, r11 the last p of a pass, lr p of the masked
@   bytes, r12 a temporary. Saves r4-r11 and lr (r10 unused); no other stack use.
@
@ Cost, counted from the code: 81 instructions per eight bytes on the word path (10.1 per
@   byte), 93 on the byte path (11.6), about 14 per byte in the masked words, 16 in the single bytes.
@ Measured (scripts/perf-table --targets "armhf armel" --algs "rc4", guest instructions per
@   byte, 16-byte key, 4096-byte calls, aligned buffers): 10.29 on armhf (cortex-a7) and armel
@   (arm926); portable "c" 15.02, mbedTLS 16.03 / 16.02; OpenSSL's static libcrypto has no
@   RC4. The first version of this file, whose alignment test came after the i prologue and so
@   took the byte path on every call, measured 11.66 (the byte path's figure).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARMEL__)
        .syntax unified
        .arm
        .text

@ One keystream byte into r8, with S[i] at \off(\p); j in r5 as j << 24.
        .macro  KS p, off
        ldrb    r6, [\p, #\off]                 @ S[i]
        add     r5, r5, r6, lsl #24             @ j += S[i] (mod 256, in the top byte)
        ldrb    r7, [r0, r5, lsr #24]           @ S[j]
        strb    r6, [r0, r5, lsr #24]           @ swap
        strb    r7, [\p, #\off]
        add     r8, r6, r7
        and     r8, r8, #255
        ldrb    r8, [r0, r8]                    @ S[S[i] + S[j]]
        .endm

@ Four bytes of a word-aligned in and out, keystream S[i+1+\off .. i+4+\off].
        .macro  WORD off
        ldr     r9, [r2], #4
        KS      r4, \off
        eor     r9, r9, r8
        KS      r4, \off+1
        eor     r9, r9, r8, lsl #8
        KS      r4, \off+2
        eor     r9, r9, r8, lsl #16
        KS      r4, \off+3
        eor     r9, r9, r8, lsl #24
        str     r9, [r1], #4
        .endm

@ One byte at any alignment, keystream S[i+1+\off].
        .macro  BYTE p, off
        KS      \p, \off
        ldrb    r9, [r2], #1
        eor     r9, r9, r8
        strb    r9, [r1], #1
        .endm

@ One byte at any alignment with i in r4 (advanced and masked here), in the single-byte loops.
        .macro  BYTE1
        add     r4, r4, #1
        and     r4, r4, #255
        add     lr, r0, r4
        BYTE    lr, 0
        .endm

@ One keystream byte with i in r4 (advanced and masked here), EORed into r9 at bit \shift.
        .macro  SLOW shift
        add     r4, r4, #1
        and     r4, r4, #255
        add     lr, r0, r4
        KS      lr, 0
        eor     r9, r9, r8, lsl #\shift
        .endm

        .global petrel_rc4_crypt_armv4
        .type   petrel_rc4_crypt_armv4, %function
        .p2align 2
petrel_rc4_crypt_armv4:
        cmp     r3, #0
        bxeq    lr
        push    {r4-r11, lr}
        ldrb    r4, [r0, #256]                  @ i
        ldrb    r5, [r0, #257]
        mov     r5, r5, lsl #24                 @ j << 24
        eor     r12, r1, r2
        tst     r12, #3
        bne     .Lbytes                         @ in and out not word-aligned alike
        @ Word path. Single bytes until out (and so in) is word-aligned.
1:      tst     r1, #3
        beq     2f
        BYTE1
        subs    r3, r3, #1
        bne     1b
        b       .Ldone
        @ Passes of two words while p = S + i + 1 <= S + 248 (no wrap inside the pass); else one
        @ word with i masked per byte (at most two per 256 bytes). r3 = bytes left - 8.
2:      add     r11, r0, #248
        add     r4, r0, r4
        add     r4, r4, #1                      @ p (S + 256 when i = 255)
        subs    r3, r3, #8
        blo     .Ltail
3:      cmp     r4, r11
        bhi     4f
        WORD    0
        WORD    4
        add     r4, r4, #8
        subs    r3, r3, #8
        bhs     3b
        b       .Ltail
4:      sub     r4, r4, r0
        sub     r4, r4, #1                      @ i
        ldr     r9, [r2], #4
        SLOW    0
        SLOW    8
        SLOW    16
        SLOW    24
        str     r9, [r1], #4
        add     r4, r0, r4
        add     r4, r4, #1                      @ p
        subs    r3, r3, #4
        bhs     3b
        b       .Ltail                          @ 4..7 left (r3 = left - 8)
        @ Byte path (in and out misaligned to each other). Single bytes until i = 7 (mod 8),
        @ then passes of eight bytes at fixed offsets from p = S + i + 1, then the tail.
.Lbytes:
5:      and     r12, r4, #7
        cmp     r12, #7
        beq     6f
        BYTE1
        subs    r3, r3, #1
        bne     5b
        b       .Ldone
6:      add     r11, r0, #256
        add     r4, r0, r4
        add     r4, r4, #1
        cmp     r4, r11
        moveq   r4, r0                          @ p = S + i + 1 (S again when i + 1 = 256)
        subs    r3, r3, #8
        blo     .Ltail
7:      BYTE    r4, 0
        BYTE    r4, 1
        BYTE    r4, 2
        BYTE    r4, 3
        BYTE    r4, 4
        BYTE    r4, 5
        BYTE    r4, 6
        BYTE    r4, 7
        add     r4, r4, #8
        cmp     r4, r11
        subeq   r4, r4, #256
        subs    r3, r3, #8
        bhs     7b
        @ The tail (r3 = bytes left - 8, fewer than 8 left) byte by byte: back to i in r4.
.Ltail:
        adds    r3, r3, #8
        sub     r4, r4, r0
        sub     r4, r4, #1
        and     r4, r4, #255                    @ i
        beq     .Ldone
8:      BYTE1
        subs    r3, r3, #1
        bne     8b
.Ldone:
        strb    r4, [r0, #256]                  @ i
        mov     r5, r5, lsr #24
        strb    r5, [r0, #257]                  @ j
        pop     {r4-r11, pc}
        .size   petrel_rc4_crypt_armv4, . - petrel_rc4_crypt_armv4
#endif
        .section .note.GNU-stack, "", %progbits
