#!/usr/bin/env python3
# Generates crypto/modes/arm/ghash_armv4_ct.S (run by hand: python3 ghash_armv4_ct_gen.py >
# ghash_armv4_ct.S; tests/CMakeLists.txt checks the committed file against this output).
#
# The constant-time GHASH of crypto/modes/gcm.cpp ("ct", its 16-bit form: three Karatsuba
# levels down to 16x16 carry-less products, each nine integer multiplications on operands with
# holes) as straight-line ARM code per block, allocated by crypto/aes/arm/armv4_regalloc.py.
# Before printing, the allocated code is run in Python on random H, Y and data against a
# bit-serial GF(2^128) multiply (SP 800-38D Algorithm 1).
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'aes', 'arm'))
from armv4_regalloc import asm_eval, best_allocation  # noqa: E402

M0, M1, M2 = 0x49249249, 0x12492492, 0x24924924  # bit 31 left out of M1 (see the head)
RS_PATTERN = 0x80000000
# Frame
Y = 0          # y[0..3] at [sp, #0..12] (least significant word first, as gcm.cpp)
MASKS = 16     # m0, m1, m2 at [sp, #16..24]
YPTR = 28
DPTR = 32
NBLK = 36
HM = 40        # 81 multiplier words
SPILL = HM + 4 * 81
MAX_SPILLS = 160
TRIALS = 40  # seeded schedules tried for the block program (deterministic)
DATA = 'r1'    # data pointer during the block program
REGS = ['r0', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'lr']


def slot(off):
    return '[sp, #%d]' % off


class Prog:
    def __init__(self):
        self.ops = []
        self.n = 0

    def alu(self, mn, a, b=None, sh=None, d=None):
        self.n += 1
        d = d or 'v%d' % self.n
        self.ops.append(('alu', mn, d, a, b, sh))
        return d

    def mul(self, a, b):
        self.n += 1
        d = 'm%d' % self.n
        self.ops.append(('mul', d, a, b))
        return d

    def load(self, mn, addr):
        self.n += 1
        d = 'l%d' % self.n
        self.ops.append(('load', mn, d, addr))
        return d


def clmul16(p, x, hw):
    """x: a value whose low 16 bits are the operand (as (value, shift) pair to split from);
    hw: names of the three multiplier words. Returns the 32-bit carry-less product."""
    v, sh = x
    x0 = p.alu('and', 'M0', v, sh)
    x1 = p.alu('and', 'M1', v, sh)
    x2 = p.alu('and', 'M2', v, sh)
    h0, h1, h2 = hw
    z0 = p.alu('eor', p.alu('eor', p.mul(x0, h0), p.mul(x1, h2)), p.mul(x2, h1))
    z1 = p.alu('eor', p.alu('eor', p.mul(x0, h1), p.mul(x1, h0)), p.mul(x2, h2))
    z2 = p.alu('eor', p.alu('eor', p.mul(x0, h2), p.mul(x1, h1)), p.mul(x2, h0))
    r = p.alu('and', z0, 'M0')
    r = p.alu('orr', r, p.alu('and', z1, 'M1'))
    return p.alu('orr', r, p.alu('and', z2, 'M2'))


