"""Edits a workbook the way a second program would (openpyxl), for the importer's round-trip tests.

usage: xlsx_edit.py SRC DST EDITS_JSON
EDITS_JSON: [{"sheet": name|null, "row": text found in the row, "column": header text, "value": ...}]
value: a number, a string, {"formula": "=A1*2"}, {"date": "2022-03-05"}, {"number": 0.97, "format": "0%"},
or null (clear).
A header or row text matches a cell whose text, without whitespace, equals it.
"""
import datetime
import json
import re
import sys

import openpyxl


def squash(v):
    return re.sub(r"\s+", "", str(v)) if v is not None else ""


def main():
    src, dst, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    wb = openpyxl.load_workbook(src)
    for e in edits:
        ws = wb[e["sheet"]] if e.get("sheet") else wb.worksheets[0]
        header = col = None
        for row in ws.iter_rows(min_row=1, max_row=40):
            for c in row:
                if squash(c.value) == squash(e["column"]):
                    header, col = c.row, c.column
                    break
            if header:
                break
        if not header:
            sys.exit("header not found: " + e["column"])
        target = None
        for row in ws.iter_rows(min_row=header + 1):
            if any(squash(c.value) == squash(e["row"]) for c in row):
                target = row[0].row
                break
        if not target:
            sys.exit("row not found: " + e["row"])
        v = e["value"]
        cell = ws.cell(row=target, column=col)
        if isinstance(v, dict) and "number" in v:
            cell.number_format = v["format"]
            v = v["number"]
        elif isinstance(v, dict) and "formula" in v:
            v = v["formula"]
        elif isinstance(v, dict) and "date" in v:
            v = datetime.datetime.fromisoformat(v["date"])
        cell.value = v
    wb.save(dst)


main()
