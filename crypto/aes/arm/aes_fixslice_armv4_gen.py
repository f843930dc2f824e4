#!/usr/bin/env python3
# Generates crypto/aes/arm/aes_fixslice_armv4.S (run by hand: python3 aes_fixslice_armv4_gen.py
# > aes_fixslice_armv4.S; tests/CMakeLists.txt checks the committed file against this output).
#
# The rounds of the fixsliced AES encryption of crypto/aes/aes_fixslice.cpp (the same bitsliced
# two-block state, the same schedule) as straight-line ARM code: the S-box circuit is parsed
# from crypto/aes/aes_sbox_circuit.h (kConst = false: the constant is in the round keys), the
# four MixColumns variants are written with the barrel shifter (below), and a register
# allocator (armv4_regalloc.py) maps each round onto r0, r2-r12 and lr, spilling to the stack.
# Before the output is printed, every round program and its allocated code are run on random
# words in Python against a transcription of aes_fixslice.cpp's mix_columns (self_check).
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from armv4_regalloc import asm_eval, best_allocation, ssa_eval, MASK  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CIRCUIT = os.path.join(HERE, '..', 'aes_sbox_circuit.h')

# Frame: state slots, constants, counters, spills.
STATE = 0            # q[0..7] at [sp, #0..28]
C3F = 32             # 0x3F3F3F3F (f1, k = 1)
C0F = 36             # 0x0F0F0F0F (f1 k = 2, f2 k = 1, 3)
C03 = 40             # 0x03030303 (f1, k = 3)
CNT = 44             # rounds left
QPTR = 48            # the caller's q
ROUNDS = 52
SPILL = 56
MAX_SPILLS = 40
REGS = ['r0', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'lr']
RKP = 'r1'           # round-key pointer, advanced by the loads


def slot(off):
    return '[sp, #%d]' % off


def parse_circuit():
    text = open(CIRCUIT).read()
    body = text[text.index('inline void sbox_circuit'):]
    ops = []
    for m in re.finditer(r'const T (\w+) = ([^;]+);', body):
        name, expr = m.group(1), m.group(2)
        if 'kConst ?' in expr:
            expr = expr.split(':')[1].strip()
        mm = re.match(r'^(\w+) ([\^&]) (\w+)$', expr)
        if mm:
            ops.append((name, mm.group(1), mm.group(2), mm.group(3)))
        else:
            mq = re.match(r'^q\[(\d)\]$', expr)
            assert mq, expr
            ops.append((name, 'q%s' % mq.group(1), None, None))
    outs = {}
    for m in re.finditer(r'q\[(\d)\] = (\w+);', body):
        outs[int(m.group(1))] = m.group(2)
    return ops, outs


CIRC_OPS, CIRC_OUTS = parse_circuit()


class Prog:
    def __init__(self, prefix):
        self.ops = []
        self.n = 0
        self.prefix = prefix

    def new(self, hint='v'):
        self.n += 1
        return '%s%s_%d' % (self.prefix, hint, self.n)

    def alu(self, mn, a, b=None, sh=None, d=None):
        d = d or self.new()
        self.ops.append(('alu', mn, d, a, b, sh))
        return d


def sbox(p, q):
    """q: list of 8 value names (bit planes); returns the S-box output planes (no constant)."""
    env = {}
    for name, a, op, b in CIRC_OPS:
        if op is None:
            env[name] = q[int(a[1:])]
            continue
        d = p.new(name)
        p.alu('eor' if op == '^' else 'and', env[a], env[b], None, d)
        env[name] = d
    return [env[CIRC_OUTS[i]] for i in range(8)]


def xor_terms(p, terms, d=None):
    """terms: (value, shift or None); at least one unshifted."""
    plain = [t for t in terms if t[1] is None]
    rest = [t for t in terms if t[1] is not None] + plain[1:]
    acc = plain[0][0]
    for i, (v, sh) in enumerate(rest):
        acc = p.alu('eor', acc, v, sh, d if i == len(rest) - 1 else None)
    return acc


