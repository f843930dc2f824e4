# RC4 keystream (RFC 6229 section 1's description of the cipher) for MIPS32 Release 2 (either
# byte order): variant "mips32r2" of the RC4 table (crypto/rc4/rc4.cpp; its portable loop "c" is
# the reference). The key schedule stays the portable C++ of rc4.cpp.
#
# NOT constant-time, like every RC4: S is a 256-byte table indexed by the secret i, j and
# S[i] + S[j] (the cipher's design; README "RC4").
#
# Calling convention: O32 (the extern "C" contract of crypto/rc4/rc4_internal.h).
#   void petrel_rc4_crypt_mips32r2(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len)
#     $a0 state (S[0..255], i at 256, j at 257; read and written back), $a1 out, $a2 in,
#     $a3 len (may be 0). in == out allowed; no alignment required.
# Method: single bytes until i = 7 mod 8, so that the next eight S[i] are S[i+1..i+8] at fixed
#   offsets from one pointer with no wrap inside the pass; then passes of eight bytes: each
#   keystream byte is LBU S[i] (offset k), j += S[i], LBU S[j], the two SB of the swap, LBU
#   S[S[i] + S[j]] (11 instructions), and INS merges it into a keystream word (the first byte
#   of a word is loaded straight into it: on mipsel bytes go to bits 0, 8, 16, 24 of one register;
#   on mips each INS inserts the word so far above the new byte); the input is read and the
#   output written as two words per pass (LW/SW when in and out are both word-aligned,
#   LWL/LWR and SWL/SWR otherwise), then the tail byte by byte.
# Register plan: $a0 S, $t0 i (single bytes) or i + 1 (passes), $t1 S + i + 1, $t2 j, $t3 S[i],
#   $t4 S[j], $t5 S + j, $t6 S + ((S[i] + S[j]) & 255), $t7 $t8 $t9 keystream bytes and words,
#   $v0 $v1 the input words, $a1 out, $a2 in, $a3 the end of the passes then the bytes left.
#   Leaf function: only caller-saved registers, no stack frame; $s0-$s7, $fp, $gp untouched.
#   .set noreorder: delay slots filled by hand.
#
# Cost, counted from the code: 94 instructions per eight keystream bytes plus 12 per pass
# around them (LW/SW path; 16 with LWL/LWR), 13.25 per byte (13.75 misaligned).
# Measured (scripts/perf-table --targets "mipsel mips" --algs "... rc4", 8a93b9f, 16-byte key,
# 4096-byte calls): 13.79 instructions per byte on mipsel and mips (portable "c" 17.77, mbedTLS
# 20.03 on mipsel; OpenSSL's static libcrypto has no RC4).
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32
        .text
        .set    noreorder
        .set    nomacro
        .set    noat

# One keystream byte into \dst, with S[i] at \off($t1).
        .macro  KS off, dst
        lbu     $t3, \off($t1)          # S[i]
        addu    $t2, $t2, $t3
        andi    $t2, $t2, 255           # j += S[i]
        addu    $t5, $a0, $t2
        lbu     $t4, 0($t5)             # S[j]
        sb      $t4, \off($t1)          # swap
        sb      $t3, 0($t5)
        addu    $t6, $t3, $t4
        andi    $t6, $t6, 255
        addu    $t6, $a0, $t6
        lbu     \dst, 0($t6)            # S[S[i] + S[j]]
        .endm

# Four keystream bytes S[i+1+\off .. i+4+\off] as one word in memory order, into \res.
        .macro  KSWORD off, res, tmp
#if defined(__MIPSEL__)
        KS      \off, \res
        KS      \off+1, \tmp
        ins     \res, \tmp, 8, 8
        KS      \off+2, \tmp
        ins     \res, \tmp, 16, 8
        KS      \off+3, \tmp
        ins     \res, \tmp, 24, 8
#else
        KS      \off, \tmp
        KS      \off+1, \res
        ins     \res, \tmp, 8, 8
        KS      \off+2, \tmp
        ins     \tmp, \res, 8, 16
        KS      \off+3, \res
        ins     \res, \tmp, 8, 24
#endif
        .endm

# One pass of eight bytes; \unaligned selects LWL/LWR and SWL/SWR.
        .macro  PASS unaligned
        .if     \unaligned
