// SPDX-License-Identifier: GPL-3.0-or-later
// What the Relations workspace reasons about, in plain C++ (no torch, no Qt): boxes in pixels as
// [x1, y1, x2, y2] (continuous coordinates: a box covering pixel columns 0..9 is x1 = 0, x2 = 10),
// the objects of an image, and (subject, predicate, object) triplets over them.
#pragma once

#include <string>
#include <vector>

namespace periscope::relations {

struct Box {
    double x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0;
    double width() const { return x2 - x1; }
    double height() const { return y2 - y1; }
    double area() const { return width() * height(); }
    double centreX() const { return 0.5 * (x1 + x2); }
    double centreY() const { return 0.5 * (y1 + y2); }
    bool isValid() const; // finite, with positive width and height
};

// Intersection over union, 0 when either box is empty (as torchvision's box_iou, without its NaN).
double boxIou(const Box &a, const Box &b);
// The smallest box holding both (a phrase's box).
Box boxUnion(const Box &a, const Box &b);

struct RelationObject {
    Box box;
    int category = 0;   // index into the dataset's object classes
    double score = 1.0; // the detector's confidence; 1 for boxes from the ground truth or drawn by hand
};

struct RelationTriplet {
    int subject = 0;   // index into the image's objects
    int predicate = 0; // index into the dataset's predicate classes
    int object = 0;
    double score = 0.0; // for predictions: the explanation's ranking score
};

// One image of a relations dataset: its objects (the graph's nodes) and, where known, the true
// triplets over objects of `truthObjects` (the ground truth's boxes, which may differ from the
// graph's when the boxes come from a detector).
struct RelationImage {
    std::string name;      // the image's file name
    std::string imagePath; // absolute
    int width = 0, height = 0;
    std::vector<RelationObject> objects;
    std::vector<RelationObject> truthObjects;
    std::vector<RelationTriplet> truth;
};

} // namespace periscope::relations
