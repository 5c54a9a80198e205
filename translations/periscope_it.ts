<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>QObject</name>
    <message>
        <source>The figure has no panels</source>
        <translation>La figura non ha pannelli</translation>
    </message>
    <message>
        <source>Choose 30-2400 DPI and a width of 0.5-40 inches</source>
        <translation>Scegliere 30–2400 DPI e una larghezza di 0.5–40 pollici</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message>
        <source>Unsupported figure format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation>Formato di figura &apos;%1&apos; non supportato (usare png, svg o pdf)</translation>
    </message>
    <message>
        <source>unpublished</source>
        <translation>non pubblicata</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Cannot write %1: it exists and is not a regular file</source>
        <translation>Impossibile scrivere %1: esiste e non è un file regolare</translation>
    </message>
    <message>
        <source>the original has no frame %1 (%2)</source>
        <translation>l&apos;originale non ha il fotogramma %1 (%2)</translation>
    </message>
    <message>
        <source>the mask of frame %1 cannot be read: %2</source>
        <translation>impossibile leggere la maschera del fotogramma %1: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app</name>
    <message>
        <source>unknown language &apos;%1&apos; (available: en, %2)</source>
        <translation>lingua sconosciuta &apos;%1&apos; (disponibili: en, %2)</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016</source>
        <translation>Zhang et al. ECCV 2016</translation>
    </message>
    <message>
        <source>Zhang et al. SIGGRAPH 2017 (automatic)</source>
        <translation>Zhang et al. SIGGRAPH 2017 (automatico)</translation>
    </message>
    <message>
        <source>Deep Koalarization, channels 1/%1, global features from its jointly trained branch (no Inception-ResNet-v2)</source>
        <translation>Deep Koalarization, canali 1/%1, caratteristiche globali dal suo ramo addestrato insieme (senza Inception-ResNet-v2)</translation>
    </message>
    <message>
        <source>Deep Koalarization, global features from its jointly trained branch (no Inception-ResNet-v2)</source>
        <translation>Deep Koalarization, caratteristiche globali dal suo ramo addestrato insieme (senza Inception-ResNet-v2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Deep Koalarization, channels 1/%1, global features from Inception-ResNet-v2</source>
        <translation>Deep Koalarization, canali 1/%1, caratteristiche globali da Inception-ResNet-v2</translation>
    </message>
    <message>
        <source>Deep Koalarization, global features from Inception-ResNet-v2 (as published)</source>
        <translation>Deep Koalarization, caratteristiche globali da Inception-ResNet-v2 (come pubblicata)</translation>
    </message>
    <message>
        <source>mask of %1 ignored: %2</source>
        <translation>maschera di %1 ignorata: %2</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 saltato: %2</translation>
    </message>
    <message>
        <source>%1, gray input</source>
        <translation>%1, ingresso grigio</translation>
    </message>
    <message>
        <source>result: PSNR %1 dB, SSIM %2, ΔE00 %3</source>
        <translation>risultato: PSNR %1 dB, SSIM %2, ΔE00 %3</translation>
    </message>
    <message>
        <source>result: colourfulness %1</source>
        <translation>risultato: colorfulness %1</translation>
    </message>
    <message>
        <source>truth: colourfulness %1</source>
        <translation>verità: colorfulness %1</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>verità</translation>
    </message>
    <message>
        <source>no truth (gray photo)</source>
        <translation>nessuna verità (foto grigia)</translation>
    </message>
    <message>
        <source>slot %1 (background)</source>
        <translation>slot %1 (sfondo)</translation>
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
        <translation>Triplette migliori (✓ nella verità di riferimento)</translation>
    </message>
    <message>
        <source>Top triplets</source>
        <translation>Triplette migliori</translation>
    </message>
    <message>
        <source>the top triplets</source>
        <translation>le triplette migliori</translation>
    </message>
    <message>
        <source>missed: %1 (not found)</source>
        <translation>mancata: %1 (non trovata)</translation>
    </message>
    <message>
        <source>missed: %1 (first match #%2)</source>
        <translation>mancata: %1 (prima corrispondenza #%2)</translation>
    </message>
    <message>
        <source>true</source>
        <translation>vera</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsa</translation>
    </message>
    <message>
        <source>missed (dashed)</source>
        <translation>mancata (tratteggiata)</translation>
    </message>
    <message>
        <source>“%1”: rank, triplet, score (✓ true, ✗ false; dashed: missed in the top %2)</source>
        <translation>“%1”: rango, tripletta, punteggio (✓ vera, ✗ falsa; tratteggiata: mancata fra le prime %2)</translation>
    </message>
    <message>
        <source>“%1”: rank, triplet, score</source>
        <translation>“%1”: rango, tripletta, punteggio</translation>
    </message>
    <message>
        <source>%1 · %2% · p %3</source>
        <translation>%1 · %2% · p %3</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016, channels 1/%1</source>
        <translation>Zhang et al. ECCV 2016, canali 1/%1</translation>
    </message>
    <message>
        <source>Built-in: %1, trained on photos Debian ships</source>
        <translation>Integrato: %1, addestrato su foto distribuite da Debian</translation>
    </message>
    <message>
        <source>Colorized with %1</source>
        <translation>Colorato con %1</translation>
    </message>
    <message>
        <source>, T = %1</source>
        <translation>, T = %1</translation>
    </message>
    <message numerus="yes">
        <source>. Mean of %n photo(s): PSNR %1 dB (gray: %2 dB), chroma %3 % of the truth&apos;s</source>
        <translation>
            <numerusform>. Media di %n foto: PSNR %1 dB (grigio: %2 dB), croma %3 % di quello vero</numerusform>
            <numerusform>. Media di %n foto: PSNR %1 dB (grigio: %2 dB), croma %3 % di quello vero</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::AtomicFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Writing %1 was interrupted; the previous file is unchanged</source>
        <translation>La scrittura di %1 è stata interrotta; il file precedente è invariato</translation>
    </message>
    <message>
        <source>Cannot write %1: it exists and is not a regular file</source>
        <translation>Impossibile scrivere %1: esiste e non è un file regolare</translation>
    </message>
</context>
<context>
    <name>periscope::app::Autosave</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Impossibile creare %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::CatalogueTexts</name>
    <message>
        <source>graph attribution: which nodes are infected (ICML-W 2019 infection task)</source>
        <translation>attribuzione su grafi: quali nodi sono infetti (il compito del contagio di ICML-W 2019)</translation>
    </message>
    <message>
        <source>InfectionGN, sum aggregation, with biases</source>
        <translation>InfectionGN, aggregazione per somma, con bias</translation>
    </message>
    <message>
        <source>graphs with 4 node features and 2 edge features</source>
        <translation>grafi con 4 caratteristiche per nodo e 2 per arco</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on generated graphs)</source>
        <translation>GPL-3.0-or-later (addestrato qui su grafi generati)</translation>
    </message>
    <message>
        <source>graph attribution: water solubility (RDKit&apos;s ESOL estimate)</source>
        <translation>attribuzione su grafi: solubilità in acqua (la stima ESOL di RDKit)</translation>
    </message>
    <message>
        <source>SolubilityGN, 3 hidden layers, width 64, sum aggregation</source>
        <translation>SolubilityGN, 3 strati nascosti, larghezza 64, aggregazione per somma</translation>
    </message>
    <message>
        <source>molecules featurised as the paper does (47 atom and 6 bond features)</source>
        <translation>molecole descritte come nell&apos;articolo (47 caratteristiche per atomo e 6 per legame)</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on rdkit-data&apos;s NCI molecules)</source>
        <translation>GPL-3.0-or-later (addestrato qui sulle molecole NCI di rdkit-data)</translation>
    </message>
    <message>
        <source>graph attribution: Crippen logP</source>
        <translation>attribuzione su grafi: logP di Crippen</translation>
    </message>
    <message>
        <source>object-centric slots and a global embedding (ICLR-W 2022)</source>
        <translation>slot centrati sugli oggetti e un embedding globale (ICLR-W 2022)</translation>
    </message>
    <message>
        <source>ViT + slot attention (slot-mean), the small preset: 11 slots, 16 x 16 tokens</source>
        <translation>ViT + slot attention (media degli slot), la configurazione piccola: 11 slot, 16 x 16 token</translation>
    </message>
    <message>
        <source>RGB at 64 x 64 in 4 px patches, ImageNet mean and std</source>
        <translation>RGB a 64 x 64 in riquadri di 4 px, media e deviazione standard di ImageNet</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on generated scenes)</source>
        <translation>GPL-3.0-or-later (addestrato qui su scene generate)</translation>
    </message>
    <message>
        <source>visual relations from image-level predicate labels, recovered by explanation (ECCV 2020)</source>
        <translation>relazioni visive da etichette di predicato per immagine, ricostruite dalla spiegazione (ECCV 2020)</translation>
    </message>
    <message>
        <source>ws-vrd relational network (FC_AGG readout, max pooling, layers of 128) over RoIAlign 7 x 7 of a 5-layer CNN (stride 8, 64 channels)</source>
        <translation>rete relazionale di ws-vrd (lettura FC_AGG, max pooling, strati da 128) su RoIAlign 7 x 7 di una CNN a 5 strati (passo 8, 64 canali)</translation>
    </message>
    <message>
        <source>RGB scaled to 320 px on the longer side, ImageNet mean and std; boxes with one of 3 classes (sphere, cube, cylinder)</source>
        <translation>RGB scalato a 320 px sul lato lungo, media e deviazione standard di ImageNet; riquadri con una di 3 classi (sfera, cubo, cilindro)</translation>
    </message>
    <message>
        <source>colorization: classification over 313 ab bins (Zhang, Isola, Efros 2016)</source>
        <translation>colorizzazione: classificazione su 313 intervalli ab (Zhang, Isola, Efros 2016)</translation>
    </message>
    <message>
        <source>eccv16</source>
        <translation>eccv16</translation>
    </message>
    <message>
        <source>L of CIE Lab at 256 x 256, centred at 50</source>
        <translation>L di CIE Lab a 256 x 256, centrata su 50</translation>
    </message>
    <message>
        <source>BSD-2-Clause (richzhang/colorization)</source>
        <translation>BSD-2-Clause (richzhang/colorization)</translation>
    </message>
    <message>
        <source>colorization, automatic mode of the interactive network (Zhang et al. 2017)</source>
        <translation>colorizzazione, modalità automatica della rete interattiva (Zhang et al. 2017)</translation>
    </message>
    <message>
        <source>siggraph17</source>
        <translation>siggraph17</translation>
    </message>
    <message>
        <source>L of CIE Lab at 256 x 256, centred at 50; no user hints</source>
        <translation>L di CIE Lab a 256 x 256, centrata su 50; senza suggerimenti dell&apos;utente</translation>
    </message>
    <message>
        <source>Deep Koalarization&apos;s global features: Inception-ResNet-v2&apos;s ImageNet logits, frozen</source>
        <translation>caratteristiche globali di Deep Koalarization: i logit ImageNet di Inception-ResNet-v2, congelati</translation>
    </message>
    <message>
        <source>Inception-ResNet-v2 in timm&apos;s parameter names</source>
        <translation>Inception-ResNet-v2 con i nomi dei parametri di timm</translation>
    </message>
    <message>
        <source>the gray photo as RGB at 299 x 299, scaled to [-1, 1]</source>
        <translation>la foto grigia come RGB a 299 x 299, scalata in [-1, 1]</translation>
    </message>
    <message>
        <source>Apache-2.0 (timm&apos;s port of the TF-slim weights)</source>
        <translation>Apache-2.0 (la conversione di timm dei pesi TF-slim)</translation>
    </message>
    <message>
        <source>dino.txt&apos;s frozen vision backbone: DINOv2 ViT-L/14 with 4 registers</source>
        <translation>la rete visiva congelata di dino.txt: DINOv2 ViT-L/14 con 4 registri</translation>
    </message>
    <message>
        <source>DINOv2 ViT-L/14, 4 registers, LayerScale</source>
        <translation>DINOv2 ViT-L/14, 4 registri, LayerScale</translation>
    </message>
    <message>
        <source>RGB, ImageNet mean and std, sides a multiple of 14</source>
        <translation>RGB, media e deviazione standard di ImageNet, lati multipli di 14</translation>
    </message>
    <message>
        <source>Apache-2.0 (facebookresearch/dinov2)</source>
        <translation>Apache-2.0 (facebookresearch/dinov2)</translation>
    </message>
    <message>
        <source>dino.txt&apos;s two trainable vision blocks and final norm</source>
        <translation>i due blocchi visivi addestrabili e la normalizzazione finale di dino.txt</translation>
    </message>
    <message>
        <source>dino.txt vision head (2 blocks, SwiGLU, LayerScale, ln_final)</source>
        <translation>testa visiva di dino.txt (2 blocchi, SwiGLU, LayerScale, ln_final)</translation>
    </message>
    <message>
        <source>the backbone&apos;s tokens</source>
        <translation>i token della rete di base</translation>
    </message>
    <message>
        <source>dino.txt&apos;s text encoder</source>
        <translation>il codificatore di testo di dino.txt</translation>
    </message>
    <message>
        <source>causal text transformer, width 1280, 20 heads, 24 layers, projection to 2048</source>
        <translation>transformer causale per il testo, larghezza 1280, 20 teste, 24 strati, proiezione a 2048</translation>
    </message>
    <message>
        <source>CLIP byte-pair tokens, context 77</source>
        <translation>token byte-pair di CLIP, contesto 77</translation>
    </message>
    <message>
        <source>the byte-pair-encoding vocabulary of CLIP&apos;s tokenizer, which dino.txt uses</source>
        <translation>il vocabolario byte-pair del tokenizzatore di CLIP, usato da dino.txt</translation>
    </message>
    <message>
        <source>49,152 merges (49,408 token ids)</source>
        <translation>49152 fusioni (49408 id di token)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testo</translation>
    </message>
    <message>
        <source>MIT (openai/CLIP)</source>
        <translation>MIT (openai/CLIP)</translation>
    </message>
    <message>
        <source>open-vocabulary segmentation and zero-shot ranking of prompts about generated scenes (a small dino.txt, CVPR 2025)</source>
        <translation>segmentazione a vocabolario aperto e ordinamento zero-shot di richieste su scene generate (un piccolo dino.txt, CVPR 2025)</translation>
    </message>
    <message>
        <source>dino.txt vision head (2 blocks, SwiGLU, LayerScale, ln_final) on the frozen slots-scenes-small ViT; causal word-level text encoder, 3 blocks of width 128, 42 words</source>
        <translation>testa visiva di dino.txt (2 blocchi, SwiGLU, LayerScale, ln_final) sul ViT congelato slots-scenes-small; codificatore di testo causale a livello di parole, 3 blocchi di larghezza 128, 42 parole</translation>
    </message>
    <message>
        <source>the whole image squeezed to 64 x 64 (4 px patches, ImageNet mean and std); prompts in the words of its training captions</source>
        <translation>l&apos;intera immagine compressa a 64 x 64 (riquadri di 4 px, media e deviazione standard di ImageNet); richieste con le parole delle sue didascalie di addestramento</translation>
    </message>
    <message>
        <source>DeepFake frame detection: P(fake) of a face crop (a demonstration model)</source>
        <translation>rilevamento DeepFake per fotogramma: P(fake) di un ritaglio del volto (un modello dimostrativo)</translation>
    </message>
    <message>
        <source>EfficientNet-B0 in torchvision&apos;s parameter names, one logit, trained from scratch</source>
        <translation>EfficientNet-B0 con i nomi dei parametri di torchvision, un logit, addestrato da zero</translation>
    </message>
    <message>
        <source>face crops at 112 x 112 (the box grown 1.3x, squared), ImageNet mean and std</source>
        <translation>ritagli del volto a 112 x 112 (il riquadro ingrandito 1.3x, reso quadrato), media e deviazione standard di ImageNet</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on opencv-doc&apos;s Megamind.avi and a self-blended fake of it)</source>
        <translation>GPL-3.0-or-later (addestrato qui su Megamind.avi di opencv-doc e su un suo falso auto-miscelato)</translation>
    </message>
    <message>
        <source>video classification backbone (Kinetics-400), the video transformer the DeepFake paper explains</source>
        <translation>rete di base per la classificazione video (Kinetics-400), il transformer video che l&apos;articolo DeepFake spiega</translation>
    </message>
    <message>
        <source>MViT v2 S in torchvision&apos;s parameter names</source>
        <translation>MViT v2 S con i nomi dei parametri di torchvision</translation>
    </message>
    <message>
        <source>16 RGB frames at 224 x 224, mean 0.45, std 0.225</source>
        <translation>16 fotogrammi RGB a 224 x 224, media 0.45, deviazione standard 0.225</translation>
    </message>
    <message>
        <source>BSD-3-Clause (torchvision)</source>
        <translation>BSD-3-Clause (torchvision)</translation>
    </message>
    <message>
        <source>image classification backbone (ImageNet-1k) for the frame-level detector</source>
        <translation>rete di base per la classificazione di immagini (ImageNet-1k) per il rilevatore per fotogramma</translation>
    </message>
    <message>
        <source>EfficientNet-B4 in torchvision&apos;s parameter names</source>
        <translation>EfficientNet-B4 con i nomi dei parametri di torchvision</translation>
    </message>
    <message>
        <source>RGB at 380 x 380, ImageNet mean and std</source>
        <translation>RGB a 380 x 380, media e deviazione standard di ImageNet</translation>
    </message>
    <message>
        <source>colorization: ab of CIE Lab from L, as 313 colour classes</source>
        <translation>colorizzazione: ab di CIE Lab da L, come 313 classi di colore</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016 (eccv16), channels 1/4, class-rebalanced, annealed mean</source>
        <translation>Zhang et al. ECCV 2016 (eccv16), canali 1/4, ribilanciamento delle classi, media ricotta</translation>
    </message>
    <message>
        <source>L of CIE Lab at 176 x 176; the ab it predicts is upsampled and joined with the photo&apos;s own L</source>
        <translation>L di CIE Lab a 176 x 176; gli ab previsti vengono ingranditi e uniti alla L della foto</translation>
    </message>
    <message>
        <source>GPL-3.0-or-later (trained here on photos Debian packages ship: resources/models/README.md)</source>
        <translation>GPL-3.0-or-later (addestrato qui su foto dei pacchetti Debian: resources/models/README.md)</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeModel</name>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message numerus="yes">
        <source>Open %n photo(s)</source>
        <translation>
            <numerusform>Apri %n foto</numerusform>
            <numerusform>Apri %n foto</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No photos found (JPEG, PNG, TIFF, WebP or BMP).</source>
        <translation>Nessuna foto trovata (JPEG, PNG, TIFF, WebP o BMP).</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) opened</source>
        <translation>
            <numerusform>%n foto aperta</numerusform>
            <numerusform>%n foto aperte</numerusform>
        </translation>
    </message>
    <message>
        <source>Load colorizer %1</source>
        <translation>Carica il colorizzatore %1</translation>
    </message>
    <message>
        <source>Cannot use %1 as a colorizer: %2</source>
        <translation>Impossibile usare %1 come colorizzatore: %2</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Scegli prima un modello.</translation>
    </message>
    <message>
        <source>There is no readable photo to colorize.</source>
        <translation>Non ci sono foto leggibili da colorare.</translation>
    </message>
    <message numerus="yes">
        <source>Colorize %n photo(s)</source>
        <translation>
            <numerusform>Colora %n foto</numerusform>
            <numerusform>Colora %n foto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) colorized</source>
        <translation>
            <numerusform>%n foto colorata</numerusform>
            <numerusform>%n foto colorate</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostra %1</translation>
    </message>
    <message>
        <source>Nothing to export: colorize the photos first.</source>
        <translation>Nulla da esportare: colora prima le foto.</translation>
    </message>
    <message numerus="yes">
        <source>Export %n colorized photo(s)</source>
        <translation>
            <numerusform>Esporta %n foto colorata</numerusform>
            <numerusform>Esporta %n foto colorate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) written to %1</source>
        <translation>
            <numerusform>%n foto scritta in %1</numerusform>
            <numerusform>%n foto scritte in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Training needs at least 2 colour photos; open some first.</source>
        <translation>L&apos;addestramento richiede almeno 2 foto a colori; aprine prima qualcuna.</translation>
    </message>
    <message numerus="yes">
        <source>Train a colorizer on %n photo(s)</source>
        <translation>
            <numerusform>Addestra un colorizzatore su %n foto</numerusform>
            <numerusform>Addestra un colorizzatore su %n foto</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 photos: validation MSE %3 (predict-gray %4), %5 s</source>
        <translation>%1 epoche su %2 foto: MSE di validazione %3 (predire grigio %4), %5 s</translation>
    </message>
    <message>
        <source>No photos open</source>
        <translation>Nessuna foto aperta</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) open</source>
        <translation>
            <numerusform>%n foto aperta</numerusform>
            <numerusform>%n foto aperte</numerusform>
        </translation>
    </message>
    <message>
        <source>Annealed-mean temperature: T = %1</source>
        <translation>Temperatura della media ricotta: T = %1</translation>
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
        <translation>Il lato dei ritagli casuali su cui la rete si addestra (multiplo di 8); colora a questa dimensione</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <source>Crop side</source>
        <translation>Lato del ritaglio</translation>
    </message>
    <message>
        <source>Train on the opened colour photos</source>
        <translation>Addestra sulle foto a colori aperte</translation>
    </message>
    <message>
        <source>MSE on ab / 110</source>
        <translation>MSE su ab / 110</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Epoch %1: train %2, validation %3 (predicting gray: %4), %5 s</source>
        <translation>Epoca %1: addestramento %2, validazione %3 (predire grigio: %4), %5 s</translation>
    </message>
    <message>
        <source>The crop side must be a multiple of 8.</source>
        <translation>Il lato del ritaglio deve essere un multiplo di 8.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>addestramento</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <source>validation, predicting gray</source>
        <translation>validazione, predire grigio</translation>
    </message>
    <message>
        <source>Reading the photos...</source>
        <translation>Lettura delle foto...</translation>
    </message>
    <message>
        <source>Published width (7.2 M parameters)</source>
        <translation>Larghezza pubblicata (7.2 M parametri)</translation>
    </message>
    <message>
        <source>Channels 1/4 (0.55 M, fastest)</source>
        <translation>Canali 1/4 (0.55 M, il più veloce)</translation>
    </message>
    <message>
        <source>Global features: a branch trained jointly</source>
        <translation>Caratteristiche globali: un ramo addestrato insieme</translation>
    </message>
    <message>
        <source>Global features: Inception-ResNet-v2 weights...</source>
        <translation>Caratteristiche globali: pesi di Inception-ResNet-v2...</translation>
    </message>
    <message>
        <source>The paper fuses Inception-ResNet-v2&apos;s logits of the gray photo (frozen); without its weights a small branch learns global features together with the colorizer</source>
        <translation>L&apos;articolo fonde i logit di Inception-ResNet-v2 della foto grigia (congelati); senza i suoi pesi un piccolo ramo impara le caratteristiche globali insieme al colorizzatore</translation>
    </message>
    <message>
        <source>Inception-ResNet-v2 weights (timm&apos;s inception_resnet_v2)</source>
        <translation>Pesi di Inception-ResNet-v2 (inception_resnet_v2 di timm)</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>Pesi (*.safetensors *.pth *.pt *.bin);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Global features: %1</source>
        <translation>Caratteristiche globali: %1</translation>
    </message>
    <message>
        <source>Deep Koalarization, MSE on ab</source>
        <translation>Deep Koalarization, MSE su ab</translation>
    </message>
    <message>
        <source>Zhang et al. ECCV 2016, class-rebalanced loss</source>
        <translation>Zhang et al. ECCV 2016, perdita con ribilanciamento delle classi</translation>
    </message>
    <message>
        <source>Zhang et al. SIGGRAPH 2017 (automatic), class-rebalanced loss</source>
        <translation>Zhang et al. SIGGRAPH 2017 (automatico), perdita con ribilanciamento delle classi</translation>
    </message>
    <message>
        <source>The class-rebalanced loss (Zhang et al. 2016) weighs rare, saturated colours up, where MSE settles for the desaturated average</source>
        <translation>La perdita con ribilanciamento delle classi (Zhang et al. 2016) dà più peso ai colori rari e saturi, dove la MSE si accontenta della media desaturata</translation>
    </message>
    <message>
        <source>loss; validation: MSE on ab / 110</source>
        <translation>perdita; validazione: MSE su ab / 110</translation>
    </message>
    <message>
        <source>Channels 1/2 (1.9 M)</source>
        <translation>Canali 1/2 (1.9 M)</translation>
    </message>
    <message>
        <source>Published width (32 M parameters)</source>
        <translation>Larghezza pubblicata (32 M parametri)</translation>
    </message>
    <message>
        <source>Channels 1/2 (8.1 M)</source>
        <translation>Canali 1/2 (8.1 M)</translation>
    </message>
    <message>
        <source>Channels 1/4 (2.0 M, as the built-in model)</source>
        <translation>Canali 1/4 (2.0 M, come il modello integrato)</translation>
    </message>
    <message>
        <source>Published width (34 M parameters)</source>
        <translation>Larghezza pubblicata (34 M parametri)</translation>
    </message>
    <message>
        <source>Every colour photo is a training sample (its lightness in, its colours out): random crops and flips, MSE on ab or Zhang&apos;s class-rebalanced loss, 10 % held out to validate against predicting gray. Training runs as a job; the weights are saved after every epoch.</source>
        <translation>Ogni foto a colori è un esempio di addestramento (la luminosità in ingresso, i colori in uscita): ritagli e ribaltamenti casuali, MSE su ab o la perdita con ribilanciamento delle classi di Zhang, il 10 % tenuto da parte per la validazione contro la previsione del grigio. L&apos;addestramento è un processo; i pesi vengono salvati dopo ogni epoca.</translation>
    </message>
