import Foundation

/// The opioid products Wean knows: the bundled catalogue (`Data/products.json`) and whatever a
/// user adds from their own file in the same format.
///
/// File format (JSON): `{"products": [ {"id": "oxycodone-ir-tablet", "ingredient": "oxycodone",
/// "route": "oral", "form": "ir-tablet", "strengths": [5, 10, 15, 20, 30], "unit": "mg",
/// "duration": "short"}, … ]}` with optional `wearHours` (patches, required there),
/// `indication` (`pain`, the default, or `oud`) and `examples`. A user product with the id of a
/// bundled one replaces it.
public struct ProductCatalogue: Sendable {
    /// Every product, in file order.
    public private(set) var products: [OpioidProduct]

    public init(products: [OpioidProduct]) throws {
        self.products = []
        try add(products, source: "catalogue")
    }

    /// The catalogue bundled with Wean.
    public static func bundled() throws -> ProductCatalogue {
        try bundledOnce.get()
    }

    private static let bundledOnce = Result { try loadBundled() }

    private static func loadBundled() throws -> ProductCatalogue {
        guard let url = Bundle.module.url(forResource: "products", withExtension: "json", subdirectory: "Data") else {
            throw ClinicError(field: "catalogue", "the bundled product catalogue is missing from this build")
        }
        return try ProductCatalogue(products: decode(try Data(contentsOf: url), source: "products.json"))
    }

