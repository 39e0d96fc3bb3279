import Foundation
import Testing
import Dosing
import ModelLanguage
import Simulation
import Solvers

/// NONMEM-style data sets: each dosing rule against closed form (1e-9 relative), the edge cases
/// that broke other engines (research/engines.md §2) as named regression tests, and every bad
/// record with its exact message and row.
@Suite struct DataSetTests {
    static let oral = """
        param KA = 1.2
        param k = 0.1
        d/dt(depot) = -KA * depot
        d/dt(central) = KA * depot - k * central
        f(depot) = 0.6
        alag(depot) = 0.75
        """
    static let iv = """
        param CL = 1
        param V = 10
        param LAG = 0
        d/dt(central) = -CL / V * central
        rate(central) = 4
        dur(central) = 5
        alag(central) = LAG
        """

    static var options: SolverOptions {
        var options = SolverOptions(relativeTolerance: 1e-12, absoluteTolerance: 1e-14)
        options.maximumSteps = 1_000_000
        return options
    }

    /// Simulates `csv` through `model` and returns each row's (time, central amount).
    static func run(_ model: String, _ csv: String, rule: CovariateRule = .nocb, parameters: [String: Double] = [:],
                    method: SolverMethod = .auto) throws -> [(evid: Int, time: Double, central: Double)] {
        let compiled = try ModelCompiler.compile(source: model, file: "model.wean")
        let dataSet = try EventDataSetReader.read(csv: csv, file: "data.csv", context: DataSetSimulation.context(for: compiled.model))
        let rows = try DataSetSimulation.simulate(dataSet, makeRuntime: {
            let runtime = compiled.makeInstance()
            for (name, value) in parameters { runtime.setParameter(named: name, to: value) }
            return runtime
        }, covariates: rule, method: method, options: options)
        let central = compiled.model.stateIndex("central")!
        return rows.map { ($0.evid, $0.time, $0.values[central]) }
    }

    static func expectClose(_ rows: [(evid: Int, time: Double, central: Double)], _ exact: (Double) -> Double, _ context: String) {
        for row in rows {
            let expected = exact(row.time)
            #expect(abs(row.central - expected) <= 1e-9 * max(abs(expected), 1e-6), "\(context) at t = \(row.time): \(row.central) vs \(expected)")
        }
    }

    static func oralCentral(_ amount: Double, _ tau: Double) -> Double {
        ClosedFormPK.oral(amount: amount, bioavailability: 0.6, ka: 1.2, k: 0.1, τ: tau)
    }

    @Test func lagAndBioavailability() throws {
        let rows = try Self.run(Self.oral, """
            ID,TIME,AMT,CMT,DV
            1,0,100,depot,.
            1,0.5,.,central,1
            1,1,.,central,1
            1,2,.,central,1
            1,12,.,central,1
            """)
        #expect(rows.map(\.evid) == [1, 0, 0, 0, 0])
        Self.expectClose(rows, { Self.oralCentral(100, $0 - 0.75) }, "oral with F = 0.6 and lag 0.75")
        #expect(rows[1].central == 0, "nothing has arrived before the lag")
    }

    @Test func infusionsInAndOutOfOverlap() throws {
        let rows = try Self.run(Self.iv, """
            ID,TIME,AMT,RATE
            1,0,100,20
            1,3,60,30
            1,4,.,.
            1,4.9,.,.
            1,6,.,.
            1,10,40,10
            1,12,.,.
            1,20,.,.
            """)
        let infusions: [(start: Double, amount: Double, duration: Double)] = [(0, 100, 5), (3, 60, 2), (10, 40, 4)]
        Self.expectClose(rows, { t in
            infusions.map { ClosedFormPK.infusion(amount: $0.amount, duration: $0.duration, τ: t - $0.start, k: 0.1) }.reduce(0, +)
        }, "overlapping infusions")
    }

    @Test func modelledRateAndDuration() throws {
        let rateRows = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,20,-1\n1,2,.,.\n1,5,.,.\n1,9,.,.\n")
        Self.expectClose(rateRows, { ClosedFormPK.infusion(amount: 20, duration: 5, τ: $0, k: 0.1) }, "RATE -1: rate(central) = 4")
        let durationRows = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,30,-2\n1,2,.,.\n1,5,.,.\n1,9,.,.\n")
        Self.expectClose(durationRows, { ClosedFormPK.infusion(amount: 30, duration: 5, τ: $0, k: 0.1) }, "RATE -2: dur(central) = 5")
    }

    @Test func additionalDoses() throws {
        let rows = try Self.run(Self.oral, "ID,TIME,AMT,II,ADDL\n1,0,100,12,3\n" + (1...50).map { "1,\(Double($0)),.,.,.\n" }.joined())
        Self.expectClose(rows, { t in
            [0.0, 12, 24, 36].map { Self.oralCentral(100, t - $0 - 0.75) }.reduce(0, +)
        }, "ADDL series with lag")
    }

