/// How the versions of one operation are told apart from other operations, and which header an
/// operation documents as its idempotency token.
extension Operation {
    /// An operation id without its version or deprecation suffix (`ExtendVolumeV2`,
    /// `ExtendVolumeDeprecated` → `ExtendVolume`): the versions of an operation take one
    /// request and make one kind of resource.
    public static func family(of id: String) -> String {
        var name = Substring(id)
        if name.hasSuffix("Deprecated") { name = name.dropLast("Deprecated".count) }
        let digits = name.reversed().prefix { $0.isNumber }.count
        if digits > 0, name.dropLast(digits).hasSuffix("V") { name = name.dropLast(digits + 1) }
        return String(name)
    }

    /// The header the operation documents as its idempotency token: one whose description calls
    /// it that (EVS 6.1.1 `X-Client-Token` "请求的幂等标识"; "idempotent" in English docs), nil
    /// when it has none.
    public var idempotencyHeader: Parameter? {
        parameters(in: .header).first { parameter in
            let description = parameter.schema.description ?? ""
            return description.contains("幂等") || description.lowercased().contains("idempoten")
        }
    }
}
