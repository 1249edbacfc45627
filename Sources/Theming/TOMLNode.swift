import TOMLKit

/// A parsed TOML value as a plain Swift value (TOMLKit's tables wrap C++ objects that are not
/// `Sendable`); tables keep the `key → value` pairs in the order TOMLKit gives them.
public indirect enum TOMLNode: Sendable {
    case table([(key: String, value: TOMLNode)])
    case array([TOMLNode])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// Dates and times: nothing here takes them; kept only to name their type in a warning.
    case other(String)

    /// Parses a whole document; a syntax error comes back with its line.
    public static func parse(_ text: String) -> Result<[(key: String, value: TOMLNode)], TOMLSyntaxError> {
        // toml++ aborts the process on some malformed documents instead of throwing.
        if let problem = TOMLStructureCheck.firstProblem(in: text) { return .failure(problem) }
        do {
            let table = try TOMLTable(string: text)
            return .success(convert(table))
        } catch let error as TOMLParseError {
            return .failure(TOMLSyntaxError(line: error.source.begin.line, message: error.description))
        } catch {
            return .failure(TOMLSyntaxError(line: nil, message: "\(error)"))
        }
    }

    private static func convert(_ table: TOMLTable) -> [(key: String, value: TOMLNode)] {
        var pairs: [(key: String, value: TOMLNode)] = []
        for (key, value) in table { pairs.append((key, convert(value))) }
        return pairs
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table: return value.table.map { .table(convert($0)) } ?? .other("table")
        case .array: return value.array.map { .array($0.map(convert)) } ?? .other("array")
        case .string: return value.string.map(TOMLNode.string) ?? .other("string")
        case .int: return value.int.map(TOMLNode.int) ?? .other("integer")
        case .double: return value.double.map(TOMLNode.double) ?? .other("float")
        case .bool: return value.bool.map(TOMLNode.bool) ?? .other("boolean")
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }

    /// The value's type as a user reads it in a warning.
    public var typeName: String {
        switch self {
        case .table: return "table"
        case .array: return "array"
        case .string: return "string"
        case .int: return "integer"
        case .double: return "float"
        case .bool: return "boolean"
        case .other(let name): return name
        }
    }
}

public struct TOMLSyntaxError: Error, Sendable {
    public var line: Int?
    public var message: String
}
