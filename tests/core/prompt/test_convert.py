"""Conversion of user messages into the spec prompt: files, downloads, tool messages."""

from __future__ import annotations

import base64
import re
import socket

import pytest

from ai_sdk.prompt import (
    StandardizedPrompt,
    convert_to_language_model_prompt,
    create_download,
    standardize_prompt,
    validate_download_url,
)
from ai_sdk.provider import (
    AssistantMessage,
    ContentOutput,
    ContentOutputFile,
    DownloadError,
    FileDataBytes,
    FileDataReference,
    FileDataUrl,
    FilePart,
    InvalidDataContentError,
    JsonOutput,
    MissingToolResultsError,
    ReasoningPart,
    SystemMessage,
    TextPart,
    ToolCallPart,
    ToolMessage,
    ToolResultPart,
    UserMessage,
)
from tests.servers import LoopbackServer, Reply

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8


def file_prompt(url: str) -> StandardizedPrompt:
    """A user message holding one text file given by ``url``."""
    return standardize_prompt(
        messages=[
            {"role": "user", "content": [{"type": "file", "data": url, "mediaType": "text/plain"}]}
        ]
    )


async def convert(prompt: StandardizedPrompt, **kwargs: object) -> list[object]:
    options: dict[str, object] = {"supported_urls": {}, "download": None, **kwargs}
    return list(await convert_to_language_model_prompt(prompt, **options))  # type: ignore[arg-type]


async def test_instructions_and_string_content() -> None:
    prompt = standardize_prompt(
        messages=[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}],
        instructions=[{"role": "system", "content": "A", "providerOptions": {"p": {"k": 1}}}],
    )
    assert await convert(prompt) == [
        SystemMessage(content="A", provider_options={"p": {"k": 1}}),
        UserMessage(content=[TextPart(text="Hi")]),
        AssistantMessage(content=[TextPart(text="Hello")]),
    ]


async def test_file_data_forms_and_media_types() -> None:
    prompt = standardize_prompt(
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": ""},  # empty text parts are dropped
                    {"type": "image", "image": PNG},
                    {"type": "image", "image": base64.b64encode(PNG).decode()},
                    {"type": "file", "data": "data:text/plain;base64,aGk=", "mediaType": "text"},
                    {"type": "file", "data": "https://x.org/a.pdf", "mediaType": "application/pdf"},
                    {"type": "file", "data": {"openai": "file-1"}, "mediaType": "application/pdf"},
                    {
                        "type": "file",
                        "data": bytearray(b"abc"),
                        "mediaType": "text/csv",
                        "filename": "a.csv",
                    },
                ],
            }
        ]
    )
    assert await convert(prompt) == [
        UserMessage(
            content=[
                FilePart(data=FileDataBytes(data=PNG), media_type="image/png"),
                FilePart(
                    data=FileDataBytes(data=base64.b64encode(PNG).decode()),
                    media_type="image/png",
                ),
                FilePart(data=FileDataBytes(data="aGk="), media_type="text/plain"),
                FilePart(data=FileDataUrl(url="https://x.org/a.pdf"), media_type="application/pdf"),
                FilePart(
                    data=FileDataReference(reference={"openai": "file-1"}),
                    media_type="application/pdf",
                ),
                FilePart(data=FileDataBytes(data=b"abc"), media_type="text/csv", filename="a.csv"),
            ]
        )
    ]


async def test_inline_data_urls_are_rejected() -> None:
    prompt = standardize_prompt(
        messages=[
            {
                "role": "user",
                "content": [
                    {
                        "type": "file",
                        "data": {"type": "data", "data": "data:x;base64,AA=="},
                        "mediaType": "image",
                    }
                ],
            }
        ]
    )
    with pytest.raises(InvalidDataContentError, match="Data URLs are not valid inline data"):
        await convert(prompt)


async def test_supported_urls_pass_through_and_others_are_downloaded(
    server: LoopbackServer,
) -> None:
    server.route("/img.png", Reply(body=PNG, headers={"content-type": "image/png"}), method="GET")
    server.route(
        "/doc", Reply(body=b"%PDF-1.4", headers={"content-type": "application/pdf"}), method="GET"
    )
    prompt = standardize_prompt(
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "image", "image": f"{server.url}/img.png"},
                    {"type": "file", "data": f"{server.url}/doc", "mediaType": "application"},
                    {
                        "type": "file",
                        "data": "https://cdn.example/x.pdf",
                        "mediaType": "application/pdf",
                    },
                ],
            }
        ]
    )
    converted = await convert(
        prompt,
        supported_urls={"application/pdf": [re.compile(r"^https://cdn\.example/")]},
        download=create_download(allow_private_network=True),
    )
    assert converted == [
        UserMessage(
            content=[
                FilePart(data=FileDataBytes(data=PNG), media_type="image/png"),
                FilePart(data=FileDataBytes(data=b"%PDF-1.4"), media_type="application/pdf"),
                FilePart(
                    data=FileDataUrl(url="https://cdn.example/x.pdf"),
                    media_type="application/pdf",
                ),
            ]
        )
    ]
    assert sorted(r.path for r in server.requests) == ["/doc", "/img.png"]


