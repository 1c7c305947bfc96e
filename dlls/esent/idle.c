/*
 * idle.c - JetIdle, the defunct "do idle work now" call that ESENT keeps
 * for tests, and JetGetThreadStats.
 *
 * JetIdle: the engine's version store cleanup runs as transactions end
 * (engine/store/store_version.c), so there is never deferred work left
 * for JetIdle to do: no bits or JET_bitIdleCompact answer
 * JET_wrnNoIdleActivity, as ESENT does when it found nothing to clean;
 * JET_bitIdleStatus answers JET_wrnIdleFull when the version store holds
 * more than half of what JET_paramMaxVerPages allows, else success.
 * JET_bitIdleFlushBuffers is reserved (JET_errInvalidGrbit).
 *
 * JetGetThreadStats: the engine does not count page references, reads,
 * dirtied pages or log records per thread yet; the call fills in the
 * structure (JET_THREADSTATS, or JET_THREADSTATS2 when the buffer has
 * room for it) with zero counts, so that programs that take before/after
 * readings around their operations work and see no activity.
 */
#include <string.h>

#include "debug.h"
#include "jet_private.h"

DEFAULT_DEBUG_CHANNEL(esent);

JET_ERR JET_API JetIdle(JET_SESID sesid, JET_GRBIT grbit)
{
    struct jet_session *s;
    JET_ERR err;

    TRACE("(%p, 0x%lx)\n", (void *)sesid, (unsigned long)grbit);
    if ((err = session_enter(sesid, &s))) goto out;
    if (grbit & ~(JET_GRBIT)(JET_bitIdleCompact | JET_bitIdleStatus)) {
        err = JET_errInvalidGrbit;
    } else if (grbit & JET_bitIdleStatus) {
        /* Version pages are 32 KiB on 64-bit builds, 16 KiB on 32-bit
         * ones (as the limit in instance.c). */
        uint64_t limit = (uint64_t)params_num(s->inst->params, JET_paramMaxVerPages) *
                         (sizeof(void *) == 8 ? 32768u : 16384u);
        err = limit && store_version_bytes(s->inst->st) * 2 > limit ? JET_wrnIdleFull : 0;
    } else {
        err = JET_wrnNoIdleActivity;
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetThreadStats(void *pvResult, JET_ULONG_ cbMax)
{
    JET_THREADSTATS2 ts;
    JET_ERR err = 0;

    TRACE("(%p, %lu)\n", pvResult, (unsigned long)cbMax);
    if (cbMax < sizeof(JET_THREADSTATS)) {
        err = JET_errBufferTooSmall;
    } else if (!pvResult) {
        err = JET_errInvalidParameter;
    } else {
        FIXME_ONCE("per-thread counters are not kept: zero counts\n");
        memset(&ts, 0, sizeof(ts));
        ts.cbStruct = cbMax >= sizeof(JET_THREADSTATS2) ? sizeof(JET_THREADSTATS2) : sizeof(JET_THREADSTATS);
        memcpy(pvResult, &ts, ts.cbStruct);
    }
    TRACE("-> %ld\n", (long)err);
    return err;
}
