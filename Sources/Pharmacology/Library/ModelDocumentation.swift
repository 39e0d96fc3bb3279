import ModelLanguage

/// The `docs/model.md` section of a library model, generated from the model itself — its
/// header comment, equations and `param` lines with units and sources — so the documentation
/// cannot drift from what runs (a test compares the file with this output).
public enum ModelDocumentation {
    /// The Markdown section of `model`.
    public static func section(for model: OpioidModel) -> String {
        let lines = model.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.prefix { $0.hasPrefix("#") }.map { $0.dropFirst().trimmingPrefix(" ") }.map(String.init)
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
        text += "| parameter | value | unit | source |\n|---|---|---|---|\n"
        for parameter in model.checkedModel.parameters {
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
