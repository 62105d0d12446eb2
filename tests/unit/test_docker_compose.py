"""The deployment stack (docker-compose.yml, docker/, .env.example) keeps its promises.

No Docker engine runs in CI, so the stack is checked statically:

* docker-compose.yml, interpolated the way Compose does with the values of .env.example, is valid
  against the Compose Specification JSON schema. ``compose-spec.json`` beside this file is the
  upstream ``schema/compose-spec.json`` of github.com/compose-spec/compose-spec (Apache-2.0), taken
  unchanged from the copy the PyPI package check-jsonschema 0.39.0 vendors
  (check_jsonschema/builtin_schemas/vendor/compose-spec.json); its SHA-256 is pinned below.
* the project's own promises: shared Airflow config, WAREHOUSE_URL everywhere it is needed, secrets
  only from .env and required, healthchecks, mounts that exist, an image that installs the pins of
  pyproject.toml, and an init job that creates the admin only once and refuses placeholder secrets.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
DOCKERFILE = REPO / "docker" / "airflow.Dockerfile"
DOCKERIGNORE = REPO / "docker" / "airflow.Dockerfile.dockerignore"
INIT_SCRIPT = REPO / "docker" / "airflow-init.sh"
SCHEMA_FILE = Path(__file__).with_name("compose-spec.json")
SCHEMA_SHA256 = "d549057ebc2925f39f62799eab0db7b9e2c18b35b6c00595199116da3ed10e64"

AIRFLOW_SERVICES = {"airflow-init", "airflow-apiserver", "airflow-scheduler", "airflow-dag-processor",
                    "airflow-triggerer"}
PROJECT_MOUNTS = {"dags", "dbt_project", "expectations", "plugins"}
SECRET_NAME = re.compile(r"PASSWORD|SECRET|_KEY$|TOKEN")


# --- Compose variable interpolation ($VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e},
# ${VAR:+a}, ${VAR+a}, nesting inside the argument, and $$ for a literal $) -----------------------

class InterpolationError(ValueError):
    pass


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def interpolate(text: str, env: dict[str, str]) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] != "$":
            out.append(text[i])
            i += 1
        elif text.startswith("$$", i):
            out.append("$")
            i += 2
        elif text.startswith("${", i):
            value, i = _braced(text, i + 2, env)
            out.append(value)
        elif name := _NAME.match(text, i + 1):
            out.append(env.get(name.group(), ""))
            i = name.end()
        else:
            raise InterpolationError(f"invalid interpolation at {text[i:]!r}")
    return "".join(out)


def _braced(text: str, start: int, env: dict[str, str]) -> tuple[str, int]:
    name = _NAME.match(text, start)
    if not name:
        raise InterpolationError(f"invalid interpolation at {text[start - 2:]!r}")
    pos = name.end()
    operator = next((op for op in (":-", ":?", ":+", "-", "?", "+") if text.startswith(op, pos)), "")
    pos += len(operator)
    depth, end = 0, pos
    while True:
        if end >= len(text):
            raise InterpolationError(f"unclosed ${{ in {text!r}")
        if text.startswith("$$", end):
            end += 2
        elif text.startswith("${", end):
            depth, end = depth + 1, end + 2
        elif text[end] == "}":
            if depth == 0:
                break
            depth, end = depth - 1, end + 1
        else:
            end += 1
    argument, value = text[pos:end], env.get(name.group())
    if not operator:
        result = value or ""
    elif operator in (":-", "-"):
        unset = value is None or (operator == ":-" and value == "")
        result = interpolate(argument, env) if unset else value
    elif operator in (":?", "?"):
        if value is None or (operator == ":?" and value == ""):
            raise InterpolationError(f"required variable {name.group()} is missing a value: "
                                     f"{interpolate(argument, env)}")
        result = value
    else:
        is_set = value is not None and (operator == "+" or value != "")
        result = interpolate(argument, env) if is_set else ""
    return result, end + 1


def interpolate_tree(node, env: dict[str, str]):
    if isinstance(node, dict):
        return {key: interpolate_tree(value, env) for key, value in node.items()}
    if isinstance(node, list):
        return [interpolate_tree(value, env) for value in node]
    if isinstance(node, str):
        return interpolate(node, env)
    return node


# --- Helpers ---------------------------------------------------------------------------------------

def read_env_file(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


_FILE = object()


def compose_values(node=_FILE) -> str:
    """Every string value of docker-compose.yml (what Compose interpolates; comments are not)."""
    if node is _FILE:
        node = yaml.safe_load(COMPOSE_FILE.read_text())
    if isinstance(node, dict):
        return "\n".join(compose_values(value) for value in node.values())
    if isinstance(node, list):
        return "\n".join(compose_values(value) for value in node)
    return node if isinstance(node, str) else ""


def variables_used(text: str) -> set[str]:
    text = text.replace("$$", "")
    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", text)) | set(
        re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def example_env() -> dict[str, str]:
    return read_env_file(ENV_EXAMPLE)


@pytest.fixture(scope="module")
def config(raw, example_env) -> dict:
    """docker-compose.yml as Compose sees it after `cp .env.example .env`."""
    return interpolate_tree(raw, example_env)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.partition("=")[::2] for item in env)
    return env


# --- The interpolation used here behaves like Compose's ----------------------------------------------

@pytest.mark.parametrize(("template", "expected"), [
    ("${A}", "a"), ("$A-x", "a-x"), ("$$A", "$A"), ("${UNSET:-d}", "d"), ("${EMPTY:-d}", "d"),
    ("${EMPTY-d}", ""), ("${A:+alt}", "alt"), ("${UNSET:+alt}", ""),
    ("${UNSET:-x${A}y}", "xay"), ("${A:-x${UNSET:?never evaluated}}", "a"),
])
def test_interpolation_follows_compose_rules(template, expected):
    assert interpolate(template, {"A": "a", "EMPTY": ""}) == expected


@pytest.mark.parametrize("template", ["${UNSET:?needed}", "${EMPTY:?needed}", "${UNSET?needed}", "${A"])
def test_interpolation_refuses_missing_required_values(template):
    with pytest.raises(InterpolationError):
        interpolate(template, {"A": "a", "EMPTY": ""})


# --- Compose Specification ------------------------------------------------------------------------

def test_vendored_schema_is_the_unmodified_upstream_compose_spec():
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert json.loads(SCHEMA_FILE.read_text())["title"] == "Compose Specification"


def test_compose_file_with_env_example_is_valid_against_the_compose_specification(config, validator):
    errors = sorted(validator.iter_errors(config), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


@pytest.mark.parametrize("mutate", [
    lambda c: c["services"]["warehouse"].update(healtcheck={"test": ["CMD", "true"]}),
    lambda c: c["services"]["airflow-scheduler"]["depends_on"]["airflow-init"].update(
        condition="service_finished"),
    lambda c: c["services"]["airflow-apiserver"].update(ports="8080:8080"),
], ids=["misspelt-key", "unknown-depends-on-condition", "ports-not-a-list"])
def test_schema_validation_catches_broken_compose_files(config, validator, mutate):
    broken = copy.deepcopy(config)
    mutate(broken)
    assert list(validator.iter_errors(broken))


def test_every_variable_compose_reads_is_documented_in_env_example(example_env):
    documented = set(example_env) | set(re.findall(r"^#\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    missing = variables_used(compose_values()) - documented
    assert not missing, f".env.example does not list {sorted(missing)}"


# --- Airflow services share one configuration -----------------------------------------------------

def test_the_airflow_services_are_the_five_airflow_3_components(config):
    assert {name for name in config["services"] if name.startswith("airflow-") and name != "airflow-db"} \
        == AIRFLOW_SERVICES
    commands = {name: config["services"][name]["command"] for name in AIRFLOW_SERVICES - {"airflow-init"}}
    assert commands == {"airflow-apiserver": "api-server", "airflow-scheduler": "scheduler",
                        "airflow-dag-processor": "dag-processor", "airflow-triggerer": "triggerer"}


@pytest.mark.parametrize("service", sorted(AIRFLOW_SERVICES))
def test_airflow_service_uses_the_common_anchor_config(config, service):
    common, actual = config["x-airflow-common"], config["services"][service]
    allowed_overrides = {"airflow-init": {"restart"}}.get(service, set())
    for key, value in common.items():
        if key in ("environment", "depends_on"):
            assert actual[key].items() >= value.items(), f"{service} drops or changes common {key}"
        elif key not in allowed_overrides:
            assert actual.get(key) == value, f"{service} overrides common {key}"


def test_common_airflow_config_runs_the_project_from_opt_equality(config):
    env = environment(config["x-airflow-common"])
    assert env["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"
    assert urlsplit(env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]).hostname == "airflow-db"
    assert env["AIRFLOW__CORE__DAGS_FOLDER"] == "/opt/equality/dags"
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false"
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-apiserver:8080/")
    assert env["EQUALITY_LANDING_DIR"] == "/opt/equality/landing"
    assert config["x-airflow-common"]["build"]["dockerfile"] == "docker/airflow.Dockerfile"
    mounted = {volume.split(":")[1] for volume in config["x-airflow-common"]["volumes"]}
    assert {f"/opt/equality/{name}" for name in PROJECT_MOUNTS} | {"/opt/equality/landing"} <= mounted


@pytest.mark.parametrize("service", sorted(AIRFLOW_SERVICES))
def test_airflow_service_waits_for_its_databases_and_the_init_job(config, service):
    depends_on = config["services"][service]["depends_on"]
    assert depends_on["airflow-db"]["condition"] == "service_healthy"
    assert depends_on["warehouse"]["condition"] == "service_healthy"
    if service != "airflow-init":
        assert depends_on["airflow-init"]["condition"] == "service_completed_successfully"


# --- The warehouse --------------------------------------------------------------------------------

@pytest.mark.parametrize("service", sorted(AIRFLOW_SERVICES))
def test_airflow_service_reaches_the_bundled_warehouse_by_default(config, example_env, service):
    url = urlsplit(environment(config["services"][service])["WAREHOUSE_URL"])
    assert (url.scheme, url.hostname, url.port) == ("postgresql", "warehouse", 5432)
    assert (url.username, url.password) == (example_env["WAREHOUSE_PIPELINE_USER"],
                                            example_env["WAREHOUSE_PIPELINE_PASSWORD"])
    assert url.path == f"/{example_env['WAREHOUSE_DB']}"


def test_the_celery_profile_scales_out_on_workers_that_share_the_airflow_config(raw, example_env):
    config = interpolate_tree(raw, {**example_env, "AIRFLOW_EXECUTOR": "CeleryExecutor",
                                    "COMPOSE_PROFILES": "warehouse,celery"})
    services = config["services"]
    assert services["redis"]["profiles"] == services["celery-worker"]["profiles"] == ["celery"]
    worker = services["celery-worker"]
    assert worker["command"] == "celery worker" and worker["image"] == config["x-airflow-common"]["image"]
    assert environment(worker).items() >= environment(config["x-airflow-common"]).items()
    assert {environment(services[s])["AIRFLOW__CORE__EXECUTOR"] for s in AIRFLOW_SERVICES | {"celery-worker"}} \
        == {"CeleryExecutor"}
    assert environment(worker)["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
    assert worker["depends_on"]["redis"]["condition"] == "service_healthy"
    assert worker["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"


def test_warehouse_url_in_env_points_every_airflow_service_at_an_existing_server(raw, example_env):
    external = "postgresql://equality_pipeline:s3cret@db.force.example:5432/equality"
    config = interpolate_tree(raw, {**example_env, "WAREHOUSE_URL": external, "COMPOSE_PROFILES": ""})
    assert {environment(config["services"][s])["WAREHOUSE_URL"] for s in AIRFLOW_SERVICES} == {external}
    for service in AIRFLOW_SERVICES:
        assert config["services"][service]["depends_on"]["warehouse"]["required"] is False
    assert config["services"]["warehouse"]["profiles"] == ["warehouse"]
    assert "warehouse" in example_env["COMPOSE_PROFILES"].split(",")


def test_warehouse_is_postgres_16_on_a_named_volume_with_the_role_init_scripts(config):
    warehouse = config["services"]["warehouse"]
    assert warehouse["image"] == "postgres:16"
    data = [v for v in warehouse["volumes"] if v.split(":")[1] == "/var/lib/postgresql/data"]
    assert len(data) == 1 and data[0].split(":")[0] in config["volumes"]
    init = next(v for v in warehouse["volumes"] if v.split(":")[1] == "/docker-entrypoint-initdb.d")
    assert list((REPO / init.split(":")[0]).glob("*.sh"))


def test_airflow_metadata_lives_in_its_own_postgres(config):
    assert config["services"]["airflow-db"]["image"].startswith("postgres:")
    assert config["services"]["airflow-db"]["volumes"][0].split(":")[0] in config["volumes"]


# --- Healthchecks --------------------------------------------------------------------------------------

@pytest.mark.parametrize("service", ["warehouse", "airflow-db"])
def test_postgres_services_are_healthchecked_with_pg_isready(config, service):
    assert "pg_isready" in " ".join(config["services"][service]["healthcheck"]["test"])


def test_api_server_is_healthchecked_on_its_health_endpoint(config):
    service = config["services"]["airflow-apiserver"]
    assert any(port.endswith(":8080") for port in service["ports"])
    test = " ".join(service["healthcheck"]["test"])
    assert re.search(r"http://localhost:8080/api/v2/(monitor/health|version)\b", test)


# --- Secrets ---------------------------------------------------------------------------------------

def secret_variables() -> set[str]:
    return {name for name in variables_used(compose_values()) if SECRET_NAME.search(name)}


def test_the_pseudonym_key_is_a_required_secret():
    assert "EQUALITY_PSEUDONYM_KEY" in secret_variables()


@pytest.mark.parametrize("name", sorted(secret_variables()))
def test_secret_is_required_from_env_with_no_default(name):
    text = compose_values()
    uses = re.findall(r"\$\{" + name + r"([^A-Za-z0-9_][^}]*)?\}", text)
    assert uses and all(use.startswith(":?") for use in uses), f"{name} must be ${{{name}:?...}}"


@pytest.mark.parametrize("name", sorted(secret_variables()))
def test_compose_refuses_to_start_without_the_secret(raw, example_env, name):
    env = {key: value for key, value in example_env.items() if key != name}
    with pytest.raises(InterpolationError, match=name):
        interpolate_tree(raw, env)


def test_every_secret_value_in_a_service_comes_from_env(raw, example_env):
    sentinels = {name: f"sentinel-{name.lower()}" for name in secret_variables()}
    config = interpolate_tree(raw, {**example_env, **sentinels})
    for service_name, service in [("x-airflow-common", config["x-airflow-common"]), *config["services"].items()]:
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert value in sentinels.values(), f"{service_name}: {key} is not taken from .env"
            if "://" in value and urlsplit(value).password is not None:
                assert urlsplit(value).password in sentinels.values(), f"{service_name}: {key} embeds a password"


def test_env_example_holds_only_placeholder_secrets(example_env):
    for name in secret_variables():
        assert "change-me" in example_env[name], f".env.example: {name} must be an obvious placeholder"
    assert 'python -c "import secrets; print(secrets.token_hex(32))"' in ENV_EXAMPLE.read_text()


# --- Mounts and image ---------------------------------------------------------------------------------

def bind_mounts(config) -> list[tuple[str, str]]:
    mounts = []
    for service in [config["x-airflow-common"], *config["services"].values()]:
        for volume in service.get("volumes", []):
            source, target = volume.split(":")[:2]
            if source.startswith("."):
                mounts.append((source, target))
    return mounts


def test_project_folders_are_mounted_from_the_repository(config):
    mounted = {target: source for source, target in bind_mounts(config)}
    for name in PROJECT_MOUNTS:
        assert mounted[f"/opt/equality/{name}"] == f"./{name}"


def test_every_bind_mounted_repository_path_exists(config, example_env):
    landing = example_env["EQUALITY_LANDING_HOST_DIR"]
    for source, _ in bind_mounts(config):
        if source != landing:
            assert (REPO / source).is_dir(), f"{source} is mounted but missing from the repository"


def test_landing_default_is_ignored_by_git(example_env):
    landing = example_env["EQUALITY_LANDING_HOST_DIR"]
    result = subprocess.run(["git", "check-ignore", "-q", landing + "/extract.csv"], cwd=REPO)
    assert result.returncode == 0, f"{landing} would let landed extracts be committed"


def test_env_file_with_the_secrets_is_ignored_by_git():
    result = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO)
    assert result.returncode == 0, ".env holds the secrets and must be listed in .gitignore"


def test_every_named_volume_is_declared(config):
    for service in config["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in config["volumes"], f"volume {source} is not declared"


def dockerfile_requirements() -> dict[str, str]:
    requirements = re.findall(r'"([A-Za-z0-9_.-]+)((?:==|~=|>=)[^"]+)"', DOCKERFILE.read_text())
    return {name.lower(): spec for name, spec in requirements}


def test_image_installs_the_same_pins_as_pyproject():
    text = DOCKERFILE.read_text()
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    pins = {}
    for requirement in pyproject["project"]["dependencies"]:
        match = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*(.*)", requirement)
        pins[match.group(1).lower()] = match.group(2).replace(" ", "")
    airflow_version = re.search(r"^ARG AIRFLOW_VERSION=(\S+)", text, re.M).group(1)
    assert pins["apache-airflow"] == f"=={airflow_version}"
    assert re.search(r"^FROM apache/airflow:\$\{AIRFLOW_VERSION\}-python\$\{PYTHON_VERSION\}", text, re.M)
    assert re.search(r"^ARG PYTHON_VERSION=3\.11$", text, re.M)
    image = dockerfile_requirements()
    for name in ("dbt-core", "dbt-postgres", "great-expectations"):
        assert image[name] == pins[name], f"image installs {name}{image[name]}, pyproject says {pins[name]}"
    assert re.search(r"pip install[^\n]*\\\n(?:[^\n]*\\\n)*\s*-e /opt/equality\s*$", text, re.M)
    assert "pip install --no-cache-dir --constraint /opt/equality/constraints.txt" in text


def test_image_copies_only_files_that_exist_and_the_build_context_sends():
    ignore = [line for line in DOCKERIGNORE.read_text().splitlines() if line and not line.startswith("#")]
    assert ignore[0] == "*", "the build context must start from nothing (no .env, no landed extracts)"
    for line in re.findall(r"^COPY (?:--\S+ )*(.+) \S+$", DOCKERFILE.read_text(), re.M):
        for source in line.split():
            assert (REPO / source).exists(), f"Dockerfile copies missing {source}"
            assert f"!{source}" in ignore, f"{source} is excluded from the build context"


# --- The init job ----------------------------------------------------------------------------------

@pytest.fixture
def fake_airflow(tmp_path):
    """An `airflow` command that logs its arguments and lists the users in FAKE_USERS."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "airflow").write_text(
        '#!/usr/bin/env bash\n'
        'echo "$*" >> "$FAKE_LOG"\n'
        'if [ "$1 $2" = "users list" ]; then echo "$FAKE_USERS"; fi\n')
    (bin_dir / "airflow").chmod(0o755)
    (bin_dir / "python").symlink_to(sys.executable)
    log = tmp_path / "airflow.log"

    def run(users: list[str], **overrides: str) -> tuple[int, list[str], str]:
        env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_LOG": str(log),
               "FAKE_USERS": json.dumps([{"username": u} for u in users]),
               "EQUALITY_PSEUDONYM_KEY": "0" * 64, "AIRFLOW_ADMIN_USERNAME": "admin",
               "AIRFLOW_ADMIN_PASSWORD": "a-real-password", "AIRFLOW__CORE__FERNET_KEY": "fernet",
               "AIRFLOW__API_AUTH__JWT_SECRET": "jwt", **overrides}
        log.write_text("")
        result = subprocess.run(["bash", str(INIT_SCRIPT)], env=env, capture_output=True, text=True)
        return result.returncode, log.read_text().splitlines(), result.stderr

    return run


