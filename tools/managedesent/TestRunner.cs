/*
 * TestRunner.cs -- runs the [TestClass]es of a test assembly built against
 * MSTestShim.cs and prints one line per test:
 *
 *   PASS Class.Method
 *   FAIL Class.Method: what went wrong
 *   INCONCLUSIVE Class.Method: the test's own reason
 *   EXCLUDED Class.Method: reason from the exclusion file
 *
 * and a last line "total: N passed, N failed, N inconclusive, N excluded".
 *
 * Usage: mono TestRunner.exe [-x exclusions.txt] [--list] assembly.dll [filter...]
 * A filter is a class name ("SeekTests") or a test ("SeekTests.SeekLT");
 * ME_FULLSTACK=1 prints whole stack traces.  The exclusion file has one "Class" or "Class.Method" per line, then
 * whitespace and a reason; '#' starts a comment. --list prints the names of
 * the test classes (run.sh runs each class in its own process, so a crash
 * of the native library costs one class, not the run).
 *
 * The order of events follows MSTest's: [AssemblyInitialize] once,
 * [ClassInitialize] per class, then per test a new instance, [TestInitialize],
 * the test, [TestCleanup]; [ExpectedException] passes a test only when that
 * exact type (or a derived one with AllowDerivedTypes) escapes it.
 */
