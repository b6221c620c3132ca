"""Statements and speakers on short texts, one hard case each (through the whole pipeline)."""

from __future__ import annotations

import time

import pytest

from wirecoder.model import Result

PUBLISHED = "2025-09-06"  # a Saturday


def run(pipeline, text: str) -> Result:
    result = pipeline.extract(text, published=PUBLISHED)
    for s in result.statements:  # every statement has exact offsets and a speaker or a reason
        assert text[s.start : s.end] == s.content
        assert s.speaker is not None or s.speaker_reason in {
            "unnamed_source", "unresolved", "no_speaker"}
        if s.speaker_start is not None:
            assert text[s.speaker_start : s.speaker_end] == s.speaker_text
        if s.cue_start is not None:
            assert text[s.cue_start : s.cue_end] == s.cue
    return result


def found(pipeline, text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker name, content) of each statement, in text order."""
    result = run(pipeline, text)
    names = {a.id: a.name for a in result.actors}
    return [(s.kind, names.get(s.speaker or ""), s.content) for s in result.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Direct quotations: cue after, cue before with a comma or a colon, inverted subject.
        ('Vladimir Putin said, "We will respond."',
         [("direct", "Vladimir Putin", "We will respond.")]),
        ('Foreign Minister Sergei Lavrov arrived on Monday. "We will respond," he stated.',
         [("direct", "Sergei Lavrov", "We will respond")]),
        ("“It is impossible to ensure the security of one country at the expense of another,” "
         "Kremlin spokesman Dmitry Peskov told reporters in Vladivostok.",
         [("direct", "Dmitry Peskov", "It is impossible to ensure the security of one country "
           "at the expense of another")]),
        ('Volodymyr Zelenskiy wrote on Telegram: "Every system we receive saves a city."',
         [("direct", "Volodymyr Zelenskiy", "Every system we receive saves a city.")]),
        ('"The talks were useful," said Dmitry Peskov.',
         [("direct", "Dmitry Peskov", "The talks were useful")]),
        # A quote split around its cue: two statements, one speaker.
        ('Emmanuel Macron met workers on Monday. "We will respond," he said, "and quickly."',
         [("direct", "Emmanuel Macron", "We will respond"),
          ("direct", "Emmanuel Macron", "and quickly.")]),
        # A quote in the same paragraph with no cue of its own continues the last speaker.
        ('"We had robust talks," Scott Bessent told reporters. "Neither side wants a decoupling."',
         [("direct", "Scott Bessent", "We had robust talks"),
          ("direct", "Scott Bessent", "Neither side wants a decoupling.")]),
        # A quote over two paragraphs (no closing mark on the first) is one statement.
        ('Olaf Scholz said: "We will not waver.\n\n"Our support will last," he added.',
         [("direct", "Olaf Scholz", 'We will not waver.\n\n"Our support will last')]),
        # Indirect speech: that-clause, zero-that, coordinated that-clauses.
        ("Kenyan President William Ruto stated that he would withdraw the finance bill.",
         [("indirect", "William Ruto", "he would withdraw the finance bill")]),
        ("Olaf Scholz told reporters the plan was ready.",
         [("indirect", "Olaf Scholz", "the plan was ready")]),
        ("The Kenya National Commission on Human Rights said officers had used live ammunition "
         "and that several of the dead had been shot in the back.",
         [("indirect", "Kenya National Commission on Human Rights",
           "officers had used live ammunition"),
          ("indirect", "Kenya National Commission on Human Rights",
           "several of the dead had been shot in the back")]),
        # The clause before a parenthetical cue.
        ("U.S. military aircraft dropped 38,000 meals over northern Gaza on Thursday, the "
         "Pentagon said.",
         [("indirect", "Pentagon",
           "U.S. military aircraft dropped 38,000 meals over northern Gaza on Thursday")]),
        # "According to X", before or after the content.
        ("According to the Kremlin, the talks will resume on Monday.",
         [("indirect", "Kremlin", "the talks will resume on Monday")]),
        ("Police opened fire on the crowd, killing at least 19 people, according to the Kenya "
         "National Commission on Human Rights.",
         [("indirect", "Kenya National Commission on Human Rights",
           "Police opened fire on the crowd, killing at least 19 people")]),
        # Requests and promises: the content is what is asked or promised.
        ("Secretary-General António Guterres called on Rwanda to withdraw its forces and to "
         "stop supporting the rebels.",
         [("indirect", "António Guterres", "withdraw its forces"),
          ("indirect", "António Guterres", "stop supporting the rebels")]),
        ("Prime Minister Sébastien Lecornu offered on Thursday to drop the plan.",
         [("indirect", "Sébastien Lecornu", "drop the plan")]),
        ("An Israeli official accused Hamas of stalling.",
         [("indirect", None, "stalling")]),
        ("North Korea denounced the joint drills as a rehearsal for invasion.",
         [("indirect", "North Korea", "the joint drills as a rehearsal for invasion")]),
        # Multiword cues.
        ("Annalena Baerbock pointed out that the deliveries had been delayed.",
         [("indirect", "Annalena Baerbock", "the deliveries had been delayed")]),
        ("Olaf Scholz went on to say that Germany would send more help.",
         [("indirect", "Olaf Scholz", "Germany would send more help")]),
        # Mixed: reported speech holding a quoted fragment keeps its marks.
        ('Sophie Binet called the plan "a dangerous escalation" on Tuesday.',
         [("mixed", "Sophie Binet", 'the plan "a dangerous escalation"')]),
        ("Vladimir Putin said on Friday that foreign troops would be “legitimate targets.”",
         [("mixed", "Vladimir Putin", "foreign troops would be “legitimate targets.”")]),
        ('Han Duck-soo ordered the military to maintain "a firm readiness posture."',
         [("mixed", "Han Duck-soo", 'maintain "a firm readiness posture."')]),
        # A that-clause wholly quoted is mixed, marks kept.
        ('Edmundo Gonzalez wrote on social media that "the truth will prevail."',
         [("mixed", "Edmundo Gonzalez", '"the truth will prevail."')]),
        # Speech nouns given by a verb of saying.
        ("The Kremlin expressed concern that the talks could collapse.",
         [("indirect", "Kremlin", "the talks could collapse")]),
        # "quoted/cited as saying".
        ("Dmitry Peskov was quoted as saying that the talks had stalled.",
         [("indirect", "Dmitry Peskov", "the talks had stalled")]),
        # An aside is a statement of its own; a conditional one is part of the content.
        ("Jamieson Greer said the deal would cut the deficit, though he acknowledged that a "
         "tariff remained in place.",
         [("indirect", "Jamieson Greer", "the deal would cut the deficit"),
          ("indirect", "Jamieson Greer", "a tariff remained in place")]),
        ("Kaja Kallas said sanctions could be eased if the agency confirmed that Iran was "
         "cooperating.",
         [("indirect", "Kaja Kallas", "sanctions could be eased if the agency confirmed that "
           "Iran was cooperating")]),
        # A coordinated cue belongs to the first speaker, not to a subject inside the content.
        ("Amnesty International said the deployment was unconstitutional and asked the High "
         "Court to suspend it.",
         [("indirect", "Amnesty International", "the deployment was unconstitutional"),
          ("indirect", "Amnesty International", "suspend it")]),
        # A report of a report is the inner speaker's statement.
        ('Alexander Lukashenko accused Warsaw of "provocations," state news agency Belta '
         "reported.",
         [("mixed", "Alexander Lukashenko", '"provocations,"')]),
        ("“Western weapons will not change anything,” Dmitry Peskov told reporters, according "
         "to the Interfax news agency.",
         [("direct", "Dmitry Peskov", "Western weapons will not change anything")]),
        # A short lead-in before a whole quoted sentence.
        ('In a statement, "The army will deploy as soon as possible," the Lebanese army said.',
         [("direct", "Lebanese army", "The army will deploy as soon as possible")]),
        # A colon before the quote beats a cue in the next sentence.
        ('Israel Katz told soldiers: "We will not allow the threat to return." He added that '
         "the troops would stay.",
         [("direct", "Israel Katz", "We will not allow the threat to return."),
          ("indirect", "Israel Katz", "the troops would stay")]),
        # British single quotes.
        ("'We are stepping up our support,' John Healey told MPs.",
         [("direct", "John Healey", "We are stepping up our support")]),
    ],
)
def test_statements_cases(pipeline, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert found(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry welcomed the agreement on Monday.",  # a bare speech act
        "The ministry condemned what it called “a provocation.”",  # a label, not a statement
        "The spokesman did not say whether the talks would resume.",  # negated
        "The spokesman declined to say whether the talks would resume.",
        "The court ordered the deployment of troops to the border.",  # an order of a thing
        "The two sides agreed to meet again next month.",  # an agreement is an event
        "Shares in Hong Kong rose 3%, according to market data.",  # no one said it
        "The region is known as “the breadbasket” of the country.",  # scare quotes
        "Tehran condemned the strike, in a move Washington described as “reckless.”",
        "Asked whether talks would resume, the official declined to comment.",  # a question
        "The minister was told that the border would stay closed.",  # the subject heard it
        "The concern that the talks could collapse grew on Monday.",  # no one expressed it
    ],
)
def test_statements_not_statements(pipeline, text: str) -> None:
    assert found(pipeline, text) == []


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Pronouns take the gender and salience of their antecedent.
        ("Union leader Sophie Binet criticised the plan. Prime Minister Sébastien Lecornu met "
         "her on Monday. “I have heard the anger,” he said.", "Sébastien Lecornu"),
        ("Union leader Sophie Binet criticised Prime Minister Sébastien Lecornu on Monday. "
         "She said the budget was unfair.", "Sophie Binet"),
        ("A police spokeswoman, Ama Owusu, said officers had acted lawfully. Interior "
         "Minister John Mensah visited the area. She said 52 people had been arrested.",
         "Ama Owusu"),
        ("COGAT denied that Israel was limiting the number of trucks. It said the bottleneck "
         "was caused by distribution.", "COGAT"),
        # Titles and appositions.
        ("The U.S. ambassador to Manila, MaryKay Carlson, said Washington stood with its ally.",
         "MaryKay Carlson"),
        ("Prime Minister Sébastien Lecornu met the unions. The prime minister said the "
         "holidays would stay.", "Sébastien Lecornu"),
        # Institutions and seats of government.
        ("The Kremlin said the proposal was unacceptable.", "Kremlin"),
        ("Minsk said it would close the border.", "Belarus"),
        ("The Law Society of Kenya filed a case. The society said the deployment was "
         "unconstitutional.", "Law Society of Kenya"),
        # A spokesperson with no name speaks for the body.
        ("An RSF spokesman said its fighters had only targeted army positions.",
         "Rapid Support Forces"),
        # A relative clause: the antecedent speaks.
        ("Air defence crews shot down 102 drones, according to the Ukrainian air force, which "
         "said the main targets were power plants.", "Ukrainian air force"),
        # A speaker the entity tagger missed.
        ('"My brother has been gone for 14 months," said Claudia Restrepo.', "Claudia Restrepo"),
    ],
)
def test_statements_speakers(pipeline, text: str, speaker: str) -> None:
    result = run(pipeline, text)
    names = {a.id: a.name for a in result.actors}
    last = result.statements[-1]
    assert names.get(last.speaker or "", "").endswith(speaker) or speaker.endswith(
        names.get(last.speaker or "", "") or "?")


def test_statements_an_unnamed_source_met_again_stays_unnamed(pipeline) -> None:
    text = ("“The Russians came with ultimatums,” a member of the Ukrainian delegation told "
            "reporters. The official said Moscow had demanded a withdrawal.")
    first, second = run(pipeline, text).statements
    assert first.speaker is None and first.speaker_country == "UKR"
    assert second.speaker is None and second.speaker_reason == "unnamed_source"


def test_statements_unnamed_spokesman_then_he(pipeline) -> None:
    text = ("An RSF spokesman said its fighters had only targeted army positions. He also "
            "accused the army of bombing a market.")
    result = run(pipeline, text)
    names = {a.id: a.name for a in result.actors}
    assert [names.get(s.speaker or "") for s in result.statements] == [
        "Rapid Support Forces", "Rapid Support Forces"]


def test_statements_dateline_is_not_the_speaker(pipeline) -> None:
    text = ("CARACAS (WSW) - The electoral council said Maduro had won. The opposition said "
            "its count showed otherwise.")
    result = run(pipeline, text)
    assert [s.speaker_text for s in result.statements] == ["The electoral council",
                                                           "The opposition"]


def test_statements_spokesperson_speaks_on_behalf_of(pipeline) -> None:
    text = ("Russian President Vladimir Putin spoke on Friday. His spokesperson, Dmitry Peskov, "
            "said the talks had ended.")
    result = run(pipeline, text)
    names = {a.id: a.name for a in result.actors}
    (s,) = result.statements
    assert names[s.speaker] == "Dmitry Peskov"
    assert names[s.on_behalf_of] == "Vladimir Putin"


@pytest.mark.parametrize(
    ("text", "description", "country"),
    [
        ("A senior Israeli official, speaking on condition of anonymity, said the talks had "
         "stalled.", "A senior Israeli official", "ISR"),
        ("A senior Ukrenergo official said some equipment could take months to replace.",
         "A senior Ukrenergo official", "UKR"),
        ("Diplomats at the United Nations in New York said Washington asked for a meeting.",
         "Diplomats at the United Nations in New York", None),
        ("Filipino fishermen say Chinese ships regularly chase them away.",
         "Filipino fishermen", "PHL"),
    ],
)
def test_statements_unnamed_sources(pipeline, text: str, description: str,
                                    country: str | None) -> None:
    (s,) = run(pipeline, text).statements
    assert s.speaker is None and s.speaker_reason == "unnamed_source"
    assert s.speaker_text == description
    assert s.speaker_country == country


def test_statements_addressee_place_and_date(pipeline) -> None:
    text = ("“It is impossible,” Kremlin spokesman Dmitry Peskov told reporters in Vladivostok "
            "on Friday. In Warsaw, the Polish military said no aircraft had crossed the border.")
    first, second = run(pipeline, text).statements
    assert (first.addressee, first.place, first.date) == ("reporters", "Vladivostok",
                                                          "2025-09-05")
    assert second.place == "Warsaw"


def test_statements_addressee_of_a_request(pipeline) -> None:
    text = "Saudi Arabia urged all parties to exercise restraint."
    (s,) = run(pipeline, text).statements
    assert (s.addressee, s.content) == ("all parties", "exercise restraint")


def test_statements_cue_is_the_multiword_cue(pipeline) -> None:
    text = "António Guterres called on Rwanda to withdraw its forces."
    (s,) = run(pipeline, text).statements
    assert s.cue == "called on"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "text",
    [
        'Vladimir Putin said "we will win. And then nothing more was said.',  # unbalanced
        "“A stray opening mark.\n\nAnother paragraph, said the ministry.",
        "A stray closing mark” said the ministry.",
        'He said """ and "" then ".',
        "O'Neill said he didn't know and shouldn‘t care about Dublin's plans.",
        "“He told me ‘never again’,” she said.",  # nested quotes
        "",
        "“”",
    ],
)
def test_statements_bad_input_does_not_crash(pipeline, text: str) -> None:
    result = run(pipeline, text) if text else None
    if result is not None:
        assert all(len(s.content) < len(text) + 1 for s in result.statements)


