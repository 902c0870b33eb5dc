"""Positive and negative cases for every article rule, on a glossary of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

import glosador
from glosador.check import check_text

GLOSSARY = glosador.load_glossary(
    Path(__file__).resolve().parents[1] / "fixtures" / "glossaries" / "newsroom"
)


def findings(
    text: str, lang: str | None = None, fmt: str = "text", glossary: glosador.Glossary | None = None
) -> list[tuple[str, str, str]]:
    """(rule, text, first suggestion) of each finding, with the newsroom glossary by default."""
    report = check_text(text, glossary or GLOSSARY, lang=lang, format=fmt)
    return [(f.rule, f.text, f.suggestions[0] if f.suggestions else "") for f in report.findings]


def spans(
    text: str, fmt: str = "text", glossary: glosador.Glossary | None = None
) -> list[tuple[str, str]]:
    """(rule, text) of each finding."""
    return [(rule, span) for rule, span, _ in findings(text, fmt=fmt, glossary=glossary)]


EN = "The relatives met on Monday and said that they would return to the square next week."
ES = "Los familiares se reunieron el lunes y dijeron que volverían a la plaza la semana próxima."

POSITIVE = {
    "GL101": [
        (
            f"{EN} They spoke of Memory, Justice and Democracy (Memoria, Justice and Democracy).",
            "Memoria, Justice and Democracy",
            "Memoria, Justicia y Democracia",
        ),
        (
            f"{EN} The Comité of Mothers for the Defense of the Truth issued a statement.",
            "Comité of Mothers for the Defense of the Truth",
            "Committee of Mothers for the Defense of the Truth",
        ),
        (
            f"{ES} El Equipo Argentino de Anthropology Forense ofreció ayuda a las familias.",
            "Equipo Argentino de Anthropology Forense",
            "Equipo Argentino de Antropología Forense",
        ),
    ],
    "GL102": [
        (
            f"{EN} The Supreme Court of Justice did not answer. Later the Supreme Tribunal of Justice spoke.",
            "Supreme Tribunal of Justice",
            "Supreme Court of Justice",
        ),
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela marched, and the "
            "Committee for the Release of Political Prisoners spoke.",
            "Committee for the Release of Political Prisoners",
            "Committee for the Freedom of Political Prisoners in Venezuela",
        ),
        (
            f"{EN} Families denounced an enforced disappearance. It was the third forced "
            "disappearance this year.",
            "forced disappearance",
            "enforced disappearance",
        ),
    ],
    "GL103": [
        (f"{EN} Penal Forum lawyers say the count keeps rising.", "Penal Forum", "Foro Penal"),
        (f"{EN} According to the Penal Forum, 800 people are held.", "Penal Forum", "Foro Penal"),
        (f"{ES} El Penal Forum publicó una lista de nombres.", "Penal Forum", "Foro Penal"),
    ],
    "GL104": [
        (
            f"{ES} Hay más de 800 presos politicos en el país.",
            "presos politicos",
            "presos políticos",
        ),
        (
            f"{ES} El Comite por la Liberacion de los Presos Politicos marchó.",
            "Comite por la Liberacion de los Presos Politicos",
            "Comité por la Liberación de los Presos Políticos",
        ),
        (
            f"{ES} La Comision Interamericana de Derechos Humanos visitó el país.",
            "Comision Interamericana de Derechos Humanos",
            "Comisión Interamericana de Derechos Humanos",
        ),
    ],
    "GL105": [
        (f"{EN} Relatives joined Clippve in 2024 to ask for news.", "Clippve", "CLIPPVE"),
        (f"{EN} The report by the Iachr was published on Monday.", "Iachr", "IACHR"),
        (f"{EN} The experts of the eAAF arrived in the morning.", "eAAF", "EAAF"),
        (f"Relatives of the Iachr staff met on Monday. {EN}", "Iachr", "IACHR"),
    ],
    "GL106": [
        (
            f"{EN} The statement asked the Asamblea Nacional to publish the names.",
            "Asamblea Nacional",
            "National Assembly",
        ),
        (
            f"{ES} La Venezuelan Program no existe, pero la Inter-American Commission on Human "
            "Rights visitó el país.",
            "Inter-American Commission on Human Rights",
            "Comisión Interamericana de Derechos Humanos",
        ),
        (
            f"{EN} Lawyers took the case to the Tribunal Supremo de Justicia on Friday.",
            "Tribunal Supremo de Justicia",
            "Supreme Court of Justice",
        ),
        (  # a short form is answered with a short form (neither marked preferred)
            f"{ES} La Inter-American Commission visitó el país en 2024.",
            "Inter-American Commission",
            "Comisión Interamericana",
        ),
    ],
    "GL107": [
        (
            f"{EN} The Supreme Court of Justice (Tribunal Supremo de Justicia, CNE) did not answer.",
            "Supreme Court of Justice (Tribunal Supremo de Justicia, CNE)",
            "TSJ",
        ),
        (
            f"{EN} The Argentine Forensic Anthropology Team (Abuelas de Plaza de Mayo) helped.",
            "Argentine Forensic Anthropology Team (Abuelas de Plaza de Mayo)",
            "Equipo Argentino de Antropología Forense",
        ),
        (
            f"{ES} La Comisión Interamericana de Derechos Humanos (CNE) visitó el país.",
            "Comisión Interamericana de Derechos Humanos (CNE)",
            "CIDH",
        ),
        (  # no acronym to give: the gloss goes
            f"{EN} They spoke of Memory, Justice and Democracy (CNE) at the rally.",
            "Memory, Justice and Democracy (CNE)",
            "Memory, Justice and Democracy",
        ),
        (
            f"{EN} They spoke of Memory, Justice and Democracy (Memoria, Justicia y Democracia, "
            "CNE) at the rally.",
            "Memory, Justice and Democracy (Memoria, Justicia y Democracia, CNE)",
            "Memory, Justice and Democracy (Memoria, Justicia y Democracia)",
        ),
    ],
    "GL108": [
        (
            f"{EN} The Committee of Mothers in Defense of the Truth met again.",
            "Committee of Mothers in Defense of the Truth",
            "Committee of Mothers for the Defense of the Truth",
        ),
        (
            f"{EN} The Inter-American Commission of Human Rights visited Caracas.",
            "Inter-American Commission of Human Rights",
            "Inter-American Commission on Human Rights",
        ),
        (
            f"{EN} The Committee for the Freedom of the Political Prisoners in Venezuela marched.",
            "Committee for the Freedom of the Political Prisoners in Venezuela",
            "Committee for the Freedom of Political Prisoners in Venezuela",
        ),
        (  # the first two words written as one
            f"{EN} The Interamerican Commission on Human Rights visited Caracas.",
            "Interamerican Commission on Human Rights",
            "Inter-American Commission on Human Rights",
        ),
        (  # a short form of three content words is a name in its own right
            f"{EN} The Interamerican Commission visited Caracas in May.",
            "Interamerican Commission",
            "Inter-American Commission",
        ),
        (  # two interior words written as one
            f"{EN} The Committee of Mothers for the Defense of the Truth met; the "
            "Committee for the Freedom of PoliticalPrisoners in Venezuela marched.",
            "Committee for the Freedom of PoliticalPrisoners in Venezuela",
            "Committee for the Freedom of Political Prisoners in Venezuela",
        ),
        (  # a spelling of the same word
            f"{EN} The Committee of Mothers for the Defence of the Truth met again.",
            "Committee of Mothers for the Defence of the Truth",
            "Committee of Mothers for the Defense of the Truth",
        ),
        (  # any preposition for another
            f"{EN} The Inter-American Commission against Human Rights is not its name.",
            "Inter-American Commission against Human Rights",
            "Inter-American Commission on Human Rights",
        ),
    ],
}

NEGATIVE = {
    "GL101": [
        f"{EN} They spoke of Memory, Justice and Democracy (Memoria, Justicia y Democracia).",
        f"{EN} Relatives spoke of memory, justice and democracy in general terms.",
        f"{ES} Hablaron de Memoria, Justicia y Democracia ante la prensa.",
    ],
    "GL102": [
        f"{EN} The Supreme Court of Justice did not answer. The Supreme Court and the TSJ stay silent.",
        f"{EN} The Supreme Tribunal of Justice did not answer, the TSJ said later.",
        f"{EN} The Supreme Court of Justice (Tribunal Supremo de Justicia) did not answer.",
        f"{EN} An enforced disappearance, which the court calls a “forced disappearance”, ended.",
    ],
    "GL103": [
        f"{EN} Foro Penal lawyers say the count keeps rising.",
        f"{EN} The penal code forum met on Friday in the capital.",
        f"{ES} El Foro Penal publicó una lista de nombres.",
    ],
    "GL104": [
        f"{ES} Hay más de 800 presos políticos en el país.",
        f"{ES} La presa política fue liberada el lunes.",
        f"{EN} The political prisoners were released on Monday.",
    ],
    "GL105": [
        f"{EN} Relatives joined CLIPPVE in 2024 to ask for news.",
        f"{EN} An official said an appeal was possible.",
        "# THE IACHR AND THE CLIPPVE\n\nA heading in capitals is fine.",
        # a capitalised word closing a name is a place, not the acronym in lower case
        f"{ES} La denuncia la presentó la Fundación Campesina de Clippve ante la fiscalía.",
    ],
    "GL106": [
        f"{EN} The Venezuelan National Assembly (Asamblea Nacional) voted.",
        f"{EN} Lawyers of Foro Penal took the case to the Supreme Court of Justice.",
        f"{EN} A banner read “la Asamblea Nacional no nos representa y no lo hará nunca”.",
        f"{EN} Their placards named the “Tribunal Supremo de Justicia” and nothing else.",
        f'{EN} A placard read "Tribunal Supremo de Justicia" (Supreme Court of Justice).',
    ],
    "GL107": [
        f"{EN} The Supreme Court of Justice (Tribunal Supremo de Justicia, TSJ) did not answer.",
        f"{EN} The Argentine Forensic Anthropology Team (EAAF in Spanish) helped.",
        f"{EN} The National Assembly (where the CNE was debated) voted.",
    ],
    "GL108": [
        f"{EN} The Committee of Mothers for the Defense of the Truth met again.",
        f"{EN} The Venezuelan National Assembly met on Monday.",
        f"{EN} The committee of mothers in defense of the truth is a phrase, not a name.",
        f"{EN} A Committee of mothers in defense of the truth spoke: prose, one capital.",
        # a content word changed for another names another body
        f"{EN} The Inter-American Commission on Women Rights met, and so did the "
        "Inter-American Council on Human Rights.",
        # one word for two, and a content word changed: two edits, another name
        f"{EN} The Interamerican Commission on Women Rights met in Lima.",
        f"{EN} The interamerican commission on human rights is prose here.",
        # a comma the name does not have: a list of bodies, not a name
        f"{EN} The traps were Supreme Court, Inter-American Commission, UN Human Rights.",
        # a short form one word off that goes on as a name is the longer name's
        f"{EN} The Interamerican Commission for Women Affairs met in Lima.",
    ],
}


@pytest.mark.parametrize(
    ("code", "text", "span", "suggestion"),
    [(code, *case) for code, cases in POSITIVE.items() for case in cases],
)
def test_positive(code: str, text: str, span: str, suggestion: str) -> None:
    assert (code, span, suggestion) in findings(text)


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in NEGATIVE.items() for text in texts]
)
def test_negative(code: str, text: str) -> None:
    assert [f for f in findings(text) if f[0] == code] == []


def test_one_finding_per_span_most_specific_wins() -> None:
    # deprecated and in the wrong language: GL103 only
    assert findings(f"{ES} El Penal Forum publicó una lista.") == [
        ("GL103", "Penal Forum", "Foro Penal")
    ]


def test_ambiguous_form_stays_silent_without_evidence_and_resolves_with_it() -> None:
    # "Asamblea Nacional" is Venezuela's and Ecuador's: both would suggest the same
    # English name, so GL106 is safe either way
    assert findings(f"{EN} The Asamblea Nacional voted.")[0][0] == "GL106"
    text = f"{EN} In Venezuela, the Asamblea Nacional voted."
    (finding,) = check_text(text, GLOSSARY, format="text").findings
    assert finding.concept == "ve-asamblea-nacional"


def test_inflection_counts_as_the_same_concept() -> None:
    report = check_text(f"{EN} A political prisoner and two political prisoners.", GLOSSARY)
    assert report.findings == ()


def test_positions_count_code_points_after_emoji_and_combining_marks() -> None:
    text = "👩‍⚖️ Cafe\u0301 ñandú. The Penal Forum spoke."
    (finding,) = check_text(text, GLOSSARY, lang="en").findings
    assert text[finding.column - 1 : finding.end_column - 1] == "Penal Forum"


def test_lang_overrides_document_language() -> None:
    text = "La Asamblea Nacional votó el lunes."
    assert findings(text, lang="en") == [("GL106", "Asamblea Nacional", "National Assembly")]
    assert findings(text) == []


def test_near_miss_prefers_the_name_a_preposition_away() -> None:
    # one word off both the Commission (of/on) and the Court (Commission/Court):
    # the changed preposition is the closer one, even around an exact short form
    text = f"{EN} The Inter-American Commission of Human Rights (IACHR) visited Caracas."
    (finding,) = [f for f in check_text(text, GLOSSARY).findings if f.rule == "GL108"]
    assert finding.concept == "cidh"
    assert finding.suggestions == ("Inter-American Commission on Human Rights",)


@pytest.mark.parametrize(
    ("text", "code", "suggestion"),
    [
        (
            f"{ES} Denunciaron dos enforced disappearances en el estado.",
            "GL106",
            "desapariciones forzadas",
        ),
        (
            f"{EN} They spoke of two desapariciones forzadas in the state.",
            "GL106",
            "enforced disappearances",
        ),
        (
            f"{EN} They counted three presos políticos in the prison.",
            "GL106",
            "political prisoners",
        ),
    ],
)
def test_suggestions_follow_the_number_of_the_text(text: str, code: str, suggestion: str) -> None:
    assert (code, suggestion) in [(r, s) for r, _, s in findings(text)]


BUNDLED = glosador.load_glossary(None)


def bundled_findings(text: str, fmt: str = "text") -> list[tuple[str, str, str]]:
    report = check_text(text, BUNDLED, format=fmt)
    return [(f.rule, f.text, f.suggestions[0] if f.suggestions else "") for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        # a first name, a surname, a place: not an acronym in the wrong case
        f"{EN} Peru's president, Dina Boluarte, met the envoys on Monday.",
        f"{EN} Jorge Mas, a businessman, was not involved in the dispute.",
        f"{ES} Mas la crisis interna no se resolvió con el congreso del partido.",
        # a street named after a body is not an untranslated name
        f"{EN} Several families live along Avenida Naciones Unidas, on the edge of town.",
        # Portuguese spelling in a Portuguese paragraph is not a missing Spanish accent
        "Segundo a organização, o Ministério Público não abriu nenhuma investigação até "
        "agora, e as famílias dos detidos continuam sem resposta das autoridades.",
        # a name marked as being in Spanish is deliberately untranslated
        f"{EN} More information: Abuelas de Plaza de Mayo (in Spanish).",
        # a wrong form quoted to be corrected
        f'{EN} The article referred to Foro Penal as "Penal Forum". It uses its own name.',
        f"{EN} It called it the “Committee of Mothers in Defense of the Truth”, wrongly.",
        # a sidebar: a gloss after an acronym's, a colon gloss opening a paragraph
        "**Asamblea Nacional (AN)** — National Assembly, the unicameral legislature.",
        "**Tribunal Supremo de Justicia**: Supreme Court of Justice, the highest court.",
        # a hyphenated name, a gloss in the body's own language
        f"{EN} Troops patrol the Pan-American Highway checkpoints near the border.",
        f"{EN} Doctors Without Borders (Médecins Sans Frontières, MSF) treated them.",
        # a list in parentheses is no gloss, of names or of acronyms
        f"{ES} El Poder Ciudadano (Ministerio Público, Defensoría del Pueblo y Contraloría "
        "General de la República) no respondió a las preguntas de este medio.",
        f"{EN} The regional platform R4V (UNHCR and IOM) coordinates the response.",
        f"{EN} The United Nations (UNICEF, PAHO and OCHA) sent teams to the border.",
        # a sentence ends between two words of a listed form: two sentences
        f"{EN} Observers found no electoral fraud. Turnout was high in the election. "
        "Fraud claims were rejected.",
        f"{EN} Smuggling rings target every migrant. Trafficking follows later, it says.",
        # another word told by its accent: a verb, not the name missing its accent
        f"{ES} El Ministerio publicó el informe el martes por la tarde.",
        f"{ES} Sumate a la marcha del sábado, pidió la convocatoria en las redes.",
        # the words around a name say which language it is in
        f"{EN} The Inter-American Commission on Human Rights, known by its Spanish "
        "acronym, CIDH, will visit.",
        f"{ES} La ICC, como se la conoce en inglés, abrió una investigación preliminar.",
        # someone's words, quoted: not the writer's choice of form
        f"{EN} The Supreme Court of Justice ruled on Monday. The embassy said that “the "
        "Supreme Tribunal of Justice has no independence at all”.",
        # the country its own clause names tells a shared name
        f"{EN} In Bolivia, the Supreme Court of Justice sits in Sucre; in Venezuela, the "
        "Supreme Tribunal of Justice sits in Caracas.",
        # a first name the document gives a surname, not an acronym in the wrong case
        f"{ES} Dina, como la llaman sus partidarios, habló el lunes. La presidenta Dina "
        "Boluarte no respondió.",
        # glossed by an appositive or a slash, the other language's form right after
        f"{EN} The Jurisdicción Especial para la Paz, or Special Jurisdiction for Peace, "
        "heard them.",
        f"{EN} The Damas de Blanco, meaning Ladies in White, marched again.",
        f"Damas de Blanco / Ladies in White, La Habana, 2016.\n\n{EN}",
        # a slash between two bodies is no gloss
        f"{EN} The regional platform R4V (UNHCR / IOM) coordinates the response.",
        # a document symbol
        f"{EN} The report cites the inter-American document OEA/Ser.L/V/II. Doc. 41.",
        # an acronym glossing the name a longer name ends with
        f"{EN} The Rome Statute of the International Criminal Court (ICC) entered into "
        "force in 2002.",
        # a lower-case term heading a phrase of its own
        f"{EN} The country won the runoff. A second round of talks followed in Oslo.",
        # a form bound to one country's usage, and another country's
        f"{ES} El Salvador vive bajo un régimen de excepción. Honduras prorrogó su estado "
        "de excepción.",
        # a listed name inside a longer name the glossary lacks, and a title
        f"{EN} The Asociación Madres de Plaza de Mayo and other groups marched.",
        f"{EN} Human trafficking grew. The latest Trafficking in Persons Report says so.",
        # the gloss of a name the glossary lacks
        f"{EN} They went to the Public Prosecutor's Office for Crimes against Humanity "
        "(Procuraduría de Crímenes contra la Humanidad) in Buenos Aires.",
        # an acronym the text defines as something else
        f"{EN} The consumer price index (CPI) rose again. Economists watch the CPI closely.",
        # the heading of its section names the country
        "PERU\n\nPeru's Constitutional Tribunal ruled on Monday.\n\nECUADOR\n\nThe "
        "Constitutional Court limited the decrees on Tuesday.\n",
        # a listed name less or more a content word names another body
        f"{ES} El Centro de Derechos Humanos de la Montaña documentó el caso.",
        f"{ES} La Comisión de Derechos Humanos del Estado de Guerrero abrió una queja.",
        f"{ES} El Servicio de Inteligencia Nacional (SIN) del Perú espiaba a opositores.",
        # a form and the same form with words added: its full legal name
        f"{EN} The ruling spoke of enforced disappearance. It named the crime of enforced "
        "disappearance of persons under the statute.",
        # a listed variant adding a content word inside: the fuller name
        f"{ES} Lo llaman tráfico de migrantes. La ONU habla de tráfico ilícito de migrantes.",
        # a quotation hard-wrapped across a line break, in the other language
        f"{ES}\nEn Bruselas, una eurodiputada habló del tema. «The European Parliament will\n"
        "not look away from Cuba's political prisoners», dijo en inglés durante el debate.",
        # a one-letter word the name's language has too ("a"), or a name of two parts
        f"{EN} They chanted Truth and Justice, then Truth y Justice in Spanish.",
        # a first name before a title-case word that could be a name ("Jorge Mas")
        f"{ES} Jorge Mas Canosa fundó la organización en Miami.",
        # a title in sentence case holds the words
        f"{ES} España ratificó el Protocolo contra el tráfico ilícito de migrantes por "
        "tierra, mar y aire. El tráfico de migrantes sigue.",
        # a language label before the words, in brackets
        f"{EN} At the hearing, she said: [In Spanish] Liberen a los presos políticos. Then "
        "she sat down.",
        # a block of names, one a line, as each body signs
        f"{EN}\n\nSigned by:\n\nAmnesty International\nFundación Rodo por los Derechos\n"
        "Center for Justice and International Law (CEJIL)\nObservatorio Venezolano de "
        "Prisiones (OVP)\n",
        # the other language's name filling the parenthesis after a description
        f"{EN} He was held by the country's highest court (Tribunal Supremo de Justicia).",
        f"{EN} Of the detainees, 81 were women (presas políticas), the group said.",
        f"{EN} The court imposed conditions (medidas cautelares sustitutivas) on both.",
    ],
)
def test_bundled_negative(text: str) -> None:
    fmt = "markdown" if text.startswith(("**", "Damas")) else "text"
    assert bundled_findings(text, fmt) == []


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # a title-case headline's word is not an acronym in the wrong case
        (f"# Families' Bid to Free Venezuela's Prisoners Draws on Old Lessons\n\n{EN}", "markdown"),
        # a word in italics is named, as foreign words are
        (f"{EN} Venezuelans call them *presos políticos*, and the word has a number.", "markdown"),
        (
            f"<p>{EN} Venezuelans call them <i>presos políticos</i>, and it has a number.</p>",
            "html",
        ),
        (f"{EN} At each vigil they sing:\n\n*¡Liberen a los presos políticos!*\n", "markdown"),
        # a quoted description glossed in the other language
        (
            f'{EN} It grants him "conditional release measures" (medidas cautelares sustitutivas).',
            "text",
        ),
        # a lower-case term capitalised inside a longer name, across "de"
        (
            f"{EN} In Managua, relatives founded the Comité Pro Liberación de Presos Políticos.",
            "text",
        ),
        # two people's titles, one in each gender
        (f"{ES} El ministro de la Defensa no habló. La ministra de la Defensa tampoco.", "text"),
        # a content word added names another office
        (
            f"{EN} On Monday, the OAS Assistant Secretary General met relatives in Washington.",
            "text",
        ),
    ],
)
def test_bundled_negative_in_format(text: str, fmt: str) -> None:
    assert bundled_findings(text, fmt) == []


def test_an_html_lang_attribute_marks_a_passage() -> None:
    text = (
        '<p lang="en">The crowd chanted <span lang="es">¡Liberen a los presos '
        "políticos!</span> outside the embassy.</p>"
    )
    assert bundled_findings(text, "html") == []
    unmarked = text.replace(' lang="es"', "")
    assert [f[0] for f in bundled_findings(unmarked, "html")] == ["GL106"]


def test_an_html_q_element_is_a_quotation() -> None:
    text = (
        "<p>Los familiares se reunieron el lunes. El portavoz lo resumió en inglés: "
        "<q>National Union of Press Workers</q>, y se fue.</p>"
    )
    assert bundled_findings(text, "html") == []
    unquoted = text.replace("<q>", "").replace("</q>", "")
    assert [f[0] for f in bundled_findings(unquoted, "html")] == ["GL106"]


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        (  # a title-case acronym mid-sentence, however short
            f"{ES} Un grupo de expertos de la Onu pidió el jueves las actas.",
            "text",
            ("GL105", "Onu", "ONU"),
        ),
        (  # one name in a table cell does not make the cell English
            "Los datos de las organizaciones, según sus informes de enero, son estos:\n\n"
            "| Organización | Cifra |\n|---|---|\n| Amnesty International | 24 muertes |\n",
            "markdown",
            ("GL106", "Amnesty International", "Amnistía Internacional"),
        ),
        (  # an all-caps heading gets an all-caps fix
            f"# EL COMITE CONTRA LA TORTURA REVISARÁ EL CASO\n\n{ES}\n",
            "markdown",
            ("GL104", "COMITE CONTRA LA TORTURA", "COMITÉ CONTRA LA TORTURA"),
        ),
        (  # a sentence ends between a name and the acronym after "The"
            f"{EN} The court read the ruling in San José. The Iachr's secretary spoke.",
            "text",
            ("GL105", "Iachr", "IACHR"),
        ),
        (  # an acronym shared by both languages is answered in the name's language
            f"{EN} The Working Group on Enforced or Involuntary Disappearances (CED) asked.",
            "text",
            (
                "GL107",
                "Working Group on Enforced or Involuntary Disappearances (CED)",
                "WGEID",
            ),
        ),
        (  # a function word of the other language inside an otherwise whole name
            f"{EN} The Group of Human Rights Experts sobre Nicaragua had documented it.",
            "text",
            (
                "GL101",
                "Group of Human Rights Experts sobre Nicaragua",
                "Group of Human Rights Experts on Nicaragua",
            ),
        ),
        (  # "y", no English word, inside a three-part English motto
            f"{EN} The march for Memory, Truth y Justice reached Londres 38.",
            "text",
            ("GL101", "Memory, Truth y Justice", "Memory, Truth and Justice"),
        ),
        (  # a word opening a sentence, then letters no name has: the acronym miswritten
            f"{EN} Three Pdvsa engineers are still held without trial.",
            "text",
            ("GL105", "Pdvsa", "PDVSA"),
        ),
        (  # the suggestion keeps the text's number (the noun, not the adverb, says it)
            f"{ES} Hay desplazados internos en la región. Son personas desplazadas internamente.",
            "text",
            ("GL102", "personas desplazadas internamente", "desplazados internos"),
        ),
        (  # an accent on another vowel is the name misspelt, not another word
            f"{ES} La Polícia Nacional Bolivariana detuvo a dos estudiantes.",
            "text",
            ("GL104", "Polícia Nacional Bolivariana", "Policía Nacional Bolivariana"),
        ),
        (  # the acronym of a body the document names, though a first name elsewhere
            f"{ES} La Dirección de Inteligencia Nacional (Dina) fue disuelta. Dina "
            "Boluarte no había nacido.",
            "text",
            ("GL105", "Dina", "DINA"),
        ),
        (  # a language named that is not the name's
            f"{EN} The Inter-American Commission on Human Rights, known by its English "
            "acronym, CIDH, will visit.",
            "text",
            ("GL106", "CIDH", "IACHR"),
        ),
        (  # the country the clause names decides, then the gloss is wrong
            f"{EN} In Colombia, the Truth Commission (CVR) delivered its report.",
            "text",
            ("GL107", "Truth Commission (CVR)", "Truth Commission"),
        ),
        (  # a name listed the same in both languages is the paragraph's language's
            f"{EN} They marched to the Universidad Central de Venezuela. Students of the "
            "Central University of Venezuela joined.",
            "text",
            ("GL102", "Central University of Venezuela", "Universidad Central de Venezuela"),
        ),
        (  # the same name outside a parenthesis is untranslated
            f"{EN} He asked the Tribunal Supremo de Justicia for a hearing.",
            "text",
            ("GL106", "Tribunal Supremo de Justicia", "Supreme Court of Justice"),
        ),
        (  # a content word dropped from a name that stops there is a near miss
            f"{ES} La Comisión Interamericana de Humanos visitó el país en enero.",
            "text",
            (
                "GL108",
                "Comisión Interamericana de Humanos",
                "Comisión Interamericana de Derechos Humanos",
            ),
        ),
        (  # a conjunction changed for another is a near miss
            f"{EN} The Working Group on Enforced and Involuntary Disappearances asked.",
            "text",
            (
                "GL108",
                "Working Group on Enforced and Involuntary Disappearances",
                "Working Group on Enforced or Involuntary Disappearances",
            ),
        ),
        (  # a capitalised word across "del" does not make a longer name for GL106
            f"{ES} Recibió el Premio Sájarov del European Parliament en 2005.",
            "text",
            ("GL106", "European Parliament", "Parlamento Europeo"),
        ),
        (  # an appositive that is no rendering, and a demonym before the name
            f"{EN} The Venezuelan Asamblea Nacional, or parliament, voted on Monday.",
            "text",
            ("GL106", "Asamblea Nacional", "National Assembly"),
        ),
        (  # an abbreviation answers an acronym when the concept has no acronym
            f"{ES} La Corte Interamericana de Derechos Humanos (CIDH) falló el caso.",
            "text",
            (
                "GL107",
                "Corte Interamericana de Derechos Humanos (CIDH)",
                "Corte IDH",
            ),
        ),
    ],
)
def test_bundled_positive(text: str, fmt: str, expected: tuple[str, str, str]) -> None:
    assert expected in bundled_findings(text, fmt)


def test_a_colon_in_running_prose_opens_no_gloss() -> None:
    # the seed's shape: a colon introduces an explanation, not a rendering of the name
    text = (
        f"{EN} Two groups work for political prisoners: the Committee for the Freedom of "
        "Political Prisoners in Venezuela (Comité por la Liberación de los Presos "
        "Políticos, CLIPPVE) and others."
    )
    assert bundled_findings(text) == []


def test_nothing_is_reported_inside_a_mixed_name() -> None:
    found = bundled_findings(f"{EN} The Rome Statute of the Corte Penal Internacional is clear.")
    assert [f[0] for f in found] == ["GL101"]


def test_a_mixed_shared_name_takes_the_country_the_document_names() -> None:
    report = check_text(
        f"{ES} El Tribunal Supremo of Justice de Venezuela declaró la validez del resultado.",
        BUNDLED,
    )
    assert [(f.rule, f.concept) for f in report.findings] == [("GL101", "ve-tsj")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hard-wrapped paragraph may break the line right before the gloss
        (f"{EN} The Supreme Court of Justice\n(Tribunal Supremo de Justicia) ruled.", []),
        (
            f"{EN} The Supreme Court of Justice\n(Tribunal Supremo de Justicia, CNE) ruled.",
            [("GL107", "Supreme Court of Justice\n(Tribunal Supremo de Justicia, CNE)")],
        ),
        (
            f"{EN} The Supreme Court of Justice\r\n(Tribunal Supremo de Justicia, CNE) ruled.",
            [("GL107", "Supreme Court of Justice\r\n(Tribunal Supremo de Justicia, CNE)")],
        ),
        # a blank line ends the paragraph: what follows glosses nothing
        (
            f"{EN} He named the Supreme Court of Justice\n\n(Tribunal Supremo de Justicia) {EN}",
            [("GL106", "Tribunal Supremo de Justicia")],
        ),
    ],
)
def test_a_gloss_may_follow_a_line_break(text: str, expected: list[tuple[str, str]]) -> None:
    found = spans(text)
    assert found == expected


BUNDLED = glosador.load_glossary(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one word in capitals in running text is the acronym miswritten
        (f"{ES} Según PROVEA, la ley castiga la opinión.", [("GL105", "PROVEA", "Provea")]),
        (f"{EN} According to PROVEA, the law punishes opinion.", [("GL105", "PROVEA", "Provea")]),
        (f"{ES} Según Provea, la ley castiga la opinión.", []),
        # a line in capitals heads the block: a heading, not a miswritten acronym
        (f"PROVEA DENUNCIA NUEVAS DETENCIONES\n{ES}", []),
        # a name of several words in capitals is set so for emphasis
        (f"{ES} Lo dijo el COMITÉ POR LA LIBERACIÓN DE LOS PRESOS POLÍTICOS ayer.", []),
    ],
)
def test_an_acronym_in_capitals_is_judged_by_its_line(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = findings(text, glossary=BUNDLED)
    assert found == expected


QUOTED_EN = (
    "Un diplomático europeo resumió la situación en inglés ante periodistas en San José: "
    '"Releases are welcome, but they are not a policy and they will not end the crisis". '
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words outside the quotation are Spanish: so is the paragraph
        (QUOTED_EN + "La Asamblea Nacional mantiene sanciones contra decenas de funcionarios.", []),
        (
            QUOTED_EN + "La National Assembly mantiene sanciones contra decenas de funcionarios.",
            [("GL106", "National Assembly")],
        ),
        # a quotation that is nearly the whole paragraph still sets its language
        (
            'She said: "Los presos políticos no son delincuentes y la Asamblea Nacional lo '
            'sabe muy bien desde hace años".',
            [],
        ),
    ],
)
def test_a_quotation_does_not_set_its_paragraph_language(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = spans(text)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label after a title labels the whole title, the name it opens included
        (
            f"{EN}\n\nRelated: [Asamblea Nacional, un año después](https://example.org/) (in Spanish)",
            [],
        ),
        (f"{EN}\n\nRead: [Asamblea Nacional](https://example.org/) (in Spanish)", []),
        # English words between the name and the label: the label is not the name's
        (
            f"{EN} The Asamblea Nacional voted the law, as the outlet reported (in Spanish)",
            [("GL106", "Asamblea Nacional")],
        ),
        (
            f"{EN} The Asamblea Nacional voted. A report followed (in Spanish)",
            [("GL106", "Asamblea Nacional")],
        ),
    ],
)
def test_a_language_label_after_a_title_covers_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = spans(text, fmt="markdown")
    assert found == expected


TABLE = f"{EN}\n\n| Body | Name |\n|---|---|\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row naming one body in both languages glosses one name with the other
        (TABLE + "| National Assembly | Asamblea Nacional |\n", []),
        (TABLE + "| Asamblea Nacional | National Assembly |\n", []),
        # a row naming two bodies glosses nothing
        (
            TABLE + "| Supreme Court of Justice | Asamblea Nacional |\n",
            [("GL106", "Asamblea Nacional")],
        ),
        # a name beside other words in its cell is not set in the row
        (
            TABLE + "| National Assembly | la Asamblea Nacional votó |\n",
            [("GL106", "Asamblea Nacional")],
        ),
    ],
)
def test_a_table_row_may_gloss_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    found = spans(text, fmt="markdown")
    assert found == expected


def _table(header: str, row: str, fmt: str) -> str:
    if fmt == "markdown":
        return f"{EN}\n\n| Acronym | {header} |\n|---|---|\n| {row} |\n"
    acronym, name = (cell.strip() for cell in row.split("|"))
    return (
        f"<p>{EN}</p><table><thead><tr><th>Acronym</th><th>{header}</th></tr></thead>"
        f"<tbody><tr><td>{acronym}</td><td>{name}</td></tr></tbody></table>"
    )


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        # a column headed by a language labels its cells in that language
        ("Spanish name", "CNE | Consejo Nacional Electoral", []),
        ("Nombre en español", "AN | Asamblea Nacional", []),
        ("Spanish", "TSJ | Tribunal Supremo de Justicia", []),
        # a header naming no language, or two, labels nothing
        ("Name", "CNE | Consejo Nacional Electoral", [("GL106", "Consejo Nacional Electoral")]),
        (
            "English / Spanish",
            "AN | Asamblea Nacional",
            [("GL106", "Asamblea Nacional")],
        ),
        # a Spanish name in a column headed English is still untranslated
        ("English name", "AN | Asamblea Nacional", [("GL106", "Asamblea Nacional")]),
    ],
)
def test_a_table_column_headed_by_a_language_labels_its_cells(
    header: str, row: str, expected: list[tuple[str, str]], fmt: str
) -> None:
    assert spans(_table(header, row, fmt), fmt=fmt) == expected


@pytest.mark.parametrize(
    ("replacement", "original", "adapted"),
    [
        ("migrant smuggling", "Migrant Trafficking", "Migrant Smuggling"),
        (
            "cruel, inhuman or degrading treatment",
            "Cruel, Inhumane Or Degrading Treatment",
            "Cruel, Inhuman or Degrading Treatment",
        ),
        ("migrant smuggling", "Migrant trafficking", "Migrant smuggling"),
        ("migrant smuggling", "migrant trafficking", "migrant smuggling"),
        ("comité contra la tortura", "COMITE CONTRA LA TORTURA", "COMITÉ CONTRA LA TORTURA"),
        ("Foro Penal", "Penal Forum", "Foro Penal"),
    ],
)
def test_suggestions_keep_the_capitals_of_what_they_replace(
    replacement: str, original: str, adapted: str
) -> None:
    from glosador.rules.article import _adapt

    assert _adapt(replacement, original) == adapted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared name, no country named: a gloss naming none of its readings is wrong
        # whichever is meant, and the readings agree on the right one
        (
            f"{EN} The National Assembly (Tribunal Supremo de Justicia) voted.",
            [("GL107", "National Assembly (Tribunal Supremo de Justicia)", "Asamblea Nacional")],
        ),
        # a gloss naming one of the readings is right (and settles which)
        (f"{EN} The National Assembly (Asamblea Nacional) voted.", []),
        # an acronym glossing a shared name is left to the country named
        (f"{EN} The National Assembly (TSJ) voted.", []),
    ],
)
def test_a_gloss_wrong_for_every_reading_of_a_shared_name(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = findings(text)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the word a name drops stands before it, translated: the two names mixed
        (
            f"{EN} The Venezuelan Observatorio de Prisiones said cells were full.",
            [("GL101", "Venezuelan Observatorio de Prisiones", "Venezuelan Prison Observatory")],
        ),
        # without it, one word dropped
        (
            f"{EN} The Observatorio de Prisiones said cells were full.",
            [("GL108", "Observatorio de Prisiones", "Observatorio Venezolano de Prisiones")],
        ),
        # a function word of the other language before it translates nothing
        (
            f"{ES} Según el Observatorio de Prisiones, las celdas están llenas.",
            [("GL108", "Observatorio de Prisiones", "Observatorio Venezolano de Prisiones")],
        ),
    ],
)
def test_a_dropped_word_translated_before_the_name_is_a_mixed_rendering(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = findings(text, glossary=BUNDLED)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # half a slogan replaced by another concept's name in the other language
        (
            f"{EN} A banner read Free the Presos Políticos in red letters.",
            [("GL101", "Free the Presos Políticos", "Free the Political Prisoners")],
        ),
        (
            f"{EN} A caption read Liberen a los Political Prisoners under the photo.",
            [("GL101", "Liberen a los Political Prisoners", "Free the Political Prisoners")],
        ),
        # the slogan as written, and the same words as prose
        (f"{EN} A banner read Free the Political Prisoners in red letters.", []),
        (f"{EN} They asked the court to free the political prisoners at once.", []),
    ],
)
def test_half_a_slogan_replaced_by_a_name_in_the_other_language(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = findings(text, glossary=BUNDLED)
    assert found == expected


def test_a_mixed_short_form_is_fixed_with_a_short_form() -> None:
    text = f"{ES} La Misión de Determinación de los Hechos on Venezuela presentó su informe."
    (finding,) = check_text(text, BUNDLED).findings
    assert finding.rule == "GL101"
    assert finding.suggestions == (
        "Misión de Determinación de los Hechos sobre Venezuela",
        "Independent International Fact-Finding Mission on Venezuela",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation stands in a gloss where an acronym would
        (
            f"{EN} The Inter-American Court of Human Rights (Corte Interamericana de "
            "Derechos Humanos, Corte IDH) ordered provisional measures.",
            [],
        ),
        # two abbreviations or acronyms are a list, not a gloss
        (
            f"{EN} The Inter-American Court of Human Rights (Corte IDH, CIDH) ordered it.",
            [("GL106", "Corte IDH"), ("GL106", "CIDH")],
        ),
    ],
)
def test_an_abbreviation_in_a_gloss(text: str, expected: list[tuple[str, str]]) -> None:
    found = spans(text, glossary=BUNDLED)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted term of art that a listed name begins names it, not the body
        (f'{EN} Lawyers call it "Asamblea Nacional Constituyentista", a new body.', []),
        # quoted English speech naming the body in Spanish is English prose
        (
            f'{EN} He said "the Asamblea Nacional will vote on it soon" to reporters.',
            [("GL106", "Asamblea Nacional")],
        ),
    ],
)
def test_a_quoted_term_of_art(text: str, expected: list[tuple[str, str]]) -> None:
    found = spans(text)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym the glossary does not know, closing a right gloss
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela (Comité "
            "por la Liberación de los Presos Políticos, CLP) marched.",
            [
                (
                    "GL107",
                    "Committee for the Freedom of Political Prisoners in Venezuela (Comité "
                    "por la Liberación de los Presos Políticos, CLP)",
                    "CLIPPVE",
                )
            ],
        ),
        # the concept's own acronym
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela (Comité "
            "por la Liberación de los Presos Políticos, CLIPPVE) marched.",
            [],
        ),
        # a concept with no acronym listed: the glossary cannot say it is wrong
        (
            f"{EN} The Penal Forum NGO (Foro Penal, FP) counted them.",
            [("GL103", "Penal Forum", "Foro Penal")],
        ),
    ],
)
def test_an_unknown_acronym_in_a_right_gloss(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = findings(text)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gloss after "de la ONU" is the body's before it, which belongs to the UN
        (
            f"{ES} El Grupo de Trabajo sobre la Detención Arbitraria de la ONU (WGAD, por sus "
            "siglas en inglés) pidió su liberación.",
            [],
        ),
        # a body named apart, not joined to it: the gloss is the UN's, and wrong
        (
            f"{ES} Lo pidió el Grupo de Trabajo sobre la Detención Arbitraria; también la ONU "
            "(WGAD) se pronunció.",
            [("GL107", "ONU (WGAD)")],
        ),
    ],
)
def test_a_gloss_after_the_body_a_name_belongs_to(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = spans(text, glossary=BUNDLED)
    assert found == expected


def test_a_name_with_most_of_its_words_replaced_is_still_mixed() -> None:
    text = f"{ES} La denuncia llegó al Consejo de Human Rights de la ONU en Ginebra."
    found = findings(text, glossary=BUNDLED)
    assert found == [("GL101", "Consejo de Human Rights", "Consejo de Derechos Humanos")]
    # the same words in the other language's order, whole, are GL106, not mixed
    text = f"{ES} La denuncia llegó al Human Rights Council en Ginebra."
    found = findings(text, glossary=BUNDLED)
    assert found == [("GL106", "Human Rights Council", "Consejo de Derechos Humanos")]


# -- round 16: a closing dash opens no gloss; a name short of a word that goes on ---------


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        # the second dash of an aside closes it: what follows goes on with the sentence
        (
            "The opposition collected most of the **tally sheets** — the *actas de "
            "escrutinio* — through its election witnesses.",
            "markdown",
            [],
        ),
        (
            "The opposition collected most of the tally sheets - the actas de escrutinio - "
            "through its election witnesses.",
            "text",
            [],
        ),
        # a dash after a name still glosses it, after an aside closed before it too
        (
            "In Venezuela, the Consejo Nacional Electoral — National Electoral Council — "
            "said it would publish the results.",
            "text",
            [],
        ),
        (
            "In Venezuela, the group — founded in 2002 — asked the Consejo Nacional "
            "Electoral — National Electoral Council — to publish the results.",
            "text",
            [],
        ),
    ],
)
def test_a_closing_dash_opens_no_gloss(text: str, fmt: str, expected: list[str]) -> None:
    assert [rule for rule, *_ in bundled_findings(text, fmt)] == expected


def test_a_gloss_after_a_dash_is_still_checked() -> None:
    for text in (
        "In Venezuela, the Consejo Nacional Electoral — Supreme Court of Justice — said it "
        "would publish the results.",
        "In Venezuela, the group — founded in 2002 — asked the Consejo Nacional Electoral — "
        "Supreme Court of Justice — to publish the results.",
    ):
        assert [(rule, fix) for rule, _, fix in bundled_findings(text)] == [
            ("GL106", "National Electoral Council"),
            ("GL107", "National Electoral Council"),
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name short of a content word that goes on by a preposition is a longer name
        ("Argentina created the National Commission on the Disappearance of People.", []),
        ("Argentina set up the National Commission for Missing Persons in 1983.", []),
    ],
)
def test_a_name_short_of_a_word_that_goes_on_is_another_name(
    text: str, expected: list[str]
) -> None:
    assert [rule for rule, *_ in bundled_findings(text)] == expected


def test_a_name_short_of_a_word_that_stops_is_still_near() -> None:
    found = bundled_findings("The Inter-American Commission Human Rights visited the country.")
    assert [rule for rule, *_ in found] == ["GL108"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the English form's first words before the mixed run: the name starts there
        (
            "Prosecutors from the Special Prosecutor's Office contra la Impunidad filed it.",
            "Special Prosecutor's Office contra la Impunidad",
        ),
        (
            "Prosecutors from the Special Prosecutor\u2019s Office contra la Impunidad filed it.",
            "Special Prosecutor\u2019s Office contra la Impunidad",
        ),
        # mixed from its first word on: nothing to widen
        (
            "Prosecutors from the Special Prosecutor's Office against Impunidad filed it.",
            "Special Prosecutor's Office against Impunidad",
        ),
        # words before a parenthesis are another name's, never this one's
        (
            "The Memory, Justice and Democracy (Memoria, Justice and Democracy) campaign.",
            "Memoria, Justice and Democracy",
        ),
    ],
)
def test_a_mixed_span_is_the_whole_name(text: str, expected: str) -> None:
    found = bundled_findings(text)
    assert [(rule, span) for rule, span, _ in found] == [("GL101", expected)]


def test_the_fix_of_a_widened_mixed_span_writes_the_name_once() -> None:
    text = "Prosecutors from the Special Prosecutor's Office contra la Impunidad filed it."
    ((rule, span, fix),) = bundled_findings(text)
    assert rule == "GL101"
    assert text.replace(span, fix) == (
        "Prosecutors from the Special Prosecutor's Office against Impunity filed it."
    )


MIGRANTS = (
    "Thousands of migrants cross Guatemala and Mexico every month on their way north, "
    "and many of them report extortion by police officers along the route.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared name and its shared gloss: the concept they both name, whatever
        # countries the rest of the piece mentions
        (
            MIGRANTS + "In Tegucigalpa, the Attorney General's Office (Ministerio Público) "
            "opened an inquiry on Monday.",
            [],
        ),
        (
            MIGRANTS + "In Venezuela, the Attorney General's Office (Ministerio Público) "
            "opened an inquiry on Monday.",
            [],
        ),
        # the gloss already written as the right one for the name's body is no mismatch
        (
            MIGRANTS + "In Guatemala, the Attorney General's Office (Ministerio Público) "
            "opened an inquiry on Monday.",
            [],
        ),
        # a gloss no reading of the name shares is still wrong
        (
            MIGRANTS + "In Tegucigalpa, the Attorney General's Office (Corte Suprema de "
            "Justicia) opened an inquiry on Monday.",
            [("GL107", "Attorney General's Office (Corte Suprema de Justicia)")],
        ),
        # and the country of the clause still decides first: Colombia's commission is
        # not the CVR, Peru's
        (
            "Colombia's Truth Commission (CVR) delivered its final report in June 2022.",
            [("GL107", "Truth Commission (CVR)")],
        ),
    ],
)
def test_a_shared_name_with_a_shared_gloss(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


VALECH = "National Commission on Political Imprisonment and Torture"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that opens with its language labels the names it holds
        (f"{ES} En inglés, los informes de la ONU citan a la comisión de 2004 como {VALECH}.", []),
        (f"{ES} En inglés, la prensa extranjera la llama {VALECH} desde hace años.", []),
        # the label is the sentence's: the next sentence is not labelled
        (
            f"{ES} En inglés, el informe fue breve. Los diplomáticos citaron a la {VALECH}.",
            [("GL106", VALECH)],
        ),
        # "en inglés y en español" opens no label; nor a language in the middle
        (
            f"{ES} En inglés y en español hubo informes sobre la {VALECH} desde 2004.",
            [("GL106", VALECH)],
        ),
        (
            f"{ES} Los informes circulan en inglés desde 2004 y en ellos los diplomáticos "
            f"citan a la {VALECH}.",
            [("GL106", VALECH)],
        ),
    ],
)
def test_a_language_at_the_head_of_a_sentence_labels_its_names(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis that relates another body to the name is no gloss of it
        (
            "The Unitary Platform (formerly the Democratic Unity Roundtable, MUD) named a "
            "candidate in April.",
            [],
        ),
        (
            "The Unitary Platform (successor to the Democratic Unity Roundtable, MUD) named "
            "a candidate in April.",
            [],
        ),
        (
            "La Plataforma Unitaria (antes Mesa de la Unidad Democrática, MUD) eligió un "
            "candidato en abril.",
            [],
        ),
        # without such a word it glosses, and wrongly
        (
            "The Unitary Platform (Democratic Unity Roundtable, MUD) named a candidate.",
            [("GL107", "Unitary Platform (Democratic Unity Roundtable, MUD)")],
        ),
    ],
)
def test_a_parenthesis_naming_a_related_body_is_no_gloss(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an account or a hashtag is an identifier, written as it is
        ("Relatives post the list every morning and tag @CIDH in every post.", []),
        ("Relatives post the list every morning under #CIDH and #FreeThemAll.", []),
        # the same acronym in prose is the body's
        ("Relatives wrote to the CIDH every morning.", [("GL106", "CIDH")]),
        ("Relatives wrote to the CIDH (@CIDH) every morning.", [("GL106", "CIDH")]),
    ],
)
def test_accounts_and_hashtags_are_not_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case word opening a sentence, which the piece also writes in lower
        # case, is that word
        ('The mothers gathered. "Clap for them, clap so they hear you," she shouted.', []),
        ("Clap your hands, the organisers said; the crowd began to clap.", []),
        # never written in lower case: the acronym miswritten
        ("Food boxes were late. Clap boxes reached the barrio on Monday.", [("GL105", "Clap")]),
        # not at a sentence's start: the acronym miswritten, whatever else the piece says
        ("The boxes of the Clap came late, and nobody would clap for that.", [("GL105", "Clap")]),
    ],
)
def test_a_title_case_word_opening_a_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body a name is part of, by its glossary definition, attributes it
        ("Fuentes: Comisión Interamericana de Derechos Humanos (OEA), 2024.", []),
        ("Fuentes: Grupo de Trabajo sobre la Detención Arbitraria (ONU), 2024.", []),
        (
            "Sources: Special Follow-up Mechanism for Nicaragua (Inter-American Commission "
            "on Human Rights), 2024.",
            [],
        ),
        # a body it is not part of is a wrong gloss; one its definition merely mentions
        # ("alliance of the PSUV") too
        (
            "Fuentes: Comisión Interamericana de Derechos Humanos (ONU), 2024.",
            [("GL107", "Comisión Interamericana de Derechos Humanos (ONU)")],
        ),
        ("El Gran Polo Patriótico (PSUV) ganó.", [("GL107", "Gran Polo Patriótico (PSUV)")]),
        # a name with no acronym, then an acronym its definition names: the body using
        # the place; another body's acronym is still a wrong gloss
        ("| El Helicoide (SEBIN) | 9 |", []),
        (f"{EN} He was held in El Helicoide (SEBIN) for a month.", []),
        (
            f"{EN} He was held in El Helicoide (DGCIM) for a month.",
            [("GL107", "El Helicoide (DGCIM)")],
        ),
    ],
)
def test_a_parenthesis_naming_the_parent_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-word name missing its accent that opens a sentence: in English the name
        (f"{EN} Sumate said the tally sheets did not match the count.", [("GL104", "Sumate")]),
        (f"{EN} Sumate, the vote-monitoring group, disputed it.", [("GL104", "Sumate")]),
        (f'{EN} He said: "Sumate has the tally sheets."', [("GL104", "Sumate")]),
        # in Spanish, or in a Spanish slogan quoted in English, it may be the verb
        (f"{ES} Sumate a la marcha del sábado, pidió la convocatoria.", []),
        (f'{EN} The banner read "Sumate a la marcha" and thousands did.', []),
        (f'{EN} The call went out: "Sumate a la marcha del sábado por los presos", it said.', []),
        # not opening a sentence: the name, in either language
        (f"{ES} La ONG Sumate pidió una auditoría.", [("GL104", "Sumate")]),
    ],
)
def test_a_sentence_opening_word_that_may_be_a_verb(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a block declared Spanish is Spanish, however short
        (f'<p>{EN}</p><p lang="es">Liberen a los presos políticos, decía.</p>', []),
        (
            f'<p>{EN}</p><blockquote lang="es"><p>Liberen a los presos políticos.</p></blockquote>',
            [],
        ),
        # undeclared, the same words in an English piece are untranslated
        (f"<p>{EN}</p><p>Liberen a los presos políticos, decía.</p>", [("GL106", "x")]),
        # an abbreviation's expansion is what its letters stand for, in their language
        (f'<p>{EN} The <abbr title="Consejo Nacional Electoral">CNE</abbr> met.</p>', []),
        # any other title in an English page is English prose
        (
            f'<p>{EN} The <a href="/cne" title="Consejo Nacional Electoral">board</a> met.</p>',
            [("GL106", "Consejo Nacional Electoral")],
        ),
    ],
)
def test_html_declares_languages_and_expansions(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(rule, span) for rule, span, _ in bundled_findings(text, "html")]
    assert [rule for rule, _ in found] == [rule for rule, _ in expected]
    assert all(span == want or want == "x" for (_, span), (_, want) in zip(found, expected))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun after a proper name describes it: no gloss, no wrong gloss
        ("Sources.\n\nForo Penal: 900 political prisoners, most of them civilians.", []),
        ("Sources.\n\nForo Penal - 900 political prisoners.", []),
        (f"{EN} The count by Foro Penal (political prisoners only) rose.", []),
        # a common noun glosses a common noun; a name a name, rightly or wrongly
        (f"{ES} Hay 900 presos políticos (political prisoners).", []),
        (
            f"{EN} The Supreme Court of Justice (Consejo Nacional Electoral) ruled.",
            [("GL107", "Supreme Court of Justice (Consejo Nacional Electoral)")],
        ),
    ],
)
def test_a_common_noun_describes_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two words of a name swapped: the whole span, not the name less one word
        (
            f"{ES} El Supremo Tribunal de Justicia rechazó el recurso.",
            [("GL108", "Supremo Tribunal de Justicia")],
        ),
        (
            f"{EN} The Court Supreme of Justice did not answer.",
            [("GL108", "Court Supreme of Justice")],
        ),
        # a swap that makes another listed name is that name: Argentina's court, and
        # the word order some rights groups write, listed as a variant
        (f"{EN} The Directorate General of Military Counterintelligence held them.", []),
        (f"{ES} En la Argentina, la Corte Suprema de Justicia de la Nación falló.", []),
    ],
)
def test_two_words_swapped(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(("country", "concept"), [("Venezuela", "ve-tsj"), ("Bolivia", "bo-tsj")])
def test_a_near_miss_of_a_shared_name_takes_the_country_named(country: str, concept: str) -> None:
    text = f"{ES} En {country}, el Tribunal Supremo Justicia no respondió a la defensa."
    report = check_text(text, BUNDLED)
    assert [(f.rule, f.text, f.concept) for f in report.findings] == [
        ("GL108", "Tribunal Supremo Justicia", concept)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name given as what others call the body is mentioned, not chosen
        (f"{EN} Foro Penal, sometimes called Penal Forum abroad, disagreed.", []),
        (f"{EN} Foro Penal, known abroad as Penal Forum, said so.", []),
        (f"{EN} Foro Penal said so. Penal Forum, as some outlets call it, counts 800.", []),
        (f"{EN} The body is often called the Consejo Nacional Electoral in English too.", []),
        (f"{ES} El llamado Penal Forum es en realidad el Foro Penal.", []),
        # "called" as a verb with the name as its object: the name is used
        (
            f"{EN} The opposition called the Tribunal Supremo de Justicia a puppet.",
            [("GL106", "Tribunal Supremo de Justicia")],
        ),
        (f"{EN} The council called the Penal Forum lawyers.", [("GL103", "Penal Forum")]),
        # a misspelt or mixed name is wrong however it is introduced
        (
            f"{EN} The group known as Memoria, Justice and Democracy met.",
            [("GL101", "Memoria, Justice and Democracy")],
        ),
    ],
)
def test_a_name_given_as_what_others_call_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (f"{EN} The Pud says it will train new witnesses.", "en"),
        (f"{ES} La Pud dice que formará a nuevos testigos.", "es"),
    ],
)
def test_a_wrong_case_finding_expects_the_language_of_its_place(text: str, language: str) -> None:
    # PUD is the acronym in both languages: the finding expects the paragraph's
    report = check_text(text, BUNDLED)
    assert [(f.rule, f.text, f.language) for f in report.findings] == [("GL105", "Pud", language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another ending of the same word is a slip
        (
            f"{EN} Migrants with Temporary Protection Status were told to leave.",
            [("GL108", "Temporary Protection Status")],
        ),
        # a different word, however alike it starts, names another body
        (f"{ES} El Tribunal Superior de Justicia de Lima falló.", []),
        (f"{EN} The Temporary Protection Directive of the European Union applies.", []),
    ],
)
def test_another_ending_of_a_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gloss one content word off the glossed name's other-language form
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela (Comité "
            "por la Libertad de los Presos Políticos, CLIPPVE) disputes it.",
            [("GL108", "Comité por la Libertad de los Presos Políticos")],
        ),
        (
            f"{EN} The Supreme Court of Justice (Tribunal Supremo de la Justicia) ruled.",
            [("GL108", "Tribunal Supremo de la Justicia")],
        ),
        # the right gloss, a description, another kind of parenthesis: nothing
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela (Comité "
            "por la Liberación de los Presos Políticos, CLIPPVE) disputes it.",
            [],
        ),
        (
            f"{EN} The Committee for the Freedom of Political Prisoners in Venezuela "
            "(founded in 2024 by relatives) disputes it.",
            [],
        ),
        (f"{EN} The Supreme Court of Justice (in a ruling of 2024) agreed.", []),
    ],
)
def test_a_gloss_one_word_off(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


def test_an_acronym_the_convention_and_its_committee_share() -> None:
    # OHCHR writes CAT for the Convention against Torture and for its Committee: each
    # gloss is right, and a wrong acronym after either is still reported
    text = (
        f"{EN} The Committee against Torture (CAT) met in Geneva. Venezuela ratified the "
        "Convention against Torture (CAT) in 1991. The Convention against Torture (SPT) too."
    )
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == [
        ("GL107", "Convention against Torture (SPT)")
    ]


def test_peru_s_prosecution_service_is_mp_too() -> None:
    text = f"{EN} In Peru, the Public Prosecutor's Office (Ministerio Público, MP) appealed."
    assert bundled_findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        f"{EN} In Colombia, the Constitutional Court (Corte Constitucional, CC) ruled.",
        f"{EN} In Quito, the National Assembly (Asamblea Nacional, AN) of Ecuador voted.",
        f"{ES} En Colombia, la Corte Constitucional (Constitutional Court, CC) falló.",
        # no country: the Spanish name is Colombia's or Ecuador's court, not Guatemala's
        # (whose acronym CC is); the gloss's name outweighs its acronym
        f"{EN} The Constitutional Court (Corte Constitucional, CC) ruled.",
        f"{EN} The Constitutional Court (Corte de Constitucionalidad, CC) ruled.",
    ],
)
def test_an_acronym_spelling_the_name_is_not_dropped(text: str) -> None:
    # CC and AN are listed for Guatemala's and Venezuela's bodies only; for a body that
    # lists no acronym, one that spells its name is the glossary's gap
    assert bundled_findings(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            f"{EN} In Colombia, the Constitutional Court (Corte Constitucional, TSJ) ruled.",
            "Constitutional Court (Corte Constitucional, TSJ)",
        ),
        (
            f"{EN} In Quito, the National Assembly (Asamblea Nacional, CNE) of Ecuador voted.",
            "National Assembly (Asamblea Nacional, CNE)",
        ),
        (
            f"{ES} En Colombia, la Corte Constitucional (Constitutional Court, CNE) falló.",
            "Corte Constitucional (Constitutional Court, CNE)",
        ),
        (
            f"{EN} The Constitutional Court (Tribunal Supremo de Justicia, CC) ruled.",
            "Constitutional Court (Tribunal Supremo de Justicia, CC)",
        ),
    ],
)
def test_an_acronym_of_another_body_is_still_dropped(text: str, span: str) -> None:
    assert [(rule, found) for rule, found, _ in bundled_findings(text)] == [("GL107", span)]


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        (
            f"{EN} The Colombian Constitutional Court (Corte de Constitucionalidad) ruled.",
            "Constitutional Court (Corte de Constitucionalidad)",
            "Corte Constitucional",
        ),
        (
            f"{EN} BOGOTÁ — The Constitutional Court (Corte de Constitucionalidad) ruled.",
            "Constitutional Court (Corte de Constitucionalidad)",
            "Corte Constitucional",
        ),
        (
            f"{EN} Peruvian lawyers said the Public Prosecutor's Office (Ministerio "
            "Público, TSJ) had appealed.",
            "Public Prosecutor's Office (Ministerio Público, TSJ)",
            "MP",
        ),
    ],
)
def test_a_demonym_or_a_capital_says_whose_body_a_shared_name_is(
    text: str, span: str, suggestion: str
) -> None:
    assert bundled_findings(text) == [("GL107", span, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        f"{EN} The Colombian Constitutional Court (Corte Constitucional) ruled.",
        f"{EN} QUITO — The Constitutional Court (Corte Constitucional) ruled.",
        f"{EN} The Guatemalan Constitutional Court (Corte de Constitucionalidad, CC) ruled.",
    ],
)
def test_a_right_gloss_after_a_demonym_or_a_capital_is_no_finding(text: str) -> None:
    assert bundled_findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # only Colombia's Corte Suprema is listed: Chile's, Spain's are other bodies
        f"{EN} In Chile, the Corte Suprema upheld the ruling.",
        f"{EN} Chile's Corte Suprema upheld the ruling.",
        f"{ES} La Corte Suprema de Chile y la Corte Suprema de Justicia de Colombia fallaron.",
        f"{EN} The Chilean Corte Suprema upheld the ruling.",
    ],
)
def test_a_name_beside_another_country_is_that_country_s_body(text: str) -> None:
    assert bundled_findings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{EN} In Colombia, the Corte Suprema upheld the ruling.", [("GL106", "Corte Suprema")]),
        # a sentence away, the country no longer says whose court it is
        (f"{EN} It happened in Chile. The Corte Suprema upheld it.", [("GL106", "Corte Suprema")]),
        # a common term is the same notion in any country
        (
            f"{EN} In Honduras, the estado de excepción was extended again.",
            [("GL106", "estado de excepción")],
        ),
        # a name several countries share: its gloss is checked whichever body it is
        (
            f"{EN} In Tegucigalpa, the Attorney General's Office (Corte Suprema de Justicia) "
            "opened an inquiry.",
            [("GL107", "Attorney General's Office (Corte Suprema de Justicia)")],
        ),
    ],
)
def test_a_name_of_the_listed_country_or_a_term_is_still_checked(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


CARACAS = (
    "The relatives of the detainees met in Caracas, Venezuela, on Monday and said they "
    "would return next week."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parenthesis names the body the concept belongs to (subject "... (UN)")
        (f"{ES} El Comité contra la Desaparición Forzada (ONU) pidió información.", []),
        (f"{EN} The Committee against Torture (UN) met.", []),
        # "Peer-review mechanism of the Human Rights Council" (its definition)
        (f"{EN} The Universal Periodic Review (Human Rights Council) of Venezuela began.", []),
        (
            f"{ES} El Comité contra la Desaparición Forzada (OEA) pidió información.",
            [("GL107", "Comité contra la Desaparición Forzada (OEA)")],
        ),
        (
            f"{EN} The Universal Periodic Review (Inter-American Commission on Human Rights) "
            "of Venezuela began.",
            [("GL107", "Universal Periodic Review (Inter-American Commission on Human Rights)")],
        ),
    ],
)
def test_a_parenthesis_naming_the_body_a_concept_belongs_to(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two people: a word in the other gender, whatever else differs
        (f"{ES} Juan Guaidó fue presidente encargado. Jeanine Áñez fue presidenta interina.", []),
        # two countries' offices, the second's country in an earlier sentence
        (
            f"{EN} Bolivia has had caretaker governments. Jeanine Áñez served as interim "
            "president. In Venezuela, the vice president becomes acting president.",
            [],
        ),
        (
            f"{EN} In Ukraine, the prosecutor general resigned. In Venezuela, the attorney "
            "general did not.",
            [],
        ),
        (
            f"{ES} Juan Guaidó fue presidente encargado. Luego fue presidente interino.",
            [("GL102", "presidente interino")],
        ),
        (
            f"{EN} In Venezuela, Guaidó was interim president. In Venezuela, Rodríguez is "
            "acting president.",
            [("GL102", "acting president")],
        ),
        (
            f"{EN} Guaidó was interim president in 2019. Rodríguez is acting president.",
            [("GL102", "acting president")],
        ),
        # a name of one body stays one body, whichever countries its clauses name
        (
            f"{EN} In Panama, Doctors Without Borders treats migrants. In Mexico, Médecins "
            "Sans Frontières warned of measles.",
            [("GL102", "Médecins Sans Frontières")],
        ),
    ],
)
def test_gl102_compares_one_person_s_or_one_country_s_title(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared name beside another country: none of its listed bodies
        (f"{CARACAS} In Chile, the Supreme Court (Corte Suprema) ruled.", []),
        # a body's country from its concept's subject, "institution (Mexico)"
        (
            f"{CARACAS} Argentina's Supreme Court of Justice of the Nation (Corte Suprema de "
            "Justicia de la Nación) ruled.",
            [],
        ),
        (
            f"{CARACAS} Mexico's Supreme Court of Justice of the Nation (Corte Suprema de "
            "Justicia) ruled.",
            [("GL107", "Supreme Court of Justice of the Nation (Corte Suprema de Justicia)")],
        ),
        (
            f"{CARACAS} In Venezuela, the Supreme Court (Corte Suprema) ruled.",
            [("GL107", "Supreme Court (Corte Suprema)")],
        ),
    ],
)
def test_another_country_s_body_under_a_shared_name(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{EN} The initials TSJ stand for Tribunal Supremo de Justicia.", []),
        (f"{EN} Venezuelans call it simply the Tribunal Supremo de Justicia.", []),
        (
            f"{EN} The ruling cites the Ley Orgánica del Tribunal Supremo de Justicia "
            "(Organic Law of the Supreme Court of Justice).",
            [],
        ),
        (
            f"{EN} The opposition called the Tribunal Supremo de Justicia a puppet.",
            [("GL106", "Tribunal Supremo de Justicia")],
        ),
        (
            f"{EN} The President of the Tribunal Supremo de Justicia spoke.",
            [("GL106", "Tribunal Supremo de Justicia")],
        ),
        (
            f"{EN} The ruling cites the Ley Orgánica del Tribunal Supremo de Justicia "
            "(Organic Law).",
            [("GL106", "Tribunal Supremo de Justicia")],
        ),
    ],
)
def test_a_spanish_name_explained_or_glossed_whole(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a caption in italics is prose of the paragraph's language, not a marked name
        (
            f"{EN}\n\n*Relatives wait outside the Dirección General de Contrainteligencia "
            "Militar in Caracas, where several detainees are held.*\n",
            [("GL106", "Dirección General de Contrainteligencia Militar")],
        ),
        (
            f"{EN}\n\n*The families said the Asamblea Nacional had ignored every one of their "
            "letters since March.*\n",
            [("GL106", "Asamblea Nacional")],
        ),
        # italics marking a foreign name, a short phrase, a title, or another language
        (f"{EN} The *Asamblea Nacional* met again on Tuesday.\n", []),
        (
            f"{EN}\n\n*Informe Anual de la Comisión Interamericana de Derechos Humanos sobre "
            "Venezuela y Nicaragua*\n",
            [],
        ),
        (
            f"{EN}\n\n*Los familiares dijeron que la Asamblea Nacional no respondió a ninguna "
            "de sus cartas.*\n",
            [],
        ),
    ],
)
def test_italics_mark_names_and_titles_not_captions(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="markdown")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source, an example, a place: no gloss
        (f"{ES} Es un crimen de lesa humanidad (Estatuto de Roma, artículo 7).", []),
        (f"{ES} Son casi 900 presos políticos (Foro Penal) según la última cifra.", []),
        (f"{ES} Lo llevaron a la sede del SEBIN (El Helicoide) el martes.", []),
        (f"{EN} The International Criminal Court (Rome Statute) can act.", []),
        # names of the same kind: a wrong gloss
        (
            f"{ES} Es un crimen de lesa humanidad (war crimes) según la ONG.",
            [("GL107", "crimen de lesa humanidad (war crimes)")],
        ),
        (
            f"{EN} The Supreme Court of Justice (Consejo Nacional Electoral) ruled.",
            [("GL107", "Supreme Court of Justice (Consejo Nacional Electoral)")],
        ),
        (
            f"{ES} Lo llevaron a El Helicoide (Ramo Verde) el martes.",
            [("GL107", "El Helicoide (Ramo Verde)")],
        ),
    ],
)
def test_a_parenthesis_naming_another_kind_of_thing_is_no_gloss(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


LINK = (
    "Detailed findings of the Independent International Fact-Finding Mission on the "
    "Bolivarian Republic of Venezuela"
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("(PDF, en inglés)", []),
        ("(en inglés, 411 páginas)", []),
        ("(video, en inglés)", []),
        ("(PDF)", [("GL106", LINK[len("Detailed findings of the ") :])]),
        ("(PDF, 2 MB)", [("GL106", LINK[len("Detailed findings of the ") :])]),
    ],
)
def test_a_link_labelled_as_in_english(label: str, expected: list[tuple[str, str]]) -> None:
    text = (
        f"{ES} La Misión de Determinación de los Hechos publicó su informe, que está en "
        f"[{LINK}](https://example.org/a.pdf) {label}.\n"
    )
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="markdown")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{ES} El Consejo reemplazó a la antigua Comisión de Derechos Humanos en 2006.", []),
        (
            f"{ES} Asistió la Comisión Nacional de Derechos Humanos de República Dominicana.",
            [],
        ),
        (f"{ES} Asistió la Comisión Nacional de Derechos Humanos de la República Dominicana.", []),
        # the same near miss with no other country beside it
        (
            f"{ES} Asistió la Comisión Nacional de Derechos Humanos de México.",
            [("GL108", "Comisión Nacional de Derechos Humanos")],
        ),
        (
            f"{ES} Asistió la Comisión Nacional de Derechos Humanos.",
            [("GL108", "Comisión Nacional de Derechos Humanos")],
        ),
    ],
)
def test_a_near_miss_beside_another_country_is_that_country_s_body(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{ES} Escribió: «Queremos en casa a todos los presos politicos [sic]».", []),
        (f"{ES} Escribió: «Queremos en casa a los presos politicos [sic] ya».", []),
        (f"{ES} Escribió: «Queremos en casa a los presos politicos» (sic).", []),
        (f"{ES} Escribió: «Queremos en casa a los presos politicos [sic], ya» y firmó.", []),
        # no [sic], or one before the name: reported
        (
            f"{ES} Escribió: «Queremos en casa a los presos politicos ya».",
            [("GL104", "presos politicos")],
        ),
        (
            f"{ES} Escribió: «Queremos [sic] en casa a los presos politicos ya».",
            [("GL104", "presos politicos")],
        ),
        (
            f"{ES} Escribió que los presos politicos [sic] siguen presos.",
            [],
        ),
        (
            f"{ES} Escribió que los presos politicos siguen presos (sic).",
            [("GL104", "presos politicos")],
        ),
    ],
)
def test_sic_marks_words_as_written(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f'{EN} "We met with Penal Forum lawyers last year," the senator said.', []),
        (f"{EN} <q>We met with Penal Forum lawyers last year</q>, the senator said.", []),
        (f"{EN} We met with Penal Forum lawyers last year.", [("GL103", "Penal Forum")]),
        (
            f"{EN} The senator met *Penal Forum* lawyers last year.",
            [("GL103", "Penal Forum")],
        ),
        (
            f'{EN} "We met with lawyers," said the senator, who called Penal Forum later.',
            [("GL103", "Penal Forum")],
        ),
    ],
)
def test_a_deprecated_term_in_someone_s_words(text: str, expected: list[tuple[str, str]]) -> None:
    fmt = "html" if "<q>" in text else "markdown"
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt=fmt)] == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "<p>Para consultas:<br>Oficina de Prensa<br>Comisión Interamericana de Derechos "
            "Humanos<br>Inter-American Commission on Human Rights<br>prensa@example.org</p>",
            [],
        ),
        (
            "<address>Oficina de Prensa<br>\nInter-American Commission on Human Rights<br>\n"
            "Washington, D.C.</address>",
            [],
        ),
        # two lines are no list; a line ending a sentence is prose
        (
            "<p>Para consultas:<br>Inter-American Commission on Human Rights</p>",
            [("GL106", "Inter-American Commission on Human Rights")],
        ),
        (
            "<p>La nota llegó ayer.<br>La firmó la Inter-American Commission on Human "
            "Rights.<br>Nadie respondió.</p>",
            [("GL106", "Inter-American Commission on Human Rights")],
        ),
    ],
)
def test_an_html_block_of_lines_is_a_list(block: str, expected: list[tuple[str, str]]) -> None:
    text = f"<p>{ES} La Comisión Interamericana de Derechos Humanos pidió respuestas.</p>{block}"
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="html")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a related word changed, and the document names the committee as listed
        (
            f"{ES} Marchó el Comité por la Libertad de los Presos Políticos. Luego habló el "
            "Comité por la Liberación de los Presos Políticos.",
            [("GL108", "Comité por la Libertad de los Presos Políticos")],
        ),
        (
            f"{ES} Marchó el Comité por la Libertad de los Presos Políticos (CLIPPVE).",
            [("GL108", "Comité por la Libertad de los Presos Políticos")],
        ),
        # no such evidence: perhaps another committee
        (f"{ES} Marchó el Comité por la Libertad de los Presos Políticos.", []),
        # an unrelated word changed is another body, evidence or not
        (
            f"{ES} Marchó el Comité por la Defensa de los Presos Políticos. Luego habló el "
            "Comité por la Liberación de los Presos Políticos.",
            [],
        ),
    ],
)
def test_a_related_word_changed_needs_the_document_s_evidence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{ES} Lo detuvo el Servicio Bolivariano de Inteligencia (SEBIN) en su casa.",
            [
                (
                    "GL108",
                    "Servicio Bolivariano de Inteligencia",
                    "Servicio Bolivariano de Inteligencia Nacional",
                )
            ],
        ),
        (
            f"{ES} Lo detuvo la Dirección General de Contrainteligencia (DGCIM) en su casa.",
            [
                (
                    "GL108",
                    "Dirección General de Contrainteligencia",
                    "Dirección General de Contrainteligencia Militar",
                )
            ],
        ),
        # the whole name, another acronym, or no acronym: nothing to say
        (f"{ES} Lo detuvo el Servicio Bolivariano de Inteligencia Nacional (SEBIN) ayer.", []),
        (f"{ES} Lo detuvo el Servicio Bolivariano de Inteligencia (DGCIM) en su casa.", []),
        (f"{ES} Lo detuvo el Servicio Bolivariano de Inteligencia en su casa.", []),
        (f"{ES} Lo detuvo el servicio de inteligencia (SEBIN) en su casa.", []),
    ],
)
def test_a_name_short_of_its_last_word_before_its_own_acronym(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{EN} Protests rose, says the Venezuelan Observatory of Social Conflict (OVSC).",
            [("GL107", "Venezuelan Observatory of Social Conflict (OVSC)", "OVCS")],
        ),
        (
            f"{ES} La Comisión Interamericana de Derechos Humanos (IAHRC, por sus siglas en "
            "inglés) otorgó medidas.",
            [
                (
                    "GL107",
                    "Comisión Interamericana de Derechos Humanos (IAHRC, por sus siglas en inglés)",
                    "IACHR",
                )
            ],
        ),
        (
            f"{ES} La Comisión Interamericana de Derechos Humanos (CDIH) otorgó medidas.",
            [("GL107", "Comisión Interamericana de Derechos Humanos (CDIH)", "CIDH")],
        ),
        # right, far off, not a gloss, another concept's, too short to tell
        (f"{EN} Protests rose, says the Venezuelan Observatory of Social Conflict (OVCS).", []),
        (f"{EN} Protests rose, says the Venezuelan Observatory of Social Conflict (OBS).", []),
        (
            f"{EN} Protests rose, says the Venezuelan Observatory of Social Conflict (OVSC, 2019).",
            [],
        ),
        (f"{ES} El Consejo Nacional Electoral (CNR) anunció los resultados.", []),
    ],
)
def test_a_misspelt_acronym_after_a_name(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{ES} Habló la Fiscalía de la Corte Penal Internacional (CPI, por sus siglas en "
            "inglés) en La Haya.",
            [
                (
                    "GL107",
                    "Fiscalía de la Corte Penal Internacional (CPI, por sus siglas en inglés)",
                    "ICC",
                )
            ],
        ),
        (
            f"{ES} Habló la Corte Penal Internacional (CPI, por sus siglas en inglés) ayer.",
            [("GL107", "Corte Penal Internacional (CPI, por sus siglas en inglés)", "ICC")],
        ),
        (f"{ES} Habló la Corte Penal Internacional (ICC, por sus siglas en inglés) ayer.", []),
        (f"{ES} Habló la Corte Penal Internacional (CPI, por sus siglas en español) ayer.", []),
        (f"{ES} Habló la Corte Penal Internacional (CPI) ayer.", []),
    ],
)
def test_an_acronym_labelled_in_another_language(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym's capital does not open a sentence
        (
            f"{ES} Lo dijo Karim Khan, ICC prosecutor, en una rueda de prensa.",
            [("GL106", "ICC prosecutor", "fiscal de la CPI")],
        ),
        (
            f"{ES} Prosecutor of the International Criminal Court es su cargo desde 2021.",
            [
                (
                    "GL106",
                    "Prosecutor of the International Criminal Court",
                    "Fiscal de la Corte Penal Internacional",
                )
            ],
        ),
    ],
)
def test_a_suggestion_keeps_the_case_of_the_sentence(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline in title case: the capitalised words beside are the headline's;
        # its rendering, admitted, gives way to the body's preferred one
        (
            "# Supreme Tribunal of Justice Bars Opposition Governor From Office\n\n"
            f"{EN} Venezuela's Supreme Court of Justice ruled on Monday.\n",
            [("GL102", "Supreme Tribunal of Justice", "Supreme Court of Justice")],
        ),
        (
            "# Opposition Asks the Supreme Tribunal of Justice to Act\n\n"
            f"{EN} Venezuela's Supreme Court of Justice ruled on Monday.\n",
            [("GL102", "Supreme Tribunal of Justice", "Supreme Court of Justice")],
        ),
        # in prose, a capitalised word beside makes a longer name, which sets nothing
        (
            f"{EN} The Supreme Tribunal of Justice Library opened. Venezuela's Supreme Court "
            "of Justice ruled on Monday.\n",
            [],
        ),
        # a preferred rendering in a headline may be ordinary words in title case
        (
            "# Families Say the Popular Will Is Still Ignored\n\n"
            f"{EN} Three members of the Voluntad Popular party were freed.\n",
            [],
        ),
        # a title across small words, even in a headline
        (
            "# Protocol Against the Smuggling of Migrants Turns Twenty\n\n"
            f"{EN} Migrant smuggling rose again this year, the agency said.\n",
            [],
        ),
    ],
)
def test_a_title_case_headline_sets_the_rendering(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert bundled_findings(text, fmt="markdown") == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # letters no word has: an acronym in title case
        ("## Families Ask Cicpc for Answers", [("GL105", "Cicpc", "CICPC")]),
        ("## Three Held by Dgcim Since March", [("GL105", "Dgcim", "DGCIM")]),
        # a word of the headline: not the acronym
        ("## Families' Bid to Free Prisoners Grows", []),
        ("## Families Ask Clippve-Style Groups for Help", [("GL105", "Clippve", "CLIPPVE")]),
        ("## Clap Boxes Arrive Late in Zulia", []),
    ],
)
def test_a_title_case_headline_s_acronyms(
    heading: str, expected: list[tuple[str, str, str]]
) -> None:
    text = f"{heading}\n\n{EN} The CICPC, the DGCIM and the CLIPPVE did not answer.\n"
    assert bundled_findings(text, fmt="markdown") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word both languages' names have carries the Spanish name on: another body
        (f"{EN} The FGR replaced the former Procuraduría General de la República in 2018.", []),
        (
            f"{EN} In Colombia, the Procuraduría suspended the mayor on Monday.",
            [("GL106", "Procuraduría")],
        ),
        # an English word only is the prose around the name
        (
            f"{EN} The Venezuelan Asamblea Nacional met on Monday.",
            [("GL106", "Asamblea Nacional")],
        ),
    ],
)
def test_a_shared_word_after_a_name_goes_on_with_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # English by its function words, whatever its name's language
        (
            "Venezuela's Defensoría del Pueblo did not answer our questions about deaths "
            "in custody.",
            [("GL106", "Defensoría del Pueblo")],
        ),
        # Spanish prose naming the body: nothing to translate
        ("La Defensoría del Pueblo no respondió a nuestras preguntas sobre las muertes.", []),
    ],
)
def test_a_short_paragraph_s_language_is_its_prose_s(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    text = f"<p>{EN}</p>\n<p>{EN}</p>\n<p>{paragraph}</p>"
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="html")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{EN} He was charged under the Constitutional Law against Hatred, por la "
            "Convivencia Pacífica y la Tolerancia, in 2023.",
            [
                (
                    "GL101",
                    "Constitutional Law against Hatred, por la Convivencia Pacífica y la Tolerancia",
                )
            ],
        ),
        # each language whole, or a tail of function words only
        (
            f"{EN} He was charged under the Constitutional Law against Hatred, for Peaceful "
            "Coexistence and Tolerance, in 2023.",
            [],
        ),
        (
            f"{ES} Lo acusan según la Ley Constitucional contra el Odio, por la Convivencia "
            "Pacífica y la Tolerancia, de 2017.",
            [],
        ),
        (f"{EN} He was charged under the Law against Hatred, por la tarde.", []),
    ],
)
def test_a_name_finished_in_the_other_language(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case number, not the court
        (f"{ES} La decisión ICC-02/18 OA se dictó en 2024.", []),
        (f"{ES} Lo dijo la ICC en 2024.", [("GL106", "ICC")]),
    ],
)
def test_an_acronym_in_a_case_number(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "*Nota del Sindicato Nacional de Trabajadores de la Prensa (SNTP), que se publica en "
            "los dos idiomas. / A note from the National Union of Press Workers (SNTP), published "
            "in both languages.*\n",
            [],
        ),
        # one language on both sides of the slash: the name is untranslated
        (
            "A note from the Sindicato Nacional de Trabajadores de la Prensa, published in "
            "both languages. / It was sent to the members of the union on Monday.\n",
            [("GL106", "Sindicato Nacional de Trabajadores de la Prensa")],
        ),
    ],
)
def test_a_line_in_two_languages_around_a_slash(text: str, expected: list[tuple[str, str]]) -> None:
    doc = f"{EN}\n\n{text}\n{EN}\n"
    assert [(r, s) for r, s, _ in bundled_findings(doc, fmt="markdown")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the end of a longer name joined by "of": not a near miss of the shorter one
        (f"{EN} On 24 March, the National Day of Memory for Truth and Justice, they marched.", []),
        (
            f"{EN} The Commission of Human Rights did not answer.",
            [("GL108", "Commission of Human Rights")],
        ),
        # a calque of the Spanish name's word ("Memoria"), with the day named as listed
        (
            f"{EN} On 24 March, the National Day of Memory for Truth and Justice, they "
            "marched. The National Day of Remembrance for Truth and Justice is a holiday.",
            [("GL108", "National Day of Memory for Truth and Justice")],
        ),
        # and without: perhaps another body ("Liberation", Nicaragua's committee)
        (
            f"{EN} Relatives founded the Committee for the Liberation of Political Prisoners.",
            [],
        ),
        # the gloss of another name, though the document names CLIPPVE too
        (
            f"{EN} In Managua they founded the Comité Pro Liberación de Presos Políticos "
            "(Committee for the Liberation of Political Prisoners). In Caracas, CLIPPVE marched.",
            [],
        ),
    ],
)
def test_a_near_miss_ending_a_longer_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # a short bilingual heading: each half names the law in its language
        ("# Ley de amnistía en Perú / Peru's amnesty law", []),
        # one language on both sides: the English term in a Spanish heading
        ("# La amnesty law en Perú / Qué dice el texto", [("GL106", "amnesty law")]),
    ],
)
def test_a_short_heading_in_two_languages(heading: str, expected: list[tuple[str, str]]) -> None:
    text = f"{heading}\n\n{ES} La ley de amnistía fue aprobada.\n"
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="markdown")] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # an acronym's cell after its name in both languages: labelled by its own
        (
            "| Inter-American Court of Human Rights | Corte Interamericana de Derechos "
            "Humanos | Corte IDH |",
            [],
        ),
        # after an English name only, the Spanish abbreviation is untranslated
        ("| Inter-American Court of Human Rights | 2019 | Corte IDH |", [("GL106", "Corte IDH")]),
    ],
)
def test_an_acronym_column_beside_both_names(row: str, expected: list[tuple[str, str]]) -> None:
    text = f"{EN}\n\n| Name | Other | Short |\n|---|---|---|\n{row}\n"
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt="markdown")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last word of a name that ends in a plural, in the singular
        (
            f"{EN} Soldiers of the Bolivarian National Armed Force closed the road.",
            [("GL108", "Bolivarian National Armed Force", "Bolivarian National Armed Forces")],
        ),
        (
            f"{EN} The Bolivarian National Armed Force (FANB) closed the road.",
            [("GL108", "Bolivarian National Armed Force", "Bolivarian National Armed Forces")],
        ),
        (
            f"{EN} A complaint went to the Inter-American Commission on Human Right in May.",
            [
                (
                    "GL108",
                    "Inter-American Commission on Human Right",
                    "Inter-American Commission on Human Rights",
                )
            ],
        ),
        # the name as listed; a common noun in lower case; the singular in Spanish
        (f"{EN} Soldiers of the Bolivarian National Armed Forces closed the road.", []),
        (f"{EN} The commission on human right to water met in May.", []),
        (f"{ES} La Fuerza Armada Nacional Bolivariana cerró la vía.", []),
        # not written as a name
        (f"{EN} A bolivarian national armed force, he wrote, is a contradiction.", []),
    ],
)
def test_a_name_s_plural_last_word_in_the_singular(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gloss names the chamber that the court after "of" complements
        (
            f"{EN} In San José, the Constitutional Chamber of Costa Rica's Supreme Court "
            "(Sala Constitucional) heard the petitions.",
            [],
        ),
        (
            f"{ES} La Sala Constitucional de la Corte Suprema de Costa Rica (Constitutional "
            "Chamber) admitió el recurso.",
            [],
        ),
        # the gloss of the same concept, then an aside after a comma
        (
            f"{EN} The Constitutional Chamber (Sala Constitucional, known locally as the Sala "
            "IV) heard the petitions.",
            [],
        ),
        # a gloss of neither: still a mismatch, on the name right before it
        (
            f"{EN} In San José, the Constitutional Chamber of Costa Rica's Supreme Court "
            "(Sala Electoral) heard the petitions.",
            [("GL107", "Supreme Court (Sala Electoral)")],
        ),
        # an aside after another body's name is no gloss of this one
        (
            f"{EN} The Supreme Court (Sala Constitucional, whose judges were appointed in "
            "2015) ruled.",
            [("GL106", "Sala Constitucional")],
        ),
        # no "of" between the names: two bodies side by side
        (
            f"{EN} The Constitutional Chamber and the Supreme Court (Sala Electoral) ruled.",
            [("GL107", "Supreme Court (Sala Electoral)")],
        ),
    ],
)
def test_a_gloss_after_a_name_s_complement(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        # a word written with an accent the acronym has not: the word
        (f"{ES} El MAS ganó. Dijo que quería Más información sobre el caso.", "text", []),
        (f"{ES} Pidieron Más recursos para la Defensoría.", "text", []),
        # the acronym in title case, no accent: still the acronym miswritten
        (f"{ES} El MAS ganó y la Onu lo felicitó.", "text", [("GL105", "Onu")]),
        # deleted text is a correction's old wording: it sets no rendering
        (
            f"{EN} The observers reported <del>election fraud</del> <ins>electoral fraud</ins>.",
            "html",
            [],
        ),
        (
            f"{EN} The observers reported ~~election fraud~~ electoral fraud.",
            "markdown",
            [],
        ),
        (
            f"{EN} The observers reported election fraud and then electoral fraud.",
            "markdown",
            [("GL102", "electoral fraud")],
        ),
    ],
)
def test_accented_words_and_deleted_text(
    text: str, fmt: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r, s) for r, s, _ in bundled_findings(text, fmt=fmt)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-word name with one word in the other language: each word anchors it
        (
            f"{ES} Una investigadora de Amnistía International tomó notas.",
            [("GL101", "Amnistía International", "Amnistía Internacional")],
        ),
        (
            f"{EN} A researcher from Amnesty Internacional took notes.",
            [("GL101", "Amnesty Internacional", "Amnesty International")],
        ),
        # the names as listed; the words in lower case, not a name
        (f"{EN} A researcher from Amnesty International took notes.", []),
        (f"{ES} Una investigadora de Amnistía Internacional tomó notas.", []),
        (f"{ES} Pidió una amnistía international para los presos.", []),
    ],
)
def test_a_two_word_name_half_translated(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert bundled_findings(text) == expected


@pytest.mark.parametrize("gap", [" ", "\n", "\r\n", "\n    "])
def test_a_name_wrapped_across_lines_is_read_as_one_name(gap: str) -> None:
    # an unlisted body's Spanish name in parentheses ends in a listed term; the line
    # break of a hard-wrapped paragraph joins its words as a space does
    text = (
        f"{EN} Its special prosecutor's office for disappearances (Fiscalía Especializada"
        f" en Investigación de los Delitos de{gap}Desaparición Forzada) charged no one."
    )
    assert bundled_findings(text) == []


def test_a_term_alone_in_a_parenthesis_is_still_untranslated_after_a_line_break() -> None:
    text = f"{EN} The judge called it a case of\ndesaparición forzada on Monday."
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == [
        ("GL106", "desaparición forzada")
    ]


def test_a_listed_variant_adding_only_an_article_is_a_second_rendering() -> None:
    text = (
        f"{ES} El Comité de Madres en Defensa de la Verdad marchó. Luego el Comité de las "
        "Madres en Defensa de la Verdad pidió audiencia."
    )
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == [
        ("GL102", "Comité de las Madres en Defensa de la Verdad")
    ]


def test_words_beside_a_wrapped_quotation_are_still_the_paragraph_s() -> None:
    text = (
        f"{ES}\nLa eurodiputada citó a los political prisoners. «The European Parliament "
        "will not look\naway from Cuba», dijo en inglés durante el debate de ayer."
    )
    assert [(rule, span) for rule, span, _ in bundled_findings(text)] == [
        ("GL106", "political prisoners")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma between two words of a form that has none: a list, not the name
        (f"{EN} She handles migrant, trafficking and family cases.", []),
        (f"{EN} The group documented migrant trafficking at the border.", ["GL103"]),
        # a form that has its commas keeps them
        (f"{EN} They marched for Memoria, Verdad y Justicia.", ["GL106"]),
        # words joined by underscores: a file name or an identifier
        (f"{EN} Read REMHI_Guatemala_Nunca_Mas_tomo4.pdf before class.", []),
        (f"{EN} Read Comision_de_la_Verdad_1993.pdf before class.", []),
        (f"{EN} The Comision de la Verdad report came out in 1993.", ["GL106"]),
        # underscores of plain-text emphasis: the name, read as prose
        (f"{EN} The _Comision de la Verdad_ report came out in 1993.", ["GL106"]),
    ],
)
def test_lists_and_identifiers_are_no_names(text: str, expected: list[str]) -> None:
    assert [rule for rule, _, _ in bundled_findings(text)] == expected
