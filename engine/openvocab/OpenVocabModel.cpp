// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/OpenVocabModel.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/precision/PrecisionOps.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/openvocab/ClipTokenizer.h"
#include "engine/openvocab/DenseSimilarity.h"
#include "engine/openvocab/DinoTxtNets.h"
#include "engine/openvocab/SmallDinoTxt.h"
#include "engine/openvocab/WordVocabulary.h"
#include "engine/core/weights/Safetensors.h"

#include <algorithm>
#include <cmath>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif
#include <optional>
#include <set>

namespace periscope::openvocab {

struct OpenVocabModel::Impl {
    VisionTransformer backbone{nullptr};          // the released dino.txt: DINOv2
    std::optional<SlotVisionBackbone> slotBackbone; // the small one trained here: the Slots ViT
    SmallDinoTxt small{nullptr};                  // the small one's head and text encoder
    VisionHead head{nullptr};
    TextTower text{nullptr};
    std::optional<ClipTokenizer> tokenizer;       // the released text encoder's words
    std::optional<WordVocabulary> words;          // the small one's
    double background = std::nan("");
    // A small model's embedding table holds only the words it learnt: CLIP id -> row, the last
    // row for every other id. Empty for the released encoder, whose rows are CLIP's ids.
    torch::Tensor rowOfId;
    torch::Device device = torch::kCPU;
    DeviceInfo deviceInfo;
    bool bf16 = false;
};

namespace {
// ImageNet's mean and std, which DINOv2 and dino.txt normalise with.
constexpr float kMean[3] = {0.485f, 0.456f, 0.406f};
constexpr float kStd[3] = {0.229f, 0.224f, 0.225f};

// Makes a module's tensors the file's own, part by part: on the CPU in the same dtype each becomes
// a view of the memory-mapped file (a 1.2 GB backbone costs no copy); in bf16 the matrices are
// converted and the vectors (norms, biases, LayerScale) kept in float32. Each part must fit
// exactly (every name and shape); finish() checks that no tensor of the file was left over.
// A converted tensor's source is not needed again: tell the kernel its pages can go. For the
// memory-mapped file (clean file pages) they are dropped from this process's resident memory and
// read again only if touched; for anything else MADV_PAGEOUT is at most a hint to swap.
void releasePages(const torch::Tensor &source)
{
#if defined(__linux__) && defined(MADV_PAGEOUT)
    if (!source.device().is_cpu() || source.nbytes() == 0)
        return;
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(source.data_ptr());
    const std::uintptr_t first = (begin + page - 1) / page * page, last = (begin + source.nbytes()) / page * page;
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_PAGEOUT);
#else
    (void)source;
#endif
}

class WeightAdopter {
public:
    WeightAdopter(const StateDict &weights, std::string file, std::string what, const torch::Device &device, bool bf16, JobControl job)
        : m_weights(weights), m_file(std::move(file)), m_what(std::move(what)), m_device(device), m_bf16(bf16), m_job(std::move(job))
    {
    }

