import Foundation
import Pharmacology
import Testing
@testable import WeanCLI

/// `docs/plots/NAME.svg` is what `wean experiment NAME --plot` draws, for every experiment, and
/// `docs/model.md` shows each one.
@Suite struct DocumentationPlotTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    @Test(arguments: ExperimentCatalogue.all.map(\.name))
    func plotIsCurrent(name: String) throws {
        let experiment = try #require(ExperimentCatalogue.named(name))
        let svg = ExperimentFigure.svg(for: try experiment.run(), experiment: experiment)
        let file = Self.docs.appendingPathComponent("plots/\(name).svg")
        if ProcessInfo.processInfo.environment["WEAN_UPDATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try svg.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == svg, "docs/plots/\(name).svg is out of date: run WEAN_UPDATE_DOCS=1 swift test --filter DocumentationPlotTests")
        let page = try String(contentsOf: Self.docs.appendingPathComponent("model.md"), encoding: .utf8)
        #expect(page.contains("(plots/\(name).svg)"), "docs/model.md does not show plots/\(name).svg")
    }
}
