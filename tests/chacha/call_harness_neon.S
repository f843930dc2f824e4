@ Test harness (tests/chacha/chacha_test.cpp): calls a NEON assembly entry point with r4-r11 and
@ the AAPCS callee-saved VFP/NEON registers d8-d15 filled with known patterns and reports what the
@ callee left in them, so the test can check that they survive the call (and sp comes back).
@
@   uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4],
@                                            uint32_t out[25])
@     calls fn(args[0], ..., args[3]) (r0-r3) with r4..r11 = 0xa5c30101 ... 0xa5c30808 and
@     d8..d15 = {lo 0x5a3c0000 + 0x101 * k, hi 0x5a3c8000 + 0x101 * k} for k = 8..15; stores
@     r4..r11 after the call in out[0..7], d8..d15 in out[8..23] (lo, hi each) and (sp after -
@     sp before) in out[24]; returns fn's r0. Restores the caller's r4-r11 and d8-d15 itself.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text
        .global petrel_test_call_patterned_neon
        .type   petrel_test_call_patterned_neon, %function
        .p2align 2
petrel_test_call_patterned_neon:
        push    {r4-r11, lr}            @ 36 bytes
        vpush   {d8-d15}                @ 64 bytes
        sub     sp, sp, #12             @ [sp] out, [sp, #4] sp before; 112 bytes in all
        str     r2, [sp]
        str     sp, [sp, #4]
        mov     ip, r0
        ldr     r0, [r1]
        ldr     r2, [r1, #8]
        ldr     r3, [r1, #12]
        ldr     r1, [r1, #4]
        ldr     r4, =0x5a3c0808
        ldr     r5, =0x5a3c8808
        vmov    d8, r4, r5
        ldr     r4, =0x5a3c0909
        ldr     r5, =0x5a3c8909
        vmov    d9, r4, r5
        ldr     r4, =0x5a3c0a0a
        ldr     r5, =0x5a3c8a0a
        vmov    d10, r4, r5
        ldr     r4, =0x5a3c0b0b
        ldr     r5, =0x5a3c8b0b
        vmov    d11, r4, r5
        ldr     r4, =0x5a3c0c0c
        ldr     r5, =0x5a3c8c0c
        vmov    d12, r4, r5
        ldr     r4, =0x5a3c0d0d
        ldr     r5, =0x5a3c8d0d
        vmov    d13, r4, r5
        ldr     r4, =0x5a3c0e0e
        ldr     r5, =0x5a3c8e0e
        vmov    d14, r4, r5
        ldr     r4, =0x5a3c0f0f
        ldr     r5, =0x5a3c8f0f
        vmov    d15, r4, r5
        ldr     r4, =0xa5c30101
        ldr     r5, =0xa5c30202
        ldr     r6, =0xa5c30303
        ldr     r7, =0xa5c30404
        ldr     r8, =0xa5c30505
        ldr     r9, =0xa5c30606
        ldr     r10, =0xa5c30707
        ldr     r11, =0xa5c30808
        blx     ip
        ldr     ip, [sp]
        stmia   ip!, {r4-r11}
        vstmia  ip!, {d8-d15}
        ldr     r1, [sp, #4]
        sub     r1, sp, r1
        str     r1, [ip]
        add     sp, sp, #12
        vpop    {d8-d15}
        pop     {r4-r11, pc}
        .ltorg
        .size   petrel_test_call_patterned_neon, . - petrel_test_call_patterned_neon
#endif
        .section .note.GNU-stack, "", %progbits
