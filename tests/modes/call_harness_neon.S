@ Test harness for the NEON assembly (tests/modes/ghash_asm_test.cpp): calls an entry point with
@ the AAPCS callee-saved VFP/NEON registers d8-d15 filled with known patterns and reports what
@ the callee left in them (call_harness_arm.S does the same for r4-r11).
@
@   void petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4], uint64_t out[8])
@     calls fn(args[0], ..., args[3]) with d8..d15 = the words at .Lpatterns; stores d8..d15
@     after the call in out[0..7]. Restores the caller's d8-d15 itself.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)
        .syntax unified
        .arch   armv7-a
        .fpu    neon
        .arm
        .text
        .global petrel_test_call_patterned_neon
        .type   petrel_test_call_patterned_neon, %function
        .p2align 2
petrel_test_call_patterned_neon:
        push    {r4, r5, r6, lr}
        vpush   {d8-d15}
        mov     r4, r2
        mov     ip, r0
        adr     r5, .Lpatterns
        vldmia  r5, {d8-d15}
        ldr     r0, [r1]
        ldr     r2, [r1, #8]
        ldr     r3, [r1, #12]
        ldr     r1, [r1, #4]
        blx     ip
        vstmia  r4, {d8-d15}
        vpop    {d8-d15}
        pop     {r4, r5, r6, pc}
        .p2align 3
.Lpatterns:
        .word   0x5a3c0808, 0xa5c30808, 0x5a3c0909, 0xa5c30909
        .word   0x5a3c0a0a, 0xa5c30a0a, 0x5a3c0b0b, 0xa5c30b0b
        .word   0x5a3c0c0c, 0xa5c30c0c, 0x5a3c0d0d, 0xa5c30d0d
        .word   0x5a3c0e0e, 0xa5c30e0e, 0x5a3c0f0f, 0xa5c30f0f
        .size   petrel_test_call_patterned_neon, . - petrel_test_call_patterned_neon
#endif
        .section .note.GNU-stack, "", %progbits
