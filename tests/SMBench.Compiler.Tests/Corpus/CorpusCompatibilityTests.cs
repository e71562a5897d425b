using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Compiler.Tests.Corpus;

/// <summary>Every capture of the public corpus compiles to a valid workload or fails with a specific message.</summary>
public sealed class CorpusCompatibilityTests
{
    private readonly ITestOutputHelper _out;

    public CorpusCompatibilityTests(ITestOutputHelper output) => _out = output;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(TestPaths.CorpusDir))
        {
            data.Add("(corpus absent)");
            return data;
        }
        foreach (var f in Directory.GetFiles(TestPaths.CorpusDir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Corpus_file_compiles_to_a_valid_workload(string file)
    {
        var output = TestPaths.NewTempDir("corpus");
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var report = await CaptureCompiler.CompileAsync(new CompileOptions
            {
                InputPath = Path.Combine(TestPaths.CorpusDir, file),
                OutputDirectory = output,
            }, cancellationToken: cts.Token);
            _out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));

            Assert.True(report.Frames > 0);
            var validation = new WorkloadValidator().Validate(output);
            Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
            Assert.Equal(report.OpsTotal, report.ByType.Values.Sum());
            Assert.True(File.Exists(Path.Combine(output, CaptureCompiler.PrestateFileName)));
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    [CorpusTheory(NeedsTshark = true)]
    [MemberData(nameof(CorpusFiles))]
    public async Task Corpus_requests_per_command_agree_with_tshark(string file)
    {
        var input = Path.Combine(TestPaths.CorpusDir, file);
        var output = TestPaths.NewTempDir("corpus-tshark");
        try
        {
            var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = input, OutputDirectory = output });
            var tshark = Captures.TsharkOracle.RequestsByCommand(input, null);
            Assert.Equal(tshark.OrderBy(k => k.Key), report.RequestsByCommand.OrderBy(k => k.Key));
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }
}
