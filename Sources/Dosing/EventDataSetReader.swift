import NameSuggestions
/// Reads and checks a NONMEM-style CSV data set against a model (DESIGN.md §4, NONMEM's rules as
/// in `research/engines.md` §2). Every bad record is reported with its row, column and rule;
/// a data set with any error yields no records.
public enum EventDataSetReader {
    static let standardColumns = ["ID", "TIME", "AMT", "RATE", "EVID", "CMT", "II", "ADDL", "SS", "DV", "MDV"]

    public static func read(csv text: String, file: String, context: DataSetContext) throws(DataSetErrors) -> EventDataSet {
        var errors: [DataSetError] = []
        func fail(_ row: Int, _ column: String?, _ message: String) {
            errors.append(DataSetError(file: file, row: row, column: column, message: message))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: " \t").isEmpty else {
            throw DataSetErrors(errors: [DataSetError(file: file, row: 1, column: nil, message: "the data set is empty; expected a header row such as ID,TIME,AMT,DV")])
        }
        let header = fields(headerLine)
        var columnIndex: [String: Int] = [:]
        var covariateColumns: [(column: Int, parameter: Int)] = []
        let dropped = Set(context.droppedColumns.map { $0.uppercased() })
        for (index, raw) in header.enumerated() {
            let name = raw.uppercased()
            if dropped.contains(name) { continue }
            if standardColumns.contains(name) {
                if columnIndex[name] != nil { fail(1, raw, "column \(name) appears twice") }
                columnIndex[name] = index
            } else if let parameter = context.parameterNames.firstIndex(of: raw)
                        ?? context.parameterNames.firstIndex(where: { $0.uppercased() == name }) {
                covariateColumns.append((index, parameter))
            } else {
                fail(1, raw, "unknown column; expected \(standardColumns.joined(separator: ", ")) or a parameter of the model (\(context.parameterNames.joined(separator: ", "))), or drop it with --drop \(raw)")
            }
        }
        for required in ["ID", "TIME"] where columnIndex[required] == nil {
            fail(1, nil, "the data set has no \(required) column; ID and TIME are required")
        }
        guard errors.isEmpty else { throw DataSetErrors(errors: errors) }

        var records: [EventDataSet.Record] = []
        var lastTime: [String: Double] = [:]
        var finishedIDs: Set<String> = []
        var currentID: String?
        for (offset, line) in lines.enumerated().dropFirst() {
            let row = offset + 1
            if line.trimmingCharacters(in: " \t").isEmpty { continue }
            let values = fields(line)
            guard values.count == header.count else {
                fail(row, nil, "\(values.count) fields, but the header has \(header.count)")
                continue
            }
            func text(_ column: String) -> String? {
                guard let index = columnIndex[column] else { return nil }
                let value = values[index]
                return value.isEmpty || value == "." ? nil : value
            }
            var rowOK = true
            func number(_ column: String) -> Double? {
                guard let raw = text(column) else { return nil }
                guard let value = Double(raw), value.isFinite else {
                    fail(row, column, "'\(raw)' is not a number")
                    rowOK = false
                    return nil
                }
                return value
            }
            guard let id = text("ID") else { fail(row, "ID", "ID is missing"); continue }
            guard let time = number("TIME") else {
                if rowOK { fail(row, "TIME", "TIME is missing") }
                continue
            }
            let amount = number("AMT") ?? 0
            let rate = number("RATE") ?? 0
            let interval = number("II") ?? 0
            let additionalValue = number("ADDL") ?? 0
            let ss = number("SS") ?? 0
            let dv = number("DV")
            let mdv = number("MDV") ?? (dv == nil ? 1 : 0)
            let evidValue = number("EVID") ?? (amount != 0 || rate != 0 ? 1 : (mdv == 1 && columnIndex["DV"] != nil ? 2 : 0))
            var covariates = [Double?](repeating: nil, count: context.parameterNames.count)
            for (column, parameter) in covariateColumns {
                let raw = values[column]
                if raw.isEmpty || raw == "." { continue }
                guard let value = Double(raw), value.isFinite else {
                    fail(row, header[column], "'\(raw)' is not a number")
                    rowOK = false
                    continue
                }
                covariates[parameter] = value
            }
            guard rowOK else { continue }

            // EVID.
            guard [0, 1, 2, 3, 4].contains(evidValue) else {
                fail(row, "EVID", "EVID must be 0 (observation), 1 (dose), 2 (other), 3 (reset) or 4 (reset and dose), found \(shortest(evidValue))")
                continue
            }
            let evid = Int(evidValue)
            let isDose = evid == 1 || evid == 4
            // Dose items.
            if !isDose {
                for (column, value) in [("AMT", amount), ("RATE", rate), ("II", interval), ("ADDL", additionalValue), ("SS", ss)] where value != 0 {
                    fail(row, column, "\(column) must be 0 on \(evidName(evid)) (EVID \(evid)), found \(shortest(value))")
                    rowOK = false
                }
            }
            let steadyInfusion = isDose && ss != 0 && amount == 0 && rate > 0 && interval == 0
            if ss != 0 && ss != 1 && ss != 2 {
                fail(row, "SS", "SS must be 0, 1 (replace with steady state) or 2 (add steady state), found \(shortest(ss))")
                rowOK = false
            } else if isDose && ss != 0 && interval <= 0 && !steadyInfusion {
                fail(row, "II", "SS \(shortest(ss)) needs an interval II > 0 (or AMT 0 with RATE > 0 for a steady-state infusion)")
                rowOK = false
            }
            if isDose {
                if amount < 0 {
                    fail(row, "AMT", "negative amount \(shortest(amount)); amounts must be ≥ 0")
                    rowOK = false
                } else if rate > 0 && amount == 0 && !steadyInfusion {
                    fail(row, "AMT", "zero-amount infusion: a dose with RATE \(shortest(rate)) needs AMT > 0")
                    rowOK = false
                } else if amount == 0 && !steadyInfusion {
                    fail(row, "AMT", "a dose record (EVID \(evid)) needs AMT > 0")
                    rowOK = false
                }
                if rate < 0 && rate != -1 && rate != -2 {
                    fail(row, "RATE", "RATE must be > 0 (infusion), 0 (bolus), -1 (the model's rate()) or -2 (the model's dur()), found \(shortest(rate))")
                    rowOK = false
                }
            }
            if additionalValue < 0 || additionalValue != additionalValue.rounded() || additionalValue > Double(DoseRecord.maximumAdditionalDoses) {
                fail(row, "ADDL", "ADDL must be a whole number from 0 to \(DoseRecord.maximumAdditionalDoses), found \(shortest(additionalValue))")
                rowOK = false
            } else if additionalValue > 0 && interval <= 0 {
                fail(row, "II", "ADDL \(shortest(additionalValue)) needs an interval II > 0")
                rowOK = false
            }
            if interval < 0 {
                fail(row, "II", "II must be ≥ 0, found \(shortest(interval))")
                rowOK = false
            } else if interval > 0 && additionalValue == 0 && ss == 0 {
                fail(row, "II", "II \(shortest(interval)) without ADDL or SS; II is the interval of additional or steady-state doses")
                rowOK = false
            }
            // CMT.
            var state = 0
            if let raw = text("CMT") {
                if let number = Double(raw) {
                    if !(number >= 1 && number <= Double(context.stateNames.count) && number == number.rounded()) {
                        fail(row, "CMT", "CMT \(raw) names no state; the model's states are 1–\(context.stateNames.count) (\(context.stateNames.joined(separator: ", ")))")
                        rowOK = false
                    } else {
                        state = Int(number) - 1
                    }
                } else if let index = context.stateNames.firstIndex(of: raw) {
                    state = index
                } else {
                    let hint = closestName(raw, context.stateNames).map { "; did you mean '\($0)'?" } ?? " (states: \(context.stateNames.joined(separator: ", ")))"
                    fail(row, "CMT", "CMT '\(raw)' names no state\(hint)")
                    rowOK = false
                }
            }
            if isDose && rowOK {
                if rate == -1 && !context.statesWithRate.contains(state) {
                    fail(row, "RATE", "RATE -1 asks for the model's rate(\(context.stateNames[state])), which the model does not define")
                    rowOK = false
                }
                if rate == -2 && !context.statesWithDuration.contains(state) {
                    fail(row, "RATE", "RATE -2 asks for the model's dur(\(context.stateNames[state])), which the model does not define")
                    rowOK = false
                }
            }
            // Subjects stay together; time does not go back within one except at a reset.
            if currentID != id {
                if let currentID { finishedIDs.insert(currentID) }
                if finishedIDs.contains(id) {
                    fail(row, "ID", "ID \(id) appears again after other IDs; keep each subject's records together")
                    rowOK = false
                }
                currentID = id
            }
            if let previous = lastTime[id], time < previous, evid != 3 && evid != 4 {
                fail(row, "TIME", "TIME \(shortest(time)) is before the previous record's \(shortest(previous)) in ID \(id); time may go back only at a reset (EVID 3 or 4)")
                rowOK = false
            }
            lastTime[id] = time
            guard rowOK else { continue }
            records.append(EventDataSet.Record(
                row: row, id: id, time: time, evid: evid, amount: amount, rate: rate, state: state,
                interval: interval, additional: Int(additionalValue), steadyState: Int(ss), dv: dv, covariates: covariates))
        }
        if records.isEmpty && errors.isEmpty { fail(1, nil, "the data set has a header but no records") }
        guard errors.isEmpty else { throw DataSetErrors(errors: errors) }
        return EventDataSet(records: records, covariateParameters: covariateColumns.map(\.parameter), hasDV: columnIndex["DV"] != nil)
    }

    static func evidName(_ evid: Int) -> String {
        switch evid {
        case 0: "an observation record"
        case 2: "an other-type record"
        case 3: "a reset record"
        default: "a dose record"
        }
    }

    /// The fields of a CSV line (commas; surrounding spaces trimmed; double quotes allowed).
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if character == "," && !quoted {
                result.append(current.trimmingCharacters(in: " \t"))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: " \t"))
        return result
    }
}

/// `value` as written without a trailing `.0` for whole numbers.
func shortest(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}


extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
