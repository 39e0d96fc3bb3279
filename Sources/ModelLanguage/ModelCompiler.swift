/// The model language's entry point: text in, a ``CompiledModel`` or every error out.
public enum ModelCompiler {
    /// Parses and checks `source`; `file` names it in messages.
    public static func check(source: String, file: String) -> Result<Model, ModelErrors> {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        parser.parse()
        var checker = Checker(file: file)
        let model = checker.check(parser.statements, syntaxErrors: !lexErrors.isEmpty || !parser.errors.isEmpty)
        let all = (lexErrors + parser.errors + checker.errors).map {
            ModelDiagnostic(file: file, location: $0.0, message: $0.1)
        }
        if !all.isEmpty { return .failure(ModelErrors(deduplicated(all))) }
        guard let model else { return .failure(ModelErrors([])) }
        return .success(model)
    }

    private static func deduplicated(_ diagnostics: [ModelDiagnostic]) -> [ModelDiagnostic] {
        var seen: Set<ModelDiagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
