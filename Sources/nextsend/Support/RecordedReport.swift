/// `--json` of the commands that record one change (`dismiss`, `retract`, `group close`…): what
/// was recorded, in the same shape for all of them.
struct RecordedReport: Encodable {
    var group: String
    /// `dismissed`, `retracted`, `won`, `lost`, `archived`, `open`.
    var action: String
    var fact: String?
    var date: String?
    var by: String
    var message: String

    /// Prints the report as JSON, or its message as text.
    func print(json: Bool) throws {
        if json { try Console.printJSON(self) } else { Console.print(message) }
    }
}
