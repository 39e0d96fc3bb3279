import Foundation
import PackagePlugin

/// Build-tool plugin: every `.wean` file in a target becomes a native Swift type (`wean-codegen`),
/// compiled into that target — how the package's own models run at compiled speed while users'
/// models use the evaluator.
@main
struct WeanModelCompiler: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "wean-codegen")
        return target.sourceFiles(withSuffix: "wean").map { file in
            let name = file.url.deletingPathExtension().lastPathComponent
            let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(name).generated.swift")
            return .buildCommand(
                displayName: "Compiling model \(file.url.lastPathComponent) to Swift",
                executable: tool.url,
                arguments: [file.url.path, output.path],
                inputFiles: [file.url],
                outputFiles: [output])
        }
    }
}