def block_program():
    p = Prog()
    # y ^= the block, read big-endian: y[i] from data bytes 12 - 4i .. 15 - 4i.
    y = []
    for i in range(4):
        base = 12 - 4 * i
        w = p.load('ldrb', '[%s, #%d]' % (DATA, base))
        for j in range(1, 4):
            b = p.load('ldrb', '[%s, #%d]' % (DATA, base + j))
            w = p.alu('orr', b, w, 'lsl #8')
        y.append(p.alu('eor', 'y%d' % i, w))
    a = y
    x = [a[0], a[1], p.alu('eor', a[0], a[1]), a[2], a[3], p.alu('eor', a[2], a[3]),
         p.alu('eor', a[0], a[2]), p.alu('eor', a[1], a[3])]
    x.append(p.alu('eor', x[6], x[7]))
    lo, hi = [], []
    # r1 (the data pointer, reloaded after the block) walks the multiplier words: one
    # ldmia r1!, {three registers} per 16x16 product.
    p.ops.append(('raw', 'add\t%s, sp, #%d' % (DATA, HM)))

    def hwords(k):
        names = ['h%d' % (k + j) for j in range(3)]
        p.ops.append(('ldm', DATA, [(names[j], slot(HM + 4 * (k + j))) for j in range(3)]))
        return names

    for i in range(9):
        t = p.alu('mov', x[i], None, 'lsl #16')
        p0 = clmul16(p, (t, 'lsr #16'), hwords(9 * i))
        p1 = clmul16(p, (x[i], 'lsr #16'), hwords(9 * i + 3))
        c = p.alu('eor', x[i], x[i], 'lsr #16')
        c = p.alu('mov', c, None, 'lsl #16')
        pm = clmul16(p, (c, 'lsr #16'), hwords(9 * i + 6))
        mid = p.alu('eor', p.alu('eor', pm, p0), p1)
        lo.append(p.alu('eor', p0, mid, 'lsl #16'))
        hi.append(p.alu('eor', p1, mid, 'lsr #16'))

    def combine64(b):
        mlo = p.alu('eor', p.alu('eor', lo[b + 2], lo[b]), lo[b + 1])
        mhi = p.alu('eor', p.alu('eor', hi[b + 2], hi[b]), hi[b + 1])
        return [lo[b], p.alu('eor', hi[b], mlo), p.alu('eor', lo[b + 1], mhi), hi[b + 1]]

    r0 = combine64(0)
    r2 = combine64(3)
    rm = combine64(6)
    z = r0 + r2
    for i in range(4):
        z[i + 2] = p.alu('eor', z[i + 2], p.alu('eor', p.alu('eor', rm[i], r0[i]), r2[i]))
    nz = list(z)
    for i in range(7, 0, -1):
        t = p.alu('mov', z[i], None, 'lsl #1')
        nz[i] = p.alu('orr', t, z[i - 1], 'lsr #31')
    nz[0] = p.alu('mov', z[0], None, 'lsl #1')
    z = nz
    for j in range(4):
        lw = z[j]
        t = p.alu('eor', lw, lw, 'lsr #1')
        t = p.alu('eor', t, lw, 'lsr #2')
        t = p.alu('eor', t, lw, 'lsr #7')
        z[j + 4] = p.alu('eor', z[j + 4], t)
        u = p.alu('eor', z[j + 3], lw, 'lsl #31')
        u = p.alu('eor', u, lw, 'lsl #30')
        z[j + 3] = p.alu('eor', u, lw, 'lsl #25')
    outs = {}
    ren = {z[i + 4]: 'yo%d' % i for i in range(4)}
    for i in range(4):
        outs['yo%d' % i] = slot(Y + 4 * i)
    ops = []
    for op in p.ops:
        if op[0] == 'alu':
            op = ('alu', op[1], ren.get(op[2], op[2]), ren.get(op[3], op[3]),
                  ren.get(op[4], op[4]), op[5])
        ops.append(op)
    mem = {'y%d' % i: slot(Y + 4 * i) for i in range(4)}
    mem.update({'M0': slot(MASKS), 'M1': slot(MASKS + 4), 'M2': slot(MASKS + 8)})
    return ops, mem, outs


def h_program():
    """The 81 multiplier words from hx[i] = low word of table[i] (table in r1): for each, the low
    half, the high half and their sum, each split by 0x9249/0x2492/0x4924, with bit 31 set."""
    p = Prog()
    outs = {}
    k = 0
    for i in range(9):
        hx = p.load('ldr', '[r1, #%d]' % (8 * i))
        lo = p.alu('mov', hx, None, 'lsl #16')
        c = p.alu('eor', hx, hx, 'lsr #16')
        c = p.alu('mov', c, None, 'lsl #16')
        for v, sh in ((lo, 'lsr #16'), (hx, 'lsr #16'), (c, 'lsr #16')):
            for m in ('M0', 'M1', 'M2'):
                w = p.alu('and', m, v, sh)
                d = 'hm%d' % k
                p.ops.append(('alu', 'orr', d, w, None, '#0x80000000'))
                outs[d] = slot(HM + 4 * k)
                k += 1
    mem = {'M0': slot(MASKS), 'M1': slot(MASKS + 4), 'M2': slot(MASKS + 8)}
    return p.ops, mem, outs


# ---- reference and check ----

def gf_mul(x, y):
    """SP 800-38D Algorithm 1 on 128-bit integers (bit 0 of the block = most significant)."""
    r = 0xE1 << 120
    z = 0
    v = y
    for i in range(127, -1, -1):
        if (x >> i) & 1:
            z ^= v
        v = (v >> 1) ^ r if v & 1 else v >> 1
    return z


class Mem(dict):
    pass


