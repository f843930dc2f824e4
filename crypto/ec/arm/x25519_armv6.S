@ GF(2^255 - 19) multiplication for X25519 (RFC 7748 section 5), ARMv6 and later (UMAAL): the
@ field multiply beneath the "armv6" X25519 variant of crypto/ec/x25519.cpp (its ladder, the
@ additions, the swap and the final reduction are the C++ there, struct FeArmv6).
@
@ Calling convention: AAPCS (EABI), ARM state, little-endian, callable from ARM and Thumb code.
@   void petrel_fe25519_mul_armv6(uint32_t out[8], const uint32_t a[8], const uint32_t b[8])
@     out = a * b mod 2^255 - 19, as 8 little-endian 32-bit words below 2^256 (not necessarily
@     fully reduced); a and b are any 8-word values (below 2^256). out may be a or b (the
@     product is built on the stack and written last). Squares call it with a == b.
@ Method: the 512-bit product by operand scanning in two passes over the halves of b
@   (p += a * b[0..3], then p[4..] += a * b[4..7]); each UMAAL adds the product a_i b_j, the
@   low word of row i-1 at the same weight and the carry of column j of row i-1, which no 64-bit
@   result can overflow. Then p mod p: p_lo + 38 p_hi (2^256 = 38), by UMAAL with 38 again, and
@   the last carry (below 39) folded twice.
@ Register plan: r3-r6 the half of b, r7-r10 the column carries, r11 a_i, r1 a, the window of
@   four product words rotating through r0, r2, ip, lr (p[i] is stored when done). Reduction:
@   r3-r10 the low half, lr a word of the high half, r11 = 38, ip the carry.
@   Stack: [0, 64) the product p[0..15], 64 b, 68 out (72 bytes + 36 saved: 108, + 4 padding).
@   Saves r4-r11, lr. The product (secret-derived) is wiped from the stack before return.
@
@ Constant-time status: straight-line code, no branch at all, and every address is fixed; UMAAL
@ takes the same time whatever its operands on ARM11 and Cortex-A cores.
@
@ Cost (counted from the code): 155 instructions for the product, about 50 for the reduction
@ and the wipe; squares use the same code. Measured (guest instructions per X25519, qemu-arm
@ -cpu cortex-a7, scripts/insn-count --target armhf --n 2 -- build/armhf/bench/insn/
@ petrel_insn_driver x25519 {N}): 833552 (fe32 C++: 1335904; OpenSSL 1282556).
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARM_ARCH) && __ARM_ARCH >= 6
#if defined(__ARMEB__)
#error "x25519_armv6.S is little-endian only"
#endif
        .syntax unified
        .arm
        .text

        .equ    BP, 64
        .equ    OUTP, 68
        .equ    FRAME, 76

        .global petrel_fe25519_mul_armv6
        .type   petrel_fe25519_mul_armv6, %function
        .p2align 2
