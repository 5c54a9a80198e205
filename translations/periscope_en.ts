<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>periscope::app</name>
    <message numerus="yes">
        <source>. Mean of %n photo(s): PSNR %1 dB (gray: %2 dB), chroma %3 % of the truth&apos;s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeModel</name>
    <message numerus="yes">
        <source>Open %n photo(s)</source>
        <translation>
            <numerusform>Open %n photo</numerusform>
            <numerusform>Open %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) opened</source>
        <translation>
            <numerusform>%n photo opened</numerusform>
            <numerusform>%n photos opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Colorize %n photo(s)</source>
        <translation>
            <numerusform>Colorize %n photo</numerusform>
            <numerusform>Colorize %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) colorized</source>
        <translation>
            <numerusform>%n photo colorized</numerusform>
            <numerusform>%n photos colorized</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n colorized photo(s)</source>
        <translation>
            <numerusform>Export %n colorized photo</numerusform>
            <numerusform>Export %n colorized photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) written to %1</source>
        <translation>
            <numerusform>%n photo written to %1</numerusform>
            <numerusform>%n photos written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Train a colorizer on %n photo(s)</source>
        <translation>
            <numerusform>Train a colorizer on %n photo</numerusform>
            <numerusform>Train a colorizer on %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) open</source>
        <translation>
            <numerusform>%n photo open</numerusform>
            <numerusform>%n photos open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeView</name>
    <message numerus="yes">
        <source>Mean over %n photo(s) with truth</source>
        <translation>
            <numerusform>Mean over %n photo with truth</numerusform>
            <numerusform>Mean over %n photos with truth</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeWorkspace</name>
    <message numerus="yes">
        <source>Clear %n photo(s)</source>
        <translation>
            <numerusform>Clear %n photo</numerusform>
            <numerusform>Clear %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n photo(s) or folder(s)</source>
        <translation>
            <numerusform>Open %n photo or folder</numerusform>
            <numerusform>Open %n photos or folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) of the project are missing: %1</source>
        <translation>
            <numerusform>%n photo of the project are missing: %1</numerusform>
            <numerusform>%n photos of the project are missing: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeFolder</name>
    <message numerus="yes">
        <source>Explain the %n video(s) of %1 (%2)</source>
        <translation>
            <numerusform>Explain the %n video of %1 (%2)</numerusform>
            <numerusform>Explain the %n videos of %1 (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetrics</name>
    <message numerus="yes">
        <source>Score the explanations of %n video(s)</source>
        <translation>
            <numerusform>Score the explanations of %n video</numerusform>
            <numerusform>Score the explanations of %n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetricsPanel</name>
    <message numerus="yes">
        <source>%n frame(s) explained; scoring the folder...</source>
        <translation>
            <numerusform>%n frame explained; scoring the folder...</numerusform>
            <numerusform>%n frames explained; scoring the folder...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be scored (see the CSV).</source>
        <translation>
            <numerusform>%n could not be scored (see the CSV).</numerusform>
            <numerusform>%n could not be scored (see the CSV).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeModel</name>
    <message numerus="yes">
        <source>%n frame(s) explained before, read from the cache</source>
        <translation>
            <numerusform>%n frame explained before, read from the cache</numerusform>
            <numerusform>%n frames explained before, read from the cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Explain %n frame(s) of %1 (%2)</source>
        <translation>
            <numerusform>Explain %n frame of %1 (%2)</numerusform>
            <numerusform>Explain %n frames of %1 (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeView</name>
    <message numerus="yes">
        <source>%1: %n video(s), %2</source>
        <translation>
            <numerusform>%1: %n video, %2</numerusform>
            <numerusform>%1: %n videos, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::JobsIndicator</name>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyModel</name>
    <message numerus="yes">
        <source>%n image(s) opened</source>
        <translation>
            <numerusform>%n image opened</numerusform>
            <numerusform>%n images opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Embed %n prompt(s)</source>
        <translation>
            <numerusform>Embed %n prompt</numerusform>
            <numerusform>Embed %n prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segment %n image(s) by the prompts</source>
        <translation>
            <numerusform>Segment %n image by the prompts</numerusform>
            <numerusform>Segment %n images by the prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prompt mIoU %1 over %n scene(s) (shuffled prompts: %2)</source>
        <translation>
            <numerusform>Prompt mIoU %1 over %n scene (shuffled prompts: %2)</numerusform>
            <numerusform>Prompt mIoU %1 over %n scenes (shuffled prompts: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Train a small dino.txt on %n scene(s)</source>
        <translation>
            <numerusform>Train a small dino.txt on %n scene</numerusform>
            <numerusform>Train a small dino.txt on %n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyView</name>
    <message numerus="yes">
        <source>Mean over %n scene(s)</source>
        <translation>
            <numerusform>Mean over %n scene</numerusform>
            <numerusform>Mean over %n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::ProblemsIndicator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsModel</name>
    <message numerus="yes">
        <source>%n image(s) open (%1)</source>
        <translation>
            <numerusform>%n image open (%1)</numerusform>
            <numerusform>%n images open (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The prior %1 counts %n true triplet(s) of %2</source>
        <translation>
            <numerusform>The prior %1 counts %n true triplet of %2</numerusform>
            <numerusform>The prior %1 counts %n true triplets of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recover the relations of %n image(s)</source>
        <translation>
            <numerusform>Recover the relations of %n image</numerusform>
            <numerusform>Recover the relations of %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s); relationship recall@%1 %2 (random ranking %3), predicate mAP %4</source>
        <translation>
            <numerusform>Relations recovered for %n image; relationship recall@%1 %2 (random ranking %3), predicate mAP %4</numerusform>
            <numerusform>Relations recovered for %n images; relationship recall@%1 %2 (random ranking %3), predicate mAP %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s)</source>
        <translation>
            <numerusform>Relations recovered for %n image</numerusform>
            <numerusform>Relations recovered for %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be analysed; the list says why</source>
        <translation>
            <numerusform>%n image could not be analysed; the list says why</numerusform>
            <numerusform>%n images could not be analysed; the list says why</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Train relations on %n image(s)</source>
        <translation>
            <numerusform>Train relations on %n image</numerusform>
            <numerusform>Train relations on %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsView</name>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n object</numerusform>
            <numerusform>%1: %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n true triplet(s)</source>
        <translation>
            <numerusform>, %n true triplet</numerusform>
            <numerusform>, %n true triplets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsEmbeddingView</name>
    <message numerus="yes">
        <source>%n slot(s); the first two components explain %1% and %2% of the variance, the third %3%</source>
        <translation>
            <numerusform>%n slot; the first two components explain %1% and %2% of the variance, the third %3%</numerusform>
            <numerusform>%n slots; the first two components explain %1% and %2% of the variance, the third %3%</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsModel</name>
    <message numerus="yes">
        <source>%n scene(s) opened</source>
        <translation>
            <numerusform>%n scene opened</numerusform>
            <numerusform>%n scenes opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Find the slots of %n scene(s)</source>
        <translation>
            <numerusform>Find the slots of %n scene</numerusform>
            <numerusform>Find the slots of %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Project %n slot embedding(s)</source>
        <translation>
            <numerusform>Project %n slot embedding</numerusform>
            <numerusform>Project %n slot embeddings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n scene(s)</source>
        <translation>
            <numerusform>Generate %n scene</numerusform>
            <numerusform>Generate %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) generated in %1</source>
        <translation>
            <numerusform>%n scene generated in %1</numerusform>
            <numerusform>%n scenes generated in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Train slots on %n image(s)</source>
        <translation>
            <numerusform>Train slots on %n image</numerusform>
            <numerusform>Train slots on %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsView</name>
    <message numerus="yes">
        <source>mean IoU %1 · FG-ARI %2 (%n scene(s) with masks)</source>
        <translation>
            <numerusform>mean IoU %1 · FG-ARI %2 (%n scene with masks)</numerusform>
            <numerusform>mean IoU %1 · FG-ARI %2 (%n scenes with masks)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyPanel</name>
    <message numerus="yes">
        <source>%n photo(s) in %1 condition(s), as made</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::Workspace</name>
    <message numerus="yes">
        <source>%n input(s) of the project are missing: %1</source>
        <translation>
            <numerusform>%n input of the project are missing: %1</numerusform>
            <numerusform>%n inputs of the project are missing: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
