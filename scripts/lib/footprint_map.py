#!/usr/bin/python3
"""What each input of a static link puts into the image, from GNU ld's map (-Wl,-Map).

  footprint_map.py MAP READELF_SECTIONS [TOP]

READELF_SECTIONS is `readelf -SW` of the linked program: each output section is classed as
size(1) (Berkeley) does: not allocated -> ignored; NOBITS -> bss; writable -> data; else text.
Every input section the map places in an allocated output section is added to its origin:
petrel (libpetrel.a), main (the program's own objects), libstdc++, libgcc, libc (and the
other C-library archives), crt (start files), fill (alignment padding). Prints one line per
origin with text/data/bss, their sum, a check that the sum over origins equals the allocated
size of the image, then the TOP largest objects and input sections of libpetrel.a.
"""
import re
import subprocess
import sys


def classify_output_sections(readelf_text):
    kinds = {}
    for line in readelf_text.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+"
                     r"[0-9a-f]+\s+(\S*)\s", line)
        if not m:
            continue
        name, typ, size, flags = m.group(1), m.group(2), int(m.group(3), 16), m.group(4)
        if "A" not in flags or size == 0:
            continue
        if typ == "NOBITS":
            kinds[name] = "bss"
        elif "W" in flags:
            kinds[name] = "data"
        else:
            kinds[name] = "text"
    return kinds


def origin_of(path):
    if path.startswith("*fill*"):
        return "fill"
    if "libpetrel.a(" in path or re.search(r"\.ltrans\d*\.ltrans\.o$", path):
        return "petrel"  # with LTO: main.cpp is compiled -fno-lto, so every LTRANS unit is libpetrel
    if "libstdc++" in path or "libsupc++" in path:
        return "libstdc++"
    if "libgcc" in path:
        return "libgcc"
    base = path.rsplit("/", 1)[-1]
    if re.match(r"(crt[1in]|crtbegin|crtend|[Scg]?crt\d?)\w*\.o$", base) or base in ("crti.o", "crtn.o"):
        return "crt"
    if ".a(" in path:
        return "libc"
    if path.endswith(".o"):
        return "main"
    return "other"


def main():
    map_path, readelf_path = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    kinds = classify_output_sections(open(readelf_path).read())
    lines = open(map_path, errors="replace").read().splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith("Linker script and memory map"))
    except StopIteration:
        sys.exit("footprint_map: no memory map in " + map_path)
    totals = {}
    objs = {}
    secs = {}
    by_out = {}  # libpetrel.a's bytes per output section of the image
    out_sec = None
    pending = None  # an input section name on its own line; the numbers follow on the next
    sec_re = re.compile(r"^ (\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")
    cont_re = re.compile(r"^\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")
    fill_re = re.compile(r"^ \*fill\*\s+0x[0-9a-fA-F]+\s+0x([0-9a-fA-F]+)")
    for line in lines[start + 1:]:
        m = re.match(r"^(\S+)(\s|$)", line)
        if m:  # an output section (or LOAD, OUTPUT, ... lines, which end the previous one)
            out_sec = m.group(1)
            pending = None
            continue
        m = fill_re.match(line)
        if m:
            name, size, origin = "*fill*", int(m.group(1), 16), "*fill*"
        else:
            m = sec_re.match(line)
            if m:
                name, size, origin = m.group(1), int(m.group(3), 16), m.group(4)
            else:
                m = cont_re.match(line)
                if m and pending is not None:
                    name, size, origin = pending, int(m.group(2), 16), m.group(3)
                else:
                    m2 = re.match(r"^ (\S+)$", line)
                    pending = m2.group(1) if m2 and not m2.group(1).startswith("*(") else None
                    continue
        pending = None
        if name.startswith("*(") or out_sec not in kinds or size == 0:
            continue
        kind = kinds[out_sec]
        who = origin_of(origin.strip())
        totals.setdefault(who, {"text": 0, "data": 0, "bss": 0})[kind] += size
        if who == "petrel":
            by_out[out_sec] = by_out.get(out_sec, 0) + size
            m = re.search(r"libpetrel\.a\((.*)\)", origin)
            obj = m.group(1) if m else "(LTO) " + re.sub(r"^.*/[^.]*\.", "", origin.strip())
            objs[obj] = objs.get(obj, 0) + size
            secs[(name, obj)] = secs.get((name, obj), 0) + size
    order = ["petrel", "main", "libstdc++", "libgcc", "libc", "crt", "other", "fill"]
    print("%-10s %8s %8s %8s %8s" % ("part", "text", "data", "bss", "total"))
    grand = 0
    for who in order:
        if who not in totals:
            continue
        t = totals[who]
        s = t["text"] + t["data"] + t["bss"]
        grand += s
        print("%-10s %8d %8d %8d %8d" % (who, t["text"], t["data"], t["bss"], s))
    image = 0
    for line in open(readelf_path).read().splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s", line)
        if m and m.group(1) in kinds:
            image += int(m.group(2), 16)
    # The map gives mergeable string sections (.rodata.*.str1.1) their size before duplicate
    # strings are merged, and the linker's own stubs and exception-index entries a little
    # differently: the sum may exceed the image by a few hundred bytes (the parts are then upper
    # bounds). More than 1 % off means the map was misread.
    ok = abs(grand - image) * 100 <= image
    print("%-10s %8s %8s %8s %8d (allocated sections of the image: %d, %+d%s)" %
          ("sum", "", "", "", grand, image, grand - image,
           ", within 1 %: merged strings, linker stubs" if ok else ", MAP MISREAD"))
    print("libpetrel.a by output section (text, data, bss as above): " +
          ", ".join("%s %d" % (k, v) for k, v in sorted(by_out.items(), key=lambda kv: -kv[1])))
    p = totals.get("petrel", {"text": 0, "data": 0, "bss": 0})
    # One line for scripts/footprint to check the goal and the budget against.
    print("petrel_total %d" % (p["text"] + p["data"] + p["bss"]))
    print()
    print("largest libpetrel.a objects (bytes, text+data+bss):")
    for obj, n in sorted(objs.items(), key=lambda kv: -kv[1])[:top]:
        print("  %7d  %s" % (n, obj))
    print("largest libpetrel.a input sections:")
    items = sorted(secs.items(), key=lambda kv: -kv[1])[:top]
    names = [re.sub(r"^\.(text|rodata|data|bss|data\.rel\.ro|sdata|sbss)\.", "", k[0]) for k, _ in items]
    try:
        dem = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True,
                             check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        dem = names
    sys.stdout.flush()
    for ((sec, obj), n), d in zip(items, dem):
        kind = sec.split(".")[1] if sec.count(".") >= 1 else sec
        print("  %7d  %-7s %s (%s)" % (n, kind, d[:90], obj))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
