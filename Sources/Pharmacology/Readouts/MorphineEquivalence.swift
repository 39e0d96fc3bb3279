/// Oral morphine milligram equivalents (MME) of the doses in a design, by the CDC 2022 factors
/// (Dowell D et al., MMWR Recomm Rep 2022;71(RR-3), Table: morphine 1, oxycodone 1.5,
/// hydromorphone 5, hydrocodone 1, methadone 4.7, tramadol 0.2, tapentadol 0.4, fentanyl patch
/// 2.4 per µg/h). Parenteral morphine counts 3 mg oral per mg (oral : IV ≈ 3 : 1, MSD Manual
/// "Equianalgesic doses of opioid analgesics"; Treillet E et al., J Pain Res 2018;11:2587, Table 5).
/// Buprenorphine has no CDC 2022 factor. The Clinic's tables (`wean mme`) carry the same CDC 2022
/// factors; a test keeps the two equal.
public enum MorphineEquivalence {
    /// MME per mg of `opioid` given by `route` (per µg/h for the fentanyl patch), or `nil` if no
    /// factor is published for that drug and route.
    public static func factor(_ opioid: Opioid, route: Route) -> Double? {
        switch (opioid, route) {
        case (.morphine, .oral), (.morphine, .oralER): 1
        case (.morphine, .iv), (.morphine, .sc), (.morphine, .im): 3
        case (.oxycodone, .oral), (.oxycodone, .oralER): 1.5
        case (.hydromorphone, .oral): 5
        case (.hydrocodone, .oral): 1
        case (.methadone, .oral): 4.7
        case (.tramadol, .oral): 0.2
        case (.tapentadol, .oral): 0.4
        case (.fentanyl, .transdermal): 2.4
        default: nil
        }
    }

    /// MME given over the 24 h ending at `time` (h), for a body of `weight` kg; a patch worn at
    /// `time` counts its strength (µg/h) × 2.4. An administration without a factor adds nothing:
    /// check `convertible(_:opioid:)` first (`Trajectory.readout` does). A second opioid's
    /// administrations (`DosingDesign.coadministration`) add their own MME.
    public static func dailyMME(of design: DosingDesign, opioid: Opioid, weightKilograms weight: Double, at time: Double) -> Double {
        var total = dailyMME(of: design.administrations, opioid: opioid, weightKilograms: weight, at: time)
        if let second = design.coadministration {
            total += dailyMME(of: second.administrations, opioid: second.opioid, weightKilograms: weight, at: time)
        }
        return total
    }

    private static func dailyMME(of administrations: [Administration], opioid: Opioid, weightKilograms weight: Double, at time: Double) -> Double {
        let windowStart = time - 24
        var total = 0.0
        for item in administrations {
            switch item {
            case let .dose(amount, route, at):
                if at > windowStart, at <= time { total += amount.milligrams(forWeightKilograms: weight) * (factor(opioid, route: route) ?? 0) }
            case let .repeated(amount, route, every, from, to):
                let count = Administration.doseTimes(everyHours: every, fromHours: from, toHours: to).filter { $0 > windowStart && $0 <= time }.count
                total += Double(count) * amount.milligrams(forWeightKilograms: weight) * (factor(opioid, route: route) ?? 0)
            case let .infusion(rate, route, from, to):
                let hours = max(0, min(to, time) - max(from, windowStart))
                total += rate.milligramsPerHour(forWeightKilograms: weight) * hours * (factor(opioid, route: route) ?? 0)
            case let .patch(strength, from, to), let .patches(strength, _, from, to):
                if time >= from, time < to {
                    total += strength.milligramsPerHour(forWeightKilograms: weight) * 1000 * (factor(opioid, route: .transdermal) ?? 0)
                }
            case .pellet, .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion, .msc, .nerveInjury:
                break
            }
        }
        return total
    }

    /// Whether every administration of `design` has a factor (otherwise daily MME would
    /// undercount and is not reported), a second opioid's included.
    public static func convertible(_ design: DosingDesign, opioid: Opioid) -> Bool {
        convertible(design.administrations, opioid: opioid)
            && (design.coadministration.map { convertible($0.administrations, opioid: $0.opioid) } ?? true)
    }

    private static func convertible(_ administrations: [Administration], opioid: Opioid) -> Bool {
        administrations.allSatisfy { item in
            switch item {
            case let .dose(_, route, _), let .repeated(_, route, _, _, _), let .infusion(_, route, _, _):
                factor(opioid, route: route) != nil
            case .patch, .patches:
                factor(opioid, route: .transdermal) != nil
            case .pellet:
                false
            case .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion, .msc, .nerveInjury:
                true
            }
        }
    }
}
