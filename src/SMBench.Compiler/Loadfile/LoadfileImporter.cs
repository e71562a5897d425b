using SMBench.Compiler.Mapping;

namespace SMBench.Compiler.Loadfile;

/// <summary>dbench loadfile (client.txt) import.</summary>
public static class LoadfileImporter
{
    public static CompileReport Import(string path, CompileSession session, CancellationToken cancellationToken)
    {
        throw new CompileFailedException($"{path}: loadfile import is not available yet");
    }
}
