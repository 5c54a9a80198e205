<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>QObject</name>
    <message>
        <source>The figure has no panels</source>
        <translation>Figuren har inga paneler</translation>
    </message>
    <message>
        <source>Choose 30-2400 DPI and a width of 0.5-40 inches</source>
        <translation>Välj 30–2400 DPI och en bredd på 0.5–40 tum</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Kan inte skriva %1</translation>
    </message>
    <message>
        <source>Unsupported figure format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation>Figurformatet &apos;%1&apos; stöds inte (använd png, svg eller pdf)</translation>
    </message>
    <message>
        <source>unpublished</source>
        <translation>ej publicerad</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Cannot write %1: it exists and is not a regular file</source>
        <translation>Kan inte skriva %1: den finns och är inte en vanlig fil</translation>
    </message>
    <message>
        <source>the original has no frame %1 (%2)</source>
        <translation>originalet har ingen bildruta %1 (%2)</translation>
    </message>
    <message>
        <source>the mask of frame %1 cannot be read: %2</source>
        <translation>masken för bildruta %1 kan inte läsas: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app</name>
    <message>
        <source>unknown language &apos;%1&apos; (available: en, %2)</source>
        <translation>okänt språk &apos;%1&apos; (tillgängliga: en, %2)</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016</source>
        <translation>Zhang m.fl. ECCV 2016</translation>
    </message>
    <message>
        <source>Zhang et al. SIGGRAPH 2017 (automatic)</source>
        <translation>Zhang m.fl. SIGGRAPH 2017 (automatiskt)</translation>
    </message>
    <message>
        <source>Deep Koalarization, channels 1/%1, global features from its jointly trained branch (no Inception-ResNet-v2)</source>
        <translation>Deep Koalarization, kanaler 1/%1, globala egenskaper från dess samtränade gren (ingen Inception-ResNet-v2)</translation>
    </message>
    <message>
        <source>Deep Koalarization, global features from its jointly trained branch (no Inception-ResNet-v2)</source>
        <translation>Deep Koalarization, globala egenskaper från dess samtränade gren (ingen Inception-ResNet-v2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Deep Koalarization, channels 1/%1, global features from Inception-ResNet-v2</source>
        <translation>Deep Koalarization, kanaler 1/%1, globala egenskaper från Inception-ResNet-v2</translation>
    </message>
    <message>
        <source>Deep Koalarization, global features from Inception-ResNet-v2 (as published)</source>
        <translation>Deep Koalarization, globala egenskaper från Inception-ResNet-v2 (som publicerad)</translation>
    </message>
    <message>
        <source>mask of %1 ignored: %2</source>
        <translation>masken för %1 ignoreras: %2</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 hoppades över: %2</translation>
    </message>
    <message>
        <source>%1, gray input</source>
        <translation>%1, grå indata</translation>
    </message>
    <message>
        <source>result: PSNR %1 dB, SSIM %2, ΔE00 %3</source>
        <translation>resultat: PSNR %1 dB, SSIM %2, ΔE00 %3</translation>
    </message>
    <message>
        <source>result: colourfulness %1</source>
        <translation>resultat: färgrikedom %1</translation>
    </message>
    <message>
        <source>truth: colourfulness %1</source>
        <translation>sanning: färgrikedom %1</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>sanning</translation>
    </message>
    <message>
        <source>no truth (gray photo)</source>
        <translation>ingen sanning (grått foto)</translation>
    </message>
    <message>
        <source>slot %1 (background)</source>
        <translation>slot %1 (bakgrund)</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>slot %1</translation>
    </message>
    <message>
        <source>slot %1 · %2%</source>
        <translation>slot %1 · %2%</translation>
    </message>
    <message>
        <source> · IoU %1</source>
        <translation> · IoU %1</translation>
    </message>
    <message>
        <source>Top triplets (✓ in the ground truth)</source>
        <translation>Bästa tripletterna (✓ i facit)</translation>
    </message>
    <message>
        <source>Top triplets</source>
        <translation>Bästa tripletterna</translation>
    </message>
    <message>
        <source>the top triplets</source>
        <translation>de bästa tripletterna</translation>
    </message>
    <message>
        <source>missed: %1 (not found)</source>
        <translation>missad: %1 (hittades inte)</translation>
    </message>
    <message>
        <source>missed: %1 (first match #%2)</source>
        <translation>missad: %1 (första träff #%2)</translation>
    </message>
    <message>
        <source>true</source>
        <translation>sann</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsk</translation>
    </message>
    <message>
        <source>missed (dashed)</source>
        <translation>missad (streckad)</translation>
    </message>
    <message>
        <source>“%1”: rank, triplet, score (✓ true, ✗ false; dashed: missed in the top %2)</source>
        <translation>”%1”: rang, triplett, poäng (✓ sann, ✗ falsk; streckad: missad bland de %2 första)</translation>
    </message>
    <message>
        <source>“%1”: rank, triplet, score</source>
        <translation>”%1”: rang, triplett, poäng</translation>
    </message>
    <message>
        <source>%1 · %2% · p %3</source>
        <translation>%1 · %2% · p %3</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016, channels 1/%1</source>
        <translation>Zhang m.fl. ECCV 2016, kanaler 1/%1</translation>
    </message>
    <message>
        <source>Built-in: %1, trained on photos Debian ships</source>
        <translation>Inbyggd: %1, tränad på foton som Debian levererar</translation>
    </message>
    <message>
        <source>Colorized with %1</source>
        <translation>Färglagt med %1</translation>
    </message>
    <message>
        <source>, T = %1</source>
        <translation>, T = %1</translation>
    </message>
    <message numerus="yes">
        <source>. Mean of %n photo(s): PSNR %1 dB (gray: %2 dB), chroma %3 % of the truth&apos;s</source>
        <translation>
            <numerusform>. Medel över %n foto: PSNR %1 dB (grått: %2 dB), kroma %3 % av sanningens</numerusform>
            <numerusform>. Medel över %n foton: PSNR %1 dB (grått: %2 dB), kroma %3 % av sanningens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::AtomicFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Writing %1 was interrupted; the previous file is unchanged</source>
        <translation>Skrivningen av %1 avbröts; den tidigare filen är oförändrad</translation>
    </message>
    <message>
        <source>Cannot write %1: it exists and is not a regular file</source>
        <translation>Kan inte skriva %1: den finns och är inte en vanlig fil</translation>
    </message>
</context>
<context>
    <name>periscope::app::Autosave</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Kan inte skapa %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::CatalogueTexts</name>
    <message>
        <source>graph attribution: which nodes are infected (ICML-W 2019 infection task)</source>
        <translation>grafattribution: vilka noder är smittade (smittuppgiften från ICML-W 2019)</translation>
    </message>
    <message>
        <source>InfectionGN, sum aggregation, with biases</source>
        <translation>InfectionGN, summa-aggregering, med bias</translation>
    </message>
    <message>
        <source>graphs with 4 node features and 2 edge features</source>
        <translation>grafer med 4 nodsärdrag och 2 kantsärdrag</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on generated graphs)</source>
        <translation>GPL-3.0-or-later (tränad här på genererade grafer)</translation>
    </message>
    <message>
        <source>graph attribution: water solubility (RDKit&apos;s ESOL estimate)</source>
        <translation>grafattribution: löslighet i vatten (RDKits ESOL-uppskattning)</translation>
    </message>
    <message>
        <source>SolubilityGN, 3 hidden layers, width 64, sum aggregation</source>
        <translation>SolubilityGN, 3 dolda lager, bredd 64, summa-aggregering</translation>
    </message>
    <message>
        <source>molecules featurised as the paper does (47 atom and 6 bond features)</source>
        <translation>molekyler beskrivna som i artikeln (47 atom- och 6 bindningssärdrag)</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on rdkit-data&apos;s NCI molecules)</source>
        <translation>GPL-3.0-or-later (tränad här på NCI-molekylerna i rdkit-data)</translation>
    </message>
    <message>
        <source>graph attribution: Crippen logP</source>
        <translation>grafattribution: Crippens logP</translation>
    </message>
    <message>
        <source>object-centric slots and a global embedding (ICLR-W 2022)</source>
        <translation>objektcentrerade slots och en global inbäddning (ICLR-W 2022)</translation>
    </message>
    <message>
        <source>ViT + slot attention (slot-mean), the small preset: 11 slots, 16 x 16 tokens</source>
        <translation>ViT + slot attention (slot-medel), den lilla förinställningen: 11 slots, 16 x 16 token</translation>
    </message>
    <message>
        <source>RGB at 64 x 64 in 4 px patches, ImageNet mean and std</source>
        <translation>RGB vid 64 x 64 i rutor om 4 px, ImageNets medelvärde och standardavvikelse</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on generated scenes)</source>
        <translation>GPL-3.0-or-later (tränad här på genererade scener)</translation>
    </message>
    <message>
        <source>visual relations from image-level predicate labels, recovered by explanation (ECCV 2020)</source>
        <translation>visuella relationer från predikatetiketter per bild, återvunna genom förklaring (ECCV 2020)</translation>
    </message>
    <message>
        <source>ws-vrd relational network (FC_AGG readout, max pooling, layers of 128) over RoIAlign 7 x 7 of a 5-layer CNN (stride 8, 64 channels)</source>
        <translation>relationsnätverket från ws-vrd (FC_AGG-utläsning, max-pooling, lager om 128) över RoIAlign 7 x 7 av ett CNN med 5 lager (steg 8, 64 kanaler)</translation>
    </message>
    <message>
        <source>RGB scaled to 320 px on the longer side, ImageNet mean and std; boxes with one of 3 classes (sphere, cube, cylinder)</source>
        <translation>RGB skalad till 320 px på längsta sidan, ImageNets medelvärde och standardavvikelse; rutor med en av 3 klasser (sfär, kub, cylinder)</translation>
    </message>
    <message>
        <source>colorization: classification over 313 ab bins (Zhang, Isola, Efros 2016)</source>
        <translation>färgläggning: klassificering över 313 ab-fack (Zhang, Isola, Efros 2016)</translation>
    </message>
    <message>
        <source>eccv16</source>
        <translation>eccv16</translation>
    </message>
    <message>
        <source>L of CIE Lab at 256 x 256, centred at 50</source>
        <translation>L i CIE Lab vid 256 x 256, centrerad kring 50</translation>
    </message>
    <message>
        <source>BSD-2-Clause (richzhang/colorization)</source>
        <translation>BSD-2-Clause (richzhang/colorization)</translation>
    </message>
    <message>
        <source>colorization, automatic mode of the interactive network (Zhang et al. 2017)</source>
        <translation>färgläggning, det interaktiva nätverkets automatiska läge (Zhang m.fl. 2017)</translation>
    </message>
    <message>
        <source>siggraph17</source>
        <translation>siggraph17</translation>
    </message>
    <message>
        <source>L of CIE Lab at 256 x 256, centred at 50; no user hints</source>
        <translation>L i CIE Lab vid 256 x 256, centrerad kring 50; inga användartips</translation>
    </message>
    <message>
        <source>Deep Koalarization&apos;s global features: Inception-ResNet-v2&apos;s ImageNet logits, frozen</source>
        <translation>Deep Koalarizations globala särdrag: Inception-ResNet-v2:s ImageNet-logiter, frysta</translation>
    </message>
    <message>
        <source>Inception-ResNet-v2 in timm&apos;s parameter names</source>
        <translation>Inception-ResNet-v2 med timms parameternamn</translation>
    </message>
    <message>
        <source>the gray photo as RGB at 299 x 299, scaled to [-1, 1]</source>
        <translation>det grå fotot som RGB vid 299 x 299, skalat till [-1, 1]</translation>
    </message>
    <message>
        <source>Apache-2.0 (timm&apos;s port of the TF-slim weights)</source>
        <translation>Apache-2.0 (timms överföring av TF-slim-vikterna)</translation>
    </message>
    <message>
        <source>dino.txt&apos;s frozen vision backbone: DINOv2 ViT-L/14 with 4 registers</source>
        <translation>dino.txt:s frysta bildstomme: DINOv2 ViT-L/14 med 4 register</translation>
    </message>
    <message>
        <source>DINOv2 ViT-L/14, 4 registers, LayerScale</source>
        <translation>DINOv2 ViT-L/14, 4 register, LayerScale</translation>
    </message>
    <message>
        <source>RGB, ImageNet mean and std, sides a multiple of 14</source>
        <translation>RGB, ImageNets medelvärde och standardavvikelse, sidor en multipel av 14</translation>
    </message>
    <message>
        <source>Apache-2.0 (facebookresearch/dinov2)</source>
        <translation>Apache-2.0 (facebookresearch/dinov2)</translation>
    </message>
    <message>
        <source>dino.txt&apos;s two trainable vision blocks and final norm</source>
        <translation>dino.txt:s två tränbara bildblock och slutnormering</translation>
    </message>
    <message>
        <source>dino.txt vision head (2 blocks, SwiGLU, LayerScale, ln_final)</source>
        <translation>bildhuvudet från dino.txt (2 block, SwiGLU, LayerScale, ln_final)</translation>
    </message>
    <message>
        <source>the backbone&apos;s tokens</source>
        <translation>stommens token</translation>
    </message>
    <message>
        <source>dino.txt&apos;s text encoder</source>
        <translation>dino.txt:s textkodare</translation>
    </message>
    <message>
        <source>causal text transformer, width 1280, 20 heads, 24 layers, projection to 2048</source>
        <translation>kausal texttransformer, bredd 1280, 20 huvuden, 24 lager, projektion till 2048</translation>
    </message>
    <message>
        <source>CLIP byte-pair tokens, context 77</source>
        <translation>CLIP:s byte-par-token, kontext 77</translation>
    </message>
    <message>
        <source>the byte-pair-encoding vocabulary of CLIP&apos;s tokenizer, which dino.txt uses</source>
        <translation>byte-par-vokabulären i CLIP:s tokeniserare, som dino.txt använder</translation>
    </message>
    <message>
        <source>49,152 merges (49,408 token ids)</source>
        <translation>49152 sammanslagningar (49408 token-id)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>MIT (openai/CLIP)</source>
        <translation>MIT (openai/CLIP)</translation>
    </message>
    <message>
        <source>open-vocabulary segmentation and zero-shot ranking of prompts about generated scenes (a small dino.txt, CVPR 2025)</source>
        <translation>segmentering med öppet ordförråd och nollskottsrangordning av frågor om genererade scener (en liten dino.txt, CVPR 2025)</translation>
    </message>
    <message>
        <source>dino.txt vision head (2 blocks, SwiGLU, LayerScale, ln_final) on the frozen slots-scenes-small ViT; causal word-level text encoder, 3 blocks of width 128, 42 words</source>
        <translation>bildhuvudet från dino.txt (2 block, SwiGLU, LayerScale, ln_final) på den frysta ViT:n slots-scenes-small; kausal textkodare på ordnivå, 3 block med bredd 128, 42 ord</translation>
    </message>
    <message>
        <source>the whole image squeezed to 64 x 64 (4 px patches, ImageNet mean and std); prompts in the words of its training captions</source>
        <translation>hela bilden hoptryckt till 64 x 64 (rutor om 4 px, ImageNets medelvärde och standardavvikelse); frågor med orden i dess träningsbildtexter</translation>
    </message>
    <message>
        <source>DeepFake frame detection: P(fake) of a face crop (a demonstration model)</source>
        <translation>DeepFake-detektering per bildruta: P(fake) för ett ansiktsutsnitt (en demonstrationsmodell)</translation>
    </message>
    <message>
        <source>EfficientNet-B0 in torchvision&apos;s parameter names, one logit, trained from scratch</source>
        <translation>EfficientNet-B0 med torchvisions parameternamn, en logit, tränad från grunden</translation>
    </message>
    <message>
        <source>face crops at 112 x 112 (the box grown 1.3x, squared), ImageNet mean and std</source>
        <translation>ansiktsutsnitt vid 112 x 112 (rutan förstorad 1.3x, kvadratisk), ImageNets medelvärde och standardavvikelse</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on opencv-doc&apos;s Megamind.avi and a self-blended fake of it)</source>
        <translation>GPL-3.0-or-later (tränad här på Megamind.avi från opencv-doc och en självblandad förfalskning av den)</translation>
    </message>
    <message>
        <source>video classification backbone (Kinetics-400), the video transformer the DeepFake paper explains</source>
        <translation>stomme för videoklassificering (Kinetics-400), den videotransformer som DeepFake-artikeln förklarar</translation>
    </message>
    <message>
        <source>MViT v2 S in torchvision&apos;s parameter names</source>
        <translation>MViT v2 S med torchvisions parameternamn</translation>
    </message>
    <message>
        <source>16 RGB frames at 224 x 224, mean 0.45, std 0.225</source>
        <translation>16 RGB-bildrutor vid 224 x 224, medelvärde 0.45, standardavvikelse 0.225</translation>
    </message>
    <message>
        <source>BSD-3-Clause (torchvision)</source>
        <translation>BSD-3-Clause (torchvision)</translation>
    </message>
    <message>
        <source>image classification backbone (ImageNet-1k) for the frame-level detector</source>
        <translation>stomme för bildklassificering (ImageNet-1k) för detektorn per bildruta</translation>
    </message>
    <message>
        <source>EfficientNet-B4 in torchvision&apos;s parameter names</source>
        <translation>EfficientNet-B4 med torchvisions parameternamn</translation>
    </message>
    <message>
        <source>RGB at 380 x 380, ImageNet mean and std</source>
        <translation>RGB vid 380 x 380, ImageNets medelvärde och standardavvikelse</translation>
    </message>
    <message>
        <source>colorization: ab of CIE Lab from L, as 313 colour classes</source>
        <translation>färgläggning: ab i CIE Lab från L, som 313 färgklasser</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016 (eccv16), channels 1/4, class-rebalanced, annealed mean</source>
        <translation>Zhang m.fl. ECCV 2016 (eccv16), kanaler 1/4, klassombalanserad, glödgat medelvärde</translation>
    </message>
    <message>
        <source>L of CIE Lab at 176 x 176; the ab it predicts is upsampled and joined with the photo&apos;s own L</source>
        <translation>L i CIE Lab i 176 x 176; det ab den förutsäger skalas upp och förenas med fotots eget L</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on photos Debian packages ship: resources/models/README.md)</source>
        <translation>GPL-3.0-or-later (tränad här på foton som Debians paket levererar: resources/models/README.md)</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeModel</name>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutet</translation>
    </message>
    <message numerus="yes">
        <source>Open %n photo(s)</source>
        <translation>
            <numerusform>Öppna %n foto</numerusform>
            <numerusform>Öppna %n foton</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No photos found (JPEG, PNG, TIFF, WebP or BMP).</source>
        <translation>Inga foton hittades (JPEG, PNG, TIFF, WebP eller BMP).</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) opened</source>
        <translation>
            <numerusform>%n foto öppnat</numerusform>
            <numerusform>%n foton öppnade</numerusform>
        </translation>
    </message>
    <message>
        <source>Load colorizer %1</source>
        <translation>Läs in färgläggaren %1</translation>
    </message>
    <message>
        <source>Cannot use %1 as a colorizer: %2</source>
        <translation>Kan inte använda %1 som färgläggare: %2</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Välj först en modell.</translation>
    </message>
    <message>
        <source>There is no readable photo to colorize.</source>
        <translation>Det finns inget läsbart foto att färglägga.</translation>
    </message>
    <message numerus="yes">
        <source>Colorize %n photo(s)</source>
        <translation>
            <numerusform>Färglägg %n foto</numerusform>
            <numerusform>Färglägg %n foton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) colorized</source>
        <translation>
            <numerusform>%n foto färglagt</numerusform>
            <numerusform>%n foton färglagda</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Visa %1</translation>
    </message>
    <message>
        <source>Nothing to export: colorize the photos first.</source>
        <translation>Inget att exportera: färglägg först fotona.</translation>
    </message>
    <message numerus="yes">
        <source>Export %n colorized photo(s)</source>
        <translation>
            <numerusform>Exportera %n färglagt foto</numerusform>
            <numerusform>Exportera %n färglagda foton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) written to %1</source>
        <translation>
            <numerusform>%n foto skrivet till %1</numerusform>
            <numerusform>%n foton skrivna till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Training needs at least 2 colour photos; open some first.</source>
        <translation>Träning kräver minst 2 färgfoton; öppna några först.</translation>
    </message>
    <message numerus="yes">
        <source>Train a colorizer on %n photo(s)</source>
        <translation>
            <numerusform>Träna en färgläggare på %n foto</numerusform>
            <numerusform>Träna en färgläggare på %n foton</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 photos: validation MSE %3 (predict-gray %4), %5 s</source>
        <translation>%1 epoker på %2 foton: validerings-MSE %3 (förutsäg grått %4), %5 s</translation>
    </message>
    <message>
        <source>No photos open</source>
        <translation>Inga foton öppna</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) open</source>
        <translation>
            <numerusform>%n foto öppet</numerusform>
            <numerusform>%n foton öppna</numerusform>
        </translation>
    </message>
    <message>
        <source>Annealed-mean temperature: T = %1</source>
        <translation>Temperatur för glödgat medelvärde: T = %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeTrainingPanel</name>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>The side of the random crops the network trains on (a multiple of 8); it colorizes at this size</source>
        <translation>Sidan på de slumpmässiga utsnitt nätverket tränar på (en multipel av 8); det färglägger i denna storlek</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Nätverk</translation>
    </message>
    <message>
        <source>Crop side</source>
        <translation>Utsnittets sida</translation>
    </message>
    <message>
        <source>Train on the opened colour photos</source>
        <translation>Träna på de öppnade färgfotona</translation>
    </message>
    <message>
        <source>MSE on ab / 110</source>
        <translation>MSE på ab / 110</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Träning</translation>
    </message>
    <message>
        <source>Epoch %1: train %2, validation %3 (predicting gray: %4), %5 s</source>
        <translation>Epok %1: träning %2, validering %3 (förutsäga grått: %4), %5 s</translation>
    </message>
    <message>
        <source>The crop side must be a multiple of 8.</source>
        <translation>Utsnittets sida måste vara en multipel av 8.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>träning</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validering</translation>
    </message>
    <message>
        <source>validation, predicting gray</source>
        <translation>validering, förutsäga grått</translation>
    </message>
    <message>
        <source>Reading the photos...</source>
        <translation>Läser fotona...</translation>
    </message>
    <message>
        <source>Published width (7.2 M parameters)</source>
        <translation>Publicerad bredd (7.2 M parametrar)</translation>
    </message>
    <message>
        <source>Channels 1/4 (0.55 M, fastest)</source>
        <translation>Kanaler 1/4 (0.55 M, snabbast)</translation>
    </message>
    <message>
        <source>Global features: a branch trained jointly</source>
        <translation>Globala egenskaper: en samtränad gren</translation>
    </message>
    <message>
        <source>Global features: Inception-ResNet-v2 weights...</source>
        <translation>Globala egenskaper: vikter för Inception-ResNet-v2...</translation>
    </message>
    <message>
        <source>The paper fuses Inception-ResNet-v2&apos;s logits of the gray photo (frozen); without its weights a small branch learns global features together with the colorizer</source>
        <translation>Artikeln sammanfogar Inception-ResNet-v2:s logiter för det grå fotot (frysta); utan dess vikter lär sig en liten gren globala egenskaper tillsammans med färgläggaren</translation>
    </message>
    <message>
        <source>Inception-ResNet-v2 weights (timm&apos;s inception_resnet_v2)</source>
        <translation>Vikter för Inception-ResNet-v2 (timms inception_resnet_v2)</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>Vikter (*.safetensors *.pth *.pt *.bin);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Global features: %1</source>
        <translation>Globala egenskaper: %1</translation>
    </message>
    <message>
        <source>Deep Koalarization, MSE on ab</source>
        <translation>Deep Koalarization, MSE på ab</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016, class-rebalanced loss</source>
        <translation>Zhang m.fl. ECCV 2016, klassombalanserad förlust</translation>
    </message>
    <message>
        <source>Zhang et al. SIGGRAPH 2017 (automatic), class-rebalanced loss</source>
        <translation>Zhang m.fl. SIGGRAPH 2017 (automatiskt), klassombalanserad förlust</translation>
    </message>
    <message>
        <source>The class-rebalanced loss (Zhang et al. 2016) weighs rare, saturated colours up, where MSE settles for the desaturated average</source>
        <translation>Den klassombalanserade förlusten (Zhang m.fl. 2016) väger upp sällsynta, mättade färger, där MSE nöjer sig med det avmättade medelvärdet</translation>
    </message>
    <message>
        <source>loss; validation: MSE on ab / 110</source>
        <translation>förlust; validering: MSE på ab / 110</translation>
    </message>
    <message>
        <source>Channels 1/2 (1.9 M)</source>
        <translation>Kanaler 1/2 (1.9 M)</translation>
    </message>
    <message>
        <source>Published width (32 M parameters)</source>
        <translation>Publicerad bredd (32 M parametrar)</translation>
    </message>
    <message>
        <source>Channels 1/2 (8.1 M)</source>
        <translation>Kanaler 1/2 (8.1 M)</translation>
    </message>
    <message>
        <source>Channels 1/4 (2.0 M, as the built-in model)</source>
        <translation>Kanaler 1/4 (2.0 M, som den inbyggda modellen)</translation>
    </message>
    <message>
        <source>Published width (34 M parameters)</source>
        <translation>Publicerad bredd (34 M parametrar)</translation>
    </message>
    <message>
        <source>Every colour photo is a training sample (its lightness in, its colours out): random crops and flips, MSE on ab or Zhang&apos;s class-rebalanced loss, 10 % held out to validate against predicting gray. Training runs as a job; the weights are saved after every epoch.</source>
        <translation>Varje färgfoto är ett träningsexempel (dess ljushet in, dess färger ut): slumpade utsnitt och speglingar, MSE på ab eller Zhangs klassombalanserade förlust, 10 % hålls undan för validering mot att förutsäga grått. Träningen körs som ett jobb; vikterna sparas efter varje epok.</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeView</name>
    <message>
        <source>Open photos...</source>
        <translation>Öppna foton...</translation>
    </message>
    <message>
        <source>Open folder...</source>
        <translation>Öppna mapp...</translation>
    </message>
    <message>
        <source>Open photos</source>
        <translation>Öppna foton</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Open a folder of photos</source>
        <translation>Öppna en mapp med foton</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Colorize all</source>
        <translation>Färglägg alla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Export results...</source>
        <translation>Exportera resultat...</translation>
    </message>
    <message>
        <source>Export the colorized photos to</source>
        <translation>Exportera de färglagda fotona till</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Sida vid sida</translation>
    </message>
    <message>
        <source>Wipe: result | truth</source>
        <translation>Svep: resultat | sanning</translation>
    </message>
    <message>
        <source>ΔE2000 error</source>
        <translation>ΔE2000-fel</translation>
    </message>
    <message>
        <source>The CIEDE2000 difference between result and truth per pixel, over the result</source>
        <translation>CIEDE2000-skillnaden mellan resultat och sanning per bildpunkt, över resultatet</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Ingen modell inläst</translation>
    </message>
    <message>
        <source>Gray input</source>
        <translation>Grå indata</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Sanning</translation>
    </message>
    <message>
        <source>Result (left) and truth (right): drag the line</source>
        <translation>Resultat (vänster) och sanning (höger): dra linjen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>mean ΔE2000</source>
        <translation>medel-ΔE2000</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>Färgrikedom</translation>
    </message>
    <message>
        <source>Truth colourfulness</source>
        <translation>Sanningens färgrikedom</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>ab histograms</source>
        <translation>ab-histogram</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Träna</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Result: ab plane</source>
        <translation>Resultat: ab-planet</translation>
    </message>
    <message>
        <source>Truth: ab plane</source>
        <translation>Sanning: ab-planet</translation>
    </message>
    <message>
        <source>Open colorizer weights</source>
        <translation>Öppna vikter för en färgläggare</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>Vikter (*.safetensors *.pth *.pt *.bin);;Alla filer (*)</translation>
    </message>
    <message>
        <source>colour: its colours are the truth</source>
        <translation>färg: dess färger är sanningen</translation>
    </message>
    <message>
        <source>gray: no truth</source>
        <translation>grått: ingen sanning</translation>
    </message>
    <message>
        <source>%1
