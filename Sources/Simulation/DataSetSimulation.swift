import Dosing
import ModelLanguage
import Solvers

/// How covariate values on records apply between records.
public enum CovariateRule: String, Sendable, CaseIterable {
    /// NONMEM's rule: the value on a record holds for the interval that ends at it (next
    /// observation carried backward).
    case nocb
    /// The value on a record holds from it until the next (last observation carried forward).
    case locf
}

/// Simulates every subject of a NONMEM-style data set through a model: predictions at every
/// record (observation, dose, other and reset rows alike) and at requested extra times.
public enum DataSetSimulation {
    /// The checks a data set needs from `model`.
    public static func context(for model: Model) -> DataSetContext {
        DataSetContext(
            stateNames: model.states.map(\.name), parameterNames: model.parameters.map(\.name),
            statesWithRate: Set(model.modifiers[.rate]?.keys ?? [:].keys),
            statesWithDuration: Set(model.modifiers[.duration]?.keys ?? [:].keys))
    }

    /// One output row.
    public struct Row: Sendable {
        public var id: String
        public var time: Double
        public var evid: Int
        public var dv: Double?
        /// States, then assigned names.
        public var values: [Double]
    }

    /// Simulates each subject with a fresh runtime from `makeRuntime` (parameters at their
    /// defaults, then the subject's covariates). Rows come in the data set's order, each
    /// subject's extra times (reported as EVID 2) merged after records at the same time.
    public static func simulate<Runtime: ModelRuntime>(
        _ dataSet: EventDataSet, makeRuntime: () -> Runtime, extraTimes: [Double] = [], covariates rule: CovariateRule = .nocb,
        method: SolverMethod = .auto, options: SolverOptions = SolverOptions()
    ) throws(SimulationError) -> [Row] {
        var rows: [Row] = []
        for (id, records) in dataSet.subjects {
            rows += try simulateSubject(
                id: id, records: records, dataSet: dataSet, runtime: makeRuntime(), extraTimes: extraTimes, rule: rule,
                method: method, options: options)
        }
        return rows
    }

    /// Simulates every subject on `threads` threads, handing each subject's rows to `emit` in the
    /// data set's order as soon as its batch is done (output identical to a serial run).
    /// `progress` is told how many subjects are done.
    public static func simulateInParallel(
        _ dataSet: EventDataSet, makeRuntime: @escaping @Sendable () -> any ModelRuntime, extraTimes: [Double] = [],
        covariates rule: CovariateRule = .nocb, method: SolverMethod = .auto, options: SolverOptions = SolverOptions(),
        threads: Int, emit: ([Row]) throws -> Void, progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        let subjects = dataSet.subjects
        try ParallelSubjects.run(count: subjects.count, threads: threads, compute: { index in
            let (id, records) = subjects[index]
            return try Self.simulateOpened(makeRuntime(), id: id, records: records, dataSet: dataSet, extraTimes: extraTimes,
                                           rule: rule, method: method, options: options)
        }, emit: { index, rows in
            try emit(rows)
            progress(index + 1, subjects.count)
        })
    }

    private static func simulateOpened(
        _ runtime: any ModelRuntime, id: String, records: [EventDataSet.Record], dataSet: EventDataSet, extraTimes: [Double],
        rule: CovariateRule, method: SolverMethod, options: SolverOptions
    ) throws(SimulationError) -> [Row] {
        try simulateSubject(id: id, records: records, dataSet: dataSet, runtime: runtime, extraTimes: extraTimes, rule: rule,
                            method: method, options: options)
    }

    /// One subject's rows.
    static func simulateSubject<Runtime: ModelRuntime>(
        id: String, records: [EventDataSet.Record], dataSet: EventDataSet, runtime: Runtime, extraTimes: [Double],
        rule: CovariateRule, method: SolverMethod, options: SolverOptions
    ) throws(SimulationError) -> [Row] {
        var rows: [Row] = []
        do {
            let filled = fillCovariates(records, parameters: dataSet.covariateParameters)
            var timeline: [TimelineEntry] = []
            var rowInfo: [Int: (time: Double, evid: Int, dv: Double?)] = [:]
            var extra = extraTimes.sorted()[...]
            func setCovariates(_ k: Int, at time: Double) {
                let values = dataSet.covariateParameters.compactMap { p in filled[k][p].map { ParameterValue(index: p, value: $0) } }
                if !values.isEmpty { timeline.append(TimelineEntry(time: time, action: .setParameters(values))) }
            }
            // Parameters over the first interval: the first record's covariates under either rule.
            setCovariates(0, at: min(0, records[0].time))
            for (k, record) in records.enumerated() {
                while let t = extra.first, t < record.time, t >= (timeline.last?.time ?? -.infinity) {
                    let tag = -1 - (extraTimes.count - extra.count)
                    timeline.append(TimelineEntry(time: t, action: .output(tag: tag)))
                    rowInfo[tag] = (t, 2, nil)
                    extra.removeFirst()
                }
                if record.evid == 3 || record.evid == 4 { timeline.append(TimelineEntry(time: record.time, action: .reset)) }
                if record.evid == 1 || record.evid == 4 {
                    let action: TimelineEntry.Action = record.steadyState == 0
                        ? .dose(record.dose, state: record.state)
                        : .steadyStateDose(record.dose, state: record.state, replace: record.steadyState == 1)
                    timeline.append(TimelineEntry(time: record.time, action: action))
                }
                timeline.append(TimelineEntry(time: record.time, action: .output(tag: k)))
                rowInfo[k] = (record.time, record.evid, record.dv)
                // The next interval's covariates: NOCB takes them from the next record, LOCF from this one.
                switch rule {
                case .nocb: if k + 1 < records.count { setCovariates(k + 1, at: record.time) }
                case .locf: setCovariates(k, at: record.time)
                }
            }
            let last = records.last!.time
            while let t = extra.first, t >= last {
                let tag = -1 - (extraTimes.count - extra.count)
                timeline.append(TimelineEntry(time: t, action: .output(tag: tag)))
                rowInfo[tag] = (t, 2, nil)
                extra.removeFirst()
            }
            let start = min(0, timeline.first?.time ?? 0)
            let (outputs, _) = try Simulator.run(runtime, timeline: timeline, method: method, options: options, startTime: start)
            for output in outputs {
                let info = rowInfo[output.tag]!
                rows.append(Row(id: id, time: info.time, evid: info.evid, dv: info.dv, values: output.values))
            }
        }
        return rows
    }

    /// Covariate values on every record: missing values filled from the last known value (or, at
    /// the start, the first known one); parameters without any value keep their defaults (`nil`
    /// filtered out by the caller's parameter list).
    static func fillCovariates(_ records: [EventDataSet.Record], parameters: [Int]) -> [[Int: Double]] {
        var filled = [[Int: Double]](repeating: [:], count: records.count)
        for parameter in parameters {
            let known = records.compactMap { $0.covariates[parameter] }
            guard let first = known.first else { continue }
            var current = first
            for (k, record) in records.enumerated() {
                if let value = record.covariates[parameter] { current = value }
                filled[k][parameter] = current
            }
        }
        return filled
    }
}
