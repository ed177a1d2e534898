#!/usr/bin/env python3
"""Each addon's page in Odoo's Apps: ``static/description/index.html`` made from its ``readme/``.

Odoo shows ``static/description/index.html`` as a module's description (without it, and without
a README, the Apps page is blank). The page is the manifest's name and summary, then the
DESCRIPTION, CONFIGURE and USAGE fragments (Markdown) in that order.

``readme.py``          write the pages of every addon;
``readme.py --check``  write nothing; list the pages that are missing or differ from their readme
                       (pre-commit runs this).
"""

import html
import sys

import markdown
from odoo_env import ROOT, read_manifest

SECTIONS = (("DESCRIPTION.md", "Description"), ("CONFIGURE.md", "Configuration"), ("USAGE.md", "Usage"))
PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>{name}</title>
</head>
<body>
<!-- Made by tools/readme.py from readme/*.md: edit those, then run it. -->
<h1>{name}</h1>
<p><strong>{summary}</strong></p>
<p>Version {version}, license {license}.</p>
{sections}
</body>
</html>
"""


def render(addon):
    """The page of ``addon`` (a folder with a manifest and readme fragments)."""
    manifest = read_manifest(addon)
    sections = []
    for file_name, title in SECTIONS:
        fragment = addon / "readme" / file_name
        if fragment.is_file():
            body = markdown.markdown(fragment.read_text(encoding="utf-8"), extensions=["tables", "sane_lists"])
            # The fragments show images from static/description/, where the page itself is.
            body = body.replace('src="../static/description/', 'src="')
            sections.append(f"<h2>{title}</h2>\n{body}")
    return PAGE.format(
        name=html.escape(manifest["name"]),
        summary=html.escape(manifest.get("summary", "")),
        version=html.escape(manifest["version"]),
        license=html.escape(manifest["license"]),
        sections="\n".join(sections),
    )


def main(argv):
    check = "--check" in argv
    stale = []
    for manifest in sorted(ROOT.glob("*/__manifest__.py")):
        addon = manifest.parent
        page = addon / "static" / "description" / "index.html"
        text = render(addon)
        if page.is_file() and page.read_text(encoding="utf-8") == text:
            continue
        if check:
            stale.append(f"{page.relative_to(ROOT)} is missing or out of date: run .venv/bin/python tools/readme.py")
        else:
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
            print(f"wrote {page.relative_to(ROOT)}")
    for line in stale:
        print(line)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
