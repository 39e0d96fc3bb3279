import ArgumentParser
import Foundation
import ModelLanguage

/// Reads and compiles a model file for a command, turning every failure into a message on
/// standard error and a non-zero exit.
enum ModelLoading {
    static func source(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read model file '\(path)': no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("model file '\(path)' is not UTF-8 text")
        }
        return text
    }

    /// Compiles the model at `path`; on errors prints them all and exits with status 1.
    static func compile(_ path: String) throws -> CompiledModel {
        let text = try source(at: path)
        do {
            return try ModelCompiler.compile(source: text, file: path)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            let count = error.diagnostics.count
            FileHandle.standardError.write(Data("\(count) error\(count == 1 ? "" : "s") in \(path)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Numbers in the shortest form that reads back to the same `Double` (`1`, `0.25`, `1e-05`).
func shortest(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == value.rounded(), abs(value) < 1e15 {
        return value == 0 ? "0" : String(Int64(value))
    }
    return "\(value)"
}
