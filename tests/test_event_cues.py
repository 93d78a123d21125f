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
    # vigils, ended blockades and occupations, grants, ordered inquiries
    "vigil_outside": "Hundreds of Iranians held a vigil outside the British embassy in Tehran.",
    "ended_blockade": "Saudi Arabia ended its blockade of Qatar.",
    "ended_occupation": "The United States ended its military occupation of Haiti.",
    "granted_autonomy": "Sudan granted autonomy to South Sudan.",
    "granted_loan": "China granted a loan to Kenya.",
    "ordered_investigation": "The ICC prosecutor ordered an investigation into Sudan's conduct in Darfur.",
    "ordered_investigation_crash": "Kenya ordered an investigation into the crash of the plane.",
    # appositions parsed as a second subject; goods delivered to whoever ordered them
    "apposition_subject": "Members of Amnesty International, a group based in London, investigated Egypt's prisons.",
    "delivered_ordered": "Russia delivered the first of 12 fighter jets ordered by Algeria.",
    "delivered_built": "Russia delivered the first of 12 fighter jets built by Sukhoi.",
    "amassed": "North Korea amassed artillery along the border with South Korea.",
    "amassed_wealth": "North Korea amassed foreign currency in Chinese banks.",
    "killings_in_region": "The killings in Sudan's Darfur region are being investigated by the International "
                          "Criminal Court.",
    "pardoned_including": "Kazakhstan's President Kassym-Jomart Tokayev pardoned 50 prisoners, including several "
                          "opposition journalists.",
    "recognised_including": "Kosovo is recognised by about 100 countries, including the United States and most EU "
                            "member states.",
    # goods that carried someone; relative clauses with an object gap; rescue teams
    "plane_flew": "Qatar provided the plane that flew the Taliban negotiators to Doha.",
    "plane_crashed": "Qatar provided the plane that crashed near Doha.",
    "gap_armed": "The Kurdish YPG is a militia Washington has armed and backed.",
    "gap_weapons": "These are the weapons Russia supplied.",
    "rescue_teams": "Japan has sent rescue teams and 500 tonnes of relief supplies to Nepal since the quake.",
    # aims and occasions of deployments; protest acts on an embassy; concessions, disarming and de-escalation
    "massed_npadvmod": "Syria massed troops along its border with Jordan ahead of an expected offensive against rebel bases.",
    "alert_after": "Greece put its navy on alert after Turkey sent warships into the Aegean.",
    "alert_after_storm": "Greece put its navy on alert after the storm.",
    "troops_to_protect": "Canada sent extra troops to protect Haitian refugees.",
    "troops_to_country": "Canada sent extra troops to Haiti.",
    "troops_to_counter": "The Malian army deployed troops in the north to counter Tuareg rebels.",
    "peacekeepers_to": "Ghana deployed peacekeepers to Liberia.",
    "peacekeepers_in": "Russia had deployed peacekeepers in Azerbaijan's Karabakh region.",
    "stoned_embassy": "Protesters in Cairo stoned the Israeli embassy.",
    "legalised": "Pretoria legalised the Pan Africanist Congress.",
    "handed_in": "FARC fighters handed in their weapons to UN observers.",
    "ended_campaign": "ETA declared a ceasefire, ending its campaign against Spanish rule.",
    "lifted_blockade_of": "Azerbaijan lifted its blockade of Armenia.",
    "deployment_noun": "Russia's deployment of troops along its border with Ukraine alarmed Poland.",
    # joint things, admitted wrongs, outsiders let in
    "joint_pipeline": "Kazakhstan and China began building a joint oil pipeline across the steppe.",
    "joint_company": "Kenya set up a joint company with Ethiopia.",
    "joint_statement_condemned": "Kenya condemned the joint statement of Uganda and Rwanda.",
    "admitted_bombing": "The United States acknowledged responsibility for the bombing of the Afghan hospital in Kunduz.",
    "accepted_attack": "The Shining Path accepted responsibility for the attack on the Peruvian army.",
    "allowed_visit": "Burma allowed the International Committee of the Red Cross to visit its prisons.",
    "allowed_use": "The United States allowed Israel to use its bases.",
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


def test_vigil_outside_a_country_s_embassy(facts):
    assert ("Iran", "protestsAgainst", "United Kingdom") in triples(facts["vigil_outside"])


def test_ending_a_blockade_or_an_occupation(facts):
    got = triples(facts["ended_blockade"])
    # easing a blockade is de-escalation, CAMEO 0872, which the ontology maps to withdrawsFrom (RETREAT)
    assert ("Saudi Arabia", "withdrawsFrom", "Qatar") in got
    assert not relations(facts["ended_blockade"]) & {"coerces", "sanctions"}  # the blockade is over
    assert ("United States", "withdrawsFrom", "Haiti") in triples(facts["ended_occupation"])