PSNR %2 dB, SSIM %3, mean ΔE2000 %4</source>
        <translation>%1
PSNR %2 dB, SSIM %3, medel-ΔE2000 %4</translation>
    </message>
    <message>
        <source>Not colorized yet</source>
        <translation>Inte färglagt än</translation>
    </message>
    <message>
        <source>ΔE2000</source>
        <translation>ΔE2000</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>log10 share of pixels</source>
        <translation>log10 av andelen bildpunkter</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source> (gray: no truth)</source>
        <translation> (grått: ingen sanning)</translation>
    </message>
    <message numerus="yes">
        <source>Mean over %n photo(s) with truth</source>
        <translation>
            <numerusform>Medel över %n foto med sanning</numerusform>
            <numerusform>Medel över %n foton med sanning</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 takes its global features from Inception-ResNet-v2: open its weights</source>
        <translation>%1 tar sina globala egenskaper från Inception-ResNet-v2: öppna dess vikter</translation>
    </message>
    <message>
        <source>%1 needs Inception-ResNet-v2 weights (timm&apos;s inception_resnet_v2) to colorize.</source>
        <translation>%1 behöver vikter för Inception-ResNet-v2 (timms inception_resnet_v2) för att färglägga.</translation>
    </message>
    <message>
        <source>%1 (cannot open)</source>
        <translation>%1 (kan inte öppnas)</translation>
    </message>
    <message>
        <source>%1 (cannot open: %2)</source>
        <translation>%1 (kan inte öppnas: %2)</translation>
    </message>
    <message>
        <source>Close every photo (Edit &gt; Undo brings them back)</source>
        <translation>Stäng alla foton (Redigera &gt; Ångra tar tillbaka dem)</translation>
    </message>
    <message>
        <source>Write every colorized photo at full resolution as NAME.colorized.png, and their metrics as colorize-metrics.csv</source>
        <translation>Skriv varje färglagt foto i full upplösning som NAMN.colorized.png, och deras mått som colorize-metrics.csv</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Kan inte öppna %1: %2</translation>
    </message>
    <message>
        <source>%1 is a gray photo: it has no colours to compare with.</source>
        <translation>%1 är ett grått foto: det har inga färger att jämföra med.</translation>
    </message>
    <message>
        <source>Open photos or a folder to colorize them: File &gt; Open, the Open buttons, or drop them here.</source>
        <translation>Öppna foton eller en mapp för att färglägga dem: Arkiv &gt; Öppna, Öppna-knapparna, eller släpp dem här.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Zhang et al.&apos;s annealed-mean temperature T: how the network&apos;s probabilities over colours become one colour per pixel. Left, T = 1: their mean. Right, towards the single likeliest colour: bolder where the network is sure of a vivid colour, more muted where its likeliest colour is a muted one, and wrong more often. The authors&apos; network looks more vivid at their T = 0.38; the built-in model is both more colourful and closer to the truth at T = 1 (docs/benchmarks.md).</source>
        <translation>Zhang m.fl.:s temperatur T för glödgat medelvärde: hur nätverkets sannolikheter över färger blir en färg per pixel. Vänster, T = 1: deras medelvärde. Höger, mot den enskilt troligaste färgen: djärvare där nätverket är säkert på en klar färg, dovare där dess troligaste färg är dov, och oftare fel. Författarnas nätverk ser klarare ut vid deras T = 0.38; den inbyggda modellen är både färgrikare och närmare sanningen vid T = 1 (docs/benchmarks.md).</translation>
    </message>
    <message>
        <source>T = %1</source>
        <translation>T = %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeWorkspace</name>
    <message>
        <source>Colorize</source>
        <translation>Färglägg</translation>
    </message>
    <message>
        <source>%1 is not a photo (JPEG, PNG, TIFF, WebP or BMP)</source>
        <translation>%1 är inte ett foto (JPEG, PNG, TIFF, WebP eller BMP)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) of the project are missing: %1</source>
        <translation>
            <numerusform>%n foto i projektet saknas: %1</numerusform>
            <numerusform>%n foton i projektet saknas: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Colorize: bring gray photos back to colour</source>
        <translation>Färglägg: ge grå foton färg igen</translation>
    </message>
    <message>
        <source>The demo photos come from Debian&apos;s opencv-doc package, which is not installed (%1)</source>
        <translation>Demofotona kommer från Debians paket opencv-doc, som inte är installerat (%1)</translation>
    </message>
    <message>
        <source>There is nothing to export yet: colorize a photo first</source>
        <translation>Det finns inget att exportera än: färglägg först ett foto</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n photo(s)</source>
        <translation>
            <numerusform>Rensa %n foto</numerusform>
            <numerusform>Rensa %n foton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n photo(s) or folder(s)</source>
        <translation>
            <numerusform>Öppna %n foto eller mapp</numerusform>
            <numerusform>Öppna %n foton eller mappar</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the colorizer %1</source>
        <translation>Välj färgläggaren %1</translation>
    </message>
    <message>
        <source>Close the study</source>
        <translation>Stäng studien</translation>
    </message>
    <message>
        <source>Open the study %1</source>
        <translation>Öppna studien %1</translation>
    </message>
    <message>
        <source>Edit the study&apos;s design</source>
        <translation>Ändra studiens upplägg</translation>
    </message>
    <message>
        <source>Show the wipe view</source>
        <translation>Visa svepvyn</translation>
    </message>
    <message>
        <source>Show side by side</source>
        <translation>Visa sida vid sida</translation>
    </message>
    <message>
        <source>Show the ΔE2000 layer</source>
        <translation>Visa ΔE2000-lagret</translation>
    </message>
    <message>
        <source>Hide the ΔE2000 layer</source>
        <translation>Dölj ΔE2000-lagret</translation>
    </message>
    <message>
        <source>Set the annealed-mean temperature to T = %1</source>
        <translation>Sätt temperaturen för glödgat medelvärde till T = %1</translation>
    </message>
    <message>
        <source>Four opencv-doc photos the built-in colorizer never saw, colorized from their lightness and compared with their true colours.</source>
        <translation>Fyra foton från opencv-doc som den inbyggda färgläggaren aldrig sett, färglagda från sin ljushet och jämförda med sina sanna färger.</translation>
    </message>
