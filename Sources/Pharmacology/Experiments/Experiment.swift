/// A published design rerun on the model, with the numbers the paper reports as targets.
///
/// Experiments change only the design (doses, times, routes, weights), never model parameters:
/// one parameter set per species (DESIGN.md §5). Names are `<firstauthor><year>-<what>` in lower
/// case.
public struct Experiment: Sendable {
    public let name: String
    /// One line: what the design is and what is compared.
    public let description: String
    /// The study, as authors, year, journal.
    public let citation: String
    let body: @Sendable () throws(PharmacologyError) -> ExperimentResult

    init(name: String, description: String, citation: String,
         run body: @escaping @Sendable () throws(PharmacologyError) -> ExperimentResult) {
        self.name = name
        self.description = description
        self.citation = citation
        self.body = body
    }

    /// Runs the design on the model and grades every target.
    public func run() throws(PharmacologyError) -> ExperimentResult { try body() }
}

/// A published number, the model's value for it, and how close the model must come.
public struct ExperimentTarget: Sendable, Codable, Equatable {
    /// `calibration`: the parameters were chosen to meet it. `validation`: not used to choose any
    /// parameter — the model must reach it on its own.
    public enum Kind: String, Sendable, Codable {
        case calibration, validation
    }

    public var id: String
    public var kind: Kind
    public var description: String
    public var observed: Double
    public var model: Double
    /// Largest accepted |model − observed|, in `unit`.
    public var tolerance: Double
    public var unit: String

    /// Whether the model is within tolerance of the observation (a non-finite model value fails).
    public var pass: Bool { model.isFinite && abs(model - observed) <= tolerance }

    public init(id: String, kind: Kind, description: String, observed: Double, model: Double, tolerance: Double, unit: String) {
        self.id = id
        self.kind = kind
        self.description = description
        self.observed = observed
        self.model = model
        self.tolerance = tolerance
        self.unit = unit
    }

    /// Between-study tolerance for a mean reported without a spread, or from another study than
    /// the one the parameters came from: ±30 % of the observed value — the coefficient of
    /// variation of morphine clearance between healthy volunteers is 26 % (Stuart-Harris 2000:
    /// 1584 ± 408 ml/min), and study means differ by about as much.
    public static let betweenStudyRelativeTolerance = 0.30
}

/// The outcome of an experiment: its targets and what to plot.
public struct ExperimentResult: Sendable {
    public var name: String
    public var targets: [ExperimentTarget]
    public var panels: [ExperimentPanel]

    /// Whether every target passes.
    public var pass: Bool { targets.allSatisfy(\.pass) }
}

/// One plot of an experiment: model curves and observed points, in the units of the axes.
public struct ExperimentPanel: Sendable {
    /// A model curve.
    public struct Curve: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var dashed: Bool = false
    }

    /// Observed values with optional error bars (`lower`, `upper` absolute).
    public struct Observations: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var lower: [Double]?
        public var upper: [Double]?
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Doses span decades: a logarithmic dose axis.
    public var logX: Bool = false
    public var logY: Bool = false
    public var curves: [Curve]
    public var observations: [Observations] = []
}
