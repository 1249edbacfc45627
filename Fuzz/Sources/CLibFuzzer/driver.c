#include "CLibFuzzer.h"

// From libclang_rt.fuzzer_no_main (linked by scripts/fuzz): libFuzzer without its own main.
extern int LLVMFuzzerRunDriver(int *argc, char ***argv,
                               int (*UserCb)(const uint8_t *Data, size_t Size));

int fuzz_run(int argc, char **argv, FuzzTestOneInput test_one_input) {
    return LLVMFuzzerRunDriver(&argc, &argv, test_one_input);
}
