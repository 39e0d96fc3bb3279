/// Every experiment Wean can rerun, in the order `wean experiment list` prints them.
public enum ExperimentCatalogue {
    public static let all: [Experiment] = [
        .stuartHarris2000MorphinePK,
        .leow1992OxycodonePK,
        .westerling1996HydromorphonePK,
        .nilsson1982MethadonePK,
        .lintz1998TramadolPK,
        .gohler2013TapentadolPK,
        .mendelson1997BuprenorphineSublingual,
        .varvel1989FentanylPatch,
        .ekblom1993MorphineClearance,
        .iwamoto1977MorphineOral,
        .morgan2006TailWithdrawalED50,
        .ekblom1993Infusion,
        .ouellet1995InfusionTolerance,
        .dicesaremannelli2015PEATolerance,
        .dicesaremannelli2018ToleranceRecovery,
        .johnston2004IL1ra,
        .raghavendra2004GliaTolerance,
        .ferrini2013BDNFKnockout,
        .mousePelletED50,
        .singleDoseToleranceCourse,
        .abbott1982EscalationTolerance,
        .chu2006HumanOIH,
        .cepeda2010StableDose,
        .kolb1938MorphineAbstinence,
        .dyer1999MethadoneInterdose,
        .gossop1987MethadoneDetoxification,
        .martin1973MethadoneAbstinence,
        .stitzer1991PrecipitatedWithdrawal,
        .elsevier2019WithdrawalCourses,
        .vinik1998RemifentanilAcuteTolerance,
        .gustorff2002RemifentanilNoAcuteTolerance,
        .lee2009LungKinetics,
        .hua2016MSCPrevention,
        .hua2016MSCReversal,
        .cheng2017CCIMSC,
        .chen2015IntrathecalBMSC,
    ]

    /// The experiment called `name`.
    public static func named(_ name: String) -> Experiment? { all.first { $0.name == name } }
}
