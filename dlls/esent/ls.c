/*
 * ls.c - local storage: JetSetLS and JetGetLS, one application value
 * (JET_LS) attached to a cursor or to the table a cursor is open on.
 *
 * The cursor's value lives in its struct jet_table, the table's in the
 * table's shared state (struct tbl_shared, one per open table of an
 * attached database), both with a flag saying whether a value is set, so
 * that a zeroed structure means "none" (JET_LSNil).  JET_bitLSCursor is
 * the default; with JET_bitLSTable too the call is JET_errInvalidGrbit.
 *
 * JetSetLS needs JET_paramRuntimeCallback to be set on the instance
 * (JET_errLSCallbackNotSpecified), and refuses to replace a value
 * (JET_errLSAlreadySet); JET_bitLSReset clears it without a callback.
 * JetGetLS returns the value (JET_errLSNotSet when there is none), and
 * with JET_bitLSReset also clears it (then "none" is returned as
 * JET_LSNil, not an error).
 *
 * When a cursor with a value closes, the runtime callback gets it as
 * pvArg1 with JET_cbtypFreeCursorLS, called on the closing thread while
 * the session is in use (a Jet call on that session from inside the
 * callback is JET_errSessionSharingViolation).  FIXME: a table's value
 * is dropped without JET_cbtypFreeTableLS when its database is detached
 * (the shared state is freed under the instance locks).
 */
#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LS_GRBITS (JET_bitLSReset | JET_bitLSCursor | JET_bitLSTable)

/* Where the value of the object grbit names lives. */
static JET_ERR ls_slot(struct jet_table *t, JET_GRBIT grbit, JET_LS **ls, int **set)
{
    if (grbit & ~(JET_GRBIT)LS_GRBITS) return JET_errInvalidGrbit;
    if ((grbit & JET_bitLSCursor) && (grbit & JET_bitLSTable)) return JET_errInvalidGrbit;
    if (grbit & JET_bitLSTable) {
        assert(t->shared);
        *ls = &t->shared->ls;
        *set = &t->shared->ls_set;
    } else {
        *ls = &t->ls;
        *set = &t->ls_set;
    }
    return 0;
}

static JET_CALLBACK runtime_callback(const struct jet_instance *inst)
{
    return (JET_CALLBACK)params_num(inst->params, JET_paramRuntimeCallback);
}

JET_ERR JET_API JetSetLS(JET_SESID sesid, JET_TABLEID tableid, JET_LS ls, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_LS *slot;
    int *set;
    JET_ERR err;

    TRACE("(%p, %p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (void *)ls, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if ((err = ls_slot(t, grbit, &slot, &set)) < 0) goto leave;
    if (grbit & JET_bitLSReset) {
        *slot = 0;
        *set = 0;
    } else if (!runtime_callback(s->inst)) {
        err = JET_errLSCallbackNotSpecified;
    } else if (*set) {
        err = JET_errLSAlreadySet;
    } else if (ls != JET_LSNil) {
        *slot = ls;
        *set = 1;
    }
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetLS(JET_SESID sesid, JET_TABLEID tableid, JET_LS *pls, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_LS *slot;
    int *set;
    JET_ERR err;

    TRACE("(%p, %p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, pls, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if ((err = ls_slot(t, grbit, &slot, &set)) < 0) goto leave;
    if (!pls) {
        err = JET_errInvalidParameter;
    } else if (!*set && !(grbit & JET_bitLSReset)) {
        err = JET_errLSNotSet;
    } else {
        *pls = *set ? *slot : JET_LSNil;
        if (grbit & JET_bitLSReset) {
            *slot = 0;
            *set = 0;
        }
    }
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

void ls_cursor_closed(struct jet_table *t)
{
    JET_CALLBACK cb;
    JET_LS ls = t->ls;

    if (!t->ls_set) return;
    t->ls_set = 0;
    t->ls = 0;
    if (!(cb = runtime_callback(t->ses->inst))) return;
    TRACE("JET_cbtypFreeCursorLS %p\n", (void *)ls);
    cb(t->ses->handle, (JET_DBID)(t->dbslot + 1), t->handle, JET_cbtypFreeCursorLS, (void *)ls, NULL, NULL, 0);
}
