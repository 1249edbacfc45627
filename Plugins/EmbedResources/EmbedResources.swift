import Foundation
import PackagePlugin

/// Embeds data files into the module that uses this plugin, so the installed binary needs no
/// resource bundle next to it: `Themes/*.toml` for Theming, `Articles/*` for DemoLibrary.
/// The files stay the one source of truth; the generated Swift is rebuilt when they change.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let folder: URL = target.name == "Theming"
            ? context.package.directoryURL.appending(path: "Themes")
            : module.directoryURL.appending(path: "Articles")
        let inputs = ((try? FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) files into \(target.name)",
            executable: try context.tool(named: "ResourceEmbedder").url,
            arguments: [output.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
