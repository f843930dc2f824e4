# Big-number multiply-accumulate kernels for MIPS32 Release 2 (either byte order): variant
# "mips32r2" of crypto/bignum/mul_add.cpp (the portable C++ there is the reference; its comment
# gives the algorithms: mul_add_limbs = schoolbook row, mont_step_limbs = one CIOS Montgomery
# step, Koc, Acar, Kaliski 1996).
#
# Each limb sum x * y + u + v (< 2^64) is formed in the HI:LO accumulator: MTLO u, MTHI zero,
# MADDU x, y, MADDU v, 1, then MFLO / MFHI; no carry compare-and-add is needed. Uses MIPS32
# instructions only (MADDU, MUL, MTHI/MTLO, MFHI/MFLO), none removed before Release 6.
#
# Calling convention: O32.
#   uint32_t petrel_bn_mul_add_mips32r2(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b)
#     $a0 acc, $a1 a, $a2 n, $a3 b; returns the carry limb in $v0. n may be 0.
#   uint32_t petrel_bn_mont_step_mips32r2(uint32_t* t, const uint32_t* a, uint32_t b,
#                                         const uint32_t* m, uint32_t m0inv, size_t n,
#                                         uint32_t top)
#     $a0 t, $a1 a, $a2 b, $a3 m; 16($sp) m0inv, 20($sp) n (>= 1), 24($sp) top (the O32 stack
#     arguments above the caller's 16-byte home area); returns the new top in $v0.
#   void petrel_bn_mont_mul_mips32r2(uint32_t* r, const uint32_t* a, const uint32_t* b,
#                                    const uint32_t* m, uint32_t m0inv, size_t n)
#     $a0 r, $a1 a, $a2 b, $a3 m; 16($sp) m0inv, 20($sp) n (>= 1): the whole multiplication
#     (bn_kernel.h); it writes the home slots 0($sp) and 4($sp), which O32 leaves to the callee.
# Register plan (mont_step): $t4 q, $t7 c1, $t8 c2, $t5 end of a, $t3 the constant 1, $t0-$t2
#   the limbs in flight; $a0 is the write pointer t[j-1] (t[j] is read at 4($a0)), $a1 and $a3
#   walk a and m. Leaf functions: only caller-saved registers ($t*, $a*, $v0), no stack frame,
#   $s0-$s7, $fp, $ra and $gp untouched. .set noreorder: delay slots are filled by hand.
#
# Constant-time status: no branch and no address depends on limb values (the loops end on a
# pointer compare against the public length). The trace check (tests/ct/trace.cmake, RSA-2048
# private operation under two keys) sees identical traces. It cannot see multiplier timing: the
# 24K's multiply unit is held to terminate early on some operand values (the architecture
# issue; not measured here), a timing channel on secret words that no instruction choice here
# removes.
#
# Cost: 18 instructions per limb in the mont_step loop, 12 in mul_add, 16 in mont_mul's
# (unrolled) loop (counted from the code).
# Measured (scripts/perf-table --targets mipsel --algs "rsa2048-sign rsa2048-verify", guest
# instructions per operation): mipsel RSA-2048 sign 100,890,355 (portable C++) -> 72,592,883,
# verify 2,377,214 -> 1,560,574 (mont_step only); with the binary-GCD inverse 61.0 M / 1.557 M,
# and with mont_mul 54,484,317 / 1,390,089 (--targets "armhf armel mipsel", 0fb0cdd; OpenSSL
# 68,865,482 / 1,727,327).
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro

        .globl  petrel_bn_mul_add_mips32r2
        .type   petrel_bn_mul_add_mips32r2, @function
        .ent    petrel_bn_mul_add_mips32r2
petrel_bn_mul_add_mips32r2:
        beqz    $a2, 2f
        move    $v0, $zero              # carry (delay slot)
        sll     $t0, $a2, 2
        addu    $t0, $a1, $t0           # end of a
        addiu   $t3, $zero, 1
1:      lw      $t1, 0($a1)             # a[i]
        lw      $t2, 0($a0)             # acc[i]
        mtlo    $t2
        mthi    $zero
        maddu   $t1, $a3                # acc[i] + a[i] * b
        maddu   $v0, $t3                # + carry
        addiu   $a1, $a1, 4
        mflo    $t2
        mfhi    $v0
        sw      $t2, 0($a0)
        bne     $a1, $t0, 1b
        addiu   $a0, $a0, 4             # (delay slot)
2:      jr      $ra
        nop
        .end    petrel_bn_mul_add_mips32r2
        .size   petrel_bn_mul_add_mips32r2, . - petrel_bn_mul_add_mips32r2

        .globl  petrel_bn_mont_step_mips32r2
        .type   petrel_bn_mont_step_mips32r2, @function
        .ent    petrel_bn_mont_step_mips32r2
