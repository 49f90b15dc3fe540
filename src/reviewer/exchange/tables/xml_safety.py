"""Refusing workbooks whose XML declares a document type.

An .xlsx is a zip of XML parts. Spreadsheet programs never write a document type
declaration (DTD) into them; one that does may carry an entity bomb ("billion laughs")
or an external entity that reads local files. The parts' prologs are read with
``defusedxml`` (DTDs forbidden) before the workbook reader sees the file, so such a
workbook is refused with a message of its own instead of being expanded — whatever the
reader underneath would do with it. openpyxl, which writes the reports, parses through
defusedxml by itself whenever it is installed (``openpyxl.xml.DEFUSEDXML``).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

XML_PARTS = (".xml", ".rels", ".vml")


def unsafe_xml_part(path: Path) -> str | None:
    """The first XML part of the workbook at ``path`` that declares a DTD, or None.

    Only each part's prolog is read (up to its root element). A file that is not a zip,
    or a part that is not well-formed, is left to the workbook reader to report."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    with archive:
        for info in archive.infolist():
            if not info.filename.lower().endswith(XML_PARTS):
                continue
            try:
                with archive.open(info) as stream:
                    for _event in iterparse(stream, events=("start",), forbid_dtd=True):
                        break
            except DefusedXmlException:
                return info.filename
            except (ParseError, zipfile.BadZipFile, RuntimeError, OSError, EOFError, zlib.error):
                continue
    return None
