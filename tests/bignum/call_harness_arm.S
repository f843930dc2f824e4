@ Test harness (tests/bignum/mul_add_variants_test.cpp): calls an assembly kernel with r4-r11
@ filled with known patterns and reports what the callee left in them, so the test can check
@ the AAPCS callee-saved registers survive the call (and that sp comes back where it was).
@
@   uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7], uint32_t out[9])
@     calls fn(args[0], ..., args[6]) (r0-r3, then three words on the stack) with
@     r4..r11 = 0xa5c30101, 0xa5c30202, ..., 0xa5c30808; stores r4..r11 after the call in
@     out[0..7] and (sp after - sp before) in out[8]; returns fn's r0. Restores the caller's
@     r4-r11 itself, so a broken callee is reported, not inherited.
        .syntax unified
        .arm
        .text
        .global petrel_test_call_patterned
        .type   petrel_test_call_patterned, %function
        .p2align 2
petrel_test_call_patterned:
        push    {r4-r11, lr}            @ 36 bytes
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
        stmia   ip, {r4-r11}
        ldr     r1, [sp, #16]
        sub     r1, sp, r1
        str     r1, [ip, #32]
        add     sp, sp, #20
        pop     {r4-r11, pc}
        .ltorg
        .size   petrel_test_call_patterned, . - petrel_test_call_patterned
        .section .note.GNU-stack, "", %progbits
