import ConformanceModel

/// The members the store knows of each resource, under the names the docs give them. Every
/// route renders from these through its own ``MockShape``, which keeps the members it
/// documents and types them as it documents them.
extension MockVolume {
    func members(_ context: MockContext) -> [String: JSONValue] {
        let link = "\(context.origin)/\(context.target.path.split(separator: "/").first ?? "v3")/\(project)/volumes/\(id)"
        return [
            "id": .string(id), "name": .string(name), "status": .string(status), "size": .integer(size),
            "volume_type": .string(volumeType), "availability_zone": .string(zone),
            "created_at": .string(createdAt), "updated_at": .string(updatedAt), "description": .string(description),
            "metadata": .stringMap(metadata), "tags": .stringMap(tags),
            "multiattach": .bool(multiattach), "shareable": .bool(multiattach),
            "bootable": .bool(bootable), "encrypted": .bool(false),
            "snapshot_id": snapshotID.map(JSONValue.string) ?? .null,
            "source_volid": .null, "consistencygroup_id": .null, "volume_image_metadata": .null,
            "os-vol-tenant-attr:tenant_id": .string(project),
            "links": [["href": .string(link), "rel": "self"], ["href": .string(link), "rel": "bookmark"]],
            "attachments": .array(attachments.map { attachment in
                [
                    "id": .string(id), "attachment_id": .string(attachment.id), "volume_id": .string(id),
                    "server_id": .string(attachment.serverID), "device": .string(attachment.device),
                    "attached_at": .string(attachment.attachedAt),
                ]
            }),
        ]
    }
}

extension MockSnapshot {
    func members(_ context: MockContext) -> [String: JSONValue] {
        [
            "id": .string(id), "name": .string(name), "description": .string(description), "status": .string(status),
            "volume_id": .string(volumeID), "size": .integer(size), "metadata": .stringMap(metadata),
            "created_at": .string(createdAt), "updated_at": .string(updatedAt.isEmpty ? createdAt : updatedAt),
            "os-extended-snapshot-attributes:project_id": .string(project),
            "os-extended-snapshot-attributes:progress": .string(status == "available" ? "100%" : "0%"),
        ]
    }
}
