/* Constant-time trace recorder: a QEMU TCG plugin (API version 1, QEMU 7.2) for qemu-user, the
 * companion of the instruction counter (insn_plugin.c). It sees the program the way a cache or
 * branch-predictor observer does: the sequence of executed instruction addresses and the
 * sequence of data addresses touched. A constant-time routine run twice with different keys and
 * data of the same lengths must give identical sequences (tests/ct/trace.cmake runs the pairs).
 *
 * What is recorded, only while the guest has switched recording on (below):
 *  - code: per executed translation block (TB), its start address and instruction count. In
 *    qemu-user a TB is straight-line guest code from one address to the next branch, so the
 *    sequence of TB start addresses determines the sequence of executed instruction addresses
 *    (the direction of every branch and every indirect target). Predicated ARM instructions
 *    whose condition fails are still "executed" in this sense: a secret-dependent condition code
 *    on an ALU instruction is NOT seen (a predicated load or store is: it touches memory or not);
 *  - data: per guest load and store, its virtual address, size and direction.
 * Each stream is folded into a running 64-bit hash (order-sensitive) and counted; nothing is
 * stored, so a run costs one helper call per TB and per memory access and is cheap enough for an
 * RSA-2048 private operation (tens of millions of instructions) in a few seconds.
 *
 * Recording is switched by the guest calling two marker functions, found by their symbol names
 * (the guest is a static, unstripped ELF; qemu-user loads its symbol table): executing any
 * instruction of `petrel_trace_on` switches recording on, of `petrel_trace_off` off. Start-up
 * code, the C library and the test's own checking stay outside. Each on/off pair is one
 * "window" with its own counts and hashes (at most 256 windows; more are reported as overflow).
 *
 * Arguments (comma-separated after the plugin path):
 *   outfile=PATH   write the summary there (else to standard error)
 *   dump=PATH      also write every recorded event as text ("T pc n" / "M addr info"), to find
 *                  where two traces part (large: for debugging only)
 *   on=SYM, off=SYM  other marker names (defaults petrel_trace_on, petrel_trace_off)
 * Summary: one line per window, then the count:
 *   window K tbs T insns I code HHHHHHHHHHHHHHHH mem M data HHHHHHHHHHHHHHHH
 *   windows W
 *
 * Single-threaded guests only (the state is not atomic). Built for the host by CMake
 * (tests/ct/trace.cmake) or gcc -shared -fPIC. Not part of the library. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu_plugin_api.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static const char *g_outfile;
static const char *g_on_sym = "petrel_trace_on";
static const char *g_off_sym = "petrel_trace_off";
static FILE *g_dump;


/* One record per window (an on/off pair of markers); the guest prints the windows' names in the
 * same order, so the two runs of a case can be compared window by window. */
struct window {
    uint64_t tbs;
    uint64_t insns;
    uint64_t mems;
    uint64_t code_hash;
    uint64_t data_hash;
};
#define MAX_WINDOWS 256
static struct window g_win[MAX_WINDOWS];
static size_t g_windows;
static int g_overflow;
static struct window *g_cur; /* the open window, NULL outside */

struct tb_info {
    uint64_t pc;
    uint64_t n_insns;
};

/* An order-sensitive 64-bit mix (multiply, xor-shift), one word at a time. */
static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x;
    h *= 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

static void on_tb_exec(unsigned int vcpu, void *udata)
{
    const struct tb_info *tb = udata;
    (void)vcpu;
    if (g_cur == NULL) {
        return;
    }
    g_cur->tbs++;
    g_cur->insns += tb->n_insns;
    g_cur->code_hash = mix(g_cur->code_hash, tb->pc ^ (tb->n_insns << 56));
    if (g_dump != NULL) {
        fprintf(g_dump, "T %" PRIx64 " %" PRIu64 "\n", tb->pc, tb->n_insns);
    }
}

static void on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    const uint64_t kind = (uint64_t)qemu_plugin_mem_size_shift(info) |
                          (qemu_plugin_mem_is_store(info) ? 8u : 0u);
    (void)vcpu;
    (void)udata;
    if (g_cur == NULL) {
        return;
    }
    g_cur->mems++;
    g_cur->data_hash = mix(g_cur->data_hash, vaddr ^ (kind << 60));
    if (g_dump != NULL) {
        fprintf(g_dump, "M %" PRIx64 " %" PRIu64 "\n", vaddr, kind);
    }
}

