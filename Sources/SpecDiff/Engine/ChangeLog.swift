import ConformanceModel

/// Collects the changes of one diff, with the operation they belong to.
struct ChangeLog {
    /// The operation the changes being added belong to.
    var operation: String?
    var route: String?
    private(set) var changes: [SpecChange] = []

    mutating func add(_ check: ChangeCheck, location: ChangeCheck.Location? = nil, pointer: String, status: Int? = nil, old: JSONValue? = nil, new: JSONValue? = nil,
                      oldSource: ChangeSource, newSource: ChangeSource, message: String) {
        changes.append(SpecChange(check, location: location, operation: operation, route: route, pointer: pointer, status: status, old: old, new: new,
                                  oldSource: oldSource, newSource: newSource, message: message))
    }

    /// Runs `body` with the operation context set, then restores the previous one.
    mutating func within(operation: String?, route: String?, _ body: (inout ChangeLog) -> Void) {
        let saved = (self.operation, self.route)
        self.operation = operation
        self.route = route
        body(&self)
        (self.operation, self.route) = saved
    }
}

/// Pointer helpers: RFC 6901 escaping of member names.
enum Pointer {
    static func appending(_ pointer: String, _ name: String) -> String {
        pointer + "/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
