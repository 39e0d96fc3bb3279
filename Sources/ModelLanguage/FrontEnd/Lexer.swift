/// Splits model text into tokens.
///
/// Numbers are written `12`, `0.5`, `.5`, `1e-3`, `4.4E+11` (DESIGN.md §2). Names are letters,
/// digits and `_`, not starting with a digit. A newline ends a statement except inside
/// parentheses or after a binary operator or comma, so long expressions may be broken across
/// lines. Characters that cannot start a token are reported and skipped.
struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var tokens: [Token] = []
    private(set) var errors: [(SourceLocation, String)] = []

    init(_ text: String) {
        characters = Array(text)
    }

    static func tokenize(_ text: String) -> (tokens: [Token], errors: [(SourceLocation, String)]) {
        var lexer = Lexer(text)
        lexer.run()
        return (lexer.tokens, lexer.errors)
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private func peek(_ offset: Int = 1) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index] == "\n" || characters[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func run() {
        var depth = 0
        while let c = current {
            let start = SourceLocation(line: line, column: column)
            if c == "\n" || c == "\r\n" || c == "\r" {
                advance()
                if depth == 0 && !continuesLine { append(.newline, "\n", start) }
            } else if c == " " || c == "\t" || c == "\r" {
                advance()
            } else if c == "#" {
                var text = ""
                advance()
                while let d = current, d != "\n", d != "\r\n" { text.append(d); advance() }
                append(.comment(text.trimmingSpaces), "#" + text, start)
            } else if c.isASCIIDigit || (c == "." && (peek()?.isASCIIDigit ?? false)) {
                lexNumber(start)
            } else if c.isIdentifierStart {
                var text = ""
                while let d = current, d.isIdentifierContinuation { text.append(d); advance() }
                append(.identifier(text), text, start)
            } else if c == "[" {
                lexUnit(start)
            } else if let symbol = lexSymbol() {
                if symbol == "(" { depth += 1 }
                if symbol == ")" { depth = max(0, depth - 1) }
                append(.symbol(symbol), symbol, start)
            } else {
                errors.append((start, "unexpected character '\(c)'; expected a name, a number, an operator or '#'"))
                advance()
            }
        }
        let endLocation = SourceLocation(line: line, column: column)
        if tokens.last.map({ $0.kind != .newline }) ?? false { append(.newline, "", endLocation) }
        append(.end, "", endLocation)
    }

    /// Whether a newline here continues the statement: after a binary operator, `=`, `(` or `,`
    /// (a comment after it does not matter).
    private var continuesLine: Bool {
        guard let last = tokens.last(where: { if case .comment = $0.kind { false } else { true } }),
              case .symbol(let s) = last.kind else { return false }
        return ["+", "-", "*", "/", "^", "(", ",", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "="].contains(s)
    }

    private mutating func append(_ kind: TokenKind, _ text: String, _ location: SourceLocation) {
        tokens.append(Token(kind: kind, location: location, text: text))
    }

    private mutating func lexNumber(_ start: SourceLocation) {
        var text = ""
        while let d = current, d.isASCIIDigit { text.append(d); advance() }
        if current == ".", peek().map({ $0.isASCIIDigit || (!$0.isIdentifierContinuation && $0 != ".") }) ?? true {
            text.append("."); advance()
            while let d = current, d.isASCIIDigit { text.append(d); advance() }
        }
        if let e = current, e == "e" || e == "E" {
            let sign = peek()
            let digitAfter = (sign == "+" || sign == "-") ? peek(2) : sign
            if digitAfter?.isASCIIDigit ?? false {
                text.append(e); advance()
                if let sign, sign == "+" || sign == "-" { text.append(sign); advance() }
                while let d = current, d.isASCIIDigit { text.append(d); advance() }
            } else {
                errors.append((SourceLocation(line: line, column: column),
                               "malformed number '\(text)\(e)': an exponent needs digits, as in 1e-3"))
                advance()
                if sign == "+" || sign == "-" { advance() }
            }
        }
        guard let value = Double(text), value.isFinite else {
            errors.append((start, "number '\(text)' is out of range"))
            append(.number(.nan), text, start)
            return
        }
        append(.number(value), text, start)
    }

    private mutating func lexUnit(_ start: SourceLocation) {
        advance()  // [
        var text = ""
        while let d = current, d != "]", d != "\n", d != "\r\n" { text.append(d); advance() }
        if current == "]" {
            advance()
            append(.unit(text.trimmingSpaces), "[\(text)]", start)
        } else {
            errors.append((start, "unterminated unit '[\(text)'; expected ']' before the end of the line"))
        }
    }

    private mutating func lexSymbol() -> String? {
        guard let c = current else { return nil }
        let next = peek()
        let two: String? = switch (c, next) {
        case ("<", "="): "<="
        case (">", "="): ">="
        case ("=", "="): "=="
        case ("!", "="): "!="
        case ("&", "&"): "&&"
        case ("|", "|"): "||"
        default: nil
        }
        if let two {
            advance(); advance()
            return two
        }
        if "+-*/^(),=<>!".contains(c) {
            advance()
            return String(c)
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isIdentifierStart: Bool { isASCII && (isLetter || self == "_") }
    var isIdentifierContinuation: Bool { isASCII && (isLetter || isNumber || self == "_") }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
        return String(text)
    }
}
