/// Where a simulation's output rows go as the event engine computes them
/// (`Simulator.simulate(…, into:)`, `Simulator.run(…, into:)`): a conforming type receives each
/// row once, in the order of the timeline, and copies what it keeps — `values` (the states, then
/// the assigned names, as `SimulationResult.names`) is valid only during the call. Conform a
/// struct and the engine calls it without allocating anything per output.
public protocol SimulationOutputSink {
    /// One output row: `tag` identifies it (the output time's index, or the data-set row's tag).
    mutating func receive(tag: Int, time: Double, values: UnsafeBufferPointer<Double>)
}