petrel_bn_mont_step_mips32r2:
        lw      $t4, 16($sp)            # m0inv
        lw      $t5, 20($sp)            # n
        addiu   $t3, $zero, 1
        # Limb 0: s1 = a[0] * b + t[0]; q = lo(s1) * m0inv; s2 = q * m[0] + lo(s1) (low word 0).
        lw      $t0, 0($a0)
        lw      $t1, 0($a1)
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # s1
        lw      $t2, 0($a3)
        mflo    $t6                     # lo(s1)
        mfhi    $t7                     # c1
        mul     $t4, $t6, $t4           # q (MUL leaves HI and LO unpredictable)
        mtlo    $t6
        mthi    $zero
        maddu   $t4, $t2                # s2; LO = 0
        sll     $t5, $t5, 2
        addu    $t5, $a1, $t5           # end of a
        addiu   $a1, $a1, 4
        mfhi    $t8                     # c2
        beq     $a1, $t5, 2f
        addiu   $a3, $a3, 4             # (delay slot)
1:      lw      $t0, 4($a0)             # t[j]
        lw      $t1, 0($a1)             # a[j]
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # t[j] + a[j] * b
        maddu   $t7, $t3                # + c1: s1
        lw      $t2, 0($a3)             # m[j]
        mfhi    $t7                     # c1 = hi(s1); LO keeps lo(s1)
        mthi    $zero
        maddu   $t4, $t2                # lo(s1) + q * m[j]
        maddu   $t8, $t3                # + c2: s2
        addiu   $a1, $a1, 4
        addiu   $a3, $a3, 4
        mflo    $t0
        mfhi    $t8                     # c2 = hi(s2)
        sw      $t0, 0($a0)             # t[j - 1] = lo(s2)
        bne     $a1, $t5, 1b
        addiu   $a0, $a0, 4             # (delay slot)
2:      lw      $t0, 24($sp)            # top
        addu    $t0, $t0, $t7           # top + c1 + c2 (< 2^34)
        sltu    $v0, $t0, $t7
        addu    $t0, $t0, $t8
        sltu    $t1, $t0, $t8
        addu    $v0, $v0, $t1
        jr      $ra
        sw      $t0, 0($a0)             # t[n - 1] (delay slot)
        .end    petrel_bn_mont_step_mips32r2
        .size   petrel_bn_mont_step_mips32r2, . - petrel_bn_mont_step_mips32r2
# void petrel_bn_mont_mul_mips32r2(uint32_t* r, const uint32_t* a, const uint32_t* b,
#                                  const uint32_t* m, uint32_t m0inv, size_t n)
#   $a0 r, $a1 a, $a2 b, $a3 m; 16($sp) m0inv, 20($sp) n (>= 1). The whole CIOS multiplication:
#   r = 0, then per limb of b the mont_step loop above inline (limbs unrolled by two, one single
#   limb first when n - 1 is odd), then the masked final subtraction (borrow chain by SLTU, then
#   r -= m & mask). Leaf, no frame: the end of b and top live in the home slots 0($sp) and
#   4($sp) that O32 gives the callee; across the steps $v0 = r, $v1 = a, $t6 = m, $t9 walks b,
#   $t5 = the end of a; the step uses the registers of mont_step.
        .globl  petrel_bn_mont_mul_mips32r2
        .type   petrel_bn_mont_mul_mips32r2, @function
        .ent    petrel_bn_mont_mul_mips32r2
petrel_bn_mont_mul_mips32r2:
        lw      $t0, 20($sp)            # n
        move    $v0, $a0
        move    $v1, $a1
        move    $t6, $a3
        move    $t9, $a2
        sll     $t0, $t0, 2             # 4n
        addu    $t1, $a2, $t0
        sw      $t1, 0($sp)             # end of b
        sw      $zero, 4($sp)           # top
        addu    $t5, $a1, $t0           # end of a
        addiu   $t3, $zero, 1
        addu    $t1, $a0, $t0           # end of r
        move    $t2, $a0
0:      addiu   $t2, $t2, 4
        bne     $t2, $t1, 0b
        sw      $zero, -4($t2)          # r = 0 (delay slot)
