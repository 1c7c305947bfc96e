/*
 * esent.h -- programming interface of the Extensible Storage Engine ("JET Blue")
 *
 * This header belongs to a free re-implementation of Windows' ESENT.DLL.  It declares the
 * same types, constants and functions as the header of the Windows SDK, so that programs
 * written for esent.dll build against it unchanged, and it is shared by three builds: the
 * x86_64 and i686 mingw-w64 DLLs and the native (non-Windows) twin library.
 *
 * Where the contents come from
 *   The declarations were written for this project from Microsoft's published ESE
 *   reference documentation (the "Extensible Storage Engine" pages: functions, structures,
 *   constants, error codes and system parameters; CC-BY 4.0).  Values that the pages do
 *   not give -- mostly undocumented error codes and system parameter ids, and the
 *   undocumented exports of esent.dll -- were confirmed against the MIT-licensed open-source
 *   ESE (github.com/microsoft/Extensible-Storage-Engine, dev/ese/published/inc/jethdr.w) and,
 *   for the 32-bit stdcall argument sizes, against mingw-w64's import library libesent.a.
 *   Only facts (names, numbers, field order, parameter lists) were taken from those
 *   sources; the text and layout of this file are our own.  tools/abicheck.py compares this
 *   header with mingw-w64's esent.h and import library.
 *
 * Portability rules
 *   On Windows (_WIN32 defined: MSVC, mingw-w64) the header describes exactly the Windows
 *   ABI: the documentation's "long" and "unsigned long" are long and unsigned long, WCHAR
 *   is wchar_t, JET_API is __stdcall, JET_API_PTR is a pointer-sized unsigned integer
 *   (unsigned __int64 on Win64, unsigned long on Win32), and structures are packed with
 *   #pragma pack(8) on Win64 and #pragma pack(4) on Win32, as in the Windows SDK (a few
 *   log/header records are byte packed).
 *
 *   Everywhere else (the native library) the same names describe the same data: the API's
 *   long and unsigned long stay 32 bits wide (int32_t / uint32_t), WCHAR is a 16-bit
 *   UTF-16 code unit (uint16_t), JET_API is empty (the platform's normal calling
 *   convention), JET_API_PTR is uintptr_t and 64-bit integers are int64_t / uint64_t;
 *   structures use #pragma pack(8).  On a 64-bit platform every structure therefore has
 *   the Win64 layout, and the exported symbols have the same names, so callers written for
 *   Windows -- including .NET code on Mono using ManagedEsent's P/Invoke signatures (uint for
 *   unsigned long, IntPtr for JET_API_PTR) -- can use the native library.
 *
 *   To make this possible the header never writes "long" itself.  It uses these macros,
 *   whose trailing underscore keeps them out of the way of user code (names of the form
 *   JET_..._ are reserved for this header):
 *       JET_LONG_    long                / int32_t       the API's "long"
 *       JET_ULONG_   unsigned long       / uint32_t      the API's "unsigned long"
 *       JET_INT64_   __int64 (long long) / int64_t       the API's "__int64"
 *       JET_UINT64_  unsigned __int64    / uint64_t      the API's "unsigned __int64"
 *       JET_EXTENSION_  __extension__ with GCC and Clang (anonymous structs and bit-fields
 *                       of non-int type are accepted by -Wpedantic), empty otherwise.
 *   WCHAR is only typedef'd when __WCHAR_DEFINED (the guard mingw-w64 uses) and _WINNT_
 *   (<windows.h>) are not defined, so the header may be included before or after
 *   <windows.h>.  Apart from <stddef.h> (Windows) or <stdint.h> (elsewhere) it includes
 *   nothing.
 *
 * Macros the includer may define
 *   JET_VERSION   Windows version to target (0x0500 Windows 2000 ... 0x0A00 Windows 10).
 *                 Defaults to WINVER when that is defined, otherwise to 0x0A00; at the
 *                 default every declaration is visible.  Functions and constants introduced
 *                 after the requested version are hidden (types are always declared).
 *   JET_UNICODE   The plain structure and function names (JET_INDEXCREATE, JetCreateIndex,
 *                 ...) select the wide (_W / ...W) forms instead of the ANSI ones.
 *   JET_PLAIN_NAME_EXPORTS
 *                 Declare the plain function names as real functions with the ANSI
 *                 signature (esent.dll exports them) instead of defining them as macros.
 *   JET_API       May be predefined to add attributes (for example dllexport) to every
 *                 function; it must still contain the calling convention on Windows.
 *
 * The header is valid C (C11 and later) and C++, and compiles cleanly with
 * -Wall -Wextra -Wpedantic.  Its include guard is the same as mingw-w64's (_INC_ESENT), so
 * only one of the two headers can be used in a translation unit.
 */
#ifndef _INC_ESENT
#define _INC_ESENT

#ifndef JET_VERSION
#  ifdef WINVER
#    define JET_VERSION WINVER
#  else
#    define JET_VERSION 0x0A00
#  endif
#endif

#if defined(_WIN32)
#  include <stddef.h>
#else
#  include <stdint.h>
#endif

/* ---- portability macros (see the comment above) ---- */
#if defined(_WIN32)
#  ifndef JET_API
#    define JET_API            __stdcall
#  endif
#  define JET_LONG_            long
#  define JET_ULONG_           unsigned long
#  if defined(_MSC_VER)
#    define JET_INT64_         __int64
#    define JET_UINT64_        unsigned __int64
#  else
#    define JET_INT64_         long long
#    define JET_UINT64_        unsigned long long
#  endif
#else
#  ifndef JET_API
#    define JET_API
#  endif
#  define JET_LONG_            int32_t
#  define JET_ULONG_           uint32_t
#  define JET_INT64_           int64_t
#  define JET_UINT64_          uint64_t
#endif
#define JET_NODSAPI            JET_API

#if defined(__GNUC__) || defined(__clang__)
#  define JET_EXTENSION_       __extension__
#else
#  define JET_EXTENSION_
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN64) || !defined(_WIN32)
#  pragma pack(push, 8)
#else
#  pragma pack(push, 4)
#endif

#ifdef _MSC_VER
#  pragma warning(push)
#  pragma warning(disable: 4201)   /* nameless struct/union */
#endif
#ifdef __clang__
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Wnested-anon-types"
#  pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif

/* ==========================================================================================
 * Basic types
 * ========================================================================================== */

/* Unsigned integer as wide as a pointer: the representation of every handle. */
#if defined(_WIN64)
typedef JET_UINT64_ JET_API_PTR;
#elif defined(_WIN32)
typedef unsigned long JET_API_PTR;
#else
typedef uintptr_t JET_API_PTR;
#endif

/* UTF-16 code unit used by all ...W functions and _W structures. */
#if !defined(__WCHAR_DEFINED) && !defined(_WINNT_)
#  define __WCHAR_DEFINED
#  if defined(_WIN32)
typedef wchar_t WCHAR;
#  else
typedef uint16_t WCHAR;
#  endif
#endif

typedef JET_LONG_    JET_ERR;           /* result: 0 success, > 0 warning, < 0 error */

typedef JET_API_PTR  JET_INSTANCE;      /* engine instance */
typedef JET_API_PTR  JET_SESID;         /* session */
typedef JET_API_PTR  JET_TABLEID;       /* cursor on a table */
typedef JET_API_PTR  JET_HANDLE;        /* backup file or callback registration */
typedef JET_API_PTR  JET_LS;            /* local storage value attached to a cursor or table */
typedef JET_API_PTR  JET_OSSNAPID;      /* OS (VSS) snapshot session */

typedef JET_ULONG_   JET_DBID;          /* database opened by a session */
typedef JET_ULONG_   JET_COLUMNID;      /* column of a table */
typedef JET_ULONG_   JET_GRBIT;         /* option bits */
typedef JET_ULONG_   JET_COLTYP;        /* column type, JET_coltyp... */
typedef JET_ULONG_   JET_OBJTYP;        /* object type, JET_objtyp... */
typedef JET_ULONG_   JET_CBTYP;         /* callback reason, JET_cbtyp... */
typedef JET_ULONG_   JET_SNP;           /* status notification process, JET_snp... */
typedef JET_ULONG_   JET_SNT;           /* status notification type, JET_snt... */

typedef double       JET_DATESERIAL;    /* OLE automation date (days since 1899-12-30) */

typedef char        *JET_PSTR;          /* NUL-terminated ANSI string */
typedef const char  *JET_PCSTR;
typedef WCHAR       *JET_PWSTR;         /* NUL-terminated UTF-16 string */
typedef const WCHAR *JET_PCWSTR;

/* ======================================================================================
 * Structures, enumerations and callback types
 * ====================================================================================== */

/* ---- Log positions, time stamps and signatures ---- */
/* These records are byte packed: they mirror on-disk log and header data. */
#pragma pack(push, 1)
typedef struct {
    char                   bSeconds;
    char                   bMinutes;
    char                   bHours;
    char                   bDay;
    char                   bMonth;
    char                   bYear;
    union {
        char                   bFiller1;
        JET_EXTENSION_ struct {
            unsigned char          fTimeIsUTC : 1;
            unsigned char          bMillisecondsLow : 7;
        };
    };
    union {
        char                   bFiller2;
        JET_EXTENSION_ struct {
            unsigned char          fReserved : 1;
            unsigned char          bMillisecondsHigh : 3;
            unsigned char          fUnused : 4;
        };
    };
} JET_LOGTIME;

typedef struct {
    char                   bSeconds;
    char                   bMinutes;
    char                   bHours;
    char                   bDay;
    char                   bMonth;
    char                   bYear;
    union {
        char                   bFiller1;
        JET_EXTENSION_ struct {
            unsigned char          fTimeIsUTC : 1;
            unsigned char          bMillisecondsLow : 7;
        };
    };
    union {
        char                   bFiller2;
        JET_EXTENSION_ struct {
            unsigned char          fOSSnapshot : 1;
            unsigned char          bMillisecondsHigh : 3;
            unsigned char          fReserved : 4;
        };
    };
} JET_BKLOGTIME;

typedef struct {
    unsigned short         ib;
    unsigned short         isec;
    JET_LONG_              lGeneration;
} JET_LGPOS;

typedef struct {
    JET_ULONG_             ulRandom;
    JET_LOGTIME            logtimeCreate;
    char                   szComputerName[15 + 1];
} JET_SIGNATURE;

typedef struct {
    JET_LGPOS              lgposMark;
    union {
        JET_LOGTIME            logtimeMark;
#if JET_VERSION >= 0x0600
        JET_BKLOGTIME          bklogtimeMark;
#endif
    };
    JET_ULONG_             genLow;
    JET_ULONG_             genHigh;
} JET_BKINFO;

#pragma pack(pop)

/* ---- Errors ---- */
typedef enum {
    JET_errcatUnknown = 0,
    JET_errcatError,
    JET_errcatOperation,
    JET_errcatFatal,
    JET_errcatIO,
    JET_errcatResource,
    JET_errcatMemory,
    JET_errcatQuota,
    JET_errcatDisk,
    JET_errcatData,
    JET_errcatCorruption,
    JET_errcatInconsistent,
    JET_errcatFragmentation,
    JET_errcatApi,
    JET_errcatUsage,
    JET_errcatState,
    JET_errcatObsolete,
    JET_errcatMax,
} JET_ERRCAT;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ERR                errValue;
    JET_ERRCAT             errcatMostSpecific;
    unsigned char          rgCategoricalHierarchy[8];
    JET_ULONG_             lSourceLine;
    WCHAR                  rgszSourceFile[64];
} JET_ERRINFOBASIC_W;


/* ---- Instance, session and system parameters ---- */
typedef struct JET_THREADSTATS {
    JET_ULONG_             cbStruct;
    JET_ULONG_             cPageReferenced;
    JET_ULONG_             cPageRead;
    JET_ULONG_             cPagePreread;
    JET_ULONG_             cPageDirtied;
    JET_ULONG_             cPageRedirtied;
    JET_ULONG_             cLogRecord;
    JET_ULONG_             cbLogRecord;
} JET_THREADSTATS;

typedef struct JET_THREADSTATS2 {
    JET_ULONG_             cbStruct;
    JET_ULONG_             cPageReferenced;
    JET_ULONG_             cPageRead;
    JET_ULONG_             cPagePreread;
    JET_ULONG_             cPageDirtied;
    JET_ULONG_             cPageRedirtied;
    JET_ULONG_             cLogRecord;
    JET_ULONG_             cbLogRecord;
    JET_UINT64_            cusecPageCacheMiss;
    JET_ULONG_             cPageCacheMiss;
} JET_THREADSTATS2;

typedef struct {
    JET_SIGNATURE          signLog;
    int                    reserved;
    JET_INT64_             commitId;
} JET_COMMIT_ID;

typedef enum {
    JET_IndexCheckingOff = 0,
    JET_IndexCheckingOn = 1,
    JET_IndexCheckingDeferToOpenTable = 2,
    JET_IndexCheckingMax = 3,
} JET_INDEXCHECKING;

typedef struct {
    JET_ULONG_             ulUserID;
    unsigned char          nOperationID;
    unsigned char          nOperationType;
    unsigned char          nClientType;
    unsigned char          fFlags;
} JET_OPERATIONCONTEXT;

typedef struct {
    JET_ULONG_             paramid;
    JET_API_PTR            lParam;
    const char             *sz;
    JET_ERR                err;
} JET_SETSYSPARAM_A;

typedef struct {
    JET_ULONG_             paramid;
    JET_API_PTR            lParam;
    const WCHAR            *sz;
    JET_ERR                err;
} JET_SETSYSPARAM_W;

typedef struct _JET_INSTANCE_INFO_A {
    JET_INSTANCE           hInstanceId;
    char                   *szInstanceName;
    JET_API_PTR            cDatabases;
    char                   **szDatabaseFileName;
    char                   **szDatabaseDisplayName;
    /* szDatabaseSLVFileName is the spelling of the documentation; both name the same member */
    union {
        char                   **szDatabaseSLVFileName_Obsolete;
        char                   **szDatabaseSLVFileName;
    };
} JET_INSTANCE_INFO_A;

typedef struct _JET_INSTANCE_INFO_W {
    JET_INSTANCE           hInstanceId;
    WCHAR                  *szInstanceName;
    JET_API_PTR            cDatabases;
    WCHAR                  **szDatabaseFileName;
    WCHAR                  **szDatabaseDisplayName;
    /* szDatabaseSLVFileName is the spelling of the documentation; both name the same member */
    union {
        WCHAR                  **szDatabaseSLVFileName_Obsolete;
        WCHAR                  **szDatabaseSLVFileName;
    };
} JET_INSTANCE_INFO_W;

/* not in the published documentation */
typedef struct JET_SESSIONINFO {
    JET_ULONG_             ulTrxBegin0;
    JET_ULONG_             ulTrxLevel;
    JET_ULONG_             ulProcid;
    JET_ULONG_             ulFlags;
    JET_API_PTR            ulTrxContext;
} JET_SESSIONINFO;


/* ---- Callback function types ---- */
typedef JET_ERR (JET_API *JET_PFNSTATUS)(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv);

typedef JET_ERR (JET_API *JET_CALLBACK)(JET_SESID sesid, JET_DBID dbid, JET_TABLEID tableid, JET_CBTYP cbtyp, void *pvArg1, void *pvArg2, void *pvContext, JET_API_PTR ulUnused);

typedef JET_ERR (JET_API *JET_PFNDURABLECOMMITCALLBACK)(JET_INSTANCE instance, JET_COMMIT_ID *pCommitIdSeen, JET_GRBIT grbit);

typedef void * (JET_API *JET_PFNREALLOC)(void *pvContext, void *pv, JET_ULONG_ cb);

/* not in the published documentation */
typedef JET_ERR (JET_API *JET_ABORTRETRYFAILCALLBACK_A)(char *szFile, JET_ULONG_ Offset, JET_ULONG_ OffsetHigh, JET_ULONG_ Length, JET_ERR err);

/* not in the published documentation */
typedef JET_ERR (JET_API *JET_ABORTRETRYFAILCALLBACK_W)(WCHAR *szFile, JET_ULONG_ Offset, JET_ULONG_ OffsetHigh, JET_ULONG_ Length, JET_ERR err);

/* not in the published documentation */
typedef JET_ERR (JET_API *JET_PFNINITCALLBACK)(JET_SNP snp, JET_SNT snt, void *pv, void *pvContext);


/* ---- Database information ---- */
typedef struct tagCONVERT_A {
    /* SzOldDll is the spelling of the documentation; both name the same member */
    union {
        char                   *szOldDll;
        char                   *SzOldDll;
    };
    union {
        JET_ULONG_             fFlags;
        JET_EXTENSION_ struct {
            JET_ULONG_             fSchemaChangesOnly : 1;
        };
    };
} JET_CONVERT_A;

typedef struct tagCONVERT_W {
    /* SzOldDll is the spelling of the documentation; both name the same member */
    union {
        WCHAR                  *szOldDll;
        WCHAR                  *SzOldDll;
    };
    union {
        JET_ULONG_             fFlags;
        JET_EXTENSION_ struct {
            JET_ULONG_             fSchemaChangesOnly : 1;
        };
    };
} JET_CONVERT_W;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             cbFilesizeLow;
    JET_ULONG_             cbFilesizeHigh;
    JET_ULONG_             cbFreeSpaceRequiredLow;
    JET_ULONG_             cbFreeSpaceRequiredHigh;
    JET_ULONG_             csecToUpgrade;
    union {
        JET_ULONG_             ulFlags;
        JET_EXTENSION_ struct {
            JET_ULONG_             fUpgradable : 1;
            JET_ULONG_             fAlreadyUpgraded : 1;
        };
    };
} JET_DBINFOUPGRADE;

typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
} JET_DBINFOMISC;

typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
} JET_DBINFOMISC2;

typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
    JET_ULONG_             genCommitted;
} JET_DBINFOMISC3;

typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
    JET_ULONG_             genCommitted;
    JET_BKINFO             bkinfoCopyPrev;
    JET_BKINFO             bkinfoDiffPrev;
} JET_DBINFOMISC4;

/* not in the published documentation */
typedef struct tagJET_SETDBPARAM {
    JET_ULONG_             dbparamid;
    void                   *pvParam;
    JET_ULONG_             cbParam;
} JET_SETDBPARAM;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
    JET_ULONG_             genCommitted;
    JET_BKINFO             bkinfoCopyPrev;
    JET_BKINFO             bkinfoDiffPrev;
    JET_ULONG_             ulIncrementalReseedCount;
    JET_LOGTIME            logtimeIncrementalReseed;
    JET_ULONG_             ulIncrementalReseedCountOld;
    JET_ULONG_             ulPagePatchCount;
    JET_LOGTIME            logtimePagePatch;
    JET_ULONG_             ulPagePatchCountOld;
} JET_DBINFOMISC5;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
    JET_ULONG_             genCommitted;
    JET_BKINFO             bkinfoCopyPrev;
    JET_BKINFO             bkinfoDiffPrev;
    JET_ULONG_             ulIncrementalReseedCount;
    JET_LOGTIME            logtimeIncrementalReseed;
    JET_ULONG_             ulIncrementalReseedCountOld;
    JET_ULONG_             ulPagePatchCount;
    JET_LOGTIME            logtimePagePatch;
    JET_ULONG_             ulPagePatchCountOld;
    JET_LOGTIME            logtimeChecksumPrev;
    JET_LOGTIME            logtimeChecksumStart;
    JET_ULONG_             cpgDatabaseChecked;
} JET_DBINFOMISC6;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             ulVersion;
    JET_ULONG_             ulUpdate;
    JET_SIGNATURE          signDb;
    JET_ULONG_             dbstate;
    JET_LGPOS              lgposConsistent;
    JET_LOGTIME            logtimeConsistent;
    JET_LOGTIME            logtimeAttach;
    JET_LGPOS              lgposAttach;
    JET_LOGTIME            logtimeDetach;
    JET_LGPOS              lgposDetach;
    JET_SIGNATURE          signLog;
    JET_BKINFO             bkinfoFullPrev;
    JET_BKINFO             bkinfoIncPrev;
    JET_BKINFO             bkinfoFullCur;
    JET_ULONG_             fShadowingDisabled;
    JET_ULONG_             fUpgradeDb;
    JET_ULONG_             dwMajorVersion;
    JET_ULONG_             dwMinorVersion;
    JET_ULONG_             dwBuildNumber;
    JET_LONG_              lSPNumber;
    JET_ULONG_             cbPageSize;
    JET_ULONG_             genMinRequired;
    JET_ULONG_             genMaxRequired;
    JET_LOGTIME            logtimeGenMaxCreate;
    JET_ULONG_             ulRepairCount;
    JET_LOGTIME            logtimeRepair;
    JET_ULONG_             ulRepairCountOld;
    JET_ULONG_             ulECCFixSuccess;
    JET_LOGTIME            logtimeECCFixSuccess;
    JET_ULONG_             ulECCFixSuccessOld;
    JET_ULONG_             ulECCFixFail;
    JET_LOGTIME            logtimeECCFixFail;
    JET_ULONG_             ulECCFixFailOld;
    JET_ULONG_             ulBadChecksum;
    JET_LOGTIME            logtimeBadChecksum;
    JET_ULONG_             ulBadChecksumOld;
    JET_ULONG_             genCommitted;
    JET_BKINFO             bkinfoCopyPrev;
    JET_BKINFO             bkinfoDiffPrev;
    JET_ULONG_             ulIncrementalReseedCount;
    JET_LOGTIME            logtimeIncrementalReseed;
    JET_ULONG_             ulIncrementalReseedCountOld;
    JET_ULONG_             ulPagePatchCount;
    JET_LOGTIME            logtimePagePatch;
    JET_ULONG_             ulPagePatchCountOld;
    JET_LOGTIME            logtimeChecksumPrev;
    JET_LOGTIME            logtimeChecksumStart;
    JET_ULONG_             cpgDatabaseChecked;
    JET_LOGTIME            logtimeLastReAttach;
    JET_LGPOS              lgposLastReAttach;
} JET_DBINFOMISC7;


/* ---- Backup, restore and log files ---- */
typedef struct {
    char                   *szDatabaseName;
    char                   *szNewDatabaseName;
} JET_RSTMAP_A;

typedef struct {
    WCHAR                  *szDatabaseName;
    WCHAR                  *szNewDatabaseName;
} JET_RSTMAP_W;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             cunitDone;
    JET_ULONG_             cunitTotal;
} JET_SNPROG;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_RSTMAP_A           *rgrstmap;
    JET_LONG_              crstmap;
    JET_LGPOS              lgposStop;
    JET_LOGTIME            logtimeStop;
    JET_PFNSTATUS          pfnStatus;
} JET_RSTINFO_A;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_RSTMAP_W           *rgrstmap;
    JET_LONG_              crstmap;
    JET_LGPOS              lgposStop;
    JET_LOGTIME            logtimeStop;
    JET_PFNSTATUS          pfnStatus;
} JET_RSTINFO_W;