</context>
<context>
    <name>periscope::app::ColorizeView</name>
    <message>
        <source>Open photos...</source>
        <translation>Apri foto...</translation>
    </message>
    <message>
        <source>Open folder...</source>
        <translation>Apri cartella...</translation>
    </message>
    <message>
        <source>Open photos</source>
        <translation>Apri foto</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)</source>
        <translation>Immagini (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Open a folder of photos</source>
        <translation>Apri una cartella di foto</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Svuota</translation>
    </message>
    <message>
        <source>Colorize all</source>
        <translation>Colora tutte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Export results...</source>
        <translation>Esporta i risultati...</translation>
    </message>
    <message>
        <source>Export the colorized photos to</source>
        <translation>Esporta le foto colorate in</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Affiancate</translation>
    </message>
    <message>
        <source>Wipe: result | truth</source>
        <translation>Tendina: risultato | verità</translation>
    </message>
    <message>
        <source>ΔE2000 error</source>
        <translation>Errore ΔE2000</translation>
    </message>
    <message>
        <source>The CIEDE2000 difference between result and truth per pixel, over the result</source>
        <translation>La differenza CIEDE2000 tra risultato e verità per pixel, sopra il risultato</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Nessun modello caricato</translation>
    </message>
    <message>
        <source>Gray input</source>
        <translation>Ingresso grigio</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Risultato</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Verità</translation>
    </message>
    <message>
        <source>Result (left) and truth (right): drag the line</source>
        <translation>Risultato (sinistra) e verità (destra): trascina la linea</translation>
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
        <translation>ΔE2000 medio</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>Colorfulness</translation>
    </message>
    <message>
        <source>Truth colourfulness</source>
        <translation>Colorfulness della verità</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriche</translation>
    </message>
    <message>
        <source>ab histograms</source>
        <translation>Istogrammi ab</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Addestra</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Result: ab plane</source>
        <translation>Risultato: piano ab</translation>
    </message>
    <message>
        <source>Truth: ab plane</source>
        <translation>Verità: piano ab</translation>
    </message>
    <message>
        <source>Open colorizer weights</source>
        <translation>Apri i pesi di un colorizzatore</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>Pesi (*.safetensors *.pth *.pt *.bin);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>colour: its colours are the truth</source>
        <translation>a colori: i suoi colori sono la verità</translation>
    </message>
    <message>
        <source>gray: no truth</source>
        <translation>grigia: nessuna verità</translation>
    </message>
    <message>
        <source>%1
PSNR %2 dB, SSIM %3, mean ΔE2000 %4</source>
        <translation>%1
PSNR %2 dB, SSIM %3, ΔE2000 medio %4</translation>
    </message>
    <message>
        <source>Not colorized yet</source>
        <translation>Non ancora colorata</translation>
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
        <translation>log10 della quota di pixel</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modello: %1</translation>
    </message>
    <message>
        <source> (gray: no truth)</source>
        <translation> (grigia: nessuna verità)</translation>
    </message>
    <message numerus="yes">
        <source>Mean over %n photo(s) with truth</source>
        <translation>
            <numerusform>Media su %n foto con verità</numerusform>
            <numerusform>Media su %n foto con verità</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 takes its global features from Inception-ResNet-v2: open its weights</source>
        <translation>%1 prende le caratteristiche globali da Inception-ResNet-v2: apri i suoi pesi</translation>
    </message>
    <message>
        <source>%1 needs Inception-ResNet-v2 weights (timm&apos;s inception_resnet_v2) to colorize.</source>
        <translation>%1 richiede i pesi di Inception-ResNet-v2 (inception_resnet_v2 di timm) per colorare.</translation>
    </message>
    <message>
        <source>%1 (cannot open)</source>
        <translation>%1 (impossibile aprire)</translation>
    </message>
    <message>
        <source>%1 (cannot open: %2)</source>
        <translation>%1 (impossibile aprire: %2)</translation>
    </message>
    <message>
        <source>Close every photo (Edit &gt; Undo brings them back)</source>
        <translation>Chiudi tutte le foto (Modifica &gt; Annulla le riporta indietro)</translation>
    </message>
    <message>
        <source>Write every colorized photo at full resolution as NAME.colorized.png, and their metrics as colorize-metrics.csv</source>
        <translation>Scrivi ogni foto colorizzata a piena risoluzione come NOME.colorized.png, e le loro metriche in colorize-metrics.csv</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>%1 is a gray photo: it has no colours to compare with.</source>
        <translation>%1 è una foto in grigio: non ha colori con cui confrontare.</translation>
    </message>
    <message>
        <source>Open photos or a folder to colorize them: File &gt; Open, the Open buttons, or drop them here.</source>
        <translation>Apri foto o una cartella per colorarle: File &gt; Apri, i pulsanti Apri, oppure trascinale qui.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Zhang et al.&apos;s annealed-mean temperature T: how the network&apos;s probabilities over colours become one colour per pixel. Left, T = 1: their mean. Right, towards the single likeliest colour: bolder where the network is sure of a vivid colour, more muted where its likeliest colour is a muted one, and wrong more often. The authors&apos; network looks more vivid at their T = 0.38; the built-in model is both more colourful and closer to the truth at T = 1 (docs/benchmarks.md).</source>
        <translation>La temperatura T della media ricotta di Zhang et al.: come le probabilità della rete sui colori diventano un colore per pixel. A sinistra, T = 1: la loro media. A destra, verso il colore più probabile: più deciso dove la rete è sicura di un colore vivo, più smorzato dove il suo colore più probabile è smorzato, e più spesso sbagliato. La rete degli autori appare più viva al loro T = 0.38; il modello integrato è sia più colorato sia più vicino al vero a T = 1 (docs/benchmarks.md).</translation>
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
        <translation>Colora</translation>
    </message>
    <message>
        <source>%1 is not a photo (JPEG, PNG, TIFF, WebP or BMP)</source>
        <translation>%1 non è una foto (JPEG, PNG, TIFF, WebP o BMP)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) of the project are missing: %1</source>
        <translation>
            <numerusform>Manca %n foto del progetto: %1</numerusform>
            <numerusform>Mancano %n foto del progetto: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Colorize: bring gray photos back to colour</source>
        <translation>Colora: riporta a colori le foto grigie</translation>
    </message>
    <message>
        <source>The demo photos come from Debian&apos;s opencv-doc package, which is not installed (%1)</source>
        <translation>Le foto della demo vengono dal pacchetto opencv-doc di Debian, che non è installato (%1)</translation>
    </message>
    <message>
        <source>There is nothing to export yet: colorize a photo first</source>
        <translation>Non c&apos;è ancora nulla da esportare: colora prima una foto</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n photo(s)</source>
        <translation>
            <numerusform>Svuota %n foto</numerusform>
            <numerusform>Svuota %n foto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n photo(s) or folder(s)</source>
        <translation>
            <numerusform>Apri %n foto o cartella</numerusform>
            <numerusform>Apri %n foto o cartelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the colorizer %1</source>
        <translation>Scegli il colorizzatore %1</translation>
    </message>
    <message>
        <source>Close the study</source>
        <translation>Chiudi lo studio</translation>
    </message>
    <message>
        <source>Open the study %1</source>
        <translation>Apri lo studio %1</translation>
    </message>
    <message>
        <source>Edit the study&apos;s design</source>
        <translation>Modifica il disegno dello studio</translation>
    </message>
    <message>
        <source>Show the wipe view</source>
        <translation>Mostra la vista a tendina</translation>
    </message>
    <message>
        <source>Show side by side</source>
        <translation>Mostra affiancate</translation>
    </message>
    <message>
        <source>Show the ΔE2000 layer</source>
        <translation>Mostra il livello ΔE2000</translation>
    </message>
    <message>
        <source>Hide the ΔE2000 layer</source>
        <translation>Nascondi il livello ΔE2000</translation>
    </message>
    <message>
        <source>Set the annealed-mean temperature to T = %1</source>
        <translation>Imposta la temperatura della media ricotta a T = %1</translation>
    </message>
    <message>
        <source>Four opencv-doc photos the built-in colorizer never saw, colorized from their lightness and compared with their true colours.</source>
        <translation>Quattro foto di opencv-doc mai viste dal colorizzatore integrato, colorizzate dalla loro luminosità e confrontate con i loro colori veri.</translation>
    </message>
