/*
 * instance.c - instances and their life cycle: JetCreateInstance(2),
 * JetEnableMultiInstance, JetInit(2,3), JetTerm(2), JetStopService(Instance),
 * and JetSetSystemParameter / JetGetSystemParameter.
 *
 * Modes, as in ESENT.  The process starts in no mode.  JetCreateInstance
 * or JetEnableMultiInstance selects multi-instance mode; JetInit with no
 * instance (NULL, or a JET_INSTANCE holding 0) selects the legacy
 * single-instance mode (Windows 2000 compatibility): parameters set on the
 * NULL instance before it are the instance's.  Mixing the two gives
 * JET_errRunningInOneInstanceMode / JET_errRunningInMultiInstanceMode.
 *
 * Parameters live in one global set (defaults for new instances, and the
 * global-scope parameters) and one set per instance, copied from the
 * global set when the instance is created (params.h).
 *
 * One process-wide lock (jet_global_lock) guards the instance list, the
 * mode and the global parameters; JetInit and JetTerm hold it while the
 * engine opens or closes, which serializes them, as ESENT does.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debug.h"
#include "jet_table.h"
#include "utf.h"

DEFAULT_DEBUG_CHANNEL(esent);

enum mode { MODE_NONE, MODE_LEGACY, MODE_MULTI };

static os_mutex *global_mutex;
static struct param_values *global_params;
static enum mode mode;
static struct jet_instance **instances;
static unsigned ninstances, cap_instances;
static JET_INSTANCE legacy_instance;

void jet_global_lock(void)
{
    os_mutex *m = os_mutex_lazy(&global_mutex);
    /* Without a mutex nothing works; os_mutex_lazy fails only when out of
     * memory at the very first call. */
    if (m) os_mutex_lock(m);
}

void jet_global_unlock(void)
{
    if (global_mutex) os_mutex_unlock(global_mutex);
}

struct param_values *jet_global_params(void)
{
    if (!global_params) global_params = params_new_defaults();
    return global_params;
}

int jet_any_database_attached(void)
{
    unsigned i;
    int j, found = 0;
    jet_global_lock();
    for (i = 0; i < ninstances && !found; i++)
        for (j = 0; j < STORE_MAX_DBS && !found; j++) found = instances[i]->dbs[j].sdb && !instances[i]->dbs[j].temp;
    jet_global_unlock();
    return found;
}

JET_INSTANCE jet_legacy_instance(void)
{
    return legacy_instance;
}

JET_ERR jet_error(int err)
{
    return (JET_ERR)err;
}

/* ---- the instance list --------------------------------------------------- */

static int any_initialized(void)
{
    unsigned i;
    for (i = 0; i < ninstances; i++)
        if (instances[i]->initialized) return 1;
    return 0;
}

static int name_in_use(const wchar16 *name)
{
    unsigned i;
    for (i = 0; i < ninstances; i++) {
        const wchar16 *other = instances[i]->name;
        if ((!name && !other) || (name && other && !str_w_cmp(name, other))) return 1;
    }
    return 0;
}

static void instance_free(struct jet_instance *inst)
{
    unsigned i;
    if (!inst) return;
    for (i = 0; i < ninstances; i++) {
        if (instances[i] == inst) {
            instances[i] = instances[--ninstances];
            break;
        }
    }
    if (inst->handle) handle_free(inst->handle);
    if (inst->handle == legacy_instance) legacy_instance = 0;
    params_free(inst->params);
    os_mutex_destroy(inst->lock);
    free(inst->name);
    free(inst->display_name);
    free(inst);
    if (!ninstances) mode = MODE_NONE;
}

/* Creates an uninitialized instance; global lock held. */
static JET_ERR instance_new(const wchar16 *name, const wchar16 *display, struct jet_instance **out)
{
    struct jet_instance *inst;
    struct param_values *g = jet_global_params();
    JET_ERR err = 0, e2 = 0;

    *out = NULL;
    if (!g) return JET_errOutOfMemory;
    if (ninstances >= params_num(g, JET_paramMaxInstances)) return JET_errTooManyInstances;
    if (name_in_use(name)) return JET_errInstanceNameInUse;
    if (ninstances == cap_instances) {
        unsigned n = cap_instances ? cap_instances * 2 : 8;
        struct jet_instance **grown = realloc(instances, n * sizeof(*grown));
        if (!grown) return JET_errOutOfMemory;
        instances = grown;
        cap_instances = n;
    }
    if (!(inst = calloc(1, sizeof(*inst)))) return JET_errOutOfMemory;
    inst->name = str_w_dup(name, &err);
    inst->display_name = str_w_dup(display ? display : name, &e2);
    inst->params = params_copy(g);
    if (err || e2 || !inst->params || os_mutex_create(&inst->lock) ||
        !(inst->handle = handle_new(HANDLE_INSTANCE, inst))) {
        instances[ninstances++] = inst; /* so instance_free finds it */
        instance_free(inst);
        return JET_errOutOfMemory;
    }
    instances[ninstances++] = inst;
    *out = inst;
    return 0;
}

