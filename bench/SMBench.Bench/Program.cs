using System.Reflection;
using SMBench.Bench;

var harnesses = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchHarness).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchHarness)Activator.CreateInstance(t)!)
    .OrderBy(h => h.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/SMBench.Bench -- <harness> [args]");
    foreach (var h in harnesses) Console.WriteLine($"  {h.Name,-24} {h.Description}");
    return args.Length == 0 ? 2 : 0;
}

var harness = harnesses.FirstOrDefault(h => h.Name == args[0]);
if (harness == null)
{
    Console.Error.WriteLine($"unknown harness '{args[0]}'; run with 'list' to see them");
    return 2;
}
return await harness.RunAsync(args[1..]);
