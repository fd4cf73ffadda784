#ifndef TONLAGE_CHUNSPELL_SHIM_H
#define TONLAGE_CHUNSPELL_SHIM_H

/* GNU Hunspell (libhunspell-dev). The dictionaries are read from the system at run time. */
#include <hunspell/hunspell.h>

#endif
