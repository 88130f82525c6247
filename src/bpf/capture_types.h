/* User-space view of the kernel's event layout. */
#ifndef PTCPDUMP_CAPTURE_TYPES_H
#define PTCPDUMP_CAPTURE_TYPES_H
#include <linux/types.h>
#include "capture.h"
#endif
