import Dosing
import Clinic
import Foundation
import ModelLanguage
import ModelLibrary
import Pharmacology
import ReferenceProblems
import Simulation
import Solvers

/// The end-to-end tour behind `wean demo`: each stop runs a piece of Wean on built-in inputs,
/// checks it against independent truth and says what it did. Later features add stops.
struct DemoTour {
    /// One explicit method on the harmonic oscillator over 100 periods.
    struct OscillatorRun {
        var method: SolverMethod
        /// Largest absolute error against `(cos t, −sin t)` over 1 000 output times.
        var maximumError: Double
        var statistics: SolverStatistics
    }

    /// One method on the stiff Van der Pol oscillator (μ = 1000), scored against the published
    /// reference solution.
    struct StiffRun {
        var method: SolverMethod
        /// Significant correct digits at t = 2000.
        var scd: Double
        var statistics: SolverStatistics
    }

    /// A week of oral doses through the discontinuity API, with roots marking the peaks.
    struct DosingRun {
        /// Doses given, `(time h, amount mg)`.
        var doses: [(time: Double, amount: Double)]
        /// Largest relative error of the hourly concentrations against the closed-form solution.
        var maximumRelativeError: Double
        /// Largest `|depot + central + peripheral + eliminated − dosed|` over the hourly outputs, mg.
        var massBalanceError: Double
        /// Concentration peaks located by root finding: `(time h, model mg/L, closed form mg/L)`.
        var peaks: [(time: Double, concentration: Double, analytic: Double)]
        /// Troughs just before each dose after the first: `(time h, mg/L)`.
        var troughs: [(time: Double, concentration: Double)]
        /// When the concentration fell below the threshold after the last dose, h.
        var fallsBelowThreshold: Double?
        var threshold: Double
        var statistics: SolverStatistics
    }

    /// A model written in the language, compiled and simulated.
    struct LanguageRun {
        var model: Model
        var instructionCount: Int
        var jacobianNonZeros: Int
        var baseline: Double
        /// The response's lowest value and when it occurred (h).
        var nadir: (time: Double, value: Double)
        var final: Double
        var statistics: SolverStatisticsSummary
    }

    /// A population on all cores: trough concentrations at steady state.
    struct PopulationRun {
        var subjects: Int
        var threads: Int
        var seconds: Double
        /// 5th, 50th and 95th percentiles of the trough before the last dose (mg/L).
        var troughs: (p5: Double, p50: Double, p95: Double)
        /// Largest relative difference between the ODE and exact paths over all outputs.
        var pathDifference: Double
    }

