extension ModelCompiler {
    /// Parses, checks and lowers `source`.
    public static func compile(source: String, file: String) throws(ModelErrors) -> CompiledModel {
        switch check(source: source, file: file) {
        case .success(let model): return CompiledModel(model)
        case .failure(let errors): throw errors
        }
    }
}
