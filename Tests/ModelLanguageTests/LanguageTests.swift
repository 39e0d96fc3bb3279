import Foundation
import Testing
@testable import ModelLanguage

/// Every construct of the grammar (DESIGN.md §2), checked by evaluating models whose outputs are
/// known by hand.
@Suite struct LanguageTests {
    static func compile(_ source: String) throws -> CompiledModel {
        try ModelCompiler.compile(source: source, file: "test.wean")
    }

    /// The outputs of `compiled` at time `t` and state `y`, by name.
    static func outputs(_ compiled: CompiledModel, t: Double = 0, y: [Double]? = nil) -> [String: Double] {
        let instance = compiled.makeInstance()
        let state = y ?? instance.initialState()
        var values = [Double](repeating: 0, count: compiled.outputNames.count)
        state.withUnsafeBufferPointer { ys in values.withUnsafeMutableBufferPointer { instance.outputs(t: t, y: ys, into: $0) } }
        return Dictionary(uniqueKeysWithValues: zip(compiled.outputNames, values))
    }

    @Test func precedenceAndAssociativity() throws {
        let compiled = try Self.compile("""
            param a = 2
            param b = 3
            param c = 2
            d/dt(x) = 0
            x(0) = 1
            negativeSquare = -a^2
            tower = a^b^c
            negativeExponent = 2^-1
            negativeBase = (-a)^3
            productFirst = 1 + 2 * 3
            parentheses = (1 + 2) * 3
            leftSubtraction = 10 - 4 - 3
            leftDivision = 12 / 3 / 2
            logic = 1 < 2 && 3 > 4 || !0
            equality = 1 == 1 != 0
            comparisonBelowSum = 1 + 1 > 1
            unaryChain = -(-a)
            notValue = !a
            unaryPlus = +a
            numbers = .5 + 1e-3 + 4.4E+11 + 12 + 0.5
            """)
        let o = Self.outputs(compiled)
        #expect(o["negativeSquare"] == -4)
        #expect(o["tower"] == 512)
        #expect(o["negativeExponent"] == 0.5)
        #expect(o["negativeBase"] == -8)
        #expect(o["productFirst"] == 7)
        #expect(o["parentheses"] == 9)
        #expect(o["leftSubtraction"] == 3)
        #expect(o["leftDivision"] == 2)
        #expect(o["logic"] == 1)
        #expect(o["equality"] == 1)
        #expect(o["comparisonBelowSum"] == 1)
        #expect(o["unaryChain"] == 2)
        #expect(o["notValue"] == 0)
        #expect(o["unaryPlus"] == 2)
        #expect(o["numbers"] == 0.5 + 1e-3 + 4.4e11 + 12 + 0.5)
    }

    @Test func everyFunction() throws {
        let compiled = try Self.compile("""
            d/dt(x) = 0
            x(0) = 2
            e = exp(1)
            l = log(x)
            l10 = log10(1000)
            s = sqrt(16)
            a = abs(-3)
            p = pow(x, 3)
            mn = min(x, 1)
            mx = max(x, 1)
            fl = floor(-2.5)
            ce = ceil(-2.5)
            si = sin(x)
            co = cos(x)
            early = ifelse(t < 1, 10, 20)
            """)
        let o = Self.outputs(compiled, t: 0)
        #expect(o["e"] == M_E)
        #expect(o["l"] == log(2.0))
        #expect(abs(o["l10"]! - 3) < 1e-15)
        #expect(o["s"] == 4)
        #expect(o["a"] == 3)
        #expect(o["p"] == 8)
        #expect(o["mn"] == 1)
        #expect(o["mx"] == 2)
        #expect(o["fl"] == -3)
        #expect(o["ce"] == -2)
        #expect(o["si"] == sin(2.0))
        #expect(o["co"] == cos(2.0))
        #expect(o["early"] == 10)
        #expect(Self.outputs(compiled, t: 5)["early"] == 20)
    }

