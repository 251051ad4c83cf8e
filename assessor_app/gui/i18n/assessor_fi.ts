<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en">
<context>
    <name>ChecklistFolderBox</name>
    <message>
        <location filename="../pages/checklist_folder.py" line="16"/>
        <source>Checklists from the training provider</source>
        <translation>Koulutuksen järjestäjän tarkistuslistat</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="19"/>
        <source>Checklist folder</source>
        <translation>Tarkistuslistakansio</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="21"/>
        <source>Checklists loaded from the folder</source>
        <translation>Kansiosta ladatut tarkistuslistat</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="23"/>
        <source>Problems in the checklist folder</source>
        <translation>Tarkistuslistakansion ongelmat</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="28"/>
        <source>Checklist and parameter-set files put in this folder are read when the app starts, besides the shipped ones. The newest version of a checklist is offered for new assessments; an assessment already started always keeps the exact version it started with.</source>
        <translation>Tähän kansioon tuodut tarkistuslista- ja parametrijoukkotiedostot luetaan sovelluksen käynnistyessä toimitettujen lisäksi. Uusiin arviointeihin tarjotaan tarkistuslistan uusin versio; jo aloitettu arviointi säilyttää aina täsmälleen sen version, jolla se aloitettiin.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="39"/>
        <source>Folder: {path}</source>
        <translation>Kansio: {path}</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="41"/>
        <source>Not read at this start.</source>
        <translation>Ei luettu tällä käynnistyskerralla.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="43"/>
        <source>The folder does not exist: nothing was read from it.</source>
        <translation>Kansiota ei ole: siitä ei luettu mitään.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="47"/>
        <source>Read at start: {checklists} checklist(s), {sets} parameter set(s), {problems} problem(s).</source>
        <translation>Luettu käynnistyksessä: {checklists} tarkistuslista(a), {sets} parametrijoukko(a), {problems} ongelma(a).</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <location filename="../pages/review.py" line="82"/>
        <source>Reason</source>
        <extracomment>Missing evidence that the list does not flag (the step is not done, or does not apply). The longest line of a score button&apos;s words (the scale&apos;s label), in characters. The height of the list of steps in the review, in pixels (it scrolls on its own). The widths of the list&apos;s columns after the step&apos;s title: result, done by, readings, evidence. The widest the selected step&apos;s details and the correction box get beside the list, in pixels. Checked buttons (a score, a corrected result) read as chosen in any theme, with a mark as well.</extracomment>
        <translation>Perustelu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="84"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="74"/>
        <source>Assessor: unexpected error</source>
        <translation>Assessor: odottamaton virhe</translation>
    </message>
    <message>
        <location filename="../crash.py" line="75"/>
        <source>Something went wrong. What you recorded so far is saved.

{s}</source>
        <translation>Jokin meni vikaan. Kaikki tähän mennessä kirjattu on tallessa.

{s}</translation>
    </message>
