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
        <location filename="../delivery.py" line="83"/>
        <source>Not enrolled with a provider</source>
        <translation>No inscrito con un centro de formación</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="84"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envío detenido: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="85"/>
        <location filename="../delivery.py" line="158"/>
        <location filename="../delivery.py" line="181"/>
        <source>Outbox: {n}</source>
        <translation>Bandeja de salida: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="155"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Centro: este puesto ha sido revocado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: up to date</source>
        <translation>Centro: al día</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: sending</source>
        <translation>Centro: enviando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: offline</source>
        <translation>Centro: sin conexión</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: retrying</source>
        <translation>Centro: reintentando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: paused</source>
        <translation>Centro: en pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: stopped</source>
        <translation>Centro: detenido</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="171"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Centro: enviando {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="174"/>
        <source> (next try in {s} s)</source>
        <translation> (próximo intento en {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="177"/>
        <source> · last delivery {when}</source>
        <translation> · último envío {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="180"/>
        <source>, {n} refused</source>
        <translation>, {n} rechazados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="102"/>
        <location filename="../diagnostics.py" line="110"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sin adaptador del vehículo (Ajustes)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="113"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Evaluación cerrada: sin registro CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="115"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Conectando con el adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="154"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador no disponible</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="175"/>
        <source>CAN log closed</source>
        <translation>Registro CAN cerrado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="212"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantánea de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="214"/>
        <source>signal check: {what}</source>
        <translation>comprobación de señales: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="216"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necesario antes de superar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="242"/>
        <source>Reading the vehicle…</source>
        <translation>Leyendo el vehículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="252"/>
        <source>Checking the signals…</source>
        <translation>Comprobando las señales…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="40"/>
        <source>Vehicle adapter status</source>
        <translation>Estado del adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="41"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantánea DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Check signals (C)</source>
        <translation>Comprobar señales (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico de este paso</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="70"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="74"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="76"/>
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
        <location filename="../pages/field_inputs.py" line="118"/>
        <source>{field} (optional)</source>
        <translation>{field} (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="123"/>
        <source>{field}: check</source>
        <translation>{field}: comprobación</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="141"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="149"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="153"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="168"/>
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
        <location filename="../pages/home.py" line="130"/>
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
        <location filename="../main_window.py" line="35"/>
        <location filename="../main_window.py" line="339"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="60"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="253"/>
        <source>unavailable: {reason}</source>
        <translation>no disponible: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="65"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador seudónimo, p. ej. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="66"/>
        <location filename="../pages/new_assessment.py" line="68"/>
        <location filename="../pages/new_assessment.py" line="70"/>
        <source>Name (optional)</source>
        <translation>Nombre (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="67"/>
        <source>Id, e.g. assessor-03</source>
        <translation>ID, p. ej. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="69"/>
        <source>Id (optional)</source>
        <translation>ID (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="74"/>
        <source>Two letters, e.g. FI</source>
        <translation>Dos letras, p. ej. ES</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Address (optional)</source>
        <translation>Dirección (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="82"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="85"/>
        <source>The candidate consents to video recording</source>
        <translation>El candidato autoriza la grabación en vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="87"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="88"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="114"/>
        <source>Candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="115"/>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="121"/>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <location filename="../pages/new_assessment.py" line="116"/>
        <source>Assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <location filename="../pages/new_assessment.py" line="117"/>
        <source>Assessor name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="92"/>
        <location filename="../pages/new_assessment.py" line="118"/>
        <source>Responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <location filename="../pages/new_assessment.py" line="119"/>
        <source>Responsible person name</source>
        <translation>Nombre de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>Workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>Workshop name</source>
        <translation>Nombre del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <source>Workshop address</source>
        <translation>Dirección del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Parameter set</source>
        <translation>Conjunto de parámetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="97"/>
        <location filename="../pages/new_assessment.py" line="133"/>
        <source>Vehicle VIN</source>
        <translation>VIN del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="97"/>
        <location filename="../pages/new_assessment.py" line="134"/>
        <source>Working voltage</source>
        <translation>Tensión de trabajo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="112"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="127"/>
        <source>Task and vehicle</source>
        <translation>Tarea y vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="193"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nivel: {gateway} · versión {version} · {steps} pasos
Requisitos previos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="194"/>
        <location filename="../pages/new_assessment.py" line="195"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="198"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Esta lista de verificación pide la firma de la persona responsable: indíquela.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="213"/>
        <source>candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="213"/>
        <source>assessor id</source>
        <translation>ID del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="214"/>
        <source>workshop id</source>
        <translation>ID del taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="214"/>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="216"/>
        <source>responsible person id</source>
        <translation>ID de la persona responsable</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="223"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>País: dos letras (ISO 3166), p. ej. ES, no {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="245"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Entidad que otorga: {name} (el centro de formación en el que está registrado este puesto)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="247"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Entidad que otorga: ninguna (no registrado en un centro de formación)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="219"/>
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
        <location filename="../pages/review.py" line="48"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidencias que faltan o incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="52"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Cómo se comprobó la identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="53"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="56"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Nota, p. ej. el tipo de documento (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="57"/>
        <source>Identity check note</source>
        <translation>Nota de la comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="58"/>
        <source>Record identity check</source>
        <translation>Registrar comprobación de identidad</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="64"/>
        <source>Sign-offs</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="67"/>
        <location filename="../pages/review.py" line="269"/>
        <source>Name, typed by the person signing</source>
        <translation>Nombre, escrito por quien firma</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="68"/>
        <source>Name of the {role} signing</source>
        <translation>Nombre de quien firma como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="69"/>
        <source>Sign off</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="70"/>
        <source>Sign off as the {role}</source>
        <translation>Firmar como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="86"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Finalizar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="87"/>
        <source>Back to steps (Esc)</source>
        <translation>Volver a los pasos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="88"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN del evaluador para sellar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="91"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="92"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;ellar evidencias</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="96"/>
        <source>Candidate&apos;s identity</source>
        <translation>Identidad del candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="108"/>
        <source>Behavioural rubric</source>
        <translation>Rúbrica de comportamiento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="171"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="172"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisional: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="176"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Peligro detectado y trabajo detenido correctamente: detenerse fue la decisión correcta, así que no es un no apto del candidato. La tarea no pudo completarse en este vehículo: reevaluar en un vehículo sin defectos.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="181"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidencias que faltan o incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="185"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas las evidencias que pide la lista de verificación están registradas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="194"/>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="241"/>
        <source>Identity: {method}</source>
        <translation>Identidad: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="245"/>
        <source>Identity: not recorded yet</source>
        <translation>Identidad: aún no registrada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="263"/>
        <source>Signed by {name}</source>
        <translation>Firmado por {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="265"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>No se indicó ninguna persona responsable para esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="278"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Realicé yo mismo el trabajo aquí evaluado y he visto este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="280"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Fui la persona responsable de este trabajo (SFS 6002) y confirmo este registro.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="281"/>
        <source>I observed this assessment.</source>
        <translation>Observé esta evaluación.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="292"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Elija cómo se comprobó la identidad del candidato (o que no se comprobó).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="215"/>
        <source>Sealed: {path}</source>
        <translation>Sellado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="80"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="91"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obligatorio si no aplica; útil si no es apto)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="92"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="93"/>
        <source>Note on this step</source>
        <translation>Nota sobre este paso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="94"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Start step (S)</source>
        <translation>Iniciar paso (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Pass (Space)</source>
        <translation>Apto (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Fail (F)</source>
        <translation>No apto (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>N/A (N)</source>
        <translation>No aplica (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Peligro detectado, detenido (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Peligro detectado, detenido correctamente</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="106"/>
        <location filename="../pages/run.py" line="155"/>
        <source>Done by</source>
        <extracomment>When a wait ends or a time window closes: a sound (this callable) and a visible cue.</extracomment>
        <translation>Realizado por</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="107"/>
        <source>Review (R)</source>
        <translation>Revisar (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="262"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riesgo: {risk} · evidencias: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="266"/>
        <source>Pass criterion: {c}</source>
        <translation>Criterio de apto: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="283"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Parada por peligro: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="331"/>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="366"/>
        <source>in range ✔</source>
        <translation>dentro del rango ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="366"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FUERA DE RANGO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="378"/>
        <source>{what}: {time} left</source>
        <translation>{what}: quedan {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="380"/>
        <source>{what} closed</source>
        <translation>{what}: ha vencido</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="381"/>
        <source>{what} over</source>
        <translation>{what}: ha terminado</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="427"/>
        <source>{what} closed for step {step}: do the sequence again or record a fail</source>
        <translation>{what}: ha vencido para el paso {step}; repita la secuencia o registre un no apto</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="430"/>
        <source>{what} over: step {step} can be done now</source>
        <translation>{what}: ha terminado; el paso {step} ya se puede hacer</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="554"/>
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
        <location filename="../pages/settings.py" line="204"/>
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
        <location filename="../pages/settings.py" line="200"/>
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
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="121"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ninguna evaluación abierta</translation>
    </message>
    <message>
        <location filename="../video.py" line="130"/>
        <source>Assessment closed: no recording</source>
        <translation>Evaluación cerrada: sin grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="133"/>
        <source>Not recording: no consent to video</source>
        <translation>Sin grabar: no hay consentimiento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="136"/>
        <source>No camera chosen (Settings)</source>
        <translation>No se ha elegido cámara (Ajustes)</translation>
    </message>
    <message>
        <location filename="../video.py" line="138"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="165"/>
        <source>Camera not available</source>
        <translation>Cámara no disponible</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="47"/>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../video.py" line="49"/>
        <source>Recording status</source>
        <translation>Estado de la grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="50"/>
        <location filename="../video.py" line="103"/>
        <source>Pause recording (V)</source>
        <translation>Pausar grabación (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="84"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} fotogramas perdidos</translation>
    </message>
    <message>
        <location filename="../video.py" line="87"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAB {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="90"/>
        <source>Paused at {time} · {size}</source>
        <translation>En pausa en {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="93"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Cámara perdida: esperando a que vuelva</translation>
    </message>
    <message>
        <location filename="../video.py" line="96"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Grabado {time} en {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="102"/>
        <source>Resume recording (V)</source>
        <translation>Reanudar grabación (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="63"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="64"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="65"/>
        <source>{field}: yes</source>
        <translation>{field}: sí</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="66"/>
        <source>{field}: no</source>
        <translation>{field}: no</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="59"/>
        <source>Assessor is already open on this computer.</source>
        <translation>Assessor ya está abierto en este ordenador.</translation>
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
