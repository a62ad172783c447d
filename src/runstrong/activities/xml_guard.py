"""XML from a person's files, parsed with the standard library behind defusedxml: a file that
declares entities (the "billion laughs" bomb) or points at external ones is refused, not
expanded."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from runstrong.activities.model import NotAnActivity


def parse_xml(data: bytes, what: str) -> Element:
    # Strava writes its TCX files with spaces before the XML declaration, which parsers refuse.
    try:
        return fromstring(data.lstrip())
    except DefusedXmlException:
        raise NotAnActivity(
            f"not read: the {what} declares XML entities (a file could expand without end)"
        ) from None
    except (ParseError, ValueError, LookupError) as error:
        # LookupError: an encoding Python does not know ("URF-8" in a damaged declaration).
        raise NotAnActivity(f"not a readable {what} file ({error})") from None


def local_name(element: Element) -> str:
    """A tag without its namespace: GPX and TCX come in several schema versions."""
    return element.tag.rsplit("}", 1)[-1]