    @Test func resets() throws {
        let rows = try Self.run(Self.iv, """
            ID,TIME,AMT,RATE,EVID
            1,0,100,0,1
            1,10,.,.,0
            1,20,.,.,3
            1,21,50,0,1
            1,25,.,.,0
            1,30,80,0,4
            1,35,.,.,0
            1,0,10,0,4
            1,3,.,.,0
            """)
        #expect(rows.map(\.evid) == [1, 0, 3, 1, 0, 4, 0, 4, 0])
        let exact: [Double] = [100, 100 * exp(-1), 0, 50, 50 * exp(-0.4), 80, 80 * exp(-0.5), 10, 10 * exp(-0.3)]
        for (row, value) in zip(rows, exact) {
            #expect(abs(row.central - value) <= 1e-9 * max(value, 1e-6), "t = \(row.time) evid \(row.evid): \(row.central) vs \(value)")
        }
    }

    /// CL changes from 1 to 2 at the record at t = 5: under NOCB the new value already holds over
    /// (0, 5]; under LOCF it starts at 5.
    @Test func covariatesNOCBandLOCF() throws {
        let csv = "ID,TIME,AMT,CL\n1,0,100,1\n1,5,.,2\n1,10,.,2\n"
        let nocb = try Self.run(Self.iv, csv, rule: .nocb)
        #expect(abs(nocb[1].central - 100 * exp(-0.2 * 5)) < 1e-9 * 100)
        #expect(abs(nocb[2].central - 100 * exp(-0.2 * 10)) < 1e-9 * 100)
        let locf = try Self.run(Self.iv, csv, rule: .locf)
        #expect(abs(locf[1].central - 100 * exp(-0.1 * 5)) < 1e-9 * 100)
        #expect(abs(locf[2].central - 100 * exp(-0.1 * 5 - 0.2 * 5)) < 1e-9 * 100)
    }

    // MARK: - Regression tests for edge cases that broke other engines (engines.md §2)

    /// mrgsolve#267: an infusion with a lag must end lag + duration after the record.
    @Test func infusionWithLagEndsAtTheRightTime() throws {
        let rows = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,50,10\n" + (1...12).map { "1,\($0),.,.\n" }.joined(), parameters: ["LAG": 2])
        Self.expectClose(rows, { ClosedFormPK.infusion(amount: 50, duration: 5, τ: $0 - 2, k: 0.1) }, "infusion + ALAG")
    }

    /// mrgsolve#270: lag plus infusion duration longer than the dosing interval (infusions overlap).
    @Test func lagPlusDurationLongerThanInterval() throws {
        let rows = try Self.run(Self.iv, "ID,TIME,AMT,RATE,II,ADDL\n1,0,50,10,4,2\n" + (1...20).map { "1,\($0),.,.,.,.\n" }.joined(), parameters: ["LAG": 2])
        Self.expectClose(rows, { t in
            [0.0, 4, 8].map { ClosedFormPK.infusion(amount: 50, duration: 5, τ: t - $0 - 2, k: 0.1) }.reduce(0, +)
        }, "ALAG + duration > II")
    }

    /// mrgsolve issue 43: a tiny amount at a huge rate stays positive and behaves like a bolus.
    @Test func tinyAmountAtHugeRate() throws {
        let rows = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,1e-6,1e6\n1,1,.,.\n1,5,.,.\n")
        for row in rows.dropFirst() {
            #expect(row.central > 0)
            #expect(abs(row.central - 1e-6 * exp(-0.1 * row.time)) <= 1e-6 * 1e-6)
        }
    }

    /// RxODE#264: infusions whose rate (RATE −1) or duration (RATE −2) the model sets, on a linear
    /// model solved exactly (the analytic template path cannot take them and hands them to the
    /// event engine's exact method), and by the ODE path: both on the closed form.
    @Test(arguments: [SolverMethod.exact, .auto])
    func modelledRateAndDurationOnALinearModel(method: SolverMethod) throws {
        let times = (1...30).map { "1,\($0),.,.\n" }.joined()
        let byRate = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,50,-1\n" + times, method: method)
        Self.expectClose(byRate, { ClosedFormPK.infusion(amount: 50, duration: 12.5, τ: $0, k: 0.1) }, "rate() \(method)")
        let byDuration = try Self.run(Self.iv, "ID,TIME,AMT,RATE\n1,0,50,-2\n" + times, method: method)
        Self.expectClose(byDuration, { ClosedFormPK.infusion(amount: 50, duration: 5, τ: $0, k: 0.1) }, "dur() \(method)")
    }

