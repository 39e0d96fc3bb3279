import NameSuggestions

/// Writes one output column into consecutive slots of a buffer, by tag — `buffer[tag]` is the
/// column's value at output `tag` — for population runs that keep one quantity per subject and
/// time (the reference-job benchmark's concentrations). Tags outside the buffer are ignored.
public struct OutputColumn: SimulationOutputSink {
    public let column: Int
    public let buffer: UnsafeMutableBufferPointer<Double>

    /// - Parameters:
    ///   - column: the index of the output in `SimulationResult.names` order; it must be a valid
    ///     index of the rows the engine hands over (as an array index must be).
    ///   - buffer: one slot per output time.
    public init(column: Int, buffer: UnsafeMutableBufferPointer<Double>) {
        self.column = column
        self.buffer = buffer
    }

    /// The column of the output called `name` among `names` (a model's `outputNames`).
    /// - Throws: `SimulationError.invalidInput` naming the outputs there are, with the closest.
    public init(named name: String, in names: [String], buffer: UnsafeMutableBufferPointer<Double>) throws(SimulationError) {
        guard let column = names.firstIndex(of: name) else {
            let hint = closestName(name, names).map { " Did you mean '\($0)'?" } ?? ""
            throw .invalidInput("no output '\(name)'; the outputs are \(names.joined(separator: ", ")).\(hint)")
        }
        self.init(column: column, buffer: buffer)
    }

    public mutating func receive(tag: Int, time: Double, values: UnsafeBufferPointer<Double>) {
        if buffer.indices.contains(tag) { buffer[tag] = values[column] }
    }
}
