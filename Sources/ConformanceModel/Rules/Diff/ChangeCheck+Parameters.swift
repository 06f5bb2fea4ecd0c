/// Changes to path, query and header parameters. Path parameters are matched by their position in
/// the path template, query parameters by name, headers by name without case.
extension ChangeCheck {
    /// A required parameter NEW documents and OLD does not. oasdiff: `new-required-request-parameter`.
    public static let newRequiredRequestParameter = ChangeCheck(
        "new-required-request-parameter", .breaking, .parameters,
        "A new required parameter.",
        detail: "A client written against OLD does not send it.")

    /// An optional parameter NEW documents and OLD does not. oasdiff: `new-optional-request-parameter`.
    public static let newOptionalRequestParameter = ChangeCheck(
        "new-optional-request-parameter", .info, .parameters,
        "A new optional parameter.",
        detail: "Nothing a client sends stops working.")

    /// A parameter OLD documents is gone from NEW. oasdiff: `request-parameter-removed` (warning).
    public static let requestParameterRemoved = ChangeCheck(
        "request-parameter-removed", .warning, .parameters,
        "A parameter OLD documents is gone from NEW.",
        detail: "The server may ignore it or reject it; the docs do not say which.")

    /// An optional parameter became required. oasdiff: `request-parameter-became-required`.
    public static let requestParameterBecameRequired = ChangeCheck(
        "request-parameter-became-required", .breaking, .parameters,
        "A parameter became required.",
        detail: "A client that leaves it out is now outside the docs.")

    /// A required parameter became optional. oasdiff: `request-parameter-became-optional`.
    public static let requestParameterBecameOptional = ChangeCheck(
        "request-parameter-became-optional", .info, .parameters,
        "A parameter became optional.",
        detail: "Everything a client sent is still accepted.")

    /// A parameter's JSON type or format changed. oasdiff: `request-parameter-type-changed`.
    public static let requestParameterTypeChanged = ChangeCheck(
        "request-parameter-type-changed", .breaking, .parameters,
        "A parameter's type or format changed.",
        detail: "Values a client sends in the old type are outside the docs. Integer to number, and a type the docs no longer pin down, are `request-parameter-type-generalized`.")

    /// A parameter's type widened (integer → number, a stated type → none, a format dropped).
    public static let requestParameterTypeGeneralized = ChangeCheck(
        "request-parameter-type-generalized", .info, .parameters,
        "A parameter's type widened.",
        detail: "Everything a client sent still fits.")

    /// The docs now state a type for a parameter where OLD named none the reader could pin down.
    public static let requestParameterTypeSpecialized = ChangeCheck(
        "request-parameter-type-specialized", .warning, .parameters,
        "A parameter whose type OLD did not pin down now has one.",
        detail: "A client that sent another type is now outside the docs; a warning because OLD never said what to send.")

    /// A value of a parameter's enumeration is gone. oasdiff: `request-parameter-enum-value-removed`.
    public static let requestParameterEnumValueRemoved = ChangeCheck(
        "request-parameter-enum-value-removed", .breaking, .parameters,
        "A parameter lost one of its documented values.",
        detail: "A client that sends that value is outside the docs.")

    /// A parameter's enumeration gained a value. oasdiff: `request-parameter-enum-value-added`.
    public static let requestParameterEnumValueAdded = ChangeCheck(
        "request-parameter-enum-value-added", .info, .parameters,
        "A parameter gained a documented value.",
        detail: "Widens what a client may send.")

    /// A free parameter is now restricted to a list. oasdiff: `request-parameter-became-enum`.
    public static let requestParameterBecameEnum = ChangeCheck(
        "request-parameter-became-enum", .breaking, .parameters,
        "A parameter was restricted to a list of values.",
        detail: "Values outside the new list are outside the docs.")

    /// A parameter's list of values is gone: any value is documented now.
    public static let requestParameterBecameNotEnum = ChangeCheck(
        "request-parameter-became-not-enum", .info, .parameters,
        "A parameter is no longer restricted to a list of values.",
        detail: "Widens what a client may send; also what a lost enumeration sentence looks like, so it is reported.")

    /// A parameter's documented default changed. oasdiff: `request-parameter-default-value-changed` (info).
    public static let requestParameterDefaultValueChanged = ChangeCheck(
        "request-parameter-default-value-changed", .warning, .parameters,
        "A parameter's default changed.",
        detail: "A client that leaves the parameter out gets another behaviour; a warning (oasdiff: info) as the issue classifies changed defaults.")

    /// A default is documented where OLD had none. oasdiff: `request-parameter-default-value-added`.
    public static let requestParameterDefaultValueAdded = ChangeCheck(
        "request-parameter-default-value-added", .info, .parameters,
        "A parameter's default is now documented.",
        detail: "Documents a behaviour; changes nothing a client sends.")

    /// A documented default is gone. oasdiff: `request-parameter-default-value-removed` (info).
    public static let requestParameterDefaultValueRemoved = ChangeCheck(
        "request-parameter-default-value-removed", .warning, .parameters,
        "A parameter's default is no longer documented.",
        detail: "A client that relies on the default by leaving the parameter out relies on something the docs no longer promise.")

    /// A unit named in the parameter's description changed (`单位为GB` → `单位为MB`).
    public static let requestParameterUnitChanged = ChangeCheck(
        "request-parameter-unit-changed", .warning, .parameters,
        "The unit the parameter's description names changed.",
        detail: "The same number now means something else: the kind of meaning change the tool can detect from the words (`UnitWords`).")

    /// The parameter's description changed in words only.
    public static let requestParameterDescriptionChanged = ChangeCheck(
        "request-parameter-description-changed", .info, .parameters,
        "A parameter's description changed.",
        detail: "Compared with white space folded; a description change that also changes a fact (values, bounds, default, unit) reports that fact too.")
}
