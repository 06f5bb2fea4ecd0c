import ConformanceModel
import ConformanceServer

/// The credentials and project id of a `verify --endpoint` run, from the flags or from the
/// environment variables the vendors' own SDKs read, so that secrets need not be flags (which
/// `ps` and the shell history show):
///
/// - Huawei (`token`, `aksk`): `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (the names of
///   huaweicloud-sdk-python-v3's and -go-v3's examples), or `X_AUTH_TOKEN` for an IAM token
///   (the variable `validate`'s curl replays read); the project id from
///   `HUAWEICLOUD_SDK_PROJECT_ID`.
/// - Baidu (`bce-auth-v1`): `BCE_ACCESS_KEY_ID` and `BCE_SECRET_ACCESS_KEY` (bce-python-sdk's
///   samples).
/// - The Tencent gateway documents no authentication.
///
/// A run that would send unauthenticated requests to a service that documents authentication
/// (and then report its own requests as `request.parameter.missing`), or put a made-up project
/// id into Huawei paths, is refused before it starts.
struct LiveCredentials {
    static let huaweiAccessKey = "HUAWEICLOUD_SDK_AK"
    static let huaweiSecretKey = "HUAWEICLOUD_SDK_SK"
    static let huaweiProjectID = "HUAWEICLOUD_SDK_PROJECT_ID"
    static let token = "X_AUTH_TOKEN"
    static let baiduAccessKey = "BCE_ACCESS_KEY_ID"
    static let baiduSecretKey = "BCE_SECRET_ACCESS_KEY"

    var credentials: Credentials
    var projectID: String?

    /// The credentials for `services`: the flags' (`flags`, `projectID`) when given, else the
    /// environment's; fails (exit 2, one line naming the variables) when a service needs
    /// what neither gives.
    static func resolve(services: [ServiceSpec], flags: Credentials, projectID: String?, environment: [String: String]) throws -> LiveCredentials {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let schemes = Set(services.flatMap { $0.authentication.map(\.name) })
        let huawei = services.filter { !Set($0.authentication.map(\.name)).isDisjoint(with: ["token", "aksk"]) }.map(\.service)
        let baidu = services.filter { $0.authentication.contains { $0.name == "bce-auth-v1" } }.map(\.service)

        var credentials = flags
        if credentials == .none && !schemes.isEmpty {
            if !huawei.isEmpty && !baidu.isEmpty {
                throw CommandFailure("--endpoint: \((huawei + baidu).joined(separator: ", ")) sign differently; a live endpoint is one vendor's, pass --service")
            }
            if !huawei.isEmpty {
                if let issued = value(Self.token) {
                    credentials = .token(issued)
                } else if let id = value(huaweiAccessKey), let secret = value(huaweiSecretKey) {
                    credentials = .accessKey(id: id, secret: secret)
                } else {
                    throw CommandFailure("--endpoint: \(huawei.joined(separator: ", ")) need\(huawei.count == 1 ? "s" : "") credentials: set \(huaweiAccessKey) and \(huaweiSecretKey) (AK/SK) or \(token) (an IAM token) in the environment")
                }
            } else if !baidu.isEmpty {
                guard let id = value(baiduAccessKey), let secret = value(baiduSecretKey) else {
                    throw CommandFailure("--endpoint: \(baidu.joined(separator: ", ")) need\(baidu.count == 1 ? "s" : "") credentials: set \(baiduAccessKey) and \(baiduSecretKey) in the environment")
                }
                credentials = .accessKey(id: id, secret: secret)
            }
        }
        if case .token = credentials, !baidu.isEmpty {
            throw CommandFailure("--endpoint: \(baidu.joined(separator: ", ")) accept\(baidu.count == 1 ? "s" : "") only bce-auth-v1 signatures; set \(baiduAccessKey) and \(baiduSecretKey) instead of a token")
        }

        let project = projectID ?? value(huaweiProjectID)
        let needProject = services.filter { $0.operations.contains { $0.path.contains("{project_id}") } }.map(\.service)
        if project == nil && !needProject.isEmpty {
            throw CommandFailure("--endpoint: \(needProject.joined(separator: ", ")) paths carry a project id: pass --project-id or set \(huaweiProjectID)")
        }
        return LiveCredentials(credentials: credentials, projectID: project)
    }
}
