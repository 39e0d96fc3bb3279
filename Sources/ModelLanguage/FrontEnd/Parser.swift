/// Recursive-descent parser of the model language (grammar and precedence of DESIGN.md §2).
///
/// ```
/// statement  := 'param' NAME '=' expr [UNIT] | 'd' '/' 'dt' '(' NAME ')' '=' expr
///             | NAME '(' '0' ')' '=' expr | MODIFIER '(' NAME ')' '=' expr | NAME '=' expr
/// expr       := or
/// or         := and ('||' and)*
/// and        := comparison ('&&' comparison)*
/// comparison := additive (('<'|'<='|'>'|'>='|'=='|'!=') additive)*
/// additive   := multiplicative (('+'|'-') multiplicative)*
/// multiplicative := unary (('*'|'/') unary)*
/// unary      := ('-'|'+'|'!') unary | power
/// power      := primary ('^' unary)?          -- right-associative, above unary minus
/// primary    := NUMBER | NAME | NAME '(' [expr (',' expr)*] ')' | '(' expr ')'
/// ```
///
/// An error in a statement is recorded and parsing resumes at the next line, so every error in
/// the file is reported.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private(set) var statements: [(SyntaxStatement, SourceLocation)] = []
    private(set) var errors: [(SourceLocation, String)] = []
    /// Comment lines seen since the last statement or blank line (a doc block for a `param`).
    private var pendingDocumentation: [String] = []

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    private struct ParseError: Error {
        var location: SourceLocation
        var message: String
    }

    private var current: Token { tokens[position] }

    /// Limits that keep every later stage's recursion shallow: an expression nested deeper, or a
    /// statement longer, is an error (split it into assignments).
    static let maximumNesting = 100
    static let maximumStatementTokens = 2000
    private var nesting = 0
    private var statementStart = 0

    private mutating func enter() throws(ParseError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw ParseError(location: current.location, message: "expression nested more than \(Self.maximumNesting) levels deep; split it into assignments")
        }
        guard position - statementStart <= Self.maximumStatementTokens else {
            throw ParseError(location: current.location, message: "statement longer than \(Self.maximumStatementTokens) tokens; split it into assignments")
        }
    }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(let t) = current.kind { return t == s }
        return false
    }

    private mutating func expect(_ s: String, _ context: String) throws(ParseError) {
        guard isSymbol(s) else { throw ParseError(location: current.location, message: "expected '\(s)' \(context), found \(current.quoted)") }
        advance()
    }

    private mutating func expectName(_ context: String) throws(ParseError) -> (String, SourceLocation) {
        guard case .identifier(let name) = current.kind else {
            throw ParseError(location: current.location, message: "expected a name \(context), found \(current.quoted)")
        }
        let location = current.location
        advance()
        return (name, location)
    }

    mutating func parse() {
        while current.kind != .end {
            let start = current.location
            switch current.kind {
            case .newline:
                // A blank line: comments above it document nothing below it.
                pendingDocumentation = []
                advance()
                continue
            case .comment(let text):
                pendingDocumentation.append(text)
                advance()
                if current.kind == .newline { advance() }
                continue
            default:
                break
            }
            do {
                nesting = 0
                statementStart = position
                let statement = try parseStatement()
                statements.append((statement, start))
            } catch {
                errors.append((error.location, error.message))
                while current.kind != .newline && current.kind != .end { advance() }
            }
            pendingDocumentation = []
            if current.kind == .newline { advance() }
        }
    }

    /// Consumes the end of a statement: an optional trailing comment, then the newline.
    private mutating func endOfStatement() throws(ParseError) -> String? {
        var comment: String?
        if case .comment(let text) = current.kind {
            comment = text
            advance()
        }
        guard current.kind == .newline || current.kind == .end else {
            throw ParseError(location: current.location, message: "expected the end of the statement, found \(current.quoted)")
        }
        return comment
    }

    private mutating func parseStatement() throws(ParseError) -> SyntaxStatement {
        guard case .identifier(let head) = current.kind else {
            throw ParseError(location: current.location,
                             message: "expected a statement (param, NAME = …, d/dt(NAME) = …, NAME(0) = …), found \(current.quoted)")
        }
        let headLocation = current.location
        if head == "param" {
            advance()
            let (name, location) = try expectName("after 'param'")
            try expect("=", "after the parameter name")
            let value = try parseExpression()
            var unit: String?
            if case .unit(let text) = current.kind {
                unit = text
                advance()
            }
            let comment = try endOfStatement()
            let documentation = (pendingDocumentation + (comment.map { [$0] } ?? [])).joined(separator: " ")
            return .parameter(name: name, nameLocation: location, value: value, unit: unit,
                              documentation: documentation.isEmpty ? nil : documentation)
        }
        // d/dt(NAME) = …
        if head == "d", position + 2 < tokens.count, case .symbol("/") = tokens[position + 1].kind,
           case .identifier("dt") = tokens[position + 2].kind {
            advance(); advance(); advance()
            try expect("(", "after 'd/dt'")
            let (state, location) = try expectName("inside d/dt( )")
            try expect(")", "after the state name")
            try expect("=", "after d/dt(\(state))")
            let value = try parseExpression()
            _ = try endOfStatement()
            return .derivative(state: state, stateLocation: location, value: value)
        }
        advance()
        if isSymbol("=") {
            advance()
            let value = try parseExpression()
            if case .unit(let text) = current.kind {
                throw ParseError(location: current.location, message: "a unit '[\(text)]' may follow only a parameter's value")
            }
            _ = try endOfStatement()
            return .assignment(name: head, nameLocation: headLocation, value: value)
        }
        if isSymbol("(") {
            advance()
            if case .number(let zero) = current.kind {
                guard zero == 0 else {
                    throw ParseError(location: current.location,
                                     message: "an initial condition is written \(head)(0) = …; found \(head)(\(current.text))")
                }
                advance()
                try expect(")", "after '\(head)(0'")
                try expect("=", "after '\(head)(0)'")
                let value = try parseExpression()
                _ = try endOfStatement()
                return .initialCondition(state: head, stateLocation: headLocation, value: value)
            }
            if let kind = DosingModifier(rawValue: head) {
                let (state, location) = try expectName("inside \(head)( )")
                try expect(")", "after the compartment name")
                try expect("=", "after \(head)(\(state))")
                let value = try parseExpression()
                _ = try endOfStatement()
                return .modifier(kind: kind, state: state, stateLocation: location, value: value)
            }
            throw ParseError(location: headLocation,
                             message: "'\(head)(…)' cannot be assigned; expected NAME = …, d/dt(NAME) = …, NAME(0) = … or f/alag/rate/dur(NAME) = …")
        }
        throw ParseError(location: current.location, message: "expected '=' after '\(head)', found \(current.quoted)")
    }

    // MARK: - Expressions

    private mutating func parseExpression() throws(ParseError) -> SyntaxExpression {
        try parseBinary(level: 0)
    }

    private static let levels: [[String]] = [["||"], ["&&"], ["<", "<=", ">", ">=", "==", "!="], ["+", "-"], ["*", "/"]]

    private mutating func parseBinary(level: Int) throws(ParseError) -> SyntaxExpression {
        guard level < Self.levels.count else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        while case .symbol(let s) = current.kind, Self.levels[level].contains(s) {
            let location = current.location
            advance()
            guard position - statementStart <= Self.maximumStatementTokens else {
                throw ParseError(location: location, message: "statement longer than \(Self.maximumStatementTokens) tokens; split it into assignments")
            }
            let right = try parseBinary(level: level + 1)
            left = .binary(s, left, right, location)
        }
        return left
    }

    private mutating func parseUnary() throws(ParseError) -> SyntaxExpression {
        try enter()
        defer { nesting -= 1 }
        if case .symbol(let s) = current.kind, s == "-" || s == "+" || s == "!" {
            let location = current.location
            advance()
            let operand = try parseUnary()
            return s == "+" ? operand : .unary(s, operand, location)
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ParseError) -> SyntaxExpression {
        let base = try parsePrimary()
        if isSymbol("^") {
            let location = current.location
            advance()
            let exponent = try parseUnary()
            return .binary("^", base, exponent, location)
        }
        return base
    }

    private mutating func parsePrimary() throws(ParseError) -> SyntaxExpression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value, token.location)
        case .identifier(let name):
            advance()
            guard isSymbol("(") else { return .name(name, token.location) }
            advance()
            var arguments: [SyntaxExpression] = []
            if !isSymbol(")") {
                arguments.append(try parseExpression())
                while isSymbol(",") {
                    advance()
                    arguments.append(try parseExpression())
                }
            }
            try expect(")", "to close the arguments of '\(name)('")
            return .call(name, arguments, token.location)
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expect(")", "to close '(' at \(token.location)")
            return inner
        default:
            throw ParseError(location: token.location, message: "expected a number, a name or '(', found \(token.quoted)")
        }
    }
}
