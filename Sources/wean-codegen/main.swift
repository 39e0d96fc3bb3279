// wean-codegen INPUT.wean OUTPUT.swift: compiles a model and writes it as native Swift
// (`SwiftCodeGenerator`). Run by the WeanModelCompiler build-tool plugin for the package's own
// models; errors are printed as FILE:LINE:COLUMN: error: MESSAGE and fail the build.

import Foundation
import ModelLanguage

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: wean-codegen INPUT.wean OUTPUT.swift\n".utf8))
    exit(64)
}
let input = URL(fileURLWithPath: arguments[1]), output = URL(fileURLWithPath: arguments[2])
guard let data = FileManager.default.contents(atPath: input.path), let text = String(data: data, encoding: .utf8) else {
    FileHandle.standardError.write(Data("wean-codegen: cannot read \(input.path) as UTF-8 text\n".utf8))
    exit(1)
}
do {
    let compiled = try ModelCompiler.compile(source: text, file: input.path)
    let swift = SwiftCodeGenerator.generate(
        compiled, typeName: SwiftCodeGenerator.typeName(forFile: input.lastPathComponent), source: text, fileName: input.lastPathComponent)
    if FileManager.default.contents(atPath: output.path) != Data(swift.utf8) {
        try Data(swift.utf8).write(to: output)
    }
} catch let errors as ModelErrors {
    FileHandle.standardError.write(Data((errors.description + "\n").utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("wean-codegen: \(error)\n".utf8))
    exit(1)
}