async def test_download_size_cap_and_status_errors(server: LoopbackServer) -> None:
    server.route("/big", Reply(body=b"x" * 100), method="GET")
    server.route("/missing", Reply(status=404), method="GET")
    download = create_download(allow_private_network=True, max_bytes=10)
    for path, message in (("/big", "exceeds the size limit of 10 bytes"), ("/missing", "404")):
        prompt = standardize_prompt(
            messages=[
                {
                    "role": "user",
                    "content": [
                        {"type": "file", "data": f"{server.url}{path}", "mediaType": "text/plain"}
                    ],
                }
            ]
        )
        with pytest.raises(DownloadError, match=message) as caught:
            await convert(prompt, download=download)
        assert caught.value.url == f"{server.url}{path}"


async def test_default_download_refuses_private_hosts(server: LoopbackServer) -> None:
    prompt = standardize_prompt(
        messages=[
            {
                "role": "user",
                "content": [{"type": "file", "data": f"{server.url}/x", "mediaType": "text/plain"}],
            }
        ]
    )
    with pytest.raises(DownloadError, match=r"URL with IP address 127\.0\.0\.1 is not allowed"):
        await convert(prompt, download=create_download())
    assert server.requests == []


async def test_default_download_refuses_names_that_resolve_to_private_addresses(
    server: LoopbackServer,
) -> None:
    # The machine's own name resolves to a local address (/etc/hosts), which its text cannot
    # tell: only the addresses the download resolves it to can.
    host = socket.gethostname().lower()
    found = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    assert "127.0.0.1" in found, f"this test needs {host} to resolve to 127.0.0.1, got {found}"
    server.route("/x", Reply(body=b"internal"), method="GET")
    url = f"http://{host}:{server.url.rsplit(':', 1)[1]}/x"
    prompt = file_prompt(url)
    with pytest.raises(DownloadError, match=rf"Hostname {host} resolved to disallowed IP address"):
        await convert(prompt, download=create_download())
    assert server.requests == []
    # Allowed private networks are reached by the same name.
    converted = await convert(prompt, download=create_download(allow_private_network=True))
    assert converted[0].content[0].data == FileDataBytes(data=b"internal")


async def test_default_download_ignores_proxies_from_the_environment(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A proxy would resolve names where they cannot be checked; fetch in Node ignores these
    # variables too. The name does not resolve here, so the download fails, and the loopback
    # "proxy" never sees a request.
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, server.url)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server.route("/doc.txt", Reply(body=b"hello"), method="GET")
    url = "http://files.invalid/doc.txt"
    prompt = file_prompt(url)
    with pytest.raises(DownloadError, match=r"Failed to download http://files\.invalid/doc\.txt"):
        await convert(prompt, download=create_download())
    assert server.requests == []


@pytest.mark.parametrize("allow_private_network", [False, True])
async def test_a_url_that_does_not_parse_is_a_download_error(allow_private_network: bool) -> None:
    url = "http://[::1/x"
    prompt = file_prompt(url)
    download = create_download(allow_private_network=allow_private_network)
    with pytest.raises(DownloadError, match=r"Invalid URL: http://\[::1/x") as caught:
        await convert(prompt, download=download)
    assert caught.value.url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/x",
        "http://printer.local/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://[64:ff9b::7f00:1]/x",  # NAT64 of 127.0.0.1
        "http://[2002:7f00:1::]/x",  # 6to4 of 127.0.0.1
        "http://[fec0::1]/x",  # IPv6 site-local
        "http://[3fff::1]/x",  # IPv6 documentation
        "http://192.0.0.8/x",  # IETF protocol assignments
        "http://127.1/x",
        "http://0/x",
        "http://2130706433/x",
        "http://0x7f.1/x",
        "http://0177.0.0.1/x",
        "http://127\u30020\u30020\u30021/x",  # ideographic full stops, read as dots
        "http://169.254.169.254/latest",
        "ftp://example.com/x",
        "file:///etc/passwd",
    ],
)
def test_validate_download_url_blocks_internal_targets(url: str) -> None:
    with pytest.raises(DownloadError):
        validate_download_url(url)


