import Testing
import Solvers

/// A rooted tree, for the Runge–Kutta order conditions (Butcher, *Numerical Methods for ODEs*,
/// §30–31): a method has order `p` iff `Σ_i b_i Φ_i(τ) = 1/γ(τ)` for every tree `τ` with at most
/// `p` nodes.
struct RootedTree: Hashable {
    var children: [RootedTree]

    var order: Int { 1 + children.map(\.order).reduce(0, +) }
    /// The density `γ(τ) = |τ| · Π γ(children)`.
    var density: Double { Double(order) * children.map(\.density).reduce(1, *) }
    var canonical: String { "[" + children.map(\.canonical).sorted().joined() + "]" }

    /// Every tree with exactly `order` nodes.
    static func all(ofOrder order: Int) -> [RootedTree] {
        guard order > 1 else { return [RootedTree(children: [])] }
        var seen: [String: RootedTree] = [:]
        for tree in all(ofOrder: order - 1) {
            for grown in tree.withOneMoreLeaf() { seen[grown.canonical] = grown }
        }
        return Array(seen.values)
    }

    /// The trees made by attaching one leaf to any node.
    func withOneMoreLeaf() -> [RootedTree] {
        var result = [RootedTree(children: children + [RootedTree(children: [])])]
        for index in children.indices {
            for grownChild in children[index].withOneMoreLeaf() {
                var copy = children
                copy[index] = grownChild
                result.append(RootedTree(children: copy))
            }
        }
        return result
    }

    /// The stage vector `Φ_i(τ) = Π_{children u} (A Φ(u))_i` for the lower-triangular `a`.
    func stageWeights(_ a: [[Double]]) -> [Double] {
        var weights = Array(repeating: 1.0, count: a.count)
        for child in children {
            let inner = child.stageWeights(a)
            for i in a.indices {
                weights[i] *= zip(a[i], inner).map(*).reduce(0, +)
            }
        }
        return weights
    }
}

/// The order conditions hold for the coefficients the solvers use.
@Suite struct OrderConditionTests {
    /// The largest defect `|b·Φ(τ) − θ^|τ|/γ(τ)|` over trees of exactly `order` nodes.
    func defect(a: [[Double]], b: [Double], order: Int, theta: Double = 1) -> Double {
        RootedTree.all(ofOrder: order).map { tree in
            let phi = tree.stageWeights(a)
            let value = zip(b, phi).map(*).reduce(0, +)
            var power = 1.0
            for _ in 0..<order { power *= theta }
            return abs(value - power / tree.density)
        }.max()!
    }

    @Test func treeCountsAreButchers() {
        #expect((1...7).map { RootedTree.all(ofOrder: $0).count } == [1, 1, 2, 4, 9, 20, 48])
    }

    @Test func rowSumsEqualNodes() {
        for tableau in [DormandPrince54.tableau, Verner76.tableau] {
            for (row, c) in zip(tableau.a, tableau.c) {
                #expect(abs(row.reduce(0, +) - c) < 1e-14)
            }
        }
        for row in Verner76.extraStageRows {
            #expect(abs(row.entries.map(\.1).reduce(0, +) - row.c) < 1e-14)
        }
    }

    @Test func dormandPrinceHasOrderFiveWithEmbeddedFour() {
        let tableau = DormandPrince54.tableau
        let embedded = zip(tableau.b, tableau.errorWeights).map { $0 - $1 }
        for order in 1...5 { #expect(defect(a: tableau.a, b: tableau.b, order: order) < 1e-14, "order \(order)") }
        #expect(defect(a: tableau.a, b: tableau.b, order: 6) > 1e-6)
        for order in 1...4 { #expect(defect(a: tableau.a, b: embedded, order: order) < 1e-14, "embedded order \(order)") }
        #expect(defect(a: tableau.a, b: embedded, order: 5) > 1e-6)
    }

    @Test func vernerHasOrderSevenWithEmbeddedSix() {
        let tableau = Verner76.tableau
        let embedded = zip(tableau.b, tableau.errorWeights).map { $0 - $1 }
        for order in 1...7 { #expect(defect(a: tableau.a, b: tableau.b, order: order) < 1e-13, "order \(order)") }
        #expect(defect(a: tableau.a, b: tableau.b, order: 8) > 1e-8)
        for order in 1...6 { #expect(defect(a: tableau.a, b: embedded, order: order) < 1e-13, "embedded order \(order)") }
        #expect(defect(a: tableau.a, b: embedded, order: 7) > 1e-8)
    }

    /// Verner's continuous extension, on the full 16-stage tableau, satisfies the conditions
    /// `b(θ)·Φ(τ) = θ^|τ|/γ(τ)` up to order 6 for every θ, and equals `b` at θ = 1.
    @Test func vernerContinuousExtensionHasOrderSix() {
        let main = Verner76.tableau
        var a = main.a.map { $0 + Array(repeating: 0.0, count: 16 - $0.count) }
        a.append(main.b + Array(repeating: 0.0, count: 6))  // stage 11: f(t + h, y₁)
        for row in Verner76.extraStageRows {
            var full = Array(repeating: 0.0, count: 16)
            for (stage, value) in row.entries { full[stage - 1] = value }
            a.append(full)
        }
        let stagesWithWeights = [1, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]
        for theta in [0.1, 0.37, 0.5, 0.81, 1.0] {
            let weights = Verner76.interpolationWeights(theta: theta)
            var b = Array(repeating: 0.0, count: 16)
            for (stage, weight) in zip(stagesWithWeights, weights) { b[stage - 1] = weight }
            for order in 1...6 {
                #expect(defect(a: a, b: b, order: order, theta: theta) < 1e-12, "θ = \(theta), order \(order)")
            }
        }
        let atOne = Verner76.interpolationWeights(theta: 1)
        let expected = [main.b[0]] + Array(main.b[3...8]) + Array(repeating: 0.0, count: 6)
        #expect(maxDifference(atOne, expected) < 1e-13)
    }
}
