# GHASH (NIST SP 800-38D 6.4) for MIPS32 Release 2, either byte order: variant "mips32r2" of
# crypto/modes/gcm.cpp, Shoup's 4-bit table method.
#
# Algorithm: the portable "table4" multiplier (gcm.cpp gf_mul_table): Z = H[first nibble], then
# for each of the remaining 31 nibbles of X ^ Y, from the last byte's low nibble to the first
# byte's high nibble, Z = (Z >> 4) ^ R[Z & 15] ^ H[nibble], where H[i] = i*H (i a 4-bit
# reflected index) and R the reduction of the four dropped bits (kLast4 << 48 of gcm.cpp).
#
# NOT constant-time: the H table and R are indexed by nibbles of X ^ Y and of Z, which depend on
# the data and on H, so the cache lines touched can leak them (as with "table4"). The trace check
# lists it as a must-leak case (ct_trace.leak_ghash_mips32r2, tests/ct/trace.cmake). AesGcm pairs
# it only with the table AES rows; a constant-time AES keeps the constant-time GHASH.
#
# Calling convention: O32 (the extern "C" contract of crypto/modes/gcm_internal.h).
#   void petrel_ghash_blocks_mips32r2(uint8_t* y, const uint64_t* table, const uint8_t* data,
#                                     size_t nblocks)
#     $a0 y (16 bytes, read and written, any alignment), $a1 table, $a2 data (any alignment),
#     $a3 nblocks (may be 0).
# Table (petrel_ghash_init_mips32r2, ghash_mips32r2.cpp): entry i at table + 16 i is i*H as four
#   native words z0..z3, least significant first; Z is held the same way. Word z_k is the
#   big-endian word at byte 12 - 4k of the block (ULW, then WSBH + ROTR on mipsel), so the
#   nibbles in processing order are simply z0 bits 0-3, 4-7, ..., z3 bits 28-31.
# Register plan: $t0-$t3 and $t4-$t7 Z and the loaded H[i] (the two sets swap roles every nibble,
#   so no moves; Z ends each block in $t4-$t7), $s0-$s3 the words of X ^ Y, $t8 the entry
#   address, $t9 a shifted word, $v0 the R table (64-byte aligned, so INS writes the index into
#   bits 2-5), $v1 R[Z & 15]. Saves $s0-$s3 in a 16-byte frame; $ra is kept in $t9 across the
#   BAL that finds R PC-relative (static, PIC and PIE alike); $fp and $gp are untouched. Z and the
#   X ^ Y words are cleared from the registers before return.
# Cost, counted from the code: a nibble step is 21 instructions (4 LW of H[i], INS + LW of R,
#   16 shift/xor), its entry address 2 or 3; per block 31 x 21 + 32 x 3 - 1 + 4 (first entry)
#   + 16 or 24 (load and xor X, byte swaps on mipsel) + 3 of loop: about 770 (48 per byte).
# Measured at bd9de58 (scripts/perf-table --targets "armhf armel mipsel" --algs "aes-256-gcm",
#   guest instructions per byte through AesGcm, "Petrel asm" = the mips32r2 AES with this GHASH):
#   mipsel (24Kf) AES-256-GCM 112.05 (128.67 before, with the C++ table4; OpenSSL 3.0 136.44,
#   mbedTLS 177.11). mips (big-endian) runs the same instructions but two byte swaps per word
#   fewer; it has no Debian baseline.
#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 \
    && defined(_ABIO32) && _MIPS_SIM == _ABIO32

        .set    noat

# One nibble step: Z in (a0..a3), $t8 the address of H[i]; the result lands in (b0..b3):
# b = H[i] ^ (Z >> 4) ^ R[Z & 15].
        .macro  step a0, a1, a2, a3, b0, b1, b2, b3
        lw      \b0, 0($t8)
        lw      \b1, 4($t8)
        lw      \b2, 8($t8)
        lw      \b3, 12($t8)
        ins     $v0, \a0, 2, 4
        lw      $v1, 0($v0)
        srl     $t9, \a0, 4
        xor     \b0, \b0, $t9
        sll     $t9, \a1, 28
        xor     \b0, \b0, $t9
        srl     $t9, \a1, 4
        xor     \b1, \b1, $t9
        sll     $t9, \a2, 28
        xor     \b1, \b1, $t9
        srl     $t9, \a2, 4
        xor     \b2, \b2, $t9
        sll     $t9, \a3, 28
        xor     \b2, \b2, $t9
        srl     $t9, \a3, 4
        xor     \b3, \b3, $t9
        xor     \b3, \b3, $v1
        .endm

