/// Parameter values that replace a library model's defaults for the code run inside
/// `ParameterOverrides.with(_:_:)`: how the calibration runs the unchanged experiments at trial
/// parameter sets. Keyed by model file (`morphine_rat.wean`), then parameter name. Explicit
/// `parameters:` given to `PKSimulation.run` take precedence.
public enum ParameterOverrides {
    @TaskLocal public static var current: [String: [String: Double]] = [:]

    /// Runs `body` with `overrides` in force (nested calls see only the innermost set).
    public static func with<T>(_ overrides: [String: [String: Double]], _ body: () throws -> T) rethrows -> T {
        try $current.withValue(overrides, operation: body)
    }
}
