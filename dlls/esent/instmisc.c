/*
 * instmisc.c - JetGetInstanceMiscInfo: facts about a running instance.
 *
 * The one documented level, JET_InstanceMiscInfoLogSignature, fills a
 * JET_SIGNATURE describing the instance's log set: ulRandom is the first
 * four bytes of the log's 16-byte signature (engine/log, the value stamped
 * into the log files and database headers), logtimeCreate the time the
 * instance was initialized, szComputerName empty (ESE leaves it so too).
 * An instance running without a log (JET_paramRecovery "off") reports a
 * zero ulRandom.
 *
 * Errors: JET_errInvalidParameter for a handle that is not an instance or
 * an unknown level, JET_errNotInitialized before JetInit,
 * JET_errBufferTooSmall for a buffer smaller than JET_SIGNATURE.
 */
#include <string.h>

#include "debug.h"
#include "jet_private.h"

DEFAULT_DEBUG_CHANNEL(esent);

static JET_ERR misc_info(JET_INSTANCE instance, void *pv, unsigned long cb, unsigned long level)
{
    struct jet_instance *inst;
    JET_SIGNATURE sig;
    const uint8_t *lsig;
    JET_ERR err = 0;

    jet_global_lock();
    if (!instance || instance == JET_instanceNil) instance = jet_legacy_instance();
    if (!(inst = handle_get(instance, HANDLE_INSTANCE))) {
        err = JET_errInvalidParameter;
    } else if (level != JET_InstanceMiscInfoLogSignature) {
        err = JET_errInvalidParameter;
    } else if (!inst->initialized) {
        err = JET_errNotInitialized;
    } else if (!pv || cb < sizeof(JET_SIGNATURE)) {
        err = JET_errBufferTooSmall;
    } else {
        memset(&sig, 0, sizeof(sig));
        if ((lsig = store_log_signature(inst->st))) memcpy(&sig.ulRandom, lsig, sizeof(sig.ulRandom));
        database_logtime(inst->init_time, &sig.logtimeCreate);
        memcpy(pv, &sig, sizeof(sig));
    }
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetGetInstanceMiscInfo(JET_INSTANCE instance, void *pvResult, JET_ULONG_ cbMax,
                                       JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %lu, %lu)\n", (void *)instance, pvResult, (unsigned long)cbMax, (unsigned long)InfoLevel);
    err = misc_info(instance, pvResult, cbMax, InfoLevel);
    TRACE("-> %ld\n", (long)err);
    return err;
}