namespace ManagedEsentRunner
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Linq;
    using System.Reflection;
    using System.Threading;
    using Microsoft.VisualStudio.TestTools.UnitTesting;

    public static class TestRunner
    {
        static int passed, failed, inconclusive, excluded;
        static readonly Dictionary<string, string> Exclusions = new Dictionary<string, string>();
        const int DefaultTimeoutMs = 300 * 1000;

        static bool Has<T>(MemberInfo m) where T : Attribute
        {
            return m.GetCustomAttributes(typeof(T), false).Length > 0;
        }

        static MethodInfo[] With<T>(Type t) where T : Attribute
        {
            return t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                    .Where(Has<T>).ToArray();
        }

        static Exception Unwrap(Exception e)
        {
            while (e is TargetInvocationException && e.InnerException != null)
                e = e.InnerException;
            return e;
        }

        static void Invoke(MethodInfo m, object target)
        {
            object[] args = m.GetParameters().Length == 1 ? new object[] { new TestContext() } : null;
            m.Invoke(target, args);
        }

        static string Describe(Exception e)
        {
            string s = e.GetType().Name + ": " + e.Message;
            string where = e.StackTrace;
            if (where != null && Environment.GetEnvironmentVariable("ME_FULLSTACK") != null)
                return s + "\n" + where;
            if (where != null)
            {
                /* the innermost frame of the tests' own code is the useful one */
                foreach (string line in where.Split('\n'))
                {
                    if (line.Contains("InteropApiTests") || line.Contains("Tests."))
                    {
                        s += " @" + line.Trim();
                        break;
                    }
                }
            }
            return s.Replace('\n', ' ').Replace('\r', ' ');
        }

        static string Excluded(Type t, MethodInfo m)
        {
            string r;
            if (Exclusions.TryGetValue(t.Name + "." + m.Name, out r) || Exclusions.TryGetValue(t.Name, out r))
                return r;
            return null;
        }

        /* Runs one test; returns null on success, else the failure. */
        static Exception RunOne(Type t, MethodInfo m, MethodInfo[] init, MethodInfo[] cleanup)
        {
            Exception failure = null;
            object o = Activator.CreateInstance(t);
            try
            {
                foreach (MethodInfo i in init)
                    Invoke(i, o);
                var ee = (ExpectedExceptionAttribute)m.GetCustomAttributes(typeof(ExpectedExceptionAttribute), false).FirstOrDefault();
                try
                {
                    m.Invoke(o, null);
                    if (ee != null)
                        failure = new AssertFailedException("expected " + ee.ExceptionType.Name + ", nothing thrown");
                }
                catch (Exception e)
                {
                    Exception inner = Unwrap(e);
                    if (ee == null || inner is UnitTestAssertException)
                        failure = inner;
                    else if (!(inner.GetType() == ee.ExceptionType || (ee.AllowDerivedTypes && ee.ExceptionType.IsInstanceOfType(inner))))
                        failure = new AssertFailedException("expected " + ee.ExceptionType.Name + ", got " + Describe(inner));
                }
            }
            catch (Exception e)
            {
                failure = Unwrap(e);
            }
            finally
            {
                try
                {
                    foreach (MethodInfo c in cleanup)
                        Invoke(c, o);
                }
                catch (Exception e)
                {
                    if (failure == null)
                        failure = new AssertFailedException("in [TestCleanup]: " + Describe(Unwrap(e)));
                }
            }
            return failure;
        }

        static void Report(string name, Exception failure)
        {
            if (failure == null)
            {
                passed++;
                Console.WriteLine("PASS " + name);
            }
            else if (failure is AssertInconclusiveException)
            {
                inconclusive++;
                Console.WriteLine("INCONCLUSIVE " + name + ": " + failure.Message);
            }
            else
            {
                failed++;
                Console.WriteLine("FAIL " + name + ": " + Describe(failure));
            }
        }

        static void RunClass(Type t, Func<string, bool> selected)
        {
            var tests = t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                         .Where(Has<TestMethodAttribute>)
                         .Where(m => selected(t.Name + "." + m.Name))
                         .OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
            if (tests.Length == 0)
                return;
            var runnable = new List<MethodInfo>();
            foreach (MethodInfo m in tests)
            {
                string reason = Excluded(t, m);
                if (reason != null)
                {
                    excluded++;
                    Console.WriteLine("EXCLUDED " + t.Name + "." + m.Name + ": " + reason);
                }
                else
                {
                    runnable.Add(m);
                }
            }
            if (runnable.Count == 0)
                return;
            MethodInfo[] init = With<TestInitializeAttribute>(t), cleanup = With<TestCleanupAttribute>(t);
            try
            {
                foreach (MethodInfo ci in With<ClassInitializeAttribute>(t))
                    Invoke(ci, null);
            }
            catch (Exception e)
            {
                foreach (MethodInfo m in runnable)
                    Report(t.Name + "." + m.Name, new AssertFailedException("in [ClassInitialize]: " + Describe(Unwrap(e))));
                return;
            }
            foreach (MethodInfo m in runnable)
            {
                Exception failure = null;
                MethodInfo mm = m;
                var th = new Thread(() => { failure = RunOne(t, mm, init, cleanup); }, 16 * 1024 * 1024);
                th.Start();
                if (!th.Join(DefaultTimeoutMs))
                {
                    Report(t.Name + "." + m.Name, new AssertFailedException("timed out; stopping this process"));
                    Console.Out.Flush();
                    Environment.Exit(3);
                }
                Report(t.Name + "." + m.Name, failure);
            }
            foreach (MethodInfo cc in With<ClassCleanupAttribute>(t))
            {
                try
                {
                    Invoke(cc, null);
                }
                catch (Exception e)
                {
                    Console.WriteLine("NOTE [ClassCleanup] of " + t.Name + " threw " + Describe(Unwrap(e)));
                }
            }
        }

        public static int Main(string[] argv)
        {
            var args = new List<string>(argv);
            bool list = false;
            for (int i = 0; i < args.Count; )
            {
                if (args[i] == "-x" && i + 1 < args.Count)
                {
                    foreach (string raw in File.ReadAllLines(args[i + 1]))
                    {
                        string line = raw.Split('#')[0].Trim();
                        if (line.Length == 0)
                            continue;
                        int sp = line.IndexOfAny(new[] { ' ', '\t' });
                        string key = sp < 0 ? line : line.Substring(0, sp);
                        Exclusions[key] = sp < 0 ? "excluded" : line.Substring(sp).Trim();
                    }
                    args.RemoveRange(i, 2);
                }
                else if (args[i] == "--list")
                {
                    list = true;
                    args.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }
            if (args.Count < 1)
            {
                Console.Error.WriteLine("usage: TestRunner.exe [-x exclusions] [--list] assembly.dll [Class[.Method]...]");
                return 2;
            }
            Assembly asm = Assembly.LoadFrom(args[0]);
            var filters = args.Skip(1).ToArray();
            Func<string, bool> selected = name => filters.Length == 0 ||
                filters.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal));
            Type[] classes;
            try
            {
                classes = asm.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                classes = e.Types.Where(x => x != null).ToArray();
            }
            classes = classes.Where(Has<TestClassAttribute>).OrderBy(x => x.Name, StringComparer.Ordinal).ToArray();
            if (list)
            {
                foreach (Type t in classes)
                    Console.WriteLine(t.Name);
                return 0;
            }
            foreach (Type t in classes)
            {
                foreach (MethodInfo ai in With<AssemblyInitializeAttribute>(t))
                    Invoke(ai, null);
            }
            foreach (Type t in classes)
                RunClass(t, selected);
            foreach (Type t in classes)
            {
                foreach (MethodInfo ac in With<AssemblyCleanupAttribute>(t))
                    Invoke(ac, null);
            }
            Console.WriteLine("total: {0} passed, {1} failed, {2} inconclusive, {3} excluded",
                              passed, failed, inconclusive, excluded);
            return failed == 0 ? 0 : 1;
        }
    }
}
