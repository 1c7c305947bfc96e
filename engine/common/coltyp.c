/*
 * coltyp.c - column type facts (see coltyp.h).
 */
#include "coltyp.h"

int coltyp_size(JET_COLTYP t)
{
    switch (t) {
    case JET_coltypBit:
    case JET_coltypUnsignedByte:
        return 1;
    case JET_coltypShort:
    case JET_coltypUnsignedShort:
        return 2;
    case JET_coltypLong:
    case JET_coltypUnsignedLong:
    case JET_coltypIEEESingle:
        return 4;
    case JET_coltypCurrency:
    case JET_coltypIEEEDouble:
    case JET_coltypDateTime:
    case JET_coltypLongLong:
    case JET_coltypUnsignedLongLong:
        return 8;
    case JET_coltypGUID:
        return 16;
    case JET_coltypText:
    case JET_coltypLongText:
    case JET_coltypBinary:
    case JET_coltypLongBinary:
        return 0;
    default:
        return -1;
    }
}