def f_material(p, x, s, cmask):
    """ror(x, s) ^ (ror(x ^ ror(x, 8), s) & mask): the byte-rotated-then-rotated word."""
    u = p.alu('eor', x, x, 'ror #8')
    u = p.alu('and', cmask, u, 'ror #%d' % s)
    return p.alu('eor', u, x, 'ror #%d' % s)


def mix_columns(p, q, k, consts):
    """f1<k>, f2<k> of aes_fixslice.cpp; returns terms for each output plane (list of lists)."""
    if k == 0:
        r = [(q[i], 'ror #8') for i in range(8)]
    else:
        s = 2 * k
        cm = consts[{1: 'c3f', 2: 'c0f', 3: 'c03'}[k]]
        r = [(f_material(p, q[i], s, cm), None) for i in range(8)]
    t = [p.alu('eor', q[i], r[i][0], r[i][1]) for i in range(8)]

    def f2(x):
        if k in (0, 2):
            return (x, 'ror #16')
        return (f_material(p, x, 12, consts['c0f']), None)

    f2t = [f2(t[i]) for i in range(8)]
    plan = {
        0: [t[7]], 1: [t[0], t[7]], 2: [t[1]], 3: [t[2], t[7]],
        4: [t[3], t[7]], 5: [t[4]], 6: [t[5]], 7: [t[6]],
    }
    outs = []
    for i in range(8):
        outs.append([(v, None) for v in plan[i]] + [r[i], f2t[i]])
    return outs


def round_program(ks, final=False):
    """Rounds u with u mod 4 = ks[0], ks[1], ...: S-box, MixColumns variant k (none in the last
    round), then the round key from [r1], #4. State in and out at [sp, #0..28]; between the
    rounds of one unit it stays in registers (one allocation over the unit)."""
    q = ['q%d' % i for i in range(8)]
    consts = {'c3f': 'c3f', 'c0f': 'c0f', 'c03': 'c03'}
    ops = []
    for j, k in enumerate(ks):
        p = Prog('r%dk%d' % (j, k))
        s = sbox(p, q)
        if final:
            terms = [[(s[i], None)] for i in range(8)]
        else:
            terms = mix_columns(p, s, k, consts)
        nq = []
        for i in range(8):
            rk = p.new('rk%d' % i)
            p.ops.append(('load', 'ldr', rk, '[%s], #4' % RKP))
            d = 'o%d' % i if j == len(ks) - 1 else p.new('st%d' % i)
            xor_terms(p, terms[i] + [(rk, None)], d)
            nq.append(d)
        ops += p.ops
        q = nq
    outs = {'o%d' % i: slot(STATE + 4 * i) for i in range(8)}
    mem = {'q%d' % i: slot(STATE + 4 * i) for i in range(8)}
    mem.update({'c3f': slot(C3F), 'c0f': slot(C0F), 'c03': slot(C03)})
    return ops, mem, outs


# ---- Python reference (transcribed from crypto/aes/aes_fixslice.cpp) ----

def rotr(x, n):
    n %= 32
    return ((x >> n) | (x << (32 - n))) & MASK if n else x


def byte_rotr(x, k):
    if k == 0:
        return x
    s = 2 * k
    lo = (0xFF >> s) * 0x01010101
    return ((x >> s) & lo) | ((x << (8 - s)) & ~lo & MASK)


def ref_mix(q, k):
    f1 = lambda x: rotr(byte_rotr(x, k), 8)  # noqa: E731
    f2 = lambda x: rotr(byte_rotr(x, (2 * k) % 4), 16)  # noqa: E731
    r = [f1(x) for x in q]
    t = [q[i] ^ r[i] for i in range(8)]
    return [
        t[7] ^ r[0] ^ f2(t[0]), t[0] ^ t[7] ^ r[1] ^ f2(t[1]), t[1] ^ r[2] ^ f2(t[2]),
        t[2] ^ t[7] ^ r[3] ^ f2(t[3]), t[3] ^ t[7] ^ r[4] ^ f2(t[4]), t[4] ^ r[5] ^ f2(t[5]),
        t[5] ^ r[6] ^ f2(t[6]), t[6] ^ r[7] ^ f2(t[7]),
    ]


