"""What every screen of the app shares: the typed app, and key descriptions in the app's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..localize import localize_bindings

if TYPE_CHECKING:
    from ..app import PeerOnboardApp


class PeerScreenMixin:
    """Mix into a Screen or ModalScreen (before it in the bases)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(self, self.peer_app.lang)  # type: ignore[arg-type]

    @property
    def peer_app(self) -> PeerOnboardApp:
        return cast("PeerOnboardApp", self.app)  # type: ignore[attr-defined]
