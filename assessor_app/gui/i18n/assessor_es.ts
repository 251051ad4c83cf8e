<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>ChecklistFolderBox</name>
    <message>
        <location filename="../pages/checklist_folder.py" line="16"/>
        <source>Checklists from the training provider</source>
        <translation>Listas de verificación del centro de formación</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="19"/>
        <source>Checklist folder</source>
        <translation>Carpeta de listas de verificación</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="21"/>
        <source>Checklists loaded from the folder</source>
        <translation>Listas de verificación cargadas de la carpeta</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="23"/>
        <source>Problems in the checklist folder</source>
        <translation>Problemas en la carpeta de listas de verificación</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="28"/>
        <source>Checklist and parameter-set files put in this folder are read when the app starts, besides the shipped ones. The newest version of a checklist is offered for new assessments; an assessment already started always keeps the exact version it started with.</source>
        <translation>Los archivos de listas de verificación y de conjuntos de parámetros de esta carpeta se leen al iniciar la aplicación, además de los incluidos. Para las evaluaciones nuevas se ofrece la versión más reciente de cada lista; una evaluación ya iniciada conserva siempre exactamente la versión con la que empezó.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="39"/>
        <source>Folder: {path}</source>
        <translation>Carpeta: {path}</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="41"/>
        <source>Not read at this start.</source>
        <translation>No se leyó en este inicio.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="43"/>
        <source>The folder does not exist: nothing was read from it.</source>
        <translation>La carpeta no existe: no se leyó nada de ella.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="47"/>
        <source>Read at start: {checklists} checklist(s), {sets} parameter set(s), {problems} problem(s).</source>
        <translation>Leído al iniciar: {checklists} lista(s) de verificación, {sets} conjunto(s) de parámetros, {problems} problema(s).</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <location filename="../pages/review.py" line="82"/>
        <source>Reason</source>
        <extracomment>Missing evidence that the list does not flag (the step is not done, or does not apply). The longest line of a score button&apos;s words (the scale&apos;s label), in characters. The height of the list of steps in the review, in pixels (it scrolls on its own). The widths of the list&apos;s columns after the step&apos;s title: result, done by, readings, evidence. The widest the selected step&apos;s details and the correction box get beside the list, in pixels. Checked buttons (a score, a corrected result) read as chosen in any theme, with a mark as well.</extracomment>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="84"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="74"/>
        <source>Assessor: unexpected error</source>
        <translation>Assessor: error inesperado</translation>
    </message>
    <message>
        <location filename="../crash.py" line="75"/>
        <source>Something went wrong. What you recorded so far is saved.

{s}</source>
        <translation>Algo ha fallado. Todo lo registrado hasta ahora está guardado.

{s}</translation>
    </message>