</context>
<context>
    <name>periscope::app::ComputeState</name>
    <message>
        <source>%1; using the CPU</source>
        <translation>%1; använder processorn</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeFigure</name>
    <message>
        <source>Frame %1 · %2</source>
        <translation>Bildruta %1 · %2</translation>
    </message>
    <message>
        <source>P(fake) %1</source>
        <translation>P(förfalskad) %1</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>inget värde</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Ansikte</translation>
    </message>
    <message>
        <source>nothing positive</source>
        <translation>inget positivt</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>each map&apos;s largest value (maps blended over the face by value)</source>
        <translation>varje karts största värde (kartorna blandade över ansiktet efter värde)</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeFolder</name>
    <message numerus="yes">
        <source>Explain the %n video(s) of %1 (%2)</source>
        <translation>
            <numerusform>Förklara %n video i %1 (%2)</numerusform>
            <numerusform>Förklara de %n videorna i %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder&apos;s videos could not all be explained: %1</source>
        <translation>Alla mappens videor kunde inte förklaras: %1</translation>
    </message>
    <message>
        <source>Read the folder %1</source>
        <translation>Läs mappen %1</translation>
    </message>
    <message>
        <source>The folder %1 cannot be opened: %2</source>
        <translation>Mappen %1 kan inte öppnas: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetrics</name>
    <message>
        <source>Spatial smoothness</source>
        <translation>Rumslig jämnhet</translation>
    </message>
    <message>
        <source>Temporal smoothness</source>
        <translation>Tidsmässig jämnhet</translation>
    </message>
    <message>
        <source>Sparsity (Gini)</source>
        <translation>Gleshet (Gini)</translation>
    </message>
    <message>
        <source>Locality (mass on the face)</source>
        <translation>Lokalitet (massa på ansiktet)</translation>
    </message>
    <message>
        <source>Mass in the mask</source>
        <translation>Massa i masken</translation>
    </message>
    <message>
        <source>Mask ROC AUC</source>
        <translation>Maskens ROC AUC</translation>
    </message>
    <message>
        <source>Mask top-k IoU</source>
        <translation>Maskens topp-k IoU</translation>
    </message>
    <message numerus="yes">
        <source>Score the explanations of %n video(s)</source>
        <translation>
            <numerusform>Poängsätt förklaringarna av %n video</numerusform>
            <numerusform>Poängsätt förklaringarna av %n videor</numerusform>
        </translation>
    </message>
    <message>
        <source>The explanations could not be scored: %1</source>
        <translation>Förklaringarna kunde inte poängsättas: %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetricsPanel</name>
    <message>
        <source>This video</source>
        <translation>Den här videon</translation>
    </message>
    <message>
        <source>The whole folder</source>
        <translation>Hela mappen</translation>
    </message>
    <message>
        <source>Over this video&apos;s explained frames, or over the folder&apos;s explained videos (each video&apos;s mean counts once)</source>
        <translation>Över den här videons förklarade bildrutor, eller över mappens förklarade videor (varje videos medelvärde räknas en gång)</translation>
    </message>
    <message>
        <source>Score explanations</source>
        <translation>Poängsätt förklaringar</translation>
    </message>
    <message>
        <source>The metrics of every method&apos;s explanations computed so far (read from the cache; nothing is explained again)</source>
        <translation>Måtten för varje metods förklaringar hittills (lästa från cachen; inget förklaras igen)</translation>
    </message>
    <message>
        <source>Explain the folder</source>
        <translation>Förklara mappen</translation>
    </message>
    <message>
        <source>Explain every video of the folder with the current detector and method (what is cached is skipped), then score the folder</source>
        <translation>Förklara varje video i mappen med den aktuella detektorn och metoden (det som finns i cachen hoppas över) och poängsätt sedan mappen</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Exportera CSV...</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Explain frames (the Explain box, with each method you want to compare), then score their explanations here.</source>
        <translation>Förklara bildrutor (rutan Förklara, med varje metod du vill jämföra) och poängsätt sedan deras förklaringar här.</translation>
    </message>
    <message>
        <source>Stop explaining</source>
        <translation>Sluta förklara</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) explained; scoring the folder...</source>
        <translation>
            <numerusform>%n bildruta förklarad; poängsätter mappen...</numerusform>
            <numerusform>%n bildrutor förklarade; poängsätter mappen...</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a detector first: the explanations are kept per detector (%1)</source>
        <translation>Välj först en detektor: förklaringarna sparas per detektor (%1)</translation>
    </message>
    <message>
        <source>Open a folder of videos first</source>
        <translation>Öppna först en mapp med videor</translation>
    </message>
    <message>
        <source>Open a video first</source>
        <translation>Öppna först en video</translation>
    </message>
    <message>
        <source>Scoring...</source>
        <translation>Poängsätter...</translation>
    </message>
    <message>
        <source>Choose a detector first (%1)</source>
        <translation>Välj först en detektor (%1)</translation>
    </message>
    <message>
        <source>Explaining the folder&apos;s videos with %1...</source>
        <translation>Förklarar mappens videor med %1...</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videor</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Bildrutor</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>This video was not among those scored: score again.</source>
        <translation>Den här videon var inte bland de poängsatta: poängsätt igen.</translation>
    </message>
    <message>
        <source>This video could not be scored: %1</source>
        <translation>Den här videon kunde inte poängsättas: %1</translation>
    </message>
    <message>
        <source>No explanations of this video by this detector yet.</source>
        <translation>Inga förklaringar av den här videon från den här detektorn än.</translation>
    </message>
    <message>
        <source>Means over the explained frames with 95 % intervals; the mask metrics where the folder gives masks.</source>
        <translation>Medelvärden över de förklarade bildrutorna med 95 %-intervall; maskmåtten där mappen har masker.</translation>
    </message>
    <message>
        <source>%1 of %2 videos have explanations (open a video, or explain the whole folder); each video&apos;s mean counts once.</source>
        <translation>%1 av %2 videor har förklaringar (öppna en video, eller förklara hela mappen); varje videos medelvärde räknas en gång.</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be scored (see the CSV).</source>
        <translation>
            <numerusform>%n kunde inte poängsättas (se CSV-filen).</numerusform>
            <numerusform>%n kunde inte poängsättas (se CSV-filen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Detection over %1 labelled videos: ROC AUC %2, AP %3, log loss %4.</source>
        <translation>Detektion över %1 märkta videor: ROC AUC %2, AP %3, log-förlust %4.</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>Exportera måtten</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kan inte skrivas: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Skrev %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeModel</name>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>%1: %2 x %3, %4 frames at %5 fps</source>
        <translation>%1: %2 x %3, %4 bildrutor med %5 bilder/s</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a video: %2</source>
        <translation>%1 kan inte öppnas som video: %2</translation>
    </message>
    <message>
        <source>Find the faces in %1</source>
        <translation>Hitta ansiktena i %1</translation>
    </message>
    <message>
        <source>The faces could not be searched: %1</source>
        <translation>Ansiktena kunde inte sökas: %1</translation>
    </message>
    <message>
        <source>The detector cannot be used: %1</source>
        <translation>Detektorn kan inte användas: %1</translation>
    </message>
    <message>
        <source>Load the detector %1</source>
        <translation>Läs in detektorn %1</translation>
    </message>
    <message>
        <source>%1: %2 on %3 px faces, %4, on %5</source>
        <translation>%1: %2 på ansikten om %3 px, %4, på %5</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) explained before, read from the cache</source>
        <translation>
            <numerusform>%n bildruta förklarad tidigare, läst från cachen</numerusform>
            <numerusform>%n bildrutor förklarade tidigare, lästa från cachen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Explain %n frame(s) of %1 (%2)</source>
        <translation>
            <numerusform>Förklara %n bildruta i %1 (%2)</numerusform>
            <numerusform>Förklara %n bildrutor i %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>The frames could not be explained: %1</source>
        <translation>Bildrutorna kunde inte förklaras: %1</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded: %2</source>
        <translation>Bildruta %1 kan inte avkodas: %2</translation>
    </message>
    <message>
        <source>The explanation of frame %1 cannot be shown: %2</source>
        <translation>Förklaringen av bildruta %1 kan inte visas: %2</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>Bildruta %1: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeView</name>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Grad-CAM++</source>
        <translation>Grad-CAM++</translation>
    </message>
    <message>
        <source>Integrated Gradients</source>
        <translation>Integrerade gradienter</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Ocklusion</translation>
    </message>
    <message>
        <source>not explained yet</source>
        <translation>inte förklarad än</translation>
    </message>
    <message>
        <source>Open video...</source>
        <translation>Öppna video...</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>Öppna en video</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm *.m4v);;All files (*)</source>
        <translation>Videor (*.mp4 *.avi *.mkv *.mov *.webm *.m4v);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Open detector weights</source>
        <translation>Öppna detektorvikter</translation>
    </message>
    <message>
        <source>How the detector&apos;s decision is explained; each method&apos;s explanations are cached separately</source>
        <translation>Hur detektorns beslut förklaras; varje metods förklaringar cachas för sig</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Förklara</translation>
    </message>
    <message>
        <source>Score and explain the frames in the background, from the playhead on</source>
        <translation>Poängsätt och förklara bildrutorna i bakgrunden, från uppspelningshuvudet och framåt</translation>
    </message>
    <message>
        <source>P(fake) at which a frame counts as fake; the timeline marks where the score rises past it</source>
        <translation>P(falsk) där en bildruta räknas som falsk; tidslinjen markerar var poängen stiger över den</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Tröskel</translation>
    </message>
    <message>
        <source>Open a video: its faces are found, then scored and explained by the detector, frame by frame.</source>
        <translation>Öppna en video: dess ansikten hittas och poängsätts och förklaras sedan av detektorn, bildruta för bildruta.</translation>
    </message>
    <message>
        <source>P(fake)</source>
        <translation>P(falsk)</translation>
    </message>
    <message>
        <source>face found</source>
        <translation>ansikte hittat</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Bildruta</translation>
    </message>
    <message>
        <source>%1 (per frame, 0 to its maximum)</source>
        <translation>%1 (per bildruta, 0 till dess maximum)</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Ansikte</translation>
    </message>
    <message>
        <source>face</source>
        <translation>ansikte</translation>
    </message>
    <message>
        <source>P(fake) %1</source>
        <translation>P(falsk) %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frame %1&lt;/b&gt; of %2 (%3)</source>
        <translation>&lt;b&gt;Bildruta %1&lt;/b&gt; av %2 (%3)</translation>
    </message>
    <message>
        <source>&lt;br&gt;No face found</source>
        <translation>&lt;br&gt;Inget ansikte hittat</translation>
    </message>
    <message>
        <source>&lt;br&gt;Faces not searched this far yet</source>
        <translation>&lt;br&gt;Ansikten inte sökta så här långt än</translation>
    </message>
    <message>
        <source>&lt;br&gt;Face %1 x %2 at (%3, %4)&lt;br&gt;P(fake): %5</source>
        <translation>&lt;br&gt;Ansikte %1 x %2 vid (%3, %4)&lt;br&gt;P(falsk): %5</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;fake&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;falsk&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;real&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;äkta&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Faces in %2 of %3 searched frames&lt;br&gt;Explained: %4 of %5 frames with a face&lt;br&gt;Video score (mean P(fake)): %6 %7&lt;br&gt;%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Ansikten i %2 av %3 sökta bildrutor&lt;br&gt;Förklarade: %4 av %5 bildrutor med ansikte&lt;br&gt;Videons poäng (medel av P(falsk)): %6 %7&lt;br&gt;%8</translation>
    </message>
    <message>
        <source>No detector chosen: faces only</source>
        <translation>Ingen detektor vald: bara ansikten</translation>
    </message>
    <message>
        <source>Loading the detector...</source>
        <translation>Läser in detektorn...</translation>
    </message>
    <message>
        <source>Open folder...</source>
        <translation>Öppna mapp...</translation>
    </message>
    <message>
        <source>A DFDC folder (metadata.json), a FaceForensics++ tree or any folder of videos</source>
        <translation>En DFDC-mapp (metadata.json), ett FaceForensics++-träd eller vilken mapp med videor som helst</translation>
    </message>
    <message>
        <source>Open a folder of videos</source>
        <translation>Öppna en mapp med videor</translation>
    </message>
    <message>
        <source>Compare with the original</source>
        <translation>Jämför med originalet</translation>
    </message>
    <message>
        <source>A wipe between this fake (left) and the real video it was made from (right); drag the line</source>
        <translation>Ett svep mellan den här förfalskningen (vänster) och den äkta video den gjordes av (höger); dra linjen</translation>
    </message>
    <message>
        <source>Export annotated clip...</source>
        <translation>Exportera annoterat klipp...</translation>
    </message>
    <message>
        <source>The explained frames as an H.264 video: explanation, face box and score strip drawn in</source>
        <translation>De förklarade bildrutorna som en H.264-video: förklaring, ansiktsruta och poängremsa inritade</translation>
    </message>
    <message>
        <source>Export the annotated clip</source>
        <translation>Exportera det annoterade klippet</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;Matroska video (*.mkv)</source>
        <translation>MP4-video (*.mp4);;Matroska-video (*.mkv)</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masker</translation>
    </message>
    <message>
        <source>A pixel is manipulated where the fake and its original differ by more than this (of 255) in some channel: above the videos&apos; coding noise</source>
        <translation>En bildpunkt är manipulerad där förfalskningen och dess original skiljer sig med mer än så här (av 255) i någon kanal: över videornas kodningsbrus</translation>
    </message>
    <message>
        <source>Side of the median filter that removes isolated pixels (odd; 1: none)</source>
        <translation>Sidan på medianfiltret som tar bort isolerade bildpunkter (udda; 1: inget)</translation>
    </message>
    <message>
        <source>Difference masks: threshold</source>
        <translation>Skillnadsmasker: tröskel</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videor</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>omärkt</translation>
    </message>
    <message>
        <source>fake</source>
        <translation>falsk</translation>
    </message>
    <message>
        <source>real</source>
        <translation>äkta</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>medföljer</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>skillnad</translation>
    </message>
    <message>
        <source>From the difference to the original: %1</source>
        <translation>Från skillnaden mot originalet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n video(s), %2</source>
        <translation>
            <numerusform>%1: %n video, %2</numerusform>
            <numerusform>%1: %n videor, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>DFDC layout (metadata.json)</source>
        <translation>DFDC-struktur (metadata.json)</translation>
    </message>
    <message>
        <source>FaceForensics++ layout</source>
        <translation>FaceForensics++-struktur</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>inga etiketter</translation>
    </message>
    <message>
        <source>Nothing is explained yet: let the detector explain some frames first</source>
        <translation>Inget är förklarat än: låt först detektorn förklara några bildrutor</translation>
    </message>
    <message>
        <source>Export the annotated clip %1</source>
        <translation>Exportera det annoterade klippet %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Skrev %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>Original (the real video)</source>
        <translation>Original (den äkta videon)</translation>
    </message>
    <message>
        <source>Manipulated region (outline)</source>
        <translation>Manipulerat område (kontur)</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Uppmärksamhetsutrullning</translation>
    </message>
    <message>
        <source>Attention rollout through the clip model&apos;s pooled attention</source>
        <translation>Uppmärksamhetsutrullning genom klippmodellens poolade uppmärksamhet</translation>
    </message>
    <message>
        <source>Attention rollout explains a transformer: choose a clip model (MViT) first</source>
        <translation>Uppmärksamhetsutrullning förklarar en transformer: välj först en klippmodell (MViT)</translation>
    </message>
    <message>
        <source>%1, %2: the face in %3 frames and each method&apos;s map over it; the metrics over the explained frames (up to %4; mean [95 % interval]).</source>
        <translation>%1, %2: ansiktet i %3 bildrutor och varje metods karta över det; måtten över de förklarade bildrutorna (upp till %4; medelvärde [95 %-intervall]).</translation>
    </message>
    <message>
        <source>Export methods figure...</source>
        <translation>Exportera metodfigur...</translation>
    </message>
    <message>
        <source>A few frames across, every explained method&apos;s map over the face down, and the metric table</source>
        <translation>Några bildrutor på bredden, varje förklarad metods karta över ansiktet på höjden, och tabellen med mått</translation>
    </message>
    <message>
        <source>Export the methods figure</source>
        <translation>Exportera metodfiguren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-bild (*.png);;SVG-teckning (*.svg);;PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Open a video and choose a detector first</source>
        <translation>Öppna en video och välj en detektor först</translation>
    </message>
    <message>
        <source>Export the methods figure %1</source>
        <translation>Exportera metodfiguren %1</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>Skrev %1 (%2)</translation>
    </message>
    <message>
        <source>Explain with %1</source>
        <translation>Förklara med %1</translation>
    </message>
    <message>
        <source>Explain the frames</source>
        <translation>Förklara bildrutorna</translation>
    </message>
    <message>
        <source>Stop explaining</source>
        <translation>Sluta förklara</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Tröskel %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>Use the detector %1</source>
        <translation>Använd detektorn %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeWorkspace</name>
    <message>
        <source>DeepFake</source>
        <translation>DeepFake</translation>
    </message>
    <message>
        <source>%1 is not a video file</source>
        <translation>%1 är ingen videofil</translation>
    </message>
    <message>
        <source>unknown explanation method &apos;%1&apos;</source>
        <translation>okänd förklaringsmetod &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the project&apos;s video is missing: %1</source>
        <translation>projektets video saknas: %1</translation>
    </message>
    <message>
        <source>DeepFake: what a detector looks at</source>
        <translation>DeepFake: vad en detektor tittar på</translation>
    </message>
    <message>
        <source>A clip scored and explained frame by frame by the built-in detector (trained here on self-blended fakes), with Grad-CAM over the face and the score on the timeline.</source>
        <translation>Ett klipp poängsatt och förklarat bildruta för bildruta av den inbyggda detektorn (tränad här på självblandade förfalskningar), med Grad-CAM över ansiktet och poängen på tidslinjen.</translation>
    </message>
    <message>
        <source>The DeepFake demo needs opencv-doc&apos;s Megamind.avi (Debian&apos;s opencv-doc package)</source>
        <translation>DeepFake-demon behöver Megamind.avi från opencv-doc (Debians paket opencv-doc)</translation>
    </message>
    <message>
        <source>The DeepFake demo&apos;s detector is missing from this installation: %1</source>
        <translation>DeepFake-demons detektor saknas i den här installationen: %1</translation>
    </message>
    <message>
        <source>the project&apos;s folder is missing: %1</source>
        <translation>projektets mapp saknas: %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open a video first</source>
        <translation>Det finns inget att exportera än: öppna en video först</translation>
    </message>
    <message>
        <source>%1, frame %2 (%3): %4 explanation, %5</source>
        <translation>%1, bildruta %2 (%3): förklaring med %4, %5</translation>
    </message>
    <message>
        <source>; P(fake) %1</source>
        <translation>; P(falsk) %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::FigureOptionsDialog</name>
    <message>
        <source>Colorbar for the top map</source>
        <translation>Färgskala för den översta kartan</translation>
    </message>
    <message>
        <source>Legend for label layers</source>
        <translation>Teckenförklaring för etikettlager</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Skalstock</translation>
    </message>
    <message>
        <source>Figure Options</source>
        <translation>Figuralternativ</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source> in</source>
        <translation> tum</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Upplösning:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Bredd:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Bildtext:</translation>
    </message>
    <message>
        <source>Image pixels per unit:</source>
        <translation>Bildpunkter per enhet:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Enhet:</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphCanvas</name>
    <message>
        <source>Wheel: zoom · drag: pan · double click: fit</source>
        <translation>Hjul: zooma · dra: panorera · dubbelklick: anpassa</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphScene</name>
    <message>
        <source>edge AUC</source>
        <translation>kant-AUC</translation>
    </message>
    <message>
        <source>node AUC</source>
        <translation>nod-AUC</translation>
    </message>
    <message>
        <source>Spearman vs Crippen</source>
        <translation>Spearman mot Crippen</translation>
    </message>
    <message>
        <source>lost %1</source>
        <translation>förlorat %1</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>glapp %1</translation>
    </message>
    <message>
        <source>all relevance is zero</source>
        <translation>all relevans är noll</translation>
    </message>
    <message>
        <source>Sensitivity (SA)</source>
        <translation>Känslighet (SA)</translation>
    </message>
    <message>
        <source>Guided backprop (GBP)</source>
        <translation>Guidad backprop (GBP)</translation>
    </message>
    <message>
        <source>LRP</source>
        <translation>LRP</translation>
    </message>
    <message>
        <source>Integrated Gradients (IG)</source>
        <translation>Integrerade gradienter (IG)</translation>
    </message>
    <message>
        <source>Atom %1: %2</source>
        <translation>Atom %1: %2</translation>
    </message>
    <message>
        <source>Crippen logP contribution %1</source>
        <translation>Crippen-bidrag till logP %1</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>sjuk</translation>
    </message>
    <message>
        <source>immune</source>
        <translation>immun</translation>
    </message>
    <message>
        <source>infected</source>
        <translation>smittad</translation>
    </message>
    <message>
        <source>Node %1 (%2)</source>
        <translation>Nod %1 (%2)</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>frisk</translation>
    </message>
    <message>
        <source>predicted infection logit %1</source>
        <translation>förutsagd smittlogit %1</translation>
    </message>
    <message>
        <source>%1 relevance %2</source>
        <translation>%1-relevans %2</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>relevans</translation>
    </message>
    <message>
        <source>logP %1 · ESOL %2</source>
        <translation>logP %1 · ESOL %2</translation>
    </message>
    <message>
        <source>Infection graph: %1 nodes, %2 edges</source>
        <translation>Smittgraf: %1 noder, %2 kanter</translation>
    </message>
    <message>
        <source>red sick · green immune · orange infected · ! wrong prediction · dashed virtual</source>
        <translation>röd sjuk · grön immun · orange smittad · ! fel förutsägelse · streckad virtuell</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphTrainingPanel</name>
    <message>
        <source>InfectionGN on generated infection graphs</source>
        <translation>InfectionGN på genererade smittgrafer</translation>
    </message>
    <message>
        <source>SolubilityGN on molecules</source>
        <translation>SolubilityGN på molekyler</translation>
    </message>
    <message>
        <source>ESOL estimate (RDKit)</source>
        <translation>ESOL-uppskattning (RDKit)</translation>
    </message>
    <message>
        <source>Crippen logP (RDKit)</source>
        <translation>Crippen-logP (RDKit)</translation>
    </message>
    <message>
        <source>Measured (the opened CSV&apos;s target column)</source>
        <translation>Uppmätt (målkolumnen i den öppnade CSV-filen)</translation>
    </message>
    <message>
        <source>Built-in NCI molecules (rdkit-data)</source>
        <translation>Inbyggda NCI-molekyler (rdkit-data)</translation>
    </message>
    <message>
        <source>The opened molecule file</source>
        <translation>Den öppnade molekylfilen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Infection graphs</source>
        <translation>Smittgrafer</translation>
    </message>
    <message>
        <source>Molecules</source>
        <translation>Molekyler</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Träna</translation>
    </message>
    <message>
        <source>Training runs as a job: cancel it from the Jobs panel or with this button. The weights are saved after every epoch; 80 % of the data trains, 20 % validates.</source>
        <translation>Träningen körs som ett jobb: avbryt den från jobbpanelen eller med den här knappen. Vikterna sparas efter varje epok; 80 % av datan tränar, 20 % validerar.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>värde</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Träning</translation>
    </message>
    <message>
        <source>Epoch %1: train loss %2, validation %3 %4</source>
        <translation>Epok %1: träningsförlust %2, validering %3 %4</translation>
    </message>
    <message>
        <source>Open a molecule file first (SMILES, SDF or CSV), or train on the built-in molecules.</source>
        <translation>Öppna först en molekylfil (SMILES, SDF eller CSV), eller träna på de inbyggda molekylerna.</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>träningsförlust</translation>
    </message>
    <message>
        <source>Preparing the data...</source>
        <translation>Förbereder datan...</translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation>valideringsmått</translation>
    </message>
    <message>
        <source>Explaining with %1.</source>
        <translation>Förklarar med %1.</translation>
    </message>
    <message>
        <source>loss; validation RMSE</source>
        <translation>förlust; validerings-RMSE</translation>
    </message>
    <message>
        <source>loss; validation node accuracy</source>
        <translation>förlust; valideringens nodträffsäkerhet</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsModel</name>
    <message>
        <source>Read molecules from %1</source>
        <translation>Läs molekyler från %1</translation>
    </message>
    <message>
        <source>infection graph %1</source>
        <translation>smittgraf %1</translation>
    </message>
    <message>
        <source>molecule</source>
        <translation>molekyl</translation>
    </message>
    <message>
        <source>Explain %1</source>
        <translation>Förklara %1</translation>
    </message>
    <message>
        <source>node accuracy</source>
        <translation>nodträffsäkerhet</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>Träna %1</translation>
    </message>
    <message>
        <source>%1 epochs, validation %2 %3 (%4 s)</source>
        <translation>%1 epoker, validering %2 %3 (%4 s)</translation>
    </message>
    <message>
        <source>Embed %1 in 3-D</source>
        <translation>Bädda in %1 i 3D</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsView</name>
    <message>
        <source>Details for</source>
        <translation>Detaljer för</translation>
    </message>
    <message>
        <source>Relevance per node and feature</source>
        <translation>Relevans per nod och egenskap</translation>
    </message>
    <message>
        <source>Open a molecule to see it in 3-D (RDKit ETKDG embedding, MMFF94 optimisation).</source>
        <translation>Öppna en molekyl för att se den i 3D (RDKit ETKDG-inbäddning, MMFF94-optimering).</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Träna</translation>
    </message>
    <message>
        <source>Explaining with SA, GBP, LRP and IG...</source>
        <translation>Förklarar med SA, GBP, LRP och IG...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Could not explain:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Kunde inte förklara:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Seed of the generated graph</source>
        <translation>Frö för den genererade grafen</translation>
    </message>
    <message>
        <source>Largest fraction of sick nodes</source>
        <translation>Största andel sjuka noder</translation>
    </message>
    <message>
        <source>Largest fraction of immune nodes</source>
        <translation>Största andel immuna noder</translation>
    </message>
    <message>
        <source>Largest number of virtual edges, as a fraction of the real ones</source>
        <translation>Största antal virtuella kanter, som andel av de verkliga</translation>
    </message>
    <message>
        <source>Infection graph</source>
        <translation>Smittgraf</translation>
    </message>
    <message>
        <source>Generate an infection graph with these settings and explain its first infected node</source>
        <translation>Generera en smittgraf med dessa inställningar och förklara dess första smittade nod</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>frö</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>noder</translation>
    </message>
    <message>
        <source>sick ≤</source>
        <translation>sjuka ≤</translation>
    </message>
    <message>
        <source>immune ≤</source>
        <translation>immuna ≤</translation>
    </message>
    <message>
        <source>virtual ≤</source>
        <translation>virtuella ≤</translation>
    </message>
    <message>
        <source>SMILES, e.g. CC(=O)Nc1ccc(O)cc1</source>
        <translation>SMILES, t.ex. CC(=O)Nc1ccc(O)cc1</translation>
    </message>
    <message>
        <source>Molecule</source>
        <translation>Molekyl</translation>
    </message>
    <message>
        <source>Explain the molecule typed on the left</source>
        <translation>Förklara molekylen som skrivits till vänster</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Inbyggd modell</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modell</translation>
    </message>
    <message>
        <source>Open graph network weights</source>
        <translation>Öppna vikter för ett grafnätverk</translation>
    </message>
    <message>
        <source>Generate an infection graph, type a SMILES or open a molecule file (SMILES, SDF, CSV).</source>
        <translation>Generera en smittgraf, skriv en SMILES eller öppna en molekylfil (SMILES, SDF, CSV).</translation>
    </message>
    <message>
        <source>%1: %2 atoms; explaining the predicted value %3</source>
        <translation>%1: %2 atomer; förklarar det förutsagda värdet %3</translation>
    </message>
    <message>
        <source>Infection graph %1: %2 nodes, %3 edges; explaining %4 (click a node to explain it)</source>
        <translation>Smittgraf %1: %2 noder, %3 kanter; förklarar %4 (klicka på en nod för att förklara den)</translation>
    </message>
    <message>
        <source>predicted %1 · RDKit ESOL %2 · logP %3%4</source>
        <translation>förutsagt %1 · RDKit ESOL %2 · logP %3%4</translation>
    </message>
    <message>
        <source> · measured %1</source>
        <translation> · uppmätt %1</translation>
    </message>
    <message>
        <source>predicted infection correct for %1 of %2 nodes</source>
        <translation>förutsagd smitta rätt för %1 av %2 noder</translation>
    </message>
    <message>
        <source>atom</source>
        <translation>atom</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nod</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>relevans</translation>
    </message>
    <message>
        <source>Crippen contribution</source>
        <translation>Crippen-bidrag</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>egenskap</translation>
    </message>
    <message>
        <source>%1 in 3-D, atoms coloured by %2 relevance (hydrogens take their atom&apos;s colour, paler).</source>
        <translation>%1 i 3D, atomer färgade efter %2-relevans (väten får sin atoms färg, blekare).</translation>
    </message>
    <message>
        <source>SMILES column</source>
        <translation>SMILES-kolumn</translation>
    </message>
    <message>
        <source>Target column</source>
        <translation>Målkolumn</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Deletion curves</source>
        <translation>Borttagningskurvor</translation>
    </message>
    <message>
        <source>explained output</source>
        <translation>förklarad utdata</translation>
    </message>
    <message>
        <source>%1 (area %2)</source>
        <translation>%1 (area %2)</translation>
    </message>
    <message>
        <source>fraction of edges deleted</source>
        <translation>andel borttagna kanter</translation>
    </message>
    <message>
        <source>Edges deleted by relevance</source>
        <translation>Kanter borttagna efter relevans</translation>
    </message>
    <message>
        <source>fraction of nodes deleted</source>
        <translation>andel borttagna noder</translation>
    </message>
    <message>
        <source>Nodes deleted by relevance</source>
        <translation>Noder borttagna efter relevans</translation>
    </message>
    <message>
        <source>How the network aggregates messages, for weights that do not say (the paper&apos;s .pt checkpoints)</source>
        <translation>Hur nätverket aggregerar meddelanden, för vikter som inte säger det (artikelns .pt-kontrollpunkter)</translation>
    </message>
    <message>
        <source>from the weights</source>
        <translation>enligt vikterna</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot open:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: kan inte öppnas:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Show molecule %1</source>
        <translation>Visa molekyl %1</translation>
    </message>
    <message>
        <source>Infection graph %1</source>
        <translation>Smittgraf %1</translation>
    </message>
    <message>
        <source>Molecule %1</source>
        <translation>Molekyl %1</translation>
    </message>
    <message>
        <source>Use the built-in model</source>
        <translation>Använd den inbyggda modellen</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Använd modellen %1</translation>
    </message>
    <message>
        <source>Aggregation: %1</source>
        <translation>Aggregering: %1</translation>
    </message>
    <message>
        <source>Explain node %1</source>
        <translation>Förklara nod %1</translation>
    </message>
    <message>
        <source>Embedding %1 in 3-D...</source>
        <translation>Bäddar in %1 i 3D...</translation>
    </message>
    <message>
        <source>Read SMILES from column %1</source>
        <translation>Läs SMILES från kolumnen %1</translation>
    </message>
    <message>
        <source>Read SMILES from %1 and targets from %2</source>
        <translation>Läs SMILES från %1 och målvärden från %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsWorkspace</name>
    <message>
        <source>Graphs</source>
        <translation>Grafer</translation>
    </message>
    <message>
        <source>%1 is not a readable file</source>
        <translation>%1 är inte en läsbar fil</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 finns inte</translation>
    </message>
    <message>
        <source>%1 is not a molecule file (SMILES .smi, SD .sdf/.mol, or .csv with a smiles column)</source>
        <translation>%1 är inte en molekylfil (SMILES .smi, SD .sdf/.mol eller .csv med en smiles-kolumn)</translation>
    </message>
    <message>
        <source>Graphs: which edges spread an infection?</source>
        <translation>Grafer: vilka kanter sprider en smitta?</translation>
    </message>
    <message>
        <source>A generated infection graph explained by SA, GBP, LRP and IG with the built-in InfectionGN, scored against the true infection paths.</source>
        <translation>En genererad smittgraf förklarad med SA, GBP, LRP och IG med den inbyggda InfectionGN, bedömd mot de verkliga smittvägarna.</translation>
    </message>
    <message>
        <source>Graphs: which atoms drive solubility?</source>
        <translation>Grafer: vilka atomer styr lösligheten?</translation>
    </message>
    <message>
        <source>Paracetamol explained by the built-in solubility model, in 2-D and 3-D.</source>
        <translation>Paracetamol förklarat av den inbyggda löslighetsmodellen, i 2D och 3D.</translation>
    </message>
    <message>
        <source>There is nothing to export yet: explain a graph or a molecule first</source>
        <translation>Det finns inget att exportera än: förklara först en graf eller en molekyl</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::HelpDialog</name>
    <message>
        <source>Periscope Help</source>
        <translation>Periscope-hjälp</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>Användarhandboken saknas i detta bygge.</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobManager</name>
    <message>
        <source>Running</source>
        <translation>Körs</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Avbryts</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutet</translation>
    </message>
    <message>
        <source>Cancelled after %1 s</source>
        <translation>Avbrutet efter %1 s</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobModel</name>
    <message>
        <source>Cancel this job</source>
        <translation>Avbryt det här jobbet</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobsIndicator</name>
    <message>
        <source>Show or hide the jobs: progress, time taken, cancel</source>
        <translation>Visa eller dölj jobben: förlopp, tidsåtgång, avbryt</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Inga jobb körs</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n till)</numerusform>
            <numerusform> (+%n till)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Rensa avslutade</translation>
    </message>
