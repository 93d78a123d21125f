"""The gazetteer: canonical names, codes, Q-ids, aliases, demonyms and user extensions."""

from __future__ import annotations

import pytest

from kg.extract.gazetteer import Gazetteer, normalize
from kg.errors import KGError


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


@pytest.mark.parametrize(
    "key,code,qid",
    [
        ("Russia", "RUS", "Q159"),
        ("Syria", "SYR", "Q858"),
        ("Iraq", "IRQ", "Q796"),
        ("United States", "USA", "Q30"),
        ("Iran", "IRN", "Q794"),
        ("Turkey", "TUR", "Q43"),
        ("France", "FRA", "Q142"),
        ("United Kingdom", "GBR", "Q145"),
        ("Germany", "DEU", "Q183"),
    ],
)
def test_well_known_countries(gaz, key, code, qid):
    e = gaz.get(key)
    assert e is not None and e.type == "Country"
    assert (e.country_code, e.wikidata) == (code, qid)


def test_every_iso_country_is_present(gaz):
    import pycountry

    codes = {e.country_code for e in gaz.entries.values() if e.type == "Country"}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes]
    assert missing == []


def test_country_codes_are_unique(gaz):
    codes = [e.country_code for e in gaz.entries.values() if e.type == "Country"]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    "surface,key",
    [
        ("Russian Federation", "Russia"),
        ("the Russian Federation's", "Russia"),
        ("Türkiye", "Turkey"),
        ("Syrian Arab Republic", "Syria"),
        ("Republic of Korea", "South Korea"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("U.S.", "United States"),
        ("UAE", "United Arab Emirates"),
        ("ISIL", "Islamic State"),
        ("Da’esh", "Islamic State"),
        ("Islamic State in Iraq and the Levant", "Islamic State"),
        ("Al Nusrah Front", "Al-Nusra Front"),
        ("Jabhat al-Nusra", "Al-Nusra Front"),
        ("al-qaida", "Al-Qaeda"),
        ("Hizbollah", "Hezbollah"),
        ("Ansar Allah", "Houthis"),
        ("Collective Security Treaty Organization", "CSTO"),
        ("Security Council", "UN Security Council"),
        ("Western countries", "West"),
        ("Hmeimim", "Hmeymim airbase"),
        ("Lattakia", "Latakia Province"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Putin", "Vladimir Putin"),
    ],
)
def test_aliases(gaz, surface, key):
    assert gaz.lookup(surface).key == key


def test_short_upper_case_aliases_are_case_sensitive(gaz):
    assert gaz.lookup("IS").key == "Islamic State"
    assert gaz.lookup("US").key == "United States"
    assert gaz.lookup("is") is None and gaz.lookup("us") is None
    assert gaz.lookup("Is") is None


def test_capitals_and_standins_belong_to_their_country(gaz):
    assert (gaz.lookup("Moscow").type, gaz.lookup("Moscow").country) == ("Location", "Russia")
    assert gaz.lookup("Dushanbe").country == "Tajikistan"
    assert gaz.lookup("the Kremlin").country == "Russia"
    assert gaz.lookup("Pentagon").country == "United States"
    assert gaz.country_of("Damascus") == "Syria"
    assert gaz.country_of("Syria") == "Syria"


@pytest.mark.parametrize(
    "word,key", [("Russian", "Russia"), ("Syrian", "Syria"), ("Iraqi", "Iraq"), ("American", "United States"),
                 ("British", "United Kingdom"), ("Emirati", "United Arab Emirates"), ("Western", "West")]
)
def test_demonyms(gaz, word, key):
    assert gaz.demonym(word).key == key


def test_types_follow_the_ontology(gaz):
    assert {e.type for e in gaz.entries.values()} <= {"Person", "Country", "Organization", "ArmedGroup", "Location"}
    assert gaz.lookup("Daesh").type == "ArmedGroup"
    assert gaz.lookup("NATO").type == "Organization"
    assert gaz.lookup("Putin").type == "Person" and gaz.lookup("Putin").country == "Russia"


def test_every_country_reference_is_known(gaz):
    for e in gaz.entries.values():
        if e.country:
            assert e.country in gaz, (e.key, e.country)


def test_user_folder_adds_entities_and_aliases(tmp_path):
    (tmp_path / "mine.tsv").write_text(
        "# my additions\n"
        "key\ttype\tkind\taliases\n"
        "Vladimir Putin\tPerson\tleader\tV. Putin\n"
        "Jaish al-Adl\tArmedGroup\tarmedgroup\tArmy of Justice\n",
        encoding="utf-8",
    )
    (tmp_path / "verbs.tsv").write_text("lemma\trelation\nbomb\tattacks\n", encoding="utf-8")  # another lexicon
    gaz = Gazetteer.load([tmp_path])
    assert gaz.lookup("V. Putin").key == "Vladimir Putin"
    assert gaz.lookup("Putin").key == "Vladimir Putin"  # shipped aliases kept
    assert gaz.get("Vladimir Putin").country == "Russia"
    assert gaz.lookup("army of justice").type == "ArmedGroup"
    assert Gazetteer.load().lookup("V. Putin") is None  # the shipped gazetteer is untouched


def test_malformed_user_row_is_a_coded_error(tmp_path):
    (tmp_path / "bad.tsv").write_text("key\ttype\tkind\taliases\nFoo\tCity\tcity\t\n", encoding="utf-8")
    with pytest.raises(KGError, match="E070"):
        Gazetteer.load([tmp_path])


def test_normalize():
    assert normalize("the  White   House") == "White House"
    assert normalize("Syria's") == "Syria"
