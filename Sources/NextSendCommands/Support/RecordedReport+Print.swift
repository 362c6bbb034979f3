import NextSendReports

extension RecordedReport {
    /// Prints the report as JSON, or its message as text.
    func print(json: Bool) throws {
        if json { try Console.printJSON(self) } else { Console.print(message) }
    }
}