    /// Adds the products of a user's JSON file, replacing bundled products with the same id.
    public mutating func add(contentsOf path: String) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ClinicError(field: "catalogue", "\(path): cannot read the file (\(error.localizedDescription))")
        }
        try add(Self.decode(data, source: path), source: path)
    }

    /// Adds products after checking each.
    public mutating func add(_ newProducts: [OpioidProduct], source: String) throws {
        for (index, product) in newProducts.enumerated() {
            try Self.validate(product, at: "\(source): products[\(index)] (\(product.id))")
            if let existing = products.firstIndex(where: { $0.id == product.id }) {
                products[existing] = product
            } else {
                products.append(product)
            }
        }
    }

    /// Every ingredient in the catalogue, sorted.
    public var ingredients: [String] { Array(Set(products.map(\.ingredient))).sorted() }

    /// The products of one ingredient.
    public func products(of ingredient: String) -> [OpioidProduct] {
        products.filter { $0.ingredient == ingredient.lowercased() }
    }

    /// The product a prescription names: by ingredient and form, or, with no form, the
    /// ingredient's only product in `unit`, or its first pain product in that unit when the
    /// choice does not change the conversion (every candidate shares the route's factor group).
    /// Unknown ingredients and forms are errors that suggest the closest names.
    public func product(ingredient: String, form: String?, unit: StrengthUnit) throws -> OpioidProduct {
        var name = Self.normalisedIngredient(ingredient)
        var candidates = products(of: name)
        var form = form
        if candidates.isEmpty, let branded = brandedProduct(ingredient) {
            name = branded.ingredient
            candidates = [branded]
            form = form ?? branded.form
        }
        guard !candidates.isEmpty else {
            let suggestions = closestNames(to: name, among: ingredients + products.flatMap(\.brands))
            let hint = suggestions.isEmpty
                ? "; known drugs: \(ingredients.joined(separator: ", "))"
                : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            throw ClinicError(field: "drug", "unknown drug '\(ingredient)'\(hint)")
        }
        if let form {
            guard let product = Self.match(form: form, in: candidates) else {
                let forms = candidates.map(\.form)
                let suggestions = closestNames(to: form, among: forms, limit: 1)
                let hint = suggestions.first.map { "; did you mean '\($0)'?" } ?? ""
                throw ClinicError(field: "form", "\(name) has no form '\(form)'\(hint) (forms: \(forms.joined(separator: ", ")))")
            }
            guard product.unit == unit else {
                throw ClinicError(field: "unit", "unit mismatch: \(name) \(product.form) is labelled in \(product.unit.rawValue), not \(unit.rawValue)")
            }
            return product
        }
        let inUnit = candidates.filter { $0.unit == unit }
        guard let first = inUnit.first else {
            let units = Array(Set(candidates.map(\.unit.rawValue))).sorted()
            throw ClinicError(field: "unit", "unit mismatch: no \(name) product is labelled in \(unit.rawValue) (\(name) comes in \(units.joined(separator: ", ")))")
        }
        let groups = Set(inUnit.map { ConversionTable.formGroup(ingredient: name, form: $0.form) })
        guard groups.count == 1 else {
            throw ClinicError(field: "form", "\(name) in \(unit.rawValue) comes in forms with different factors; give --form (one of \(inUnit.map(\.form).joined(separator: ", ")))")
        }
        return inUnit.first(where: { $0.indication == .pain }) ?? first
    }

    /// The product a brand name (`OxyContin`, `Duragesic`) stands for.
    public func brandedProduct(_ name: String) -> OpioidProduct? {
        let key = name.lowercased().trimmingCharacters(in: .whitespaces)
        return products.first { $0.brands.contains { $0.lowercased() == key } }
    }

    /// The unit a prescription means when it gives none: the form's unit, else the ingredient's
    /// only unit, else mg when the ingredient comes in mg.
    public func defaultUnit(ingredient: String, form: String?) throws -> StrengthUnit {
        var candidates = products(of: Self.normalisedIngredient(ingredient))
        if candidates.isEmpty, let branded = brandedProduct(ingredient) {
            if form == nil { return branded.unit }
            candidates = products(of: branded.ingredient)
        }
        if let form, let product = Self.match(form: form, in: candidates) { return product.unit }
        let units = Set(candidates.map(\.unit))
        if units.count == 1 { return units.first! }
        if units.contains(.mg) || candidates.isEmpty { return .mg }
        throw ClinicError(field: "unit", "give --unit for \(ingredient) (one of \(units.map(\.rawValue).sorted().joined(separator: ", ")))")
    }

    static func match(form: String, in candidates: [OpioidProduct]) -> OpioidProduct? {
        let wanted = formAliases[form.lowercased()] ?? [form.lowercased()]
        return wanted.lazy.compactMap { w in candidates.first { $0.form == w || $0.id == w } }.first
    }

    /// Common spellings of forms mapped to the catalogue's names, in order of preference.
    static let formAliases: [String: [String]] = [
        "tablet": ["ir-tablet", "er-tablet"], "tab": ["ir-tablet", "er-tablet"], "ir": ["ir-tablet", "ir-capsule"],
        "er": ["er-tablet", "er-capsule"], "sr": ["er-tablet", "er-capsule"], "la": ["er-capsule", "er-tablet"],
        "capsule": ["ir-capsule", "er-capsule"], "cap": ["ir-capsule", "er-capsule"],
        "transdermal": ["patch"], "td": ["patch"], "oral-solution": ["solution"], "liquid": ["solution"],
        "buccal-tablet": ["buccal"], "troche": ["lozenge"], "nasal": ["nasal-spray"], "oral-spray": ["sublingual-spray"],
        "sl-tablet": ["sublingual-tablet"], "sl-film": ["sublingual-film"], "film": ["buccal-film", "sublingual-film"],
    ]

    /// The ingredient with salt names and non-opioid combination partners dropped:
    /// `Morphine Sulfate` → `morphine`, `hydrocodone/acetaminophen` → `hydrocodone`,
    /// `buprenorphine-naloxone` → `buprenorphine`.
    static func normalisedIngredient(_ text: String) -> String {
        let ignored: Set<String> = [
            "sulfate", "sulphate", "hcl", "hydrochloride", "bitartrate", "tartrate", "citrate", "phosphate", "napsylate",
            "hydrobromide", "acetaminophen", "apap", "paracetamol", "ibuprofen", "aspirin", "asa", "naloxone", "naltrexone",
            "caffeine", "homatropine", "promethazine", "guaifenesin", "chlorpheniramine", "and", "with", "+",
        ]
        let words = text.lowercased().split(whereSeparator: { " _/-+,".contains($0) }).map(String.init).filter { !ignored.contains($0) }
        return words.joined(separator: " ")
    }

    static func decode(_ data: Data, source: String) throws -> [OpioidProduct] {
        struct File: Decodable { var products: [OpioidProduct] }
        do {
            return try JSONDecoder().decode(File.self, from: data).products
        } catch let DecodingError.keyNotFound(key, context) {
            throw ClinicError(field: "catalogue", "\(source): \(path(context.codingPath)): missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ClinicError(field: "catalogue", "\(source): \(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let at = context.codingPath.isEmpty ? "" : "\(path(context.codingPath)): "
            var detail = context.debugDescription
            if context.codingPath.last?.stringValue == "unit" { detail = "expected one of \(StrengthUnit.allCases.map(\.rawValue).joined(separator: ", "))" }
            if context.codingPath.last?.stringValue == "duration" { detail = "expected short or long" }
            if context.codingPath.last?.stringValue == "indication" { detail = "expected pain or oud" }
            throw ClinicError(field: "catalogue", "\(source): \(at)\(detail)")
        } catch {
            throw ClinicError(field: "catalogue", "\(source): not a product catalogue: \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    static func validate(_ product: OpioidProduct, at place: String) throws {
        guard !product.id.isEmpty, !product.ingredient.isEmpty, !product.form.isEmpty else {
            throw ClinicError(field: "catalogue", "\(place): id, ingredient and form must not be empty")
        }
        guard !product.strengths.isEmpty, product.strengths.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ClinicError(field: "catalogue", "\(place): strengths must be a non-empty list of positive numbers")
        }
        if product.isPatch {
            guard product.unit == .mcgPerHour, let wear = product.wearHours, wear.isFinite, wear > 0 else {
                throw ClinicError(field: "catalogue", "\(place): a patch needs unit mcg/h and a positive wearHours")
            }
        } else if product.unit == .mcgPerHour {
            throw ClinicError(field: "catalogue", "\(place): only patches are labelled in mcg/h")
        }
    }
}
