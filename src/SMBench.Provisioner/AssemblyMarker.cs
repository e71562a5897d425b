namespace SMBench.Provisioner;
internal static class AssemblyMarker { }
