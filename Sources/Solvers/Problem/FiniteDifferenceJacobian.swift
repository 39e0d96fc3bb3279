/// A problem with its analytic Jacobian hidden, so stiff solvers approximate `∂f/∂y` by finite
/// differences — for comparing the two, or for a Jacobian under suspicion.
public struct FiniteDifferenceJacobian<Wrapped: ODEProblem>: ODEProblem {
    public let wrapped: Wrapped

    public init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    public var dimension: Int { wrapped.dimension }
    public var isAutonomous: Bool { wrapped.isAutonomous }
    public var rootFunctionCount: Int { wrapped.rootFunctionCount }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        wrapped.derivatives(t: t, y: y, dydt: dydt)
    }

    public func rootFunctions(t: Double, y: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>) {
        wrapped.rootFunctions(t: t, y: y, into: values)
    }

    public func componentName(_ index: Int) -> String { wrapped.componentName(index) }
}
