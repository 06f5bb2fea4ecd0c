/// Changes to responses: statuses, bodies (fields matched by JSON pointer) and headers, and the
/// service's response envelope (Tencent's `scode` wrapper).
extension ChangeCheck {
    /// A success (2xx/3xx) status OLD documents is gone. oasdiff: `response-success-status-removed`.
    public static let responseSuccessStatusRemoved = ChangeCheck(
        "response-success-status-removed", .breaking, .response,
        "A success status OLD documents is gone from NEW.",
        detail: "A client that checks for it sees another status; a changed success status (200 → 202) shows as this and `response-success-status-added`.")

    /// A success status NEW documents and OLD does not. oasdiff: `response-success-status-added`.
    public static let responseSuccessStatusAdded = ChangeCheck(
        "response-success-status-added", .info, .response,
        "A new success status.",
        detail: "Reported beside `response-success-status-removed` when the success status changed.")

    /// An error status OLD documents for the operation is gone. oasdiff: `response-non-success-status-removed`.
    public static let responseNonSuccessStatusRemoved = ChangeCheck(
        "response-non-success-status-removed", .info, .response,
        "An error status OLD documents is gone from NEW.",
        detail: "The operation fails in fewer documented ways.")

    /// An error status NEW documents and OLD does not. oasdiff: `response-non-success-status-added`.
    public static let responseNonSuccessStatusAdded = ChangeCheck(
        "response-non-success-status-added", .info, .response,
        "A new error status.",
        detail: "A client should handle unknown errors anyway.")

    /// OLD documents a body for the status, NEW none.
    public static let responseBodyRemoved = ChangeCheck(
        "response-body-removed", .breaking, .response,
        "A response body OLD documents is gone from NEW.",
        detail: "A client that reads the body reads what the docs no longer promise.")

    /// NEW documents a body for a status where OLD had none.
    public static let responseBodyAdded = ChangeCheck(
        "response-body-added", .info, .response,
        "A response body is documented where OLD had none.",
        detail: "A client that ignored the body still works.")

    /// The body as a whole has another JSON type. oasdiff: `response-body-type-changed`.
    public static let responseBodyTypeChanged = ChangeCheck(
        "response-body-type-changed", .breaking, .response,
        "The response body has another JSON type.",
        detail: "A client's parser of the old shape fails.")

    /// A field the table marks required is gone. oasdiff: `response-required-property-removed`.
    public static let responseRequiredPropertyRemoved = ChangeCheck(
        "response-required-property-removed", .breaking, .response,
        "A response field OLD marks required is gone from NEW.",
        detail: "A client that reads it finds nothing.")

    /// A field not marked required is gone. oasdiff: `response-optional-property-removed` (info there).
    public static let responseOptionalPropertyRemoved = ChangeCheck(
        "response-optional-property-removed", .breaking, .response,
        "A response field OLD documents is gone from NEW.",
        detail: "Breaking here (oasdiff: info): vendor response tables rarely have a required column, so `optional` means `not stated`, and a client that reads the field finds nothing, as the issue classifies removed response fields.")

    /// A new response field the table marks required. oasdiff: `response-required-property-added`.
    public static let responseRequiredPropertyAdded = ChangeCheck(
        "response-required-property-added", .info, .response,
        "A new response field, marked required.",
        detail: "A client ignores fields it does not know.")

    /// A new response field. oasdiff: `response-optional-property-added`.
    public static let responseOptionalPropertyAdded = ChangeCheck(
        "response-optional-property-added", .info, .response,
        "A new response field.",
        detail: "A client ignores fields it does not know.")

    /// A required response field became optional. oasdiff: `response-property-became-optional`.
    public static let responsePropertyBecameOptional = ChangeCheck(
        "response-property-became-optional", .breaking, .response,
        "A response field is no longer marked required.",
        detail: "A client that expects it may not find it.")

    /// An optional response field became required. oasdiff: `response-property-became-required`.
    public static let responsePropertyBecameRequired = ChangeCheck(
        "response-property-became-required", .info, .response,
        "A response field is now marked required.",
        detail: "Promises more; breaks nothing.")

    /// A field's JSON type or format changed. oasdiff: `response-property-type-changed`.
    public static let responsePropertyTypeChanged = ChangeCheck(
        "response-property-type-changed", .breaking, .response,
        "A response field's type or format changed.",
        detail: "A client's parser of the old type fails. Number to integer, and a type stated where OLD named none, are `response-property-type-specialized`.")

