import ConformanceModel

/// Cinder metadata of volumes and snapshots (EVS 8.2.2 and 8.2.4, v2 and v3), kept on the
/// stored resource, so that Cinder's metadata routes, Huawei's show and the Cinder show all
/// read the same pairs:
/// - `POST .../metadata` adds and overwrites the given keys, answers the body's `metadata`;
/// - `PUT .../metadata` replaces all of them;
/// - `GET .../metadata` lists them; `GET|PUT .../metadata/{key}` read or set one as `{"meta"}`;
/// - `DELETE .../metadata/{key}` removes one (an unknown key: EVS.5404).
enum CinderMetadataHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateVolumeMetadata", "CreateVolumeMetadataV2", "CreateSnapshotMetadata", "CreateSnapshotMetadataV2"], create),
        (["UpdateVolumeMetadata", "UpdateVolumeMetadataV2", "UpdateSnapshotMetadata", "UpdateSnapshotMetadataV2"], replace),
        (["ListVolumeMetadata", "ListVolumeMetadataV3", "ListSnapshotMetadata", "ListSnapshotMetadataV2"], list),
        (["ShowVolumeMetadataItem", "ShowVolumeMetadataItemV2", "ShowSnapshotMetadataItem", "ShowSnapshotMetadataItemV2"], showItem),
        (["UpdateVolumeMetadataItem", "UpdateVolumeMetadataItemV2", "UpdateSnapshotMetadataItem", "UpdateSnapshotMetadataItemV2"], updateItem),
        (["DeleteVolumeMetadataItem", "DeleteVolumeMetadataItemV2", "DeleteSnapshotMetadataItem", "DeleteSnapshotMetadataItemV2"], deleteItem),
    ]

    static let create: MockHandler = { context, state in
        let given = pairs(context.value(["metadata"]))
        guard let metadata = change(context, &state, { $0.merge(given) { $1 } }) else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["metadata": .stringMap(metadata)])
    }

    static let replace: MockHandler = { context, state in
        let given = pairs(context.value(["metadata"]))
        guard let metadata = change(context, &state, { $0 = given }) else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["metadata": .stringMap(metadata)])
    }

    static let list: MockHandler = { context, state in
        guard let metadata = change(context, &state, { _ in }) else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["metadata": .stringMap(metadata)])
    }

    static let showItem: MockHandler = { context, state in
        guard let key = context.parameters["key"], let value = change(context, &state, { _ in })?[key] else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["meta": .stringMap([key: value])])
    }

    static let updateItem: MockHandler = { context, state in
        guard let key = context.parameters["key"] else { return EVSVolumeHandlers.notFound(context) }
        let given = pairs(context.value(["meta"]))
        guard let metadata = change(context, &state, { $0.merge(given) { $1 } }) else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["meta": .stringMap([key: metadata[key] ?? given[key] ?? ""])])
    }

    static let deleteItem: MockHandler = { context, state in
        guard let key = context.parameters["key"], change(context, &state, { _ in })?[key] != nil else { return EVSVolumeHandlers.notFound(context) }
        _ = change(context, &state, { $0[key] = nil })
        return context.success()
    }

    /// The string pairs of a metadata object.
    static func pairs(_ value: JSONValue?) -> [String: String] {
        value?.objectValue?.compactMapValues(\.stringValue) ?? [:]
    }

    /// Applies `edit` to the metadata of the snapshot (`snapshot_id` in the path) or volume
    /// (`volume_id`) of the project and returns the result; nil when there is no such resource.
    static func change(_ context: MockContext, _ state: inout MockState, _ edit: (inout [String: String]) -> Void) -> [String: String]? {
        if let id = context.parameters["snapshot_id"] {
            return edited(&state.snapshots, id, context.project, edit)
        }
        return context.parameters["volume_id"].flatMap { edited(&state.volumes, $0, context.project, edit) }
    }

    private static func edited<Resource: MockMetadataHolder>(_ table: inout MockTable<Resource>, _ id: String, _ project: String,
                                                            _ edit: (inout [String: String]) -> Void) -> [String: String]? {
        guard var resource = table[id], resource.project == project else { return nil }
        var metadata = resource.metadata
        edit(&metadata)
        if metadata != resource.metadata {
            resource.metadata = metadata
            table[id] = resource
        }
        return metadata
    }
}

/// A stored resource with Cinder metadata: volumes and snapshots.
protocol MockMetadataHolder: MockIndexed {
    var project: String { get }
    var metadata: [String: String] { get set }
}

extension MockVolume: MockMetadataHolder {}
extension MockSnapshot: MockMetadataHolder {}
