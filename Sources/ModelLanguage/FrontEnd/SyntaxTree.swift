/// The parsed form of a model, before names are resolved: statements as written, with locations.
indirect enum SyntaxExpression: Sendable {
    case number(Double, SourceLocation)
    case name(String, SourceLocation)
    case unary(String, SyntaxExpression, SourceLocation)
    case binary(String, SyntaxExpression, SyntaxExpression, SourceLocation)
    case call(String, [SyntaxExpression], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .number(_, let l), .name(_, let l), .unary(_, _, let l), .binary(_, _, _, let l), .call(_, _, let l): l
        }
    }
}

/// One statement of a model file.
enum SyntaxStatement: Sendable {
    /// `param NAME = VALUE [UNIT] # doc`
    case parameter(name: String, nameLocation: SourceLocation, value: SyntaxExpression, unit: String?, documentation: String?)
    /// `NAME = EXPR`
    case assignment(name: String, nameLocation: SourceLocation, value: SyntaxExpression)
    /// `d/dt(NAME) = EXPR`
    case derivative(state: String, stateLocation: SourceLocation, value: SyntaxExpression)
    /// `NAME(0) = EXPR`
    case initialCondition(state: String, stateLocation: SourceLocation, value: SyntaxExpression)
    /// `f(NAME) = EXPR`, `alag(…)`, `rate(…)`, `dur(…)`
    case modifier(kind: DosingModifier, state: String, stateLocation: SourceLocation, value: SyntaxExpression)
}

/// The per-compartment dosing modifiers of the language (rxode2's names): bioavailability,
/// absorption lag, modelled infusion rate and modelled infusion duration.
public enum DosingModifier: String, Sendable, CaseIterable, Hashable, Codable {
    /// `f(cmt)`: fraction of each dose's amount that reaches the compartment (dimensionless).
    case bioavailability = "f"
    /// `alag(cmt)`: delay of each dose (time units).
    case lag = "alag"
    /// `rate(cmt)`: infusion rate of doses given with RATE = −1 (amount per time unit).
    case rate = "rate"
    /// `dur(cmt)`: infusion duration of doses given with RATE = −2 (time units).
    case duration = "dur"
}
