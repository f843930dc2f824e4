# Straight-line register allocator for the generated ARMv4 assembly of the constant-time
# variants (crypto/aes/arm/aes_fixslice_armv4_gen.py, crypto/modes/arm/ghash_armv4_ct_gen.py).
# Not run by the build: the generators are run by hand and their output is committed
# (tests/CMakeLists.txt checks that the committed .S equals the generator output).
#
# A program is a list of SSA operations on named values:
#   ('alu', mnem, d, a, b, shift)   mnem d, a, b[, shift]   (b None: mnem d, a[, shift])
#   ('mul', d, a, b)                mul d, a, b   (d != a: ARMv5 forbids Rd == Rm)
#   ('load', mnem, d, addr)         mnem d, addr  (addr names fixed registers only)
#   ('store', mnem, v, addr)        mnem v, addr
#   ('raw', text)                   a line that touches no allocated register
# Values may start in memory (mem_init: value -> '[sp, #off]'); outputs (value -> location)
# end in memory. Eviction is Belady's (furthest next use); spills go to [sp, #spill_base + 4k].
# The allocation depends on the program only, never on data: the emitted code is straight-line.

import re


class Allocator:
    def __init__(self, regs, mem_init, outputs, spill_base, max_spills=64):
        self.regs = list(regs)
        self.mem_init = dict(mem_init)
        self.outputs = dict(outputs)
        self.spill_base = spill_base
        self.max_spills = max_spills
        self.used_spills = 0
        self.clean_bonus = 3

    def run(self, ops):
        uses = {}
        for p, op in enumerate(ops):
            for v in self._srcs(op):
                uses.setdefault(v, []).append(p)
        reg_of = {}  # value -> reg
        val_of = {}  # reg -> value
        mem = dict(self.mem_init)  # value -> location of a valid copy
        slot_val = {}  # spill slot index -> value
        out = []
        use_idx = {v: 0 for v in uses}

        def next_use(v, p):
            lst = uses.get(v, [])
            i = use_idx.get(v, 0)
            while i < len(lst) and lst[i] < p:
                i += 1
            use_idx[v] = i
            return lst[i] if i < len(lst) else None

        def loc_busy(loc, me):
            for v, l in mem.items():
                if l == loc and v != me and next_use(v, cur[0]) is not None:
                    return True
            return False

        def spill_loc(v):
            if v in self.outputs:
                loc = self.outputs[v]
                assert not loc_busy(loc, v), ("home of %s still holds a live value" % v)
                return loc
            for k in range(self.max_spills):
                if k not in slot_val:
                    slot_val[k] = v
                    self.used_spills = max(self.used_spills, k + 1)
                    return "[sp, #%d]" % (self.spill_base + 4 * k)
            raise RuntimeError("out of spill slots")

        def release_slot(v):
            for k, w in list(slot_val.items()):
                if w == v:
                    del slot_val[k]

        def free_reg(p, locked):
            for r in self.regs:
                if r not in val_of and r not in locked:
                    return r
            best = None
            for r in self.regs:
                if r in locked:
                    continue
                v = val_of[r]
                nu = next_use(v, p)
                dist = 10 ** 9 if nu is None else nu
                clean = v in mem
                key = (dist + (self.clean_bonus if clean else 0), clean)
                if best is None or key > best[0]:
                    best = (key, r)
            r = best[1]
            v = val_of[r]
            live = next_use(v, p) is not None or (v in self.outputs)
            if live and v not in mem:
                loc = spill_loc(v)
                out.append("\tstr\t%s, %s" % (r, loc))
                mem[v] = loc
            del val_of[r]
            del reg_of[v]
            return r

        def ensure(v, p, locked):
            if v in reg_of:
                return reg_of[v]
            assert v in mem, "value %s used before definition" % v
            r = free_reg(p, locked)
            out.append("\tldr\t%s, %s" % (r, mem[v]))
            reg_of[v] = r
            val_of[r] = v
            return r

        cur = [0]
        for p, op in enumerate(ops):
            cur[0] = p
            kind = op[0]
            if kind == 'raw':
                out.append("\t" + op[1])
                continue
            if kind == 'ldm':
                got = []
                lock = set()
                for v, loc in op[2]:
                    assert v not in reg_of
                    r = free_reg(p, lock)
                    lock.add(r)
                    got.append(r)
                got.sort(key=lambda r: 14 if r == 'lr' else int(r[1:]))
                for (v, loc), r in zip(op[2], got):
                    reg_of[v] = r
                    val_of[r] = v
                    mem[v] = loc
                out.append("\tldmia\t%s!, {%s}" % (op[1], ", ".join(got)))
                for v, loc in op[2]:
                    if v not in uses:
                        r = reg_of.pop(v)
                        del val_of[r]
                continue
            srcs = self._srcs(op)
            locked = set()
            rs = {}
            for v in srcs:
                r = ensure(v, p, locked)
                rs[v] = r
                locked.add(r)
            # sources dying here
            for v in set(srcs):
                if max(uses[v]) == p and v not in self.outputs:
                    r = reg_of.pop(v)
                    del val_of[r]
                    release_slot(v)
                    mem.pop(v, None)
            dst = self._dst(op)
            if dst is not None:
                assert dst not in reg_of and dst not in mem, "redefinition of %s" % dst
                lock2 = set(r for r in locked if r in val_of)
                if kind == 'mul':
                    lock2.add(rs[op[2]])
                rd = free_reg(p, lock2)
                reg_of[dst] = rd
                val_of[rd] = dst
            else:
                rd = None
            if kind == 'alu':
                _, mn, d, a, b, sh = op
                txt = "\t%s\t%s, %s" % (mn, rd, rs[a])
                if b is not None:
                    txt += ", %s" % rs[b]
                if sh:
                    txt += ", %s" % sh
                out.append(txt)
            elif kind == 'mul':
                out.append("\tmul\t%s, %s, %s" % (rd, rs[op[2]], rs[op[3]]))
            elif kind == 'load':
                out.append("\t%s\t%s, %s" % (op[1], rd, op[3]))
            elif kind == 'ldm':
                # ('ldm', base, [(value, location)...]): one ldmia base!, the values clean at
                # their locations (reloaded with ldr from there if evicted).
                pass
            elif kind == 'store':
                out.append("\t%s\t%s, %s" % (op[1], rs[op[2]], op[3]))
            if dst is not None and dst not in uses and dst not in self.outputs:
                del val_of[rd]
                del reg_of[dst]
        # flush outputs
        for v, loc in self.outputs.items():
            if mem.get(v) == loc:
                continue
            if v not in reg_of:
                assert v in mem, "output %s never defined" % v
                r = free_reg(len(ops), set())
                out.append("\tldr\t%s, %s" % (r, mem[v]))
                reg_of[v] = r
                val_of[r] = v
            out.append("\tstr\t%s, %s" % (reg_of[v], loc))
        return out

    @staticmethod
    def _srcs(op):
        k = op[0]
        if k == 'alu':
            return [x for x in (op[3], op[4]) if x is not None]
        if k == 'mul':
            return [op[2], op[3]]
        if k == 'store':
            return [op[2]]
        return []

    @staticmethod
    def _dst(op):
        k = op[0]
        if k == 'alu':
            return op[2]
        if k == 'mul':
            return op[1]
        if k == 'load':
            return op[2]
        return None


