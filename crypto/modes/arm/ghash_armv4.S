@ GHASH (NIST SP 800-38D 6.4) in ARM assembly: variant "armv4" of crypto/modes/gcm.cpp, Shoup's
@ 4-bit table method. ARM state, ARMv4 instructions only (no REV, UBFX, Thumb-2 or NEON), so the
@ same code runs on armel's ARM926EJ-S (ARMv5TE) and armhf's Cortex-A7.
@
@ Algorithm: the portable "table4" multiplier (gcm.cpp gf_mul_table): Z = H[low nibble of byte
@ 15], then for each of the remaining 31 nibbles (high nibble first within a byte after byte
@ 15's, bytes 15 down to 0) Z = (Z >> 4) ^ R[Z & 15] ^ H[nibble], where H[i] = i*H (i a 4-bit
@ reflected index) and R the reduction of the four dropped bits (kLast4 << 48). The shift and
@ the add of H[i] share instructions through the barrel shifter: each 32-bit word of the new Z is
@ T ^ (Z_k >> 4) ^ (Z_k+1 << 28), two EORs.
@
@ Table (petrel_ghash_init_armv4, crypto/modes/arm/ghash_armv4.cpp): entry i at table + 16 i is
@ i*H as four native words z0..z3, least significant first (z1:z0 the low 64 bits of the
@ reflected element, z3:z2 the high), loaded with one LDM. Z is held the same way.
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ pop {..., pc}, which interworks on ARMv5T and later). The extern "C" contract of
@ crypto/modes/gcm_internal.h:
@   void petrel_ghash_blocks_armv4(uint8_t* y, const uint64_t* table, const uint8_t* data,
@                                  size_t nblocks)
@     r0 y (16 bytes, read and written), r1 table, r2 data (any alignment), r3 nblocks (may be 0).
@
@ Register plan: r0 the reduction table R, r1 the H table, r2 data, r3 the current byte of
@ X ^ Y, r4-r7 and r8-r11 Z and the loaded H[i] (the two sets swap roles every nibble, so no
@ moves; Z ends each block in r8-r11), r12 the entry address, lr R[Z & 15].
@ Frame: push {r4-r11, lr} (36 bytes) and 24 bytes of locals: [sp, #0..15] Y stored from
@ r8-r11 with one STM (byte n of Y is then at sp + 15 - n), [sp, #16] y, [sp, #20] blocks left.
@ Y is wiped from the stack and r0-r3, ip and lr are cleared before return.
@ Per block: 16 x (3 to form the byte of X ^ Y, 2 x 2 entry addresses, 2 x 11 for a nibble
@ step) - 10 (byte 15's first nibble is a plain load) + 6 of loop: 470 instructions.
@
@ Constant-time status: NO. The table is indexed by nibbles of X ^ Y and of Z (which depend on
@ the data and on H), so cache timing can leak them; the trace check lists it as a must-leak case
@ (tests/ct/trace.cmake, leak_ghash_armv4). AesGcm pairs it only with the table AES rows; a
@ constant-time AES keeps a constant-time GHASH.
@
@ Measured at bd9de58 (scripts/perf-table --targets "armhf armel mipsel" --algs "aes-256-gcm", guest
@ instructions per byte through AesGcm, "Petrel asm" = the armv4 AES with its default GHASH):
@ armel (arm926) AES-256-GCM 79.10 with this GHASH (120.1 before, with the C++ table4; OpenSSL
@ 3.0 90.19, mbedTLS 159.13). On armhf the default GHASH is "armv7-neon" where the CPU has NEON.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)
        .syntax unified
        .arm
        .text

@ One nibble step: Z in r4-r7 (a) or r8-r11 (b), r12 the address of H[i]; the result lands in
@ the other set: new = H[i] ^ (Z >> 4) ^ R[Z & 15].
        .macro  step_ab
        ldmia   r12, {r8-r11}
        and     lr, r4, #0xf
        ldr     lr, [r0, lr, lsl #2]
        eor     r8, r8, r4, lsr #4
        eor     r8, r8, r5, lsl #28
        eor     r9, r9, r5, lsr #4
        eor     r9, r9, r6, lsl #28
        eor     r10, r10, r6, lsr #4
        eor     r10, r10, r7, lsl #28
        eor     r11, r11, r7, lsr #4
        eor     r11, r11, lr
        .endm
        .macro  step_ba
        ldmia   r12, {r4-r7}
        and     lr, r8, #0xf
        ldr     lr, [r0, lr, lsl #2]
        eor     r4, r4, r8, lsr #4
        eor     r4, r4, r9, lsl #28
        eor     r5, r5, r9, lsr #4
        eor     r5, r5, r10, lsl #28
        eor     r6, r6, r10, lsr #4
        eor     r6, r6, r11, lsl #28
        eor     r7, r7, r11, lsr #4
        eor     r7, r7, lr
        .endm

@ r3 = byte n of X ^ Y (X at r2, Y on the stack); the upper bits of r3 are masked off below.
        .macro  xbyte n
        ldrb    r3, [r2, #\n]
        ldrb    r12, [sp, #15 - \n]
        eor     r3, r3, r12
        .endm
@ r12 = address of H[low nibble] / H[high nibble] of r3.
        .macro  lo_addr
        and     r12, r3, #0x0f
        add     r12, r1, r12, lsl #4
        .endm
        .macro  hi_addr
        and     r12, r3, #0xf0
        add     r12, r1, r12
        .endm

@ kLast4 of gcm.cpp in the top half of the highest word: R[r] is the sum over the set bits b of
@ r of x^(128 + 3 - b) mod P (0xE100 >> (3 - b)), shifted left by 16.
        .p2align 2
.Lrem4:
        .word   0x00000000, 0x1c200000, 0x38400000, 0x24600000
        .word   0x70800000, 0x6ca00000, 0x48c00000, 0x54e00000
        .word   0xe1000000, 0xfd200000, 0xd9400000, 0xc5600000
        .word   0x91800000, 0x8da00000, 0xa9c00000, 0xb5e00000

        .global petrel_ghash_blocks_armv4
        .type   petrel_ghash_blocks_armv4, %function
        .p2align 2
petrel_ghash_blocks_armv4:
        push    {r4-r11, lr}
        sub     sp, sp, #24
        str     r0, [sp, #16]
        str     r3, [sp, #20]
        @ Y bytes into the stack buffer, reversed (byte n at sp + 15 - n), as STM of Z leaves it.
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        ldrb    r12, [r0, #\n]
        strb    r12, [sp, #15 - \n]
        .endr
        adr     r0, .Lrem4
        cmp     r3, #0
        beq     .Ldone
.Lblock:
        xbyte   15
        lo_addr
        ldmia   r12, {r4-r7}
        hi_addr
        step_ab
        .irp    n, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0
        xbyte   \n
        lo_addr
        step_ba
        hi_addr
        step_ab
        .endr
        stmia   sp, {r8-r11}
        add     r2, r2, #16
        ldr     r3, [sp, #20]
        subs    r3, r3, #1
        str     r3, [sp, #20]
        bne     .Lblock
.Ldone:
        ldr     r0, [sp, #16]
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        ldrb    r12, [sp, #15 - \n]
        strb    r12, [r0, #\n]
        .endr
        mov     r0, #0
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        mov     r12, #0
        mov     lr, #0
        stmia   sp, {r0-r3}
        add     sp, sp, #24
        pop     {r4-r11, pc}
        .size   petrel_ghash_blocks_armv4, . - petrel_ghash_blocks_armv4
#endif
        .section .note.GNU-stack, "", %progbits
