import Foundation
import NextSend

/// JSON written exactly as ``JSONOutput`` writes it, byte for byte, without holding the whole text:
/// the long top-level arrays are encoded one element at a time and handed on as they are made.
///
/// Why: at 100,000 groups marketing's outcome table has 71,000 rows, 22 of the JSON's 30 MB.
/// Encoding the digest in one piece held the encoder's tree of it, the encoded bytes and a string
/// copy at once, about 100 MB over the digest itself, at the very end of the run where the peak is
/// measured.
///
/// It leans on how the encoder pretty-prints — keys sorted, two spaces a level, `"key" : value`,
/// elements separated by `,` and a line break, an empty array as `[`, an empty line and `]` — and
/// `StreamedJSONTests` holds it to ``JSONOutput`` on digests with no, one and many rows. A raw line
/// break inside the encoded text is always structure (strings escape theirs), so indenting an
/// element is inserting spaces after each line break.
enum StreamedJSON {
    /// A top-level array of the value, encoded element by element.
    struct Rows {
        let key: String
        let count: Int
        /// The `index`th element, encoded alone by ``JSONOutput``.
        let element: (_ index: Int) throws -> Data
    }

    /// Writes `shell` — the value encoded with every array of `rows` left empty — with each array's
    /// elements put back in place, then a final line break, as ``DigestRenderer/json(_:)`` ends.
    static func write(shell: Data, rows: [Rows], emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let bytes = [UInt8](shell)
        // Where each array's empty form sits in the shell, in the order they appear.
        var places: [(range: Range<Int>, rows: Rows)] = []
        for array in rows where array.count > 0 {
            let marker = Array("\n  \"\(array.key)\" : [\n\n  ]".utf8)
            guard let start = bytes.firstRange(of: marker)?.lowerBound else {
                preconditionFailure("the shell has no empty top-level array \(array.key)")
            }
            places.append((start..<start + marker.count, array))
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }

        var written = 0
        for place in places {
            // Up to and including the array's opening bracket; the empty line and "  ]" after it go.
            let open = place.range.upperBound - 5
            try bytes[written..<open].withUnsafeBytes(emit)
            for index in 0..<place.rows.count {
                var element: [UInt8] = Array(index == 0 ? "\n    ".utf8 : ",\n    ".utf8)
                for byte in try place.rows.element(index) {
                    element.append(byte)
                    if byte == UInt8(ascii: "\n") { element.append(contentsOf: [32, 32, 32, 32]) }
                }
                try element.withUnsafeBytes(emit)
            }
            try Array("\n  ]".utf8).withUnsafeBytes(emit)
            written = place.range.upperBound
        }
        try (bytes[written...] + [UInt8(ascii: "\n")]).withUnsafeBytes(emit)
    }
}