def self_check(hlines, blines):
    rnd = random.Random(7)
    for trial in range(12):
        h = rnd.getrandbits(128) if trial > 1 else (0 if trial == 0 else (1 << 128) - 1)
        yv = rnd.getrandbits(128) if trial != 1 else (1 << 128) - 1
        data = [rnd.getrandbits(128) if trial != 1 else (1 << 128) - 1 for _ in range(2)]
        # gcm.cpp's ct operands of H: a[i] = word i of H read big-endian (i = 0 least sig.)
        a = [(h >> (32 * i)) & 0xFFFFFFFF for i in range(4)]
        hx = [a[0], a[1], a[0] ^ a[1], a[2], a[3], a[2] ^ a[3], a[0] ^ a[2], a[1] ^ a[3]]
        hx.append(hx[6] ^ hx[7])
        stack = {slot(MASKS): M0, slot(MASKS + 4): M1, slot(MASKS + 8): M2}
        memory = {'[r1, #%d]' % (8 * i): hx[i] for i in range(9)}
        asm_eval(hlines, {}, stack, memory)
        for i in range(4):
            stack[slot(Y + 4 * i)] = (yv >> (32 * i)) & 0xFFFFFFFF
        want = yv
        for blk in data:
            bs = blk.to_bytes(16, 'big')
            memory = {'[%s, #%d]' % (DATA, j): bs[j] for j in range(16)}
            asm_eval(blines, {}, stack, memory)
            want = gf_mul(want ^ blk, h)
        got = sum(stack[slot(Y + 4 * i)] << (32 * i) for i in range(4))
        assert got == want, ('ghash mismatch', trial, hex(got), hex(want))


HEAD = r'''@ GENERATED by crypto/modes/arm/ghash_armv4_ct_gen.py (with crypto/aes/arm/armv4_regalloc.py):
@ do not edit; change the generator, run it (python3 ghash_armv4_ct_gen.py > ghash_armv4_ct.S)
@ and commit both. tests/CMakeLists.txt (ghash_armv4_ct_generated) checks the two agree.
@
@ GHASH (NIST SP 800-38D 6.4), constant-time, in ARM assembly: variant "armv4-ct" of
@ crypto/modes/gcm.cpp. The method of the portable "ct" (its 16-bit form): elements
@ bit-reflected as 128-bit integers read big-endian, three Karatsuba levels down to 27
@ 16x16 carry-less products, each from nine 32x32->32 MULs on operands with holes (every third
@ bit kept: masks 0x9249/0x2492/0x4924, so the integer sums at a kept bit stay below 8 and never
@ carry into the next kept bit; BearSSL ghash_ctmul's idea), then the shift by one and the
@ reduction modulo x^128 + x^7 + x^2 + x + 1. 243 MULs per block. The table is the "ct" one
@ (petrel_ghash_init_ct: hx[0..8], the Karatsuba operands of H, in the low words of
@ table[0..8]); the 81 multiplier words are formed on the stack at each call.
@ ARM state, ARMv4 instructions only (MUL, eor/and/orr with shifted operands, ldrb/ldr/str), so
@ one file serves armel's ARM926EJ-S and armhf's Cortex-A7.
@
@ Calling convention: AAPCS, ARM state, returns with pop {..., pc}:
@   void petrel_ghash_blocks_armv4_ct(uint8_t* y, const uint64_t* table, const uint8_t* data,
@                                     size_t nblocks)
@     r0 y (16 bytes, read and written), r1 table, r2 data (any alignment: ldrb), r3 nblocks
@     (may be 0). r4-r11 saved and restored; the stack frame (Y, masks, the 81 multiplier words
@     of H, spills) is wiped before return, and r0-r3, ip and lr cleared.
@
@ Register plan: r1 the data pointer for the block's 16 byte loads, then the pointer that walks
@ the 81 multiplier words (ldmia r1!, three per 16x16 product); the other thirteen (r0, r2-r12, lr) hold
@ the block's values as the allocator (armv4_regalloc.py: Belady spilling, the shortest of
@ seeded pressure-first schedules) places them; Y at [sp, #0..12] between blocks, the masks
@ 0x49249249 / 0x12492492 / 0x24924924 at [sp, #16..24], the multiplier words at [sp, #40..].
@
@ Constant-time: yes. Straight-line code per block; loads and stores at fixed stack offsets and
@ at data + 0..15; the only branches test the block count. The multiplier: on the ARM926EJ-S
@ (ARM9E-S core) MUL, MLA, UMULL and the other multiplies take a number of cycles that depends
@ only on the value of the Rs operand, which terminates early when its upper bits are all zero
@ (or, for the signed forms, all ones) (ARM926EJ-S TRM / ARM9E-S TRM, instruction cycle timings).
@ Every MUL here is "mul rd, x-part, h-word" with Rs = a multiplier word of H, which carries
@ bits 31:30 = 10 (bit 31 set at set-up, bits 30:16 zero): the same, never-early-terminating
@ length for every H. The set bit adds x << 31 to the product, which touches only bit 31, and
@ bit 31 is left out of the result mask 0x12492492 (the true product of two 16-bit operands
@ with holes is below 2^31). Rm (the data part) does not affect the timing. On the Cortex-A7
@ MUL has a fixed timing. Checked by ct_trace (tests/ct) as ct_trace.ghash_armv4_ct (the trace
@ sees addresses, not cycles: the MUL argument above is the part it cannot check).
@
'''


