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
        <translation>Välj 30–2400 DPI och en bredd på 0,5–40 tum</translation>
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
</context>
<context>
    <name>periscope::app</name>
    <message>
        <source>unknown language &apos;%1&apos; (available: en, %2)</source>
        <translation>okänt språk &apos;%1&apos; (tillgängliga: en, %2)</translation>
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
</context>
<context>
    <name>periscope::app::Autosave</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Kan inte skapa %1</translation>
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
        <source>No jobs running</source>
        <translation>Inga jobb körs</translation>
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
        <source>1 job running</source>
        <translation>1 jobb körs</translation>
    </message>
    <message>
        <source>%1 jobs running</source>
        <translation>%1 jobb körs</translation>
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
        <source>Demos</source>
        <translation>Demonstrationer</translation>
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
</TS>
