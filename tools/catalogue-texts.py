#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/catalogue-texts.py: writes app/models/CatalogueTexts.cpp, the texts of the model catalogue
# (resources/models/catalogue.json: each model's task, architecture, input and licence) as
# QT_TRANSLATE_NOOP entries, so that lupdate puts them in the translations and the Models dialog
# and model choosers say them in the interface language. Run it after changing those texts;
# tst_modelcatalogue fails while the two disagree.
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
catalogue = json.loads((root / "resources/models/catalogue.json").read_text(encoding="utf-8"))
texts = []
for model in catalogue["models"]:
    for key in ("task", "architecture", "input", "licence"):
        text = model.get(key, "")
        if text and text not in texts:
            texts.append(text)


def literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


lines = [
    "// SPDX-License-Identifier: GPL-3.0-or-later",
    "// Written by tools/catalogue-texts.py from resources/models/catalogue.json: do not edit by hand.",
    '#include "app/models/CatalogueTexts.h"',
    "",
    "namespace periscope::app {",
    "",
    "const char *const kCatalogueTexts[] = {",
]
lines += [f'    QT_TRANSLATE_NOOP("periscope::app::CatalogueTexts", {literal(t)}),' for t in texts]
lines += ["};", "const int kCatalogueTextCount = int(sizeof kCatalogueTexts / sizeof kCatalogueTexts[0]);", "", "} // namespace periscope::app", ""]
(root / "app/models/CatalogueTexts.cpp").write_text("\n".join(lines), encoding="utf-8")
print(f"catalogue-texts: {len(texts)} texts")
