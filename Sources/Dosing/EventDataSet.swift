/// A NONMEM-style data set (DESIGN.md §4): one record per row, `ID` and `TIME` required, the
/// other standard columns (`AMT RATE EVID CMT II ADDL SS DV MDV`) optional with NONMEM's defaults,
/// covariate columns named after model parameters. Header names are case-insensitive; `.` or an
/// empty field is missing.
public struct EventDataSet: Sendable {
    /// One row.
    public struct Record: Sendable {
        /// The line in the file (the header is row 1).
        public var row: Int
        public var id: String
        public var time: Double
        /// 0 observation, 1 dose, 2 other, 3 reset, 4 reset and dose.
        public var evid: Int
        public var amount: Double
        public var rate: Double
        /// The state index (0-based), resolved from a number or a name.
        public var state: Int
        public var interval: Double
        public var additional: Int
        /// 0, or NONMEM's SS 1 (replace) or 2 (add).
        public var steadyState: Int
        public var dv: Double?
        /// Covariate values by parameter index; `nil` where missing.
        public var covariates: [Double?]

        /// The dose of a dose record (EVID 1 or 4).
        public var dose: DoseRecord {
            let delivery: DoseRecord.Delivery = switch rate {
            case 0: .bolus
            case -1: .modelledRate
            case -2: .modelledDuration
            default: .infusion(rate: rate)
            }
            return DoseRecord(time: time, amount: amount, compartment: .number(state + 1), delivery: delivery,
                              interval: interval, additional: additional, steadyState: steadyState)
        }
    }

    public var records: [Record]
    /// Parameter indices of the covariate columns, in column order.
    public var covariateParameters: [Int]
    /// Whether the file has a DV column.
    public var hasDV: Bool

    /// Subjects in order of first appearance, each with its records in file order.
    public var subjects: [(id: String, records: [Record])] {
        var order: [String] = []
        var groups: [String: [Record]] = [:]
        for record in records {
            if groups[record.id] == nil { order.append(record.id) }
            groups[record.id, default: []].append(record)
        }
        return order.map { ($0, groups[$0]!) }
    }
}

/// What a data set is checked against: the model's states, parameters and dosing modifiers.
public struct DataSetContext: Sendable {
    public var stateNames: [String]
    public var parameterNames: [String]
    /// States with `rate()` and with `dur()` in the model.
    public var statesWithRate: Set<Int>
    public var statesWithDuration: Set<Int>

    /// Columns to ignore (NONMEM's `=DROP`), compared case-insensitively.
    public var droppedColumns: Set<String> = []

    public init(stateNames: [String], parameterNames: [String], statesWithRate: Set<Int>, statesWithDuration: Set<Int>) {
        self.stateNames = stateNames
        self.parameterNames = parameterNames
        self.statesWithRate = statesWithRate
        self.statesWithDuration = statesWithDuration
    }
}

/// One problem in a data set: where (row, column) and which rule it breaks.
public struct DataSetError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var column: String?
    public var message: String

    public var description: String {
        "\(file): row \(row)\(column.map { ", column \($0)" } ?? ""): \(message)"
    }
}

/// Every problem found in a data set, in row order; nothing is simulated from it.
public struct DataSetErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [DataSetError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
