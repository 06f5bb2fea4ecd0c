/// The Python programs the SDK interop test runs with the vendors' official SDKs, kept as
/// Swift strings so that the test target needs no resource declaration.
enum SDKScripts {
    /// Huawei EVS through `huaweicloudsdkevs` (AK/SK signed, `SDK-HMAC-SHA256`): create → wait
    /// until available → show → extend → wait → delete. Arguments: endpoint, AK, SK, project id.
    static let evsLifecycle = #"""
    import sys, time
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkevs.v2 import (EvsClient, CreateVolumeRequest, CreateVolumeRequestBody, CreateVolumeOption,
                                      ShowVolumeRequest, ResizeVolumeRequest, ResizeVolumeRequestBody, OsExtend,
                                      DeleteVolumeRequest, ShowJobRequest)

    endpoint, ak, sk, project = sys.argv[1:5]
    config = HttpConfig.get_default_config()
    config.timeout = (5, 10)
    client = (EvsClient.new_builder().with_http_config(config)
              .with_credentials(BasicCredentials(ak, sk, project))
              .with_endpoints([endpoint]).build())

    def wait(volume_id, status, size=None):
        for _ in range(100):
            volume = client.show_volume(ShowVolumeRequest(volume_id=volume_id)).volume
            if volume.status == status and (size is None or volume.size == size):
                return volume
            time.sleep(0.05)
        raise SystemExit("volume %s never became %s" % (volume_id, status))

    created = client.create_volume(CreateVolumeRequest(body=CreateVolumeRequestBody(
        volume=CreateVolumeOption(availability_zone="az-1", volume_type="SATA", size=10, name="sdk-interop"))))
    volume_id = created.volume_ids[0]
    client.show_job(ShowJobRequest(job_id=created.job_id))
    wait(volume_id, "available")
    client.resize_volume(ResizeVolumeRequest(volume_id=volume_id, body=ResizeVolumeRequestBody(os_extend=OsExtend(new_size=20))))
    wait(volume_id, "available", size=20)
    client.delete_volume(DeleteVolumeRequest(volume_id=volume_id))
    print("evs ok", volume_id)
    """#

    /// Baidu BCC renewal through `bce-python-sdk` (`bce-auth-v1` signed). Arguments: endpoint
    /// host:port, AK, SK.
    static let bccRenewal = #"""
    import sys
    from baidubce.bce_client_configuration import BceClientConfiguration
    from baidubce.auth.bce_credentials import BceCredentials
    from baidubce.services.bcc.bcc_client import BccClient
    from baidubce.services.bcc import bcc_model

    endpoint, ak, sk = sys.argv[1:4]
    client = BccClient(BceClientConfiguration(credentials=BceCredentials(ak, sk), endpoint=endpoint, protocol=None))
    client.purchase_reserved_volume("v-sdkinterop", billing=bcc_model.Billing(reservationLength=1, reservationTimeUnit="Month"),
                                    client_token="sdk-interop-token")
    print("bcc ok")
    """#
}
