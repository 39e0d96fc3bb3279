/// Automatic stiffness switching, the default method (`auto`): integrate with DOPRI5 while the
/// problem is non-stiff, switch to RODAS5 when stiffness is detected, and back when it passes.
///
/// - Explicit → stiff: Hairer's test on every DOPRI5 step, `h·ρ > 3.25` with
///   `ρ ≈ ‖k₇ − k₆‖/‖y₁ − Y₆‖` (the step is limited by stability, not accuracy); 15 such steps
///   without 6 non-stiff ones in a row between them declare the problem stiff (the rule of
///   Hairer's DOPRI5, *Solving ODEs II*, §IV.2). At tight tolerances a stiff problem can keep
///   DOPRI5 just inside its stability region, its step limited by the error of the fast modes
///   rather than by instability; so 50 consecutive steps with `h·ρ > 1.5` also trigger a trial of
///   the stiff method.
/// - Stiff → explicit: after each RODAS5 step, `h·‖J‖_∞` (an upper bound of `h·ρ(J)`) below 3 —
///   the explicit method would be stable at the stiff method's own step size, where it is
///   cheaper — for 15 consecutive steps. Using the norm makes the test conservative: it never
///   hands a stiff stretch to the explicit method. And a trial that does not pay: if after 20
///   steps the stiff method's steps are not longer than the explicit ones by the ratio of their
///   costs per step (`(8 + Jacobian cost)/6` right-hand sides), it hands back, and the next trial
///   needs twice as many steps of evidence.
///
/// A switch happens between steps: the other method restarts from the current point with the
/// current step size, and the dense output of the step just taken stays with the method that took
/// it. Statistics are the sum over both methods; ``switchCount`` and each method's own
/// statistics show how the work was shared.
public final class AutoSwitchingStepper<Problem: ODEProblem>: ODEStepper {
    /// The non-stiff method.
    public let explicitStepper: ExplicitRungeKuttaStepper<Problem, DormandPrince54>
    /// The stiff method.
    public let stiffStepper: Rodas5Stepper<Problem>
    /// Whether the stiff method takes the next step.
    private var _isStiff: Bool = false
    public var isStiff: Bool { _isStiff }
    /// Switches between the two methods since the last reset.
    private var _switchCount: Int = 0
    public var switchCount: Int { _switchCount }
    /// Switches over the stepper's whole life (restarts included).
    private var _totalSwitchCount: Int = 0
    public var totalSwitchCount: Int { _totalSwitchCount }

    static var stiffStepsToSwitch: Int { 15 }
    static var nonStiffStepsToForget: Int { 6 }
    static var explicitStabilityLimit: Double { 3.25 }
    static var stepsToSwitchBack: Int { 15 }
    static var switchBackLimit: Double { 3.0 }
    static var stiffishLimit: Double { 1.5 }
    static var trialSteps: Int { 20 }
    /// The most consecutive stiffish steps a trial of the stiff method may ask for: each trial
    /// that does not pay doubles the evidence the next needs, up to this (about a million steps,
    /// more than any segment takes), so a long segment of failed trials cannot overflow it.
    static var maximumStiffishStepsToTrial: Int { 1 << 20 }

    private var stiffCount = 0
    private var nonStiffCount = 0
    private var easyCount = 0
    private var stiffishCount = 0
    private var stiffishStepsToTrial = 50
    /// The explicit step size when the stiff method took over, and the stiff steps since.
    private var explicitStepAtSwitch = 0.0
    private var stiffStepsSinceSwitch = 0
    private var stiffStepSum = 0.0
    private var lastStepByStiff = false
    private var direction = 1.0
    private let n: Int

    public init(problem: Problem, options: SolverOptions) throws(ODESolverError) {
        explicitStepper = try ExplicitRungeKuttaStepper(problem: problem, options: options)
        stiffStepper = try Rodas5Stepper(problem: problem, options: options)
        n = problem.dimension
    }