petrel_fe25519_mul_armv6:
        push    {r4-r11, lr}
        sub     sp, sp, #FRAME
        str     r0, [sp, #OUTP]
        str     r2, [sp, #BP]
        @ pass 1: p[0 ..] += a * b[0..3]
        ldr     r11, [sp, #BP]
        ldmia   r11, {r3-r6}
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
        mov     r10, #0
        mov     r0, #0
        mov     r2, #0
        mov     ip, #0
        mov     lr, #0
        ldr     r11, [r1, #0]           @ a[0]
        umaal   r0, r7, r11, r3
        umaal   r2, r8, r11, r4
        umaal   ip, r9, r11, r5
        umaal   lr, r10, r11, r6
        str     r0, [sp, #0]      @ p[0] done
        mov     r0, #0
        ldr     r11, [r1, #4]           @ a[1]
        umaal   r2, r7, r11, r3
        umaal   ip, r8, r11, r4
        umaal   lr, r9, r11, r5
        umaal   r0, r10, r11, r6
        str     r2, [sp, #4]      @ p[1] done
        mov     r2, #0
        ldr     r11, [r1, #8]           @ a[2]
        umaal   ip, r7, r11, r3
        umaal   lr, r8, r11, r4
        umaal   r0, r9, r11, r5
        umaal   r2, r10, r11, r6
        str     ip, [sp, #8]      @ p[2] done
        mov     ip, #0
        ldr     r11, [r1, #12]           @ a[3]
        umaal   lr, r7, r11, r3
        umaal   r0, r8, r11, r4
        umaal   r2, r9, r11, r5
        umaal   ip, r10, r11, r6
        str     lr, [sp, #12]      @ p[3] done
        mov     lr, #0
        ldr     r11, [r1, #16]           @ a[4]
        umaal   r0, r7, r11, r3
        umaal   r2, r8, r11, r4
        umaal   ip, r9, r11, r5
        umaal   lr, r10, r11, r6
        str     r0, [sp, #16]      @ p[4] done
        mov     r0, #0
        ldr     r11, [r1, #20]           @ a[5]
        umaal   r2, r7, r11, r3
        umaal   ip, r8, r11, r4
        umaal   lr, r9, r11, r5
        umaal   r0, r10, r11, r6
        str     r2, [sp, #20]      @ p[5] done
        mov     r2, #0
        ldr     r11, [r1, #24]           @ a[6]
        umaal   ip, r7, r11, r3
        umaal   lr, r8, r11, r4
        umaal   r0, r9, r11, r5
        umaal   r2, r10, r11, r6
        str     ip, [sp, #24]      @ p[6] done
        mov     ip, #0
        ldr     r11, [r1, #28]           @ a[7]
        umaal   lr, r7, r11, r3
        umaal   r0, r8, r11, r4
        umaal   r2, r9, r11, r5
        umaal   ip, r10, r11, r6
        str     lr, [sp, #28]      @ p[7]
        adds    r0, r0, r7
        adcs    r2, r2, r8
        adcs    ip, ip, r9
        adc     r10, r10, #0
        str     r0, [sp, #32]      @ p[8]
        str     r2, [sp, #36]      @ p[9]
        str     ip, [sp, #40]      @ p[10]
        str     r10, [sp, #44]      @ p[11]
        @ pass 2: p[4 ..] += a * b[4..7]
        ldr     r11, [sp, #BP]
        add     r11, r11, #16
        ldmia   r11, {r3-r6}
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
        mov     r10, #0
        add     r11, sp, #16
        ldmia   r11, {r0, r2, ip, lr}     @ p[4..7]
        ldr     r11, [r1, #0]           @ a[0]
        umaal   r0, r7, r11, r3
        umaal   r2, r8, r11, r4
        umaal   ip, r9, r11, r5
        umaal   lr, r10, r11, r6
        str     r0, [sp, #16]      @ p[4] done
        ldr     r0, [sp, #32]      @ p[8] of pass 1
        ldr     r11, [r1, #4]           @ a[1]
        umaal   r2, r7, r11, r3
        umaal   ip, r8, r11, r4
        umaal   lr, r9, r11, r5
        umaal   r0, r10, r11, r6
        str     r2, [sp, #20]      @ p[5] done
        ldr     r2, [sp, #36]      @ p[9] of pass 1
        ldr     r11, [r1, #8]           @ a[2]
        umaal   ip, r7, r11, r3
        umaal   lr, r8, r11, r4
        umaal   r0, r9, r11, r5
        umaal   r2, r10, r11, r6
        str     ip, [sp, #24]      @ p[6] done
        ldr     ip, [sp, #40]      @ p[10] of pass 1
        ldr     r11, [r1, #12]           @ a[3]
        umaal   lr, r7, r11, r3
        umaal   r0, r8, r11, r4
        umaal   r2, r9, r11, r5
        umaal   ip, r10, r11, r6
        str     lr, [sp, #28]      @ p[7] done
        ldr     lr, [sp, #44]      @ p[11] of pass 1
        ldr     r11, [r1, #16]           @ a[4]
        umaal   r0, r7, r11, r3
        umaal   r2, r8, r11, r4
        umaal   ip, r9, r11, r5
        umaal   lr, r10, r11, r6
        str     r0, [sp, #32]      @ p[8] done
        mov     r0, #0
        ldr     r11, [r1, #20]           @ a[5]
        umaal   r2, r7, r11, r3
        umaal   ip, r8, r11, r4
        umaal   lr, r9, r11, r5
        umaal   r0, r10, r11, r6
        str     r2, [sp, #36]      @ p[9] done
        mov     r2, #0
        ldr     r11, [r1, #24]           @ a[6]
        umaal   ip, r7, r11, r3
        umaal   lr, r8, r11, r4
        umaal   r0, r9, r11, r5
        umaal   r2, r10, r11, r6
        str     ip, [sp, #40]      @ p[10] done
        mov     ip, #0
        ldr     r11, [r1, #28]           @ a[7]
        umaal   lr, r7, r11, r3
        umaal   r0, r8, r11, r4
        umaal   r2, r9, r11, r5
        umaal   ip, r10, r11, r6
        str     lr, [sp, #44]      @ p[11]
        adds    r0, r0, r7
        adcs    r2, r2, r8
        adcs    ip, ip, r9
        adc     r10, r10, #0
        str     r0, [sp, #48]      @ p[12]
        str     r2, [sp, #52]      @ p[13]
        str     ip, [sp, #56]      @ p[14]
        str     r10, [sp, #60]      @ p[15]
        @ reduction: r = p[0..7] + 38 p[8..15], then the carry times 38, twice
        ldmia   sp, {r3-r10}
        mov     r11, #38
        mov     ip, #0
        ldr     lr, [sp, #32]
        umaal   r3, ip, lr, r11
        ldr     lr, [sp, #36]
        umaal   r4, ip, lr, r11
        ldr     lr, [sp, #40]
        umaal   r5, ip, lr, r11
        ldr     lr, [sp, #44]
        umaal   r6, ip, lr, r11
        ldr     lr, [sp, #48]
        umaal   r7, ip, lr, r11
        ldr     lr, [sp, #52]
        umaal   r8, ip, lr, r11
        ldr     lr, [sp, #56]
        umaal   r9, ip, lr, r11
        ldr     lr, [sp, #60]
        umaal   r10, ip, lr, r11
        mul     lr, ip, r11             @ carry (< 39) * 38
        adds    r3, r3, lr
        adcs    r4, r4, #0
        adcs    r5, r5, #0
        adcs    r6, r6, #0
        adcs    r7, r7, #0
        adcs    r8, r8, #0
        adcs    r9, r9, #0
        adcs    r10, r10, #0
        mov     ip, #0
        adc     ip, ip, #0
        mul     lr, ip, r11             @ 38 if it carried again (then r3 is small: no carry)
        add     r3, r3, lr
        ldr     r0, [sp, #OUTP]
        stmia   r0, {r3-r10}
        mov     r0, #0                  @ wipe the product
        mov     r1, #0
        mov     r2, #0
        mov     r3, #0
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     ip, sp
        stmia   ip!, {r0-r7}
        stmia   ip, {r0-r7}
        add     sp, sp, #FRAME
        pop     {r4-r11, pc}
        .size   petrel_fe25519_mul_armv6, . - petrel_fe25519_mul_armv6
#endif
        .section .note.GNU-stack, "", %progbits
