import Foundation
import Testing
import Pharmacology
@testable import WeanCLI

@Suite struct DemoTourTests {
    /// The tour's own checks hold: the oscillator within tolerance-sized error, the dosing run
    /// against the closed form and mass balance, one peak per dose, and a refusal for a blow-up.
    @Test func tourMeetsItsIndependentChecks() throws {
        let tour = try DemoTour.run()
        for run in tour.oscillator {
            #expect(run.maximumError < 1e-6, "\(run.method) error \(run.maximumError)")
        }
        #expect(tour.stiff.count == 3)
        for run in tour.stiff {
            #expect(run.scd > 3.5, "\(run.method) scd \(run.scd)")
            #expect(run.statistics.acceptedSteps < 5000)
        }
        #expect(tour.explicitOnStiff.contains("100000 steps"))
        #expect(tour.dosing.peaks.count == tour.dosing.doses.count)
        #expect(tour.dosing.maximumRelativeError < 1e-6)
        #expect(tour.dosing.massBalanceError < 1e-8)
        for peak in tour.dosing.peaks {
            #expect(abs(peak.concentration - peak.analytic) / peak.analytic < 1e-6)
        }
        #expect(tour.dosing.fallsBelowThreshold != nil)
        #expect(tour.refusal.contains("t = "), "refusal: \(tour.refusal)")
        #expect(tour.language.baseline == 20)
        #expect(tour.language.nadir.value < 0.6 * tour.language.baseline)
        #expect(abs(tour.language.final - tour.language.baseline) < 0.05 * tour.language.baseline)
        #expect(tour.language.statistics.restarts == 2)
        #expect(tour.population.pathDifference < 1e-5)
        #expect(tour.population.troughs.p5 < tour.population.troughs.p50 && tour.population.troughs.p50 < tour.population.troughs.p95)
        #expect(abs(tour.clinic.mme2016.totalMMEPerDay - 84) < 1e-9)
        #expect(abs(tour.clinic.mme2022.totalMMEPerDay - 120) < 1e-9)
        #expect(tour.clinic.mme2016.flags.count == 1 && tour.clinic.mme2022.flags.count == 2)
        #expect(tour.clinic.risk.map(\.probability) == tour.clinic.risk.map(\.probability).sorted())
        #expect(tour.clinic.taper.steps.map(\.mmePerDay) == [225, 180, 135, 90, 45, 30, 15, 0])
        #expect(tour.pharmacology.experiments.count == ExperimentCatalogue.all.count)
        #expect(abs(tour.pharmacology.tailFlick.map(\.mpe).max()! - 50) < 5)
        // Buprenorphine precipitates withdrawal on methadone held above its ceiling, not on
        // morphine 6 h after a dose (walsh1995 and schuh1996 designs).
        #expect(tour.pharmacology.buprenorphineOnMethadone > tour.pharmacology.buprenorphineOnMorphine + 1)
        #expect(tour.pharmacology.buprenorphineOnMorphine < 3)
        // Spontaneous withdrawal: worse on day 2 than at half a day, subsided by day 10.
        let cows = Dictionary(uniqueKeysWithValues: tour.pharmacology.withdrawal.map { ($0.day, $0.cows) })
        let (halfDay, day2, day10) = (try #require(cows[0.5]), try #require(cows[2]), try #require(cows[10]))
        #expect(day2 > halfDay)
        #expect(day10 < 0.25 * cows.values.max()!)
        // The MSC stop: prevention keeps day 28's effect, reversal restores it after day 14, and
        // the human projection runs both arms at every time.
        let day = { (d: Double) in tour.msc.days.firstIndex(of: d)! }
        #expect(tour.msc.prevention[day(28)] > tour.msc.morphine[day(28)] + 10)
        #expect(tour.msc.reversal[day(14)] == tour.msc.morphine[day(14)])
        #expect(tour.msc.reversal[day(17)] > tour.msc.morphine[day(17)] + 10)
        #expect(tour.msc.figureSVG.hasPrefix("<svg") || tour.msc.figureSVG.hasPrefix("<?xml"))
        #expect(tour.msc.human.rows.count == 12)
        // The scenario stop: a week of morphine shifts the curve right; cells given first keep it
        // nearer the naive one; the shown command line parses to the same scenario.
        let without = try #require(tour.scenario.without.ed50Ratio), with = try #require(tour.scenario.with.ed50Ratio)
        #expect(without > 2 && with < without)
        let shown = tour.scenario.options.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let command = try #require(try WeanCommand.parseAsRoot(["scenario"] + shown) as? ScenarioCommand)
        #expect(try command.parsedScenario().run().doseResponses[0].ed50 == tour.scenario.with.ed50)
        let text = tour.rendered(mscPlotPath: "x.svg")
        #expect(text.contains("stuartharris2000-morphine-pk"))
        #expect(text.contains("Plot: x.svg"))
        #expect(text.hasSuffix(Notice.text + "\n"))
    }
}

/// The tour's embedded model is the example file, unchanged.
@Test func embeddedExampleMatchesFile() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/indirect_response.wean")
    #expect(try String(contentsOf: file, encoding: .utf8) == DemoTour.languageExample + "\n")
}