# ---- a tiny interpreter of the emitted lines, to check the allocation against the SSA ----

MASK = 0xFFFFFFFF


def _shift(x, sh):
    if not sh:
        return x
    if sh.startswith('#'):
        return int(sh[1:], 0)
    kind, n = sh.split()
    n = int(n.lstrip('#'))
    if kind == 'ror':
        return ((x >> n) | (x << (32 - n))) & MASK
    if kind == 'lsr':
        return x >> n
    if kind == 'lsl':
        return (x << n) & MASK
    raise ValueError(sh)


def ssa_eval(ops, env, memory):
    """Evaluates an SSA program on python ints (env: value -> int; memory: addr string -> int)."""
    for op in ops:
        k = op[0]
        if k == 'alu':
            _, mn, d, a, b, sh = op
            x = env[a]
            y = _shift(env[b], sh) if b is not None else _shift(x, sh)
            env[d] = _alu(mn, x, y) if b is not None or (sh or '').startswith('#') else _alu(mn, 0, y)
        elif k == 'mul':
            env[op[1]] = (env[op[2]] * env[op[3]]) & MASK
        elif k == 'load':
            env[op[2]] = memory[op[3]]
        elif k == 'store':
            memory[op[3]] = env[op[2]]
        elif k == 'ldm':
            for v, loc in op[2]:
                env[v] = memory[loc]
    return env


def _alu(mn, x, y):
    if mn == 'eor':
        return x ^ y
    if mn == 'and':
        return x & y
    if mn == 'orr':
        return x | y
    if mn == 'bic':
        return x & ~y & MASK
    if mn == 'mov':
        return y
    if mn == 'mvn':
        return ~y & MASK
    raise ValueError(mn)