</context>
<context>
    <name>DeliveryCoordinator</name>
    <message>
        <location filename="../delivery.py" line="98"/>
        <source>Not enrolled with a provider</source>
        <translation>No inscrito con un centro de formación</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="99"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envío detenido: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="100"/>
        <location filename="../delivery.py" line="176"/>
        <location filename="../delivery.py" line="199"/>
        <source>Outbox: {n}</source>
        <translation>Bandeja de salida: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="173"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Centro: este puesto ha sido revocado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: up to date</source>
        <translation>Centro: al día</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: sending</source>
        <translation>Centro: enviando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: offline</source>
        <translation>Centro: sin conexión</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: retrying</source>
        <translation>Centro: reintentando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: paused</source>
        <translation>Centro: en pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: stopped</source>
        <translation>Centro: detenido</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="189"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Centro: enviando {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="192"/>
        <source> (next try in {s} s)</source>
        <translation> (próximo intento en {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="195"/>
        <source> · last delivery {when}</source>
        <translation> · último envío {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="198"/>
        <source>, {n} refused</source>
        <translation>, {n} rechazados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="109"/>
        <location filename="../diagnostics.py" line="117"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sin adaptador del vehículo (Ajustes)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="120"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Evaluación cerrada: sin registro CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="122"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Conectando con el adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="161"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador no disponible</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="182"/>
        <source>CAN log closed</source>
        <translation>Registro CAN cerrado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="219"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantánea de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="221"/>
        <source>signal check: {what}</source>
        <translation>comprobación de señales: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="223"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necesario antes de superar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="249"/>
        <source>Reading the vehicle…</source>
        <translation>Leyendo el vehículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="259"/>
        <source>Checking the signals…</source>
        <translation>Comprobando las señales…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Vehicle adapter status</source>
        <translation>Estado del adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="43"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantánea DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Check signals (C)</source>
        <translation>Comprobar señales (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico de este paso</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="77"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="81"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="83"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registro CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../pages/field_inputs.py" line="95"/>
        <source>Step data</source>
        <translation>Datos del paso</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="97"/>
        <source>Record data</source>
        <translation>Registrar datos</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="98"/>
        <source>Record the step data</source>
        <translation>Registrar los datos del paso</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="122"/>
        <source>{field} (optional)</source>
        <translation>{field} (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="127"/>
        <source>{field}: check</source>
        <translation>{field}: comprobación</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="145"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="153"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="157"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="173"/>
        <source>{field}: enter a finite number, e.g. 0.4 or 1000</source>
        <translation>{field}: introduzca un número finito, p. ej. 0,4 o 1000</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="191"/>
        <source>recorded ✔</source>
        <translation>registrado ✔</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Buscar candidato, lista de verificación, VIN, taller</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>Search assessments</source>
        <translation>Buscar evaluaciones</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="49"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nueva evaluación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="58"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="60"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="73"/>
        <source>Checklists that could not be loaded</source>
        <translation>Listas de verificación que no se pudieron cargar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="76"/>
        <source>Checklist problems</source>
        <translation>Problemas de las listas de verificación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="134"/>
        <source>{n} checklist file(s) could not be loaded and are not offered for new assessments. Correct them (or ask the training provider for corrected files) and start the app again.</source>
        <translation>{n} archivo(s) de listas de verificación no se pudieron cargar y no se ofrecen para evaluaciones nuevas. Corríjalos (o pida archivos corregidos al centro de formación) y vuelva a iniciar la aplicación.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="161"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n evaluación en curso: selecciónala y pulsa Reanudar.</numerusform>
            <numerusform>%n evaluaciones en curso: selecciona una y pulsa Reanudar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentRow</name>
    <message>
        <location filename="../pages/step_inputs.py" line="321"/>
        <source>Instrument id, e.g. FLUKE-1587-22</source>
        <translation>ID del instrumento, p. ej. FLUKE-1587-22</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="322"/>
        <location filename="../pages/step_inputs.py" line="327"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="323"/>
        <source>Range, e.g. 1000 V DC</source>
        <translation>Rango, p. ej. 1000 V CC</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="324"/>
        <location filename="../pages/step_inputs.py" line="329"/>
        <source>Range</source>
        <translation>Rango</translation>
    </message>
</context>
<context>
    <name>InterventionBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="176"/>
        <source>Assessor prompt or intervention</source>
        <translation>Indicación o intervención del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="177"/>
        <source>What you prompted, or why you intervened</source>
        <translation>Qué indicó o por qué intervino</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="178"/>
        <source>Prompt or intervention note</source>
        <translation>Nota de la indicación o intervención</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="179"/>
        <source>Prompted</source>
        <translation>Indicado</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="180"/>
        <source>Intervened</source>
        <translation>Intervenido</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="199"/>
        <source>Critical step: a prompt or an intervention fails this step.</source>
        <translation>Paso crítico: una indicación o una intervención hace que este paso sea no apto.</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="202"/>
        <source>{kind} (attempt {n}): {note}</source>
        <translation>{kind} (intento {n}): {note}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="203"/>
        <source> · failed the step</source>
        <translation> · paso no apto</translation>
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
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="48"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Opening the assessments…</source>
        <translation>Abriendo las evaluaciones…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293"/>
        <source>unavailable: {reason}</source>
        <translation>no disponible: {reason}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386"/>
        <source>Not found: {path}</source>
        <translation>No se encuentra: {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="389"/>
        <source>No application on this computer opened {path}</source>
        <translation>Ninguna aplicación de este ordenador abrió {path}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="74"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador seudónimo, p. ej. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="75"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Name (optional)</source>
        <translation>Nombre (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Id, e.g. assessor-03</source>
        <translation>ID, p. ej. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Id (optional)</source>
        <translation>ID (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Two letters, e.g. FI</source>
        <translation>Dos letras, p. ej. ES</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="85"/>
        <source>Address (optional)</source>
        <translation>Dirección (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <source>The candidate consents to video recording</source>
        <translation>El candidato autoriza la grabación en vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="98"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="99"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="140"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <source>e.g. 400</source>
        <translation>p. ej. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="127"/>
        <source>Assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="128"/>
        <source>Assessor name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="103"/>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="104"/>
        <location filename="../pages/new_assessment.py" line="130"/>
        <source>Responsible person name</source>
        <translation>Nombre de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="134"/>
        <source>Workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="135"/>
        <source>Workshop name</source>
        <translation>Nombre del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <location filename="../pages/new_assessment.py" line="136"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <source>Workshop address</source>
        <translation>Dirección del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="143"/>
        <source>Parameter set</source>
        <translation>Conjunto de parámetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="144"/>
        <source>Vehicle VIN</source>
        <translation>VIN del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="149"/>
        <location filename="../pages/new_assessment.py" line="242"/>
        <source>Working voltage</source>
        <translation>Tensión de trabajo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="137"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="138"/>
        <source>Task and vehicle</source>
        <translation>Tarea y vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="212"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nivel: {gateway} · versión {version} · {steps} pasos
Requisitos previos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="213"/>
        <location filename="../pages/new_assessment.py" line="214"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="217"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Esta lista de verificación pide la firma de la persona responsable: indíquela.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="240"/>
        <source>Working voltage: enter the vehicle&apos;s working voltage (the highest in its HV system), e.g. 400</source>
        <translation>Tensión de trabajo: introduzca la tensión de trabajo del vehículo (la más alta de su sistema de alta tensión), p. ej. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="269"/>
        <source>Cannot start: {problems}</source>
        <translation>No se puede iniciar: {problems}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="279"/>
        <source>responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="286"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>País: dos letras (ISO 3166), p. ej. ES, no {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="313"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Entidad que otorga: {name} (el centro de formación en el que está registrado este puesto)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="315"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Entidad que otorga: ninguna (no registrado en un centro de formación)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="282"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta por rellenar: {fields}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../pages/step_inputs.py" line="50"/>
        <source>Photos</source>
        <extracomment>How large a thumbnail is shown in the strip (the controller makes them a little larger). Recorded with a redo: why the sequence is done again (the trainer&apos;s words go in a note).</extracomment>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="51"/>
        <source>Photo (P)</source>
        <translation>Foto (P)</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="52"/>
        <source>Take a photo with the camera</source>
        <translation>Tomar una foto con la cámara</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="53"/>
        <source>Photo from file…</source>
        <translation>Foto desde archivo…</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="54"/>
        <source>Add a photo from a file</source>
        <translation>Añadir una foto desde un archivo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="63"/>
        <source>Photos of this step</source>
        <translation>Fotos de este paso</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Photo from file</source>
        <translation>Foto desde archivo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>ProviderSettings</name>
    <message>
        <location filename="../pages/provider_settings.py" line="20"/>
        <source>Training provider</source>
        <translation>Centro de formación</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="23"/>
        <location filename="../pages/provider_settings.py" line="32"/>
        <source>Provider address</source>
        <translation>Dirección del centro</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="25"/>
        <location filename="../pages/provider_settings.py" line="33"/>
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="26"/>
        <source>Enroll this workstation</source>
        <translation>Inscribir este puesto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="27"/>
        <source>Not enrolled: sealed assessments stay on this computer.</source>
        <translation>No inscrito: las evaluaciones selladas se quedan en este ordenador.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="30"/>
        <source>The provider gives you a one-time code for your workshop; the code decides which workshop this workstation delivers for.</source>
        <translation>El centro le da un código de un solo uso para su taller; el código decide para qué taller entrega este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="37"/>
        <source>Assessors</source>
        <translation>Evaluadores</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="42"/>
        <source>Each assessor binds their own signing key to their record at the provider, once:
1. The provider registers you and gives you a one-time assessor code.
2. Enter your assessor id and that code here.
3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of yours yet, else the PIN you seal with.
Your key never leaves this workstation; the provider keeps only its public part. Sealing works offline afterwards.</source>
        <translation>Cada evaluador vincula su propia clave de firma a su ficha en el centro, una sola vez:
1. El centro le registra y le da un código de evaluador de un solo uso.
2. Escriba aquí su id de evaluador y ese código.
3. Escriba su PIN: uno nuevo (al menos 4 caracteres) si este puesto aún no tiene una clave suya; si no, el PIN con el que sella.
Su clave nunca sale de este puesto; el centro solo guarda su parte pública. Después, sellar funciona también sin conexión.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>Assessor id</source>
        <translation>Id de evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <location filename="../pages/provider_settings.py" line="61"/>
        <source>Assessor code</source>
        <translation>Código de evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="54"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <source>Bind my key</source>
        <translation>Vincular mi clave</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="57"/>
        <location filename="../pages/provider_settings.py" line="124"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Ningún evaluador ha vinculado una clave en este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessors bound on this workstation</source>
        <translation>Evaluadores vinculados en este puesto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="62"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="81"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Rellene la dirección del centro y el código de inscripción.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="84"/>
        <source>Enrolling…</source>
        <translation>Inscribiendo…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="90"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Inscrito en {url} como {workshop}. Clave del centro: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="95"/>
        <source>Not enrolled: {reason}</source>
        <translation>No inscrito: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="102"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Rellene su id de evaluador, el código de evaluador y su PIN.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="105"/>
        <source>Binding your key…</source>
        <translation>Vinculando su clave…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="112"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Vinculado: {name} ({id}), {qualification}, válida hasta el {expires}.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="119"/>
        <source>Not bound: {reason}</source>
        <translation>No vinculado: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="130"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>NO ACEPTADO: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="131"/>
        <source>accepted by the provider</source>
        <translation>aceptado por el centro</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="132"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, válida hasta el {expires}; {state} (comprobado {when})</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="110"/>
        <source>Oral questions</source>
        <translation>Preguntas orales</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="129"/>
        <source>The answer given</source>
        <translation>La respuesta dada</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="130"/>
        <source>Answer: {question}</source>
        <translation>Respuesta: {question}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="132"/>
        <source>Correct</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="133"/>
        <source>Incorrect</source>
        <translation>Incorrecta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: correct ✔</source>
        <translation>anotada: correcta ✔</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: incorrect ✘</source>
        <translation>anotada: incorrecta ✘</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="148"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidencias que faltan o incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="157"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Cómo se comprobó la identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="158"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="161"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Nota, p. ej. el tipo de documento (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="162"/>
        <source>Identity check note</source>
        <translation>Nota de la comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="163"/>
        <source>Record identity check</source>
        <translation>Registrar comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="169"/>
        <source>Sign-offs</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="172"/>
        <location filename="../pages/review.py" line="736"/>
        <source>Name, typed by the person signing</source>
        <translation>Nombre, escrito por quien firma</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="173"/>
        <source>Name of the {role} signing</source>
        <translation>Nombre de quien firma como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="174"/>
        <source>Sign off</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="175"/>
        <source>Sign off as the {role}</source>
        <translation>Firmar como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="191"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Finalizar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="192"/>
        <source>A&amp;bandon…</source>
        <translation>A&amp;bandonar…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="193"/>
        <source>Abandon the assessment</source>
        <translation>Abandonar la evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="194"/>
        <source>Back to steps (Esc)</source>
        <translation>Volver a los pasos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="195"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="196"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN del evaluador para sellar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="198"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="199"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;ellar evidencias</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="201"/>
        <source>Open the PDF &amp;record</source>
        <translation>Abrir el acta en P&amp;DF</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="202"/>
        <source>Open the bundle f&amp;older</source>
        <translation>Abrir la &amp;carpeta del paquete</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="206"/>
        <source>Candidate&apos;s identity</source>
        <translation>Identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="450"/>
        <source>corrected</source>
        <translation>corregido</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="453"/>
        <source>missing: {kinds}</source>
        <translation>falta: {kinds}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="502"/>
        <source>Correct the result of step {step}</source>
        <translation>Corregir el resultado del paso {step}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="505"/>
        <source>Results can no longer be corrected: the assessment is {phase}.</source>
        <translation>Los resultados ya no se pueden corregir: la evaluación está {phase}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="508"/>
        <source>Results can no longer be corrected: the record is signed off.</source>
        <translation>Los resultados ya no se pueden corregir: el acta está firmada.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="510"/>
        <source>Step {step} has no result to correct.</source>
        <translation>El paso {step} no tiene ningún resultado que corregir.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="511"/>
        <source>Step {step} failed by the assessor&apos;s intervention: that cannot be corrected.</source>
        <translation>El paso {step} es no apto por la intervención del evaluador: eso no se puede corregir.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="546"/>
        <source>Result: {result}</source>
        <translation>Resultado: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="549"/>
        <source>Done by: {person}</source>
        <translation>Realizado por: {person}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>in range</source>
        <translation>dentro del rango</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>OUT OF RANGE</source>
        <translation>FUERA DE RANGO</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="555"/>
        <source>Corrected at {time}: {old} → {new}; reason: {reason}</source>
        <translation>Corregido a las {time}: {old} → {new}; motivo: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="559"/>
        <source>(first recorded with the reason: {reason})</source>
        <translation>(registrado primero con el motivo: {reason})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="562"/>
        <source>(done by {person}, first recorded as {was})</source>
        <translation>(realizado por {person}; registrado primero como {was})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="565"/>
        <source>Reopened: {steps}</source>
        <translation>Reabiertos: {steps}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="568"/>
        <source>Reopened by the correction of step {step}: to be done again.</source>
        <translation>Reabierto por la corrección del paso {step}: hay que repetirlo.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="576"/>
        <source>{kind}: {items}</source>
        <translation>{kind}: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="577"/>
        <source>{kind} missing: {why}</source>
        <translation>falta {kind}: {why}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no consent to video</source>
        <translation>sin consentimiento para el vídeo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no camera</source>
        <translation>sin cámara</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="583"/>
        <source>camera lost (gap)</source>
        <translation>cámara perdida (interrupción)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="584"/>
        <source>no vehicle adapter</source>
        <translation>sin adaptador de vehículo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not taken</source>
        <translation>no tomada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>step not done</source>
        <translation>paso no realizado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>not applicable</source>
        <translation>no aplicable</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Pass</source>
        <translation>Apto</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Fail</source>
        <translation>No apto</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>N/A</source>
        <translation>No aplica</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="591"/>
        <source>Hazard found, stopped</source>
        <translation>Peligro detectado, detenido</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="620"/>
        <source>Choose the result the step is corrected to.</source>
        <translation>Elija el resultado al que se corrige el paso.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="636"/>
        <source>Finish: the assessment becomes read-only. Results, readings, rubric scores and sign-offs can no longer be changed, and no result can be corrected. The outcome recorded: {outcome}.</source>
        <translation>Finalizar: la evaluación pasa a ser de solo lectura. Los resultados, las lecturas, las puntuaciones de la rúbrica y las firmas ya no se pueden cambiar, y ningún resultado se puede corregir. Resultado que se registra: {outcome}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="638"/>
        <source>Yes, finish</source>
        <translation>Sí, finalizar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="645"/>
        <source>Abandon: the assessment ends here, unfinished, and becomes read-only. Nothing more can be recorded or corrected. Say why it is abandoned.</source>
        <translation>Abandonar: la evaluación termina aquí, sin completar, y pasa a ser de solo lectura. Ya no se puede registrar ni corregir nada. Indique por qué se abandona.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="646"/>
        <source>Yes, abandon</source>
        <translation>Sí, abandonar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="647"/>
        <source>Reason the assessment is abandoned (required)</source>
        <translation>Motivo del abandono (obligatorio)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="653"/>
        <source>Type the assessor&apos;s PIN to seal.</source>
        <translation>Escriba el PIN del evaluador para sellar.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="657"/>
        <source>Seal: the record, its evidence files and the PDF records are signed with this workstation&apos;s key and the assessor&apos;s key. Nothing in the sealed bundle can be changed afterwards.</source>
        <translation>Sellar: el registro, sus archivos de evidencia y las actas en PDF se firman con la clave de este puesto de trabajo y la del evaluador. Después no se puede cambiar nada del paquete sellado.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="659"/>
        <source>Yes, seal</source>
        <translation>Sí, sellar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="152"/>
        <source>Behavioural rubric</source>
        <translation>Rúbrica de comportamiento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="145"/>
        <source>People of the assessment</source>
        <translation>Personas de la evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="299"/>
        <source>Steps and their results</source>
        <translation>Pasos y sus resultados</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <location filename="../pages/review.py" line="342"/>
        <source>Done by</source>
        <translation>Realizado por</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Readings</source>
        <translation>Lecturas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="315"/>
        <source>The selected step</source>
        <translation>El paso seleccionado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="321"/>
        <source>Correct the result of the selected step</source>
        <translation>Corregir el resultado del paso seleccionado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="329"/>
        <source>Correct to: {result}</source>
        <translation>Corregir a: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="334"/>
        <source>Done by (as corrected)</source>
        <translation>Realizado por (tras la corrección)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="335"/>
        <source>Reason for the correction (required)</source>
        <translation>Motivo de la corrección (obligatorio)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="336"/>
        <source>Reason for the correction</source>
        <translation>Motivo de la corrección</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="337"/>
        <source>Record &amp;correction</source>
        <translation>&amp;Registrar corrección</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="394"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="395"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisional: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="402"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Peligro detectado y trabajo detenido correctamente: detenerse fue la decisión correcta, así que no es un no apto del candidato. La tarea no pudo completarse en este vehículo: reevaluar en un vehículo sin defectos.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="408"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidencias que faltan o incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="412"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas las evidencias que pide la lista de verificación están registradas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="708"/>
        <source>Identity: {method}</source>
        <translation>Identidad: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="712"/>
        <source>Identity: not recorded yet</source>
        <translation>Identidad: aún no registrada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="730"/>
        <source>Signed by {name}</source>
        <translation>Firmado por {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="732"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>No se indicó ninguna persona responsable para esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="745"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Realicé yo mismo el trabajo aquí evaluado y he visto este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="747"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Fui la persona responsable de este trabajo (SFS 6002) y confirmo este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="748"/>
        <source>I observed this assessment.</source>
        <translation>Observé esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="759"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Elija cómo se comprobó la identidad del candidato (o que no se comprobó).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="677"/>
        <source>Sealed: {path}</source>
        <translation>Sellado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Steps</source>
        <extracomment>The width the step list&apos;s column starts with (the trainer can drag the divider).</extracomment>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="91"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obligatorio si no aplica; útil si no es apto)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Note on this step</source>
        <translation>Nota sobre este paso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Start step (S)</source>
        <translation>Iniciar paso (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>Pass (Space)</source>
        <translation>Apto (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="102"/>
        <source>Fail (F)</source>
        <translation>No apto (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="103"/>
        <source>N/A (N)</source>
        <translation>No aplica (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="104"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Peligro detectado, detenido (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="105"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Peligro detectado, detenido correctamente</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="110"/>
        <location filename="../pages/run.py" line="160"/>
        <source>Done by</source>
        <extracomment>When a wait ends or a time window closes: a sound (this callable) and a visible cue.</extracomment>
        <translation>Realizado por</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="111"/>
        <source>Review (R)</source>
        <translation>Revisar (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="269"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riesgo: {risk} · evidencias: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="273"/>
        <source>Pass criterion: {c}</source>
        <translation>Criterio de apto: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="290"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Parada por peligro: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="339"/>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>in range ✔</source>
        <translation>dentro del rango ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FUERA DE RANGO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="630"/>
        <source>Step {n} of {total} · passed {passed} · failed {failed} · remaining {remaining}</source>
        <translation>Paso {n} de {total} · aptos {passed} · no aptos {failed} · pendientes {remaining}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="634"/>
        <source>N/A {count}</source>
        <translation>no aplica {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="636"/>
        <source>hazard stop {count}</source>
        <translation>detenidos por peligro {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="639"/>
        <source>The task is stopped.</source>
        <translation>La tarea está detenida.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="640"/>
        <source>Every step has a result.</source>
        <translation>Todos los pasos tienen resultado.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="641"/>
        <source>{head} Left before finishing: {left}. Go to the review (R).</source>
        <translation>{head} Falta antes de finalizar: {left}. Vaya a la revisión (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="643"/>
        <source>{head} Nothing is left but finishing: go to the review (R).</source>
        <translation>{head} Solo falta finalizar: vaya a la revisión (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="654"/>
        <source>steps {steps}</source>
        <translation>pasos {steps}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="656"/>
        <source>rubric scores ({criteria})</source>
        <translation>puntuaciones de la rúbrica ({criteria})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="658"/>
        <source>the identity check</source>
        <translation>la comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="660"/>
        <source>sign-offs ({roles})</source>
        <translation>firmas ({roles})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="423"/>
        <source>{what}: {time} left</source>
        <translation>{what}: quedan {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="425"/>
        <source>{what} closed</source>
        <translation>{what}: ha vencido</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="426"/>
        <source>{what} over</source>
        <translation>{what}: ha terminado</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="474"/>
        <source>{what} closed for step {step}: do the sequence again or record a fail</source>
        <translation>{what}: ha vencido para el paso {step}; repita la secuencia o registre un no apto</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="477"/>
        <source>{what} over: step {step} can be done now</source>
        <translation>{what}: ha terminado; el paso {step} ya se puede hacer</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="610"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduce un número, p. ej. 0,4 o 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="92"/>
        <location filename="../pages/settings.py" line="105"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <location filename="../pages/settings.py" line="109"/>
        <location filename="../pages/settings.py" line="211"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="98"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="100"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>General (applies when the app is next started)</source>
        <translation>General (se aplica la próxima vez que se inicie la aplicación)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (se aplican a la próxima evaluación abierta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="113"/>
        <location filename="../pages/settings.py" line="123"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114"/>
        <source>No camera</source>
        <translation>Sin cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="115"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Cámara simulada (patrón de prueba)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="117"/>
        <source>Camera {name}</source>
        <translation>Cámara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="119"/>
        <source>Find cameras</source>
        <translation>Buscar cámaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="125"/>
        <location filename="../pages/settings.py" line="145"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="126"/>
        <source>No vehicle adapter</source>
        <translation>Sin adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="127"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (bus CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="132"/>
        <source>Find adapters</source>
        <translation>Buscar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="137"/>
        <location filename="../pages/settings.py" line="146"/>
        <source>Bit rate</source>
        <translation>Velocidad de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="141"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Solo escucha (nunca transmite en el bus)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="143"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="154"/>
        <source>This workstation</source>
        <translation>Este puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="156"/>
        <source>not created yet</source>
        <translation>aún no creada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158"/>
        <source>Workstation key fingerprint</source>
        <translation>Huella de la clave del puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="160"/>
        <source>Signing key fingerprint</source>
        <translation>Huella de la clave de firma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="161"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>El centro de formación la compara con la clave que registró para este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="207"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>Buscando cámaras (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="237"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>Buscando adaptadores (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="246"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="252"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Elija primero un adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="255"/>
        <source>Testing the connection (2 s)…</source>
        <translation>Probando la conexión (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="268"/>
        <source>{n} camera(s) found.</source>
        <translation>Cámaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="271"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado en {path}. Reinicia la aplicación para aplicar los cambios.</translation>
    </message>
</context>
<context>
    <name>StepInputs</name>
    <message>
        <location filename="../pages/step_inputs.py" line="226"/>
        <source>Re-prove the tester and measure again</source>
        <translation>Volver a comprobar el comprobador y medir de nuevo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="275"/>
        <source>Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and record the hazard stop (H).</source>
        <translation>Bloqueado en la parada por peligro: {lock}. Deje el vehículo en condiciones seguras, manténgalo en cuarentena y registre la parada por peligro (H).</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="281"/>
        <source>The live-dead-live window has lapsed: do the sequence again from step {step} ({title}). Every reading is kept.</source>
        <translation>La ventana vivo-muerto-vivo ha vencido: repita la secuencia desde el paso {step} ({title}). Se conservan todas las lecturas.</translation>
    </message>
</context>
<context>
    <name>ThemeChoice</name>
    <message>
        <location filename="../pages/appearance.py" line="18"/>
        <source>Appearance (applies at once)</source>
        <translation>Apariencia (se aplica al instante)</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="19"/>
        <source>Light: for a bright shop</source>
        <translation>Claro: para un taller luminoso</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="20"/>
        <source>Dark, high contrast: for a dark bay</source>
        <translation>Oscuro, alto contraste: para un puesto oscuro</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="27"/>
        <source>Theme: {name}</source>
        <translation>Tema: {name}</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="144"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ninguna evaluación abierta</translation>
    </message>
    <message>
        <location filename="../video.py" line="153"/>
        <source>Assessment closed: no recording</source>
        <translation>Evaluación cerrada: sin grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="156"/>
        <source>Not recording: no consent to video</source>
        <translation>Sin grabar: no hay consentimiento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="159"/>
        <source>No camera chosen (Settings)</source>
        <translation>No se ha elegido cámara (Ajustes)</translation>
    </message>
    <message>
        <location filename="../video.py" line="161"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="188"/>
        <source>Camera not available</source>
        <translation>Cámara no disponible</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="52"/>
        <source>Camera preview</source>
        <extracomment>The live preview beside the step list: small enough that the list shows most steps on a 1366x768 screen, large enough to see that the camera frames the work.</extracomment>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../video.py" line="54"/>
        <source>Recording status</source>
        <translation>Estado de la grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="55"/>
        <location filename="../video.py" line="124"/>
        <source>Pause recording (V)</source>
        <translation>Pausar grabación (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="105"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} fotogramas perdidos</translation>
    </message>
    <message>
        <location filename="../video.py" line="108"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAB {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="111"/>
        <source>Paused at {time} · {size}</source>
        <translation>En pausa en {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="114"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Cámara perdida: esperando a que vuelva</translation>
    </message>
    <message>
        <location filename="../video.py" line="117"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Grabado {time} en {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="123"/>
        <source>Resume recording (V)</source>
        <translation>Reanudar grabación (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="67"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="68"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="69"/>
        <source>{field}: yes</source>
        <translation>{field}: sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="70"/>
        <source>{field}: no</source>
        <translation>{field}: no</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="162"/>
        <source>Assessor is already open on this computer.</source>
        <extracomment>How long the start waits for the window&apos;s first frame before it loads the store anyway (a window that starts minimised is not painted until it is shown). The modules of the pages and devices: imported on the writer thread while the first frame is up, so that building the pages on the GUI thread does not wait for imports.</extracomment>
        <translation>Assessor ya está abierto en este ordenador.</translation>
    </message>
    <message>
        <location filename="../window.py" line="180"/>
        <source>The assessments could not be opened: see the error message.</source>
        <translation>No se pudieron abrir las evaluaciones: vea el mensaje de error.</translation>
    </message>
</context>
<context>
    <name>bad_input</name>
    <message>
        <location filename="../bad_input.py" line="21"/>
        <source>VIN: empty, needs {n} characters</source>
        <translation>VIN: vacío, necesita {n} caracteres</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="24"/>
        <source>VIN: {length} characters, needs {n}</source>
        <translation>VIN: {length} caracteres, necesita {n}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="27"/>
        <source>VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)</source>
        <translation>VIN: la letra {char} en la posición {position} no está permitida (I, O y Q nunca se usan)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="30"/>
        <source>VIN: &apos;{char}&apos; at position {position} is not allowed (only digits and the letters A-Z without I, O, Q)</source>
        <translation>VIN: &apos;{char}&apos; en la posición {position} no está permitido (solo dígitos y las letras A-Z sin I, O, Q)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="37"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate</source>
        <translation>VIN: el dígito de control {found} no coincide (el VIN da {expected}): vuelva a leer la placa</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="41"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate, unless this maker&apos;s VINs carry no check digit</source>
        <translation>VIN: el dígito de control {found} no coincide (el VIN da {expected}): vuelva a leer la placa, salvo que los VIN de este fabricante no lleven dígito de control</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="49"/>
        <location filename="../bad_input.py" line="93"/>
        <source>{field}: {value} is not a finite number</source>
        <translation>{field}: {value} no es un número finito</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="53"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at least {bound}): re-read the display</source>
        <translation>{field}: {value} está fuera del rango del instrumento (como mínimo {bound}): vuelva a leer la pantalla</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="57"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at most {bound}): re-read the display</source>
        <translation>{field}: {value} está fuera del rango del instrumento (como máximo {bound}): vuelva a leer la pantalla</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="61"/>
        <source>{field}: {value} is not plausible (at least {bound})</source>
        <translation>{field}: {value} no es plausible (como mínimo {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="63"/>
        <source>{field}: {value} is not plausible (at most {bound})</source>
        <translation>{field}: {value} no es plausible (como máximo {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="89"/>
        <source>{field}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{field}: introduzca un número, p. ej. 0,4 o 0,4 {unit}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="98"/>
        <source>{field}: {typed} is not a unit of this value (enter it in {unit})</source>
        <translation>{field}: {typed} no es una unidad de este valor (introdúzcalo en {unit})</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>competent</source>
        <translation>competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>not yet competent</source>
        <translation>aún no competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped safely</source>
        <translation>detenida de forma segura</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>hazard found, correctly stopped</source>
        <translation>peligro detectado, detenido correctamente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>not done</source>
        <translation>sin hacer</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>can be done now</source>
        <translation>se puede hacer ahora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>not allowed yet</source>
        <translation>aún no permitido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>passed</source>
        <translation>apto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>failed</source>
        <translation>no apto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>not applicable</source>
        <translation>no aplica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>finished</source>
        <translation>finalizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>sealed</source>
        <translation>sellada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>synced</source>
        <translation>sincronizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>standard</source>
        <translation>estándar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>foundational electrical safety</source>
        <translation>seguridad eléctrica básica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>HV maintenance (non-live)</source>
        <translation>mantenimiento AT (sin tensión)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>trabajos en VE/híbridos incl. desenergización</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>live work</source>
        <translation>trabajos en tensión</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>measurement</source>
        <translation>medición</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>CAN/OBD log</source>
        <translation>registro CAN/OBD</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>observation</source>
        <translation>observación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>sign-off</source>
        <translation>firma</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>assessor</source>
        <translation>evaluador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>candidate</source>
        <translation>candidato</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>responsible person</source>
        <translation>persona responsable</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>photo ID checked</source>
        <translation>documento de identidad con foto comprobado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>known to the assessor</source>
        <translation>conocido por el evaluador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>checked against the provider&apos;s record</source>
        <translation>comprobado con el registro del centro de formación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>not checked</source>
        <translation>no comprobada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>prompt</source>
        <translation>indicación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>intervention</source>
        <translation>intervención</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>camera</source>
        <translation>cámara</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
</context>
</TS>
