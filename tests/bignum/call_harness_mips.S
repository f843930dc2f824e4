# Test harness (tests/bignum/mul_add_variants_test.cpp, tests/aes/aes_asm_test.cpp,
# tests/rc4/rc4_test.cpp): calls an assembly entry point with $s0-$s7, $fp and $gp filled with
# known patterns and reports what the callee left in them, so the test can check the O32
# callee-saved registers survive the call (and that $sp comes back unchanged; a wrong $ra would
# not come back at all).
#
#   uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7], uint32_t out[11])
#     calls fn(args[0], ..., args[6]) ($a0-$a3, then 16/20/24($sp)) with
#     $s0..$s7, $fp, $gp = 0xa5c30101, 0xa5c30202, ..., 0xa5c30a0a; stores them after the call
#     in out[0..9] and ($sp after - $sp before) in out[10]; returns fn's $v0. Restores the
#     caller's registers ($gp included) itself.
        .text
        .globl  petrel_test_call_patterned
        .type   petrel_test_call_patterned, @function
        .ent    petrel_test_call_patterned
petrel_test_call_patterned:
        addiu   $sp, $sp, -80
        sw      $gp, 76($sp)
        sw      $ra, 72($sp)
        sw      $fp, 68($sp)
        sw      $s7, 64($sp)
        sw      $s6, 60($sp)
        sw      $s5, 56($sp)
        sw      $s4, 52($sp)
        sw      $s3, 48($sp)
        sw      $s2, 44($sp)
        sw      $s1, 40($sp)
        sw      $s0, 36($sp)
        sw      $a2, 28($sp)            # out
        sw      $sp, 32($sp)            # sp before
        lw      $t0, 16($a1)
        sw      $t0, 16($sp)
        lw      $t0, 20($a1)
        sw      $t0, 20($sp)
        lw      $t0, 24($a1)
        sw      $t0, 24($sp)
        move    $t9, $a0
        lw      $a0, 0($a1)
        lw      $a2, 8($a1)
        lw      $a3, 12($a1)
        lw      $a1, 4($a1)
        li      $s0, 0xa5c30101
        li      $s1, 0xa5c30202
        li      $s2, 0xa5c30303
        li      $s3, 0xa5c30404
        li      $s4, 0xa5c30505
        li      $s5, 0xa5c30606
        li      $s6, 0xa5c30707
        li      $s7, 0xa5c30808
        li      $fp, 0xa5c30909
        li      $gp, 0xa5c30a0a
        jalr    $t9
        lw      $t0, 28($sp)
        sw      $s0, 0($t0)
        sw      $s1, 4($t0)
        sw      $s2, 8($t0)
        sw      $s3, 12($t0)
        sw      $s4, 16($t0)
        sw      $s5, 20($t0)
        sw      $s6, 24($t0)
        sw      $s7, 28($t0)
        sw      $fp, 32($t0)
        sw      $gp, 36($t0)
        lw      $t1, 32($sp)
        subu    $t1, $sp, $t1
        sw      $t1, 40($t0)
        lw      $s0, 36($sp)
        lw      $s1, 40($sp)
        lw      $s2, 44($sp)
        lw      $s3, 48($sp)
        lw      $s4, 52($sp)
        lw      $s5, 56($sp)
        lw      $s6, 60($sp)
        lw      $s7, 64($sp)
        lw      $fp, 68($sp)
        lw      $ra, 72($sp)
        lw      $gp, 76($sp)
        addiu   $sp, $sp, 80
        jr      $ra
        .end    petrel_test_call_patterned
        .size   petrel_test_call_patterned, . - petrel_test_call_patterned
        .section .note.GNU-stack, "", @progbits
