/* libFuzzer harness: classic pcap files (all magics, both byte orders)
 * through reader_open()/reader_next() and the text sink.  The input is the
 * whole capture file; seeds in corpus/pcap/. */
#include "fuzz_reader.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_reader_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_reader_run(data, size);
	return 0;
}
