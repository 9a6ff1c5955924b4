"""Where the default download connects: to an address it checked, the next one when that
refuses, and over TLS with the URL's host as server name, certificate name and Host header."""

from __future__ import annotations

import asyncio
import socket
import ssl
from pathlib import Path

import httpx
import pytest
import trustme

from ai_sdk.prompt import DownloadedFile, DownloadRequest, create_download
from ai_sdk.prompt._download import _send_to  # pyright: ignore[reportPrivateUsage]
from tests.servers import LoopbackServer, Reply


async def test_a_refused_address_falls_back_to_the_next(server: LoopbackServer) -> None:
    # All of 127/8 is loopback, but the server listens on 127.0.0.1 alone: 127.0.0.2 refuses.
    server.route("/x", Reply(body=b"ok"), method="GET")
    port = int(server.url.rsplit(":", 1)[1])
    async with httpx.AsyncClient() as client:
        request = client.build_request("GET", f"http://files.example:{port}/x")
        response = await _send_to(client, request, ["127.0.0.2", "127.0.0.1"])
        assert await response.aread() == b"ok"
        with pytest.raises(httpx.ConnectError):
            await _send_to(client, client.build_request("GET", request.url), ["127.0.0.2"])
    assert [r.headers["host"] for r in server.requests] == [f"files.example:{port}"]


async def test_an_https_download_keeps_the_hosts_tls_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = socket.gethostname().lower()
    found = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    assert "127.0.0.1" in found, f"this test needs {host} to resolve to 127.0.0.1, got {found}"
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(host).configure_cert(context)
    server_names: list[str | None] = []
    context.sni_callback = lambda _socket, name, _context: server_names.append(name)
    heads: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n"
            b"connection: close\r\n\r\nok"
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))  # httpx trusts it
    try:
        download = create_download(allow_private_network=True)
        files = await download(
            [DownloadRequest(url=f"https://{host}:{port}/x", is_url_supported_by_model=False)]
        )
    finally:
        server.close()
        await server.wait_closed()

    assert files == [DownloadedFile(data=b"ok", media_type="text/plain")]
    assert server_names == [host]  # an address alone would send no server name
    assert f"\r\nhost: {host}:{port}\r\n".encode() in heads[0].lower()