</context>
<context>
    <name>periscope::app::ComputeState</name>
    <message>
        <source>%1; using the CPU</source>
        <translation>%1; si usa la CPU</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeFigure</name>
    <message>
        <source>Frame %1 · %2</source>
        <translation>Fotogramma %1 · %2</translation>
    </message>
    <message>
        <source>P(fake) %1</source>
        <translation>P(falso) %1</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>nessun punteggio</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Volto</translation>
    </message>
    <message>
        <source>nothing positive</source>
        <translation>niente di positivo</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>each map&apos;s largest value (maps blended over the face by value)</source>
        <translation>il valore massimo di ogni mappa (mappe fuse sul volto in base al valore)</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeFolder</name>
    <message numerus="yes">
        <source>Explain the %n video(s) of %1 (%2)</source>
        <translation>
            <numerusform>Spiega il video di %1 (%2)</numerusform>
            <numerusform>Spiega gli %n video di %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder&apos;s videos could not all be explained: %1</source>
        <translation>Non è stato possibile spiegare tutti i video della cartella: %1</translation>
    </message>
    <message>
        <source>Read the folder %1</source>
        <translation>Leggi la cartella %1</translation>
    </message>
    <message>
        <source>The folder %1 cannot be opened: %2</source>
        <translation>Impossibile aprire la cartella %1: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetrics</name>
    <message>
        <source>Spatial smoothness</source>
        <translation>Regolarità spaziale</translation>
    </message>
    <message>
        <source>Temporal smoothness</source>
        <translation>Regolarità temporale</translation>
    </message>
    <message>
        <source>Sparsity (Gini)</source>
        <translation>Sparsità (Gini)</translation>
    </message>
    <message>
        <source>Locality (mass on the face)</source>
        <translation>Località (massa sul volto)</translation>
    </message>
    <message>
        <source>Mass in the mask</source>
        <translation>Massa nella maschera</translation>
    </message>
    <message>
        <source>Mask ROC AUC</source>
        <translation>ROC AUC della maschera</translation>
    </message>
    <message>
        <source>Mask top-k IoU</source>
        <translation>IoU top-k della maschera</translation>
    </message>
    <message numerus="yes">
        <source>Score the explanations of %n video(s)</source>
        <translation>
            <numerusform>Valuta le spiegazioni di %n video</numerusform>
            <numerusform>Valuta le spiegazioni di %n video</numerusform>
        </translation>
    </message>
    <message>
        <source>The explanations could not be scored: %1</source>
        <translation>Impossibile valutare le spiegazioni: %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeMetricsPanel</name>
    <message>
        <source>This video</source>
        <translation>Questo video</translation>
    </message>
    <message>
        <source>The whole folder</source>
        <translation>L&apos;intera cartella</translation>
    </message>
    <message>
        <source>Over this video&apos;s explained frames, or over the folder&apos;s explained videos (each video&apos;s mean counts once)</source>
        <translation>Sui fotogrammi spiegati di questo video, o sui video spiegati della cartella (la media di ogni video conta una volta)</translation>
    </message>
    <message>
        <source>Score explanations</source>
        <translation>Valuta le spiegazioni</translation>
    </message>
    <message>
        <source>The metrics of every method&apos;s explanations computed so far (read from the cache; nothing is explained again)</source>
        <translation>Le metriche delle spiegazioni di ogni metodo calcolate finora (lette dalla cache; nulla viene rispiegato)</translation>
    </message>
    <message>
        <source>Explain the folder</source>
        <translation>Spiega la cartella</translation>
    </message>
    <message>
        <source>Explain every video of the folder with the current detector and method (what is cached is skipped), then score the folder</source>
        <translation>Spiega ogni video della cartella con il rilevatore e il metodo attuali (ciò che è in cache viene saltato), poi valuta la cartella</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Esporta CSV...</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafico</translation>
    </message>
    <message>
        <source>Explain frames (the Explain box, with each method you want to compare), then score their explanations here.</source>
        <translation>Spiega i fotogrammi (la casella Spiega, con ogni metodo da confrontare), poi valuta qui le loro spiegazioni.</translation>
    </message>
    <message>
        <source>Stop explaining</source>
        <translation>Interrompi la spiegazione</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) explained; scoring the folder...</source>
        <translation>
            <numerusform>%n fotogramma spiegato; valutazione della cartella...</numerusform>
            <numerusform>%n fotogrammi spiegati; valutazione della cartella...</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a detector first: the explanations are kept per detector (%1)</source>
        <translation>Scegli prima un rilevatore: le spiegazioni sono conservate per rilevatore (%1)</translation>
    </message>
    <message>
        <source>Open a folder of videos first</source>
        <translation>Apri prima una cartella di video</translation>
    </message>
    <message>
        <source>Open a video first</source>
        <translation>Apri prima un video</translation>
    </message>
    <message>
        <source>Scoring...</source>
        <translation>Valutazione...</translation>
    </message>
    <message>
        <source>Choose a detector first (%1)</source>
        <translation>Scegli prima un rilevatore (%1)</translation>
    </message>
    <message>
        <source>Explaining the folder&apos;s videos with %1...</source>
        <translation>Spiegazione dei video della cartella con %1...</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Fotogrammi</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>This video was not among those scored: score again.</source>
        <translation>Questo video non era tra quelli valutati: valuta di nuovo.</translation>
    </message>
    <message>
        <source>This video could not be scored: %1</source>
        <translation>Impossibile valutare questo video: %1</translation>
    </message>
    <message>
        <source>No explanations of this video by this detector yet.</source>
        <translation>Ancora nessuna spiegazione di questo video da parte di questo rilevatore.</translation>
    </message>
    <message>
        <source>Means over the explained frames with 95 % intervals; the mask metrics where the folder gives masks.</source>
        <translation>Medie sui fotogrammi spiegati con intervalli al 95 %; le metriche della maschera dove la cartella fornisce maschere.</translation>
    </message>
    <message>
        <source>%1 of %2 videos have explanations (open a video, or explain the whole folder); each video&apos;s mean counts once.</source>
        <translation>%1 di %2 video hanno spiegazioni (apri un video, o spiega l&apos;intera cartella); la media di ogni video conta una volta.</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be scored (see the CSV).</source>
        <translation>
            <numerusform>%n non è stato possibile valutarlo (vedi il CSV).</numerusform>
            <numerusform>%n non è stato possibile valutarli (vedi il CSV).</numerusform>
        </translation>
    </message>
    <message>
        <source>Detection over %1 labelled videos: ROC AUC %2, AP %3, log loss %4.</source>
        <translation>Rilevamento su %1 video etichettati: ROC AUC %2, AP %3, log loss %4.</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>Esporta le metriche</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Scritto %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::DeepfakeModel</name>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>%1: %2 x %3, %4 frames at %5 fps</source>
        <translation>%1: %2 x %3, %4 fotogrammi a %5 fps</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a video: %2</source>
        <translation>Impossibile aprire %1 come video: %2</translation>
    </message>
    <message>
        <source>Find the faces in %1</source>
        <translation>Trova i volti in %1</translation>
    </message>
    <message>
        <source>The faces could not be searched: %1</source>
        <translation>Impossibile cercare i volti: %1</translation>
    </message>
    <message>
        <source>The detector cannot be used: %1</source>
        <translation>Impossibile usare il rilevatore: %1</translation>
    </message>
    <message>
        <source>Load the detector %1</source>
        <translation>Carica il rilevatore %1</translation>
    </message>
    <message>
        <source>%1: %2 on %3 px faces, %4, on %5</source>
        <translation>%1: %2 su volti di %3 px, %4, su %5</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) explained before, read from the cache</source>
        <translation>
            <numerusform>%n fotogramma spiegato in precedenza, letto dalla cache</numerusform>
            <numerusform>%n fotogrammi spiegati in precedenza, letti dalla cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Explain %n frame(s) of %1 (%2)</source>
        <translation>
            <numerusform>Spiega %n fotogramma di %1 (%2)</numerusform>
            <numerusform>Spiega %n fotogrammi di %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>The frames could not be explained: %1</source>
        <translation>Impossibile spiegare i fotogrammi: %1</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded: %2</source>
        <translation>Impossibile decodificare il fotogramma %1: %2</translation>
    </message>
    <message>
        <source>The explanation of frame %1 cannot be shown: %2</source>
        <translation>Impossibile mostrare la spiegazione del fotogramma %1: %2</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>Fotogramma %1: %2</translation>
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
        <translation>Gradienti integrati</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occlusione</translation>
    </message>
    <message>
        <source>not explained yet</source>
        <translation>non ancora spiegato</translation>
    </message>
    <message>
        <source>Open video...</source>
        <translation>Apri video...</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>Apri un video</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm *.m4v);;All files (*)</source>
        <translation>Video (*.mp4 *.avi *.mkv *.mov *.webm *.m4v);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open detector weights</source>
        <translation>Apri i pesi del rilevatore</translation>
    </message>
    <message>
        <source>How the detector&apos;s decision is explained; each method&apos;s explanations are cached separately</source>
        <translation>Come viene spiegata la decisione del rilevatore; le spiegazioni di ogni metodo sono in cache separate</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Spiega</translation>
    </message>
    <message>
        <source>Score and explain the frames in the background, from the playhead on</source>
        <translation>Valuta e spiega i fotogrammi in background, dalla testina in poi</translation>
    </message>
    <message>
        <source>P(fake) at which a frame counts as fake; the timeline marks where the score rises past it</source>
        <translation>P(falso) oltre cui un fotogramma conta come falso; la timeline segna dove il punteggio la supera</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Rilevatore</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Soglia</translation>
    </message>
    <message>
        <source>Open a video: its faces are found, then scored and explained by the detector, frame by frame.</source>
        <translation>Apri un video: i suoi volti vengono trovati, poi valutati e spiegati dal rilevatore, fotogramma per fotogramma.</translation>
    </message>
    <message>
        <source>P(fake)</source>
        <translation>P(falso)</translation>
    </message>
    <message>
        <source>face found</source>
        <translation>volto trovato</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Fotogramma</translation>
    </message>
    <message>
        <source>%1 (per frame, 0 to its maximum)</source>
        <translation>%1 (per fotogramma, da 0 al suo massimo)</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Volto</translation>
    </message>
    <message>
        <source>face</source>
        <translation>volto</translation>
    </message>
    <message>
        <source>P(fake) %1</source>
        <translation>P(falso) %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frame %1&lt;/b&gt; of %2 (%3)</source>
        <translation>&lt;b&gt;Fotogramma %1&lt;/b&gt; di %2 (%3)</translation>
    </message>
    <message>
        <source>&lt;br&gt;No face found</source>
        <translation>&lt;br&gt;Nessun volto trovato</translation>
    </message>
    <message>
        <source>&lt;br&gt;Faces not searched this far yet</source>
        <translation>&lt;br&gt;Volti non ancora cercati fin qui</translation>
    </message>
    <message>
        <source>&lt;br&gt;Face %1 x %2 at (%3, %4)&lt;br&gt;P(fake): %5</source>
        <translation>&lt;br&gt;Volto %1 x %2 in (%3, %4)&lt;br&gt;P(falso): %5</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;fake&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;falso&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;real&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;reale&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Faces in %2 of %3 searched frames&lt;br&gt;Explained: %4 of %5 frames with a face&lt;br&gt;Video score (mean P(fake)): %6 %7&lt;br&gt;%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Volti in %2 di %3 fotogrammi cercati&lt;br&gt;Spiegati: %4 di %5 fotogrammi con un volto&lt;br&gt;Punteggio del video (media di P(falso)): %6 %7&lt;br&gt;%8</translation>
    </message>
    <message>
        <source>No detector chosen: faces only</source>
        <translation>Nessun rilevatore scelto: solo volti</translation>
    </message>
    <message>
        <source>Loading the detector...</source>
        <translation>Caricamento del rilevatore...</translation>
    </message>
    <message>
        <source>Open folder...</source>
        <translation>Apri cartella...</translation>
    </message>
    <message>
        <source>A DFDC folder (metadata.json), a FaceForensics++ tree or any folder of videos</source>
        <translation>Una cartella DFDC (metadata.json), un albero FaceForensics++ o qualsiasi cartella di video</translation>
    </message>
    <message>
        <source>Open a folder of videos</source>
        <translation>Apri una cartella di video</translation>
    </message>
    <message>
        <source>Compare with the original</source>
        <translation>Confronta con l&apos;originale</translation>
    </message>
    <message>
        <source>A wipe between this fake (left) and the real video it was made from (right); drag the line</source>
        <translation>Una tendina tra questo falso (a sinistra) e il video reale da cui è stato creato (a destra); trascina la linea</translation>
    </message>
    <message>
        <source>Export annotated clip...</source>
        <translation>Esporta clip annotata...</translation>
    </message>
    <message>
        <source>The explained frames as an H.264 video: explanation, face box and score strip drawn in</source>
        <translation>I fotogrammi spiegati come video H.264: spiegazione, riquadro del volto e striscia dei punteggi disegnati</translation>
    </message>
    <message>
        <source>Export the annotated clip</source>
        <translation>Esporta la clip annotata</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;Matroska video (*.mkv)</source>
        <translation>Video MP4 (*.mp4);;Video Matroska (*.mkv)</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Maschere</translation>
    </message>
    <message>
        <source>A pixel is manipulated where the fake and its original differ by more than this (of 255) in some channel: above the videos&apos; coding noise</source>
        <translation>Un pixel è manipolato dove il falso e il suo originale differiscono di più di questo valore (su 255) in un canale: sopra il rumore di codifica dei video</translation>
    </message>
    <message>
        <source>Side of the median filter that removes isolated pixels (odd; 1: none)</source>
        <translation>Lato del filtro mediano che rimuove i pixel isolati (dispari; 1: nessuno)</translation>
    </message>
    <message>
        <source>Difference masks: threshold</source>
        <translation>Maschere di differenza: soglia</translation>
    </message>
    <message>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriche</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>senza etichetta</translation>
    </message>
    <message>
        <source>fake</source>
        <translation>falso</translation>
    </message>
    <message>
        <source>real</source>
        <translation>reale</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>fornite</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>differenza</translation>
    </message>
    <message>
        <source>From the difference to the original: %1</source>
        <translation>Dalla differenza con l&apos;originale: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n video(s), %2</source>
        <translation>
            <numerusform>%1: %n video, %2</numerusform>
            <numerusform>%1: %n video, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>DFDC layout (metadata.json)</source>
        <translation>struttura DFDC (metadata.json)</translation>
    </message>
    <message>
        <source>FaceForensics++ layout</source>
        <translation>struttura FaceForensics++</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>senza etichette</translation>
    </message>
    <message>
        <source>Nothing is explained yet: let the detector explain some frames first</source>
        <translation>Ancora nulla di spiegato: lascia prima che il rilevatore spieghi alcuni fotogrammi</translation>
    </message>
    <message>
        <source>Export the annotated clip %1</source>
        <translation>Esporta la clip annotata %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Scritto %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Original (the real video)</source>
        <translation>Originale (il video reale)</translation>
    </message>
    <message>
        <source>Manipulated region (outline)</source>
        <translation>Regione manipolata (contorno)</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Rollout dell&apos;attenzione</translation>
    </message>
    <message>
        <source>Attention rollout through the clip model&apos;s pooled attention</source>
        <translation>Rollout dell&apos;attenzione attraverso l&apos;attenzione con pooling del modello di clip</translation>
    </message>
    <message>
        <source>Attention rollout explains a transformer: choose a clip model (MViT) first</source>
        <translation>Il rollout dell&apos;attenzione spiega un transformer: scegli prima un modello di clip (MViT)</translation>
    </message>
    <message>
        <source>%1, %2: the face in %3 frames and each method&apos;s map over it; the metrics over the explained frames (up to %4; mean [95 % interval]).</source>
        <translation>%1, %2: il volto in %3 fotogrammi e la mappa di ogni metodo sopra di esso; le metriche sui fotogrammi spiegati (fino a %4; media [intervallo al 95 %]).</translation>
    </message>
    <message>
        <source>Export methods figure...</source>
        <translation>Esporta la figura dei metodi...</translation>
    </message>
    <message>
        <source>A few frames across, every explained method&apos;s map over the face down, and the metric table</source>
        <translation>Alcuni fotogrammi in orizzontale, la mappa di ogni metodo spiegato sul volto in verticale e la tabella delle metriche</translation>
    </message>
    <message>
        <source>Export the methods figure</source>
        <translation>Esporta la figura dei metodi</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Immagine PNG (*.png);;Disegno SVG (*.svg);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Open a video and choose a detector first</source>
        <translation>Apri prima un video e scegli un rilevatore</translation>
    </message>
    <message>
        <source>Export the methods figure %1</source>
        <translation>Esporta la figura dei metodi %1</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>Scritto %1 (%2)</translation>
    </message>
    <message>
        <source>Explain with %1</source>
        <translation>Spiega con %1</translation>
    </message>
    <message>
        <source>Explain the frames</source>
        <translation>Spiega i fotogrammi</translation>
    </message>
    <message>
        <source>Stop explaining</source>
        <translation>Smetti di spiegare</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Soglia %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>Use the detector %1</source>
        <translation>Usa il rilevatore %1</translation>
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
        <translation>%1 non è un file video</translation>
    </message>
    <message>
        <source>unknown explanation method &apos;%1&apos;</source>
        <translation>metodo di spiegazione sconosciuto &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the project&apos;s video is missing: %1</source>
        <translation>manca il video del progetto: %1</translation>
    </message>
    <message>
        <source>DeepFake: what a detector looks at</source>
        <translation>DeepFake: cosa guarda un rilevatore</translation>
    </message>
    <message>
        <source>A clip scored and explained frame by frame by the built-in detector (trained here on self-blended fakes), with Grad-CAM over the face and the score on the timeline.</source>
        <translation>Una clip valutata e spiegata fotogramma per fotogramma dal rilevatore integrato (addestrato qui su falsi auto-miscelati), con Grad-CAM sul volto e il punteggio sulla timeline.</translation>
    </message>
    <message>
        <source>The DeepFake demo needs opencv-doc&apos;s Megamind.avi (Debian&apos;s opencv-doc package)</source>
        <translation>La demo DeepFake richiede Megamind.avi di opencv-doc (il pacchetto Debian opencv-doc)</translation>
    </message>
    <message>
        <source>The DeepFake demo&apos;s detector is missing from this installation: %1</source>
        <translation>Il rilevatore della demo DeepFake manca da questa installazione: %1</translation>
    </message>
    <message>
        <source>the project&apos;s folder is missing: %1</source>
        <translation>manca la cartella del progetto: %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open a video first</source>
        <translation>Non c&apos;è ancora nulla da esportare: apri prima un video</translation>
    </message>
    <message>
        <source>%1, frame %2 (%3): %4 explanation, %5</source>
        <translation>%1, fotogramma %2 (%3): spiegazione %4, %5</translation>
    </message>
    <message>
        <source>; P(fake) %1</source>
        <translation>; P(falso) %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::FigureOptionsDialog</name>
    <message>
        <source>Colorbar for the top map</source>
        <translation>Barra dei colori per la mappa in cima</translation>
    </message>
    <message>
        <source>Legend for label layers</source>
        <translation>Legenda per i livelli di etichette</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Barra di scala</translation>
    </message>
    <message>
        <source>Figure Options</source>
        <translation>Opzioni della figura</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source> in</source>
        <translation> pollici</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Risoluzione:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Larghezza:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Didascalia:</translation>
    </message>
    <message>
        <source>Image pixels per unit:</source>
        <translation>Pixel dell&apos;immagine per unità:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unità:</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphCanvas</name>
    <message>
        <source>Wheel: zoom · drag: pan · double click: fit</source>
        <translation>Rotella: zoom · trascina: sposta · doppio clic: adatta</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphScene</name>
    <message>
        <source>edge AUC</source>
        <translation>AUC archi</translation>
    </message>
    <message>
        <source>node AUC</source>
        <translation>AUC nodi</translation>
    </message>
    <message>
        <source>Spearman vs Crippen</source>
        <translation>Spearman rispetto a Crippen</translation>
    </message>
    <message>
        <source>lost %1</source>
        <translation>perso %1</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>scarto %1</translation>
    </message>
    <message>
        <source>all relevance is zero</source>
        <translation>tutta la rilevanza è zero</translation>
    </message>
    <message>
        <source>Sensitivity (SA)</source>
        <translation>Sensibilità (SA)</translation>
    </message>
    <message>
        <source>Guided backprop (GBP)</source>
        <translation>Backprop guidata (GBP)</translation>
    </message>
    <message>
        <source>LRP</source>
        <translation>LRP</translation>
    </message>
    <message>
        <source>Integrated Gradients (IG)</source>
        <translation>Gradienti integrati (IG)</translation>
    </message>
    <message>
        <source>Atom %1: %2</source>
        <translation>Atomo %1: %2</translation>
    </message>
    <message>
        <source>Crippen logP contribution %1</source>
        <translation>contributo Crippen al logP %1</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>malato</translation>
    </message>
    <message>
        <source>immune</source>
        <translation>immune</translation>
    </message>
    <message>
        <source>infected</source>
        <translation>contagiato</translation>
    </message>
    <message>
        <source>Node %1 (%2)</source>
        <translation>Nodo %1 (%2)</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sano</translation>
    </message>
    <message>
        <source>predicted infection logit %1</source>
        <translation>logit di contagio previsto %1</translation>
    </message>
    <message>
        <source>%1 relevance %2</source>
        <translation>rilevanza %1: %2</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>rilevanza</translation>
    </message>
    <message>
        <source>logP %1 · ESOL %2</source>
        <translation>logP %1 · ESOL %2</translation>
    </message>
    <message>
        <source>Infection graph: %1 nodes, %2 edges</source>
        <translation>Grafo di contagio: %1 nodi, %2 archi</translation>
    </message>
    <message>
        <source>red sick · green immune · orange infected · ! wrong prediction · dashed virtual</source>
        <translation>rosso malato · verde immune · arancione contagiato · ! previsione errata · tratteggiato virtuale</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphTrainingPanel</name>
    <message>
        <source>InfectionGN on generated infection graphs</source>
        <translation>InfectionGN su grafi di contagio generati</translation>
    </message>
    <message>
        <source>SolubilityGN on molecules</source>
        <translation>SolubilityGN su molecole</translation>
    </message>
    <message>
        <source>ESOL estimate (RDKit)</source>
        <translation>Stima ESOL (RDKit)</translation>
    </message>
    <message>
        <source>Crippen logP (RDKit)</source>
        <translation>logP di Crippen (RDKit)</translation>
    </message>
    <message>
        <source>Measured (the opened CSV&apos;s target column)</source>
        <translation>Misurato (la colonna obiettivo del CSV aperto)</translation>
    </message>
    <message>
        <source>Built-in NCI molecules (rdkit-data)</source>
        <translation>Molecole NCI incorporate (rdkit-data)</translation>
    </message>
    <message>
        <source>The opened molecule file</source>
        <translation>Il file di molecole aperto</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Infection graphs</source>
        <translation>Grafi di contagio</translation>
    </message>
    <message>
        <source>Molecules</source>
        <translation>Molecole</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Addestra</translation>
    </message>
    <message>
        <source>Training runs as a job: cancel it from the Jobs panel or with this button. The weights are saved after every epoch; 80 % of the data trains, 20 % validates.</source>
        <translation>L&apos;addestramento è un lavoro: annullalo dal pannello Attività o con questo pulsante. I pesi si salvano dopo ogni epoca; l&apos;80 % dei dati addestra, il 20 % valida.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valore</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Epoch %1: train loss %2, validation %3 %4</source>
        <translation>Epoca %1: perdita di addestramento %2, validazione %3 %4</translation>
    </message>
    <message>
        <source>Open a molecule file first (SMILES, SDF or CSV), or train on the built-in molecules.</source>
        <translation>Apri prima un file di molecole (SMILES, SDF o CSV), oppure addestra sulle molecole incorporate.</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>perdita di addestramento</translation>
    </message>
    <message>
        <source>Preparing the data...</source>
        <translation>Preparazione dei dati...</translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation>metrica di validazione</translation>
    </message>
    <message>
        <source>Explaining with %1.</source>
        <translation>Spiegazioni con %1.</translation>
    </message>
    <message>
        <source>loss; validation RMSE</source>
        <translation>perdita; RMSE di validazione</translation>
    </message>
    <message>
        <source>loss; validation node accuracy</source>
        <translation>perdita; accuratezza dei nodi in validazione</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsModel</name>
    <message>
        <source>Read molecules from %1</source>
        <translation>Leggi le molecole da %1</translation>
    </message>
    <message>
        <source>infection graph %1</source>
        <translation>grafo di contagio %1</translation>
    </message>
    <message>
        <source>molecule</source>
        <translation>molecola</translation>
    </message>
    <message>
        <source>Explain %1</source>
        <translation>Spiega %1</translation>
    </message>
    <message>
        <source>node accuracy</source>
        <translation>accuratezza sui nodi</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>Addestra %1</translation>
    </message>
    <message>
        <source>%1 epochs, validation %2 %3 (%4 s)</source>
        <translation>%1 epoche, validazione %2 %3 (%4 s)</translation>
    </message>
    <message>
        <source>Embed %1 in 3-D</source>
        <translation>Incorpora %1 in 3D</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsView</name>
    <message>
        <source>Details for</source>
        <translation>Dettagli per</translation>
    </message>
    <message>
        <source>Relevance per node and feature</source>
        <translation>Rilevanza per nodo e caratteristica</translation>
    </message>
    <message>
        <source>Open a molecule to see it in 3-D (RDKit ETKDG embedding, MMFF94 optimisation).</source>
        <translation>Apri una molecola per vederla in 3D (incorporamento ETKDG di RDKit, ottimizzazione MMFF94).</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Addestra</translation>
    </message>
    <message>
        <source>Explaining with SA, GBP, LRP and IG...</source>
        <translation>Spiegazione con SA, GBP, LRP e IG...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Could not explain:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Impossibile spiegare:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Seed of the generated graph</source>
        <translation>Seme del grafo generato</translation>
    </message>
    <message>
        <source>Largest fraction of sick nodes</source>
        <translation>Frazione massima di nodi malati</translation>
    </message>
    <message>
        <source>Largest fraction of immune nodes</source>
        <translation>Frazione massima di nodi immuni</translation>
    </message>
    <message>
        <source>Largest number of virtual edges, as a fraction of the real ones</source>
        <translation>Numero massimo di archi virtuali, come frazione di quelli reali</translation>
    </message>
    <message>
        <source>Infection graph</source>
        <translation>Grafo di contagio</translation>
    </message>
    <message>
        <source>Generate an infection graph with these settings and explain its first infected node</source>
        <translation>Genera un grafo di contagio con queste impostazioni e spiega il suo primo nodo contagiato</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seme</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>nodi</translation>
    </message>
    <message>
        <source>sick ≤</source>
        <translation>malati ≤</translation>
    </message>
    <message>
        <source>immune ≤</source>
        <translation>immuni ≤</translation>
    </message>
    <message>
        <source>virtual ≤</source>
        <translation>virtuali ≤</translation>
    </message>
    <message>
        <source>SMILES, e.g. CC(=O)Nc1ccc(O)cc1</source>
        <translation>SMILES, ad es. CC(=O)Nc1ccc(O)cc1</translation>
    </message>
    <message>
        <source>Molecule</source>
        <translation>Molecola</translation>
    </message>
    <message>
        <source>Explain the molecule typed on the left</source>
        <translation>Spiega la molecola scritta a sinistra</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Modello incorporato</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modello</translation>
    </message>
    <message>
        <source>Open graph network weights</source>
        <translation>Apri i pesi di una rete su grafi</translation>
    </message>
    <message>
        <source>Generate an infection graph, type a SMILES or open a molecule file (SMILES, SDF, CSV).</source>
        <translation>Genera un grafo di contagio, scrivi uno SMILES o apri un file di molecole (SMILES, SDF, CSV).</translation>
    </message>
    <message>
        <source>%1: %2 atoms; explaining the predicted value %3</source>
        <translation>%1: %2 atomi; spiegazione del valore previsto %3</translation>
    </message>
    <message>
        <source>Infection graph %1: %2 nodes, %3 edges; explaining %4 (click a node to explain it)</source>
        <translation>Grafo di contagio %1: %2 nodi, %3 archi; spiegazione di %4 (clicca un nodo per spiegarlo)</translation>
    </message>
    <message>
        <source>predicted %1 · RDKit ESOL %2 · logP %3%4</source>
        <translation>previsto %1 · ESOL RDKit %2 · logP %3%4</translation>
    </message>
    <message>
        <source> · measured %1</source>
        <translation> · misurato %1</translation>
    </message>
    <message>
        <source>predicted infection correct for %1 of %2 nodes</source>
        <translation>contagio previsto corretto per %1 nodi su %2</translation>
    </message>
    <message>
        <source>atom</source>
        <translation>atomo</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nodo</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>rilevanza</translation>
    </message>
    <message>
        <source>Crippen contribution</source>
        <translation>contributo di Crippen</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>caratteristica</translation>
    </message>
    <message>
        <source>%1 in 3-D, atoms coloured by %2 relevance (hydrogens take their atom&apos;s colour, paler).</source>
        <translation>%1 in 3D, atomi colorati per rilevanza %2 (gli idrogeni prendono il colore del loro atomo, più chiaro).</translation>
    </message>
    <message>
        <source>SMILES column</source>
        <translation>Colonna SMILES</translation>
    </message>
    <message>
        <source>Target column</source>
        <translation>Colonna obiettivo</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Deletion curves</source>
        <translation>Curve di cancellazione</translation>
    </message>
    <message>
        <source>explained output</source>
        <translation>output spiegato</translation>
    </message>
    <message>
        <source>%1 (area %2)</source>
        <translation>%1 (area %2)</translation>
    </message>
    <message>
        <source>fraction of edges deleted</source>
        <translation>frazione di archi cancellati</translation>
    </message>
    <message>
        <source>Edges deleted by relevance</source>
        <translation>Archi cancellati per rilevanza</translation>
    </message>
    <message>
        <source>fraction of nodes deleted</source>
        <translation>frazione di nodi cancellati</translation>
    </message>
    <message>
        <source>Nodes deleted by relevance</source>
        <translation>Nodi cancellati per rilevanza</translation>
    </message>
    <message>
        <source>How the network aggregates messages, for weights that do not say (the paper&apos;s .pt checkpoints)</source>
        <translation>Come la rete aggrega i messaggi, per pesi che non lo dicono (i checkpoint .pt dell&apos;articolo)</translation>
    </message>
    <message>
        <source>from the weights</source>
        <translation>dai pesi</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot open:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: impossibile aprire:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Show molecule %1</source>
        <translation>Mostra la molecola %1</translation>
    </message>
    <message>
        <source>Infection graph %1</source>
        <translation>Grafo d&apos;infezione %1</translation>
    </message>
    <message>
        <source>Molecule %1</source>
        <translation>Molecola %1</translation>
    </message>
    <message>
        <source>Use the built-in model</source>
        <translation>Usa il modello integrato</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Usa il modello %1</translation>
    </message>
    <message>
        <source>Aggregation: %1</source>
        <translation>Aggregazione: %1</translation>
    </message>
    <message>
        <source>Explain node %1</source>
        <translation>Spiega il nodo %1</translation>
    </message>
    <message>
        <source>Embedding %1 in 3-D...</source>
        <translation>Incorporamento di %1 in 3D...</translation>
    </message>
    <message>
        <source>Read SMILES from column %1</source>
        <translation>Leggi gli SMILES dalla colonna %1</translation>
    </message>
    <message>
        <source>Read SMILES from %1 and targets from %2</source>
        <translation>Leggi gli SMILES da %1 e i valori obiettivo da %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::GraphsWorkspace</name>
    <message>
        <source>Graphs</source>
        <translation>Grafi</translation>
    </message>
    <message>
        <source>%1 is not a readable file</source>
        <translation>%1 non è un file leggibile</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 non esiste</translation>
    </message>
    <message>
        <source>%1 is not a molecule file (SMILES .smi, SD .sdf/.mol, or .csv with a smiles column)</source>
        <translation>%1 non è un file di molecole (SMILES .smi, SD .sdf/.mol o .csv con una colonna smiles)</translation>
    </message>
    <message>
        <source>Graphs: which edges spread an infection?</source>
        <translation>Grafi: quali archi diffondono un contagio?</translation>
    </message>
    <message>
        <source>A generated infection graph explained by SA, GBP, LRP and IG with the built-in InfectionGN, scored against the true infection paths.</source>
        <translation>Un grafo di contagio generato spiegato da SA, GBP, LRP e IG con l&apos;InfectionGN incorporata, valutato rispetto ai veri percorsi del contagio.</translation>
    </message>
    <message>
        <source>Graphs: which atoms drive solubility?</source>
        <translation>Grafi: quali atomi determinano la solubilità?</translation>
    </message>
    <message>
        <source>Paracetamol explained by the built-in solubility model, in 2-D and 3-D.</source>
        <translation>Il paracetamolo spiegato dal modello di solubilità incorporato, in 2D e 3D.</translation>
    </message>
    <message>
        <source>There is nothing to export yet: explain a graph or a molecule first</source>
        <translation>Non c&apos;è ancora nulla da esportare: spiega prima un grafo o una molecola</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::HelpDialog</name>
    <message>
        <source>Periscope Help</source>
        <translation>Guida di Periscope</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>La guida utente manca in questa build.</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobManager</name>
    <message>
        <source>Running</source>
        <translation>In esecuzione</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Annullamento in corso</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Completato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Cancelled after %1 s</source>
        <translation>Annullato dopo %1 s</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobModel</name>
    <message>
        <source>Cancel this job</source>
        <translation>Annulla questa attività</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
