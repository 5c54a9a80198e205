// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/SceneWords.h"

#include <cstring>

namespace periscope::app {

namespace {

constexpr const char *kContext = "periscope::app::SceneWords";

struct Translatable {
    const char *source;
    const char *comment;
};

struct Word {
    const char *key;
    const char *shape; // the noun an adjective agrees with; nullptr: any
    Translatable text;
};

// Adjectives are listed per shape: languages that inflect them by the noun's gender (Italian:
// "sfera piccola", "cubo piccolo") translate each one for its noun.
const Word kWords[] = {
    {"sphere", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "sphere", "a CLEVR shape")},
    {"cube", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "cube", "a CLEVR shape")},
    {"cylinder", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "cylinder", "a CLEVR shape")},
    {"metal", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "metal", "a CLEVR material")},
    {"rubber", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "rubber", "a CLEVR material")},
    {"on", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "on", "a relation: A on B")},
    {"touching", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "touching", "a relation: A touching B")},
    {"near", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "near", "a relation: A near B")},
    {"same_color", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "same color", "a relation: A has the same colour as B")},
    {"same_shape", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "same shape", "a relation: A has the same shape as B")},
    {"same_material", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "same material", "a relation: A has the same material as B")},
    {"larger_than", nullptr, QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "larger than", "a relation: A larger than B")},
    {"small", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "small", "the size of a sphere")},
    {"large", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "large", "the size of a sphere")},
    {"gray", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "gray", "the colour of a sphere")},
    {"red", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "red", "the colour of a sphere")},
    {"blue", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "blue", "the colour of a sphere")},
    {"green", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "green", "the colour of a sphere")},
    {"brown", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "brown", "the colour of a sphere")},
    {"purple", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "purple", "the colour of a sphere")},
    {"cyan", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "cyan", "the colour of a sphere")},
    {"yellow", "sphere", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "yellow", "the colour of a sphere")},
    {"small", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "small", "the size of a cube")},
    {"large", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "large", "the size of a cube")},
    {"gray", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "gray", "the colour of a cube")},
    {"red", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "red", "the colour of a cube")},
    {"blue", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "blue", "the colour of a cube")},
    {"green", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "green", "the colour of a cube")},
    {"brown", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "brown", "the colour of a cube")},
    {"purple", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "purple", "the colour of a cube")},
    {"cyan", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "cyan", "the colour of a cube")},
    {"yellow", "cube", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "yellow", "the colour of a cube")},
    {"small", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "small", "the size of a cylinder")},
    {"large", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "large", "the size of a cylinder")},
    {"gray", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "gray", "the colour of a cylinder")},
    {"red", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "red", "the colour of a cylinder")},
    {"blue", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "blue", "the colour of a cylinder")},
    {"green", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "green", "the colour of a cylinder")},
    {"brown", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "brown", "the colour of a cylinder")},
    {"purple", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "purple", "the colour of a cylinder")},
    {"cyan", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "cyan", "the colour of a cylinder")},
    {"yellow", "cylinder", QT_TRANSLATE_NOOP3("periscope::app::SceneWords", "yellow", "the colour of a cylinder")},
};

// The entry for `key`; `shape` picks an adjective's form (nullptr: a word that agrees with none).
const Word *find(const std::string &key, const char *shape = nullptr)
{
    for (const Word &word : kWords) {
        const bool sameShape = shape ? word.shape && std::strcmp(word.shape, shape) == 0 : word.shape == nullptr;
        if (sameShape && key == word.key)
            return &word;
    }
    return nullptr;
}

// The word in the interface language; unknown: as it is.
QString say(const std::string &key, const char *shape = nullptr)
{
    const Word *word = find(key, shape);
    return word ? QCoreApplication::translate(kContext, word->text.source, word->text.comment) : QString::fromStdString(key);
}

bool isShape(const std::string &shape)
{
    return shape == "sphere" || shape == "cube" || shape == "cylinder";
}

} // namespace

QString SceneWords::shape(const std::string &shape)
{
    return say(shape);
}

QString SceneWords::predicate(const std::string &predicate)
{
    return say(predicate);
}

QString SceneWords::object(const std::string &size, const std::string &color, const std::string &material, const std::string &shape)
{
    // Another dataset's words: as the data says them, in the data's order (half a translation
    // would put an English noun into a Swedish or Italian phrase).
    const bool known = isShape(shape) && find(size, shape.c_str()) && find(color, shape.c_str()) && find(material);
    if (!known)
        return QString::fromStdString(size + " " + color + " " + material + " " + shape).simplified();
    //: An object: %1 its size, %2 its colour, %3 its material, %4 its shape ("large red metal sphere").
    return tr("%1 %2 %3 %4").arg(say(size, shape.c_str()), say(color, shape.c_str()), say(material), say(shape));
}

} // namespace periscope::app
