/// Collects every row as a ``TimelineOutput`` (what `Simulator.run` and `Simulator.simulate`
/// return).
struct OutputRows: SimulationOutputSink {
    var outputs: [TimelineOutput] = []

    mutating func receive(tag: Int, time: Double, values: UnsafeBufferPointer<Double>) {
        outputs.append(TimelineOutput(tag: tag, time: time, values: Array(values)))
    }
}
