import ConformanceModel

/// The extracted vendor specs, compiled in: nothing is read from files at run time.
///
/// Each service is a `ServiceSpec` value generated from `specs/<service>/spec.json` by
/// `swift run conformance codegen` into `Generated/`; `Specs.all` lists them.
public enum Specs {
    /// The service with `id` (`huawei-evs`, `huawei-ecs`, `tencent-cbs`, `baidu-bcc`).
    public static func service(_ id: String) -> ServiceSpec? {
        all.first { $0.service == id }
    }

    /// The operation `operationID` of service `serviceID`.
    public static func operation(service serviceID: String, id operationID: String) -> Operation? {
        service(serviceID)?.operation(id: operationID)
    }

    /// The ids of all services, in `all`'s order.
    public static var serviceIDs: [String] { all.map(\.service) }
}