    // The module's tensors, named under `prefix` in the file.
    void adopt(torch::nn::Module &module, const std::string &prefix = {})
    {
        LoadReport report;
        for (const auto &[name, tensor] : stateDictOf(module, prefix)) {
            const torch::Tensor *found = findTensor(m_weights, name);
            if (!found)
                report.missing.push_back(name);
            else if (found->sizes() != tensor.sizes())
                report.mismatched.push_back({name, tensor.sizes().vec(), found->sizes().vec()});
        }
        if (!report.isComplete())
            fail(report);
        torch::NoGradGuard noGrad;
        const auto take = [&](const std::string &name, torch::Tensor &target) {
            m_job.throwIfCancelled();
            const torch::Tensor &source = *findTensor(m_weights, prefix + name);
            const c10::ScalarType type =
                !source.is_floating_point() ? source.scalar_type() : (m_bf16 && source.dim() >= 2 ? torch::kBFloat16 : torch::kFloat);
            const torch::Tensor adopted = source.to(m_device, type);
            if (adopted.data_ptr() != source.data_ptr())
                releasePages(source);
            target.set_data(adopted);
            m_used.insert(prefix + name);
            m_job.reportProgress(double(m_used.size()) / double(std::max<std::size_t>(1, m_weights.size())));
        };
        for (auto &item : module.named_parameters(true))
            if (!m_used.count(prefix + item.key()))
                take(item.key(), item.value());
        for (auto &item : module.named_buffers(true))
            if (!m_used.count(prefix + item.key()))
                take(item.key(), item.value());
        module.eval();
#ifdef __GLIBC__
        // The random initialisation just replaced goes back to the system now: glibc keeps freed
        // blocks of this size in its heap and did not reuse them for the next block (measured:
        // ViT-L's 24 blocks one by one grew the peak by 750 MB without this, by 45 MB with it).
        malloc_trim(0);
#endif
    }

    void finish() const
    {
        LoadReport report;
        for (const auto &[name, tensor] : m_weights)
            if (!m_used.count(name))
                report.unexpected.push_back(name);
        if (!report.isComplete())
            fail(report);
    }

private:
    [[noreturn]] void fail(const LoadReport &report) const { throw Error(m_file + " does not fit " + m_what + ": " + report.summary()); }

