/// In-place LU factorisation with partial (row) pivoting of a small dense `n × n` matrix, and
/// solves with the factors — the linear algebra of the stiff methods' Newton iterations.
///
/// `P A = L U` with unit lower-triangular `L` and upper-triangular `U` stored over `A`
/// (column-major: element `(i, j)` at `i + j n`), Doolittle ordering by columns (Golub & Van
/// Loan, *Matrix Computations*, 4th ed., Alg. 3.4.1, "gaxpy" form), `2n³/3` flops. Storage is
/// allocated once at creation; `factor` and `solve` allocate nothing.
///
/// Accuracy: backward stable in practice (growth factor bounded by `2^(n−1)`, rarely above 10).
/// A zero pivot makes `factor` return `false` (the matrix is singular to working precision in
/// that column); the stiff methods then shrink the step, which moves the iteration matrix
/// `I − γhJ` towards the identity.
public final class DenseLU {
    /// Order of the matrix.
    public let dimension: Int
    /// The matrix, then its factors, column-major.
    public let matrix: UnsafeMutablePointer<Double>
    private let pivots: UnsafeMutablePointer<Int>

    public init(dimension: Int) {
        precondition(dimension >= 1)
        self.dimension = dimension
        matrix = .allocate(capacity: dimension * dimension)
        matrix.initialize(repeating: 0, count: dimension * dimension)
        pivots = .allocate(capacity: dimension)
        pivots.initialize(repeating: 0, count: dimension)
    }

    deinit {
        matrix.deallocate()
        pivots.deallocate()
    }

    /// Factors `matrix` in place. Returns `false` if a pivot is zero or not finite.
    @discardableResult
    public func factor() -> Bool {
        let n = dimension
        let a = matrix
        for k in 0..<n {
            let column = a + k * n
            // Pivot: the largest magnitude in column k at or below the diagonal.
            var p = k
            var largest = abs(column[k])
            for i in (k + 1)..<n where abs(column[i]) > largest {
                largest = abs(column[i])
                p = i
            }
            pivots[k] = p
            guard largest != 0, largest.isFinite else { return false }
            if p != k {
                for j in 0..<n { swapAt(a + j * n, p, k) }
            }
            let inverse = 1 / column[k]
            for i in (k + 1)..<n { column[i] *= inverse }
            // Rank-1 update of the trailing submatrix, column by column.
            for j in (k + 1)..<n {
                let target = a + j * n
                let factor = target[k]
                if factor != 0 {
                    for i in (k + 1)..<n { target[i] -= factor * column[i] }
                }
            }
        }
        return true
    }

    @inline(__always)
    private func swapAt(_ base: UnsafeMutablePointer<Double>, _ i: Int, _ j: Int) {
        let t = base[i]
        base[i] = base[j]
        base[j] = t
    }

    /// Solves `A x = b` with the factors, overwriting `b` with `x`.
    public func solve(_ b: UnsafeMutablePointer<Double>) {
        let n = dimension
        let a = matrix
        for k in 0..<n {
            let p = pivots[k]
            if p != k { swapAt(b, p, k) }
        }
        // L y = P b (unit diagonal), column-oriented.
        for k in 0..<n {
            let value = b[k]
            if value != 0 {
                let column = a + k * n
                for i in (k + 1)..<n { b[i] -= value * column[i] }
            }
        }
        // U x = y.
        var k = n - 1
        while k >= 0 {
            let column = a + k * n
            b[k] /= column[k]
            let value = b[k]
            if value != 0 {
                for i in 0..<k { b[i] -= value * column[i] }
            }
            k -= 1
        }
    }
}
