// SPDX-License-Identifier: GPL-3.0-or-later
// The words of the built-in scenes (CLEVR's shapes, sizes, colours and materials, and the scene
// relations' predicates) as the interface language says them (#23: "small gray metal cube" stayed
// English in Swedish and Italian). A word these scenes do not have (a dataset's or a model's own
// classes) is shown as it is. Files and the command line keep the words as the data has them.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

namespace periscope::app {

class SceneWords {
    Q_DECLARE_TR_FUNCTIONS(periscope::app::SceneWords)
public:
    // "sphere", "cube", "cylinder": an object class.
    static QString shape(const std::string &shape);
    // "same_color" → "same color" in English; "on", "near", ...
    static QString predicate(const std::string &predicate);
    // One object: "large red metal sphere", in the order and agreement the language needs.
    static QString object(const std::string &size, const std::string &color, const std::string &material, const std::string &shape);
};

} // namespace periscope::app
