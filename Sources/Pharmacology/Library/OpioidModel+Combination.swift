import Foundation
import ModelLanguage
import Synchronization

extension OpioidModel {
    /// The second opioid of a model of two (`OpioidModel.combined(with:)`): which drug, how its
    /// names are spelled in the combined model, and where its doses go there.
    public struct SecondOpioid: Sendable {
        public let opioid: Opioid
        /// Its library file.
        public let file: String
        /// The first opioid's library file.
        public let firstFile: String
        /// The prefix of its parameters, states and variables in the combined model, e.g.
        /// `buprenorphine_` (its effect-site concentration is `buprenorphine_Ce`).
        public let prefix: String
        /// The inputs of each of its routes, with the combined model's (prefixed) names.
        public let routes: [Route: [RouteInput]]
        /// Its own parameters (not the mechanism's, not the body weight), as named in its file.
        public let parameterNames: [String]

        /// Its routes, in a stable order.
        public var supportedRoutes: [Route] { Route.allCases.filter { routes[$0] != nil } }

        /// The combined model's name of its parameter, state or variable `name`.
        public func combinedName(_ name: String) -> String { prefix + name }

        /// The prefix of `opioid`'s names when it is the second opioid: its name and `_`.
        public static func prefix(of opioid: Opioid) -> String { opioid.rawValue + "_" }
    }

    /// A subject carrying two opioids at once — methadone patients given buprenorphine or
    /// morphine, a rotation from one drug to another: this model (the first opioid) with `second`'s
    /// kinetics added, both acting at the same receptors and on one mechanism (tolerance,
    /// counter-adaptation, glia, OIH: the first model's, which every human opioid shares).
    ///
    /// At the receptors each drug is its effect-site concentration over its own EC50, r₁ and r₂,
    /// both divided by 1 + the naloxone level. In the operational model of agonism (Black JW, Leff
    /// P, Proc R Soc Lond B 1983;220:141) a drug of partial agonism P (`PARTIAL_AGONISM`: its
    /// largest signal is 1/P of its signal at its EC50) occupies receptors with the ratio
    /// aᵢ = P·rᵢ/(1 − P) (concentration over K_A) and has the transducer ratio τᵢ = 1/P, so
    /// τᵢaᵢ = rᵢ/(1 − P); the stimuli Στᵢaᵢ / (1 + Σaⱼ) of ligands competing for one receptor
    /// give together
    ///
    ///     x = (r₁/(1 − P₁) + r₂/(1 − P₂)) / (1 + a₁ + a₂).
    ///
    /// With one drug this is the library's x = r/(1 + P(r − 1)); two full agonists (P = 0) add
    /// (concentration addition, each in units of its EC50); a partial agonist of high affinity
    /// (buprenorphine) takes receptors from a full agonist, so given to a patient on much of one it
    /// lowers the signal and precipitates withdrawal, and given on little of one it adds to it.
    /// Assumed where no source was read: each drug's signal at its own EC50 is the same signal
    /// (both EC50s are of analgesia), and the Hill slope of occupancy and analgesia is the first
    /// drug's.
    ///
    /// The second drug's parameters, states and variables are prefixed with its name
    /// (`buprenorphine_Ce`); the body weight `WT` is shared. The combined model is compiled when
    /// first asked for (the model language's evaluator, not native code) and kept.
    ///
    /// - Throws: `PharmacologyError.invalidDesign` if the two are the same drug, are of different
    ///   species, or either is PK-only or already a combination.
    public func combined(with second: OpioidModel) throws(PharmacologyError) -> OpioidModel {
        // A pair compiled before passed the checks below (each run of a design with a second
        // opioid asks again: the cache spares it instantiating both models to check them).
        let key = file + "+" + second.file
        if let cached = Self.combinations.withLock({ $0[key] }) { return cached }
        guard secondOpioid == nil, second.secondOpioid == nil else {
            throw .invalidDesign("a subject carries at most two opioids; \(secondOpioid == nil ? second.name : name) already has two")
        }
        guard second.opioid != opioid else {
            throw .invalidDesign("the second opioid must differ from the first (\(opioid.rawValue)); give more of the same drug as its own doses")
        }
        guard second.species == species else {
            throw .invalidDesign("both opioids must be of one species; got \(name) and \(second.name)")
        }
        guard isMechanistic, second.isMechanistic else {
            throw .invalidDesign("two opioids act together only on mechanistic models; \(isMechanistic ? second.name : name) is PK-only")
        }
        let combinedModel = try Self.combine(self, second)
        Self.combinations.withLock { $0[key] = combinedModel }
        return combinedModel
    }

    /// Combined models compiled so far, by their files.
    private static let combinations = Mutex<[String: OpioidModel]>([:])

