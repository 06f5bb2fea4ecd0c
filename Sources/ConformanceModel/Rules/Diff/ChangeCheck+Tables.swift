/// Changes to the service-wide tables oasdiff has no counterpart for: the error-code table
/// (Huawei A.1, Baidu's Error Code section), the HTTP status table (A.2), the resource state
/// tables (A.3, A.4) with the transitions the state machines cite, the authentication schemes,
/// and the doc's examples.
extension ChangeCheck {
    /// An error code OLD's table lists is gone from NEW.
    public static let errorCodeRemoved = ChangeCheck(
        "error-code-removed", .breaking, .errorCodes,
        "An error code OLD's table lists is gone from NEW.",
        detail: "A client that handles the code (retries on it, maps it to a message) handles something the docs no longer name, and the server may answer that case with another code.")

    /// An error code NEW's table lists and OLD's does not.
    public static let errorCodeAdded = ChangeCheck(
        "error-code-added", .info, .errorCodes,
        "A new error code.",
        detail: "A client should treat unknown codes as errors of their status anyway.")

    /// An error code is listed with another HTTP status.
    public static let errorCodeStatusChanged = ChangeCheck(
        "error-code-status-changed", .breaking, .errorCodes,
        "An error code moved to another HTTP status.",
        detail: "A client that dispatches on the status (retry on 5xx, not on 4xx) treats the code differently.")

    /// An error code's message text changed.
    public static let errorCodeMessageChanged = ChangeCheck(
        "error-code-message-changed", .info, .errorCodes,
        "An error code's documented messages changed.",
        detail: "Clients should match codes, not messages; compared with white space folded.")

    /// A status OLD's service-wide status table lists is gone from NEW.
    public static let statusCodeRemoved = ChangeCheck(
        "status-code-removed", .info, .statusCodes,
        "A status of the service's status table is gone from NEW.",
        detail: "The table describes statuses in general; what an operation answers is compared per operation (`response-*-status-*`).")

    /// A status NEW's service-wide status table lists and OLD's does not.
    public static let statusCodeAdded = ChangeCheck(
        "status-code-added", .info, .statusCodes,
        "A new status in the service's status table.",
        detail: "As `status-code-removed`.")

    /// A state table OLD has (A.3 云硬盘状态) is gone from NEW.
    public static let stateTableRemoved = ChangeCheck(
        "state-table-removed", .breaking, .states,
        "A resource's state table is gone from NEW.",
        detail: "Every state of the resource lost its documentation at once; reported once, not per state.")

    /// NEW has a state table OLD does not.
    public static let stateTableAdded = ChangeCheck(
        "state-table-added", .info, .states,
        "A new resource state table.",
        detail: "Documents states a client may already have seen.")

    /// A state OLD's table lists is gone from NEW.
    public static let stateRemoved = ChangeCheck(
        "state-removed", .breaking, .states,
        "A resource state OLD's table lists is gone from NEW.",
        detail: "A client that waits for the state (polls until `available`) or branches on it waits for something the docs no longer name. The documented transitions through the state go with it and are counted in the message, not reported one by one.")

    /// A state NEW's table lists and OLD's does not.
    public static let stateAdded = ChangeCheck(
        "state-added", .info, .states,
        "A new resource state.",
        detail: "Info as the issue classifies additions: a client must tolerate states it does not know. Its transitions are counted in the message.")

    /// A state's console name changed (可用 → 可使用).
    public static let stateConsoleNameChanged = ChangeCheck(
        "state-console-name-changed", .info, .states,
        "A state's console name changed.",
        detail: "Constraint sentences name states by their console names (6.1.7, A.3), so a renamed state changes how those sentences read.")

    /// A documented transition between two states both sides keep is no longer documented.
    public static let stateTransitionRemoved = ChangeCheck(
        "state-transition-removed", .breaking, .states,
        "A documented transition between two states is no longer documented.",
        detail: "See `StateChanges`: a transition of the current build's state machines counts as documented on a side when both states are in that side's table and the sentence it cites is in that side's text (state descriptions, constraints, summaries). A client that waits for the move (extending → available) waits for something the docs no longer state.")

    /// A transition of the state machines is documented in NEW and not in OLD.
    public static let stateTransitionAdded = ChangeCheck(
        "state-transition-added", .info, .states,
        "A transition is now documented.",
        detail: "Only transitions the state machines of the current build cite can be seen; see `StateChanges`.")

    /// An authentication scheme OLD documents is gone. oasdiff: `api-global-security-removed`.
    public static let apiGlobalSecurityRemoved = ChangeCheck(
        "api-global-security-removed", .breaking, .authentication,
        "An authentication scheme OLD documents is gone from NEW.",
        detail: "A client that authenticates that way (a token, AK/SK) is outside the docs; a changed header or scheme shows as removed and added.")

    /// NEW documents another authentication scheme. oasdiff: `api-global-security-added`.
    public static let apiGlobalSecurityAdded = ChangeCheck(
        "api-global-security-added", .info, .authentication,
        "A new authentication scheme.",
        detail: "Any one documented scheme authenticates a request, so another one breaks nothing.")

    /// A doc example of the operation changed.
    public static let exampleChanged = ChangeCheck(
        "example-changed", .info, .operation,
        "A request or response example changed.",
        detail: "Examples are paired by kind, status and order; JSON examples are compared as values (the message names the first places that differ), others as text with white space folded. Reported in the `request` or `response` location of the example. Examples seed golden payloads and mocks, so users want to know.")

    /// NEW has an example OLD does not.
    public static let exampleAdded = ChangeCheck(
        "example-added", .info, .operation,
        "A new request or response example.",
        detail: "Paired as `example-changed`.")

    /// OLD's example is gone from NEW.
    public static let exampleRemoved = ChangeCheck(
        "example-removed", .info, .operation,
        "A request or response example is gone from NEW.",
        detail: "Paired as `example-changed`.")
}
