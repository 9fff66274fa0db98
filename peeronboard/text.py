"""Text that may come in several languages: a plain string, or a table of language → string."""

from __future__ import annotations

LANGUAGES = ("da", "en")
ANY_LANGUAGE = ""


class LocalText:
    """One text in one or more languages; ``in_lang`` falls back to whatever exists. Never changed
    once made; equal when the texts are. (A plain class with slots: much cheaper to define than a
    frozen dataclass, which a one-tick command notices.)"""

    __slots__ = ("by_lang",)
    by_lang: tuple[tuple[str, str], ...]

    def __init__(self, by_lang: tuple[tuple[str, str], ...]) -> None:
        object.__setattr__(self, "by_lang", by_lang)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a LocalText is never changed (tried to set {name!r})")

    def __eq__(self, other: object) -> bool:
        return self.by_lang == other.by_lang if isinstance(other, LocalText) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.by_lang)

    def __repr__(self) -> str:
        return f"LocalText(by_lang={self.by_lang!r})"

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