    /// The example model `examples/indirect_response.wean`, embedded so the tour needs no files.
    static let languageExample = #"""
# One-compartment IV PK driving an indirect response (turnover) model.
#
# Indirect response model I (inhibition of production) of Dayneka, Garg & Jusko,
# J Pharmacokinet Biopharm 1993: the response is produced at zero-order rate KIN,
# inhibited by the drug concentration Cp with maximal fraction IMAX and potency IC50,
# and lost at first-order rate KOUT. Without drug the response rests at its baseline
# KIN / KOUT, which is its initial condition. Doses go into `central`.
#
# Units: time h, amounts mg, volumes L, concentrations mg/L; the response in arbitrary
# response units ("units").
# Numbers: illustrative values (not from a source; the model structure is from the
# paper above).

param CL = 5 [L/h]         # clearance, L/h
param V = 50 [L]           # volume of distribution, L
param KIN = 10 [units/h]   # zero-order production rate of the response, units/h
param KOUT = 0.5 [1/h]     # first-order loss rate constant of the response, 1/h
param IMAX = 0.9 [1]       # maximal fractional inhibition of production (dimensionless)
param IC50 = 1 [mg/L]      # concentration giving half-maximal inhibition, mg/L

d/dt(central) = -CL / V * central
Cp = central / V
d/dt(response) = KIN * (1 - IMAX * Cp / (IC50 + Cp)) - KOUT * response
response(0) = KIN / KOUT
"""#

    var oscillator: [OscillatorRun]
    var stiff: [StiffRun]
    /// What DOPRI5 alone says on the stiff problem.
    var explicitOnStiff: String
    var dosing: DosingRun
    var language: LanguageRun
    var population: PopulationRun
    var clinic: ClinicRun
    var pharmacology: PharmacologyRun
    var msc: MSCRun
    var scenario: ScenarioStop
    /// The message with which the engine refused a solution that blows up.
    var refusal: String

    /// The clinic stop: one patient's MME under two tables, and long-term-use risk by episode length.
    struct ClinicRun {
        var mme2016: MMEResult
        var mme2022: MMEResult
        /// (episode days, probability) from Shah et al. 2017.
        var risk: [(days: Double, probability: Double, method: String)]
        var longActing: Double
        /// The VA "faster" taper from morphine ER 90 mg q8h, derived from its rule.
        var taper: TaperPlan
    }

    /// The pharmacology stop: every published design rerun on the PK library.
    struct PharmacologyRun {
        var experiments: [(experiment: Experiment, result: ExperimentResult)]
        /// The model's s.c. ED50 in rats, mg/kg.
        var ed50: Double
        /// A rat tail-flick time course after the ED50 dose: (h, %MPE) every 15 min for 3 h.
        var tailFlick: [(time: Double, mpe: Double)]
        /// A 70-kg patient stopping a month of oral morphine 20 mg every 4 h: (days after the last
        /// dose, COWS) — spontaneous withdrawal building for about two days, then subsiding.
        var withdrawal: [(day: Double, cows: Double)]
        /// Buprenorphine 8 mg sublingual on a full agonist (a subject carrying two opioids): the
        /// largest COWS excess over the same patient without it within 6 h — 20 h after the last
        /// of a month of methadone 60 mg a day, and 6 h after the last of two weeks of morphine
        /// 15 mg i.m. every 6 h.
        var buprenorphineOnMethadone: Double
        var buprenorphineOnMorphine: Double
    }

    /// The largest COWS excess within 6 h of buprenorphine 8 mg sublingual at `at` h, given to a
    /// 70-kg patient on `regimen` of `opioid`, over the same patient without it.
    static func buprenorphineChallenge(_ opioid: Opioid, _ regimen: [Administration], at: Double) throws -> Double {
        let placebo = DosingDesign(regimen, weightKilograms: 70)
        var challenged = placebo
        challenged.coadministration = Coadministration(.buprenorphine, [.dose(DoseAmount(8, .mg), route: .sublingual, atHours: at)])
        return try PKSimulation.excessOverPlacebo(try PKLibrary.model(opioid, .human), placebo: placebo, challenged: challenged, at: at, windowHours: 6)
    }

    /// Days after the last dose at which the demo reads the withdrawal course.
    static let withdrawalDays: [Double] = [0.5, 1, 2, 3, 5, 7, 10]

    static func runPharmacology() throws -> PharmacologyRun {
        let experiments = try ExperimentCatalogue.all.map { (experiment: $0, result: try $0.run()) }
        guard let ed50 = experiments.first(where: { $0.experiment.name == "morgan2006-tail-withdrawal-ed50" })?
            .result.targets.first(where: { $0.id == "ed50" })?.model, ed50.isFinite else {
            throw PharmacologyError.invalidDesign("the dose-response experiment gave no ED50")
        }
        let times = gridHours(from: 0, to: 3, step: 0.25)
        let rat = try PKSimulation.run(try PKLibrary.model(.morphine, .rat),
                                       design: DosingDesign([.dose(DoseAmount(ed50, .mgPerKg), route: .sc, atHours: 0)]), outputTimes: times)
        let mpe = rat.readout(.mpe) ?? []
        let lastDose = 30.0 * 24 - 4
        let human = try PKSimulation.run(try PKLibrary.model(.morphine, .human),
                                         design: DosingDesign([.repeated(DoseAmount(20, .mg), route: .oral, everyHours: 4, fromHours: 0, toHours: 30 * 24)],
                                                              weightKilograms: 70),
                                         outputTimes: withdrawalDays.map { lastDose + 24 * $0 })
        let cows = human.readout(.cows) ?? []
        let onMethadone = try buprenorphineChallenge(.methadone, [.repeated(DoseAmount(60, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: 30 * 24)],
                                                     at: 29 * 24 + 20)
        let onMorphine = try buprenorphineChallenge(.morphine, [.repeated(DoseAmount(15, .mg), route: .im, everyHours: 6, fromHours: 0, toHours: 14 * 24)],
                                                    at: 14 * 24)
        return PharmacologyRun(experiments: experiments, ed50: ed50, tailFlick: Array(zip(times, mpe)).map { (time: $0.0, mpe: $0.1) },
                               withdrawal: Array(zip(withdrawalDays, cows)).map { (day: $0.0, cows: $0.1) },
                               buprenorphineOnMethadone: onMethadone, buprenorphineOnMorphine: onMorphine)
    }

    /// The MSC stop: Hua 2016's prevention and reversal designs in rats (from the experiments run
    /// at the pharmacology stop) and one human projection.
    struct MSCRun {
        /// Daily %MPE 30 min after the dose: morphine alone, cells 1 day before, cells on day 14.
        var days: [Double]
        var morphine: [Double]
        var prevention: [Double]
        var reversal: [Double]
        /// The prevention and reversal experiments, drawn as one figure (SVG text).
        var figureSVG: String
        /// A 70-kg patient on oral morphine 30 mg every 12 h, with or without IV cells on day 30.
        var human: TransplantComparison
    }

    static func runMSC(_ experiments: [(experiment: Experiment, result: ExperimentResult)]) throws -> MSCRun {
        func result(_ name: String) throws -> (Experiment, ExperimentResult) {
            guard let pair = experiments.first(where: { $0.experiment.name == name }) else {
                throw PharmacologyError.invalidDesign("the experiment \(name) was not run")
            }
            return pair
        }
        func curve(_ result: ExperimentResult, _ name: String) throws -> ExperimentPanel.Curve {
            guard let curve = result.panels.first?.curves.first(where: { $0.name == name }) else {
                throw PharmacologyError.invalidDesign("\(result.name) has no curve '\(name)'")
            }
            return curve
        }
        let (preventionExperiment, prevention) = try result("hua2016-msc-prevention")
        let (_, reversal) = try result("hua2016-msc-reversal")
        let morphine = try curve(prevention, "morphine")
        var combined = prevention
        combined.name = "hua2016-msc-prevention + reversal"
        combined.targets += reversal.targets
        combined.panels = [prevention.panels[0], reversal.panels[0]]
        let human = try TransplantComparison.run(
            try PKLibrary.model(.morphine, .human),
            design: DosingDesign([.repeated(DoseAmount(30, .mg), route: .oral, everyHours: 12, fromHours: 0, toHours: 90 * 24)], weightKilograms: 70),
            transplant: CellTransplant(cells: 1.5e6, unit: .cellsPerKg, route: .iv, atHours: 30 * 24),
            readouts: [.tolerance, .oih, .pain], hours: [30 * 24 - 0.5, 32 * 24 - 0.5, 60 * 24 - 0.5, 90 * 24 - 0.5])
        return MSCRun(days: morphine.x, morphine: morphine.y, prevention: try curve(prevention, "MSC IV day -1").y,
                      reversal: try curve(reversal, "MSC IV day 14").y,
                      figureSVG: ExperimentFigure.svg(for: combined, experiment: preventionExperiment), human: human)
    }

    /// The scenario stop: a design of one's own on the model — a week of daily morphine in rats
    /// with a dose-response test on day 7, without and with IV cells the day before morphine.
    struct ScenarioStop {
        /// The `wean scenario` options of the run with cells.
        var options: [String]
        var without: DoseResponseResult
        var with: DoseResponseResult
    }

    static func runScenario() throws -> ScenarioStop {
        let regimen = "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=7d"
        let test = "at=7d,doses=1,2,4,8,16,32,64,128,unit=mg/kg,route=sc"
        func run(cells: String?) throws -> DoseResponseResult {
            var arguments = ScenarioArguments(species: "rat", opioid: "morphine", end: "7d")
            arguments.doses = [regimen]
            arguments.transplants = cells.map { [$0] } ?? []
            arguments.doseResponses = [test]
            arguments.readouts = "tolerance"
            return try arguments.scenario().run().doseResponses[0]
        }
        let cells = "route=iv,cells=1e6,at=-1d"
        return ScenarioStop(
            options: ["--species", "rat", "--opioid", "morphine", "--dose", "\"\(regimen)\"", "--msc", "\"\(cells)\"",
                      "--dose-response", "\"\(test)\"", "--end", "7d"],
            without: try run(cells: nil), with: try run(cells: cells))
    }

    /// Runs every stop of the tour.
    static func run() throws -> DemoTour {
        let pharmacology = try runPharmacology()
        return DemoTour(
            oscillator: try [SolverMethod.dopri5, .vern7].map(runOscillator),
            stiff: try [SolverMethod.auto, .rodas5, .bdf].map(runStiff),
            explicitOnStiff: explicitOnStiffMessage(),
            dosing: try runDosing(),
            language: try runLanguage(),
            population: try runPopulation(),
            clinic: try runClinic(),
            pharmacology: pharmacology,
            msc: try runMSC(pharmacology.experiments),
            scenario: try runScenario(),
            refusal: refusalMessage())
    }

    static func runOscillator(_ method: SolverMethod) throws -> OscillatorRun {
        let problem = ODEFunction(dimension: 2, names: ["position", "velocity"]) { _, y, dydt in
            dydt[0] = y[1]
            dydt[1] = -y[0]
        }
        let end = 200 * Double.pi
        let times = (1...1000).map { end * Double($0) / 1000 }
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-10)
        let solution = try solve(problem, initialState: [1, 0], from: 0, outputTimes: times, method: method, options: options)
        var worst = 0.0
        for (t, state) in zip(solution.times, solution.states) {
            worst = max(worst, abs(state[0] - cos(t)), abs(state[1] + sin(t)))
        }
        return OscillatorRun(method: method, maximumError: worst, statistics: solution.statistics)
    }

    static let stiffSetting = ToleranceSetting(relative: 1e-6, absolute: 1e-6)

    static func runStiff(_ method: SolverMethod) throws -> StiffRun {
        let reference = try ReferenceProblem.load("vdpol")
        let solution = try solve(
            VanDerPol(reference), initialState: reference.y0, from: reference.t0, outputTimes: [reference.tEnd],
            method: method, options: stiffSetting.options)
        let scd = significantCorrectDigits(solution.states[0], reference: reference.referenceSolution, absoluteTolerance: stiffSetting.absolute)
        return StiffRun(method: method, scd: scd, statistics: solution.statistics)
    }

    /// DOPRI5 alone on the stiff problem, limited to 100 000 steps.
    static func explicitOnStiffMessage() -> String {
        var options = stiffSetting.options
        options.maximumSteps = 100_000
        do {
            _ = try solve(VanDerPol(), initialState: [2, 0], from: 0, outputTimes: [2000], method: .dopri5, options: options)
            return "no error (unexpected)"
        } catch {
            return error.description
        }
    }

    static func runDosing() throws -> DosingRun {
        let model = TwoCompartmentOral()
        let doses = (0..<7).map { (time: 24 * Double($0), amount: 100.0) }
        let end = 9 * 24.0
        var options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        options.rootDirections = [.decreasing, .decreasing]
        let stepper = try AutoSwitchingStepper(problem: model, options: options)
        var initial = [0.0, 0, 0, 0]
        initial[0] = doses[0].amount
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: initial)

        var run = DosingRun(
            doses: doses, maximumRelativeError: 0, massBalanceError: 0, peaks: [], troughs: [],
            fallsBelowThreshold: nil, threshold: model.thresholdConcentration, statistics: SolverStatistics())
        var dosed = doses[0].amount
        var nextDose = 1
        var hour = 1.0
        while hour <= end {
            integrator.stopTime = nextDose < doses.count ? doses[nextDose].time : end
            switch try integrator.advance(to: hour) {
            case .root(let event):
                let concentration = integrator.state[1] / model.centralVolume
                if event.functions.contains(0) {
                    let analytic = model.analyticConcentration(at: event.time, doses: doses)
                    run.peaks.append((event.time, concentration, analytic))
                }
                if event.functions.contains(1), nextDose == doses.count, run.fallsBelowThreshold == nil {
                    run.fallsBelowThreshold = event.time
                }
            case .reachedStopTime:
                // A dose is due: the state jumps, and the method restarts from the new state.
                run.troughs.append((integrator.time, integrator.state[1] / model.centralVolume))
                var state = integrator.stateArray
                state[0] += doses[nextDose].amount
                dosed += doses[nextDose].amount
                nextDose += 1
                try integrator.restart(state: state)
            case .reachedTarget:
                let state = integrator.stateArray
                let concentration = state[1] / model.centralVolume
                let analytic = model.analyticConcentration(at: hour, doses: doses)
                run.maximumRelativeError = max(run.maximumRelativeError, abs(concentration - analytic) / analytic)
                run.massBalanceError = max(run.massBalanceError, abs(state.reduce(0, +) - dosed))
                hour += 1
            }
        }
        run.statistics = integrator.statistics
        return run
    }

    /// Compiles the embedded indirect-response model and gives it a 100 mg IV infusion over 2 h.
    static func runLanguage() throws -> LanguageRun {
        let compiled = try ModelCompiler.compile(source: languageExample, file: "indirect_response.wean")
        let instance = compiled.makeInstance()
        let baseline = instance.initialState()[1]
        let times = (0...96).map { Double($0) * 0.5 }
        let result = try Simulator.simulate(
            instance, doses: [DoseRecord(time: 0, amount: 100, compartment: .name("central"), delivery: .infusion(rate: 50))],
            outputTimes: times)
        let response = result.column("response")!
        let lowest = response.indices.min { response[$0] < response[$1] }!
        return LanguageRun(
            model: compiled.model, instructionCount: compiled.derivativeInstructionCount, jacobianNonZeros: compiled.jacobianNonZeroCount,
            baseline: baseline, nadir: (times[lowest], response[lowest]), final: response.last!, statistics: result.statistics)
    }

    /// 400 virtual subjects (CL and V with 30 % CV, log-normal, a fixed seed) on the natively
    /// compiled two-compartment template, 100 mg daily for 8 weeks, on all cores; the ODE and the
    /// exact path agree.
    static func runPopulation() throws -> PopulationRun {
        var generator = SplitMix64(seed: 20_261_125)
        let omega = (log(1 + 0.3 * 0.3)).squareRoot()
        let subjects = (0..<400).map { _ in
            (clearance: exp(omega * generator.nextGaussian()), volume: 20 * exp(omega * generator.nextGaussian()))
        }
        let doses = [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 24, additional: 55)]
        let times = (0...56).map { Double($0) * 24 }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        func run(_ method: SolverMethod) throws -> [[Double]] {
            var profiles = [[Double]](repeating: [], count: subjects.count)
            try ParallelSubjects.run(count: subjects.count, threads: threads, compute: { index in
                let runtime = Pk2cmtModel()
                runtime.setParameter(named: "CL", to: subjects[index].clearance)
                runtime.setParameter(named: "V1", to: subjects[index].volume)
                let result = try Simulator.simulate(runtime, doses: doses, outputTimes: times, method: method)
                return result.column("Cp")!
            }, emit: { index, profile in profiles[index] = profile })
            return profiles
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let ode = try run(.auto)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let exact = try run(.exact)
        var difference = 0.0
        for (a, b) in zip(ode.joined(), exact.joined()) where b > 1e-9 { difference = max(difference, abs(a - b) / b) }
        // The trough just before the last dose, at 55 × 24 h, before that dose is given.
        let troughs = ode.map { $0[55] }.sorted()
        func percentile(_ p: Double) -> Double { troughs[Int((p * Double(troughs.count - 1)).rounded())] }
        return PopulationRun(subjects: subjects.count, threads: threads, seconds: seconds,
                             troughs: (percentile(0.05), percentile(0.5), percentile(0.95)), pathDifference: difference)
    }

    /// Hydromorphone 4 mg every 6 h with tramadol 50 mg four times a day, under CDC 2016 and 2022
    /// (hand check: 16 × 4 + 200 × 0.1 = 84 and 16 × 5 + 200 × 0.2 = 120 MME/day), and Shah's risk.
    static func runClinic() throws -> ClinicRun {
        let calculator = MMECalculator(catalogue: try ProductCatalogue.bundled())
        let patient = [
            Prescription(drug: "hydromorphone", strength: 4, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: try dosesPerDay(parsing: "q6h"))),
            Prescription(drug: "tramadol", strength: 50, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: try dosesPerDay(parsing: "qid"))),
        ]
        let risk = try [1.0, 5, 8, 15, 31, 60].map { days in
            let estimate = try LongTermUseRisk.estimate(episodeDays: days)
            return (days: days, probability: estimate.probability, method: estimate.method)
        }
        return ClinicRun(
            mme2016: try calculator.calculate(patient, table: .cdc2016), mme2022: try calculator.calculate(patient, table: .cdc2022),
            risk: risk, longActing: try LongTermUseRisk.estimate(episodeDays: nil, longActing: true).probability,
            taper: try TaperPlanner(catalogue: try ProductCatalogue.bundled()).plan(
                drug: "morphine", form: "er-tablet", start: try StartingRegimen.parse("90 mg q8h"), rule: try TaperRule.named("va-faster")))
    }

    /// Solves `y' = y²`, `y(0) = 1`, whose solution `1/(1 − t)` blows up at `t = 1`, to `t = 2`,
    /// and returns the engine's error message.
    static func refusalMessage() -> String {
        let problem = ODEFunction(dimension: 1, names: ["y"]) { _, y, dydt in dydt[0] = y[0] * y[0] }
        do {
            _ = try solve(problem, initialState: [1], from: 0, outputTimes: [2])
            return "no error (unexpected)"
        } catch {
            return error.description
        }
    }

    /// The tour as text for a terminal, with the notice as its footer.
    func rendered(mscPlotPath: String? = nil) -> String {
        var text = "Wean demo — a tour of what Wean can do so far.\n\n"
        text += "1. ODE engine: harmonic oscillator y'' = −y over 100 periods (t = 0 … 200π),\n"
        text += "   rtol = atol = 1e-10, against the exact solution (cos t, −sin t).\n\n"
        var table = TextTable("method", "max error", "steps", "rejected", "f evals")
        for run in oscillator {
            table.add(run.method.rawValue, scientific(run.maximumError), "\(run.statistics.acceptedSteps)",
                      "\(run.statistics.rejectedSteps)", "\(run.statistics.rhsEvaluations)")
        }
        text += table.rendered() + "\n"

        text += "2. Stiff problems: Van der Pol, μ = 1000, t = 0 … 2000 (Hairer & Wanner's VDPOL), rtol = atol = 1e-6,\n"
        text += "   scored against the Bari test set's reference solution (scd = correct digits at the end).\n\n"
        var stiffTable = TextTable("method", "scd", "steps", "rejected", "f evals", "Jacobians", "LU")
        for run in stiff {
            let s = run.statistics
            stiffTable.add(run.method.rawValue, fixed(run.scd, decimals: 2), "\(s.acceptedSteps)", "\(s.rejectedSteps)",
                           "\(s.rhsEvaluations)", "\(s.jacobianEvaluations)", "\(s.luDecompositions)")
        }
        text += stiffTable.rendered()
        text += "\n   `auto` (the default) runs DOPRI5 on the fast jumps and RODAS5 on the slow stiff branches.\n"
        text += "   DOPRI5 alone: \"\(explicitOnStiff)\"\n\n"

        text += "3. Dosing through the discontinuity API: 100 mg orally every 24 h × \(dosing.doses.count) into the\n"
        text += "   two-compartment model of DESIGN.md §2 (KA 1.2/h, CL 10 L/h, V1 50 L, Q 5 L/h, V2 100 L),\n"
        text += "   the default method with rtol 1e-8; the solver stops exactly at each dose, the depot jumps, it restarts.\n"
        text += "   Peaks are located by root finding on d(central)/dt and checked against the closed form.\n\n"
        var peaks = TextTable("dose", "peak at (h)", "Cmax (mg/L)", "closed form", "trough before next (mg/L)")
        for (index, peak) in dosing.peaks.enumerated() {
            let trough = index < dosing.troughs.count ? fixed(dosing.troughs[index].concentration, decimals: 4) : "—"
            peaks.add("\(index + 1)", fixed(peak.time, decimals: 4), fixed(peak.concentration, decimals: 6),
                      fixed(peak.analytic, decimals: 6), trough)
        }
        text += peaks.rendered()
        text += "\n   Hourly concentrations vs closed form: max relative error \(scientific(dosing.maximumRelativeError)).\n"
        text += "   Mass balance (depot + central + peripheral + eliminated = dosed): max error \(scientific(dosing.massBalanceError)) mg.\n"
        if let time = dosing.fallsBelowThreshold {
            text += "   After the last dose the concentration falls below \(dosing.threshold) mg/L at t = \(fixed(time, decimals: 4)) h (a located root).\n"
        }
        let s = dosing.statistics
        text += "   Work: \(s.acceptedSteps) steps, \(s.rejectedSteps) rejected, \(s.rhsEvaluations) f evaluations, \(s.rootFunctionEvaluations) root-function evaluations.\n\n"

        let l = language
        text += "4. The model language: examples/indirect_response.wean (an indirect-response model, Dayneka, Garg &\n"
        text += "   Jusko 1993) compiled from text — no C compiler — to \(l.instructionCount) register instructions for the\n"
        text += "   right-hand side and a symbolic Jacobian with \(l.jacobianNonZeros) non-zero entries.\n"
        text += "   States: \(l.model.states.map(\.name).joined(separator: ", ")); parameters: \(l.model.parameters.map { "\($0.name) = \(shortest($0.defaultValue))" }.joined(separator: ", ")).\n"
        text += "   A 100 mg IV infusion over 2 h: the response falls from its baseline \(fixed(l.baseline, decimals: 2)) to \(fixed(l.nadir.value, decimals: 2))"
        text += " at t = \(fixed(l.nadir.time, decimals: 1)) h\n   and recovers to \(fixed(l.final, decimals: 2)) by 48 h (\(l.statistics.steps) steps, \(l.statistics.restarts) restarts at the infusion's edges).\n"
        text += "   Try: swift run -c release wean simulate examples/indirect_response.wean --end 48 --dose \"amt=100,rate=50\"\n\n"

        let p = population
        text += "5. A population on all cores: \(p.subjects) virtual subjects (CL, V with 30 % CV) on the natively compiled\n"
        text += "   two-compartment template, 100 mg daily for 8 weeks, simulated in \(fixed(p.seconds, decimals: 2)) s on \(p.threads) thread(s).\n"
        text += "   Trough before the last dose: median \(fixed(p.troughs.p50, decimals: 3)) mg/L, 90 % of subjects \(fixed(p.troughs.p5, decimals: 3))–\(fixed(p.troughs.p95, decimals: 3)) mg/L.\n"
        text += "   The ODE path and the exact (matrix-exponential) path agree to \(scientific(p.pathDifference)) relative.\n\n"

        let c = clinic
        text += "6. The clinic: MME/day of hydromorphone 4 mg q6h with tramadol 50 mg QID, under the two CDC tables\n"
        text += "   (`wean mme`; the factors for both drugs changed in 2022).\n\n"
        var mmeTable = TextTable("drug", "mg/day", "CDC 2016 factor", "CDC 2016 MME", "CDC 2022 factor", "CDC 2022 MME")
        for (old, new) in zip(c.mme2016.lines, c.mme2022.lines) {
            mmeTable.add(old.product.ingredient, shortest(old.dailyAmount), old.factor.map(shortest) ?? "—",
                         old.mmePerDay.map { fixed($0, decimals: 1) } ?? "—", new.factor.map(shortest) ?? "—", new.mmePerDay.map { fixed($0, decimals: 1) } ?? "—")
        }
        mmeTable.add("total", "", "", fixed(c.mme2016.totalMMEPerDay, decimals: 1), "", fixed(c.mme2022.totalMMEPerDay, decimals: 1))
        text += mmeTable.rendered()
        text += "\n   Flags: CDC 2016 table \(c.mme2016.flags.map { "≥\(shortest($0.threshold))" }.joined(separator: ", ")); CDC 2022 table \(c.mme2022.flags.map { "≥\(shortest($0.threshold))" }.joined(separator: ", ")) MME/day.\n"
        text += "   Long-term use (`wean risk`): still on opioids a year later, by length of the first episode\n"
        text += "   (Shah, Hayes & Martin, MMWR 2017; opioid-naive commercially insured adults, 2006–2015):\n"
        text += "   " + c.risk.map { "≥\(shortest($0.days)) d: \(fixed(100 * $0.probability, decimals: 1)) %\($0.method == "exact" ? "" : "*")" }.joined(separator: ", ") + "\n"
        text += "   (* interpolated, monotone cubic, or held beyond 31 days); a long-acting first prescription: \(fixed(100 * c.longActing, decimals: 1)) %.\n"
        text += "   Taper (`wean taper`): the VA \"faster\" rule (a sixth of the original dose a week, then longer intervals)\n"
        text += "   from morphine ER 90 mg q8h (\(shortest(c.taper.startMMEPerDay)) MME/day), made of 15/30/60 mg tablets:\n   "
        text += c.taper.steps.map { step in
            step.kind == .stop ? "stop on day \(step.startDay)" : "\(shortest(step.amountPerDose)) mg \(step.frequencyLabel)"
        }.joined(separator: " → ") + "\n"
        text += "   — the VA tool's worked schedule, derived from its rule rather than stored.\n"
        text += "   Try: swift run -c release wean mme --drug oxycodone --strength 10 --unit mg --quantity 120 --days 30\n"
        text += "        swift run -c release wean taper --drug morphine --form er-tablet --dose \"90 mg q8h\" --speed va-faster\n\n"

        let ph = pharmacology
        let humanOpioids = PKLibrary.models.filter { $0.species == .human }.count
        text += "7. Pharmacology: the opioid PK library (\(PKLibrary.models.count) natively compiled models: \(humanOpioids) opioids in humans, morphine in\n"
        text += "   rats and mice), each with the mechanism of tolerance, withdrawal, glial activation, cytokines\n"
        text += "   and BDNF/KCC2 hyperalgesia, rerunning published designs (`wean experiment`). Parameters are fixed once\n"
        text += "   per species; experiments change only doses, routes, times, treatments and knockouts. Calibration\n"
        text += "   targets chose parameters; validation targets did not.\n\n"
        var experimentTable = TextTable("experiment", "calibration", "validation", "result")
        for (experiment, result) in ph.experiments {
            func count(_ kind: ExperimentTarget.Kind) -> String {
                let targets = result.targets.filter { $0.kind == kind }
                return targets.isEmpty ? "—" : "\(targets.filter(\.pass).count)/\(targets.count)"
            }
            experimentTable.add(experiment.name, count(.calibration), count(.validation), result.pass ? "pass" : "FAIL")
        }
        text += experimentTable.rendered()
        let failed = ph.experiments.flatMap { pair in pair.result.targets.filter { !$0.pass }.map { "\(pair.experiment.name)/\($0.id)" } }
        if !failed.isEmpty {
            text += "\n   Not met (documented in docs/model.md): \(failed.joined(separator: ", ")).\n"
        }
        text += "\n   Rat tail flick after the model's ED50 dose (\(fixed(ph.ed50, decimals: 2)) mg/kg s.c.), %MPE every 30 min: "
        text += ph.tailFlick.enumerated().filter { $0.offset % 2 == 0 }.map { fixed($0.element.mpe, decimals: 0) }.joined(separator: " ") + "\n"
        text += "   A patient stopping a month of oral morphine 20 mg every 4 h, COWS (0-48) "
        text += ph.withdrawal.map { "\(fixed($0.day, decimals: $0.day < 1 ? 1 : 0)) d: \(fixed($0.cows, decimals: 0))" }.joined(separator: ", ") + "\n"
        text += "   after the last dose: withdrawal builds for about two days after the drug has gone (texts: most intense\n"
        text += "   at 36-72 h), then subsides; a dose relieves it within the hour.\n"
        text += "   Two opioids at once: buprenorphine 8 mg sublingual 20 h after a month of methadone 60 mg a day adds COWS\n"
        text += "   \(fixed(ph.buprenorphineOnMethadone, decimals: 1)) within 6 h (a partial agonist taking receptors from a full one: precipitated\n"
        text += "   withdrawal); 6 h after two weeks of morphine 15 mg i.m. every 6 h, \(fixed(ph.buprenorphineOnMorphine, decimals: 1)).\n"
        text += "   Try: swift run -c release wean experiment list\n"
        text += "        swift run -c release wean experiment stuartharris2000-morphine-pk --plot morphine.svg\n"
        text += "        swift run -c release wean experiment calibrate --evaluations 0 --report calibration.html"
            + "   (the shipped parameters: objective, identifiability, validation)\n\n"

        text += "8. MSC therapy (Hua et al., Sci Rep 2016; Cleveland Clinic): mesenchymal stem cells, IV or intrathecal,\n"
        text += "   calm spinal glia through secreted mediators (TSG-6 from lung-trapped IV cells, TGF-β1 from intrathecal\n"
        text += "   cells) and leave a weeks-long resolution memory. Rats on morphine 10 mg/kg s.c. daily, %MPE 30 min\n"
        text += "   after the dose; 10⁶ IV cells 1 day before morphine (prevention) or on day 14 (reversal):\n\n"
        let shownDays = [1, 4, 7, 10, 13, 14, 16, 19, 22, 25, 28]
        var mscTable = TextTable(["day"] + shownDays.map { "\($0)" })
        func row(_ name: String, _ values: [Double]) {
            mscTable.rows.append([name] + shownDays.map { day in
                let index = msc.days.firstIndex(of: Double(day))
                return index.map { fixed(values[$0], decimals: 0) } ?? "—"
            })
        }
        row("morphine", msc.morphine)
        row("+ MSC day -1", msc.prevention)
        row("+ MSC day 14", msc.reversal)
        text += mscTable.rendered(indent: "   ")
        text += "\n   Plot: \(mscPlotPath ?? "not written")\n"
        text += "   A 70-kg patient on oral morphine 30 mg every 12 h, IV cells 1.5×10⁶/kg on day 30 (rodent mediator and\n"
        text += "   memory parameters scaled per kg — an extrapolation, no human trial has reported):\n\n"
        var humanTable = TextTable("day", "readout", "without cells", "with cells")
        for row in msc.human.rows {
            humanTable.add(fixed((row.hours + 0.5) / 24, decimals: 0), "\(row.readout.rawValue) (\(row.readout.unit))", fixed(row.without, decimals: 2), fixed(row.with, decimals: 2))
        }
        text += humanTable.rendered(indent: "   ")
        text += "   Try: swift run -c release wean experiment hua2016-msc-reversal --plot reversal.svg\n"
        text += "        swift run -c release wean experiment chen2015-it-bmsc-nerve-injury\n\n"

        func ed50(_ value: Double?) -> String { value.map { "\(fixed($0, decimals: 1)) mg/kg" } ?? "out of range" }
        func ratio(_ value: Double?) -> String { value.map { "\(fixed($0, decimals: 1))×" } ?? "—" }
        text += "9. Your own design (wean scenario): rats on morphine 10 mg/kg s.c. daily, a dose-response test on day 7\n"
        text += "   (each challenge dose on a copy of the animal, %MPE at the drug-naive peak, ED50 by log-linear interpolation):\n"
        text += "   drug-naive ED50 \(ed50(scenario.without.ed50Naive)) (Morgan 2006: 5.7); after a week \(ed50(scenario.without.ed50)), "
            + "\(ratio(scenario.without.ed50Ratio)) the naive —\n"
        text += "   with IV cells the day before morphine \(ed50(scenario.with.ed50)), \(ratio(scenario.with.ed50Ratio)) the naive.\n"
        text += "   Try: swift run -c release wean scenario \(scenario.options.joined(separator: " "))\n"
        text += "        swift run -c release wean scenario --species rat --list-readouts\n\n"

        text += "10. Errors instead of NaN: y' = y², y(0) = 1 blows up at t = 1; asked for t = 2 the engine says\n"
        text += "    \"\(refusal)\"\n\n"
        text += "Coming next: model-guided tapers, trials.\n\n"
        text += Notice.text + "\n"
        return text
    }
}