</context>
<context>
    <name>periscope::app::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Felsökning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>periscope::app::LogPanel</name>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Show from:</source>
        <translation>Visa från:</translation>
    </message>
</context>
<context>
    <name>periscope::app::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 misslyckades: %2</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 avbröts</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 blev klar på %2 s</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbetsytor</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logg</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>Enhet: processor</translation>
    </message>
    <message>
        <source>Device: %1 (%2 GiB free)</source>
        <translation>Enhet: %1 (%2 GiB ledigt)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 finns inte</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions)</source>
        <translation>%1 kan inte läsas (behörighet)</translation>
    </message>
    <message>
        <source>No workspace named &apos;%1&apos; in this build</source>
        <translation>Ingen arbetsyta med namnet &apos;%1&apos; i den här versionen</translation>
    </message>
    <message>
        <source>No workspace opens %1 (a file without a suffix)</source>
        <translation>Ingen arbetsyta öppnar %1 (en fil utan filändelse)</translation>
    </message>
    <message>
        <source>No workspace opens .%1 files like %2</source>
        <translation>Ingen arbetsyta öppnar .%1-filer som %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Öppnade %1</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Kan inte öppna filen</translation>
    </message>
    <message>
        <source>Cannot open demo</source>
        <translation>Kan inte öppna demon</translation>
    </message>
    <message>
        <source>There is no workspace to export</source>
        <translation>Det finns ingen arbetsyta att exportera</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1: %2</source>
        <translation>Kan inte skriva skärmbilden %1: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Namnlös</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Öppna s&amp;enaste</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Öppna &amp;projekt…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Spara projekt</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Spara projekt s&amp;om…</translation>
    </message>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>&amp;Exportera figur…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Helskärm</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Periscope</source>
        <translation>&amp;Om Periscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Töm menyn</translation>
    </message>
    <message>
        <source>All supported files (%1)</source>
        <translation>Alla filer som stöds (%1)</translation>
    </message>
    <message>
        <source>Periscope projects (*.periscope)</source>
        <translation>Periscope-projekt (*.periscope)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Öppna projekt</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Exportera figur</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-bild (*.png);;SVG-teckning (*.svg);;PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>About Periscope</source>
        <translation>Om Periscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Periscope %1&lt;/h3&gt;&lt;p&gt;A workbench for looking inside vision models.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;Periscope is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Periscope %1&lt;/h3&gt;&lt;p&gt;En arbetsbänk för att se in i bildmodeller.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;Periscope är fri programvara under GNU General Public License, version 3 eller senare.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the project uses the workspace &apos;%1&apos;, which this build does not have</source>
        <translation>projektet använder arbetsytan &apos;%1&apos;, som inte finns i den här versionen</translation>
    </message>
    <message>
        <source>%1 opened with problems: %2</source>
        <translation>%1 öppnades med problem: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparade %1</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Kan inte öppna projektet</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Kan inte spara projektet</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Spara projekt som</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The project has changes that are not saved. Save them?</source>
        <translation>Projektet har ändringar som inte är sparade. Vill du spara dem?</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Återställa osparat arbete?</translation>
    </message>
    <message>
        <source>Periscope did not close properly last time. A project autosaved at %1 can be restored. Restore it?</source>
        <translation>Periscope avslutades inte korrekt förra gången. Ett projekt som sparades automatiskt %1 kan återställas. Vill du återställa det?</translation>
    </message>
    <message>
        <source>Cannot restore the autosaved project</source>
        <translation>Kan inte återställa det automatiskt sparade projektet</translation>
    </message>
    <message>
        <source>An autosaved project from a crashed session is at %1</source>
        <translation>Ett automatiskt sparat projekt från en kraschad session finns i %1</translation>
    </message>
    <message>
        <source>1 CPU thread</source>
        <translation>1 processortråd</translation>
    </message>
    <message>
        <source>%1 CPU threads</source>
        <translation>%1 processortrådar</translation>
    </message>
    <message>
        <source>Precision: %1</source>
        <translation>Precision: %1</translation>
    </message>
    <message>
        <source>This device runs bf16 fast; models use it where their accuracy holds</source>
        <translation>Den här enheten kör bf16 snabbt; modellerna använder det där deras noggrannhet håller</translation>
    </message>
    <message>
        <source>This device has no fast bf16; models run in fp32 unless bf16 is forced</source>
        <translation>Den här enheten saknar snabb bf16; modellerna körs i fp32 om inte bf16 tvingas fram</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporterade %1</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modeller…</translation>
    </message>
    <message>
        <source>Project opened with problems</source>
        <translation>Projektet öppnades med problem</translation>
    </message>
    <message>
        <source>%1 is not for %2: opened where its kind belongs</source>
        <translation>%1 hör inte till %2: öppnad där dess slag hör hemma</translation>
    </message>
    <message>
        <source>Periscope &amp;Help</source>
        <translation>Periscope-&amp;hjälp</translation>
    </message>
