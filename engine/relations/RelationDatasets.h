// SPDX-License-Identifier: GPL-3.0-or-later
// Relation datasets in their published layouts, as plain data (no torch, no Qt). Only the
// annotations are parsed; images are decoded by whoever needs their pixels (sizes the
// annotations do not give stay 0 until then). Every file an annotation names is looked up inside
// the dataset's folder only.
//   scenes    our generated scenes (scenes --relations): scenes.json with boxes and triplets;
//             older scene folders get their triplets from the 3-D layout
//   vrd       Lu et al. 2016 (json_dataset/): annotations_{train,test}.json mapping an image file
//             to relationships {predicate, subject, object}, each side {category, bbox [ymin,
//             ymax, xmin, xmax]}; objects.json and predicates.json name the classes; images in
//             sg_dataset/sg_{train,test}_images/
//   hico-det  the JSON most HOI code uses (annotations/{trainval,test}_hico.json): a list of
//             {file_name, annotations [{bbox [x1, y1, x2, y2], category_id}], hoi_annotation
//             [{subject_id, object_id, category_id}]}; object ids are COCO's (person = 1), verb
//             ids 1-117; images in images/{train2015,test2015}/
// Boxes from a detector come as COCO results (see readDetections).
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/relations/RelationTypes.h"

#include <string>
#include <vector>

namespace periscope::relations {

struct RelationDataset {
    std::string root;
    std::string kind;                          // "scenes", "vrd", "hico-det"
    std::string split;                         // the split read ("test", "train", ...); empty for scenes
    std::vector<std::string> objectClasses;    // names, indexed by RelationObject::category
    std::vector<std::string> predicateClasses; // names, indexed by RelationTriplet::predicate
    std::vector<std::string> subjectClasses;   // classes whose objects may be subjects (HOI: person); empty: any
    std::vector<RelationImage> images;         // objects = truthObjects (the ground truth's boxes)
    std::string note;                          // what was skipped and why; empty when nothing was

    // A 0/1 vector over predicateClasses: the image-level label of image i.
    std::vector<int> predicateLabel(std::size_t i) const;
};

// Which layout `folder` holds ("scenes", "vrd", "hico-det"), or empty.
std::string recogniseRelationFolder(const std::string &folder);

// Reads any of the layouts above; `split` picks VRD's and HICO-DET's ("test" by default).
// Throws periscope::Error with a one-line reason when the folder holds no usable image.
RelationDataset readRelationDataset(const std::string &folder, const std::string &split = {}, const JobControl &job = {});

struct DetectionReport {
    int detections = 0, matchedImages = 0, unknownImages = 0, unknownCategories = 0, belowThreshold = 0;
};

// Replaces the objects of the dataset's images by a detector's boxes, from a file in COCO's
// results format: [{image_id, category_id, bbox [x, y, w, h], score}, ...]. An image_id matches
// an image by file name or stem (a string), or by the number its file stem spells (COCO's and
// HICO-DET's file names end in the image number); category_id is a class index of the dataset,
// or for hico-det a COCO id, or a class name. Detections under `minScore` are dropped, and at
// most `maxPerImage` (the best) kept. The truth keeps its own boxes. Images without a detection
// are left with no objects.
DetectionReport readDetections(const std::string &file, RelationDataset &dataset, double minScore = 0.0, int maxPerImage = 100);

} // namespace periscope::relations
