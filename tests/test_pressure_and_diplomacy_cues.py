"""Event cues for hostile, punitive, rejecting, requesting and consulting acts (PLOVER ASSAULT, COERCE,
SANCTION, REJECT, THREATEN, REQUEST, ACCUSE, AGREE, CONSULT, SUPPORT). The sentences are written for
these tests, not taken from any gold file; each cue has a case where it must not fire.

All sentences are parsed in one batch by the real model (module fixture).
"""

from __future__ import annotations

import pytest
from sentence_facts import extract_all, rels, triples

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
    "objected_to": "Ethiopia has objected to Egypt's plans to send troops to Somalia.",
    "objected_plain": "Ghana objected to the proposal.",
    "prompted": "The raid killed two soldiers, prompting Baghdad to recall its ambassador from Tehran. "
                "The scandal prompted Kenya to expel two Ugandan diplomats.",
    "complaint_forum": "Iraq filed a complaint with the UN Security Council. "
                       "China lodged a protest with Japan over the visit.",
    "along_with": "Russian border guards detained three vessels along with 24 Ukrainian crew members.",
    # CONSULT: a trip to meet someone
    "flew_to_brief": "The Dutch foreign minister flew to Kinshasa to brief Congolese President Felix Tshisekedi.",
    "will_fly_to_meet": "Kenya's president will fly to Kampala next week to meet Ugandan President Yoweri Museveni.",
    "sent_to_meet": "Kenya sent troops to Somalia to meet the threat.",
    "came_under": "Houthi fighters in Saada came under heavy bombardment from Saudi warplanes. "
                  "Kenyan troops came under fire from al-Shabaab fighters near the border.",
    "came_under_pressure": "Kenya came under pressure from the IMF.",
    "ruled_out": "Ghana ruled out Togo's proposal.",
    "ruled_out_talks": "Ghana ruled out a visit by its president.",
    "sentenced": "Egyptian blogger Kareem Amer was sentenced to four years in prison by an Egyptian court.",
    "blew_up": "Boko Haram fighters blew up a Nigerian army base.",
    "accusation_denied": "On Monday, Kenya accused Uganda of arming the rebels in Turkana, an accusation Kampala "
                         "has repeatedly denied.",
    "plain_denied": "Uganda denied arming the rebels.",
    "refuse_as_long_as": "Venezuela will not rejoin the regional talks as long as Colombia keeps troops on the border. "
                         "Eritrea will not take part in any summit that includes Ethiopia. "
                         "Iran will not return to the table unless Washington lifts sanctions.",
    "refuse_plain": "Iran will not return to the talks until next year. Ghana will rejoin the talks as long as Togo attends.",
    "refusal_told": "Ghana will never give up its claim to the islands, the foreign minister told Togo's envoy "
                    "Kofi Amegah.",
    "reassurance_told": "Kenya will not attack Somalia, the president told Ugandan President Yoweri Museveni. "
                        "Ghana will give up its claim, the minister told Togo's envoy Kofi Amegah.",
    "said_and_called": "Ghanaian President John Mahama said on Monday that Accra would never recognise the junta in "
                       "Niger, and called on ECOWAS to restore order.",
    "said_that_and": "Kenya said that Uganda would send troops and would urge Somalia to help.",
    "counterpart": "Kenyan Foreign Minister Raphael Tuju and his Ugandan counterpart Sam Kutesa held talks in Nairobi.",
    "hijack_detonate": "Chechen rebels hijacked a Turkish ferry. Taliban insurgents detonated a roadside bomb under a "
                       "NATO convoy near Kandahar. Russian jets dropped bombs on Ukrainian positions.",
    "to_death": "Ugandan police beat a Kenyan trader to death.",
    "beat_sports": "Ghana beat Nigeria in the final.",
    "declared_curfew": "President Ferdinand Marcos declared martial law throughout the Philippines.",
    "declared_holiday": "Peru declared a national holiday in Bolivia's honour.",
    "requested_that": "Washington has requested that Pakistan share intelligence on militants.",
    "charged_that": "Sierra Leone's government charged that Liberian President Charles Taylor was smuggling diamonds.",
    "banned_imports": "The European Union banned imports of British beef.",
    "banned_person": "Kenya banned Uganda's opposition leader.",
    "military_action_unless": "Ankara warned it would launch military action against Syria unless Damascus expelled the rebels.",
    "ultimatum": "The Nigerian military issued a 48-hour ultimatum to MEND to release the oil workers.",
    "human_shields": "Liberian rebels used Sierra Leonean civilians as human shields.",
    "not_bow": "Malaysian Prime Minister Mahathir Mohamad said he would not bow to pressure from the IMF.",
    "bowed": "Kenya bowed to pressure from the IMF.",
    "willingness_light": "Caracas expressed willingness to cooperate with Havana on oil.",
    "pledge_in": "Japan pledged to increase investment in Indonesia and to help rebuild its banking system.",
    "release_held_by": "Hezbollah demanded the release of Lebanese prisoners held by Israel.",
    "release_plain": "Kenya demanded the release of Ugandan prisoners.",
    "truce_with": "Tamil Tiger rebels agreed to a truce with the Sri Lankan government beginning on Christmas Eve.",
    "condolence": "King Abdullah sent a message of condolence to Turkish President Ahmet Necdet Sezer.",
    "paid_visit": "Chinese Premier Zhu Rongji paid a three-day visit to Egypt.",
    "shared_views": "The Chinese government said it shared the views of Pakistan on stability in Afghanistan.",
    "shared_intel": "Kenya shared intelligence with Uganda.",
    "suspended_passive": "Fiji and Mali were suspended from the African Union after military coups.",
    "ordered_out": "Ouagadougou ordered out the head of a UN mission accused of meddling.",
    "called_a_wrong": "Kenya called Uganda's incursion an act of aggression.",
    "called_friend": "Kenya called Uganda a friend. Ghana called the talks with Togo a success.",
    "calling_them": "Iraq condemned the airstrikes in Syria, calling them a flagrant violation of its sovereignty.",
    "rallied_support": "Venezuelan President Hugo Chavez rallied support for Cuba, calling the US embargo a crime.",
    "agentless_threat": "Chad's oil pipeline will be blown up unless troops leave the region, Boko Haram said. "
                        "Hamas warned that Israeli soldiers would be killed if they entered Gaza.",
    "agentless_forecast": "Kenyan villagers would be attacked if the rains failed, Uganda said.",
    "demand_that_noun": "The talks stalled over Baku's demand that Armenia amend its constitution.",
    "demand_that_thing": "Kenya's demand that the talks resume was ignored.",
    "fired_by": "Saudi air defences intercepted a missile fired by the Houthis towards the Saudi city of Jizan.",
    "signed_by": "Kenya cited the accord, signed by Ethiopia and Eritrea in 2018.",
    "deployed_to": "Russian troops deployed to Syria were attacked.",
    "claims_by": "Kenya dismissed allegations by Uganda that it had armed the rebels.",
    "territorial_claim": "China's claims to the islands are disputed by Vietnam. Kenya made a claim for compensation.",
    "spoke_to": "Kenyan President William Ruto spoke to Ugandan President Yoweri Museveni by phone on Monday.",
    "spoke_to_press": "Ruto spoke to reporters in Nairobi. Ruto talked to striking doctors in Mombasa.",
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
    return extract_all(nlp, SENTENCES)


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


