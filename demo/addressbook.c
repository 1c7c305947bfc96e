/*
 * addressbook.c - the demo: a small but real Windows program that keeps an
 * address book in an ESENT database.
 *
 * It is built exactly as an unmodified program would be: against
 * mingw-w64's own <esent.h> and libesent.a (not our header), and run under
 * Wine with our esent.dll beside it.  mingw's header lacks most JET_bit*
 * constants and the A/W macros of a few functions, so, like real programs
 * built with mingw, it carries a small gap block of the documented values
 * it needs and calls those functions by their A names.
 *
 * What it does, with the usual ESENT start-up sequence: one instance with
 * its logs and temp database in the current folder, a session, the database
 * addressbook.edb (created on the first run, attached afterwards), a table
 * "contacts" with an autoincrement primary key and a secondary index on the
 * name, then:
 *     addressbook add NAME EMAIL   insert a contact (one transaction)
 *     addressbook list             every contact, in name order
 *     addressbook find NAME        seek on the name index
 *     addressbook                  a scripted tour of the above
 * Every Jet call is checked.  When the DLL reports JET_errFeatureNotAvailable
 * (a function our ESENT does not implement yet) the program says so and
 * stops cleanly with exit code 0; any other error exits with code 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <esent.h>

/* ---- gap block: documented constants missing from mingw-w64's esent.h ---- */
#ifndef JET_bitColumnAutoincrement
#define JET_bitColumnAutoincrement 0x00000010
#endif
#ifndef JET_bitIndexPrimary
#define JET_bitIndexPrimary 0x00000002
#endif
#ifndef JET_bitIndexUnique
#define JET_bitIndexUnique 0x00000001
#endif
#ifndef JET_prepInsert
#define JET_prepInsert 0
#endif
#ifndef JET_bitNewKey
#define JET_bitNewKey 0x00000001
#endif
#ifndef JET_bitSeekEQ
#define JET_bitSeekEQ 0x00000001
#endif
#ifndef JET_bitRetrieveCopy
#define JET_bitRetrieveCopy 0x00000001
#endif
#ifndef JET_bitCommitLazyFlush
#define JET_bitCommitLazyFlush 0x00000001
#endif

static JET_INSTANCE instance;
static JET_SESID sesid = JET_sesidNil;
static JET_DBID dbid = JET_dbidNil;

/* Leaves the program: 0 for a clean "not implemented yet", 1 otherwise. */
static void fail(const char *call, JET_ERR err)
{
    if (err == JET_errFeatureNotAvailable) {
        printf("addressbook: %s returned JET_errFeatureNotAvailable (%ld):\n"
               "addressbook: this esent.dll does not implement it yet; stopping cleanly.\n",
               call, (long)err);
        exit(0);
    }
    printf("addressbook: %s failed with error %ld\n", call, (long)err);
    exit(1);
}

