<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
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
        <location filename="../diagnostics.py" line="108"/>
        <location filename="../diagnostics.py" line="116"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sin adaptador del vehículo (Ajustes)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="119"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Evaluación cerrada: sin registro CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="121"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Conectando con el adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="160"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador no disponible</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="181"/>
        <source>CAN log closed</source>
        <translation>Registro CAN cerrado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="218"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantánea de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="220"/>
        <source>signal check: {what}</source>
        <translation>comprobación de señales: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="222"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necesario antes de superar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="248"/>
        <source>Reading the vehicle…</source>
        <translation>Leyendo el vehículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="258"/>
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
        <location filename="../diagnostics.py" line="76"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="80"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="82"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registro CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../pages/field_inputs.py" line="91"/>
        <source>Step data</source>
        <translation>Datos del paso</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="93"/>
        <source>Record data</source>
        <translation>Registrar datos</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="94"/>
        <source>Record the step data</source>
        <translation>Registrar los datos del paso</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="117"/>
        <source>{field} (optional)</source>
        <translation>{field} (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="122"/>
        <source>{field}: check</source>
        <translation>{field}: comprobación</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="140"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="148"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="152"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="167"/>
        <source>recorded ✔</source>
        <translation>registrado ✔</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="39"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Buscar candidato, lista de verificación, VIN, taller</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="40"/>
        <source>Search assessments</source>
        <translation>Buscar evaluaciones</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="44"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="44"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="45"/>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="45"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="50"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nueva evaluación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="109"/>
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
        <location filename="../pages/step_inputs.py" line="311"/>
        <source>Instrument id, e.g. FLUKE-1587-22</source>
        <translation>ID del instrumento, p. ej. FLUKE-1587-22</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="312"/>
        <location filename="../pages/step_inputs.py" line="317"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="313"/>
        <source>Range, e.g. 1000 V DC</source>
        <translation>Rango, p. ej. 1000 V CC</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="314"/>
        <location filename="../pages/step_inputs.py" line="319"/>
        <source>Range</source>
        <translation>Rango</translation>
    </message>
</context>
<context>
    <name>InterventionBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="174"/>
        <source>Assessor prompt or intervention</source>
        <translation>Indicación o intervención del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="175"/>
        <source>What you prompted, or why you intervened</source>
        <translation>Qué indicó o por qué intervino</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="176"/>
        <source>Prompt or intervention note</source>
        <translation>Nota de la indicación o intervención</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="177"/>
        <source>Prompted</source>
        <translation>Indicado</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="178"/>
        <source>Intervened</source>
        <translation>Intervenido</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="197"/>
        <source>Critical step: a prompt or an intervention fails this step.</source>
        <translation>Paso crítico: una indicación o una intervención hace que este paso sea no apto.</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="200"/>
        <source>{kind} (attempt {n}): {note}</source>
        <translation>{kind} (intento {n}): {note}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="201"/>
        <source> · failed the step</source>
        <translation> · paso no apto</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="32"/>
        <location filename="../main_window.py" line="376"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="41"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="42"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>Opening the assessments…</source>
        <translation>Abriendo las evaluaciones…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>unavailable: {reason}</source>
        <translation>no disponible: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador seudónimo, p. ej. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="65"/>
        <location filename="../pages/new_assessment.py" line="67"/>
        <location filename="../pages/new_assessment.py" line="69"/>
        <source>Name (optional)</source>
        <translation>Nombre (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="66"/>
        <source>Id, e.g. assessor-03</source>
        <translation>ID, p. ej. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="68"/>
        <source>Id (optional)</source>
        <translation>ID (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="73"/>
        <source>Two letters, e.g. FI</source>
        <translation>Dos letras, p. ej. ES</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="75"/>
        <source>Address (optional)</source>
        <translation>Dirección (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="81"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="84"/>
        <source>The candidate consents to video recording</source>
        <translation>El candidato autoriza la grabación en vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="86"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="87"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="89"/>
        <location filename="../pages/new_assessment.py" line="113"/>
        <source>Candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="89"/>
        <location filename="../pages/new_assessment.py" line="114"/>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="120"/>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <location filename="../pages/new_assessment.py" line="128"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="115"/>
        <source>Assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="116"/>
        <source>Assessor name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <location filename="../pages/new_assessment.py" line="117"/>
        <source>Responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="92"/>
        <location filename="../pages/new_assessment.py" line="118"/>
        <source>Responsible person name</source>
        <translation>Nombre de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <location filename="../pages/new_assessment.py" line="122"/>
        <source>Workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>Workshop name</source>
        <translation>Nombre del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <source>Workshop address</source>
        <translation>Dirección del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <location filename="../pages/new_assessment.py" line="131"/>
        <source>Parameter set</source>
        <translation>Conjunto de parámetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Vehicle VIN</source>
        <translation>VIN del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="133"/>
        <source>Working voltage</source>
        <translation>Tensión de trabajo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="111"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Task and vehicle</source>
        <translation>Tarea y vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="178"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nivel: {gateway} · versión {version} · {steps} pasos
Requisitos previos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="179"/>
        <location filename="../pages/new_assessment.py" line="180"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="183"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Esta lista de verificación pide la firma de la persona responsable: indíquela.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="198"/>
        <source>candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="198"/>
        <source>assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="199"/>
        <source>workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="199"/>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="201"/>
        <source>responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="208"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>País: dos letras (ISO 3166), p. ej. ES, no {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="230"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Entidad que otorga: {name} (el centro de formación en el que está registrado este puesto)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="232"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Entidad que otorga: ninguna (no registrado en un centro de formación)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="204"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta por rellenar: {fields}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../pages/step_inputs.py" line="49"/>
        <source>Photos</source>
        <extracomment>How large a thumbnail is shown in the strip (the controller makes them a little larger). Recorded with a redo: why the sequence is done again (the trainer&apos;s words go in a note).</extracomment>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="50"/>
        <source>Photo (P)</source>
        <translation>Foto (P)</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="51"/>
        <source>Take a photo with the camera</source>
        <translation>Tomar una foto con la cámara</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="52"/>
        <source>Photo from file…</source>
        <translation>Foto desde archivo…</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="53"/>
        <source>Add a photo from a file</source>
        <translation>Añadir una foto desde un archivo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="62"/>
        <source>Photos of this step</source>
        <translation>Fotos de este paso</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="81"/>
        <source>Photo from file</source>
        <translation>Foto desde archivo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="81"/>
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
        <location filename="../pages/step_inputs.py" line="109"/>
        <source>Oral questions</source>
        <translation>Preguntas orales</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="127"/>
        <source>The answer given</source>
        <translation>La respuesta dada</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="128"/>
        <source>Answer: {question}</source>
        <translation>Respuesta: {question}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="130"/>
        <source>Correct</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="131"/>
        <source>Incorrect</source>
        <translation>Incorrecta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="153"/>
        <source>noted: correct ✔</source>
        <translation>anotada: correcta ✔</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="153"/>
        <source>noted: incorrect ✘</source>
        <translation>anotada: incorrecta ✘</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="45"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidencias que faltan o incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="49"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Cómo se comprobó la identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="50"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="53"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Nota, p. ej. el tipo de documento (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="54"/>
        <source>Identity check note</source>
        <translation>Nota de la comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="55"/>
        <source>Record identity check</source>
        <translation>Registrar comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="61"/>
        <source>Sign-offs</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="64"/>
        <location filename="../pages/review.py" line="242"/>
        <source>Name, typed by the person signing</source>
        <translation>Nombre, escrito por quien firma</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="65"/>
        <source>Name of the {role} signing</source>
        <translation>Nombre de quien firma como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="66"/>
        <source>Sign off</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="67"/>
        <source>Sign off as the {role}</source>
        <translation>Firmar como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="83"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Finalizar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="84"/>
        <source>Back to steps (Esc)</source>
        <translation>Volver a los pasos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="85"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="86"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN del evaluador para sellar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="88"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;ellar evidencias</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="93"/>
        <source>Candidate&apos;s identity</source>
        <translation>Identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="105"/>
        <source>Behavioural rubric</source>
        <translation>Rúbrica de comportamiento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="144"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="145"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisional: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="149"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Peligro detectado y trabajo detenido correctamente: detenerse fue la decisión correcta, así que no es un no apto del candidato. La tarea no pudo completarse en este vehículo: reevaluar en un vehículo sin defectos.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="154"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidencias que faltan o incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="158"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas las evidencias que pide la lista de verificación están registradas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="167"/>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="214"/>
        <source>Identity: {method}</source>
        <translation>Identidad: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="218"/>
        <source>Identity: not recorded yet</source>
        <translation>Identidad: aún no registrada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="236"/>
        <source>Signed by {name}</source>
        <translation>Firmado por {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="238"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>No se indicó ninguna persona responsable para esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="251"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Realicé yo mismo el trabajo aquí evaluado y he visto este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="253"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Fui la persona responsable de este trabajo (SFS 6002) y confirmo este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="254"/>
        <source>I observed this assessment.</source>
        <translation>Observé esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="265"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Elija cómo se comprobó la identidad del candidato (o que no se comprobó).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="188"/>
        <source>Sealed: {path}</source>
        <translation>Sellado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="82"/>
        <source>Steps</source>
        <extracomment>The width the step list&apos;s column starts with (the trainer can drag the divider).</extracomment>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="93"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obligatorio si no aplica; útil si no es apto)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="94"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Note on this step</source>
        <translation>Nota sobre este paso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Start step (S)</source>
        <translation>Iniciar paso (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>Pass (Space)</source>
        <translation>Apto (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Fail (F)</source>
        <translation>No apto (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>N/A (N)</source>
        <translation>No aplica (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="102"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Peligro detectado, detenido (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="103"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Peligro detectado, detenido correctamente</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="108"/>
        <location filename="../pages/run.py" line="147"/>
        <source>Done by</source>
        <translation>Realizado por</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="109"/>
        <source>Review (R)</source>
        <translation>Revisar (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="242"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riesgo: {risk} · evidencias: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="246"/>
        <source>Pass criterion: {c}</source>
        <translation>Criterio de apto: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="262"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Parada por peligro: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="299"/>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="330"/>
        <source>in range ✔</source>
        <translation>dentro del rango ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="330"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FUERA DE RANGO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="348"/>
        <source>Wait over</source>
        <translation>Espera terminada</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="352"/>
        <source>{what}: {time} left</source>
        <translation>{what}: quedan {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="408"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduce un número, p. ej. 0,4 o 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="89"/>
        <location filename="../pages/settings.py" line="102"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="94"/>
        <location filename="../pages/settings.py" line="106"/>
        <location filename="../pages/settings.py" line="198"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="95"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="96"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="100"/>
        <source>General (applies when the app is next started)</source>
        <translation>General (se aplica la próxima vez que se inicie la aplicación)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="107"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (se aplican a la próxima evaluación abierta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110"/>
        <location filename="../pages/settings.py" line="120"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="111"/>
        <source>No camera</source>
        <translation>Sin cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="112"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Cámara simulada (patrón de prueba)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114"/>
        <source>Camera {name}</source>
        <translation>Cámara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116"/>
        <source>Find cameras</source>
        <translation>Buscar cámaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="122"/>
        <location filename="../pages/settings.py" line="142"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123"/>
        <source>No vehicle adapter</source>
        <translation>Sin adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="124"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (bus CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="129"/>
        <source>Find adapters</source>
        <translation>Buscar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="134"/>
        <location filename="../pages/settings.py" line="143"/>
        <source>Bit rate</source>
        <translation>Velocidad de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="138"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Solo escucha (nunca transmite en el bus)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="140"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="151"/>
        <source>This workstation</source>
        <translation>Este puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="153"/>
        <source>not created yet</source>
        <translation>aún no creada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="155"/>
        <source>Workstation key fingerprint</source>
        <translation>Huella de la clave del puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157"/>
        <source>Signing key fingerprint</source>
        <translation>Huella de la clave de firma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>El centro de formación la compara con la clave que registró para este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="194"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>Buscando cámaras (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="224"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>Buscando adaptadores (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="233"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="239"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Elija primero un adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="242"/>
        <source>Testing the connection (2 s)…</source>
        <translation>Probando la conexión (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="255"/>
        <source>{n} camera(s) found.</source>
        <translation>Cámaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="258"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado en {path}. Reinicia la aplicación para aplicar los cambios.</translation>
    </message>
</context>
<context>
    <name>StepInputs</name>
    <message>
        <location filename="../pages/step_inputs.py" line="224"/>
        <source>Re-prove the tester and measure again</source>
        <translation>Volver a comprobar el comprobador y medir de nuevo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="273"/>
        <source>Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and record the hazard stop (H).</source>
        <translation>Bloqueado en la parada por peligro: {lock}. Deje el vehículo en condiciones seguras, manténgalo en cuarentena y registre la parada por peligro (H).</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="279"/>
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
        <location filename="../video.py" line="143"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ninguna evaluación abierta</translation>
    </message>
    <message>
        <location filename="../video.py" line="152"/>
        <source>Assessment closed: no recording</source>
        <translation>Evaluación cerrada: sin grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="155"/>
        <source>Not recording: no consent to video</source>
        <translation>Sin grabar: no hay consentimiento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="158"/>
        <source>No camera chosen (Settings)</source>
        <translation>No se ha elegido cámara (Ajustes)</translation>
    </message>
    <message>
        <location filename="../video.py" line="160"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="187"/>
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
        <location filename="../video.py" line="123"/>
        <source>Pause recording (V)</source>
        <translation>Pausar grabación (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="104"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} fotogramas perdidos</translation>
    </message>
    <message>
        <location filename="../video.py" line="107"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAB {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="110"/>
        <source>Paused at {time} · {size}</source>
        <translation>En pausa en {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="113"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Cámara perdida: esperando a que vuelva</translation>
    </message>
    <message>
        <location filename="../video.py" line="116"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Grabado {time} en {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="122"/>
        <source>Resume recording (V)</source>
        <translation>Reanudar grabación (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="64"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="65"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="66"/>
        <source>{field}: yes</source>
        <translation>{field}: sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="67"/>
        <source>{field}: no</source>
        <translation>{field}: no</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="146"/>
        <source>Assessor is already open on this computer.</source>
        <extracomment>How long the start waits for the window&apos;s first frame before it loads the store anyway (a window that starts minimised is not painted until it is shown). The modules of the pages and devices: imported on the writer thread while the first frame is up, so that building the pages on the GUI thread does not wait for imports.</extracomment>
        <translation>Assessor ya está abierto en este ordenador.</translation>
    </message>
    <message>
        <location filename="../window.py" line="165"/>
        <source>The assessments could not be opened: see the error message.</source>
        <translation>No se pudieron abrir las evaluaciones: vea el mensaje de error.</translation>
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
