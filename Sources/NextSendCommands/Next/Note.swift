import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `note GROUP FILE|-`: read claims out of call notes, an e-mail or a transcript.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Read who believes what out of call notes, an e-mail or a transcript, and record it as claims.",
            discussion: """
                FILE is plain notes, Markdown, an e-mail (with its headers), or a WebVTT/SRT/plain transcript with speakers; \
                '-' reads standard input. Each claim keeps the words it came from. Statements that are questions, conditions, \
                denials, our own words, outsiders' or a shared first name's are listed with the reason and not recorded.
                Reading the same file or text again adds nothing; a claim a rep retracted stays retracted.
                """
        )

        @Argument(help: "The group id.") var group: String
        @Argument(help: ArgumentHelp("The note, e-mail or transcript; - for standard input.", valueName: "file")) var file: String
        @Option(help: ArgumentHelp("The day the claims are dated (default: an e-mail's Date header, else --as-of, else today).",
                                   valueName: "date")) var date: Day?
        @Option(help: ArgumentHelp("Who wrote a first-person note or sent the e-mail: an id or a name.", valueName: "person")) var from: String?
        @Option(help: ArgumentHelp("note, markdown, email, vtt, srt or transcript (default: from the file name and the text).",
                                   valueName: "format")) var format: String?
        @Flag(name: .long, help: "Show what would be read and stored; store nothing.") var dryRun = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (text, origin) = try read()
            let desk = try store.desk()
            let recorded: Recorded<NoteReport>
            do {
                recorded = try desk.readNote(groupID: group, text: text, fileName: file == "-" ? nil : file, format: format, date: date,
                                             from: from, origin: origin, today: day.day, by: recorder.recorder, dryRun: dryRun)
            } catch let error as DeskError where error.field == "text" {
                throw UserError.badData("\(file == "-" ? "standard input" : file): \(error.message)")
            }
            if output.json { try Console.printJSON(recorded.report) } else { Console.print(recorded.report.message) }
        }

        /// The text and where it came from: a file is `note:file:<absolute path>`; standard input
        /// is identified by its words, like text pasted into the page.
        private func read() throws -> (String, String?) {
            if file == "-" {
                let data = CommandIO.current.standardInput()
                guard let text = String(data: data, encoding: .utf8) else { throw UserError.badData("standard input is not UTF-8 text") }
                return (text, nil)
            }
            guard FileManager.default.fileExists(atPath: file) else { throw UserError.notFound("\(file): no such file") }
            guard let data = FileManager.default.contents(atPath: file) else { throw UserError(description: "\(file): cannot be read", code: Failure.ioError) }
            guard let text = String(data: data, encoding: .utf8) else { throw UserError.badData("\(file): not UTF-8 text") }
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            return (text, Origin.note(source: "file", record: path))
        }
    }
}
