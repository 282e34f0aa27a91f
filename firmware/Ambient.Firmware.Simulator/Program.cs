using Ambient.Firmware.Simulator;

return await SimulatorCommand.RunAsync(args);