</context>
<context>
    <name>DeliveryCoordinator</name>
    <message>
        <location filename="../delivery.py" line="98"/>
        <source>Not enrolled with a provider</source>
        <translation>Ei rekisteröity koulutuksen järjestäjälle</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="99"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Toimitus pysähtyi: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="100"/>
        <location filename="../delivery.py" line="176"/>
        <location filename="../delivery.py" line="199"/>
        <source>Outbox: {n}</source>
        <translation>Lähtevät: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="173"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Järjestäjä: tämän työaseman rekisteröinti on peruttu</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: up to date</source>
        <translation>Järjestäjä: ajan tasalla</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: sending</source>
        <translation>Järjestäjä: lähetetään</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: offline</source>
        <translation>Järjestäjä: ei yhteyttä</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: retrying</source>
        <translation>Järjestäjä: yritetään uudelleen</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: paused</source>
        <translation>Järjestäjä: tauolla</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: stopped</source>
        <translation>Järjestäjä: pysäytetty</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="189"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Järjestäjä: lähetetään {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="192"/>
        <source> (next try in {s} s)</source>
        <translation> (seuraava yritys {s} s kuluttua)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="195"/>
        <source> · last delivery {when}</source>
        <translation> · viimeisin toimitus {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="198"/>
        <source>, {n} refused</source>
        <translation>, {n} hylätty</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="109"/>
        <location filename="../diagnostics.py" line="117"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Ei ajoneuvosovitinta (Asetukset)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="120"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Arviointi suljettu: ei CAN-lokia</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="122"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Yhdistetään ajoneuvosovittimeen…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="161"/>
        <source>Vehicle adapter not available</source>
        <translation>Ajoneuvosovitin ei käytettävissä</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="182"/>
        <source>CAN log closed</source>
        <translation>CAN-loki suljettu</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="219"/>
        <source>DTC snapshot: {what}</source>
        <translation>Vikakoodikuva: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="221"/>
        <source>signal check: {what}</source>
        <translation>signaalitarkistus: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="223"/>
        <source>Needed before a pass: {what}</source>
        <translation>Tarvitaan ennen hyväksyntää: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="249"/>
        <source>Reading the vehicle…</source>
        <translation>Luetaan ajoneuvoa…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="259"/>
        <source>Checking the signals…</source>
        <translation>Tarkistetaan signaaleja…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Vehicle adapter status</source>
        <translation>Ajoneuvosovittimen tila</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="43"/>
        <source>DTC snapshot (D)</source>
        <translation>Vikakoodit (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Check signals (C)</source>
        <translation>Tarkista signaalit (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>Diagnostics of this step</source>
        <translation>Tämän vaiheen diagnostiikka</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="77"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Ajoneuvosovitin kadonnut: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="81"/>
        <source> · {n} frames lost</source>
        <translation> · {n} kehystä menetetty</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="83"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>CAN-loki: {device} · {fps} kehystä/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../pages/field_inputs.py" line="95"/>
        <source>Step data</source>
        <translation>Vaiheen tiedot</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="97"/>
        <source>Record data</source>
        <translation>Kirjaa tiedot</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="98"/>
        <source>Record the step data</source>
        <translation>Kirjaa vaiheen tiedot</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="122"/>
        <source>{field} (optional)</source>
        <translation>{field} (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="127"/>
        <source>{field}: check</source>
        <translation>{field}: tarkistus</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="145"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="153"/>
        <source>a number</source>
        <translation>luku</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="157"/>
        <source>YYYY-MM-DD</source>
        <translation>VVVV-KK-PP</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="173"/>
        <source>{field}: enter a finite number, e.g. 0.4 or 1000</source>
        <translation>{field}: anna äärellinen luku, esim. 0,4 tai 1000</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="191"/>
        <source>recorded ✔</source>
        <translation>kirjattu ✔</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Hae kokelas, tarkistuslista, VIN, korjaamo</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>Search assessments</source>
        <translation>Hae arviointeja</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="49"/>
        <source>Filter by status</source>
        <translation>Suodata tilan mukaan</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>All</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>In progress</source>
        <translation>Kesken</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Finished</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Abandoned</source>
        <translation>Keskeytetty</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Sealed</source>
        <translation>Sinetöity</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Synced</source>
        <translation>Synkronoitu</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Uusi arviointi</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="58"/>
        <source>&amp;Resume</source>
        <translation>&amp;Jatka</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="60"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Asetukset</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Updated</source>
        <translation>Päivitetty</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Candidate</source>
        <translation>Kokelas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Checklist</source>
        <translation>Tarkistuslista</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Vehicle</source>
        <translation>Ajoneuvo</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="73"/>
        <source>Checklists that could not be loaded</source>
        <translation>Tarkistuslistat, joita ei voitu ladata</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="76"/>
        <source>Checklist problems</source>
        <translation>Tarkistuslistojen ongelmat</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="134"/>
        <source>{n} checklist file(s) could not be loaded and are not offered for new assessments. Correct them (or ask the training provider for corrected files) and start the app again.</source>
        <translation>{n} tarkistuslistatiedosto(a) ei voitu ladata, eikä niitä tarjota uusiin arviointeihin. Korjaa ne (tai pyydä korjatut tiedostot koulutuksen järjestäjältä) ja käynnistä sovellus uudelleen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="161"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n arviointi kesken: valitse se ja paina Jatka.</numerusform>
            <numerusform>%n arviointia kesken: valitse yksi ja paina Jatka.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentRow</name>
    <message>
        <location filename="../pages/step_inputs.py" line="321"/>
        <source>Instrument id, e.g. FLUKE-1587-22</source>
        <translation>Mittarin tunnus, esim. FLUKE-1587-22</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="322"/>
        <location filename="../pages/step_inputs.py" line="327"/>
        <source>Instrument</source>
        <translation>Mittari</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="323"/>
        <source>Range, e.g. 1000 V DC</source>
        <translation>Mittausalue, esim. 1000 V DC</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="324"/>
        <location filename="../pages/step_inputs.py" line="329"/>
        <source>Range</source>
        <translation>Alue</translation>
    </message>
</context>
<context>
    <name>InterventionBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="176"/>
        <source>Assessor prompt or intervention</source>
        <translation>Arvioijan vihje tai puuttuminen</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="177"/>
        <source>What you prompted, or why you intervened</source>
        <translation>Mitä vihjasit tai miksi puutuit</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="178"/>
        <source>Prompt or intervention note</source>
        <translation>Vihjeen tai puuttumisen kuvaus</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="179"/>
        <source>Prompted</source>
        <translation>Vihjattu</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="180"/>
        <source>Intervened</source>
        <translation>Puututtu</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="199"/>
        <source>Critical step: a prompt or an intervention fails this step.</source>
        <translation>Kriittinen vaihe: vihje tai puuttuminen hylkää tämän vaiheen.</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="202"/>
        <source>{kind} (attempt {n}): {note}</source>
        <translation>{kind} (yritys {n}): {note}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="203"/>
        <source> · failed the step</source>
        <translation> · vaihe hylätty</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="36"/>
        <location filename="../main_window.py" line="399"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>Offline</source>
        <extracomment>opens a file or folder with the desktop&apos;s own application (a test puts a recorder here)</extracomment>
        <translation>Ei yhteyttä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="48"/>
        <source>Outbox: 0</source>
        <translation>Lähettämättä: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Opening the assessments…</source>
        <translation>Avataan arviointeja…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293"/>
        <source>unavailable: {reason}</source>
        <translation>ei saatavilla: {reason}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386"/>
        <source>Not found: {path}</source>
        <translation>Ei löydy: {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="389"/>
        <source>No application on this computer opened {path}</source>
        <translation>Mikään tämän tietokoneen sovellus ei avannut kohdetta {path}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="74"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Pseudonyymitunnus, esim. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="75"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Name (optional)</source>
        <translation>Nimi (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Id, e.g. assessor-03</source>
        <translation>Tunnus, esim. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Id (optional)</source>
        <translation>Tunnus (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Two letters, e.g. FI</source>
        <translation>Kaksi kirjainta, esim. FI</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="85"/>
        <source>Address (optional)</source>
        <translation>Osoite (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <source>17 characters</source>
        <translation>17 merkkiä</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <source>The candidate consents to video recording</source>
        <translation>Kokelas suostuu videotallennukseen</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="98"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Aloita arviointi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="99"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Candidate id</source>
        <translation>Kokelaan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Candidate name</source>
        <translation>Kokelaan nimi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Workshop</source>
        <translation>Korjaamo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="140"/>
        <source>Checklist</source>
        <translation>Tarkistuslista</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <source>e.g. 400</source>
        <translation>esim. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="127"/>
        <source>Assessor id</source>
        <translation>Arvioijan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="128"/>
        <source>Assessor name</source>
        <translation>Arvioijan nimi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="103"/>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Responsible person id</source>
        <translation>Työstä vastaavan henkilön tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="104"/>
        <location filename="../pages/new_assessment.py" line="130"/>
        <source>Responsible person name</source>
        <translation>Työstä vastaavan henkilön nimi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="134"/>
        <source>Workshop id</source>
        <translation>Korjaamon tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="135"/>
        <source>Workshop name</source>
        <translation>Korjaamon nimi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <location filename="../pages/new_assessment.py" line="136"/>
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <source>Workshop address</source>
        <translation>Korjaamon osoite</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="143"/>
        <source>Parameter set</source>
        <translation>Parametrisarja</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="144"/>
        <source>Vehicle VIN</source>
        <translation>Ajoneuvon VIN</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="149"/>
        <location filename="../pages/new_assessment.py" line="242"/>
        <source>Working voltage</source>
        <translation>Käyttöjännite</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>People</source>
        <translation>Henkilöt</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="137"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="138"/>
        <source>Task and vehicle</source>
        <translation>Tehtävä ja ajoneuvo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="212"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Taso: {gateway} · versio {version} · {steps} vaihetta
Esivaatimukset: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="213"/>
        <location filename="../pages/new_assessment.py" line="214"/>
        <source>none</source>
        <translation>ei ole</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="217"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Tämä tarkistuslista edellyttää työstä vastaavan henkilön kuittausta: nimeä hänet.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="240"/>
        <source>Working voltage: enter the vehicle&apos;s working voltage (the highest in its HV system), e.g. 400</source>
        <translation>Käyttöjännite: anna ajoneuvon käyttöjännite (sen suurjännitejärjestelmän suurin), esim. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="269"/>
        <source>Cannot start: {problems}</source>
        <translation>Ei voi aloittaa: {problems}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>candidate id</source>
        <translation>kokelaan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>assessor id</source>
        <translation>arvioijan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>workshop id</source>
        <translation>korjaamon tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>country</source>
        <translation>maa</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="279"/>
        <source>responsible person id</source>
        <translation>työstä vastaavan henkilön tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="286"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>Maa: kaksi kirjainta (ISO 3166), esim. FI, ei {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="313"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Myöntäjä: {name} (koulutuksen järjestäjä, jolle tämä työasema on rekisteröity)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="315"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Myöntäjä: ei nimetty (ei rekisteröity koulutuksen järjestäjälle)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="282"/>
        <source>Please fill in: {fields}</source>
        <translation>Täytä vielä: {fields}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../pages/step_inputs.py" line="50"/>
        <source>Photos</source>
        <extracomment>How large a thumbnail is shown in the strip (the controller makes them a little larger). Recorded with a redo: why the sequence is done again (the trainer&apos;s words go in a note).</extracomment>
        <translation>Valokuvat</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="51"/>
        <source>Photo (P)</source>
        <translation>Valokuva (P)</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="52"/>
        <source>Take a photo with the camera</source>
        <translation>Ota valokuva kameralla</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="53"/>
        <source>Photo from file…</source>
        <translation>Valokuva tiedostosta…</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="54"/>
        <source>Add a photo from a file</source>
        <translation>Lisää valokuva tiedostosta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="63"/>
        <source>Photos of this step</source>
        <translation>Tämän vaiheen valokuvat</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Photo from file</source>
        <translation>Valokuva tiedostosta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Kuvat (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>ProviderSettings</name>
    <message>
        <location filename="../pages/provider_settings.py" line="20"/>
        <source>Training provider</source>
        <translation>Koulutuksen järjestäjä</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="23"/>
        <location filename="../pages/provider_settings.py" line="32"/>
        <source>Provider address</source>
        <translation>Järjestäjän osoite</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="25"/>
        <location filename="../pages/provider_settings.py" line="33"/>
        <source>Enrollment code</source>
        <translation>Rekisteröintikoodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="26"/>
        <source>Enroll this workstation</source>
        <translation>Rekisteröi tämä työasema</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="27"/>
        <source>Not enrolled: sealed assessments stay on this computer.</source>
        <translation>Ei rekisteröity: sinetöidyt arvioinnit pysyvät tällä tietokoneella.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="30"/>
        <source>The provider gives you a one-time code for your workshop; the code decides which workshop this workstation delivers for.</source>
        <translation>Järjestäjä antaa korjaamollesi kertakäyttöisen koodin; koodi ratkaisee, minkä korjaamon arvioinnit tämä työasema toimittaa.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="37"/>
        <source>Assessors</source>
        <translation>Arvioijat</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="42"/>
        <source>Each assessor binds their own signing key to their record at the provider, once:
1. The provider registers you and gives you a one-time assessor code.
2. Enter your assessor id and that code here.
3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of yours yet, else the PIN you seal with.
Your key never leaves this workstation; the provider keeps only its public part. Sealing works offline afterwards.</source>
        <translation>Jokainen arvioija liittää oman allekirjoitusavaimensa tietoihinsa järjestäjän rekisterissä kerran:
1. Järjestäjä rekisteröi sinut ja antaa sinulle kertakäyttöisen arvioijakoodin.
2. Kirjoita tähän arvioijatunnuksesi ja se koodi.
3. Kirjoita PIN-koodisi: uusi (vähintään 4 merkkiä), jos tällä työasemalla ei vielä ole avaintasi, muuten se PIN, jolla sinetöit.
Avaimesi ei koskaan poistu tältä työasemalta; järjestäjä saa vain sen julkisen osan. Sinetöinti toimii tämän jälkeen myös ilman verkkoa.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>Assessor id</source>
        <translation>Arvioijatunnus</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <location filename="../pages/provider_settings.py" line="61"/>
        <source>Assessor code</source>
        <translation>Arvioijakoodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="54"/>
        <source>Assessor&apos;s PIN</source>
        <translation>Arvioijan PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <source>Bind my key</source>
        <translation>Liitä avaimeni</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="57"/>
        <location filename="../pages/provider_settings.py" line="124"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Yksikään arvioija ei ole liittänyt avainta tällä työasemalla.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessors bound on this workstation</source>
        <translation>Tällä työasemalla liitetyt arvioijat</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="62"/>
        <source>PIN</source>
        <translation>PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="81"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Täytä järjestäjän osoite ja rekisteröintikoodi.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="84"/>
        <source>Enrolling…</source>
        <translation>Rekisteröidään…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="90"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Rekisteröity: {url}, korjaamo {workshop}. Järjestäjän avain: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="95"/>
        <source>Not enrolled: {reason}</source>
        <translation>Ei rekisteröity: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="102"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Täytä arvioijatunnuksesi, arvioijakoodi ja PIN-koodisi.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="105"/>
        <source>Binding your key…</source>
        <translation>Liitetään avaintasi…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="112"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Liitetty: {name} ({id}), {qualification}, voimassa {expires} asti.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="119"/>
        <source>Not bound: {reason}</source>
        <translation>Ei liitetty: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="130"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>EI HYVÄKSYTTY: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="131"/>
        <source>accepted by the provider</source>
        <translation>järjestäjä hyväksyy</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="132"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, voimassa {expires} asti; {state} (tarkistettu {when})</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="110"/>
        <source>Oral questions</source>
        <translation>Suulliset kysymykset</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="129"/>
        <source>The answer given</source>
        <translation>Annettu vastaus</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="130"/>
        <source>Answer: {question}</source>
        <translation>Vastaus: {question}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="132"/>
        <source>Correct</source>
        <translation>Oikein</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="133"/>
        <source>Incorrect</source>
        <translation>Väärin</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: correct ✔</source>
        <translation>kirjattu: oikein ✔</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: incorrect ✘</source>
        <translation>kirjattu: väärin ✘</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="148"/>
        <source>Missing or incomplete evidence</source>
        <translation>Puuttuvat tai puutteelliset todisteet</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="157"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Miten kokelaan henkilöllisyys tarkistettiin</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="158"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="161"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Huomautus, esim. asiakirjan laji (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="162"/>
        <source>Identity check note</source>
        <translation>Henkilöllisyyden tarkistuksen huomautus</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="163"/>
        <source>Record identity check</source>
        <translation>Kirjaa henkilöllisyyden tarkistus</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="169"/>
        <source>Sign-offs</source>
        <translation>Kuittaukset</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="172"/>
        <location filename="../pages/review.py" line="736"/>
        <source>Name, typed by the person signing</source>
        <translation>Nimi, allekirjoittajan itse kirjoittamana</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="173"/>
        <source>Name of the {role} signing</source>
        <translation>Allekirjoittavan ({role}) nimi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="174"/>
        <source>Sign off</source>
        <translation>Allekirjoita</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="175"/>
        <source>Sign off as the {role}</source>
        <translation>Allekirjoita roolissa: {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="191"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Päätä arviointi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="192"/>
        <source>A&amp;bandon…</source>
        <translation>K&amp;eskeytä…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="193"/>
        <source>Abandon the assessment</source>
        <translation>Keskeytä arviointi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="194"/>
        <source>Back to steps (Esc)</source>
        <translation>Takaisin vaiheisiin (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="195"/>
        <source>Home</source>
        <translation>Etusivu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="196"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>Arvioijan PIN-koodi sinetöintiin</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="198"/>
        <source>Assessor&apos;s PIN</source>
        <translation>Arvioijan PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="199"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;inetöi todisteet</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="201"/>
        <source>Open the PDF &amp;record</source>
        <translation>Avaa &amp;arviointipöytäkirja (PDF)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="202"/>
        <source>Open the bundle f&amp;older</source>
        <translation>Avaa &amp;todistepaketin kansio</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="206"/>
        <source>Candidate&apos;s identity</source>
        <translation>Kokelaan henkilöllisyys</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="450"/>
        <source>corrected</source>
        <translation>korjattu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="453"/>
        <source>missing: {kinds}</source>
        <translation>puuttuu: {kinds}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="502"/>
        <source>Correct the result of step {step}</source>
        <translation>Korjaa vaiheen {step} tulos</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="505"/>
        <source>Results can no longer be corrected: the assessment is {phase}.</source>
        <translation>Tuloksia ei voi enää korjata: arviointi on {phase}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="508"/>
        <source>Results can no longer be corrected: the record is signed off.</source>
        <translation>Tuloksia ei voi enää korjata: pöytäkirja on kuitattu.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="510"/>
        <source>Step {step} has no result to correct.</source>
        <translation>Vaiheella {step} ei ole korjattavaa tulosta.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="511"/>
        <source>Step {step} failed by the assessor&apos;s intervention: that cannot be corrected.</source>
        <translation>Vaihe {step} hylättiin arvioijan väliintulon vuoksi: sitä ei voi korjata.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="546"/>
        <source>Result: {result}</source>
        <translation>Tulos: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="549"/>
        <source>Done by: {person}</source>
        <translation>Tekijä: {person}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>in range</source>
        <translation>alueella</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>OUT OF RANGE</source>
        <translation>ALUEEN ULKOPUOLELLA</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="555"/>
        <source>Corrected at {time}: {old} → {new}; reason: {reason}</source>
        <translation>Korjattu klo {time}: {old} → {new}; perustelu: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="559"/>
        <source>(first recorded with the reason: {reason})</source>
        <translation>(kirjattu ensin perustelulla: {reason})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="562"/>
        <source>(done by {person}, first recorded as {was})</source>
        <translation>(tekijä {person}, kirjattu ensin: {was})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="565"/>
        <source>Reopened: {steps}</source>
        <translation>Avattu uudelleen: {steps}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="568"/>
        <source>Reopened by the correction of step {step}: to be done again.</source>
        <translation>Avattu uudelleen vaiheen {step} korjauksen vuoksi: tehtävä uudelleen.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="576"/>
        <source>{kind}: {items}</source>
        <translation>{kind}: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="577"/>
        <source>{kind} missing: {why}</source>
        <translation>{kind} puuttuu: {why}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no consent to video</source>
        <translation>ei suostumusta videoon</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no camera</source>
        <translation>ei kameraa</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="583"/>
        <source>camera lost (gap)</source>
        <translation>kamera katkesi (aukko)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="584"/>
        <source>no vehicle adapter</source>
        <translation>ei ajoneuvoliitäntää</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not taken</source>
        <translation>ei otettu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not recorded</source>
        <translation>ei kirjattu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>step not done</source>
        <translation>vaihetta ei tehty</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>not applicable</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Pass</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Fail</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>N/A</source>
        <translation>Ei sovellu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="591"/>
        <source>Hazard found, stopped</source>
        <translation>Vaara havaittu, pysäytetty</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="620"/>
        <source>Choose the result the step is corrected to.</source>
        <translation>Valitse tulos, joksi vaihe korjataan.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="636"/>
        <source>Finish: the assessment becomes read-only. Results, readings, rubric scores and sign-offs can no longer be changed, and no result can be corrected. The outcome recorded: {outcome}.</source>
        <translation>Päätä: arviointi muuttuu vain luettavaksi. Tuloksia, mittauksia, arviointikriteerien pisteitä ja kuittauksia ei voi enää muuttaa, eikä tuloksia voi korjata. Kirjattava tulos: {outcome}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="638"/>
        <source>Yes, finish</source>
        <translation>Kyllä, päätä</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="645"/>
        <source>Abandon: the assessment ends here, unfinished, and becomes read-only. Nothing more can be recorded or corrected. Say why it is abandoned.</source>
        <translation>Keskeytä: arviointi päättyy tähän keskeneräisenä ja muuttuu vain luettavaksi. Mitään ei voi enää kirjata eikä korjata. Kerro, miksi arviointi keskeytetään.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="646"/>
        <source>Yes, abandon</source>
        <translation>Kyllä, keskeytä</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="647"/>
        <source>Reason the assessment is abandoned (required)</source>
        <translation>Keskeyttämisen perustelu (pakollinen)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="653"/>
        <source>Type the assessor&apos;s PIN to seal.</source>
        <translation>Kirjoita arvioijan PIN-koodi sinetöidäksesi.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="657"/>
        <source>Seal: the record, its evidence files and the PDF records are signed with this workstation&apos;s key and the assessor&apos;s key. Nothing in the sealed bundle can be changed afterwards.</source>
        <translation>Sinetöi: pöytäkirja, sen todistetiedostot ja PDF-pöytäkirjat allekirjoitetaan tämän työaseman avaimella ja arvioijan avaimella. Sinetöidyn paketin sisältöä ei voi muuttaa jälkeenpäin.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="659"/>
        <source>Yes, seal</source>
        <translation>Kyllä, sinetöi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="152"/>
        <source>Behavioural rubric</source>
        <translation>Toiminnan arviointikriteerit</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="145"/>
        <source>People of the assessment</source>
        <translation>Arvioinnin henkilöt</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="299"/>
        <source>Steps and their results</source>
        <translation>Vaiheet ja niiden tulokset</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Step</source>
        <translation>Vaihe</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <location filename="../pages/review.py" line="342"/>
        <source>Done by</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Readings</source>
        <translation>Mittaukset</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Evidence</source>
        <translation>Todisteet</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="315"/>
        <source>The selected step</source>
        <translation>Valittu vaihe</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="321"/>
        <source>Correct the result of the selected step</source>
        <translation>Korjaa valitun vaiheen tulos</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="329"/>
        <source>Correct to: {result}</source>
        <translation>Korjaa tulokseksi: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="334"/>
        <source>Done by (as corrected)</source>
        <translation>Tekijä (korjattuna)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="335"/>
        <source>Reason for the correction (required)</source>
        <translation>Korjauksen perustelu (pakollinen)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="336"/>
        <source>Reason for the correction</source>
        <translation>Korjauksen perustelu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="337"/>
        <source>Record &amp;correction</source>
        <translation>Kirjaa &amp;korjaus</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="394"/>
        <source>Outcome: {o}</source>
        <translation>Tulos: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="395"/>
        <source>Outcome so far: {o}</source>
        <translation>Alustava tulos: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="402"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Vaara havaittu ja työ pysäytetty oikein: pysäyttäminen oli oikea päätös, joten kyse ei ole kokelaan hylkäyksestä. Tehtävää ei voitu suorittaa tällä ajoneuvolla: arvioi uudelleen ehjällä ajoneuvolla.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="408"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Puuttuvat tai puutteelliset todisteet: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="412"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Kaikki tarkistuslistan vaatimat todisteet on kirjattu.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="708"/>
        <source>Identity: {method}</source>
        <translation>Henkilöllisyys: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="712"/>
        <source>Identity: not recorded yet</source>
        <translation>Henkilöllisyys: ei vielä kirjattu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="730"/>
        <source>Signed by {name}</source>
        <translation>Allekirjoittanut {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="732"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>Tälle arvioinnille ei nimetty työstä vastaavaa henkilöä.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="745"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Tein tässä arvioidun työn itse, ja olen nähnyt tämän tallenteen.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="747"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Olin tämän työn vastaava henkilö (SFS 6002) ja vahvistan tämän tallenteen.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="748"/>
        <source>I observed this assessment.</source>
        <translation>Seurasin tätä arviointia.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="759"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Valitse, miten kokelaan henkilöllisyys tarkistettiin (tai ettei sitä tarkistettu).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="677"/>
        <source>Sealed: {path}</source>
        <translation>Sinetöity: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Steps</source>
        <extracomment>The width the step list&apos;s column starts with (the trainer can drag the divider).</extracomment>
        <translation>Vaiheet</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="91"/>
        <source>Progress</source>
        <translation>Edistyminen</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Perustelu (pakollinen, jos ei sovellu; hyödyllinen, jos hylätty)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Reason</source>
        <translation>Perustelu</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Note on this step</source>
        <translation>Huomautus tästä vaiheesta</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>Add note</source>
        <translation>Lisää huomautus</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Start step (S)</source>
        <translation>Aloita vaihe (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>Pass (Space)</source>
        <translation>Hyväksytty (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="102"/>
        <source>Fail (F)</source>
        <translation>Hylätty (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="103"/>
        <source>N/A (N)</source>
        <translation>Ei sovellu (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="104"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Vaara havaittu, pysäytetty (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="105"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Vaara havaittu, pysäytetty oikein</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="110"/>
        <location filename="../pages/run.py" line="160"/>
        <source>Done by</source>
        <extracomment>When a wait ends or a time window closes: a sound (this callable) and a visible cue.</extracomment>
        <translation>Tekijä</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="111"/>
        <source>Review (R)</source>
        <translation>Yhteenveto (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="269"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riski: {risk} · todisteet: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="273"/>
        <source>Pass criterion: {c}</source>
        <translation>Hyväksymiskriteeri: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="290"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Vaarapysäytys: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="339"/>
        <source>Record</source>
        <translation>Kirjaa</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>in range ✔</source>
        <translation>rajoissa ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>OUT OF RANGE ✘</source>
        <translation>RAJOJEN ULKOPUOLELLA ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="630"/>
        <source>Step {n} of {total} · passed {passed} · failed {failed} · remaining {remaining}</source>
        <translation>Vaihe {n}/{total} · hyväksytty {passed} · hylätty {failed} · jäljellä {remaining}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="634"/>
        <source>N/A {count}</source>
        <translation>ei sovellu {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="636"/>
        <source>hazard stop {count}</source>
        <translation>vaaran vuoksi pysäytetty {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="639"/>
        <source>The task is stopped.</source>
        <translation>Tehtävä on pysäytetty.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="640"/>
        <source>Every step has a result.</source>
        <translation>Jokaisella vaiheella on tulos.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="641"/>
        <source>{head} Left before finishing: {left}. Go to the review (R).</source>
        <translation>{head} Ennen päättämistä jäljellä: {left}. Siirry yhteenvetoon (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="643"/>
        <source>{head} Nothing is left but finishing: go to the review (R).</source>
        <translation>{head} Jäljellä on vain päättäminen: siirry yhteenvetoon (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="654"/>
        <source>steps {steps}</source>
        <translation>vaiheet {steps}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="656"/>
        <source>rubric scores ({criteria})</source>
        <translation>arviointikriteerien pisteet ({criteria})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="658"/>
        <source>the identity check</source>
        <translation>henkilöllisyyden tarkistus</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="660"/>
        <source>sign-offs ({roles})</source>
        <translation>kuittaukset ({roles})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="423"/>
        <source>{what}: {time} left</source>
        <translation>{what}: {time} jäljellä</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="425"/>
        <source>{what} closed</source>
        <translation>{what}: umpeutunut</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="426"/>
        <source>{what} over</source>
        <translation>{what}: päättynyt</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="474"/>
        <source>{what} closed for step {step}: do the sequence again or record a fail</source>
        <translation>{what}: umpeutunut vaiheelle {step} – tee sarja uudelleen tai kirjaa hylätty</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="477"/>
        <source>{what} over: step {step} can be done now</source>
        <translation>{what}: päättynyt – vaiheen {step} voi tehdä nyt</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="610"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: anna luku, esim. 0,4 tai 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="92"/>
        <location filename="../pages/settings.py" line="105"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <location filename="../pages/settings.py" line="109"/>
        <location filename="../pages/settings.py" line="211"/>
        <source>Data folder</source>
        <translation>Tietokansio</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="98"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="100"/>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>General (applies when the app is next started)</source>
        <translation>Yleiset (tulevat voimaan, kun sovellus käynnistetään seuraavan kerran)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Laitteet (käytössä seuraavasta avatusta arvioinnista)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="113"/>
        <location filename="../pages/settings.py" line="123"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114"/>
        <source>No camera</source>
        <translation>Ei kameraa</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="115"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Simuloitu kamera (testikuva)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="117"/>
        <source>Camera {name}</source>
        <translation>Kamera {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="119"/>
        <source>Find cameras</source>
        <translation>Etsi kamerat</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="125"/>
        <location filename="../pages/settings.py" line="145"/>
        <source>Vehicle adapter</source>
        <translation>Ajoneuvosovitin</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="126"/>
        <source>No vehicle adapter</source>
        <translation>Ei ajoneuvosovitinta</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="127"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>Simuloitu sähköauto (virtuaalinen CAN-väylä)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="132"/>
        <source>Find adapters</source>
        <translation>Etsi sovittimet</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="137"/>
        <location filename="../pages/settings.py" line="146"/>
        <source>Bit rate</source>
        <translation>Bittinopeus</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="141"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Vain kuuntelu (ei koskaan lähetä väylälle)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="143"/>
        <source>Test connection</source>
        <translation>Testaa yhteys</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="154"/>
        <source>This workstation</source>
        <translation>Tämä työasema</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="156"/>
        <source>not created yet</source>
        <translation>ei vielä luotu</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158"/>
        <source>Workstation key fingerprint</source>
        <translation>Työaseman avaimen sormenjälki</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="160"/>
        <source>Signing key fingerprint</source>
        <translation>Allekirjoitusavaimen sormenjälki</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="161"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>Koulutuksen järjestäjä vertaa tätä avaimeen, jonka se rekisteröi tälle työasemalle.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="207"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>Etsitään kameroita (muutama sekunti)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="237"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>Etsitään ajoneuvosovittimia (muutama sekunti)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="246"/>
        <source>{n} adapter(s) found.</source>
        <translation>Sovittimia löytyi: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="252"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Valitse ensin ajoneuvosovitin.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="255"/>
        <source>Testing the connection (2 s)…</source>
        <translation>Testataan yhteyttä (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="268"/>
        <source>{n} camera(s) found.</source>
        <translation>Kameroita löytyi: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="271"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Tallennettu: {path}. Käynnistä sovellus uudelleen, niin muutokset tulevat voimaan.</translation>
    </message>
</context>
<context>
    <name>StepInputs</name>
    <message>
        <location filename="../pages/step_inputs.py" line="226"/>
        <source>Re-prove the tester and measure again</source>
        <translation>Koesta mittari uudelleen ja mittaa uudelleen</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="275"/>
        <source>Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and record the hazard stop (H).</source>
        <translation>Lukittu vaarapysäytykseen: {lock}. Tee ajoneuvo turvalliseksi, pidä se eristettynä ja kirjaa vaarapysäytys (H).</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="281"/>
        <source>The live-dead-live window has lapsed: do the sequence again from step {step} ({title}). Every reading is kept.</source>
        <translation>Koestus–mittaus–koestus-aikaikkuna on umpeutunut: tee sarja uudelleen vaiheesta {step} ({title}). Jokainen lukema säilytetään.</translation>
    </message>
</context>
<context>
    <name>ThemeChoice</name>
    <message>
        <location filename="../pages/appearance.py" line="18"/>
        <source>Appearance (applies at once)</source>
        <translation>Ulkoasu (tulee voimaan heti)</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="19"/>
        <source>Light: for a bright shop</source>
        <translation>Vaalea: valoisaan korjaamoon</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="20"/>
        <source>Dark, high contrast: for a dark bay</source>
        <translation>Tumma, suuri kontrasti: hämärään työpisteeseen</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="27"/>
        <source>Theme: {name}</source>
        <translation>Teema: {name}</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="144"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ei avointa arviointia</translation>
    </message>
    <message>
        <location filename="../video.py" line="153"/>
        <source>Assessment closed: no recording</source>
        <translation>Arviointi suljettu: ei tallennusta</translation>
    </message>
    <message>
        <location filename="../video.py" line="156"/>
        <source>Not recording: no consent to video</source>
        <translation>Ei tallenneta: ei suostumusta videoon</translation>
    </message>
    <message>
        <location filename="../video.py" line="159"/>
        <source>No camera chosen (Settings)</source>
        <translation>Kameraa ei valittu (Asetukset)</translation>
    </message>
    <message>
        <location filename="../video.py" line="161"/>
        <source>Starting the camera…</source>
        <translation>Käynnistetään kameraa…</translation>
    </message>
    <message>
        <location filename="../video.py" line="188"/>
        <source>Camera not available</source>
        <translation>Kamera ei käytettävissä</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="52"/>
        <source>Camera preview</source>
        <extracomment>The live preview beside the step list: small enough that the list shows most steps on a 1366x768 screen, large enough to see that the camera frames the work.</extracomment>
        <translation>Kameran esikatselu</translation>
    </message>
    <message>
        <location filename="../video.py" line="54"/>
        <source>Recording status</source>
        <translation>Tallennuksen tila</translation>
    </message>
    <message>
        <location filename="../video.py" line="55"/>
        <location filename="../video.py" line="124"/>
        <source>Pause recording (V)</source>
        <translation>Keskeytä tallennus (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="105"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} kuvaa pudonnut</translation>
    </message>
    <message>
        <location filename="../video.py" line="108"/>
        <source>● REC {time} · {size}</source>
        <translation>● TALLENNUS {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="111"/>
        <source>Paused at {time} · {size}</source>
        <translation>Keskeytetty {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="114"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Kamera kadonnut: odotetaan sen palaamista</translation>
    </message>
    <message>
        <location filename="../video.py" line="117"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Tallennettu {time}, {n} osaa · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="123"/>
        <source>Resume recording (V)</source>
        <translation>Jatka tallennusta (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="67"/>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="68"/>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="69"/>
        <source>{field}: yes</source>
        <translation>{field}: kyllä</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="70"/>
        <source>{field}: no</source>
        <translation>{field}: ei</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="162"/>
        <source>Assessor is already open on this computer.</source>
        <extracomment>How long the start waits for the window&apos;s first frame before it loads the store anyway (a window that starts minimised is not painted until it is shown). The modules of the pages and devices: imported on the writer thread while the first frame is up, so that building the pages on the GUI thread does not wait for imports.</extracomment>
        <translation>Assessor on jo auki tällä tietokoneella.</translation>
    </message>
    <message>
        <location filename="../window.py" line="180"/>
        <source>The assessments could not be opened: see the error message.</source>
        <translation>Arviointeja ei voitu avata: katso virheilmoitus.</translation>
    </message>
</context>
<context>
    <name>bad_input</name>
    <message>
        <location filename="../bad_input.py" line="21"/>
        <source>VIN: empty, needs {n} characters</source>
        <translation>VIN: tyhjä, tarvitaan {n} merkkiä</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="24"/>
        <source>VIN: {length} characters, needs {n}</source>
        <translation>VIN: {length} merkkiä, tarvitaan {n}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="27"/>
        <source>VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)</source>
        <translation>VIN: kirjain {char} kohdassa {position} ei ole sallittu (I, O ja Q eivät ole koskaan käytössä)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="30"/>
        <source>VIN: &apos;{char}&apos; at position {position} is not allowed (only digits and the letters A-Z without I, O, Q)</source>
        <translation>VIN: &apos;{char}&apos; kohdassa {position} ei ole sallittu (vain numerot ja kirjaimet A–Z ilman I, O, Q)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="37"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate</source>
        <translation>VIN: tarkistusmerkki {found} ei täsmää (VIN antaa {expected}): lue kilpi uudelleen</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="41"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate, unless this maker&apos;s VINs carry no check digit</source>
        <translation>VIN: tarkistusmerkki {found} ei täsmää (VIN antaa {expected}): lue kilpi uudelleen, ellei tämän valmistajan VIN-tunnuksissa ole tarkistusmerkkiä</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="49"/>
        <location filename="../bad_input.py" line="93"/>
        <source>{field}: {value} is not a finite number</source>
        <translation>{field}: {value} ei ole äärellinen luku</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="53"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at least {bound}): re-read the display</source>
        <translation>{field}: {value} on mittarin alueen ulkopuolella (vähintään {bound}): lue näyttö uudelleen</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="57"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at most {bound}): re-read the display</source>
        <translation>{field}: {value} on mittarin alueen ulkopuolella (enintään {bound}): lue näyttö uudelleen</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="61"/>
        <source>{field}: {value} is not plausible (at least {bound})</source>
        <translation>{field}: {value} ei ole uskottava (vähintään {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="63"/>
        <source>{field}: {value} is not plausible (at most {bound})</source>
        <translation>{field}: {value} ei ole uskottava (enintään {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="89"/>
        <source>{field}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{field}: anna luku, esim. 0,4 tai 0,4 {unit}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="98"/>
        <source>{field}: {typed} is not a unit of this value (enter it in {unit})</source>
        <translation>{field}: {typed} ei ole tämän arvon yksikkö (anna se yksikössä {unit})</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>competent</source>
        <translation>pätevä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>not yet competent</source>
        <translation>ei vielä pätevä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>incomplete</source>
        <translation>kesken</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>abandoned</source>
        <translation>keskeytetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped safely</source>
        <translation>pysäytetty turvallisesti</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>hazard found, correctly stopped</source>
        <translation>vaara havaittu, pysäytetty oikein</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>not done</source>
        <translation>tekemättä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>can be done now</source>
        <translation>voidaan tehdä nyt</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>not allowed yet</source>
        <translation>ei vielä sallittu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>passed</source>
        <translation>hyväksytty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>failed</source>
        <translation>hylätty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>not applicable</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>in progress</source>
        <translation>käynnissä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>stopped</source>
        <translation>pysäytetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>finished</source>
        <translation>valmis</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>sealed</source>
        <translation>sinetöity</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>synced</source>
        <translation>lähetetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>critical</source>
        <translation>kriittinen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>high</source>
        <translation>korkea</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>standard</source>
        <translation>tavanomainen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>foundational electrical safety</source>
        <translation>sähköturvallisuuden perusteet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>HV maintenance (non-live)</source>
        <translation>HV-huolto (jännitteetön)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>sähkö-/hybridiajoneuvotyöt ml. jännitteettömäksi tekeminen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>live work</source>
        <translation>jännitetyö</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>photo</source>
        <translation>valokuva</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>measurement</source>
        <translation>mittaus</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>CAN/OBD log</source>
        <translation>CAN/OBD-loki</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>observation</source>
        <translation>havainto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>sign-off</source>
        <translation>kuittaus</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>assessor</source>
        <translation>arvioija</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>candidate</source>
        <translation>kokelas</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>responsible person</source>
        <translation>työstä vastaava henkilö</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>photo ID checked</source>
        <translation>kuvallinen henkilötodistus tarkistettu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>known to the assessor</source>
        <translation>arvioijan tuntema</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>checked against the provider&apos;s record</source>
        <translation>tarkistettu koulutuksen järjestäjän tiedoista</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>not checked</source>
        <translation>ei tarkistettu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>prompt</source>
        <translation>vihje</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>intervention</source>
        <translation>puuttuminen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>file</source>
        <translation>tiedosto</translation>
    </message>
</context>
</TS>
