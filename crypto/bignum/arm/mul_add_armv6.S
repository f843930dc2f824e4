@ Big-number multiply-accumulate kernels, ARM state, ARMv6 and later (UMAAL): variant "armv6"
@ of crypto/bignum/mul_add.cpp (the portable C++ there is the reference; its comment gives the
@ algorithms: mul_add_limbs = schoolbook row, mont_step_limbs = one CIOS Montgomery step,
@ Koc, Acar, Kaliski 1996). UMAAL RdLo, RdHi, Rn, Rm sets RdHi:RdLo = Rn * Rm + RdHi + RdLo,
@ which is exactly one limb of either sum (a*b + t + c1, q*m + lo + c2): one instruction each.
@
@ Calling convention: AAPCS (EABI), ARM state, callable from ARM and Thumb code.
@   uint32_t petrel_bn_mul_add_armv6(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b)
@     r0 acc, r1 a, r2 n, r3 b; returns the carry limb in r0. n may be 0.
@   uint32_t petrel_bn_mont_step_armv6(uint32_t* t, const uint32_t* a, uint32_t b,
@                                      const uint32_t* m, uint32_t m0inv, size_t n, uint32_t top)
@     r0 t, r1 a, r2 b, r3 m; [sp] m0inv, [sp, #4] n (>= 1), [sp, #8] top; returns the new top.
@   void petrel_bn_mont_mul_armv6(uint32_t* r, const uint32_t* a, const uint32_t* b,
@                                 const uint32_t* m, uint32_t m0inv, size_t n)
@     r0 r, r1 a, r2 b, r3 m; [sp] m0inv, [sp, #4] n (>= 1): the whole multiplication
@     (bn_kernel.h), two limbs of b per pass; its register plan and frame are above its code.
@ Register plan (mont_step): r4 q, r5 c1, r6 c2, r7 limbs left, r8 a[j], r9 m[j], r10 write
@   pointer t[j-1], ip the limb in flight; saves r4-r10 and lr (32 bytes), no other stack.
@   mul_add: r4 carry, r5 a[i], ip acc[i]; saves r4, r5 and lr (with r6 for alignment).
@   The loops do two limbs per iteration, with one odd limb first when the count is odd.
@
@ Constant-time status: no branch and no address depends on limb values (the branches test only
@ the public limb count; mont_mul's final subtraction is a masked SBCS chain); the trace check (tests/ct/trace.cmake) sees identical traces for the
@ RSA-2048 private operation under two keys. It cannot see multiplier timing: whether UMAAL's
@ latency depends on operand values on a given core is not checked here (README "Constant-time
@ checks").
@
@ Cost: 7 instructions per limb in the mont_step loop, 5 in mul_add; mont_mul 21 per limb of a
@ pair pass, i.e. 10.5 per limb per limb of b (counted from the code).
@ Measured (scripts/perf-table --targets armhf --algs "rsa2048-sign rsa2048-verify", guest
@ instructions per operation): armhf RSA-2048 sign 62,793,268 (portable C++) -> 34,925,108,
@ verify 1,468,943 -> 658,703 (mont_step only); with mont_mul (one step per pass) and the
@ binary-GCD inverse 26.1 M; with the pair passes 22,107,378 / 529,262 (the command with
@ --targets "armhf armel mipsel", 0fb0cdd; OpenSSL's NEON code 14,259,892 / 309,236).
@
@ Built from crypto/bignum/arm/ for every ARM target (cmake/PetrelSources.cmake); the guard
@ below makes it empty where the compiler targets less than ARMv6 (armel, ARMv5TE: no UMAAL
@ assembled), and mul_add.cpp's armv6 row is a stub under the same condition.
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARM_ARCH) && __ARM_ARCH >= 6
        .syntax unified
        .arm
        .text

        .global petrel_bn_mul_add_armv6
        .type   petrel_bn_mul_add_armv6, %function
        .p2align 2
petrel_bn_mul_add_armv6:
        push    {r4-r6, lr}
        mov     r4, #0                  @ carry
        tst     r2, #1
        beq     1f
        ldr     r5, [r1], #4            @ the odd limb
        ldr     ip, [r0]
        umaal   ip, r4, r5, r3          @ r4:ip = a[i] * b + acc[i] + carry
        str     ip, [r0], #4
1:      lsrs    r2, r2, #1              @ pairs left
        beq     3f
2:      ldr     r5, [r1], #4
        ldr     ip, [r0]
        umaal   ip, r4, r5, r3
        ldr     r5, [r1], #4
        ldr     r6, [r0, #4]
        str     ip, [r0], #4
        umaal   r6, r4, r5, r3
        str     r6, [r0], #4
        subs    r2, r2, #1
        bne     2b
3:      mov     r0, r4
        pop     {r4-r6, pc}
        .size   petrel_bn_mul_add_armv6, . - petrel_bn_mul_add_armv6

        .global petrel_bn_mont_step_armv6
        .type   petrel_bn_mont_step_armv6, %function
        .p2align 2
petrel_bn_mont_step_armv6:
        push    {r4-r10, lr}
        ldr     r4, [sp, #32]           @ m0inv
        ldr     r7, [sp, #36]           @ n
        @ Limb 0: s1 = a[0] * b + t[0]; q = lo(s1) * m0inv; s2 = q * m[0] + lo(s1) (low word 0).
        ldr     ip, [r0]
        ldr     r8, [r1], #4
        mov     r5, #0
        umaal   ip, r5, r8, r2          @ r5:ip = a[0] * b + t[0]
        mul     r4, ip, r4              @ q
        ldr     r9, [r3], #4
        mov     r6, #0
        umaal   ip, r6, r4, r9          @ r6:ip = q * m[0] + lo(s1); ip = 0
        mov     r10, r0
        add     r0, r0, #4
        sub     r7, r7, #1              @ limbs 1 .. n-1
        tst     r7, #1
        beq     1f
        ldr     ip, [r0], #4            @ the odd limb
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2          @ s1 = a[j] * b + t[j] + c1
        umaal   ip, r6, r4, r9          @ s2 = q * m[j] + lo(s1) + c2
        str     ip, [r10], #4
1:      lsrs    r7, r7, #1              @ pairs left
        beq     3f
2:      ldr     ip, [r0], #4
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2
        umaal   ip, r6, r4, r9
        str     ip, [r10], #4
        ldr     ip, [r0], #4
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2
        umaal   ip, r6, r4, r9
        str     ip, [r10], #4
        subs    r7, r7, #1
        bne     2b
3:      ldr     ip, [sp, #40]           @ top
        mov     r0, #0
        adds    ip, ip, r5
        adc     r0, r0, #0
        adds    ip, ip, r6
        adc     r0, r0, #0
        str     ip, [r10]               @ t[n - 1]
        pop     {r4-r10, pc}
        .size   petrel_bn_mont_step_armv6, . - petrel_bn_mont_step_armv6
@ void petrel_bn_mont_mul_armv6(uint32_t* r, const uint32_t* a, const uint32_t* b,
@                               const uint32_t* m, uint32_t m0inv, size_t n)
@ The whole CIOS multiplication, two limbs of b per pass over t (r): with B0 = b[i], B1 = b[i+1],
@ q0 = (t0 + a0 B0) m0inv and q1 from limb 1 of t + a B0 + q0 m (the values two single steps
@ would use), limb j of t + a B0 + q0 m + 2^32 (a B1 + q1 m) is t[j] + a[j] B0 + m[j] q0 +
@ a[j-1] B1 + m[j-1] q1 plus four carries: four UMAALs chained through one register, each with
@ its own carry, stored at t[j-2]. Per limb 5 loads, 4 UMAAL, 1 store (a[j-1], m[j-1] are
@ loaded again: no register is left to keep them), against 3 loads, 2 UMAAL, 1 store for one
@ limb of one step. An odd n ends with one single step (the loop of mont_step above). Then the
@ masked final subtraction.
@ Registers in a pair pass: r0 t (read), r1 a, r3 m, r2 B0, r7 B1, r4 q0, r8 q1, r5 c1, r6 c2,
@ r9 c3, r10 c4, ip the limb in flight, r11 a[j] / a[j-1], lr m[j] / m[j-1].
@ Frame: r4-r11 and lr saved, 28 bytes below them: [sp] r, [sp, #4] a, [sp, #8] m, [sp, #12]
@ the end of b, [sp, #16] the end of r, [sp, #20] top, [sp, #24] the next limb of b; m0inv at
@ [sp, #64], n at [sp, #68].
        .global petrel_bn_mont_mul_armv6
        .type   petrel_bn_mont_mul_armv6, %function
        .p2align 2
petrel_bn_mont_mul_armv6:
        push    {r4-r11, lr}
        sub     sp, sp, #28
        str     r0, [sp]
        str     r1, [sp, #4]
        str     r3, [sp, #8]
        ldr     r7, [sp, #68]           @ n
        add     ip, r2, r7, lsl #2
        str     ip, [sp, #12]           @ end of b
        add     ip, r0, r7, lsl #2
        str     ip, [sp, #16]           @ end of r
        str     r2, [sp, #24]
        mov     ip, #0
        str     ip, [sp, #20]           @ top = 0
        mov     r8, r0
0:      str     ip, [r8], #4            @ r = 0
        subs    r7, r7, #1
        bne     0b
        @ The passes: two limbs of b while two are left, then one, then none (public counts).
10:     ldr     lr, [sp, #24]
        ldr     ip, [sp, #12]
        sub     ip, ip, lr
        cmp     ip, #8
        bhs     20f
        cmp     ip, #4
        beq     40f
        b       50f

        @ ---- a pass over two limbs of b ----
20:     ldr     r0, [sp]
        ldr     r1, [sp, #4]
        ldr     r3, [sp, #8]
        ldr     r2, [lr], #4            @ B0
        ldr     r7, [lr], #4            @ B1
        str     lr, [sp, #24]
        ldr     r4, [sp, #64]           @ m0inv
        @ j = 0: q0, and the low limb becomes 0.
        ldr     ip, [r0], #4
        ldr     r11, [r1], #4
        mov     r5, #0
        umaal   ip, r5, r11, r2         @ c1:x = a0 B0 + t0
        mul     r4, ip, r4              @ q0
        ldr     lr, [r3], #4
        mov     r6, #0
        umaal   ip, r6, r4, lr          @ c2:x = q0 m0 + x; x = 0
        @ j = 1: limb 1 of the first step, then q1 from it and a0 B1.
        ldr     ip, [r0], #4
        ldr     r11, [r1], #4
        umaal   ip, r5, r11, r2         @ + a1 B0 + c1
        ldr     lr, [r3], #4
        umaal   ip, r6, r4, lr          @ + q0 m1 + c2
        ldr     r11, [r1, #-8]
        mov     r9, #0
        umaal   ip, r9, r11, r7         @ c3:x = a0 B1 + x
        ldr     r8, [sp, #64]
        mul     r8, ip, r8              @ q1
        ldr     lr, [r3, #-8]
        mov     r10, #0
        umaal   ip, r10, r8, lr         @ c4:x = q1 m0 + x; x = 0
        @ j = 2 .. n-1: one limb first if n is odd, then pairs.
        ldr     ip, [sp, #68]
        tst     ip, #1
        beq     21f
        ldr     ip, [r0], #4            @ t[j]
        ldr     r11, [r1], #4
        umaal   ip, r5, r11, r2         @ a[j] B0
        ldr     lr, [r3], #4
        umaal   ip, r6, r4, lr          @ m[j] q0
        ldr     r11, [r1, #-8]
        umaal   ip, r9, r11, r7         @ a[j-1] B1
        ldr     lr, [r3, #-8]
        umaal   ip, r10, r8, lr         @ m[j-1] q1
        str     ip, [r0, #-12]          @ t[j-2]
21:     ldr     ip, [sp, #16]
        cmp     r0, ip
        beq     23f
22:     ldr     ip, [r0], #4
        ldr     r11, [r1], #4
        umaal   ip, r5, r11, r2
        ldr     lr, [r3], #4
        umaal   ip, r6, r4, lr
        ldr     r11, [r1, #-8]
        umaal   ip, r9, r11, r7
        ldr     lr, [r3, #-8]
        umaal   ip, r10, r8, lr
        str     ip, [r0, #-12]
        ldr     ip, [r0], #4
        ldr     r11, [r1], #4
        umaal   ip, r5, r11, r2
        ldr     lr, [r3], #4
        umaal   ip, r6, r4, lr
        ldr     r11, [r1, #-8]
        umaal   ip, r9, r11, r7
        ldr     lr, [r3, #-8]
        umaal   ip, r10, r8, lr
        str     ip, [r0, #-12]
        ldr     ip, [sp, #16]
        cmp     r0, ip
        bne     22b
        @ j = n: c1 + a[n-1] B1 + c3 + m[n-1] q1 + c4 + c2 + top; j = n + 1: the carries.
23:     mov     ip, r5
        ldr     r11, [r1, #-4]
        umaal   ip, r9, r11, r7
        ldr     lr, [r3, #-4]
        umaal   ip, r10, r8, lr
        ldr     r11, [sp, #20]          @ top
        adds    ip, ip, r6
        adcs    r9, r9, r10
        mov     r10, #0
        adc     r10, r10, #0
        adds    ip, ip, r11
        adcs    r9, r9, #0
        adc     r10, r10, #0            @ the new top
        str     ip, [r0, #-8]           @ t[n-2]
        str     r9, [r0, #-4]           @ t[n-1]
        str     r10, [sp, #20]
        b       10b

        @ ---- a pass over the last limb of b (odd n): one step, as mont_step ----
40:     ldr     r0, [sp]
        ldr     r1, [sp, #4]
        ldr     r3, [sp, #8]
        ldr     r4, [sp, #64]           @ m0inv
        ldr     r7, [sp, #68]           @ n
        ldr     r2, [lr], #4            @ b[i]
        str     lr, [sp, #24]
        ldr     ip, [r0]
        ldr     r8, [r1], #4
        mov     r5, #0
        umaal   ip, r5, r8, r2          @ r5:ip = a[0] * b[i] + t[0]
        mul     r4, ip, r4              @ q
        ldr     r9, [r3], #4
        mov     r6, #0
        umaal   ip, r6, r4, r9          @ r6:ip = q * m[0] + lo(s1); ip = 0
        mov     r10, r0
        add     r0, r0, #4
        sub     r7, r7, #1              @ limbs 1 .. n-1
        tst     r7, #1
        beq     1f
        ldr     ip, [r0], #4            @ the odd limb
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2
        umaal   ip, r6, r4, r9
        str     ip, [r10], #4
1:      lsrs    r7, r7, #1              @ pairs left
        beq     3f
2:      ldr     ip, [r0], #4
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2
        umaal   ip, r6, r4, r9
        str     ip, [r10], #4
        ldr     ip, [r0], #4
        ldr     r8, [r1], #4
        ldr     r9, [r3], #4
        umaal   ip, r5, r8, r2
        umaal   ip, r6, r4, r9
        str     ip, [r10], #4
        subs    r7, r7, #1
        bne     2b
3:      ldr     r11, [sp, #20]          @ top
        adds    ip, r11, r5             @ t[n - 1] = top + c1 + c2, carry to top
        mov     r11, #0
        adc     r11, r11, #0
        adds    ip, ip, r6
        adc     r11, r11, #0
        str     ip, [r10]
        str     r11, [sp, #20]
        b       10b

        @ ---- r + top * 2^(32n) < 2m: subtract m when top = 1 or r >= m ----
        @ Pass 1: the borrow of r - m (SUB and TEQ leave C alone), pass 2: r -= m & mask.
50:     ldr     r11, [sp, #20]
        ldr     r0, [sp]
        ldr     r3, [sp, #8]
        ldr     r7, [sp, #68]
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
        mov     r4, #0
        adc     r4, r4, #0              @ 1 if r >= m
        orr     r4, r4, r11
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
        add     sp, sp, #28
        pop     {r4-r11, pc}
        .size   petrel_bn_mont_mul_armv6, . - petrel_bn_mont_mul_armv6
#endif
        .section .note.GNU-stack, "", %progbits
