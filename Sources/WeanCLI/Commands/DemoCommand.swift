import ArgumentParser
import Foundation

/// `wean demo`: the end-to-end tour on embedded defaults. Each feature of Wean adds a stop.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the end-to-end tour of Wean on its built-in examples and print what it did."
    )

    @Option(help: "Write the MSC prevention/reversal plot (Hua 2016 designs) to this SVG file; \"-\" to skip.")
    var mscPlot: String = "wean-demo-msc.svg"

    func run() throws {
        let tour = try DemoTour.run()
        var written: String?
        if mscPlot != "-" {
            do {
                try tour.msc.figureSVG.write(toFile: mscPlot, atomically: true, encoding: .utf8)
                written = mscPlot
            } catch {
                written = "not written: cannot write '\(mscPlot)' (\(error.localizedDescription))"
            }
        }
        print(tour.rendered(mscPlotPath: written), terminator: "")
    }
}