</context>
<context>
    <name>periscope::app::ModelChoice</name>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.ckpt *.bin);;All files (*)</source>
        <translation>Vikter (*.safetensors *.pth *.pt *.ckpt *.bin);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>Inbyggd: %1</translation>
    </message>
    <message>
        <source>%1 (your models folder)</source>
        <translation>%1 (din modellmapp)</translation>
    </message>
    <message>
        <source>%1
%2
Licence: %3</source>
        <translation>%1
%2
Licens: %3</translation>
    </message>
    <message>
        <source>Weights file...</source>
        <translation>Viktfil...</translation>
    </message>
</context>
<context>
    <name>periscope::app::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modeller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbetsyta</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>På den här datorn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Locate file...</source>
        <translation>Leta upp fil...</translation>
    </message>
    <message>
        <source>A checkpoint you downloaded yourself: its SHA-256 is checked against the catalogue, then it is copied into your models folder</source>
        <translation>En kontrollpunkt som du själv har laddat ner: dess SHA-256 jämförs med katalogen, sedan kopieras den till din modellmapp</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Ladda ner</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Kontrollera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Locate a model file</source>
        <translation>Leta upp en modellfil</translation>
    </message>
    <message>
        <source>Weights (*.pth *.pt *.safetensors *.bin *.gz);;All files (*)</source>
        <translation>Vikter (*.pth *.pt *.safetensors *.bin *.gz);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Ladda ner %1</translation>
    </message>
    <message>
        <source>%1 downloaded and verified.</source>
        <translation>%1 nedladdad och kontrollerad.</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Kontrollera %1</translation>
    </message>
    <message>
        <source>%1 matches the catalogue.</source>
        <translation>%1 stämmer med katalogen.</translation>
    </message>
    <message>
        <source>%1 differs: %2</source>
        <translation>%1 avviker: %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>inbyggd</translation>
    </message>
    <message>
        <source>in your models folder</source>
        <translation>i din modellmapp</translation>
    </message>
    <message>
        <source>%1
Architecture: %2
Input: %3%4</source>
        <translation>%1
Arkitektur: %2
Indata: %3%4</translation>
    </message>
    <message>
        <source>
Trained by: %1</source>
        <translation>
Tränad med: %1</translation>
    </message>
    <message>
        <source>Your models folder: %1</source>
        <translation>Din modellmapp: %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Lägg till %1</translation>
    </message>
    <message>
        <source>%1 is %2: added to your models folder.</source>
        <translation>%1 är %2: tillagd i din modellmapp.</translation>
    </message>
    <message>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Avbrutet; inget sparades.</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyModel</name>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kan inte öppnas: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) opened</source>
        <translation>
            <numerusform>%n bild öppnad</numerusform>
            <numerusform>%n bilder öppnade</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a prompt first</source>
        <translation>Skriv en prompt först</translation>
    </message>
    <message>
        <source>A prompt cannot hold a semicolon (it separates prompts in projects and on the command line)</source>
        <translation>En prompt kan inte innehålla semikolon (det skiljer prompter åt i projekt och på kommandoraden)</translation>
    </message>
    <message>
        <source>A prompt is at most %1 characters</source>
        <translation>En prompt är högst %1 tecken</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the list</source>
        <translation>”%1” finns redan i listan</translation>
    </message>
    <message>
        <source>At most %1 prompts</source>
        <translation>Högst %1 prompter</translation>
    </message>
    <message>
        <source>Load open-vocabulary model %1</source>
        <translation>Läs in modellen för öppet ordförråd %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>The open-vocabulary model could not be loaded: %1</source>
        <translation>Modellen för öppet ordförråd kunde inte läsas in: %1</translation>
    </message>
    <message numerus="yes">
        <source>Embed %n prompt(s)</source>
        <translation>
            <numerusform>Bädda in %n prompt</numerusform>
            <numerusform>Bädda in %n prompter</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompts could not be embedded: %1</source>
        <translation>Prompterna kunde inte bäddas in: %1</translation>
    </message>
    <message numerus="yes">
        <source>Segment %n image(s) by the prompts</source>
        <translation>
            <numerusform>Segmentera %n bild efter prompterna</numerusform>
            <numerusform>Segmentera %n bilder efter prompterna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prompt mIoU %1 over %n scene(s) (shuffled prompts: %2)</source>
        <translation>
            <numerusform>Prompt-mIoU %1 över %n scen (omkastade prompter: %2)</numerusform>
            <numerusform>Prompt-mIoU %1 över %n scener (omkastade prompter: %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Segmentera %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Training needs a scene folder (Slots&apos; generator or CLEVR): its objects&apos; colours, materials, shapes and sizes make the captions. Open one first.</source>
        <translation>Träning kräver en scenmapp (Slots generator eller CLEVR): objektens färger, material, former och storlekar blir bildtexterna. Öppna en först.</translation>
    </message>
    <message numerus="yes">
        <source>Train a small dino.txt on %n scene(s)</source>
        <translation>
            <numerusform>Träna en liten dino.txt på %n scen</numerusform>
            <numerusform>Träna en liten dino.txt på %n scener</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 scenes, %3 s; held-out caption accuracy %4</source>
        <translation>%1 epoker på %2 scener, %3 s; bildtextträffsäkerhet på undanhållna scener %4</translation>
    </message>
    <message>
        <source>, prompt mIoU %1 at background %2</source>
        <translation>, prompt-mIoU %1 vid bakgrund %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyTrainingPanel</name>
    <message>
        <source>Train on the open scenes</source>
        <translation>Träna på de öppna scenerna</translation>
    </message>
    <message>
        <source>Trainable blocks on the frozen backbone (dino.txt has two)</source>
        <translation>Tränbara block ovanpå det frysta nätverket (dino.txt har två)</translation>
    </message>
    <message>
        <source>A multiple of 64: dino.txt&apos;s attention heads are 64 wide</source>
        <translation>En multipel av 64: dino.txt:s uppmärksamhetshuvuden är 64 breda</translation>
    </message>
    <message>
        <source>Captions drawn from each scene&apos;s objects (&quot;a large red metal sphere&quot;, &quot;two cubes and a cylinder&quot;)</source>
        <translation>Bildtexter dragna ur varje scens objekt (”a large red metal sphere”, ”two cubes and a cylinder”)</translation>
    </message>
    <message>
        <source>One object&apos;s mean patch token and the floor&apos;s against the captions&apos; patch halves (0: dino.txt&apos;s loss only; without it the patch half barely learns at this scale)</source>
        <translation>Ett objekts och golvets medelpatchtoken mot bildtexternas patchhalvor (0: bara dino.txt:s förlust; utan den lär sig patchhalvan knappt något i denna skala)</translation>
    </message>
    <message>
        <source>Vision head blocks</source>
        <translation>Block i bildhuvudet</translation>
    </message>
    <message>
        <source>Text layers</source>
        <translation>Textlager</translation>
    </message>
    <message>
        <source>Text width</source>
        <translation>Textbredd</translation>
    </message>
    <message>
        <source>Captions per scene</source>
        <translation>Bildtexter per scen</translation>
    </message>
    <message>
        <source>Region term weight</source>
        <translation>Vikt för regiontermen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchstorlek</translation>
    </message>
    <message>
        <source>dino.txt&apos;s recipe at small scale: the built-in Slots ViT stays frozen, as DINOv2 does in the paper; the vision head and a word-level text encoder learn from captions of each scene&apos;s objects (contrastive, every caption that holds for an image is its positive). 10 % of the scenes are held out; after every epoch their caption accuracy and prompt mIoU are measured. The weights are saved after every epoch.</source>
        <translation>dino.txt:s recept i liten skala: den inbyggda Slots-ViT:n förblir fryst, som DINOv2 i artikeln; bildhuvudet och en textkodare på ordnivå lär sig av bildtexter om varje scens objekt (kontrastivt, varje bildtext som stämmer för en bild är dess positiva). 10 % av scenerna hålls undan; efter varje epok mäts deras bildtextträffsäkerhet och prompt-mIoU. Vikterna sparas efter varje epok.</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Förluster</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>förlust</translation>
    </message>
    <message>
        <source>train</source>
        <translation>träning</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validering</translation>
    </message>
    <message>
        <source>Held-out scenes</source>
        <translation>Undanhållna scener</translation>
    </message>
    <message>
        <source>score</source>
        <translation>poäng</translation>
    </message>
    <message>
        <source>caption accuracy</source>
        <translation>bildtextträffsäkerhet</translation>
    </message>
    <message>
        <source>prompt mIoU</source>
        <translation>prompt-mIoU</translation>
    </message>
    <message>
        <source>The images are segmented with %1.</source>
        <translation>Bilderna segmenteras med %1.</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3), caption accuracy %4, prompt mIoU %5 at background %6; %7 s</source>
        <translation>Epok %1: förlust %2 (validering %3), bildtextträffsäkerhet %4, prompt-mIoU %5 vid bakgrund %6; %7 s</translation>
    </message>
    <message>
        <source>Reading the scenes...</source>
        <translation>Läser scenerna...</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyView</name>
    <message>
        <source>Open images…</source>
        <translation>Öppna bilder…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Öppna mapp…</translation>
    </message>
    <message>
        <source>A folder of images, or a scene folder with instance masks (Slots&apos; generator, CLEVR): each prompt is then scored against the objects it names</source>
        <translation>En mapp med bilder, eller en scenmapp med instansmasker (Slots generator, CLEVR): varje prompt poängsätts då mot objekten den nämner</translation>
    </message>
    <message>
        <source>Load an open-vocabulary model</source>
        <translation>Läs in en modell för öppet ordförråd</translation>
    </message>
    <message>
        <source>dino.txt ViT-L/14 (released)</source>
        <translation>dino.txt ViT-L/14 (publicerad)</translation>
    </message>
    <message>
        <source>The small dino.txt built in (trained here on generated scenes), the released dino.txt (its four files from Edit &gt; Models…), a small model&apos;s .safetensors (periscope-cli train-open-vocab), or one of the released files (the others beside it)</source>
        <translation>Den lilla inbyggda dino.txt (tränad här på genererade scener), den publicerade dino.txt (dess fyra filer från Redigera &gt; Modeller…), en liten modells .safetensors (periscope-cli train-open-vocab), eller en av de publicerade filerna (de andra bredvid den)</translation>
    </message>
    <message>
        <source>Load a model to compare</source>
        <translation>Läs in en modell att jämföra med</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Ingen jämförelse</translation>
    </message>
    <message>
        <source>A second model, shown beside the first on the same prompts</source>
        <translation>En andra modell, visad bredvid den första med samma prompter</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Ingen modell</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Jämför med:</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Double-click a prompt to change its colour</source>
        <translation>Dubbelklicka på en prompt för att byta dess färg</translation>
    </message>
    <message>
        <source>red objects, metal cubes, a photo of a cat…</source>
        <translation>red objects, metal cubes, a photo of a cat… (på engelska)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Färg…</translation>
    </message>
    <message>
        <source>CLIP&apos;s 80 ImageNet templates</source>
        <translation>CLIP:s 80 ImageNet-mallar</translation>
    </message>
    <message>
        <source>Each prompt is embedded as the mean of &quot;a photo of a {}.&quot; and 79 other phrasings, as CLIP and dino.txt classify ImageNet</source>
        <translation>Varje prompt bäddas in som medelvärdet av ”a photo of a {}.” och 79 andra formuleringar, som CLIP och dino.txt klassificerar ImageNet</translation>
    </message>
    <message>
        <source>The model&apos;s suggestion</source>
        <translation>Modellens förslag</translation>
    </message>
    <message>
        <source>A pixel whose best cosine similarity with the prompts is below this is background; -1 keeps every pixel</source>
        <translation>En pixel vars bästa cosinuslikhet med prompterna ligger under detta är bakgrund; -1 behåller varje pixel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prompts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prompter&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Background below</source>
        <translation>Bakgrund under</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>Hela bilden</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Cosinus</translation>
    </message>
    <message>
        <source>At the clicked pixel</source>
        <translation>I den klickade pixeln</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Likhet</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Shuffled</source>
        <translation>Omkastad</translation>
    </message>
    <message>
        <source>IoU (B)</source>
        <translation>IoU (B)</translation>
    </message>
    <message>
        <source>Shuffled (B)</source>
        <translation>Omkastad (B)</translation>
    </message>
    <message>
        <source>Each prompt&apos;s pixels against the pixels of the objects it names, summed over the scene folder; &quot;Shuffled&quot; scores the same segmentations against the next prompt&apos;s objects: what overlap alone gives</source>
        <translation>Varje prompts pixlar mot pixlarna hos objekten den nämner, summerade över scenmappen; ”Omkastad” poängsätter samma segmenteringar mot nästa prompts objekt: vad enbart överlapp ger</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Rangordning</translation>
    </message>
    <message>
        <source>Scene scores</source>
        <translation>Scenpoäng</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentering</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Träning</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Öppna bilder</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Open a folder of images or a scene folder</source>
        <translation>Öppna en mapp med bilder eller en scenmapp</translation>
    </message>
    <message>
        <source>The colour of &quot;%1&quot;</source>
        <translation>Färgen för ”%1”</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Läser in %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;A&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;B&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: loading %1…</source>
        <translation>&lt;b&gt;B&lt;/b&gt;: läser in %1…</translation>
    </message>
    <message>
        <source>Add the prompt &quot;%1&quot;</source>
        <translation>Lägg till prompten ”%1”</translation>
    </message>
    <message>
        <source>Remove the prompt &quot;%1&quot;</source>
        <translation>Ta bort prompten ”%1”</translation>
    </message>
    <message>
        <source>Recolour &quot;%1&quot;</source>
        <translation>Byt färg på ”%1”</translation>
    </message>
    <message>
        <source>Use the ImageNet templates</source>
        <translation>Använd ImageNet-mallarna</translation>
    </message>
    <message>
        <source>Use the prompts alone</source>
        <translation>Använd prompterna ensamma</translation>
    </message>
    <message>
        <source>Background below %1</source>
        <translation>Bakgrund under %1</translation>
    </message>
    <message>
        <source>The model&apos;s background threshold</source>
        <translation>Modellens bakgrundströskel</translation>
    </message>
    <message>
        <source>Add prompts to segment the image by them.</source>
        <translation>Lägg till prompter för att segmentera bilden efter dem.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 never saw %3; it reads them as one unknown word.</source>
        <translation>”%1”: %2 har aldrig sett %3; den läser dem som ett okänt ord.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>modellen</translation>
    </message>
    <message>
        <source>model B</source>
        <translation>modell B</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>kan inte öppnas</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <source>mIoU %1</source>
        <translation>mIoU %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot analyse:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: kan inte analyseras:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Similarity to &quot;%1&quot;</source>
        <translation>Likhet med ”%1”</translation>
    </message>
    <message>
        <source>Ranked pixel</source>
        <translation>Rangordnad pixel</translation>
    </message>
    <message>
        <source>At pixel (%1, %2)</source>
        <translation>I pixel (%1, %2)</translation>
    </message>
    <message>
        <source>At the clicked pixel (click the image)</source>
        <translation>I den klickade pixeln (klicka i bilden)</translation>
    </message>
    <message>
        <source>no instance masks: no scores</source>
        <translation>inga instansmasker: inga poäng</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>ej poängsatt</translation>
    </message>
    <message>
        <source>Names no attribute of the scenes&apos; objects (colour, material, shape, size)</source>
        <translation>Nämner ingen egenskap hos scenernas objekt (färg, material, form, storlek)</translation>
    </message>
    <message numerus="yes">
        <source>Mean over %n scene(s)</source>
        <translation>
            <numerusform>Medel över %n scen</numerusform>
            <numerusform>Medel över %n scener</numerusform>
        </translation>
    </message>
    <message>
        <source>prompt mIoU %1 (shuffled %2)</source>
        <translation>prompt-mIoU %1 (omkastad %2)</translation>
    </message>
    <message>
        <source>Close the images</source>
        <translation>Stäng bilderna</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>Jämför med %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Använd modellen %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyWorkspace</name>
    <message>
        <source>Open vocabulary</source>
        <translation>Öppet ordförråd</translation>
    </message>
    <message>
        <source>%1 is neither an image nor a folder</source>
        <translation>%1 är varken en bild eller en mapp</translation>
    </message>
    <message>
        <source>Open vocabulary: find objects by typed words</source>
        <translation>Öppet ordförråd: hitta objekt med skrivna ord</translation>
    </message>
    <message>
        <source>Generated scenes segmented by colour prompts with the built-in small dino.txt (trained here), each prompt&apos;s IoU against the true objects beside the shuffled-prompt chance level.</source>
        <translation>Genererade scener segmenterade efter färgprompter med den lilla inbyggda dino.txt (tränad här), varje prompts IoU mot de sanna objekten bredvid slumpnivån med omkastade prompter.</translation>
    </message>
    <message>
        <source>The Open-vocabulary demo&apos;s scenes or model are missing from this installation</source>
        <translation>Demons scener eller modell för öppet ordförråd saknas i denna installation</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open an image, add prompts and let the model segment it</source>
        <translation>Det finns inget att exportera än: öppna en bild, lägg till prompter och låt modellen segmentera den</translation>
    </message>
    <message>
        <source>%1: segmentation by the prompts (background below %2), each prompt&apos;s similarity from %3 to %4; %5</source>
        <translation>%1: segmentering efter prompterna (bakgrund under %2), varje prompts likhet från %3 till %4; %5</translation>
    </message>
    <message>
        <source>; beside it %1</source>
        <translation>; bredvid den %1</translation>
    </message>
    <message>
        <source>; prompt mIoU %1, shuffled prompts %2 (scenes: %3)</source>
        <translation>; prompt-mIoU %1, omkastade prompter %2 (scener: %3)</translation>
    </message>
