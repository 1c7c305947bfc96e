/*
 * session.c - sessions: JetBeginSession, JetEndSession, JetDupSession,
 * JetSetSessionContext / JetResetSessionContext, and JetGetVersion.
 *
 * A session belongs to one instance and is reached only through its
 * handle.  session_enter marks it in use by the calling thread for the
 * duration of one API call, so two threads using one session at the same
 * time get JET_errSessionSharingViolation, as ESENT reports.  While a
 * thread has attached a context to the session (JetSetSessionContext),
 * only that thread may use it; the others get the same error.
 */
#include <stdlib.h>

#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* The version reported by JetGetVersion: ESENT's layout is major (bits
 * 28-31), minor (24-27), build (8-23), service pack (0-7).  We report
 * Windows 7 SP1 (6.1.7601 SP1): .NET's ManagedEsent picks its API tier
 * from the build number, and 7601 keeps it on the functions we provide
 * (Vista and Windows 7 features, wide-string entry points) rather than the
 * Windows 8 and 10 additions. */
#define REPORTED_VERSION ((6u << 28) | (1u << 24) | (7601u << 8) | 1u)

JET_ERR session_enter(JET_SESID sesid, struct jet_session **out)
{
    struct jet_session *s = handle_get(sesid, HANDLE_SESSION);
    *out = NULL;
    if (!s) return JET_errInvalidSesid;
    if (__atomic_exchange_n(&s->in_use, 1, __ATOMIC_ACQUIRE)) return JET_errSessionSharingViolation;
    if (s->context && s->context_thread != os_thread_id()) {
        __atomic_store_n(&s->in_use, 0, __ATOMIC_RELEASE);
        return JET_errSessionSharingViolation;
    }
    if (s->inst->stopping) {
        __atomic_store_n(&s->in_use, 0, __ATOMIC_RELEASE);
        return JET_errClientRequestToStopJetService;
    }
    *out = s;
    return 0;
}

void session_leave(struct jet_session *s)
{
    if (s) __atomic_store_n(&s->in_use, 0, __ATOMIC_RELEASE);
}

/* Creates a session in the instance; global lock held. */
static JET_ERR session_new(struct jet_instance *inst, JET_SESID *psesid)
{
    struct jet_session *s;

    if (!inst->initialized) return JET_errNotInitialized;
    if (inst->stopping) return JET_errClientRequestToStopJetService;
    if (inst->nsessions >= params_num(inst->params, JET_paramMaxSessions)) return JET_errOutOfSessions;
    if (!(s = calloc(1, sizeof(*s)))) return JET_errOutOfMemory;
    s->inst = inst;
    if (!(s->handle = handle_new(HANDLE_SESSION, s))) {
        free(s);
        return JET_errOutOfMemory;
    }
    os_mutex_lock(inst->lock);
    s->next = inst->sessions;
    inst->sessions = s;
    inst->nsessions++;
    os_mutex_unlock(inst->lock);
    *psesid = s->handle;
    return 0;
}

static JET_ERR begin_session(JET_INSTANCE instance, JET_SESID *psesid)
{
    struct jet_instance *inst;
    JET_ERR err;

    if (!psesid) return JET_errInvalidParameter;
    jet_global_lock();
    if (!instance || instance == JET_instanceNil) {
        /* Legacy mode: the one instance, if it was initialized. */
        instance = jet_legacy_instance();
        inst = instance ? handle_get(instance, HANDLE_INSTANCE) : NULL;
        err = inst ? session_new(inst, psesid) : JET_errNotInitialized;
    } else {
        inst = handle_get(instance, HANDLE_INSTANCE);
        err = inst ? session_new(inst, psesid) : JET_errInvalidParameter;
    }
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetBeginSessionW(JET_INSTANCE instance, JET_SESID *psesid, JET_PCWSTR szUserName,
                                 JET_PCWSTR szPassword)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %s)\n", (void *)instance, psesid, dbgstr_w(szUserName),
          szPassword ? "\"...\"" : "(null)");
    err = begin_session(instance, psesid);
    TRACE("-> %ld (sesid %p)\n", (long)err, psesid && !err ? (void *)*psesid : NULL);
    return err;
}

JET_ERR JET_API JetBeginSessionA(JET_INSTANCE instance, JET_SESID *psesid, JET_PCSTR szUserName,
                                 JET_PCSTR szPassword)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %s)\n", (void *)instance, psesid, dbgstr_a(szUserName),
          szPassword ? "\"...\"" : "(null)");
    err = begin_session(instance, psesid);
    TRACE("-> %ld (sesid %p)\n", (long)err, psesid && !err ? (void *)*psesid : NULL);
    return err;
}

JET_ERR JET_API JetEndSession(JET_SESID sesid, JET_GRBIT grbit)
{
    struct jet_session *s, **pp;
    struct jet_instance *inst;
    JET_ERR err;

    TRACE("(%p, 0x%lx)\n", (void *)sesid, (unsigned long)grbit);
    jet_global_lock();
    if ((err = session_enter(sesid, &s)) && err != JET_errClientRequestToStopJetService) goto out;
    if (err) {
        /* Ending a session is allowed while the service stops. */
        s = handle_get(sesid, HANDLE_SESSION);
        err = 0;
    }
    inst = s->inst;
    table_session_closed(s);
    transaction_session_closed(s);
    os_mutex_lock(inst->lock);
    database_session_closed(s);
    for (pp = &inst->sessions; *pp; pp = &(*pp)->next) {
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    }
    inst->nsessions--;
    os_mutex_unlock(inst->lock);
    handle_free(s->handle);
    free(s);
out:
    jet_global_unlock();
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDupSession(JET_SESID sesid, JET_SESID *psesid)
{
    struct jet_session *s;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, psesid);
    if (!psesid) return JET_errInvalidParameter;
    jet_global_lock();
    if (!(err = session_enter(sesid, &s))) {
        err = session_new(s->inst, psesid);
        session_leave(s);
    }
    jet_global_unlock();
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetSessionContext(JET_SESID sesid, JET_API_PTR ulContext)
{
    struct jet_session *s;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, (void *)ulContext);
    if (!ulContext || ulContext == (JET_API_PTR)-1) {
        err = JET_errInvalidParameter;
    } else if (!(err = session_enter(sesid, &s))) {
        if (s->context) {
            err = JET_errSessionContextAlreadySet;
        } else {
            s->context = ulContext;
            s->context_thread = os_thread_id();
        }
        session_leave(s);
    } else if (err == JET_errSessionSharingViolation && handle_get(sesid, HANDLE_SESSION)) {
        /* Held by another thread's context. */
        err = JET_errSessionContextAlreadySet;
    }
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetResetSessionContext(JET_SESID sesid)
{
    struct jet_session *s;
    JET_ERR err;

    TRACE("(%p)\n", (void *)sesid);
    if (!(err = session_enter(sesid, &s))) {
        if (!s->context) err = JET_errSessionContextNotSetByThisThread;
        else s->context = 0;
        session_leave(s);
    } else if (err == JET_errSessionSharingViolation && handle_get(sesid, HANDLE_SESSION)) {
        err = JET_errSessionContextNotSetByThisThread;
    }
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetVersion(JET_SESID sesid, JET_ULONG_ *pwVersion)
{
    TRACE("(%p, %p)\n", (void *)sesid, pwVersion);
    if (!pwVersion) return JET_errInvalidParameter;
    *pwVersion = REPORTED_VERSION;
    TRACE("-> 0 (version 0x%08lx)\n", (unsigned long)REPORTED_VERSION);
    return 0;
}
