"""Every command documents itself: help text, option help, examples, and a README mention.

(After sqlite-utils' tests/test_docs.py: a command without docs fails the build.)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import command_modules, make_parser

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(command_modules())


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_there_are_commands():
    assert {"build", "query", "eval", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_examples(name):
    mod = command_modules()[name]
    assert isinstance(mod.HELP, str) and mod.HELP.strip() and "\n" not in mod.HELP.strip(), "HELP is one line"
    epilog = getattr(mod, "EPILOG", None) or ""
    assert "example" in epilog.lower(), f"kg {name}: add an EPILOG with examples"
    assert re.search(rf"^\s+kg {re.escape(name)}\b", epilog, re.M), f"kg {name}: EPILOG should show 'kg {name} ...'"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help(name):
    sub = _subparsers()[name]
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help and action.help.strip(), f"kg {name}: {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_prints_description_and_examples(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        make_parser().parse_args([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: kg " + name)
    assert "examples" in out.lower()


def test_top_level_help_lists_every_command():
    r = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", r.stdout, re.M), f"'kg --help' does not list {name}"


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_mentions_every_command(name):
    readme = ROOT / "README.md"
    assert readme.exists(), "README.md is missing"
    assert re.search(rf"\bkg {re.escape(name)}\b", readme.read_text(encoding="utf-8")), \
        f"README.md does not mention 'kg {name}'"


def test_error_codes_are_unique_and_match_their_names():
    from kg.errors import Errors, Warnings

    for cls, letter in ((Errors, "E"), (Warnings, "W")):
        codes = {k: v for k, v in vars(cls).items() if re.fullmatch(rf"{letter}\d{{3}}", k)}
        assert codes
        for key, message in codes.items():
            assert message.startswith(f"{key}: "), f"{key} message must start with its code"


def test_query_docs_cover_every_saved_query_and_owned_command():
    doc = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "queries").glob("*.rq"):
        assert path.stem in doc, f"README.md does not mention {path.name}"
    for name in ("query", "eval", "validate"):
        assert f"kg {name}" in doc


@pytest.mark.parametrize("name", COMMANDS)
def test_examples_in_the_epilog_parse(name):
    """Every 'kg ...' example line is valid for the parser (shell pipes, redirects and comments aside)."""
    import shlex

    epilog = getattr(command_modules()[name], "EPILOG", "") or ""
    examples = []
    for line in epilog.splitlines():
        for part in re.split(r"&&|\||>", line.strip()):
            part = part.strip()
            if part.startswith("kg "):
                examples.append(part)
    assert examples
    for example in examples:
        argv = shlex.split(example, comments=True)[1:]
        try:
            make_parser().parse_args(argv)
        except SystemExit as e:
            pytest.fail(f"example does not parse ({e.code}): {example}")
