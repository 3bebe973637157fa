// Compiles, but exports no kf_run.
#include <kf_abi.h>
extern "C" int not_the_entry_point(void) { return 0; }