static void on_marker_on(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    (void)udata;
    if (g_cur != NULL) {
        return; /* already on: the marker's own later instructions */
    }
    if (g_windows == MAX_WINDOWS) {
        g_overflow = 1;
        return;
    }
    g_cur = &g_win[g_windows++];
    g_cur->code_hash = 0x6a09e667f3bcc908ull;
    g_cur->data_hash = 0xbb67ae8584caa73bull;
    if (g_dump != NULL) {
        fprintf(g_dump, "W %zu\n", g_windows);
    }
}

static void on_marker_off(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    (void)udata;
    g_cur = NULL;
}

static void on_tb_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    const size_t n = qemu_plugin_tb_n_insns(tb);
    struct tb_info *info = malloc(sizeof *info);
    size_t i;
    (void)id;
    if (info == NULL) {
        fprintf(stderr, "trace_plugin: out of memory\n");
        abort();
    }
    /* One record per translation; TBs are few (thousands) and live as long as the process. */
    info->pc = qemu_plugin_tb_vaddr(tb);
    info->n_insns = n;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb_exec, QEMU_PLUGIN_CB_NO_REGS, info);
    for (i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        const char *sym = qemu_plugin_insn_symbol(insn);
        qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW,
                                         NULL);
        if (sym != NULL && strcmp(sym, g_on_sym) == 0) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker_on, QEMU_PLUGIN_CB_NO_REGS,
                                                   NULL);
        } else if (sym != NULL && strcmp(sym, g_off_sym) == 0) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker_off, QEMU_PLUGIN_CB_NO_REGS,
                                                   NULL);
        }
    }
}

static void write_summary(FILE *f)
{
    size_t i;
    for (i = 0; i < g_windows; i++) {
        const struct window *w = &g_win[i];
        fprintf(f,
                "window %zu tbs %" PRIu64 " insns %" PRIu64 " code %016" PRIx64 " mem %" PRIu64
                " data %016" PRIx64 "\n",
                i + 1, w->tbs, w->insns, w->code_hash, w->mems, w->data_hash);
    }
    fprintf(f, "windows %zu%s\n", g_windows, g_overflow ? " overflow" : "");
}

static void on_atexit(qemu_plugin_id_t id, void *userdata)
{
    FILE *f = NULL;
    (void)id;
    (void)userdata;
    if (g_dump != NULL) {
        fclose(g_dump);
        g_dump = NULL;
    }
    if (g_outfile != NULL) {
        f = fopen(g_outfile, "w");
        if (f == NULL) {
            fprintf(stderr, "trace_plugin: cannot write %s\n", g_outfile);
        }
    }
    if (f == NULL) {
        f = stderr;
    }
    write_summary(f);
    if (f != stderr) {
        fclose(f);
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; i++) {
        if (strncmp(argv[i], "outfile=", 8) == 0 && argv[i][8] != '\0') {
            g_outfile = argv[i] + 8;
        } else if (strncmp(argv[i], "dump=", 5) == 0 && argv[i][5] != '\0') {
            g_dump = fopen(argv[i] + 5, "w");
            if (g_dump == NULL) {
                fprintf(stderr, "trace_plugin: cannot write %s\n", argv[i] + 5);
                return 1;
            }
        } else if (strncmp(argv[i], "on=", 3) == 0 && argv[i][3] != '\0') {
            g_on_sym = argv[i] + 3;
        } else if (strncmp(argv[i], "off=", 4) == 0 && argv[i][4] != '\0') {
            g_off_sym = argv[i] + 4;
        } else {
            fprintf(stderr,
                    "trace_plugin: unknown argument '%s' (expected outfile=PATH, dump=PATH, "
                    "on=SYMBOL, off=SYMBOL)\n",
                    argv[i]);
            return 1;
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translate);
    qemu_plugin_register_atexit_cb(id, on_atexit, NULL);
    return 0;
}
