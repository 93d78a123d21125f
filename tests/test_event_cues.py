"""Event cues for protests, mobilisation, aid, retreat, concessions, cooperation and inquiries
(PLOVER PROTEST, MOBILIZE, AID, RETREAT, CONCEDE, COOPERATE, INVESTIGATE). The sentences are
written for these tests, not taken from any gold file; each positive case has a near miss beside it.

All sentences are parsed in one batch by the real model (module fixture).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SENTENCES: dict[str, str] = {
    # PROTEST: purpose and manner phrases
    "in_protest_at": "Kenyan teachers stayed away from classes in protest at Uganda's border closure.",
    "called_strike": "Zambian opposition parties called a two-day general strike against President Edgar Lungu's new tax law.",
    "called_strikes_crime": "Brazil called the strikes against Venezuela a violation of sovereignty.",
    "strike_called_to_protest": "Ghanaian traders kept their shops shut in a strike called to protest against the seizure "
                                "of goods by Togo.",
    "gathered_for_rally": "Thousands of Moroccans gathered for a rally against Algeria.",
    "arrested_after_rally": "Moroccan police arrested ten people after a rally against Algeria.",
    "blocked_to_press": "Angry Peruvian farmers blocked the Pan-American highway to press Chile to reopen the border.",
    "police_blocked_to_press": "Peruvian police blocked the highway to press Chile to reopen the border.",
    # INVESTIGATE (coded as accuses)
    "inquiry_into": "Kenyan prosecutors opened an inquiry into Uganda's role in the smuggling ring.",
    "arrived_to_investigate": "An African Union team arrived in Mali on Friday to investigate reports of killings by "
                              "Burkinabe troops.",
    "arrived_to_attend": "An African Union team arrived in Mali on Friday to attend the summit.",
    "allegations_examined": "Allegations that Burundian soldiers tortured detainees are being examined by the United Nations.",
    # MOBILIZE
    "alert_along_border": "Greece put its navy on high alert along the maritime border with Turkey.",
    "alert_plain": "Greece put its navy on high alert.",
    "ordered_to_border": "Caracas ordered 2,000 troops to its western border with Colombia.",
    "sent_to_country": "Spain sent troops to Mali to train the army.",
    "sent_to_border_passive": "Thousands of Russian troops were sent to the border with Ukraine.",
    # RETREAT
    "troops_left": "The last French troops left Mali on Monday.",
    "president_left": "The French president left Mali on Monday.",
    # COOPERATE
    "extradited": "Spain extradited to France three suspected members of ETA.",
    "joint_centre": "Chad and Niger set up a joint military centre to coordinate operations against Boko Haram.",
    "own_centre": "Chad set up a military centre in N'Djamena.",
    # AID
    "flew_supplies": "Turkey flew tents and blankets to Syria.",
    "flew_visit": "The Turkish foreign minister flew to Syria on Monday.",
    # CONCEDE
    "eased_passive": "Restrictions on imports from Qatar were eased by Bahrain.",
    "opened_sites": "Tehran opened three military sites to IAEA inspectors.",
    "opened_embassy": "Tehran opened a new embassy in Kabul.",
    # protest acts at a country's mission, slogans, strikes called by an organiser
    "eggs_at_embassy": "Chilean farmers hurled eggs at the Argentine embassy in Santiago during a rally, police said.",
    "gates_of_embassy": "Greenpeace activists chained themselves to the gates of the Japanese embassy in Canberra to "
                        "protest against whaling.",
    "gathered_outside_embassy": "Kenyan students gathered outside the Ugandan embassy in Nairobi.",
    "police_outside_embassy": "Kenyan police gathered outside the Ugandan embassy in Nairobi.",
    "envoy_at_embassy": "The Kenyan ambassador arrived at the Ugandan embassy in Nairobi.",
    "chanted_against": "Several thousand students at Tehran University chanted slogans against the Iraqi government.",
    "strike_called_by": "Lagos was paralysed by a general strike called by the Nigeria Labour Congress against the "
                        "Nigerian government.",
    "boycott_in_protest": "A boycott of Turkish goods was launched by Armenian groups on Friday in protest at the "
                          "blockade of Armenia.",
    # acting jointly; inquiries into violence in a country
    "jointly_building": "Ghana and Togo began jointly building a hydroelectric dam.",
    "jointly_condemned": "Ghana and Togo jointly condemned the attack.",
    "violence_in": "The African Union launched an investigation into the ethnic violence in Burundi.",
    "meeting_in": "Ghana opened an investigation into the meeting in Togo.",
    # streets, coordinated prepositions, alerts, reopened crossings, demands met, suspects handed over
    "took_to_streets": "Lebanese students took to the streets to denounce the Syrian occupation.",
    "police_took_to_streets": "Lebanese police took to the streets to denounce the Syrian occupation.",
    "support_and_against": "Thousands of Bolivians rallied in La Paz in support of the unions and against President "
                           "Evo Morales.",
    "raised_alert": "Iran raised the alert level of its air defences near the Iraqi border.",
    "reopened_crossing": "Egypt reopened the Rafah crossing to Palestinians.",
    "reopened_school": "Egypt reopened the school in Cairo.",
    "agreed_to_demands": "Madrid agreed to the demands of Basque prisoners.",
    "agreed_to_plan": "Madrid agreed to the plan of Portugal.",
    "handed_suspects": "France handed over two terrorism suspects to Morocco.",
    "handed_weapons": "The rebels of the FARC handed over their weapons to the United Nations.",
    # doers before possessors and victims; borders are no recipients; criminal cases
    "deportation_by": "Hundreds of Eritrean refugees went on hunger strike to protest against their deportation by Israel.",
    "tanks_to_border": "Venezuela sent troops and tanks to its border with Guyana.",
    "tanks_to_country": "Spain sent tanks to Morocco.",
    "inquiry_assassination": "The UN Security Council launched an inquiry into the assassination of Benazir Bhutto.",
    "criminal_case": "Russian prosecutors opened a criminal case against Mikhail Khodorkovsky.",
    "case_study": "Russian prosecutors opened the case study of Mikhail Khodorkovsky.",
    "rushed_supplies": "The United States rushed emergency food supplies to Pakistan.",
    # near misses of the rules above
    "soldiers_left_base": "Three Russian soldiers left the base in Syria to buy food.",
    "jointly_announced": "Ghana and Togo jointly announced a new trade deal.",
    "flew_minister": "Russia flew its foreign minister to Pyongyang.",
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


def relations(af):
    return {r for _, r, _ in triples(af)}


def test_in_protest_at_y_hung_on_a_noun(facts):
    assert ("Kenyan teachers", "protestsAgainst", "Uganda") in triples(facts["in_protest_at"])


def test_calling_a_general_strike_against_y(facts):
    assert ("Zambian opposition parties", "protestsAgainst", "Edgar Lungu") in triples(facts["called_strike"])
    # calling strikes something is a judgement, neither a protest nor an attack
    assert not relations(facts["called_strikes_crime"]) & {"protestsAgainst", "attacks"}


def test_a_strike_called_to_protest_is_a_protest_by_those_on_strike(facts):
    assert ("Ghanaian traders", "protestsAgainst", "Togo") in triples(facts["strike_called_to_protest"])


def test_gathering_for_a_rally_against_y(facts):
    assert ("Morocco", "protestsAgainst", "Algeria") in triples(facts["gathered_for_rally"])
    # acting after a rally is not rallying
    assert "protestsAgainst" not in relations(facts["arrested_after_rally"])


def test_crowds_blocking_roads_to_press_y_protest(facts):
    got = triples(facts["blocked_to_press"])
    assert ("Peruvian farmers", "protestsAgainst", "Chile") in got
    # the state's police pressing Chile is a demand, not a protest
    got = triples(facts["police_blocked_to_press"])
    assert ("Peru", "requests", "Chile") in got
    assert "protestsAgainst" not in relations(facts["police_blocked_to_press"])


def test_inquiries_accuse_whom_they_look_into(facts):
    assert ("Kenya", "accuses", "Uganda") in triples(facts["inquiry_into"])
    got = triples(facts["arrived_to_investigate"])
    assert ("African Union", "accuses", "Burkina Faso") in got
    assert ("African Union", "accuses", "Mali") not in got  # the host is not the suspect
    assert "accuses" not in relations(facts["arrived_to_attend"])
    assert ("United Nations", "accuses", "Burundi") in triples(facts["allegations_examined"])


def test_forces_on_alert_or_ordered_to_a_border(facts):
    assert ("Greece", "mobilizesAgainst", "Turkey") in triples(facts["alert_along_border"])
    assert not triples(facts["alert_plain"])
    assert ("Venezuela", "mobilizesAgainst", "Colombia") in triples(facts["ordered_to_border"])
    assert ("Russia", "mobilizesAgainst", "Ukraine") in triples(facts["sent_to_border_passive"])
    # troops sent to a country (not to its border) are no mobilisation against it
    assert "mobilizesAgainst" not in relations(facts["sent_to_country"])


def test_troops_leaving_a_country_withdraw(facts):
    assert ("France", "withdrawsFrom", "Mali") in triples(facts["troops_left"])
    assert "withdrawsFrom" not in relations(facts["president_left"])


def test_extradition_and_joint_bodies_are_cooperation(facts):
    assert ("Spain", "cooperatesWith", "France") in triples(facts["extradited"])
    got = triples(facts["joint_centre"])
    assert ("Chad", "cooperatesWith", "Niger") in got or ("Niger", "cooperatesWith", "Chad") in got
    assert not triples(facts["own_centre"])


def test_flying_supplies_is_aid_not_a_visit(facts):
    got = triples(facts["flew_supplies"])
    assert ("Turkey", "supplies", "Syria") in got
    assert ("Turkey", "consultsWith", "Syria") not in got
    got = triples(facts["flew_visit"])
    assert ("Turkey", "consultsWith", "Syria") in got
    assert ("Turkey", "supplies", "Syria") not in got


def test_eased_restrictions_and_opened_sites_are_concessions(facts):
    assert ("Bahrain", "concedesTo", "Qatar") in triples(facts["eased_passive"])
    assert ("Iran", "concedesTo", "International Atomic Energy Agency") in triples(facts["opened_sites"])
    assert "concedesTo" not in relations(facts["opened_embassy"])


def test_crowds_protesting_at_a_country_s_embassy(facts):
    assert ("Chilean farmers", "protestsAgainst", "Argentina") in triples(facts["eggs_at_embassy"])
    assert ("Greenpeace activists", "protestsAgainst", "Japan") in triples(facts["gates_of_embassy"])
    assert ("Kenyan students", "protestsAgainst", "Uganda") in triples(facts["gathered_outside_embassy"])
    # the state's police and a diplomat at an embassy are no protest
    assert "protestsAgainst" not in relations(facts["police_outside_embassy"])
    assert "protestsAgainst" not in relations(facts["envoy_at_embassy"])


def test_slogans_strikes_and_boycotts_in_protest(facts):
    assert ("students at Tehran University", "protestsAgainst", "Iraq") in triples(facts["chanted_against"])
    assert ("Nigeria Labour Congress", "protestsAgainst", "Nigeria") in triples(facts["strike_called_by"])
    got = triples(facts["boycott_in_protest"])
    assert ("Armenia", "protestsAgainst", "Turkey") in got
    assert ("Turkey", "protestsAgainst", "Armenia") not in got  # the boycotted goods do not protest


def test_acting_jointly_is_cooperation(facts):
    got = triples(facts["jointly_building"])
    assert ("Ghana", "cooperatesWith", "Togo") in got or ("Togo", "cooperatesWith", "Ghana") in got
    # a joint condemnation is each side's own act
    assert "cooperatesWith" not in relations(facts["jointly_condemned"])


def test_inquiry_into_violence_in_a_country(facts):
    assert ("African Union", "accuses", "Burundi") in triples(facts["violence_in"])
    assert "accuses" not in relations(facts["meeting_in"])


def test_taking_to_the_streets_against_y(facts):
    assert ("Lebanese students", "protestsAgainst", "Syria") in triples(facts["took_to_streets"])
    assert "protestsAgainst" not in relations(facts["police_took_to_streets"])


def test_a_coordinated_against_after_in_support_of(facts):
    assert ("Bolivia", "protestsAgainst", "Evo Morales") in triples(facts["support_and_against"])


def test_raised_alert_near_a_border_mobilises(facts):
    assert ("Iran", "mobilizesAgainst", "Iraq") in triples(facts["raised_alert"])


def test_concessions_reopening_and_demands_met(facts):
    assert ("Egypt", "concedesTo", "Palestine") in triples(facts["reopened_crossing"])
    assert not triples(facts["reopened_school"])
    got = triples(facts["agreed_to_demands"])
    assert any(r == "concedesTo" and s == "Spain" for s, r, _ in got)
    assert not any(r == "agreesWith" for _, r, _ in got)
    # agreeing to a plan stays an agreement
    got = triples(facts["agreed_to_plan"])
    assert ("Spain", "agreesWith", "Portugal") in got and "concedesTo" not in relations(facts["agreed_to_plan"])


def test_handing_over_suspects_is_cooperation_weapons_disarming(facts):
    assert ("France", "cooperatesWith", "Morocco") in triples(facts["handed_suspects"])
    got = triples(facts["handed_weapons"])
    assert ("FARC", "withdrawsFrom", "United Nations") in got
    assert "cooperatesWith" not in relations(facts["handed_weapons"])


def test_the_doer_before_the_possessor_who_underwent_it(facts):
    got = triples(facts["deportation_by"])
    assert ("Eritrean refugees", "protestsAgainst", "Israel") in got


def test_a_border_is_no_recipient_of_supplies(facts):
    got = triples(facts["tanks_to_border"])
    assert ("Venezuela", "mobilizesAgainst", "Guyana") in got
    assert ("Venezuela", "supplies", "Guyana") not in got
    assert ("Spain", "supplies", "Morocco") in triples(facts["tanks_to_country"])
    assert ("United States", "supplies", "Pakistan") in triples(facts["rushed_supplies"])


def test_inquiries_and_cases_accuse_suspects_not_victims(facts):
    assert "accuses" not in relations(facts["inquiry_assassination"])
    assert ("Russia", "accuses", "Mikhail Khodorkovsky") in triples(facts["criminal_case"])
    assert "accuses" not in relations(facts["case_study"])


def test_near_misses_of_leaving_acting_jointly_and_flying(facts):
    # soldiers leaving a base on an errand withdraw from nowhere
    assert "withdrawsFrom" not in relations(facts["soldiers_left_base"])
    # a joint announcement is each side's statement, no material cooperation
    assert "cooperatesWith" not in relations(facts["jointly_announced"])
    # flying one's minister somewhere is still a visit
    assert ("Russia", "consultsWith", "North Korea") in triples(facts["flew_minister"])
