import ModelLanguage

/// The `docs/model.md` section of a library model, generated from the model itself — its
/// header comment, equations and `param` lines with units and sources — so the documentation
/// cannot drift from what runs (a test compares the file with this output).
public enum ModelDocumentation {
    /// The Markdown section of `model`.
    public static func section(for model: OpioidModel) -> String {
        var lines = model.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.prefix { $0.hasPrefix("#") }.map { $0.dropFirst().trimmingPrefix(" ") }.map(String.init)
        // Every human opioid carries morphine's human mechanism (a test keeps them equal): shown
        // once, in morphine's section; the others show their own kinetics and potency.
        let sharesMorphineMechanism = model.species == .human && model.opioid != .morphine && model.isMechanistic
        var mechanismParameters = Set<String>()
        if sharesMorphineMechanism {
            mechanismParameters = Set(model.mechanismParameterNames)
            if let start = lines.firstIndex(where: { $0.hasPrefix(OpioidModel.mechanismEquationsMarker) }) { lines = Array(lines[..<start]) }
        }
        let equations = lines.filter { line in
            let trimmed = line.trimmingPrefix(" ")
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("param ")
        }
        var text = "### \(model.opioid.rawValue.capitalized), \(model.species.rawValue) (`\(model.file)`)\n\n"
        text += header.joined(separator: "\n") + "\n\n"
        text += "Routes: " + model.supportedRoutes.map { route in
            let inputs = model.routes[route]!.map(\.state).joined(separator: " + ")
            return "`\(route.rawValue)` → \(inputs)"
        }.joined(separator: "; ") + ".\n\n"
        text += "```\n" + equations.joined(separator: "\n") + "\n```\n\n"
        if sharesMorphineMechanism {
            text += "Mechanism: the equations and parameters of `morphine_human.wean` (below its kinetics), driven by this drug's Ce / EC50.\n\n"
        }
        text += "| parameter | value | unit | source |\n|---|---|---|---|\n"
        for parameter in model.checkedModel.parameters where !mechanismParameters.contains(parameter.name) {
            let source = (parameter.documentation ?? "").replacingOccurrences(of: "|", with: "\\|")
            let value = parameter.defaultValue
            let written = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            text += "| `\(parameter.name)` | \(written) | \(parameter.unit ?? "") | \(source) |\n"
        }
        return text + "\n"
    }

    /// Every model's section, in library order.
    public static var allSections: String { PKLibrary.models.map(section(for:)).joined() }
}
