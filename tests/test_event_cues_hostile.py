"""Event cues for hostile, punitive, rejecting, requesting and consulting acts (PLOVER ASSAULT, COERCE,
SANCTION, REJECT, THREATEN, REQUEST, ACCUSE, AGREE, CONSULT, SUPPORT). The sentences are written for
these tests, not taken from any gold file; each cue has a case where it must not fire.

All sentences are parsed in one batch by the real model (module fixture).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SENTENCES: dict[str, str] = {
    # SANCTION
    "suspend_from": "The Arab League suspended Syria from its meetings on Saturday.",
    "suspend_no_from": "Ghana suspended its offensive in Togo on Monday.",
    "frozen_lending": "The IMF has frozen lending to Zambia over debt concerns.",
    "curbed_lending": "The Asian Development Bank curbed lending to Myanmar after the coup.",
    "cancelled_training": "New Zealand cancelled joint training programmes with Fiji's armed forces.",
    "cancelled_plain": "New Zealand cancelled a concert in Fiji.",
    "passive_ties": "Military aid to Honduras was suspended by Washington. "
                    "Diplomatic relations with Qatar were severed by Bahrain on Monday.",
    # REJECT
    "ignored_appeals": "Peru has ignored repeated appeals by the United Nations to release the prisoners.",
    "ignored_report": "Chile ignored a report by Bolivia on the floods.",
    "declined_offer": "Chile declined Bolivia's offer to resume talks.",
    # CONSULT
    "shuttled": "Finland's foreign minister shuttled between Moscow and Kiev this week.",
    "shuttled_rooms": "Finland's foreign minister shuttled between meetings all week.",
    # THREATEN
    "retaliate_if": "Lithuania warned that it would retaliate against Belarus if the border was closed.",
    "warned_of_war_if": "The Taliban's leader warned Pakistan of \"total war\" if its jets bombed Kabul again.",
    "resume_war_if": "The rebels of the ADF warned that they would resume the war if Uganda failed to release prisoners.",
    "resume_war_weather": "Ghana said it would resume the war if it rained.",
    "reconsider_ties": "Iran warned that it would reconsider its ties with France.",
    "reconsider_plan": "Iran said it would reconsider its plan.",
    # COERCE
    "demolished_homes": "Kenyan troops demolished the homes of two al-Shabaab militants near Lamu.",
    "seized_hostages": "Somali pirates seized 20 hostages from a Greek ship.",
    "seized_town": "Chadian forces seized the border town of Adre from Sudan.",
    # REQUEST: a subjunctive that-clause the parser reads as a noun phrase
    "demanded_that": "The OSCE demanded that Kazakhstan release opposition politician Galymzhan Zhakiyanov. "
                     "The World Bank has demanded that Kenya's government act against fraud.",
    "demanded_that_thing": "Mali demanded that the talks resume soon.",
    "at_request": "The African Union's council will hold an urgent meeting on Tuesday at the request of Egypt. "
                  "French troops entered Mali at the request of the Malian government.",
    "at_request_reduced": "Chile and Peru condemned the raids at a session of the UN Security Council "
                          "convened at Bolivia's request.",
    "at_request_object": "Kenya arrested the Ugandan rebel leader at the request of Uganda.",
    # CONSULT after talks
    "following_talks": "Botswana's president told a news conference following talks with Namibian President Hage Geingob.",
    "following_visit": "Botswana's president told a news conference following a visit to the hospital.",
    # ACCUSE: a deed described as a wrong
    "described_as": "Iran described Israel's strike on Damascus as an act of aggression. "
                    "Kenya branded the Somali raid as terrorism.",
    "described_by": "Georgia described the seizure of its trawlers by Russian coast guards as piracy planned "
                    "by the Kremlin.",
    "described_friend": "Egypt described Ethiopia's prime minister as a friend. "
                        "Ghana described the talks with Togo as constructive.",
    # AGREE: conditional and benefactive offers
    "offer_if": "Chile has offered to cut tariffs on copper if Lima reopens the border. "
                "Serbian President Aleksandar Vucic said his government was willing to reopen the crossing if Kosovo lifted the ban.",
    "offer_if_weather": "Kenya offered to host the talks if it rained.",
    "offer_negated_if": "Chile will not offer to cut tariffs if Peru reopens the border.",
    "ready_for": "Kenya said it stood ready to build a new railway for Uganda as part of its commitment to trade.",
    "ready_fight_for": "Kenya was ready to fight for Uganda.",
    # ASSAULT
    "drove_out": "Nigerian troops drove Boko Haram fighters out of the town of Bama.",
    "counter_offensive": "Ukrainian forces launched a counter-offensive against Russian troops near Kharkiv. "
                         "Malian troops mounted a counteroffensive against Tuareg rebels.",
    "throats": "Islamist rebels slit the throats of twelve villagers near Beni.",
    "cut_ties": "Kenya cut its ties with Somalia.",
    "shared_agent": "Two Somali journalists were arrested and beaten up by Kenyan police. "
                    "Villagers in Ituri were tortured and robbed by Ugandan soldiers.",
    "sports_beaten": "Ghana were beaten and humiliated by Nigeria in the final.",
    "aimed_at_driving": "The offensive is aimed at driving Boko Haram fighters out of the town of Bama, Nigeria said.",
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


def rels(af, relation):
    return {(s, o) for s, r, o in triples(af) if r == relation}


def test_suspending_a_member_from_a_body_is_a_sanction(facts):
    assert ("Arab League", "sanctions", "Syria") in triples(facts["suspend_from"])
    # without "from" the suspended thing is an act of the subject's own, not a member put out
    assert not rels(facts["suspend_no_from"], "sanctions")


def test_lending_and_training_are_ties_that_can_be_frozen_curbed_or_cancelled(facts):
    assert ("International Monetary Fund", "sanctions", "Zambia") in triples(facts["frozen_lending"])
    assert ("Asian Development Bank", "sanctions", "Myanmar") in triples(facts["curbed_lending"])
    assert ("New Zealand", "sanctions", "Fiji") in triples(facts["cancelled_training"])
    assert not rels(facts["cancelled_plain"], "sanctions")


def test_a_passive_verb_s_subject_carries_the_preposition_of_the_ties(facts):
    got = triples(facts["passive_ties"])
    assert {("United States", "sanctions", "Honduras"), ("Bahrain", "sanctions", "Qatar")} <= got


def test_ignoring_appeals_and_declining_offers_are_rejections(facts):
    assert ("Peru", "rejects", "United Nations") in triples(facts["ignored_appeals"])
    assert ("Chile", "rejects", "Bolivia") in triples(facts["declined_offer"])
    # ignoring a report is no rejection of its author
    assert not rels(facts["ignored_report"], "rejects")


def test_a_go_between_shuttling_between_two_sides_consults_both(facts):
    got = rels(facts["shuttled"], "consultsWith")
    assert {("Finland", "Russia"), ("Finland", "Ukraine")} <= got
    assert not rels(facts["shuttled_rooms"], "consultsWith")


def test_a_conditional_retaliation_is_a_threat(facts):
    got = triples(facts["retaliate_if"])
    assert ("Lithuania", "threatens", "Belarus") in got
    assert ("Lithuania", "attacks", "Belarus") not in got


def test_demolishing_homes_and_seizing_hostages_coerce(facts):
    assert ("Kenya", "coerces", "Al-Shabaab") in triples(facts["demolished_homes"])
    # the hostages are a group, named with where they were taken from ("hostages from a Greek ship")
    assert any(r == "coerces" and o.startswith("hostages") for _, r, o in triples(facts["seized_hostages"]))
    # seizing a town is control (and an attack), not coercion of its country
    assert not rels(facts["seized_town"], "coerces")


def test_driving_fighters_out_of_a_town_is_an_attack_an_aim_is_not(facts):
    assert ("Nigeria", "attacks", "Boko Haram") in triples(facts["drove_out"])
    assert not rels(facts["aimed_at_driving"], "attacks")


def test_the_actor_after_demanded_that_is_asked_not_the_one_the_clause_acts_on(facts):
    got = triples(facts["demanded_that"])
    assert {("OSCE", "requests", "Kazakhstan"), ("World Bank", "requests", "Kenya")} <= got
    assert not any(o == "Galymzhan Zhakiyanov" for _, r, o in got if r == "requests")
    assert not rels(facts["demanded_that_thing"], "requests")


def test_a_warning_on_a_condition_stays_a_threat_to_the_one_warned(facts):
    got = triples(facts["warned_of_war_if"])
    assert any(r == "threatens" and o == "Pakistan" for _, r, o in got)


def test_an_objectless_hostile_act_on_a_condition_threatens_whoever_the_condition_is_about(facts):
    assert any(r == "threatens" and o == "Uganda" for _, r, o in triples(facts["resume_war_if"]))
    assert not any(r in ("threatens", "attacks") for _, r, _ in triples(facts["resume_war_weather"]))


def test_reconsidering_ties_is_a_threat(facts):
    assert ("Iran", "threatens", "France") in triples(facts["reconsider_ties"])
    assert not triples(facts["reconsider_plan"])


def test_who_acts_at_the_request_of_y_was_asked_by_y(facts):
    got = rels(facts["at_request"], "requests")
    assert {("Egypt", "African Union"), ("Mali", "France")} <= got
    assert rels(facts["at_request_reduced"], "requests") == {("Bolivia", "UN Security Council")}
    # the one arrested at Y's request was not asked anything
    assert rels(facts["at_request_object"], "requests") == {("Uganda", "Kenya")}


def test_following_talks_with_y_the_speaker_met_y(facts):
    assert any(r == "consultsWith" and o == "Hage Geingob" for _, r, o in triples(facts["following_talks"]))
    assert not rels(facts["following_visit"], "consultsWith")


def test_an_offer_on_a_condition_is_made_to_whoever_the_condition_is_about(facts):
    got = rels(facts["offer_if"], "agreesWith")
    assert {("Chile", "Peru"), ("Serbia", "Kosovo")} <= got
    assert not rels(facts["offer_if_weather"], "agreesWith")
    assert not rels(facts["offer_negated_if"], "agreesWith")


def test_an_offer_to_do_something_for_y_is_agreement_with_y(facts):
    assert ("Kenya", "Uganda") in rels(facts["ready_for"], "agreesWith")
    # an intransitive act for Y is no offer to Y
    assert not rels(facts["ready_fight_for"], "agreesWith")


def test_counter_offensives_and_cut_throats_are_attacks(facts):
    got = triples(facts["counter_offensive"])
    assert ("Ukraine", "attacks", "Russia") in got
    assert any(s == "Mali" and r == "attacks" for s, r, _ in got)
    # the villagers are a group named with where they live ("villagers near Beni")
    assert any(s == "Islamist rebels" and r == "attacks" and o.startswith("villagers")
               for s, r, o in triples(facts["throats"]))
    assert triples(facts["cut_ties"]) == {("Kenya", "sanctions", "Somalia")}


def test_coordinated_passive_participles_share_the_agent(facts):
    got = triples(facts["shared_agent"])
    assert ("Kenya", "coerces", "Somali journalists") in got
    assert ("Uganda", "attacks", "villagers in Ituri") in got
    assert not any(r == "attacks" for _, r, _ in triples(facts["sports_beaten"]))


def test_describing_a_deed_as_a_wrong_accuses_its_doer(facts):
    got = rels(facts["described_as"], "accuses")
    assert {("Iran", "Israel"), ("Kenya", "Somalia")} <= got
    # the deed's agent is blamed, not whom it was done to
    got = rels(facts["described_by"], "accuses")
    assert ("Georgia", "Russia") in got and not any(o == "Georgia" for _, o in got)
    assert not rels(facts["described_friend"], "accuses")