class Queue(dict):
    def __init__(self, words):
        super().__init__()
        self.words = list(words)

    def __getitem__(self, k):
        return self.words.pop(0)


def self_check(ks, final, lines):
    ops, mem, outs = round_program(ks, final)
    rnd = random.Random(1000 + ks[0])
    for _ in range(20):
        q = [rnd.getrandbits(32) for _ in range(8)]
        rks = [[rnd.getrandbits(32) for _ in range(8)] for _ in ks]
        flat = [w for rk in rks for w in rk]
        consts = {'c3f': 0x3F3F3F3F, 'c0f': 0x0F0F0F0F, 'c03': 0x03030303}
        env = {'q%d' % i: q[i] for i in range(8)}
        env.update(consts)
        env = ssa_eval(ops, env, Queue(flat))
        got = [env['o%d' % i] for i in range(8)]
        # The S-box through the parsed circuit (the same source as the C++), MixColumns against
        # the transcribed reference.
        want = q
        for k, rk in zip(ks, rks):
            sb_ops = Prog('chk')
            s = sbox(sb_ops, ['q%d' % i for i in range(8)])
            e2 = ssa_eval(sb_ops.ops, {'q%d' % i: want[i] for i in range(8)}, {})
            sv = [e2[x] for x in s]
            want = sv if final else ref_mix(sv, k)
            want = [want[i] ^ rk[i] for i in range(8)]
        assert got == want, ('ssa', ks, final)
        stack = {slot(STATE + 4 * i): q[i] for i in range(8)}
        stack.update({slot(C3F): consts['c3f'], slot(C0F): consts['c0f'],
                      slot(C03): consts['c03']})
        asm_eval(lines, {}, stack, Queue(flat))
        got2 = [stack[slot(STATE + 4 * i)] for i in range(8)]
        assert got2 == want, ('asm', ks, final)


# Allocation units: u = 1 alone, then pairs (u mod 4 = 2, 3) and (0, 1) in a loop; the last
# inner round (u = rounds - 1 = 9, 11, 13) always ends a unit, where the state goes to the stack.
UNITS = ((1,), (2, 3), (0, 1))
TRIALS = 150  # seeded schedules tried per round body (the generator is deterministic)


def gen_round(ks, final=False):
    ops, mem, outs = round_program(ks, final)
    lines, spills, _ = best_allocation(ops, REGS, mem, outs, SPILL, MAX_SPILLS, 1000 + ks[0],
                                       TRIALS)
    self_check(ks, final, lines)
    return lines, spills


