/// Locates sign changes of a problem's root functions `g_k(t, y(t))` on a stepper's continuous
/// extension.
///
/// After each stretch of solution the driver hands over, the root functions are evaluated at its
/// end; a function whose sign differs from the start (and whose direction is wanted) has its
/// root bracketed and narrowed by the Illinois variant of regula falsi (Dowell & Jarratt, *BIT*
/// 11 (1971) 168–174), with a bisection whenever a step fails to halve the bracket, until the
/// bracket is a few ulps of `t` wide. The earliest root wins; every function that changed sign by
/// then is reported with it. The reported time is the bracket's far end, where the function
/// already has its new sign, so the same crossing is never reported twice.
///
/// A function that is exactly 0 where the search starts has no sign there; its first crossing is
/// counted from the first point where it is non-zero.
final class RootFinder {
    let count: Int
    let dimension: Int
    let directions: [RootDirection]
    private var startTime = 0.0
    private let startValues: UnsafeMutablePointer<Double>
    private let values: UnsafeMutablePointer<Double>
    private let state: UnsafeMutablePointer<Double>
    /// The interpolated state at the last root returned by `search`.
    let stateAtRoot: UnsafeMutablePointer<Double>

    init(count: Int, dimension: Int, directions: [RootDirection]) {
        self.count = count
        self.dimension = dimension
        self.directions = directions
        startValues = .allocate(capacity: count)
        values = .allocate(capacity: count)
        state = .allocate(capacity: dimension)
        stateAtRoot = .allocate(capacity: dimension)
        startValues.initialize(repeating: 0, count: count)
        values.initialize(repeating: 0, count: count)
        state.initialize(repeating: 0, count: dimension)
        stateAtRoot.initialize(repeating: 0, count: dimension)
    }

    deinit {
        startValues.deallocate()
        values.deallocate()
        state.deallocate()
        stateAtRoot.deallocate()
    }

    /// Begins a new search at `(t, y)`.
    func start<P: ODEProblem>(at t: Double, state y: UnsafeBufferPointer<Double>, problem: P, statistics evaluations: inout Int) {
        startTime = t
        problem.rootFunctions(t: t, y: y, into: UnsafeMutableBufferPointer(start: startValues, count: count))
        evaluations += 1
    }

    /// Evaluates every root function at `t` on the stepper's dense output, into `values`
    /// (leaving the state in `state`).
    private func evaluate<S: ODEStepper>(at t: Double, stepper: S, evaluations: inout Int) {
        stepper.interpolate(at: t, into: UnsafeMutableBufferPointer(start: state, count: dimension))
        stepper.problem.rootFunctions(
            t: t, y: UnsafeBufferPointer(start: state, count: dimension), into: UnsafeMutableBufferPointer(start: values, count: count))
        evaluations += 1
    }

    /// Whether function `k` crossed zero between the search start and a point where it is `value`.
    private func crossed(_ k: Int, to value: Double) -> Bool {
        let before = startValues[k]
        guard before != 0, value == 0 || (before < 0) != (value < 0), !value.isNaN else { return false }
        return directions[k].accepts(from: before, to: value)
    }

    /// Searches `[start, end]` (within the stepper's last step). Returns the earliest root, or
    /// `nil` after moving the search start to `end`.
    func search<S: ODEStepper>(upTo end: Double, stepper: S, statistics evaluations: inout Int) -> RootEvent? {
        guard end != startTime else { return nil }
        evaluate(at: end, stepper: stepper, evaluations: &evaluations)
        var crossing: [Int] = []
        for k in 0..<count where crossed(k, to: values[k]) { crossing.append(k) }
        if crossing.isEmpty {
            moveStart(to: end)
            return nil
        }
        let endValues = Array(UnsafeBufferPointer(start: values, count: count))
        var earliest = end
        for k in crossing {
            let root = locate(function: k, from: startTime, startValues[k], to: end, endValues[k], stepper: stepper, evaluations: &evaluations)
            if (root - earliest) * (end - startTime) < 0 { earliest = root }
        }
        evaluate(at: earliest, stepper: stepper, evaluations: &evaluations)
        var functions: [Int] = []
        var signs: [Int] = []
        for k in 0..<count where crossed(k, to: values[k]) {
            functions.append(k)
            signs.append(startValues[k] < 0 ? 1 : -1)
        }
        stateAtRoot.update(from: state, count: dimension)
        moveStart(to: earliest)
        // A function exactly 0 at the reported time is past its crossing: count it as having
        // the new sign, so the same crossing is not found again.
        for k in functions where values[k] == 0 { startValues[k] = -startValues[k] }
        return RootEvent(time: earliest, functions: functions, signs: signs)
    }

    private func moveStart(to t: Double) {
        startTime = t
        for k in 0..<count where values[k] != 0 && !values[k].isNaN { startValues[k] = values[k] }
    }

    /// Narrows the bracket `[a, b]` of function `k`'s sign change to a few ulps; returns its far end.
    private func locate<S: ODEStepper>(
        function k: Int, from a0: Double, _ ga0: Double, to b0: Double, _ gb0: Double,
        stepper: S, evaluations: inout Int
    ) -> Double {
        var a = a0, ga = ga0, b = b0, gb = gb0
        if gb == 0 { return b }
        var lastSide = 0
        for iteration in 0..<400 {
            let width = abs(b - a)
            if width <= 4 * max(a.ulp, b.ulp) { break }
            var x = b - gb * (b - a) / (gb - ga)
            let margin = 0.01 * width
            // Bisect when regula falsi stalls near an end or every third try.
            if !x.isFinite || abs(x - a) < margin || abs(b - x) < margin || iteration % 3 == 2 {
                x = a + 0.5 * (b - a)
            }
            if x == a || x == b { break }
            evaluate(at: x, stepper: stepper, evaluations: &evaluations)
            let gx = values[k]
            if gx == 0 { return x }
            if (gx < 0) == (gb < 0) {
                b = x; gb = gx
                if lastSide == 1 { ga *= 0.5 }
                lastSide = 1
            } else {
                a = x; ga = gx
                if lastSide == -1 { gb *= 0.5 }
                lastSide = -1
            }
        }
        return b
    }
}
