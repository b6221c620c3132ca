"""Server-side SVG geometry for the timeline: numbers only, drawn by an autoescaped template."""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT = 960, 200
LEFT, BOTTOM, TOP = 44, 22, 8


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    return float(((int(value) // step) + 1) * step) if value >= 1 else round(value * 1.2, 2)


def stacked_bars(series: list[dict[str, Any]], field: str, keys: list[str],
                 prefix: str) -> dict[str, Any]:
    """Bars per bucket stacked by `keys` (series[i][field][key]); CSS class = prefix + key.

    `field` may also name a plain number in each bucket (e.g. "per_article"): one bar each.
    """
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    n = max(len(series), 1)
    slot = plot_w / n
    bar_w = max(slot * 0.8, 1.0)

    def parts(bucket: dict[str, Any]) -> list[tuple[str, float]]:
        value = bucket.get(field)
        if isinstance(value, dict):
            return [(k, float(value.get(k, 0))) for k in keys if value.get(k)]
        return [("value", float(value))] if value else []

    top = _nice_max(max((sum(v for _, v in parts(b)) for b in series), default=0))
    bars = []
    for i, bucket in enumerate(series):
        y = TOP + plot_h
        for key, value in parts(bucket):
            h = plot_h * value / top
            y -= h
            label = f"{bucket['bucket']}: {key} {value:g}" if key != "value" else (
                f"{bucket['bucket']}: {value:g}")
            bars.append({"x": round(LEFT + i * slot + (slot - bar_w) / 2, 2), "y": round(y, 2),
                         "w": round(bar_w, 2), "h": round(h, 2), "cls": prefix + key,
                         "title": label})
    every = max(1, round(n / 10))
    xlabels = [{"x": round(LEFT + i * slot + slot / 2, 2), "label": b["bucket"]}
               for i, b in enumerate(series) if i % every == 0]
    yticks = [{"y": round(TOP + plot_h - plot_h * f, 2), "label": f"{top * f:g}"}
              for f in (0, 0.5, 1)]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "base": TOP + plot_h,
            "bars": bars, "xlabels": xlabels, "yticks": yticks}
