/*
 * params_table.c - the table of ESENT's system parameters (JET_param*), one
 * row per id, and the value lists JET_paramConfiguration installs.
 *
 * Every id from 0 to JET_paramMaxValueInvalid - 1 that ESENT accepts has a
 * row (id 185 was never assigned and is refused, like any unknown id).  The
 * facts come from Microsoft's parameter documentation (the rows flagged DOC:
 * default, type, range, scope, whether settable after JetCreateInstance and
 * after JetInit) and, where the pages are silent, old (Windows 2000/XP values)
 * or missing, from the parameter table of Microsoft's MIT-licensed ESE,
 * which is what a current ESENT.DLL does: see docs/parameters.md for every
 * place where the two disagree and which one we follow.
 *
 * Columns:
 *   kind   NUM number, BOOL boolean number (stored as 0/1), PTR pointer or
 *          callback, OBS number that ESENT itself ignores (obsolete), STR
 *          UTF-16 string (default given here in ASCII)
 *   id     the name after "JET_param"
 *   sc     scope: I per instance (the global value is the default new
 *          instances copy), G one value for the process
 *   when   ANY settable at any time, INIT not after JetInit of the instance
 *          (global ones: not after the first instance exists), RO read-only
 *   default, min, max
 *          numbers: the accepted range, inclusive (UMAX: every value; IMAX:
 *          2147483647); strings: the accepted length in characters
 *   flags  BOOL_ an OBS boolean (stored as 0/1); POW2 must be a power of two; FOLDER a trailing path delimiter is
 *          added; ADV ignored while JET_paramEnableAdvanced is false; NOFX
 *          accepted without effect (see params_int.h); DOC documented entry
 *
 * Read-only rows computed from the database page size (KeyMost,
 * LVChunkSizeMost, RecordSizeMost) hold their 4 KB value here; params.c
 * computes them.  Rows with special behaviour (CommitDefault, ErrorToString,
 * UnicodeIndexDefault, TransactionLevel, RecoveryCurrentLogfile,
 * Configuration, EnableShrinkDatabase) are handled by id in params.c.
 */
#ifndef JET_VERSION
#define JET_VERSION 0x0A00
#endif
#include "params_int.h"

#define UMAX ((JET_API_PTR)-1)
#define IMAX 2147483647

/* The folder default: ".\" as on Windows, "./" on the native build. */
#ifdef _WIN32
#define DIR_DEFAULT ".\\"
#else
#define DIR_DEFAULT "./"
#endif

/* One version-store page is 16 KB times the pointer size / 4 (16 KB on
 * 32-bit builds, 32 KB on 64-bit ones). */
#define VER_PAGE_DEFAULT (16384 * sizeof(void *) / 4)

/* Every JET_config* bit (JET_configMask is not in esent.h). */
#define CONFIG_MASK                                                                                      \
    (JET_configDefault | JET_configRemoveQuotas | JET_configLowDiskFootprint |                           \
     JET_configMediumDiskFootprint | JET_configLowMemory | JET_configDynamicMediumMemory |               \
     JET_configLowPower | JET_configSSDProfileIO | JET_configRunSilent | JET_configUnthrottledMemory |   \
     JET_configHighConcurrencyScaling)

#define LFN_DEFAULT (JET_bitESE98FileNames | JET_bitEightDotThreeSoftCompat) /* ESENT's, not ESE's */
#define EVLOG_OFF JET_EventLoggingDisable
#define EVLOG_MAX JET_EventLoggingLevelMax
#define IDXCHK_MAX (JET_IndexCheckingMax - 1)

/* Literal values below that esent.h has no name for:
 *   0x40    AssertAction: JET_AssertFailFast (undocumented)
 *   0xd     Flight_NewQueueOptions: every queue option bit
 *   0x7     IOPriority: JET_IOPriorityLow | LowForCheckpoint (2) | LowForScavenge (4)
 *   0x1f    HungIOActions: JET_bitHungIOEvent | Cancel (2) | Debug (4) | Enforce (8) | Timeout (0x10)
 *   5       PersistedLostFlushDetection: Enabled (1) | FailOnRuntimeOnly (4), ESENT's default
 *   0x800000 StageFlighting: ESENT's default
 *   0x40000001 EngineFormatVersion: JET_efvUseEngineDefault */

#define SCOPE_I PARAM_SCOPE_INSTANCE
#define SCOPE_G PARAM_SCOPE_GLOBAL
#define WHEN_ANY PARAM_ANYTIME
#define WHEN_INIT PARAM_BEFORE_INIT
#define WHEN_RO PARAM_READONLY

