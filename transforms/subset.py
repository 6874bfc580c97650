"""Run costly expressions on the few rows that can need them.

Polars evaluates every branch of ``when/then`` on every row, so an expensive regex inside
``when(cheap_check)`` still reads all text. ``update_rows`` filters first, computes on the
subset and writes the results back in place.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl


def update_rows(
    frame: pl.DataFrame,
    mask: pl.Expr,
    update: Callable[[pl.DataFrame], pl.DataFrame],
    columns: list[str] | None = None,
) -> pl.DataFrame:
    """``frame`` with the rows where ``mask`` holds replaced by ``update(those rows)``.

    ``update`` returns the same rows, in the same order, with some columns changed or
    added; an added column is null on the other rows. ``columns``, when given, are the
    only ones ``update`` sees (copying a wide frame's rows costs more than the update).

    >>> frame = pl.DataFrame({"text": ["a<b>", "plain"], "n": [0, 0]})
    >>> update_rows(frame, pl.col("text").str.contains("<", literal=True),
    ...             lambda rows: rows.with_columns(n=pl.lit(1), flag=pl.lit(True))).rows()
    [('a<b>', 1, True), ('plain', 0, None)]
    """
    selected = frame.select(mask.fill_null(False)).to_series()
    updated = update((frame.select(columns) if columns else frame).filter(selected))
    positions = selected.arg_true()
    merged = []
    for name in updated.columns:
        new = updated[name]
        if name in frame.columns:
            base = frame[name].cast(new.dtype)
        else:
            base = pl.Series(name, [None] * frame.height, dtype=new.dtype)
        merged.append(base.scatter(positions, new) if len(positions) else base)
    return frame.with_columns(merged)


def shift_in_page(expression: pl.Expr, offset: int, page: str = "_page") -> pl.Expr:
    """``expression`` of the row ``offset`` rows earlier (later when negative) in the same
    page, null across a page boundary. ``page`` is an integer column that is constant
    over each page's contiguous rows: a masked shift costs a fraction of ``over()``.

    >>> frame = pl.DataFrame({"_page": [0, 0, 1], "x": [1, 2, 3]})
    >>> frame.select(shift_in_page(pl.col("x"), 1))["x"].to_list()
    [None, 1, None]
    """
    same_page = pl.col(page).shift(offset) == pl.col(page)
    return pl.when(same_page).then(expression.shift(offset))


def page_number(document: str = "document_id") -> pl.Expr:
    """The ``_page`` column for :func:`shift_in_page` and ``over("_page")``: one integer per
    run of a document's rows. Frames hold each document's rows together; a frame made by
    concatenating others must be numbered again."""
    return pl.col(document).rle_id().alias("_page")
