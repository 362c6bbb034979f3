/// The camps of a conflict: sides that agree with each other, in the conflict's side order.
///
/// Figures sorted by value form camps by single linkage — a figure within the topic's tolerance of
/// its neighbour joins that neighbour's camp — so seven figures in two clusters read as two camps,
/// not seven values in a row. Positions declared compatible form one camp.
public enum ConflictCamps {
    /// The sides grouped into camps; every side is in exactly one.
    public static func group(_ conflict: Conflict, taxonomy: Taxonomy) -> [[Conflict.Side]] {
        numbers(conflict, taxonomy: taxonomy).reduce(into: [[Conflict.Side]]()) { camps, entry in
            if entry.camp > camps.count { camps.append([]) }
            camps[entry.camp - 1].append(entry.side)
        }
    }

    /// Each side with its camp number, 1, 2, … in order of first appearance.
    public static func numbers(_ conflict: Conflict, taxonomy: Taxonomy) -> [(side: Conflict.Side, camp: Int)] {
        guard let topic = taxonomy.topic(conflict.topic) else {
            return conflict.sides.enumerated().map { ($1, $0 + 1) }
        }
        var camp: [Int] = Array(conflict.sides.indices)
        func root(_ index: Int) -> Int { camp[index] == index ? index : root(camp[index]) }
        if topic.isNumber {
            // Sides are sorted by value: linking neighbours is single linkage.
            for index in conflict.sides.indices.dropFirst()
            where ConflictDetector.agree(conflict.sides[index - 1].value, conflict.sides[index].value, on: topic) {
                camp[root(index)] = root(index - 1)
            }
        } else {
            for i in conflict.sides.indices {
                for j in conflict.sides.indices where j > i
                    && ConflictDetector.agree(conflict.sides[i].value, conflict.sides[j].value, on: topic) {
                    let (a, b) = (root(i), root(j))
                    if a != b { camp[max(a, b)] = min(a, b) }
                }
            }
        }
        // Agreement need not be transitive (100 ~ 118 ~ 139 while 100 and 139 conflict): when the
        // links would make one camp of a real conflict, every side stands on its own.
        if Set(conflict.sides.indices.map(root)).count == 1 {
            return conflict.sides.enumerated().map { ($1, $0 + 1) }
        }
        var number: [Int: Int] = [:]
        return conflict.sides.indices.map { index in
            let key = root(index)
            if number[key] == nil { number[key] = number.count + 1 }
            return (conflict.sides[index], number[key]!)
        }
    }
}
