extension ChangeCheck {
    /// Every check `conformance diff` can report, in report order: operations, parameters,
    /// request, response, the service-wide tables, examples, then the bound checks.
    ///
    /// A plain array of values, so that it folds into the project's central rule catalog.
    public static let all: [ChangeCheck] = [
        endpointAdded, apiRemovedWithoutDeprecation, apiRemovedWithDeprecation, apiPathChanged,
        endpointDeprecated, endpointReactivated, apiOperationIDRemoved, requestPathParameterRenamed,
        apiConstraintAdded, apiConstraintRemoved, apiDescriptionChanged,

        newRequiredRequestParameter, newOptionalRequestParameter, requestParameterRemoved,
        requestParameterBecameRequired, requestParameterBecameOptional, requestParameterTypeChanged,
        requestParameterTypeGeneralized, requestParameterTypeSpecialized, requestParameterEnumValueRemoved, requestParameterEnumValueAdded,
        requestParameterBecameEnum, requestParameterBecameNotEnum, requestParameterDefaultValueChanged,
        requestParameterDefaultValueAdded, requestParameterDefaultValueRemoved, requestParameterUnitChanged,
        requestParameterDescriptionChanged,

        requestBodyAddedRequired, requestBodyAddedOptional, requestBodyRemoved, requestBodyTypeChanged,
        newRequiredRequestProperty, newOptionalRequestProperty, requestPropertyRemoved,
        requestPropertyBecameRequired, requestPropertyBecameOptional, requestPropertyTypeChanged,
        requestPropertyTypeGeneralized, requestPropertyTypeSpecialized, requestPropertyEnumValueRemoved,
        requestPropertyEnumValueAdded, requestPropertyBecameEnum, requestPropertyBecameNotEnum,
        requestPropertyBecameNotNullable, requestPropertyBecameNullable, requestPropertyDefaultValueChanged,
        requestPropertyDefaultValueAdded, requestPropertyDefaultValueRemoved, requestPropertyUnitChanged,
        requestPropertyDescriptionChanged,

        responseSuccessStatusRemoved, responseSuccessStatusAdded, responseNonSuccessStatusRemoved,
        responseNonSuccessStatusAdded, responseBodyRemoved, responseBodyAdded, responseBodyTypeChanged,
        responseRequiredPropertyRemoved, responseOptionalPropertyRemoved, responseRequiredPropertyAdded,
        responseOptionalPropertyAdded, responsePropertyBecameOptional, responsePropertyBecameRequired,
        responsePropertyTypeChanged, responsePropertyTypeGeneralized, responsePropertyTypeSpecialized,
        responsePropertyEnumValueAdded, responsePropertyEnumValueRemoved, responsePropertyBecameEnum,
        responsePropertyBecameNotEnum, responsePropertyBecameNullable, responsePropertyBecameNotNullable,
        responsePropertyDefaultValueChanged, responsePropertyUnitChanged, responsePropertyDescriptionChanged,
        requiredResponseHeaderRemoved, optionalResponseHeaderRemoved, responseHeaderAdded, responseEnvelopeChanged,

        errorCodeRemoved, errorCodeAdded, errorCodeStatusChanged, errorCodeMessageChanged,
        statusCodeRemoved, statusCodeAdded,
        stateTableRemoved, stateTableAdded, stateRemoved, stateAdded, stateConsoleNameChanged,
        stateTransitionRemoved, stateTransitionAdded,
        apiGlobalSecurityRemoved, apiGlobalSecurityAdded,
        exampleChanged, exampleAdded, exampleRemoved,
    ] + boundChecks

    /// The ids of this catalog that oasdiff uses for a change of the same meaning (read from
    /// oasdiff's `checker/rules.go` and `checker/localizations_src/en/messages.yaml`). Levels may
    /// differ where the issue classifies otherwise; each check's `detail` says so.
    public static let oasdiffIDs: Set<String> = [
        "endpoint-added", "api-removed-without-deprecation", "api-removed-with-deprecation",
        "endpoint-deprecated", "endpoint-reactivated", "api-operation-id-removed",
        "new-required-request-parameter", "new-optional-request-parameter", "request-parameter-removed",
        "request-parameter-became-required", "request-parameter-became-optional", "request-parameter-type-changed",
        "request-parameter-type-generalized", "request-parameter-enum-value-removed", "request-parameter-enum-value-added",
        "request-parameter-became-enum", "request-parameter-default-value-changed", "request-parameter-default-value-added",
        "request-parameter-default-value-removed",
        "request-parameter-max-set", "request-parameter-max-increased", "request-parameter-max-decreased",
        "request-parameter-min-set", "request-parameter-min-increased", "request-parameter-min-decreased",
        "request-parameter-max-length-set", "request-parameter-max-length-increased", "request-parameter-max-length-decreased",
        "request-parameter-min-length-increased", "request-parameter-min-length-decreased",
        "request-parameter-max-items-increased", "request-parameter-max-items-decreased",
        "request-parameter-min-items-set", "request-parameter-min-items-increased", "request-parameter-min-items-decreased",
        "request-body-added-required", "request-body-added-optional", "request-body-removed", "request-body-type-changed",
        "new-required-request-property", "new-optional-request-property", "request-property-removed",
        "request-property-became-required", "request-property-became-optional", "request-property-type-changed",
        "request-property-type-generalized", "request-property-enum-value-removed", "request-property-enum-value-added",
        "request-property-became-enum", "request-property-became-not-nullable", "request-property-became-nullable",
        "request-property-default-value-changed", "request-property-default-value-added", "request-property-default-value-removed",
        "request-property-max-set", "request-property-max-increased", "request-property-max-decreased",
        "request-property-min-set", "request-property-min-increased", "request-property-min-decreased",
        "request-property-max-length-set", "request-property-max-length-increased", "request-property-max-length-decreased",
        "request-property-min-length-increased", "request-property-min-length-decreased",
        "request-property-min-items-set", "request-property-min-items-increased",
        "response-success-status-removed", "response-success-status-added", "response-non-success-status-removed",
        "response-non-success-status-added", "response-body-type-changed", "response-required-property-removed",
        "response-optional-property-removed", "response-required-property-added", "response-optional-property-added",
        "response-property-became-optional", "response-property-became-required", "response-property-type-changed",
        "response-property-type-generalized", "response-property-type-specialized",
        "response-property-enum-value-added", "response-property-enum-value-removed", "response-property-became-nullable",
        "response-property-became-not-nullable", "response-property-default-value-changed",
        "response-property-max-increased", "response-property-min-decreased", "response-property-max-length-increased",
        "response-property-max-length-unset", "response-property-min-length-decreased", "response-property-min-items-decreased",
        "response-property-min-items-unset",
        "required-response-header-removed", "optional-response-header-removed", "response-header-added",
        "api-global-security-removed", "api-global-security-added",
    ]
}
