/// The matrix exponential `exp(A)` of a small dense matrix by scaling and squaring with the
/// [13/13] Padé approximant (Higham, "The scaling and squaring method for the matrix exponential
/// revisited", *SIAM J. Matrix Anal. Appl.* 26 (2005) 1179–1193, Algorithm 2.3, with the θ₁₃
/// bound of its Table 2.3).
///
/// Accuracy: backward error below the unit roundoff for every matrix (Higham's analysis); for
/// the well-conditioned generators of compartment models the result is good to a few ulps.
/// Cost: about `(6 + ⌈log₂(‖A‖₁/θ₁₃)⌉) n³` flops.
public enum MatrixExponential {
    private static let coefficients: [Double] = [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ]
    private static let theta13 = 5.371920351148152

    /// `exp(matrix)` for an `n × n` matrix in column-major order.
    public static func exp(_ matrix: [Double], dimension n: Int) -> [Double] {
        precondition(matrix.count == n * n)
        var norm = 0.0
        for j in 0..<n {
            var column = 0.0
            for i in 0..<n { column += abs(matrix[i + j * n]) }
            norm = max(norm, column)
        }
        var squarings = 0
        var a = matrix
        if norm > theta13 {
            squarings = max(0, Int((norm / theta13).exponent) + 1)
            let scale = 1 / Double(sign: .plus, exponent: squarings, significand: 1)
            for k in a.indices { a[k] *= scale }
        }
        let b = coefficients
        let identity = (0..<(n * n)).map { $0 % (n + 1) == 0 ? 1.0 : 0.0 }
        let a2 = multiply(a, a, n), a4 = multiply(a2, a2, n), a6 = multiply(a4, a2, n)
        var inner = [Double](repeating: 0, count: n * n)
        for k in inner.indices { inner[k] = b[13] * a6[k] + b[11] * a4[k] + b[9] * a2[k] }
        var u = multiply(a6, inner, n)
        for k in u.indices { u[k] += b[7] * a6[k] + b[5] * a4[k] + b[3] * a2[k] + b[1] * identity[k] }
        u = multiply(a, u, n)
        for k in inner.indices { inner[k] = b[12] * a6[k] + b[10] * a4[k] + b[8] * a2[k] }
        var v = multiply(a6, inner, n)
        for k in v.indices { v[k] += b[6] * a6[k] + b[4] * a4[k] + b[2] * a2[k] + b[0] * identity[k] }
        // Solve (V − U) X = (V + U).
        let lu = DenseLU(dimension: n)
        for k in 0..<(n * n) { lu.matrix[k] = v[k] - u[k] }
        var result = [Double](repeating: .nan, count: n * n)
        guard lu.factor() else { return result }
        for j in 0..<n {
            var column = (0..<n).map { v[$0 + j * n] + u[$0 + j * n] }
            column.withUnsafeMutableBufferPointer { lu.solve($0.baseAddress!) }
            for i in 0..<n { result[i + j * n] = column[i] }
        }
        for _ in 0..<squarings { result = multiply(result, result, n) }
        return result
    }

    static func multiply(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for k in 0..<n {
                let factor = b[k + j * n]
                if factor == 0 { continue }
                for i in 0..<n { c[i + j * n] += a[i + k * n] * factor }
            }
        }
        return c
    }
}