1:      move    $a0, $v0
        move    $a1, $v1
        move    $a3, $t6
        lw      $a2, 0($t9)             # b[i]
        addiu   $t9, $t9, 4
        lw      $t4, 16($sp)            # m0inv
        lw      $t0, 0($a0)
        lw      $t1, 0($a1)
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # s1
        lw      $t2, 0($a3)
        mflo    $t0                     # lo(s1)
        mfhi    $t7                     # c1
        mul     $t4, $t0, $t4           # q (MUL leaves HI and LO unpredictable)
        mtlo    $t0
        mthi    $zero
        maddu   $t4, $t2                # s2; LO = 0
        addiu   $a1, $a1, 4
        addiu   $a3, $a3, 4
        mfhi    $t8                     # c2
        subu    $t0, $t5, $v1           # 4n: n odd leaves an even count of limbs 1 .. n-1
        andi    $t0, $t0, 4
        bnez    $t0, 2f
        nop
        lw      $t0, 4($a0)            # t[j]
        lw      $t1, 0($a1)            # a[j]
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # t[j] + a[j] * b[i]
        maddu   $t7, $t3                # + c1: s1
        lw      $t2, 0($a3)            # m[j]
        mfhi    $t7                     # c1 = hi(s1); LO keeps lo(s1)
        mthi    $zero
        maddu   $t4, $t2                # lo(s1) + q * m[j]
        maddu   $t8, $t3                # + c2: s2
        addiu   $a1, $a1, 4
        addiu   $a3, $a3, 4
        mflo    $t0
        mfhi    $t8                     # c2 = hi(s2)
        sw      $t0, 0($a0)             # t[j - 1] = lo(s2)
        addiu   $a0, $a0, 4
2:      beq     $a1, $t5, 4f
        nop
3:
        lw      $t0, 4($a0)            # t[j]
        lw      $t1, 0($a1)            # a[j]
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # t[j] + a[j] * b[i]
        maddu   $t7, $t3                # + c1: s1
        lw      $t2, 0($a3)            # m[j]
        mfhi    $t7                     # c1 = hi(s1); LO keeps lo(s1)
        mthi    $zero
        maddu   $t4, $t2                # lo(s1) + q * m[j]
        maddu   $t8, $t3                # + c2: s2
        mflo    $t0
        mfhi    $t8
        sw      $t0, 0($a0)
        lw      $t0, 8($a0)            # t[j]
        lw      $t1, 4($a1)            # a[j]
        mtlo    $t0
        mthi    $zero
        maddu   $t1, $a2                # t[j] + a[j] * b[i]
        maddu   $t7, $t3                # + c1: s1
        lw      $t2, 4($a3)            # m[j]
        mfhi    $t7                     # c1 = hi(s1); LO keeps lo(s1)
        mthi    $zero
        maddu   $t4, $t2                # lo(s1) + q * m[j]
        maddu   $t8, $t3                # + c2: s2
        addiu   $a1, $a1, 8
        addiu   $a3, $a3, 8
        mflo    $t0
        mfhi    $t8
        sw      $t0, 4($a0)
        bne     $a1, $t5, 3b
        addiu   $a0, $a0, 8             # (delay slot)
4:      lw      $t0, 4($sp)             # top
        addu    $t0, $t0, $t7           # top + c1 + c2 (< 2^34)
        sltu    $t1, $t0, $t7
        addu    $t0, $t0, $t8
        sltu    $t2, $t0, $t8
        addu    $t1, $t1, $t2
        sw      $t0, 0($a0)             # t[n - 1]
        sw      $t1, 4($sp)             # top
        lw      $t0, 0($sp)
        bne     $t9, $t0, 1b
        nop
        # r + top * 2^(32n) < 2m: subtract m when top = 1 or r >= m.
        lw      $t8, 4($sp)
        move    $a0, $v0
        move    $a3, $t6
        lw      $t5, 20($sp)
        sll     $t5, $t5, 2
        addu    $t5, $v0, $t5           # end of r
        move    $t7, $zero              # borrow
5:      lw      $t0, 0($a0)
        lw      $t1, 0($a3)
        sltu    $t2, $t0, $t1           # x < y
        subu    $t0, $t0, $t1
        sltu    $t1, $t0, $t7           # x - y < borrow
        or      $t7, $t2, $t1
        addiu   $a0, $a0, 4
        bne     $a0, $t5, 5b
        addiu   $a3, $a3, 4             # (delay slot)
        xori    $t7, $t7, 1             # 1 if r >= m
        or      $t7, $t7, $t8
        subu    $t9, $zero, $t7         # the mask
        move    $a0, $v0
        move    $a3, $t6
        move    $t7, $zero
6:      lw      $t0, 0($a0)
        lw      $t1, 0($a3)
        and     $t1, $t1, $t9
        sltu    $t2, $t0, $t1
        subu    $t0, $t0, $t1
        sltu    $t1, $t0, $t7
        subu    $t0, $t0, $t7
        or      $t7, $t2, $t1
        sw      $t0, 0($a0)
        addiu   $a0, $a0, 4
        bne     $a0, $t5, 6b
        addiu   $a3, $a3, 4             # (delay slot)
        jr      $ra
        nop
        .end    petrel_bn_mont_mul_mips32r2
        .size   petrel_bn_mont_mul_mips32r2, . - petrel_bn_mont_mul_mips32r2
#endif
        .section .note.GNU-stack, "", @progbits