    const StateDict &m_weights;
    std::string m_file, m_what;
    torch::Device m_device;
    bool m_bf16;
    JobControl m_job;
    std::set<std::string> m_used;
};

int roundToPatch(double side, int patch)
{
    return std::max(patch, int(std::lround(side / double(patch))) * patch);
}

std::vector<float> toVector(const torch::Tensor &t)
{
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// The tensors under `prefix`, without it.
StateDict withPrefix(const StateDict &weights, const std::string &prefix)
{
    StateDict out;
    for (const auto &[name, tensor] : weights)
        if (name.compare(0, prefix.size(), prefix) == 0)
            out.emplace_back(name.substr(prefix.size()), tensor);
    return out;
}

std::vector<std::string> splitSpaces(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = std::min(text.find(' ', begin), text.size());
        if (end > begin)
            out.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return out;
}
} // namespace

std::string OpenVocabModel::smallModelBackbone(const std::string &weights)
{
    const SafetensorsContents contents = readSafetensors(weights);
    if (metadataValue(contents.metadata, "architecture") != kSmallArchitecture)
        return {};
    const std::string backbone = metadataValue(contents.metadata, "backbone");
    if (backbone.empty())
        throw Error(weights + ": a small dino.txt must name its backbone (metadata \"backbone\")");
    return backbone;
}

std::shared_ptr<OpenVocabModel> OpenVocabModel::loadSmall(const std::string &weights, const std::string &backbone, const OpenVocabLoadOptions &options,
                                                          const JobControl &job)
{
    auto impl = std::make_shared<Impl>();
    impl->deviceInfo = selectDevice(options.device);
    impl->device = torch::Device(impl->deviceInfo.torchName());
    job.reportProgress(0.0, "reading " + weights);
    const SafetensorsContents contents = readSafetensors(weights);
    if (metadataValue(contents.metadata, "architecture") != kSmallArchitecture)
        throw Error(weights + " is not a small dino.txt: its metadata does not say architecture \"" + kSmallArchitecture + "\"");
    impl->words.emplace(splitSpaces(metadataValue(contents.metadata, "words")));
    job.throwIfCancelled();
    job.reportProgress(0.3, "reading " + backbone);
    impl->slotBackbone = SlotVisionBackbone::load(backbone, impl->device);
    const std::string pinned = metadataValue(contents.metadata, "backbone_sha256");
    if (!pinned.empty() && pinned != impl->slotBackbone->sha256())
        throw Error(weights + " was trained on another backbone than " + backbone + " (their SHA-256 differ)");

    const VisionHeadConfig head = visionHeadConfig(withPrefix(contents.tensors, "vision_head."), weights);
    const TextConfig text = textConfig(withPrefix(contents.tensors, "text_encoder."), weights);
    if (head.dim != impl->slotBackbone->dim())
        throw Error(weights + ": the vision head is " + std::to_string(head.dim) + " wide, and the backbone " + std::to_string(impl->slotBackbone->dim()));
    if (text.vocabulary < impl->words->rowCount())
        throw Error(weights + ": its token table has " + std::to_string(text.vocabulary) + " rows, and its word list needs " +
                    std::to_string(impl->words->rowCount()));
    if (text.embeddingWidth() != head.embeddingWidth())
        throw Error(weights + ": its text embeddings are " + std::to_string(text.embeddingWidth()) + " wide, and the image's " +
                    std::to_string(head.embeddingWidth()));
    impl->small = SmallDinoTxt(head, text);
    const LoadReport report = applyStateDict(*impl->small, contents.tensors, /*strict=*/false);
    if (!report.isComplete())
        throw Error(weights + " does not fit a small dino.txt: " + report.summary());
    impl->small->to(impl->device);
    impl->small->eval();
    impl->head = impl->small->vision_head;
    impl->text = impl->small->text_encoder;
    const std::string background = metadataValue(contents.metadata, "background");
    if (!background.empty()) {
        try {
            impl->background = std::stod(background);
        } catch (const std::exception &) {
            throw Error(weights + ": the metadata's background \"" + background + "\" is not a number");
        }
        if (!(impl->background >= -1.0 && impl->background <= 1.0))
            throw Error(weights + ": the metadata's background must be a cosine between -1 and 1");
    }
    job.reportProgress(1.0, "loaded");
    auto model = std::shared_ptr<OpenVocabModel>(new OpenVocabModel());
    model->m_impl = impl;
    return model;
}

std::shared_ptr<OpenVocabModel> OpenVocabModel::load(const OpenVocabFiles &files, const OpenVocabLoadOptions &options, const JobControl &job)
{
    auto impl = std::make_shared<Impl>();
    impl->deviceInfo = selectDevice(options.device);
    impl->device = torch::Device(impl->deviceInfo.torchName());
    impl->bf16 = options.bf16;
    job.reportProgress(0.0, "reading " + files.vocabulary);
    impl->tokenizer = ClipTokenizer::fromFile(files.vocabulary);

    job.throwIfCancelled();
    job.reportProgress(0.02, "reading " + files.backbone);
    {
        const StateDict weights = loadStateDict(files.backbone);
        // Built and loaded block by block: random initialisation of ViT-L at once is 1.2 GB.
        VitConfig config = dinoV2Config(weights, "", files.backbone);
        const std::int64_t depth = config.depth;
        config.depth = 0;
        impl->backbone = VisionTransformer(config);
        WeightAdopter adopter(weights, files.backbone, "a DINOv2 backbone", impl->device, options.bf16, job.subRange(0.05, 0.45));
        adopter.adopt(*impl->backbone);
        for (std::int64_t i = 0; i < depth; ++i) {
            impl->backbone->appendBlock();
            adopter.adopt(*impl->backbone->blocks[std::size_t(i)], "blocks." + std::to_string(i) + ".");
        }
        adopter.finish();
    }
    job.reportProgress(0.45, "reading " + files.visionHead);
    {
        const StateDict weights = loadStateDict(files.visionHead);
        const VisionHeadConfig config = visionHeadConfig(weights, files.visionHead);
        if (config.dim != impl->backbone->config().dim)
            throw Error(files.visionHead + ": the vision head is " + std::to_string(config.dim) + " wide, and the backbone " +
                        std::to_string(impl->backbone->config().dim));
        impl->head = VisionHead(config);
        WeightAdopter adopter(weights, files.visionHead, "a dino.txt vision head", impl->device, options.bf16, job.subRange(0.45, 0.55));
        adopter.adopt(*impl->head);
        adopter.finish();
    }
    job.reportProgress(0.55, "reading " + files.textEncoder);
    {
        StateDict weights = loadStateDict(files.textEncoder);
        // The small model's word list (vocabulary_ids: the CLIP ids it knows, in row order).
        const auto known = std::find_if(weights.begin(), weights.end(), [](const auto &item) { return item.first == "vocabulary_ids"; });
        if (known != weights.end()) {
            const torch::Tensor ids = known->second.to(torch::kLong);
            weights.erase(known);
            if (ids.dim() != 1 || (ids.numel() > 0 && (ids.min().item<std::int64_t>() < 0 || ids.max().item<std::int64_t>() >= std::int64_t(impl->tokenizer->vocabularySize()))))
                throw Error(files.textEncoder + ": \"vocabulary_ids\" must list CLIP token ids");
            impl->rowOfId = torch::full({std::int64_t(impl->tokenizer->vocabularySize())}, ids.numel(), torch::kLong);
            impl->rowOfId.index_put_({ids}, torch::arange(ids.numel()));
        }
        TextConfig config = textConfig(weights, files.textEncoder);
        const std::int64_t rowsNeeded = impl->rowOfId.defined() ? impl->rowOfId.max().item<std::int64_t>() + 1 : std::int64_t(impl->tokenizer->vocabularySize());
        if (config.vocabulary < rowsNeeded)
            throw Error(files.textEncoder + ": its token table has " + std::to_string(config.vocabulary) + " rows, and the vocabulary needs " +
                        std::to_string(rowsNeeded));
        if (config.embeddingWidth() != impl->head->config().embeddingWidth())
            throw Error(files.textEncoder + ": its embeddings are " + std::to_string(config.embeddingWidth()) + " wide, and the image's " +
                        std::to_string(impl->head->config().embeddingWidth()));
        // Block by block too: the released encoder's blocks are 1.9 GB of random initialisation.
        const std::int64_t layers = config.layers;
        config.layers = 0;
        impl->text = TextTower(config);
        WeightAdopter adopter(weights, files.textEncoder, "a dino.txt text encoder", impl->device, options.bf16, job.subRange(0.55, 1.0));
        adopter.adopt(*impl->text);
        for (std::int64_t i = 0; i < layers; ++i) {
            impl->text->appendBlock();
            adopter.adopt(*impl->text->backbone->blocks[std::size_t(i)], "backbone.blocks." + std::to_string(i) + ".");
        }
        adopter.finish();
    }
    job.reportProgress(1.0, "loaded");
    auto model = std::shared_ptr<OpenVocabModel>(new OpenVocabModel());
    model->m_impl = impl;
    return model;
}

PromptSet OpenVocabModel::embedPrompts(const std::vector<std::string> &prompts, PromptTemplates templates, const JobControl &job) const
{
    Impl &m = *m_impl; // inference only: the modules are not changed
    PromptSet set;
    set.prompts = prompts;
    set.templates = templates;
    set.width = embeddingWidth();
    const int context = int(m.text->config().context);
    torch::NoGradGuard noGrad;
    AutocastScope autocast(m.device, m.bf16 ? Precision::Bf16 : Precision::Fp32);
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        job.throwIfCancelled();
        if (m.words) {
            // The small model's whole words, read at the end token.
            std::vector<std::int64_t> rows, ends;
            for (const std::string &variant : promptVariants(prompts[i], templates)) {
                const WordTokens t = m.words->encode(variant, context);
                rows.insert(rows.end(), t.rows.begin(), t.rows.end());
                ends.push_back(t.endPosition);
                if (set.tokens.size() == i) {
                    set.tokens.push_back(t.rows);
                    set.unknownWords.push_back(m.words->encode(prompts[i], context).unknown);
                }
            }
            const torch::Tensor embeddings = m.text->encode(torch::tensor(rows, torch::kLong).reshape({-1, context}).to(m.device),
                                                            torch::tensor(ends, torch::kLong).to(m.device));
            const torch::Tensor mean = torch::nn::functional::normalize(embeddings, torch::nn::functional::NormalizeFuncOptions().dim(1)).mean(0);
            const std::vector<float> v = toVector(mean / mean.norm().clamp_min(1e-12));
            set.embeddings.insert(set.embeddings.end(), v.begin(), v.end());
            job.reportProgress(double(i + 1) / double(prompts.size()));
            continue;
        }
        set.unknownWords.emplace_back();
        std::vector<std::int64_t> ids;
        for (const std::string &variant : promptVariants(prompts[i], templates)) {
            const std::vector<std::int64_t> row = m.tokenizer->tokenize(variant, context);
            ids.insert(ids.end(), row.begin(), row.end());
            if (set.tokens.size() == i)
                set.tokens.push_back(row);
        }
        const torch::Tensor clipIds = torch::tensor(ids, torch::kLong).reshape({-1, context});
        const torch::Tensor rows = m.rowOfId.defined() ? m.rowOfId.index({clipIds}) : clipIds;
        const torch::Tensor embeddings = m.text->encode(rows.to(m.device), clipIds.argmax(1).to(m.device)).to(torch::kFloat);
        // The notebook's zero-shot classifier: normalise each variant, average, normalise.
        const torch::Tensor mean = torch::nn::functional::normalize(embeddings, torch::nn::functional::NormalizeFuncOptions().dim(1)).mean(0);
        const std::vector<float> v = toVector(mean / mean.norm().clamp_min(1e-12));
        set.embeddings.insert(set.embeddings.end(), v.begin(), v.end());
        job.reportProgress(double(i + 1) / double(prompts.size()));
    }
    return set;
}

