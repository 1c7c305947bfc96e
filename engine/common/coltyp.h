/*
 * coltyp.h - facts about ESENT's column types shared by the key, record and
 * catalog layers.
 */
#ifndef ESENT_COLTYP_H
#define ESENT_COLTYP_H

#include "esent.h"

/* The natural size of a fixed-size column type (1, 2, 4, 8 or 16 bytes), 0
 * for the text and binary types, -1 for a value that is no column type. */
int coltyp_size(JET_COLTYP t);

#endif