LINE = re.compile(r"^\t(\w+)\t(.*)$")


def asm_eval(lines, regs, stack, memory):
    """Runs emitted lines; regs: dict reg -> int, stack: dict '[sp, #n]' -> int; memory: loads
    by address string (for the 'load' ops, which must not depend on allocation)."""
    for ln in lines:
        m = LINE.match(ln)
        if not m:
            continue
        mn, rest = m.group(1), m.group(2)
        if mn in ('ldr', 'str') and rest.split(', ', 1)[1].startswith('[sp'):
            r, loc = rest.split(', ', 1)
            if mn == 'ldr':
                regs[r] = stack[loc]
            else:
                stack[loc] = regs[r]
            continue
        if mn in ('ldr', 'ldrb', 'str', 'strb'):
            r, loc = rest.split(', ', 1)
            if mn.startswith('ldr'):
                regs[r] = memory[loc]
            else:
                memory[loc] = regs[r]
            continue
        if mn == 'ldmia':
            base, lst = rest.split('!, {')
            kind_, off = regs[base]
            for r in lst.rstrip('}').split(', '):
                regs[r] = stack['[sp, #%d]' % off]
                off += 4
            regs[base] = ('sp', off)
            continue
        parts = [x.strip() for x in rest.split(',')]
        if mn == 'add' and parts[1] == 'sp':
            regs[parts[0]] = ('sp', int(parts[2][1:]))
            continue
        if mn == 'mul':
            regs[parts[0]] = (regs[parts[1]] * regs[parts[2]]) & MASK
            continue
        if mn in ('mov', 'mvn'):
            sh = parts[2] if len(parts) > 2 else None
            regs[parts[0]] = _alu(mn, 0, _shift(regs[parts[1]], sh))
            continue
        if parts[2].startswith('#'):
            regs[parts[0]] = _alu(mn, regs[parts[1]], int(parts[2][1:], 0))
            continue
        sh = parts[3] if len(parts) > 3 else None
        regs[parts[0]] = _alu(mn, regs[parts[1]], _shift(regs[parts[2]], sh))
    return regs


def schedule(ops, mem_init, rnd, noise, age):
    """A greedy list schedule of the SSA program: among the ready operations prefer the one whose
    operands die there (register pressure), with a seeded random perturbation (noise) and a
    pull towards the original order (age); loads, stores and raw lines keep their order."""
    n = len(ops)
    srcs = [Allocator._srcs(o) for o in ops]
    dsts = [Allocator._dst(o) for o in ops]
    seq = [i for i, o in enumerate(ops) if o[0] in ('load', 'store', 'raw', 'ldm')]
    rem = {}
    for i in range(n):
        for v in srcs[i]:
            rem[v] = rem.get(v, 0) + 1
    done = [False] * n
    avail = set(mem_init)
    out = []
    seqptr = 0
    pri = [rnd.random() * noise for _ in range(n)]
    while len(out) < n:
        best = None
        for i in range(n):
            if done[i]:
                continue
            if ops[i][0] in ('load', 'store', 'raw', 'ldm') and seq[seqptr] != i:
                continue
            if not all(v in avail for v in srcs[i]):
                continue
            kills = sum(1 for v in set(srcs[i]) if rem[v] == srcs[i].count(v))
            key = kills + pri[i] - age * i
            if best is None or key > best[0]:
                best = (key, i)
        i = best[1]
        done[i] = True
        out.append(ops[i])
        if ops[i][0] in ('load', 'store', 'raw', 'ldm'):
            seqptr += 1
        for v in srcs[i]:
            rem[v] -= 1
        if dsts[i]:
            avail.add(dsts[i])
        if ops[i][0] == 'ldm':
            avail.update(v for v, _ in ops[i][2])
    return out


def best_allocation(ops, regs, mem_init, outputs, spill_base, max_spills, seed, trials):
    """The shortest allocation over the original order and `trials` seeded schedules."""
    import random
    rnd = random.Random(seed)
    best = None
    for t in range(trials + 1):
        cand = ops if t == 0 else schedule(ops, mem_init, rnd, rnd.choice([0.3, 0.6, 1.0, 1.5]),
                                            rnd.choice([0.001, 0.01, 0.03, 0.1]))
        a = Allocator(regs, mem_init, outputs, spill_base, max_spills)
        lines = a.run(cand)
        n = sum(1 for x in lines if x.startswith('\t'))
        if best is None or n < best[0]:
            best = (n, lines, a.used_spills, cand)
    return best[1], best[2], best[3]