HEAD = r'''@ GENERATED by crypto/aes/arm/aes_fixslice_armv4_gen.py (with armv4_regalloc.py): do not edit;
@ change the generator, run it (python3 aes_fixslice_armv4_gen.py > aes_fixslice_armv4.S) and
@ commit both. tests/CMakeLists.txt (aes_fixslice_armv4_generated) checks the two agree.
@
@ AES encryption rounds, fixsliced (variant "fixslice-armv4" of crypto/aes/aes.cpp): the rounds
@ of crypto/aes/aes_fixslice.cpp's encrypt_fixsliced in ARM assembly, over the same bitsliced
@ two-block state and the same schedule (petrel_aes_expand_fixslice: round key u permuted by
@ InvShiftRows^(u mod 4), the S-box constant folded into keys 1..rounds), with the two-block
@ loop of aes_bitslice.h (load, ortho() transposition, rounds, ortho(), store). The key
@ schedule and decryption stay the portable "fixslice" C++ (crypto/aes/aes_fixslice.cpp).
@
@ ARM state, ARMv4 instructions only (eor/and with shifted operands, ldr/str, ldm/stm), so
@ one file serves armel's ARM926EJ-S (ARMv5TE) and armhf's Cortex-A7.
@
@ Calling convention: AAPCS, ARM state, returns with pop {..., pc} (interworks, ARMv5T+):
@   void petrel_aes_fixslice_encrypt_armv4(uint32_t q[8], const uint32_t* schedule,
@                                          unsigned rounds)
@     r0 q: the bitsliced state (after ortho), replaced by the encrypted state; r1 the fixsliced
@     schedule, 8 words per round key; r2 rounds (10, 12 or 14).
@   void petrel_aes_encrypt_blocks_fixslice_armv4(const uint32_t* schedule, unsigned rounds,
@                                                 uint8_t* out, const uint8_t* in,
@                                                 size_t nblocks)
@     the ECB entry of crypto/aes/aes_internal.h: r0 schedule, r1 rounds, r2 out, r3 in, [sp]
@     nblocks (may be 0); two blocks per call of the rounds (the last one alone, its second lane
@     zero); LDM/STM when in and out are word aligned, else byte loads and stores (the choice
@     depends on the pointers only); its 32-byte state buffer is wiped at the end.
@   r4-r11 saved and restored (push/pop); the frame is 56 bytes of state, masks and counters
@   plus the spill slots; state and spilled intermediates on the stack are overwritten at the end
@   (not wiped; the caller wipes q).
@
@ Register plan: r1 the round-key pointer (ldr rX, [r1], #4 per key word); the other thirteen
@ (r0, r2-r12, lr) hold the values of one round as the allocator places them (Belady: the value
@ used furthest ahead is spilled; the shortest of 150 seeded pressure-first schedules is kept), the state at [sp, #0..28] between rounds, the masks
@ 0x3F3F3F3F / 0x0F0F0F0F / 0x03030303 at [sp, #32..40], the round counter at [sp, #44].
@ Rounds u = 1..rounds-1: round 1, then a loop over two units of two rounds (u mod 4 = 2, 3 and
@ 0, 1; the state stays in registers inside a unit) with an exit test after each (the last
@ inner round, 9, 11 or 13, ends a unit); the last round (S-box, key, ShiftRows^2 when
@ rounds mod 4 = 2) follows.
@
@ MixColumns variant k on the stored state (aes_fixslice.cpp: f1 = rotr(byte_rotr(x, 2k), 8),
@ f2 = rotr(byte_rotr(x, 4k mod 8), 16)): with s the bit rotation within bytes and
@ m = (0xFF >> s) * 0x01010101, rotr(byte_rotr(x, s), 8) = ror(x, s) ^ (ror(x ^ ror(x, 8), s) & m)
@ and rotr(byte_rotr(x, s), 16) = ror(x, s + 8) ^ (ror(x ^ ror(x, 8), s + 8) & m): three
@ instructions (eor with ror, and with ror, eor with ror) per word; the k = 0 rotations (and f2
@ for k = 2) are free as shifted operands.
@
@ Constant-time: yes. Straight-line Boolean code (eor, and), rotations by constants, loads
@ and stores at fixed stack offsets and the schedule's successive words; the only branches
@ depend on the round count. The allocation is made at generation time from the program,
@ never from data. Checked by ct_trace (tests/ct) as ct_trace.aes_fixslice_armv4.
@
'''


