namespace SMBench.Core;
internal static class AssemblyMarker { }
