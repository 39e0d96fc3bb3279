// libFuzzer entry point over the model language's front end: lexer, parser, checker, and the
// lowering of a checked model (values, derivatives, symbolic Jacobian) to register instructions.
// Built and run by Fuzz/run.sh; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func modelLanguageFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch ModelCompiler.check(source: text, file: "fuzz.wean") {
    case .success(let model):
        var builder = ProgramBuilder(model: model)
        var program = ProgramBuilder.Program()
        for variable in model.variables.indices { _ = builder.lower(.variable(variable), into: &program) }
        for state in model.states {
            _ = builder.lower(state.derivative, into: &program)
            _ = builder.lower(state.initialValue, into: &program)
        }
        var jacobian = ProgramBuilder.Program()
        _ = builder.lowerJacobian(into: &jacobian)
    case .failure(let errors):
        // A rejected model always says why, with a position inside the text.
        precondition(!errors.diagnostics.isEmpty, "a rejected model without a message")
        for diagnostic in errors.diagnostics {
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "a message without a position")
        }
        _ = errors.description
    }
    return 0
}