typedef struct {
    JET_ULONG_             cbSize;
    JET_ULONG_             ulGenLow;
    JET_ULONG_             ulGenHigh;
    char                   szBaseName[3 + 1];
} JET_LOGINFO_A;

typedef struct {
    JET_ULONG_             cbSize;
    JET_ULONG_             ulGenLow;
    JET_ULONG_             ulGenHigh;
    WCHAR                  szBaseName[3 + 1];
} JET_LOGINFO_W;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             cbStruct;
    char                   *szDatabaseName;
    char                   *szNewDatabaseName;
    JET_SETDBPARAM         *rgsetdbparam;
    JET_ULONG_             csetdbparam;
    JET_GRBIT              grbit;
} JET_RSTMAP2_A;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             cbStruct;
    WCHAR                  *szDatabaseName;
    WCHAR                  *szNewDatabaseName;
    JET_SETDBPARAM         *rgsetdbparam;
    JET_ULONG_             csetdbparam;
    JET_GRBIT              grbit;
} JET_RSTMAP2_W;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             cbStruct;
    JET_RSTMAP2_A          *rgrstmap;
    JET_LONG_              crstmap;
    JET_LGPOS              lgposStop;
    JET_LOGTIME            logtimeStop;
    JET_PFNINITCALLBACK    pfnCallback;
    void                   *pvCallbackContext;
} JET_RSTINFO2_A;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             cbStruct;
    JET_RSTMAP2_W          *rgrstmap;
    JET_LONG_              crstmap;
    JET_LGPOS              lgposStop;
    JET_LOGTIME            logtimeStop;
    JET_PFNINITCALLBACK    pfnCallback;
    void                   *pvCallbackContext;
} JET_RSTINFO2_W;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             ulGeneration;
    JET_SIGNATURE          signLog;
    JET_LOGTIME            logtimeCreate;
    JET_LOGTIME            logtimePreviousGeneration;
    JET_ULONG_             ulFlags;
    JET_ULONG_             ulVersionMajor;
    JET_ULONG_             ulVersionMinor;
    JET_ULONG_             ulVersionUpdate;
    JET_ULONG_             cbSectorSize;
    JET_ULONG_             cbHeader;
    JET_ULONG_             cbFile;
    JET_ULONG_             cbDatabasePageSize;
} JET_LOGINFOMISC;

/* not in the published documentation */
typedef struct {
    JET_ULONG_             ulGeneration;
    JET_SIGNATURE          signLog;
    JET_LOGTIME            logtimeCreate;
    JET_LOGTIME            logtimePreviousGeneration;
    JET_ULONG_             ulFlags;
    JET_ULONG_             ulVersionMajor;
    JET_ULONG_             ulVersionMinor;
    JET_ULONG_             ulVersionUpdate;
    JET_ULONG_             cbSectorSize;
    JET_ULONG_             cbHeader;
    JET_ULONG_             cbFile;
    JET_ULONG_             cbDatabasePageSize;
    JET_LGPOS              lgposCheckpoint;
} JET_LOGINFOMISC2;


/* ---- Columns ---- */
typedef struct {
    JET_ULONG_             cbStruct;
    JET_TABLEID            tableid;
    JET_ULONG_             cRecord;
    JET_COLUMNID           columnidPresentationOrder;
    JET_COLUMNID           columnidcolumnname;
    JET_COLUMNID           columnidcolumnid;
    JET_COLUMNID           columnidcoltyp;
    JET_COLUMNID           columnidCountry;
    JET_COLUMNID           columnidLangid;
    JET_COLUMNID           columnidCp;
    JET_COLUMNID           columnidCollate;
    JET_COLUMNID           columnidcbMax;
    JET_COLUMNID           columnidgrbit;
    JET_COLUMNID           columnidDefault;
    JET_COLUMNID           columnidBaseTableName;
    JET_COLUMNID           columnidBaseColumnName;
    JET_COLUMNID           columnidDefinitionName;
} JET_COLUMNLIST;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_COLUMNID           columnid;
    JET_COLTYP             coltyp;
    unsigned short         wCountry;
    unsigned short         langid;
    unsigned short         cp;
    unsigned short         wCollate;
    JET_ULONG_             cbMax;
    JET_GRBIT              grbit;
} JET_COLUMNDEF;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_COLUMNID           columnid;
    JET_COLTYP             coltyp;
    unsigned short         wCountry;
    unsigned short         langid;
    unsigned short         cp;
    unsigned short         wFiller;
    JET_ULONG_             cbMax;
    JET_GRBIT              grbit;
    char                   szBaseTableName[256];
    char                   szBaseColumnName[256];
} JET_COLUMNBASE_A;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_COLUMNID           columnid;
    JET_COLTYP             coltyp;
    unsigned short         wCountry;
    unsigned short         langid;
    unsigned short         cp;
    unsigned short         wFiller;
    JET_ULONG_             cbMax;
    JET_GRBIT              grbit;
    WCHAR                  szBaseTableName[256];
    WCHAR                  szBaseColumnName[256];
} JET_COLUMNBASE_W;

typedef struct tag_JET_COLUMNCREATE_A {
    JET_ULONG_             cbStruct;
    char                   *szColumnName;
    JET_COLTYP             coltyp;
    JET_ULONG_             cbMax;
    JET_GRBIT              grbit;
    void                   *pvDefault;
    JET_ULONG_             cbDefault;
    JET_ULONG_             cp;
    JET_COLUMNID           columnid;
    JET_ERR                err;
} JET_COLUMNCREATE_A;

typedef struct tag_JET_COLUMNCREATE_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szColumnName;
    JET_COLTYP             coltyp;
    JET_ULONG_             cbMax;
    JET_GRBIT              grbit;
    void                   *pvDefault;
    JET_ULONG_             cbDefault;
    JET_ULONG_             cp;
    JET_COLUMNID           columnid;
    JET_ERR                err;
} JET_COLUMNCREATE_W;

typedef struct tag_JET_USERDEFINEDDEFAULT_A {
    char                   *szCallback;
    unsigned char          *pbUserData;
    JET_ULONG_             cbUserData;
    char                   *szDependantColumns;
} JET_USERDEFINEDDEFAULT_A;

typedef struct tag_JET_USERDEFINEDDEFAULT_W {
    WCHAR                  *szCallback;
    unsigned char          *pbUserData;
    JET_ULONG_             cbUserData;
    WCHAR                  *szDependantColumns;
} JET_USERDEFINEDDEFAULT_W;


/* ---- Indexes ---- */
typedef struct tagJET_INDEXID {
    JET_ULONG_             cbStruct;
    unsigned char          rgbIndexId[sizeof(JET_API_PTR) + sizeof(JET_ULONG_) + sizeof(JET_ULONG_)];
} JET_INDEXID;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_TABLEID            tableid;
    JET_ULONG_             cRecord;
    JET_COLUMNID           columnidindexname;
    JET_COLUMNID           columnidgrbitIndex;
    JET_COLUMNID           columnidcKey;
    JET_COLUMNID           columnidcEntry;
    JET_COLUMNID           columnidcPage;
    JET_COLUMNID           columnidcColumn;
    JET_COLUMNID           columnidiColumn;
    JET_COLUMNID           columnidcolumnid;
    JET_COLUMNID           columnidcoltyp;
    JET_COLUMNID           columnidCountry;
    JET_COLUMNID           columnidLangid;
    JET_COLUMNID           columnidCp;
    JET_COLUMNID           columnidCollate;
    JET_COLUMNID           columnidgrbitColumn;
    JET_COLUMNID           columnidcolumnname;
    JET_COLUMNID           columnidLCMapFlags;
} JET_INDEXLIST;

typedef struct tagJET_CONDITIONALCOLUMN_A {
    JET_ULONG_             cbStruct;
    char                   *szColumnName;
    JET_GRBIT              grbit;
} JET_CONDITIONALCOLUMN_A;

typedef struct tagJET_CONDITIONALCOLUMN_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szColumnName;
    JET_GRBIT              grbit;
} JET_CONDITIONALCOLUMN_W;

typedef struct tagJET_UNICODEINDEX {
    JET_ULONG_             lcid;
    JET_ULONG_             dwMapFlags;
} JET_UNICODEINDEX;

typedef struct tagJET_UNICODEINDEX2 {
    WCHAR                  *szLocaleName;
    JET_ULONG_             dwMapFlags;
} JET_UNICODEINDEX2;

typedef struct tagJET_TUPLELIMITS {
    JET_ULONG_             chLengthMin;
    JET_ULONG_             chLengthMax;
    JET_ULONG_             chToIndexMax;
#if JET_VERSION >= 0x0600
    JET_ULONG_             cchIncrement;
#endif
#if JET_VERSION >= 0x0600
    JET_ULONG_             ichStart;
#endif
} JET_TUPLELIMITS;

typedef struct tagJET_SPACEHINTS {
    JET_ULONG_             cbStruct;
    JET_ULONG_             ulInitialDensity;
    JET_ULONG_             cbInitial;
    JET_GRBIT              grbit;
    JET_ULONG_             ulMaintDensity;
    JET_ULONG_             ulGrowth;
    JET_ULONG_             cbMinExtent;
    JET_ULONG_             cbMaxExtent;
} JET_SPACEHINTS;

