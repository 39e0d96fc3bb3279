/// An initial value problem's right-hand side `dy/dt = f(t, y)` for a state of fixed size.
///
/// Conform a concrete type (a struct or a final class) and the solvers specialise on it, so the
/// right-hand side is called directly in the hot loop — no closure, no existential, no array
/// allocated per call. The state and the derivative are passed as buffers into storage the solver
/// preallocated once per solve.
///
/// Units are the caller's: the solvers only assume that `t` and the state are finite `Double`s in
/// consistent units (Wean's own models use hours, mg and mg/L; see DESIGN.md §2).
///
/// Optional capabilities have defaults, so a minimal conformance is `dimension` and
/// `derivatives(t:y:dydt:)`:
/// - a Jacobian `∂f/∂y` (used by the stiff solvers; `providesJacobian` says whether it exists);
/// - root (event) functions `g(t, y)` whose sign changes the driver locates on the dense output;
/// - names for the state components, used in error messages;
/// - for states of at most four components, the right-hand side on SIMD lanes
///   (`derivatives(t:lanes:)`), which lets the explicit Runge–Kutta steppers keep a step's stages
///   in vector registers instead of memory that might alias.
public protocol ODEProblem {
    /// Number of state components `n` (at least 1).
    var dimension: Int { get }

    /// Writes `f(t, y)` into `dydt`. Both buffers have `dimension` elements and never alias.
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>)

    /// Whether `jacobian(t:y:into:)` is implemented. When `false` a solver that needs a Jacobian
    /// approximates it by finite differences.
    var providesJacobian: Bool { get }

    /// Writes the Jacobian `J[i, j] = ∂f_i/∂y_j` into `matrix` in column-major order
    /// (`matrix[i + j * n]`), `n × n` elements.
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>)

    /// Whether `f` does not depend on `t` explicitly. Rosenbrock methods then skip estimating
    /// `∂f/∂t` (one right-hand-side evaluation per step). Default `false` (always safe).
    var isAutonomous: Bool { get }

    /// Number of root functions `g_k(t, y)`; 0 when the problem has none.
    var rootFunctionCount: Int { get }

    /// Writes `g_k(t, y)` for `k` in `0..<rootFunctionCount` into `values`.
    func rootFunctions(t: Double, y: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>)

    /// A human-readable name of state component `index`, for error messages.
    func componentName(_ index: Int) -> String

    /// Whether `derivatives(t:lanes:)` is implemented by the type itself (only meaningful when
    /// `dimension ≤ 4`). Default `false`.
    var providesLaneDerivatives: Bool { get }

    /// `f(t, y)` for a state of at most four components held in the lanes of a `SIMD4`: lane `i`
    /// is component `i`; lanes at and past `dimension` are zero on entry and must be zero on
    /// return. Must give the same values as `derivatives(t:y:dydt:)` — the same operations in the
    /// same order, so both forms agree to the last bit. The default copies the lanes through a
    /// buffer and calls `derivatives(t:y:dydt:)`.
    func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double>
}

extension ODEProblem {
    public var providesJacobian: Bool { false }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        preconditionFailure("\(Self.self) does not provide a Jacobian; check providesJacobian first")
    }

    public var isAutonomous: Bool { false }

    public var rootFunctionCount: Int { 0 }

    public func rootFunctions(t: Double, y: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>) {}

    public func componentName(_ index: Int) -> String { "y[\(index)]" }

    public var providesLaneDerivatives: Bool { false }

    public func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double> {
        precondition(dimension <= 4, "lane derivatives need a state of at most four components, not \(dimension)")
        var state = y, derivative = SIMD4<Double>()
        withUnsafeMutableBytes(of: &state) { stateBytes in
            withUnsafeMutableBytes(of: &derivative) { derivativeBytes in
                let yPointer = stateBytes.baseAddress!.assumingMemoryBound(to: Double.self)
                let dPointer = derivativeBytes.baseAddress!.assumingMemoryBound(to: Double.self)
                derivatives(t: t, y: UnsafeBufferPointer(start: yPointer, count: dimension),
                            dydt: UnsafeMutableBufferPointer(start: dPointer, count: dimension))
            }
        }
        return derivative
    }
}
