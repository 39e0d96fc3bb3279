import ArgumentParser

/// `wean demo`: the end-to-end tour on embedded defaults. Each feature of Wean adds a stop.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the end-to-end tour of Wean on its built-in examples and print what it did."
    )

    func run() throws {
        let tour = try DemoTour.run()
        print(tour.rendered(), terminator: "")
    }
}
