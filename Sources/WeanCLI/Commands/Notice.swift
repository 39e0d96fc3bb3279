/// The notice every face of Wean carries (DESIGN.md §3): in tables a footer line, in CSV a first
/// line starting with `# `, in JSON a top-level `"notice"` field.
public enum Notice {
    /// The notice text.
    public static let text = "Wean is research and education software, not medical advice."
}
