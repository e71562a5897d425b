using SMBench.Daemon.Cli;

return await CliApp.RunAsync(args);
