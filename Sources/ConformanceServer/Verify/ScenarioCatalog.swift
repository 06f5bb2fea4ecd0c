/// Every scenario `conformance verify` knows, in the order they run: read-only scenarios
/// first, then the life cycles, per service.
///
/// To add a scenario, add a ``Scenario`` value to one of the service files
/// (`ScenarioCatalog+<Service>.swift`) and list it here; the runner needs no change.
public enum ScenarioCatalog {
    public static let all: [Scenario] = [
        huaweiEVSReadOnly,
        tencentReadOnly,
        huaweiEVSVolumeLifecycle,
        tencentDiskLifecycle,
        huaweiECSResize,
        baiduRenewal,
    ]

    /// The scenario with `id`.
    public static func scenario(_ id: String) -> Scenario? {
        all.first { $0.id == id }
    }
}
