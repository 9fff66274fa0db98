"""Text that may come in several languages: a plain string, or a table of language → string."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("da", "en")
ANY_LANGUAGE = ""


@dataclass(frozen=True)
class LocalText:
    """One text in one or more languages; ``in_lang`` falls back to whatever exists."""

    by_lang: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> LocalText:
        return cls(((ANY_LANGUAGE, text),))

    @classmethod
    def of(cls, **by_lang: str) -> LocalText:
        return cls(tuple(by_lang.items()))

    def in_lang(self, lang: str) -> str:
        for choice in (lang, ANY_LANGUAGE, *LANGUAGES):
            for code, text in self.by_lang:
                if code == choice and text:
                    return text
        return self.by_lang[0][1] if self.by_lang else ""

    def has(self, lang: str) -> bool:
        return any(code in (lang, ANY_LANGUAGE) for code, _ in self.by_lang)

    def to_toml(self) -> str | dict[str, str]:
        if len(self.by_lang) == 1 and self.by_lang[0][0] == ANY_LANGUAGE:
            return self.by_lang[0][1]
        return dict(self.by_lang)
