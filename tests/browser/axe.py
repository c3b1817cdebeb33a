"""axe-core in the page under test: its serious and critical findings, as readable lines.

axe is evaluated through the browser's debugging protocol rather than added as a `<script>`,
which the site's Content-Security-Policy would (rightly) refuse."""

from pathlib import Path

AXE = (Path(__file__).with_name("vendor") / "axe.min.js").read_text()
BLOCKING = {"serious", "critical"}


def violations(page, within="document"):
    """Serious and critical violations in `within` (a CSS selector, or the whole document)."""
    page.evaluate(AXE)
    context = "document" if within == "document" else repr(within)
    found = page.evaluate(
        f"async () => (await axe.run({context}, {{resultTypes: ['violations']}})).violations"
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in BLOCKING
    ]
