import ArgumentParser
import NextSendCommands
import Testing

/// Every command names itself. Without a name, ArgumentParser derives one from the type's metadata
/// for every command in the tree on every call (a dynamic cast each): measurable in a 70 ms `next`.
@Suite struct CommandTreeTests {
    @Test func everyCommandInTheTreeNamesItself() {
        var unnamed: [String] = []
        func walk(_ command: any ParsableCommand.Type, path: String) {
            let name = command.configuration.commandName
            if name == nil { unnamed.append("\(path) > \(command)") }
            for sub in command.configuration.subcommands { walk(sub, path: path + " " + (name ?? "?")) }
        }
        walk(NextSendCommand.self, path: "")
        #expect(unnamed.isEmpty, "\(unnamed)")
        #expect(NextSendCommand.configuration.subcommands.count >= 10, "the tree was walked")
    }
}