/* ---- JetCreateInstance, JetEnableMultiInstance ------------------------------ */

static JET_ERR create_instance(JET_INSTANCE *pinstance, const wchar16 *name, const wchar16 *display)
{
    struct jet_instance *inst;
    JET_ERR err;

    if (!pinstance) return JET_errInvalidParameter;
    jet_global_lock();
    if (mode == MODE_LEGACY) {
        err = JET_errRunningInOneInstanceMode;
    } else if (!(err = instance_new(name, display, &inst))) {
        mode = MODE_MULTI;
        *pinstance = inst->handle;
    }
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetCreateInstanceW(JET_INSTANCE *pinstance, JET_PCWSTR szInstanceName)
{
    JET_ERR err;
    TRACE("(%p, %s)\n", pinstance, dbgstr_w(szInstanceName));
    err = create_instance(pinstance, (const wchar16 *)szInstanceName, NULL);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCreateInstanceA(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s)\n", pinstance, dbgstr_a(szInstanceName));
    if (!(name = str_a_to_w(szInstanceName, &err)) && err) return err;
    err = create_instance(pinstance, name, NULL);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCreateInstance2W(JET_INSTANCE *pinstance, JET_PCWSTR szInstanceName,
                                    JET_PCWSTR szDisplayName, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, %s, 0x%lx)\n", pinstance, dbgstr_w(szInstanceName), dbgstr_w(szDisplayName),
          (unsigned long)grbit);
    err = grbit ? JET_errInvalidGrbit
                : create_instance(pinstance, (const wchar16 *)szInstanceName, (const wchar16 *)szDisplayName);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCreateInstance2A(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName,
                                    JET_PCSTR szDisplayName, JET_GRBIT grbit)
{
    wchar16 *name = NULL, *display = NULL;
    JET_ERR err;
    TRACE("(%p, %s, %s, 0x%lx)\n", pinstance, dbgstr_a(szInstanceName), dbgstr_a(szDisplayName),
          (unsigned long)grbit);
    if (grbit) {
        err = JET_errInvalidGrbit;
    } else if ((name = str_a_to_w(szInstanceName, &err), err) ||
               (display = str_a_to_w(szDisplayName, &err), err)) {
        /* out of memory */
    } else {
        err = create_instance(pinstance, name, display);
    }
    free(name);
    free(display);
    TRACE("-> %ld\n", (long)err);
    return err;
}

_Static_assert(sizeof(JET_SETSYSPARAM_A) == sizeof(JET_SETSYSPARAM_W) &&
               offsetof(JET_SETSYSPARAM_A, sz) == offsetof(JET_SETSYSPARAM_W, sz) &&
               offsetof(JET_SETSYSPARAM_A, err) == offsetof(JET_SETSYSPARAM_W, err),
               "JET_SETSYSPARAM_A and _W share their layout");

/* JetEnableMultiInstance: switch to multi-instance mode and set global
 * defaults from an array of JET_SETSYSPARAM; each element's err field gets
 * its own result. */
static JET_ERR enable_multi(void *psetsysparam, unsigned long csetsysparam, unsigned long *pcset, int wide)
{
    unsigned long i, nset = 0;
    JET_ERR err = 0;

    jet_global_lock();
    if (mode == MODE_LEGACY) {
        err = JET_errRunningInOneInstanceMode;
    } else if (mode == MODE_MULTI && csetsysparam) {
        err = JET_errSystemParamsAlreadySet;
    } else if (!jet_global_params()) {
        err = JET_errOutOfMemory;
    } else {
        mode = MODE_MULTI;
        for (i = 0; i < csetsysparam; i++) {
            /* The A and W structures differ only in the string's type
             * (asserted below), so the W view serves both. */
            JET_SETSYSPARAM_W *p = (JET_SETSYSPARAM_W *)psetsysparam + i;
            wchar16 *conv = NULL;
            JET_ERR e = 0;
            if (!wide) conv = str_a_to_w((const char *)p->sz, &e);
            if (!e) e = params_set(global_params, p->paramid, p->lParam, wide ? (const wchar16 *)p->sz : conv,
                                   any_initialized());
            free(conv);
            p->err = e;
            if (e >= 0) nset++;
            else if (!err) err = e;
        }
    }
    jet_global_unlock();
    if (pcset) *pcset = nset;
    return err;
}

JET_ERR JET_API JetEnableMultiInstanceW(JET_SETSYSPARAM_W *psetsysparam, JET_ULONG_ csetsysparam,
                                        JET_ULONG_ *pcsetsucceed)
{
    unsigned long n = 0;
    JET_ERR err;
    TRACE("(%p, %lu, %p)\n", psetsysparam, (unsigned long)csetsysparam, pcsetsucceed);
    if (csetsysparam && !psetsysparam) return JET_errInvalidParameter;
    err = enable_multi(psetsysparam, csetsysparam, &n, 1);
    if (pcsetsucceed) *pcsetsucceed = (JET_ULONG_)n;
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetEnableMultiInstanceA(JET_SETSYSPARAM_A *psetsysparam, JET_ULONG_ csetsysparam,
                                        JET_ULONG_ *pcsetsucceed)
{
    unsigned long n = 0;
    JET_ERR err;
    TRACE("(%p, %lu, %p)\n", psetsysparam, (unsigned long)csetsysparam, pcsetsucceed);
    if (csetsysparam && !psetsysparam) return JET_errInvalidParameter;
    err = enable_multi(psetsysparam, csetsysparam, &n, 0);
    if (pcsetsucceed) *pcsetsucceed = (JET_ULONG_)n;
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetInit ----------------------------------------------------------------- */

/* Joins dir and name into a UTF-8 path; dir may be empty. */
static char *param_path(struct jet_instance *inst, unsigned long id, JET_ERR *err)
{
    return str_w_to_utf8(params_str(inst->params, id), err);
}

/* A folder parameter as the engine takes it: the text its file names are
 * appended to.  Natively a folder given the Windows way ("logs\", as .NET
 * programs on Mono write it) names the folder "logs\", so a '/' follows;
 * there only '/' separates.  On Windows the value already ends in one. */
static char *param_folder(struct jet_instance *inst, unsigned long id, JET_ERR *err)
{
    char *p = param_path(inst, id, err), *q;
    size_t n;
#ifndef _WIN32
    if (p && (n = strlen(p)) && p[n - 1] != '/') {
        if (!(q = realloc(p, n + 2))) {
            free(p);
            *err = JET_errOutOfMemory;
            return NULL;
        }
        p = q;
        p[n] = '/';
        p[n + 1] = 0;
    }
#else
    (void)q;
    (void)n;
#endif
    return p;
}

static int recovery_on(struct jet_instance *inst)
{
    const wchar16 *r = params_str(inst->params, JET_paramRecovery);
    return !(r && (r[0] == 'o' || r[0] == 'O') && (r[1] == 'f' || r[1] == 'F'));
}

/* Whether two paths name the same folder or file: compared in full, without
 * trailing separators, ignoring ASCII case as Windows file names do. */
static int same_path(const char *a, const char *b)
{
    char *fa = os_path_full(*a ? a : "."), *fb = os_path_full(*b ? b : ".");
    size_t la, lb, i;
    int same = 0;

    if (fa && fb) {
        for (la = strlen(fa); la > 1 && (fa[la - 1] == '/' || fa[la - 1] == '\\'); la--)
            ;
        for (lb = strlen(fb); lb > 1 && (fb[lb - 1] == '/' || fb[lb - 1] == '\\'); lb--)
            ;
        same = la == lb;
        for (i = 0; same && i < la; i++) {
            char x = fa[i], y = fb[i];
            if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
            if (x == '\\') x = '/';
            if (y == '\\') y = '/';
            same = x == y;
        }
    }
    free(fa);
    free(fb);
    return same;
}

/* The instance's temporary database file if it will have one
 * (JET_paramMaxTemporaryTables > 0), else NULL with *err 0. */
static char *temp_file(struct jet_instance *inst, JET_ERR *err)
{
    *err = 0;
    if (params_num(inst->params, JET_paramMaxTemporaryTables) == 0) return NULL;
    return temp_path(inst, err);
}

/* ESE's rules for the instances of one process (its ErrCheckUniquePath):
 * two that both have a temporary database may not share its file
 * (JET_errTempPathInUse, checked first), and two that both log may not
 * share the system path (edb.chk: JET_errSystemPathInUse) or the log folder
 * (JET_errLogFilePathInUse).  Global lock held.  (Across processes the
 * files' locks keep them apart: engine/log, engine/pager.) */
static JET_ERR paths_in_use(struct jet_instance *inst, const char *sys_dir, const char *log_dir)
{
    JET_ERR err = 0, et;
    char *tmp = temp_file(inst, &et);
    unsigned i;

    /* An invalid temp path of ours is reported where it is used. */
    if (et == JET_errOutOfMemory) return et;
    for (i = 0; i < ninstances && !err; i++) {
        struct jet_instance *o = instances[i];
        char *otmp, *osys, *olog;
        JET_ERR e0 = 0, e1 = 0, e2 = 0;
        if (o == inst || !o->initialized) continue;
        if (tmp && (otmp = temp_file(o, &e0))) {
            if (same_path(otmp, tmp)) err = JET_errTempPathInUse;
            free(otmp);
        }
        if (e0 == JET_errOutOfMemory) err = e0;
        if (err || !recovery_on(inst) || !recovery_on(o)) continue;
        osys = param_path(o, JET_paramSystemPath, &e1);
        olog = param_path(o, JET_paramLogFilePath, &e2);
        if (e1 || e2) err = JET_errOutOfMemory;
        else if (same_path(osys, sys_dir)) err = JET_errSystemPathInUse;
        else if (same_path(olog, log_dir)) err = JET_errLogFilePathInUse;
        free(osys);
        free(olog);
    }
    free(tmp);
    return err;
}

JET_ERR instance_make_folders(struct jet_instance *inst, const char *path, int whole)
{
    int r;
    if (!params_num(inst->params, JET_paramCreatePathIfNotExist) || !path || !*path) return 0;
    r = os_path_mkdirs(os_vfs_default(), path, whole);
    if (r == OS_OK) return 0;
    WARN("cannot make the folders of %s: %d\n", dbgstr_a(path), r);
    return r == OS_ENOMEM ? JET_errOutOfMemory : JET_errInvalidPath;
}

/* Opens the engine with the instance's parameters; global lock held. */
static JET_ERR instance_start(struct jet_instance *inst, JET_GRBIT grbit)
{
    struct store_config cfg;
    char *log_dir, *sys_dir, *base, *alt_dir;
    const wchar16 *recovery = params_str(inst->params, JET_paramRecovery);
    JET_ERR err = 0, e1 = 0, e2 = 0, e3 = 0;

    memset(&cfg, 0, sizeof(cfg));
    log_dir = param_folder(inst, JET_paramLogFilePath, &err);
    sys_dir = param_folder(inst, JET_paramSystemPath, &e1);
    base = param_path(inst, JET_paramBaseName, &e2);
    alt_dir = param_path(inst, JET_paramAlternateDatabaseRecoveryPath, &e3);
    if (err || e1 || e2 || e3) {
        err = JET_errOutOfMemory;
        goto out;
    }
    if ((err = paths_in_use(inst, sys_dir, log_dir)) < 0) goto out;
    if ((err = instance_make_folders(inst, log_dir, 1)) < 0 ||
        (err = instance_make_folders(inst, sys_dir, 1)) < 0)
        goto out;
    cfg.vfs = os_vfs_default();
    cfg.log_dir = log_dir;
    cfg.system_dir = sys_dir;
    cfg.basename = base;
    cfg.log_file_size = (uint32_t)params_num(inst->params, JET_paramLogFileSize) * 1024u;
    cfg.log_buffer_size = (uint32_t)params_num(inst->params, JET_paramLogBuffers) * 512u;
    if (cfg.log_buffer_size < (1u << 20)) cfg.log_buffer_size = 1u << 20;
    cfg.recovery = !(recovery && (recovery[0] == 'o' || recovery[0] == 'O') &&
                     (recovery[1] == 'f' || recovery[1] == 'F'));
    cfg.circular_log = params_num(inst->params, JET_paramCircularLog) != 0;
    cfg.page_size = (uint32_t)params_num(inst->params, JET_paramDatabasePageSize);
    cfg.cache_pages = (uint32_t)params_num(inst->params, JET_paramCacheSizeMax);
    if (cfg.cache_pages < 64) cfg.cache_pages = 64;
    if (cfg.cache_pages > 262144) cfg.cache_pages = 262144; /* dynamic sizing comes later */
    cfg.extend_pages = (uint32_t)params_num(inst->params, JET_paramDbExtensionSize);
    cfg.checkpoint_bytes = params_num(inst->params, JET_paramCheckpointDepthMax);
    /* Version store pages are 16 KiB on 32-bit machines and 32 KiB on
     * 64-bit ones (JET_paramMaxVerPages' documentation). */
    cfg.max_version_bytes = (uint64_t)params_num(inst->params, JET_paramMaxVerPages) * (sizeof(void *) == 8 ? 32768u : 16384u);
    cfg.checkpoint_thread = 1; /* as ESENT's checkpoint and flush threads */
    cfg.alt_db_dir = alt_dir;
    if (grbit) FIXME("JetInit grbit 0x%lx ignored\n", (unsigned long)grbit);
    err = store_open(&cfg, &inst->st);
    if (!err) {
        time_t now = time(NULL);
        inst->initialized = 1;
        inst->init_time = now > 0 ? (uint64_t)now : 0;
    }
out:
    free(log_dir);
    free(sys_dir);
    free(base);
    free(alt_dir);
    return err;
}

static JET_ERR init(JET_INSTANCE *pinstance, JET_GRBIT grbit)
{
    struct jet_instance *inst = NULL;
    JET_ERR err;

    jet_global_lock();
    if (!pinstance || !*pinstance || *pinstance == JET_instanceNil || mode != MODE_MULTI) {
        /* Legacy single-instance mode.  Outside multi-instance mode ESE
         * takes any handle as bogus (one left over from an instance
         * terminated since, when none is alive): a new instance, or
         * JET_errAlreadyInitialized while the single one runs. */
        if (mode == MODE_MULTI) {
            err = JET_errRunningInMultiInstanceMode;
            goto out;
        }
        if (legacy_instance) {
            err = JET_errAlreadyInitialized;
            goto out;
        }
        if ((err = instance_new(NULL, NULL, &inst))) goto out;
        mode = MODE_LEGACY;
        legacy_instance = inst->handle;
        if ((err = instance_start(inst, grbit))) {
            instance_free(inst);
            goto out;
        }
        if (pinstance) *pinstance = inst->handle;
        goto out;
    }
    if (!(inst = handle_get(*pinstance, HANDLE_INSTANCE))) {
        err = JET_errInvalidParameter;
        goto out;
    }
    if (inst->initialized) {
        err = JET_errAlreadyInitialized;
        goto out;
    }
    err = instance_start(inst, grbit);
out:
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetInit(JET_INSTANCE *pinstance)
{
    JET_ERR err;
    TRACE("(%p [%p])\n", pinstance, pinstance ? (void *)*pinstance : NULL);
    err = init(pinstance, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetInit2(JET_INSTANCE *pinstance, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx)\n", pinstance, (unsigned long)grbit);
    err = init(pinstance, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetInit3W(JET_INSTANCE *pinstance, JET_RSTINFO_W *prstInfo, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, 0x%lx)\n", pinstance, prstInfo, (unsigned long)grbit);
    if (prstInfo) FIXME("restore information ignored\n");
    err = init(pinstance, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetInit3A(JET_INSTANCE *pinstance, JET_RSTINFO_A *prstInfo, JET_GRBIT grbit)
{
    return JetInit3W(pinstance, (JET_RSTINFO_W *)prstInfo, grbit);
}

/* ---- JetTerm ----------------------------------------------------------------- */

static JET_ERR term(JET_INSTANCE instance, JET_GRBIT grbit)
{
    struct jet_instance *inst;
    JET_ERR err = 0;

    if (grbit & ~(JET_GRBIT)(JET_bitTermComplete | JET_bitTermAbrupt | JET_bitTermDirty | 0x4 /* StopBackup */))
        return JET_errInvalidGrbit;
    jet_global_lock();
    if (!instance || instance == JET_instanceNil) instance = legacy_instance;
    if (!(inst = handle_get(instance, HANDLE_INSTANCE))) {
        err = instance ? JET_errInvalidParameter : JET_errNotInitialized;
        goto out;
    }
    if (inst->initialized) {
        /* End every session that is still open (their transactions roll
         * back), then close the engine. */
        int i;
        while (inst->sessions) {
            struct jet_session *s = inst->sessions;
            table_session_closed(s);
            transaction_session_closed(s);
            inst->sessions = s->next;
            database_session_closed(s);
            handle_free(s->handle);
            free(s);
        }
        inst->nsessions = 0;
        temp_database_drop(inst);
        database_instance_closed(inst);
        /* The store detaches the databases as it closes. */
        for (i = 0; i < STORE_MAX_DBS; i++) {
            table_shared_release_db(inst, i);
            free(inst->dbs[i].path);
            memset(&inst->dbs[i], 0, sizeof(inst->dbs[i]));
        }
        if (grbit & JET_bitTermDirty) {
            store_abandon(inst->st);
        } else {
            err = store_close(inst->st);
        }
        inst->st = NULL;
        inst->initialized = 0;
    }
    instance_free(inst);
out:
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetTerm(JET_INSTANCE instance)
{
    JET_ERR err;
    TRACE("(%p)\n", (void *)instance);
    err = term(instance, JET_bitTermAbrupt);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetTerm2(JET_INSTANCE instance, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx)\n", (void *)instance, (unsigned long)grbit);
    err = term(instance, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetStopService ------------------------------------------------------------ */

static JET_ERR stop(JET_INSTANCE instance)
{
    struct jet_instance *inst;
    JET_ERR err = 0;
    jet_global_lock();
    if (!instance || instance == JET_instanceNil) instance = legacy_instance;
    if (!(inst = handle_get(instance, HANDLE_INSTANCE)))
        err = JET_errInvalidParameter;
    else if (!inst->initialized)
        err = JET_errNotInitialized;
    else
        inst->stopping = 1;
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetStopService(void)
{
    JET_ERR err;
    TRACE("()\n");
    err = stop(0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetStopServiceInstance(JET_INSTANCE instance)
{
    JET_ERR err;
    TRACE("(%p)\n", (void *)instance);
    err = stop(instance);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetStopServiceInstance2(JET_INSTANCE instance, const JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx)\n", (void *)instance, (unsigned long)grbit);
    err = stop(instance);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- system parameters ------------------------------------------------------------ */

/* The parameter set a Get/SetSystemParameter call addresses, and whether
 * its instance is initialized; global lock held. */
static JET_ERR param_target(JET_INSTANCE *pinstance, JET_SESID sesid, struct param_values **set,
                            int *initialized)
{
    JET_INSTANCE h = pinstance ? *pinstance : 0;
    struct jet_instance *inst = NULL;

    if (h && h != JET_instanceNil) {
        if (!(inst = handle_get(h, HANDLE_INSTANCE))) return JET_errInvalidInstance;
    } else if (sesid && sesid != JET_sesidNil) {
        struct jet_session *s = handle_get(sesid, HANDLE_SESSION);
        if (!s) return JET_errInvalidSesid;
        inst = s->inst;
    } else if (mode == MODE_LEGACY && legacy_instance) {
        inst = handle_get(legacy_instance, HANDLE_INSTANCE);
    }
    if (inst) {
        *set = inst->params;
        *initialized = inst->initialized;
        return 0;
    }
    if (!(*set = jet_global_params())) return JET_errOutOfMemory;
    *initialized = -1; /* the global set: params_set checks global scope */
    return 0;
}

static JET_ERR set_param(JET_INSTANCE *pinstance, JET_SESID sesid, unsigned long id, JET_API_PTR num,
                         const wchar16 *str)
{
    struct param_values *set;
    int initialized;
    JET_ERR err;

    jet_global_lock();
    if (!(err = param_target(pinstance, sesid, &set, &initialized))) {
        const struct param_info *pi = param_lookup(id);
        if (initialized < 0)
            initialized = pi && pi->scope == PARAM_SCOPE_GLOBAL ? any_initialized() : 0;
        else if (pi && pi->scope == PARAM_SCOPE_GLOBAL && any_initialized())
            initialized = 1;
        err = params_set(set, id, num, str, initialized);
        /* A global-scope parameter set through an instance is the
         * process's value. */
        if (!err && pi && pi->scope == PARAM_SCOPE_GLOBAL && set != global_params && global_params)
            err = params_set(global_params, id, num, str, initialized);
    }
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetSetSystemParameterW(JET_INSTANCE *pinstance, JET_SESID sesid, JET_ULONG_ paramid,
                                       JET_API_PTR lParam, JET_PCWSTR szParam)
{
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, %s)\n", pinstance, (void *)sesid, (unsigned long)paramid, (void *)lParam,
          dbgstr_w(szParam));
    err = set_param(pinstance, sesid, paramid, lParam, (const wchar16 *)szParam);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetSystemParameterA(JET_INSTANCE *pinstance, JET_SESID sesid, JET_ULONG_ paramid,
                                       JET_API_PTR lParam, JET_PCSTR szParam)
{
    wchar16 *str;
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, %s)\n", pinstance, (void *)sesid, (unsigned long)paramid, (void *)lParam,
          dbgstr_a(szParam));
    if (!(str = str_a_to_w(szParam, &err)) && err) return err;
    err = set_param(pinstance, sesid, paramid, lParam, str);
    free(str);
    TRACE("-> %ld\n", (long)err);
    return err;
}

static JET_ERR get_param(JET_INSTANCE *pinstance, JET_SESID sesid, unsigned long id, JET_API_PTR *num,
                         wchar16 *buf, unsigned long cb)
{
    struct param_values *set;
    int initialized;
    JET_ERR err;

    if (id == JET_paramErrorToString) {
        /* The integer buffer holds the error to describe (any instance). */
        if (!num || !buf) return JET_errInvalidParameter;
        return jet_error_to_string((JET_ERR)*num, buf, cb);
    }
    jet_global_lock();
    if (!(err = param_target(pinstance, sesid, &set, &initialized))) err = params_get(set, id, num, buf, cb);
    jet_global_unlock();
    return err;
}

JET_ERR JET_API JetGetSystemParameterW(JET_INSTANCE instance, JET_SESID sesid, JET_ULONG_ paramid,
                                       JET_API_PTR *plParam, JET_PWSTR szParam, JET_ULONG_ cbMax)
{
    const struct param_info *pi = param_lookup(paramid);
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, %p, %lu)\n", (void *)instance, (void *)sesid, (unsigned long)paramid,
          plParam, szParam, (unsigned long)cbMax);
    if (pi && pi->type == PARAM_STRING && !szParam)
        err = JET_errInvalidParameter;
    else if (pi && pi->type != PARAM_STRING && !plParam)
        err = JET_errInvalidParameter;
    else
        err = get_param(&instance, sesid, paramid, plParam, (wchar16 *)szParam, cbMax);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetSystemParameterA(JET_INSTANCE instance, JET_SESID sesid, JET_ULONG_ paramid,
                                       JET_API_PTR *plParam, JET_PSTR szParam, JET_ULONG_ cbMax)
{
    const struct param_info *pi = param_lookup(paramid);
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, %p, %lu)\n", (void *)instance, (void *)sesid, (unsigned long)paramid,
          plParam, szParam, (unsigned long)cbMax);
    if (pi && pi->type == PARAM_STRING) {
        /* Read as UTF-16, then convert into the caller's buffer. */
        wchar16 wide[1024];
        if (!szParam) {
            err = JET_errInvalidParameter;
        } else if (!(err = get_param(&instance, sesid, paramid, plParam, wide, sizeof(wide)))) {
            err = str_w_to_a_buf(wide, szParam, cbMax);
        }
    } else if (!plParam) {
        err = JET_errInvalidParameter;
    } else {
        err = get_param(&instance, sesid, paramid, plParam, NULL, 0);
    }
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetGetInstanceInfo, JetFreeBuffer ---------------------------------------- */

/* One running instance as JetGetInstanceInfo reports it, with its strings
 * already in the caller's character set (char or UTF-16). */
struct info_entry {
    JET_INSTANCE handle;
    void *name;                       /* NULL: no name */
    unsigned ndbs;
    void *dbs[STORE_MAX_DBS];
    size_t name_bytes, db_bytes[STORE_MAX_DBS];
};

/* A malloc'ed copy of a UTF-16 string as wide or ANSI; *bytes its size. */
static void *convert_name(const wchar16 *w, int wide, size_t *bytes)
{
    void *out;
    size_t n;
    if (!w) return NULL;
    if (wide) {
        n = (str_w_len(w) + 1) * sizeof(wchar16);
        if ((out = malloc(n))) memcpy(out, w, n);
    } else {
        n = os_utf16_to_ansi(w, (size_t)-1, NULL, 0);
        if ((out = malloc(n ? n : 1))) os_utf16_to_ansi(w, (size_t)-1, out, n);
    }
    *bytes = n;
    return out;
}

static void *convert_path(const char *utf8, int wide, size_t *bytes)
{
    size_t n = utf8_to_utf16(utf8, (size_t)-1, NULL, 0);
    wchar16 *w = malloc(n * sizeof(wchar16));
    void *out;
    if (!w) return NULL;
    utf8_to_utf16(utf8, (size_t)-1, w, n);
    out = convert_name(w, wide, bytes);
    free(w);
    return out;
}

static void free_entries(struct info_entry *e, unsigned n)
{
    unsigned i, j;
    for (i = 0; i < n; i++) {
        free(e[i].name);
        for (j = 0; j < e[i].ndbs; j++) free(e[i].dbs[j]);
    }
    free(e);
}

/* Builds the array in one block (freed with JetFreeBuffer).  The A and W
 * structures have the same layout (asserted below); only the strings
 * differ. */
static JET_ERR instance_info(JET_ULONG_ *pcount, void **parray, int wide)
{
    struct info_entry *e = NULL;
    unsigned n = 0, i, j;
    size_t total;
    char *block, *strings;
    JET_INSTANCE_INFO_W *out;
    JET_ERR err = 0;

    if (!pcount || !parray) return JET_errInvalidParameter;
    jet_global_lock();
    if (ninstances && !(e = calloc(ninstances, sizeof(*e)))) err = JET_errOutOfMemory;
    for (i = 0; i < ninstances && !err; i++) {
        struct jet_instance *inst = instances[i];
        struct info_entry *x = &e[n];
        if (!inst->initialized) continue;
        x->handle = inst->handle;
        if (inst->name && !(x->name = convert_name(inst->name, wide, &x->name_bytes))) err = JET_errOutOfMemory;
        for (j = 0; j < STORE_MAX_DBS && !err; j++) {
            if (!inst->dbs[j].sdb || inst->dbs[j].temp) continue;
            if (!(x->dbs[x->ndbs] = convert_path(inst->dbs[j].path, wide, &x->db_bytes[x->ndbs])))
                err = JET_errOutOfMemory;
            else
                x->ndbs++;
        }
        n++;
    }
    jet_global_unlock();
    if (err) goto out;

    /* Sizes: the structures, two pointer arrays per instance (file names
     * and display names, which are the same strings), then the strings. */
    total = n * sizeof(JET_INSTANCE_INFO_W);
    for (i = 0; i < n; i++) {
        total += 2 * e[i].ndbs * sizeof(void *) + e[i].name_bytes;
        for (j = 0; j < e[i].ndbs; j++) total += e[i].db_bytes[j];
    }
    if (!(block = calloc(1, total ? total : 1))) {
        err = JET_errOutOfMemory;
        goto out;
    }
    out = (JET_INSTANCE_INFO_W *)block;
    strings = block + n * sizeof(JET_INSTANCE_INFO_W);
    for (i = 0; i < n; i++) {
        void **names = (void **)strings, **displays = names + e[i].ndbs;
        strings += 2 * e[i].ndbs * sizeof(void *);
        out[i].hInstanceId = e[i].handle;
        out[i].cDatabases = e[i].ndbs;
        if (e[i].name) {
            memcpy(strings, e[i].name, e[i].name_bytes);
            out[i].szInstanceName = (WCHAR *)strings;
            strings += e[i].name_bytes;
        }
        for (j = 0; j < e[i].ndbs; j++) {
            memcpy(strings, e[i].dbs[j], e[i].db_bytes[j]);
            names[j] = displays[j] = strings;
            strings += e[i].db_bytes[j];
        }
        out[i].szDatabaseFileName = e[i].ndbs ? (WCHAR **)names : NULL;
        out[i].szDatabaseDisplayName = e[i].ndbs ? (WCHAR **)displays : NULL;
    }
    *pcount = n;
    *parray = block;
out:
    free_entries(e, n);
    return err;
}

_Static_assert(sizeof(JET_INSTANCE_INFO_A) == sizeof(JET_INSTANCE_INFO_W) &&
               offsetof(JET_INSTANCE_INFO_A, szDatabaseDisplayName) ==
                   offsetof(JET_INSTANCE_INFO_W, szDatabaseDisplayName),
               "JET_INSTANCE_INFO_A and _W share their layout");

JET_ERR JET_API JetGetInstanceInfoW(JET_ULONG_ *pcInstanceInfo, JET_INSTANCE_INFO_W **paInstanceInfo)
{
    JET_ERR err;
    TRACE("(%p, %p)\n", pcInstanceInfo, paInstanceInfo);
    err = instance_info(pcInstanceInfo, (void **)paInstanceInfo, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetInstanceInfoA(JET_ULONG_ *pcInstanceInfo, JET_INSTANCE_INFO_A **paInstanceInfo)
{
    JET_ERR err;
    TRACE("(%p, %p)\n", pcInstanceInfo, paInstanceInfo);
    err = instance_info(pcInstanceInfo, (void **)paInstanceInfo, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetFreeBuffer(char *pbBuf)
{
    TRACE("(%p)\n", pbBuf);
    free(pbBuf);
    return 0;
}

/* Crash dump contents (which of the process's and the cache's memory a
 * Watson dump should hold) are Windows' business: the options are checked
 * as ESENT does (none, or unknown bits: JET_errInvalidGrbit) and otherwise
 * have no effect. */
JET_ERR JET_API JetConfigureProcessForCrashDump(const JET_GRBIT grbit)
{
    const JET_GRBIT known = JET_bitDumpMinimum | JET_bitDumpMaximum | JET_bitDumpCacheMinimum |
                            JET_bitDumpCacheMaximum | JET_bitDumpCacheIncludeDirtyPages |
                            JET_bitDumpCacheIncludeCachedPages | JET_bitDumpCacheIncludeCorruptedPages |
                            JET_bitDumpCacheNoDecommit;
    JET_ERR err = 0;

    TRACE("(0x%lx)\n", (unsigned long)grbit);
    if (!grbit || (grbit & ~known)) err = JET_errInvalidGrbit;
    else FIXME_ONCE("crash dump options have no effect\n");
    TRACE("-> %ld\n", (long)err);
    return err;
}
