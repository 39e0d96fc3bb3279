import Testing
import ModelLanguage

/// Malformed models, each with the exact messages and positions Wean must report
/// (`FILE:LINE:COLUMN: error: MESSAGE`), every error of the file and nothing else.
@Suite struct MalformedModelTests {
    static let cases: [(source: String, expected: [String])] = [
        ("d/dt(x) = -KAA * x\nparam KA = 1", ["1:12: error: undefined name 'KAA'; did you mean 'KA'?"]),
        ("d/dt(x) = -k * x", ["1:12: error: undefined name 'k'"]),
        ("d/dt(x) = -x\ny = x + undefinedThing", ["2:9: error: undefined name 'undefinedThing'"]),
        ("d/dt(x) = -x\nparam k = 1\nparam k = 2", ["3:7: error: parameter 'k' is already declared at 2:7"]),
        ("d/dt(x) = -x\nd/dt(x) = -2 * x", ["2:6: error: d/dt(x) is already defined at 1:6"]),
        ("d/dt(x) = -x\ny = 1\ny = 2", ["3:1: error: 'y' is already assigned at 2:1; each name is assigned once"]),
        ("d/dt(x) = -x\nz = w + 1\nw = 2", ["2:5: error: 'w' is used before its definition at 3:1; assignments run in the order written"]),
        ("param KA = 1\nKA = 2\nd/dt(x) = -KA * x", ["2:1: error: cannot assign to parameter 'KA' (declared at 1:7); set parameters with 'param' or --param"]),
        ("d/dt(x) = -x\nx = 3", ["2:1: error: cannot assign to state 'x'; write d/dt(x) = … for its rate of change or x(0) = … for its initial value"]),
        ("d/dt(x) = -x\nf(q) = 0.5", ["2:3: error: f() applies to a dosing compartment, which must be a state, but 'q' is not a state (states: x)"]),
        ("d/dt(x) = -x\nalag(depot) = 1", ["2:6: error: alag() applies to a dosing compartment, which must be a state, but 'depot' is not a state (states: x)"]),
        ("d/dt(x) = -x\nq(0) = 1", ["2:1: error: 'q(0) = …' sets the initial value of a state, but 'q' is not a state (states: x)"]),
        ("d/dt(x) = -x\nx(0) = 1\nx(0) = 2", ["3:1: error: the initial value of 'x' is already set at 2:1"]),
        ("d/dt(x) = -x\nf(x) = 1\nf(x) = 0.5", ["3:3: error: f(x) is already defined at 2:3"]),
        ("d/dt(x) = expp(x)", ["1:11: error: unknown function 'expp'; did you mean 'exp'?"]),
        ("d/dt(x) = exp(x, 2)", ["1:11: error: 'exp' takes 1 argument, as in exp(x); found 2"]),
        ("d/dt(x) = pow(x)", ["1:11: error: 'pow' takes 2 arguments, as in pow(x, y); found 1"]),
        ("d/dt(x) = ifelse(x > 1, 2)", ["1:11: error: 'ifelse' takes 3 arguments, as in ifelse(condition, a, b); found 2"]),
        ("d/dt(x) = foo(1)", ["1:11: error: unknown function 'foo'; functions are exp, log, log10, sqrt, abs, pow, min, max, floor, ceil, sin, cos, ifelse"]),
        ("param k = 1\nd/dt(x) = k(2)", ["2:11: error: 'k' is not a function; functions are exp, log, log10, sqrt, abs, pow, min, max, floor, ceil, sin, cos, ifelse"]),
        ("d/dt(x) = exp", ["1:11: error: 'exp' is a function; call it as exp(x)"]),
        ("param k = x\nd/dt(x) = -x", ["1:11: error: the default of parameter 'k' must be a number, found 'x'"]),
        ("param k = exp(1) + p\nd/dt(x) = -x", ["1:20: error: the default of parameter 'k' must be a number, found 'p'"]),
        ("param k = 1/0\nd/dt(x) = -x", ["1:12: error: the default of parameter 'k' is inf; a finite number is needed"]),
        ("d/dt(x) = -x\nx(0) = y\ny = 2", ["2:8: error: 'y' is used before its definition at 3:1; assignments run in the order written"]),
        ("d/dt(x) = -x\nd/dt(y) = x\nx(0) = y", ["3:8: error: the initial value of 'x' depends on state 'y'; initial values may use parameters, numbers and assignments of those only"]),
        ("d/dt(x) = -x\nx(0) = t", ["2:8: error: the initial value of 'x' depends on time 't'; initial values may use parameters, numbers and assignments of those only"]),
        ("y = 1", ["1:1: error: the model declares no states; add one with d/dt(NAME) = …"]),
        ("d/dt(x) = -x\nt = 2", ["2:1: error: 't' is time and cannot be assigned"]),
        ("param t = 1\nd/dt(x) = -x", ["1:7: error: 't' is reserved for time and cannot be a parameter"]),
        ("d/dt(t) = 1", ["1:6: error: 't' is reserved for time and cannot be a state"]),
        ("param x = 1\nd/dt(x) = -x", ["2:6: error: 'x' is declared as a parameter at 1:7 and cannot also be a state"]),
        ("d/dt(x) = -x +", ["1:15: error: expected a number, a name or '(', found end of line"]),
        ("d/dt(x) = (-x", ["1:14: error: expected ')' to close '(' at 1:11, found end of line"]),
        ("d/dt(x) = -x)", ["1:13: error: expected the end of the statement, found ')'"]),
        ("d/dt(x) = -x\ny = 2 3", ["2:7: error: expected the end of the statement, found '3'"]),
        ("d/dt(x) = -x\ny == 2", ["2:3: error: expected '=' after 'y', found '=='"]),
        ("d/dt(x) = -x\ny := 2", ["2:3: error: unexpected character ':'; expected a name, a number, an operator or '#'"]),
        ("d/dt(x) = -x\nparam = 2", ["2:7: error: expected a name after 'param', found '='"]),
        ("d/dt(x) = -x\nparam k 2", ["2:9: error: expected '=' after the parameter name, found '2'"]),
        ("d/dt() = 1", ["1:6: error: expected a name inside d/dt( ), found ')'"]),
        ("d/dt(x) 1", ["1:9: error: expected '=' after d/dt(x), found '1'"]),
        ("d/dt(x) = -x\nexp(x) = 2", ["2:1: error: 'exp(…)' cannot be assigned; expected NAME = …, d/dt(NAME) = …, NAME(0) = … or f/alag/rate/dur(NAME) = …"]),
        ("d/dt(x) = -x\nx(1) = 2", ["2:3: error: an initial condition is written x(0) = …; found x(1)"]),
        ("d/dt(x) = -x @ 2", ["1:14: error: unexpected character '@'; expected a name, a number, an operator or '#'", "1:16: error: expected the end of the statement, found '2'"]),
        ("d/dt(x) = 1e+\ny = 2", ["1:12: error: malformed number '1e': an exponent needs digits, as in 1e-3"]),
        ("d/dt(x) = -x\ny = 1 [mg]", ["2:7: error: a unit '[mg]' may follow only a parameter's value"]),
        ("d/dt(x) = -x\nparam k = 1 [mg", ["2:13: error: unterminated unit '[mg'; expected ']' before the end of the line"]),
        ("d/dt(x) = -x\n,", ["2:1: error: expected a statement (param, NAME = …, d/dt(NAME) = …, NAME(0) = …), found ','"]),
        ("d/dt(x) = -x\nf(x) = 1 +* 2", ["2:11: error: expected a number, a name or '(', found '*'"]),
        ("d/dt(x) = 1..5", ["1:12: error: unexpected character '.'; expected a name, a number, an operator or '#'", "1:13: error: expected the end of the statement, found '.5'"]),
        ("d/dt(x) = -x\ny = min(1, 2, 3)", ["2:5: error: 'min' takes 2 arguments, as in min(a, b); found 3"]),
    ]

    @Test func atLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases.indices)
    func reportsExactErrors(index: Int) {
        let (source, expected) = Self.cases[index]
        switch ModelCompiler.check(source: source, file: "model.wean") {
        case .success:
            Issue.record("expected errors for:\n\(source)")
        case .failure(let errors):
            #expect(errors.diagnostics.map(\.description) == expected.map { "model.wean:" + $0 }, "source:\n\(source)")
        }
    }
}
