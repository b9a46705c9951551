using PainBias.Cli;

return PainBiasCommand.Run(args, Console.Out, Console.Error);