    /// campsis#13: events combined with inter-occasion variability — the clearance changes at the
    /// start of each occasion, on the dose record that opens it (LOCF: from that record on), and
    /// the doses, the covariate changes and the outputs between them follow the piecewise closed
    /// form on every path.
    @Test(arguments: [SolverMethod.exact, .auto, .rodas5])
    func dosesWithInterOccasionVariability(method: SolverMethod) throws {
        var csv = "ID,TIME,AMT,CL\n1,0,100,1\n"
        csv += (1...23).map { "1,\($0),.,1\n" }.joined()
        csv += "1,24,100,2\n" + (25...47).map { "1,\($0),.,2\n" }.joined()
        csv += "1,48,100,0.5\n" + (49...72).map { "1,\($0),.,0.5\n" }.joined()
        let rows = try Self.run(Self.iv, csv, rule: .locf, method: method)
        #expect(rows.count == 73)
        let atOccasion2 = 100 * exp(-0.1 * 24) + 100
        let atOccasion3 = atOccasion2 * exp(-0.2 * 24) + 100
        Self.expectClose(rows, { t in
            if t < 24 { return 100 * exp(-0.1 * t) }
            if t < 48 { return atOccasion2 * exp(-0.2 * (t - 24)) }
            return atOccasion3 * exp(-0.05 * (t - 48))
        }, "IOV \(method)")
    }

    /// Found by the data-set fuzz test: a steady-state infusion so slow that one dose outlasts
    /// 10³⁰⁰ intervals crashed converting the count to an integer; now both the analytic path and
    /// the event engine refuse it with the same words.
    @Test(arguments: [SolverMethod.exact, .auto])
    func steadyStateOfAnEndlessInfusionIsRefused(method: SolverMethod) {
        #expect {
            _ = try Self.run(Self.iv, "ID,TIME,AMT,RATE,II,SS\n1,0,100,1e-300,12,1\n1,1,.,.,.,.\n", method: method)
        } throws: { error in
            "\(error)".contains("no steady state within reach for the dose into 'central' every 12: its lag and infusion last 1e+302")
        }
    }

    // MARK: - Bad records

    static let badRecords: [(csv: String, expected: [String])] = [
        ("ID,TIME,FOO\n1,0,1\n", ["data.csv: row 1, column FOO: unknown column; expected ID, TIME, AMT, RATE, EVID, CMT, II, ADDL, SS, DV, MDV or a parameter of the model (CL, V, LAG), or drop it with --drop FOO"]),
        ("TIME,AMT\n0,1\n", ["data.csv: row 1: the data set has no ID column; ID and TIME are required"]),
        ("ID,TIME,AMT\n1,0,abc\n", ["data.csv: row 2, column AMT: 'abc' is not a number"]),
        ("ID,TIME,AMT,EVID\n1,0,100,0\n", ["data.csv: row 2, column AMT: AMT must be 0 on an observation record (EVID 0), found 100"]),
        ("ID,TIME,AMT,RATE\n1,0,10,-1\n", []),
        ("ID,TIME,AMT,II\n1,0,10,12\n", ["data.csv: row 2, column II: II 12 without ADDL or SS; II is the interval of additional or steady-state doses"]),
        ("ID,TIME,AMT\n1,5,10\n1,2,.\n", ["data.csv: row 3, column TIME: TIME 2 is before the previous record's 5 in ID 1; time may go back only at a reset (EVID 3 or 4)"]),
        ("ID,TIME,AMT,CMT\n1,0,10,depo\n", ["data.csv: row 2, column CMT: CMT 'depo' names no state (states: central)"]),
        ("ID,TIME,AMT,CMT\n1,0,10,3\n", ["data.csv: row 2, column CMT: CMT 3 names no state; the model's states are 1–1 (central)"]),
        ("ID,TIME,AMT,CMT\n1,0,10,inf\n", ["data.csv: row 2, column CMT: CMT inf names no state; the model's states are 1–1 (central)"]),
        ("ID,TIME,AMT,CMT\n1,0,10,1e300\n", ["data.csv: row 2, column CMT: CMT 1e300 names no state; the model's states are 1–1 (central)"]),
        ("ID,TIME,AMT,II,ADDL\n1,0,10,1,1e300\n", ["data.csv: row 2, column ADDL: ADDL must be a whole number from 0 to 100000, found 1e+300"]),
        ("ID,TIME,AMT,II,ADDL\n1,0,10,1,100001\n", ["data.csv: row 2, column ADDL: ADDL must be a whole number from 0 to 100000, found 100001"]),
        ("ID,TIME,AMT\n1,0,-5\n", ["data.csv: row 2, column AMT: negative amount -5; amounts must be ≥ 0"]),
        ("ID,TIME,AMT,RATE\n1,0,0,5\n", ["data.csv: row 2, column AMT: zero-amount infusion: a dose with RATE 5 needs AMT > 0"]),
        ("ID,TIME,AMT,ADDL\n1,0,10,2\n", ["data.csv: row 2, column II: ADDL 2 needs an interval II > 0"]),
        ("ID,TIME,AMT,SS,II\n1,0,10,3,12\n", ["data.csv: row 2, column SS: SS must be 0, 1 (replace with steady state) or 2 (add steady state), found 3"]),
        ("ID,TIME,AMT,SS\n1,0,10,1\n", ["data.csv: row 2, column II: SS 1 needs an interval II > 0 (or AMT 0 with RATE > 0 for a steady-state infusion)"]),
        ("ID,TIME,EVID\n1,0,9\n", ["data.csv: row 2, column EVID: EVID must be 0 (observation), 1 (dose), 2 (other), 3 (reset) or 4 (reset and dose), found 9"]),
        ("ID,TIME,AMT\n1,0,10\n2,0,10\n1,1,10\n", ["data.csv: row 4, column ID: ID 1 appears again after other IDs; keep each subject's records together"]),
        ("ID,TIME,AMT\n1,0,10,3\n", ["data.csv: row 2: 4 fields, but the header has 3"]),
    ]

    @Test func badRecordsAreReportedWithRowAndRule() throws {
        let withoutRate = Self.iv.replacingOccurrences(of: "rate(central) = 4\n", with: "")
        for (csv, expected) in Self.badRecords {
            let model = expected.isEmpty ? withoutRate : Self.iv
            let compiled = try ModelCompiler.compile(source: model, file: "model.wean")
            let messages: [String]
            do {
                _ = try EventDataSetReader.read(csv: csv, file: "data.csv", context: DataSetSimulation.context(for: compiled.model))
                messages = []
            } catch {
                messages = error.errors.map(\.description)
            }
            let wanted = expected.isEmpty
                ? ["data.csv: row 2, column RATE: RATE -1 asks for the model's rate(central), which the model does not define"] : expected
            #expect(messages == wanted, "\(csv)")
        }
    }

    @Test func nonCompartmentalSummary() throws {
        // A mono-exponential decline: log-down AUC is exact.
        let times = [0.0, 1, 2, 4, 8]
        let values = times.map { 10 * exp(-0.3 * $0) }
        let summary = try #require(NonCompartmentalSummary(times: times, values: values))
        #expect(summary.cmax == 10 && summary.tmax == 0)
        let exact = 10 / 0.3 * (1 - exp(-0.3 * 8))
        #expect(abs(summary.auc - exact) < 1e-12 * exact)
        let rising = try #require(NonCompartmentalSummary(times: [0, 1, 2], values: [0, 2, 4]))
        #expect(rising.auc == 4, "linear up")
        let window = try #require(NonCompartmentalSummary(times: times, values: values, interval: 1...4))
        #expect(window.start == 1 && window.end == 4)
    }
}