# $t8 = table + 16 * (nibble j of word w).
        .macro  addr w, j
        .if     (\j) == 0
        sll     $t8, \w, 4
        andi    $t8, $t8, 0xf0
        .elseif (\j) == 1
        andi    $t8, \w, 0xf0
        .else
        srl     $t8, \w, 4 * (\j) - 4
        andi    $t8, $t8, 0xf0
        .endif
        addu    $t8, $a1, $t8
        .endm

# Eight nibble steps over word w, the first from (t0..t3) to (t4..t7) unless first is set.
        .macro  word8 w, first
        addr    \w, 0
        .if     \first
        lw      $t0, 0($t8)
        lw      $t1, 4($t8)
        lw      $t2, 8($t8)
        lw      $t3, 12($t8)
        .else
        step    $t4, $t5, $t6, $t7, $t0, $t1, $t2, $t3
        .endif
        .irp    j, 1, 3, 5, 7
        addr    \w, \j
        step    $t0, $t1, $t2, $t3, $t4, $t5, $t6, $t7
        .if     \j != 7
        addr    \w, \j + 1
        step    $t4, $t5, $t6, $t7, $t0, $t1, $t2, $t3
        .endif
        .endr
        .endm

# Big-endian word at off(base) into r (ULW; byte-swapped on mipsel).
        .macro  load_be r, off, base
        ulw     \r, \off(\base)
#if defined(__MIPSEL__)
        wsbh    \r, \r
        rotr    \r, \r, 16
#endif
        .endm
        .macro  store_be r, off, base
#if defined(__MIPSEL__)
        wsbh    \r, \r
        rotr    \r, \r, 16
#endif
        usw     \r, \off(\base)
        .endm

        .text
        .p2align 6
.Lrem4:
        .word   0x00000000, 0x1c200000, 0x38400000, 0x24600000
        .word   0x70800000, 0x6ca00000, 0x48c00000, 0x54e00000
        .word   0xe1000000, 0xfd200000, 0xd9400000, 0xc5600000
        .word   0x91800000, 0x8da00000, 0xa9c00000, 0xb5e00000

        .globl  petrel_ghash_blocks_mips32r2
        .type   petrel_ghash_blocks_mips32r2, @function
        .ent    petrel_ghash_blocks_mips32r2
petrel_ghash_blocks_mips32r2:
        .frame  $sp, 16, $ra
        addiu   $sp, $sp, -16
        sw      $s0, 0($sp)
        sw      $s1, 4($sp)
        sw      $s2, 8($sp)
        sw      $s3, 12($sp)
        move    $t9, $ra
        bal     1f
1:      addiu   $v0, $ra, .Lrem4 - 1b
        move    $ra, $t9
        load_be $t4, 12, $a0
        load_be $t5, 8, $a0
        load_be $t6, 4, $a0
        load_be $t7, 0, $a0
        beqz    $a3, .Ldone
.Lblock:
        load_be $s0, 12, $a2
        load_be $s1, 8, $a2
        load_be $s2, 4, $a2
        load_be $s3, 0, $a2
        xor     $s0, $s0, $t4
        xor     $s1, $s1, $t5
        xor     $s2, $s2, $t6
        xor     $s3, $s3, $t7
        word8   $s0, 1
        word8   $s1, 0
        word8   $s2, 0
        word8   $s3, 0
        addiu   $a3, $a3, -1
        addiu   $a2, $a2, 16
        bnez    $a3, .Lblock
.Ldone:
        store_be $t4, 12, $a0
        store_be $t5, 8, $a0
        store_be $t6, 4, $a0
        store_be $t7, 0, $a0
        move    $t0, $zero
        move    $t1, $zero
        move    $t2, $zero
        move    $t3, $zero
        move    $t4, $zero
        move    $t5, $zero
        move    $t6, $zero
        move    $t7, $zero
        move    $t8, $zero
        move    $t9, $zero
        move    $v0, $zero
        move    $v1, $zero
        lw      $s0, 0($sp)
        lw      $s1, 4($sp)
        lw      $s2, 8($sp)
        lw      $s3, 12($sp)
        addiu   $sp, $sp, 16
        jr      $ra
        .end    petrel_ghash_blocks_mips32r2
        .size   petrel_ghash_blocks_mips32r2, . - petrel_ghash_blocks_mips32r2
#endif
        .section .note.GNU-stack, "", @progbits
