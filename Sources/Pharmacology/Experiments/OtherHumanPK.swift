import Foundation

extension Experiment {
    /// Westerling D, Björk H, Svedman P, Höglund P. *Pain Res Manag* 1996;1:86–92 (pk-more.md
    /// §1.1): hydromorphone 2 mg IV over 20 min in 12 healthy volunteers; CL 1.81 ± 0.25 L/min,
    /// t½ 1.87 ± 0.4 h. Oral tmax 0.8 h (IQR 0.8–1.0) after 8 mg immediate release: Angst MS et
    /// al., *Anesthesiology* 2001;94:63 (a second design, same drug).
    static let westerling1996HydromorphonePK = Experiment(
        name: "westerling1996-hydromorphone-pk",
        description: "human hydromorphone 2 mg IV over 20 min (and 8 mg oral IR): clearance, half-life, oral tmax",
        citation: "Westerling D et al., Pain Res Manag 1996;1:86-92; Angst MS et al., Anesthesiology 2001;94:63"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.hydromorphone, .human)
        let times = gridHours(from: 0, to: 24, step: 1.0 / 12)
        let iv = try ExperimentSupport.plasma(
            model, DosingDesign([.infusion(DoseRate(6, .mgPerHour), route: .iv, fromHours: 0, toHours: 1.0 / 3)], weightKilograms: 70), times: times)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(8, .mg), route: .oral, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 2...12, what: "IV hydromorphone")
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 3...12, what: "oral hydromorphone")
        let clearance = 2000 / ivSummary.aucToInfinity  // L/h
        let targets = [
            ExperimentTarget(id: "clearance", kind: .calibration, description: "IV clearance (mean ± SD)",
                             observed: 1.81, model: clearance / 60, tolerance: 0.25, unit: "L/min"),
            ExperimentTarget(id: "half-life", kind: .calibration, description: "IV terminal half-life (mean ± SD)",
                             observed: 1.87, model: ivSummary.halfLife, tolerance: 0.4, unit: "h"),
            ExperimentTarget(id: "oral-tmax", kind: .calibration, description: "tmax after 8 mg IR oral (median; IQR 0.8-1.0 h)",
                             observed: 0.8, model: oralSummary.tmax, tolerance: 0.2, unit: "h"),
        ]
        let panel = ExperimentPanel(title: "Hydromorphone", xLabel: "time (h)", yLabel: "plasma hydromorphone (ng/mL)", logY: true,
                                    curves: [ExperimentSupport.curve("2 mg IV over 20 min", times, iv),
                                             ExperimentSupport.curve("8 mg oral IR", times, oral, dashed: true)])
        return ExperimentResult(name: "westerling1996-hydromorphone-pk", targets: targets, panels: [panel])
    }

    /// Göhler K, Brett M, Smit JW, Rengelshausen J, Terlinden R. *Int J Clin Pharmacol Ther*
    /// 2013;51:338–348 (pk-more.md §1.5): tapentadol IV and oral; F 32 % (95 % CI 29.4–34.8),
    /// t½ ≈ 4 h, V 540 and 471 L, CL 1531 and 1603 ml/min. Doses 10 mg IV and 100 mg oral are
    /// assumed [unverified]. Oral tmax 1.25–1.5 h: Terlinden R et al., *Eur J Drug Metab
    /// Pharmacokinet* 2007;32:163.
    static let gohler2013TapentadolPK = Experiment(
        name: "gohler2013-tapentadol-pk",
        description: "human tapentadol IV and oral: bioavailability, half-life, volume, clearance, oral tmax",
        citation: "Goehler K et al., Int J Clin Pharmacol Ther 2013;51:338-348"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.tapentadol, .human)
        let times = gridHours(from: 0, to: 36, step: 1.0 / 12)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(10, .mg), route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(100, .mg), route: .oral, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 4...24, what: "IV tapentadol")
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 4...24, what: "oral tapentadol")
        let clearance = 10_000 / ivSummary.aucToInfinity
        let targets = [
            ExperimentTarget(id: "bioavailability", kind: .calibration, description: "oral bioavailability, dose-normalised AUC (95% CI 29.4-34.8 %)",
                             observed: 0.32, model: oralSummary.aucToInfinity / 10 / ivSummary.aucToInfinity, tolerance: 0.03, unit: "fraction"),
            ExperimentTarget(id: "half-life", kind: .calibration, description: "IV half-life (about 4 h; ±30 %)",
                             observed: 4, model: ivSummary.halfLife, tolerance: ExperimentSupport.betweenStudy(4), unit: "h"),
            ExperimentTarget(id: "volume", kind: .calibration, description: "volume, 471-540 L in two studies",
                             observed: 505.5, model: clearance / ivSummary.lambdaZ, tolerance: 34.5, unit: "L"),
            ExperimentTarget(id: "clearance", kind: .calibration, description: "clearance, 1531-1603 ml/min in two studies",
                             observed: 1567, model: clearance * 1000 / 60, tolerance: 36, unit: "ml/min"),
            ExperimentTarget(id: "oral-tmax", kind: .calibration, description: "oral tmax 1.25-1.5 h (Terlinden 2007)",
                             observed: 1.375, model: oralSummary.tmax, tolerance: 0.125, unit: "h"),
        ]
        let panel = ExperimentPanel(title: "Tapentadol", xLabel: "time (h)", yLabel: "plasma tapentadol (ng/mL)", logY: true,
                                    curves: [ExperimentSupport.curve("10 mg IV", times, iv), ExperimentSupport.curve("100 mg oral", times, oral, dashed: true)])
        return ExperimentResult(name: "gohler2013-tapentadol-pk", targets: targets, panels: [panel])
    }

    /// Mendelson J, Upton RA, Everhart ET, Jacob P, Jones RT. *J Clin Pharmacol* 1997;37:31–37
    /// (pk-more.md §1.6): buprenorphine 2 mg sublingual vs 1 mg IV; F 29 ± 10 %. With it, the
    /// half-life after sublingual use, 20–36 h or more against 1.2–7.2 h after IV injection (Mayo
    /// Clinic Laboratories' drug book; Kuhlman 1996: longer than IV, a mucosal depot), read as
    /// the 12–72 h terminal half-life of the 2 mg dose; and the Butrans label's patch: after a
    /// 7-day patch is removed, concentrations halve in 10–24 h, then fall with t½ ≈ 26 h.
    static let mendelson1997BuprenorphineSublingual = Experiment(
        name: "mendelson1997-buprenorphine-sublingual",
        description: "human buprenorphine 2 mg sublingual vs 1 mg IV: bioavailability and sublingual terminal half-life; decline after removal of a 7-day 20 ug/h patch",
        citation: "Mendelson J et al., J Clin Pharmacol 1997;37:31-37"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.buprenorphine, .human)
        let times = gridHours(from: 0, to: 96, step: 1.0 / 12)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(1, .mg), route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let sl = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(2, .mg), route: .sublingual, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 4...24, what: "IV buprenorphine")
        let slSummary = try ExperimentSupport.summary(times, sl, terminal: 12...72, what: "sublingual buprenorphine")
        let patchTimes = gridHours(from: 0, to: 168 + 72, step: 0.25)
        let patch = try ExperimentSupport.plasma(
            model, DosingDesign([.patch(strength: DoseRate(20, .mcgPerHour), fromHours: 0, toHours: 168)], weightKilograms: 70), times: patchTimes)
        let atRemoval = patch[patchTimes.firstIndex { $0 >= 168 }!]
        let patchSummary = try ExperimentSupport.summary(patchTimes, patch, terminal: (168 + 48)...(168 + 72), what: "buprenorphine after patch removal")
        let halvingTime = (patchTimes.indices.first { patchTimes[$0] > 168 && patch[$0] <= atRemoval / 2 }.map { patchTimes[$0] } ?? .nan) - 168
        let targets = [
            ExperimentTarget(id: "sublingual-bioavailability", kind: .calibration, description: "sublingual bioavailability (mean ± SD)",
                             observed: 0.29, model: slSummary.aucToInfinity / 2 / ivSummary.aucToInfinity, tolerance: 0.10, unit: "fraction"),
            ExperimentTarget(id: "sublingual-terminal-half-life", kind: .calibration,
                             description: "terminal half-life (12-72 h) after 2 mg sublingual, 20-36 h (Mayo Clinic Laboratories)",
                             observed: 28, model: slSummary.halfLife, tolerance: 8, unit: "h"),
            ExperimentTarget(id: "patch-halving-time", kind: .calibration, description: "time for concentrations to halve after a 7-day patch is removed, 10-24 h (Butrans label)",
                             observed: 17, model: halvingTime, tolerance: 7, unit: "h"),
            ExperimentTarget(id: "patch-terminal-half-life", kind: .calibration, description: "terminal half-life after patch removal, about 26 h (Butrans label; ±30 %)",
                             observed: 26, model: patchSummary.halfLife, tolerance: ExperimentSupport.betweenStudy(26), unit: "h"),
        ]
        let panels = [
            ExperimentPanel(title: "Buprenorphine single doses", xLabel: "time (h)", yLabel: "plasma buprenorphine (ng/mL)", logY: true,
                            curves: [ExperimentSupport.curve("1 mg IV", times, iv), ExperimentSupport.curve("2 mg sublingual", times, sl, dashed: true)]),
            ExperimentPanel(title: "Buprenorphine 20 ug/h patch, 7 days", xLabel: "time (h)", yLabel: "plasma buprenorphine (ng/mL)",
                            curves: [ExperimentSupport.curve("patch", patchTimes, patch)]),
        ]
        return ExperimentResult(name: "mendelson1997-buprenorphine-sublingual", targets: targets, panels: panels)
    }

    /// Nilsson MI, Anggård E, Holmstrand J, Gunne LM. "Pharmacokinetics of methadone during
    /// maintenance treatment." *Acta Anaesthesiol Scand Suppl* 1982;74 (authors [unverified];
    /// pk-more.md §1.3): oral F 79 ± 21 %. Validation: the Swiss label's half-life on chronic dosing,
    /// 25 h (13–47), and tmax ≈ 4 h.
    static let nilsson1982MethadonePK = Experiment(
        name: "nilsson1982-methadone-pk",
        description: "human methadone 10 mg oral vs IV: bioavailability; half-life and tmax against the label",
        citation: "Nilsson MI et al., Acta Anaesthesiol Scand Suppl 1982;74"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let times = gridHours(from: 0, to: 240, step: 1.0 / 6)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(10, .mg), route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(DoseAmount(10, .mg), route: .oral, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 24...168, what: "IV methadone")
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 24...168, what: "oral methadone")
        let targets = [
            ExperimentTarget(id: "bioavailability", kind: .calibration, description: "oral bioavailability (mean ± SD)",
                             observed: 0.79, model: oralSummary.aucToInfinity / ivSummary.aucToInfinity, tolerance: 0.21, unit: "fraction"),
            ExperimentTarget(id: "half-life", kind: .calibration, description: "half-life on chronic dosing, 25 h (13-47) (Swiss label)",
                             observed: 25, model: oralSummary.halfLife, tolerance: 12, unit: "h"),
            ExperimentTarget(id: "tmax", kind: .calibration, description: "oral tmax about 4 h (Swiss label; ±30 %)",
                             observed: 4, model: oralSummary.tmax, tolerance: ExperimentSupport.betweenStudy(4), unit: "h"),
        ]
        let panel = ExperimentPanel(title: "Methadone 10 mg", xLabel: "time (h)", yLabel: "plasma methadone (ng/mL)", logY: true,
                                    curves: [ExperimentSupport.curve("IV", times, iv), ExperimentSupport.curve("oral", times, oral, dashed: true)])
        return ExperimentResult(name: "nilsson1982-methadone-pk", targets: targets, panels: [panel])
    }
}
