import Foundation
import Testing
@testable import Pharmacology

/// `docs/model.md`'s PK library section is the one generated from the model files.
@Suite struct DocumentationTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/model.md")
    static let begin = "<!-- generated from Sources/Pharmacology/Models/*.wean; a test keeps it equal; regenerate with WEAN_UPDATE_DOCS=1 swift test --filter modelDocumentationIsCurrent -->\n"
    static let end = "<!-- end generated -->\n"

    @Test func modelDocumentationIsCurrent() throws {
        let text = try String(contentsOf: Self.path, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "docs/model.md lacks the generated-section marker")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let expected = ModelDocumentation.allSections
        if current != expected, ProcessInfo.processInfo.environment["WEAN_UPDATE_DOCS"] == "1" {
            let updated = String(text[..<start.upperBound]) + expected + String(text[stop.lowerBound...])
            try updated.write(to: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "docs/model.md is out of date: run WEAN_UPDATE_DOCS=1 swift test --filter modelDocumentationIsCurrent")
    }

    /// Every drug of the library and every experiment has its place in the page.
    @Test func everyModelAndExperimentIsDocumented() throws {
        let text = try String(contentsOf: Self.path, encoding: .utf8)
        for model in PKLibrary.models { #expect(text.contains("`\(model.file)`")) }
        for experiment in ExperimentCatalogue.all { #expect(text.contains("`\(experiment.name)`"), "\(experiment.name) missing from docs/model.md") }
    }
}