    @Test func statementsCommentsUnitsAndLayout() throws {
        let compiled = try Self.compile("""
            # Two-compartment oral PK

            # Absorption
            # rate constant
            param KA = 1.2 [1/h]   # first order
            param CL = 10          # L/h
            param V1 = 50 [L]
            k10 = CL / V1                         # an intermediate
            d/dt(depot) = -KA * depot
            d/dt(central) = KA * depot - k10 * central +
                0 * periph
            d/dt(periph) = (central
                - periph) * 0
            periph(0) = 2 * V1
            Cp = central / V1
            f(depot) = 0.8
            alag(depot) = 0.25
            rate(central) = 5
            dur(central) = 2
            """)
        let model = compiled.model
        #expect(model.states.map(\.name) == ["depot", "central", "periph"])
        #expect(model.parameters.map(\.name) == ["KA", "CL", "V1"])
        #expect(model.parameters[0].unit == "1/h")
        #expect(model.parameters[0].documentation == "Absorption rate constant first order")
        #expect(model.parameters[1].unit == nil)
        #expect(model.parameters[1].documentation == "L/h")
        #expect(model.parameters[2].documentation == nil)
        #expect(model.outputNames == ["depot", "central", "periph", "k10", "Cp"])
        #expect(Set(model.modifiers.keys) == Set(DosingModifier.allCases))
        let instance = compiled.makeInstance()
        #expect(instance.initialState() == [0, 0, 100])
        let y = [1.0, 2.0, 3.0]
        y.withUnsafeBufferPointer { ys in
            #expect(instance.modifier(.bioavailability, state: 0, t: 0, y: ys) == 0.8)
            #expect(instance.modifier(.lag, state: 0, t: 0, y: ys) == 0.25)
            #expect(instance.modifier(.rate, state: 1, t: 0, y: ys) == 5)
            #expect(instance.modifier(.duration, state: 1, t: 0, y: ys) == 2)
            #expect(instance.modifier(.bioavailability, state: 1, t: 0, y: ys) == nil)
        }
        var dydt = [0.0, 0, 0]
        y.withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt == [-1.2, 1.2 - 0.2 * 2, 0])
    }

    /// States and parameters are in scope everywhere, also above their declaration; CRLF line
    /// endings read like LF.
    @Test func scopeAndLineEndings() throws {
        let compiled = try Self.compile("d/dt(a) = -k * b\r\nd/dt(b) = k * a\r\nparam k = 2\r\n")
        let instance = compiled.makeInstance()
        var dydt = [0.0, 0]
        [1.0, 3.0].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt == [-6, 2])
        #expect(instance.isAutonomous)
        #expect(try !Self.compile("d/dt(x) = t").makeInstance().isAutonomous)
    }

    /// Initial values may use parameters and assignments of parameters.
    @Test func initialValuesFromParameters() throws {
        let compiled = try Self.compile("""
            param dose = 100
            param V = 20
            c0 = dose / V
            d/dt(c) = -c
            c(0) = c0 * 2
            """)
        let instance = compiled.makeInstance()
        #expect(instance.initialState() == [10])
        instance.setParameter(named: "V", to: 50)
        #expect(instance.initialState() == [4])
        #expect(!instance.setParameter(named: "nope", to: 1))
    }

    /// Constants fold, repeated subexpressions are computed once, `x^2` becomes a product.
    @Test func foldingAndCommonSubexpressions() throws {
        let folded = try Self.compile("d/dt(x) = -(2 * 3 + exp(0)) * x")
        #expect(folded.derivativeInstructionCount == 1, "one multiply by the folded constant −7")
        let shared = try Self.compile("""
            param a = 1
            param b = 2
            d/dt(x) = (a * b + x) * (b * a + x) + x^2
            """)
        // a·b depends on parameters only: hoisted, computed once per parameter change. Per
        // evaluation: + x (once, operands ordered), the product, x², the sum.
        #expect(shared.derivativeInstructionCount == 4)
        let instance = shared.makeInstance()
        var dydt = [0.0]
        [3.0].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt == [25 + 9])
        instance.setParameter(named: "a", to: 3)
        [3.0].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt == [81 + 9], "a changed parameter reaches the hoisted product")
        let branch = try Self.compile("d/dt(x) = ifelse(1 > 2, exp(x), -x)")
        #expect(branch.derivativeInstructionCount == 1, "a constant condition picks its branch")
    }

    /// The evaluator agrees with Swift evaluating the same formula, on many inputs.
    @Test func evaluatorMatchesDirectEvaluation() throws {
        let compiled = try Self.compile("""
            param p = 0.7
            d/dt(u) = ifelse(u > v, sqrt(abs(u - v)) * exp(-p * t), pow(v, 2) / (1 + u^2)) - log(1 + max(u, v)^2)
            d/dt(v) = sin(u * t) - cos(v) * floor(u) + ceil(v) / (1 + min(abs(u), 3))
            """)
        let instance = compiled.makeInstance()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let u = Double.random(in: -5...5, using: &generator), v = Double.random(in: -5...5, using: &generator)
            let t = Double.random(in: 0...10, using: &generator)
            let p = 0.7
            let du = (u > v ? abs(u - v).squareRoot() * exp(-p * t) : pow(v, 2) / (1 + u * u)) - log(1 + pow(max(u, v), 2))
            let dv = sin(u * t) - cos(v) * Foundation.floor(u) + Foundation.ceil(v) / (1 + min(abs(u), 3))
            var dydt = [0.0, 0]
            [u, v].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: t, y: ys, dydt: $0) } }
            #expect(abs(dydt[0] - du) <= 1e-14 * max(1, abs(du)))
            #expect(abs(dydt[1] - dv) <= 1e-14 * max(1, abs(dv)))
        }
    }

    /// Infusion inputs add to the derivative of their state.
    @Test func infusionRatesAddToDerivatives() throws {
        let instance = try Self.compile("d/dt(a) = -a\nd/dt(b) = a").makeInstance()
        instance.infusionRates[0] = 5
        var dydt = [0.0, 0]
        [1.0, 0].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt == [4, 1])
    }
}

