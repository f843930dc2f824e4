/* Guest instruction counter: a QEMU TCG plugin (API version 1, QEMU 7.2) for qemu-user.
 *
 * At translation time every translation block (TB) gets one inline "add the TB's instruction
 * count to a 64-bit counter" op, so counting costs one host add per executed TB and no helper
 * call. At exit the total is written to the file named by the plugin argument outfile=PATH, or
 * else through qemu_plugin_outs() (visible with `-d plugin`) as "insns: <count>".
 *
 *   qemu-arm -cpu cortex-a7 -plugin build/insn/insn_plugin.so,outfile=/tmp/n ./prog args
 *
 * The count is of instructions QEMU executed as whole TBs; a TB left early by a fault would still
 * count in full. Programs measured here do not fault, and the count is deterministic for a given
 * binary, arguments and environment (scripts/insn-count checks this by running twice).
 * The counter is not atomic: counts of multi-threaded guests are approximate.
 *
 * Built for the host by scripts/insn-count (gcc -shared -fPIC). Not part of the library. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "qemu_plugin_api.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static uint64_t g_insn_count;
static const char *g_outfile; /* argv strings stay valid for the plugin's lifetime */

static void on_tb_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &g_insn_count,
                                             (uint64_t)qemu_plugin_tb_n_insns(tb));
}

static void on_atexit(qemu_plugin_id_t id, void *userdata)
{
    char line[64];
    (void)id;
    (void)userdata;
    snprintf(line, sizeof line, "insns: %" PRIu64 "\n", g_insn_count);
    if (g_outfile != NULL) {
        FILE *f = fopen(g_outfile, "w");
        if (f != NULL) {
            fputs(line, f);
            fclose(f);
            return;
        }
        fprintf(stderr, "insn_plugin: cannot write %s\n", g_outfile);
    }
    qemu_plugin_outs(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; i++) {
        if (strncmp(argv[i], "outfile=", 8) == 0 && argv[i][8] != '\0') {
            g_outfile = argv[i] + 8;
        } else {
            fprintf(stderr, "insn_plugin: unknown argument '%s' (expected outfile=PATH)\n",
                    argv[i]);
            return 1;
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translate);
    qemu_plugin_register_atexit_cb(id, on_atexit, NULL);
    return 0;
}