</context>
<context>
    <name>periscope::app::JobsIndicator</name>
    <message>
        <source>Show or hide the jobs: progress, time taken, cancel</source>
        <translation>Mostra o nascondi le attività: avanzamento, tempo impiegato, annulla</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Nessuna attività in esecuzione</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n altra)</numerusform>
            <numerusform> (+%n altre)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::app::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Rimuovi completate</translation>
    </message>
</context>
<context>
    <name>periscope::app::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
</context>
<context>
    <name>periscope::app::LogPanel</name>
    <message>
        <source>Clear</source>
        <translation>Svuota</translation>
    </message>
    <message>
        <source>Show from:</source>
        <translation>Mostra da:</translation>
    </message>
</context>
<context>
    <name>periscope::app::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 non riuscito: %2</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 è stato annullato</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 completato in %2 s</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Aree di lavoro</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>Dispositivo: CPU</translation>
    </message>
    <message>
        <source>Device: %1 (%2 GiB free)</source>
        <translation>Dispositivo: %1 (%2 GiB liberi)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 non esiste</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions)</source>
        <translation>%1 non può essere letto (permessi)</translation>
    </message>
    <message>
        <source>No workspace named &apos;%1&apos; in this build</source>
        <translation>Nessuna area di lavoro chiamata &apos;%1&apos; in questa versione</translation>
    </message>
    <message>
        <source>No workspace opens %1 (a file without a suffix)</source>
        <translation>Nessuna area di lavoro apre %1 (un file senza estensione)</translation>
    </message>
    <message>
        <source>No workspace opens .%1 files like %2</source>
        <translation>Nessuna area di lavoro apre file .%1 come %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Aperto %1</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Impossibile aprire il file</translation>
    </message>
    <message>
        <source>Cannot open demo</source>
        <translation>Impossibile aprire la demo</translation>
    </message>
    <message>
        <source>There is no workspace to export</source>
        <translation>Non c&apos;è un&apos;area di lavoro da esportare</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1: %2</source>
        <translation>Impossibile scrivere l&apos;istantanea %1: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Senza titolo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Apri &amp;progetto…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Salva progetto</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Salva progetto &amp;come…</translation>
    </message>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>&amp;Esporta figura…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>E&amp;sci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferenze…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Schermo intero</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;About Periscope</source>
        <translation>&amp;Informazioni su Periscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Informazioni su &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Nessun file recente</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Svuota menu</translation>
    </message>
    <message>
        <source>All supported files (%1)</source>
        <translation>Tutti i file supportati (%1)</translation>
    </message>
    <message>
        <source>Periscope projects (*.periscope)</source>
        <translation>Progetti Periscope (*.periscope)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Apri progetto</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Esporta figura</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Immagine PNG (*.png);;Disegno SVG (*.svg);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <source>About Periscope</source>
        <translation>Informazioni su Periscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Periscope %1&lt;/h3&gt;&lt;p&gt;A workbench for looking inside vision models.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;Periscope is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Periscope %1&lt;/h3&gt;&lt;p&gt;Un banco di lavoro per guardare dentro i modelli di visione.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;Periscope è software libero distribuito secondo la GNU General Public License, versione 3 o successiva.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the project uses the workspace &apos;%1&apos;, which this build does not have</source>
        <translation>il progetto usa l&apos;area di lavoro &apos;%1&apos;, che questa versione non ha</translation>
    </message>
    <message>
        <source>%1 opened with problems: %2</source>
        <translation>%1 aperto con problemi: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Salvato %1</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossibile aprire il progetto</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Impossibile salvare il progetto</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Salva progetto come</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>The project has changes that are not saved. Save them?</source>
        <translation>Il progetto ha modifiche non salvate. Salvarle?</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Ripristinare il lavoro non salvato?</translation>
    </message>
    <message>
        <source>Periscope did not close properly last time. A project autosaved at %1 can be restored. Restore it?</source>
        <translation>L&apos;ultima volta Periscope non si è chiuso correttamente. È possibile ripristinare un progetto salvato automaticamente il %1. Ripristinarlo?</translation>
    </message>
    <message>
        <source>Cannot restore the autosaved project</source>
        <translation>Impossibile ripristinare il progetto salvato automaticamente</translation>
    </message>
    <message>
        <source>An autosaved project from a crashed session is at %1</source>
        <translation>Un progetto salvato automaticamente da una sessione interrotta si trova in %1</translation>
    </message>
    <message>
        <source>1 CPU thread</source>
        <translation>1 thread CPU</translation>
    </message>
    <message>
        <source>%1 CPU threads</source>
        <translation>%1 thread CPU</translation>
    </message>
    <message>
        <source>Precision: %1</source>
        <translation>Precisione: %1</translation>
    </message>
    <message>
        <source>This device runs bf16 fast; models use it where their accuracy holds</source>
        <translation>Questo dispositivo esegue bf16 velocemente; i modelli lo usano dove la loro accuratezza è rispettata</translation>
    </message>
    <message>
        <source>This device has no fast bf16; models run in fp32 unless bf16 is forced</source>
        <translation>Questo dispositivo non ha bf16 veloce; i modelli usano fp32 a meno che bf16 non sia forzato</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Esportato %1</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelli…</translation>
    </message>
    <message>
        <source>Project opened with problems</source>
        <translation>Progetto aperto con problemi</translation>
    </message>
    <message>
        <source>%1 is not for %2: opened where its kind belongs</source>
        <translation>%1 non è per %2: aperto dove appartiene il suo tipo</translation>
    </message>
    <message>
        <source>Periscope &amp;Help</source>
        <translation>&amp;Guida di Periscope</translation>
    </message>
