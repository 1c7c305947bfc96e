/*
 * MSTestShim.cs -- just enough of the MSTest framework's public surface
 * (Microsoft.VisualStudio.TestTools.UnitTesting) for ManagedEsent's test
 * projects to compile under Mono's mcs, where the MSTest NuGet packages
 * cannot be restored.
 *
 * The attributes only mark methods; TestRunner.cs finds them by reflection.
 * The assertion classes throw AssertFailedException (or
 * AssertInconclusiveException) with a message saying what differed, which
 * the runner prints next to the test's name. Written for this project from
 * the framework's documented behaviour; no code of MSTest is used.
 */
namespace Microsoft.VisualStudio.TestTools.UnitTesting
{
    using System;
    using System.Collections;
    using System.Globalization;

    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TestInitializeAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TestCleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class ClassInitializeAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class ClassCleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class AssemblyInitializeAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class AssemblyCleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class IgnoreAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class PriorityAttribute : Attribute
    {
        public PriorityAttribute(int priority) { this.Priority = priority; }
        public int Priority { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
    public sealed class DescriptionAttribute : Attribute
    {
        public DescriptionAttribute(string description) { this.Description = description; }
        public string Description { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TimeoutAttribute : Attribute
    {
        public TimeoutAttribute(int timeout) { this.Timeout = timeout; }
        public int Timeout { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class ExpectedExceptionAttribute : Attribute
    {
        public ExpectedExceptionAttribute(Type exceptionType) { this.ExceptionType = exceptionType; }
        public ExpectedExceptionAttribute(Type exceptionType, string noExceptionMessage)
        {
            this.ExceptionType = exceptionType;
            this.NoExceptionMessage = noExceptionMessage;
        }
        public Type ExceptionType { get; private set; }
        public string NoExceptionMessage { get; private set; }
        public bool AllowDerivedTypes { get; set; }
    }

    /* Passed to [ClassInitialize] and [AssemblyInitialize] methods. */
    public class TestContext
    {
        public virtual string TestName { get; set; }
        public virtual string TestRunDirectory { get { return Environment.CurrentDirectory; } }
        public virtual string TestDeploymentDir { get { return Environment.CurrentDirectory; } }
        public virtual void WriteLine(string format, params object[] args)
        {
            Console.WriteLine(format, args);
        }
    }

    public class UnitTestAssertException : Exception
    {
        public UnitTestAssertException(string message) : base(message) { }
    }

    public class AssertFailedException : UnitTestAssertException
    {
        public AssertFailedException(string message) : base(message) { }
    }

    public class AssertInconclusiveException : UnitTestAssertException
    {
        public AssertInconclusiveException(string message) : base(message) { }
    }

    public static class Assert
    {
        internal static string Format(string message, object[] args)
        {
            if (message == null)
                return string.Empty;
            if (args == null || args.Length == 0)
                return message;
            return string.Format(CultureInfo.InvariantCulture, message, args);
        }

        internal static void Throw(string what, string message, object[] args)
        {
            string m = Format(message, args);
            throw new AssertFailedException(m.Length > 0 ? what + " " + m : what);
        }

        static string Show(object o)
        {
            return o == null ? "(null)" : "<" + o + "> (" + o.GetType().Name + ")";
        }

        public static void AreEqual(object expected, object actual) { AreEqual(expected, actual, null, null); }
        public static void AreEqual(object expected, object actual, string message, params object[] args)
        {
            if (!object.Equals(expected, actual))
                Throw("Assert.AreEqual failed. Expected " + Show(expected) + ", actual " + Show(actual) + ".", message, args);
        }

        public static void AreEqual<T>(T expected, T actual) { AreEqual<T>(expected, actual, null, null); }
        public static void AreEqual<T>(T expected, T actual, string message, params object[] args)
        {
            if (!object.Equals(expected, actual))
                Throw("Assert.AreEqual failed. Expected " + Show(expected) + ", actual " + Show(actual) + ".", message, args);
        }

        public static void AreEqual(double expected, double actual, double delta) { AreEqual(expected, actual, delta, null, null); }
        public static void AreEqual(double expected, double actual, double delta, string message, params object[] args)
        {
            if (Math.Abs(expected - actual) > delta)
                Throw("Assert.AreEqual failed. Expected <" + expected + ">, actual <" + actual + ">.", message, args);
        }

        public static void AreEqual(float expected, float actual, float delta) { AreEqual(expected, actual, delta, null, null); }
        public static void AreEqual(float expected, float actual, float delta, string message, params object[] args)
        {
            if (Math.Abs(expected - actual) > delta)
                Throw("Assert.AreEqual failed. Expected <" + expected + ">, actual <" + actual + ">.", message, args);
        }

        public static void AreEqual(string expected, string actual, bool ignoreCase) { AreEqual(expected, actual, ignoreCase, null, null); }
        public static void AreEqual(string expected, string actual, bool ignoreCase, string message, params object[] args)
        {
            if (string.Compare(expected, actual, ignoreCase, CultureInfo.InvariantCulture) != 0)
                Throw("Assert.AreEqual failed. Expected " + Show(expected) + ", actual " + Show(actual) + ".", message, args);
        }

        public static void AreNotEqual(object notExpected, object actual) { AreNotEqual(notExpected, actual, null, null); }
        public static void AreNotEqual(object notExpected, object actual, string message, params object[] args)
        {
            if (object.Equals(notExpected, actual))
                Throw("Assert.AreNotEqual failed. Both are " + Show(actual) + ".", message, args);
        }

        public static void AreNotEqual<T>(T notExpected, T actual) { AreNotEqual<T>(notExpected, actual, null, null); }
        public static void AreNotEqual<T>(T notExpected, T actual, string message, params object[] args)
        {
            if (object.Equals(notExpected, actual))
                Throw("Assert.AreNotEqual failed. Both are " + Show(actual) + ".", message, args);
        }

        public static void AreSame(object expected, object actual) { AreSame(expected, actual, null, null); }
        public static void AreSame(object expected, object actual, string message, params object[] args)
        {
            if (!object.ReferenceEquals(expected, actual))
                Throw("Assert.AreSame failed.", message, args);
        }

        public static void AreNotSame(object notExpected, object actual) { AreNotSame(notExpected, actual, null, null); }
        public static void AreNotSame(object notExpected, object actual, string message, params object[] args)
        {
            if (object.ReferenceEquals(notExpected, actual))
                Throw("Assert.AreNotSame failed.", message, args);
        }

        public static void IsTrue(bool condition) { IsTrue(condition, null, null); }
        public static void IsTrue(bool condition, string message, params object[] args)
        {
            if (!condition)
                Throw("Assert.IsTrue failed.", message, args);
        }

        public static void IsFalse(bool condition) { IsFalse(condition, null, null); }
        public static void IsFalse(bool condition, string message, params object[] args)
        {
            if (condition)
                Throw("Assert.IsFalse failed.", message, args);
        }

        public static void IsNull(object value) { IsNull(value, null, null); }
        public static void IsNull(object value, string message, params object[] args)
        {
            if (value != null)
                Throw("Assert.IsNull failed, got " + Show(value) + ".", message, args);
        }

        public static void IsNotNull(object value) { IsNotNull(value, null, null); }
        public static void IsNotNull(object value, string message, params object[] args)
        {
            if (value == null)
                Throw("Assert.IsNotNull failed.", message, args);
        }

        public static void IsInstanceOfType(object value, Type expectedType) { IsInstanceOfType(value, expectedType, null, null); }
        public static void IsInstanceOfType(object value, Type expectedType, string message, params object[] args)
        {
            if (value == null || !expectedType.IsInstanceOfType(value))
                Throw("Assert.IsInstanceOfType failed: " + Show(value) + " is not " + expectedType.Name + ".", message, args);
        }

        public static void Fail() { Fail(null, null); }
        public static void Fail(string message, params object[] args)
        {
            Throw("Assert.Fail failed.", message, args);
        }

        public static void Inconclusive() { Inconclusive(null, null); }
        public static void Inconclusive(string message, params object[] args)
        {
            throw new AssertInconclusiveException(Format(message, args));
        }
    }

    public static class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual) { AreEqual(expected, actual, null, null); }
        public static void AreEqual(ICollection expected, ICollection actual, string message, params object[] args)
        {
            if (expected == null || actual == null)
            {
                if (expected != actual)
                    Assert.Throw("CollectionAssert.AreEqual failed (one is null).", message, args);
                return;
            }
            if (expected.Count != actual.Count)
                Assert.Throw("CollectionAssert.AreEqual failed: counts " + expected.Count + " and " + actual.Count + ".", message, args);
            IEnumerator e = expected.GetEnumerator(), a = actual.GetEnumerator();
            for (int i = 0; e.MoveNext() && a.MoveNext(); i++)
            {
                if (!object.Equals(e.Current, a.Current))
                    Assert.Throw("CollectionAssert.AreEqual failed at index " + i + ": <" + e.Current + "> vs <" + a.Current + ">.", message, args);
            }
        }

        public static void AreEquivalent(ICollection expected, ICollection actual) { AreEquivalent(expected, actual, null, null); }
        public static void AreEquivalent(ICollection expected, ICollection actual, string message, params object[] args)
        {
            if (expected.Count != actual.Count)
                Assert.Throw("CollectionAssert.AreEquivalent failed: counts " + expected.Count + " and " + actual.Count + ".", message, args);
            var left = new ArrayList(actual);
            foreach (object o in expected)
            {
                int i = left.IndexOf(o);
                if (i < 0)
                    Assert.Throw("CollectionAssert.AreEquivalent failed: <" + o + "> missing.", message, args);
                left.RemoveAt(i);
            }
        }
    }

    public static class StringAssert
    {
        public static void Contains(string value, string substring) { Contains(value, substring, null, null); }
        public static void Contains(string value, string substring, string message, params object[] args)
        {
            if (value == null || value.IndexOf(substring, StringComparison.Ordinal) < 0)
                Assert.Throw("StringAssert.Contains failed: <" + value + "> lacks <" + substring + ">.", message, args);
        }

        public static void StartsWith(string value, string prefix) { StartsWith(value, prefix, null, null); }
        public static void StartsWith(string value, string prefix, string message, params object[] args)
        {
            if (value == null || !value.StartsWith(prefix, StringComparison.Ordinal))
                Assert.Throw("StringAssert.StartsWith failed: <" + value + "> does not start with <" + prefix + ">.", message, args);
        }
    }
}