typedef struct tagJET_INDEXCREATE_A {
    JET_ULONG_             cbStruct;
    char                   *szIndexName;
    char                   *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    union {
        JET_ULONG_             lcid;
        JET_UNICODEINDEX       *pidxunicode;
    };
    union {
        JET_ULONG_             cbVarSegMac;
#if JET_VERSION >= 0x0502
        JET_TUPLELIMITS        *ptuplelimits;
#endif
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
#if JET_VERSION >= 0x0600
    JET_ULONG_             cbKeyMost;
#endif
} JET_INDEXCREATE_A;

typedef struct tagJET_INDEXCREATE_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szIndexName;
    WCHAR                  *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    union {
        JET_ULONG_             lcid;
        JET_UNICODEINDEX       *pidxunicode;
    };
    union {
        JET_ULONG_             cbVarSegMac;
#if JET_VERSION >= 0x0502
        JET_TUPLELIMITS        *ptuplelimits;
#endif
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
#if JET_VERSION >= 0x0600
    JET_ULONG_             cbKeyMost;
#endif
} JET_INDEXCREATE_W;

typedef struct tagJET_INDEXCREATE2_A {
    JET_ULONG_             cbStruct;
    char                   *szIndexName;
    char                   *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    union {
        JET_ULONG_             lcid;
        JET_UNICODEINDEX       *pidxunicode;
    };
    union {
        JET_ULONG_             cbVarSegMac;
        JET_TUPLELIMITS        *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
    JET_ULONG_             cbKeyMost;
    JET_SPACEHINTS         *pSpacehints;
} JET_INDEXCREATE2_A;

typedef struct tagJET_INDEXCREATE2_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szIndexName;
    WCHAR                  *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    union {
        JET_ULONG_             lcid;
        JET_UNICODEINDEX       *pidxunicode;
    };
    union {
        JET_ULONG_             cbVarSegMac;
        JET_TUPLELIMITS        *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
    JET_ULONG_             cbKeyMost;
    JET_SPACEHINTS         *pSpacehints;
} JET_INDEXCREATE2_W;

typedef struct tagJET_INDEXCREATE3_A {
    JET_ULONG_             cbStruct;
    char                   *szIndexName;
    char                   *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    JET_UNICODEINDEX2      *pidxunicode;
    union {
        JET_ULONG_             cbVarSegMac;
        JET_TUPLELIMITS        *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
    JET_ULONG_             cbKeyMost;
    JET_SPACEHINTS         *pSpacehints;
} JET_INDEXCREATE3_A;

typedef struct tagJET_INDEXCREATE3_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szIndexName;
    WCHAR                  *szKey;
    JET_ULONG_             cbKey;
    JET_GRBIT              grbit;
    JET_ULONG_             ulDensity;
    JET_UNICODEINDEX2      *pidxunicode;
    union {
        JET_ULONG_             cbVarSegMac;
        JET_TUPLELIMITS        *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    JET_ULONG_             cConditionalColumn;
    JET_ERR                err;
    JET_ULONG_             cbKeyMost;
    JET_SPACEHINTS         *pSpacehints;
} JET_INDEXCREATE3_W;


/* ---- Tables and objects ---- */
typedef struct {
    JET_ULONG_             cbStruct;
    JET_OBJTYP             objtyp;
    JET_DATESERIAL         dtCreate;
    JET_DATESERIAL         dtUpdate;
    JET_GRBIT              grbit;
    JET_ULONG_             flags;
    JET_ULONG_             cRecord;
    JET_ULONG_             cPage;
} JET_OBJECTINFO;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_TABLEID            tableid;
    JET_ULONG_             cRecord;
    JET_COLUMNID           columnidcontainername;
    JET_COLUMNID           columnidobjectname;
    JET_COLUMNID           columnidobjtyp;
    JET_COLUMNID           columniddtCreate;
    JET_COLUMNID           columniddtUpdate;
    JET_COLUMNID           columnidgrbit;
    JET_COLUMNID           columnidflags;
    JET_COLUMNID           columnidcRecord;
    JET_COLUMNID           columnidcPage;
} JET_OBJECTLIST;

typedef struct tagJET_TABLECREATE_A {
    JET_ULONG_             cbStruct;
    char                   *szTableName;
    char                   *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_A     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE_A      *rgindexcreate;
    JET_ULONG_             cIndexes;
    JET_GRBIT              grbit;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE_A;

typedef struct tagJET_TABLECREATE_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szTableName;
    WCHAR                  *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_W     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE_W      *rgindexcreate;
    JET_ULONG_             cIndexes;
    JET_GRBIT              grbit;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE_W;

typedef struct tagJET_TABLECREATE2_A {
    JET_ULONG_             cbStruct;
    char                   *szTableName;
    char                   *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_A     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE_A      *rgindexcreate;
    JET_ULONG_             cIndexes;
    char                   *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE2_A;

typedef struct tagJET_TABLECREATE2_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szTableName;
    WCHAR                  *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_W     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE_W      *rgindexcreate;
    JET_ULONG_             cIndexes;
    WCHAR                  *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE2_W;

typedef struct tagJET_TABLECREATE3_A {
    JET_ULONG_             cbStruct;
    char                   *szTableName;
    char                   *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_A     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE2_A     *rgindexcreate;
    JET_ULONG_             cIndexes;
    char                   *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_SPACEHINTS         *pSeqSpacehints;
    JET_SPACEHINTS         *pLVSpacehints;
    JET_ULONG_             cbSeparateLV;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE3_A;

typedef struct tagJET_TABLECREATE3_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szTableName;
    WCHAR                  *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_W     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE2_W     *rgindexcreate;
    JET_ULONG_             cIndexes;
    WCHAR                  *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_SPACEHINTS         *pSeqSpacehints;
    JET_SPACEHINTS         *pLVSpacehints;
    JET_ULONG_             cbSeparateLV;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE3_W;

typedef struct tagJET_TABLECREATE4_A {
    JET_ULONG_             cbStruct;
    char                   *szTableName;
    char                   *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_A     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE3_A     *rgindexcreate;
    JET_ULONG_             cIndexes;
    char                   *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_SPACEHINTS         *pSeqSpacehints;
    JET_SPACEHINTS         *pLVSpacehints;
    JET_ULONG_             cbSeparateLV;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE4_A;

typedef struct tagJET_TABLECREATE4_W {
    JET_ULONG_             cbStruct;
    WCHAR                  *szTableName;
    WCHAR                  *szTemplateTableName;
    JET_ULONG_             ulPages;
    JET_ULONG_             ulDensity;
    JET_COLUMNCREATE_W     *rgcolumncreate;
    JET_ULONG_             cColumns;
    JET_INDEXCREATE3_W     *rgindexcreate;
    JET_ULONG_             cIndexes;
    WCHAR                  *szCallback;
    JET_CBTYP              cbtyp;
    JET_GRBIT              grbit;
    JET_SPACEHINTS         *pSeqSpacehints;
    JET_SPACEHINTS         *pLVSpacehints;
    JET_ULONG_             cbSeparateLV;
    JET_TABLEID            tableid;
    JET_ULONG_             cCreated;
} JET_TABLECREATE4_W;

typedef struct tagJET_OPENTEMPORARYTABLE {
    JET_ULONG_             cbStruct;
    const JET_COLUMNDEF    *prgcolumndef;
    JET_ULONG_             ccolumn;
    JET_UNICODEINDEX       *pidxunicode;
    JET_GRBIT              grbit;
    JET_COLUMNID           *prgcolumnid;
    JET_ULONG_             cbKeyMost;
    JET_ULONG_             cbVarSegMac;
    JET_TABLEID            tableid;
} JET_OPENTEMPORARYTABLE;

typedef struct tagJET_OPENTEMPORARYTABLE2 {
    JET_ULONG_             cbStruct;
    const JET_COLUMNDEF    *prgcolumndef;
    JET_ULONG_             ccolumn;
    JET_UNICODEINDEX2      *pidxunicode;
    JET_GRBIT              grbit;
    JET_COLUMNID           *prgcolumnid;
    JET_ULONG_             cbKeyMost;
    JET_ULONG_             cbVarSegMac;
    JET_TABLEID            tableid;
} JET_OPENTEMPORARYTABLE2;


/* ---- Records, column values and cursors ---- */
typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             ibLongValue;
    JET_ULONG_             itagSequence;
    JET_COLUMNID           columnidNextTagged;
} JET_RETINFO;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             ibLongValue;
    JET_ULONG_             itagSequence;
} JET_SETINFO;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             centriesLT;
    JET_ULONG_             centriesInRange;
    JET_ULONG_             centriesTotal;
} JET_RECPOS;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_ULONG_             centriesLTDeprecated;
    JET_ULONG_             centriesInRangeDeprecated;
    JET_ULONG_             centriesTotalDeprecated;
    JET_UINT64_            centriesLT;
    JET_UINT64_            centriesTotal;
} JET_RECPOS2;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_TABLEID            tableid;
    JET_ULONG_             cRecord;
    JET_COLUMNID           columnidBookmark;
} JET_RECORDLIST;

typedef struct {
    JET_ULONG_             cbStruct;
    JET_TABLEID            tableid;
    JET_GRBIT              grbit;
} JET_INDEXRANGE;

typedef enum {
    JET_relopEquals = 0,
    JET_relopPrefixEquals,
    JET_relopNotEquals,
    JET_relopLessThanOrEqual,
    JET_relopLessThan,
    JET_relopGreaterThanOrEqual,
    JET_relopGreaterThan,
    JET_relopBitmaskEqualsZero,
    JET_relopBitmaskNotEqualsZero,
} JET_RELOP;

typedef struct {
    JET_COLUMNID           columnid;
    JET_RELOP              relop;
    void                   *pv;
    JET_ULONG_             cb;
    JET_GRBIT              grbit;
} JET_INDEX_COLUMN;

typedef struct {
    JET_INDEX_COLUMN       *rgStartColumns;
    JET_ULONG_             cStartColumns;
    JET_INDEX_COLUMN       *rgEndColumns;
    JET_ULONG_             cEndColumns;
} JET_INDEX_RANGE;

typedef struct {
    JET_COLUMNID           columnid;
    const void             *pvData;
    JET_ULONG_             cbData;
    JET_GRBIT              grbit;
    JET_ULONG_             ibLongValue;
    JET_ULONG_             itagSequence;
    JET_ERR                err;
} JET_SETCOLUMN;

typedef struct {
    JET_COLUMNID           columnid;
    void                   *pvData;
    JET_ULONG_             cbData;
    JET_ULONG_             cbActual;
    JET_GRBIT              grbit;
    JET_ULONG_             ibLongValue;
    JET_ULONG_             itagSequence;
    JET_COLUMNID           columnidNextTagged;
    JET_ERR                err;
} JET_RETRIEVECOLUMN;

typedef struct {
    JET_COLUMNID           columnid;
    JET_ULONG_             ctagSequence;
    JET_ULONG_             *rgtagSequence;
} JET_ENUMCOLUMNID;

typedef struct {
    JET_ULONG_             itagSequence;
    JET_ERR                err;
    JET_ULONG_             cbData;
    void                   *pvData;
} JET_ENUMCOLUMNVALUE;

typedef struct {
    JET_COLUMNID           columnid;
    JET_ERR                err;
    union {
        JET_EXTENSION_ struct {
            JET_ULONG_             cEnumColumnValue;
            JET_ENUMCOLUMNVALUE    *rgEnumColumnValue;
        };
        JET_EXTENSION_ struct {
            JET_ULONG_             cbData;
            void                   *pvData;
        };
    };
} JET_ENUMCOLUMN;

typedef struct {
    JET_UINT64_            cbData;
    JET_UINT64_            cbLongValueData;
    JET_UINT64_            cbOverhead;
    JET_UINT64_            cbLongValueOverhead;
    JET_UINT64_            cNonTaggedColumns;
    JET_UINT64_            cTaggedColumns;
    JET_UINT64_            cLongValues;
    JET_UINT64_            cMultiValues;
} JET_RECSIZE;

typedef struct {
    JET_UINT64_            cbData;
    JET_UINT64_            cbLongValueData;
    JET_UINT64_            cbOverhead;
    JET_UINT64_            cbLongValueOverhead;
    JET_UINT64_            cNonTaggedColumns;
    JET_UINT64_            cTaggedColumns;
    JET_UINT64_            cLongValues;
    JET_UINT64_            cMultiValues;
    JET_UINT64_            cCompressedColumns;
    JET_UINT64_            cbDataCompressed;
    JET_UINT64_            cbLongValueDataCompressed;
} JET_RECSIZE2;


/* ---- Undocumented types used by undocumented exports ---- */
/* not in the published documentation */
typedef struct tagJET_PAGEINFO {
    JET_ULONG_             pgno;
    JET_ULONG_             fPageIsInitialized : 1;
    JET_ULONG_             fCorrectableError : 1;
    JET_UINT64_            checksumActual;
    JET_UINT64_            checksumExpected;
    JET_UINT64_            dbtime;
    JET_UINT64_            structureChecksum;
    JET_UINT64_            flags;
} JET_PAGEINFO;

/* not in the published documentation */
typedef struct tagJET_PAGEINFO2 {
    JET_PAGEINFO           pageInfo;
    JET_UINT64_            rgChecksumActual[3];
    JET_UINT64_            rgChecksumExpected[3];
} JET_PAGEINFO2;

/* not in the published documentation */
typedef enum {
    JET_resoperNull,
    JET_resoperTag,
    JET_resoperSize,
    JET_resoperAlign,
    JET_resoperMinUse,
    JET_resoperMaxUse,
    JET_resoperObjectsPerChunk,
    JET_resoperCurrentUse,
    JET_resoperChunkSize,
    JET_resoperLookasideEntries,
    JET_resoperRFOLOffset,
    JET_resoperGuard,
    JET_resoperAllocTopDown,
    JET_resoperPreserveFreed,
    JET_resoperAllocFromHeap,
    JET_resoperEnableMaxUse,
    JET_resoperRCIList,
    JET_resoperSectionHeader,
    JET_resoperMax,
} JET_RESOPER;

/* not in the published documentation */
typedef enum {
    JET_residNull,
    JET_residFCB,
    JET_residFUCB,
    JET_residTDB,
    JET_residIDB,
    JET_residPIB,
    JET_residSCB,
    JET_residVERBUCKET,
    JET_residPAGE,
    JET_residSPLIT,
    JET_residSPLITPATH,
    JET_residMERGE,
    JET_residMERGEPATH,
    JET_residINST,
    JET_residLOG,
    JET_residKEY,
    JET_residBOOKMARK,
    JET_residLRUKHIST,
    JET_residRBSBuf,
    JET_residTest,
    JET_residMax,
    JET_residAll = 0x0fffffff,
} JET_RESID;

/* not in the published documentation */
typedef enum {
    opDDLConvNull = 0,
    opDDLConvAddCallback = 1,
    opDDLConvChangeColumn = 2,
    opDDLConvAddConditionalColumnsToAllIndexes = 3,
    opDDLConvAddColumnCallback = 4,
    opDDLConvIncreaseMaxColumnSize = 5,
    opDDLConvChangeIndexDensity = 6,
    opDDLConvChangeCallbackDLL = 7,
    opDDLConvMax = 8,
} JET_OPDDLCONV;

/* not in the published documentation */
typedef enum {
    JET_traceopNull,
    JET_traceopSetGlobal,
    JET_traceopSetTag,
    JET_traceopSetAllTags,
    JET_traceopSetMessagePrefix,
    JET_traceopRegisterTag,
    JET_traceopRegisterAllTags,
    JET_traceopSetEmitCallback,
    JET_traceopSetThreadidFilter,
    JET_traceopSetDbidFilter,
    JET_traceopMax,
} JET_TRACEOP;

/* not in the published documentation */
typedef enum {
    JET_tracetagNull,
    JET_tracetagInformation,
    JET_tracetagErrors,
    JET_tracetagAsserts,
    JET_tracetagAPI,
    JET_tracetagInitTerm,
    JET_tracetagBufferManager,
    JET_tracetagBufferManagerHashedLatches,
    JET_tracetagIO,
    JET_tracetagMemory,
    JET_tracetagVersionStore,
    JET_tracetagVersionStoreOOM,
    JET_tracetagVersionCleanup,
    JET_tracetagCatalog,
    JET_tracetagDDLRead,
    JET_tracetagDDLWrite,
    JET_tracetagDMLRead,
    JET_tracetagDMLWrite,
    JET_tracetagDMLConflicts,
    JET_tracetagInstances,
    JET_tracetagDatabases,
    JET_tracetagSessions,
    JET_tracetagCursors,
    JET_tracetagCursorNavigation,
    JET_tracetagCursorPageRefs,
    JET_tracetagBtree,
    JET_tracetagSpace,
    JET_tracetagFCBs,
    JET_tracetagTransactions,
    JET_tracetagLogging,
    JET_tracetagRecovery,
    JET_tracetagBackup,
    JET_tracetagRestore,
    JET_tracetagOLD,
    JET_tracetagEventlog,
    JET_tracetagBufferManagerMaintTasks,
    JET_tracetagSpaceManagement,
    JET_tracetagSpaceInternal,
    JET_tracetagIOQueue,
    JET_tracetagDiskVolumeManagement,
    JET_tracetagCallbacks,
    JET_tracetagIOProblems,
    JET_tracetagUpgrade,
    JET_tracetagRecoveryValidation,
    JET_tracetagBufferManagerBufferCacheState,
    JET_tracetagBufferManagerBufferDirtyState,
    JET_tracetagTimerQueue,
    JET_tracetagSortPerf,
    JET_tracetagOLDRegistration,
    JET_tracetagOLDWork,
    JET_tracetagSysInitTerm,
    JET_tracetagVersionAndStagingChecks,
    JET_tracetagFile,
    JET_tracetagFlushFileBuffers,
    JET_tracetagCheckpointUpdate,
    JET_tracetagDiagnostics,
    JET_tracetagBlockCache,
    JET_tracetagRBS,
    JET_tracetagRBSCleaner,
    JET_tracetagBlockCacheOperations,
    JET_tracetagMax,
} JET_TRACETAG;

/* Parameter block of JetDBUtilitiesA/W (undocumented): declared but not defined here. */
typedef struct tagDBUTIL_A JET_DBUTIL_A;
typedef struct tagDBUTIL_W JET_DBUTIL_W;

/* ---- Character-set neutral structure names (JET_UNICODE selects the _W forms) ---- */
#ifdef JET_UNICODE
typedef JET_ABORTRETRYFAILCALLBACK_W JET_ABORTRETRYFAILCALLBACK;
typedef JET_COLUMNBASE_W             JET_COLUMNBASE;
typedef JET_COLUMNCREATE_W           JET_COLUMNCREATE;
typedef JET_CONDITIONALCOLUMN_W      JET_CONDITIONALCOLUMN;
typedef JET_CONVERT_W                JET_CONVERT;
typedef JET_DBUTIL_W                 JET_DBUTIL;
typedef JET_INDEXCREATE_W            JET_INDEXCREATE;
typedef JET_INDEXCREATE2_W           JET_INDEXCREATE2;
typedef JET_INDEXCREATE3_W           JET_INDEXCREATE3;
typedef JET_INSTANCE_INFO_W          JET_INSTANCE_INFO;
typedef JET_LOGINFO_W                JET_LOGINFO;
typedef JET_RSTINFO_W                JET_RSTINFO;
typedef JET_RSTINFO2_W               JET_RSTINFO2;
typedef JET_RSTMAP_W                 JET_RSTMAP;
typedef JET_RSTMAP2_W                JET_RSTMAP2;
typedef JET_SETSYSPARAM_W            JET_SETSYSPARAM;
typedef JET_TABLECREATE_W            JET_TABLECREATE;
typedef JET_TABLECREATE2_W           JET_TABLECREATE2;
typedef JET_TABLECREATE3_W           JET_TABLECREATE3;
typedef JET_TABLECREATE4_W           JET_TABLECREATE4;
typedef JET_USERDEFINEDDEFAULT_W     JET_USERDEFINEDDEFAULT;
#else
typedef JET_ABORTRETRYFAILCALLBACK_A JET_ABORTRETRYFAILCALLBACK;
typedef JET_COLUMNBASE_A             JET_COLUMNBASE;
typedef JET_COLUMNCREATE_A           JET_COLUMNCREATE;
typedef JET_CONDITIONALCOLUMN_A      JET_CONDITIONALCOLUMN;
typedef JET_CONVERT_A                JET_CONVERT;
typedef JET_DBUTIL_A                 JET_DBUTIL;
typedef JET_INDEXCREATE_A            JET_INDEXCREATE;
typedef JET_INDEXCREATE2_A           JET_INDEXCREATE2;
typedef JET_INDEXCREATE3_A           JET_INDEXCREATE3;
typedef JET_INSTANCE_INFO_A          JET_INSTANCE_INFO;
typedef JET_LOGINFO_A                JET_LOGINFO;
typedef JET_RSTINFO_A                JET_RSTINFO;
typedef JET_RSTINFO2_A               JET_RSTINFO2;
typedef JET_RSTMAP_A                 JET_RSTMAP;
typedef JET_RSTMAP2_A                JET_RSTMAP2;
typedef JET_SETSYSPARAM_A            JET_SETSYSPARAM;
typedef JET_TABLECREATE_A            JET_TABLECREATE;
typedef JET_TABLECREATE2_A           JET_TABLECREATE2;
typedef JET_TABLECREATE3_A           JET_TABLECREATE3;
typedef JET_TABLECREATE4_A           JET_TABLECREATE4;
typedef JET_USERDEFINEDDEFAULT_A     JET_USERDEFINEDDEFAULT;
#endif

/* ======================================================================================
 * Constants
 * ====================================================================================== */

/* ---- Nil handle values ---- */
#define JET_sesidNil                                 (~(JET_SESID)0)
#define JET_tableidNil                               (~(JET_TABLEID)0)
#define JET_dbidNil                                  ((JET_DBID) 0xFFFFFFFF)
#if JET_VERSION >= 0x0501
#define JET_LSNil                                    (~(JET_LS)0)
#define JET_instanceNil                              (~(JET_INSTANCE)0)
#endif

/* ---- Size limits ---- */
#define JET_MAX_COMPUTERNAME_LENGTH                  15
#if JET_VERSION >= 0x0600
#define JET_ccolKeyMost                              16
#else
#define JET_ccolKeyMost                              12
#endif
#define JET_cbNameMost                               64
#define JET_cbColumnLVPageOverhead                   82
#define JET_ccolFixedMost                            0x0000007f
#define JET_ccolVarMost                              0x00000080
#define JET_cbColumnMost                             255
#define JET_cbFullNameMost                           255
#define JET_cbKeyMost                                255
#define JET_cbLVDefaultValueMost                     255
#define JET_cbPrimaryKeyMost                         255
#define JET_cbSecondaryKeyMost                       255
#define JET_cbBookmarkMost                           256
#define JET_cbLimitKeyMost                           256
#if JET_VERSION >= 0x0501
#define JET_ccolMost                                 0x0000fee0
#else
#define JET_ccolMost                                 0x00007ffe
#endif
#define JET_cbLVColumnMost                           0x7FFFFFFF
#define JET_ccolTaggedMost                           (JET_ccolMost - 0x000000ff)
#if JET_VERSION >= 0x0501
#define JET_BASE_NAME_LENGTH                         3
#endif
#if JET_VERSION >= 0x0600
#define JET_cbKeyMostMin                             255
#define JET_cbKeyMost2KBytePage                      500
#define JET_cbKeyMost4KBytePage                      1000
#define JET_cbKeyMost8KBytePage                      2000
#endif
#if JET_VERSION >= 0x0601
#define JET_cbBookmarkMostMost                       JET_cbKeyMostMost
#define JET_cbKeyMost16KBytePage                     JET_cbKeyMost8KBytePage
#define JET_cbKeyMost32KBytePage                     JET_cbKeyMost8KBytePage
#define JET_cbKeyMostMost                            JET_cbKeyMost32KBytePage
#endif

/* ---- Column types (JET_COLTYP) ---- */
#define JET_coltypNil                                0
#define JET_coltypBit                                1
#define JET_coltypUnsignedByte                       2
#define JET_coltypShort                              3
#define JET_coltypLong                               4
#define JET_coltypCurrency                           5
#define JET_coltypIEEESingle                         6
#define JET_coltypIEEEDouble                         7
#define JET_coltypDateTime                           8
#define JET_coltypBinary                             9
#define JET_coltypText                               10
#define JET_coltypLongBinary                         11
#define JET_coltypLongText                           12
#if JET_VERSION >= 0x0A00
#define JET_coltypMax                                19
#elif JET_VERSION >= 0x0600
#define JET_coltypMax                                18
#elif JET_VERSION >= 0x0501
#define JET_coltypMax                                14
#else
#define JET_coltypMax                                13
#endif
#if JET_VERSION >= 0x0501
#define JET_coltypSLV                                13
#endif
#if JET_VERSION >= 0x0600
#define JET_coltypUnsignedLong                       14
#define JET_coltypLongLong                           15
#define JET_coltypGUID                               16
#define JET_coltypUnsignedShort                      17
#endif
#if JET_VERSION >= 0x0A00
#define JET_coltypUnsignedLongLong                   18
#endif

/* ---- Object types (JET_OBJTYP) ---- */
#define JET_objtypNil                                0
#define JET_objtypTable                              1

/* ---- Callback reasons (JET_CBTYP) ---- */
#if JET_VERSION >= 0x0501
#define JET_cbtypNull                                0x00000000
#define JET_cbtypFinalize                            0x00000001
#define JET_cbtypBeforeInsert                        0x00000002
#define JET_cbtypAfterInsert                         0x00000004
#define JET_cbtypBeforeReplace                       0x00000008
#define JET_cbtypAfterReplace                        0x00000010
#define JET_cbtypBeforeDelete                        0x00000020
#define JET_cbtypAfterDelete                         0x00000040
#define JET_cbtypUserDefinedDefaultValue             0x00000080
#define JET_cbtypOnlineDefragCompleted               0x00000100
#define JET_cbtypFreeCursorLS                        0x00000200
#define JET_cbtypFreeTableLS                         0x00000400
#endif

/* ---- Status notification processes and types (JET_SNP, JET_SNT) ---- */
#define JET_sntProgress                              0
#define JET_snpRepair                                2
#define JET_sntFail                                  3
#define JET_snpCompact                               4
#define JET_sntBegin                                 5
#define JET_sntComplete                              6
#define JET_sntRequirements                          7
#define JET_snpRestore                               8
#define JET_sntRecoveryStep                          8   /* documented, not in the SDK header */
#define JET_snpBackup                                9
#define JET_snpUpgrade                               10
#if JET_VERSION >= 0x0501
#define JET_snpScrub                                 11
#define JET_snpUpgradeRecordFormat                   12
#endif

/* ---- Database states (JET_DBINFOMISC.dbstate) ---- */
#define JET_dbstateJustCreated                       1
#define JET_dbstateDirtyShutdown                     2
#define JET_dbstateCleanShutdown                     3
#define JET_dbstateBeingConverted                    4
#if JET_VERSION >= 0x0501
#define JET_dbstateForceDetach                       5
#endif

/* ---- File types (JET_DbInfoFileType) ---- */
#if JET_VERSION >= 0x0600
#define JET_filetypeUnknown                          0
#define JET_filetypeDatabase                         1
#define JET_filetypeLog                              3
#define JET_filetypeCheckpoint                       4
#define JET_filetypeTempDatabase                     5
#define JET_filetypeFlushMap                         7
#endif

/* ---- JetGetDatabaseInfo / JetGetDatabaseFileInfo info levels ---- */
#define JET_DbInfoFilename                           0
#define JET_DbInfoConnect                            1
#define JET_DbInfoCountry                            2
#define JET_DbInfoLangid                             3
#define JET_DbInfoCp                                 4
#define JET_DbInfoCollate                            5
#define JET_DbInfoOptions                            6
#define JET_DbInfoTransactions                       7
#define JET_DbInfoVersion                            8
#define JET_DbInfoIsam                               9
#define JET_DbInfoFilesize                           10
#define JET_DbInfoSpaceOwned                         11
#define JET_DbInfoSpaceAvailable                     12
#define JET_DbInfoUpgrade                            13
#define JET_DbInfoMisc                               14
#if JET_VERSION >= 0x0501
#define JET_DbInfoLCID                               3
#define JET_DbInfoDBInUse                            15
#define JET_DbInfoPageSize                           17
#endif
#if JET_VERSION >= 0x0600
#define JET_DbInfoFileType                           19
#endif
#if JET_VERSION >= 0x0603
#define JET_DbInfoFilesizeOnDisk                     21
#endif

/* ---- JetGetTableInfo info levels ---- */
#define JET_TblInfo                                  0U
#define JET_TblInfoName                              1U
#define JET_TblInfoDbid                              2U
#define JET_TblInfoMostMany                          3U
#define JET_TblInfoRvt                               4U
#define JET_TblInfoOLC                               5U
#define JET_TblInfoResetOLC                          6U
#define JET_TblInfoSpaceUsage                        7U
#define JET_TblInfoDumpTable                         8U
#define JET_TblInfoSpaceAlloc                        9U
#define JET_TblInfoSpaceOwned                        10U
#define JET_TblInfoSpaceAvailable                    11U
#define JET_TblInfoTemplateTableName                 12U

/* ---- JetGetColumnInfo / JetGetTableColumnInfo info levels and options ---- */
#define JET_ColInfo                                  0U
#define JET_ColInfoList                              1U
#define JET_ColInfoSysTabCursor                      3U
#define JET_ColInfoBase                              4U
#define JET_ColInfoListCompact                       5U
#if JET_VERSION >= 0x0501
#define JET_ColInfoByColid                           6U
#define JET_ColInfoListSortColumnid                  7U
#endif
#if JET_VERSION >= 0x0600
#define JET_ColInfoBaseByColid                       8U
#define JET_ColInfoGrbitSortByColumnid               0x20000000
#define JET_ColInfoGrbitMinimalInfo                  0x40000000
#define JET_ColInfoGrbitNonDerivedColumnsOnly        0x80000000
#endif

/* ---- JetGetIndexInfo / JetGetTableIndexInfo info levels ---- */
#define JET_IdxInfo                                  0U
#define JET_IdxInfoList                              1U
#define JET_IdxInfoSysTabCursor                      2U
#define JET_IdxInfoOLC                               3U
#define JET_IdxInfoResetOLC                          4U
#define JET_IdxInfoSpaceAlloc                        5U
#define JET_IdxInfoLangid                            6U
#define JET_IdxInfoCount                             7U
#define JET_IdxInfoVarSegMac                         8U
#define JET_IdxInfoIndexId                           9U
#define JET_IdxInfoSpaceOwned                        18U   /* documented, not in the SDK header */
#define JET_IdxInfoSpaceAvailable                    19U   /* undocumented */
#define JET_IdxInfoSpaceAvail                        JET_IdxInfoSpaceAvailable   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0501
#define JET_IdxInfoLCID                              6U
#endif
#if JET_VERSION >= 0x0600
#define JET_IdxInfoKeyMost                           10U
#endif
#if JET_VERSION >= 0x0601
#define JET_IdxInfoCreateIndex                       11U
#define JET_IdxInfoCreateIndex2                      12U
#endif
#if JET_VERSION >= 0x0602
#define JET_IdxInfoCreateIndex3                      13U
#define JET_IdxInfoLocaleName                        14U
#endif

/* ---- JetGetObjectInfo info levels ---- */
#define JET_ObjInfo                                  0U
#define JET_ObjInfoListNoStats                       1U
#define JET_ObjInfoList                              2U
#define JET_ObjInfoSysTabCursor                      3U
#define JET_ObjInfoListACM                           4U
#define JET_ObjInfoNoStats                           5U
#define JET_ObjInfoSysTabReadOnly                    6U
#define JET_ObjInfoRulesLoaded                       7U
#define JET_ObjInfoMax                               8U

/* ---- JetGetInstanceMiscInfo info levels ---- */
#if JET_VERSION >= 0x0600
#define JET_InstanceMiscInfoLogSignature             0U
#endif

/* ---- JetGetErrorInfoW info levels ---- */
#if JET_VERSION >= 0x0602
#define JET_ErrorInfoSpecificErr                     1U
#endif

/* ---- Session parameters (JetSetSessionParameter / JetGetSessionParameter) ---- */
#define JET_sesparamCommitDefault                    4097
#if JET_VERSION >= 0x0A00
#define JET_sesparamTransactionLevel                 4099
#define JET_sesparamOperationContext                 4100
#define JET_sesparamCorrelationID                    4101
#define JET_sesparamMaxValueInvalid                  4111
#endif

/* ---- System parameter ids (JetSetSystemParameter / JetGetSystemParameter) ---- */
/* Parameter ids are not hidden by JET_VERSION. */
#define JET_paramSystemPath                          0
#define JET_paramTempPath                            1
#define JET_paramLogFilePath                         2
#define JET_paramBaseName                            3
#define JET_paramEventSource                         4
#define JET_paramMaxSessions                         5
#define JET_paramMaxOpenTables                       6
#define JET_paramPreferredMaxOpenTables              7
#define JET_paramMaxCursors                          8
#define JET_paramMaxVerPages                         9
#define JET_paramMaxTemporaryTables                  10
#define JET_paramLogFileSize                         11
#define JET_paramLogBuffers                          12
#define JET_paramWaitLogFlush                        13
#define JET_paramLogCheckpointPeriod                 14
#define JET_paramLogWaitingUserMax                   15
#define JET_paramCommitDefault                       16
#define JET_paramCircularLog                         17
#define JET_paramDbExtensionSize                     18
#define JET_paramPageTempDBMin                       19
#define JET_paramPageFragment                        20
#define JET_paramPageReadAheadMax                    21   /* undocumented */
#define JET_paramBatchIOBufferMax                    22
#define JET_paramCacheSizeMax                        23
#define JET_paramCheckpointDepthMax                  24
#define JET_paramLRUKCorrInterval                    25
#define JET_paramLRUKHistoryMax                      26
#define JET_paramLRUKPolicy                          27
#define JET_paramLRUKTimeout                         28
#define JET_paramLRUKTrxCorrInterval                 29
#define JET_paramOutstandingIOMax                    30
#define JET_paramStartFlushThreshold                 31
#define JET_paramStopFlushThreshold                  32
#define JET_paramTableClassName                      33   /* undocumented */
#define JET_paramRecovery                            34
#define JET_paramEnableOnlineDefrag                  35
#define JET_paramOnLineCompact                       35   /* undocumented */
#define JET_paramAssertAction                        36   /* undocumented */
#define JET_paramPrintFunction                       37   /* undocumented */
#define JET_paramTransactionLevel                    38   /* undocumented */
#define JET_paramRFS2IOsPermitted                    39   /* undocumented */
#define JET_paramRFS2AllocsPermitted                 40   /* undocumented */
#define JET_paramCacheSize                           41
#define JET_paramCacheRequests                       42   /* undocumented */
#define JET_paramCacheHits                           43   /* undocumented */
#define JET_paramCheckFormatWhenOpenFail             44
#define JET_paramEnableIndexChecking                 45
#define JET_paramEnableTempTableVersioning           46
#define JET_paramIgnoreLogVersion                    47
#define JET_paramDeleteOldLogs                       48
#define JET_paramEventSourceKey                      49
#define JET_paramNoInformationEvent                  50
#define JET_paramEventLoggingLevel                   51
#define JET_paramDeleteOutOfRangeLogs                52
#define JET_paramAccessDeniedRetryPeriod             53
#define JET_paramEnableIndexCleanup                  54
#define JET_paramFlight_SmoothIoTestPermillage       55   /* undocumented */
#define JET_paramElasticWaypointLatency              56   /* undocumented */
#define JET_paramFlight_SynchronousLVCleanup         57   /* undocumented */
#define JET_paramFlight_RBSRevertIOUrgentLevel       58   /* undocumented */
#define JET_paramFlight_EnableXpress10Compression    59   /* undocumented */
#define JET_paramCacheSizeMin                        60
#define JET_paramLogFileFailoverPath                 61   /* undocumented */
#define JET_paramEnableImprovedSeekShortcut          62   /* undocumented */
#define JET_paramPreferredVerPages                   63
#define JET_paramDatabasePageSize                    64
#define JET_paramDisableCallbacks                    65
#define JET_paramBackupChunkSize                     66   /* documented, not in the SDK header */
#define JET_paramBackupOutstandingReads              67   /* documented, not in the SDK header */
#define JET_paramFlight_RBSMaxTableDeletePages       68   /* undocumented */
#define JET_paramLogFileCreateAsynch                 69
#define JET_paramErrorToString                       70
#define JET_paramZeroDatabaseDuringBackup            71
#define JET_paramUnicodeIndexDefault                 72
#define JET_paramRuntimeCallback                     73
#define JET_paramFlight_RBSDbScanRaiseCorruptionRevertedFDP 74   /* undocumented */
#define JET_paramFlight_RBSAllowTooSoonNonRevertableDelete 75   /* undocumented */
#define JET_paramEnableSortedRetrieveColumns         76   /* undocumented */
#define JET_paramCleanupMismatchedLogFiles           77
#define JET_paramRecordUpgradeDirtyLevel             78
#define JET_paramRecoveryCurrentLogfile              79   /* undocumented */
#define JET_paramFlight_RBSForceRollIntervalSec      80   /* undocumented */
#define JET_paramGlobalMinVerPages                   81
#define JET_paramOSSnapshotTimeout                   82
#define JET_paramFlight_EnableScanCheckFDPDeleteFlags 83   /* undocumented */
#define JET_paramFlight_NewQueueOptions              84   /* undocumented */
#define JET_paramFlight_ConcurrentMetedOps           85   /* undocumented */
#define JET_paramFlight_LowMetedOpsThreshold         86   /* undocumented */
#define JET_paramFlight_MetedOpStarvedThreshold      87   /* undocumented */
#define JET_paramFlight_MaxRBSBuffers                88   /* undocumented */
#define JET_paramFlight_EnableShrinkArchiving        89   /* undocumented */
#define JET_paramFlight_EnableBackupDuringRecovery   90   /* undocumented */
#define JET_paramFlight_RBSRollIntervalSec           91   /* undocumented */
#define JET_paramFlight_RBSMaxRequiredRange          92   /* undocumented */
#define JET_paramFlight_RBSCleanupEnabled            93   /* undocumented */
#define JET_paramFlight_RBSLowDiskSpaceThresholdGb   94   /* undocumented */
#define JET_paramFlight_RBSMaxSpaceWhenLowDiskSpaceGb 95   /* undocumented */
#define JET_paramFlight_RBSMaxTimeSpanSec            96   /* undocumented */
#define JET_paramFlight_RBSCleanupIntervalMinSec     97   /* undocumented */
#define JET_paramExceptionAction                     98
#define JET_paramEventLogCache                       99
#define JET_paramCreatePathIfNotExist                100
#define JET_paramPageHintCacheSize                   101
#define JET_paramOneDatabasePerSession               102
#define JET_paramMaxDatabasesPerInstance             103   /* undocumented */
#define JET_paramMaxInstances                        104
#define JET_paramVersionStoreTaskQueueMax            105
#define JET_paramIdleFlushTime                       106   /* undocumented */
#define JET_paramDisablePerfmon                      107
#define JET_paramAbortRetryFailCallback              108   /* undocumented */
#define JET_paramVAReserve                           109   /* undocumented */
#define JET_paramIndexTuplesLengthMin                110
#define JET_paramIndexTuplesLengthMax                111
#define JET_paramIndexTuplesToIndexMax               112
#define JET_paramAlternateDatabaseRecoveryPath       113
#define JET_paramFlight_ExtentPageCountCacheVerifyOnly 114   /* undocumented */
#define JET_paramFlight_EnablePgnoFDPLastSetTime     115   /* undocumented */
#define JET_paramFlight_EnableScanCheck2Flags        116   /* undocumented */
#define JET_paramFlight_EnableExtentFreed2           117   /* undocumented */
#define JET_paramFlight_RBSLargeRevertableDeletePages 118   /* undocumented */
#define JET_paramFlight_RBSRevertableDeleteIfTooSoonTimeNull 119   /* undocumented */
#define JET_paramDBAPageAvailMin                     120   /* documented, not in the SDK header */
#define JET_paramDBAPageAvailThreshold               121   /* undocumented */
#define JET_paramDBAK1                               122   /* undocumented */
#define JET_paramDBAK2                               123   /* undocumented */
#define JET_paramMaxRandomIOSize                     124   /* documented, not in the SDK header */
#define JET_paramCachedClosedTables                  125
#define JET_paramEnableFileCache                     126
#define JET_paramEnableViewCache                     127
#define JET_paramVerPageSize                         128
#define JET_paramConfiguration                       129
#define JET_paramEnableAdvanced                      130
#define JET_paramMaxColtyp                           131
#define JET_paramIndexTupleIncrement                 132
#define JET_paramIndexTupleStart                     133
#define JET_paramKeyMost                             134
#define JET_paramCheckpointIOMax                     135
#define JET_paramLegacyFileNames                     136
#define JET_paramTableClass1Name                     137
#define JET_paramTableClass2Name                     138
#define JET_paramTableClass3Name                     139
#define JET_paramTableClass4Name                     140
#define JET_paramTableClass5Name                     141
#define JET_paramTableClass6Name                     142
#define JET_paramTableClass7Name                     143
#define JET_paramTableClass8Name                     144
#define JET_paramTableClass9Name                     145
#define JET_paramTableClass10Name                    146
#define JET_paramTableClass11Name                    147
#define JET_paramTableClass12Name                    148
#define JET_paramTableClass13Name                    149
#define JET_paramTableClass14Name                    150
#define JET_paramTableClass15Name                    151
#define JET_paramIOPriority                          152
#define JET_paramWaypointLatency                     153
#define JET_paramCheckpointTooDeep                   154   /* undocumented */
#define JET_paramDisableBlockVerification            155   /* undocumented */
#define JET_paramEnablePersistedCallbacks            156
#define JET_paramAggressiveLogRollover               157   /* undocumented */
#define JET_paramPeriodicLogRolloverLLR              158   /* undocumented */
#define JET_paramUsePageDependencies                 159   /* undocumented */
#define JET_paramDefragmentSequentialBTrees          160
#define JET_paramDefragmentSequentialBTreesDensityCheckFrequency 161
#define JET_paramIOThrottlingTimeQuanta              162
#define JET_paramLVChunkSizeMost                     163
#define JET_paramMaxCoalesceReadSize                 164
#define JET_paramMaxCoalesceWriteSize                165
#define JET_paramMaxCoalesceReadGapSize              166
#define JET_paramMaxCoalesceWriteGapSize             167
#define JET_paramEnableHaPublish                     168   /* undocumented */
#define JET_paramEnableDBScanInRecovery              169
#define JET_paramDbScanThrottle                      170
#define JET_paramDbScanIntervalMinSec                171
#define JET_paramDbScanIntervalMaxSec                172
#define JET_paramEmitLogDataCallback                 173   /* undocumented */
#define JET_paramEmitLogDataCallbackCtx              174   /* undocumented */
#define JET_paramEnableExternalAutoHealing           175   /* undocumented */
#define JET_paramPatchRequestTimeout                 176   /* undocumented */
#define JET_paramCachePriority                       177
#define JET_paramMaxTransactionSize                  178
#define JET_paramPrereadIOMax                        179
#define JET_paramEnableDBScanSerialization           180
#define JET_paramHungIOThreshold                     181
#define JET_paramHungIOActions                       182
#define JET_paramMinDataForXpress                    183
#define JET_paramEnableShrinkDatabase                184
#define JET_paramProcessFriendlyName                 186
#define JET_paramDurableCommitCallback               187
#define JET_paramEnableSqm                           188
#define JET_paramConfigStoreSpec                     189
#define JET_paramStageFlighting                      190   /* undocumented */
#define JET_paramZeroDatabaseUnusedSpace             191   /* undocumented */
#define JET_paramDisableVerifications                192   /* undocumented */
#define JET_paramPersistedLostFlushDetection         193   /* undocumented */
#define JET_paramEngineFormatVersion                 194   /* undocumented */
#define JET_paramReplayThrottlingLevel               195   /* undocumented */
#define JET_paramTableClass16Name                    196   /* undocumented */
#define JET_paramTableClass17Name                    197   /* undocumented */
#define JET_paramTableClass18Name                    198   /* undocumented */
#define JET_paramTableClass19Name                    199   /* undocumented */
#define JET_paramTableClass20Name                    200   /* undocumented */
#define JET_paramTableClass21Name                    201   /* undocumented */
#define JET_paramTableClass22Name                    202   /* undocumented */
#define JET_paramTableClass23Name                    203   /* undocumented */
#define JET_paramTableClass24Name                    204   /* undocumented */
#define JET_paramTableClass25Name                    205   /* undocumented */
#define JET_paramTableClass26Name                    206   /* undocumented */
#define JET_paramTableClass27Name                    207   /* undocumented */
#define JET_paramTableClass28Name                    208   /* undocumented */
#define JET_paramTableClass29Name                    209   /* undocumented */
#define JET_paramTableClass30Name                    210   /* undocumented */
#define JET_paramTableClass31Name                    211   /* undocumented */
#define JET_paramBlockCacheConfiguration             212   /* undocumented */
#define JET_paramRecordSizeMost                      213   /* undocumented */
#define JET_paramUseFlushForWriteDurability          214   /* undocumented */
#define JET_paramEnableRBS                           215   /* undocumented */
#define JET_paramRBSFilePath                         216   /* undocumented */
#define JET_paramPerfmonRefreshInterval              217   /* undocumented */
#define JET_paramEnableBlockCache                    218   /* undocumented */
#define JET_paramDeferredIndexPopulateRowsPerTransaction 219   /* undocumented */
#define JET_paramEnableBlockCacheDetach              220
#define JET_paramMaxValueInvalid                     221

/* ---- JET_paramConfiguration values ---- */
#if JET_VERSION >= 0x0602
#define JET_configDefault                            0x0001
#define JET_configRemoveQuotas                       0x0002
#define JET_configLowDiskFootprint                   0x0004
#define JET_configMediumDiskFootprint                0x0008
#define JET_configLowMemory                          0x0010
#define JET_configDynamicMediumMemory                0x0020
#define JET_configLowPower                           0x0040
#define JET_configSSDProfileIO                       0x0080
#define JET_configRunSilent                          0x0100
#endif
#if JET_VERSION >= 0x0A00
#define JET_configUnthrottledMemory                  0x0200
#define JET_configHighConcurrencyScaling             0x0400
#endif

/* ---- JET_paramEnableOnlineDefrag values ---- */
#define JET_OnlineDefragStreamingFiles               0x0008   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0501
#define JET_OnlineDefragDisable                      0x0000
#define JET_OnlineDefragAllOBSOLETE                  0x0001
#define JET_OnlineDefragDatabases                    0x0002
#define JET_OnlineDefragSpaceTrees                   0x0004
#define JET_OnlineDefragAll                          0xffff
#endif

/* ---- JET_paramExceptionAction values ---- */
#define JET_ExceptionMsgBox                          0x0001
#define JET_ExceptionNone                            0x0002
#define JET_ExceptionFailFast                        0x0004

/* ---- JET_paramEventLoggingLevel values ---- */
#if JET_VERSION >= 0x0501
#define JET_EventLoggingDisable                      0
#define JET_EventLoggingLevelMax                     100
#endif
#if JET_VERSION >= 0x0601
#define JET_EventLoggingLevelMin                     1
#define JET_EventLoggingLevelLow                     25
#define JET_EventLoggingLevelMedium                  50
#define JET_EventLoggingLevelHigh                    75
#endif

/* ---- JET_paramIOPriority values ---- */
#if JET_VERSION >= 0x0600
#define JET_IOPriorityNormal                         0x0
#define JET_IOPriorityLow                            0x1
#endif

/* ---- JET_paramEnableSqm values ---- */
#if JET_VERSION >= 0x0603
#define JET_sqmDisable                               0
#define JET_sqmEnable                                1
#define JET_sqmFromCEIP                              2
#endif

/* ---- JET_paramConfigStoreSpec: registry value names and flags ---- */
#define JET_bitConfigStoreReadControlDefault         0x0
#define JET_bitConfigStoreReadControlInhibitRead     0x1
#define JET_bitConfigStoreReadControlDisableAll      0x2
#define JET_wszConfigStoreReadControl                L"CsReadControl"
#define JET_wszConfigStoreRelPathSysParamDefault     L"SysParamDefault"
#define JET_wszConfigStoreRelPathSysParamOverride    L"SysParamOverride"

/* ---- JET_paramLegacyFileNames values ---- */
#if JET_VERSION >= 0x0600
#define JET_bitESE98FileNames                        0x00000001
#define JET_bitEightDotThreeSoftCompat               0x00000002
#endif

/* ---- JET_paramHungIOActions values ---- */
#define JET_bitHungIOEvent                           0x00000001

/* ---- JET_paramEnableShrinkDatabase values ---- */
#if JET_VERSION >= 0x0603
#define JET_bitShrinkDatabaseOff                     0x0
#define JET_bitShrinkDatabaseOn                      0x1
#define JET_bitShrinkDatabaseTrim                    0x1
#define JET_bitShrinkDatabaseRealtime                0x2
#endif

/* ---- JetInit2 / JetInit3 options ---- */
#define JET_bitReplayReplicatedLogFiles              0x00000001   /* documented, not in the SDK header */
#define JET_bitCreateSFSVolumeIfNotExist             0x00000002   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0501
#define JET_bitReplayIgnoreMissingDB                 0x00000004
#endif
#if JET_VERSION >= 0x0600
#define JET_bitRecoveryWithoutUndo                   0x00000008
#define JET_bitTruncateLogsAfterRecovery             0x00000010
#define JET_bitReplayMissingMapEntryDB               0x00000020
#define JET_bitLogStreamMustExist                    0x00000040
#endif
#if JET_VERSION >= 0x0601
#define JET_bitReplayIgnoreLostLogs                  0x00000080
#endif
#if JET_VERSION >= 0x0602
#define JET_bitKeepDbAttachedAtEndOfRecovery         0x00001000
#endif

/* ---- JetTerm2 options ---- */
#define JET_bitTermComplete                          0x00000001
#define JET_bitTermAbrupt                            0x00000002
#define JET_bitTermStopBackup                        0x00000004
#if JET_VERSION >= 0x0601
#define JET_bitTermDirty                             0x00000008
#endif

/* ---- JetStopServiceInstance2 options ---- */
#if JET_VERSION >= 0x0602
#define JET_bitStopServiceAll                        0x00000000
#define JET_bitStopServiceBackgroundUserTasks        0x00000002
#define JET_bitStopServiceQuiesceCaches              0x00000004
#define JET_bitStopServiceResume                     0x80000000
#endif

/* ---- JetIdle options ---- */
#define JET_bitIdleFlushBuffers                      0x00000001
#define JET_bitIdleCompact                           0x00000002
#define JET_bitIdleStatus                            0x00000004

/* ---- JetEndSession options ---- */
#define JET_bitForceSessionClosed                    0x00000001   /* documented, not in the SDK header */

/* ---- JetCreateDatabase / JetAttachDatabase / JetOpenDatabase options ---- */
#define JET_bitDbReadOnly                            0x00000001
#define JET_bitDbExclusive                           0x00000002
#define JET_bitDbRecoveryOff                         0x00000008
#define JET_bitDbDeleteCorruptIndexes                0x00000010
#define JET_bitDbShadowingOff                        0x00000080
#if JET_VERSION >= 0x0501
#define JET_bitDbOverwriteExisting                   0x00000200
#define JET_bitDbUpgrade                             0x00000200
#endif
#if JET_VERSION >= 0x0502
#define JET_bitDbDeleteUnicodeIndexes                0x00000400
#endif
#if JET_VERSION >= 0x0601
#define JET_bitDbEnableBackgroundMaintenance         0x00000800
#endif
#if JET_VERSION >= 0x0602
#define JET_bitDbPurgeCacheOnAttach                  0x00001000
#endif

/* ---- JetDetachDatabase2 options ---- */
#if JET_VERSION >= 0x0501
#define JET_bitForceDetach                           0x00000001
#define JET_bitForceCloseAndDetach                   (0x00000002 | JET_bitForceDetach)
#endif

/* ---- Backup options ---- */
#define JET_bitBackupIncremental                     0x00000001
#define JET_bitBackupAtomic                          0x00000004
#if JET_VERSION >= 0x0501
#define JET_bitBackupEndNormal                       0x0001
#define JET_bitBackupEndAbort                        0x0002
#define JET_bitBackupSnapshot                        0x00000010
#endif
#if JET_VERSION >= 0x0600
#define JET_bitBackupTruncateDone                    0x0100
#endif

/* ---- JetCreateTable / JetCreateTableColumnIndex options ---- */
#define JET_bitTableCreateFixedDDL                   0x00000001
#define JET_bitTableCreateTemplateTable              0x00000002
#if JET_VERSION >= 0x0501
#define JET_bitTableCreateNoFixedVarColumnsInDerivedTables 0x00000004
#endif
#if JET_VERSION >= 0x0A00
#define JET_bitTableCreateImmutableStructure         0x00000008
#endif

/* ---- Column options (JetAddColumn, JET_COLUMNDEF, JET_COLUMNCREATE) ---- */
#define JET_bitColumnFixed                           0x00000001
#define JET_bitColumnTagged                          0x00000002
#define JET_bitColumnNotNULL                         0x00000004
#define JET_bitColumnVersion                         0x00000008
#define JET_bitColumnAutoincrement                   0x00000010
#define JET_bitColumnUpdatable                       0x00000020
#define JET_bitColumnTTKey                           0x00000040
#define JET_bitColumnTTDescending                    0x00000080
#define JET_bitColumnMultiValued                     0x00000400
#define JET_bitColumnEscrowUpdate                    0x00000800
#define JET_bitColumnUnversioned                     0x00001000
#if JET_VERSION >= 0x0501
#define JET_bitColumnMaybeNull                       0x00002000
#define JET_bitColumnFinalize                        0x00004000
#define JET_bitColumnUserDefinedDefault              0x00008000
#endif
#if JET_VERSION >= 0x0502
#define JET_bitColumnDeleteOnZero                    0x00020000
#endif
#if JET_VERSION >= 0x0601
#define JET_bitColumnCompressed                      0x00080000
#endif

/* ---- JetDeleteColumn2 options ---- */
#if JET_VERSION >= 0x0501
#define JET_bitDeleteColumnIgnoreTemplateColumns     0x00000001
#endif

/* ---- JetSetCurrentIndex options ---- */
#define JET_bitMoveFirst                             0x00000000
#define JET_bitNoMove                                0x00000002

/* ---- JetMakeKey options ---- */
#define JET_bitNewKey                                0x00000001
#define JET_bitStrLimit                              0x00000002
#define JET_bitSubStrLimit                           0x00000004
#define JET_bitNormalizedKey                         0x00000008
#define JET_bitKeyDataZeroLength                     0x00000010
#if JET_VERSION >= 0x0501
#define JET_bitFullColumnStartLimit                  0x00000100
#define JET_bitFullColumnEndLimit                    0x00000200
#define JET_bitPartialColumnStartLimit               0x00000400
#define JET_bitPartialColumnEndLimit                 0x00000800
#endif

/* ---- JetSetIndexRange options ---- */
#define JET_bitRangeInclusive                        0x00000001
#define JET_bitRangeUpperLimit                       0x00000002
#define JET_bitRangeInstantDuration                  0x00000004
#define JET_bitRangeRemove                           0x00000008

/* ---- JetGetLock options ---- */
#define JET_bitReadLock                              0x00000001
#define JET_bitWriteLock                             0x00000002

/* ---- JetMove offsets and options ---- */
#define JET_MovePrevious                             (-1)
#define JET_MoveNext                                 (+1)
#define JET_bitMoveKeyNE                             0x00000001
#define JET_MoveLast                                 (0x7fffffff)
#define JET_MoveFirst                                (0x80000000)

/* ---- JetSeek options ---- */
#define JET_bitSeekEQ                                0x00000001
#define JET_bitSeekLT                                0x00000002
#define JET_bitSeekLE                                0x00000004
#define JET_bitSeekGE                                0x00000008
#define JET_bitSeekGT                                0x00000010
#define JET_bitSetIndexRange                         0x00000020
#if JET_VERSION >= 0x0502
#define JET_bitCheckUniqueness                       0x00000040
#endif

/* ---- JetGotoSecondaryIndexBookmark options ---- */
#if JET_VERSION >= 0x0501
#define JET_bitBookmarkPermitVirtualCurrency         0x00000001
#endif

/* ---- JET_CONDITIONALCOLUMN options ---- */
#define JET_bitIndexColumnMustBeNull                 0x00000001
#define JET_bitIndexColumnMustBeNonNull              0x00000002

/* ---- JetIntersectIndexes / JET_INDEXRANGE options ---- */
#define JET_bitRecordInIndex                         0x00000001
#define JET_bitRecordNotInIndex                      0x00000002

/* ---- JetCreateIndex options (JET_INDEXCREATE.grbit) ---- */
#define JET_bitIndexUnique                           0x00000001
#define JET_bitIndexPrimary                          0x00000002
#define JET_bitIndexDisallowNull                     0x00000004
#define JET_bitIndexIgnoreNull                       0x00000008
#define JET_bitIndexIgnoreAnyNull                    0x00000020
#define JET_bitIndexIgnoreFirstNull                  0x00000040
#define JET_bitIndexLazyFlush                        0x00000080
#define JET_bitIndexEmpty                            0x00000100
#define JET_bitIndexUnversioned                      0x00000200
#define JET_bitIndexSortNullsHigh                    0x00000400
#define JET_bitIndexUnicode                          0x00000800
#if JET_VERSION >= 0x0501
#define JET_bitIndexTuples                           0x00001000
#endif
#if JET_VERSION >= 0x0502
#define JET_bitIndexTupleLimits                      0x00002000
#endif
#if JET_VERSION >= 0x0600
#define JET_bitIndexCrossProduct                     0x00004000
#define JET_bitIndexKeyMost                          0x00008000
#define JET_bitIndexDisallowTruncation               0x00010000
#define JET_bitIndexNestedTable                      0x00020000
#endif
#if JET_VERSION >= 0x0602
#define JET_bitIndexDotNetGuid                       0x00040000
#endif
#if JET_VERSION >= 0x0A00
#define JET_bitIndexImmutableStructure               0x00080000
#endif

/* ---- Key segment direction ---- */
#define JET_bitKeyAscending                          0x00000000
#define JET_bitKeyDescending                         0x00000001

/* ---- JetOpenTable options ---- */
#define JET_bitTableClassNone                        0x00000000
#define JET_bitTableDenyWrite                        0x00000001
#define JET_bitTableDenyRead                         0x00000002
#define JET_bitTableReadOnly                         0x00000004
#define JET_bitTableUpdatable                        0x00000008
#define JET_bitTablePermitDDL                        0x00000010
#define JET_bitTableNoCache                          0x00000020
#define JET_bitTablePreread                          0x00000040
#define JET_bitTableOpportuneRead                    0x00000080
#define JET_bitTableSequential                       0x00008000
#define JET_bitTableClass1                           0x00010000
#define JET_bitTableClass2                           0x00020000
#define JET_bitTableClass3                           0x00030000
#define JET_bitTableClass4                           0x00040000
#define JET_bitTableClass5                           0x00050000
#define JET_bitTableClass6                           0x00060000
#define JET_bitTableClass7                           0x00070000
#define JET_bitTableClass8                           0x00080000
#define JET_bitTableClass9                           0x00090000
#define JET_bitTableClass10                          0x000A0000
#define JET_bitTableClass11                          0x000B0000
#define JET_bitTableClass12                          0x000C0000
#define JET_bitTableClass13                          0x000D0000
#define JET_bitTableClass14                          0x000E0000
#define JET_bitTableClass15                          0x000F0000
#define JET_bitTableClassMask                        0x001F0000

/* ---- JetSetLS / JetGetLS options ---- */
#if JET_VERSION >= 0x0501
#define JET_bitLSReset                               0x00000001
#define JET_bitLSCursor                              0x00000002
#define JET_bitLSTable                               0x00000004
#endif

/* ---- JetSetTableSequential / JetPrereadIndexRanges options ---- */
#if JET_VERSION >= 0x0601
#define JET_bitPrereadForward                        0x00000001
#define JET_bitPrereadBackward                       0x00000002
#endif
#if JET_VERSION >= 0x0602
#define JET_bitPrereadFirstPage                      0x00000004
#define JET_bitPrereadNormalizedKey                  0x00000008
#endif

/* ---- Temporary table options ---- */
#define JET_bitTTIndexed                             0x00000001
#define JET_bitTTUnique                              0x00000002
#define JET_bitTTUpdatable                           0x00000004
#define JET_bitTTScrollable                          0x00000008
#define JET_bitTTSortNullsHigh                       0x00000010
#define JET_bitTTForceMaterialization                0x00000020
#if JET_VERSION >= 0x0501
#define JET_bitTTErrorOnDuplicateInsertion           JET_bitTTForceMaterialization
#endif
#if JET_VERSION >= 0x0502
#define JET_bitTTForwardOnly                         0x00000040
#endif
#if JET_VERSION >= 0x0601
#define JET_bitTTIntrinsicLVsOnly                    0x00000080
#endif
#if JET_VERSION >= 0x0602
#define JET_bitTTDotNetGuid                          0x00000100
#endif

/* ---- JetSetColumn options ---- */
#define JET_bitSetAppendLV                           0x00000001
#define JET_bitSetOverwriteLV                        0x00000004
#define JET_bitSetSizeLV                             0x00000008
#define JET_bitSetZeroLength                         0x00000020
#define JET_bitSetSeparateLV                         0x00000040
#define JET_bitSetUniqueMultiValues                  0x00000080
#define JET_bitSetUniqueNormalizedMultiValues        0x00000100
#if JET_VERSION >= 0x0501
#define JET_bitSetRevertToDefaultValue               0x00000200
#define JET_bitSetIntrinsicLV                        0x00000400
#endif
#if JET_VERSION >= 0x0601
#define JET_bitSetUncompressed                       0x00010000
#define JET_bitSetCompressed                         0x00020000
#endif

/* ---- JET_SPACEHINTS options ---- */
#if JET_VERSION >= 0x0601
#define JET_bitSpaceHintsUtilizeParentSpace          0x00000001
#define JET_bitCreateHintAppendSequential            0x00000002
#define JET_bitCreateHintHotpointSequential          0x00000004
#define JET_bitRetrieveHintReserve1                  0x00000008
#define JET_bitRetrieveHintTableScanForward          0x00000010
#define JET_bitRetrieveHintTableScanBackward         0x00000020
#define JET_bitRetrieveHintReserve2                  0x00000040
#define JET_bitRetrieveHintReserve3                  0x00000080
#define JET_bitDeleteHintTableSequential             0x00000100
#endif

/* ---- JetPrepareUpdate options ---- */
#define JET_prepInsert                               0
#define JET_prepReplace                              2
#define JET_prepCancel                               3
#define JET_prepReplaceNoLock                        4
#define JET_prepInsertCopy                           5
#if JET_VERSION >= 0x0501
#define JET_prepInsertCopyDeleteOriginal             7
#endif
#if JET_VERSION >= 0x0603
#define JET_prepInsertCopyReplaceOriginal            9
#endif

/* ---- JetUpdate2 options ---- */
#if JET_VERSION >= 0x0502
#define JET_bitUpdateCheckESE97Compatibility         0x00000001
#endif

/* ---- JetEscrowUpdate options ---- */
#define JET_bitEscrowNoRollback                      0x0001

/* ---- JetRetrieveColumn options ---- */
#define JET_bitRetrieveCopy                          0x00000001
#define JET_bitRetrieveFromIndex                     0x00000002
#define JET_bitRetrieveFromPrimaryBookmark           0x00000004
#define JET_bitRetrieveTag                           0x00000008
#define JET_bitRetrieveNull                          0x00000010
#define JET_bitRetrieveIgnoreDefault                 0x00000020
#define JET_bitRetrieveLongId                        0x00000040   /* documented, not in the SDK header */
#define JET_bitRetrieveLongValueRefCount             0x00000080   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0600
#define JET_bitRetrieveTuple                         0x00000800
#endif

/* ---- JET_INDEX_COLUMN options ---- */
#if JET_VERSION >= 0x0602
#define JET_bitZeroLength                            0x00000001
#endif

/* ---- JetEnumerateColumns options ---- */
#define JET_bitEnumerateLocal                        0x00010000   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0501
#define JET_bitEnumeratePresenceOnly                 0x00020000
#define JET_bitEnumerateTaggedOnly                   0x00040000
#define JET_bitEnumerateCompressOutput               0x00080000
#define JET_bitEnumerateCopy                         JET_bitRetrieveCopy
#define JET_bitEnumerateIgnoreDefault                JET_bitRetrieveIgnoreDefault
#endif
#if JET_VERSION >= 0x0502
#define JET_bitEnumerateIgnoreUserDefinedDefault     0x00100000
#endif
#if JET_VERSION >= 0x0601
#define JET_bitEnumerateInRecordOnly                 0x00200000
#endif

/* ---- JetGetRecordSize options ---- */
#if JET_VERSION >= 0x0600
#define JET_bitRecordSizeInCopyBuffer                0x00000001
#define JET_bitRecordSizeRunningTotal                0x00000002
#define JET_bitRecordSizeLocal                       0x00000004
#endif

/* ---- Transaction options ---- */
#define JET_bitCommitLazyFlush                       0x00000001
#define JET_bitRollbackAll                           0x00000001
#define JET_bitWaitLastLevel0Commit                  0x00000002
#if JET_VERSION >= 0x0501
#define JET_bitTransactionReadOnly                   0x00000001
#endif
#if JET_VERSION >= 0x0502
#define JET_bitWaitAllLevel0Commit                   0x00000008
#endif
#if JET_VERSION >= 0x0601
#define JET_bitForceNewLog                           0x00000010
#endif

/* ---- JetGetObjectInfo / JetGetTableInfo result flags ---- */
#define JET_bitTableInfoUpdatable                    0x00000001
#define JET_bitTableInfoBookmark                     0x00000002
#define JET_bitTableInfoRollback                     0x00000004
#define JET_bitObjectTableDerived                    0x10000000
#define JET_bitObjectTableTemplate                   0x20000000
#define JET_bitObjectTableFixedDDL                   0x40000000
#define JET_bitObjectSystem                          0x80000000
#if JET_VERSION >= 0x0501
#define JET_bitObjectTableNoFixedVarColumnsInDerivedTables 0x04000000
#endif

/* ---- JetDefragment options ---- */
#define JET_bitDefragmentBatchStart                  0x00000001
#define JET_bitDefragmentBatchStop                   0x00000002
#define JET_bitDefragmentBTreeBatch                  0x00000200   /* documented, not in the SDK header */
#if JET_VERSION >= 0x0501
#define JET_bitDefragmentAvailSpaceTreesOnly         0x00000040
#endif
#if JET_VERSION >= 0x0601
#define JET_bitDefragmentNoPartialMerges             0x00000080
#define JET_bitDefragmentBTree                       0x00000100
#endif

/* ---- JetCompact options ---- */
#define JET_bitCompactStats                          0x00000020
#define JET_bitCompactRepair                         0x00000040

/* ---- JetResizeDatabase options ---- */
#if JET_VERSION >= 0x0602
#define JET_bitResizeDatabaseOnlyGrow                0x00000001
#endif
#if JET_VERSION >= 0x0603
#define JET_bitResizeDatabaseOnlyShrink              0x00000002
#endif

/* ---- OS snapshot options ---- */
#if JET_VERSION >= 0x0600
#define JET_bitAbortSnapshot                         0x00000001
#define JET_bitAllDatabasesSnapshot                  0x00000001
#define JET_bitIncrementalSnapshot                   0x00000001
#define JET_bitCopySnapshot                          0x00000002
#define JET_bitContinueAfterThaw                     0x00000004
#endif
#if JET_VERSION >= 0x0601
#define JET_bitExplicitPrepare                       0x00000008
#endif

/* ---- JetDBUtilities options ---- */
#if JET_VERSION >= 0x0601
#define JET_bitDumpMinimum                           0x00000001
#define JET_bitDumpMaximum                           0x00000002
#define JET_bitDumpCacheMinimum                      0x00000004
#define JET_bitDumpCacheMaximum                      0x00000008
#define JET_bitDumpCacheIncludeDirtyPages            0x00000010
#define JET_bitDumpCacheIncludeCachedPages           0x00000020
#define JET_bitDumpCacheIncludeCorruptedPages        0x00000040
#define JET_bitDumpCacheNoDecommit                   0x00000080
#endif

/* ---- JET_PFNDURABLECOMMITCALLBACK flags ---- */
#if JET_VERSION >= 0x0A00
#define JET_bitDurableCommitCallbackLogUnavailable   0x00000001
#endif

/* ---- Other option bits ---- */
#define JET_bitNil                                   ((JET_GRBIT)0)

/* ======================================================================================
 * Error codes (negative), warnings (positive) and success (JET_errSuccess)
 * ====================================================================================== */
/*
 * Error codes are not hidden by JET_VERSION.  Codes marked "undocumented" are neither in
 * the documentation nor in the Windows SDK header; they are the values of the open-source
 * ESE, listed so that every code the engine may produce has a name.
 */
#define JET_errSuccess                               0

/* warnings */
#define JET_wrnRemainingVersions                     321
#define JET_wrnUniqueKey                             345
#define wrnBTNotVisibleRejected                      352
#define wrnBTNotVisibleAccumulated                   353
#define JET_wrnSeparateLongValue                     406
#define JET_wrnNoMoreRecords                         428   /* undocumented */
#define JET_wrnIndexDeferredPopulateIncomplete       432   /* undocumented */
#define JET_wrnIndexDeferredPopulateHalted           433   /* undocumented */
#define JET_wrnExistingLogFileHasBadSignature        558
#define JET_wrnExistingLogFileIsNotContiguous        559
#define JET_wrnSkipThisRecord                        564
#define JET_wrnTargetInstanceRunning                 578
#define JET_wrnCommittedLogFilesLost                 585
#define JET_wrnCommittedLogFilesRemoved              587
#define JET_wrnFinishWithUndo                        588
#define JET_wrnDatabaseRepaired                      595
#define JET_wrnColumnNull                            1004
#define JET_wrnBufferTruncated                       1006
#define JET_wrnDatabaseAttached                      1007
#define JET_wrnSortOverflow                          1009
#define JET_wrnSeekNotEqual                          1039
#define JET_wrnNoErrorInfo                           1055
#define JET_wrnNoIdleActivity                        1058
#define JET_wrnNoWriteLock                           1067
#define JET_wrnColumnSetNull                         1068
#define JET_wrnShrinkNotPossible                     1122
#define JET_wrnDTCCommitTransaction                  1163   /* undocumented */
#define JET_wrnDTCRollbackTransaction                1164   /* undocumented */
#define JET_wrnTableEmpty                            1301
#define JET_wrnTableInUseBySystem                    1327
#define JET_wrnCorruptIndexDeleted                   1415
#define JET_wrnPrimaryIndexOutOfDate                 1417
#define JET_wrnSecondaryIndexOutOfDate               1418
#define JET_wrnColumnMaxTruncated                    1512
#define JET_wrnCopyLongValue                         1520
#define JET_wrnTaggedColumnsRemaining                1523   /* undocumented */
#define JET_wrnColumnSkipped                         1531
#define JET_wrnColumnNotLocal                        1532
#define JET_wrnColumnMoreTags                        1533
#define JET_wrnColumnTruncated                       1534
#define JET_wrnColumnPresent                         1535
#define JET_wrnColumnSingleValue                     1536
#define JET_wrnColumnDefault                         1537
#define JET_wrnColumnNotInRecord                     1539
#define JET_wrnColumnReference                       1541
#define JET_wrnDataHasChanged                        1610
#define JET_wrnKeyChanged                            1618
#define JET_wrnFileOpenReadOnly                      1813
#define JET_wrnIdleFull                              1908
#define JET_wrnDefragAlreadyRunning                  2000
#define JET_wrnDefragNotRunning                      2001
#define JET_wrnDatabaseScanAlreadyRunning            2002   /* undocumented */
#define JET_wrnDatabaseScanNotRunning                2003   /* undocumented */
#define JET_wrnCallbackNotRegistered                 2100
#define JET_wrnPreviousLogFileIncomplete             2602   /* undocumented */

/* errors */
#define JET_wrnNyi                                   -1
#define JET_errRfsFailure                            -100
#define JET_errRfsNotArmed                           -101
#define JET_errFileClose                             -102
#define JET_errOutOfThreads                          -103
#define JET_errTooManyIO                             -105
#define JET_errTaskDropped                           -106
#define JET_errInternalError                         -107
#define JET_errDisabledFunctionality                 -112
#define JET_errUnloadableOSFunctionality             -113
#define JET_errDeviceMissing                         -114   /* undocumented */
#define JET_errDeviceMisconfigured                   -115   /* undocumented */
#define JET_errDeviceTimeout                         -116   /* undocumented */
#define JET_errDeviceFailure                         -118   /* undocumented */
#define JET_errDatabaseBufferDependenciesCorrupted   -255
#define JET_errPreviousVersion                       -322
#define JET_errPageBoundary                          -323
#define JET_errKeyBoundary                           -324
#define JET_errBadPageLink                           -327
#define JET_errBadBookmark                           -328
#define JET_errNTSystemCallFailed                    -334
#define JET_errBadParentPageLink                     -338
#define JET_errSPAvailExtCacheOutOfSync              -340
#define JET_errSPAvailExtCorrupted                   -341
#define JET_errSPAvailExtCacheOutOfMemory            -342
#define JET_errSPOwnExtCorrupted                     -343
#define JET_errDbTimeCorrupted                       -344
#define JET_errKeyTruncated                          -346
#define JET_errDatabaseLeakInSpace                   -348
#define JET_errBadEmptyPage                          -351
#define JET_errBadLineCount                          -354
#define JET_errPageTagCorrupted                      -357
#define JET_errNodeCorrupted                         -358
#define JET_errKeyTooBig                             -408
#define JET_errCannotSeparateIntrinsicLV             -416
#define JET_errSeparatedLongValue                    -421
#define JET_errMustBeSeparateLongValue               -423
#define JET_errInvalidPreread                        -424
#define JET_errInvalidColumnReference                -426   /* undocumented */
#define JET_errStaleColumnReference                  -427   /* undocumented */
#define JET_errCompressionIntegrityCheckFailed       -431   /* undocumented */
#define JET_errIndexDeferredPopulateCurrentlyUnavailable -434   /* undocumented */
#define JET_errInvalidLoggedOperation                -500
#define JET_errLogFileCorrupt                        -501
#define JET_errNoBackupDirectory                     -503
#define JET_errBackupDirectoryNotEmpty               -504
#define JET_errBackupInProgress                      -505
#define JET_errRestoreInProgress                     -506
#define JET_errMissingPreviousLogFile                -509
#define JET_errLogWriteFail                          -510
#define JET_errLogDisabledDueToRecoveryFailure       -511
#define JET_errCannotLogDuringRecoveryRedo           -512
#define JET_errLogGenerationMismatch                 -513
#define JET_errBadLogVersion                         -514
#define JET_errInvalidLogSequence                    -515
#define JET_errLoggingDisabled                       -516
#define JET_errLogBufferTooSmall                     -517
#define JET_errLogSequenceEnd                        -519
#define JET_errNoBackup                              -520
#define JET_errInvalidBackupSequence                 -521
#define JET_errBackupNotAllowedYet                   -523
#define JET_errDeleteBackupFileFail                  -524
#define JET_errMakeBackupDirectoryFail               -525
#define JET_errInvalidBackup                         -526
#define JET_errRecoveredWithErrors                   -527
#define JET_errMissingLogFile                        -528
#define JET_errLogDiskFull                           -529
#define JET_errBadLogSignature                       -530
#define JET_errBadDbSignature                        -531
#define JET_errBadCheckpointSignature                -532
#define JET_errCheckpointCorrupt                     -533
#define JET_errMissingPatchPage                      -534
#define JET_errBadPatchPage                          -535
#define JET_errRedoAbruptEnded                       -536
#define JET_errBadSLVSignature                       -537   /* documented, not in the SDK header */
#define JET_errPatchFileMissing                      -538
#define JET_errDatabaseLogSetMismatch                -539
#define JET_errDatabaseStreamingFileMismatch         -540
#define JET_errLogFileSizeMismatch                   -541
#define JET_errCheckpointFileNotFound                -542
#define JET_errRequiredLogFilesMissing               -543
#define JET_errSoftRecoveryOnBackupDatabase          -544
#define JET_errLogFileSizeMismatchDatabasesConsistent -545
#define JET_errLogSectorSizeMismatch                 -546
#define JET_errLogSectorSizeMismatchDatabasesConsistent -547
#define JET_errLogSequenceEndDatabasesConsistent     -548
#define JET_errStreamingDataNotLogged                -549
#define JET_errDatabaseDirtyShutdown                 -550
#define JET_errConsistentTimeMismatch                -551
#define JET_errDatabasePatchFileMismatch             -552
#define JET_errEndingRestoreLogTooLow                -553
#define JET_errStartingRestoreLogTooHigh             -554
#define JET_errGivenLogFileHasBadSignature           -555
#define JET_errGivenLogFileIsNotContiguous           -556
#define JET_errMissingRestoreLogFiles                -557
#define JET_errMissingFullBackup                     -560
#define JET_errBadBackupDatabaseSize                 -561
#define JET_errDatabaseAlreadyUpgraded               -562
#define JET_errDatabaseIncompleteUpgrade             -563
#define JET_errMissingCurrentLogFiles                -565
#define JET_errDbTimeTooOld                          -566
#define JET_errDbTimeTooNew                          -567
#define JET_errMissingFileToBackup                   -569
#define JET_errLogTornWriteDuringHardRestore         -570
#define JET_errLogTornWriteDuringHardRecovery        -571
#define JET_errLogCorruptDuringHardRestore           -573
#define JET_errLogCorruptDuringHardRecovery          -574
#define JET_errMustDisableLoggingForDbUpgrade        -575
#define JET_errBadRestoreTargetInstance              -577
#define JET_errRecoveredWithoutUndo                  -579
#define JET_errDatabasesNotFromSameSnapshot          -580
#define JET_errSoftRecoveryOnSnapshot                -581
#define JET_errCommittedLogFilesMissing              -582
#define JET_errSectorSizeNotSupported                -583
#define JET_errRecoveredWithoutUndoDatabasesConsistent -584
#define JET_errCommittedLogFileCorrupt               -586
#define JET_errLogSequenceChecksumMismatch           -590
#define JET_errPageInitializedMismatch               -596
#define JET_errUnicodeTranslationBufferTooSmall      -601
#define JET_errUnicodeTranslationFail                -602
#define JET_errUnicodeNormalizationNotSupported      -603
#define JET_errUnicodeLanguageValidationFailure      -604
#define JET_errExistingLogFileHasBadSignature        -610
#define JET_errExistingLogFileIsNotContiguous        -611
#define JET_errLogReadVerifyFailure                  -612
#define JET_errSLVReadVerifyFailure                  -613   /* documented, not in the SDK header */
#define JET_errCheckpointDepthTooDeep                -614
#define JET_errRestoreOfNonBackupDatabase            -615
#define JET_errLogFileNotCopied                      -616
#define JET_errSurrogateBackupInProgress             -617   /* undocumented */
#define JET_errTransactionTooLong                    -618
#define JET_errEngineFormatVersionNoLongerSupportedTooLow -619
#define JET_errEngineFormatVersionNotYetImplementedTooHigh -620
#define JET_errEngineFormatVersionParamTooLowForRequestedFeature -621
#define JET_errEngineFormatVersionSpecifiedTooLowForLogVersion -622
#define JET_errEngineFormatVersionSpecifiedTooLowForDatabaseVersion -623
#define JET_errDbTimeBeyondMaxRequired               -625
#define JET_errLogOperationInconsistentWithDatabase  -626
#define JET_errBackupAbortByCaller                   -800   /* documented, not in the SDK header */
#define JET_errBackupAbortByServer                   -801
#define JET_errInvalidGrbit                          -900
#define JET_errTermInProgress                        -1000
#define JET_errFeatureNotAvailable                   -1001
#define JET_errInvalidName                           -1002
#define JET_errInvalidParameter                      -1003
#define JET_errDatabaseFileReadOnly                  -1008
#define JET_errInvalidDatabaseId                     -1010
#define JET_errOutOfMemory                           -1011
#define JET_errOutOfDatabaseSpace                    -1012
#define JET_errOutOfCursors                          -1013
#define JET_errOutOfBuffers                          -1014
#define JET_errTooManyIndexes                        -1015
#define JET_errTooManyKeys                           -1016
#define JET_errRecordDeleted                         -1017
#define JET_errReadVerifyFailure                     -1018
#define JET_errPageNotInitialized                    -1019
#define JET_errOutOfFileHandles                      -1020
#define JET_errDiskReadVerificationFailure           -1021
#define JET_errDiskIO                                -1022
#define JET_errInvalidPath                           -1023
#define JET_errInvalidSystemPath                     -1024
#define JET_errInvalidLogDirectory                   -1025
#define JET_errRecordTooBig                          -1026
#define JET_errTooManyOpenDatabases                  -1027
#define JET_errInvalidDatabase                       -1028
#define JET_errNotInitialized                        -1029
#define JET_errAlreadyInitialized                    -1030
#define JET_errInitInProgress                        -1031
#define JET_errFileAccessDenied                      -1032
#define JET_errQueryNotSupported                     -1034   /* documented, not in the SDK header */
#define JET_errSQLLinkNotSupported                   -1035   /* undocumented */
#define JET_errBufferTooSmall                        -1038
#define JET_errTooManyColumns                        -1040
#define JET_errContainerNotEmpty                     -1043
#define JET_errInvalidFilename                       -1044
#define JET_errInvalidBookmark                       -1045
#define JET_errColumnInUse                           -1046
#define JET_errInvalidBufferSize                     -1047
#define JET_errColumnNotUpdatable                    -1048
#define JET_errIndexInUse                            -1051
#define JET_errLinkNotSupported                      -1052
#define JET_errNullKeyDisallowed                     -1053
#define JET_errNotInTransaction                      -1054
#define JET_errMustRollback                          -1057
#define JET_errTooManyActiveUsers                    -1059
#define JET_errInvalidCountry                        -1061
#define JET_errInvalidLanguageId                     -1062
#define JET_errInvalidCodePage                       -1063
#define JET_errInvalidLCMapStringFlags               -1064
#define JET_errVersionStoreEntryTooBig               -1065
#define JET_errVersionStoreOutOfMemoryAndCleanupTimedOut -1066
#define JET_errVersionStoreOutOfMemory               -1069
#define JET_errCurrencyStackOutOfMemory              -1070   /* undocumented */
#define JET_errCannotIndex                           -1071
#define JET_errRecordNotDeleted                      -1072
#define JET_errTooManyMempoolEntries                 -1073
#define JET_errOutOfObjectIDs                        -1074
#define JET_errOutOfLongValueIDs                     -1075
#define JET_errOutOfAutoincrementValues              -1076
#define JET_errOutOfDbtimeValues                     -1077
#define JET_errOutOfSequentialIndexValues            -1078
#define JET_errRunningInOneInstanceMode              -1080
#define JET_errRunningInMultiInstanceMode            -1081
#define JET_errSystemParamsAlreadySet                -1082
#define JET_errSystemPathInUse                       -1083
#define JET_errLogFilePathInUse                      -1084
#define JET_errTempPathInUse                         -1085
#define JET_errInstanceNameInUse                     -1086
#define JET_errSystemParameterConflict               -1087
#define JET_errInstanceUnavailable                   -1090
#define JET_errDatabaseUnavailable                   -1091
#define JET_errInstanceUnavailableDueToFatalLogDiskFull -1092
#define JET_errInvalidSesparamId                     -1093
#define JET_errTooManyRecords                        -1094
#define JET_errInvalidDbparamId                      -1095
#define JET_errOutOfSessions                         -1101
#define JET_errWriteConflict                         -1102
#define JET_errTransTooDeep                          -1103
#define JET_errInvalidSesid                          -1104
#define JET_errWriteConflictPrimaryIndex             -1105
#define JET_errInTransaction                         -1108
#define JET_errRollbackRequired                      -1109
#define JET_errTransReadOnly                         -1110
#define JET_errSessionWriteConflict                  -1111
#define JET_errRecordTooBigForBackwardCompatibility  -1112
#define JET_errCannotMaterializeForwardOnlySort      -1113
#define JET_errSesidTableIdMismatch                  -1114
#define JET_errInvalidInstance                       -1115
#define JET_errDirtyShutdown                         -1116
#define JET_errReadPgnoVerifyFailure                 -1118
#define JET_errReadLostFlushVerifyFailure            -1119
#define JET_errFileSystemCorruption                  -1121
#define JET_errRecoveryVerifyFailure                 -1123
#define JET_errFilteredMoveNotSupported              -1124
#define JET_errMustCommitDistributedTransactionToLevel0 -1150   /* undocumented */
#define JET_errDistributedTransactionAlreadyPreparedToCommit -1151   /* documented, not in the SDK header */
#define JET_errNotInDistributedTransaction           -1152   /* undocumented */
#define JET_errDistributedTransactionNotYetPreparedToCommit -1153   /* undocumented */
#define JET_errCannotNestDistributedTransactions     -1154   /* undocumented */
#define JET_errDTCMissingCallback                    -1160   /* undocumented */
#define JET_errDTCMissingCallbackOnRecovery          -1161   /* undocumented */
#define JET_errDTCCallbackUnexpectedError            -1162   /* undocumented */
#define JET_errDatabaseDuplicate                     -1201
#define JET_errDatabaseInUse                         -1202
#define JET_errDatabaseNotFound                      -1203
#define JET_errDatabaseInvalidName                   -1204
#define JET_errDatabaseInvalidPages                  -1205
#define JET_errDatabaseCorrupted                     -1206
#define JET_errDatabaseLocked                        -1207
#define JET_errCannotDisableVersioning               -1208
#define JET_errInvalidDatabaseVersion                -1209
#define JET_errDatabase200Format                     -1210
#define JET_errDatabase400Format                     -1211
#define JET_errDatabase500Format                     -1212
#define JET_errPageSizeMismatch                      -1213
#define JET_errTooManyInstances                      -1214
#define JET_errDatabaseSharingViolation              -1215
#define JET_errAttachedDatabaseMismatch              -1216
#define JET_errDatabaseInvalidPath                   -1217
#define JET_errDatabaseIdInUse                       -1218
#define JET_errForceDetachNotAllowed                 -1219
#define JET_errCatalogCorrupted                      -1220
#define JET_errPartiallyAttachedDB                   -1221
#define JET_errDatabaseSignInUse                     -1222
#define JET_errDatabaseCorruptedNoRepair             -1224
#define JET_errInvalidCreateDbVersion                -1225
#define JET_errDatabaseIncompleteIncrementalReseed   -1226   /* undocumented */
#define JET_errDatabaseInvalidIncrementalReseed      -1227   /* undocumented */
#define JET_errDatabaseFailedIncrementalReseed       -1228   /* undocumented */
#define JET_errNoAttachmentsFailedIncrementalReseed  -1229   /* undocumented */
#define JET_errDatabaseNotReady                      -1230
#define JET_errDatabaseAttachedForRecovery           -1231
#define JET_errTransactionsNotReadyDuringRecovery    -1232
#define JET_errTableLocked                           -1302
#define JET_errTableDuplicate                        -1303
#define JET_errTableInUse                            -1304
#define JET_errObjectNotFound                        -1305
#define JET_errDensityInvalid                        -1307
#define JET_errTableNotEmpty                         -1308
#define JET_errInvalidTableId                        -1310
#define JET_errTooManyOpenTables                     -1311
#define JET_errIllegalOperation                      -1312
#define JET_errTooManyOpenTablesAndCleanupTimedOut   -1313
#define JET_errObjectDuplicate                       -1314
#define JET_errInvalidObject                         -1316
#define JET_errCannotDeleteTempTable                 -1317
#define JET_errCannotDeleteSystemTable               -1318
#define JET_errCannotDeleteTemplateTable             -1319
#define JET_errExclusiveTableLockRequired            -1322
#define JET_errFixedDDL                              -1323
#define JET_errFixedInheritedDDL                     -1324
#define JET_errCannotNestDDL                         -1325
#define JET_errDDLNotInheritable                     -1326
#define JET_errInvalidSettings                       -1328
#define JET_errClientRequestToStopJetService         -1329
#define JET_errCannotAddFixedVarColumnToDerivedTable -1330
#define JET_errIndexCantBuild                        -1401
#define JET_errIndexHasPrimary                       -1402
#define JET_errIndexDuplicate                        -1403
#define JET_errIndexNotFound                         -1404
#define JET_errIndexMustStay                         -1405
#define JET_errIndexInvalidDef                       -1406
#define JET_errInvalidCreateIndex                    -1409
#define JET_errTooManyOpenIndexes                    -1410
#define JET_errMultiValuedIndexViolation             -1411
#define JET_errIndexBuildCorrupted                   -1412
#define JET_errPrimaryIndexCorrupted                 -1413
#define JET_errSecondaryIndexCorrupted               -1414
#define JET_errInvalidIndexId                        -1416
#define JET_errCantUseDeferredPopulateIndex          -1419   /* undocumented */
#define JET_errIndexTuplesSecondaryIndexOnly         -1430
#define JET_errIndexTuplesTooManyColumns             -1431
#define JET_errIndexTuplesNonUniqueOnly              -1432
#define JET_errIndexTuplesTextBinaryColumnsOnly      -1433
#define JET_errIndexTuplesVarSegMacNotAllowed        -1434
#define JET_errIndexTuplesInvalidLimits              -1435
#define JET_errIndexTuplesCannotRetrieveFromIndex    -1436
#define JET_errIndexTuplesKeyTooSmall                -1437
#define JET_errInvalidLVChunkSize                    -1438
#define JET_errColumnCannotBeEncrypted               -1439
#define JET_errCannotIndexOnEncryptedColumn          -1440
#define JET_errColumnLong                            -1501
#define JET_errColumnNoChunk                         -1502
#define JET_errColumnDoesNotFit                      -1503
#define JET_errNullInvalid                           -1504
#define JET_errColumnIndexed                         -1505
#define JET_errColumnTooBig                          -1506
#define JET_errColumnNotFound                        -1507
#define JET_errColumnDuplicate                       -1508
#define JET_errMultiValuedColumnMustBeTagged         -1509
#define JET_errColumnRedundant                       -1510
#define JET_errInvalidColumnType                     -1511
#define JET_errTaggedNotNULL                         -1514
#define JET_errNoCurrentIndex                        -1515
#define JET_errKeyIsMade                             -1516
#define JET_errBadColumnId                           -1517
#define JET_errBadItagSequence                       -1518
#define JET_errColumnInRelationship                  -1519
#define JET_errCannotBeTagged                        -1521
#define JET_errDefaultValueTooBig                    -1524
#define JET_errMultiValuedDuplicate                  -1525
#define JET_errLVCorrupted                           -1526
#define JET_errMultiValuedDuplicateAfterTruncation   -1528
#define JET_errDerivedColumnCorruption               -1529
#define JET_errInvalidPlaceholderColumn              -1530
#define JET_errColumnCannotBeCompressed              -1538
#define JET_errColumnNoEncryptionKey                 -1540
#define JET_errRecordNotFound                        -1601
#define JET_errRecordNoCopy                          -1602
#define JET_errNoCurrentRecord                       -1603
#define JET_errRecordPrimaryChanged                  -1604
#define JET_errKeyDuplicate                          -1605
#define JET_errAlreadyPrepared                       -1607
#define JET_errKeyNotMade                            -1608
#define JET_errUpdateNotPrepared                     -1609
#define JET_errDataHasChanged                        -1611
#define JET_errLanguageNotSupported                  -1619
#define JET_errDecompressionFailed                   -1620
#define JET_errUpdateMustVersion                     -1621
#define JET_errDecryptionFailed                      -1622
#define JET_errEncryptionBadItag                     -1623
#define JET_errSetAutoIncrementTooHigh               -1624
#define JET_errAutoIncrementNotSet                   -1625
#define JET_errTooManySorts                          -1701
#define JET_errInvalidOnSort                         -1702
#define JET_errTempFileOpenError                     -1803
#define JET_errTooManyAttachedDatabases              -1805
#define JET_errDiskFull                              -1808
#define JET_errPermissionDenied                      -1809
#define JET_errFileNotFound                          -1811
#define JET_errFileInvalidType                       -1812
#define JET_errFileAlreadyExists                     -1814
#define JET_errAfterInitialization                   -1850
#define JET_errLogCorrupted                          -1852
#define JET_errInvalidOperation                      -1906
#define JET_errAccessDenied                          -1907
#define JET_errTooManySplits                         -1909
#define JET_errSessionSharingViolation               -1910
#define JET_errEntryPointNotFound                    -1911
#define JET_errSessionContextAlreadySet              -1912
#define JET_errSessionContextNotSetByThisThread      -1913
#define JET_errSessionInUse                          -1914
#define JET_errRecordFormatConversionFailed          -1915
#define JET_errOneDatabasePerSession                 -1916
#define JET_errRollbackError                         -1917
#define JET_errFlushMapVersionUnsupported            -1918
#define JET_errFlushMapDatabaseMismatch              -1919
#define JET_errFlushMapUnrecoverable                 -1920
#define JET_errRBSFileCorrupt                        -1921   /* undocumented */
#define JET_errRBSHeaderCorrupt                      -1922   /* undocumented */
#define JET_errRBSDbMismatch                         -1923   /* undocumented */
#define JET_errBadRBSVersion                         -1925   /* undocumented */
#define JET_errOutOfRBSSpace                         -1926   /* undocumented */
#define JET_errRBSInvalidSign                        -1927   /* undocumented */
#define JET_errRBSInvalidRecord                      -1928   /* undocumented */
#define JET_errRBSRCInvalidRBS                       -1929   /* undocumented */
#define JET_errRBSRCNoRBSFound                       -1930   /* undocumented */
#define JET_errRBSRCBadDbState                       -1931   /* undocumented */
#define JET_errRBSMissingReqLogs                     -1932   /* undocumented */
#define JET_errRBSLogDivergenceFailed                -1933   /* undocumented */
#define JET_errRBSRCCopyLogsRevertState              -1934   /* undocumented */
#define JET_errDatabaseIncompleteRevert              -1935   /* undocumented */
#define JET_errRBSRCRevertCancelled                  -1936   /* undocumented */
#define JET_errRBSRCInvalidDbFormatVersion           -1937   /* undocumented */
#define JET_errRBSCannotDetermineDivergence          -1938   /* undocumented */
#define JET_errRBSDeleteTableTooBig                  -1941   /* undocumented */
#define JET_errRBSDeleteTableTooSoon                 -1942   /* undocumented */
#define JET_errRBSFDPToBeDeleted                     -1943   /* undocumented */
#define JET_errRBSRevertableDeleteNotPossible        -1944   /* undocumented */
#define JET_errRBSRedeleteFDPUnexpected              -1947   /* undocumented */
#define JET_errRBSRCPageFDPDeleteFileCorrupt         -1948   /* undocumented */
#define JET_errDatabaseAlreadyRunningMaintenance     -2004
#define JET_errRootSpaceLeakEstimationAlreadyRunning -2006   /* undocumented */
#define JET_errCallbackFailed                        -2101
#define JET_errCallbackNotResolved                   -2102
#define JET_errSpaceHintsInvalid                     -2103
#define JET_errOSSnapshotInvalidSequence             -2401
#define JET_errOSSnapshotTimeOut                     -2402
#define JET_errOSSnapshotNotAllowed                  -2403
#define JET_errOSSnapshotInvalidSnapId               -2404
#define JET_errTooManyTestInjections                 -2501   /* undocumented */
#define JET_errTestInjectionNotSupported             -2502   /* undocumented */
#define JET_errInvalidLogDataSequence                -2601   /* undocumented */
#define JET_errLSCallbackNotSpecified                -3000
#define JET_errLSAlreadySet                          -3001
#define JET_errLSNotSet                              -3002
#define JET_errFileIOSparse                          -4000
#define JET_errFileIOBeyondEOF                       -4001
#define JET_errFileIOAbort                           -4002
#define JET_errFileIORetry                           -4003
#define JET_errFileIOFail                            -4004
#define JET_errFileCompressed                        -4005
#define JET_errClientSpaceBegin                      -10000
#define JET_errClientSpaceEnd                        -11999

/* alternative names */
#define JET_wrnRecordFoundGreater                    JET_wrnSeekNotEqual
#define JET_wrnRecordFoundLess                       JET_wrnSeekNotEqual
#define JET_errDatabaseInconsistent                  JET_errDatabaseDirtyShutdown
#define JET_errIndexTuplesOneColumnOnly              JET_errIndexTuplesTooManyColumns
#define JET_errIndexTuplesTextColumnsOnly            JET_errIndexTuplesTextBinaryColumnsOnly
#define JET_errColumnIllegalNull                     JET_errNullInvalid

/* ======================================================================================
 * Functions
 * ====================================================================================== */
/*
 * Functions that take or return strings come in an ANSI ("A", char) and a wide ("W", WCHAR)
 * form.  The plain name (JetAttachDatabase, ...) is a macro that selects one of the two, see
 * the end of this file.  JET_VERSION hides functions newer than the requested Windows
 * version.
 */
JET_ERR JET_API JetAddColumnA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    const JET_COLUMNDEF *pcolumndef,
    const void *pvDefault,
    JET_ULONG_ cbDefault,
    JET_COLUMNID *pcolumnid);