def block_loop():
    """petrel_aes_encrypt_blocks_fixslice_armv4: the two-block loop (load, ortho, rounds, ortho,
    store) of aes_bitslice.h's two_block_loop, in assembly."""
    L = []
    a = L.append
    a('')
    a('\t.global\tpetrel_aes_encrypt_blocks_fixslice_armv4')
    a('\t.type\tpetrel_aes_encrypt_blocks_fixslice_armv4, %function')
    a('\t.align\t4')
    a('.Lm55:\t.word\t0x55555555')
    a('.Lm33:\t.word\t0x33333333')
    a('.Lm0f:\t.word\t0x0f0f0f0f')
    a('petrel_aes_encrypt_blocks_fixslice_armv4:')
    a('\tpush\t{r4-r11, lr}')
    a('\tsub\tsp, sp, #56')
    a('\tldr\tr12, [sp, #92]\t@ nblocks')
    a('\tstr\tr0, [sp, #32]\t@ schedule')
    a('\tstr\tr1, [sp, #36]\t@ rounds')
    a('\tstr\tr2, [sp, #40]\t@ out')
    a('\tstr\tr3, [sp, #44]\t@ in')
    a('\tstr\tr12, [sp, #48]\t@ blocks left')
    a('\tcmp\tr12, #0')
    a('\tbeq\t.Lb_done')
    a('.Lb_loop:')
    a('\tldr\tr3, [sp, #44]')
    a('\tldr\tr2, [sp, #40]')
    a('\tldr\tr12, [sp, #48]')
    a('\torr\tr0, r3, r2')
    a('\ttst\tr0, #3\t@ both word aligned: ldm/stm (the pointers decide, not the data)')
    a('\tbne\t.Lb_load_bytes')
    a('\tldmia\tr3, {r4, r6, r8, r10}')
    a('\tcmp\tr12, #2')
    a('\tblo\t.Lb_one')
    a('\tadd\tr0, r3, #16')
    a('\tldmia\tr0, {r5, r7, r9, r11}')
    a('\tb\t.Lb_loaded')
    a('.Lb_load_bytes:')

    def load_word(reg, base, off):
        a('\tldrb\t%s, [%s, #%d]' % (reg, base, off + 3))
        for j in (2, 1, 0):
            a('\tldrb\tr0, [%s, #%d]' % (base, off + j))
            a('\torr\t%s, r0, %s, lsl #8' % (reg, reg))

    for c, reg in enumerate(('r4', 'r6', 'r8', 'r10')):
        load_word(reg, 'r3', 4 * c)
    a('\tcmp\tr12, #2')
    a('\tblo\t.Lb_one')
    for c, reg in enumerate(('r5', 'r7', 'r9', 'r11')):
        load_word(reg, 'r3', 16 + 4 * c)
    a('\tb\t.Lb_loaded')
    a('.Lb_one:\t@ one block left: the second lane is zero')
    for reg in ('r5', 'r7', 'r9', 'r11'):
        a('\tmov\t%s, #0' % reg)
    a('.Lb_loaded:')

    regs = ['r%d' % i for i in range(4, 12)]

    def ortho():
        a('\tldr\tr0, .Lm55')
        a('\tldr\tr1, .Lm33')
        a('\tldr\tr2, .Lm0f')
        for m, s, pairs in (('r0', 1, ((0, 1), (2, 3), (4, 5), (6, 7))),
                            ('r1', 2, ((0, 2), (1, 3), (4, 6), (5, 7))),
                            ('r2', 4, ((0, 4), (1, 5), (2, 6), (3, 7)))):
            for i, j in pairs:
                x, y = regs[i], regs[j]
                # swap_bits(x, y, cl, cl << s, s): t = ((x >> s) ^ y) & cl; y ^= t; x ^= t << s
                a('\teor\tr12, %s, %s, lsr #%d' % (y, x, s))
                a('\tand\tr12, r12, %s' % m)
                a('\teor\t%s, %s, r12' % (y, y))
                a('\teor\t%s, %s, r12, lsl #%d' % (x, x, s))

    a('@ ortho() (aes_bitslice.h), one SWAPMOVE per swap_bits')
    ortho()
    a('\tstmia\tsp, {r4-r11}')
    a('\tmov\tr0, sp')
    a('\tldr\tr1, [sp, #32]')
    a('\tldr\tr2, [sp, #36]')
    a('\tbl\tpetrel_aes_fixslice_encrypt_armv4')
    a('\tldmia\tsp, {r4-r11}')
    ortho()
    a('\tldr\tr3, [sp, #44]')
    a('\tldr\tr2, [sp, #40]')
    a('\tldr\tr12, [sp, #48]')
    a('\torr\tr0, r3, r2')
    a('\ttst\tr0, #3')
    a('\tbne\t.Lb_store_bytes')
    a('\tstmia\tr2, {r4, r6, r8, r10}')
    a('\tcmp\tr12, #2')
    a('\tblo\t.Lb_next')
    a('\tadd\tr0, r2, #16')
    a('\tstmia\tr0, {r5, r7, r9, r11}')
    a('\tb\t.Lb_next')
    a('.Lb_store_bytes:')

    def store_word(reg, off):
        a('\tstrb\t%s, [r2, #%d]' % (reg, off))
        for j in (1, 2, 3):
            a('\tmov\tr0, %s, lsr #%d' % (reg, 8 * j))
            a('\tstrb\tr0, [r2, #%d]' % (off + j))

    for c, reg in enumerate(('r4', 'r6', 'r8', 'r10')):
        store_word(reg, 4 * c)
    a('\tcmp\tr12, #2')
    a('\tblo\t.Lb_next')
    for c, reg in enumerate(('r5', 'r7', 'r9', 'r11')):
        store_word(reg, 16 + 4 * c)
    a('.Lb_next:')
    a('\tcmp\tr12, #2')
    a('\tmovhs\tr0, #2')
    a('\tmovlo\tr0, #1')
    a('\tsub\tr12, r12, r0')
    a('\tadd\tr3, r3, r0, lsl #4')
    a('\tadd\tr2, r2, r0, lsl #4')
    a('\tstr\tr12, [sp, #48]')
    a('\tstr\tr3, [sp, #44]')
    a('\tstr\tr2, [sp, #40]')
    a('\tcmp\tr12, #0')
    a('\tbne\t.Lb_loop')
    a('.Lb_done:\t@ wipe the state buffer and the registers that held it')
    for r in ['r0', 'r1', 'r2', 'r3'] + regs + ['r12']:
        a('\tmov\t%s, #0' % r)
    a('\tstmia\tsp, {r4-r11}')
    a('\tadd\tsp, sp, #56')
    a('\tpop\t{r4-r11, pc}')
    a('\t.size\tpetrel_aes_encrypt_blocks_fixslice_armv4, .-petrel_aes_encrypt_blocks_fixslice_armv4')
    return L


