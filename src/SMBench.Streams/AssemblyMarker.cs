namespace SMBench.Streams;
internal static class AssemblyMarker { }