def test_objecting_to_y_s_plans_rejects_y(facts):
    assert ("Ethiopia", "rejects", "Egypt") in triples(facts["objected_to"])
    assert not triples(facts["objected_plain"])


def test_the_prompted_one_acts(facts):
    got = rels(facts["prompted"], "sanctions")
    assert {("Iraq", "Iran"), ("Kenya", "Uganda")} <= got


def test_a_complaint_lodged_with_an_international_body_does_not_accuse_the_body(facts):
    got = rels(facts["complaint_forum"], "accuses")
    assert ("China", "Japan") in got
    assert not any(o == "UN Security Council" for _, o in got)


def test_along_with_adds_objects_of_hostile_acts(facts):
    assert ("Russia", "coerces", "Ukrainian crew members") in triples(facts["along_with"])


def test_a_trip_to_meet_someone_is_a_meeting_as_sure_as_the_trip(facts):
    assert any(r == "consultsWith" and o == "Felix Tshisekedi" for _, r, o in triples(facts["flew_to_brief"]))
    af = facts["will_fly_to_meet"]
    assert {f.modality for f in af.facts if f.relation == "consultsWith"} == {"future"}
    assert not rels(facts["sent_to_meet"], "consultsWith")


def test_coming_under_fire_from_y_is_being_attacked_by_y(facts):
    got = rels(facts["came_under"], "attacks")
    assert {("Saudi Arabia", "Houthis"), ("Al-Shabaab", "Kenya")} <= got
    assert not triples(facts["came_under_pressure"])


