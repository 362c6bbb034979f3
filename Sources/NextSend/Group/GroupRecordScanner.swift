/// Scans one JSON Lines group record, byte by byte, into ``GroupRecordReader``'s typed fields.
///
/// It knows only the group schema and only the plainest JSON: strings without escapes (nor a
/// byte-order mark), numbers of at most 15 significant digits and 17 characters without an
/// exponent, `true` and `false`. Anything else — an escape, a `null`, an unknown or repeated
/// field, a value of another type, text to trim, a missing required field — throws
/// ``GroupRecordReader/StepAside``, and the record goes to the
/// general reader (Foundation's JSON parser and the field checks every group file goes through).
/// That keeps this small enough to be checked against the general reader by fuzzing, and means
/// it never decides anything the general reader would decide differently.
struct GroupRecordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    typealias StepAside = GroupRecordReader.StepAside

    /// The whole line: one object, then nothing but spaces.
    mutating func record() throws -> GroupRecordReader.GroupRecord {
        var group = GroupRecordReader.GroupRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "id": group.id = try seen.required(0, text())
            case "account": group.account = try seen.required(1, text())
            case "owner": group.owner = try seen.required(2, text())
            case "stakeholders": try seen.required(3, ()); group.stakeholders = try list { try $0.stakeholder() }
            case "industry": try seen.mark(4); group.industry = try text()
            case "claims": try seen.mark(5); group.claims = try list { try $0.claim() }
            case "events": try seen.mark(6); group.events = try list { try $0.event() }
            case "touches": try seen.mark(7); group.touches = try list { try $0.touch() }
            case "deal": try seen.mark(8); group.deal = try deal()
            default: throw StepAside()
            }
        }
        try seen.require(count: 4)
        skipSpace()
        guard at == bytes.count else { throw StepAside() }
        return group
    }

    // MARK: The schema's objects

    private mutating func stakeholder() throws -> GroupRecordReader.StakeholderRecord {
        var person = GroupRecordReader.StakeholderRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "id": person.id = try seen.required(0, text())
            case "role": person.role = try seen.required(1, text())
            case "influence": person.influence = try seen.required(2, text())
            case "name": try seen.mark(3); person.name = try text()
            case "title": try seen.mark(4); person.title = try text()
            case "email": try seen.mark(5); person.email = try text()
            default: throw StepAside()
            }
        }
        try seen.require(count: 3)
        return person
    }

    private mutating func claim() throws -> GroupRecordReader.ClaimRecord {
        var claim = GroupRecordReader.ClaimRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "stakeholder": claim.stakeholder = try seen.required(0, text())
            case "topic": claim.topic = try seen.required(1, text())
            case "date": claim.date = try seen.required(2, text())
            case "position": try seen.mark(3); claim.position = try text()
            case "source": try seen.mark(4); claim.source = try text()
            case "quote": try seen.mark(5); claim.quote = try text()
            case "value": try seen.mark(6); claim.value = try number()
            default: throw StepAside()
            }
        }
        try seen.require(count: 3)
        return claim
    }

    private mutating func event() throws -> GroupRecordReader.EventRecord {
        var event = GroupRecordReader.EventRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "job": event.job = try seen.required(0, text())
            case "type": event.type = try seen.required(1, text())
            case "date": event.date = try seen.required(2, text())
            case "note": try seen.mark(3); event.note = try text()
            default: throw StepAside()
            }
        }
        try seen.require(count: 3)
        return event
    }

    private mutating func touch() throws -> GroupRecordReader.TouchRecord {
        var touch = GroupRecordReader.TouchRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "asset": touch.asset = try seen.required(0, text())
            case "date": touch.date = try seen.required(1, text())
            // A single name instead of a list is the general reader's to read.
            case "to": try seen.required(2, ()); touch.to = try list { try $0.text(trimmable: true) }
            case "channel": try seen.mark(3); touch.channel = try text()
            case "consumed": try seen.mark(4); touch.consumed = try bool()
            default: throw StepAside()
            }
        }
        try seen.require(count: 3)
        return touch
    }

    private mutating func deal() throws -> GroupRecordReader.DealRecord {
        var deal = GroupRecordReader.DealRecord()
        var seen = Fields()
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "name": try seen.mark(0); deal.name = try text()
            case "stage": try seen.mark(1); deal.stage = try text()
            case "currency": try seen.mark(2); deal.currency = try text()
            case "closeDate": try seen.mark(3); deal.closeDate = try text()
            case "amount": try seen.mark(4); deal.amount = try number()
            default: throw StepAside()
            }
        }
        return deal
    }

    /// Which of an object's fields were given: a repeated one steps aside (parsers disagree on
    /// which copy wins), and the first `count` are the required ones.
    private struct Fields {
        private var bits: UInt16 = 0

        mutating func mark(_ field: Int) throws {
            guard bits & (1 << field) == 0 else { throw StepAside() }
            bits |= 1 << field
        }

        mutating func required<Value>(_ field: Int, _ value: Value) throws -> Value {
            try mark(field)
            return value
        }

        func require(count: Int) throws {
            let all: UInt16 = (1 << count) - 1
            guard bits & all == all else { throw StepAside() }
        }
    }

    // MARK: JSON, the plainest of it

    /// The next key of an object, with the scanner on its value; `nil` after the closing brace.
    /// `first` is true before the opening brace.
    private mutating func nextKey(_ first: inout Bool) throws -> String? {
        skipSpace()
        if first {
            first = false
            try expect(UInt8(ascii: "{"))
            skipSpace()
            if peek() == UInt8(ascii: "}") { at += 1; return nil }
        } else if peek() == UInt8(ascii: ",") {
            at += 1
            skipSpace()
        } else {
            try expect(UInt8(ascii: "}"))
            return nil
        }
        let key = try rawString()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return key
    }

    /// `[element, …]`, each element read by `element`.
    private mutating func list<Element>(_ element: (inout GroupRecordScanner) throws -> Element) throws -> [Element] {
        try expect(UInt8(ascii: "["))
        skipSpace()
        var elements: [Element] = []
        if peek() == UInt8(ascii: "]") { at += 1; return elements }
        while true {
            skipSpace()
            elements.append(try element(&self))
            skipSpace()
            if peek() == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "]"))
            return elements
        }
    }

    /// A string value as the general reader keeps it: nothing to trim and not empty, unless
    /// `trimmable` (a list of names, which the general reader trims itself).
    private mutating func text(trimmable: Bool = false) throws -> String {
        let text = try rawString()
        if !trimmable {
            guard !text.isEmpty, MappingReader.trimmed(text) == text else { throw StepAside() }
        }
        return text
    }

    /// A string without escapes or control characters.
    private mutating func rawString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                at += 1
                return text
            }
            // 0xEF leads U+FEFF: Foundation drops a byte-order mark that opens a string, so the
            // general reader would read such text differently (and so would any of U+F000–U+FFFF).
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0xEF { throw StepAside() }
            at += 1
        }
        throw StepAside()
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` with at most 15 significant digits: every such numeral reads
    /// as the one nearest double, whoever parses it. Not "-0", which parsers read as 0 or -0.
    private mutating func number() throws -> Double {
        let start = at
        var digits = 0, significant = false, negative = false, nonZero = false
        if peek() == UInt8(ascii: "-") { negative = true; at += 1 }
        guard let first = peek(), isDigit(first) else { throw StepAside() }
        if first == UInt8(ascii: "0") {
            at += 1
            if let next = peek(), isDigit(next) { throw StepAside() }
        } else {
            while let byte = peek(), isDigit(byte) { digits += 1; significant = true; nonZero = true; at += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            at += 1
            var fraction = 0
            while let byte = peek(), isDigit(byte) {
                fraction += 1
                if byte != UInt8(ascii: "0") { nonZero = true }
                if significant || byte != UInt8(ascii: "0") { significant = true; digits += 1 }
                at += 1
            }
            guard fraction > 0 else { throw StepAside() }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { throw StepAside() }
        // Foundation keeps a numeral of more than 17 characters as a Decimal, whose conversion
        // to a double can differ in the last place from the nearest double.
        guard digits <= 15, at - start <= 17, !(negative && !nonZero) else { throw StepAside() }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        guard let value = Double(text) else { throw StepAside() }
        return value
    }

    private mutating func bool() throws -> Bool {
        if matches("true") { return true }
        if matches("false") { return false }
        throw StepAside()
    }

    private mutating func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[at + offset] != word.utf8Start[offset] { return false }
        at += count
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func peek() -> UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw StepAside() }
        at += 1
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { at += 1 }
    }
}
