import Foundation
/// One of the six jobs a B2B buying group works through, in parallel and looping back.
///
/// The order of the cases is the order a person reads them on a job board; it is not a funnel.
public enum BuyingJob: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case problemIdentification = "problem-identification"
    case solutionExploration = "solution-exploration"
    case requirementsBuilding = "requirements-building"
    case supplierSelection = "supplier-selection"
    case validation = "validation"
    case consensusCreation = "consensus-creation"

    public var description: String { rawValue }

    /// Words for a sentence: "requirements building".
    public var phrase: String {
        switch self {
        case .problemIdentification: return "problem identification"
        case .solutionExploration: return "solution exploration"
        case .requirementsBuilding: return "requirements building"
        case .supplierSelection: return "supplier selection"
        case .validation: return "validation"
        case .consensusCreation: return "consensus creation"
        }
    }

    public static func < (lhs: BuyingJob, rhs: BuyingJob) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The ids, comma separated, for "expected one of …" messages.
    public static var idList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