    /// The line of every mechanism that turns the drug's concentration ratio into its receptor
    /// signal; a combined model replaces it with the two-drug form.
    static let receptorSignalLine = "x = concentration_ratio / (1 + PARTIAL_AGONISM * (concentration_ratio - 1))"

    private static func combine(_ first: OpioidModel, _ second: OpioidModel) throws(PharmacologyError) -> OpioidModel {
        let prefix = SecondOpioid.prefix(of: second.opioid)
        // Every name the second drug's checked model declares is renamed in its own lines (the body
        // weight aside): a kinetic line naming the mechanism would then name nothing, and the
        // combined model would not compile, rather than read the first drug's mechanism.
        let checked = second.checkedModel
        let declared = Set(checked.parameters.map(\.name) + checked.states.map(\.name) + checked.variables.map(\.name)).subtracting(["WT"])
        let mechanismParameters = Set(second.mechanismParameterNames)
        let ownParameters = checked.parameters.map(\.name).filter { $0 != "WT" && !mechanismParameters.contains($0) }
        let renamed = second.drugOwnLines().map { renameIdentifiers(in: $0, declared, prefix: prefix) }
        var lines = first.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let equations = lines.firstIndex(where: { $0.hasPrefix(mechanismEquationsMarker) }),
              let signal = lines.firstIndex(of: receptorSignalLine) else {
            throw .invalidDesign("internal: \(first.file) lacks the mechanism's receptor signal line")
        }
        let r2 = prefix + "concentration_ratio", p2 = prefix + "PARTIAL_AGONISM"
        lines[signal] = """
            # Two opioids at the receptors (operational model): each drug's tau·a is r/(1 - P) and its
            # occupancy ratio a is P·r/(1 - P); x = sum of tau·a over 1 + sum of a (OpioidModel.combined).
            \(r2) = max(0, \(prefix)Ce) / \(prefix)EC50 / (1 + naloxone_level)
            x = (concentration_ratio / (1 - PARTIAL_AGONISM) + \(r2) / (1 - \(p2))) / (1 + PARTIAL_AGONISM / (1 - PARTIAL_AGONISM) * concentration_ratio + \(p2) / (1 - \(p2)) * \(r2))
            """
        lines.insert(contentsOf: ["# --- The second opioid: \(second.file), its names prefixed with \(prefix) ---"] + renamed, at: equations)
        let source = lines.joined(separator: "\n")
        let file = first.file + "+" + second.file
        let compiled: CompiledModel
        do {
            compiled = try ModelCompiler.compile(source: source, file: file)
        } catch {
            throw .invalidDesign("internal: the combined model \(file) does not compile: \(error)")
        }
        func prefixed(_ input: RouteInput) -> RouteInput {
            var share = input.share
            share.parameters = share.parameters.map { prefix + $0 }
            share.complements = share.complements.map { prefix + $0 }
            if let saturating = share.saturating {
                share.saturating = .init(capacity: prefix + saturating.capacity, halfSize: prefix + saturating.halfSize,
                                         complement: saturating.complement)
            }
            return RouteInput(prefix + input.state, share: share)
        }
        let secondRoutes = second.routes.mapValues { $0.map(prefixed) }
        let part = SecondOpioid(opioid: second.opioid, file: second.file, firstFile: first.file, prefix: prefix, routes: secondRoutes,
                                parameterNames: ownParameters)
        return OpioidModel(first.opioid, first.species, file: file, source: source, routes: first.routes,
                           amountStates: first.amountStates + second.amountStates.map { prefix + $0 },
                           secondOpioid: part, make: { compiled.makeInstance() })
    }

    /// The drug's own lines of its file: its parameters (not the body weight, not the mechanism's)
    /// and its kinetic equations (those before the mechanism's), comments and blank lines left out.
    private func drugOwnLines() -> [String] {
        var lines: [String] = [], inMechanismParameters = false
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix(Self.mechanismEquationsMarker) { break }
            if line.hasPrefix(Self.mechanismParametersMarker) { inMechanismParameters = true; continue }
            let code = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            if code.isEmpty { continue }
            if code.hasPrefix("param ") {
                if inMechanismParameters || code.dropFirst(6).prefix(while: { $0 != " " && $0 != "=" }) == "WT" { continue }
            } else {
                inMechanismParameters = false
            }
            lines.append(line)
        }
        return lines
    }

    /// `line` with every identifier in `names` outside its comment given `prefix`.
    static func renameIdentifiers(in line: String, _ names: Set<String>, prefix: String) -> String {
        let code = line.prefix { $0 != "#" }, comment = line.dropFirst(code.count)
        var result = "", token = ""
        func flush() {
            if let first = token.first, first.isLetter || first == "_", names.contains(token) { result += prefix + token } else { result += token }
            token = ""
        }
        for character in code {
            if character.isLetter || character.isNumber || character == "_" || (character == "." && !(token.first?.isLetter ?? true)) {
                token.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result + comment
    }
}