def test_init_job_migrates_and_creates_the_admin_when_missing(fake_airflow):
    code, calls, _ = fake_airflow(users=["someone-else"])
    assert code == 0
    assert calls[0] == "db migrate"
    assert [c for c in calls if c.startswith("users create")] == [
        "users create --username admin --password a-real-password --firstname Equality --lastname Admin "
        "--role Admin --email admin@example.invalid"]


def test_init_job_leaves_an_existing_admin_alone(fake_airflow):
    code, calls, _ = fake_airflow(users=["admin"])
    assert code == 0
    assert "db migrate" in calls
    assert not [c for c in calls if c.startswith("users create")]


@pytest.mark.parametrize("overrides", [
    {"EQUALITY_PSEUDONYM_KEY": read_env_file(ENV_EXAMPLE)["EQUALITY_PSEUDONYM_KEY"]},
    {"EQUALITY_PSEUDONYM_KEY": "too-short"},
    {"AIRFLOW_ADMIN_PASSWORD": read_env_file(ENV_EXAMPLE)["AIRFLOW_ADMIN_PASSWORD"]},
    {"AIRFLOW__API_AUTH__JWT_SECRET": ""},
], ids=["placeholder-key", "short-key", "placeholder-admin-password", "empty-jwt-secret"])
def test_init_job_refuses_placeholder_or_weak_secrets_before_touching_airflow(fake_airflow, overrides):
    code, calls, stderr = fake_airflow(users=[], **overrides)
    assert code != 0
    assert calls == []
    assert next(iter(overrides)) in stderr


def test_init_job_creates_the_admin_when_airflow_reports_no_users_at_all(fake_airflow):
    code, calls, _ = fake_airflow(users=[], FAKE_USERS="No data found")
    assert code == 0
    assert len([c for c in calls if c.startswith("users create --username admin")]) == 1
