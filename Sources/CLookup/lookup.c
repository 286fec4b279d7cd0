// The functions of include/lookup.h are inline; this file gives the target a source.
#include "lookup.h"
