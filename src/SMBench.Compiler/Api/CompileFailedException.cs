namespace SMBench.Compiler;

/// <summary>A compile that could not produce a workload; the message says what, where and what to do.</summary>
public sealed class CompileFailedException : Exception
{
    public CompileFailedException(string message) : base(message) { }

    public CompileFailedException(string message, Exception inner) : base(message, inner) { }

    public CompileFailedException() { }
}
