"""``peeronboard report`` (issue #17): which items fall through across hires, on a data set whose right
answers are known; anonymous unless asked."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

REASON = "she has the course already"


@pytest.fixture
def hires(cli) -> dict[str, str]:
    """Four hires in Afsnit S4 and one alone in Ambulatoriet, judged on 2027-01-20 (conftest's today).

    appoint-mentor (due start - 14 d): A on time, B 3 days late, C 10 days late, D not applicable, E overdue.
    order-workstation (due start - 7 d): due for all but D; A done on time, B, C and E overdue.
    """
    ids = {}
    for name, start, unit in (("Anna", "2027-01-10", "Afsnit S4"), ("Bo", "2027-01-10", "Afsnit S4"),
                              ("Carl", "2027-01-10", "Afsnit S4"), ("Dina", "2027-01-30", "Afsnit S4"),
                              ("Eva", "2027-01-20", "Ambulatoriet")):
        ids[name] = cli("add", name, "--start", start, "--checklist", "sample", "--unit", unit).out.strip()
    cli("check", ids["Anna"], "appoint-mentor", "--on", "2026-12-27")
    cli("check", ids["Bo"], "appoint-mentor", "--on", "2026-12-30")
    cli("check", ids["Carl"], "appoint-mentor", "--on", "2027-01-06")
    cli("skip", ids["Dina"], "appoint-mentor", "--reason", REASON)
    cli("check", ids["Anna"], "order-workstation", "--on", "2027-01-02")
    return ids


def data(cli, *args: str) -> dict:
    result = cli("report", "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_counts_are_right_and_what_falls_through_most_comes_first(cli, hires: dict[str, str]) -> None:
    report = data(cli)
    assert report["hires"] == 5
    items = {i["item"]: i for i in report["items"]}
    assert {k: items["appoint-mentor"][k] for k in ("reached", "on_time", "late", "skipped", "overdue",
                                                    "median_days_late", "worst_days_late")} == {
        "reached": 5, "on_time": 1, "late": 2, "skipped": 1, "overdue": 1, "median_days_late": 6.5,
        "worst_days_late": 10}
    assert {k: items["order-workstation"][k] for k in ("reached", "on_time", "overdue")} == {
        "reached": 4, "on_time": 1, "overdue": 3}
    assert [i["item"] for i in report["items"]][:2] == ["appoint-mentor", "order-workstation"]
    assert {u["unit"] for u in report["units"]} == {"Afsnit S4", None}, "Eva's unit of one is folded"


def test_the_report_names_nobody_and_quotes_no_reason_unless_asked(cli, hires: dict[str, str]) -> None:
    for fmt in ("text", "md", "html", "json"):
        out = cli("report", "--format", fmt).out
        assert not any(name in out for name in hires) and REASON not in out, fmt
        assert "Ambulatoriet" not in out, "a unit with fewer than three hires is never named"
    asked = data(cli, "--with-reasons", "--with-names")
    mentor = next(i for i in asked["items"] if i["item"] == "appoint-mentor")
    assert mentor["reasons"] == [{"reason": REASON, "count": 1}]
    assert set(mentor["names"]) == {"Bo", "Carl", "Dina", "Eva"}
    refused = cli("report", "--unit", "Ambulatoriet")
    assert refused.code == 1 and "would single people out" in refused.err


def test_filters_and_a_finished_onboarding_reaches_nothing_after_it(cli, hires: dict[str, str]) -> None:
    assert data(cli, "--since", "2027-01-20")["hires"] == 2
    assert data(cli, "--checklist", "nordjylland-leder")["items"] == []
    cli("finish", hires["Bo"], "--on", "2026-12-20")  # before Bo's workstation was due
    items = {i["item"]: i for i in data(cli)["items"]}
    assert items["order-workstation"]["reached"] == 3 and items["appoint-mentor"]["reached"] == 4
    titles = {fmt: cli("--lang", lang, "report", "--format", fmt).out.splitlines()[0]
              for fmt, lang in (("text", "en"), ("md", "da"))}  # Bo counts, and the title says so
    assert titles == {"text": "Where onboarding falls through: 5 hires, 1 of them finished",
                      "md": "# Hvor onboardingen glipper: 5 ansatte, heraf 1 afsluttet"}


def test_the_html_report_draws_bars_without_script_and_parses(cli, hires: dict[str, str]) -> None:
    page = cli("report", "--format", "html", "--lang", "da").out

    class Tags(HTMLParser):
        seen: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.seen.append(tag)

    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.seen and parser.seen.count("svg") >= 2
    assert "default-src 'none'" in page and "Udpege mentor" in page
    text = cli("report").out
    assert "Appoint a mentor" in text and "2 (median 6.5 d, worst 10 d)" in text and "▓" in text


def test_the_totals_per_phase_add_up_the_items(cli, hires: dict[str, str]) -> None:
    report = data(cli)
    phases = {p["phase"]: p for p in report["phases"]}
    before = [i for i in report["items"] if i["phase"] == "before"]
    assert phases["before"]["reached"] == sum(i["reached"] for i in before) == 9
    assert phases["before"]["overdue"] == 4
    text = cli("report").out
    assert "Per phase" in text and "Before hiring" in text
    assert "Før ansættelse" in cli("report", "--lang", "da", "--format", "md").out


def test_phases_of_several_checklists_are_named_by_the_checklists_titles(cli, hires: dict[str, str]) -> None:
    cli("add", "Frida", "--start", "2026-11-01", "--unit", "Afsnit S4")  # on the default checklist
    for lang, sample, default in (("en", "Sample list", "Checklist for hiring a peer worker"),
                                  ("da", "Prøveliste", "Tjekliste ved ansættelse af peermedarbejder")):
        out = cli("--lang", lang, "report").out
        assert f"({sample})" in out and f"({default})" in out, out
        assert "(sample)" not in out and "(nordjylland-leder)" not in out


def test_the_report_says_why_other_units_are_counted_together(cli, hires: dict[str, str]) -> None:
    why = "units with fewer than 3 hires and hires without a unit, counted together"
    for fmt in ("text", "md", "html"):
        assert why in cli("report", "--format", fmt).out, fmt
    assert "færre end 3 ansatte" in cli("--lang", "da", "report").out
