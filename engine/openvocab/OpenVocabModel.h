// SPDX-License-Identifier: GPL-3.0-or-later
// The Open-vocabulary pipeline behind one torch-free interface for the CLI and the workspace:
// load dino.txt (a DINOv2 backbone, the vision head, the text encoder and CLIP's vocabulary),
// embed prompts (optionally through CLIP's ImageNet templates), and analyse an image: its
// embedding, the zero-shot probabilities of the prompts, and the dense similarity of every pixel
// to every prompt as the dino.txt notebook computes it (the head's patch tokens upsampled
// bicubically to the image, normalised per pixel, dotted with the normalised patch half of each
// text embedding), with the arg-max segmentation and a background threshold.
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/openvocab/PromptTemplates.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace periscope::openvocab {

struct OpenVocabFiles {
    std::string backbone;    // DINOv2 (dinov2_vitl14_reg4_pretrain.pth or any size)
    std::string visionHead;  // dino.txt's vision head (..._vision_head.pth)
    std::string textEncoder; // dino.txt's text encoder (..._text_encoder.pth)
    std::string vocabulary;  // CLIP's bpe_simple_vocab_16e6.txt.gz
};

struct OpenVocabLoadOptions {
    DevicePreference device = DevicePreference::Auto;
    // Keep the matrices in bfloat16 and run under bf16 autocast: half the memory (ViT-L/14 and
    // the text encoder: 3.1 GB in fp32, 1.6 GB), at bf16's 8 significant bits. A small model
    // (3 MB) ignores it and says fp32 in describe().
    bool bf16 = false;
};

// The text side of an analysis: one embedding per prompt.
struct PromptSet {
    std::vector<std::string> prompts;
    PromptTemplates templates = PromptTemplates::None;
    int width = 0;                                 // E, the embedding's width (twice the vision width)
    std::vector<float> embeddings;                 // [prompts, E]: each the normalised mean of its variants' normalised embeddings
    std::vector<std::vector<std::int64_t>> tokens; // the first variant's token ids, to show what a prompt became
    // Per prompt, the words a small model never saw (they all read as one unknown word); empty
    // lists for the released model, whose byte pairs cover any text.
    std::vector<std::vector<std::string>> unknownWords;

    const float *embedding(int prompt) const { return embeddings.data() + std::size_t(prompt) * std::size_t(width); }
};

struct OpenVocabOptions {
    // The longer side the network sees (the image is resized, its sides rounded to the patch);
    // 448 is a 32-patch grid at patch 14. A small model ignores it: the Slots ViT takes one size,
    // the whole image squeezed to its square input.
    int inputSide = 448;
    // The longer side of the similarity maps and the segmentation (the image's own when smaller).
    int mapSide = 1024;
    // A pixel whose best cosine similarity is below this is background (label -1); -1, the
    // lowest cosine, keeps every pixel.
    double background = -1.0;
    // Zero-shot probabilities are softmax(logitScale * cosine), CLIP's scale of 100.
    double logitScale = 100.0;
    // The image embedding (and so the zero-shot ranking) from a second pass on DINOv2's
    // classification crop (shorter side 256, centred 224 x 224), as the notebook classifies,
    // instead of from the whole image at inputSide. Not for a small model (ignored).
    bool zeroShotCrop = false;
};

struct OpenVocabResult {
    int imageWidth = 0, imageHeight = 0; // the image analysed
    int inputWidth = 0, inputHeight = 0; // what the network saw
    int patchRows = 0, patchCols = 0;
    int mapWidth = 0, mapHeight = 0;     // the size of the maps below
    int width = 0;                       // E
    std::vector<float> imageEmbedding;   // [E], not normalised: [CLS] ‖ mean of the patch tokens (of the crop with zeroShotCrop)
    std::vector<float> zeroShot;         // [prompts] probabilities
    std::vector<float> zeroShotCosine;   // [prompts] cosine similarity of the image and each prompt
    std::vector<float> patchSimilarity;  // [prompts, rows * cols] cosine of each patch token with each prompt's patch half
    std::vector<float> pixelSimilarity;  // [prompts, mapHeight * mapWidth], the notebook's dense similarity
    std::vector<int> labels;             // [mapHeight * mapWidth]: the best prompt, or -1 for background
    std::vector<double> coverage;        // [prompts] the fraction of pixels labelled with each prompt

    int promptCount() const { return int(zeroShot.size()); }
    const float *similarityMap(int prompt) const { return pixelSimilarity.data() + std::size_t(prompt) * std::size_t(mapWidth) * std::size_t(mapHeight); }
    // Each prompt's similarity at a map pixel, for ranking the prompts there.
    std::vector<float> similarityAt(int x, int y) const;
    // Labels and coverage again from pixelSimilarity at another background threshold: each pixel
    // takes the first prompt of highest similarity, or -1 when that is below `background`.
    void relabel(double background);
};

class OpenVocabModel {
public:
    // Reads every file (weights memory-mapped, loaded strictly by their released names), builds
    // the towers from the tensors' shapes and puts them on the device. Cancellable between files
    // and tensors; progress in [0, 1]. Throws periscope::Error naming the file that does not fit.
    static std::shared_ptr<OpenVocabModel> load(const OpenVocabFiles &files, const OpenVocabLoadOptions &options = {}, const JobControl &job = {});

    // The small dino.txt trained here (SmallDinoTxt.h): its weights file and the Slots model it
    // was trained on, whose SHA-256 must be the one the weights name. Throws periscope::Error.
    static std::shared_ptr<OpenVocabModel> loadSmall(const std::string &weights, const std::string &backbone, const OpenVocabLoadOptions &options = {},
                                                     const JobControl &job = {});
    // The backbone a small model's file names (a built-in Slots model's name or a file name in
    // the same folder); empty when the file is not a small dino.txt. Throws Error when unreadable.
    static std::string smallModelBackbone(const std::string &weights);

    PromptSet embedPrompts(const std::vector<std::string> &prompts, PromptTemplates templates, const JobControl &job = {}) const;
    // An RGB (or gray) image, 8-bit or float in [0, 1]. Throws Error on an empty prompt set.
    OpenVocabResult analyse(const Image &image, const PromptSet &prompts, const OpenVocabOptions &options = {}, const JobControl &job = {}) const;

    int patchSize() const;
    // The background threshold the model was tuned with (a small model chooses one on its
    // validation scenes); NaN when it has none.
    double suggestedBackground() const;
    bool isSmall() const;
    int embeddingWidth() const;
    std::int64_t parameterCount() const;
    std::string describe() const; // "dino.txt: DINOv2 ViT 1024 wide, 24 blocks, 4 registers; text 1280 wide, 24 blocks · CPU · fp32"

    struct Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace periscope::openvocab