def test_validate_download_url_allows_public_and_data_urls() -> None:
    validate_download_url("https://example.com/a.png")
    validate_download_url("http://93.184.216.34/x")
    validate_download_url("http://[64:ff9b::5db8:d822]/x")  # NAT64 of 93.184.216.34
    validate_download_url("http://cafe.example/x")  # hex letters, but a name
    validate_download_url("http://1.1.1.1/x")
    validate_download_url("data:text/plain;base64,aGk=")


async def test_consecutive_tool_messages_are_merged() -> None:
    call = {"type": "tool-call", "toolCallId": "a", "toolName": "t", "input": {}}
    call_b = {**call, "toolCallId": "b"}

    def result(call_id: str) -> dict[str, object]:
        return {
            "type": "tool-result",
            "toolCallId": call_id,
            "toolName": "t",
            "output": {"type": "json", "value": call_id},
        }

    prompt = standardize_prompt(
        messages=[
            {"role": "user", "content": "go"},
            {"role": "assistant", "content": [call, call_b]},
            {"role": "tool", "content": [result("a")], "providerOptions": {"p": {"x": 1}}},
            {"role": "tool", "content": [result("b")]},
            {"role": "user", "content": "next"},
        ]
    )
    converted = await convert(prompt)
    assert converted[2] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="a",
                tool_name="t",
                output=JsonOutput(value="a"),
                provider_options={"p": {"x": 1}},
            ),
            ToolResultPart(tool_call_id="b", tool_name="t", output=JsonOutput(value="b")),
        ]
    )
    assert len(converted) == 4


async def test_missing_tool_results_lists_the_dangling_calls() -> None:
    prompt = standardize_prompt(
        messages=[
            {"role": "user", "content": "go"},
            {
                "role": "assistant",
                "content": [
                    {"type": "tool-call", "toolCallId": "a", "toolName": "t", "input": {}},
                    {"type": "tool-call", "toolCallId": "b", "toolName": "t", "input": {}},
                    {
                        "type": "tool-call",
                        "toolCallId": "p",
                        "toolName": "web",
                        "input": {},
                        "providerExecuted": True,
                    },
                ],
            },
            {
                "role": "tool",
                "content": [
                    {
                        "type": "tool-result",
                        "toolCallId": "a",
                        "toolName": "t",
                        "output": {"type": "text", "value": "ok"},
                    },
                ],
            },
            {"role": "user", "content": "and?"},
        ]
    )
    with pytest.raises(MissingToolResultsError) as caught:
        await convert(prompt)
    assert caught.value.tool_call_ids == ["b"]


async def test_assistant_parts_are_kept_and_empty_text_dropped() -> None:
    prompt = standardize_prompt(
        messages=[
            {"role": "user", "content": "x"},
            {
                "role": "assistant",
                "content": [
                    {"type": "reasoning", "text": "think"},
                    {"type": "text", "text": ""},
                    {"type": "tool-approval-request", "approvalId": "ap", "toolCallId": "c"},
                    {"type": "file", "data": "aGk=", "mediaType": "text/plain"},
                    {"type": "tool-call", "toolCallId": "c", "toolName": "t", "input": {"a": 1}},
                ],
            },
            {
                "role": "tool",
                "content": [
                    {
                        "type": "tool-result",
                        "toolCallId": "c",
                        "toolName": "t",
                        "output": {
                            "type": "content",
                            "value": [
                                {
                                    "type": "file",
                                    "data": {"type": "data", "data": PNG},
                                    "mediaType": "image",
                                }
                            ],
                        },
                    },
                ],
            },
        ]
    )
    converted = await convert(prompt)
    assert converted[1:] == [
        AssistantMessage(
            content=[
                ReasoningPart(text="think"),
                FilePart(data=FileDataBytes(data="aGk="), media_type="text/plain"),
                ToolCallPart(tool_call_id="c", tool_name="t", input={"a": 1}),
            ]
        ),
        ToolMessage(
            content=[
                ToolResultPart(
                    tool_call_id="c",
                    tool_name="t",
                    output=ContentOutput(
                        value=[
                            ContentOutputFile(data=FileDataBytes(data=PNG), media_type="image/png")
                        ]
                    ),
                )
            ]
        ),
    ]