OpenVocabResult OpenVocabModel::analyse(const Image &image, const PromptSet &prompts, const OpenVocabOptions &options, const JobControl &job) const
{
    Impl &m = *m_impl; // inference only: the modules are not changed
    if (prompts.prompts.empty())
        throw Error("open vocabulary: give at least one prompt");
    if (prompts.width != embeddingWidth() || prompts.embeddings.size() != prompts.prompts.size() * std::size_t(prompts.width))
        throw Error("open vocabulary: the prompts were embedded by another model");
    if (image.isNull() || image.width() < 1 || image.height() < 1)
        throw Error("open vocabulary: the image is empty");
    if (options.inputSide < patchSize() || options.mapSide < 1)
        throw Error("open vocabulary: the input side must be at least one patch (" + std::to_string(patchSize()) + " px)");
    OpenVocabResult result;
    result.imageWidth = image.width();
    result.imageHeight = image.height();
    const double longer = std::max(image.width(), image.height());
    const int patch = patchSize();
    if (m.slotBackbone) {
        // The Slots ViT has one input size: the whole image squeezed to it.
        result.inputWidth = result.inputHeight = m.slotBackbone->side();
    } else {
        result.inputWidth = roundToPatch(image.width() * options.inputSide / longer, patch);
        result.inputHeight = roundToPatch(image.height() * options.inputSide / longer, patch);
    }
    const double mapScale = std::min(1.0, options.mapSide / longer);
    result.mapWidth = std::max(1, int(std::lround(image.width() * mapScale)));
    result.mapHeight = std::max(1, int(std::lround(image.height() * mapScale)));
    result.width = embeddingWidth();

    job.throwIfCancelled();
    torch::NoGradGuard noGrad;
    torch::Tensor pixels = imageToTensor(image, m.device);
    if (pixels.size(0) == 1)
        pixels = pixels.expand({3, -1, -1});
    if (pixels.size(0) != 3)
        pixels = pixels.narrow(0, 0, std::min<std::int64_t>(3, pixels.size(0)));
    if (pixels.size(0) != 3)
        throw Error("open vocabulary: the image needs 3 colour channels or 1 gray one");
    const auto stats = torch::TensorOptions().dtype(torch::kFloat).device(m.device);
    const auto normalised = [&](const torch::Tensor &rgb) {
        return (rgb - torch::tensor({kMean[0], kMean[1], kMean[2]}, stats).view({1, 3, 1, 1})) /
               torch::tensor({kStd[0], kStd[1], kStd[2]}, stats).view({1, 3, 1, 1});
    };
    VisionOutputs vision, classification;
    if (m.slotBackbone) {
        // The Slots ViT resizes and normalises as it was trained to.
        const int grid = m.slotBackbone->grid();
        vision = poolHeadTokens(m.head->forward(m.slotBackbone->tokens(m.slotBackbone->prepare(pixels))), 0, grid, grid);
    } else {
        const torch::Tensor input = normalised(
            at::_upsample_bilinear2d_aa(pixels.unsqueeze(0), {result.inputHeight, result.inputWidth}, false, std::nullopt, std::nullopt));
        AutocastScope autocast(m.device, m.bf16 ? Precision::Bf16 : Precision::Fp32);
        vision = runVisionTower(*m.backbone, *m.head, input);
        if (options.zeroShotCrop) {
            // DINOv2's classification transform, which the notebook's zero-shot uses: the shorter
            // side resized to 256 (bicubic, antialiased as PIL), then the centred 224 x 224.
            const double scale = 256.0 / double(std::min(image.width(), image.height()));
            const auto h = std::max<std::int64_t>(224, std::llround(image.height() * scale)), w = std::max<std::int64_t>(224, std::llround(image.width() * scale));
            const torch::Tensor resized = at::_upsample_bicubic2d_aa(pixels.unsqueeze(0), {h, w}, false, std::nullopt, std::nullopt);
            const torch::Tensor crop = resized.narrow(2, (h - 224) / 2, 224).narrow(3, (w - 224) / 2, 224);
            classification = runVisionTower(*m.backbone, *m.head, normalised(crop));
        }
    }
    job.throwIfCancelled();
    job.reportProgress(0.6, "similarity");
    result.patchRows = int(vision.rows);
    result.patchCols = int(vision.cols);
    const std::int64_t count = std::int64_t(prompts.prompts.size()), width = prompts.width, half = width / 2;
    const torch::Tensor text = torch::from_blob(const_cast<float *>(prompts.embeddings.data()), {count, width}, torch::kFloat).to(m.device);
    const torch::Tensor imageEmbedding = (options.zeroShotCrop && classification.imageEmbedding.defined() ? classification : vision).imageEmbedding.to(torch::kFloat).squeeze(0);
    result.imageEmbedding = toVector(imageEmbedding);
    namespace F = torch::nn::functional;
    const torch::Tensor cosine = text.matmul(imageEmbedding / imageEmbedding.norm().clamp_min(1e-12)) / text.norm(2, 1).clamp_min(1e-12);
    result.zeroShotCosine = toVector(cosine);
    result.zeroShot = toVector(torch::softmax(cosine * options.logitScale, 0));

    // The patch half of each prompt against the head's patch tokens.
    const torch::Tensor patchHalf = F::normalize(text.narrow(1, half, half), F::NormalizeFuncOptions().dim(1));
    const torch::Tensor tokens = vision.patchTokens.to(torch::kFloat).squeeze(0); // [P, D]
    result.patchSimilarity = toVector(patchHalf.matmul(F::normalize(tokens, F::NormalizeFuncOptions().dim(1)).t()));
    const torch::Tensor grid = tokens.t().reshape({tokens.size(1), vision.rows, vision.cols});
    const torch::Tensor dense = denseSimilarity(grid, patchHalf, result.mapHeight, result.mapWidth);
    result.pixelSimilarity = toVector(dense);

    result.relabel(options.background);
    job.reportProgress(1.0);
    return result;
}

