namespace SMBench.Actors;
internal static class AssemblyMarker { }