</context>
<context>
    <name>periscope::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatiskt (CUDA när det finns)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Processor</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Alla (%1)</translation>
    </message>
    <message>
        <source>Automatic (bf16 where the model&apos;s tolerance holds)</source>
        <translation>Automatiskt (bf16 där modellens tolerans håller)</translation>
    </message>
    <message>
        <source>Always fp32</source>
        <translation>Alltid fp32</translation>
    </message>
    <message>
        <source>Always bf16</source>
        <translation>Alltid bf16</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Beräkning</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Enhet:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Processortrådar:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precision:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Utseende</translation>
    </message>
    <message>
        <source>Default colormap:</source>
        <translation>Standardfärgskala:</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>Språk (efter omstart):</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Lagring</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modeller:</translation>
    </message>
    <message>
        <source>Datasets:</source>
        <translation>Datamängder:</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Spara automatiskt var:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Välj en mapp</translation>
    </message>
    <message>
        <source> megapixels</source>
        <translation> megapixlar</translation>
    </message>
    <message>
        <source>Larger images are refused from their header, before decoding: a small file can declare an image that would take gigabytes of memory.</source>
        <translation>Större bilder avvisas utifrån huvudet, före avkodning: en liten fil kan ange en bild som skulle ta gigabyte minne.</translation>
    </message>
    <message>
        <source>Largest image:</source>
        <translation>Största bild:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <source>The DeepFake workspace keeps every explained frame on disk; past this size the explanations used longest ago are removed (and computed again when needed)</source>
        <translation>DeepFake-arbetsytan sparar varje förklarad bildruta på disk; över denna storlek tas de förklaringar bort som användes för längst sedan (och beräknas igen vid behov)</translation>
    </message>
    <message>
        <source>Explanation cache:</source>
        <translation>Förklaringscache:</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProblemsIndicator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problem</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest: %1
Click to read them in the log</source>
        <translation>Det senaste: %1
Klicka för att läsa dem i loggen</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProjectFile</name>
    <message>
        <source>%1 is empty, not a Periscope project</source>
        <translation>%1 är tom, inte ett Periscope-projekt</translation>
    </message>
    <message>
        <source>%1 is truncated (it ends at byte %2 in the middle of the project)</source>
        <translation>%1 är avkortad (den slutar vid byte %2 mitt i projektet)</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project: it is not valid JSON (%2 at byte %3)</source>
        <translation>%1 är inte ett Periscope-projekt: det är inte giltig JSON (%2 vid byte %3)</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project: its JSON is not an object</source>
        <translation>%1 är inte ett Periscope-projekt: dess JSON är inget objekt</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project (no &quot;format&quot;: &quot;periscope-project&quot;)</source>
        <translation>%1 är inte ett Periscope-projekt (inget &quot;format&quot;: &quot;periscope-project&quot;)</translation>
    </message>
    <message>
        <source>%1 has no format version</source>
        <translation>%1 saknar formatversion</translation>
    </message>
    <message>
        <source>%1 was saved by a newer Periscope (%2, project format %3); this version reads format %4 and older. Update Periscope to open it.</source>
        <translation>%1 sparades av en nyare Periscope (%2, projektformat %3); den här versionen läser format %4 och äldre. Uppdatera Periscope för att öppna det.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <source>%1 has an invalid format version %2</source>
        <translation>%1 har en ogiltig formatversion %2</translation>
    </message>
    <message>
        <source>%1: &quot;workspaces&quot; must be a list</source>
        <translation>%1: &quot;workspaces&quot; måste vara en lista</translation>
    </message>
    <message>
        <source>%1: a workspace entry has no id</source>
        <translation>%1: en arbetsyta saknar id</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 finns inte</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large for a Periscope project</source>
        <translation>%1 är %2 MB, för stor för ett Periscope-projekt</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan inte läsa %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, FIFO, socket or device), not a project</source>
        <translation>%1 är ingen vanlig fil (en mapp, FIFO, sockel eller enhet), inget projekt</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProjectPaths</name>
    <message>
        <source>the project names an empty path</source>
        <translation>projektet anger en tom sökväg</translation>
    </message>
    <message>
        <source>the project names a path with a NUL character</source>
        <translation>projektet anger en sökväg med ett NUL-tecken</translation>
    </message>
    <message>
        <source>%1 is outside the project&apos;s folder, not opened (a project from elsewhere opens only files in %2)</source>
        <translation>%1 ligger utanför projektets mapp och öppnas inte (ett projekt från annat håll öppnar bara filer i %2)</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsModel</name>
    <message>
        <source>Read %1</source>
        <translation>Läs %1</translation>
    </message>
    <message>
        <source>%1 detections name an image that is not open, %2 a class the data does not have</source>
        <translation>%1 detektioner anger en bild som inte är öppen, %2 en klass som data saknar</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) open (%1)</source>
        <translation>
            <numerusform>%n bild öppen (%1)</numerusform>
            <numerusform>%n bilder öppna (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Kan inte öppna %1: %2</translation>
    </message>
    <message>
        <source>Load the relations model %1</source>
        <translation>Läs in relationsmodellen %1</translation>
    </message>
    <message>
        <source>The relations model %1 could not be loaded: %2</source>
        <translation>Relationsmodellen %1 kunde inte läsas in: %2</translation>
    </message>
    <message numerus="yes">
        <source>Recover the relations of %n image(s)</source>
        <translation>
            <numerusform>Hitta relationerna i %n bild</numerusform>
            <numerusform>Hitta relationerna i %n bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s); relationship recall@%1 %2 (random ranking %3), predicate mAP %4</source>
        <translation>
            <numerusform>Relationer funna för %n bild; relationsrecall@%1 %2 (slumpvis rangordning %3), predikat-mAP %4</numerusform>
            <numerusform>Relationer funna för %n bilder; relationsrecall@%1 %2 (slumpvis rangordning %3), predikat-mAP %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s)</source>
        <translation>
            <numerusform>Relationer funna för %n bild</numerusform>
            <numerusform>Relationer funna för %n bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be analysed; the list says why</source>
        <translation>
            <numerusform>%n bild kunde inte analyseras; listan säger varför</numerusform>
            <numerusform>%n bilder kunde inte analyseras; listan säger varför</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover the relations of %1</source>
        <translation>Hitta relationerna i %1</translation>
    </message>
    <message>
        <source>Decode %1</source>
        <translation>Avkoda %1</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kan inte visas: %2</translation>
    </message>
    <message>
        <source>Training needs a dataset with true triplets (scenes, VRD, HICO-DET): their predicates are the labels.</source>
        <translation>Träning kräver en datamängd med sanna tripletter (scener, VRD, HICO-DET): deras predikat är etiketterna.</translation>
    </message>
    <message numerus="yes">
        <source>Train relations on %n image(s)</source>
        <translation>
            <numerusform>Träna relationer på %n bild</numerusform>
            <numerusform>Träna relationer på %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 images, %3 s; validation predicate mAP %4</source>
        <translation>%1 epoker på %2 bilder, %3 s; valideringens predikat-mAP %4</translation>
    </message>
    <message>
        <source>; relationship recall@%1 %2 explaining logits, %3 scores, %4 random</source>
        <translation>; relationsrecall@%1 %2 med förklarade logiter, %3 poäng, %4 slump</translation>
    </message>
    <message>
        <source>Count the triplets of %1</source>
        <translation>Räkna tripletterna i %1</translation>
    </message>
    <message numerus="yes">
        <source>The prior %1 counts %n true triplet(s) of %2</source>
        <translation>
            <numerusform>Priorn %1 räknar %n sann triplett i %2</numerusform>
            <numerusform>Priorn %1 räknar %n sanna tripletter i %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No prior from %1: %2</source>
        <translation>Ingen prior från %1: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsTrainingPanel</name>
    <message>
        <source>Train on the open dataset</source>
        <translation>Träna på den öppna datamängden</translation>
    </message>
    <message>
        <source>FC_AGG: a layer per edge, then pooling (the paper&apos;s default); AGG_FC: pooling, then the layer</source>
        <translation>FC_AGG: ett lager per kant, sedan poolning (artikelns standard); AGG_FC: poolning, sedan lagret</translation>
    </message>
    <message>
        <source>Width of every fully connected layer</source>
        <translation>Bredd på varje helt kopplat lager</translation>
    </message>
    <message>
        <source>Readout</source>
        <translation>Utläsning</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Poolning</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Bredd</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchstorlek</translation>
    </message>
    <message>
        <source>Weakly supervised: each image&apos;s label is only the set of predicates its true triplets use, never which objects they join (binary cross-entropy, Adam). 10 % held out; after every epoch the relations the explainer recovers there are scored against the truth. The weights are saved after every epoch.</source>
        <translation>Svagt övervakad: varje bilds etikett är bara mängden predikat som dess sanna tripletter använder, aldrig vilka objekt de förbinder (binär korsentropi, Adam). 10 % hålls undan; efter varje epok jämförs relationerna som förklaringen hittar där med facit. Vikterna sparas efter varje epok.</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Förluster</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>förlust</translation>
    </message>
    <message>
        <source>train</source>
        <translation>träning</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validering</translation>
    </message>
    <message>
        <source>Held-out images</source>
        <translation>Undanhållna bilder</translation>
    </message>
    <message>
        <source>score</source>
        <translation>värde</translation>
    </message>
    <message>
        <source>predicate mAP</source>
        <translation>predikat-mAP</translation>
    </message>
    <message>
        <source>R@%1 explaining logits</source>
        <translation>R@%1 med förklarade logiter</translation>
    </message>
    <message>
        <source>R@%1 explaining scores</source>
        <translation>R@%1 med förklarade poäng</translation>
    </message>
    <message>
        <source>R@%1 random ranking</source>
        <translation>R@%1 slumpvis rangordning</translation>
    </message>
    <message>
        <source>The images are analysed with %1.</source>
        <translation>Bilderna analyseras med %1.</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3), mAP %4, R@%5 %6 (random %7); %8 s</source>
        <translation>Epok %1: förlust %2 (validering %3), mAP %4, R@%5 %6 (slump %7); %8 s</translation>
    </message>
    <message>
        <source>Reading the images...</source>
        <translation>Läser bilderna...</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsView</name>
    <message>
        <source>Open images...</source>
        <translation>Öppna bilder...</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Öppna bilder</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Open dataset...</source>
        <translation>Öppna datamängd...</translation>
    </message>
    <message>
        <source>A scene folder (periscope-cli scenes --relations), VRD (json_dataset/, sg_dataset/) or HICO-DET (annotations/, images/)</source>
        <translation>En scenmapp (periscope-cli scenes --relations), VRD (json_dataset/, sg_dataset/) eller HICO-DET (annotations/, images/)</translation>
    </message>
    <message>
        <source>Open a relations dataset</source>
        <translation>Öppna en relationsdatamängd</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>testdelen</translation>
    </message>
    <message>
        <source>train split</source>
        <translation>träningsdelen</translation>
    </message>
    <message>
        <source>VRD and HICO-DET: which split to read</source>
        <translation>VRD och HICO-DET: vilken del som läses</translation>
    </message>
    <message>
        <source>Open relations weights</source>
        <translation>Öppna relationsvikter</translation>
    </message>
    <message>
        <source>Ground-truth boxes</source>
        <translation>Facitrutor</translation>
    </message>
    <message>
        <source>Detections file...</source>
        <translation>Detektionsfil...</translation>
    </message>
    <message>
        <source>The graph&apos;s nodes: the dataset&apos;s own boxes, or a detector&apos;s in COCO&apos;s results format ([{image_id, category_id, bbox [x, y, w, h], score}])</source>
        <translation>Grafens noder: datamängdens egna rutor, eller en detektors i COCO:s resultatformat ([{image_id, category_id, bbox [x, y, w, h], score}])</translation>
    </message>
    <message>
        <source>Explain logits</source>
        <translation>Förklara logiter</translation>
    </message>
    <message>
        <source>Explain scores (paper)</source>
        <translation>Förklara poäng (artikeln)</translation>
    </message>
    <message>
        <source>The paper explains each predicate&apos;s sigmoid score; a classifier sure of a predicate saturates it, so its gradient (and the relevance of the objects behind it) nearly vanishes. Explaining the logit keeps it: on the built-in model relationship recall@20 rises from 0.18 to 0.54.</source>
        <translation>Artikeln förklarar varje predikats sigmoidpoäng; en klassificerare som är säker på ett predikat mättar den, så dess gradient (och relevansen hos objekten bakom) nästan försvinner. Att förklara logiten behåller den: på den inbyggda modellen stiger relationsrecall@20 från 0.18 till 0.54.</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrerade gradienter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Draw boxes</source>
        <translation>Rita rutor</translation>
    </message>
    <message>
        <source>Drag on the image to add an object of the chosen category (the image is then analysed again); Edit &gt; Undo takes it back</source>
        <translation>Dra på bilden för att lägga till ett objekt av vald kategori (bilden analyseras sedan igen); Redigera &gt; Ångra tar bort det</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>Ta bort ruta</translation>
    </message>
    <message>
        <source>Removes the box selected on the image (click its outline)</source>
        <translation>Tar bort rutan som är vald i bilden (klicka på dess kant)</translation>
    </message>
    <message>
        <source>Source boxes</source>
        <translation>Källans rutor</translation>
    </message>
    <message>
        <source>Forget the boxes drawn on this image and use those of the box source again</source>
        <translation>Glöm rutorna som ritats i den här bilden och använd rutkällans igen</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>In truth</source>
        <translation>I facit</translation>
    </message>
    <message>
        <source>The classifier&apos;s score for each predicate in this image; choose one to see which objects and pairs its explanation points at</source>
        <translation>Klassificerarens poäng för varje predikat i bilden; välj ett för att se vilka objekt och par dess förklaring pekar ut</translation>
    </message>
    <message>
        <source>Triplet</source>
        <translation>Triplett</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Facit</translation>
    </message>
    <message>
        <source>R@%1</source>
        <translation>R@%1</translation>
    </message>
    <message>
        <source>Share of the image&apos;s true triplets found among its first %1 (relationship detection)</source>
        <translation>Andel av bildens sanna tripletter som finns bland dess %1 första (relationsdetektion)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Open a relations dataset or images: the model classifies each image&apos;s predicates, and explaining each predicate finds which objects it relates.</source>
        <translation>Öppna en relationsdatamängd eller bilder: modellen klassificerar varje bilds predikat, och förklaringen av varje predikat visar vilka objekt det förbinder.</translation>
    </message>
    <message>
        <source>Open a detections file (COCO results)</source>
        <translation>Öppna en detektionsfil (COCO-resultat)</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Detections: %1</source>
        <translation>Detektioner: %1</translation>
    </message>
    <message>
        <source>%1 drawn</source>
        <translation>%1 ritade</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <source>All: the top triplets</source>
        <translation>Alla: de bästa tripletterna</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n objekt</numerusform>
            <numerusform>%1: %n objekt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n true triplet(s)</source>
        <translation>
            <numerusform>, %n sann triplett</numerusform>
            <numerusform>, %n sanna tripletter</numerusform>
        </translation>
    </message>
    <message>
        <source> (boxes drawn here)</source>
        <translation> (rutor ritade här)</translation>
    </message>
    <message>
        <source>Not analysed: %1</source>
        <translation>Inte analyserad: %1</translation>
    </message>
    <message>
        <source>Being analysed...</source>
        <translation>Analyseras...</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Ingen modell inläst.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>node relevance</source>
        <translation>nodrelevans</translation>
    </message>
    <message>
        <source>Relationship graph</source>
        <translation>Relationsgraf</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missad</translation>
    </message>
    <message>
        <source>Nothing analysed yet</source>
        <translation>Inget analyserat ännu</translation>
    </message>
    <message>
        <source>No ground truth to score against</source>
        <translation>Inget facit att jämföra med</translation>
    </message>
    <message>
        <source>Predicate detection</source>
        <translation>Predikatdetektion</translation>
    </message>
    <message>
        <source>Phrase detection</source>
        <translation>Frasdetektion</translation>
    </message>
    <message>
        <source>Relationship detection</source>
        <translation>Relationsdetektion</translation>
    </message>
    <message>
        <source>Random ranking</source>
        <translation>Slumpvis rangordning</translation>
    </message>
    <message>
        <source>Predicate mAP</source>
        <translation>Predikat-mAP</translation>
    </message>
    <message>
        <source>Over %1 image(s) with true triplets. A true triplet counts when a prediction among the first K matches its classes (predicate detection), also its union box (phrase), or both boxes (relationship), IoU &gt; 0.5.</source>
        <translation>Över %1 bild(er) med sanna tripletter. En sann triplett räknas när en förutsägelse bland de K första stämmer med dess klasser (predikatdetektion), även dess föreningsruta (fras), eller båda rutorna (relation), IoU &gt; 0.5.</translation>
    </message>
    <message>
        <source>relationship R@%1</source>
        <translation>relationsrecall@%1</translation>
    </message>
    <message>
        <source>AP (image level)</source>
        <translation>AP (bildnivå)</translation>
    </message>
    <message>
        <source>recall / AP</source>
        <translation>recall / AP</translation>
    </message>
    <message>
        <source>Per predicate</source>
        <translation>Per predikat</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Träna</translation>
    </message>
    <message>
        <source>LRP</source>
        <translation>LRP</translation>
    </message>
    <message>
        <source>How node and edge relevance are computed: the gradient (the paper), integrated gradients from all-zero inputs (32 steps, slower), or layer-wise relevance propagation of the logit (the Graphs workspace&apos;s rules; relevance adds up to the logit)</source>
        <translation>Hur nod- och kantrelevans beräknas: gradienten (artikeln), integrerade gradienter från nollindata (32 steg, långsammare), eller lagervis relevansspridning av logiten (Graphs-arbetsytans regler; relevansen summerar till logiten)</translation>
    </message>
    <message>
        <source>No triplet prior</source>
        <translation>Ingen triplettprior</translation>
    </message>
    <message>
        <source>Prior P(s, o | p)...</source>
        <translation>Prior P(s, o | p)...</translation>
    </message>
    <message>
        <source>Prior P(s, p, o)...</source>
        <translation>Prior P(s, p, o)...</translation>
    </message>
    <message>
        <source>The paper&apos;s triplet-frequency prior: every candidate&apos;s score times how often its classes form that triplet in a dataset you choose (its training split), before the best are kept</source>
        <translation>Artikelns triplettfrekvensprior: varje kandidats poäng gånger hur ofta dess klasser bildar den tripletten i en datamängd du väljer (dess träningsdel), innan de bästa behålls</translation>
    </message>
    <message>
        <source>Counted in %1</source>
        <translation>Räknad i %1</translation>
    </message>
    <message>
        <source>The dataset whose true triplets the prior counts</source>
        <translation>Datamängden vars sanna tripletter priorn räknar</translation>
    </message>
    <message>
        <source>Explain %1 by %2</source>
        <translation>Förklara %1 med %2</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>logiter</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>poäng</translation>
    </message>
    <message>
        <source>Read the %1 split</source>
        <translation>Läs delmängden %1</translation>
    </message>
    <message>
        <source>Close the images</source>
        <translation>Stäng bilderna</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Använd modellen %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsWorkspace</name>
    <message>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <source>%1 is not a relations dataset: expected scenes (scenes.json), VRD (json_dataset/) or HICO-DET (annotations/)</source>
        <translation>%1 är ingen relationsdatamängd: väntade scener (scenes.json), VRD (json_dataset/) eller HICO-DET (annotations/)</translation>
    </message>
    <message>
        <source>%1 is neither a relations dataset folder nor an image</source>
        <translation>%1 är varken en mapp med en relationsdatamängd eller en bild</translation>
    </message>
    <message>
        <source>Draw a box</source>
        <translation>Rita en ruta</translation>
    </message>
    <message>
        <source>Remove a box</source>
        <translation>Ta bort en ruta</translation>
    </message>
    <message>
        <source>Use the source&apos;s boxes</source>
        <translation>Använd källans rutor</translation>
    </message>
    <message>
        <source>Relations: who is on, touching or near whom</source>
        <translation>Relationer: vem är på, rör vid eller nära vem</translation>
    </message>
    <message>
        <source>Generated scenes with stacked and touching objects; the built-in model, trained on image-level predicate labels only, finds each predicate&apos;s subject and object by explaining its decision.</source>
        <translation>Genererade scener med staplade och rörande objekt; den inbyggda modellen, tränad enbart på predikatetiketter per bild, hittar varje predikats subjekt och objekt genom att förklara sitt beslut.</translation>
    </message>
    <message>
        <source>The Relations demo&apos;s scenes or model are missing from this installation</source>
        <translation>Relationsdemons scener eller modell saknas i den här installationen</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open images and let the model recover their relations</source>
        <translation>Det finns inget att exportera än: öppna bilder och låt modellen hitta deras relationer</translation>
    </message>
