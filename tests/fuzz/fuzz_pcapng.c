/* libFuzzer harness: pcapng files (sections, IDBs, EPB/SPB/PB, options,
 * ptcpdump metadata comments) through reader_open()/reader_next() and the
 * text sink with every --context group.  The input is the whole capture
 * file; seeds in corpus/pcapng/. */
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
