#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// One input to test; return 0 (libFuzzer reserves other values).
typedef int (*FuzzTestOneInput)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver with the process arguments (corpus dirs, -max_total_time=…).
int fuzz_run(int argc, char **argv, FuzzTestOneInput test_one_input);

#endif