def test_ruling_out_y_s_proposal_rejects_y(facts):
    assert ("Ghana", "rejects", "Togo") in triples(facts["ruled_out"])
    assert not rels(facts["ruled_out_talks"], "rejects")


def test_sentencing_coerces_and_blowing_up_attacks(facts):
    assert ("Egypt", "coerces", "Kareem Amer") in triples(facts["sentenced"])
    assert ("Boko Haram", "attacks", "Nigeria") in triples(facts["blew_up"])


def test_an_accusation_a_name_denied_stands_and_is_rejected(facts):
    got = triples(facts["accusation_denied"])
    assert ("Kenya", "accuses", "Uganda") in got
    assert ("Uganda", "rejects", "Kenya") in got
    assert ("Kenya", "accuses", "Uganda") not in triples(facts["accusation_denied"], negated=True)
    assert not rels(facts["plain_denied"], "accuses")


def test_refusing_to_take_part_while_y_acts_or_takes_part_rejects_y(facts):
    got = rels(facts["refuse_as_long_as"], "rejects")
    assert {("Venezuela", "Colombia"), ("Eritrea", "Ethiopia"), ("Iran", "United States")} <= got
    assert not rels(facts["refuse_plain"], "rejects")


def test_a_refusal_told_to_someone_rejects_the_addressee(facts):
    assert any(s == "Ghana" and r == "rejects" and o in ("Togo", "Kofi Amegah")
               for s, r, o in triples(facts["refusal_told"]))
    # forgoing a hostile act towards a third party, or a concession, is no refusal
    assert not rels(facts["reassurance_told"], "rejects")


def test_a_past_act_coordinated_with_a_reported_future_is_the_speaker_s_own(facts):
    got = rels(facts["said_and_called"], "requests")
    assert ("John Mahama", "ECOWAS") in got and not any(s == "Ghana" for s, _ in got)
    # a second reported verb with its own modal stays in the report
    assert rels(facts["said_that_and"], "requests") == {("Uganda", "Somalia")}


def test_a_counterpart_named_after_the_word_is_that_person_not_the_state(facts):
    got = rels(facts["counterpart"], "consultsWith")
    assert any({s, o} == {"Raphael Tuju", "Sam Kutesa"} for s, o in got)
    assert not any("Uganda" in (s, o) for s, o in got)


def test_more_hostile_verbs_and_their_guards(facts):
    got = triples(facts["hijack_detonate"])
    assert {("Taliban", "attacks", "NATO"), ("Russia", "attacks", "Ukraine")} <= got
    assert any(r == "attacks" and o == "Turkey" for _, r, o in got)
    assert ("Uganda", "attacks", "Kenya") in triples(facts["to_death"])
    assert not triples(facts["beat_sports"])  # "beat" alone is no attack


def test_declaring_martial_law_in_a_country_coerces_it(facts):
    assert any(r == "coerces" and o == "Philippines" for _, r, o in triples(facts["declared_curfew"]))
    assert not rels(facts["declared_holiday"], "coerces")


def test_requested_that_and_charged_that_name_the_one_asked_or_accused(facts):
    assert ("United States", "requests", "Pakistan") in triples(facts["requested_that"])
    assert ("Sierra Leone", "accuses", "Charles Taylor") in triples(facts["charged_that"])


def test_a_matching_object_class_decides_between_cues_of_one_verb(facts):
    assert triples(facts["banned_imports"]) == {("European Union", "sanctions", "United Kingdom")}
    assert ("Kenya", "coerces", "Uganda") in triples(facts["banned_person"])


def test_ultimatums_and_conditional_military_action_threaten(facts):
    assert ("Turkey", "threatens", "Syria") in triples(facts["military_action_unless"])
    assert any(r == "threatens" and s == "Nigeria" for s, r, _ in triples(facts["ultimatum"]))