#define CALL(expr) \
    do { \
        JET_ERR err_ = (expr); \
        if (err_ < 0) fail(#expr, err_); \
    } while (0)

struct columns {
    JET_COLUMNID id, name, email;
};

static void create_schema(void)
{
    JET_TABLEID table;
    JET_COLUMNDEF def;
    JET_COLUMNID col;
    static const char primary[] = "+id\0";
    static const char byname[] = "+name\0";

    CALL(JetBeginTransaction(sesid));
    CALL(JetCreateTableA(sesid, dbid, "contacts", 16, 100, &table));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnAutoincrement;
    CALL(JetAddColumn(sesid, table, "id", &def, NULL, 0, &col));
    def.coltyp = JET_coltypText;
    def.grbit = 0;
    def.cp = 1252;
    def.cbMax = 100;
    CALL(JetAddColumn(sesid, table, "name", &def, NULL, 0, &col));
    CALL(JetAddColumn(sesid, table, "email", &def, NULL, 0, &col));
    CALL(JetCreateIndex(sesid, table, "primary", JET_bitIndexPrimary | JET_bitIndexUnique,
                        primary, sizeof(primary), 100));
    CALL(JetCreateIndex(sesid, table, "byname", 0, byname, sizeof(byname), 100));
    CALL(JetCloseTable(sesid, table));
    CALL(JetCommitTransaction(sesid, 0));
}

static void open_database(void)
{
    JET_ERR err;

    CALL(JetCreateInstance(&instance, "addressbook"));
    CALL(JetSetSystemParameter(&instance, JET_sesidNil, JET_paramSystemPath, 0, ".\\"));
    CALL(JetSetSystemParameter(&instance, JET_sesidNil, JET_paramLogFilePath, 0, ".\\"));
    CALL(JetSetSystemParameter(&instance, JET_sesidNil, JET_paramTempPath, 0, ".\\"));
    CALL(JetSetSystemParameter(&instance, JET_sesidNil, JET_paramCircularLog, 1, NULL));
    CALL(JetInit(&instance));
    CALL(JetBeginSession(instance, &sesid, NULL, NULL));

    err = JetAttachDatabase(sesid, "addressbook.edb", 0);
    if (err == JET_errInvalidDatabaseVersion) {
        /* Left by a build with an older file format: start over. */
        printf("addressbook: addressbook.edb has another format version; making a new one\n");
        DeleteFileA("addressbook.edb");
        err = JET_errFileNotFound;
    }
    if (err == JET_errFileNotFound) {
        CALL(JetCreateDatabase(sesid, "addressbook.edb", NULL, &dbid, 0));
        create_schema();
        printf("addressbook: created addressbook.edb\n");
    } else {
        JET_TABLEID table;
        if (err < 0) fail("JetAttachDatabase", err);
        CALL(JetOpenDatabase(sesid, "addressbook.edb", NULL, &dbid, 0));
        /* A file left by an interrupted first run may lack the table. */
        err = JetOpenTable(sesid, dbid, "contacts", NULL, 0, 0, &table);
        if (err == JET_errObjectNotFound) {
            create_schema();
            printf("addressbook: created the contacts table\n");
        } else if (err < 0) {
            fail("JetOpenTable", err);
        } else {
            CALL(JetCloseTable(sesid, table));
        }
    }
}

static void close_database(void)
{
    CALL(JetCloseDatabase(sesid, dbid, 0));
    CALL(JetDetachDatabase(sesid, "addressbook.edb"));
    CALL(JetEndSession(sesid, 0));
    CALL(JetTerm(instance));
}

static JET_TABLEID open_contacts(struct columns *c)
{
    JET_TABLEID table;
    JET_COLUMNDEF def;

    CALL(JetOpenTable(sesid, dbid, "contacts", NULL, 0, 0, &table));
    CALL(JetGetTableColumnInfoA(sesid, table, "id", &def, sizeof(def), JET_ColInfo));
    c->id = def.columnid;
    CALL(JetGetTableColumnInfoA(sesid, table, "name", &def, sizeof(def), JET_ColInfo));
    c->name = def.columnid;
    CALL(JetGetTableColumnInfoA(sesid, table, "email", &def, sizeof(def), JET_ColInfo));
    c->email = def.columnid;
    return table;
}

static void add(const char *name, const char *email)
{
    struct columns c;
    JET_TABLEID table = open_contacts(&c);
    long id = 0;
    unsigned long got = 0;

    CALL(JetBeginTransaction(sesid));
    CALL(JetPrepareUpdate(sesid, table, JET_prepInsert));
    /* The autoincrement value is assigned at JetPrepareUpdate. */
    CALL(JetRetrieveColumn(sesid, table, c.id, &id, sizeof(id), &got, JET_bitRetrieveCopy, NULL));
    CALL(JetSetColumn(sesid, table, c.name, name, (unsigned long)strlen(name), 0, NULL));
    CALL(JetSetColumn(sesid, table, c.email, email, (unsigned long)strlen(email), 0, NULL));
    CALL(JetUpdate(sesid, table, NULL, 0, NULL));
    CALL(JetCommitTransaction(sesid, JET_bitCommitLazyFlush));
    CALL(JetCloseTable(sesid, table));
    printf("added #%ld %s <%s>\n", id, name, email);
}

static void print_current(JET_TABLEID table, const struct columns *c)
{
    char name[101], email[101];
    unsigned long cbname = 0, cbemail = 0;
    long id = 0;

    CALL(JetRetrieveColumn(sesid, table, c->id, &id, sizeof(id), NULL, 0, NULL));
    CALL(JetRetrieveColumn(sesid, table, c->name, name, sizeof(name) - 1, &cbname, 0, NULL));
    CALL(JetRetrieveColumn(sesid, table, c->email, email, sizeof(email) - 1, &cbemail, 0, NULL));
    name[cbname < sizeof(name) ? cbname : sizeof(name) - 1] = 0;
    email[cbemail < sizeof(email) ? cbemail : sizeof(email) - 1] = 0;
    printf("  #%ld %-20s %s\n", id, name, email);
}

static void list(void)
{
    struct columns c;
    JET_TABLEID table = open_contacts(&c);
    JET_ERR err;
    int n = 0;

    CALL(JetSetCurrentIndexA(sesid, table, "byname"));
    printf("contacts, by name:\n");
    for (err = JetMove(sesid, table, JET_MoveFirst, 0); err >= 0;
         err = JetMove(sesid, table, JET_MoveNext, 0)) {
        print_current(table, &c);
        n++;
    }
    if (err != JET_errNoCurrentRecord) fail("JetMove", err);
    printf("%d contact(s)\n", n);
    CALL(JetCloseTable(sesid, table));
}

static int find(const char *name)
{
    struct columns c;
    JET_TABLEID table = open_contacts(&c);
    JET_ERR err;

    CALL(JetSetCurrentIndexA(sesid, table, "byname"));
    CALL(JetMakeKey(sesid, table, name, (unsigned long)strlen(name), JET_bitNewKey));
    err = JetSeek(sesid, table, JET_bitSeekEQ);
    if (err == JET_errRecordNotFound) {
        printf("no contact named %s\n", name);
    } else {
        if (err < 0) fail("JetSeek", err);
        print_current(table, &c);
    }
    CALL(JetCloseTable(sesid, table));
    return err >= 0;
}

int main(int argc, char **argv)
{
    open_database();
    if (argc >= 4 && !strcmp(argv[1], "add")) {
        add(argv[2], argv[3]);
    } else if (argc >= 2 && !strcmp(argv[1], "list")) {
        list();
    } else if (argc >= 3 && !strcmp(argv[1], "find")) {
        find(argv[2]);
    } else {
        add("Grace Hopper", "grace@example.org");
        add("Ada Lovelace", "ada@example.org");
        add("Alan Turing", "alan@example.org");
        list();
        if (!find("Ada Lovelace")) fail("find Ada Lovelace", -1);
        find("Nobody");
    }
    close_database();
    return 0;
}