</context>
<context>
    <name>periscope::app::SceneWords</name>
    <message>
        <source>sphere</source>
        <comment>a CLEVR shape</comment>
        <translation>sfär</translation>
    </message>
    <message>
        <source>cube</source>
        <comment>a CLEVR shape</comment>
        <translation>kub</translation>
    </message>
    <message>
        <source>cylinder</source>
        <comment>a CLEVR shape</comment>
        <translation>cylinder</translation>
    </message>
    <message>
        <source>metal</source>
        <comment>a CLEVR material</comment>
        <translation>metall</translation>
    </message>
    <message>
        <source>rubber</source>
        <comment>a CLEVR material</comment>
        <translation>gummi</translation>
    </message>
    <message>
        <source>on</source>
        <comment>a relation: A on B</comment>
        <translation>på</translation>
    </message>
    <message>
        <source>touching</source>
        <comment>a relation: A touching B</comment>
        <translation>rör vid</translation>
    </message>
    <message>
        <source>near</source>
        <comment>a relation: A near B</comment>
        <translation>nära</translation>
    </message>
    <message>
        <source>same color</source>
        <comment>a relation: A has the same colour as B</comment>
        <translation>samma färg</translation>
    </message>
    <message>
        <source>same shape</source>
        <comment>a relation: A has the same shape as B</comment>
        <translation>samma form</translation>
    </message>
    <message>
        <source>same material</source>
        <comment>a relation: A has the same material as B</comment>
        <translation>samma material</translation>
    </message>
    <message>
        <source>larger than</source>
        <comment>a relation: A larger than B</comment>
        <translation>större än</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a sphere</comment>
        <translation>liten</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a sphere</comment>
        <translation>stor</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a sphere</comment>
        <translation>grå</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a sphere</comment>
        <translation>röd</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a sphere</comment>
        <translation>blå</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a sphere</comment>
        <translation>grön</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a sphere</comment>
        <translation>brun</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a sphere</comment>
        <translation>lila</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a sphere</comment>
        <translation>cyan</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a sphere</comment>
        <translation>gul</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a cube</comment>
        <translation>liten</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a cube</comment>
        <translation>stor</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a cube</comment>
        <translation>grå</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a cube</comment>
        <translation>röd</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a cube</comment>
        <translation>blå</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a cube</comment>
        <translation>grön</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a cube</comment>
        <translation>brun</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a cube</comment>
        <translation>lila</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a cube</comment>
        <translation>cyan</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a cube</comment>
        <translation>gul</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a cylinder</comment>
        <translation>liten</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a cylinder</comment>
        <translation>stor</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a cylinder</comment>
        <translation>grå</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a cylinder</comment>
        <translation>röd</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a cylinder</comment>
        <translation>blå</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a cylinder</comment>
        <translation>grön</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a cylinder</comment>
        <translation>brun</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a cylinder</comment>
        <translation>lila</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a cylinder</comment>
        <translation>cyan</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a cylinder</comment>
        <translation>gul</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <extracomment>An object: %1 its size, %2 its colour, %3 its material, %4 its shape (&quot;large red metal sphere&quot;).</extracomment>
        <translation>%1 %2 %4 av %3</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsEmbeddingView</name>
    <message>
        <source>Colour by the matched object&apos;s colour</source>
        <translation>Färga efter det matchade objektets färg</translation>
    </message>
    <message>
        <source>… its shape</source>
        <translation>… dess form</translation>
    </message>
    <message>
        <source>… its material</source>
        <translation>… dess material</translation>
    </message>
    <message>
        <source>… its size</source>
        <translation>… dess storlek</translation>
    </message>
    <message>
        <source>The 3-D scatter of the first three components appears here.</source>
        <translation>3D-spridningen av de tre första komponenterna visas här.</translation>
    </message>
    <message>
        <source>Run a model on scenes to see their slot embeddings here.</source>
        <translation>Kör en modell på scener för att se deras slot-inbäddningar här.</translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s); the first two components explain %1% and %2% of the variance, the third %3%</source>
        <translation>
            <numerusform>%n slot; de två första komponenterna förklarar %1% och %2% av variansen, den tredje %3%</numerusform>
            <numerusform>%n slots; de två första komponenterna förklarar %1% och %2% av variansen, den tredje %3%</numerusform>
        </translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>omatchad</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>HK 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>HK 2</translation>
    </message>
    <message>
        <source>Slot embeddings</source>
        <translation>Slot-inbäddningar</translation>
    </message>
    <message>
        <source>. Linear VQA probe (96 questions, %1 test scenes): mean AP %2 (chance %3), ROC AUC %4</source>
        <translation>. Linjär VQA-sond (96 frågor, %1 testscener): medel-AP %2 (slump %3), ROC AUC %4</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsModel</name>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) opened</source>
        <translation>
            <numerusform>%n scen öppnad</numerusform>
            <numerusform>%n scener öppnade</numerusform>
        </translation>
    </message>
    <message>
        <source>Load slot model %1</source>
        <translation>Läs in slot-modellen %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Modellen kunde inte läsas in: %1</translation>
    </message>
    <message numerus="yes">
        <source>Find the slots of %n scene(s)</source>
        <translation>
            <numerusform>Hitta slots i %n scen</numerusform>
            <numerusform>Hitta slots i %n scener</numerusform>
        </translation>
    </message>
    <message>
        <source>Slots found; mean IoU %1, FG-ARI %2 over %3 scenes with masks</source>
        <translation>Slots hittade; medel-IoU %1, FG-ARI %2 över %3 scener med masker</translation>
    </message>
    <message>
        <source>Slots found</source>
        <translation>Slots hittade</translation>
    </message>
    <message numerus="yes">
        <source>Project %n slot embedding(s)</source>
        <translation>
            <numerusform>Projicera %n slot-inbäddning</numerusform>
            <numerusform>Projicera %n slot-inbäddningar</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Visa %1</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n scene(s)</source>
        <translation>
            <numerusform>Generera %n scen</numerusform>
            <numerusform>Generera %n scener</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) generated in %1</source>
        <translation>
            <numerusform>%n scen genererad i %1</numerusform>
            <numerusform>%n scener genererade i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The scenes could not be generated: %1</source>
        <translation>Scenerna kunde inte genereras: %1</translation>
    </message>
    <message>
        <source>Training needs at least 4 images; open or generate scenes first.</source>
        <translation>Träning kräver minst 4 bilder; öppna eller generera scener först.</translation>
    </message>
    <message numerus="yes">
        <source>Train slots on %n image(s)</source>
        <translation>
            <numerusform>Träna slots på %n bild</numerusform>
            <numerusform>Träna slots på %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 images, %3 s</source>
        <translation>%1 epoker på %2 bilder, %3 s</translation>
    </message>
    <message>
        <source>; validation IoU %1 (untrained %2), FG-ARI %3 (untrained %4)</source>
        <translation>; validerings-IoU %1 (otränad %2), FG-ARI %3 (otränad %4)</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsTrainingPanel</name>
    <message>
        <source>Small: 64 px, minutes on a CPU</source>
        <translation>Liten: 64 px, minuter på en CPU</translation>
    </message>
    <message>
        <source>Paper: 128 px, batches of 64 (a GPU)</source>
        <translation>Artikeln: 128 px, batcher om 64 (en GPU)</translation>
    </message>
    <message>
        <source>Matched contrastive, negatives from the same image</source>
        <translation>Matchad kontrastiv, negativa från samma bild</translation>
    </message>
    <message>
        <source>Matched contrastive, all other slots as negatives</source>
        <translation>Matchad kontrastiv, alla andra slots som negativa</translation>
    </message>
    <message>
        <source>Matched cosine similarity (no negatives)</source>
        <translation>Matchad cosinuslikhet (inga negativa)</translation>
    </message>
    <message>
        <source>Slots of the two views of an image are matched one to one by cosine similarity (Hungarian); each slot&apos;s match is its positive</source>
        <translation>Slots i en bilds två vyer matchas ett till ett efter cosinuslikhet (ungerska metoden); varje slots match är dess positiva</translation>
    </message>
    <message>
        <source>Train on the opened scenes</source>
        <translation>Träna på de öppnade scenerna</translation>
    </message>
    <message>
        <source>Self-supervised: two augmented views of every image; NT-Xent on the global vectors and the matched object loss on the slots (temperature 0.1). 10 % held out; with masks, their slots&apos; IoU and ARI are measured after every epoch. The weights are saved after every epoch.</source>
        <translation>Självövervakad: två förstärkta vyer av varje bild; NT-Xent på de globala vektorerna och den matchade objektförlusten på slots (temperatur 0.1). 10 % hålls undan; med masker mäts deras slots IoU och ARI efter varje epok. Vikterna sparas efter varje epok.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Förinställning</translation>
    </message>
    <message>
        <source>Object loss</source>
        <translation>Objektförlust</translation>
    </message>
    <message>
        <source>Global loss weight</source>
        <translation>Vikt för global förlust</translation>
    </message>
    <message>
        <source>Object loss weight</source>
        <translation>Vikt för objektförlust</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>förlust</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Förluster</translation>
    </message>
    <message>
        <source>validation score</source>
        <translation>valideringspoäng</translation>
    </message>
    <message>
        <source>Slot masks vs. objects</source>
        <translation>Slot-masker mot objekt</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3); IoU %4, FG-ARI %5; %6 s</source>
        <translation>Epok %1: förlust %2 (validering %3); IoU %4, FG-ARI %5; %6 s</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3); %4 s</source>
        <translation>Epok %1: förlust %2 (validering %3); %4 s</translation>
    </message>
    <message>
        <source>At least one of the loss weights must be above 0.</source>
        <translation>Minst en av förlustvikterna måste vara över 0.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>träning</translation>
    </message>
    <message>
        <source>global (NT-Xent)</source>
        <translation>global (NT-Xent)</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>objekt</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validering</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>medel-IoU</translation>
    </message>
    <message>
        <source>FG-ARI</source>
        <translation>FG-ARI</translation>
    </message>
    <message>
        <source>Reading the images...</source>
        <translation>Läser bilderna...</translation>
    </message>
    <message>
        <source>The scenes are analysed with %1.</source>
        <translation>Scenerna analyseras med %1.</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsView</name>
    <message>
        <source>Open scenes…</source>
        <translation>Öppna scener…</translation>
    </message>
    <message>
        <source>A scene folder (generated here, or CLEVR with its scenes JSON) or any folder of images</source>
        <translation>En scenmapp (genererad här, eller CLEVR med dess scen-JSON) eller valfri mapp med bilder</translation>
    </message>
    <message>
        <source>Generate scenes…</source>
        <translation>Generera scener…</translation>
    </message>
    <message>
        <source>Render CLEVR-like scenes with instance masks (spheres, cubes, cylinders; rubber or metal)</source>
        <translation>Rendera CLEVR-liknande scener med instansmasker (sfärer, kuber, cylindrar; gummi eller metall)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Ingen modell</translation>
    </message>
    <message>
        <source>Last iteration</source>
        <translation>Sista iterationen</translation>
    </message>
    <message>
        <source>First iteration</source>
        <translation>Första iterationen</translation>
    </message>
    <message>
        <source>Which slot-attention iteration&apos;s maps make the masks</source>
        <translation>Vilken slot-attention-iterations kartor som blir maskerna</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Matched object</source>
        <translation>Matchat objekt</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scen</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Inbäddningar</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Träning</translation>
    </message>
    <message>
        <source>Open a scene folder or a folder of images</source>
        <translation>Öppna en scenmapp eller en mapp med bilder</translation>
    </message>
    <message>
        <source>IoU %1 · ARI %2</source>
        <translation>IoU %1 · ARI %2</translation>
    </message>
    <message numerus="yes">
        <source>mean IoU %1 · FG-ARI %2 (%n scene(s) with masks)</source>
        <translation>
            <numerusform>medel-IoU %1 · FG-ARI %2 (%n scen med masker)</numerusform>
            <numerusform>medel-IoU %1 · FG-ARI %2 (%n scener med masker)</numerusform>
        </translation>
    </message>
    <message>
        <source>no instance masks: IoU and ARI off</source>
        <translation>inga instansmasker: IoU och ARI av</translation>
    </message>
    <message>
        <source>True objects</source>
        <translation>Verkliga objekt</translation>
    </message>
    <message>
        <source>Slot masks</source>
        <translation>Slot-masker</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>slot %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>object %1</source>
        <translation>objekt %1</translation>
    </message>
    <message>
        <source>none (background or unmatched)</source>
        <translation>inget (bakgrund eller omatchad)</translation>
    </message>
    <message>
        <source>no mask to match</source>
        <translation>ingen mask att matcha</translation>
    </message>
    <message>
        <source>IoU %1</source>
        <translation>IoU %1</translation>
    </message>
    <message>
        <source>Load a slot model</source>
        <translation>Läs in en slot-modell</translation>
    </message>
    <message>
        <source>Generate scenes</source>
        <translation>Generera scener</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Scener</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Frö</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Bredd</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höjd</translation>
    </message>
    <message>
        <source>Folder for the scenes</source>
        <translation>Mapp för scenerna</translation>
    </message>
    <message>
        <source>The small preset learns from a few hundred scenes: 400 scenes and 30 epochs take about 10 minutes on one CPU core.</source>
        <translation>Den lilla förinställningen lär sig av några hundra scener: 400 scener och 30 epoker tar ungefär 10 minuter på en CPU-kärna.</translation>
    </message>
    <message>
        <source>Built-in, added or downloaded models (Edit &gt; Models…), or a weights file: our .safetensors or the paper&apos;s torch.save checkpoints (baldassarreFe/iclr-osc-22)</source>
        <translation>Inbyggda, tillagda eller nedladdade modeller (Redigera &gt; Modeller…), eller en viktfil: våra .safetensors eller artikelns torch.save-kontrollpunkter (baldassarreFe/iclr-osc-22)</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>kan inte öppnas</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot open:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: kan inte öppnas:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Weights %1</source>
        <translation>Vikter %1</translation>
    </message>
    <message>
        <source>Built-in %1</source>
        <translation>Inbyggd %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close the scenes</source>
        <translation>Stäng scenerna</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Använd modellen %1</translation>
    </message>
    <message>
        <source>Masks from the last iteration</source>
        <translation>Masker från den sista iterationen</translation>
    </message>
    <message>
        <source>Masks from the first iteration</source>
        <translation>Masker från den första iterationen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Bildpunkter</translation>
    </message>
    <message>
        <source>The slot&apos;s share of all attention</source>
        <translation>Slotens andel av all uppmärksamhet</translation>
    </message>
    <message>
        <source>Pixels in the slot&apos;s mask</source>
        <translation>Bildpunkter i slotens mask</translation>
    </message>
    <message>
        <source>partition IoU %1 · best slot per object %2</source>
        <translation>partitionens IoU %1 · bästa slot per objekt %2</translation>
    </message>
    <message>
        <source>Mean IoU: each slot&apos;s attention thresholded (Otsu), matched one to one to the objects. Partition IoU: the same matching on the slot that wins each pixel, no threshold. Best slot per object: how well the best single slot covers each object, matched or not; when it is low too, slots hold several objects.</source>
        <translation>Medel-IoU: varje slots uppmärksamhet tröskelsatt (Otsu), parad ett till ett med objekten. Partitionens IoU: samma parning på den slot som vinner varje pixel, utan tröskel. Bästa slot per objekt: hur väl den bästa enskilda sloten täcker varje objekt, parad eller inte; är även den låg rymmer slottarna flera objekt var.</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsWorkspace</name>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
    <message>
        <source>%1 is neither a scene folder nor an image</source>
        <translation>%1 är varken en scenmapp eller en bild</translation>
    </message>
    <message>
        <source>Slots: objects found without labels</source>
        <translation>Slots: objekt hittade utan etiketter</translation>
    </message>
    <message>
        <source>Generated scenes with instance masks, the slots of the built-in model (trained self-supervised here) and how well their masks match the objects.</source>
        <translation>Genererade scener med instansmasker, den inbyggda modellens slots (självövervakat tränad här) och hur väl deras masker matchar objekten.</translation>
    </message>
    <message>
        <source>The Slots demo&apos;s scenes or model are missing from this installation</source>
        <translation>Slots-demons scener eller modell saknas i den här installationen</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open scenes and let the model find their slots</source>
        <translation>Det finns inget att exportera än: öppna scener och låt modellen hitta deras slots</translation>
    </message>
    <message>
        <source>%1: slot masks (mean IoU %2, FG-ARI %3), attention per slot; %4</source>
        <translation>%1: slot-masker (medel-IoU %2, FG-ARI %3), uppmärksamhet per slot; %4</translation>
    </message>
    <message>
        <source>%1: slot masks and attention per slot; %2</source>
        <translation>%1: slot-masker och uppmärksamhet per slot; %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyDesignFields</name>
    <message>
        <source>Colorization study</source>
        <translation>Färgläggningsstudie</translation>
    </message>
    <message>
        <source>Real or colorized? (a Turing test)</source>
        <translation>Verklig eller färglagd? (ett Turingtest)</translation>
    </message>
    <message>
        <source>How natural? (Likert 1-5)</source>
        <translation>Hur naturlig? (Likert 1-5)</translation>
    </message>
    <message>
        <source>Which is more natural? (two side by side)</source>
        <translation>Vilken är mest naturlig? (två sida vid sida)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Trials per participant</source>
        <translation>Försök per deltagare</translation>
    </message>
    <message>
        <source>Attention checks</source>
        <translation>Uppmärksamhetskontroller</translation>
    </message>
    <message>
        <source>Seed (stored: the order of every session can be reproduced)</source>
        <translation>Frö (sparas: ordningen i varje session kan återskapas)</translation>
    </message>
    <message>
        <source>Each participant will see some photos more than once: %1 trials (besides the attention checks), but only %2 different ones from %3 photos and %4 conditions. Fewer trials, or more photos, avoid repeats.</source>
        <translation>Varje deltagare kommer att se vissa foton mer än en gång: %1 försök (utöver uppmärksamhetskontrollerna), men bara %2 olika från %3 foton och %4 villkor. Färre försök, eller fler foton, undviker upprepningar.</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyPanel</name>
    <message>
        <source>Colorization study</source>
        <translation>Färgläggningsstudie</translation>
    </message>
    <message>
        <source>New study from these photos...</source>
        <translation>Ny studie från dessa foton...</translation>
    </message>
    <message>
        <source>The opened colour photos, in their original colours and as the current model colorized them</source>
        <translation>De öppnade färgfotona, i sina ursprungliga färger och som den aktuella modellen färglade dem</translation>
    </message>
    <message>
        <source>Open study...</source>
        <translation>Öppna studie...</translation>
    </message>
    <message>
        <source>Open a study</source>
        <translation>Öppna en studie</translation>
    </message>
    <message>
        <source>Studies (*.sqlite);;All files (*)</source>
        <translation>Studier (*.sqlite);;Alla filer (*)</translation>
    </message>
    <message>
        <source>No study open. A study shows each participant photos in random order, without names, and asks about their colours; every answer is saved the moment it is given.</source>
        <translation>Ingen studie öppen. En studie visar varje deltagare foton i slumpmässig ordning, utan namn, och frågar om deras färger; varje svar sparas i samma ögonblick som det ges.</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Började</translation>
    </message>
    <message>
        <source>Start a session (new participant)</source>
        <translation>Starta en session (ny deltagare)</translation>
    </message>
    <message>
        <source>Resume the selected participant</source>
        <translation>Fortsätt med vald deltagare</translation>
    </message>
    <message>
        <source>Export answers (CSV)...</source>
        <translation>Exportera svar (CSV)...</translation>
    </message>
    <message>
        <source>Export the answers</source>
        <translation>Exportera svaren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export results figure...</source>
        <translation>Exportera resultatfigur...</translation>
    </message>
    <message>
        <source>Export the results figure</source>
        <translation>Exportera resultatfiguren</translation>
    </message>
    <message>
        <source>Figures (*.png *.svg *.pdf)</source>
        <translation>Figurer (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Villkor</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95 %-intervall</translation>
    </message>
    <message>
        <source>New study</source>
        <translation>Ny studie</translation>
    </message>
    <message>
        <source>Save the study</source>
        <translation>Spara studien</translation>
    </message>
    <message>
        <source>Studies (*.sqlite)</source>
        <translation>Studier (*.sqlite)</translation>
    </message>
    <message>
        <source>A study needs colorized colour photos: open some and colorize them first.</source>
        <translation>En studie behöver färglagda färgfoton: öppna några och färglägg dem först.</translation>
    </message>
    <message>
        <source>%1 exists already: a study file is never overwritten</source>
        <translation>%1 finns redan: en studiefil skrivs aldrig över</translation>
    </message>
    <message>
        <source>Prepare the study&apos;s photos</source>
        <translation>Förbered studiens foton</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3 images x %4 conditions (%5), %6 trials per participant with %7 attention checks.&lt;br&gt;Fingerprint %8%9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3 bilder x %4 villkor (%5), %6 försök per deltagare med %7 uppmärksamhetskontroller.&lt;br&gt;Fingeravtryck %8%9</translation>
    </message>
    <message>
        <source>, frozen: answers exist</source>
        <translation>, låst: svar finns</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>medel %1</translation>
    </message>
    <message>
        <source>%1 judged real</source>
        <translation>%1 bedömda som verkliga</translation>
    </message>
    <message>
        <source>%1 preferred</source>
        <translation>%1 föredragna</translation>
    </message>
    <message>
        <source>%1 participants (%2 left out for a failed attention check), %3 answers; Fleiss&apos; kappa %4 over %5 items</source>
        <translation>%1 deltagare (%2 uteslutna efter en misslyckad uppmärksamhetskontroll), %3 svar; Fleiss kappa %4 över %5 objekt</translation>
    </message>
    <message>
        <source>mean naturalness (1-5)</source>
        <translation>medelnaturlighet (1-5)</translation>
    </message>
    <message>
        <source>share judged real</source>
        <translation>andel bedömda som verkliga</translation>
    </message>
    <message>
        <source>share preferred</source>
        <translation>andel föredragna</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>villkor</translation>
    </message>
    <message>
        <source>Results with 95 % intervals</source>
        <translation>Resultat med 95 %-intervall</translation>
    </message>
    <message>
        <source>result</source>
        <translation>resultat</translation>
    </message>
    <message>
        <source>response time (s)</source>
        <translation>svarstid (s)</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>svar</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Svarstider</translation>
    </message>
    <message>
        <source>There are no answers to plot yet</source>
        <translation>Det finns inga svar att rita än</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>By condition</source>
        <translation>Per villkor</translation>
    </message>
    <message>
        <source>By image</source>
        <translation>Per bild</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foton</translation>
    </message>
    <message>
        <source>original: the photos&apos; own colours</source>
        <translation>original: fotonas egna färger</translation>
    </message>
    <message>
        <source>%1: the current results</source>
        <translation>%1: de aktuella resultaten</translation>
    </message>
    <message>
        <source>Add another model&apos;s results (a folder)...</source>
        <translation>Lägg till en annan modells resultat (en mapp)...</translation>
    </message>
    <message>
        <source>A folder of the same photos colorized by another model (e.g. periscope-cli colorize&apos;s output), matched by file name</source>
        <translation>En mapp med samma foton färglagda av en annan modell (t.ex. utdata från periscope-cli colorize), matchade efter filnamn</translation>
    </message>
    <message>
        <source>A folder of another model&apos;s results</source>
        <translation>En mapp med en annan modells resultat</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Villkor</translation>
    </message>
    <message>
        <source>Choose at least one photo for the study.</source>
        <translation>Välj minst ett foto för studien.</translation>
    </message>
    <message>
        <source>Left out of the study (not in every condition&apos;s folder): %1</source>
        <translation>Utelämnade ur studien (saknas i något villkors mapp): %1</translation>
    </message>
    <message>
        <source>Edit the design...</source>
        <translation>Ändra upplägget...</translation>
    </message>
    <message>
        <source>Title, question, trials and seed, until the first answer freezes the design</source>
        <translation>Titel, fråga, försök och frö, tills det första svaret fryser upplägget</translation>
    </message>
    <message>
        <source>Remove participants who never answered</source>
        <translation>Ta bort deltagare som aldrig svarade</translation>
    </message>
    <message>
        <source>Edit the study&apos;s design</source>
        <translation>Ändra studiens upplägg</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in %1 condition(s), as made</source>
        <translation>
            <numerusform>%n foto i %1 villkor, som när studien gjordes</numerusform>
            <numerusform>%n foton i %1 villkor, som när studien gjordes</numerusform>
        </translation>
    </message>
    <message>
        <source>No study is open</source>
        <translation>Ingen studie är öppen</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyRunner</name>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Are the colours of this photo real?   R = real   C = colorized by a computer</source>
        <translation>Är färgerna i detta foto verkliga?   R = verkliga   C = färglagda av en dator</translation>
    </message>
    <message>
        <source>How natural do the colours look?   1 = not at all ... 5 = completely natural</source>
        <translation>Hur naturliga ser färgerna ut?   1 = inte alls ... 5 = helt naturliga</translation>
    </message>
    <message>
        <source>Which photo&apos;s colours look more natural?   Left arrow = left   Right arrow = right</source>
        <translation>Vilket fotos färger ser mest naturliga ut?   Vänsterpil = vänster   Högerpil = höger</translation>
    </message>
    <message>
        <source>Welcome, participant %1.

You will see %2 photos, one screen at a time.
%3

Answer with the keys; there is no right or wrong, go with your first impression.
Some screens ask for a particular answer: please give it.
P pauses, Escape stops (you can continue later).

Press Space to begin.</source>
        <translation>Välkommen, deltagare %1.

Du kommer att se %2 foton, en skärm i taget.
%3

Svara med tangenterna; det finns inget rätt eller fel, gå på ditt första intryck.
Några skärmar ber om ett visst svar: ge det då.
P pausar, Escape avslutar (du kan fortsätta senare).

Tryck på mellanslag för att börja.</translation>
    </message>
    <message>
        <source>Paused.

Press P or Space to continue.</source>
        <translation>Pausad.

Tryck P eller mellanslag för att fortsätta.</translation>
    </message>
    <message>
        <source>Thank you, participant %1: all answers are saved.

Press Enter for the next participant, Escape to close.</source>
        <translation>Tack, deltagare %1: alla svar är sparade.

Tryck Enter för nästa deltagare, Escape för att stänga.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Läser in...</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>Svaret kunde inte sparas: %1</translation>
    </message>
    <message>
        <source>Attention check: for this photo please answer %1</source>
        <translation>Uppmärksamhetskontroll: svara %1 för detta foto</translation>
    </message>
    <message>
        <source>R (real)</source>
        <translation>R (verkliga)</translation>
    </message>
    <message>
        <source>C (colorized)</source>
        <translation>C (färglagda)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Vänster</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Höger</translation>
    </message>
</context>
<context>
    <name>periscope::app::TrainingJob</name>
    <message>
        <source>Training cancelled; the weights of the last finished epoch are saved.</source>
        <translation>Träningen avbröts; vikterna från den senast avslutade epoken är sparade.</translation>
    </message>
</context>
<context>
    <name>periscope::app::TrainingPanel</name>
    <message>
        <source>Browse...</source>
        <translation>Bläddra...</translation>
    </message>
    <message>
        <source>Save the trained weights</source>
        <translation>Spara de tränade vikterna</translation>
    </message>
    <message>
        <source>Safetensors (*.safetensors)</source>
        <translation>Safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Continue from these weights&apos; checkpoint</source>
        <translation>Fortsätt från dessa vikters kontrollpunkt</translation>
    </message>
    <message>
        <source>Resume where an earlier run of the same file stopped (its .checkpoint files); the epochs count in total</source>
        <translation>Fortsätt där en tidigare körning med samma fil slutade (dess .checkpoint-filer); epokerna räknas totalt</translation>
    </message>
    <message>
        <source>Use these weights</source>
        <translation>Använd dessa vikter</translation>
    </message>
    <message>
        <source>Switch the workspace to the weights this training wrote</source>
        <translation>Låt arbetsytan använda vikterna som den här träningen skrev</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoker</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Vikter</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epok</translation>
    </message>
    <message>
        <source>Choose a file for the weights.</source>
        <translation>Välj en fil för vikterna.</translation>
    </message>
    <message>
        <source>%1 exists already: choose another file, or tick &quot;Continue&quot; to train it further.</source>
        <translation>%1 finns redan: välj en annan fil, eller kryssa i ”Fortsätt” för att träna den vidare.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan inte skapa mappen %1.</translation>
    </message>
    <message>
        <source>Trained %1: %2.</source>
        <translation>Tränade %1: %2.</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Avbryt träningen</translation>
    </message>
</context>
<context>
    <name>periscope::app::WelcomeView</name>
    <message>
        <source>A workbench for looking inside vision models. Version %1.</source>
        <translation>En arbetsbänk för att se in i bildmodeller. Version %1.</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Öppna fil…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Öppna projekt…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliotek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Senaste filer</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Senaste projekt</translation>
    </message>
    <message>
        <source>Libraries and compute</source>
        <translation>Bibliotek och beräkning</translation>
    </message>
    <message>
        <source>%1 (opens in %2)</source>
        <translation>%1 (öppnas i %2)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (saknas)</translation>
    </message>
    <message>
        <source>No recent files. Open a file or drop one on the window.</source>
        <translation>Inga senaste filer. Öppna en fil eller släpp en på fönstret.</translation>
    </message>
    <message>
        <source>No recent projects.</source>
        <translation>Inga senaste projekt.</translation>
    </message>
    <message>
        <source>No workspace in this build offers a demo yet.</source>
        <translation>Ingen arbetsyta i den här versionen har någon demo än.</translation>
    </message>
    <message>
        <source>Compute device: %1</source>
        <translation>Beräkningsenhet: %1</translation>
    </message>
    <message>
        <source>CPU threads: %1</source>
        <translation>Processortrådar: %1</translation>
    </message>
    <message>
        <source>Run demo</source>
        <translation>Kör demo</translation>
    </message>
    <message>
        <source>Demos: built-in data and models, ready in seconds</source>
        <translation>Demor: inbyggda data och modeller, klara på sekunder</translation>
    </message>
</context>
<context>
    <name>periscope::app::WelcomeWorkspace</name>
    <message>
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
</context>
<context>
    <name>periscope::app::Workspace</name>
    <message>
        <source>%1 does not open files</source>
        <translation>%1 öppnar inte filer</translation>
    </message>
    <message>
        <source>%1 has no demo named &apos;%2&apos;</source>
        <translation>%1 har ingen demo med namnet &apos;%2&apos;</translation>
    </message>
    <message>
        <source>There is nothing to export</source>
        <translation>Det finns inget att exportera</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions)</source>
        <translation>%1 kan inte läsas (behörigheter)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 finns inte</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) of the project are missing: %1</source>
        <translation>
            <numerusform>%n indata i projektet saknas: %1</numerusform>
            <numerusform>%n indata i projektet saknas: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::widgets::LayerModel</name>
    <message>
        <source>Move Layer</source>
        <translation>Flytta lager</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Visa %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Dölj %1</translation>
    </message>
    <message>
        <source>Change Opacity of %1</source>
        <translation>Ändra opacitet för %1</translation>
    </message>
    <message>
        <source>Rename Layer</source>
        <translation>Byt namn på lager</translation>
    </message>
    <message>
        <source>Change Colormap of %1</source>
        <translation>Ändra färgskala för %1</translation>
    </message>
    <message>
        <source>Change Range of %1</source>
        <translation>Ändra intervall för %1</translation>
    </message>
    <message>
        <source>Change Blending of %1</source>
        <translation>Ändra blandning för %1</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::LayerPanel</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Multiply</source>
        <translation>Multiplicera</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Överlägg</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>Flytta lagret uppåt</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Flytta lagret nedåt</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Opacitet:</translation>
    </message>
    <message>
        <source>Blend:</source>
        <translation>Blandning:</translation>
    </message>
    <message>
        <source>Colormap:</source>
        <translation>Färgskala:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Intervall:</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::PlotView</name>
    <message>
        <source>Unsupported plot format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation>Diagramformatet &apos;%1&apos; stöds inte (använd png, svg eller pdf)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Kan inte skriva %1</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::VtkView</name>
    <message>
        <source>The 3-D view needs OpenGL, which the &apos;%1&apos; platform does not offer.</source>
        <translation>3D-vyn behöver OpenGL, som plattformen &apos;%1&apos; inte erbjuder.</translation>
    </message>
</context>
</TS>
