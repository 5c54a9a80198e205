// SPDX-License-Identifier: GPL-3.0-or-later
// The Relations figure: an image with its objects' boxes and the relationship graph drawn over it
// (an arrow from subject to object per triplet, coloured by predicate, or for one chosen
// predicate by whether it matches the ground truth, its width the pair's relevance; a chosen
// predicate's node relevance fills the boxes), and the list of triplets beside it. The
// workspace's view, its Export Figure and `periscope-cli relations --figures` all start from
// relationFigure(), so they show the same edges in the same colours.
#pragma once

#include "app/figures/Figure.h"
#include "engine/relations/RelationModel.h"
#include "engine/relations/RelationRun.h"

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>

#include <memory>

namespace periscope::app {

// A predicate's colour, the same in the view, the list and every figure.
QColor predicateColor(int predicate);
// For one chosen predicate: a predicted triplet that matches the truth, one that does not, and a
// true triplet not recalled in the first kRecallShown.
QColor hitColor();
QColor falseColor();
QColor missedColor();
// The K of "recalled" in the view and the figures: the paper's smallest recall@K is 50, ours
// starts at 20 (an image holds at most a few dozen true triplets).
constexpr int kRecallShown = 20;
// Triplets drawn over the image when no predicate is chosen: more make a hairball.
constexpr int kGraphTriplets = 8;

struct RelationFigureObject {
    QRectF box;              // image pixels
    QString label;           // "2 cube"
    double relevance = -1.0; // 0..1 for the chosen predicate; < 0: not shown
};

struct RelationFigureEdge {
    QPointF from, to;        // box centres, image pixels
    QString label;           // the predicate(s)
    QColor color;
    double weight = 1.0;     // 0..1: line width from thin to thick
    bool dashed = false;     // a true triplet that was not recalled
};

struct RelationFigureLine {
    QString text;
    QColor color;
};

struct RelationFigure {
    QString title;                       // the image's name, the predicate, the model
    QImage image;                        // RGB
    QRectF focus;                        // the part of the image the figure shows: the objects with a margin
    QVector<RelationFigureObject> objects;
    QVector<RelationFigureEdge> edges;   // unlabelled: arrows' labels piled up over small objects
    QVector<RelationFigureLine> legend;  // what the arrows' colours mean
    QString listTitle;
    QVector<RelationFigureLine> lines;   // the triplets, best first, then the missed truths
};

// A class's or predicate's name as the interface says it (SceneWords; other datasets' words as
// they are); "#K" for an index the model does not name.
QString relationClassName(const std::vector<std::string> &objectClasses, int category);
QString relationPredicateName(const std::vector<std::string> &predicateClasses, int predicate);
// "cube 2": an object's name in captions and lists (category, then its index in the image).
QString relationObjectName(const relations::RelationImage &image, const relations::RelationModelInfo &model, int object, bool truth = false);

// What to draw of one analysed image: with `predicate` < 0 its top kGraphTriplets triplets in
// their predicates' colours; with a predicate, its triplets (hits and false ones where a truth
// exists) with the node relevance of that predicate and its true triplets that were not
// recalled. `image` may be null (no pixels drawn).
RelationFigure relationFigure(const QImage &image, const relations::ImageRelationResult &result,
                              const relations::RelationModelInfo &model, int predicate);

std::unique_ptr<FigurePanel> relationGraphPanel(const RelationFigure &figure);
std::unique_ptr<FigurePanel> relationListPanel(const RelationFigure &figure);

// Both panels side by side (PNG, SVG or PDF by the suffix); the caption is the figure's title
// unless options give one.
bool exportRelationFigure(const RelationFigure &figure, FigureOptions options, const QString &path, QString *error);

} // namespace periscope::app