    /// A field's type widened (integer → number, a stated type → none, a format dropped). oasdiff: `response-property-type-generalized` (error).
    public static let responsePropertyTypeGeneralized = ChangeCheck(
        "response-property-type-generalized", .warning, .response,
        "A response field's type widened.",
        detail: "A client's parser may meet values of a type it does not expect; a warning (oasdiff: error) because a type the reader can no longer pin down is often a rewording.")

    /// A field's type narrowed (number → integer, a type stated where OLD named none, a format added). oasdiff: `response-property-type-specialized`.
    public static let responsePropertyTypeSpecialized = ChangeCheck(
        "response-property-type-specialized", .info, .response,
        "A response field's type narrowed.",
        detail: "Every value a client can now receive it could receive before.")

    /// The field's enumeration gained a value. oasdiff: `response-property-enum-value-added` (warning there).
    public static let responsePropertyEnumValueAdded = ChangeCheck(
        "response-property-enum-value-added", .info, .response,
        "A response field gained a documented value.",
        detail: "Info as the issue classifies it (oasdiff: warning): vendors grow value lists (states, disk types) routinely, and a client must tolerate values it does not know. A new state of a state table is `state-added`.")

    /// A value of the field's enumeration is gone. oasdiff: `response-property-enum-value-removed`.
    public static let responsePropertyEnumValueRemoved = ChangeCheck(
        "response-property-enum-value-removed", .info, .response,
        "A response field lost one of its documented values.",
        detail: "The server sends fewer kinds of values.")

    /// A free response field is now restricted to a list.
    public static let responsePropertyBecameEnum = ChangeCheck(
        "response-property-became-enum", .info, .response,
        "A response field was restricted to a list of values.",
        detail: "The server promises fewer kinds of values.")

    /// The response field's list of values is gone.
    public static let responsePropertyBecameNotEnum = ChangeCheck(
        "response-property-became-not-enum", .warning, .response,
        "A response field is no longer restricted to a list of values.",
        detail: "A client that switches over the documented values may meet others; a warning because a lost enumeration sentence looks the same.")

    /// `null` became a documented value. oasdiff: `response-property-became-nullable`.
    public static let responsePropertyBecameNullable = ChangeCheck(
        "response-property-became-nullable", .breaking, .response,
        "A response field may now be null.",
        detail: "A client that reads the field as a value meets null.")

    /// `null` is no longer a documented value. oasdiff: `response-property-became-not-nullable`.
    public static let responsePropertyBecameNotNullable = ChangeCheck(
        "response-property-became-not-nullable", .info, .response,
        "A response field may no longer be null.",
        detail: "Promises more; breaks nothing.")

    /// The documented default of a response field was added, removed or changed. oasdiff: `response-property-default-value-changed`.
    public static let responsePropertyDefaultValueChanged = ChangeCheck(
        "response-property-default-value-changed", .info, .response,
        "A response field's documented default changed.",
        detail: "A default in a response table describes, it does not constrain.")

    /// A unit named in the response field's description changed.
    public static let responsePropertyUnitChanged = ChangeCheck(
        "response-property-unit-changed", .warning, .response,
        "The unit the response field's description names changed.",
        detail: "The same number now means something else: the kind of meaning change the tool can detect from the words (`UnitWords`).")

    /// The response field's description changed in words only.
    public static let responsePropertyDescriptionChanged = ChangeCheck(
        "response-property-description-changed", .info, .response,
        "A response field's description changed.",
        detail: "Compared with white space folded; a description change that also changes a fact reports that fact too.")

    /// A response header marked required is gone. oasdiff: `required-response-header-removed`.
    public static let requiredResponseHeaderRemoved = ChangeCheck(
        "required-response-header-removed", .breaking, .response,
        "A response header OLD marks required is gone from NEW.",
        detail: "A client that reads it finds nothing.")

    /// A response header not marked required is gone. oasdiff: `optional-response-header-removed`.
    public static let optionalResponseHeaderRemoved = ChangeCheck(
        "optional-response-header-removed", .warning, .response,
        "A response header OLD documents is gone from NEW.",
        detail: "A client that reads it may find nothing.")

    /// A new response header. oasdiff: `response-header-added`.
    public static let responseHeaderAdded = ChangeCheck(
        "response-header-added", .info, .response,
        "A new response header.",
        detail: "A client ignores headers it does not know.")

    /// The service's response envelope names another payload field, status field or success value.
    public static let responseEnvelopeChanged = ChangeCheck(
        "response-envelope-changed", .breaking, .response,
        "The response envelope's payload field, status field or success value changed.",
        detail: "Every response of the service is read through the envelope (Tencent's `scode` and `data`); its fields are compared as response fields.")
}