/// Subjects simulated on all cores give exactly the serial result, in the data set's order.
@Suite struct ParallelPopulationTests {
    @Test func parallelOutputIsIdenticalToSerial() throws {
        let compiled = try ModelCompiler.compile(source: DataSetTests.iv, file: "iv.wean")
        var csv = "ID,TIME,AMT,RATE,CL\n"
        for id in 1...40 {
            let cl = 0.5 + Double(id % 7) * 0.2
            csv += "\(id),0,100,\(id % 3 == 0 ? 20 : 0),\(cl)\n"
            for t in stride(from: 1.0, through: 24, by: 1) { csv += "\(id),\(t),.,.,\(cl * (t > 12 ? 1.5 : 1))\n" }
        }
        let dataSet = try EventDataSetReader.read(csv: csv, file: "pop.csv", context: DataSetSimulation.context(for: compiled.model))
        func run(threads: Int) throws -> [DataSetSimulation.Row] {
            var rows: [DataSetSimulation.Row] = []
            var progressSeen = 0
            try DataSetSimulation.simulateInParallel(
                dataSet, makeRuntime: { compiled.makeInstance() }, options: DataSetTests.options, threads: threads,
                emit: { rows += $0 }, progress: { done, _ in progressSeen = done })
            #expect(progressSeen == 40)
            return rows
        }
        let serial = try run(threads: 1), parallel = try run(threads: 2), many = try run(threads: 7)
        #expect(serial.count == 40 * 25)
        for other in [parallel, many] {
            #expect(other.map(\.id) == serial.map(\.id))
            #expect(other.map(\.time) == serial.map(\.time))
            #expect(other.map { $0.values.map(\.bitPattern) } == serial.map { $0.values.map(\.bitPattern) })
        }
        let single = try DataSetSimulation.simulate(dataSet, makeRuntime: { compiled.makeInstance() }, options: DataSetTests.options)
        #expect(single.map { $0.values.map(\.bitPattern) } == serial.map { $0.values.map(\.bitPattern) })
    }
}
