// The packed columns as a kept catalog stores them: each column in one run of bytes, so reading a
// 100,000-asset table back is a copy per column instead of the pass over every asset's strings
// that building it takes.

extension MatchTable {
    func write(to writer: inout PackedWriter) {
        writer.int(count)
        for bits in [roleBit, topicBit, industryBit, positionBit] {
            writer.optional(bits) { writer, bits in
                writer.int(bits.count)
                for (name, bit) in bits.sorted(by: { $0.key < $1.key }) {
                    writer.string(name)
                    writer.int(bit)
                }
            }
        }
        for column in [roleMask, topicMask, resolvedMask, industryMask, resolutionTopic, resolutionPositions] { writer.column(column) }
        writer.column(jobMask)
        writer.column(primaryJob)
        writer.column(flags.map(\.rawValue))
        writer.column(publishedDay)
        writer.column(reviewDay)
        writer.column(resolutionStart)
        writer.column(resolutionAll.map { $0 ? UInt8(1) : 0 })
    }

    /// The table ``write(to:)`` wrote for `count` assets, or `nil` when any column is out of shape.
    init?(reading reader: inout PackedReader, count: Int) {
        guard reader.int() == count else { return nil }
        var bits: [[String: Int]?] = []
        for _ in 0..<4 {
            let read: [String: Int]?? = reader.optional { reader in
                guard let entries = reader.count() else { return nil }
                var bits: [String: Int] = [:]
                for _ in 0..<entries {
                    guard let name = reader.string(), let bit = reader.int(), (0..<64).contains(bit) else { return nil }
                    bits[name] = bit
                }
                return bits
            }
            guard let read else { return nil }
            bits.append(read)
        }
        var wide: [[UInt64]] = []
        for _ in 0..<6 {
            guard let column: [UInt64] = reader.column() else { return nil }
            wide.append(column)
        }
        guard let jobMask: [UInt8] = reader.column(), let primaryJob: [UInt8] = reader.column(), let flags: [UInt8] = reader.column(),
              let publishedDay: [Int] = reader.column(), let reviewDay: [Int] = reader.column(),
              let resolutionStart: [Int] = reader.column(), let resolutionAll: [UInt8] = reader.column() else { return nil }
        // Every per-asset column has one entry per asset, and each asset's run of resolutions lies
        // inside the resolution columns, in order: the scorer indexes them without checking.
        let resolutions = wide[4].count
        guard [wide[0].count, wide[1].count, wide[2].count, wide[3].count, jobMask.count, primaryJob.count, flags.count,
               publishedDay.count, reviewDay.count].allSatisfy({ $0 == count }),
              wide[5].count == resolutions, resolutionAll.count == resolutions, resolutionStart.count == count + 1,
              resolutionStart.first == 0, resolutionStart.last == resolutions,
              zip(resolutionStart, resolutionStart.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.count = count
        roleBit = bits[0]
        topicBit = bits[1]
        industryBit = bits[2]
        positionBit = bits[3]
        roleMask = wide[0]
        topicMask = wide[1]
        resolvedMask = wide[2]
        industryMask = wide[3]
        resolutionTopic = wide[4]
        resolutionPositions = wide[5]
        self.jobMask = jobMask
        self.primaryJob = primaryJob
        self.flags = flags.map(Flags.init(rawValue:))
        self.publishedDay = publishedDay
        self.reviewDay = reviewDay
        self.resolutionStart = resolutionStart
        self.resolutionAll = resolutionAll.map { $0 != 0 }
    }
}
