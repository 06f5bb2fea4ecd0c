// The golden payloads come with the test helpers: `import ConformanceTesting` gives
// `Goldens.load` (shipped as resources of ConformanceGoldens) beside `expectConforming`.
@_exported import ConformanceGoldens
