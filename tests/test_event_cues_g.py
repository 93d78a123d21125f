"""Event cues and patterns in the style of event data (CAMEO/PLOVER roots 03, 08, 19 ...): wrapper nouns under
light verbs, blockades and sieges, occupations. The sentences are written for these tests, not taken from any
gold file. All sentences are parsed in one batch by the real model (module fixture).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SENTENCES: dict[str, str] = {
    "expressed_readiness": "Hanoi expressed its readiness to resume talks with Beijing.",
    "others_willingness": "Hanoi rejected the willingness of Laos to resume talks with Beijing.",
    "imposed_blockade": "Azerbaijan imposed a blockade on Armenia.",
    "lifted_blockade": "Greece lifted its blockade of North Macedonia.",
    "laid_siege": "Russian troops laid siege to the Ukrainian city of Mariupol.",
    "besieged": "Ethiopian troops besieged Eritrea's capital.",
    "troops_occupied": "Iraqi troops occupied the Kuwaiti town of Khafji.",
    "students_occupied": "Chilean students occupied the Peruvian embassy.",
}


@pytest.fixture(scope="module")
def facts(nlp):
    from kg.extract import Extractor
    from kg.ingest.article import Article

    ex = Extractor(nlp)
    arts = [Article(id=k, text=v, date="2024-03-13") for k, v in SENTENCES.items()]
    return {af.article.id: af for af in ex.pipe(arts)}


def triples(af, *, negated=False):
    return {(f.subject, f.relation, f.object) for f in af.facts if f.negated == negated}


def test_wrapper_noun_under_a_light_verb_is_the_light_verb_subject_s_intent(facts):
    assert ("Vietnam", "agreesWith", "China") in triples(facts["expressed_readiness"])
    # someone else's willingness is not the subject's
    assert ("Vietnam", "agreesWith", "China") not in triples(facts["others_willingness"])


def test_blockades_and_sieges_are_uses_of_force_and_lifting_them_a_retreat(facts):
    got = triples(facts["imposed_blockade"])
    assert ("Azerbaijan", "attacks", "Armenia") in got
    assert ("Azerbaijan", "sanctions", "Armenia") not in got
    got = triples(facts["lifted_blockade"])
    assert ("Greece", "withdrawsFrom", "North Macedonia") in got
    assert not any(r in ("attacks", "concedesTo") for _, r, _ in got)
    assert ("Russia", "attacks", "Ukraine") in triples(facts["laid_siege"])
    got = triples(facts["besieged"])
    assert {("Ethiopia", "attacks", "Eritrea"), ("Ethiopia", "coerces", "Eritrea")} <= got


def test_troops_occupying_a_place_attack_its_country_but_protesters_do_not(facts):
    assert ("Iraq", "attacks", "Kuwait") in triples(facts["troops_occupied"])
    assert not any(r == "attacks" for _, r, _ in triples(facts["students_occupied"]))
