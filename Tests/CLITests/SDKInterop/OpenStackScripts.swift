/// The Python programs the OpenStack interop test runs: python-cinderclient and openstacksdk
/// against the mock's Cinder-compatible API (EVS chapter 8), as a team would point them at it
/// (token auth, the endpoint overridden to `http://HOST:PORT/v3/<project_id>`). Each runs the
/// whole life cycle of issue 22 and exits non-zero with the reason on the first surprise.
/// Arguments: endpoint, token.
enum OpenStackScripts {
    /// python-cinderclient: `get_server_version` (the version document at `/`), then a v3
    /// client on a keystoneauth session with the token.
    static let cinderclient = #"""
    import sys, time
    from keystoneauth1 import session
    from keystoneauth1.token_endpoint import Token
    from cinderclient import client, exceptions

    endpoint, token = sys.argv[1:3]
    low, high = client.get_server_version(endpoint)
    assert (low.get_string(), high.get_string()) == ("3.0", "3.0"), (low, high)
    cinder = client.Client(high.get_string(), session=session.Session(auth=Token(endpoint, token)), os_endpoint=endpoint)

    def wait(get, wanted, check=lambda resource: True):
        for _ in range(200):
            resource = get()
            if resource.status == wanted and check(resource):
                return resource
            time.sleep(0.05)
        raise SystemExit("%s never became %s (last: %s)" % (resource.id, wanted, resource.status))

    def wait_gone(get):
        for _ in range(200):
            try:
                get()
            except exceptions.NotFound:
                return
            time.sleep(0.05)
        raise SystemExit("never gone")

    types = [t.name for t in cinder.volume_types.list()]
    assert types and "SATA" in types, types
    volume = cinder.volumes.create(size=10, name="cinder-interop", volume_type=types[0])
    assert volume.status == "creating" and volume.size == 10, volume._info
    volume = wait(lambda: cinder.volumes.get(volume.id), "available")
    assert volume.volume_type == types[0], volume._info
    assert volume.id in [v.id for v in cinder.volumes.list()]
    cinder.volumes.update(volume, name="cinder-renamed")
    assert cinder.volumes.get(volume.id).name == "cinder-renamed"
    cinder.volumes.set_metadata(volume, {"purpose": "interop"})
    assert cinder.volumes.get(volume.id).metadata.get("purpose") == "interop"
    cinder.volumes.extend(volume, 20)
    wait(lambda: cinder.volumes.get(volume.id), "available", lambda v: v.size == 20)

    snapshot = cinder.volume_snapshots.create(volume.id, name="cinder-snap")
    snapshot = wait(lambda: cinder.volume_snapshots.get(snapshot.id), "available")
    assert int(snapshot.size) == 20, snapshot._info
    assert snapshot.id in [s.id for s in cinder.volume_snapshots.list()]
    cinder.volume_snapshots.delete(snapshot)
    wait_gone(lambda: cinder.volume_snapshots.get(snapshot.id))

    cinder.volumes.delete(volume)
    wait_gone(lambda: cinder.volumes.get(volume.id))
    print("cinderclient ok", volume.id)
    """#

    /// openstacksdk: a connection with `admin_token` auth and the block-storage endpoint
    /// overridden; the SDK discovers the version itself (its proxy is built from the version
    /// document) and waits with its own `wait_for_status` / `wait_for_delete`.
    static let openstacksdk = #"""
    import sys
    import openstack

    endpoint, token = sys.argv[1:3]
    conn = openstack.connect(auth_type="admin_token", auth={"endpoint": endpoint, "token": token},
                             block_storage_endpoint_override=endpoint, block_storage_api_version="3",
                             region_name="", load_yaml_config=False, load_envvars=False)
    storage = conn.block_storage
    version = storage.get_endpoint_data().api_version
    assert version[0] == 3, version

    # GPSSD2 and ESSD2 need `iops` (EVS 8.2.1.1): a listed type without that condition.
    types = [t.name for t in storage.types()]
    assert "SSD" in types, types
    volume = storage.create_volume(size=10, name="sdk-interop", volume_type="SSD")
    volume = storage.wait_for_status(volume, status="available", interval=0.05, wait=20)
    assert storage.get_volume(volume.id).volume_type == "SSD"
    assert volume.id in [v.id for v in storage.volumes(details=True)]
    assert volume.id in [v.id for v in storage.volumes(details=False)]
    storage.update_volume(volume, name="sdk-renamed")
    assert storage.get_volume(volume.id).name == "sdk-renamed"
    storage.set_volume_metadata(volume, purpose="interop")
    assert storage.get_volume_metadata(volume).metadata.get("purpose") == "interop"
    storage.extend_volume(volume, 20)
    volume = storage.wait_for_status(storage.get_volume(volume.id), status="available", interval=0.05, wait=20)
    assert volume.size == 20, volume.size

    snapshot = storage.create_snapshot(volume_id=volume.id, name="sdk-snap")
    snapshot = storage.wait_for_status(snapshot, status="available", interval=0.05, wait=20)
    assert snapshot.id in [s.id for s in storage.snapshots(details=True)]
    assert storage.get_snapshot(snapshot.id).volume_id == volume.id
    storage.delete_snapshot(snapshot)
    storage.wait_for_delete(snapshot, interval=0.05, wait=20)

    storage.delete_volume(volume)
    storage.wait_for_delete(volume, interval=0.05, wait=20)
    print("openstacksdk ok", volume.id)
    """#
}
