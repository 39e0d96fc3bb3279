import Testing
import Dosing
import ModelLanguage
import ModelLibrary
import Simulation
import Solvers

/// Output rows handed to a sink as the engine computes them are the rows `simulate` returns, to
/// the last bit, in the same order, on the ODE path, the engine's exact method and the analytic
/// fast path.
@Suite struct OutputSinkTests {
    /// Keeps every row it is given.
    struct Recorder: SimulationOutputSink {
        var tags: [Int] = []
        var times: [Double] = []
        var rows: [[UInt64]] = []
        mutating func receive(tag: Int, time: Double, values: UnsafeBufferPointer<Double>) {
            tags.append(tag)
            times.append(time)
            rows.append(values.map(\.bitPattern))
        }
    }

    @Test(arguments: [SolverMethod.auto, .dopri5, .rodas5, .exact])
    func sinkReceivesTheRowsSimulateReturns(method: SolverMethod) throws {
        let doses = [try DoseSpecification.parse("amt=100,ii=12,addl=5"), try DoseSpecification.parse("time=20,amt=30,rate=15,cmt=central")]
        let times = stride(from: 0.0, through: 96, by: 0.75).map { $0 }
        let model = try #require(ModelLibrary.native("pk2cmt.wean"))
        let expected = try Simulator.simulate(model, doses: doses, outputTimes: times, method: method)

        var recorder = Recorder()
        let statistics = try Simulator.simulate(model, doses: doses, outputTimes: times, method: method, into: &recorder)
        #expect(recorder.tags == Array(times.indices))
        #expect(recorder.times == expected.times)
        #expect(recorder.rows == expected.rows.map { $0.map(\.bitPattern) })
        #expect(statistics == expected.statistics)

        let column = try #require(expected.names.firstIndex(of: "Cp"))
        var values = [Double](repeating: .nan, count: times.count)
        _ = try values.withUnsafeMutableBufferPointer { (buffer) throws(SimulationError) in
            var sink = OutputColumn(column: column, buffer: buffer)
            return try Simulator.simulate(model, doses: doses, outputTimes: times, method: method, into: &sink)
        }
        #expect(values.map(\.bitPattern) == expected.rows.map { $0[column].bitPattern })
    }

    /// A column sink ignores tags beyond its buffer rather than writing past it.
    @Test func columnSinkIgnoresTagsOutsideItsBuffer() {
        var storage = [Double](repeating: 0, count: 2)
        storage.withUnsafeMutableBufferPointer { buffer in
            var sink = OutputColumn(column: 1, buffer: buffer)
            [1.0, 2.0].withUnsafeBufferPointer { row in
                sink.receive(tag: 0, time: 0, values: row)
                sink.receive(tag: 5, time: 1, values: row)
                sink.receive(tag: -1, time: 1, values: row)
            }
        }
        #expect(storage == [2, 0])
    }

    /// A column named that the model does not have is an error naming the outputs, with the
    /// closest.
    @Test func unknownColumnNameIsRefused() {
        var storage = [Double](repeating: 0, count: 2)
        storage.withUnsafeMutableBufferPointer { buffer in
            #expect {
                _ = try OutputColumn(named: "cp", in: ["depot", "central", "periph", "Cp"], buffer: buffer)
            } throws: { error in
                "\(error)".contains("no output 'cp'; the outputs are depot, central, periph, Cp. Did you mean 'Cp'?")
            }
            #expect((try? OutputColumn(named: "Cp", in: ["depot", "central", "periph", "Cp"], buffer: buffer))?.column == 3)
        }
    }
}
