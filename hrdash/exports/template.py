"""Slide templates: the default 16:9 presentation, or an organisation's .pptx / .potx whose slide layouts, theme,
fonts and slide size every deck then uses.

Layouts are found by name (a template's "Title Slide", "Title Only", "Title and Content", also in the usual
variants), with a fallback by their placeholders, so a template with renamed or missing layouts still works. A
template's own slides are removed: the deck has only its own.
"""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, when no template gives a size
TITLE, TITLE_ONLY, CONTENT = "title", "title only", "content"
NAMES = {
    TITLE: ("title slide", "cover", "titre", "title"),
    TITLE_ONLY: ("title only", "titre seul", "title", "blank"),
    CONTENT: ("title and content", "title, content", "content"),
}
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


class TemplateError(ValueError):
    """A file given as a slide template that is not a PowerPoint presentation or template."""


def default():
    """Return an empty 16:9 presentation on python-pptx's default template."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    return prs


def _as_presentation(data: bytes) -> bytes:
    """Return a .potx's bytes as a .pptx (the same package with the presentation's content type)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                body = z.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = types.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
                w.writestr(info, body)
        return out.getvalue()


def presentation(data: bytes):
    """Return an empty presentation on a template (the bytes of a .pptx or .potx); raise TemplateError if the bytes
    are not one."""
    try:
        prs = Presentation(io.BytesIO(_as_presentation(data)))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise TemplateError(
            f"the slide template is not a PowerPoint presentation or template (.pptx or .potx): {type(e).__name__}: {e}"
        ) from None
    except Exception as e:  # python-pptx raises several kinds on a package that is not a presentation
        raise TemplateError(f"the slide template could not be read as a PowerPoint file: {e}") from None
    ids = prs.slides._sldIdLst
    for slide_id in list(ids):  # the template's own slides are not part of the deck
        prs.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)
    return prs


def check(data: bytes) -> tuple[int, int]:
    """Return a template's slide size (EMU), or raise TemplateError if it is not a presentation or template."""
    prs = presentation(data)
    return int(prs.slide_width), int(prs.slide_height)


_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


def _kinds(layout) -> set:
    return {p.placeholder_format.type for p in layout.placeholders}


def layout(prs, kind: str):
    """Return the presentation's slide layout of a kind, by name first, else by its placeholders."""
    layouts = list(prs.slide_layouts)
    names = [(lay.name or "").strip().lower() for lay in layouts]
    for wanted in NAMES[kind]:  # in order of preference: "Title Only", then one named "UN Title Only"
        for same in (str.__eq__, lambda name, wanted: wanted in name):
            for lay, name in zip(layouts, names):
                if same(name, wanted) and (kind == TITLE or _kinds(lay) & _TITLES or wanted == "blank"):
                    return lay
    titled = [lay for lay in layouts if _kinds(lay) & _TITLES]
    if kind == TITLE:
        centred = [lay for lay in titled if PP_PLACEHOLDER.CENTER_TITLE in _kinds(lay)]
        return (centred or titled or layouts)[0]
    # the titled layout with the fewest other placeholders (nothing empty left on the slide)
    return min(titled or layouts, key=lambda lay: len(lay.placeholders))
