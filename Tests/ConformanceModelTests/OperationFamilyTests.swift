import ConformanceModel
import Testing

@Suite("operation families")
struct OperationFamilyTests {
    /// EVS names the versions of one operation with a suffix: 8.2.1.20/21 `ExtendVolume` and
    /// `ExtendVolumeV2`, 6.1.x `…Deprecated`, 8.2.2.4/7 `CreateOsVolumeTransfer` and `…V2`.
    @Test("an operation's versions share its family; other ids keep theirs")
    func families() {
        #expect(Operation.family(of: "ExtendVolumeV2") == "ExtendVolume")
        #expect(Operation.family(of: "DeleteVolumeDeprecated") == "DeleteVolume")
        #expect(Operation.family(of: "CreateOsVolumeTransferV2") == "CreateOsVolumeTransfer")
        #expect(Operation.family(of: "ExtendVolume") == "ExtendVolume")
        #expect(Operation.family(of: "ShowRoot2") == "ShowRoot2", "a digit without V is part of the name")
        #expect(Operation.family(of: "Disk3") == "Disk3")
    }

    @Test("the idempotency header is the one the docs call 幂等 or idempotent")
    func idempotencyHeader() {
        func operation(_ description: String) -> Operation {
            Operation(id: "CreateThing", title: "t", method: "POST", path: "/things",
                      parameters: [Parameter(name: "X-Token", location: .header, required: false, schema: Schema(kind: .string, description: description))],
                      responses: [], source: DocReference(document: "d"))
        }
        #expect(operation("请求的幂等标识。").idempotencyHeader?.name == "X-Token")
        #expect(operation("An idempotency key chosen by the client.").idempotencyHeader?.name == "X-Token")
        #expect(operation("The caller's token.").idempotencyHeader == nil)
    }
}
