"""The top-level `ai_sdk` namespace: complete, consistent and lazy."""

import importlib
import subprocess
import sys

import pytest

import ai_sdk


def test_every_exported_name_resolves_and_all_matches_the_export_table() -> None:
    assert set(ai_sdk.__all__) == {"__version__", *ai_sdk._exports.modules}
    assert len(ai_sdk.__all__) > 100  # the declaration block was found and read
    for name in ai_sdk.__all__:
        assert getattr(ai_sdk, name) is not None, name
    # Functions named like their subpackages stay functions after the subpackage is imported.
    for module in (
        "ai_sdk.embed._embed",
        "ai_sdk.generate_image",
        "ai_sdk.generate_text._step",
        "ai_sdk.rerank",
        "ai_sdk.generate_speech",
        "ai_sdk.transcribe",
        "ai_sdk.generate_video",
    ):
        importlib.import_module(module)

    for name in (
        "generate_text",
        "embed",
        "generate_image",
        "rerank",
        "generate_speech",
        "transcribe",
        "generate_video",
    ):
        assert callable(getattr(ai_sdk, name)), name
        assert getattr(ai_sdk, name).__name__ == name


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="does_not_exist"):
        ai_sdk.does_not_exist  # noqa: B018


def test_import_ai_sdk_leaves_optional_parts_unimported() -> None:
    code = (
        "import sys, ai_sdk\n"
        "parts = ('ai_sdk.testing', 'ai_sdk.testing._language')\n"
        "print(','.join(m for m in parts if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_ai_sdk_loads_no_models() -> None:
    code = (
        "import sys, ai_sdk\n"
        "parts = ('ai_sdk.provider', 'ai_sdk.generate_text')\n"
        "print(','.join(m for m in parts if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_function_names_win_over_subpackages_imported_first() -> None:
    code = (
        "import ai_sdk.embed._embed, ai_sdk.generate_image, ai_sdk.generate_text._step\n"
        "import ai_sdk\n"
        "from ai_sdk import embed\n"
        "print(embed.__name__, ai_sdk.generate_text.__name__, ai_sdk.generate_image.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["embed", "generate_text", "generate_image"]
