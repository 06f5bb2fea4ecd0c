import ConformanceModel

/// Compares the responses of one operation on two sides: statuses, bodies and headers.
enum ResponseChanges {
    static func compare(old: Operation, new: Operation, into log: inout ChangeLog) {
        let newStatuses = Set(new.responses.map(\.status))
        let oldStatuses = Set(old.responses.map(\.status))
        for response in old.responses where !newStatuses.contains(response.status) {
            log.add(response.isSuccess ? .responseSuccessStatusRemoved : .responseNonSuccessStatusRemoved, pointer: "", status: response.status,
                    old: .integer(response.status),
                    oldSource: ChangeSource(response.source ?? old.source, quote: response.description),
                    newSource: ChangeSource(new.source, absent: true),
                    message: "the \(response.isSuccess ? "success" : "error") status \(response.status) is no longer documented"
                        + (response.isSuccess ? successNote(new) : ""))
        }
        for response in new.responses where !oldStatuses.contains(response.status) {
            log.add(response.isSuccess ? .responseSuccessStatusAdded : .responseNonSuccessStatusAdded, pointer: "", status: response.status,
                    new: .integer(response.status),
                    oldSource: ChangeSource(old.source, absent: true),
                    newSource: ChangeSource(response.source ?? new.source, quote: response.description),
                    message: "a new \(response.isSuccess ? "success" : "error") status \(response.status)")
        }
        for newResponse in new.responses {
            guard let oldResponse = old.response(for: newResponse.status) else { continue }
            compareBody(oldResponse, newResponse, old: old, new: new, into: &log)
            compareHeaders(oldResponse, newResponse, old: old, new: new, into: &log)
        }
    }

    private static func successNote(_ new: Operation) -> String {
        let statuses = new.responses.filter(\.isSuccess).map { String($0.status) }
        return statuses.isEmpty ? "" : " (NEW documents \(statuses.joined(separator: ", ")))"
    }

    private static func compareBody(_ oldResponse: Response, _ newResponse: Response, old: Operation, new: Operation, into log: inout ChangeLog) {
        let status = newResponse.status
        switch (oldResponse.body, newResponse.body) {
        case (nil, nil):
            return
        case (.some(let body), nil):
            log.add(.responseBodyRemoved, pointer: "", status: status, old: .string(SchemaChanges.typeText(body)),
                    oldSource: ChangeSource(body.source ?? oldResponse.source ?? old.source, quote: body.docType),
                    newSource: ChangeSource(newResponse.source ?? new.source, absent: true),
                    message: "the \(status) response no longer documents a body")
        case (nil, .some(let body)):
            log.add(.responseBodyAdded, pointer: "", status: status, new: .string(SchemaChanges.typeText(body)),
                    oldSource: ChangeSource(oldResponse.source ?? old.source, absent: true),
                    newSource: ChangeSource(body.source ?? newResponse.source ?? new.source, quote: body.docType),
                    message: "the \(status) response now documents a body")
        case (.some(let oldBody), .some(let newBody)):
            SchemaChanges.compare(oldBody, newBody, pointer: "", side: .response(status), into: &log)
        }
    }

    private static func compareHeaders(_ oldResponse: Response, _ newResponse: Response, old: Operation, new: Operation, into log: inout ChangeLog) {
        let status = newResponse.status
        let newNames = Set(newResponse.headers.map { $0.name.lowercased() })
        let oldNames = Set(oldResponse.headers.map { $0.name.lowercased() })
        for header in oldResponse.headers where !newNames.contains(header.name.lowercased()) {
            log.add(header.required ? .requiredResponseHeaderRemoved : .optionalResponseHeaderRemoved, pointer: Pointer.appending("/header", header.name),
                    status: status, old: .string(header.name),
                    oldSource: ChangeSource(header.schema.source ?? oldResponse.source ?? old.source),
                    newSource: ChangeSource(newResponse.source ?? new.source, absent: true),
                    message: "the \(status) response header \(header.name) is gone")
        }
        for header in newResponse.headers where !oldNames.contains(header.name.lowercased()) {
            log.add(.responseHeaderAdded, pointer: Pointer.appending("/header", header.name), status: status, new: .string(header.name),
                    oldSource: ChangeSource(oldResponse.source ?? old.source, absent: true),
                    newSource: ChangeSource(header.schema.source ?? newResponse.source ?? new.source),
                    message: "a new \(status) response header \(header.name)")
        }
    }
}
