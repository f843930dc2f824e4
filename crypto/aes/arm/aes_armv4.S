@ AES-128/192/256 (FIPS 197), T-table implementation in ARM assembly: variant "armv4" of
@ crypto/aes/aes.cpp. ARM state, ARMv4 instructions only (no REV, UBFX, UMAAL, Thumb-2 or NEON),
@ so the same code runs on armel's ARM926EJ-S (ARMv5TE) and armhf's Cortex-A7.
@
@ Algorithm: the table form of Daemen and Rijmen ("AES Proposal: Rijndael", section 5.2.1) as in
@ crypto/aes/aes_table.cpp: one 1 KiB table per direction, the other three columns are its
@ rotations, which ARM's barrel shifter applies for free (eor rd, rd, rm, ror #n); decryption is
@ the equivalent inverse cipher (FIPS 197 section 5.3.5). The last rounds use the 256-byte S-box
@ and inverse S-box. The tables were generated from the GF(2^8) definition (the same construction
@ as aes_table.cpp's make_tables) and are checked by every AES vector of tests/aes.
@
@ Representation: little-endian column words (byte r of a column in bits 8r..8r+7), so that
@ word-aligned blocks load and store with one LDM/STM; the tables hold the byte-reversed words
@ of aes_table.cpp's big-endian tables. Schedule: crypto/aes/arm/aes_armv4.cpp runs the portable
@ table key expansion (petrel_aes_expand_table: encryption round keys in words 0..59, the
@ equivalent inverse cipher's in 60..119) and byte-reverses every word, so the layout is the
@ table variant's with little-endian words.
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ pop {..., pc}, which interworks on ARMv5T and later). The extern "C" contract of
@ crypto/aes/aes_internal.h:
@   void petrel_aes_encrypt_blocks_armv4(const uint32_t* schedule, unsigned rounds,
@                                        uint8_t* out, const uint8_t* in, size_t nblocks)
@   void petrel_aes_decrypt_blocks_armv4(...the same...)
@     r0 schedule, r1 rounds (10/12/14), r2 out, r3 in, [sp] nblocks (may be 0).
@   void petrel_aes_cbc_encrypt_armv4(const uint32_t* schedule, unsigned rounds, uint8_t* out,
@                                     const uint8_t* in, size_t nblocks, uint8_t iv[16])
@     CBC encryption chain (AesOps::cbc_encrypt): [sp, #4] iv, read and replaced by the last
@     ciphertext block.
@ in and out may be equal; no alignment is required: when both are word aligned the blocks move
@ with LDM/STM, otherwise byte by byte (the choice depends on the pointers, not on data).
@
@ Register plan (the round cores): r0-r3 state s0-s3, r4-r7 state t0-t3 (rounds alternate
@ s -> t -> s, fully unrolled, entered at the round that suits the key size), r8 table base,
@ r9 round-key pointer, r10 the index mask 0x3fc (byte * 4), r11/r12 index and table word,
@ lr the return address (the cores are called per block by mov lr, pc; ldr pc, [sp]).
@ Frame of the entry points: push {r4-r11, lr} (36 bytes) and 20 bytes of locals (core entry,
@ schedule, in, out, blocks left); no key material is stored on the stack, and r0-r3 and ip are
@ cleared before return.
@ Per round: 16 index extractions (and with a shifted operand), 16 table loads, 16 eor (12 with
@ a rotation, 4 of the round key) and one LDM of the round key: 49 instructions.
@
@ Constant-time status: NO. Table indices are secret (key and data dependent), so cache timing
@ can leak the key; the trace check lists it as a must-leak case (tests/ct/trace.cmake,
@ leak_aes_armv4). Use the default "ct" variant where that matters.
@
@ Measured at 556b6de (scripts/perf-table --targets "armhf armel" --algs "aes-128-cbc
@ aes-256-cbc aes-256-ctr aes-256-gcm", guest instructions per byte; OpenSSL 3.0 aes-armv4 in
@ brackets): armhf (cortex-a7) AES-128-CBC 31.97 (38.30), AES-256-CBC 44.22 (51.80),
@ AES-256-CTR 50.29 (24.13, its NEON code); armel (arm926) 31.97 (40.74), 44.22 (54.24),
@ 51.56 (60.30). Portable "table": 60.21 / 82.46 / 85.85 on armhf, 71.65 / 95.40 / 94.56 on armel.
@ Cost per AES-128 block: 9 x 49 + 47 (last round) + about 25 of load, key xor, call and store.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)
        .syntax unified
        .arm
        .text

@ ---- round macros ---------------------------------------------------------------------------
@ One output column of a full round: \d (holding its round-key word) ^= T[a.row0] ^
@ ror(T[b.row1], 24) ^ ror(T[c.row2], 16) ^ ror(T[e.row3], 8), T at r8, r10 = 0x3fc.
        .macro  col d, a, b, c, e
        and     r11, r10, \a, lsl #2
        and     r12, r10, \b, lsr #6
        ldr     r11, [r8, r11]
        ldr     r12, [r8, r12]
        eor     \d, \d, r11
        eor     \d, \d, r12, ror #24
        and     r11, r10, \c, lsr #14
        and     r12, r10, \e, lsr #22
        ldr     r11, [r8, r11]
        ldr     r12, [r8, r12]
        eor     \d, \d, r11, ror #16
        eor     \d, \d, r12, ror #8
        .endm

@ One output column of the last round: \d (its round-key word) ^= S[a.row0] ^ S[b.row1] << 8 ^
@ S[c.row2] << 16 ^ S[e.row3] << 24, the 256-byte box at r8.
        .macro  lastcol d, a, b, c, e
        and     r11, r10, \a, lsl #2
        and     r12, r10, \b, lsr #6
        ldrb    r11, [r8, r11, lsr #2]
        ldrb    r12, [r8, r12, lsr #2]
        eor     \d, \d, r11
        eor     \d, \d, r12, lsl #8
        and     r11, r10, \c, lsr #14
        ldrb    r12, [r8, \e, lsr #24]
        ldrb    r11, [r8, r11, lsr #2]
        eor     \d, \d, r12, lsl #24
        eor     \d, \d, r11, lsl #16
        .endm

@ Encryption: column j takes row r from word j + r (ShiftRows); decryption from word j - r.
        .macro  enc_round d0, d1, d2, d3, s0, s1, s2, s3
        ldmia   r9!, {\d0, \d1, \d2, \d3}
        col     \d0, \s0, \s1, \s2, \s3
        col     \d1, \s1, \s2, \s3, \s0
        col     \d2, \s2, \s3, \s0, \s1
        col     \d3, \s3, \s0, \s1, \s2
        .endm
        .macro  dec_round d0, d1, d2, d3, s0, s1, s2, s3
        ldmia   r9!, {\d0, \d1, \d2, \d3}
        col     \d0, \s0, \s3, \s2, \s1
        col     \d1, \s1, \s0, \s3, \s2
        col     \d2, \s2, \s1, \s0, \s3
        col     \d3, \s3, \s2, \s1, \s0
        .endm

@ ---- the block cores ------------------------------------------------------------------------
@ In: r0-r3 the block xored with round key 0, r9 round key 1, r8 the table, r10 0x3fc.
@ Out: r0-r3 the result; r8 and r10 kept, r4-r7, r9, r11, r12 clobbered. Returns to lr.
        .p2align 2
.Lenc_core14:
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
.Lenc_core12:
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
.Lenc_core10:
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        enc_round r0, r1, r2, r3, r4, r5, r6, r7
        enc_round r4, r5, r6, r7, r0, r1, r2, r3
        add     r8, r8, #1024           @ the S-box follows the table
        ldmia   r9, {r0-r3}
        lastcol r0, r4, r5, r6, r7
        lastcol r1, r5, r6, r7, r4
        lastcol r2, r6, r7, r4, r5
        lastcol r3, r7, r4, r5, r6
        sub     r8, r8, #1024
        mov     pc, lr

        .p2align 2
.Ldec_core14:
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
.Ldec_core12:
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
.Ldec_core10:
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        dec_round r0, r1, r2, r3, r4, r5, r6, r7
        dec_round r4, r5, r6, r7, r0, r1, r2, r3
        add     r8, r8, #1024           @ the inverse S-box follows the table
        ldmia   r9, {r0-r3}
        lastcol r0, r4, r7, r6, r5
        lastcol r1, r5, r4, r7, r6
        lastcol r2, r6, r5, r4, r7
        lastcol r3, r7, r6, r5, r4
        sub     r8, r8, #1024
        mov     pc, lr

@ ---- block I/O ------------------------------------------------------------------------------
@ Little-endian word \d from 4 bytes at [\p, #\off] (any alignment); uses r11, r12.
        .macro  ldw_u d, p, off
        ldrb    \d, [\p, #\off]
        ldrb    r11, [\p, #\off + 1]
        ldrb    r12, [\p, #\off + 2]
        orr     \d, \d, r11, lsl #8
        ldrb    r11, [\p, #\off + 3]
        orr     \d, \d, r12, lsl #16
        orr     \d, \d, r11, lsl #24
        .endm
        .macro  stw_u s, p, off
        strb    \s, [\p, #\off]
        mov     r11, \s, lsr #8
        strb    r11, [\p, #\off + 1]
        mov     r11, \s, lsr #16
        strb    r11, [\p, #\off + 2]
        mov     r11, \s, lsr #24
        strb    r11, [\p, #\off + 3]
        .endm
        @ Block from [\p] into \a-\d and \p += 16.
        .macro  ldblk al, p, a, b, c, d
        .if \al
        ldmia   \p!, {\a, \b, \c, \d}
        .else
        ldw_u   \a, \p, 0
        ldw_u   \b, \p, 4
        ldw_u   \c, \p, 8
        ldw_u   \d, \p, 12
        add     \p, \p, #16
        .endif
        .endm
        .macro  stblk al, p
        .if \al
        stmia   \p!, {r0-r3}
        .else
        stw_u   r0, \p, 0
        stw_u   r1, \p, 4
        stw_u   r2, \p, 8
        stw_u   r3, \p, 12
        add     \p, \p, #16
        .endif
        .endm

@ Locals (after push {r4-r11, lr} and sub sp, #20): [sp] core entry, [sp, #4] schedule of the
@ direction, [sp, #8] in, [sp, #12] out, [sp, #16] blocks left; the caller's stack arguments
@ at [sp, #56] (nblocks) and [sp, #60] (iv).
        .equ    L_ENTRY, 0
        .equ    L_SCHED, 4
        .equ    L_IN, 8
        .equ    L_OUT, 12
        .equ    L_LEFT, 16
        .equ    A_NBLOCKS, 56
        .equ    A_IV, 60

@ One block loop: \cbc chains through r0-r3 (the previous ciphertext).
        .macro  blkloop al, cbc
1:      ldr     lr, [sp, #L_IN]
        .if \cbc
        ldblk   \al, lr, r4, r5, r6, r7
        str     lr, [sp, #L_IN]
        eor     r0, r0, r4
        eor     r1, r1, r5
        eor     r2, r2, r6
        eor     r3, r3, r7
        .else
        ldblk   \al, lr, r0, r1, r2, r3
        str     lr, [sp, #L_IN]
        .endif
        ldr     r9, [sp, #L_SCHED]
        ldmia   r9!, {r4-r7}
        eor     r0, r0, r4
        eor     r1, r1, r5
        eor     r2, r2, r6
        eor     r3, r3, r7
        mov     lr, pc
        ldr     pc, [sp, #L_ENTRY]
        ldr     lr, [sp, #L_OUT]
        stblk   \al, lr
        str     lr, [sp, #L_OUT]
        ldr     lr, [sp, #L_LEFT]
        subs    lr, lr, #1
        str     lr, [sp, #L_LEFT]
        bne     1b
        .endm

@ The common entry: frame, locals, table base (PC-relative, so position independent), core
@ entry by the round count (10, 12 or 14, checked by the caller), then the aligned or the
@ byte-wise loop. \dir 0 encrypts, 1 decrypts (schedule words 60..119).
        .macro  blocks_fn name, dir, cbc
        .global \name
        .type   \name, %function
        .p2align 2
\name:
        push    {r4-r11, lr}
        sub     sp, sp, #20
        ldr     ip, [sp, #A_NBLOCKS]
        cmp     ip, #0
        beq     9f
        str     ip, [sp, #L_LEFT]
        .if \dir
        add     r0, r0, #240
        .endif
        str     r0, [sp, #L_SCHED]
        str     r2, [sp, #L_OUT]
        str     r3, [sp, #L_IN]
        orr     r4, r2, r3              @ both word aligned: LDM/STM
        ldr     r8, .L\name\()_lit
        cmp     r1, #12
        ldrlo   ip, .L\name\()_lit + 4
        ldreq   ip, .L\name\()_lit + 8
        ldrhi   ip, .L\name\()_lit + 12
.L\name\()_pc0:
        add     r8, pc, r8              @ the table
.L\name\()_pc1:
        add     ip, pc, ip              @ the core for this round count
        str     ip, [sp, #L_ENTRY]
        mov     r10, #0x3fc
        .if \cbc
        ldr     lr, [sp, #A_IV]
        ldw_u   r0, lr, 0
        ldw_u   r1, lr, 4
        ldw_u   r2, lr, 8
        ldw_u   r3, lr, 12
        .endif
        tst     r4, #3
        bne     2f
        blkloop 1, \cbc
        b       3f
2:      blkloop 0, \cbc
3:
        .if \cbc
        ldr     lr, [sp, #A_IV]
        stw_u   r0, lr, 0
        stw_u   r1, lr, 4
        stw_u   r2, lr, 8
        stw_u   r3, lr, 12
        .endif
9:      mov     r0, #0
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        mov     ip, #0
        add     sp, sp, #20
        pop     {r4-r11, pc}
        .p2align 2
        .if \dir
.L\name\()_lit:
        .word   .Ltd - (.L\name\()_pc0 + 8)
        .word   .Ldec_core10 - (.L\name\()_pc1 + 8)
        .word   .Ldec_core12 - (.L\name\()_pc1 + 8)
        .word   .Ldec_core14 - (.L\name\()_pc1 + 8)
        .else
.L\name\()_lit:
        .word   .Lte - (.L\name\()_pc0 + 8)
        .word   .Lenc_core10 - (.L\name\()_pc1 + 8)
        .word   .Lenc_core12 - (.L\name\()_pc1 + 8)
        .word   .Lenc_core14 - (.L\name\()_pc1 + 8)
        .endif
        .size   \name, . - \name
        .endm

        blocks_fn petrel_aes_encrypt_blocks_armv4, 0, 0
        blocks_fn petrel_aes_decrypt_blocks_armv4, 1, 0
        blocks_fn petrel_aes_cbc_encrypt_armv4, 0, 1

@ ---- tables (little-endian words; see the header) --------------------------------------------
        .section .rodata.petrel_aes_armv4, "a", %progbits
        .p2align 5
.Lte:
        .word   0xa56363c6, 0x847c7cf8, 0x997777ee, 0x8d7b7bf6
        .word   0x0df2f2ff, 0xbd6b6bd6, 0xb16f6fde, 0x54c5c591
        .word   0x50303060, 0x03010102, 0xa96767ce, 0x7d2b2b56
        .word   0x19fefee7, 0x62d7d7b5, 0xe6abab4d, 0x9a7676ec
        .word   0x45caca8f, 0x9d82821f, 0x40c9c989, 0x877d7dfa
        .word   0x15fafaef, 0xeb5959b2, 0xc947478e, 0x0bf0f0fb
        .word   0xecadad41, 0x67d4d4b3, 0xfda2a25f, 0xeaafaf45
        .word   0xbf9c9c23, 0xf7a4a453, 0x967272e4, 0x5bc0c09b
        .word   0xc2b7b775, 0x1cfdfde1, 0xae93933d, 0x6a26264c
        .word   0x5a36366c, 0x413f3f7e, 0x02f7f7f5, 0x4fcccc83
        .word   0x5c343468, 0xf4a5a551, 0x34e5e5d1, 0x08f1f1f9
        .word   0x937171e2, 0x73d8d8ab, 0x53313162, 0x3f15152a
        .word   0x0c040408, 0x52c7c795, 0x65232346, 0x5ec3c39d
        .word   0x28181830, 0xa1969637, 0x0f05050a, 0xb59a9a2f
        .word   0x0907070e, 0x36121224, 0x9b80801b, 0x3de2e2df
        .word   0x26ebebcd, 0x6927274e, 0xcdb2b27f, 0x9f7575ea
        .word   0x1b090912, 0x9e83831d, 0x742c2c58, 0x2e1a1a34
        .word   0x2d1b1b36, 0xb26e6edc, 0xee5a5ab4, 0xfba0a05b
        .word   0xf65252a4, 0x4d3b3b76, 0x61d6d6b7, 0xceb3b37d
        .word   0x7b292952, 0x3ee3e3dd, 0x712f2f5e, 0x97848413
        .word   0xf55353a6, 0x68d1d1b9, 0x00000000, 0x2cededc1
        .word   0x60202040, 0x1ffcfce3, 0xc8b1b179, 0xed5b5bb6
        .word   0xbe6a6ad4, 0x46cbcb8d, 0xd9bebe67, 0x4b393972
        .word   0xde4a4a94, 0xd44c4c98, 0xe85858b0, 0x4acfcf85
        .word   0x6bd0d0bb, 0x2aefefc5, 0xe5aaaa4f, 0x16fbfbed
        .word   0xc5434386, 0xd74d4d9a, 0x55333366, 0x94858511
        .word   0xcf45458a, 0x10f9f9e9, 0x06020204, 0x817f7ffe
        .word   0xf05050a0, 0x443c3c78, 0xba9f9f25, 0xe3a8a84b
        .word   0xf35151a2, 0xfea3a35d, 0xc0404080, 0x8a8f8f05
        .word   0xad92923f, 0xbc9d9d21, 0x48383870, 0x04f5f5f1
        .word   0xdfbcbc63, 0xc1b6b677, 0x75dadaaf, 0x63212142
        .word   0x30101020, 0x1affffe5, 0x0ef3f3fd, 0x6dd2d2bf
        .word   0x4ccdcd81, 0x140c0c18, 0x35131326, 0x2fececc3
        .word   0xe15f5fbe, 0xa2979735, 0xcc444488, 0x3917172e
        .word   0x57c4c493, 0xf2a7a755, 0x827e7efc, 0x473d3d7a
        .word   0xac6464c8, 0xe75d5dba, 0x2b191932, 0x957373e6
        .word   0xa06060c0, 0x98818119, 0xd14f4f9e, 0x7fdcdca3
        .word   0x66222244, 0x7e2a2a54, 0xab90903b, 0x8388880b
        .word   0xca46468c, 0x29eeeec7, 0xd3b8b86b, 0x3c141428
        .word   0x79dedea7, 0xe25e5ebc, 0x1d0b0b16, 0x76dbdbad
        .word   0x3be0e0db, 0x56323264, 0x4e3a3a74, 0x1e0a0a14
        .word   0xdb494992, 0x0a06060c, 0x6c242448, 0xe45c5cb8
        .word   0x5dc2c29f, 0x6ed3d3bd, 0xefacac43, 0xa66262c4
        .word   0xa8919139, 0xa4959531, 0x37e4e4d3, 0x8b7979f2
        .word   0x32e7e7d5, 0x43c8c88b, 0x5937376e, 0xb76d6dda
        .word   0x8c8d8d01, 0x64d5d5b1, 0xd24e4e9c, 0xe0a9a949
        .word   0xb46c6cd8, 0xfa5656ac, 0x07f4f4f3, 0x25eaeacf
        .word   0xaf6565ca, 0x8e7a7af4, 0xe9aeae47, 0x18080810
        .word   0xd5baba6f, 0x887878f0, 0x6f25254a, 0x722e2e5c
        .word   0x241c1c38, 0xf1a6a657, 0xc7b4b473, 0x51c6c697
        .word   0x23e8e8cb, 0x7cdddda1, 0x9c7474e8, 0x211f1f3e
        .word   0xdd4b4b96, 0xdcbdbd61, 0x868b8b0d, 0x858a8a0f
        .word   0x907070e0, 0x423e3e7c, 0xc4b5b571, 0xaa6666cc
        .word   0xd8484890, 0x05030306, 0x01f6f6f7, 0x120e0e1c
        .word   0xa36161c2, 0x5f35356a, 0xf95757ae, 0xd0b9b969
        .word   0x91868617, 0x58c1c199, 0x271d1d3a, 0xb99e9e27
        .word   0x38e1e1d9, 0x13f8f8eb, 0xb398982b, 0x33111122
        .word   0xbb6969d2, 0x70d9d9a9, 0x898e8e07, 0xa7949433
        .word   0xb69b9b2d, 0x221e1e3c, 0x92878715, 0x20e9e9c9
        .word   0x49cece87, 0xff5555aa, 0x78282850, 0x7adfdfa5
        .word   0x8f8c8c03, 0xf8a1a159, 0x80898909, 0x170d0d1a
        .word   0xdabfbf65, 0x31e6e6d7, 0xc6424284, 0xb86868d0
        .word   0xc3414182, 0xb0999929, 0x772d2d5a, 0x110f0f1e
        .word   0xcbb0b07b, 0xfc5454a8, 0xd6bbbb6d, 0x3a16162c
.Lsbox:
        .byte   0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76
        .byte   0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0
        .byte   0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15
        .byte   0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75
        .byte   0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84
        .byte   0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf
        .byte   0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8
        .byte   0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2
        .byte   0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73
        .byte   0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb
        .byte   0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79
        .byte   0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08
        .byte   0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a
        .byte   0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e
        .byte   0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf
        .byte   0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16
.Ltd:
        .word   0x50a7f451, 0x5365417e, 0xc3a4171a, 0x965e273a
        .word   0xcb6bab3b, 0xf1459d1f, 0xab58faac, 0x9303e34b
        .word   0x55fa3020, 0xf66d76ad, 0x9176cc88, 0x254c02f5
        .word   0xfcd7e54f, 0xd7cb2ac5, 0x80443526, 0x8fa362b5
        .word   0x495ab1de, 0x671bba25, 0x980eea45, 0xe1c0fe5d
        .word   0x02752fc3, 0x12f04c81, 0xa397468d, 0xc6f9d36b
        .word   0xe75f8f03, 0x959c9215, 0xeb7a6dbf, 0xda595295
        .word   0x2d83bed4, 0xd3217458, 0x2969e049, 0x44c8c98e
        .word   0x6a89c275, 0x78798ef4, 0x6b3e5899, 0xdd71b927
        .word   0xb64fe1be, 0x17ad88f0, 0x66ac20c9, 0xb43ace7d
        .word   0x184adf63, 0x82311ae5, 0x60335197, 0x457f5362
        .word   0xe07764b1, 0x84ae6bbb, 0x1ca081fe, 0x942b08f9
        .word   0x58684870, 0x19fd458f, 0x876cde94, 0xb7f87b52
        .word   0x23d373ab, 0xe2024b72, 0x578f1fe3, 0x2aab5566
        .word   0x0728ebb2, 0x03c2b52f, 0x9a7bc586, 0xa50837d3
        .word   0xf2872830, 0xb2a5bf23, 0xba6a0302, 0x5c8216ed
        .word   0x2b1ccf8a, 0x92b479a7, 0xf0f207f3, 0xa1e2694e
        .word   0xcdf4da65, 0xd5be0506, 0x1f6234d1, 0x8afea6c4
        .word   0x9d532e34, 0xa055f3a2, 0x32e18a05, 0x75ebf6a4
        .word   0x39ec830b, 0xaaef6040, 0x069f715e, 0x51106ebd
        .word   0xf98a213e, 0x3d06dd96, 0xae053edd, 0x46bde64d
        .word   0xb58d5491, 0x055dc471, 0x6fd40604, 0xff155060
        .word   0x24fb9819, 0x97e9bdd6, 0xcc434089, 0x779ed967
        .word   0xbd42e8b0, 0x888b8907, 0x385b19e7, 0xdbeec879
        .word   0x470a7ca1, 0xe90f427c, 0xc91e84f8, 0x00000000
        .word   0x83868009, 0x48ed2b32, 0xac70111e, 0x4e725a6c
        .word   0xfbff0efd, 0x5638850f, 0x1ed5ae3d, 0x27392d36
        .word   0x64d90f0a, 0x21a65c68, 0xd1545b9b, 0x3a2e3624
        .word   0xb1670a0c, 0x0fe75793, 0xd296eeb4, 0x9e919b1b
        .word   0x4fc5c080, 0xa220dc61, 0x694b775a, 0x161a121c
        .word   0x0aba93e2, 0xe52aa0c0, 0x43e0223c, 0x1d171b12
        .word   0x0b0d090e, 0xadc78bf2, 0xb9a8b62d, 0xc8a91e14
        .word   0x8519f157, 0x4c0775af, 0xbbdd99ee, 0xfd607fa3
        .word   0x9f2601f7, 0xbcf5725c, 0xc53b6644, 0x347efb5b
        .word   0x7629438b, 0xdcc623cb, 0x68fcedb6, 0x63f1e4b8
        .word   0xcadc31d7, 0x10856342, 0x40229713, 0x2011c684
        .word   0x7d244a85, 0xf83dbbd2, 0x1132f9ae, 0x6da129c7
        .word   0x4b2f9e1d, 0xf330b2dc, 0xec52860d, 0xd0e3c177
        .word   0x6c16b32b, 0x99b970a9, 0xfa489411, 0x2264e947
        .word   0xc48cfca8, 0x1a3ff0a0, 0xd82c7d56, 0xef903322
        .word   0xc74e4987, 0xc1d138d9, 0xfea2ca8c, 0x360bd498
        .word   0xcf81f5a6, 0x28de7aa5, 0x268eb7da, 0xa4bfad3f
        .word   0xe49d3a2c, 0x0d927850, 0x9bcc5f6a, 0x62467e54
        .word   0xc2138df6, 0xe8b8d890, 0x5ef7392e, 0xf5afc382
        .word   0xbe805d9f, 0x7c93d069, 0xa92dd56f, 0xb31225cf
        .word   0x3b99acc8, 0xa77d1810, 0x6e639ce8, 0x7bbb3bdb
        .word   0x097826cd, 0xf418596e, 0x01b79aec, 0xa89a4f83
        .word   0x656e95e6, 0x7ee6ffaa, 0x08cfbc21, 0xe6e815ef
        .word   0xd99be7ba, 0xce366f4a, 0xd4099fea, 0xd67cb029
        .word   0xafb2a431, 0x31233f2a, 0x3094a5c6, 0xc066a235
        .word   0x37bc4e74, 0xa6ca82fc, 0xb0d090e0, 0x15d8a733
        .word   0x4a9804f1, 0xf7daec41, 0x0e50cd7f, 0x2ff69117
        .word   0x8dd64d76, 0x4db0ef43, 0x544daacc, 0xdf0496e4
        .word   0xe3b5d19e, 0x1b886a4c, 0xb81f2cc1, 0x7f516546
        .word   0x04ea5e9d, 0x5d358c01, 0x737487fa, 0x2e410bfb
        .word   0x5a1d67b3, 0x52d2db92, 0x335610e9, 0x1347d66d
        .word   0x8c61d79a, 0x7a0ca137, 0x8e14f859, 0x893c13eb
        .word   0xee27a9ce, 0x35c961b7, 0xede51ce1, 0x3cb1477a
        .word   0x59dfd29c, 0x3f73f255, 0x79ce1418, 0xbf37c773
        .word   0xeacdf753, 0x5baafd5f, 0x146f3ddf, 0x86db4478
        .word   0x81f3afca, 0x3ec468b9, 0x2c342438, 0x5f40a3c2
        .word   0x72c31d16, 0x0c25e2bc, 0x8b493c28, 0x41950dff
        .word   0x7101a839, 0xdeb30c08, 0x9ce4b4d8, 0x90c15664
        .word   0x6184cb7b, 0x70b632d5, 0x745c6c48, 0x4257b8d0
.Linv_sbox:
        .byte   0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb
        .byte   0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb
        .byte   0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e
        .byte   0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25
        .byte   0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92
        .byte   0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84
        .byte   0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06
        .byte   0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b
        .byte   0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73
        .byte   0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e
        .byte   0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b
        .byte   0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4
        .byte   0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f
        .byte   0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef
        .byte   0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61
        .byte   0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d
#endif
        .section .note.GNU-stack, "", %progbits
