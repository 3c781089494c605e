"""The benchmark's report: sections of tables, printed as text or written as Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """One table of figures under a heading, with a sentence on what it measures."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""

    def add(self, *cells: object) -> None:
        """Append a row; numbers should already be formatted."""
        self.rows.append([str(cell) for cell in cells])


@dataclass(frozen=True)
class Verdict:
    """One budget from docs/budgets.md, the figure that decides it, and whether it is met."""

    budget: str
    figure: str
    met: bool


@dataclass
class Report:
    """Everything one run measured."""

    heading: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    def text(self) -> str:
        """The report as aligned plain text for a terminal."""
        lines = [f"{name}: {value}" for name, value in self.heading]
        if self.verdicts:
            lines += ["", *_text_table(verdict_table(self.verdicts))]
        for table in self.tables:
            lines += ["", *_text_table(table)]
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        """The report as Markdown, for BENCHMARKS.md."""
        lines = [f"- **{name}**: {value}" for name, value in self.heading]
        if self.verdicts:
            lines += ["", *_markdown_table(verdict_table(self.verdicts), level=3)]
        for table in self.tables:
            lines += ["", *_markdown_table(table, level=3)]
        return "\n".join(lines) + "\n"


def verdict_table(verdicts: list[Verdict]) -> Table:
    """The budgets as a table: budget, figure, met or missed."""
    table = Table("Budgets", ["budget", "this run", "verdict"])
    for verdict in verdicts:
        table.add(verdict.budget, verdict.figure, "met" if verdict.met else "MISSED")
    return table


def _text_table(table: Table) -> list[str]:
    widths = [len(c) for c in table.columns]
    for row in table.rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    numeric = [all(_is_number(row[i]) for row in table.rows) for i in range(len(widths))]

    def line(cells: list[str]) -> str:
        parts = [
            cell.rjust(w) if num else cell.ljust(w)
            for cell, w, num in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [f"== {table.title}"]
    if table.note:
        out.append(table.note)
    out += [line(table.columns), line(["-" * w for w in widths])]
    out += [line(row) for row in table.rows]
    return out


def _markdown_table(table: Table, level: int) -> list[str]:
    numeric = [
        bool(table.rows) and all(_is_number(row[i]) for row in table.rows)
        for i in range(len(table.columns))
    ]
    out = [f"{'#' * level} {table.title}", ""]
    if table.note:
        out += [table.note, ""]
    out.append("| " + " | ".join(table.columns) + " |")
    out.append("| " + " | ".join("---:" if num else "---" for num in numeric) + " |")
    for row in table.rows:
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return out


def _is_number(cell: str) -> bool:
    text = cell.strip().removesuffix("%").removesuffix("×").replace(",", "")
    try:
        float(text)
    except ValueError:
        return cell.strip() in ("", "–")
    return True
