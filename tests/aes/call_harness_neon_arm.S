@ Test harness for NEON code (tests/aes/aes_asm_arm_test.cpp): like
@ tests/bignum/call_harness_arm.S, and also with the VFP/NEON callee-saved registers d8-d15
@ (AAPCS-VFP) filled with known patterns.
@
@   uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[7],
@                                            uint32_t out[25])
@     calls fn(args[0], ..., args[6]) (r0-r3, then three words on the stack) with
@     r4..r11 = 0xa5c30101 ... 0xa5c30808 and d(8+k) = 0x5ac3_0k0k_5ac3_1k1k-style patterns
@     (low word 0x5ac30000 + 0x0101 * (k + 1), high word 0x3c5a0000 + 0x0101 * (k + 1));
@     stores r4..r11 in out[0..7], d8..d15 (low word, high word) in out[8..23] and
@     (sp after - sp before) in out[24]; returns fn's r0. Restores the caller's r4-r11 and
@     d8-d15 itself.
        .syntax unified
        .arm
        .fpu    neon
        .text
        .global petrel_test_call_patterned_neon
        .type   petrel_test_call_patterned_neon, %function
        .p2align 2
petrel_test_call_patterned_neon:
        push    {r4-r11, lr}            @ 36 bytes
        vpush   {d8-d15}                @ 64 bytes
        sub     sp, sp, #20             @ [sp] 3 stack args, [sp, #12] out, [sp, #16] sp before
        str     r2, [sp, #12]
        ldr     r3, [r1, #16]
        str     r3, [sp]
        ldr     r3, [r1, #20]
        str     r3, [sp, #4]
        ldr     r3, [r1, #24]
        str     r3, [sp, #8]
        str     sp, [sp, #16]
        mov     ip, r0
        ldr     r4, =0x5ac30101
        ldr     r5, =0x3c5a0101
        vmov    d8, r4, r5
        ldr     r4, =0x5ac30202
        ldr     r5, =0x3c5a0202
        vmov    d9, r4, r5
        ldr     r4, =0x5ac30303
        ldr     r5, =0x3c5a0303
        vmov    d10, r4, r5
        ldr     r4, =0x5ac30404
        ldr     r5, =0x3c5a0404
        vmov    d11, r4, r5
        ldr     r4, =0x5ac30505
        ldr     r5, =0x3c5a0505
        vmov    d12, r4, r5
        ldr     r4, =0x5ac30606
        ldr     r5, =0x3c5a0606
        vmov    d13, r4, r5
        ldr     r4, =0x5ac30707
        ldr     r5, =0x3c5a0707
        vmov    d14, r4, r5
        ldr     r4, =0x5ac30808
        ldr     r5, =0x3c5a0808
        vmov    d15, r4, r5
        ldr     r0, [r1]
        ldr     r2, [r1, #8]
        ldr     r3, [r1, #12]
        ldr     r1, [r1, #4]
        ldr     r4, =0xa5c30101
        ldr     r5, =0xa5c30202
        ldr     r6, =0xa5c30303
        ldr     r7, =0xa5c30404
        ldr     r8, =0xa5c30505
        ldr     r9, =0xa5c30606
        ldr     r10, =0xa5c30707
        ldr     r11, =0xa5c30808
        blx     ip
        ldr     ip, [sp, #12]
        stmia   ip!, {r4-r11}
        vstmia  ip!, {d8-d15}
        ldr     r1, [sp, #16]
        sub     r1, sp, r1
        str     r1, [ip]
        add     sp, sp, #20
        vpop    {d8-d15}
        pop     {r4-r11, pc}
        .ltorg
        .size   petrel_test_call_patterned_neon, . - petrel_test_call_patterned_neon
        .section .note.GNU-stack, "", %progbits
