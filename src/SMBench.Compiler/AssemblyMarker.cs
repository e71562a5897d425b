namespace SMBench.Compiler;
internal static class AssemblyMarker { }