def test_human_shields_are_an_assault(facts):
    # CAMEO 184 "use as human shield" is under root 18 (assault): attacks, as in test_plover_patterns
    assert any(r == "attacks" and o == "Sierra Leonean civilians" for _, r, o in triples(facts["human_shields"]))


def test_not_bowing_to_pressure_from_y_rejects_y(facts):
    assert ("Mahathir Mohamad", "rejects", "International Monetary Fund") in triples(facts["not_bow"])
    assert not rels(facts["bowed"], "rejects")


def test_wrappers_reach_their_subject_and_target(facts):
    assert ("Venezuela", "agreesWith", "Cuba") in triples(facts["willingness_light"])
    # "its banking system" is the subject's own: the place of the pledged investment is the party
    assert ("Japan", "agreesWith", "Indonesia") in triples(facts["pledge_in"])


def test_demanding_the_release_of_those_held_by_y_asks_y(facts):
    assert ("Hezbollah", "requests", "Israel") in triples(facts["release_held_by"])
    assert not any(o == "Israel" for _, _, o in triples(facts["release_plain"]))


def test_agreeing_to_a_truce_with_y(facts):
    assert ("Liberation Tigers of Tamil Eelam", "agreesWith", "Sri Lanka") in triples(facts["truce_with"])


def test_condolences_and_paid_visits(facts):
    assert any(r == "supports" and o == "Ahmet Necdet Sezer" for _, r, o in triples(facts["condolence"]))
    assert ("Zhu Rongji", "consultsWith", "Egypt") in triples(facts["paid_visit"])


def test_sharing_y_s_views_agrees_with_y(facts):
    assert ("China", "agreesWith", "Pakistan") in triples(facts["shared_views"])
    assert not rels(facts["shared_intel"], "agreesWith")


def test_members_suspended_from_a_body_and_envoys_ordered_out_are_sanctioned(facts):
    got = rels(facts["suspended_passive"], "sanctions")
    assert {("African Union", "Fiji"), ("African Union", "Mali")} <= got
    assert ("Burkina Faso", "sanctions", "United Nations") in triples(facts["ordered_out"])


def test_calling_a_deed_a_wrong_accuses_its_doer(facts):
    assert ("Kenya", "accuses", "Uganda") in triples(facts["called_a_wrong"])
    assert not rels(facts["called_friend"], "accuses")
    # "them" stands for the strikes, not for the place they hit
    assert not any(o == "Syria" for _, o in rels(facts["calling_them"], "accuses"))


def test_rallying_support_is_no_protest(facts):
    got = triples(facts["rallied_support"])
    assert ("Hugo Chavez", "accuses", "United States") in got
    assert not rels(facts["rallied_support"], "protestsAgainst")


def test_an_agentless_punitive_act_on_a_condition_is_the_speaker_s_threat(facts):
    got = rels(facts["agentless_threat"], "threatens")
    assert {("Boko Haram", "Chad"), ("Hamas", "Israel")} <= got
    # a forecast by a government is no threat
    assert not rels(facts["agentless_forecast"], "threatens")


def test_a_demand_that_y_act_asks_y(facts):
    assert ("Azerbaijan", "requests", "Armenia") in triples(facts["demand_that_noun"])
    assert not rels(facts["demand_that_thing"], "requests")


def test_a_participle_s_agent_acts(facts):
    assert ("Houthis", "attacks", "Saudi Arabia") in triples(facts["fired_by"])
    assert any(r == "agreesWith" and {s, o} == {"Ethiopia", "Eritrea"} for s, r, o in triples(facts["signed_by"]))
    assert not rels(facts["deployed_to"], "attacks")


def test_claims_by_y_that_z_did_something_are_y_s_accusation(facts):
    got = triples(facts["claims_by"])
    assert {("Uganda", "accuses", "Kenya"), ("Kenya", "rejects", "Uganda")} <= got
    assert not rels(facts["territorial_claim"], "accuses")


def test_speaking_to_a_leader_is_a_consultation_speaking_to_a_crowd_is_not(facts):
    assert ("William Ruto", "consultsWith", "Yoweri Museveni") in triples(facts["spoke_to"])
    assert not rels(facts["spoke_to_press"], "consultsWith")
