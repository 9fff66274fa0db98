"""The bench's rows and its Markdown table: measure, ratio median, ratio fastest, time, reference
time, target, met."""

from __future__ import annotations

import statistics
from typing import NamedTuple

HEADER = ("measure", "ratio median", "ratio fastest", "time", "reference", "target", "met")


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _mib(kib: float) -> str:
    return f"{kib / 1024:,.0f} MiB"


class Row(NamedTuple):
    measure: str
    ratio_median: float
    ratio_fastest: float
    time: str
    reference: str
    target: str
    met: bool

    @classmethod
    def ratio(cls, measure: str, times: list[float], reference: list[float], target: float) -> Row:
        """A wall time against its reference: met when the ratio of the medians is within target."""
        median, fastest = statistics.median(times), min(times)
        ratio = median / statistics.median(reference)
        return cls(measure, ratio, fastest / min(reference), _ms(median),
                   _ms(statistics.median(reference)), f"≤ {target:g}×", ratio <= target)

    @classmethod
    def key(cls, measure: str, times: list[float], reference: list[float], limit: float = 0.1) -> Row:
        """A key to its result: met when the 95th percentile is within ``limit`` seconds."""
        worst = p95(times)
        return cls(measure, statistics.median(times) / statistics.median(reference),
                   min(times) / min(reference),
                   f"p95 {_ms(worst)}, median {_ms(statistics.median(times))}",
                   f"p95 {_ms(p95(reference))}, median {_ms(statistics.median(reference))}",
                   f"p95 ≤ {_ms(limit)}", worst <= limit)

    @classmethod
    def memory(cls, measure: str, peaks: list[int], reference: list[int], limit_kib: int) -> Row:
        """Peak resident memory (KiB per run): met when the median run's peak is within the limit."""
        median = statistics.median(peaks)
        return cls(measure, median / statistics.median(reference), min(peaks) / min(reference),
                   _mib(median), _mib(statistics.median(reference)), f"≤ {_mib(limit_kib)}",
                   median <= limit_kib)

    def cells(self) -> tuple[str, ...]:
        return (self.measure, f"{self.ratio_median:.2f}×", f"{self.ratio_fastest:.2f}×", self.time,
                self.reference, self.target, "yes" if self.met else "**no**")


def table(rows: list[Row]) -> str:
    lines = [HEADER, ("---",) * len(HEADER), *(row.cells() for row in rows)]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
