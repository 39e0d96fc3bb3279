import Foundation

/// The ordinary least-squares slope of `ys` against `xs` (equally long): Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²;
/// `nil` when the `xs` do not vary. Summed about the means, so the slope keeps its accuracy when
/// the `xs` sit far from zero (hours into a year-long design).
func leastSquaresSlope(_ xs: [Double], _ ys: [Double]) -> Double? {
    let n = Double(xs.count)
    let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for (x, y) in zip(xs, ys) {
        sxy += (x - mx) * (y - my)
        sxx += (x - mx) * (x - mx)
    }
    return sxx > 0 ? sxy / sxx : nil
}