</context>
<context>
    <name>periscope::app::ModelChoice</name>
    <message>
        <source>Weights (*.safetensors *.pth *.pt *.ckpt *.bin);;All files (*)</source>
        <translation>Pesi (*.safetensors *.pth *.pt *.ckpt *.bin);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>Integrato: %1</translation>
    </message>
    <message>
        <source>%1 (your models folder)</source>
        <translation>%1 (la tua cartella dei modelli)</translation>
    </message>
    <message>
        <source>%1
%2
Licence: %3</source>
        <translation>%1
%2
Licenza: %3</translation>
    </message>
    <message>
        <source>Weights file...</source>
        <translation>File dei pesi...</translation>
    </message>
</context>
<context>
    <name>periscope::app::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Area di lavoro</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Compito</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licenza</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>Su questo computer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Locate file...</source>
        <translation>Individua file...</translation>
    </message>
    <message>
        <source>A checkpoint you downloaded yourself: its SHA-256 is checked against the catalogue, then it is copied into your models folder</source>
        <translation>Un checkpoint scaricato da te: il suo SHA-256 viene confrontato con il catalogo, poi viene copiato nella tua cartella dei modelli</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Scarica</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Locate a model file</source>
        <translation>Individua un file di modello</translation>
    </message>
    <message>
        <source>Weights (*.pth *.pt *.safetensors *.bin *.gz);;All files (*)</source>
        <translation>Pesi (*.pth *.pt *.safetensors *.bin *.gz);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Scarica %1</translation>
    </message>
    <message>
        <source>%1 downloaded and verified.</source>
        <translation>%1 scaricato e verificato.</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Verifica %1</translation>
    </message>
    <message>
        <source>%1 matches the catalogue.</source>
        <translation>%1 corrisponde al catalogo.</translation>
    </message>
    <message>
        <source>%1 differs: %2</source>
        <translation>%1 differisce: %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>integrato</translation>
    </message>
    <message>
        <source>in your models folder</source>
        <translation>nella tua cartella dei modelli</translation>
    </message>
    <message>
        <source>%1
Architecture: %2
Input: %3%4</source>
        <translation>%1
Architettura: %2
Input: %3%4</translation>
    </message>
    <message>
        <source>
Trained by: %1</source>
        <translation>
Addestrato con: %1</translation>
    </message>
    <message>
        <source>Your models folder: %1</source>
        <translation>La tua cartella dei modelli: %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Aggiungi %1</translation>
    </message>
    <message>
        <source>%1 is %2: added to your models folder.</source>
        <translation>%1 è %2: aggiunto alla tua cartella dei modelli.</translation>
    </message>
    <message>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Annullato; non è stato conservato nulla.</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyModel</name>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: impossibile aprire: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) opened</source>
        <translation>
            <numerusform>%n immagine aperta</numerusform>
            <numerusform>%n immagini aperte</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a prompt first</source>
        <translation>Scrivi prima un prompt</translation>
    </message>
    <message>
        <source>A prompt cannot hold a semicolon (it separates prompts in projects and on the command line)</source>
        <translation>Un prompt non può contenere il punto e virgola (separa i prompt nei progetti e sulla riga di comando)</translation>
    </message>
    <message>
        <source>A prompt is at most %1 characters</source>
        <translation>Un prompt è lungo al massimo %1 caratteri</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the list</source>
        <translation>«%1» è già nella lista</translation>
    </message>
    <message>
        <source>At most %1 prompts</source>
        <translation>Al massimo %1 prompt</translation>
    </message>
    <message>
        <source>Load open-vocabulary model %1</source>
        <translation>Carica il modello a vocabolario aperto %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modello: %1</translation>
    </message>
    <message>
        <source>The open-vocabulary model could not be loaded: %1</source>
        <translation>Impossibile caricare il modello a vocabolario aperto: %1</translation>
    </message>
    <message numerus="yes">
        <source>Embed %n prompt(s)</source>
        <translation>
            <numerusform>Incorpora %n prompt</numerusform>
            <numerusform>Incorpora %n prompt</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompts could not be embedded: %1</source>
        <translation>Impossibile incorporare i prompt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Segment %n image(s) by the prompts</source>
        <translation>
            <numerusform>Segmenta %n immagine secondo i prompt</numerusform>
            <numerusform>Segmenta %n immagini secondo i prompt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prompt mIoU %1 over %n scene(s) (shuffled prompts: %2)</source>
        <translation>
            <numerusform>mIoU dei prompt %1 su %n scena (prompt rimescolati: %2)</numerusform>
            <numerusform>mIoU dei prompt %1 su %n scene (prompt rimescolati: %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Segmenta %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Training needs a scene folder (Slots&apos; generator or CLEVR): its objects&apos; colours, materials, shapes and sizes make the captions. Open one first.</source>
        <translation>L&apos;addestramento richiede una cartella di scene (il generatore di Slots o CLEVR): colori, materiali, forme e dimensioni dei suoi oggetti formano le didascalie. Aprine una prima.</translation>
    </message>
    <message numerus="yes">
        <source>Train a small dino.txt on %n scene(s)</source>
        <translation>
            <numerusform>Addestra un piccolo dino.txt su %n scena</numerusform>
            <numerusform>Addestra un piccolo dino.txt su %n scene</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 scenes, %3 s; held-out caption accuracy %4</source>
        <translation>%1 epoche su %2 scene, %3 s; accuratezza delle didascalie sulle scene escluse %4</translation>
    </message>
    <message>
        <source>, prompt mIoU %1 at background %2</source>
        <translation>, mIoU dei prompt %1 con sfondo %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyTrainingPanel</name>
    <message>
        <source>Train on the open scenes</source>
        <translation>Addestra sulle scene aperte</translation>
    </message>
    <message>
        <source>Trainable blocks on the frozen backbone (dino.txt has two)</source>
        <translation>Blocchi addestrabili sulla rete congelata (dino.txt ne ha due)</translation>
    </message>
    <message>
        <source>A multiple of 64: dino.txt&apos;s attention heads are 64 wide</source>
        <translation>Un multiplo di 64: le teste di attenzione di dino.txt sono larghe 64</translation>
    </message>
    <message>
        <source>Captions drawn from each scene&apos;s objects (&quot;a large red metal sphere&quot;, &quot;two cubes and a cylinder&quot;)</source>
        <translation>Didascalie tratte dagli oggetti di ogni scena («a large red metal sphere», «two cubes and a cylinder»)</translation>
    </message>
    <message>
        <source>One object&apos;s mean patch token and the floor&apos;s against the captions&apos; patch halves (0: dino.txt&apos;s loss only; without it the patch half barely learns at this scale)</source>
        <translation>Il token medio delle patch di un oggetto e del pavimento contro le metà patch delle didascalie (0: solo la loss di dino.txt; senza, la metà patch impara appena a questa scala)</translation>
    </message>
    <message>
        <source>Vision head blocks</source>
        <translation>Blocchi della testa visiva</translation>
    </message>
    <message>
        <source>Text layers</source>
        <translation>Strati del testo</translation>
    </message>
    <message>
        <source>Text width</source>
        <translation>Larghezza del testo</translation>
    </message>
    <message>
        <source>Captions per scene</source>
        <translation>Didascalie per scena</translation>
    </message>
    <message>
        <source>Region term weight</source>
        <translation>Peso del termine di regione</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Dimensione del batch</translation>
    </message>
    <message>
        <source>dino.txt&apos;s recipe at small scale: the built-in Slots ViT stays frozen, as DINOv2 does in the paper; the vision head and a word-level text encoder learn from captions of each scene&apos;s objects (contrastive, every caption that holds for an image is its positive). 10 % of the scenes are held out; after every epoch their caption accuracy and prompt mIoU are measured. The weights are saved after every epoch.</source>
        <translation>La ricetta di dino.txt in piccolo: il ViT di Slots integrato resta congelato, come DINOv2 nell&apos;articolo; la testa visiva e un codificatore di testo a livello di parole imparano dalle didascalie degli oggetti di ogni scena (contrastivo, ogni didascalia vera per un&apos;immagine è un suo positivo). Il 10 % delle scene è escluso; dopo ogni epoca se ne misurano l&apos;accuratezza delle didascalie e la mIoU dei prompt. I pesi sono salvati dopo ogni epoca.</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>train</source>
        <translation>addestramento</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <source>Held-out scenes</source>
        <translation>Scene escluse</translation>
    </message>
    <message>
        <source>score</source>
        <translation>punteggio</translation>
    </message>
    <message>
        <source>caption accuracy</source>
        <translation>accuratezza delle didascalie</translation>
    </message>
    <message>
        <source>prompt mIoU</source>
        <translation>mIoU dei prompt</translation>
    </message>
    <message>
        <source>The images are segmented with %1.</source>
        <translation>Le immagini sono segmentate con %1.</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3), caption accuracy %4, prompt mIoU %5 at background %6; %7 s</source>
        <translation>Epoca %1: loss %2 (validazione %3), accuratezza delle didascalie %4, mIoU dei prompt %5 con sfondo %6; %7 s</translation>
    </message>
    <message>
        <source>Reading the scenes...</source>
        <translation>Lettura delle scene...</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyView</name>
    <message>
        <source>Open images…</source>
        <translation>Apri immagini…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Apri cartella…</translation>
    </message>
    <message>
        <source>A folder of images, or a scene folder with instance masks (Slots&apos; generator, CLEVR): each prompt is then scored against the objects it names</source>
        <translation>Una cartella di immagini, o una cartella di scene con maschere di istanza (il generatore di Slots, CLEVR): ogni prompt viene allora valutato sugli oggetti che nomina</translation>
    </message>
    <message>
        <source>Load an open-vocabulary model</source>
        <translation>Carica un modello a vocabolario aperto</translation>
    </message>
    <message>
        <source>dino.txt ViT-L/14 (released)</source>
        <translation>dino.txt ViT-L/14 (pubblicato)</translation>
    </message>
    <message>
        <source>The small dino.txt built in (trained here on generated scenes), the released dino.txt (its four files from Edit &gt; Models…), a small model&apos;s .safetensors (periscope-cli train-open-vocab), or one of the released files (the others beside it)</source>
        <translation>Il piccolo dino.txt integrato (addestrato qui su scene generate), il dino.txt pubblicato (i suoi quattro file da Modifica &gt; Modelli…), il .safetensors di un piccolo modello (periscope-cli train-open-vocab), o uno dei file pubblicati (gli altri accanto)</translation>
    </message>
    <message>
        <source>Load a model to compare</source>
        <translation>Carica un modello da confrontare</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Nessun confronto</translation>
    </message>
    <message>
        <source>A second model, shown beside the first on the same prompts</source>
        <translation>Un secondo modello, mostrato accanto al primo sugli stessi prompt</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Nessun modello</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Confronta con:</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Double-click a prompt to change its colour</source>
        <translation>Fai doppio clic su un prompt per cambiarne il colore</translation>
    </message>
    <message>
        <source>red objects, metal cubes, a photo of a cat…</source>
        <translation>red objects, metal cubes, a photo of a cat… (in inglese)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Colore…</translation>
    </message>
    <message>
        <source>CLIP&apos;s 80 ImageNet templates</source>
        <translation>Gli 80 modelli ImageNet di CLIP</translation>
    </message>
    <message>
        <source>Each prompt is embedded as the mean of &quot;a photo of a {}.&quot; and 79 other phrasings, as CLIP and dino.txt classify ImageNet</source>
        <translation>Ogni prompt è incorporato come media di «a photo of a {}.» e di altre 79 formulazioni, come CLIP e dino.txt classificano ImageNet</translation>
    </message>
    <message>
        <source>The model&apos;s suggestion</source>
        <translation>Il suggerimento del modello</translation>
    </message>
    <message>
        <source>A pixel whose best cosine similarity with the prompts is below this is background; -1 keeps every pixel</source>
        <translation>Un pixel la cui migliore similarità del coseno con i prompt è sotto questo valore è sfondo; -1 tiene ogni pixel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prompts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prompt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Background below</source>
        <translation>Sfondo sotto</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>Tutta l&apos;immagine</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Coseno</translation>
    </message>
    <message>
        <source>At the clicked pixel</source>
        <translation>Nel pixel cliccato</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarità</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Shuffled</source>
        <translation>Rimescolati</translation>
    </message>
    <message>
        <source>IoU (B)</source>
        <translation>IoU (B)</translation>
    </message>
    <message>
        <source>Shuffled (B)</source>
        <translation>Rimescolati (B)</translation>
    </message>
    <message>
        <source>Each prompt&apos;s pixels against the pixels of the objects it names, summed over the scene folder; &quot;Shuffled&quot; scores the same segmentations against the next prompt&apos;s objects: what overlap alone gives</source>
        <translation>I pixel di ogni prompt contro i pixel degli oggetti che nomina, sommati sulla cartella di scene; «Rimescolati» valuta le stesse segmentazioni sugli oggetti del prompt successivo: ciò che dà la sola sovrapposizione</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Classifica</translation>
    </message>
    <message>
        <source>Scene scores</source>
        <translation>Punteggi delle scene</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentazione</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Apri immagini</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Immagini (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Open a folder of images or a scene folder</source>
        <translation>Apri una cartella di immagini o una cartella di scene</translation>
    </message>
    <message>
        <source>The colour of &quot;%1&quot;</source>
        <translation>Il colore di «%1»</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Caricamento di %1…</translation>
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
        <translation>&lt;b&gt;B&lt;/b&gt;: caricamento di %1…</translation>
    </message>
    <message>
        <source>Add the prompt &quot;%1&quot;</source>
        <translation>Aggiungi il prompt «%1»</translation>
    </message>
    <message>
        <source>Remove the prompt &quot;%1&quot;</source>
        <translation>Rimuovi il prompt «%1»</translation>
    </message>
    <message>
        <source>Recolour &quot;%1&quot;</source>
        <translation>Ricolora «%1»</translation>
    </message>
    <message>
        <source>Use the ImageNet templates</source>
        <translation>Usa i modelli ImageNet</translation>
    </message>
    <message>
        <source>Use the prompts alone</source>
        <translation>Usa i prompt da soli</translation>
    </message>
    <message>
        <source>Background below %1</source>
        <translation>Sfondo sotto %1</translation>
    </message>
    <message>
        <source>The model&apos;s background threshold</source>
        <translation>La soglia di sfondo del modello</translation>
    </message>
    <message>
        <source>Add prompts to segment the image by them.</source>
        <translation>Aggiungi dei prompt per segmentare l&apos;immagine secondo essi.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 never saw %3; it reads them as one unknown word.</source>
        <translation>«%1»: %2 non ha mai visto %3; li legge come una parola sconosciuta.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>il modello</translation>
    </message>
    <message>
        <source>model B</source>
        <translation>il modello B</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>impossibile aprire</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>mIoU %1</source>
        <translation>mIoU %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot analyse:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: impossibile analizzare:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>Similarity to &quot;%1&quot;</source>
        <translation>Similarità con «%1»</translation>
    </message>
    <message>
        <source>Ranked pixel</source>
        <translation>Pixel classificato</translation>
    </message>
    <message>
        <source>At pixel (%1, %2)</source>
        <translation>Nel pixel (%1, %2)</translation>
    </message>
    <message>
        <source>At the clicked pixel (click the image)</source>
        <translation>Nel pixel cliccato (clicca sull&apos;immagine)</translation>
    </message>
    <message>
        <source>no instance masks: no scores</source>
        <translation>nessuna maschera di istanza: nessun punteggio</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>non valutato</translation>
    </message>
    <message>
        <source>Names no attribute of the scenes&apos; objects (colour, material, shape, size)</source>
        <translation>Non nomina alcun attributo degli oggetti delle scene (colore, materiale, forma, dimensione)</translation>
    </message>
    <message numerus="yes">
        <source>Mean over %n scene(s)</source>
        <translation>
            <numerusform>Media su %n scena</numerusform>
            <numerusform>Media su %n scene</numerusform>
        </translation>
    </message>
    <message>
        <source>prompt mIoU %1 (shuffled %2)</source>
        <translation>mIoU dei prompt %1 (rimescolati %2)</translation>
    </message>
    <message>
        <source>Close the images</source>
        <translation>Chiudi le immagini</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>Confronta con %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Usa il modello %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::OpenVocabularyWorkspace</name>
    <message>
        <source>Open vocabulary</source>
        <translation>Vocabolario aperto</translation>
    </message>
    <message>
        <source>%1 is neither an image nor a folder</source>
        <translation>%1 non è né un&apos;immagine né una cartella</translation>
    </message>
    <message>
        <source>Open vocabulary: find objects by typed words</source>
        <translation>Vocabolario aperto: trova oggetti con parole scritte</translation>
    </message>
    <message>
        <source>Generated scenes segmented by colour prompts with the built-in small dino.txt (trained here), each prompt&apos;s IoU against the true objects beside the shuffled-prompt chance level.</source>
        <translation>Scene generate segmentate da prompt di colore con il piccolo dino.txt integrato (addestrato qui), la IoU di ogni prompt sugli oggetti veri accanto al livello casuale dei prompt rimescolati.</translation>
    </message>
    <message>
        <source>The Open-vocabulary demo&apos;s scenes or model are missing from this installation</source>
        <translation>Le scene o il modello della demo a vocabolario aperto mancano in questa installazione</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open an image, add prompts and let the model segment it</source>
        <translation>Non c&apos;è ancora nulla da esportare: apri un&apos;immagine, aggiungi dei prompt e lascia che il modello la segmenti</translation>
    </message>
    <message>
        <source>%1: segmentation by the prompts (background below %2), each prompt&apos;s similarity from %3 to %4; %5</source>
        <translation>%1: segmentazione secondo i prompt (sfondo sotto %2), la similarità di ogni prompt da %3 a %4; %5</translation>
    </message>
    <message>
        <source>; beside it %1</source>
        <translation>; accanto %1</translation>
    </message>
    <message>
        <source>; prompt mIoU %1, shuffled prompts %2 (scenes: %3)</source>
        <translation>; mIoU dei prompt %1, prompt rimescolati %2 (scene: %3)</translation>
    </message>
</context>
<context>
    <name>periscope::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatico (CUDA se disponibile)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Tutti (%1)</translation>
    </message>
    <message>
        <source>Automatic (bf16 where the model&apos;s tolerance holds)</source>
        <translation>Automatico (bf16 dove la tolleranza del modello è rispettata)</translation>
    </message>
    <message>
        <source>Always fp32</source>
        <translation>Sempre fp32</translation>
    </message>
    <message>
        <source>Always bf16</source>
        <translation>Sempre bf16</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Lingua di sistema</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivato</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcolo</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Thread CPU:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precisione:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspetto</translation>
    </message>
    <message>
        <source>Default colormap:</source>
        <translation>Mappa di colori predefinita:</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>Lingua (dopo il riavvio):</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Archiviazione</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelli:</translation>
    </message>
    <message>
        <source>Datasets:</source>
        <translation>Dataset:</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Salvataggio automatico ogni:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Scegli una cartella</translation>
    </message>
    <message>
        <source> megapixels</source>
        <translation> megapixel</translation>
    </message>
    <message>
        <source>Larger images are refused from their header, before decoding: a small file can declare an image that would take gigabytes of memory.</source>
        <translation>Le immagini più grandi vengono rifiutate dall&apos;intestazione, prima della decodifica: un file piccolo può dichiarare un&apos;immagine che occuperebbe gigabyte di memoria.</translation>
    </message>
    <message>
        <source>Largest image:</source>
        <translation>Immagine più grande:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Nessun limite</translation>
    </message>
    <message>
        <source>The DeepFake workspace keeps every explained frame on disk; past this size the explanations used longest ago are removed (and computed again when needed)</source>
        <translation>L&apos;area DeepFake conserva su disco ogni fotogramma spiegato; oltre questa dimensione vengono rimosse le spiegazioni usate meno di recente (e ricalcolate quando servono)</translation>
    </message>
    <message>
        <source>Explanation cache:</source>
        <translation>Cache delle spiegazioni:</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProblemsIndicator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemi</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest: %1
Click to read them in the log</source>
        <translation>Il più recente: %1
Fai clic per leggerli nel registro</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProjectFile</name>
    <message>
        <source>%1 is empty, not a Periscope project</source>
        <translation>%1 è vuoto, non è un progetto Periscope</translation>
    </message>
    <message>
        <source>%1 is truncated (it ends at byte %2 in the middle of the project)</source>
        <translation>%1 è troncato (termina al byte %2 a metà del progetto)</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project: it is not valid JSON (%2 at byte %3)</source>
        <translation>%1 non è un progetto Periscope: non è JSON valido (%2 al byte %3)</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project: its JSON is not an object</source>
        <translation>%1 non è un progetto Periscope: il suo JSON non è un oggetto</translation>
    </message>
    <message>
        <source>%1 is not a Periscope project (no &quot;format&quot;: &quot;periscope-project&quot;)</source>
        <translation>%1 non è un progetto Periscope (manca &quot;format&quot;: &quot;periscope-project&quot;)</translation>
    </message>
    <message>
        <source>%1 has no format version</source>
        <translation>%1 non ha una versione di formato</translation>
    </message>
    <message>
        <source>%1 was saved by a newer Periscope (%2, project format %3); this version reads format %4 and older. Update Periscope to open it.</source>
        <translation>%1 è stato salvato da un Periscope più recente (%2, formato di progetto %3); questa versione legge il formato %4 e precedenti. Aggiornare Periscope per aprirlo.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>%1 has an invalid format version %2</source>
        <translation>%1 ha una versione di formato non valida %2</translation>
    </message>
    <message>
        <source>%1: &quot;workspaces&quot; must be a list</source>
        <translation>%1: &quot;workspaces&quot; deve essere una lista</translation>
    </message>
    <message>
        <source>%1: a workspace entry has no id</source>
        <translation>%1: una voce di area di lavoro non ha id</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 non esiste</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large for a Periscope project</source>
        <translation>%1 è di %2 MB, troppo grande per un progetto Periscope</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, FIFO, socket or device), not a project</source>
        <translation>%1 non è un file regolare (una cartella, FIFO, socket o dispositivo), non un progetto</translation>
    </message>
