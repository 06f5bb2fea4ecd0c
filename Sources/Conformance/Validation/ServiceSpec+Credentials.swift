import ConformanceModel

extension ServiceSpec {
    /// Whether a request for `operation` must carry one of the service's credentials.
    ///
    /// Every operation does, except a version document at the root (`GET /`, `GET /{version}`)
    /// whose page lists no credential header: EVS 5.1 查询接口版本信息列表 and 5.2 查询接口的版本信息
    /// list none, and version discovery by the OpenStack clients sends none (Cinder's version
    /// documents need none). 8.2.5.1 lists `X-Auth-Token` for `GET /{version}`; the router
    /// takes 5.2 for that route (listed first), so a token is not required there either — the
    /// reading that allows the request. The validator and the mock both ask here.
    public func needsCredential(_ operation: Operation) -> Bool {
        guard operation.template.isVersionRoot else { return true }
        return operation.parameters.contains { parameter in
            parameter.location == .header && authentication.contains { parameter.name.caseInsensitiveEquals($0.header) }
        }
    }
}
