@ Big-number multiply-accumulate kernels, ARM state, ARMv5TE baseline (UMLAL): variant "armv4"
@ of crypto/bignum/mul_add.cpp (the portable C++ there is the reference; its comment gives the
@ algorithms: mul_add_limbs = schoolbook row, mont_step_limbs = one CIOS Montgomery step,
@ Koc, Acar, Kaliski 1996).
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code (return by
@ pop {..., pc}, which interworks on ARMv5T and later).
@   uint32_t petrel_bn_mul_add_armv4(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b)
@     r0 acc, r1 a, r2 n, r3 b; returns the carry limb in r0. n may be 0.
@   uint32_t petrel_bn_mont_step_armv4(uint32_t* t, const uint32_t* a, uint32_t b,
@                                      const uint32_t* m, uint32_t m0inv, size_t n, uint32_t top)
@     r0 t, r1 a, r2 b, r3 m; [sp] m0inv, [sp, #4] n (>= 1), [sp, #8] top; returns the new top.
@   void petrel_bn_mont_mul_armv4(uint32_t* r, const uint32_t* a, const uint32_t* b,
@                                 const uint32_t* m, uint32_t m0inv, size_t n)
@     r0 r, r1 a, r2 b, r3 m; [sp] m0inv, [sp, #4] n (>= 1): the whole multiplication
@     (bn_kernel.h); its frame is above its code, the step uses mont_step's registers.
@ Register plan (mont_step): r4 q, r5 c1 (carry of a*b + t), r6 c2 (carry of q*m + ...),
@   r7 limbs left, r8 a[j], r9 m[j], r10 write pointer t[j-1], r11 zero, ip the limb in flight.
@   Saves r4-r11 and lr (36 bytes); uses no other stack. mul_add: r4 carry, r5 a[i], r6 acc[i],
@   ip the high word; saves r4-r6 and lr.
@ Per limb: a*b + t + c1 is adds / adc (the 33-bit t + c1) then UMLAL; the same for q*m.
@
@ Constant-time status: no branch and no address depends on limb values (the only branches
@ are the loop counts, i.e. the public limb count n; mont_mul's final subtraction is a masked
@ SBCS chain). Caveat: the ARM926EJ-S (armel's core)
@ multiplier terminates early depending on the value of the Rs operand (here b and q, both
@ secret in an RSA private operation), so UMLAL's cycle count leaks the size of those words on
@ that core: a timing channel that the instruction/data-address trace check
@ (tests/ct/trace.cmake) cannot see; the trace itself is identical under two RSA keys.
@
@ Cost: 12 instructions per limb in the mont_step loop, 10 in mul_add (counted from the code).
@ Measured (scripts/perf-table --targets armel --algs "rsa2048-sign rsa2048-verify", guest
@ instructions per operation): armel RSA-2048 sign 66,516,885 (portable C++) -> 52,802,069,
@ verify 1,461,391 -> 1,059,471 (mont_step only); with the binary-GCD inverse 42.5 M, and with
@ mont_mul 38,633,142 / 960,666 (--targets "armhf armel mipsel", 0fb0cdd; OpenSSL 43,602,094 /
@ 1,178,069). mont_mul: 11 instructions per limb per limb of b (counted). On armhf (where armv6 is the default) the trace check's
@ private operation costs 63.4 M portable, 48.4 M armv4.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
        .syntax unified
        .arm
        .text

        .global petrel_bn_mul_add_armv4
        .type   petrel_bn_mul_add_armv4, %function
        .p2align 2
petrel_bn_mul_add_armv4:
        push    {r4-r6, lr}
        mov     r4, #0                  @ carry
        cmp     r2, #0
        beq     2f
1:      ldr     r5, [r1], #4            @ a[i]
        ldr     r6, [r0]                @ acc[i]
        adds    r6, r6, r4              @ acc[i] + carry, 33 bits in ip:r6
        mov     ip, #0
        adc     ip, ip, #0
        umlal   r6, ip, r5, r3          @ ip:r6 += a[i] * b  (< 2^64)
        str     r6, [r0], #4
        mov     r4, ip
        subs    r2, r2, #1
        bne     1b
2:      mov     r0, r4
        pop     {r4-r6, pc}
        .size   petrel_bn_mul_add_armv4, . - petrel_bn_mul_add_armv4

        .global petrel_bn_mont_step_armv4
        .type   petrel_bn_mont_step_armv4, %function
        .p2align 2
petrel_bn_mont_step_armv4:
        push    {r4-r11, lr}
        ldr     r4, [sp, #36]           @ m0inv
        ldr     r7, [sp, #40]           @ n
        mov     r11, #0
        @ Limb 0: s1 = a[0] * b + t[0]; q = lo(s1) * m0inv; s2 = q * m[0] + lo(s1) (low word 0).
        ldr     ip, [r0]
        ldr     r8, [r1], #4
        mov     r5, #0
        umlal   ip, r5, r8, r2          @ r5:ip = a[0] * b + t[0]
        mul     r4, ip, r4              @ q
        ldr     r9, [r3], #4
        mov     r6, #0
        umlal   ip, r6, r4, r9          @ r6:ip = q * m[0] + lo(s1); ip = 0
        mov     r10, r0
        add     r0, r0, #4
        subs    r7, r7, #1
        beq     2f
1:      ldr     ip, [r0], #4            @ t[j]
        ldr     r8, [r1], #4            @ a[j]
        ldr     r9, [r3], #4            @ m[j]
        adds    ip, ip, r5              @ t[j] + c1
        adc     r5, r11, #0
        umlal   ip, r5, r8, r2          @ s1 = a[j] * b + t[j] + c1; c1 = hi
        adds    ip, ip, r6              @ lo(s1) + c2
        adc     r6, r11, #0
        umlal   ip, r6, r4, r9          @ s2 = q * m[j] + lo(s1) + c2; c2 = hi
        str     ip, [r10], #4           @ t[j - 1] = lo(s2)
        subs    r7, r7, #1
        bne     1b
2:      ldr     ip, [sp, #44]           @ top
        adds    ip, ip, r5
        adc     r0, r11, #0
        adds    ip, ip, r6
        adc     r0, r0, #0
        str     ip, [r10]               @ t[n - 1]
        pop     {r4-r11, pc}
        .size   petrel_bn_mont_step_armv4, . - petrel_bn_mont_step_armv4
@ void petrel_bn_mont_mul_armv4(uint32_t* r, const uint32_t* a, const uint32_t* b,
@                               const uint32_t* m, uint32_t m0inv, size_t n)
@ The whole CIOS multiplication: r = 0, then for each b[i] the mont_step loop above inline (same
@ registers, the limb loop unrolled by two), then the masked final subtraction. Frame: r4-r11
@ and lr saved, 20 bytes below them: [sp] r, [sp, #4] a, [sp, #8] m, [sp, #12] the end of b,
@ [sp, #16] top; m0inv at [sp, #56], n at [sp, #60]. Across the steps lr walks b.
        .global petrel_bn_mont_mul_armv4
        .type   petrel_bn_mont_mul_armv4, %function
        .p2align 2
petrel_bn_mont_mul_armv4:
        push    {r4-r11, lr}
        sub     sp, sp, #20
        str     r0, [sp]
        str     r1, [sp, #4]
        str     r3, [sp, #8]
        ldr     r7, [sp, #60]           @ n
        add     ip, r2, r7, lsl #2
        str     ip, [sp, #12]           @ end of b
        mov     lr, r2
        mov     r11, #0                 @ zero, for the whole function
        str     r11, [sp, #16]          @ top = 0
        mov     r8, r0
0:      str     r11, [r8], #4           @ r = 0
        subs    r7, r7, #1
        bne     0b
4:      ldr     r0, [sp]
        ldr     r1, [sp, #4]
        ldr     r3, [sp, #8]
        ldr     r4, [sp, #56]           @ m0inv
        ldr     r7, [sp, #60]           @ n
        ldr     r2, [lr], #4            @ b[i]
        ldr     ip, [r0]
        ldr     r8, [r1], #4
        mov     r5, #0
        umlal   ip, r5, r8, r2          @ r5:ip = a[0] * b[i] + t[0]
        mul     r4, ip, r4              @ q
        ldr     r9, [r3], #4
        mov     r6, #0
        umlal   ip, r6, r4, r9          @ r6:ip = q * m[0] + lo(s1); ip = 0
        mov     r10, r0
        add     r0, r0, #4
        sub     r7, r7, #1              @ limbs 1 .. n-1
        tst     r7, #1
        beq     1f
        ldr     ip, [r0], #4            @ t[j]
        ldr     r8, [r1], #4            @ a[j]
        ldr     r9, [r3], #4            @ m[j]
        adds    ip, ip, r5
        adc     r5, r11, #0
        umlal   ip, r5, r8, r2          @ s1 = a[j] * b[i] + t[j] + c1
        adds    ip, ip, r6
        adc     r6, r11, #0
        umlal   ip, r6, r4, r9          @ s2 = q * m[j] + lo(s1) + c2
        str     ip, [r10], #4           @ t[j - 1]
1:      movs    r7, r7, lsr #1          @ pairs left
        beq     3f
2:
        ldr     ip, [r0], #4            @ t[j]
        ldr     r8, [r1], #4            @ a[j]
        ldr     r9, [r3], #4            @ m[j]
        adds    ip, ip, r5
        adc     r5, r11, #0
        umlal   ip, r5, r8, r2          @ s1 = a[j] * b[i] + t[j] + c1
        adds    ip, ip, r6
        adc     r6, r11, #0
        umlal   ip, r6, r4, r9          @ s2 = q * m[j] + lo(s1) + c2
        str     ip, [r10], #4           @ t[j - 1]
        ldr     ip, [r0], #4            @ t[j]
        ldr     r8, [r1], #4            @ a[j]
        ldr     r9, [r3], #4            @ m[j]
        adds    ip, ip, r5
        adc     r5, r11, #0
        umlal   ip, r5, r8, r2          @ s1 = a[j] * b[i] + t[j] + c1
        adds    ip, ip, r6
        adc     r6, r11, #0
        umlal   ip, r6, r4, r9          @ s2 = q * m[j] + lo(s1) + c2
        str     ip, [r10], #4           @ t[j - 1]
        subs    r7, r7, #1
        bne     2b
3:      ldr     ip, [sp, #16]           @ top
        adds    ip, ip, r5              @ t[n - 1] = top + c1 + c2, carry to top
        adc     r8, r11, #0
        adds    ip, ip, r6
        adc     r8, r8, #0
        str     ip, [r10]
        str     r8, [sp, #16]
        ldr     ip, [sp, #12]
        cmp     lr, ip
        bne     4b
        @ r + top * 2^(32n) < 2m: subtract m when top = 1 or r >= m. Pass 1: the borrow of r - m
        @ (SUB and TEQ leave C alone), pass 2: r -= m & mask.
        ldr     r10, [sp, #16]
        ldr     r0, [sp]
        ldr     r3, [sp, #8]
        ldr     r7, [sp, #60]
        mov     r1, r0
        mov     r2, r3
        mov     r9, r7
        subs    r8, r8, r8              @ C = 1: no borrow
5:      ldr     r4, [r1], #4
        ldr     r5, [r2], #4
        sbcs    r4, r4, r5
        sub     r9, r9, #1
        teq     r9, #0
        bne     5b
        adc     r4, r11, #0             @ 1 if r >= m
        orr     r4, r4, r10
        rsb     r4, r4, #0              @ the mask
        subs    r8, r8, r8
6:      ldr     r5, [r0]
        ldr     r6, [r3], #4
        and     r6, r6, r4
        sbcs    r5, r5, r6
        str     r5, [r0], #4
        sub     r7, r7, #1
        teq     r7, #0
        bne     6b
        add     sp, sp, #20
        pop     {r4-r11, pc}
        .size   petrel_bn_mont_mul_armv4, . - petrel_bn_mont_mul_armv4
#endif
        .section .note.GNU-stack, "", %progbits
