"""Second reader for the xlsx exporter's tests: load a workbook with openpyxl and print what it sees as JSON.

Usage: python3 xlsx-openpyxl.py FILE.xlsx
Prints {"sheets": [{name, merged, printTitleRows, paperSize, orientation, fitToWidth, fitToHeight, oddFooterRight, evenFooterLeft,
freeze, cells: {"A1": {"value", "type", "numFmt"}}}]} with only non-empty cells.
"""
import json
import sys

import openpyxl


def sheet_info(ws):
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells[c.coordinate] = {
                "value": c.value,
                "type": "number" if isinstance(c.value, (int, float)) else type(c.value).__name__,
                "numFmt": c.number_format,
            }
    return {
        "name": ws.title,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "printTitleRows": ws.print_title_rows,
        "paperSize": ws.page_setup.paperSize,
        "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "oddFooterRight": ws.oddFooter.right.text,
        "evenFooterLeft": ws.evenFooter.left.text,
        "freeze": ws.freeze_panes,
        "cells": cells,
    }


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    props = wb.properties
    print(
        json.dumps(
            {
                "sheets": [sheet_info(ws) for ws in wb.worksheets],
                "properties": {
                    "creator": props.creator,
                    "title": props.title,
                    "created": props.created.isoformat() if props.created else None,
                },
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