    public var problem: Problem { explicitStepper.problem }
    public var time: Double { lastStepByStiff ? stiffStepper.time : explicitStepper.time }
    public var previousTime: Double { lastStepByStiff ? stiffStepper.previousTime : explicitStepper.previousTime }
    public var state: UnsafeBufferPointer<Double> { lastStepByStiff ? stiffStepper.state : explicitStepper.state }
    public var nextStepSize: Double { isStiff ? stiffStepper.nextStepSize : explicitStepper.nextStepSize }
    public var limitingComponent: Int { lastStepByStiff ? stiffStepper.limitingComponent : explicitStepper.limitingComponent }
    public var statistics: SolverStatistics { explicitStepper.statistics + stiffStepper.statistics }

    public func reset(time t0: Double, state y0: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError) {
        self.direction = direction
        try explicitStepper.reset(time: t0, state: y0, direction: direction)
        _isStiff = false
        lastStepByStiff = false
        stiffCount = 0
        nonStiffCount = 0
        easyCount = 0
        stiffishCount = 0
        stiffishStepsToTrial = 50
        _switchCount = 0
    }

    public func attemptStep(limit: Double) throws(ODESolverError) -> Bool {
        if isStiff != lastStepByStiff {
            // Hand over at the end of the last step.
            let from: any ODEStepper = lastStepByStiff ? stiffStepper : explicitStepper
            let hint = abs(from.nextStepSize)
            if isStiff {
                stiffStepper.stepSizeHint = hint
                try stiffStepper.reset(time: from.time, state: from.state, direction: direction)
            } else {
                explicitStepper.stepSizeHint = hint
                try explicitStepper.reset(time: from.time, state: from.state, direction: direction)
            }
            lastStepByStiff = isStiff
        }
        if isStiff {
            guard try stiffStepper.attemptStep(limit: limit) else { return false }
            let h = abs(stiffStepper.time - stiffStepper.previousTime)
            easyCount = h * stiffStepper.jacobianInfinityNorm < Self.switchBackLimit ? easyCount + 1 : 0
            stiffStepsSinceSwitch += 1
            stiffStepSum += h
            if easyCount >= Self.stepsToSwitchBack {
                switchTo(stiff: false)
            } else if stiffStepsSinceSwitch == Self.trialSteps {
                let jacobianCost = problem.providesJacobian ? 1.0 : Double(n)
                let costRatio = (8 + jacobianCost) / 6
                if stiffStepSum / Double(Self.trialSteps) < costRatio * explicitStepAtSwitch {
                    stiffishStepsToTrial = min(2 * stiffishStepsToTrial, Self.maximumStiffishStepsToTrial)
                    switchTo(stiff: false)
                }
            }
        } else {
            guard try explicitStepper.attemptStep(limit: limit) else { return false }
            let product = explicitStepper.lastStiffnessProduct
            if product > Self.explicitStabilityLimit {
                nonStiffCount = 0
                stiffCount += 1
            } else {
                nonStiffCount += 1
                if nonStiffCount >= Self.nonStiffStepsToForget { stiffCount = 0 }
            }
            stiffishCount = product > Self.stiffishLimit ? stiffishCount + 1 : 0
            if stiffCount >= Self.stiffStepsToSwitch || stiffishCount >= stiffishStepsToTrial {
                explicitStepAtSwitch = abs(explicitStepper.time - explicitStepper.previousTime)
                stiffStepsSinceSwitch = 0
                stiffStepSum = 0
                switchTo(stiff: true)
            }
        }
        return true
    }

    private func switchTo(stiff: Bool) {
        _isStiff = stiff
        stiffCount = 0
        nonStiffCount = 0
        easyCount = 0
        stiffishCount = 0
        _switchCount += 1
        _totalSwitchCount += 1
    }

    public func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>) {
        if lastStepByStiff {
            stiffStepper.interpolate(at: t, into: output)
        } else {
            explicitStepper.interpolate(at: t, into: output)
        }
    }
}
