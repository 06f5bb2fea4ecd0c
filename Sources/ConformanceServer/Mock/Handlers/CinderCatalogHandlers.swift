import Foundation
import ConformanceModel

/// The read-only documents of the Cinder-compatible API: the version documents (EVS 5.1, 5.2,
/// 8.2.5) and the volume types (8.2.6), built from the docs rather than synthesized, because
/// clients act on them: openstacksdk and python-cinderclient choose their API version from the
/// version document, and create volumes of a type the type list names.
enum CinderCatalogHandlers {
    static let table: [([String], MockHandler)] = [
        (["ListRoot", "ListRoot2"], listVersions),
        (["ShowRoot", "ShowRoot2"], showVersion),
        (["ListTypes", "ListTypesV2"], listTypes),
        (["ShowType", "ShowTypeV2"], showType),
    ]

    /// `GET /`: every version, 300 Multiple Choices (5.1 状态码 "正常 300", 8.2.5.2 状态码 300).
    static let listVersions: MockHandler = { context, _ in
        .success(status: 300, body: ["versions": .array(MockVersions.entries(context))])
    }

    /// `GET /{version}` (5.2, 8.2.5.1): that version's entry alone, as the 8.2.5.1 example shows
    /// for `v2`; a version the documents do not list is a path nobody publishes (APIGW.0101).
    static let showVersion: MockHandler = { context, _ in
        let asked = context.parameters["version"] ?? context.parameters["api_version"] ?? ""
        let entries = MockVersions.entries(context).filter { entry in
            guard let id = entry["id"]?.stringValue else { return false }
            return id == asked || id.hasPrefix(asked + ".")
        }
        guard !entries.isEmpty else { return .error(code: "APIGW.0101", status: 404, message: "The API does not exist or has not been published in the environment") }
        return .success(status: 200, body: ["versions": .array(entries)])
    }

    /// 8.2.6.1 查询云硬盘类型列表: one type per value the docs give for `volume_type`.
    static let listTypes: MockHandler = { context, _ in
        let shape = MockShape(context, status: 200, path: ["volume_types"])
        return .success(status: 200, body: ["volume_types": .array(MockVolumeTypes.names(context.service.spec).map { shape.render(MockVolumeTypes.members($0)) })])
    }

    /// 8.2.6.2 查询单个云硬盘类型详情, by id or by name (Cinder takes both).
    static let showType: MockHandler = { context, _ in
        let asked = context.parameters["type_id"] ?? ""
        guard let name = MockVolumeTypes.names(context.service.spec).first(where: { $0 == asked || MockVolumeTypes.id($0) == asked }) else {
            return EVSVolumeHandlers.notFound(context)
        }
        return .success(status: 200, body: ["volume_type": MockShape(context, status: 200, path: ["volume_type"]).render(MockVolumeTypes.members(name))])
    }
}

/// The version document: the fullest example the docs give for `GET /` (8.2.5.2 lists v1.0,
/// v2.0 and v3.0, with v3.0 `CURRENT`, microversions "3.0" to "3.0"), its `self` links
/// pointing at the mock (the example's `https://evs.localdomain.com` stands for the endpoint).
enum MockVersions {
    static func entries(_ context: MockContext) -> [JSONValue] {
        let examples = context.service.spec.operations.filter { $0.method == "GET" && $0.path == "/" }.flatMap(\.examples)
        let lists = examples.compactMap { $0.value?["versions"]?.arrayValue }
        let entries = lists.max { $0.count < $1.count } ?? []
        return entries.map { entry in
            guard let links = entry["links"]?.arrayValue else { return entry }
            return entry.mockSetting(["links"], to: .array(links.map { link in
                guard link["rel"]?.stringValue == "self", let href = link["href"]?.stringValue, let slash = href.range(of: "/", options: .backwards) else { return link }
                return link.mockSetting(["href"], to: .string(context.origin + href[slash.lowerBound...]))
            }))
        }
    }
}

/// Volume types: the values the docs give for a create request's `volume_type` (EVS 6.1.1
/// 表 6-5 and 8.2.1.1: SATA, SAS, GPSSD, SSD, ESSD, GPSSD2, ESSD2), each with a stable id.
enum MockVolumeTypes {
    static func names(_ spec: ServiceSpec) -> [String] {
        for operation in spec.operations where operation.method == "POST" {
            let volume = operation.requestBody?.properties.first { $0.name == "volume" }?.schema
            if let values = volume?.properties.first(where: { $0.name == "volume_type" })?.schema.enumeration, !values.isEmpty { return values }
        }
        return []
    }

    /// A UUID-shaped id that is the same for a name in every run (FNV-1a of the name).
    static func id(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash & 0xffff_ffff_ffff, radix: 16)
        return "74797065-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    static func members(_ name: String) -> [String: JSONValue] {
        ["id": .string(id(name)), "name": .string(name), "is_public": .bool(true), "description": .string(""),
         "extra_specs": ["volume_backend_name": .string(name)]]
    }
}