</context>
<context>
    <name>periscope::app::ProjectPaths</name>
    <message>
        <source>the project names an empty path</source>
        <translation>il progetto indica un percorso vuoto</translation>
    </message>
    <message>
        <source>the project names a path with a NUL character</source>
        <translation>il progetto indica un percorso con un carattere NUL</translation>
    </message>
    <message>
        <source>%1 is outside the project&apos;s folder, not opened (a project from elsewhere opens only files in %2)</source>
        <translation>%1 è fuori dalla cartella del progetto, non aperto (un progetto da altrove apre solo file in %2)</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsModel</name>
    <message>
        <source>Read %1</source>
        <translation>Leggi %1</translation>
    </message>
    <message>
        <source>%1 detections name an image that is not open, %2 a class the data does not have</source>
        <translation>%1 rilevamenti indicano un&apos;immagine non aperta, %2 una classe assente nei dati</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) open (%1)</source>
        <translation>
            <numerusform>%n immagine aperta (%1)</numerusform>
            <numerusform>%n immagini aperte (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>Load the relations model %1</source>
        <translation>Carica il modello di relazioni %1</translation>
    </message>
    <message>
        <source>The relations model %1 could not be loaded: %2</source>
        <translation>Impossibile caricare il modello di relazioni %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Recover the relations of %n image(s)</source>
        <translation>
            <numerusform>Ricava le relazioni di %n immagine</numerusform>
            <numerusform>Ricava le relazioni di %n immagini</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s); relationship recall@%1 %2 (random ranking %3), predicate mAP %4</source>
        <translation>
            <numerusform>Relazioni ricavate per %n immagine; recall@%1 delle relazioni %2 (ordinamento casuale %3), mAP dei predicati %4</numerusform>
            <numerusform>Relazioni ricavate per %n immagini; recall@%1 delle relazioni %2 (ordinamento casuale %3), mAP dei predicati %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relations recovered for %n image(s)</source>
        <translation>
            <numerusform>Relazioni ricavate per %n immagine</numerusform>
            <numerusform>Relazioni ricavate per %n immagini</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be analysed; the list says why</source>
        <translation>
            <numerusform>%n immagine non è stata analizzata; l&apos;elenco dice perché</numerusform>
            <numerusform>%n immagini non sono state analizzate; l&apos;elenco dice perché</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover the relations of %1</source>
        <translation>Ricava le relazioni di %1</translation>
    </message>
    <message>
        <source>Decode %1</source>
        <translation>Decodifica %1</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>Impossibile mostrare %1: %2</translation>
    </message>
    <message>
        <source>Training needs a dataset with true triplets (scenes, VRD, HICO-DET): their predicates are the labels.</source>
        <translation>L&apos;addestramento richiede un dataset con triplette vere (scene, VRD, HICO-DET): i loro predicati sono le etichette.</translation>
    </message>
    <message numerus="yes">
        <source>Train relations on %n image(s)</source>
        <translation>
            <numerusform>Addestra le relazioni su %n immagine</numerusform>
            <numerusform>Addestra le relazioni su %n immagini</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 images, %3 s; validation predicate mAP %4</source>
        <translation>%1 epoche su %2 immagini, %3 s; mAP dei predicati in validazione %4</translation>
    </message>
    <message>
        <source>; relationship recall@%1 %2 explaining logits, %3 scores, %4 random</source>
        <translation>; recall@%1 delle relazioni %2 spiegando i logit, %3 i punteggi, %4 a caso</translation>
    </message>
    <message>
        <source>Count the triplets of %1</source>
        <translation>Conta le triplette di %1</translation>
    </message>
    <message numerus="yes">
        <source>The prior %1 counts %n true triplet(s) of %2</source>
        <translation>
            <numerusform>Il prior %1 conta %n tripletta vera di %2</numerusform>
            <numerusform>Il prior %1 conta %n triplette vere di %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No prior from %1: %2</source>
        <translation>Nessun prior da %1: %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsTrainingPanel</name>
    <message>
        <source>Train on the open dataset</source>
        <translation>Addestra sul dataset aperto</translation>
    </message>
    <message>
        <source>FC_AGG: a layer per edge, then pooling (the paper&apos;s default); AGG_FC: pooling, then the layer</source>
        <translation>FC_AGG: uno strato per arco, poi il pooling (il default dell&apos;articolo); AGG_FC: il pooling, poi lo strato</translation>
    </message>
    <message>
        <source>Width of every fully connected layer</source>
        <translation>Larghezza di ogni strato completamente connesso</translation>
    </message>
    <message>
        <source>Readout</source>
        <translation>Lettura</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Larghezza</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Dimensione del batch</translation>
    </message>
    <message>
        <source>Weakly supervised: each image&apos;s label is only the set of predicates its true triplets use, never which objects they join (binary cross-entropy, Adam). 10 % held out; after every epoch the relations the explainer recovers there are scored against the truth. The weights are saved after every epoch.</source>
        <translation>Debolmente supervisionato: l&apos;etichetta di ogni immagine è solo l&apos;insieme dei predicati usati dalle sue triplette vere, mai quali oggetti collegano (entropia incrociata binaria, Adam). Il 10 % è tenuto da parte; dopo ogni epoca le relazioni ricavate lì dalla spiegazione sono confrontate con il riferimento. I pesi sono salvati dopo ogni epoca.</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Perdite</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perdita</translation>
    </message>
    <message>
        <source>train</source>
        <translation>addestramento</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <source>Held-out images</source>
        <translation>Immagini tenute da parte</translation>
    </message>
    <message>
        <source>score</source>
        <translation>valore</translation>
    </message>
    <message>
        <source>predicate mAP</source>
        <translation>mAP dei predicati</translation>
    </message>
    <message>
        <source>R@%1 explaining logits</source>
        <translation>R@%1 spiegando i logit</translation>
    </message>
    <message>
        <source>R@%1 explaining scores</source>
        <translation>R@%1 spiegando i punteggi</translation>
    </message>
    <message>
        <source>R@%1 random ranking</source>
        <translation>R@%1 ordinamento casuale</translation>
    </message>
    <message>
        <source>The images are analysed with %1.</source>
        <translation>Le immagini sono analizzate con %1.</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3), mAP %4, R@%5 %6 (random %7); %8 s</source>
        <translation>Epoca %1: perdita %2 (validazione %3), mAP %4, R@%5 %6 (a caso %7); %8 s</translation>
    </message>
    <message>
        <source>Reading the images...</source>
        <translation>Lettura delle immagini...</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsView</name>
    <message>
        <source>Open images...</source>
        <translation>Apri immagini...</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Apri immagini</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation>Immagini (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open dataset...</source>
        <translation>Apri dataset...</translation>
    </message>
    <message>
        <source>A scene folder (periscope-cli scenes --relations), VRD (json_dataset/, sg_dataset/) or HICO-DET (annotations/, images/)</source>
        <translation>Una cartella di scene (periscope-cli scenes --relations), VRD (json_dataset/, sg_dataset/) o HICO-DET (annotations/, images/)</translation>
    </message>
    <message>
        <source>Open a relations dataset</source>
        <translation>Apri un dataset di relazioni</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>parte di test</translation>
    </message>
    <message>
        <source>train split</source>
        <translation>parte di addestramento</translation>
    </message>
    <message>
        <source>VRD and HICO-DET: which split to read</source>
        <translation>VRD e HICO-DET: quale parte leggere</translation>
    </message>
    <message>
        <source>Open relations weights</source>
        <translation>Apri pesi di relazioni</translation>
    </message>
    <message>
        <source>Ground-truth boxes</source>
        <translation>Riquadri di riferimento</translation>
    </message>
    <message>
        <source>Detections file...</source>
        <translation>File di rilevamenti...</translation>
    </message>
    <message>
        <source>The graph&apos;s nodes: the dataset&apos;s own boxes, or a detector&apos;s in COCO&apos;s results format ([{image_id, category_id, bbox [x, y, w, h], score}])</source>
        <translation>I nodi del grafo: i riquadri del dataset, o quelli di un rilevatore nel formato dei risultati COCO ([{image_id, category_id, bbox [x, y, w, h], score}])</translation>
    </message>
    <message>
        <source>Explain logits</source>
        <translation>Spiega i logit</translation>
    </message>
    <message>
        <source>Explain scores (paper)</source>
        <translation>Spiega i punteggi (articolo)</translation>
    </message>
    <message>
        <source>The paper explains each predicate&apos;s sigmoid score; a classifier sure of a predicate saturates it, so its gradient (and the relevance of the objects behind it) nearly vanishes. Explaining the logit keeps it: on the built-in model relationship recall@20 rises from 0.18 to 0.54.</source>
        <translation>L&apos;articolo spiega il punteggio sigmoide di ogni predicato; un classificatore sicuro di un predicato lo satura, così il suo gradiente (e la rilevanza degli oggetti dietro) quasi svanisce. Spiegare il logit lo conserva: sul modello integrato la recall@20 delle relazioni sale da 0.18 a 0.54.</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradiente</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Gradienti integrati</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Draw boxes</source>
        <translation>Disegna riquadri</translation>
    </message>
    <message>
        <source>Drag on the image to add an object of the chosen category (the image is then analysed again); Edit &gt; Undo takes it back</source>
        <translation>Trascina sull&apos;immagine per aggiungere un oggetto della categoria scelta (l&apos;immagine viene poi rianalizzata); Modifica &gt; Annulla lo toglie</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>Rimuovi riquadro</translation>
    </message>
    <message>
        <source>Removes the box selected on the image (click its outline)</source>
        <translation>Rimuove il riquadro selezionato sull&apos;immagine (clicca sul suo bordo)</translation>
    </message>
    <message>
        <source>Source boxes</source>
        <translation>Riquadri della sorgente</translation>
    </message>
    <message>
        <source>Forget the boxes drawn on this image and use those of the box source again</source>
        <translation>Dimentica i riquadri disegnati su questa immagine e usa di nuovo quelli della sorgente</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>Predicato</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>In truth</source>
        <translation>Nel riferimento</translation>
    </message>
    <message>
        <source>The classifier&apos;s score for each predicate in this image; choose one to see which objects and pairs its explanation points at</source>
        <translation>Il punteggio del classificatore per ogni predicato in questa immagine; scegline uno per vedere quali oggetti e coppie indica la sua spiegazione</translation>
    </message>
    <message>
        <source>Triplet</source>
        <translation>Tripletta</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Oggetti</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Riferimento</translation>
    </message>
    <message>
        <source>R@%1</source>
        <translation>R@%1</translation>
    </message>
    <message>
        <source>Share of the image&apos;s true triplets found among its first %1 (relationship detection)</source>
        <translation>Quota delle triplette vere dell&apos;immagine trovate fra le sue prime %1 (rilevamento di relazioni)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Immagini</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Open a relations dataset or images: the model classifies each image&apos;s predicates, and explaining each predicate finds which objects it relates.</source>
        <translation>Apri un dataset di relazioni o delle immagini: il modello classifica i predicati di ogni immagine, e spiegare ogni predicato trova quali oggetti collega.</translation>
    </message>
    <message>
        <source>Open a detections file (COCO results)</source>
        <translation>Apri un file di rilevamenti (risultati COCO)</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Detections: %1</source>
        <translation>Rilevamenti: %1</translation>
    </message>
    <message>
        <source>%1 drawn</source>
        <translation>%1 disegnati</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallita</translation>
    </message>
    <message>
        <source>All: the top triplets</source>
        <translation>Tutti: le triplette migliori</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n oggetto</numerusform>
            <numerusform>%1: %n oggetti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n true triplet(s)</source>
        <translation>
            <numerusform>, %n tripletta vera</numerusform>
            <numerusform>, %n triplette vere</numerusform>
        </translation>
    </message>
    <message>
        <source> (boxes drawn here)</source>
        <translation> (riquadri disegnati qui)</translation>
    </message>
    <message>
        <source>Not analysed: %1</source>
        <translation>Non analizzata: %1</translation>
    </message>
    <message>
        <source>Being analysed...</source>
        <translation>In analisi...</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Nessun modello caricato.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>node relevance</source>
        <translation>rilevanza dei nodi</translation>
    </message>
    <message>
        <source>Relationship graph</source>
        <translation>Grafo delle relazioni</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>mancata</translation>
    </message>
    <message>
        <source>Nothing analysed yet</source>
        <translation>Ancora nulla di analizzato</translation>
    </message>
    <message>
        <source>No ground truth to score against</source>
        <translation>Nessun riferimento con cui confrontare</translation>
    </message>
    <message>
        <source>Predicate detection</source>
        <translation>Rilevamento di predicati</translation>
    </message>
    <message>
        <source>Phrase detection</source>
        <translation>Rilevamento di frasi</translation>
    </message>
    <message>
        <source>Relationship detection</source>
        <translation>Rilevamento di relazioni</translation>
    </message>
    <message>
        <source>Random ranking</source>
        <translation>Ordinamento casuale</translation>
    </message>
    <message>
        <source>Predicate mAP</source>
        <translation>mAP dei predicati</translation>
    </message>
    <message>
        <source>Over %1 image(s) with true triplets. A true triplet counts when a prediction among the first K matches its classes (predicate detection), also its union box (phrase), or both boxes (relationship), IoU &gt; 0.5.</source>
        <translation>Su %1 immagini con triplette vere. Una tripletta vera conta quando una previsione fra le prime K ne rispetta le classi (rilevamento di predicati), anche il riquadro di unione (frase), o entrambi i riquadri (relazione), IoU &gt; 0.5.</translation>
    </message>
    <message>
        <source>relationship R@%1</source>
        <translation>recall@%1 delle relazioni</translation>
    </message>
    <message>
        <source>AP (image level)</source>
        <translation>AP (a livello di immagine)</translation>
    </message>
    <message>
        <source>recall / AP</source>
        <translation>recall / AP</translation>
    </message>
    <message>
        <source>Per predicate</source>
        <translation>Per predicato</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Addestra</translation>
    </message>
    <message>
        <source>LRP</source>
        <translation>LRP</translation>
    </message>
    <message>
        <source>How node and edge relevance are computed: the gradient (the paper), integrated gradients from all-zero inputs (32 steps, slower), or layer-wise relevance propagation of the logit (the Graphs workspace&apos;s rules; relevance adds up to the logit)</source>
        <translation>Come si calcola la rilevanza di nodi e archi: il gradiente (l&apos;articolo), i gradienti integrati da ingressi nulli (32 passi, più lento), o la propagazione della rilevanza strato per strato del logit (le regole dell&apos;area Graphs; la rilevanza somma al logit)</translation>
    </message>
    <message>
        <source>No triplet prior</source>
        <translation>Nessun prior sulle triplette</translation>
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
        <translation>Il prior di frequenza delle triplette dell&apos;articolo: il punteggio di ogni candidato per quanto spesso le sue classi formano quella tripletta in un dataset a scelta (la sua parte di addestramento), prima di tenere le migliori</translation>
    </message>
    <message>
        <source>Counted in %1</source>
        <translation>Contato in %1</translation>
    </message>
    <message>
        <source>The dataset whose true triplets the prior counts</source>
        <translation>Il dataset di cui il prior conta le triplette vere</translation>
    </message>
    <message>
        <source>Explain %1 by %2</source>
        <translation>Spiega %1 con %2</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>i logit</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>i punteggi</translation>
    </message>
    <message>
        <source>Read the %1 split</source>
        <translation>Leggi la partizione %1</translation>
    </message>
    <message>
        <source>Close the images</source>
        <translation>Chiudi le immagini</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Usa il modello %1</translation>
    </message>
</context>
<context>
    <name>periscope::app::RelationsWorkspace</name>
    <message>
        <source>Relations</source>
        <translation>Relazioni</translation>
    </message>
    <message>
        <source>%1 is not a relations dataset: expected scenes (scenes.json), VRD (json_dataset/) or HICO-DET (annotations/)</source>
        <translation>%1 non è un dataset di relazioni: attese scene (scenes.json), VRD (json_dataset/) o HICO-DET (annotations/)</translation>
    </message>
    <message>
        <source>%1 is neither a relations dataset folder nor an image</source>
        <translation>%1 non è né una cartella di un dataset di relazioni né un&apos;immagine</translation>
    </message>
    <message>
        <source>Draw a box</source>
        <translation>Disegna un riquadro</translation>
    </message>
    <message>
        <source>Remove a box</source>
        <translation>Rimuovi un riquadro</translation>
    </message>
    <message>
        <source>Use the source&apos;s boxes</source>
        <translation>Usa i riquadri della sorgente</translation>
    </message>
    <message>
        <source>Relations: who is on, touching or near whom</source>
        <translation>Relazioni: chi è sopra, tocca o è vicino a chi</translation>
    </message>
    <message>
        <source>Generated scenes with stacked and touching objects; the built-in model, trained on image-level predicate labels only, finds each predicate&apos;s subject and object by explaining its decision.</source>
        <translation>Scene generate con oggetti impilati e a contatto; il modello integrato, addestrato solo su etichette di predicato per immagine, trova soggetto e oggetto di ogni predicato spiegando la propria decisione.</translation>
    </message>
    <message>
        <source>The Relations demo&apos;s scenes or model are missing from this installation</source>
        <translation>Le scene o il modello della demo Relazioni mancano in questa installazione</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open images and let the model recover their relations</source>
        <translation>Non c&apos;è ancora nulla da esportare: apri delle immagini e lascia che il modello ne ricavi le relazioni</translation>
    </message>
</context>
<context>
    <name>periscope::app::SceneWords</name>
    <message>
        <source>sphere</source>
        <comment>a CLEVR shape</comment>
        <translation>sfera</translation>
    </message>
    <message>
        <source>cube</source>
        <comment>a CLEVR shape</comment>
        <translation>cubo</translation>
    </message>
    <message>
        <source>cylinder</source>
        <comment>a CLEVR shape</comment>
        <translation>cilindro</translation>
    </message>
    <message>
        <source>metal</source>
        <comment>a CLEVR material</comment>
        <translation>metallo</translation>
    </message>
    <message>
        <source>rubber</source>
        <comment>a CLEVR material</comment>
        <translation>gomma</translation>
    </message>
    <message>
        <source>on</source>
        <comment>a relation: A on B</comment>
        <translation>su</translation>
    </message>
    <message>
        <source>touching</source>
        <comment>a relation: A touching B</comment>
        <translation>tocca</translation>
    </message>
    <message>
        <source>near</source>
        <comment>a relation: A near B</comment>
        <translation>vicino a</translation>
    </message>
    <message>
        <source>same color</source>
        <comment>a relation: A has the same colour as B</comment>
        <translation>stesso colore</translation>
    </message>
    <message>
        <source>same shape</source>
        <comment>a relation: A has the same shape as B</comment>
        <translation>stessa forma</translation>
    </message>
    <message>
        <source>same material</source>
        <comment>a relation: A has the same material as B</comment>
        <translation>stesso materiale</translation>
    </message>
    <message>
        <source>larger than</source>
        <comment>a relation: A larger than B</comment>
        <translation>più grande di</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a sphere</comment>
        <translation>piccola</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a sphere</comment>
        <translation>grande</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a sphere</comment>
        <translation>grigia</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a sphere</comment>
        <translation>rossa</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a sphere</comment>
        <translation>blu</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a sphere</comment>
        <translation>verde</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a sphere</comment>
        <translation>marrone</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a sphere</comment>
        <translation>viola</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a sphere</comment>
        <translation>ciano</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a sphere</comment>
        <translation>gialla</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a cube</comment>
        <translation>piccolo</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a cube</comment>
        <translation>grande</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a cube</comment>
        <translation>grigio</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a cube</comment>
        <translation>rosso</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a cube</comment>
        <translation>blu</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a cube</comment>
        <translation>verde</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a cube</comment>
        <translation>marrone</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a cube</comment>
        <translation>viola</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a cube</comment>
        <translation>ciano</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a cube</comment>
        <translation>giallo</translation>
    </message>
    <message>
        <source>small</source>
        <comment>the size of a cylinder</comment>
        <translation>piccolo</translation>
    </message>
    <message>
        <source>large</source>
        <comment>the size of a cylinder</comment>
        <translation>grande</translation>
    </message>
    <message>
        <source>gray</source>
        <comment>the colour of a cylinder</comment>
        <translation>grigio</translation>
    </message>
    <message>
        <source>red</source>
        <comment>the colour of a cylinder</comment>
        <translation>rosso</translation>
    </message>
    <message>
        <source>blue</source>
        <comment>the colour of a cylinder</comment>
        <translation>blu</translation>
    </message>
    <message>
        <source>green</source>
        <comment>the colour of a cylinder</comment>
        <translation>verde</translation>
    </message>
    <message>
        <source>brown</source>
        <comment>the colour of a cylinder</comment>
        <translation>marrone</translation>
    </message>
    <message>
        <source>purple</source>
        <comment>the colour of a cylinder</comment>
        <translation>viola</translation>
    </message>
    <message>
        <source>cyan</source>
        <comment>the colour of a cylinder</comment>
        <translation>ciano</translation>
    </message>
    <message>
        <source>yellow</source>
        <comment>the colour of a cylinder</comment>
        <translation>giallo</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <extracomment>An object: %1 its size, %2 its colour, %3 its material, %4 its shape (&quot;large red metal sphere&quot;).</extracomment>
        <translation>%4 %1 %2 di %3</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsEmbeddingView</name>
    <message>
        <source>Colour by the matched object&apos;s colour</source>
        <translation>Colora secondo il colore dell&apos;oggetto abbinato</translation>
    </message>
    <message>
        <source>… its shape</source>
        <translation>… la sua forma</translation>
    </message>
    <message>
        <source>… its material</source>
        <translation>… il suo materiale</translation>
    </message>
    <message>
        <source>… its size</source>
        <translation>… la sua dimensione</translation>
    </message>
    <message>
        <source>The 3-D scatter of the first three components appears here.</source>
        <translation>Qui appare la dispersione 3D delle prime tre componenti.</translation>
    </message>
    <message>
        <source>Run a model on scenes to see their slot embeddings here.</source>
        <translation>Esegui un modello sulle scene per vedere qui i loro embedding degli slot.</translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s); the first two components explain %1% and %2% of the variance, the third %3%</source>
        <translation>
            <numerusform>%n slot; le prime due componenti spiegano il %1% e il %2% della varianza, la terza il %3%</numerusform>
            <numerusform>%n slot; le prime due componenti spiegano il %1% e il %2% della varianza, la terza il %3%</numerusform>
        </translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>non abbinato</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>CP 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>CP 2</translation>
    </message>
    <message>
        <source>Slot embeddings</source>
        <translation>Embedding degli slot</translation>
    </message>
    <message>
        <source>. Linear VQA probe (96 questions, %1 test scenes): mean AP %2 (chance %3), ROC AUC %4</source>
        <translation>. Sonda VQA lineare (96 domande, %1 scene di test): AP media %2 (caso %3), ROC AUC %4</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsModel</name>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) opened</source>
        <translation>
            <numerusform>%n scena aperta</numerusform>
            <numerusform>%n scene aperte</numerusform>
        </translation>
    </message>
    <message>
        <source>Load slot model %1</source>
        <translation>Carica il modello a slot %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modello: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Impossibile caricare il modello: %1</translation>
    </message>
    <message numerus="yes">
        <source>Find the slots of %n scene(s)</source>
        <translation>
            <numerusform>Trova gli slot di %n scena</numerusform>
            <numerusform>Trova gli slot di %n scene</numerusform>
        </translation>
    </message>
    <message>
        <source>Slots found; mean IoU %1, FG-ARI %2 over %3 scenes with masks</source>
        <translation>Slot trovati; IoU media %1, FG-ARI %2 su %3 scene con maschere</translation>
    </message>
    <message>
        <source>Slots found</source>
        <translation>Slot trovati</translation>
    </message>
    <message numerus="yes">
        <source>Project %n slot embedding(s)</source>
        <translation>
            <numerusform>Proietta %n embedding di slot</numerusform>
            <numerusform>Proietta %n embedding di slot</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostra %1</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n scene(s)</source>
        <translation>
            <numerusform>Genera %n scena</numerusform>
            <numerusform>Genera %n scene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) generated in %1</source>
        <translation>
            <numerusform>%n scena generata in %1</numerusform>
            <numerusform>%n scene generate in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The scenes could not be generated: %1</source>
        <translation>Impossibile generare le scene: %1</translation>
    </message>
    <message>
        <source>Training needs at least 4 images; open or generate scenes first.</source>
        <translation>L&apos;addestramento richiede almeno 4 immagini; apri o genera prima delle scene.</translation>
    </message>
    <message numerus="yes">
        <source>Train slots on %n image(s)</source>
        <translation>
            <numerusform>Addestra gli slot su %n immagine</numerusform>
            <numerusform>Addestra gli slot su %n immagini</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 epochs on %2 images, %3 s</source>
        <translation>%1 epoche su %2 immagini, %3 s</translation>
    </message>
    <message>
        <source>; validation IoU %1 (untrained %2), FG-ARI %3 (untrained %4)</source>
        <translation>; IoU di validazione %1 (non addestrato %2), FG-ARI %3 (non addestrato %4)</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsTrainingPanel</name>
    <message>
        <source>Small: 64 px, minutes on a CPU</source>
        <translation>Piccolo: 64 px, minuti su una CPU</translation>
    </message>
    <message>
        <source>Paper: 128 px, batches of 64 (a GPU)</source>
        <translation>Articolo: 128 px, batch da 64 (una GPU)</translation>
    </message>
    <message>
        <source>Matched contrastive, negatives from the same image</source>
        <translation>Contrastiva abbinata, negativi dalla stessa immagine</translation>
    </message>
    <message>
        <source>Matched contrastive, all other slots as negatives</source>
        <translation>Contrastiva abbinata, tutti gli altri slot come negativi</translation>
    </message>
    <message>
        <source>Matched cosine similarity (no negatives)</source>
        <translation>Similarità del coseno abbinata (senza negativi)</translation>
    </message>
    <message>
        <source>Slots of the two views of an image are matched one to one by cosine similarity (Hungarian); each slot&apos;s match is its positive</source>
        <translation>Gli slot delle due viste di un&apos;immagine sono abbinati uno a uno per similarità del coseno (algoritmo ungherese); l&apos;abbinato di ogni slot è il suo positivo</translation>
    </message>
    <message>
        <source>Train on the opened scenes</source>
        <translation>Addestra sulle scene aperte</translation>
    </message>
    <message>
        <source>Self-supervised: two augmented views of every image; NT-Xent on the global vectors and the matched object loss on the slots (temperature 0.1). 10 % held out; with masks, their slots&apos; IoU and ARI are measured after every epoch. The weights are saved after every epoch.</source>
        <translation>Auto-supervisionato: due viste aumentate di ogni immagine; NT-Xent sui vettori globali e la loss sugli oggetti abbinati sugli slot (temperatura 0.1). Il 10 % è tenuto da parte; con le maschere, IoU e ARI dei loro slot sono misurati dopo ogni epoca. I pesi sono salvati dopo ogni epoca.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preimpostazione</translation>
    </message>
    <message>
        <source>Object loss</source>
        <translation>Loss sugli oggetti</translation>
    </message>
    <message>
        <source>Global loss weight</source>
        <translation>Peso della loss globale</translation>
    </message>
    <message>
        <source>Object loss weight</source>
        <translation>Peso della loss sugli oggetti</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>validation score</source>
        <translation>punteggio di validazione</translation>
    </message>
    <message>
        <source>Slot masks vs. objects</source>
        <translation>Maschere degli slot rispetto agli oggetti</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3); IoU %4, FG-ARI %5; %6 s</source>
        <translation>Epoca %1: loss %2 (validazione %3); IoU %4, FG-ARI %5; %6 s</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2 (validation %3); %4 s</source>
        <translation>Epoca %1: loss %2 (validazione %3); %4 s</translation>
    </message>
    <message>
        <source>At least one of the loss weights must be above 0.</source>
        <translation>Almeno uno dei pesi delle loss deve essere maggiore di 0.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>addestramento</translation>
    </message>
    <message>
        <source>global (NT-Xent)</source>
        <translation>globale (NT-Xent)</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>oggetti</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validazione</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>IoU media</translation>
    </message>
    <message>
        <source>FG-ARI</source>
        <translation>FG-ARI</translation>
    </message>
    <message>
        <source>Reading the images...</source>
        <translation>Lettura delle immagini...</translation>
    </message>
    <message>
        <source>The scenes are analysed with %1.</source>
        <translation>Le scene vengono analizzate con %1.</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsView</name>
    <message>
        <source>Open scenes…</source>
        <translation>Apri scene…</translation>
    </message>
    <message>
        <source>A scene folder (generated here, or CLEVR with its scenes JSON) or any folder of images</source>
        <translation>Una cartella di scene (generata qui, o CLEVR con il suo JSON delle scene) o qualsiasi cartella di immagini</translation>
    </message>
    <message>
        <source>Generate scenes…</source>
        <translation>Genera scene…</translation>
    </message>
    <message>
        <source>Render CLEVR-like scenes with instance masks (spheres, cubes, cylinders; rubber or metal)</source>
        <translation>Renderizza scene simili a CLEVR con maschere di istanza (sfere, cubi, cilindri; gomma o metallo)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Nessun modello</translation>
    </message>
    <message>
        <source>Last iteration</source>
        <translation>Ultima iterazione</translation>
    </message>
    <message>
        <source>First iteration</source>
        <translation>Prima iterazione</translation>
    </message>
    <message>
        <source>Which slot-attention iteration&apos;s maps make the masks</source>
        <translation>Le mappe di quale iterazione della slot attention formano le maschere</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Matched object</source>
        <translation>Oggetto abbinato</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scena</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Open a scene folder or a folder of images</source>
        <translation>Apri una cartella di scene o una cartella di immagini</translation>
    </message>
    <message>
        <source>IoU %1 · ARI %2</source>
        <translation>IoU %1 · ARI %2</translation>
    </message>
    <message numerus="yes">
        <source>mean IoU %1 · FG-ARI %2 (%n scene(s) with masks)</source>
        <translation>
            <numerusform>IoU media %1 · FG-ARI %2 (%n scena con maschere)</numerusform>
            <numerusform>IoU media %1 · FG-ARI %2 (%n scene con maschere)</numerusform>
        </translation>
    </message>
    <message>
        <source>no instance masks: IoU and ARI off</source>
        <translation>nessuna maschera di istanza: IoU e ARI disattivati</translation>
    </message>
    <message>
        <source>True objects</source>
        <translation>Oggetti reali</translation>
    </message>
    <message>
        <source>Slot masks</source>
        <translation>Maschere degli slot</translation>
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
        <translation>oggetto %1</translation>
    </message>
    <message>
        <source>none (background or unmatched)</source>
        <translation>nessuno (sfondo o non abbinato)</translation>
    </message>
    <message>
        <source>no mask to match</source>
        <translation>nessuna maschera da abbinare</translation>
    </message>
    <message>
        <source>IoU %1</source>
        <translation>IoU %1</translation>
    </message>
    <message>
        <source>Load a slot model</source>
        <translation>Carica un modello a slot</translation>
    </message>
    <message>
        <source>Generate scenes</source>
        <translation>Genera scene</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Scene</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seme</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Larghezza</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altezza</translation>
    </message>
    <message>
        <source>Folder for the scenes</source>
        <translation>Cartella per le scene</translation>
    </message>
    <message>
        <source>The small preset learns from a few hundred scenes: 400 scenes and 30 epochs take about 10 minutes on one CPU core.</source>
        <translation>Il preset piccolo impara da qualche centinaio di scene: 400 scene e 30 epoche richiedono circa 10 minuti su un core della CPU.</translation>
    </message>
    <message>
        <source>Built-in, added or downloaded models (Edit &gt; Models…), or a weights file: our .safetensors or the paper&apos;s torch.save checkpoints (baldassarreFe/iclr-osc-22)</source>
        <translation>Modelli integrati, aggiunti o scaricati (Modifica &gt; Modelli…), o un file di pesi: i nostri .safetensors o i checkpoint torch.save dell&apos;articolo (baldassarreFe/iclr-osc-22)</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>impossibile aprire</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: cannot open:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1: impossibile aprire:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Weights %1</source>
        <translation>Pesi %1</translation>
    </message>
    <message>
        <source>Built-in %1</source>
        <translation>Integrato %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close the scenes</source>
        <translation>Chiudi le scene</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
    <message>
        <source>Use the model %1</source>
        <translation>Usa il modello %1</translation>
    </message>
    <message>
        <source>Masks from the last iteration</source>
        <translation>Maschere dall&apos;ultima iterazione</translation>
    </message>
    <message>
        <source>Masks from the first iteration</source>
        <translation>Maschere dalla prima iterazione</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>The slot&apos;s share of all attention</source>
        <translation>La quota di tutta l&apos;attenzione dello slot</translation>
    </message>
    <message>
        <source>Pixels in the slot&apos;s mask</source>
        <translation>Pixel nella maschera dello slot</translation>
    </message>
    <message>
        <source>partition IoU %1 · best slot per object %2</source>
        <translation>IoU della partizione %1 · miglior slot per oggetto %2</translation>
    </message>
    <message>
        <source>Mean IoU: each slot&apos;s attention thresholded (Otsu), matched one to one to the objects. Partition IoU: the same matching on the slot that wins each pixel, no threshold. Best slot per object: how well the best single slot covers each object, matched or not; when it is low too, slots hold several objects.</source>
        <translation>IoU medio: l&apos;attenzione di ogni slot sogliata (Otsu), abbinata uno a uno agli oggetti. IoU della partizione: lo stesso abbinamento sullo slot che vince ogni pixel, senza soglia. Miglior slot per oggetto: quanto bene il miglior singolo slot copre ogni oggetto, abbinato o no; se anche questo è basso, gli slot contengono più oggetti ciascuno.</translation>
    </message>
