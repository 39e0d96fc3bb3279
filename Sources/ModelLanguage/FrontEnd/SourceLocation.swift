/// A position in a model's source text: 1-based line and column (columns count Unicode
/// characters, as editors show them).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One error found in a model, printed the way compilers print theirs so editors can jump to it:
/// `FILE:LINE:COLUMN: error: MESSAGE`.
public struct ModelDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(file: String, location: SourceLocation, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String { "\(file):\(location.line):\(location.column): error: \(message)" }
}

/// Every error found in a model, in source order. A model with any error is not compiled.
public struct ModelErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ModelDiagnostic]

    public init(_ diagnostics: [ModelDiagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
