/// Why a scenario cannot run, said so the user can fix it: which argument (`dose`, `msc`,
/// `readouts`, … — the `wean scenario` option without its dashes), which one of them when the
/// option repeats (1-based), and what was expected.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option the problem is in, without dashes (`dose`, `dose-response`, `end`, …); `nil`
    /// when the scenario as a whole failed (the solver gave up).
    public var argument: String?
    /// Which occurrence of a repeated option (1-based), if it repeats.
    public var occurrence: Int?
    public var message: String

    public init(_ argument: String?, occurrence: Int? = nil, _ message: String) {
        self.argument = argument
        self.occurrence = occurrence
        self.message = message
    }

    public var description: String {
        guard let argument else { return message }
        return "--\(argument)\(occurrence.map { " #\($0)" } ?? ""): \(message)"
    }
}