#define BOOL_ PF_BOOL
#define POW2 PF_POW2
#define FOLDER PF_FOLDER
#define ADV PF_ADV
#define NOFX PF_NOFX
#define DOC PF_DOC

#define ROW(name, type, scope, when, def, defstr, lo, hi, flags)                                         \
    { { JET_param##name, "JET_param" #name, type, scope, when, (JET_API_PTR)(def), defstr,             \
        (JET_API_PTR)(lo), (JET_API_PTR)(hi) },                                                          \
      (flags) }
#define NUM(n, sc, wh, def, lo, hi, fl) ROW(n, PARAM_INTEGER, SCOPE_##sc, WHEN_##wh, def, NULL, lo, hi, fl)
#define BOOL(n, sc, wh, def, lo, hi, fl) ROW(n, PARAM_INTEGER, SCOPE_##sc, WHEN_##wh, def, NULL, lo, hi, (fl) | PF_BOOL)
#define PTR(n, sc, wh, def, lo, hi, fl) ROW(n, PARAM_POINTER, SCOPE_##sc, WHEN_##wh, def, NULL, lo, hi, fl)
#define OBS(n, sc, wh, def, lo, hi, fl) ROW(n, PARAM_IGNORED, SCOPE_##sc, WHEN_##wh, def, NULL, lo, hi, fl)
#define STR(n, sc, wh, def, lo, hi, fl) ROW(n, PARAM_STRING, SCOPE_##sc, WHEN_##wh, 0, def, lo, hi, fl)

