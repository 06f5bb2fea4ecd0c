/// Changes to operations as a whole. Operations are matched by method, path template with the
/// placeholder names left out, and action (`SpecDiff.matchOperations`), then by id.
extension ChangeCheck {
    /// A documented operation of NEW that OLD does not document. oasdiff: `endpoint-added` (info).
    public static let endpointAdded = ChangeCheck(
        "endpoint-added", .info, .operation,
        "An operation is documented in NEW and not in OLD.",
        detail: "New operations break nothing a client already does.")

    /// An operation of OLD that NEW no longer documents, and that OLD did not mark deprecated.
    public static let apiRemovedWithoutDeprecation = ChangeCheck(
        "api-removed-without-deprecation", .breaking, .operation,
        "An operation OLD documents (not deprecated) is gone from NEW.",
        detail: "A client that calls it has nothing to call. Matched by method, path template and action, then by id; an operation whose route changed but whose id stayed is `api-path-changed` instead.")

    /// An operation of OLD, marked deprecated there (`(废弃)`), that NEW no longer documents.
    public static let apiRemovedWithDeprecation = ChangeCheck(
        "api-removed-with-deprecation", .warning, .operation,
        "An operation OLD marks deprecated is gone from NEW.",
        detail: "oasdiff reports this as info because the deprecation announced it; it is a warning here because vendor docs deprecate without a sunset date, so a client may still call it.")

    /// The same operation (same id) on another method or path template.
    public static let apiPathChanged = ChangeCheck(
        "api-path-changed", .breaking, .operation,
        "An operation (same id) moved to another method or path.",
        detail: "A client sends to the old route, which NEW does not document. Operations are paired by id only after route matching found no partner, so the rest of the operation is still compared.")

    /// NEW marks an operation deprecated that OLD did not. oasdiff: `endpoint-deprecated` (info).
    public static let endpointDeprecated = ChangeCheck(
        "endpoint-deprecated", .warning, .operation,
        "NEW marks the operation deprecated.",
        detail: "A warning (oasdiff: info) as the issue classifies deprecation: nothing breaks yet, but the operation may go without a date.")

    /// NEW no longer marks an operation deprecated that OLD did. oasdiff: `endpoint-reactivated`.
    public static let endpointReactivated = ChangeCheck(
        "endpoint-reactivated", .info, .operation,
        "NEW no longer marks the operation deprecated.",
        detail: "The extend page (000_*) and its twin in the EVS reference (§8.2.1.21) disagree in just this way.")

    /// The operation id changed while the route stayed. oasdiff: `api-operation-id-removed`.
    public static let apiOperationIDRemoved = ChangeCheck(
        "api-operation-id-removed", .warning, .operation,
        "The operation's id changed (same route).",
        detail: "A warning (oasdiff: info): ids come from the SDK sample names where the docs show one, so a renamed SDK method breaks SDK users, and golden folders and generated Swift are named by it. An id can also change because another operation took it (`ExtendVolumeV2`).")

    /// A path placeholder got another name, same position (`{volume_id}` → `{id}`).
    public static let requestPathParameterRenamed = ChangeCheck(
        "request-path-parameter-renamed", .info, .operation,
        "A path placeholder was renamed.",
        detail: "The route is the same: path parameters are matched by their position in the template, not by name.")

    /// NEW adds a constraint sentence (接口约束) to the operation.
    public static let apiConstraintAdded = ChangeCheck(
        "api-constraint-added", .warning, .operation,
        "NEW states a constraint sentence OLD does not.",
        detail: "Constraint sentences (接口约束) restrict when a call is accepted; the tool cannot tell from the words alone whether a working client is affected.")

    /// OLD's constraint sentence is gone from NEW.
    public static let apiConstraintRemoved = ChangeCheck(
        "api-constraint-removed", .info, .operation,
        "A constraint sentence of OLD is gone from NEW.",
        detail: "Fewer stated constraints accept more calls; a rewording shows as one removed and one added sentence.")

    /// The operation's title or summary (功能介绍) changed.
    public static let apiDescriptionChanged = ChangeCheck(
        "api-description-changed", .info, .operation,
        "The operation's title or summary changed.",
        detail: "Compared with white space folded; words only.")
}
