import CLibXML2

/// Read-only helpers over libxml2 nodes that allocate nothing on the C side (no xmlGetProp,
/// so nothing to xmlFree).
public enum HTMLNode {
    /// The value of attribute `name` (ASCII, lowercase), or nil when absent.
    public static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let rawName = current.pointee.name, equalsIgnoringCase(rawName, name) {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All text below `node`, concatenated.
    static func textContent(_ node: xmlNodePtr) -> String {
        var result = ""
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                   let content = current.pointee.content {
                    result += String(cString: content)
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    walk(current)
                }
                child = current.pointee.next
            }
        }
        walk(node)
        return result
    }

    static func childCount(_ node: xmlNodePtr, named name: String) -> Int {
        var count = 0
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let rawName = current.pointee.name, equalsIgnoringCase(rawName, name) {
                count += 1
            }
            child = current.pointee.next
        }
        return count
    }

    private static func equalsIgnoringCase(_ raw: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var index = 0
        for expected in name.utf8 {
            var byte = raw[index]
            if byte == 0 { return false }
            if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            if byte != expected { return false }
            index += 1
        }
        return raw[index] == 0
    }
}
