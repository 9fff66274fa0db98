"""peeronboard: hire and onboard a peer support worker, one living checklist per hire."""

__version__ = "0.2.0"