def test_statements_apostrophes_are_not_quotes(pipeline) -> None:
    text = "O'Neill said he didn't know and shouldn‘t care about Dublin's plans."
    assert [(k, c) for k, _, c in found(pipeline, text)] == [
        ("indirect", "he didn't know and shouldn‘t care about Dublin's plans")]


def test_statements_nested_quote_stays_inside(pipeline) -> None:
    text = "Nancy Faeser spoke on Monday. “He told me ‘never again’,” she said."
    assert found(pipeline, text) == [("direct", "Nancy Faeser", "He told me ‘never again’")]


def test_statements_unbalanced_quote_stays_in_its_paragraph(pipeline) -> None:
    text = ('Vladimir Putin said: "we will win.\n\nThe ministry said the talks had ended.\n\n'
            'Olaf Scholz said the plan was ready.')
    contents = [c for _, _, c in found(pipeline, text)]
    assert "the talks had ended" in contents and "the plan was ready" in contents
    assert all("\n\n" not in c for c in contents)


def test_statements_five_thousand_word_quote(pipeline) -> None:
    words = " ".join(f"word{n % 50}" for n in range(5000))
    text = f"“{words},” Olaf Scholz said."
    started = time.perf_counter()
    statements = run(pipeline, text).statements
    assert time.perf_counter() - started < 30
    assert [(s.kind, s.content) for s in statements] == [("direct", words)]


def test_statements_a_document_that_is_one_long_quotation(pipeline) -> None:
    text = "“" + "\n\n“".join(
        f"We will rebuild the city number {n}, and we will not give up." for n in range(30)) + "”"
    statements = run(pipeline, text).statements
    # No cue, no speaker: nothing is attributed, and nothing runs away.
    assert all(s.end <= len(text) for s in statements)
    assert len(statements) <= 1
