/// The byte layout of a kept catalog: integers in as few bytes as they need, strings as a length
/// and their UTF-8, optionals behind a flag byte, columns of integers as runs of bytes.
///
/// A kept catalog is a cache the store writes and reads back itself, never something a person
/// types, so it needs no schema evolution or error messages: any change of layout bumps
/// ``KeptCatalog/Key/format`` and any byte out of place makes ``PackedReader`` give up, after which
/// the caller rebuilds from the tables. It is read on every CLI call, so it is read without Codable's
/// per-field bookkeeping (a JSON decode of a 10,000-asset catalog costs more than reading the tables).
struct PackedWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// An integer in as few bytes as it needs (zigzag, then 7 bits a byte): most are counts and
    /// lengths under 128, one byte each instead of eight (a third of a large catalog's blob).
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func raw(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { text in
            int(text.count)
            bytes.append(contentsOf: text)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout PackedWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// A column of integers as one run of bytes in the machine's own order (``KeptCatalog`` marks
    /// the order it was written in): read back with one copy, not value by value.
    mutating func column<T: FixedWidthInteger>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// A run of bytes behind its length, read back with one copy.
    mutating func run(_ values: [UInt8]) {
        int(values.count)
        bytes.append(contentsOf: values)
    }

    /// Lists of positions by key, keys in order so the same index always gives the same bytes.
    mutating func lists<Key: Comparable>(_ lists: [Key: [Int]], key: (inout PackedWriter, Key) -> Void) {
        int(lists.count)
        for name in lists.keys.sorted() {
            key(&self, name)
            column(lists[name]!)
        }
    }
}

/// Reads what ``PackedWriter`` wrote, in the same order; every read is bounds-checked and fails
/// (`nil`) rather than trap on bytes that are short or out of place.
struct PackedReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
            }
            shift += 7
        }
        return nil
    }

    /// An integer in the machine's own byte order (the byte-order mark).
    mutating func rawInt() -> Int? {
        guard bytes.count - offset >= 8 else { return nil }
        var value = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        offset += 8
        return value
    }

    /// A count of items still to read: never negative nor more than the bytes left could hold.
    mutating func count() -> Int? {
        guard let value = int(), value >= 0, value <= bytes.count - offset else { return nil }
        return value
    }

    mutating func bool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    /// A column ``PackedWriter/column(_:)`` wrote, copied out in one go.
    mutating func column<T: FixedWidthInteger>(_ type: T.Type = T.self) -> [T]? {
        guard let count = int(), count >= 0, count <= (bytes.count - offset) / MemoryLayout<T>.stride else { return nil }
        let length = count * MemoryLayout<T>.stride
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
            initialized = count
        }
        offset += length
        return values
    }

    /// A run ``PackedWriter/run(_:)`` wrote, copied out in one go.
    mutating func run() -> [UInt8]? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return [UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
    }

    // Skipping checks the same lengths and flags as reading, without making values: a kept
    // catalog's records are checked whole when read and made into values only when asked for.

    mutating func skipString() -> Bool {
        guard let length = count() else { return false }
        offset += length
        return true
    }

    mutating func skipStrings() -> Bool {
        guard let count = count() else { return false }
        for _ in 0..<count where !skipString() { return false }
        return true
    }

    mutating func skipOptional(_ skip: (inout PackedReader) -> Bool) -> Bool {
        guard let present = bool() else { return false }
        return !present || skip(&self)
    }

    /// Lists ``PackedWriter/lists(_:key:)`` wrote; `nil` when a position is outside `0..<limit`
    /// (a damaged blob must not send the matcher past the catalog's end).
    mutating func lists<Key: Hashable>(below limit: Int, key: (inout PackedReader) -> Key?) -> [Key: [Int]]? {
        guard let count = count() else { return nil }
        var lists: [Key: [Int]] = [:]
        lists.reserveCapacity(count)
        for _ in 0..<count {
            guard let name = key(&self), let list: [Int] = column(), list.allSatisfy({ $0 >= 0 && $0 < limit }) else { return nil }
            lists[name] = list
        }
        return lists
    }

    /// `.some(nil)` for an absent value, `nil` when the bytes are out of place.
    mutating func optional<T>(_ read: (inout PackedReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }
}
