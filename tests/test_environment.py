"""The pip pins (requirements/) and the conda environment (environment.yml) agree."""
import re

import yaml

from conftest import ROOT


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#")[0].strip()
        m = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_environment_yml_carries_the_same_pins():
    lock = _pins((ROOT / "requirements" / "lock.txt").read_text().splitlines())
    nodeps = _pins((ROOT / "requirements" / "nodeps.txt").read_text().splitlines())
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert _pins(pip_section) == lock
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert python.startswith("python=3.11")
    # camel-tools is installed without its declared torch/transformers dependencies: the
    # environment file says how, with the same pin.
    text = (ROOT / "environment.yml").read_text()
    assert f"pip install --no-deps camel-tools=={nodeps['camel-tools']}" in text


def test_direct_dependencies_are_pinned_in_the_lock():
    lock = _pins((ROOT / "requirements" / "lock.txt").read_text().splitlines())
    direct = _pins((ROOT / "requirements" / "direct.txt").read_text().splitlines())
    for name, version in direct.items():
        assert lock.get(name) == version, name
    assert "torch" not in lock and "transformers" not in lock