def emit():
    out = []
    bodies = {}
    spills = 0
    for ks in UNITS:
        bodies[ks], n = gen_round(list(ks))
        spills = max(spills, n)
    final, n = gen_round([0], final=True)
    spills = max(spills, n)
    frame = SPILL + 4 * spills
    frame = (frame + 7) & ~7
    counts = {ks: sum(1 for x in bodies[ks] if x.startswith('\t')) for ks in bodies}
    nfinal = sum(1 for x in final if x.startswith('\t'))
    out.append(HEAD.rstrip('\n'))
    out.append('@ Instructions per unit (generated): u = 1: %d; u mod 4 = 2, 3: %d; 0, 1: %d;'
               % (counts[(1,)], counts[(2, 3)], counts[(0, 1)]))
    out.append('@ last round %d;' % nfinal)
    out.append('@ spill slots %d, frame %d bytes.' % (spills, frame))
    out.append('@ Measured: README "#### Assembly: AES fixslice-armv4" (figures per mode and target).')
    out.append('''
#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)

\t.syntax\tunified
\t.arm
\t.text

\t.global\tpetrel_aes_fixslice_encrypt_armv4
\t.type\tpetrel_aes_fixslice_encrypt_armv4, %function
\t.align\t4
petrel_aes_fixslice_encrypt_armv4:
\tpush\t{r4-r11, lr}
\tsub\tsp, sp, #FRAME
\tstr\tr0, [sp, #QPTR]
\tstr\tr2, [sp, #ROUNDS]
\tsub\tr2, r2, #2
\tstr\tr2, [sp, #CNT]
\tldmia\tr0, {r2-r9}
\tldmia\tr1!, {r10, r11, r12, lr}
\teor\tr2, r2, r10
\teor\tr3, r3, r11
\teor\tr4, r4, r12
\teor\tr5, r5, lr
\tldmia\tr1!, {r10, r11, r12, lr}
\teor\tr6, r6, r10
\teor\tr7, r7, r11
\teor\tr8, r8, r12
\teor\tr9, r9, lr
\tstmia\tsp, {r2-r9}
\tldr\tr2, .Lc3f
\tldr\tr3, .Lc0f
\tldr\tr4, .Lc03
\tstr\tr2, [sp, #C3F]
\tstr\tr3, [sp, #C0F]
\tstr\tr4, [sp, #C03]
\tb\t.Lround1
.Lc3f:\t.word\t0x3f3f3f3f
.Lc0f:\t.word\t0x0f0f0f0f
.Lc03:\t.word\t0x03030303
'''.replace('#FRAME', '#%d' % frame).replace('#QPTR', '#%d' % QPTR)
               .replace('#ROUNDS', '#%d' % ROUNDS).replace('#CNT', '#%d' % CNT)
               .replace('#C3F', '#%d' % C3F).replace('#C0F', '#%d' % C0F)
               .replace('#C03', '#%d' % C03).rstrip('\n'))
    out.append('.Lround1:\t@ u = 1')
    out.extend(bodies[(1,)])
    out.append('.Lloop:\t@ u mod 4 = 2, 3')
    out.extend(bodies[(2, 3)])
    out.append('\tldr\tr2, [sp, #%d]' % CNT)
    out.append('\tsubs\tr2, r2, #2')
    out.append('\tstr\tr2, [sp, #%d]' % CNT)
    out.append('\tbeq\t.Llast')
    out.append('\t@ u mod 4 = 0, 1')
    out.extend(bodies[(0, 1)])
    out.append('\tldr\tr2, [sp, #%d]' % CNT)
    out.append('\tsubs\tr2, r2, #2')
    out.append('\tstr\tr2, [sp, #%d]' % CNT)
    out.append('\tbne\t.Lloop')
    out.append('.Llast:\t@ S-box and the last round key, no MixColumns')
    out.extend(final)
    out.append('''\tldr\tr2, [sp, #ROUNDS]
\tldmia\tsp, {r3-r10}
\tand\tr2, r2, #3
\tcmp\tr2, #2
\tbne\t.Lstore
\tldr\tr12, .Lc0f00\t@ ShiftRows^2: swap the nibbles of bytes 1 and 3 of every plane'''
               .replace('#ROUNDS', '#%d' % ROUNDS))
    for r in ('r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10'):
        out.append('\teor\tr11, %s, %s, lsr #4' % (r, r))
        out.append('\tand\tr11, r11, r12')
        out.append('\teor\t%s, %s, r11' % (r, r))
        out.append('\teor\t%s, %s, r11, lsl #4' % (r, r))
    out.append('''.Lstore:
\tldr\tr0, [sp, #QPTR]
\tstmia\tr0, {r3-r10}
\tmov\tr0, #0
\tmov\tr1, #0
\tmov\tr2, #0
\tmov\tr3, #0
\tmov\tr12, #0
\tadd\tsp, sp, #FRAME
\tpop\t{r4-r11, pc}
.Lc0f00:\t.word\t0x0f000f00
\t.size\tpetrel_aes_fixslice_encrypt_armv4, .-petrel_aes_fixslice_encrypt_armv4
BLOCKLOOP
#endif

#if defined(__linux__) && defined(__ELF__)
\t.section\t.note.GNU-stack,"",%progbits
#endif'''.replace('#QPTR', '#%d' % QPTR).replace('#FRAME', '#%d' % frame))
    text = '\n'.join(out) + '\n'
    return text.replace('BLOCKLOOP\n', '\n'.join(block_loop()) + '\n')


if __name__ == '__main__':
    sys.stdout.write(emit())
