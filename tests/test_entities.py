"""The kg_entities component: canonical mentions, stand-ins, demonyms, titles, datelines."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ents(nlp):
    """Runs the parser and NER, then a private kg_entities (whatever else the shared model holds)."""
    from kg.extract.entities import EntityComponent

    pipe = EntityComponent(nlp, remember_names=False)
    ours = [n for n in nlp.pipe_names if n.startswith("kg_")]

    def run(text):
        with nlp.select_pipes(disable=ours):
            doc = nlp(text)
        return pipe(doc)

    return run


def keys(doc, text):
    """Entity keys of the mentions whose text is ``text``."""
    return [m.key for m in doc._.kg_mentions if m.text == text]


def test_gazetteer_overrides_ner_and_normalises_aliases(ents):
    doc = ents("Russia and Iraq are fighting Daesh, the ISIL group, with help from the US.")
    assert keys(doc, "Daesh") == ["Islamic State"]
    assert doc._.kg_entities["Islamic State"].type == "ArmedGroup"
    assert keys(doc, "US") == ["United States"]
    assert doc._.kg_entities["Russia"].country_code == "RUS"
    assert doc._.kg_entities["Russia"].wikidata == "Q159"


def test_is_and_us_only_in_capitals(ents):
    doc = ents("It is clear that the plan suits us. IS fighters attacked the town.")
    assert [m.key for m in doc._.kg_mentions] == ["Islamic State"]


def test_demonym_with_state_noun_is_the_country(ents):
    doc = ents("Russian forces and the Iraqi army attacked while the Syrian authorities watched.")
    spans = {m.text: m.key for m in doc._.kg_mentions}
    assert spans["Russian forces"] == "Russia"
    assert spans["Iraqi army"] == "Iraq"
    assert spans["Syrian authorities"] == "Syria"
    # the head noun carries the entity, for relation rules that look up heads
    forces = [t.i for t in doc if t.text == "forces"][0]
    assert doc._.kg_token_entity[forces] == "Russia"


def test_leader_name_with_army_is_the_country(ents):
    doc = ents("The Assad army recaptured the city.")
    assert keys(doc, "Assad army") == ["Syria"]


def test_capital_as_actor_and_as_place(ents):
    doc = ents("Moscow will keep supporting Damascus. Lavrov spoke at a press conference in Moscow.")
    ms = [m for m in doc._.kg_mentions if m.text == "Moscow"]
    assert [m.key for m in ms] == ["Russia", "Moscow"]
    assert keys(doc, "Damascus") == ["Syria"]
    assert doc._.kg_located_in["Moscow"] == "Russia"


def test_capital_after_the_word_capital_is_a_place(ents):
    doc = ents("The summit opened in Tajikistan's capital Dushanbe on Tuesday.")
    assert keys(doc, "Dushanbe") == ["Dushanbe"]
    assert doc._.kg_entities["Dushanbe"].type == "Location"
    assert doc._.kg_located_in["Dushanbe"] == "Tajikistan"


def test_standin_kremlin(ents):
    doc = ents("The Kremlin said the talks would go on.")
    assert keys(doc, "Kremlin") == ["Russia"]
    assert "Kremlin" in doc._.kg_entities["Russia"].alt_labels


def test_titles_are_stripped_and_recorded(ents):
    doc = ents("Russian Foreign Minister Sergey Lavrov met Dr. Riyad Haddad, Syria's ambassador.")
    assert "Sergey Lavrov" in doc._.kg_entities and "Riyad Haddad" in doc._.kg_entities
    titles = {(t.person, t.holder, t.kind) for t in doc._.kg_titles}
    assert ("Sergey Lavrov", "Russia", "official") in titles


def test_ambassador_belongs_to_the_sending_country(ents):
    doc = ents("Bogdanov discussed with Syria's ambassador to Russia Dr. Riyad Haddad the situation in Syria.")
    t = [t for t in doc._.kg_titles if t.person == "Riyad Haddad"]
    assert t and t[0].holder == "Syria" and t[0].kind == "official"


def test_apposition_title(ents):
    doc = ents("Putin sent a message to the Syrian head of state, Bashar al-Assad, on Saturday.")
    t = [t for t in doc._.kg_titles if t.person == "Bashar al-Assad"]
    assert t and (t[0].holder, t[0].kind) == ("Syria", "leader")


def test_new_sentence_title_after_name(ents):
    # not from the sample: the title follows the name
    doc = ents("Hakan Fidan, the Turkish foreign minister, criticised the decision.")
    t = [t for t in doc._.kg_titles if t.person == "Hakan Fidan"]
    assert t and (t[0].holder, t[0].kind) == ("Turkey", "official")


def test_new_sentence_unknown_person_short_form(ents):
    doc = ents("Kenyan President Uhuru Kenyatta arrived on Monday. Kenyatta met the Somali leaders.")
    assert [m.key for m in doc._.kg_mentions if m.type == "Person"] == ["Uhuru Kenyatta", "Uhuru Kenyatta"]
    t = [t for t in doc._.kg_titles if t.person == "Uhuru Kenyatta"]
    assert t and (t[0].holder, t[0].kind) == ("Kenya", "leader")


def test_unknown_armed_group_by_head_noun(ents):
    doc = ents("The Sultan Murad Brigade said it shelled the village.")
    groups = [e for e in doc._.kg_entities.values() if e.type == "ArmedGroup"]
    assert [g.key for g in groups] == ["Sultan Murad Brigade"]


def test_dateline_is_not_an_entity(ents):
    doc = ents("Moscow, SANA – Russian President Vladimir Putin affirmed that Russia will help Syria.")
    assert doc._.kg_dateline
    first = doc._.kg_mentions[0]
    assert first.text != "Moscow" and "SANA" not in doc._.kg_entities
    assert 0 not in doc._.kg_token_entity


def test_lowercase_west_is_a_direction(ents):
    doc = ents("The base lies in the country's west. He criticised the West.")
    assert [m.text for m in doc._.kg_mentions if m.key == "West"] == ["West"]


def test_short_person_names_resolve_within_article(ents):
    doc = ents("Caretaker Foreign Minister Walid al-Moallem spoke. Later, al-Moallem said Syria is ready.")
    assert [m.key for m in doc._.kg_mentions if m.type == "Person"] == ["Walid al-Moallem"] * 2


def test_alt_labels_never_hold_bare_demonyms(ents):
    doc = ents("The Russian president praised Russian forces.")
    assert "Russian" not in doc._.kg_entities["Russia"].alt_labels
    assert "Russian forces" in doc._.kg_entities["Russia"].alt_labels


def test_plural_demonym_names_the_country(ents):
    # not from the sample (PLOVER-style): people of a country act for it
    doc = ents("Israel and the Palestinians reached a consensus on water.")
    assert keys(doc, "Palestinians") == ["Palestine"]


def test_possessive_standin(ents):
    doc = ents("Iraq's interim government announced martial law. Russia's Foreign Ministry objected.")
    assert keys(doc, "Iraq's interim government") == ["Iraq"]
    assert keys(doc, "Russia's Foreign Ministry") == ["Russia"]
    # a place after a possessive stays a place
    doc = ents("Russia keeps its base in Syria's Latakia Province.")
    assert keys(doc, "Latakia Province") == ["Latakia Province"]


def test_police_and_officers_act_for_the_country(ents):
    doc = ents("Egyptian police dispersed the crowd while Syrian officers watched.")
    assert keys(doc, "Egyptian police") == ["Egypt"] and keys(doc, "Syrian officers") == ["Syria"]


def test_acronym_in_parentheses_is_an_alias(ents):
    doc = ents("The Asia-Pacific Economic Cooperation (APEC) forum agreed. Later APEC met again.")
    assert keys(doc, "APEC") == ["Asia-Pacific Economic Cooperation"] * 2
    # an acronym that does not abbreviate the name before it keeps its own entity
    doc = ents("The peacekeeping force in Lebanon (UNIFIL) stays.")
    assert keys(doc, "UNIFIL") == ["UNIFIL"]


def test_split_person_names_are_joined(ents):
    doc = ents("Dutch Foreign Minister Hans Van den Broek said on Tuesday that talks would go on.")
    assert "Hans Van den Broek" in doc._.kg_entities
    t = [t for t in doc._.kg_titles if t.person == "Hans Van den Broek"]
    assert t and t[0].holder == "Netherlands"


def test_document_names_are_not_actors(ents):
    doc = ents("Russia is not going to discuss the New START Treaty with the United States.")
    assert "New START Treaty" not in doc._.kg_entities


def test_names_remembered_across_articles(nlp):
    from kg.extract.entities import EntityComponent

    comp = EntityComponent(nlp, remember_names=True)
    ours = [n for n in nlp.pipe_names if n.startswith("kg_")]
    with nlp.select_pipes(disable=ours):
        first, second = nlp("Kenyan President Uhuru Kenyatta spoke."), nlp("Kenyatta arrived in Nairobi.")
    comp(first)
    comp(second)
    assert [m.key for m in second._.kg_mentions if m.type == "Person"] == ["Uhuru Kenyatta"]


def test_component_in_a_pipeline_with_blank_tokens():
    # the factory works in any pipeline; without a parser or NER it still finds gazetteer names
    import spacy

    import kg.extract.entities  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities")
    doc = nlp("The Kremlin and Hezbollah met in Damascus. NATO said nothing.")
    assert {m.key for m in doc._.kg_mentions} >= {"Hezbollah", "NATO"}
    assert doc._.kg_entities["Hezbollah"].type == "ArmedGroup"


def test_dateline_with_date_and_agency_in_parentheses(ents):
    doc = ents("Tehran, Jan 5, IRNA - Iranian Foreign Minister Mohammad Javad Zarif condemned the sanctions.")
    assert doc._.kg_dateline and "IRNA" not in doc._.kg_entities and keys(doc, "Tehran") == []
    doc = ents("Ankara, (AA) – Turkish President Recep Tayyip Erdogan spoke on Wednesday.")
    assert doc._.kg_dateline and keys(doc, "Ankara") == []


def test_portfolio_word_is_not_an_organisation(ents):
    doc = ents("Russian Defence Minister Sergei Shoigu held talks with his Turkish counterpart Hulusi Akar in Moscow.")
    assert "Defence" not in doc._.kg_entities
    titles = {t.person: t.holder for t in doc._.kg_titles}
    assert titles["Sergei Shoigu"] == "Russia" and titles["Hulusi Akar"] == "Turkey"


def test_mixed_case_acronyms_and_region_names(ents):
    # not from the sample: "Let" is an English word, "LeT" a group; regions are not the countries inside them
    doc = ents("Let the Council decide, he said. LeT attacked Mumbai. Pirates roam the Gulf of Aden and South America.")
    assert [m.key for m in doc._.kg_mentions if m.type == "ArmedGroup"] == ["Lashkar-e-Taiba"]
    assert "United States" not in doc._.kg_entities and "Yemen" not in doc._.kg_entities


def test_alias_case_must_fit(ents):
    # not from the sample: "Russia Today" (RT) is an alias, "Russia today" is a country and an adverb
    doc = ents("The minister visited Russia today. RT and Russia Today are one channel.")
    assert [m.key for m in doc._.kg_mentions] == ["Russia", "RT", "RT"]
    doc = ents("The United Nations Security council passed the resolution.")
    assert [m.key for m in doc._.kg_mentions] == ["UN Security Council"]


def test_state_bodies_with_names_inside(ents):
    # not from the sample
    doc = ents("The Syrian Foreign and Expatriates Ministry condemned the raid by US occupation forces.")
    spans = {m.text: m.key for m in doc._.kg_mentions}
    assert spans["Syrian Foreign and Expatriates Ministry"] == "Syria"
    assert spans["US occupation forces"] == "United States"
    doc = ents("The Latvian Constitutional Court ruled on Monday.")
    assert "Latvian Constitutional Court" in doc._.kg_entities  # a court is not the state acting


def test_blank_pipeline_without_sentences_does_not_fail():
    import spacy

    import kg.extract.coref  # noqa: F401
    import kg.extract.entities  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_coref")
    doc = nlp("President Putin said Russia will help. He smiled.")
    assert [m.key for m in doc._.kg_mentions] == ["Vladimir Putin", "Russia"]
    assert nlp("")._.kg_mentions == []


@pytest.mark.parametrize("seed", range(3))
def test_invariants_on_random_text(seed):
    """Whatever the text: mentions sorted, every mention token mapped, keys known, no pronoun labels."""
    import random

    import spacy

    import kg.extract.entities  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities")
    words = ["Russia", "the", "Kremlin", "US", "us", "IS", "is", "Syrian", "forces", "in", "Moscow", "'s",
             "President", "Putin", "Dr.", "Daesh", ",", ".", "–", "SANA", "\n", "said", "he", "Al-Nusra", "Front",
             "Western", "countries", "the", "west", "Iraqi", "and", "governments", "(", "APEC", ")"]
    rng = random.Random(seed)
    for _ in range(40):
        doc = nlp(" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))))
        ms = doc._.kg_mentions
        assert ms == sorted(ms, key=lambda m: (m.start, m.end))
        for m in ms:
            assert all(doc._.kg_token_entity[i] == m.key for i in range(m.start, m.end))
            assert m.key in doc._.kg_entities and m.type == doc._.kg_entities[m.key].type or m.kind == "demonym"
        for e in doc._.kg_entities.values():
            assert not {"he", "she", "it", "they"} & {a.lower() for a in e.alt_labels}


def test_generic_bodies_are_not_entities_communities_are_groups(ents):
    doc = ents("The Ministry of Foreign Affairs said the Syrian Ministry of Foreign Affairs met. Shias and Sunnis fled.")
    assert [(m.text, m.key, m.type) for m in doc._.kg_mentions] == [
        ("Syrian Ministry", "Syria", "Country"), ("Shias", "Shias", "Group"), ("Sunnis", "Sunnis", "Group")]


def test_remembered_names_are_per_stream(nlp):
    """Names seen in one nlp.pipe stream do not leak into the next: same input, same output."""
    from kg.extract.entities import EntityComponent

    comp = EntityComponent(nlp, remember_names=True)
    ours = [n for n in nlp.pipe_names if n.startswith("kg_")]
    texts = ["Kenyatta arrived in Nairobi.", "Kenyan President Uhuru Kenyatta spoke."]
    with nlp.select_pipes(disable=ours):
        runs = []
        for _ in range(2):
            docs = list(comp.pipe(nlp.pipe(texts)))
            runs.append([[m.key for m in d._.kg_mentions] for d in docs])
    assert runs[0] == runs[1]


def test_counterpart_takes_the_office_and_motion_to_a_capital_is_a_place(ents):
    doc = ents("Iranian Foreign Minister Mohammad Javad Zarif met his Iraqi counterpart Fuad Hussein. "
               "Zarif later travelled to Beirut.")
    t = {x.person: (x.title, x.holder) for x in doc._.kg_titles}
    assert t["Fuad Hussein"] == ("Foreign Minister", "Iraq")
    assert keys(doc, "Beirut") == ["Beirut"]


def test_known_surname_after_another_first_name_is_another_person(ents):
    # not from the sample: "al-Maliki" alone would be Nouri al-Maliki, "Turki Al-Maliki" is someone else
    doc = ents("Coalition spokesman Turki Al-Maliki said the strikes hit drone sites. Hunter Biden was not there.")
    persons = [m.key for m in doc._.kg_mentions if m.type == "Person"]
    assert persons == ["Turki Al-Maliki", "Hunter Biden"]
    doc = ents("President Assad met Putin.")
    assert [m.key for m in doc._.kg_mentions] == ["Bashar al-Assad", "Vladimir Putin"]


def test_titles_that_are_not_offices_of_the_state(ents):
    doc = ents("Myanmar's junta denied the envoy permission to meet detained opposition leader Aung San Suu Kyi. "
               "Iran will not suspend enrichment, chief nuclear negotiator Ali Larijani told reporters. "
               "Shelling continued overnight, a UN military spokesman in Goma said.")
    titles = {(t.person, t.holder, t.kind) for t in doc._.kg_titles}
    assert not any(p == "Aung San Suu Kyi" and h == "Myanmar" for p, h, _ in titles)
    assert ("Ali Larijani", "Iran", "leader") not in titles
    assert not any(p == "Goma" for p, _, _ in titles)


def test_hyphenated_titles_branch_chiefs_and_titles_glued_to_a_demonym(ents):
    doc = ents("ASEAN Secretary-General Kao Kim Hourn met EU foreign policy chief Josep Borrell. "
               "Iraqi National Security Adviser Qasim al-Araji visited Tehran.")
    titles = {(t.person, t.holder, t.kind) for t in doc._.kg_titles}
    assert ("Kao Kim Hourn", "ASEAN", "leader") in titles
    assert ("Josep Borrell", "European Union", "official") in titles
    assert ("Qasim al-Araji", "Iraq", "official") in titles


def test_a_title_word_is_no_organisation_and_current_leaders_are_known(ents):
    doc = ents("Iran's Supreme Leader Ayatollah Ali Khamenei met Somali President Hassan Sheikh Mohamud.")
    titles = {(t.person, t.holder, t.kind) for t in doc._.kg_titles}
    assert ("Ali Khamenei", "Iran", "leader") in titles
    assert ("Hassan Sheikh Mohamud", "Somalia", "leader") in titles
    assert "Supreme" not in doc._.kg_entities


# ---------------------------------------------------------------- collective actors (kg:Group)


def groups(doc):
    """(key, country) of the Group entities of ``doc``."""
    return {(e.key, e.country) for e in doc._.kg_entities.values() if e.type == "Group"}


def test_people_named_by_nation_place_or_qualifier_are_groups(ents):
    doc = ents("Angry French paper workers blocked the bridge while Tamil refugees and opposition supporters "
               "marched with demonstrators in Seoul.")
    assert groups(doc) == {("French paper workers", "France"), ("Tamil refugees", None),
                           ("opposition supporters", None), ("demonstrators in Seoul", "South Korea")}
    # the national adjective inside a group is no mention of its own; the place after it is
    assert keys(doc, "Seoul") == ["Seoul"] and not keys(doc, "French")


def test_unqualified_people_and_the_nation_itself_are_no_groups(ents):
    doc = ents("Workers went on strike. The Syrian people will decide. Many students left. The workers left.")
    # only the victims, crowds and people by role of events are groups with nothing that says whose,
    # marked bare (parties of events only); "the workers" refers back, "the Syrian people" is the nation
    assert groups(doc) == {("students", None), ("workers", None)}
    assert [m.kind for m in doc._.kg_mentions if m.key == "students"] == ["bare"]
    assert [m.kind for m in doc._.kg_mentions if m.key == "workers"] == ["bare"]


def test_ethnic_kin_and_peoples_are_groups_of_the_place_they_live_in(ents):
    doc = ents("Ethnic Albanians in south Serbia and Kosovo Serbs met Kurds.")
    assert groups(doc) == {("ethnic Albanians in south Serbia", "Serbia"), ("Kosovo Serbs", "Kosovo"),
                           ("Kurds", None)}
    assert "Albania" not in doc._.kg_entities  # kin abroad are not their ancestors' state


def test_conjoined_nationalities_make_one_group_each(ents):
    doc = ents("Guards beat Sierra Leonean and Liberian refugees.")
    assert groups(doc) == {("Sierra Leonean refugees", "Sierra Leone"), ("Liberian refugees", "Liberia")}
    # "Sierra Leonean" is a mention of its group, never one of its names
    assert doc._.kg_entities["Sierra Leonean refugees"].alt_labels == ()


def test_a_state_bodys_people_and_names_are_no_groups(ents):
    doc = ents("Myanmar's junta leaders met the Kurdish fighters.")
    assert groups(doc) == set()


def test_the_same_people_later_are_the_same_group(ents):
    doc = ents("Serbian demonstrators marched in Belgrade. Police dispersed the demonstrators.")
    later = [m for m in doc._.kg_mentions if m.text == "demonstrators" and m.kind == "description"]
    assert [m.key for m in later] == ["Serbian demonstrators"]
    assert doc._.kg_entities["Serbia"].country_code == "SRB"  # the group's country is an entity


def test_occupations_placed_across_or_near_a_place_are_groups(ents):
    doc = ents("Lawyers across Kenya boycotted the courts while armed settlers near Nablus blocked a road "
               "and village chiefs in northern Ghana met nurses.")
    assert groups(doc) == {("lawyers across Kenya", "Kenya"), ("armed settlers near Nablus", "Palestine"),
                           ("chiefs in northern Ghana", "Ghana")}  # "nurses" alone says no whose


def test_a_state_bodys_chiefs_act_for_the_state(ents):
    doc = ents("Turkish army chiefs warned Greek lawyers.")
    assert groups(doc) == {("Greek lawyers", "Greece")}
    assert keys(doc, "Turkish army") == ["Turkey"]


def test_kin_named_by_whose_kin_they_are_are_groups(ents):
    doc = ents("Relatives of the missing miners marched to parliament. Families of the victims met the mayor. "
               "Relatives of Fidel Castro left Cuba. Parents complained.")
    assert groups(doc) == {("relatives of the missing miners", None), ("families of the victims", None)}


def test_armed_groups_named_by_creed_or_cause(ents):
    doc = ents("Leftist guerrillas ambushed a convoy. Troops killed 12 Muslim separatist rebels. "
               "Nepal's Maoist rebels and pro-government militias fled.")
    armed = {e.key for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert armed == {"leftist guerrillas", "Muslim separatist rebels"}  # a possessor's fighters are its own


def test_more_armed_groups_and_bodies_are_known_by_their_full_names(ents):
    doc = ents("Envoys from the rebel Justice and Equality Movement met the Organisation for Security and "
               "Cooperation in Europe, and Reporters Without Borders criticised ECOMOG.")
    e = doc._.kg_entities
    assert e["Justice and Equality Movement"].type == "ArmedGroup"
    assert {"OSCE", "Reporters Without Borders", "Economic Community of West African States Monitoring Group"} <= set(e)
    assert not {"Justice", "Equality Movement", "Without Borders", "Europe"} & set(e)


def test_people_in_or_from_a_nations_places_are_groups_of_that_nation(ents):
    doc = ents("Kurdish prisoners in Iranian jails and volunteers from Indonesian charities met teachers "
               "in old schools.")
    assert groups(doc) == {("Kurdish prisoners in Iranian jails", "Iran"),
                           ("volunteers from Indonesian charities", "Indonesia")}


def test_unnamed_armed_bodies_named_by_what_and_whose_they_are(ents):
    doc = ents("Angola's largest rebel group and the main Kurdish guerrilla movement met. "
               "The Shining Path guerrilla movement, a rebel group and Chad's main rebel group, the Popular "
               "Front, left.")
    armed = {(e.key, e.country) for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert ("Angola's largest rebel group", "Angola") in armed
    assert ("main Kurdish guerrilla movement", None) in armed
    assert not any("group" in k or "movement" in k for k, _ in armed - {("Angola's largest rebel group", "Angola"),
                                                                         ("main Kurdish guerrilla movement", None)})


def test_peoples_faiths_and_rebels_name_unnamed_armed_groups(ents):
    doc = ents("Hutu militiamen and rebel fighters attacked Shiite militias. Rebel leaders met Hutu refugees.")
    armed = {e.key for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert armed == {"Hutu militiamen", "rebel fighters", "Shiite militias"}  # leaders and refugees are no armed noun


def test_people_counted_as_a_crowd_are_a_group(ents):
    doc = ents("Thousands of dockworkers marched in the port while farmers stayed home and hundreds of people watched.")
    # "farmers" with no determiner is a group by role too (the bare role groups); "people" never is
    assert groups(doc) == {("dockworkers", None), ("farmers", None)}
    assert [m.kind for m in doc._.kg_mentions if m.key == "dockworkers"] == ["bare"]


def test_mujahideen_and_paramilitaries_of_a_nation_are_armed_groups(ents):
    doc = ents("Chechen mujahideen and Peruvian paramilitaries met Bosnian mujahedin fighters. The mujahideen left.")
    armed = {e.key for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert {"Chechen mujahideen", "Peruvian paramilitaries"} <= armed
    assert "mujahideen" not in armed  # with nothing that says whose, no group of its own


def test_congolese_is_the_democratic_republic(ents):
    doc = ents("The Congolese army shelled rebel positions near Goma.")
    assert keys(doc, "Congolese army") == ["Democratic Republic of the Congo"]


def test_a_state_bodys_first_word_or_an_armed_groups_adjective_opening_a_sentence_is_no_name(ents):
    doc = ents("Riot police dispersed the crowd.")
    assert not doc._.kg_entities
    doc = ents("Moluccan militants hijacked a train. Hamas militants fired rockets.")
    armed = {e.key for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert armed == {"Moluccan militants", "Hamas"}


def test_a_finite_verb_before_a_group_is_no_qualifier_of_it(ents):
    doc = ents("The authorities in Hanoi detained Buddhist monks. Relatives of Nepali workers killed abroad met.")
    got = groups(doc)
    assert {("Buddhist monks", None), ("relatives of Nepali workers", "Nepal")} <= got
    assert not any("detained" in k or "Hanoi" in k for k, _ in got)


def test_one_unknown_word_after_in_is_a_place(ents):
    doc = ents("A UN spokesman in Bunia said students in Bouake had left.")
    types = {e.key: e.type for e in doc._.kg_entities.values()}
    assert types.get("Bunia") == "Location" and types.get("Bouake") == "Location"


def test_mutinous_soldiers_are_no_longer_the_state(ents):
    doc = ents("Renegade Guinean soldiers and mutinous army officers attacked Guinean troops.")
    armed = {e.key for e in doc._.kg_entities.values() if e.type == "ArmedGroup"}
    assert armed == {"renegade Guinean soldiers", "mutinous army officers"}
    assert keys(doc, "Guinean troops") == ["Guinea"]  # the loyal ones still are


def test_international_or_foreign_agents_are_groups_a_named_bodys_are_that_body(ents):
    doc = ents("International donors and foreign journalists met Western aid groups, EU observers, "
               "UN inspectors and American companies.")
    got = groups(doc)
    assert {("international donors", None), ("foreign journalists", None), ("Western aid groups", None)} <= got
    assert not any("EU" in k or "UN" in k or "American" in k for k, _ in got)
    assert keys(doc, "EU") == ["European Union"]


def test_territories_with_a_parenthesised_iso_name_are_found_by_their_common_name(ents):
    doc = ents("Britain sent warships to the Falklands while Chile watched the Falkland Islands.")
    assert keys(doc, "Falklands") == ["Falkland Islands (Malvinas)"]
    assert keys(doc, "Falkland Islands") == ["Falkland Islands (Malvinas)"]


def test_people_from_an_ngo_or_international_body_are_that_body(ents):
    doc = ents("French doctors from Medecins Sans Frontieres and students from Makerere University met.")
    assert keys(doc, "French doctors") == ["Doctors Without Borders"]
    assert "France" not in doc._.kg_entities  # their nationality is no act of the state
    assert ("students from Makerere University", None) in groups(doc)  # a university's students stay a group
