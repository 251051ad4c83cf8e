<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en">
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
        <location filename="../delivery.py" line="83"/>
        <source>Not enrolled with a provider</source>
        <translation>Ei rekisteröity koulutuksen järjestäjälle</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="84"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Toimitus pysähtyi: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="85"/>
        <location filename="../delivery.py" line="158"/>
        <location filename="../delivery.py" line="181"/>
        <source>Outbox: {n}</source>
        <translation>Lähtevät: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="155"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Järjestäjä: tämän työaseman rekisteröinti on peruttu</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: up to date</source>
        <translation>Järjestäjä: ajan tasalla</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: sending</source>
        <translation>Järjestäjä: lähetetään</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: offline</source>
        <translation>Järjestäjä: ei yhteyttä</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: retrying</source>
        <translation>Järjestäjä: yritetään uudelleen</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: paused</source>
        <translation>Järjestäjä: tauolla</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: stopped</source>
        <translation>Järjestäjä: pysäytetty</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="171"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Järjestäjä: lähetetään {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="174"/>
        <source> (next try in {s} s)</source>
        <translation> (seuraava yritys {s} s kuluttua)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="177"/>
        <source> · last delivery {when}</source>
        <translation> · viimeisin toimitus {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="180"/>
        <source>, {n} refused</source>
        <translation>, {n} hylätty</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="101"/>
        <location filename="../diagnostics.py" line="109"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Ei ajoneuvosovitinta (Asetukset)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="112"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Arviointi suljettu: ei CAN-lokia</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="114"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Yhdistetään ajoneuvosovittimeen…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="153"/>
        <source>Vehicle adapter not available</source>
        <translation>Ajoneuvosovitin ei käytettävissä</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="174"/>
        <source>CAN log closed</source>
        <translation>CAN-loki suljettu</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="211"/>
        <source>DTC snapshot: {what}</source>
        <translation>Vikakoodikuva: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="213"/>
        <source>signal check: {what}</source>
        <translation>signaalitarkistus: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="215"/>
        <source>Needed before a pass: {what}</source>
        <translation>Tarvitaan ennen hyväksyntää: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="241"/>
        <source>Reading the vehicle…</source>
        <translation>Luetaan ajoneuvoa…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="251"/>
        <source>Checking the signals…</source>
        <translation>Tarkistetaan signaaleja…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="40"/>
        <source>Vehicle adapter status</source>
        <translation>Ajoneuvosovittimen tila</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="41"/>
        <source>DTC snapshot (D)</source>
        <translation>Vikakoodit (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Check signals (C)</source>
        <translation>Tarkista signaalit (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Diagnostics of this step</source>
        <translation>Tämän vaiheen diagnostiikka</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="69"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Ajoneuvosovitin kadonnut: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="73"/>
        <source> · {n} frames lost</source>
        <translation> · {n} kehystä menetetty</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="75"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>CAN-loki: {device} · {fps} kehystä/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="36"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Hae kokelas, tarkistuslista, VIN, korjaamo</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="37"/>
        <source>Search assessments</source>
        <translation>Hae arviointeja</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="39"/>
        <source>Filter by status</source>
        <translation>Suodata tilan mukaan</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>All</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>In progress</source>
        <translation>Kesken</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Finished</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Abandoned</source>
        <translation>Keskeytetty</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Sealed</source>
        <translation>Sinetöity</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Synced</source>
        <translation>Synkronoitu</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Uusi arviointi</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="48"/>
        <source>&amp;Resume</source>
        <translation>&amp;Jatka</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="50"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Asetukset</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Updated</source>
        <translation>Päivitetty</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Candidate</source>
        <translation>Kokelas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Checklist</source>
        <translation>Tarkistuslista</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Vehicle</source>
        <translation>Ajoneuvo</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="106"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n arviointi kesken: valitse se ja paina Jatka.</numerusform>
            <numerusform>%n arviointia kesken: valitse yksi ja paina Jatka.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="35"/>
        <location filename="../main_window.py" line="295"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>Offline</source>
        <translation>Ei yhteyttä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="60"/>
        <source>Outbox: 0</source>
        <translation>Lähettämättä: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>unavailable: {reason}</source>
        <translation>ei saatavilla: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="46"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Pseudonyymitunnus, esim. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="47"/>
        <source>Name (optional)</source>
        <translation>Nimi (valinnainen)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="53"/>
        <source>17 characters</source>
        <translation>17 merkkiä</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="56"/>
        <source>The candidate consents to video recording</source>
        <translation>Kokelas suostuu videotallennukseen</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="58"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Aloita arviointi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="59"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Candidate id</source>
        <translation>Kokelaan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <source>Candidate name</source>
        <translation>Kokelaan nimi</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Assessor</source>
        <translation>Arvioija</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Workshop</source>
        <translation>Korjaamo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="80"/>
        <source>Checklist</source>
        <translation>Tarkistuslista</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="82"/>
        <source>Parameter set</source>
        <translation>Parametrisarja</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Vehicle VIN</source>
        <translation>Ajoneuvon VIN</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="84"/>
        <source>Working voltage</source>
        <translation>Käyttöjännite</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="110"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Taso: {gateway} · versio {version} · {steps} vaihetta
Esivaatimukset: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="112"/>
        <source>none</source>
        <translation>ei ole</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>candidate id</source>
        <translation>kokelaan tunnus</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>assessor</source>
        <translation>arvioija</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>workshop</source>
        <translation>korjaamo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Please fill in: {fields}</source>
        <translation>Täytä vielä: {fields}</translation>
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
        <location filename="../pages/provider_settings.py" line="40"/>
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
        <location filename="../pages/provider_settings.py" line="48"/>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessor id</source>
        <translation>Arvioijatunnus</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="59"/>
        <source>Assessor code</source>
        <translation>Arvioijakoodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <source>Assessor&apos;s PIN</source>
        <translation>Arvioijan PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="53"/>
        <source>Bind my key</source>
        <translation>Liitä avaimeni</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <location filename="../pages/provider_settings.py" line="120"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Yksikään arvioija ei ole liittänyt avainta tällä työasemalla.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="56"/>
        <source>Assessors bound on this workstation</source>
        <translation>Tällä työasemalla liitetyt arvioijat</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>PIN</source>
        <translation>PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="77"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Täytä järjestäjän osoite ja rekisteröintikoodi.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="80"/>
        <source>Enrolling…</source>
        <translation>Rekisteröidään…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="86"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Rekisteröity: {url}, korjaamo {workshop}. Järjestäjän avain: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="91"/>
        <source>Not enrolled: {reason}</source>
        <translation>Ei rekisteröity: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="98"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Täytä arvioijatunnuksesi, arvioijakoodi ja PIN-koodisi.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="101"/>
        <source>Binding your key…</source>
        <translation>Liitetään avaintasi…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="108"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Liitetty: {name} ({id}), {qualification}, voimassa {expires} asti.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="115"/>
        <source>Not bound: {reason}</source>
        <translation>Ei liitetty: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="126"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>EI HYVÄKSYTTY: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="127"/>
        <source>accepted by the provider</source>
        <translation>järjestäjä hyväksyy</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="128"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, voimassa {expires} asti; {state} (tarkistettu {when})</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="35"/>
        <source>Missing or incomplete evidence</source>
        <translation>Puuttuvat tai puutteelliset todisteet</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="37"/>
        <location filename="../pages/review.py" line="38"/>
        <source>Assessor&apos;s name</source>
        <translation>Arvioijan nimi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="39"/>
        <source>Sign off</source>
        <translation>Allekirjoita</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="40"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Päätä arviointi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="41"/>
        <source>Back to steps (Esc)</source>
        <translation>Takaisin vaiheisiin (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="42"/>
        <source>Home</source>
        <translation>Etusivu</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="43"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>Arvioijan PIN-koodi sinetöintiin</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="45"/>
        <source>Assessor&apos;s PIN</source>
        <translation>Arvioijan PIN-koodi</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="46"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;inetöi todisteet</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="55"/>
        <source>Behavioural rubric</source>
        <translation>Toiminnan arviointikriteerit</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>Outcome: {o}</source>
        <translation>Tulos: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="90"/>
        <source>Outcome so far: {o}</source>
        <translation>Alustava tulos: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="94"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Puuttuvat tai puutteelliset todisteet: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="98"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Kaikki tarkistuslistan vaatimat todisteet on kirjattu.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="107"/>
        <source>not scored</source>
        <translation>ei pisteytetty</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="114"/>
        <source>Signed off by {n}</source>
        <translation>Allekirjoittanut: {n}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="128"/>
        <source>Sealed: {path}</source>
        <translation>Sinetöity: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="69"/>
        <source>Steps</source>
        <translation>Vaiheet</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="80"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Perustelu (pakollinen, jos ei sovellu; hyödyllinen, jos hylätty)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Reason</source>
        <translation>Perustelu</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="82"/>
        <source>Note on this step</source>
        <translation>Huomautus tästä vaiheesta</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="83"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="84"/>
        <source>Add note</source>
        <translation>Lisää huomautus</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="85"/>
        <source>Start step (S)</source>
        <translation>Aloita vaihe (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="86"/>
        <source>Pass (Space)</source>
        <translation>Hyväksytty (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="87"/>
        <source>Fail (F)</source>
        <translation>Hylätty (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="88"/>
        <source>N/A (N)</source>
        <translation>Ei sovellu (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="89"/>
        <source>Review (R)</source>
        <translation>Yhteenveto (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="184"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riski: {risk} · todisteet: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="188"/>
        <source>Pass criterion: {c}</source>
        <translation>Hyväksymiskriteeri: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="214"/>
        <source>Record</source>
        <translation>Kirjaa</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>in range ✔</source>
        <translation>rajoissa ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>OUT OF RANGE ✘</source>
        <translation>RAJOJEN ULKOPUOLELLA ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="259"/>
        <source>Wait over</source>
        <translation>Odotus päättynyt</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="263"/>
        <source>{what}: {time} left</source>
        <translation>{what}: {time} jäljellä</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="304"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: anna luku, esim. 0,4 tai 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="54"/>
        <location filename="../pages/settings.py" line="67"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="59"/>
        <location filename="../pages/settings.py" line="71"/>
        <location filename="../pages/settings.py" line="161"/>
        <source>Data folder</source>
        <translation>Tietokansio</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="60"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="61"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="62"/>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="65"/>
        <source>General (applies when the app is next started)</source>
        <translation>Yleiset (tulevat voimaan, kun sovellus käynnistetään seuraavan kerran)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="72"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Laitteet (käytössä seuraavasta avatusta arvioinnista)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="75"/>
        <location filename="../pages/settings.py" line="85"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="76"/>
        <source>No camera</source>
        <translation>Ei kameraa</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="77"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Simuloitu kamera (testikuva)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="79"/>
        <source>Camera {name}</source>
        <translation>Kamera {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="81"/>
        <source>Find cameras</source>
        <translation>Etsi kamerat</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="87"/>
        <location filename="../pages/settings.py" line="107"/>
        <source>Vehicle adapter</source>
        <translation>Ajoneuvosovitin</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="88"/>
        <source>No vehicle adapter</source>
        <translation>Ei ajoneuvosovitinta</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="89"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>Simuloitu sähköauto (virtuaalinen CAN-väylä)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="94"/>
        <source>Find adapters</source>
        <translation>Etsi sovittimet</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <location filename="../pages/settings.py" line="108"/>
        <source>Bit rate</source>
        <translation>Bittinopeus</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Vain kuuntelu (ei koskaan lähetä väylälle)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="105"/>
        <source>Test connection</source>
        <translation>Testaa yhteys</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116"/>
        <source>This workstation</source>
        <translation>Tämä työasema</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="118"/>
        <source>not created yet</source>
        <translation>ei vielä luotu</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="120"/>
        <source>Workstation key fingerprint</source>
        <translation>Työaseman avaimen sormenjälki</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="122"/>
        <source>Signing key fingerprint</source>
        <translation>Allekirjoitusavaimen sormenjälki</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>Koulutuksen järjestäjä vertaa tätä avaimeen, jonka se rekisteröi tälle työasemalle.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>Etsitään kameroita (muutama sekunti)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="181"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>Etsitään ajoneuvosovittimia (muutama sekunti)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="190"/>
        <source>{n} adapter(s) found.</source>
        <translation>Sovittimia löytyi: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="196"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Valitse ensin ajoneuvosovitin.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="199"/>
        <source>Testing the connection (2 s)…</source>
        <translation>Testataan yhteyttä (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="212"/>
        <source>{n} camera(s) found.</source>
        <translation>Kameroita löytyi: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="215"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Tallennettu: {path}. Käynnistä sovellus uudelleen, niin muutokset tulevat voimaan.</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="120"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ei avointa arviointia</translation>
    </message>
    <message>
        <location filename="../video.py" line="129"/>
        <source>Assessment closed: no recording</source>
        <translation>Arviointi suljettu: ei tallennusta</translation>
    </message>
    <message>
        <location filename="../video.py" line="132"/>
        <source>Not recording: no consent to video</source>
        <translation>Ei tallenneta: ei suostumusta videoon</translation>
    </message>
    <message>
        <location filename="../video.py" line="135"/>
        <source>No camera chosen (Settings)</source>
        <translation>Kameraa ei valittu (Asetukset)</translation>
    </message>
    <message>
        <location filename="../video.py" line="137"/>
        <source>Starting the camera…</source>
        <translation>Käynnistetään kameraa…</translation>
    </message>
    <message>
        <location filename="../video.py" line="164"/>
        <source>Camera not available</source>
        <translation>Kamera ei käytettävissä</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="47"/>
        <source>Camera preview</source>
        <translation>Kameran esikatselu</translation>
    </message>
    <message>
        <location filename="../video.py" line="49"/>
        <source>Recording status</source>
        <translation>Tallennuksen tila</translation>
    </message>
    <message>
        <location filename="../video.py" line="50"/>
        <location filename="../video.py" line="102"/>
        <source>Pause recording (V)</source>
        <translation>Keskeytä tallennus (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="83"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} kuvaa pudonnut</translation>
    </message>
    <message>
        <location filename="../video.py" line="86"/>
        <source>● REC {time} · {size}</source>
        <translation>● TALLENNUS {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="89"/>
        <source>Paused at {time} · {size}</source>
        <translation>Keskeytetty {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="92"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Kamera kadonnut: odotetaan sen palaamista</translation>
    </message>
    <message>
        <location filename="../video.py" line="95"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Tallennettu {time}, {n} osaa · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="101"/>
        <source>Resume recording (V)</source>
        <translation>Jatka tallennusta (V)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="59"/>
        <source>Assessor is already open on this computer.</source>
        <translation>Assessor on jo auki tällä tietokoneella.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>competent</source>
        <translation>pätevä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>not yet competent</source>
        <translation>ei vielä pätevä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>incomplete</source>
        <translation>kesken</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>abandoned</source>
        <translation>keskeytetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>in progress</source>
        <translation>käynnissä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped</source>
        <translation>pysäytetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>finished</source>
        <translation>valmis</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>sealed</source>
        <translation>sinetöity</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>synced</source>
        <translation>lähetetty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>critical</source>
        <translation>kriittinen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>high</source>
        <translation>korkea</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>standard</source>
        <translation>tavanomainen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>foundational electrical safety</source>
        <translation>sähköturvallisuuden perusteet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>HV maintenance (non-live)</source>
        <translation>HV-huolto (jännitteetön)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>sähkö-/hybridiajoneuvotyöt ml. jännitteettömäksi tekeminen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>live work</source>
        <translation>jännitetyö</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>photo</source>
        <translation>valokuva</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>measurement</source>
        <translation>mittaus</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>CAN/OBD log</source>
        <translation>CAN/OBD-loki</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>observation</source>
        <translation>havainto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>sign-off</source>
        <translation>kuittaus</translation>
    </message>
</context>
</TS>
