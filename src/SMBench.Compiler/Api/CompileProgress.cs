namespace SMBench.Compiler;

/// <summary>Progress of a compile: bytes of input consumed and operations written so far.</summary>
public readonly record struct CompileProgress(long BytesRead, long BytesTotal, long Frames, long Operations);