</context>
<context>
    <name>periscope::app::SlotsWorkspace</name>
    <message>
        <source>Slots</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>%1 is neither a scene folder nor an image</source>
        <translation>%1 non è né una cartella di scene né un&apos;immagine</translation>
    </message>
    <message>
        <source>Slots: objects found without labels</source>
        <translation>Slot: oggetti trovati senza etichette</translation>
    </message>
    <message>
        <source>Generated scenes with instance masks, the slots of the built-in model (trained self-supervised here) and how well their masks match the objects.</source>
        <translation>Scene generate con maschere di istanza, gli slot del modello integrato (addestrato qui in modo auto-supervisionato) e quanto bene le loro maschere corrispondono agli oggetti.</translation>
    </message>
    <message>
        <source>The Slots demo&apos;s scenes or model are missing from this installation</source>
        <translation>Le scene o il modello della demo Slot mancano da questa installazione</translation>
    </message>
    <message>
        <source>There is nothing to export yet: open scenes and let the model find their slots</source>
        <translation>Non c&apos;è ancora nulla da esportare: apri delle scene e lascia che il modello ne trovi gli slot</translation>
    </message>
    <message>
        <source>%1: slot masks (mean IoU %2, FG-ARI %3), attention per slot; %4</source>
        <translation>%1: maschere degli slot (IoU media %2, FG-ARI %3), attenzione per slot; %4</translation>
    </message>
    <message>
        <source>%1: slot masks and attention per slot; %2</source>
        <translation>%1: maschere degli slot e attenzione per slot; %2</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyDesignFields</name>
    <message>
        <source>Colorization study</source>
        <translation>Studio sulla colorazione</translation>
    </message>
    <message>
        <source>Real or colorized? (a Turing test)</source>
        <translation>Reale o colorata? (un test di Turing)</translation>
    </message>
    <message>
        <source>How natural? (Likert 1-5)</source>
        <translation>Quanto naturale? (Likert 1-5)</translation>
    </message>
    <message>
        <source>Which is more natural? (two side by side)</source>
        <translation>Quale è più naturale? (due affiancate)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Domanda</translation>
    </message>
    <message>
        <source>Trials per participant</source>
        <translation>Prove per partecipante</translation>
    </message>
    <message>
        <source>Attention checks</source>
        <translation>Controlli di attenzione</translation>
    </message>
    <message>
        <source>Seed (stored: the order of every session can be reproduced)</source>
        <translation>Seme (salvato: l&apos;ordine di ogni sessione è riproducibile)</translation>
    </message>
    <message>
        <source>Each participant will see some photos more than once: %1 trials (besides the attention checks), but only %2 different ones from %3 photos and %4 conditions. Fewer trials, or more photos, avoid repeats.</source>
        <translation>Ogni partecipante vedrà alcune foto più di una volta: %1 prove (oltre ai controlli di attenzione), ma solo %2 diverse da %3 foto e %4 condizioni. Meno prove, o più foto, evitano le ripetizioni.</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyPanel</name>
    <message>
        <source>Colorization study</source>
        <translation>Studio sulla colorazione</translation>
    </message>
    <message>
        <source>New study from these photos...</source>
        <translation>Nuovo studio da queste foto...</translation>
    </message>
    <message>
        <source>The opened colour photos, in their original colours and as the current model colorized them</source>
        <translation>Le foto a colori aperte, nei loro colori originali e come le ha colorate il modello attuale</translation>
    </message>
    <message>
        <source>Open study...</source>
        <translation>Apri studio...</translation>
    </message>
    <message>
        <source>Open a study</source>
        <translation>Apri uno studio</translation>
    </message>
    <message>
        <source>Studies (*.sqlite);;All files (*)</source>
        <translation>Studi (*.sqlite);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>No study open. A study shows each participant photos in random order, without names, and asks about their colours; every answer is saved the moment it is given.</source>
        <translation>Nessuno studio aperto. Uno studio mostra a ogni partecipante foto in ordine casuale, senza nomi, e chiede dei loro colori; ogni risposta è salvata nel momento in cui viene data.</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Risposte</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniziato</translation>
    </message>
    <message>
        <source>Start a session (new participant)</source>
        <translation>Avvia una sessione (nuovo partecipante)</translation>
    </message>
    <message>
        <source>Resume the selected participant</source>
        <translation>Riprendi il partecipante selezionato</translation>
    </message>
    <message>
        <source>Export answers (CSV)...</source>
        <translation>Esporta le risposte (CSV)...</translation>
    </message>
    <message>
        <source>Export the answers</source>
        <translation>Esporta le risposte</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export results figure...</source>
        <translation>Esporta la figura dei risultati...</translation>
    </message>
    <message>
        <source>Export the results figure</source>
        <translation>Esporta la figura dei risultati</translation>
    </message>
    <message>
        <source>Figures (*.png *.svg *.pdf)</source>
        <translation>Figure (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condizione</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Risposte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Risultato</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>intervallo al 95 %</translation>
    </message>
    <message>
        <source>New study</source>
        <translation>Nuovo studio</translation>
    </message>
    <message>
        <source>Save the study</source>
        <translation>Salva lo studio</translation>
    </message>
    <message>
        <source>Studies (*.sqlite)</source>
        <translation>Studi (*.sqlite)</translation>
    </message>
    <message>
        <source>A study needs colorized colour photos: open some and colorize them first.</source>
        <translation>Uno studio richiede foto a colori colorate: aprine alcune e colorale prima.</translation>
    </message>
    <message>
        <source>%1 exists already: a study file is never overwritten</source>
        <translation>%1 esiste già: un file di studio non viene mai sovrascritto</translation>
    </message>
    <message>
        <source>Prepare the study&apos;s photos</source>
        <translation>Prepara le foto dello studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3 images x %4 conditions (%5), %6 trials per participant with %7 attention checks.&lt;br&gt;Fingerprint %8%9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3 immagini x %4 condizioni (%5), %6 prove per partecipante con %7 controlli di attenzione.&lt;br&gt;Impronta %8%9</translation>
    </message>
    <message>
        <source>, frozen: answers exist</source>
        <translation>, congelato: esistono risposte</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>media %1</translation>
    </message>
    <message>
        <source>%1 judged real</source>
        <translation>%1 giudicate reali</translation>
    </message>
    <message>
        <source>%1 preferred</source>
        <translation>%1 preferite</translation>
    </message>
    <message>
        <source>%1 participants (%2 left out for a failed attention check), %3 answers; Fleiss&apos; kappa %4 over %5 items</source>
        <translation>%1 partecipanti (%2 esclusi per un controllo di attenzione fallito), %3 risposte; kappa di Fleiss %4 su %5 elementi</translation>
    </message>
    <message>
        <source>mean naturalness (1-5)</source>
        <translation>naturalezza media (1-5)</translation>
    </message>
    <message>
        <source>share judged real</source>
        <translation>quota giudicata reale</translation>
    </message>
    <message>
        <source>share preferred</source>
        <translation>quota preferita</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condizione</translation>
    </message>
    <message>
        <source>Results with 95 % intervals</source>
        <translation>Risultati con intervalli al 95 %</translation>
    </message>
    <message>
        <source>result</source>
        <translation>risultato</translation>
    </message>
    <message>
        <source>response time (s)</source>
        <translation>tempo di risposta (s)</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>risposte</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Tempi di risposta</translation>
    </message>
    <message>
        <source>There are no answers to plot yet</source>
        <translation>Non ci sono ancora risposte da tracciare</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>By condition</source>
        <translation>Per condizione</translation>
    </message>
    <message>
        <source>By image</source>
        <translation>Per immagine</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>original: the photos&apos; own colours</source>
        <translation>original: i colori delle foto stesse</translation>
    </message>
    <message>
        <source>%1: the current results</source>
        <translation>%1: i risultati attuali</translation>
    </message>
    <message>
        <source>Add another model&apos;s results (a folder)...</source>
        <translation>Aggiungi i risultati di un altro modello (una cartella)...</translation>
    </message>
    <message>
        <source>A folder of the same photos colorized by another model (e.g. periscope-cli colorize&apos;s output), matched by file name</source>
        <translation>Una cartella con le stesse foto colorate da un altro modello (ad es. l&apos;output di periscope-cli colorize), abbinate per nome di file</translation>
    </message>
    <message>
        <source>A folder of another model&apos;s results</source>
        <translation>Una cartella con i risultati di un altro modello</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condizioni</translation>
    </message>
    <message>
        <source>Choose at least one photo for the study.</source>
        <translation>Scegli almeno una foto per lo studio.</translation>
    </message>
    <message>
        <source>Left out of the study (not in every condition&apos;s folder): %1</source>
        <translation>Escluse dallo studio (non presenti nella cartella di ogni condizione): %1</translation>
    </message>
    <message>
        <source>Edit the design...</source>
        <translation>Modifica il disegno...</translation>
    </message>
    <message>
        <source>Title, question, trials and seed, until the first answer freezes the design</source>
        <translation>Titolo, domanda, prove e seme, finché la prima risposta non blocca il disegno</translation>
    </message>
    <message>
        <source>Remove participants who never answered</source>
        <translation>Rimuovi i partecipanti che non hanno mai risposto</translation>
    </message>
    <message>
        <source>Edit the study&apos;s design</source>
        <translation>Modifica il disegno dello studio</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in %1 condition(s), as made</source>
        <translation>
            <numerusform>%n foto; condizioni: %1; come creato</numerusform>
            <numerusform>%n foto; condizioni: %1; come creato</numerusform>
        </translation>
    </message>
    <message>
        <source>No study is open</source>
        <translation>Nessuno studio è aperto</translation>
    </message>
</context>
<context>
    <name>periscope::app::StudyRunner</name>
    <message>
        <source>Study</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Are the colours of this photo real?   R = real   C = colorized by a computer</source>
        <translation>I colori di questa foto sono reali?   R = reali   C = colorati da un computer</translation>
    </message>
    <message>
        <source>How natural do the colours look?   1 = not at all ... 5 = completely natural</source>
        <translation>Quanto sembrano naturali i colori?   1 = per niente ... 5 = del tutto naturali</translation>
    </message>
    <message>
        <source>Which photo&apos;s colours look more natural?   Left arrow = left   Right arrow = right</source>
        <translation>Di quale foto i colori sembrano più naturali?   Freccia sinistra = sinistra   Freccia destra = destra</translation>
    </message>
    <message>
        <source>Welcome, participant %1.

You will see %2 photos, one screen at a time.
%3

Answer with the keys; there is no right or wrong, go with your first impression.
Some screens ask for a particular answer: please give it.
P pauses, Escape stops (you can continue later).

Press Space to begin.</source>
        <translation>Benvenuto, partecipante %1.

Vedrai %2 foto, una schermata alla volta.
%3

Rispondi con i tasti; non ci sono risposte giuste o sbagliate, segui la prima impressione.
Alcune schermate chiedono una risposta precisa: per favore dalla.
P mette in pausa, Esc interrompe (potrai continuare più tardi).

Premi la barra spaziatrice per iniziare.</translation>
    </message>
    <message>
        <source>Paused.

Press P or Space to continue.</source>
        <translation>In pausa.

Premi P o la barra spaziatrice per continuare.</translation>
    </message>
    <message>
        <source>Thank you, participant %1: all answers are saved.

Press Enter for the next participant, Escape to close.</source>
        <translation>Grazie, partecipante %1: tutte le risposte sono salvate.

Premi Invio per il prossimo partecipante, Esc per chiudere.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Caricamento...</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>Non è stato possibile salvare la risposta: %1</translation>
    </message>
    <message>
        <source>Attention check: for this photo please answer %1</source>
        <translation>Controllo di attenzione: per questa foto rispondi %1</translation>
    </message>
    <message>
        <source>R (real)</source>
        <translation>R (reali)</translation>
    </message>
    <message>
        <source>C (colorized)</source>
        <translation>C (colorati)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sinistra</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Destra</translation>
    </message>
</context>
<context>
    <name>periscope::app::TrainingJob</name>
    <message>
        <source>Training cancelled; the weights of the last finished epoch are saved.</source>
        <translation>Addestramento annullato; i pesi dell&apos;ultima epoca completata sono salvati.</translation>
    </message>
</context>
<context>
    <name>periscope::app::TrainingPanel</name>
    <message>
        <source>Browse...</source>
        <translation>Sfoglia...</translation>
    </message>
    <message>
        <source>Save the trained weights</source>
        <translation>Salva i pesi addestrati</translation>
    </message>
    <message>
        <source>Safetensors (*.safetensors)</source>
        <translation>Safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Continue from these weights&apos; checkpoint</source>
        <translation>Riprendi dal checkpoint di questi pesi</translation>
    </message>
    <message>
        <source>Resume where an earlier run of the same file stopped (its .checkpoint files); the epochs count in total</source>
        <translation>Riprendi da dove si è fermata un&apos;esecuzione precedente dello stesso file (i suoi file .checkpoint); le epoche contano in totale</translation>
    </message>
    <message>
        <source>Use these weights</source>
        <translation>Usa questi pesi</translation>
    </message>
    <message>
        <source>Switch the workspace to the weights this training wrote</source>
        <translation>Fai usare all&apos;area di lavoro i pesi scritti da questo addestramento</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesi</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoca</translation>
    </message>
    <message>
        <source>Choose a file for the weights.</source>
        <translation>Scegli un file per i pesi.</translation>
    </message>
    <message>
        <source>%1 exists already: choose another file, or tick &quot;Continue&quot; to train it further.</source>
        <translation>%1 esiste già: scegli un altro file, oppure spunta «Riprendi» per addestrarlo ancora.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossibile creare la cartella %1.</translation>
    </message>
    <message>
        <source>Trained %1: %2.</source>
        <translation>Addestrato %1: %2.</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Annulla l&apos;addestramento</translation>
    </message>
</context>
<context>
    <name>periscope::app::WelcomeView</name>
    <message>
        <source>A workbench for looking inside vision models. Version %1.</source>
        <translation>Un banco di lavoro per guardare dentro i modelli di visione. Versione %1.</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Apri file…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Apri progetto…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Libreria</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>File recenti</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Progetti recenti</translation>
    </message>
    <message>
        <source>Libraries and compute</source>
        <translation>Librerie e calcolo</translation>
    </message>
    <message>
        <source>%1 (opens in %2)</source>
        <translation>%1 (si apre in %2)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (mancante)</translation>
    </message>
    <message>
        <source>No recent files. Open a file or drop one on the window.</source>
        <translation>Nessun file recente. Apri un file o trascinalo sulla finestra.</translation>
    </message>
    <message>
        <source>No recent projects.</source>
        <translation>Nessun progetto recente.</translation>
    </message>
    <message>
        <source>No workspace in this build offers a demo yet.</source>
        <translation>Nessuna area di lavoro di questa versione offre ancora una demo.</translation>
    </message>
    <message>
        <source>Compute device: %1</source>
        <translation>Dispositivo di calcolo: %1</translation>
    </message>
    <message>
        <source>CPU threads: %1</source>
        <translation>Thread CPU: %1</translation>
    </message>
    <message>
        <source>Run demo</source>
        <translation>Avvia la demo</translation>
    </message>
    <message>
        <source>Demos: built-in data and models, ready in seconds</source>
        <translation>Demo: dati e modelli integrati, pronte in pochi secondi</translation>
    </message>
</context>
<context>
    <name>periscope::app::WelcomeWorkspace</name>
    <message>
        <source>Welcome</source>
        <translation>Benvenuto</translation>
    </message>
</context>
<context>
    <name>periscope::app::Workspace</name>
    <message>
        <source>%1 does not open files</source>
        <translation>%1 non apre file</translation>
    </message>
    <message>
        <source>%1 has no demo named &apos;%2&apos;</source>
        <translation>%1 non ha una demo chiamata &apos;%2&apos;</translation>
    </message>
    <message>
        <source>There is nothing to export</source>
        <translation>Non c&apos;è nulla da esportare</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions)</source>
        <translation>%1 non può essere letto (permessi)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 non esiste</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) of the project are missing: %1</source>
        <translation>
            <numerusform>Manca %n input del progetto: %1</numerusform>
            <numerusform>Mancano %n input del progetto: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>periscope::widgets::LayerModel</name>
    <message>
        <source>Move Layer</source>
        <translation>Sposta livello</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostra %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Nascondi %1</translation>
    </message>
    <message>
        <source>Change Opacity of %1</source>
        <translation>Cambia opacità di %1</translation>
    </message>
    <message>
        <source>Rename Layer</source>
        <translation>Rinomina livello</translation>
    </message>
    <message>
        <source>Change Colormap of %1</source>
        <translation>Cambia mappa di colori di %1</translation>
    </message>
    <message>
        <source>Change Range of %1</source>
        <translation>Cambia intervallo di %1</translation>
    </message>
    <message>
        <source>Change Blending of %1</source>
        <translation>Cambia fusione di %1</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::LayerPanel</name>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Multiply</source>
        <translation>Moltiplica</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Scherma</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Sovrapponi</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenza</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>Sposta il livello in alto</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Sposta il livello in basso</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Opacità:</translation>
    </message>
    <message>
        <source>Blend:</source>
        <translation>Fusione:</translation>
    </message>
    <message>
        <source>Colormap:</source>
        <translation>Mappa di colori:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Intervallo:</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::PlotView</name>
    <message>
        <source>Unsupported plot format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation>Formato di grafico &apos;%1&apos; non supportato (usare png, svg o pdf)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
</context>
<context>
    <name>periscope::widgets::VtkView</name>
    <message>
        <source>The 3-D view needs OpenGL, which the &apos;%1&apos; platform does not offer.</source>
        <translation>La vista 3D richiede OpenGL, che la piattaforma &apos;%1&apos; non offre.</translation>
    </message>
</context>
</TS>