def test_granting_autonomy_concedes_granting_a_loan_supplies(facts):
    got = triples(facts["granted_autonomy"])
    assert ("Sudan", "concedesTo", "South Sudan") in got and ("Sudan", "supplies", "South Sudan") not in got
    got = triples(facts["granted_loan"])
    assert ("China", "supplies", "Kenya") in got and "concedesTo" not in relations(facts["granted_loan"])


def test_ordered_investigations(facts):
    assert ("International Criminal Court", "accuses", "Sudan") in triples(facts["ordered_investigation"])
    assert "accuses" not in relations(facts["ordered_investigation_crash"])


def test_an_apposition_parsed_as_a_second_subject(facts):
    assert ("Amnesty International", "accuses", "Egypt") in triples(facts["apposition_subject"])


def test_goods_delivered_to_whoever_ordered_them(facts):
    assert ("Russia", "supplies", "Algeria") in triples(facts["delivered_ordered"])
    assert "supplies" not in relations(facts["delivered_built"])


def test_amassing_forces_on_a_border(facts):
    assert ("North Korea", "mobilizesAgainst", "South Korea") in triples(facts["amassed"])
    assert not triples(facts["amassed_wealth"])


def test_crimes_in_a_region_of_a_country(facts):
    assert ("International Criminal Court", "accuses", "Sudan") in triples(facts["killings_in_region"])


def test_those_acted_on_including_named_members(facts):
    got = triples(facts["pardoned_including"])
    assert any(r == "concedesTo" and o == "opposition journalists" for _, r, o in got)
    # on the acting side, "including" lists a sample of the actors, not the bodies they belong to
    assert ("European Union", "supports", "Kosovo") not in triples(facts["recognised_including"])


def test_goods_supplied_to_whom_they_carried(facts):
    assert ("Qatar", "supplies", "Taliban") in triples(facts["plane_flew"])
    assert "supplies" not in relations(facts["plane_crashed"])


def test_a_relative_clause_s_object_gap_is_the_noun_it_hangs_on(facts):
    got = triples(facts["gap_armed"])
    assert any(s == "United States" and r == "supplies" for s, r, _ in got)
    assert any(s == "United States" and r == "supports" for s, r, _ in got)
    assert not triples(facts["gap_weapons"])


def test_rescue_teams_and_relief_are_aid(facts):
    assert ("Japan", "supplies", "Nepal") in triples(facts["rescue_teams"])


def test_deployments_their_aims_and_occasions(facts):
    assert ("Syria", "mobilizesAgainst", "Jordan") in triples(facts["massed_npadvmod"])
    assert ("Greece", "mobilizesAgainst", "Turkey") in triples(facts["alert_after"])
    assert not triples(facts["alert_after_storm"])
    got = triples(facts["troops_to_protect"])
    assert any(s == "Canada" and r == "supplies" for s, r, _ in got)
    assert "supplies" not in relations(facts["troops_to_country"])
    assert ("Mali", "mobilizesAgainst", "Tuareg rebels") in triples(facts["troops_to_counter"])
    assert ("Ghana", "supplies", "Liberia") in triples(facts["peacekeepers_to"])
    assert "supplies" not in relations(facts["peacekeepers_in"])
    assert ("Russia", "mobilizesAgainst", "Ukraine") in triples(facts["deployment_noun"])
    assert ("Russia", "mobilizesAgainst", "Poland") not in triples(facts["deployment_noun"])


def test_stoning_an_embassy_and_concessions_disarming_de_escalation(facts):
    assert any(r == "protestsAgainst" and o == "Israel" for _, r, o in triples(facts["stoned_embassy"]))
    assert ("South Africa", "concedesTo", "Pan Africanist Congress") in triples(facts["legalised"])
    assert ("FARC", "withdrawsFrom", "United Nations") in triples(facts["handed_in"])
    assert ("ETA", "withdrawsFrom", "Spain") in triples(facts["ended_campaign"])
    assert ("Azerbaijan", "withdrawsFrom", "Armenia") in triples(facts["lifted_blockade_of"])  # CAMEO 0872


def test_whoever_makes_a_joint_thing_cooperates(facts):
    got = triples(facts["joint_pipeline"])
    assert ("Kazakhstan", "cooperatesWith", "China") in got or ("China", "cooperatesWith", "Kazakhstan") in got
    assert ("Kenya", "cooperatesWith", "Ethiopia") in triples(facts["joint_company"])
    assert "cooperatesWith" not in relations(facts["joint_statement_condemned"])


def test_admitting_a_wrong_done_to_y_concedes(facts):
    assert ("United States", "concedesTo", "Afghanistan") in triples(facts["admitted_bombing"])
    # a militant group accepting responsibility claims the attack, it concedes nothing
    assert "concedesTo" not in relations(facts["accepted_attack"])


def test_letting_outsiders_in_to_visit_concedes(facts):
    assert ("Myanmar", "concedesTo", "International Committee of the Red Cross") in triples(facts["allowed_visit"])
    assert "concedesTo" not in relations(facts["allowed_use"])