/// Inputs that would make a naive compiler recurse or blow up are bounded.
@Suite struct RobustnessTests {
    /// 3,000 chained assignments, each squaring the last: compiled (values, derivatives and
    /// Jacobian) in time linear in the chain, without deep recursion.
    @Test func longChainsOfAssignments() throws {
        var source = "a0 = x\n"
        for k in 1..<3000 { source += "a\(k) = a\(k - 1) * a\(k - 1) * 0.5 + 0.1\n" }
        source += "d/dt(x) = -a2999\n"
        let compiled = try ModelCompiler.compile(source: source, file: "chain.wean")
        #expect(compiled.jacobianNonZeroCount == 1)
        let instance = compiled.makeInstance()
        var dydt = [0.0]
        [0.3].withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: 0, y: ys, dydt: $0) } }
        #expect(dydt[0].isFinite)
    }

    @Test func deepNestingIsAnError() {
        let deep = "d/dt(x) = " + String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)
        guard case .failure(let errors) = ModelCompiler.check(source: deep, file: "deep.wean") else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.diagnostics.first?.message.contains("nested more than 100 levels") == true)
        let long = "d/dt(x) = " + Array(repeating: "x", count: 1500).joined(separator: " + ")
        guard case .failure(let longErrors) = ModelCompiler.check(source: long, file: "long.wean") else {
            Issue.record("expected an error")
            return
        }
        #expect(longErrors.diagnostics.first?.message.contains("longer than 2000 tokens") == true)
        let fine = "d/dt(x) = " + Array(repeating: "x", count: 500).joined(separator: " + ")
        #expect(throws: Never.self) { _ = try ModelCompiler.compile(source: fine, file: "fine.wean") }
    }

    /// Arbitrary bytes never crash the front end (2,000 texts per run; a longer campaign with
    /// `WEAN_FUZZ_ITERATIONS=100000 swift test --filter randomTextNeverCrashes`).
    @Test func randomTextNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdxyzt_0123456789.eE+-*/^()=<>!&|,#[] \n\tparamd/dt(f)alag")
        let iterations = ProcessInfo.processInfo.environment["WEAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2_000
        for _ in 0..<iterations {
            let length = Int.random(in: 0...120, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            _ = ModelCompiler.check(source: text, file: "random.wean")
        }
    }
}
