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

    /// The overrides in force for `model`: its file's; for a model of two opioids, the first
    /// drug's file's (the mechanism and its kinetics) and the second drug's own parameters from
    /// its file, under their names in the combined model.
    static func `in`(_ model: OpioidModel) -> [String: Double] {
        guard let second = model.secondOpioid else { return current[model.file] ?? [:] }
        var overrides = current[second.firstFile] ?? [:]
        let own = Set(second.parameterNames)
        for (name, value) in current[second.file] ?? [:] where own.contains(name) { overrides[second.combinedName(name)] = value }
        return overrides
    }
}
