import Foundation

extension Experiment {
    /// Vinik HR, Kissin I. "Rapid development of tolerance to analgesia during remifentanil
    /// infusion in humans." *Anesth Analg* 1998;86:1307–1311 (science.md §4, acute tolerance in
    /// humans): volunteers, remifentanil 0.1 µg/kg/min for 4 h; pain tolerance (cold water,
    /// pressure) rose 3-fold, peaked at 60–90 min and fell to a quarter of its peak by 3 h (time to
    /// 50 % recovery 129 ± 27 and 138 ± 39 min).
    ///
    /// The human fast tolerance takes its half-life from this study (1 h) and its gain from the rat
    /// (`GAIN_TOL_FAST`): how far the effect falls is therefore a test of carrying the rat's gain to
    /// humans, and when it peaks a test of the structure. Design: 70 kg [assumed]; the rise of pain
    /// tolerance above baseline read as proportional to the model's analgesia [unverified]. Both
    /// targets are validation. The tolerance of the fall, ±0.15, is about two standard deviations
    /// of the decline's timing (129 ± 27 min, 21 %) carried to the fraction left at 3 h
    /// (0.25^(1 ± 0.21) = 0.19–0.33).
    static let vinik1998RemifentanilAcuteTolerance = remifentanilInfusionExperiment(
        name: "vinik1998-remifentanil-acute-tolerance",
        description: "human remifentanil 0.1 ug/kg/min IV for 4 h: analgesia peaks, then acute tolerance takes three quarters of it by 3 h",
        citation: "Vinik HR, Kissin I, Anesth Analg 1998;86:1307-1311",
        microgramsPerKilogramPerMinute: 0.1, hours: 4, design: "Vinik & Kissin 1998"
    ) { course in
        [ExperimentTarget(id: "peak-60-90min", kind: .validation,
                          description: "minutes from the start of the infusion to the peak analgesic effect (60-90 min)",
                          observed: 75, model: course.peakMinutes, tolerance: 15, unit: "min"),
         ExperimentTarget(id: "quarter-left-at-3h", kind: .validation,
                          description: "analgesic effect at 3 h relative to its peak (a quarter)",
                          observed: 0.25, model: course.share(atHours: 3), tolerance: 0.15, unit: "fraction")]
    }

    /// Gustorff B, Nahlik G, Hoerauf KH, Kress HG. "The absence of acute tolerance during
    /// remifentanil infusion in volunteers." *Anesth Analg* 2002;94:1223–1228 (science.md §4,
    /// contrary to Vinik & Kissin 1998): remifentanil 0.08 µg/kg/min for 3 h, no acute tolerance.
    /// Design: 70 kg [assumed]; "no acute tolerance" read as the effect at 3 h within a quarter of
    /// its peak [unverified: the study's measures and their spread not read]. Validation: the model
    /// sides with Vinik & Kissin's magnitude, so this target tests that choice.
    static let gustorff2002RemifentanilNoAcuteTolerance = remifentanilInfusionExperiment(
        name: "gustorff2002-remifentanil-no-acute-tolerance",
        description: "human remifentanil 0.08 ug/kg/min IV for 3 h: no acute tolerance (contrary to Vinik 1998)",
        citation: "Gustorff B et al., Anesth Analg 2002;94:1223-1228",
        microgramsPerKilogramPerMinute: 0.08, hours: 3, design: "Gustorff 2002"
    ) { course in
        [ExperimentTarget(id: "effect-kept-at-3h", kind: .validation,
                          description: "analgesic effect at the end of 3 h relative to its peak (no acute tolerance: about 1)",
                          observed: 1, model: course.share(atHours: 3), tolerance: 0.25, unit: "fraction")]
    }

    /// An experiment on a constant remifentanil infusion in a 70-kg adult: its analgesic course,
    /// the targets read from it, and one panel of the course.
    static func remifentanilInfusionExperiment(name: String, description: String, citation: String,
                                               microgramsPerKilogramPerMinute rate: Double, hours: Double, design: String,
                                               targets: @escaping @Sendable (RemifentanilCourse) -> [ExperimentTarget]) -> Experiment {
        Experiment(name: name, description: description, citation: citation) { () throws(PharmacologyError) in
            let course = try remifentanilInfusion(microgramsPerKilogramPerMinute: rate, hours: hours)
            let title = "Remifentanil \(rate) ug/kg/min for \(Int(hours)) h (\(design) design)"
            return ExperimentResult(name: name, targets: targets(course), panels: [course.panel(title: title)])
        }
    }

    /// The analgesic course of a constant remifentanil infusion in a 70-kg adult, read every minute.
    struct RemifentanilCourse {
        var hours: [Double]
        var analgesia: [Double]

        var peakIndex: Int { analgesia.indices.max { analgesia[$0] < analgesia[$1] }! }
        var peakMinutes: Double { hours[peakIndex] * 60 }
        /// The effect at `time` (h) over the peak.
        func share(atHours time: Double) -> Double {
            analgesia[hours.firstIndex { $0 >= time - 1e-9 }!] / max(analgesia[peakIndex], 1e-12)
        }
        func panel(title: String) -> ExperimentPanel {
            ExperimentPanel(title: title, xLabel: "hours from the start of the infusion", yLabel: "analgesia (% of maximal)",
                            curves: [ExperimentSupport.curve("model", hours, analgesia.map { 100 * $0 })])
        }
    }

    static func remifentanilInfusion(microgramsPerKilogramPerMinute rate: Double, hours: Double) throws(PharmacologyError) -> RemifentanilCourse {
        let model = try PKLibrary.model(.remifentanil, .human)
        let times = gridHours(from: 0, to: hours + 1, step: 1.0 / 60)
        let design = DosingDesign([.infusion(DoseRate(rate * 60, .mcgPerKgPerHour), route: .iv, fromHours: 0, toHours: hours)], weightKilograms: 70)
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        guard let analgesia = run.column("analgesia") else { throw .invalidDesign("remifentanil model has no analgesia output") }
        return RemifentanilCourse(hours: times, analgesia: analgesia)
    }
}
