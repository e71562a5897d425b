using Xunit;

namespace SMBench.Compiler.Tests.Corpus;

/// <summary>A theory over the shared capture corpus; skips with a message where ../shared is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(TestPaths.CorpusDir)) Skip = $"shared capture corpus not found at {TestPaths.CorpusDir}";
    }

    /// <summary>Also needs tshark (the oracle).</summary>
    public bool NeedsTshark
    {
        get => false;
        init
        {
            if (value && Skip == null && SMBench.TestSupport.ExternalProcess.Which("tshark") == null)
                Skip = "tshark is not installed (run scripts/setup-deps.sh)";
        }
    }
}

public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(TestPaths.CorpusDir)) Skip = $"shared capture corpus not found at {TestPaths.CorpusDir}";
    }
}
