@ SHA-1 block function, ARM state, ARMv4 baseline: variant "armv4" of the SHA-1 table
@ (crypto/hash/hash_impl.cpp; the portable C++ in crypto/hash/sha1.cpp is the reference).
@ FIPS 180-4 section 6.1.2 (the 80 rounds) and 4.1.1 (the functions).
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (returns by
@ pop {..., pc}, which interworks on ARMv5T and later).
@   void petrel_sha1_blocks_armv4(uint32_t state[5], const uint8_t* in, size_t nblocks)
@     r0 state (H0..H4), r1 in (any alignment), r2 nblocks (may be 0). No return value.
@
@ Register plan: r3-r7 the working variables a..e (roles rotate with the round in the macro
@   arguments; after 5 rounds, and so after 80, they are back in place), r8 the round constant
@   of the current 20 rounds, r9/r12/r2 a window of the last three W (W[t] is written into the
@   register that held W[t-3], which the schedule needs: one load fewer per scheduled round),
@   r10-r11 temporaries, lr the W pointer, r0 state, r1 input. Stack: W[0..79] as a descending
@   array (320 bytes; lr moves down by 4 per round, so W[t-k] is at [lr, #4*(k-1)] before the
@   round's store), then the four round constants (16 bytes) and the end of the input; saves
@   r4-r12 and lr.
@   W is wiped before return.
@ Lazy rotation: ROTL(b, 30) is never computed; the registers that hold c, d and e carry the
@   value unrotated and each use applies ROR #2 in the shifter operand (free on ARM), as in
@   OpenSSL's sha1-armv4. Per round: e' = ror(e,2) + K + rotl(a,5) + W[t] + f(b, c, d), with
@   Ch as EOR/AND/EOR (3), parity EOR/EOR (2), Maj as (b & (c^d)) + (c & d) (4), plus 3 adds.
@   The schedule W[t] = rotl(W[t-3]^W[t-8]^W[t-14]^W[t-16], 1) is 3 loads (W[t-3] is in the
@   window), 3 EOR, the rotate and the store; the 80 rounds are unrolled (generated); rounds
@   0-15 load big-endian words (LDR + REV on ARMv6 and later, else 4 LDRB and 3 ORR).
@
@ Constant-time status: no branch and no address depends on the state or the message; the
@   only branch is the block count.
@
@ Measured (scripts/perf-table --targets armel --algs sha1, guest instructions per byte,
@   16 KiB): armel 20.70 (portable C++) -> 19.74 (OpenSSL 20.34); armhf (--targets armhf)
@   19.68 -> 18.49 (OpenSSL's NEON code 12.72). With the W window (scripts/insn-count --target
@   armel --n 16384 -- build/armel/bench/insn/petrel_insn_driver sha1 {N}): armel 18.76.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arm
        .text

@ W[t] for t < 16 into \w (the window register of round t) and its slot.
        .macro  LOADW w
#if defined(__ARM_ARCH) && __ARM_ARCH >= 6
        ldr     \w, [r1], #4
        rev     \w, \w
#else
        ldrb    \w, [r1, #3]
        ldrb    r10, [r1, #2]
        orr     \w, \w, r10, lsl #8
        ldrb    r10, [r1, #1]
        orr     \w, \w, r10, lsl #16
        ldrb    r10, [r1], #4
        orr     \w, \w, r10, lsl #24
#endif
        str     \w, [lr, #-4]!
        .endm

@ W[t] for t >= 16 into \w and its slot. \w holds W[t-3] (the window register of round t - 3 is
@ that of round t), so only W[t-16], W[t-14] and W[t-8] are loaded.
        .macro  SCHED w
        ldr     r10, [lr, #4*15]                @ W[t-16]
        ldr     r11, [lr, #4*13]                @ W[t-14]
        eor     \w, \w, r10
        ldr     r10, [lr, #4*7]                 @ W[t-8]
        eor     \w, \w, r11
        eor     \w, \w, r10
        mov     \w, \w, ror #31
        str     \w, [lr, #-4]!
        .endm

@ e' = ror(e,2) + K + rotl(a,5) + W[t] (\w) + f, into the e register (the next round's a).
@ c, d and e hold their values unrotated (true value = ror(x, 2)); a and b are true values.
        .macro  ROUND_CH a, b, c, d, e, w
        add     \e, r8, \e, ror #2
        eor     r10, \c, \d
        add     \e, \e, \a, ror #27
        and     r10, \b, r10, ror #2
        add     \e, \e, \w
        eor     r10, r10, \d, ror #2            @ Ch(b,c,d) = ((c^d) & b) ^ d
        add     \e, \e, r10
        .endm

        .macro  ROUND_PAR a, b, c, d, e, w
        add     \e, r8, \e, ror #2
        eor     r10, \c, \d
        add     \e, \e, \a, ror #27
        eor     r10, \b, r10, ror #2            @ b ^ c ^ d
        add     \e, \e, \w
        add     \e, \e, r10
        .endm

        .macro  ROUND_MAJ a, b, c, d, e, w
        add     \e, r8, \e, ror #2
        eor     r10, \c, \d
        add     \e, \e, \a, ror #27
        and     r10, \b, r10, ror #2            @ b & (c ^ d)
        and     r11, \c, \d                     @ c & d (unrotated)
        add     \e, \e, \w
        add     \e, \e, r10
        add     \e, \e, r11, ror #2             @ Maj = (b & (c^d)) + (c & d), disjoint bits
        .endm

        .p2align 2
.LK_00_19: .word 0x5a827999
.LK_20_39: .word 0x6ed9eba1
.LK_40_59: .word 0x8f1bbcdc
.LK_60_79: .word 0xca62c1d6

        .global petrel_sha1_blocks_armv4
        .type   petrel_sha1_blocks_armv4, %function
        .p2align 2
petrel_sha1_blocks_armv4:
        cmp     r2, #0
        bxeq    lr
        push    {r4-r12, lr}
        sub     sp, sp, #344
        add     r2, r1, r2, lsl #6
        str     r2, [sp, #336]                  @ end of the input
        adr     r3, .LK_00_19
        ldmia   r3, {r4-r7}
        add     r3, sp, #320
        stmia   r3, {r4-r7}                     @ the four round constants, at [sp, #320]
.Lsha1_block:
        ldmia   r0, {r3-r7}                     @ a..e
        @ c, d, e must hold rotl(x, 2) so that the ROR #2 of their uses gives x back.
        mov     r5, r5, ror #30
        mov     r6, r6, ror #30
        mov     r7, r7, ror #30
        add     lr, sp, #320                    @ W pointer (descending)
        ldr     r8, [sp, #320]
        LOADW   r9
        ROUND_CH r3, r4, r5, r6, r7, r9
        LOADW   r12
        ROUND_CH r7, r3, r4, r5, r6, r12
        LOADW   r2
        ROUND_CH r6, r7, r3, r4, r5, r2
        LOADW   r9
        ROUND_CH r5, r6, r7, r3, r4, r9
        LOADW   r12
        ROUND_CH r4, r5, r6, r7, r3, r12
        LOADW   r2
        ROUND_CH r3, r4, r5, r6, r7, r2
        LOADW   r9
        ROUND_CH r7, r3, r4, r5, r6, r9
        LOADW   r12
        ROUND_CH r6, r7, r3, r4, r5, r12
        LOADW   r2
        ROUND_CH r5, r6, r7, r3, r4, r2
        LOADW   r9
        ROUND_CH r4, r5, r6, r7, r3, r9
        LOADW   r12
        ROUND_CH r3, r4, r5, r6, r7, r12
        LOADW   r2
        ROUND_CH r7, r3, r4, r5, r6, r2
        LOADW   r9
        ROUND_CH r6, r7, r3, r4, r5, r9
        LOADW   r12
        ROUND_CH r5, r6, r7, r3, r4, r12
        LOADW   r2
        ROUND_CH r4, r5, r6, r7, r3, r2
        LOADW   r9
        ROUND_CH r3, r4, r5, r6, r7, r9
        SCHED   r12
        ROUND_CH r7, r3, r4, r5, r6, r12
        SCHED   r2
        ROUND_CH r6, r7, r3, r4, r5, r2
        SCHED   r9
        ROUND_CH r5, r6, r7, r3, r4, r9
        SCHED   r12
        ROUND_CH r4, r5, r6, r7, r3, r12
        ldr     r8, [sp, #324]
        SCHED   r2
        ROUND_PAR r3, r4, r5, r6, r7, r2
        SCHED   r9
        ROUND_PAR r7, r3, r4, r5, r6, r9
        SCHED   r12
        ROUND_PAR r6, r7, r3, r4, r5, r12
        SCHED   r2
        ROUND_PAR r5, r6, r7, r3, r4, r2
        SCHED   r9
        ROUND_PAR r4, r5, r6, r7, r3, r9
        SCHED   r12
        ROUND_PAR r3, r4, r5, r6, r7, r12
        SCHED   r2
        ROUND_PAR r7, r3, r4, r5, r6, r2
        SCHED   r9
        ROUND_PAR r6, r7, r3, r4, r5, r9
        SCHED   r12
        ROUND_PAR r5, r6, r7, r3, r4, r12
        SCHED   r2
        ROUND_PAR r4, r5, r6, r7, r3, r2
        SCHED   r9
        ROUND_PAR r3, r4, r5, r6, r7, r9
        SCHED   r12
        ROUND_PAR r7, r3, r4, r5, r6, r12
        SCHED   r2
        ROUND_PAR r6, r7, r3, r4, r5, r2
        SCHED   r9
        ROUND_PAR r5, r6, r7, r3, r4, r9
        SCHED   r12
        ROUND_PAR r4, r5, r6, r7, r3, r12
        SCHED   r2
        ROUND_PAR r3, r4, r5, r6, r7, r2
        SCHED   r9
        ROUND_PAR r7, r3, r4, r5, r6, r9
        SCHED   r12
        ROUND_PAR r6, r7, r3, r4, r5, r12
        SCHED   r2
        ROUND_PAR r5, r6, r7, r3, r4, r2
        SCHED   r9
        ROUND_PAR r4, r5, r6, r7, r3, r9
        ldr     r8, [sp, #328]
        SCHED   r12
        ROUND_MAJ r3, r4, r5, r6, r7, r12
        SCHED   r2
        ROUND_MAJ r7, r3, r4, r5, r6, r2
        SCHED   r9
        ROUND_MAJ r6, r7, r3, r4, r5, r9
        SCHED   r12
        ROUND_MAJ r5, r6, r7, r3, r4, r12
        SCHED   r2
        ROUND_MAJ r4, r5, r6, r7, r3, r2
        SCHED   r9
        ROUND_MAJ r3, r4, r5, r6, r7, r9
        SCHED   r12
        ROUND_MAJ r7, r3, r4, r5, r6, r12
        SCHED   r2
        ROUND_MAJ r6, r7, r3, r4, r5, r2
        SCHED   r9
        ROUND_MAJ r5, r6, r7, r3, r4, r9
        SCHED   r12
        ROUND_MAJ r4, r5, r6, r7, r3, r12
        SCHED   r2
        ROUND_MAJ r3, r4, r5, r6, r7, r2
        SCHED   r9
        ROUND_MAJ r7, r3, r4, r5, r6, r9
        SCHED   r12
        ROUND_MAJ r6, r7, r3, r4, r5, r12
        SCHED   r2
        ROUND_MAJ r5, r6, r7, r3, r4, r2
        SCHED   r9
        ROUND_MAJ r4, r5, r6, r7, r3, r9
        SCHED   r12
        ROUND_MAJ r3, r4, r5, r6, r7, r12
        SCHED   r2
        ROUND_MAJ r7, r3, r4, r5, r6, r2
        SCHED   r9
        ROUND_MAJ r6, r7, r3, r4, r5, r9
        SCHED   r12
        ROUND_MAJ r5, r6, r7, r3, r4, r12
        SCHED   r2
        ROUND_MAJ r4, r5, r6, r7, r3, r2
        ldr     r8, [sp, #332]
        SCHED   r9
        ROUND_PAR r3, r4, r5, r6, r7, r9
        SCHED   r12
        ROUND_PAR r7, r3, r4, r5, r6, r12
        SCHED   r2
        ROUND_PAR r6, r7, r3, r4, r5, r2
        SCHED   r9
        ROUND_PAR r5, r6, r7, r3, r4, r9
        SCHED   r12
        ROUND_PAR r4, r5, r6, r7, r3, r12
        SCHED   r2
        ROUND_PAR r3, r4, r5, r6, r7, r2
        SCHED   r9
        ROUND_PAR r7, r3, r4, r5, r6, r9
        SCHED   r12
        ROUND_PAR r6, r7, r3, r4, r5, r12
        SCHED   r2
        ROUND_PAR r5, r6, r7, r3, r4, r2
        SCHED   r9
        ROUND_PAR r4, r5, r6, r7, r3, r9
        SCHED   r12
        ROUND_PAR r3, r4, r5, r6, r7, r12
        SCHED   r2
        ROUND_PAR r7, r3, r4, r5, r6, r2
        SCHED   r9
        ROUND_PAR r6, r7, r3, r4, r5, r9
        SCHED   r12
        ROUND_PAR r5, r6, r7, r3, r4, r12
        SCHED   r2
        ROUND_PAR r4, r5, r6, r7, r3, r2
        SCHED   r9
        ROUND_PAR r3, r4, r5, r6, r7, r9
        SCHED   r12
        ROUND_PAR r7, r3, r4, r5, r6, r12
        SCHED   r2
        ROUND_PAR r6, r7, r3, r4, r5, r2
        SCHED   r9
        ROUND_PAR r5, r6, r7, r3, r4, r9
        SCHED   r12
        ROUND_PAR r4, r5, r6, r7, r3, r12
        @ After 80 rounds a, b are true values and c, d, e unrotated: undo the lag.
        ldmia   r0, {r8-r12}
        add     r3, r8, r3
        add     r4, r9, r4
        add     r5, r10, r5, ror #2
        add     r6, r11, r6, ror #2
        add     r7, r12, r7, ror #2
        stmia   r0, {r3-r7}
        ldr     r2, [sp, #336]
        cmp     r1, r2
        bne     .Lsha1_block
        mov     r3, #0                          @ wipe W
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
        mov     r10, #0
        mov     ip, sp
        mov     lr, #10
1:      stmia   ip!, {r3-r10}
        subs    lr, lr, #1
        bne     1b
        add     sp, sp, #344
        pop     {r4-r12, pc}
        .size   petrel_sha1_blocks_armv4, . - petrel_sha1_blocks_armv4
#endif

#if defined(__linux__) && defined(__ELF__)
        .section .note.GNU-stack, "", %progbits
#endif
