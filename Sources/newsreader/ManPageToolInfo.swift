import Foundation

/// The part of argument-parser's tool description the man page uses (`ToolInfoV0`).
struct ToolInfo: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?

        var isVisible: Bool { shouldDisplay != false && commandName != "help" }
        var visibleSubcommands: [Command] { subcommands?.filter(\.isVisible) ?? [] }
        /// Options a user types: not hidden ones, not --help/--version (said once for all).
        var visibleArguments: [Argument] {
            (arguments ?? []).filter { argument in
                argument.shouldDisplay && !(argument.names ?? []).contains { ["help", "version"].contains($0.name) }
            }
        }
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?
    }

    var serializationVersion: Int
    var command: Command
}