def emit():
    bops, bmem, bouts = block_program()
    blines, bsp, _ = best_allocation(bops, REGS, bmem, bouts, SPILL, MAX_SPILLS, 77, TRIALS)
    hops, hmem, houts = h_program()
    hregs = [r for r in REGS]
    hlines, hsp, _ = best_allocation(hops, hregs, hmem, houts, SPILL, MAX_SPILLS, 78, 0)
    self_check(hlines, blines)
    spills = max(bsp, hsp)
    frame = (SPILL + 4 * spills + 7) & ~7
    nb = sum(1 for x in blines if x.startswith('\t'))
    nmul = sum(1 for x in blines if x.startswith('\tmul'))
    out = [HEAD.rstrip('\n')]
    out.append('@ Generated: %d instructions per block (%d MUL) plus 5 of loop; %d spill slots, frame %d bytes.'
               % (nb, nmul, spills, frame))
    out.append('@ Measured: README "#### Assembly: GHASH armv4-ct".')
    body = r'''
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)

	.syntax	unified
	.arm
	.text

	.global	petrel_ghash_blocks_armv4_ct
	.type	petrel_ghash_blocks_armv4_ct, %function
	.align	4
.Lm0:	.word	0x49249249
.Lm1:	.word	0x12492492
.Lm2:	.word	0x24924924
petrel_ghash_blocks_armv4_ct:
	push	{r4-r11, lr}
	sub	sp, sp, #FRAME
	str	r0, [sp, #YPTR]
	str	r2, [sp, #DPTR]
	str	r3, [sp, #NBLK]
	ldr	r4, .Lm0
	ldr	r5, .Lm1
	ldr	r6, .Lm2
	str	r4, [sp, #MASK0]
	str	r5, [sp, #MASK1]
	str	r6, [sp, #MASK2]
@ Y: y[i] = bytes 12 - 4i .. 15 - 4i of y, big-endian
'''
    for i in range(4):
        base = 12 - 4 * i
        body += '\tldrb\tr4, [r0, #%d]\n' % base
        for j in range(1, 4):
            body += '\tldrb\tr5, [r0, #%d]\n\torr\tr4, r5, r4, lsl #8\n' % (base + j)
        body += '\tstr\tr4, [sp, #%d]\n' % (Y + 4 * i)
    body += '@ the 81 multiplier words of H (r1 = table)\n'
    body += '\n'.join(hlines) + '\n'
    body += r'''	ldr	r1, [sp, #DPTR]
	ldr	r3, [sp, #NBLK]
	cmp	r3, #0
	beq	.Ldone
.Lblock:
'''
    body += '\n'.join(blines) + '\n'
    body += r'''	ldr	r1, [sp, #DPTR]
	ldr	r3, [sp, #NBLK]
	add	r1, r1, #16
	subs	r3, r3, #1
	str	r1, [sp, #DPTR]
	str	r3, [sp, #NBLK]
	bne	.Lblock
.Ldone:
	ldr	r0, [sp, #YPTR]
'''
    for i in range(4):
        base = 12 - 4 * i
        body += '\tldr\tr4, [sp, #%d]\n' % (Y + 4 * i)
        for j in range(3, -1, -1):
            if j == 3:
                body += '\tstrb\tr4, [r0, #%d]\n' % (base + j)
            else:
                body += '\tmov\tr5, r4, lsr #%d\n\tstrb\tr5, [r0, #%d]\n' % (8 * (3 - j), base + j)
    body += r'''@ wipe the frame
	mov	r0, #0
	mov	r1, sp
	add	r2, sp, #FRAME
.Lwipe:
	str	r0, [r1], #4
	cmp	r1, r2
	bne	.Lwipe
	mov	r1, #0
	mov	r2, #0
	mov	r3, #0
	mov	r12, #0
	mov	lr, #0
	add	sp, sp, #FRAME
	pop	{r4-r11, pc}
	.size	petrel_ghash_blocks_armv4_ct, .-petrel_ghash_blocks_armv4_ct

#endif

#if defined(__linux__) && defined(__ELF__)
	.section	.note.GNU-stack,"",%progbits
#endif
'''
    rep = {'#FRAME': '#%d' % frame, '#YPTR': '#%d' % YPTR, '#DPTR': '#%d' % DPTR,
           '#NBLK': '#%d' % NBLK, '#MASK0': '#%d' % MASKS, '#MASK1': '#%d' % (MASKS + 4),
           '#MASK2': '#%d' % (MASKS + 8)}
    for k, v in rep.items():
        body = body.replace(k, v)
    out.append(body.rstrip('\n'))
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    sys.stdout.write(emit())