#if defined(__MIPSEL__)
        lwr     $v0, 0($a2)
        lwl     $v0, 3($a2)
        lwr     $v1, 4($a2)
        lwl     $v1, 7($a2)
#else
        lwl     $v0, 0($a2)
        lwr     $v0, 3($a2)
        lwl     $v1, 4($a2)
        lwr     $v1, 7($a2)
#endif
        .else
        lw      $v0, 0($a2)
        lw      $v1, 4($a2)
        .endif
        KSWORD  0, $t8, $t7
        KSWORD  4, $t9, $t7
        xor     $t8, $t8, $v0
        xor     $t9, $t9, $v1
        .if     \unaligned
#if defined(__MIPSEL__)
        swr     $t8, 0($a1)
        swl     $t8, 3($a1)
        swr     $t9, 4($a1)
        swl     $t9, 7($a1)
#else
        swl     $t8, 0($a1)
        swr     $t8, 3($a1)
        swl     $t9, 4($a1)
        swr     $t9, 7($a1)
#endif
        .else
        sw      $t8, 0($a1)
        sw      $t9, 4($a1)
        .endif
        addiu   $t0, $t0, 8
        andi    $t0, $t0, 255           # i + 1 of the next pass (a multiple of 8)
        addu    $t1, $a0, $t0
        addiu   $a2, $a2, 8
        .endm

        .globl  petrel_rc4_crypt_mips32r2
        .type   petrel_rc4_crypt_mips32r2, @function
        .ent    petrel_rc4_crypt_mips32r2
petrel_rc4_crypt_mips32r2:
        beqz    $a3, 10f
        lbu     $t0, 256($a0)           # (delay slot) i
        lbu     $t2, 257($a0)           # j
        # Single bytes until i = 7 (mod 8) or no bytes are left.
1:      andi    $t7, $t0, 7
        xori    $t7, $t7, 7
        beqz    $t7, 2f
        addiu   $t0, $t0, 1             # (delay slot; undone at 2:) i += 1
        andi    $t0, $t0, 255
        addu    $t1, $a0, $t0
        KS      0, $t7
        lbu     $t8, 0($a2)
        addiu   $a2, $a2, 1
        xor     $t8, $t8, $t7
        sb      $t8, 0($a1)
        addiu   $a3, $a3, -1
        bnez    $a3, 1b
        addiu   $a1, $a1, 1             # (delay slot)
        b       8f
        nop
        # Passes of eight: $t0 = i + 1 (mod 256), $t1 = S + i + 1, $at = end of the passes.
2:      andi    $t0, $t0, 255           # i + 1, a multiple of 8
        addu    $t1, $a0, $t0
        srl     $at, $a3, 3
        beqz    $at, 5f
        sll     $at, $at, 3             # (delay slot) bytes in whole passes
        andi    $a3, $a3, 7             # the tail
        addu    $at, $a2, $at
        or      $t7, $a1, $a2
        andi    $t7, $t7, 3
        bnez    $t7, 4f
        nop
3:      PASS    0
        bne     $a2, $at, 3b
        addiu   $a1, $a1, 8             # (delay slot)
        b       5f
        nop
4:      PASS    1
        bne     $a2, $at, 4b
        addiu   $a1, $a1, 8             # (delay slot)
        # The tail (fewer than 8 bytes) byte by byte: back to i in $t0.
5:      addiu   $t0, $t0, -1
        andi    $t0, $t0, 255           # i
        beqz    $a3, 8f
        nop
7:      addiu   $t0, $t0, 1
        andi    $t0, $t0, 255
        addu    $t1, $a0, $t0
        KS      0, $t7
        lbu     $t8, 0($a2)
        addiu   $a2, $a2, 1
        xor     $t8, $t8, $t7
        sb      $t8, 0($a1)
        addiu   $a3, $a3, -1
        bnez    $a3, 7b
        addiu   $a1, $a1, 1             # (delay slot)
8:      sb      $t0, 256($a0)           # i
        jr      $ra
        sb      $t2, 257($a0)           # (delay slot) j
10:     jr      $ra
        nop
        .end    petrel_rc4_crypt_mips32r2
        .size   petrel_rc4_crypt_mips32r2, . - petrel_rc4_crypt_mips32r2
#endif
        .section .note.GNU-stack, "", @progbits
