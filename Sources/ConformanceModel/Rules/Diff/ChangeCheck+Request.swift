/// Changes to request bodies. Fields are matched by their JSON pointer in the body schema
/// (`/volume/size`; `[]` stands for any element of an array, `{}` for any value of a map).
extension ChangeCheck {
    /// NEW documents a request body with required fields where OLD had none. oasdiff: `request-body-added-required`.
    public static let requestBodyAddedRequired = ChangeCheck(
        "request-body-added-required", .breaking, .request,
        "A request body with required fields is documented where OLD had none.",
        detail: "A client written against OLD sends no body.")

    /// NEW documents an optional request body where OLD had none. oasdiff: `request-body-added-optional`.
    public static let requestBodyAddedOptional = ChangeCheck(
        "request-body-added-optional", .info, .request,
        "A request body without required fields is documented where OLD had none.",
        detail: "Sending nothing still fits.")

    /// OLD's request body is gone from NEW. oasdiff: `request-body-removed`.
    public static let requestBodyRemoved = ChangeCheck(
        "request-body-removed", .breaking, .request,
        "The request body OLD documents is gone from NEW.",
        detail: "A client sends a body the docs no longer describe.")

    /// The body as a whole has another JSON type. oasdiff: `request-body-type-changed`.
    public static let requestBodyTypeChanged = ChangeCheck(
        "request-body-type-changed", .breaking, .request,
        "The request body has another JSON type.",
        detail: "What a client sends no longer fits.")

    /// A new required field. oasdiff: `new-required-request-property`.
    public static let newRequiredRequestProperty = ChangeCheck(
        "new-required-request-property", .breaking, .request,
        "A new required request field.",
        detail: "A client written against OLD does not send it.")

    /// A new optional field. oasdiff: `new-optional-request-property`.
    public static let newOptionalRequestProperty = ChangeCheck(
        "new-optional-request-property", .info, .request,
        "A new optional request field.",
        detail: "Nothing a client sends stops working.")

    /// A field OLD documents is gone. oasdiff: `request-property-removed` (warning).
    public static let requestPropertyRemoved = ChangeCheck(
        "request-property-removed", .warning, .request,
        "A request field OLD documents is gone from NEW.",
        detail: "The server may ignore the field or reject it as unknown; the docs do not say which.")

    /// An optional field became required (是否必选 否 → 是). oasdiff: `request-property-became-required`.
    public static let requestPropertyBecameRequired = ChangeCheck(
        "request-property-became-required", .breaking, .request,
        "A request field became required.",
        detail: "A client that leaves it out is now outside the docs. Only a field whose parent is sent is affected, which the pointer shows.")

    /// A required field became optional. oasdiff: `request-property-became-optional`.
    public static let requestPropertyBecameOptional = ChangeCheck(
        "request-property-became-optional", .info, .request,
        "A request field became optional.",
        detail: "Everything a client sent is still accepted.")

    /// A field's JSON type or format changed (`Integer` → `String`). oasdiff: `request-property-type-changed`.
    public static let requestPropertyTypeChanged = ChangeCheck(
        "request-property-type-changed", .breaking, .request,
        "A request field's type or format changed.",
        detail: "A value of the old type is outside the docs. Integer to number, and a type the docs no longer pin down, are `request-property-type-generalized`.")

    /// A field's type widened (integer → number, a stated type → none, a format dropped). oasdiff: `request-property-type-generalized`.
    public static let requestPropertyTypeGeneralized = ChangeCheck(
        "request-property-type-generalized", .info, .request,
        "A request field's type widened.",
        detail: "Everything a client sent still fits.")

    /// The docs now state a type where OLD named none the reader could pin down.
    public static let requestPropertyTypeSpecialized = ChangeCheck(
        "request-property-type-specialized", .warning, .request,
        "A request field whose type OLD did not pin down now has one.",
        detail: "A client that sent another type is now outside the docs; a warning because OLD never said what to send.")

    /// A value of the field's enumeration is gone. oasdiff: `request-property-enum-value-removed`.
    public static let requestPropertyEnumValueRemoved = ChangeCheck(
        "request-property-enum-value-removed", .breaking, .request,
        "A request field lost one of its documented values.",
        detail: "A client that sends that value is outside the docs (取值范围 lost a line).")

    /// The enumeration gained a value. oasdiff: `request-property-enum-value-added`.
    public static let requestPropertyEnumValueAdded = ChangeCheck(
        "request-property-enum-value-added", .info, .request,
        "A request field gained a documented value.",
        detail: "Widens what a client may send.")

    /// A free field is now restricted to a list. oasdiff: `request-property-became-enum`.
    public static let requestPropertyBecameEnum = ChangeCheck(
        "request-property-became-enum", .breaking, .request,
        "A request field was restricted to a list of values.",
        detail: "Values outside the new list are outside the docs.")

    /// The field's list of values is gone.
    public static let requestPropertyBecameNotEnum = ChangeCheck(
        "request-property-became-not-enum", .info, .request,
        "A request field is no longer restricted to a list of values.",
        detail: "Widens what a client may send; also what a lost enumeration sentence looks like, so it is reported.")

    /// `null` is no longer a documented value. oasdiff: `request-property-became-not-nullable`.
    public static let requestPropertyBecameNotNullable = ChangeCheck(
        "request-property-became-not-nullable", .breaking, .request,
        "A request field may no longer be null.",
        detail: "A client that sends null is outside the docs.")

    /// `null` became a documented value. oasdiff: `request-property-became-nullable`.
    public static let requestPropertyBecameNullable = ChangeCheck(
        "request-property-became-nullable", .info, .request,
        "A request field may now be null.",
        detail: "Widens what a client may send.")

    /// The documented default changed (`默认取值 postPaid` → `prePaid`). oasdiff: `request-property-default-value-changed` (info).
    public static let requestPropertyDefaultValueChanged = ChangeCheck(
        "request-property-default-value-changed", .warning, .request,
        "A request field's default changed.",
        detail: "A client that leaves the field out gets another behaviour (another charging mode, another disk type); a warning (oasdiff: info) as the issue classifies changed defaults.")

    /// A default is documented where OLD had none. oasdiff: `request-property-default-value-added`.
    public static let requestPropertyDefaultValueAdded = ChangeCheck(
        "request-property-default-value-added", .info, .request,
        "A request field's default is now documented.",
        detail: "Documents a behaviour; changes nothing a client sends.")

    /// A documented default is gone. oasdiff: `request-property-default-value-removed` (info).
    public static let requestPropertyDefaultValueRemoved = ChangeCheck(
        "request-property-default-value-removed", .warning, .request,
        "A request field's default is no longer documented.",
        detail: "A client that relies on the default by leaving the field out relies on something the docs no longer promise.")

    /// A unit named in the field's description changed (`单位为GB` → `单位为MB`).
    public static let requestPropertyUnitChanged = ChangeCheck(
        "request-property-unit-changed", .warning, .request,
        "The unit the request field's description names changed.",
        detail: "The same number now means something else: the kind of meaning change the tool can detect from the words (`UnitWords`).")

    /// The field's description changed in words only.
    public static let requestPropertyDescriptionChanged = ChangeCheck(
        "request-property-description-changed", .info, .request,
        "A request field's description changed.",
        detail: "Compared with white space folded; a description change that also changes a fact (values, bounds, default, unit) reports that fact too.")
}