std::vector<float> OpenVocabResult::similarityAt(int x, int y) const
{
    std::vector<float> out;
    if (x < 0 || y < 0 || x >= mapWidth || y >= mapHeight)
        return out;
    for (int p = 0; p < promptCount(); ++p)
        out.push_back(similarityMap(p)[std::size_t(y) * std::size_t(mapWidth) + std::size_t(x)]);
    return out;
}

void OpenVocabResult::relabel(double background)
{
    const std::size_t pixels = std::size_t(mapWidth) * std::size_t(mapHeight);
    const int count = promptCount();
    labels.assign(pixels, -1);
    coverage.assign(std::size_t(count), 0.0);
    if (count == 0 || pixelSimilarity.size() != pixels * std::size_t(count))
        return;
    std::vector<float> best(similarityMap(0), similarityMap(0) + pixels);
    std::vector<int> label(pixels, 0);
    for (int p = 1; p < count; ++p) {
        const float *map = similarityMap(p);
        for (std::size_t i = 0; i < pixels; ++i)
            if (map[i] > best[i]) {
                best[i] = map[i];
                label[i] = p;
            }
    }
    for (std::size_t i = 0; i < pixels; ++i)
        if (!(double(best[i]) < background)) {
            labels[i] = label[i];
            coverage[std::size_t(label[i])] += 1.0;
        }
    for (double &c : coverage)
        c /= double(pixels);
}

