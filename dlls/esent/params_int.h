/*
 * params_int.h - private to params.c and params_table.c: the row format of
 * the parameter table and the override lists used by JET_paramConfiguration.
 * Nothing outside those two files includes this; the interface is params.h.
 */
#ifndef ESENT_PARAMS_INT_H
#define ESENT_PARAMS_INT_H

#include "params.h"

/* Slots in a struct param_values: one per id below JET_paramMaxValueInvalid. */
#define PARAM_SLOTS JET_paramMaxValueInvalid

/* Row flags. */
#define PF_BOOL   0x01u /* boolean: any accepted value is stored as 0 or 1 */
#define PF_POW2   0x02u /* a block size: must also be a power of two */
#define PF_FOLDER 0x04u /* a folder: a trailing path delimiter is added */
#define PF_ADV    0x08u /* "advanced": sets are ignored (and succeed) while
                           JET_paramEnableAdvanced is false */
#define PF_NOFX   0x10u /* accepted, stored and read back, but nothing in our
                           engine acts on it ("accepted without effect") */
#define PF_DOC    0x20u /* has its own entry in the ESE parameter pages;
                           otherwise the facts come from Microsoft's MIT ESE */

struct param_entry {
    struct param_info info;
    unsigned flags;
};

/* The table, sorted by id, and its length. */
extern const struct param_entry param_table[];
extern const size_t param_table_count;

/* How an override value is turned into the stored value. */
enum param_conv {
    CONV_NONE,          /* as is */
    CONV_BYTES_TO_PAGES, /* bytes, divided by the set's database page size */
    CONV_PCT_CACHE_MAX  /* percent of the set's JET_paramCacheSizeMax */
};

struct param_override {
    unsigned long id;
    JET_API_PTR value;
    enum param_conv conv;
};

/* Values of the "small" configuration (JET_paramConfiguration 0, and the
 * JET_configLowMemory set): where they differ from the normal defaults. */
extern const struct param_override param_small_defaults[];
extern const size_t param_small_defaults_count;

/* The JET_config* override sets (Windows 8 and later bit values). */
struct param_config_set {
    unsigned long bit;                  /* JET_config* */
    const struct param_override *list;
    size_t count;
};
extern const struct param_config_set param_config_sets[];
extern const size_t param_config_sets_count;

#endif /* ESENT_PARAMS_INT_H */
