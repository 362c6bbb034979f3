import NextSendCommands

// Everything `nextsend` does lives in NextSendCommands; the binary only hands it the process.
await NextSendCommand.runAsProcess()
