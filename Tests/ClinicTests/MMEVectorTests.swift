import Testing
@testable import Clinic

/// The MME test vectors of clinical.md §1.4, the 2016/2022 differences, and the CMS rules.
@Suite struct MMEVectorTests {
    let calculator = MMECalculator(catalogue: try! ProductCatalogue.bundled())

    func mme(_ prescriptions: [Prescription], _ table: ConversionTable.ID = .cdc2022) throws -> Double {
        try calculator.calculate(prescriptions, table: table).totalMMEPerDay
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    /// Vectors 1 and 2: the CDC 2022 table's own worked examples.
    @Test func cdc2022WorkedExamples() throws {
        #expect(close(try mme([Prescription(drug: "hydrocodone", strength: 5, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 4))]), 20))
        #expect(close(try mme([Prescription(drug: "oxycodone", form: "er-tablet", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))]), 30))
    }

    /// Vector 3: four 5 mcg/h buprenorphine patches for 28 days under the 2014 file = 9 MME/day;
    /// the same patch worn continuously (1.8 per mcg/h) is also 9.
    @Test func buprenorphinePatch2014() throws {
        #expect(close(try mme([Prescription(drug: "buprenorphine", form: "patch", strength: 5, unit: .mcgPerHour, supply: .dispensed(quantity: 4, days: 28))], .cms2014), 9))
        #expect(close(try mme([Prescription(drug: "buprenorphine", form: "patch", strength: 5, unit: .mcgPerHour, supply: .continuous(patches: 1))], .cms2014), 9))
        // The CDC tables give no factor: excluded with the reason, total zero and said so.
        let result = try calculator.calculate([Prescription(drug: "buprenorphine", form: "patch", strength: 5, unit: .mcgPerHour, supply: .continuous(patches: 1))])
        #expect(result.lines[0].mmePerDay == nil)
        #expect(result.lines[0].exclusion?.contains("partial agonist") == true)
    }

    /// Vector 4: fentanyl patches at 2.4 per mcg/h, as rates in every table; and patch counts
    /// (10 patches for 30 days) giving the same under the CMS 7.2 rule and the CDC wear-time rule.
    @Test(arguments: [(25.0, 60.0), (50, 120), (75, 180), (100, 240)])
    func fentanylPatches(strength: Double, expected: Double) throws {
        for table in ConversionTable.ID.allCases {
            let rate = Prescription(drug: "fentanyl", form: "patch", strength: strength, unit: .mcgPerHour, supply: .continuous(patches: 1))
            #expect(close(try mme([rate], table), expected))
            let counted = Prescription(drug: "fentanyl", form: "patch", strength: strength, unit: .mcgPerHour, supply: .dispensed(quantity: 10, days: 30))
            #expect(close(try mme([counted], table), expected))
        }
        let cms = try calculator.calculate([Prescription(drug: "fentanyl", form: "patch", strength: 25, unit: .mcgPerHour, supply: .dispensed(quantity: 10, days: 30))], table: .cms)
        #expect(cms.lines[0].factor == 7.2)
        let cmsRate = try calculator.calculate([Prescription(drug: "fentanyl", strength: 25, unit: .mcgPerHour, supply: .continuous(patches: 1))], table: .cms)
        #expect(cmsRate.lines[0].factor == 2.4)
    }

    /// Vector 5, decided: the labelled strength is multiplied (12 × 2.4 = 28.8), with a note
    /// naming the 12.5 mcg/h delivery rate that gives 30 in other tools.
    @Test func twelveMicrogramPatch() throws {
        let result = try calculator.calculate([Prescription(drug: "fentanyl", strength: 12, unit: .mcgPerHour, supply: .continuous(patches: 1))])
        #expect(close(result.totalMMEPerDay, 28.8))
        #expect(result.lines[0].notes.contains { $0.contains("12.5") })
    }

    /// Vectors 6–8: what changed between 2016 and 2022.
    @Test func tables2016Against2022() throws {
        let tramadol = Prescription(drug: "tramadol", strength: 50, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 1))
        #expect(close(try mme([tramadol], .cdc2016), 5))
        #expect(close(try mme([tramadol], .cdc2022), 10))
        let hydromorphone = Prescription(drug: "hydromorphone", strength: 8, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 1))
        #expect(close(try mme([hydromorphone], .cdc2016), 32))
        #expect(close(try mme([hydromorphone], .cdc2022), 40))
        let methadone = Prescription(drug: "methadone", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 3))
        #expect(close(try mme([methadone], .cdc2016), 240))
        #expect(close(try mme([methadone], .cdc2022), 141))
    }

    /// Methadone tiers at and just past every boundary (>0–≤20 4, >20–≤40 8, >40–≤60 10, >60 12):
    /// no dose falls between tiers, and the tier follows the patient's total methadone.
    @Test(arguments: [(20.0, 4.0), (20.5, 8), (40, 8), (40.25, 10), (60, 10), (60.5, 12), (80, 12), (120, 12), (2.5, 4)])
    func methadoneTiers(mgPerDay: Double, factor: Double) throws {
        for table in [ConversionTable.ID.cdc2016, .cms] {
            let p = Prescription(drug: "methadone", strength: mgPerDay, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 1))
            #expect(close(try mme([p], table), mgPerDay * factor))
        }
    }

    @Test func methadoneTierFollowsTheTotal() throws {
        let tablets = Prescription(drug: "methadone", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))
        let solution = Prescription(drug: "methadone", form: "solution", strength: 1, unit: .mgPerML, supply: .regimen(unitsPerDose: 5, dosesPerDay: 1))
        // 20 + 5 = 25 mg/day: tier 8 applies to both.
        #expect(close(try mme([tablets, solution], .cdc2016), 25 * 8))
    }

    /// Vectors 9 and 10: the dispensing formula and the VA tool's morphine example.
    @Test func formulaAndVAExample() throws {
        #expect(close(try mme([Prescription(drug: "oxycodone", strength: 5, unit: .mg, supply: .dispensed(quantity: 60, days: 30))]), 15))
        for table in ConversionTable.ID.allCases {
            #expect(close(try mme([Prescription(drug: "morphine", form: "er-tablet", strength: 90, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 3))], table), 270))
        }
    }

    /// Vector 11: 180 must come out as 180 in JSON-bound arithmetic, not 179.99999820. Many
    /// products summing to 180 stay within a few ulps.
    @Test func concurrentPrescriptionsSum() throws {
        let result = try calculator.calculate([
            Prescription(drug: "oxycodone", form: "er-tablet", strength: 40, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2)),  // 120
            Prescription(drug: "hydrocodone", strength: 10, unit: .mg, supply: .dispensed(quantity: 180, days: 30)),  // 60
        ])
        #expect(close(result.totalMMEPerDay, 180))
        #expect(result.flags.map(\.threshold) == [50, 90])
        #expect(result.flags[1].message.contains("avoid increasing dosage to ≥90 MME/day"))
        #expect(result.flags[0].message.contains("rigid caps"))
    }

    @Test func thresholdsAtTheirBoundaries() {
        #expect(MMECalculator.flags(49.999, table: .cdc2022).isEmpty)
        #expect(MMECalculator.flags(50, table: .cdc2016).map(\.threshold) == [50])
        #expect(MMECalculator.flags(89.9, table: .cdc2016).map(\.threshold) == [50])
        #expect(MMECalculator.flags(90, table: .cdc2016).map(\.threshold) == [50, 90])
        #expect(!MMECalculator.flags(90, table: .cdc2016)[0].message.contains("rigid caps"))
    }

    /// Transmucosal fentanyl per mcg under the CMS file: 0.13 buccal/lozenge, 0.18 film/spray,
    /// 0.16 nasal; and the CDC tables decline with a pointer to the file.
    @Test func transmucosalFentanyl() throws {
        let buccal = Prescription(drug: "fentanyl", form: "buccal", strength: 200, unit: .mcg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 4))
        #expect(close(try mme([buccal], .cms), 800 * 0.13))
        let film = Prescription(drug: "fentanyl", form: "buccal-film", strength: 200, unit: .mcg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 4))
        #expect(close(try mme([film], .cms), 800 * 0.18))
        let nasal = Prescription(drug: "fentanyl", form: "nasal-spray", strength: 100, unit: .mcg, supply: .regimen(unitsPerDose: 2, dosesPerDay: 4))
        #expect(close(try mme([nasal], .cms), 800 * 0.16))
        #expect { try mme([buccal], .cdc2022) } throws: { ($0 as? ClinicError)?.message.contains("cms") == true }
        // mcg fentanyl without a form is ambiguous (three factors).
        let bare = Prescription(drug: "fentanyl", strength: 200, unit: .mcg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 4))
        #expect { try mme([bare], .cms) } throws: { ($0 as? ClinicError)?.field == "form" }
    }

    /// Every drug in every table has a catalogue product, and every product of every table's drugs
    /// converts (or is excluded with a reason) without error.
    @Test func everyTableDrugHasAProduct() throws {
        let catalogue = try ProductCatalogue.bundled()
        for id in ConversionTable.ID.allCases {
            let table = ConversionTable.named(id)
            for key in table.rules.keys {
                let parts = key.split(separator: "/").map(String.init)
                let products = catalogue.products(of: parts[0]).filter { parts.count == 1 || ConversionTable.formGroup(ingredient: parts[0], form: $0.form) == parts[1] }
                #expect(!products.isEmpty, "\(id.rawValue): \(key) has no product")
            }
        }
    }

    /// OUD treatment is excluded with an explanation, in every table.
    @Test func opioidUseDisorderExcluded() throws {
        for table in ConversionTable.ID.allCases {
            let suboxone = Prescription(drug: "buprenorphine", form: "sublingual-film", strength: 8, unit: .mg, supply: .regimen(unitsPerDose: 2, dosesPerDay: 1))
            let result = try calculator.calculate([suboxone], table: table)
            #expect(result.lines[0].exclusion?.contains("opioid use disorder") == true)
            #expect(result.totalMMEPerDay == 0)
            let methadoneOUD = Prescription(drug: "methadone", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 8, dosesPerDay: 1), indication: .oud)
            #expect(try calculator.calculate([methadoneOUD], table: table).lines[0].mmePerDay == nil)
        }
    }

    /// Linear in quantity and strength, inversely in days; additive over prescriptions.
    @Test func linearity() throws {
        var generator = SystemRandomNumberGenerator()
        let drugs = ["codeine", "hydrocodone", "hydromorphone", "morphine", "oxycodone", "oxymorphone", "tapentadol", "tramadol"]
        for _ in 0..<200 {
            let drug = drugs.randomElement(using: &generator)!
            let strength = Double.random(in: 0.5...100, using: &generator)
            let quantity = Double(Int.random(in: 1...240, using: &generator))
            let days = Double(Int.random(in: 1...90, using: &generator))
            let k = Double(Int.random(in: 2...5, using: &generator))
            let base = try mme([Prescription(drug: drug, strength: strength, unit: .mg, supply: .dispensed(quantity: quantity, days: days))])
            let moreQuantity = try mme([Prescription(drug: drug, strength: strength, unit: .mg, supply: .dispensed(quantity: k * quantity, days: days))])
            let moreStrength = try mme([Prescription(drug: drug, strength: k * strength, unit: .mg, supply: .dispensed(quantity: quantity, days: days))])
            let moreDays = try mme([Prescription(drug: drug, strength: strength, unit: .mg, supply: .dispensed(quantity: quantity, days: k * days))])
            #expect(abs(moreQuantity - k * base) <= 1e-12 * k * base)
            #expect(abs(moreStrength - k * base) <= 1e-12 * k * base)
            #expect(abs(moreDays - base / k) <= 1e-12 * base)
        }
    }

    @Test func badInputIsAnErrorNamingTheField() throws {
        func field(_ p: Prescription) -> String? {
            do { _ = try calculator.calculate([p]); return nil } catch let error as ClinicError { return error.field } catch { return "?" }
        }
        #expect(field(Prescription(drug: "oxycodon", strength: 10, unit: .mg, supply: .dispensed(quantity: 10, days: 5))) == "drug")
        #expect(field(Prescription(drug: "oxycodone", strength: 10, unit: .mcgPerHour, supply: .continuous(patches: 1))) == "unit")
        #expect(field(Prescription(drug: "oxycodone", form: "ir-tablet", strength: 10, unit: .mcgPerHour, supply: .continuous(patches: 1))) == "unit")
        #expect(field(Prescription(drug: "oxycodone", strength: 10, unit: .mg, supply: .dispensed(quantity: 10, days: 0))) == "days")
        #expect(field(Prescription(drug: "oxycodone", strength: 10, unit: .mg, supply: .dispensed(quantity: -1, days: 5))) == "quantity")
        #expect(field(Prescription(drug: "oxycodone", strength: 0, unit: .mg, supply: .dispensed(quantity: 1, days: 5))) == "strength")
        #expect(field(Prescription(drug: "oxycodone", strength: .nan, unit: .mg, supply: .dispensed(quantity: 1, days: 5))) == "strength")
        #expect(field(Prescription(drug: "oxycodone", strength: 10, unit: .mg, supply: .dispensed(quantity: .infinity, days: 5))) == "quantity")
        #expect(field(Prescription(drug: "fentanyl", strength: 25, unit: .mcgPerHour, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))) == "frequency")
        do {
            _ = try calculator.calculate([Prescription(drug: "oxycodon", strength: 10, unit: .mg, supply: .dispensed(quantity: 10, days: 5))])
            Issue.record("a misspelt drug was accepted")
        } catch let error as ClinicError {
            #expect(error.message.contains("'oxycodone'"))
        }
    }

    /// Brand names fix ingredient and form; salts and non-opioid partners are ignored.
    @Test func brandsSaltsAndCombinations() throws {
        let oxycontin = try calculator.calculate([Prescription(drug: "OxyContin", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))])
        #expect(close(oxycontin.totalMMEPerDay, 30))
        #expect(oxycontin.lines[0].product.id == "oxycodone-er-tablet")
        #expect(oxycontin.lines[0].product.duration == .long)
        #expect(close(try mme([Prescription(drug: "Duragesic", strength: 50, unit: .mcgPerHour, supply: .continuous(patches: 1))]), 120))
        #expect(close(try mme([Prescription(drug: "hydrocodone/acetaminophen", strength: 5, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 4))]), 20))
        #expect(close(try mme([Prescription(drug: "Morphine Sulfate", strength: 30, unit: .mg, supply: .dispensed(quantity: 60, days: 30))]), 60))
        let suboxone = try calculator.calculate([Prescription(drug: "buprenorphine-naloxone", form: "sublingual-film", strength: 8, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))])
        #expect(suboxone.lines[0].exclusion != nil)
        do {
            _ = try calculator.calculate([Prescription(drug: "Oxycontn", strength: 10, unit: .mg, supply: .regimen(unitsPerDose: 1, dosesPerDay: 2))])
            Issue.record("a misspelt brand was accepted")
        } catch let error as ClinicError {
            #expect(error.message.contains("OxyContin"))
        }
    }

    @Test func frequencies() throws {
        #expect(try dosesPerDay(parsing: "QID") == 4)
        #expect(try dosesPerDay(parsing: "q8h") == 3)
        #expect(try dosesPerDay(parsing: "every 6 h") == 4)
        #expect(try dosesPerDay(parsing: "3/day") == 3)
        #expect(try dosesPerDay(parsing: "q.h.s.") == 1)
        #expect(throws: ClinicError.self) { try dosesPerDay(parsing: "often") }
        #expect(throws: ClinicError.self) { try dosesPerDay(parsing: "q0h") }
    }
}