int OpenVocabModel::patchSize() const
{
    if (m_impl->slotBackbone)
        return m_impl->slotBackbone->side() / m_impl->slotBackbone->grid();
    return int(m_impl->backbone->config().patchSize);
}

int OpenVocabModel::embeddingWidth() const
{
    return int(m_impl->head->config().embeddingWidth());
}

double OpenVocabModel::suggestedBackground() const
{
    return m_impl->background;
}

bool OpenVocabModel::isSmall() const
{
    return m_impl->slotBackbone.has_value();
}

std::int64_t OpenVocabModel::parameterCount() const
{
    std::vector<const torch::nn::Module *> modules = {m_impl->head.get(), m_impl->text.get()};
    if (m_impl->slotBackbone)
        modules.push_back(&m_impl->slotBackbone->module());
    else
        modules.push_back(m_impl->backbone.get());
    std::int64_t count = 0;
    for (const torch::nn::Module *module : modules)
        for (const auto &p : module->parameters())
            count += p.numel();
    return count;
}

std::string OpenVocabModel::describe() const
{
    const TextConfig &t = m_impl->text->config();
    const std::string head = "head " + std::to_string(m_impl->head->config().blocks) + " blocks; text " + std::to_string(t.dim) + " wide, " +
                             std::to_string(t.layers) + " blocks";
    const std::string device = " · " + m_impl->deviceInfo.summary() + " · " + (m_impl->bf16 ? "bf16" : "fp32");
    if (const auto &b = m_impl->slotBackbone)
        return "dino.txt, small, trained here: Slots ViT " + std::to_string(b->dim()) + " wide, " + std::to_string(b->depth()) + " blocks, " +
               std::to_string(b->grid()) + " x " + std::to_string(b->grid()) + " patches at " + std::to_string(b->side()) + " px; " + head + ", " +
               std::to_string(m_impl->words->words().size()) + " words" + device;
    const VitConfig &v = m_impl->backbone->config();
    return "dino.txt: DINOv2 ViT " + std::to_string(v.dim) + " wide, " + std::to_string(v.depth) + " blocks, " + std::to_string(v.registers) +
           " registers, patch " + std::to_string(v.patchSize) + "; " + head + (m_impl->rowOfId.defined() ? " (its own word list)" : "") + device;
}

} // namespace periscope::openvocab
