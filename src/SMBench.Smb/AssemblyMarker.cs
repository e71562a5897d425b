namespace SMBench.Smb;
internal static class AssemblyMarker { }