const struct param_entry param_table[] = {
/*  kind id                                               sc when  default                  min             max                  flags */
    STR( SystemPath,                                      I, INIT, DIR_DEFAULT,             0,              246,                 FOLDER|DOC),
    STR( TempPath,                                        I, INIT, "tmp.edb",               0,              247,                 DOC),
    STR( LogFilePath,                                     I, INIT, DIR_DEFAULT,             0,              246,                 FOLDER|DOC),
    STR( BaseName,                                        I, INIT, "edb",                   3,              3,                   DOC),
    STR( EventSource,                                     I, INIT, "",                      0,              259,                 DOC|NOFX),
    NUM( MaxSessions,                                     I, INIT, 16,                      0,              30000,               ADV|DOC),
    NUM( MaxOpenTables,                                   I, INIT, 300,                     0,              IMAX,                ADV|DOC),
    OBS( PreferredMaxOpenTables,                          I, INIT, 0,                       0,              IMAX,                ADV|DOC|NOFX),
    NUM( MaxCursors,                                      I, INIT, 1024,                    0,              IMAX,                ADV|DOC),
    NUM( MaxVerPages,                                     I, INIT, 64,                      1,              IMAX,                ADV|DOC),
    NUM( MaxTemporaryTables,                              I, INIT, 20,                      0,              IMAX,                ADV|DOC),
    NUM( LogFileSize,                                     I, INIT, 5120,                    64,             32768,               DOC),
    NUM( LogBuffers,                                      I, INIT, 126,                     1,              IMAX,                ADV|DOC),
    OBS( WaitLogFlush,                                    I, ANY,  0,                       0,              IMAX,                ADV|DOC|NOFX),
    OBS( LogCheckpointPeriod,                             I, INIT, 1024,                    0,              IMAX,                ADV|DOC|NOFX),
    OBS( LogWaitingUserMax,                               I, INIT, 3,                       0,              IMAX,                ADV|DOC|NOFX),
    NUM( CommitDefault,                                   I, ANY,  0,                       0,              UMAX,                DOC),
    BOOL(CircularLog,                                     I, INIT, 0,                       0,              UMAX,                DOC),
    NUM( DbExtensionSize,                                 I, ANY,  256,                     1,              IMAX,                ADV|DOC),
    NUM( PageTempDBMin,                                   I, INIT, 0,                       0,              IMAX,                ADV|DOC),
    NUM( PageFragment,                                    I, INIT, 8,                       0,              IMAX,                ADV|DOC|NOFX),
    OBS( PageReadAheadMax,                                I, ANY,  UMAX,                    0,              UMAX,                ADV|NOFX),
    OBS( BatchIOBufferMax,                                G, ANY,  256,                     0,              UMAX,                ADV|DOC|NOFX),
    NUM( CacheSizeMax,                                    G, ANY,  2000000000,              1,              UMAX,                ADV|DOC),
    NUM( CheckpointDepthMax,                              I, ANY,  20971520,                0,              UMAX,                DOC),
    NUM( LRUKCorrInterval,                                G, INIT, 128000,                  0,              UMAX,                ADV|DOC|NOFX),
    NUM( LRUKHistoryMax,                                  G, INIT, 100000,                  0,              UMAX,                ADV|DOC|NOFX),
    NUM( LRUKPolicy,                                      G, INIT, 2,                       1,              2,                   ADV|DOC|NOFX),
    NUM( LRUKTimeout,                                     G, INIT, 100,                     1,              UMAX,                ADV|DOC|NOFX),
    OBS( LRUKTrxCorrInterval,                             G, INIT, 0,                       0,              UMAX,                ADV|DOC|NOFX),
    NUM( OutstandingIOMax,                                G, INIT, 1024,                    0,              65536,               ADV|DOC|NOFX),
    NUM( StartFlushThreshold,                             G, ANY,  20000000,                0,              UMAX,                ADV|DOC|NOFX),
    NUM( StopFlushThreshold,                              G, ANY,  40000000,                0,              UMAX,                ADV|DOC|NOFX),
    STR( TableClassName,                                  G, ANY,  "",                      0,              JET_cbNameMost,      NOFX),
    STR( Recovery,                                        I, INIT, "on",                    0,              259,                 DOC),
    NUM( EnableOnlineDefrag,                              I, ANY,  JET_OnlineDefragAll,     0,              JET_OnlineDefragAll, DOC|NOFX),
    NUM( AssertAction,                                    G, ANY,  0x40,                    0,              0x40,                NOFX),
    PTR( PrintFunction,                                   G, RO,   0,                       0,              UMAX,                NOFX),
    NUM( TransactionLevel,                                I, RO,   0,                       0,              UMAX,                0),
    NUM( RFS2IOsPermitted,                                G, ANY,  0,                       0,              0xfffffffe,          NOFX),
    NUM( RFS2AllocsPermitted,                             G, ANY,  0,                       0,              0xfffffffe,          NOFX),
    NUM( CacheSize,                                       G, ANY,  0,                       0,              UMAX,                ADV|DOC),
    NUM( CacheRequests,                                   G, RO,   1,                       0,              UMAX,                NOFX),
    NUM( CacheHits,                                       G, RO,   1,                       0,              UMAX,                NOFX),
    OBS( CheckFormatWhenOpenFail,                         I, INIT, 1,                       0,              UMAX,                BOOL_|DOC|NOFX),
    NUM( EnableIndexChecking,                             I, ANY,  JET_IndexCheckingOn,     0,              IDXCHK_MAX,          DOC|NOFX),
    BOOL(EnableTempTableVersioning,                       I, INIT, 1,                       0,              UMAX,                DOC),
    OBS( IgnoreLogVersion,                                I, INIT, 0,                       0,              0,                   BOOL_|DOC|NOFX),
    OBS( DeleteOldLogs,                                   I, INIT, 0,                       0,              UMAX,                BOOL_|DOC|NOFX),
    STR( EventSourceKey,                                  I, INIT, "",                      0,              259,                 DOC|NOFX),
    BOOL(NoInformationEvent,                              I, INIT, 0,                       0,              UMAX,                DOC|NOFX),
    NUM( EventLoggingLevel,                               I, INIT, EVLOG_MAX,               EVLOG_OFF,      EVLOG_MAX,           DOC|NOFX),
    BOOL(DeleteOutOfRangeLogs,                            I, INIT, 0,                       0,              UMAX,                DOC),
    NUM( AccessDeniedRetryPeriod,                         G, ANY,  10000,                   0,              UMAX,                DOC|NOFX),
    BOOL(EnableIndexCleanup,                              I, ANY,  1,                       0,              UMAX,                DOC|NOFX),
    NUM( Flight_SmoothIoTestPermillage,                   I, INIT, 0,                       0,              1000,                ADV|NOFX),
    NUM( ElasticWaypointLatency,                          I, ANY,  0,                       0,              10,                  ADV|NOFX),
    BOOL(Flight_SynchronousLVCleanup,                     I, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    NUM( Flight_RBSRevertIOUrgentLevel,                   I, ANY,  8,                       0,              127,                 ADV|NOFX),
    BOOL(Flight_EnableXpress10Compression,                I, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    NUM( CacheSizeMin,                                    G, ANY,  1,                       1,              UMAX,                ADV|DOC),
    STR( LogFileFailoverPath,                             I, INIT, "",                      0,              0,                   FOLDER|NOFX),
    OBS( EnableImprovedSeekShortcut,                      I, INIT, 0,                       0,              UMAX,                BOOL_|NOFX),
    NUM( PreferredVerPages,                               I, ANY,  58,                      1,              IMAX,                ADV|DOC),
    NUM( DatabasePageSize,                                G, INIT, 4096,                    4096,           32768,               POW2|DOC),
    BOOL(DisableCallbacks,                                I, INIT, 0,                       0,              UMAX,                DOC),
    OBS( BackupChunkSize,                                 I, INIT, 16,                      1,              IMAX,                ADV|NOFX),
    OBS( BackupOutstandingReads,                          I, INIT, 8,                       1,              IMAX,                ADV|NOFX),
    NUM( Flight_RBSMaxTableDeletePages,                   I, ANY,  0,                       0,              IMAX,                ADV|NOFX),
    BOOL(LogFileCreateAsynch,                             I, INIT, 1,                       0,              UMAX,                ADV|DOC|NOFX),
    STR( ErrorToString,                                   G, RO,   "",                      0,              UMAX,                DOC),
    BOOL(ZeroDatabaseDuringBackup,                        I, INIT, 0,                       0,              UMAX,                DOC|NOFX),
    PTR( UnicodeIndexDefault,                             I, INIT, 0,                       0,              UMAX,                DOC),
    PTR( RuntimeCallback,                                 I, INIT, 0,                       0,              UMAX,                DOC),
    BOOL(Flight_RBSDbScanRaiseCorruptionRevertedFDP,      I, ANY,  1,                       0,              1,                   ADV|NOFX),
    BOOL(Flight_RBSAllowTooSoonNonRevertableDelete,       I, ANY,  0,                       0,              1,                   ADV|NOFX),
    OBS( EnableSortedRetrieveColumns,                     I, INIT, 0,                       0,              UMAX,                BOOL_|NOFX),
    BOOL(CleanupMismatchedLogFiles,                       I, INIT, 0,                       0,              UMAX,                DOC),
    NUM( RecordUpgradeDirtyLevel,                         G, ANY,  1,                       0,              3,                   ADV|DOC|NOFX),
    NUM( RecoveryCurrentLogfile,                          I, RO,   0,                       0,              UMAX,                0),
    NUM( Flight_RBSForceRollIntervalSec,                  I, ANY,  172800,                  0,              IMAX,                ADV|NOFX),
    NUM( GlobalMinVerPages,                               G, INIT, 64,                      1,              IMAX,                ADV|DOC|NOFX),
    NUM( OSSnapshotTimeout,                               G, ANY,  70000,                   0,              IMAX,                DOC|NOFX),
    BOOL(Flight_EnableScanCheckFDPDeleteFlags,            I, ANY,  1,                       0,              1,                   ADV|NOFX),
    NUM( Flight_NewQueueOptions,                          I, ANY,  0,                       0,              0xd,                 NOFX),
    NUM( Flight_ConcurrentMetedOps,                       I, INIT, 2,                       0,              1024,                NOFX),
    NUM( Flight_LowMetedOpsThreshold,                     I, INIT, 40,                      0,              1024,                NOFX),
    NUM( Flight_MetedOpStarvedThreshold,                  I, INIT, 3000,                    50,             IMAX,                NOFX),
    NUM( Flight_MaxRBSBuffers,                            I, ANY,  20,                      1,              IMAX,                NOFX),
    BOOL(Flight_EnableShrinkArchiving,                    I, ANY,  1,                       0,              1,                   ADV|NOFX),
    BOOL(Flight_EnableBackupDuringRecovery,               I, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    NUM( Flight_RBSRollIntervalSec,                       I, ANY,  43200,                   0,              604800,              ADV|NOFX),
    NUM( Flight_RBSMaxRequiredRange,                      I, ANY,  1000,                    0,              10000,               ADV|NOFX),
    BOOL(Flight_RBSCleanupEnabled,                        I, ANY,  0,                       0,              1,                   ADV|NOFX),
    NUM( Flight_RBSLowDiskSpaceThresholdGb,               I, ANY,  100,                     0,              IMAX,                ADV|NOFX),
    NUM( Flight_RBSMaxSpaceWhenLowDiskSpaceGb,            I, ANY,  150,                     0,              1000,                ADV|NOFX),
    NUM( Flight_RBSMaxTimeSpanSec,                        I, ANY,  604800,                  0,              IMAX,                ADV|NOFX),
    NUM( Flight_RBSCleanupIntervalMinSec,                 I, ANY,  3600,                    0,              IMAX,                ADV|NOFX),
    NUM( ExceptionAction,                                 G, ANY,  JET_ExceptionFailFast,   0,              UMAX,                DOC|NOFX),
    NUM( EventLogCache,                                   G, INIT, 0,                       0,              IMAX,                DOC|NOFX),
    BOOL(CreatePathIfNotExist,                            I, ANY,  0,                       0,              UMAX,                DOC),
    NUM( PageHintCacheSize,                               G, INIT, 262144,                  0,              IMAX,                ADV|DOC|NOFX),
    BOOL(OneDatabasePerSession,                           I, INIT, 0,                       0,              UMAX,                DOC),
    OBS( MaxDatabasesPerInstance,                         G, INIT, 7,                       7,              7,                   NOFX),
    NUM( MaxInstances,                                    G, INIT, 16,                      1,              10240,               DOC),
    NUM( VersionStoreTaskQueueMax,                        I, ANY,  4,                       1,              127,                 ADV|DOC|NOFX),
    OBS( IdleFlushTime,                                   G, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    BOOL(DisablePerfmon,                                  G, INIT, 0,                       0,              UMAX,                DOC|NOFX),
    OBS( AbortRetryFailCallback,                          G, INIT, 0,                       0,              0,                   NOFX),
    OBS( VAReserve,                                       G, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    NUM( IndexTuplesLengthMin,                            I, INIT, 3,                       2,              255,                 DOC),
    NUM( IndexTuplesLengthMax,                            I, INIT, 10,                      2,              255,                 DOC),
    NUM( IndexTuplesToIndexMax,                           I, INIT, 32767,                   1,              32767,               DOC),
    STR( AlternateDatabaseRecoveryPath,                   I, INIT, "",                      0,              246,                 FOLDER|DOC),
    BOOL(Flight_ExtentPageCountCacheVerifyOnly,           G, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    BOOL(Flight_EnablePgnoFDPLastSetTime,                 I, INIT, 1,                       0,              UMAX,                ADV|NOFX),
    BOOL(Flight_EnableScanCheck2Flags,                    I, INIT, 1,                       0,              UMAX,                ADV|NOFX),
    BOOL(Flight_EnableExtentFreed2,                       I, INIT, 1,                       0,              UMAX,                ADV|NOFX),
    NUM( Flight_RBSLargeRevertableDeletePages,            I, ANY,  0,                       0,              IMAX,                ADV|NOFX),
    BOOL(Flight_RBSRevertableDeleteIfTooSoonTimeNull,     I, ANY,  0,                       0,              UMAX,                ADV|NOFX),
    OBS( DBAPageAvailMin,                                 G, ANY,  1280,                    0,              UMAX,                ADV|NOFX),
    OBS( DBAPageAvailThreshold,                           G, ANY,  0,                       0,              UMAX,                NOFX),
    OBS( DBAK1,                                           G, ANY,  0,                       0,              UMAX,                NOFX),
    OBS( DBAK2,                                           G, ANY,  0,                       0,              UMAX,                NOFX),
    OBS( MaxRandomIOSize,                                 G, ANY,  1048576,                 0,              UMAX,                ADV|NOFX),
    NUM( CachedClosedTables,                              I, ANY,  64,                      0,              IMAX,                ADV|DOC|NOFX),
    BOOL(EnableFileCache,                                 G, INIT, 0,                       0,              UMAX,                ADV|DOC|NOFX),
    BOOL(EnableViewCache,                                 G, INIT, 0,                       0,              UMAX,                ADV|DOC|NOFX),
    NUM( VerPageSize,                                     G, INIT, VER_PAGE_DEFAULT,        1024,           65536,               POW2|ADV|DOC),
    NUM( Configuration,                                   I, INIT, JET_configDefault,       0,              CONFIG_MASK,         DOC),
    BOOL(EnableAdvanced,                                  I, ANY,  1,                       0,              UMAX,                DOC),
    NUM( MaxColtyp,                                       G, RO,   JET_coltypMax,           0,              UMAX,                DOC),
    NUM( IndexTupleIncrement,                             I, INIT, 1,                       0,              32767,               DOC),
    NUM( IndexTupleStart,                                 I, ANY,  0,                       0,              32767,               DOC),
    NUM( KeyMost,                                         G, RO,   JET_cbKeyMost4KBytePage, 0,              UMAX,                DOC),
    NUM( CheckpointIOMax,                                 G, ANY,  1,                       1,              1024,                ADV|DOC|NOFX),
    NUM( LegacyFileNames,                                 I, INIT, LFN_DEFAULT,             0,              255,                 DOC),
    STR( TableClass1Name,                                 G, INIT, "TableClass1",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass2Name,                                 G, INIT, "TableClass2",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass3Name,                                 G, INIT, "TableClass3",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass4Name,                                 G, INIT, "TableClass4",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass5Name,                                 G, INIT, "TableClass5",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass6Name,                                 G, INIT, "TableClass6",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass7Name,                                 G, INIT, "TableClass7",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass8Name,                                 G, INIT, "TableClass8",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass9Name,                                 G, INIT, "TableClass9",           1,              JET_cbNameMost,      NOFX),
    STR( TableClass10Name,                                G, INIT, "TableClass10",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass11Name,                                G, INIT, "TableClass11",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass12Name,                                G, INIT, "TableClass12",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass13Name,                                G, INIT, "TableClass13",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass14Name,                                G, INIT, "TableClass14",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass15Name,                                G, INIT, "TableClass15",          1,              JET_cbNameMost,      NOFX),
    NUM( IOPriority,                                      I, ANY,  JET_IOPriorityNormal,    0,              0x7,                 ADV|DOC|NOFX),
    NUM( WaypointLatency,                                 I, INIT, 0,                       0,              1023,                DOC|NOFX),
    NUM( CheckpointTooDeep,                               I, INIT, 0x10000,                 0x20,           0x10000,             NOFX),
    BOOL(DisableBlockVerification,                        G, INIT, 0,                       0,              UMAX,                NOFX),
    BOOL(EnablePersistedCallbacks,                        I, INIT, 0,                       0,              UMAX,                DOC),
    BOOL(AggressiveLogRollover,                           I, INIT, 0,                       0,              UMAX,                NOFX),
    NUM( PeriodicLogRolloverLLR,                          I, INIT, 0,                       0,              604800,              NOFX),
    OBS( UsePageDependencies,                             G, INIT, 0,                       0,              UMAX,                BOOL_|NOFX),
    BOOL(DefragmentSequentialBTrees,                      I, ANY,  1,                       0,              UMAX,                DOC|NOFX),
    NUM( DefragmentSequentialBTreesDensityCheckFrequency, I, INIT, 10,                      0,              UMAX,                DOC|NOFX),
    NUM( IOThrottlingTimeQuanta,                          G, INIT, 100,                     1,              10000,               DOC|NOFX),
    NUM( LVChunkSizeMost,                                 G, RO,   4014,                    0,              UMAX,                DOC),
    NUM( MaxCoalesceReadSize,                             G, INIT, 524288,                  0,              10485760,            ADV|DOC|NOFX),
    NUM( MaxCoalesceWriteSize,                            G, INIT, 524288,                  0,              10485760,            ADV|DOC|NOFX),
    NUM( MaxCoalesceReadGapSize,                          G, INIT, 524288,                  0,              10485760,            ADV|DOC|NOFX),
    NUM( MaxCoalesceWriteGapSize,                         G, INIT, 524288,                  0,              10485760,            ADV|DOC|NOFX),
    NUM( EnableHaPublish,                                 I, INIT, 0,                       0,              2,                   ADV|NOFX),
    NUM( EnableDBScanInRecovery,                          I, ANY,  0,                       0,              2,                   ADV|NOFX),
    NUM( DbScanThrottle,                                  I, ANY,  20,                      0,              60000,               ADV|NOFX),
    NUM( DbScanIntervalMinSec,                            I, INIT, 86400,                   0,              1814400,             ADV|NOFX),
    NUM( DbScanIntervalMaxSec,                            I, INIT, 604800,                  1,              1576800000,          ADV|NOFX),
    PTR( EmitLogDataCallback,                             I, INIT, 0,                       0,              UMAX,                ADV|NOFX),
    PTR( EmitLogDataCallbackCtx,                          I, INIT, 0,                       0,              UMAX,                ADV|NOFX),
    BOOL(EnableExternalAutoHealing,                       I, INIT, 0,                       0,              1,                   ADV|NOFX),
    NUM( PatchRequestTimeout,                             I, ANY,  300,                     0,              IMAX,                ADV|NOFX),
    NUM( CachePriority,                                   I, ANY,  100,                     0,              1000,                ADV|NOFX),
    NUM( MaxTransactionSize,                              I, ANY,  100,                     1,              100,                 ADV),
    NUM( PrereadIOMax,                                    I, ANY,  8,                       0,              256,                 ADV|NOFX),
    BOOL(EnableDBScanSerialization,                       I, INIT, 0,                       0,              1,                   ADV|NOFX),
    NUM( HungIOThreshold,                                 G, INIT, 30000,                   11000,          1800000,             ADV|NOFX),
    NUM( HungIOActions,                                   G, INIT, JET_bitHungIOEvent,      0,              0x1f,                ADV|NOFX),
    NUM( MinDataForXpress,                                G, INIT, 1024,                    0,              IMAX,                ADV|NOFX),
    NUM( EnableShrinkDatabase,                            I, INIT, 0,                       0,              0xffff,              NOFX),
    STR( ProcessFriendlyName,                             G, INIT, "",                      0,              JET_cbNameMost,      NOFX),
    PTR( DurableCommitCallback,                           I, INIT, 0,                       0,              UMAX,                ADV),
    OBS( EnableSqm,                                       I, INIT, JET_sqmEnable,           JET_sqmDisable, JET_sqmFromCEIP,     NOFX),
    STR( ConfigStoreSpec,                                 I, INIT, "",                      0,              10000,               NOFX),
    NUM( StageFlighting,                                  I, ANY,  0x800000,                0,              0xffffffff,          ADV|NOFX),
    BOOL(ZeroDatabaseUnusedSpace,                         I, ANY,  0,                       0,              1,                   ADV|NOFX),
    BOOL(DisableVerifications,                            I, ANY,  0,                       0,              1,                   ADV|NOFX),
    NUM( PersistedLostFlushDetection,                     I, INIT, 5,                       0,              7,                   ADV|NOFX),
    NUM( EngineFormatVersion,                             I, ANY,  0x40000001,              0,              0xffffffff,          NOFX),
    NUM( ReplayThrottlingLevel,                           I, ANY,  0,                       0,              1,                   ADV|NOFX),
    STR( TableClass16Name,                                G, INIT, "TableClass16",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass17Name,                                G, INIT, "TableClass17",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass18Name,                                G, INIT, "TableClass18",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass19Name,                                G, INIT, "TableClass19",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass20Name,                                G, INIT, "TableClass20",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass21Name,                                G, INIT, "TableClass21",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass22Name,                                G, INIT, "TableClass22",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass23Name,                                G, INIT, "TableClass23",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass24Name,                                G, INIT, "TableClass24",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass25Name,                                G, INIT, "TableClass25",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass26Name,                                G, INIT, "TableClass26",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass27Name,                                G, INIT, "TableClass27",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass28Name,                                G, INIT, "TableClass28",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass29Name,                                G, INIT, "TableClass29",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass30Name,                                G, INIT, "TableClass30",          1,              JET_cbNameMost,      NOFX),
    STR( TableClass31Name,                                G, INIT, "TableClass31",          1,              JET_cbNameMost,      NOFX),
    PTR( BlockCacheConfiguration,                         I, INIT, 0,                       0,              UMAX,                ADV|NOFX),
    NUM( RecordSizeMost,                                  G, RO,   4052,                    0,              UMAX,                0),
    BOOL(UseFlushForWriteDurability,                      I, INIT, 1,                       0,              1,                   ADV|NOFX),
    BOOL(EnableRBS,                                       I, ANY,  0,                       0,              1,                   ADV|NOFX),
    STR( RBSFilePath,                                     I, INIT, DIR_DEFAULT,             0,              246,                 FOLDER|NOFX),
    NUM( PerfmonRefreshInterval,                          G, INIT, 100,                     0,              86400000,            NOFX),
    BOOL(EnableBlockCache,                                G, INIT, 0,                       0,              1,                   ADV|NOFX),
    NUM( DeferredIndexPopulateRowsPerTransaction,         I, ANY,  1000,                    1,              IMAX,                ADV|NOFX),
    BOOL(EnableBlockCacheDetach,                          G, INIT, 0,                       0,              1,                   ADV|NOFX),
};

const size_t param_table_count = sizeof(param_table) / sizeof(param_table[0]);

/* The "small" values (ESE's low-memory column): JET_paramConfiguration 0
 * resets every parameter to its default and then to these; the
 * JET_configLowMemory bit installs them over the current values. */
const struct param_override param_small_defaults[] = {
    { JET_paramMaxSessions, 30000, CONV_NONE },
    { JET_paramMaxOpenTables, IMAX, CONV_NONE },
    { JET_paramMaxCursors, IMAX, CONV_NONE },
    { JET_paramMaxVerPages, IMAX, CONV_NONE },
    { JET_paramMaxTemporaryTables, IMAX, CONV_NONE },
    { JET_paramLogFileSize, 64, CONV_NONE },
    { JET_paramLogBuffers, 1, CONV_NONE },
    { JET_paramDbExtensionSize, 16, CONV_NONE },
    { JET_paramPageTempDBMin, 14, CONV_NONE },
    { JET_paramCacheSizeMax, 16, CONV_NONE },
    { JET_paramCheckpointDepthMax, 65536, CONV_NONE },
    { JET_paramLRUKHistoryMax, 10, CONV_NONE },
    { JET_paramOutstandingIOMax, 16, CONV_NONE },
    { JET_paramStartFlushThreshold, 1, CONV_NONE },
    { JET_paramStopFlushThreshold, 2, CONV_NONE },
    { JET_paramNoInformationEvent, 1, CONV_NONE },
    { JET_paramCacheSizeMin, 16, CONV_NONE },
    { JET_paramPreferredVerPages, IMAX, CONV_NONE },
    { JET_paramGlobalMinVerPages, 1, CONV_NONE },
    { JET_paramPageHintCacheSize, 32, CONV_NONE },
    { JET_paramDisablePerfmon, 1, CONV_NONE },
    { JET_paramEnableFileCache, 1, CONV_NONE },
    { JET_paramEnableViewCache, 1, CONV_NONE },
    { JET_paramVerPageSize, 8192, CONV_NONE },
};
const size_t param_small_defaults_count = sizeof(param_small_defaults) / sizeof(param_small_defaults[0]);

/* The Windows 8 configuration sets, in the order ESENT applies them. */
static const struct param_override low_disk[] = {
    { JET_paramDbExtensionSize, 16, CONV_NONE },
    { JET_paramPageTempDBMin, 14, CONV_NONE },
    { JET_paramCircularLog, 1, CONV_NONE },
    { JET_paramLogFileSize, 64, CONV_NONE },
    { JET_paramCheckpointDepthMax, 512 * 1024, CONV_NONE },
};
static const struct param_override medium_disk[] = {
    { JET_paramDbExtensionSize, 512 * 1024, CONV_BYTES_TO_PAGES },
    { JET_paramPageTempDBMin, 30, CONV_NONE },
    { JET_paramCircularLog, 1, CONV_NONE },
    { JET_paramLogFileSize, 512, CONV_NONE },
    { JET_paramCheckpointDepthMax, 4 * 1024 * 1024, CONV_NONE },
};
static const struct param_override dynamic_medium_memory[] = {
    { JET_paramMaxInstances, 1, CONV_NONE },
    { JET_paramLogBuffers, 512, CONV_NONE },
    { JET_paramPageHintCacheSize, 64, CONV_NONE },
    { JET_paramEnableFileCache, 1, CONV_NONE },
    { JET_paramEnableViewCache, 1, CONV_NONE },
    { JET_paramCacheSizeMin, 128 * 1024, CONV_BYTES_TO_PAGES },
    { JET_paramCacheSizeMax, 5 * 1024 * 1024, CONV_BYTES_TO_PAGES },
    { JET_paramStartFlushThreshold, 2, CONV_PCT_CACHE_MAX },
    { JET_paramStopFlushThreshold, 3, CONV_PCT_CACHE_MAX },
    { JET_paramLRUKHistoryMax, 1000, CONV_NONE },
    { JET_paramGlobalMinVerPages, 1, CONV_NONE },
    { JET_paramVerPageSize, 8192, CONV_NONE },
    { JET_paramOutstandingIOMax, 48, CONV_NONE },
};
static const struct param_override ssd_profile_io[] = {
    { JET_paramMaxCoalesceReadSize, 256 * 1024, CONV_NONE },
    { JET_paramMaxCoalesceWriteSize, 256 * 1024, CONV_NONE },
    { JET_paramMaxCoalesceWriteGapSize, 0, CONV_NONE },
    { JET_paramOutstandingIOMax, 16, CONV_NONE },
    { JET_paramPrereadIOMax, 5, CONV_NONE },
};
static const struct param_override remove_quotas[] = {
    { JET_paramMaxOpenTables, IMAX, CONV_NONE },
    { JET_paramMaxCursors, IMAX, CONV_NONE },
    { JET_paramMaxVerPages, IMAX, CONV_NONE },
    { JET_paramMaxTemporaryTables, IMAX, CONV_NONE },
    { JET_paramPreferredVerPages, IMAX, CONV_NONE },
    { JET_paramMaxSessions, 30000, CONV_NONE },
};
static const struct param_override run_silent[] = {
    { JET_paramNoInformationEvent, 1, CONV_NONE },
    { JET_paramEventLoggingLevel, JET_EventLoggingDisable, CONV_NONE },
    { JET_paramDisablePerfmon, 1, CONV_NONE },
};

#define SET(bit, list) { bit, list, sizeof(list) / sizeof(list[0]) }
const struct param_config_set param_config_sets[] = {
    SET(JET_configLowDiskFootprint, low_disk),
    SET(JET_configMediumDiskFootprint, medium_disk),
    { JET_configLowMemory, param_small_defaults, sizeof(param_small_defaults) / sizeof(param_small_defaults[0]) },
    SET(JET_configDynamicMediumMemory, dynamic_medium_memory),
    SET(JET_configSSDProfileIO, ssd_profile_io),
    SET(JET_configRemoveQuotas, remove_quotas),
    SET(JET_configRunSilent, run_silent),
};
const size_t param_config_sets_count = sizeof(param_config_sets) / sizeof(param_config_sets[0]);
