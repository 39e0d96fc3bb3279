/// An ``ODEProblem`` built from closures, for scripts, tests and small examples.
///
/// The closures are called through a function pointer, which costs a little more than a concrete
/// conforming type; models that run many times (populations, fits) should conform a type of their
/// own. The closures write into preallocated buffers, so nothing is allocated per call.
public struct ODEFunction: ODEProblem, Sendable {
    /// The right-hand side: writes `f(t, y)` into its third argument.
    public typealias Derivatives = @Sendable (Double, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    /// A Jacobian or root-function callback with the same argument convention.
    public typealias Evaluation = @Sendable (Double, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    public let dimension: Int
    public let rootFunctionCount: Int
    private let rhs: Derivatives
    private let jacobianClosure: Evaluation?
    private let roots: Evaluation?
    private let names: [String]?

    /// - Parameters:
    ///   - dimension: number of state components.
    ///   - names: optional names of the components (used in error messages); `names.count` must equal `dimension`.
    ///   - jacobian: optional analytic Jacobian, column-major.
    ///   - rootFunctionCount: number of root functions computed by `roots`.
    ///   - roots: optional root functions `g_k(t, y)`.
    ///   - derivatives: the right-hand side.
    public init(
        dimension: Int,
        names: [String]? = nil,
        jacobian: Evaluation? = nil,
        rootFunctionCount: Int = 0,
        roots: Evaluation? = nil,
        derivatives: @escaping Derivatives
    ) {
        precondition(names == nil || names!.count == dimension, "names must have one entry per state component")
        precondition(rootFunctionCount == 0 || roots != nil, "rootFunctionCount > 0 needs a roots closure")
        self.dimension = dimension
        self.names = names
        self.rhs = derivatives
        self.jacobianClosure = jacobian
        self.rootFunctionCount = rootFunctionCount
        self.roots = roots
    }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        rhs(t, y, dydt)
    }

    public var providesJacobian: Bool { jacobianClosure != nil }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        guard let jacobianClosure else {
            preconditionFailure("this ODEFunction has no Jacobian; check providesJacobian first")
        }
        jacobianClosure(t, y, matrix)
    }

    public func rootFunctions(t: Double, y: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>) {
        roots?(t, y, values)
    }

    public func componentName(_ index: Int) -> String {
        names?[index] ?? "y[\(index)]"
    }
}
