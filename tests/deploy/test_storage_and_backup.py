"""Uploaded files on S3-compatible storage (moto's server as the emulator), and backups: a
backup restored into an empty database brings back every dossier, decision and file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import (
    BIN,
    PG_HOST,
    PG_PORT,
    Site,
    create_database,
    drop_database,
    free_port,
    production_env,
    stop,
    wait_for,
)


@pytest.fixture
def s3(site):
    import boto3

    port = free_port()
    process = site.start(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], log="moto.log"
    )
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="thu-nghiem",
        aws_secret_access_key="thu-nghiem",
        region_name="us-east-1",
    )

    def up():
        try:
            return client.list_buckets() is not None
        except Exception:
            return False

    wait_for(up, 60, what="moto's S3 server")
    client.create_bucket(Bucket="thidua-ho-so")
    yield endpoint, client
    stop(process)


def test_dossier_files_are_stored_on_s3_compatible_storage_and_downloaded_through_scope(site, s3):
    endpoint, client = s3
    env = {
        "THIDUA_S3_BUCKET": "thidua-ho-so",
        "THIDUA_S3_ENDPOINT_URL": endpoint,
        "THIDUA_S3_ACCESS_KEY": "thu-nghiem",
        "THIDUA_S3_SECRET_KEY": "thu-nghiem",
        "THIDUA_S3_REGION": "us-east-1",
        "THIDUA_S3_PREFIX": "media",
    }
    result = json.loads(site.module("tests.deploy.s3_check", env=env).strip().splitlines()[-1])
    assert result["storage"] == "S3Storage"
    assert result["exists"] and result["signed_url"]
    assert result["status"] == 200 and result["downloaded"]
    keys = [o["Key"] for o in client.list_objects_v2(Bucket="thidua-ho-so")["Contents"]]
    assert keys == [f"media/{result['name']}"]
    assert result["name"].startswith("dossiers/")
    # Private objects: no public ACL grant.
    grants = client.get_object_acl(Bucket="thidua-ho-so", Key=keys[0])["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("AllUsers")]


def restore_and_compare(site: Site, archive: Path, env: dict) -> dict:
    before = site.fingerprint()
    # The demo's two dossiers, and those the load tests submitted on the same site.
    assert len(before["dossiers"]) >= 2 and before["decisions"] and len(before["files"]) >= 4
    result = site.manage("restore", str(archive), "--noinput", env=env)
    assert "Đã khôi phục" in result.stdout
    after = site.fingerprint(env=env)
    assert after == before
    site.manage("migrate", "--check", env=env)  # the restored schema is complete
    return after


def test_a_postgresql_backup_restores_into_an_empty_database_and_only_there(site, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    result = site.manage("backup", "--output", str(archive))
    assert f"Đã sao lưu vào {archive} (postgresql, " in result.stdout
    target = f"{site.name}_restored"
    create_database(target)
    env = {
        "DATABASE_URL": f"postgres://postgres@{PG_HOST}:{PG_PORT}/{target}",
        "THIDUA_DATA_DIR": str(tmp_path / "restored"),
    }
    try:
        restore_and_compare(site, archive, env)
    finally:
        drop_database(target)
    # A pg_dump archive is not loaded into another kind of database.
    other = {"DATABASE_URL": f"sqlite:///{tmp_path / 'khac.sqlite3'}"}
    result = site.manage("restore", str(archive), "--noinput", env=other, check=False)
    assert result.returncode == 1
    assert "restore it into PostgreSQL" in result.stderr


def test_a_sqlite_backup_restores_into_an_empty_database(tmp_path):
    """The dumpdata path (any database but PostgreSQL), on SQLite; needs no server."""
    data = tmp_path / "nguon"
    source = Site(
        name="sqlite",
        env=production_env(f"sqlite:///{data / 'thidua.sqlite3'}", data),
        data_dir=data,
    )
    data.mkdir()
    source.manage("migrate", "--noinput")
    source.manage("seed_demo", "--stage=dossiers", "--verbosity", "0")
    source.module("tests.deploy.history")
    archive = tmp_path / "sao-luu.tar.gz"
    assert "(sqlite, " in source.manage("backup", "--output", str(archive)).stdout
    restored = tmp_path / "dich"
    env = {
        "DATABASE_URL": f"sqlite:///{restored / 'thidua.sqlite3'}",
        "THIDUA_DATA_DIR": str(restored),
    }
    restore_and_compare(source, archive, env)