JET_ERR JET_API JetAddColumnW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szColumnName,
    const JET_COLUMNDEF *pcolumndef,
    const void *pvDefault,
    JET_ULONG_ cbDefault,
    JET_COLUMNID *pcolumnid);
JET_ERR JET_API JetAttachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabase2A(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabase2W(
    JET_SESID sesid,
    JET_PCWSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetBackupA(JET_PCSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupW(JET_PCWSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetBackupInstanceA(
    JET_INSTANCE instance,
    JET_PCSTR szBackupPath,
    JET_GRBIT grbit,
    JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupInstanceW(
    JET_INSTANCE instance,
    JET_PCWSTR szBackupPath,
    JET_GRBIT grbit,
    JET_PFNSTATUS pfnStatus);
#endif
JET_ERR JET_API JetBeginExternalBackup(JET_GRBIT grbit);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetBeginExternalBackupInstance(JET_INSTANCE instance, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetBeginSessionA(
    JET_INSTANCE instance,
    JET_SESID *psesid,
    JET_PCSTR szUserName,
    JET_PCSTR szPassword);
JET_ERR JET_API JetBeginSessionW(
    JET_INSTANCE instance,
    JET_SESID *psesid,
    JET_PCWSTR szUserName,
    JET_PCWSTR szPassword);
JET_ERR JET_API JetBeginTransaction(JET_SESID sesid);
JET_ERR JET_API JetBeginTransaction2(JET_SESID sesid, JET_GRBIT grbit);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetBeginTransaction3(JET_SESID sesid, JET_INT64_ trxid, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetCloseDatabase(JET_SESID sesid, JET_DBID dbid, JET_GRBIT grbit);
JET_ERR JET_API JetCloseFile(JET_HANDLE hfFile);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetCloseFileInstance(JET_INSTANCE instance, JET_HANDLE hfFile);
#endif
JET_ERR JET_API JetCloseTable(JET_SESID sesid, JET_TABLEID tableid);
JET_ERR JET_API JetCommitTransaction(JET_SESID sesid, JET_GRBIT grbit);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetCommitTransaction2(
    JET_SESID sesid,
    JET_GRBIT grbit,
    JET_ULONG_ cmsecDurableCommit,
    JET_COMMIT_ID *pCommitId);
#endif
JET_ERR JET_API JetCompactA(
    JET_SESID sesid,
    JET_PCSTR szDatabaseSrc,
    JET_PCSTR szDatabaseDest,
    JET_PFNSTATUS pfnStatus,
    JET_CONVERT_A *pconvert,
    JET_GRBIT grbit);
JET_ERR JET_API JetCompactW(
    JET_SESID sesid,
    JET_PCWSTR szDatabaseSrc,
    JET_PCWSTR szDatabaseDest,
    JET_PFNSTATUS pfnStatus,
    JET_CONVERT_W *pconvert,
    JET_GRBIT grbit);
JET_ERR JET_API JetComputeStats(JET_SESID sesid, JET_TABLEID tableid);
#if JET_VERSION >= 0x0601
JET_ERR JET_API JetConfigureProcessForCrashDump(const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetCreateDatabaseA(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    JET_PCSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabaseW(
    JET_SESID sesid,
    JET_PCWSTR szFilename,
    JET_PCWSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabase2A(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabase2W(
    JET_SESID sesid,
    JET_PCWSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateIndexA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit,
    const char *szKey,
    JET_ULONG_ cbKey,
    JET_ULONG_ lDensity);
JET_ERR JET_API JetCreateIndexW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szIndexName,
    JET_GRBIT grbit,
    const WCHAR *szKey,
    JET_ULONG_ cbKey,
    JET_ULONG_ lDensity);
JET_ERR JET_API JetCreateIndex2A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateIndex2W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE_W *pindexcreate,
    JET_ULONG_ cIndexCreate);
#if JET_VERSION >= 0x0601
JET_ERR JET_API JetCreateIndex3A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE2_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateIndex3W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE2_W *pindexcreate,
    JET_ULONG_ cIndexCreate);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetCreateIndex4A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE3_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateIndex4W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE3_W *pindexcreate,
    JET_ULONG_ cIndexCreate);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetCreateInstanceA(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName);
JET_ERR JET_API JetCreateInstanceW(JET_INSTANCE *pinstance, JET_PCWSTR szInstanceName);
JET_ERR JET_API JetCreateInstance2A(
    JET_INSTANCE *pinstance,
    JET_PCSTR szInstanceName,
    JET_PCSTR szDisplayName,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateInstance2W(
    JET_INSTANCE *pinstance,
    JET_PCWSTR szInstanceName,
    JET_PCWSTR szDisplayName,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetCreateTableA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ lPages,
    JET_ULONG_ lDensity,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetCreateTableW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_ULONG_ lPages,
    JET_ULONG_ lDensity,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetCreateTableColumnIndexA(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndexW(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE_W *ptablecreate);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetCreateTableColumnIndex2A(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE2_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex2W(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE2_W *ptablecreate);
#endif
#if JET_VERSION >= 0x0601
JET_ERR JET_API JetCreateTableColumnIndex3A(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE3_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex3W(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE3_W *ptablecreate);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetCreateTableColumnIndex4A(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE4_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex4W(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE4_W *ptablecreate);
#endif
JET_ERR JET_API JetDefragmentA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragmentW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_GRBIT grbit);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetDefragment2A(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragment2W(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragment3A(
    JET_SESID sesid,
    JET_PCSTR szDatabaseName,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    void *pvContext,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragment3W(
    JET_SESID sesid,
    JET_PCWSTR szDatabaseName,
    JET_PCWSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    void *pvContext,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetDelete(JET_SESID sesid, JET_TABLEID tableid);
JET_ERR JET_API JetDeleteColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName);
JET_ERR JET_API JetDeleteColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetDeleteColumn2A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    const JET_GRBIT grbit);
JET_ERR JET_API JetDeleteColumn2W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szColumnName,
    const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetDeleteIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetDeleteIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName);
JET_ERR JET_API JetDeleteTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName);
JET_ERR JET_API JetDeleteTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName);
JET_ERR JET_API JetDetachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename);
JET_ERR JET_API JetDetachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetDetachDatabase2A(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetDetachDatabase2W(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetDupCursor(JET_SESID sesid, JET_TABLEID tableid, JET_TABLEID *ptableid, JET_GRBIT grbit);
JET_ERR JET_API JetDupSession(JET_SESID sesid, JET_SESID *psesid);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetEnableMultiInstanceA(
    JET_SETSYSPARAM_A *psetsysparam,
    JET_ULONG_ csetsysparam,
    JET_ULONG_ *pcsetsucceed);
JET_ERR JET_API JetEnableMultiInstanceW(
    JET_SETSYSPARAM_W *psetsysparam,
    JET_ULONG_ csetsysparam,
    JET_ULONG_ *pcsetsucceed);
#endif
JET_ERR JET_API JetEndExternalBackup(void);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetEndExternalBackupInstance(JET_INSTANCE instance);
JET_ERR JET_API JetEndExternalBackupInstance2(JET_INSTANCE instance, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetEndSession(JET_SESID sesid, JET_GRBIT grbit);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetEnumerateColumns(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_ULONG_ cEnumColumnId,
    JET_ENUMCOLUMNID *rgEnumColumnId,
    JET_ULONG_ *pcEnumColumn,
    JET_ENUMCOLUMN **prgEnumColumn,
    JET_PFNREALLOC pfnRealloc,
    void *pvReallocContext,
    JET_ULONG_ cbDataMost,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetEscrowUpdate(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_COLUMNID columnid,
    void *pv,
    JET_ULONG_ cbMax,
    void *pvOld,
    JET_ULONG_ cbOldMax,
    JET_ULONG_ *pcbOldActual,
    JET_GRBIT grbit);
JET_ERR JET_API JetExternalRestoreA(
    JET_PSTR szCheckpointFilePath,
    JET_PSTR szLogPath,
    JET_RSTMAP_A *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PSTR szBackupLogPath,
    JET_LONG_ genLow,
    JET_LONG_ genHigh,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestoreW(
    JET_PWSTR szCheckpointFilePath,
    JET_PWSTR szLogPath,
    JET_RSTMAP_W *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PWSTR szBackupLogPath,
    JET_LONG_ genLow,
    JET_LONG_ genHigh,
    JET_PFNSTATUS pfn);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetExternalRestore2A(
    JET_PSTR szCheckpointFilePath,
    JET_PSTR szLogPath,
    JET_RSTMAP_A *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PSTR szBackupLogPath,
    JET_LOGINFO_A *pLogInfo,
    JET_PSTR szTargetInstanceName,
    JET_PSTR szTargetInstanceLogPath,
    JET_PSTR szTargetInstanceCheckpointPath,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestore2W(
    JET_PWSTR szCheckpointFilePath,
    JET_PWSTR szLogPath,
    JET_RSTMAP_W *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PWSTR szBackupLogPath,
    JET_LOGINFO_W *pLogInfo,
    JET_PWSTR szTargetInstanceName,
    JET_PWSTR szTargetInstanceLogPath,
    JET_PWSTR szTargetInstanceCheckpointPath,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetFreeBuffer(char *pbBuf);
#endif
JET_ERR JET_API JetGetAttachInfoA(JET_PSTR szzDatabases, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetAttachInfoW(JET_PWSTR wszzDatabases, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetAttachInfoInstanceA(
    JET_INSTANCE instance,
    JET_PSTR szzDatabases,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetAttachInfoInstanceW(
    JET_INSTANCE instance,
    JET_PWSTR szzDatabases,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
#endif
JET_ERR JET_API JetGetBookmark(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvBookmark,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetColumnInfoA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR pColumnNameOrId,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetColumnInfoW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_PCWSTR pwColumnNameOrId,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetCurrentIndexA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PSTR szIndexName,
    JET_ULONG_ cbIndexName);
JET_ERR JET_API JetGetCurrentIndexW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PWSTR szIndexName,
    JET_ULONG_ cbIndexName);
JET_ERR JET_API JetGetCursorInfo(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetDatabaseFileInfoA(
    JET_PCSTR szDatabaseName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetDatabaseFileInfoW(
    JET_PCWSTR szDatabaseName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetDatabaseInfoA(
    JET_SESID sesid,
    JET_DBID dbid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetDatabaseInfoW(
    JET_SESID sesid,
    JET_DBID dbid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetGetErrorInfoW(
    void *pvContext,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetGetIndexInfoA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetIndexInfoW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_PCWSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetInstanceInfoA(JET_ULONG_ *pcInstanceInfo, JET_INSTANCE_INFO_A **paInstanceInfo);
JET_ERR JET_API JetGetInstanceInfoW(JET_ULONG_ *pcInstanceInfo, JET_INSTANCE_INFO_W **paInstanceInfo);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetGetInstanceMiscInfo(
    JET_INSTANCE instance,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetLS(JET_SESID sesid, JET_TABLEID tableid, JET_LS *pls, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetGetLock(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit);
JET_ERR JET_API JetGetLogInfoA(JET_PSTR szzLogs, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogInfoW(JET_PWSTR szzLogs, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetLogInfoInstanceA(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogInfoInstanceW(
    JET_INSTANCE instance,
    JET_PWSTR wszzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogInfoInstance2A(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual,
    JET_LOGINFO_A *pLogInfo);
JET_ERR JET_API JetGetLogInfoInstance2W(
    JET_INSTANCE instance,
    JET_PWSTR wszzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual,
    JET_LOGINFO_W *pLogInfo);
#endif
JET_ERR JET_API JetGetObjectInfoA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OBJTYP objtyp,
    JET_PCSTR szContainerName,
    JET_PCSTR szObjectName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetObjectInfoW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OBJTYP objtyp,
    JET_PCWSTR szContainerName,
    JET_PCWSTR szObjectName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetRecordPosition(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_RECPOS *precpos,
    JET_ULONG_ cbRecpos);
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetGetRecordSize(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_RECSIZE *precsize,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0601
JET_ERR JET_API JetGetRecordSize2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_RECSIZE2 *precsize,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetSecondaryIndexBookmark(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvSecondaryKey,
    JET_ULONG_ cbSecondaryKeyMax,
    JET_ULONG_ *pcbSecondaryKeyActual,
    void *pvPrimaryBookmark,
    JET_ULONG_ cbPrimaryBookmarkMax,
    JET_ULONG_ *pcbPrimaryBookmarkActual,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetGetSessionParameter(
    JET_SESID sesid,
    JET_ULONG_ sesparamid,
    void *pvParam,
    JET_ULONG_ cbParamMax,
    JET_ULONG_ *pcbParamActual);
#endif
JET_ERR JET_API JetGetSystemParameterA(
    JET_INSTANCE instance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR *plParam,
    JET_PSTR szParam,
    JET_ULONG_ cbMax);
JET_ERR JET_API JetGetSystemParameterW(
    JET_INSTANCE instance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR *plParam,
    JET_PWSTR szParam,
    JET_ULONG_ cbMax);
JET_ERR JET_API JetGetTableColumnInfoA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableColumnInfoW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szColumnName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableIndexInfoA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableIndexInfoW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableInfoA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableInfoW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetGetThreadStats(void *pvResult, JET_ULONG_ cbMax);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGetTruncateLogInfoInstanceA(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetTruncateLogInfoInstanceW(
    JET_INSTANCE instance,
    JET_PWSTR wszzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
#endif
JET_ERR JET_API JetGetVersion(JET_SESID sesid, JET_ULONG_ *pwVersion);
JET_ERR JET_API JetGotoBookmark(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvBookmark,
    JET_ULONG_ cbBookmark);
JET_ERR JET_API JetGotoPosition(JET_SESID sesid, JET_TABLEID tableid, JET_RECPOS *precpos);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetGotoSecondaryIndexBookmark(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvSecondaryKey,
    JET_ULONG_ cbSecondaryKey,
    void *pvPrimaryBookmark,
    JET_ULONG_ cbPrimaryBookmark,
    const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetGrowDatabase(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, JET_ULONG_ *pcpgReal);
JET_ERR JET_API JetIdle(JET_SESID sesid, JET_GRBIT grbit);
JET_ERR JET_API JetIndexRecordCount(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_ULONG_ *pcrec,
    JET_ULONG_ crecMax);
JET_ERR JET_API JetIndexRecordCount2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_UINT64_ *pcrec,
    JET_UINT64_ crecMax);
JET_ERR JET_API JetInit(JET_INSTANCE *pinstance);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetInit2(JET_INSTANCE *pinstance, JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetInit3A(JET_INSTANCE *pinstance, JET_RSTINFO_A *prstInfo, JET_GRBIT grbit);
JET_ERR JET_API JetInit3W(JET_INSTANCE *pinstance, JET_RSTINFO_W *prstInfo, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetIntersectIndexes(
    JET_SESID sesid,
    JET_INDEXRANGE *rgindexrange,
    JET_ULONG_ cindexrange,
    JET_RECORDLIST *precordlist,
    JET_GRBIT grbit);
JET_ERR JET_API JetMakeKey(
    JET_SESID sesid,
    JET_TABLEID tableid,
    const void *pvData,
    JET_ULONG_ cbData,
    JET_GRBIT grbit);
JET_ERR JET_API JetMove(JET_SESID sesid, JET_TABLEID tableid, JET_LONG_ cRow, JET_GRBIT grbit);
#if JET_VERSION >= 0x0502
JET_ERR JET_API JetOSSnapshotAbort(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetOSSnapshotEnd(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetOSSnapshotFreezeA(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_A **paInstanceInfo,
    const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotFreezeW(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_W **paInstanceInfo,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetOSSnapshotGetFreezeInfoA(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_A **paInstanceInfo,
    const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotGetFreezeInfoW(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_W **paInstanceInfo,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetOSSnapshotPrepare(JET_OSSNAPID *psnapId, const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetOSSnapshotPrepareInstance(
    JET_OSSNAPID snapId,
    JET_INSTANCE instance,
    const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetOSSnapshotThaw(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetOSSnapshotTruncateLog(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotTruncateLogInstance(
    const JET_OSSNAPID snapId,
    JET_INSTANCE instance,
    const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetOpenDatabaseA(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    JET_PCSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetOpenDatabaseW(
    JET_SESID sesid,
    JET_PCWSTR szFilename,
    JET_PCWSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetOpenFileA(
    JET_PCSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileW(
    JET_PCWSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetOpenFileInstanceA(
    JET_INSTANCE instance,
    JET_PCSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileInstanceW(
    JET_INSTANCE instance,
    JET_PCWSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
#endif
JET_ERR JET_API JetOpenTableA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    const void *pvParameters,
    JET_ULONG_ cbParameters,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetOpenTableW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    const void *pvParameters,
    JET_ULONG_ cbParameters,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetOpenTempTable(
    JET_SESID sesid,
    const JET_COLUMNDEF *prgcolumndef,
    JET_ULONG_ ccolumn,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid,
    JET_COLUMNID *prgcolumnid);
JET_ERR JET_API JetOpenTempTable2(
    JET_SESID sesid,
    const JET_COLUMNDEF *prgcolumndef,
    JET_ULONG_ ccolumn,
    JET_ULONG_ lcid,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid,
    JET_COLUMNID *prgcolumnid);
JET_ERR JET_API JetOpenTempTable3(
    JET_SESID sesid,
    const JET_COLUMNDEF *prgcolumndef,
    JET_ULONG_ ccolumn,
    JET_UNICODEINDEX *pidxunicode,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid,
    JET_COLUMNID *prgcolumnid);
#if JET_VERSION >= 0x0600
JET_ERR JET_API JetOpenTemporaryTable(JET_SESID sesid, JET_OPENTEMPORARYTABLE *popentemporarytable);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetOpenTemporaryTable2(JET_SESID sesid, JET_OPENTEMPORARYTABLE2 *popentemporarytable);
#endif
JET_ERR JET_API JetPrepareUpdate(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ prep);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetPrereadIndexRanges(
    JET_SESID sesid,
    JET_TABLEID tableid,
    const JET_INDEX_RANGE *const rgIndexRanges,
    const JET_ULONG_ cIndexRanges,
    JET_ULONG_ *const pcRangesPreread,
    const JET_COLUMNID *const rgcolumnidPreread,
    const JET_ULONG_ ccolumnidPreread,
    JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0601
JET_ERR JET_API JetPrereadKeys(
    JET_SESID sesid,
    JET_TABLEID tableid,
    const void **rgpvKeys,
    const JET_ULONG_ *rgcbKeys,
    JET_LONG_ ckeys,
    JET_LONG_ *pckeysPreread,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetReadFile(JET_HANDLE hfFile, void *pv, JET_ULONG_ cb, JET_ULONG_ *pcbActual);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetReadFileInstance(
    JET_INSTANCE instance,
    JET_HANDLE hfFile,
    void *pv,
    JET_ULONG_ cb,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetRegisterCallback(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_CBTYP cbtyp,
    JET_CALLBACK pCallback,
    void *pvContext,
    JET_HANDLE *phCallbackId);
JET_ERR JET_API JetRenameColumnA(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szName,
    JET_PCSTR szNameNew,
    JET_GRBIT grbit);
JET_ERR JET_API JetRenameColumnW(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szName,
    JET_PCWSTR szNameNew,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetRenameTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szName, JET_PCSTR szNameNew);
JET_ERR JET_API JetRenameTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szName, JET_PCWSTR szNameNew);
JET_ERR JET_API JetResetSessionContext(JET_SESID sesid);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetResetTableSequential(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetResizeDatabase(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_ULONG_ cpgTarget,
    JET_ULONG_ *pcpgActual,
    const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetRestoreA(JET_PCSTR szSource, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreW(JET_PCWSTR szSource, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestore2A(JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestore2W(JET_PCWSTR sz, JET_PCWSTR szDest, JET_PFNSTATUS pfn);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetRestoreInstanceA(JET_INSTANCE instance, JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreInstanceW(
    JET_INSTANCE instance,
    JET_PCWSTR sz,
    JET_PCWSTR szDest,
    JET_PFNSTATUS pfn);
#endif
JET_ERR JET_API JetRetrieveColumn(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_COLUMNID columnid,
    void *pvData,
    JET_ULONG_ cbData,
    JET_ULONG_ *pcbActual,
    JET_GRBIT grbit,
    JET_RETINFO *pretinfo);
JET_ERR JET_API JetRetrieveColumns(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_RETRIEVECOLUMN *pretrievecolumn,
    JET_ULONG_ cretrievecolumn);
JET_ERR JET_API JetRetrieveKey(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvKey,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual,
    JET_GRBIT grbit);
JET_ERR JET_API JetRollback(JET_SESID sesid, JET_GRBIT grbit);
JET_ERR JET_API JetSeek(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit);
JET_ERR JET_API JetSetColumn(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_COLUMNID columnid,
    const void *pvData,
    JET_ULONG_ cbData,
    JET_GRBIT grbit,
    JET_SETINFO *psetinfo);
JET_ERR JET_API JetSetColumnDefaultValueA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR szColumnName,
    const void *pvData,
    const JET_ULONG_ cbData,
    const JET_GRBIT grbit);
JET_ERR JET_API JetSetColumnDefaultValueW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCWSTR szTableName,
    JET_PCWSTR szColumnName,
    const void *pvData,
    const JET_ULONG_ cbData,
    const JET_GRBIT grbit);
JET_ERR JET_API JetSetColumns(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_SETCOLUMN *psetcolumn,
    JET_ULONG_ csetcolumn);
JET_ERR JET_API JetSetCurrentIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetSetCurrentIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName);
JET_ERR JET_API JetSetCurrentIndex2A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex2W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szIndexName,
    JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex3A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
JET_ERR JET_API JetSetCurrentIndex3W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szIndexName,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
JET_ERR JET_API JetSetCurrentIndex4A(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_INDEXID *pindexid,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
JET_ERR JET_API JetSetCurrentIndex4W(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCWSTR szIndexName,
    JET_INDEXID *pindexid,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetSetCursorFilter(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEX_COLUMN *rgColumnFilters,
    JET_ULONG_ cColumnFilters,
    JET_GRBIT grbit);
#endif
JET_ERR JET_API JetSetDatabaseSizeA(
    JET_SESID sesid,
    JET_PCSTR szDatabaseName,
    JET_ULONG_ cpg,
    JET_ULONG_ *pcpgReal);
JET_ERR JET_API JetSetDatabaseSizeW(
    JET_SESID sesid,
    JET_PCWSTR szDatabaseName,
    JET_ULONG_ cpg,
    JET_ULONG_ *pcpgReal);
JET_ERR JET_API JetSetIndexRange(JET_SESID sesid, JET_TABLEID tableidSrc, JET_GRBIT grbit);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetSetLS(JET_SESID sesid, JET_TABLEID tableid, JET_LS ls, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetSetSessionContext(JET_SESID sesid, JET_API_PTR ulContext);
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetSetSessionParameter(
    JET_SESID sesid,
    JET_ULONG_ sesparamid,
    void *pvParam,
    JET_ULONG_ cbParam);
#endif
JET_ERR JET_API JetSetSystemParameterA(
    JET_INSTANCE *pinstance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR lParam,
    JET_PCSTR szParam);
JET_ERR JET_API JetSetSystemParameterW(
    JET_INSTANCE *pinstance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR lParam,
    JET_PCWSTR szParam);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetSetTableSequential(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit);
#endif
JET_ERR JET_API JetStopBackup(void);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetStopBackupInstance(JET_INSTANCE instance);
#endif
JET_ERR JET_API JetStopService(void);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetStopServiceInstance(JET_INSTANCE instance);
#endif
#if JET_VERSION >= 0x0602
JET_ERR JET_API JetStopServiceInstance2(JET_INSTANCE instance, const JET_GRBIT grbit);
#endif
JET_ERR JET_API JetTerm(JET_INSTANCE instance);
JET_ERR JET_API JetTerm2(JET_INSTANCE instance, JET_GRBIT grbit);
JET_ERR JET_API JetTruncateLog(void);
#if JET_VERSION >= 0x0501
JET_ERR JET_API JetTruncateLogInstance(JET_INSTANCE instance);
JET_ERR JET_API JetUnregisterCallback(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_CBTYP cbtyp,
    JET_HANDLE hCallbackId);
#endif
JET_ERR JET_API JetUpdate(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvBookmark,
    JET_ULONG_ cbBookmark,
    JET_ULONG_ *pcbActual);
#if JET_VERSION >= 0x0502
JET_ERR JET_API JetUpdate2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvBookmark,
    JET_ULONG_ cbBookmark,
    JET_ULONG_ *pcbActual,
    const JET_GRBIT grbit);
#endif

/* ---- Undocumented exports of esent.dll ---- */
/*
 * These functions are exported by esent.dll (and listed in mingw-w64's import library) but are
 * not described by the published documentation.  The parameter lists come from Microsoft's
 * open-source ESE and, where the two disagree, from the argument sizes recorded in the import
 * library.  They are declared so that every export has a prototype.
 */
JET_ERR JET_API JetAttachDatabaseWithStreamingA(
    JET_SESID sesid,
    const char *szDbFileName,
    const char *szSLVFileName,
    const char *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabaseWithStreamingW(
    JET_SESID sesid,
    const WCHAR *szDbFileName,
    const WCHAR *szSLVFileName,
    const WCHAR *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetConvertDDLA(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OPDDLCONV convtyp,
    void *pvData,
    JET_ULONG_ cbData);
JET_ERR JET_API JetConvertDDLW(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OPDDLCONV convtyp,
    void *pvData,
    JET_ULONG_ cbData);
JET_ERR JET_API JetCreateDatabaseWithStreamingA(
    JET_SESID sesid,
    const char *szDbFileName,
    const char *szSLVFileName,
    const char *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabaseWithStreamingW(
    JET_SESID sesid,
    const WCHAR *szDbFileName,
    const WCHAR *szSLVFileName,
    const WCHAR *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetDBUtilitiesA(JET_DBUTIL_A *pdbutil);
JET_ERR JET_API JetDBUtilitiesW(JET_DBUTIL_W *pdbutil);
JET_ERR JET_API JetGetCounter(JET_SESID sesid, JET_LONG_ CounterType, JET_LONG_ *plValue);
/*
 * The import library gives 28 bytes of arguments (seven 32-bit arguments); the current ESE sources have an
 * eighth parameter, JET_GRBIT grbit.  Which one the shipped DLL takes is not documented.
 */
JET_ERR JET_API JetGetDatabasePages(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_ULONG_ pgnoStart,
    JET_ULONG_ cpg,
    void *pv,
    JET_ULONG_ cb,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogFileInfoA(
    JET_PCSTR szLog,
    void *pvResult,
    const JET_ULONG_ cbMax,
    const JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetLogFileInfoW(
    JET_PCWSTR szLog,
    void *pvResult,
    const JET_ULONG_ cbMax,
    const JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetMaxDatabaseSize(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ *pcpg, JET_GRBIT grbit);
JET_ERR JET_API JetGetPageInfo(
    void *const pvPages,
    JET_ULONG_ cbData,
    JET_PAGEINFO *rgPageInfo,
    JET_ULONG_ cbPageInfo,
    JET_GRBIT grbit,
    JET_ULONG_ ulInfoLevel);
JET_ERR JET_API JetGetResourceParam(
    JET_INSTANCE instance,
    JET_RESOPER resoper,
    JET_RESID resid,
    JET_API_PTR *pulParam);
JET_ERR JET_API JetGetSessionInfo(
    JET_SESID sesid,
    void *pvResult,
    const JET_ULONG_ cbMax,
    const JET_ULONG_ ulInfoLevel);
/*
 * The import library gives 28 bytes of arguments: this is the form without the 64-bit
 * read offset (ibRead) that the current ESE sources have after cSections.
 */
JET_ERR JET_API JetOpenFileSectionInstanceA(
    JET_INSTANCE instance,
    JET_PSTR szFile,
    JET_HANDLE *phFile,
    JET_LONG_ iSection,
    JET_LONG_ cSections,
    JET_ULONG_ *pulSectionSizeLow,
    JET_LONG_ *plSectionSizeHigh);
JET_ERR JET_API JetOpenFileSectionInstanceW(
    JET_INSTANCE instance,
    JET_PWSTR szFile,
    JET_HANDLE *phFile,
    JET_LONG_ iSection,
    JET_LONG_ cSections,
    JET_ULONG_ *pulSectionSizeLow,
    JET_LONG_ *plSectionSizeHigh);
JET_ERR JET_API JetPrepareToCommitTransaction(
    JET_SESID sesid,
    const void *pvData,
    JET_ULONG_ cbData,
    JET_GRBIT grbit);
JET_ERR JET_API JetResetCounter(JET_SESID sesid, JET_LONG_ CounterType);
JET_ERR JET_API JetRetrieveTaggedColumnList(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_ULONG_ *pcColumns,
    void *pvData,
    JET_ULONG_ cbData,
    JET_COLUMNID columnidStart,
    JET_GRBIT grbit);
JET_ERR JET_API JetSetMaxDatabaseSize(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, JET_GRBIT grbit);
JET_ERR JET_API JetSetResourceParam(
    JET_INSTANCE instance,
    JET_RESOPER resoper,
    JET_RESID resid,
    JET_API_PTR ulParam);
JET_ERR JET_API JetSnapshotStartA(JET_INSTANCE instance, JET_PSTR szDatabases, JET_GRBIT grbit);
JET_ERR JET_API JetSnapshotStartW(JET_INSTANCE instance, JET_PWSTR szDatabases, JET_GRBIT grbit);
JET_ERR JET_API JetSnapshotStop(JET_INSTANCE instance, JET_GRBIT grbit);
JET_ERR JET_API JetTracing(const JET_TRACEOP traceop, const JET_TRACETAG tracetag, const JET_API_PTR ul);
JET_ERR JET_API JetUpgradeDatabaseA(
    JET_SESID sesid,
    JET_PCSTR szDbFileName,
    JET_PCSTR szSLVFileName,
    const JET_GRBIT grbit);
JET_ERR JET_API JetUpgradeDatabaseW(
    JET_SESID sesid,
    JET_PCWSTR szDbFileName,
    JET_PCWSTR szSLVFileName,
    const JET_GRBIT grbit);

/* ---- Character-set neutral function names ---- */
/*
 * esent.dll also exports every plain name (JetAttachDatabase, ...) as a synonym of the ANSI
 * form.  Normally the plain name is a macro selecting the A or W form according to
 * JET_UNICODE, like the Windows SDK header does.  A translation unit that defines
 * JET_PLAIN_NAME_EXPORTS before including this header instead gets real declarations of the
 * plain names with the ANSI signature (this is what the DLL's own sources need in order to
 * define them, and what a program calling the plain exports through a function pointer sees).
 */
#if defined(JET_PLAIN_NAME_EXPORTS)
JET_ERR JET_API JetAddColumn(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    const JET_COLUMNDEF *pcolumndef,
    const void *pvDefault,
    JET_ULONG_ cbDefault,
    JET_COLUMNID *pcolumnid);
JET_ERR JET_API JetAttachDatabase(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabase2(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabaseWithStreaming(
    JET_SESID sesid,
    const char *szDbFileName,
    const char *szSLVFileName,
    const char *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_GRBIT grbit);
JET_ERR JET_API JetBackup(JET_PCSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupInstance(
    JET_INSTANCE instance,
    JET_PCSTR szBackupPath,
    JET_GRBIT grbit,
    JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBeginSession(
    JET_INSTANCE instance,
    JET_SESID *psesid,
    JET_PCSTR szUserName,
    JET_PCSTR szPassword);
JET_ERR JET_API JetCompact(
    JET_SESID sesid,
    JET_PCSTR szDatabaseSrc,
    JET_PCSTR szDatabaseDest,
    JET_PFNSTATUS pfnStatus,
    JET_CONVERT_A *pconvert,
    JET_GRBIT grbit);
JET_ERR JET_API JetConvertDDL(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OPDDLCONV convtyp,
    void *pvData,
    JET_ULONG_ cbData);
JET_ERR JET_API JetCreateDatabase(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    JET_PCSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabase2(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabaseWithStreaming(
    JET_SESID sesid,
    const char *szDbFileName,
    const char *szSLVFileName,
    const char *szSLVRootName,
    const JET_ULONG_ cpgDatabaseSizeMax,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateIndex(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit,
    const char *szKey,
    JET_ULONG_ cbKey,
    JET_ULONG_ lDensity);
JET_ERR JET_API JetCreateIndex2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateIndex3(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE2_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateIndex4(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_INDEXCREATE3_A *pindexcreate,
    JET_ULONG_ cIndexCreate);
JET_ERR JET_API JetCreateInstance(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName);
JET_ERR JET_API JetCreateInstance2(
    JET_INSTANCE *pinstance,
    JET_PCSTR szInstanceName,
    JET_PCSTR szDisplayName,
    JET_GRBIT grbit);
JET_ERR JET_API JetCreateTable(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ lPages,
    JET_ULONG_ lDensity,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetCreateTableColumnIndex(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_TABLECREATE_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex2(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_TABLECREATE2_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex3(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_TABLECREATE3_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex4(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_TABLECREATE4_A *ptablecreate);
JET_ERR JET_API JetDBUtilities(JET_DBUTIL_A *pdbutil);
JET_ERR JET_API JetDefragment(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragment2(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    JET_GRBIT grbit);
JET_ERR JET_API JetDefragment3(
    JET_SESID sesid,
    JET_PCSTR szDatabaseName,
    JET_PCSTR szTableName,
    JET_ULONG_ *pcPasses,
    JET_ULONG_ *pcSeconds,
    JET_CALLBACK callback,
    void *pvContext,
    JET_GRBIT grbit);
JET_ERR JET_API JetDeleteColumn(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName);
JET_ERR JET_API JetDeleteColumn2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    const JET_GRBIT grbit);
JET_ERR JET_API JetDeleteIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetDeleteTable(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName);
JET_ERR JET_API JetDetachDatabase(JET_SESID sesid, JET_PCSTR szFilename);
JET_ERR JET_API JetDetachDatabase2(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetEnableMultiInstance(
    JET_SETSYSPARAM_A *psetsysparam,
    JET_ULONG_ csetsysparam,
    JET_ULONG_ *pcsetsucceed);
JET_ERR JET_API JetExternalRestore(
    JET_PSTR szCheckpointFilePath,
    JET_PSTR szLogPath,
    JET_RSTMAP_A *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PSTR szBackupLogPath,
    JET_LONG_ genLow,
    JET_LONG_ genHigh,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestore2(
    JET_PSTR szCheckpointFilePath,
    JET_PSTR szLogPath,
    JET_RSTMAP_A *rgrstmap,
    JET_LONG_ crstfilemap,
    JET_PSTR szBackupLogPath,
    JET_LOGINFO_A *pLogInfo,
    JET_PSTR szTargetInstanceName,
    JET_PSTR szTargetInstanceLogPath,
    JET_PSTR szTargetInstanceCheckpointPath,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetGetAttachInfo(JET_PSTR szzDatabases, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetAttachInfoInstance(
    JET_INSTANCE instance,
    JET_PSTR szzDatabases,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetColumnInfo(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR pColumnNameOrId,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetCurrentIndex(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PSTR szIndexName,
    JET_ULONG_ cbIndexName);
JET_ERR JET_API JetGetDatabaseFileInfo(
    JET_PCSTR szDatabaseName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetDatabaseInfo(
    JET_SESID sesid,
    JET_DBID dbid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetIndexInfo(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetInstanceInfo(JET_ULONG_ *pcInstanceInfo, JET_INSTANCE_INFO_A **paInstanceInfo);
JET_ERR JET_API JetGetLogFileInfo(
    JET_PCSTR szLog,
    void *pvResult,
    const JET_ULONG_ cbMax,
    const JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetLogInfo(JET_PSTR szzLogs, JET_ULONG_ cbMax, JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogInfoInstance(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetGetLogInfoInstance2(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual,
    JET_LOGINFO_A *pLogInfo);
JET_ERR JET_API JetGetObjectInfo(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_OBJTYP objtyp,
    JET_PCSTR szContainerName,
    JET_PCSTR szObjectName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetSystemParameter(
    JET_INSTANCE instance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR *plParam,
    JET_PSTR szParam,
    JET_ULONG_ cbMax);
JET_ERR JET_API JetGetTableColumnInfo(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szColumnName,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableIndexInfo(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    void *pvResult,
    JET_ULONG_ cbResult,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTableInfo(
    JET_SESID sesid,
    JET_TABLEID tableid,
    void *pvResult,
    JET_ULONG_ cbMax,
    JET_ULONG_ InfoLevel);
JET_ERR JET_API JetGetTruncateLogInfoInstance(
    JET_INSTANCE instance,
    JET_PSTR szzLogs,
    JET_ULONG_ cbMax,
    JET_ULONG_ *pcbActual);
JET_ERR JET_API JetInit3(JET_INSTANCE *pinstance, JET_RSTINFO_A *prstInfo, JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotFreeze(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_A **paInstanceInfo,
    const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotGetFreezeInfo(
    const JET_OSSNAPID snapId,
    JET_ULONG_ *pcInstanceInfo,
    JET_INSTANCE_INFO_A **paInstanceInfo,
    const JET_GRBIT grbit);
JET_ERR JET_API JetOpenDatabase(
    JET_SESID sesid,
    JET_PCSTR szFilename,
    JET_PCSTR szConnect,
    JET_DBID *pdbid,
    JET_GRBIT grbit);
JET_ERR JET_API JetOpenFile(
    JET_PCSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileInstance(
    JET_INSTANCE instance,
    JET_PCSTR szFileName,
    JET_HANDLE *phfFile,
    JET_ULONG_ *pulFileSizeLow,
    JET_ULONG_ *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileSectionInstance(
    JET_INSTANCE instance,
    JET_PSTR szFile,
    JET_HANDLE *phFile,
    JET_LONG_ iSection,
    JET_LONG_ cSections,
    JET_ULONG_ *pulSectionSizeLow,
    JET_LONG_ *plSectionSizeHigh);
JET_ERR JET_API JetOpenTable(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    const void *pvParameters,
    JET_ULONG_ cbParameters,
    JET_GRBIT grbit,
    JET_TABLEID *ptableid);
JET_ERR JET_API JetRenameColumn(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szName,
    JET_PCSTR szNameNew,
    JET_GRBIT grbit);
JET_ERR JET_API JetRenameTable(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szName,
    JET_PCSTR szNameNew);
JET_ERR JET_API JetRestore(JET_PCSTR szSource, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestore2(JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreInstance(
    JET_INSTANCE instance,
    JET_PCSTR sz,
    JET_PCSTR szDest,
    JET_PFNSTATUS pfn);
JET_ERR JET_API JetSetColumnDefaultValue(
    JET_SESID sesid,
    JET_DBID dbid,
    JET_PCSTR szTableName,
    JET_PCSTR szColumnName,
    const void *pvData,
    const JET_ULONG_ cbData,
    const JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetSetCurrentIndex2(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex3(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
JET_ERR JET_API JetSetCurrentIndex4(
    JET_SESID sesid,
    JET_TABLEID tableid,
    JET_PCSTR szIndexName,
    JET_INDEXID *pindexid,
    JET_GRBIT grbit,
    JET_ULONG_ itagSequence);
JET_ERR JET_API JetSetDatabaseSize(
    JET_SESID sesid,
    JET_PCSTR szDatabaseName,
    JET_ULONG_ cpg,
    JET_ULONG_ *pcpgReal);
JET_ERR JET_API JetSetSystemParameter(
    JET_INSTANCE *pinstance,
    JET_SESID sesid,
    JET_ULONG_ paramid,
    JET_API_PTR lParam,
    JET_PCSTR szParam);
JET_ERR JET_API JetSnapshotStart(JET_INSTANCE instance, JET_PSTR szDatabases, JET_GRBIT grbit);
JET_ERR JET_API JetUpgradeDatabase(
    JET_SESID sesid,
    JET_PCSTR szDbFileName,
    JET_PCSTR szSLVFileName,
    const JET_GRBIT grbit);
#elif defined(JET_UNICODE)
#define JetAddColumn                         JetAddColumnW
#define JetAttachDatabase                    JetAttachDatabaseW
#define JetAttachDatabase2                   JetAttachDatabase2W
#define JetAttachDatabaseWithStreaming       JetAttachDatabaseWithStreamingW
#define JetBackup                            JetBackupW
#define JetBackupInstance                    JetBackupInstanceW
#define JetBeginSession                      JetBeginSessionW
#define JetCompact                           JetCompactW
#define JetConvertDDL                        JetConvertDDLW
#define JetCreateDatabase                    JetCreateDatabaseW
#define JetCreateDatabase2                   JetCreateDatabase2W
#define JetCreateDatabaseWithStreaming       JetCreateDatabaseWithStreamingW
#define JetCreateIndex                       JetCreateIndexW
#define JetCreateIndex2                      JetCreateIndex2W
#define JetCreateIndex3                      JetCreateIndex3W
#define JetCreateIndex4                      JetCreateIndex4W
#define JetCreateInstance                    JetCreateInstanceW
#define JetCreateInstance2                   JetCreateInstance2W
#define JetCreateTable                       JetCreateTableW
#define JetCreateTableColumnIndex            JetCreateTableColumnIndexW
#define JetCreateTableColumnIndex2           JetCreateTableColumnIndex2W
#define JetCreateTableColumnIndex3           JetCreateTableColumnIndex3W
#define JetCreateTableColumnIndex4           JetCreateTableColumnIndex4W
#define JetDBUtilities                       JetDBUtilitiesW
#define JetDefragment                        JetDefragmentW
#define JetDefragment2                       JetDefragment2W
#define JetDefragment3                       JetDefragment3W
#define JetDeleteColumn                      JetDeleteColumnW
#define JetDeleteColumn2                     JetDeleteColumn2W
#define JetDeleteIndex                       JetDeleteIndexW
#define JetDeleteTable                       JetDeleteTableW
#define JetDetachDatabase                    JetDetachDatabaseW
#define JetDetachDatabase2                   JetDetachDatabase2W
#define JetEnableMultiInstance               JetEnableMultiInstanceW
#define JetExternalRestore                   JetExternalRestoreW
#define JetExternalRestore2                  JetExternalRestore2W
#define JetGetAttachInfo                     JetGetAttachInfoW
#define JetGetAttachInfoInstance             JetGetAttachInfoInstanceW
#define JetGetColumnInfo                     JetGetColumnInfoW
#define JetGetCurrentIndex                   JetGetCurrentIndexW
#define JetGetDatabaseFileInfo               JetGetDatabaseFileInfoW
#define JetGetDatabaseInfo                   JetGetDatabaseInfoW
#define JetGetIndexInfo                      JetGetIndexInfoW
#define JetGetInstanceInfo                   JetGetInstanceInfoW
#define JetGetLogFileInfo                    JetGetLogFileInfoW
#define JetGetLogInfo                        JetGetLogInfoW
#define JetGetLogInfoInstance                JetGetLogInfoInstanceW
#define JetGetLogInfoInstance2               JetGetLogInfoInstance2W
#define JetGetObjectInfo                     JetGetObjectInfoW
#define JetGetSystemParameter                JetGetSystemParameterW
#define JetGetTableColumnInfo                JetGetTableColumnInfoW
#define JetGetTableIndexInfo                 JetGetTableIndexInfoW
#define JetGetTableInfo                      JetGetTableInfoW
#define JetGetTruncateLogInfoInstance        JetGetTruncateLogInfoInstanceW
#define JetInit3                             JetInit3W
#define JetOSSnapshotFreeze                  JetOSSnapshotFreezeW
#define JetOSSnapshotGetFreezeInfo           JetOSSnapshotGetFreezeInfoW
#define JetOpenDatabase                      JetOpenDatabaseW
#define JetOpenFile                          JetOpenFileW
#define JetOpenFileInstance                  JetOpenFileInstanceW
#define JetOpenFileSectionInstance           JetOpenFileSectionInstanceW
#define JetOpenTable                         JetOpenTableW
#define JetRenameColumn                      JetRenameColumnW
#define JetRenameTable                       JetRenameTableW
#define JetRestore                           JetRestoreW
#define JetRestore2                          JetRestore2W
#define JetRestoreInstance                   JetRestoreInstanceW
#define JetSetColumnDefaultValue             JetSetColumnDefaultValueW
#define JetSetCurrentIndex                   JetSetCurrentIndexW
#define JetSetCurrentIndex2                  JetSetCurrentIndex2W
#define JetSetCurrentIndex3                  JetSetCurrentIndex3W
#define JetSetCurrentIndex4                  JetSetCurrentIndex4W
#define JetSetDatabaseSize                   JetSetDatabaseSizeW
#define JetSetSystemParameter                JetSetSystemParameterW
#define JetSnapshotStart                     JetSnapshotStartW
#define JetUpgradeDatabase                   JetUpgradeDatabaseW
#define JetGetErrorInfo                      JetGetErrorInfoW
#else
#define JetAddColumn                         JetAddColumnA
#define JetAttachDatabase                    JetAttachDatabaseA
#define JetAttachDatabase2                   JetAttachDatabase2A
#define JetAttachDatabaseWithStreaming       JetAttachDatabaseWithStreamingA
#define JetBackup                            JetBackupA
#define JetBackupInstance                    JetBackupInstanceA
#define JetBeginSession                      JetBeginSessionA
#define JetCompact                           JetCompactA
#define JetConvertDDL                        JetConvertDDLA
#define JetCreateDatabase                    JetCreateDatabaseA
#define JetCreateDatabase2                   JetCreateDatabase2A
#define JetCreateDatabaseWithStreaming       JetCreateDatabaseWithStreamingA
#define JetCreateIndex                       JetCreateIndexA
#define JetCreateIndex2                      JetCreateIndex2A
#define JetCreateIndex3                      JetCreateIndex3A
#define JetCreateIndex4                      JetCreateIndex4A
#define JetCreateInstance                    JetCreateInstanceA
#define JetCreateInstance2                   JetCreateInstance2A
#define JetCreateTable                       JetCreateTableA
#define JetCreateTableColumnIndex            JetCreateTableColumnIndexA
#define JetCreateTableColumnIndex2           JetCreateTableColumnIndex2A
#define JetCreateTableColumnIndex3           JetCreateTableColumnIndex3A
#define JetCreateTableColumnIndex4           JetCreateTableColumnIndex4A
#define JetDBUtilities                       JetDBUtilitiesA
#define JetDefragment                        JetDefragmentA
#define JetDefragment2                       JetDefragment2A
#define JetDefragment3                       JetDefragment3A
#define JetDeleteColumn                      JetDeleteColumnA
#define JetDeleteColumn2                     JetDeleteColumn2A
#define JetDeleteIndex                       JetDeleteIndexA
#define JetDeleteTable                       JetDeleteTableA
#define JetDetachDatabase                    JetDetachDatabaseA
#define JetDetachDatabase2                   JetDetachDatabase2A
#define JetEnableMultiInstance               JetEnableMultiInstanceA
#define JetExternalRestore                   JetExternalRestoreA
#define JetExternalRestore2                  JetExternalRestore2A
#define JetGetAttachInfo                     JetGetAttachInfoA
#define JetGetAttachInfoInstance             JetGetAttachInfoInstanceA
#define JetGetColumnInfo                     JetGetColumnInfoA
#define JetGetCurrentIndex                   JetGetCurrentIndexA
#define JetGetDatabaseFileInfo               JetGetDatabaseFileInfoA
#define JetGetDatabaseInfo                   JetGetDatabaseInfoA
#define JetGetIndexInfo                      JetGetIndexInfoA
#define JetGetInstanceInfo                   JetGetInstanceInfoA
#define JetGetLogFileInfo                    JetGetLogFileInfoA
#define JetGetLogInfo                        JetGetLogInfoA
#define JetGetLogInfoInstance                JetGetLogInfoInstanceA
#define JetGetLogInfoInstance2               JetGetLogInfoInstance2A
#define JetGetObjectInfo                     JetGetObjectInfoA
#define JetGetSystemParameter                JetGetSystemParameterA
#define JetGetTableColumnInfo                JetGetTableColumnInfoA
#define JetGetTableIndexInfo                 JetGetTableIndexInfoA
#define JetGetTableInfo                      JetGetTableInfoA
#define JetGetTruncateLogInfoInstance        JetGetTruncateLogInfoInstanceA
#define JetInit3                             JetInit3A
#define JetOSSnapshotFreeze                  JetOSSnapshotFreezeA
#define JetOSSnapshotGetFreezeInfo           JetOSSnapshotGetFreezeInfoA
#define JetOpenDatabase                      JetOpenDatabaseA
#define JetOpenFile                          JetOpenFileA
#define JetOpenFileInstance                  JetOpenFileInstanceA
#define JetOpenFileSectionInstance           JetOpenFileSectionInstanceA
#define JetOpenTable                         JetOpenTableA
#define JetRenameColumn                      JetRenameColumnA
#define JetRenameTable                       JetRenameTableA
#define JetRestore                           JetRestoreA
#define JetRestore2                          JetRestore2A
#define JetRestoreInstance                   JetRestoreInstanceA
#define JetSetColumnDefaultValue             JetSetColumnDefaultValueA
#define JetSetCurrentIndex                   JetSetCurrentIndexA
#define JetSetCurrentIndex2                  JetSetCurrentIndex2A
#define JetSetCurrentIndex3                  JetSetCurrentIndex3A
#define JetSetCurrentIndex4                  JetSetCurrentIndex4A
#define JetSetDatabaseSize                   JetSetDatabaseSizeA
#define JetSetSystemParameter                JetSetSystemParameterA
#define JetSnapshotStart                     JetSnapshotStartA
#define JetUpgradeDatabase                   JetUpgradeDatabaseA
/* JetGetErrorInfo exists only in the wide form: name it explicitly as JetGetErrorInfoW. */
#define JetGetErrorInfo                      JetGetErrorInfoA_does_not_exist_use_JetGetErrorInfoW
#endif

#ifdef __clang__
#  pragma clang diagnostic pop
#endif
#ifdef _MSC_VER
#  pragma warning(pop)
#endif

#pragma pack(pop)

#ifdef __cplusplus
}
#endif

#endif /* _INC_ESENT */
