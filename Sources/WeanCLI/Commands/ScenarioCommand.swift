import ArgumentParser
import Foundation
import Pharmacology

/// `wean scenario`: any experimental or clinical design on the pharmacology model — doses,
/// infusions, pellets, patches, MSC transplants, nerve injuries, knockouts, treatments and
/// dose-response tests — read as a time course of readouts (table, CSV or JSON) and a plot.
/// The parsing and the run are `Pharmacology.ScenarioArguments` and `Scenario.run()`; this type
/// maps options to them and errors to messages.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run any design (doses, cells, injuries, knockouts, treatments, dose-response tests) on the model.",
        discussion: """
            Times take units (min h d w; 2d12h) on one clock whose zero is the start
            of the first opioid regimen; negative times come before it. Intervals
            are [from, to). At one instant: doses, then treatments, then readouts.

            Examples:
              wean scenario --species rat --opioid morphine \\
                --dose "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=14d" \\
                --msc "route=iv,cells=1e6,at=-1d" --end 14d --every 6h
              wean scenario --species rat --opioid morphine \\
                --dose "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=7d" \\
                --dose-response "at=7d,doses=1,2,4,8,16,32,unit=mg/kg,route=sc" \\
                --end 7d --format json
              wean scenario --species human --weight 70 --opioid oxycodone \\
                --dose "amount=10,unit=mg,route=oral,every=12h,from=0d,to=30d" \\
                --end 30d --every 1d
              wean scenario --species human --weight 70 --opioid methadone \\
                --dose "amount=60,unit=mg,route=oral,every=24h,from=0d,to=30d" \\
                --dose "opioid=buprenorphine,amount=8,unit=mg,route=sublingual,at=29d20h" \\
                --end 30d12h --every 30min --readouts cows
              wean scenario --species rat --list-readouts

            Items (key=value, comma-separated):
              --dose       amount,unit,route and at, or every,from,to (repeated)
              --infusion   rate,unit,route,from,to
              --pellet     amount,unit,at[,remove]
              --patch      strength,unit,from,to[,every (change interval)]
              --msc        route (iv|it),cells (1e6 or 1.5e6/kg),at[,unit]
              --injury     type (cci|sni),at
              --treatment  name,dose (effect level),from,to or at; or naloxone
                           in mg: name,amount,unit,route,at (a dose) or
                           name,rate,unit,route,from,to (an infusion); routes
                           iv im intranasal in humans, iv sc ip in rodents
              --dose-response at,doses,unit,route[,cumulative (interval)]
            A dose, infusion, patch or pellet with opioid=NAME (another drug than
            --opioid) gives a second opioid: both act at the same receptors.
            Run again from a JSON output: wean scenario --from run.json
            Guide: docs/scenario.md.
            \(Notice.text)
            """
    )

    @Option(help: "rat, mouse or human.") var species: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Body weight, kg: \(Species.allCases.map { "\($0.rawValue) \($0.modelledWeightText)" }.joined(separator: ", ")) (default: the species' typical weight; required for per-kg amounts in humans).")) var weight: String?
    @Option(help: "The opioid (see `wean scenario --list-opioids`).") var opioid: String?
    @Option(name: .customLong("dose"), parsing: .unconditionalSingleValue, help: "A dose or repeated dose (repeatable).") var doses: [String] = []
    @Option(name: .customLong("infusion"), parsing: .unconditionalSingleValue, help: "A zero-order infusion (repeatable).") var infusions: [String] = []
    @Option(name: .customLong("pellet"), parsing: .unconditionalSingleValue, help: "A slow-release pellet (rodents; repeatable).") var pellets: [String] = []
    @Option(name: .customLong("patch"), parsing: .unconditionalSingleValue, help: "A transdermal patch (repeatable, not overlapping).") var patches: [String] = []
    @Option(name: .customLong("msc"), parsing: .unconditionalSingleValue, help: "A mesenchymal stem cell transplant (repeatable).") var transplants: [String] = []
    @Option(name: .customLong("injury"), parsing: .unconditionalSingleValue, help: "A peripheral nerve injury (repeatable).") var injuries: [String] = []
    @Option(name: .customLong("knockout"), help: "A genetic knockout (repeatable): \(Knockout.allCases.map(\.rawValue).joined(separator: ", ")).") var knockouts: [String] = []
    @Option(name: .customLong("treatment"), parsing: .unconditionalSingleValue, help: "A treatment: \(Treatment.allCases.map(\.rawValue).joined(separator: ", ")) (repeatable).") var treatments: [String] = []
    @Option(name: .customLong("dose-response"), parsing: .unconditionalSingleValue, help: "A dose-response test on copies of the state (repeatable).") var doseResponses: [String] = []
    @Option(parsing: .unconditional, help: "The last output time, e.g. 30d.") var end: String?
    @Option(parsing: .unconditional, help: "Output interval (default 1h), from the earliest event.") var every: String?
    @Option(parsing: .unconditional, help: "Comma-separated output times, e.g. 1h,2d (instead of --every).") var times: String?
    @Option(help: "Comma-separated readouts (see --list-readouts).") var readouts: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Write the time course (and dose-response curves) to this SVG file.") var plot: String?
    @Option(help: "Run the scenario of a JSON file written by `--format json` (or a bare scenario object).") var from: String?
    @Flag(help: "List the readouts (for --species, or all) with unit and meaning.") var listReadouts = false
    @Flag(help: "List the opioids and the species each has a model for.") var listOpioids = false

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        if listReadouts { return try ScenarioReport.readoutListing(species: species.map(parsedSpecies)) }
        if listOpioids { return ScenarioReport.opioidListing() }
        let scenario = try parsedScenario()
        let result: ScenarioResult
        do {
            result = try scenario.run()
        } catch {
            throw ValidationError(error.description)
        }
        if let plot {
            do {
                try ScenarioReport.figure(result).svg().write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the plot to '\(plot)': \(error.localizedDescription)")
            }
        }
        switch format {
        case .table: return ScenarioReport.table(result)
        case .csv: return ScenarioReport.csv(result)
        case .json: return try ScenarioReport.json(result)
        }
    }

    func parsedSpecies(_ text: String) throws -> Species {
        guard let species = Species(rawValue: text.lowercased()) else {
            throw ValidationError("--species: unknown species '\(text)'; rat, mouse or human")
        }
        return species
    }

    /// The scenario from the options, or from `--from` (which then takes no scenario options).
    func parsedScenario() throws -> Scenario {
        if let from {
            let given = [species, weight, opioid, end, every, times, readouts].contains { $0 != nil }
                || ![doses, infusions, pellets, patches, transplants, injuries, knockouts, treatments, doseResponses].allSatisfy(\.isEmpty)
            guard !given else { throw ValidationError("--from runs the file's scenario as written; give no other scenario options with it") }
            return try ScenarioReport.scenario(fromFile: from)
        }
        guard let species else { throw ValidationError("--species is required (rat, mouse or human)") }
        guard let opioid else { throw ValidationError("--opioid is required (e.g. morphine); `wean scenario --list-opioids` names them") }
        guard let end else { throw ValidationError("--end is required (the last output time, e.g. 30d)") }
        var arguments = ScenarioArguments(species: species, opioid: opioid, end: end)
        arguments.weight = weight
        arguments.doses = doses
        arguments.infusions = infusions
        arguments.pellets = pellets
        arguments.patches = patches
        arguments.transplants = transplants
        arguments.injuries = injuries
        arguments.knockouts = knockouts
        arguments.treatments = treatments
        arguments.doseResponses = doseResponses
        arguments.every = every
        arguments.times = times
        arguments.readouts = readouts
        do {
            return try arguments.scenario()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
