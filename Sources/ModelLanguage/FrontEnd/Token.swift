/// A lexical token of the model language.
enum TokenKind: Equatable, Sendable {
    case identifier(String)
    case number(Double)
    /// One of `+ - * / ^ ( ) , = < <= > >= == != && || !`.
    case symbol(String)
    /// A unit in square brackets, without the brackets (`[1/h]` → `1/h`).
    case unit(String)
    /// A `#` comment, without the `#` and surrounding spaces.
    case comment(String)
    case newline
    case end
}

struct Token: Sendable {
    var kind: TokenKind
    var location: SourceLocation
    /// The token's text as written (for messages).
    var text: String

    /// How the token reads in an error message.
    var quoted: String {
        switch kind {
        case .newline: "end of line"
        case .end: "end of file"
        case .comment: "a comment"
        case .unit(let unit): "unit '[\(unit)]'"
        default: "'\(text)'"
        }
    }
}
