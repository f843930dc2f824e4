/* A tiny cross-compiled program for the plugin test (tests/insn/insn_plugin_test.sh): runs a
 * loop of exactly two instructions per iteration, argv[1] times, so that the instruction count
 * grows by exactly 2 per unit. */
#include <stdlib.h>

int main(int argc, char **argv)
{
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
    if (n == 0) {
        return 2;
    }
#if defined(__arm__)
    __asm__ volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
#elif defined(__mips__)
    /* Branch with the decrement in its delay slot: two instructions per pass, n + 1 passes. */
    __asm__ volatile(".set push\n\t.set noreorder\n1:\tbnez %0, 1b\n\taddiu %0, %0, -1\n\t.set pop"
                     : "+r"(n));
#else
#error "spin.c is built for the ARM and MIPS cross targets only"
#endif
    return 0;
}
